import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file from its start, a mebibyte at a time, into one buffer used again and again:
/// a fresh megabyte a read (FileHandle's `Data`) is a fresh mapping to fault in, which cost
/// 0.14 s of system time over a 168 MB file (benchmarks/README.md, session 12). For what
/// reads a whole file beside the parser: the SHA-256 of a cut file, its first part's lines.
package enum FilePieces {
    /// Hands `body` each piece of the file's first `limit` bytes (all of them by default)
    /// and returns how many bytes it read: fewer than `limit` when the file is shorter.
    /// `name`: the input as given, for an error.
    @discardableResult
    package static func read(path: String, name: String, upTo limit: Int = .max,
                             _ body: (UnsafeRawBufferPointer) -> Void) throws(AuditError) -> Int {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw AuditError(.input, "cannot open the input file", file: name, hint: "check the path and that you may read the file")
        }
        defer { close(fd) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 64)
        defer { buffer.deallocate() }
        var offset = 0
        while offset < limit {
            #if canImport(Glibc)
            let n = Glibc.read(fd, buffer.baseAddress!, min(buffer.count, limit - offset))
            #else
            let n = Darwin.read(fd, buffer.baseAddress!, min(buffer.count, limit - offset))
            #endif
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw AuditError(.input, "cannot read the input file: \(String(cString: strerror(errno)))", file: name) }
            if n == 0 { break }
            body(UnsafeRawBufferPointer(rebasing: buffer[..<n]))
            offset += n
        }
        return offset
    }
}
