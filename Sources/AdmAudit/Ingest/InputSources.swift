import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The inputs of a command, each readable as often as the run needs: a regular file is read
/// where it is; a stream (`-`, `/dev/stdin`, a pipe, a named FIFO, `<(…)` process
/// substitution) is read once, as it arrives, into an owner-only copy in a private
/// temporary folder, and the copy is read instead.
///
/// A run reads an input more than once: `run` without a pipeline infers one from the
/// start of the export before auditing it, the default pseudonym key is derived from each
/// input's start, and a large file is read in two parts at once. A stream gives its bytes
/// only once, so reading it twice lost every row (`cat export.csv | admaudit run … /dev/stdin`
/// audited nothing) or hung (a FIFO whose writer had gone). The copy costs disk, not
/// memory; reports name the input as it was given, and its SHA-256 is that of the bytes
/// that came through the stream. The copies are removed by `remove()` (and when the value
/// is released).
public final class InputSources: @unchecked Sendable {
    /// The inputs as given, for reports.
    public let names: [String]
    /// What to read for each: the file itself, or the stream's copy.
    public let paths: [String]
    private var folder: String?

    private init(names: [String], paths: [String], folder: String?) {
        self.names = names
        self.paths = paths
        self.folder = folder
    }

    deinit { remove() }

    /// Opens nothing for regular files; copies each stream once. `-` is standard input.
    public static func open(_ names: [String]) throws(AuditError) -> InputSources {
        var paths: [String] = []
        var folder: String? = nil
        do throws(AuditError) {
            for (index, name) in names.enumerated() {
                let path = name == "-" ? "/dev/stdin" : name
                var status = stat()
                guard stat(path, &status) == 0 else {
                    throw AuditError(.input, "cannot open the input file: \(String(cString: strerror(errno)))", file: name,
                                     hint: "check the path and that you may read the file")
                }
                if status.st_mode & S_IFMT == S_IFREG {
                    paths.append(path)
                    continue
                }
                if status.st_mode & S_IFMT == S_IFDIR {
                    throw AuditError(.input, "the input is a folder, not a file", file: name, hint: "name the CSV export inside it")
                }
                if folder == nil { folder = try makePrivateFolder() }
                let copy = folder! + "/\(index)-" + ((name as NSString).lastPathComponent.isEmpty ? "stdin" : (name as NSString).lastPathComponent)
                try copyStream(from: path, name: name, to: copy)
                paths.append(copy)
            }
        } catch {
            if let folder { removeFolder(folder) }
            throw error
        }
        return InputSources(names: names, paths: paths, folder: folder)
    }

    /// Removes the streams' copies (once).
    public func remove() {
        guard let folder else { return }
        Self.removeFolder(folder)
        self.folder = nil
    }

    /// Where the copies are, while they exist (for a signal handler's clean-up).
    public var temporaryFolder: String? { folder }

    private static func makePrivateFolder() throws(AuditError) -> String {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base + "/admaudit-input-XXXXXX").utf8CString)
        let made: String? = template.withUnsafeMutableBufferPointer { buffer in mkdtemp(buffer.baseAddress!).map { String(cString: $0) } }
        guard let made else {
            throw AuditError(.input, "cannot create a private temporary folder for a stream's copy: \(String(cString: strerror(errno)))",
                             file: base, hint: "set TMPDIR to a folder you may write to")
        }
        // mkdtemp makes it 0700: the copy is readable by its owner only.
        return made
    }

    private static func copyStream(from path: String, name: String, to copy: String) throws(AuditError) {
        let source = Glibc.open(path, O_RDONLY)
        guard source >= 0 else {
            throw AuditError(.input, "cannot open the input: \(String(cString: strerror(errno)))", file: name,
                             hint: "check the path and that you may read it")
        }
        defer { close(source) }
        let target = Glibc.open(copy, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard target >= 0 else {
            throw AuditError(.input, "cannot keep a copy of the stream: \(String(cString: strerror(errno)))", file: copy,
                             hint: "set TMPDIR to a folder you may write to")
        }
        defer { close(target) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(source, $0.baseAddress!, $0.count) }
            if count == 0 { return }
            if count < 0 {
                if errno == EINTR { continue }
                throw AuditError(.input, "cannot read the input: \(String(cString: strerror(errno)))", file: name)
            }
            var written = 0
            while written < count {
                let n = buffer.withUnsafeBytes { Glibc.write(target, $0.baseAddress! + written, count - written) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw AuditError(.input, "cannot keep a copy of the stream: \(String(cString: strerror(errno)))", file: copy,
                                     hint: "a stream is copied to TMPDIR before it is audited: make room there, point TMPDIR elsewhere, or save the export to a file")
                }
                written += n
            }
        }
    }

    private static func removeFolder(_ folder: String) {
        try? FileManager.default.removeItem(atPath: folder)
    }
}
