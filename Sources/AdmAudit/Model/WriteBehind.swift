#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sends a large output file to disk while it is written, and lets the page cache drop what
/// is already there: findings.csv of a full audit runs to gigabytes (7.6 GB at 10M rows),
/// and held whole in the page cache as dirty pages it made every write slower (the kernel
/// reclaiming and throttling) and the closing `fsync` wait for all of it. On this kind of
/// machine (`benchmarks/write_behind.py`, 7.6 GB) writing cost 3.5 to 5.6 s of system time
/// and a 0.7 to 1.0 s `fsync`; sent behind, 2.3 to 2.9 s and no wait. The full audit of 10M
/// rows took 19 s of system time before, 7 s with it (benchmarks/README.md, session 14;
/// parts, which are read back and deleted, are not sent).
///
/// Each window of 64 MiB written is handed to the disk (`sync_file_range`, which does not
/// wait), and the window before it, by then on disk or nearly, is let go
/// (`POSIX_FADV_DONTNEED`, which keeps pages not yet written). Both are hints: a system
/// without them writes as before. Only Linux has `sync_file_range`.
struct WriteBehind {
    static let window: Int64 = 64 << 20

    let window: Int64
    /// Where the bytes not yet handed to the disk begin.
    private var start: Int64
    /// The window handed over last, to let go of after the next.
    private var previous: Range<Int64>? = nil

    init(from start: Int64 = 0, window: Int64 = Self.window) {
        self.start = start
        self.window = window
    }

    /// Starts again at `start` (the file emptied, or a part's range left to its copy).
    mutating func restart(from start: Int64) {
        self.start = start
        previous = nil
    }

    /// The file holds what was written up to `end`, from `start` on: a whole window is handed over.
    mutating func wrote(upTo end: Int64, descriptor: Int32) {
        guard end - start >= window else { return }
        handOver(upTo: end, descriptor: descriptor)
    }

    /// Hands what was written up to `end` (from `start` on) to the disk now, however little,
    /// without waiting, and lets go of the range handed over before. Beside the windows: when
    /// nothing more is coming for a while (the reading ended, or a part's copy did), so that
    /// the closing `fsync` finds it written rather than writing it.
    mutating func handOver(upTo end: Int64, descriptor: Int32) {
        guard end > start else { return }
        #if os(Linux)
        Self.syncFileRange?(descriptor, start, end - start, Self.startWriting)
        if let previous { _ = posix_fadvise(descriptor, off_t(previous.lowerBound), off_t(previous.count), POSIX_FADV_DONTNEED) }
        #endif
        previous = start..<end
        start = end
    }

    #if os(Linux)
    private typealias SyncFileRange = @convention(c) (Int32, Int64, Int64, UInt32) -> Int32
    /// `SYNC_FILE_RANGE_WRITE`: start writing the range's dirty pages, without waiting.
    private static let startWriting: UInt32 = 2
    private static var syncFileRange: SyncFileRange? {
        dlsym(nil, "sync_file_range").map { unsafeBitCast($0, to: SyncFileRange.self) }
    }
    #endif
}
