#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fatal problem that stops a run. Recoverable problems (a bad row, an unmapped
/// column) are diagnostics or rejects instead; this is for what the user must fix first.
///
/// Every error names where it happened (file, line, column when known) and what to do,
/// so the CLI can print it as is, without a stack trace.
public struct AuditError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// Bad command line. Exit code 2.
        case invocation
        /// Bad pipeline file. Exit code 2.
        case pipeline
        /// An input that cannot be read or is rejected as a whole. Exit code 3.
        case input
        /// The output folder cannot be written. Exit code 3.
        case output
    }

    public var kind: Kind
    public var message: String
    public var file: String?
    public var line: Int?
    public var column: Int?
    /// What the user can do about it.
    public var hint: String?

    public init(_ kind: Kind, _ message: String, file: String? = nil, line: Int? = nil, column: Int? = nil, hint: String? = nil) {
        self.kind = kind
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.hint = hint
    }

    /// Exit codes: 2 bad invocation or pipeline file; 3 input unreadable or rejected as a whole.
    public var exitCode: Int32 {
        switch kind {
        case .invocation, .pipeline: 2
        case .input, .output: 3
        }
    }

    /// The message and hint in Chinese, for the errors a run under a Chinese pipeline meets
    /// on the inspector's path (an input that cannot be opened, a header the pipeline does
    /// not fit); nil: the error is shown in English whatever the language.
    public var chinese: Chinese? = nil

    public struct Chinese: Sendable, Equatable {
        public var message: String
        public var hint: String?

        public init(message: String, hint: String?) {
            self.message = message
            self.hint = hint
        }
    }

    /// Why a file could not be opened or read, in English and Chinese (`errno`): the common
    /// reasons in Chinese words, the rest as the system says them.
    public static func systemReason(_ code: Int32) -> (english: String, chinese: String) {
        let english = String(cString: strerror(code))
        switch code {
        case ENOENT: return (english, "文件或目录不存在")
        case EACCES, EPERM: return (english, "没有读取权限")
        case EISDIR: return (english, "这是一个文件夹")
        case ENOTDIR: return (english, "路径中的某一级不是文件夹")
        case ELOOP: return (english, "符号链接层数过多")
        case ENAMETOOLONG: return (english, "文件名过长")
        case EMFILE, ENFILE: return (english, "打开的文件过多")
        case EIO: return (english, "读写错误")
        default: return (english, english)
        }
    }

    /// This error with its Chinese words.
    public func inChinese(_ message: String, hint: String? = nil) -> AuditError {
        var error = self
        error.chinese = Chinese(message: message, hint: hint)
        return error
    }

    public var description: String { description(in: .en) }

    /// As the terminal shows it in `language`: in English when the error has no Chinese words.
    public func description(in language: ReportLanguage) -> String {
        var location = ""
        if let file {
            location = file
            if let line { location += ":\(line)" }
            if let column { location += ":\(column)" }
            location += ": "
        }
        if language == .zh, let chinese {
            var text = "\(location)错误：\(chinese.message)"
            if let hint = chinese.hint { text += "\n  提示：\(hint)" }
            return text
        }
        var text = "\(location)error: \(message)"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}
