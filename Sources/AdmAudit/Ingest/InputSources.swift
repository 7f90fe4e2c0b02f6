import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The inputs of a command, each readable as often as the run needs: a regular file is read
/// where it is; a stream (`-`, `/dev/stdin`, a pipe, a named FIFO, `<(…)` process
/// substitution) is read once, as it arrives, into an owner-only temporary copy, and the
/// copy is read instead.
///
/// A run reads an input more than once: `run` without a pipeline infers one from the
/// start of the export before auditing it, the default pseudonym key is derived from each
/// input's start, and a large file is read in two parts at once. A stream gives its bytes
/// only once, so reading it twice lost every row (`cat export.csv | admaudit run … /dev/stdin`
/// audited nothing) or hung (a FIFO whose writer had gone). The copy costs disk in TMPDIR,
/// not memory. It is unlinked as soon as it is created and read through its descriptor
/// (`/proc/self/fd/N`), so it disappears when admaudit exits, however it exits (Ctrl-C,
/// a crash, SIGKILL). Reports name the input as it was given, and its SHA-256 is that of
/// the bytes that came through the stream.
public final class InputSources: @unchecked Sendable {
    /// The inputs as given, for reports.
    public let names: [String]
    /// What to read for each: the file itself, or the stream's copy.
    public let paths: [String]
    private var descriptors: [Int32]

    private init(names: [String], paths: [String], descriptors: [Int32]) {
        self.names = names
        self.paths = paths
        self.descriptors = descriptors
    }

    deinit { remove() }

    /// Opens nothing for regular files; copies each stream once. `-` is standard input.
    public static func open(_ names: [String]) throws(AuditError) -> InputSources {
        var paths: [String] = []
        var descriptors: [Int32] = []
        do throws(AuditError) {
            for name in names {
                let path = name == "-" ? "/dev/stdin" : name
                var status = stat()
                guard stat(path, &status) == 0 else {
                    let reason = AuditError.systemReason(errno)
                    throw AuditError(.input, "cannot open the input file: \(reason.english)", file: name,
                                     hint: "check the path and that you may read the file")
                        .inChinese("无法打开输入文件：\(reason.chinese)", hint: "检查路径，以及是否有权读取该文件")
                }
                switch status.st_mode & S_IFMT {
                case S_IFREG:
                    paths.append(path)
                case S_IFDIR:
                    throw AuditError(.input, "the input is a folder, not a file", file: name, hint: "name the CSV export inside it")
                        .inChinese("输入的是文件夹，不是文件", hint: "请给出其中的 CSV 导出文件")
                default:
                    let copy = try copyStream(from: path, name: name)
                    descriptors.append(copy)
                    paths.append("/proc/self/fd/\(copy)")
                }
            }
        } catch {
            for descriptor in descriptors { close(descriptor) }
            throw error
        }
        return InputSources(names: names, paths: paths, descriptors: descriptors)
    }

    /// Lets the streams' copies go (once); the system frees them.
    public func remove() {
        for descriptor in descriptors { close(descriptor) }
        descriptors = []
    }

    /// Copies the stream into an unlinked owner-only file in TMPDIR; returns its descriptor.
    private static func copyStream(from path: String, name: String) throws(AuditError) -> Int32 {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base + "/admaudit-stream-XXXXXX").utf8CString)
        let target = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            let descriptor = mkstemp(buffer.baseAddress!)  // 0600
            if descriptor >= 0 { unlink(buffer.baseAddress!) }
            return descriptor
        }
        guard target >= 0 else {
            throw AuditError(.input, "cannot make a temporary copy of the stream: \(String(cString: strerror(errno)))", file: base,
                             hint: "a stream is copied to TMPDIR before it is audited: set TMPDIR to a folder you may write to")
        }
        let source = Glibc.open(path, O_RDONLY)
        guard source >= 0 else {
            close(target)
            throw AuditError(.input, "cannot open the input: \(String(cString: strerror(errno)))", file: name,
                             hint: "check the path and that you may read it")
        }
        defer { close(source) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(source, $0.baseAddress!, $0.count) }
            if count == 0 { return target }
            if count < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(target)
                throw AuditError(.input, "cannot read the input: \(reason)", file: name)
            }
            var written = 0
            while written < count {
                let n = buffer.withUnsafeBytes { Glibc.write(target, $0.baseAddress! + written, count - written) }
                if n < 0 {
                    if errno == EINTR { continue }
                    let reason = String(cString: strerror(errno))
                    close(target)
                    throw AuditError(.input, "cannot keep a temporary copy of the stream: \(reason)", file: name,
                                     hint: "a stream is copied to TMPDIR before it is audited: make room there, point TMPDIR elsewhere, or save the export to a file")
                }
                written += n
            }
        }
    }
}
