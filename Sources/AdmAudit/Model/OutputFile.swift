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
    /// Unchecked exclusivity: a file is written by one thread, and every findings line
    /// passes through here (`write(appending:)`); this check and the sink's (`FileAuditSink.rows`)
    /// were a tenth of the line's instructions (callgrind, full.yaml).
    @exclusivity(unchecked) private var buffer: [UInt8] = []
    /// A part being added on a thread of its own (`append`).
    private var copy: BackgroundJob<Void>? = nil
    /// Where the next write goes.
    private var position: Int64 = 0
    /// nil for a part, which is read back and deleted: kept in the page cache, it is copied
    /// from memory (benchmarks/README.md, session 14: the full audit of 10M rows in 33 s
    /// against 38 s with its parts sent to disk too).
    private var writeBehind: WriteBehind?

    /// `isPart`: a part of the run's file, to be added to it (`append`) and deleted;
    /// `window`: how much is written before it is sent to disk (`WriteBehind`).
    package init(folder: String, name: String, isPart: Bool = false, window: Int64 = WriteBehind.window) throws(AuditError) {
        path = folder + "/" + name
        writeBehind = isPart ? nil : WriteBehind(window: window)
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
            position += Int64(n)
        }
        buffer.removeAll(keepingCapacity: true)
        writeBehind?.wrote(upTo: position, descriptor: descriptor)
    }

    /// Writes out what is buffered and hands what the file holds to the disk, without
    /// waiting (`WriteBehind.handOver`): the reading has ended, and the run's close then runs
    /// beside the disk's writing instead of `commit` waiting for it. A part is not sent.
    package func handWrittenToDisk() throws(AuditError) {
        try flush()
        writeBehind?.handOver(upTo: position, descriptor: descriptor)
    }

    /// Adds the bytes written to `other` so far (a part of the same run) after this file's,
    /// on a thread of its own; what is written meanwhile goes after them. A part is half the
    /// findings of a large file (gigabytes): copied at the end of the reading, it held the run
    /// up for seconds, while the run checks and statistics that follow can run beside it.
    /// Whatever next needs the whole file (`commit`, `truncate`, another append) waits for it.
    package func append(contentsOf other: OutputFile) throws(AuditError) {
        try finishCopy()
        try other.finishCopy()
        try flush()
        try other.flush()
        let source = open(other.path, O_RDONLY | O_CLOEXEC)
        guard source >= 0 else {
            throw AuditError(.output, "cannot read back a part: \(String(cString: strerror(errno)))", file: other.path)
        }
        var status = stat()
        let start = position
        guard fstat(source, &status) == 0, lseek(descriptor, off_t(start) + status.st_size, SEEK_SET) >= 0 else {
            let reason = String(cString: strerror(errno))
            close(source)
            throw AuditError(.output, "cannot add a part: \(reason)", file: path)
        }
        let (target, length, path, window) = (descriptor, Int64(status.st_size), self.path, writeBehind?.window ?? WriteBehind.window)
        // This file's own bytes before the part: the last of them would not fill a window.
        writeBehind?.handOver(upTo: start, descriptor: descriptor)
        position = start + length
        writeBehind?.restart(from: position)
        copy = BackgroundJob { () throws(AuditError) in
            defer { close(source) }
            try Self.copy(from: source, to: target, at: start, length: length, path: path, window: window)
        }
    }

    /// Waits for a part being added (`append`), and reports its failure.
    private func finishCopy() throws(AuditError) {
        guard let copy else { return }
        self.copy = nil
        try copy.value()
    }

    /// Copies `length` bytes of `source` into `target` from `start`, by explicit offsets (the
    /// target's own position belongs to the writes going on beside); `inKernel` false reads
    /// and writes as where the kernel cannot copy.
    static func copy(from source: Int32, to target: Int32, at start: Int64, length: Int64, path: String,
                     inKernel: Bool = true, window: Int64 = WriteBehind.window) throws(AuditError) {
        var done: Int64 = 0
        var writeBehind = WriteBehind(from: start, window: window)
        let failed = { (reason: String) in
            AuditError(.output, "cannot add a part: \(reason)", file: path,
                       hint: "free space on the disk (or raise the file-size limit) and run again; the previous outputs are untouched")
        }
        #if os(Linux)
        // In the kernel, page cache to page cache: no pass through user space.
        typealias CopyFileRange = @convention(c) (Int32, UnsafeMutablePointer<Int64>?, Int32, UnsafeMutablePointer<Int64>?, Int, UInt32) -> Int
        if inKernel, let symbol = dlsym(nil, "copy_file_range") {
            let copyFileRange = unsafeBitCast(symbol, to: CopyFileRange.self)
            while done < length {
                var (from, to) = (done, start + done)
                let n = copyFileRange(source, &from, target, &to, Int(min(length - done, window)), 0)
                if n > 0 {
                    done += Int64(n)
                    writeBehind.wrote(upTo: start + done, descriptor: target)
                    continue
                }
                if n < 0 && errno == EINTR { continue }
                // Not supported here (nothing copied yet), or nothing copied where bytes remain
                // (some file systems say 0 for "cannot"): read and write instead, which tells a
                // part really shorter than written.
                if n == 0 || (done == 0 && [ENOSYS, EXDEV, EINVAL, EOPNOTSUPP].contains(errno)) { break }
                throw failed(String(cString: strerror(errno)))
            }
        }
        #endif
        var piece = [UInt8](repeating: 0, count: 1 << 20)
        while done < length {
            let n = piece.withUnsafeMutableBytes { pread(source, $0.baseAddress!, Int(min(Int64($0.count), length - done)), off_t(done)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw failed(n == 0 ? "the part is shorter than written" : String(cString: strerror(errno))) }
            var written = 0
            while written < n {
                let m = piece.withUnsafeBytes { pwrite(target, $0.baseAddress! + written, n - written, off_t(start + done) + off_t(written)) }
                if m < 0 && errno == EINTR { continue }
                guard m > 0 else { throw failed(String(cString: strerror(errno))) }
                written += m
            }
            done += Int64(n)
            writeBehind.wrote(upTo: start + done, descriptor: target)
        }
        writeBehind.handOver(upTo: start + done, descriptor: target)
    }

    /// Empties the file (and what is buffered), to write it again from the start.
    package func truncate() throws(AuditError) {
        try finishCopy()
        buffer.removeAll(keepingCapacity: true)
        guard ftruncate(descriptor, 0) == 0, lseek(descriptor, 0, SEEK_SET) == 0 else {
            throw AuditError(.output, "cannot empty an output file: \(String(cString: strerror(errno)))", file: path)
        }
        position = 0
        writeBehind?.restart(from: 0)
    }

    /// Closes and deletes the file (a part that was appended, or given up).
    package func abandon() {
        copy?.wait()
        copy = nil
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        unlink(path)
    }

    /// Flushes, syncs to disk and closes: the file is complete.
    package func commit() throws(AuditError) {
        try finishCopy()
        try flush()
        guard fsync(descriptor) == 0 || errno == EINVAL else {
            throw AuditError(.output, "cannot write: \(String(cString: strerror(errno)))", file: path,
                             hint: "free space on the disk and run again; the previous outputs are untouched")
        }
        close(descriptor)
        descriptor = -1
    }

    deinit {
        copy?.wait()
        if descriptor >= 0 { close(descriptor) }
    }
}
