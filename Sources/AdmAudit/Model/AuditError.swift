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

    public var description: String {
        var location = ""
        if let file {
            location = file
            if let line { location += ":\(line)" }
            if let column { location += ":\(column)" }
            location += ": "
        }
        var text = "\(location)error: \(message)"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}
