#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One output file of a run, written into the run's temporary folder (`OutputFolder`):
/// created new (never opened over an existing file) and readable by the owner only (0600).
///
/// It is not atomic on its own: the folder is. The whole folder is swapped in when every
/// file is complete, so a half-written file is never where a report is expected.
package final class OutputFile {
    /// The file's path inside the temporary folder.
    let path: String
    /// Kept for the writers that name the file they wrote: the same as `path`.
    package var finalPath: String { path }
    private var descriptor: Int32
    private var buffer: [UInt8] = []

    package init(folder: String, name: String) throws(AuditError) {
        path = folder + "/" + name
        descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw AuditError(.output, "cannot create an output file: \(String(cString: strerror(errno)))", file: path,
                             hint: "choose an output folder you may write to with -o")
        }
        buffer.reserveCapacity(1 << 16)
    }

    package func write(_ text: String) throws(AuditError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    package func write(bytes: [UInt8]) throws(AuditError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Writes what `append` adds straight into the buffer (a CSV row, `CSVText`), with no copy.
    package func write(appending append: (inout [UInt8]) -> Void) throws(AuditError) {
        append(&buffer)
        if buffer.count >= 1 << 16 { try flush() }
    }

    func flush() throws(AuditError) {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                buffer.removeAll(keepingCapacity: true)
                throw AuditError(.output, "cannot write: \(reason)", file: path,
                                 hint: "free space on the disk (or raise the file-size limit) and run again; the previous outputs are untouched")
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, then adds the bytes written to `other` so far (a part of the same run).
    package func append(contentsOf other: OutputFile) throws(AuditError) {
        try flush()
        try other.flush()
        let source = open(other.path, O_RDONLY | O_CLOEXEC)
        guard source >= 0 else {
            throw AuditError(.output, "cannot read back a part: \(String(cString: strerror(errno)))", file: other.path)
        }
        defer { close(source) }
        #if os(Linux)
        // In the kernel, page cache to page cache: a part is half the findings of a large
        // file (gigabytes), and copying it through user space cost as much again.
        var sent = 0
        while true {
            let n = sendfile(descriptor, source, nil, 1 << 30)
            if n > 0 {
                sent += n
                continue
            }
            if n == 0 { return }
            if errno == EINTR { continue }
            // Not supported here (nothing sent yet): read and write instead.
            if sent == 0 && (errno == EINVAL || errno == ENOSYS) { break }
            throw AuditError(.output, "cannot add a part: \(String(cString: strerror(errno)))", file: path,
                             hint: "free space on the disk (or raise the file-size limit) and run again; the previous outputs are untouched")
        }
        #endif
        var piece = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = piece.withUnsafeMutableBytes { Glibc.read(source, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw AuditError(.output, "cannot read back a part: \(String(cString: strerror(errno)))", file: other.path) }
            if n == 0 { break }
            buffer.append(contentsOf: piece[0..<n])
            try flush()
        }
    }

    /// Empties the file (and what is buffered), to write it again from the start.
    package func truncate() throws(AuditError) {
        buffer.removeAll(keepingCapacity: true)
        guard ftruncate(descriptor, 0) == 0, lseek(descriptor, 0, SEEK_SET) == 0 else {
            throw AuditError(.output, "cannot empty an output file: \(String(cString: strerror(errno)))", file: path)
        }
    }

    /// Closes and deletes the file (a part that was appended, or given up).
    package func abandon() {
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        unlink(path)
    }

    /// Flushes, syncs to disk and closes: the file is complete.
    package func commit() throws(AuditError) {
        try flush()
        guard fsync(descriptor) == 0 || errno == EINVAL else {
            throw AuditError(.output, "cannot write: \(String(cString: strerror(errno)))", file: path,
                             hint: "free space on the disk and run again; the previous outputs are untouched")
        }
        close(descriptor)
        descriptor = -1
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }
}
