import Synchronization

/// How far a run has got, counted by its threads as they go (bytes by the readers, rows and
/// rejects by the auditors, in batches) and read by whoever shows it: `admaudit run`, on a
/// terminal. Counting costs an atomic add a megabyte and one every few thousand rows.
public final class RunProgress: Sendable {
    public let totalBytes: Int
    private let bytes = Atomic<Int>(0)
    private let rows = Atomic<Int>(0)
    private let rejects = Atomic<Int>(0)

    public init(totalBytes: Int) { self.totalBytes = totalBytes }

    public struct Snapshot: Sendable, Equatable {
        public var bytes: Int
        public var totalBytes: Int
        public var rows: Int
        public var rejects: Int
    }

    public var snapshot: Snapshot {
        Snapshot(bytes: bytes.load(ordering: .relaxed), totalBytes: totalBytes,
                 rows: rows.load(ordering: .relaxed), rejects: rejects.load(ordering: .relaxed))
    }

    func read(bytes count: Int) { bytes.add(count, ordering: .relaxed) }

    /// The only input is read again from its start (a split given up on).
    func restart() {
        bytes.store(0, ordering: .relaxed)
        rows.store(0, ordering: .relaxed)
        rejects.store(0, ordering: .relaxed)
    }

    func counted(rows moreRows: Int, rejects moreRejects: Int) {
        if moreRows != 0 { rows.add(moreRows, ordering: .relaxed) }
        if moreRejects != 0 { rejects.add(moreRejects, ordering: .relaxed) }
    }
}
