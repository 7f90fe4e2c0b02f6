/// A score and the profile of the decisions that had it, with how many they were: what
/// the score store counts, and what its sorted runs hold (16 bytes).
package struct ScoreCount: SortedRunElement, Sendable, Equatable {
    /// The score's bits, turned so that their unsigned order is the scores' order.
    var key: UInt64
    var profile: UInt32
    var count: UInt32

    private static let sign: UInt64 = 1 << 63

    /// -0 is 0: a score has no sign of zero, and equal scores must share a key.
    static func key(_ value: Double) -> UInt64 {
        let bits = (value + 0.0).bitPattern
        return bits & sign != 0 ? ~bits : bits | sign
    }

    var value: Double { Double(bitPattern: key & Self.sign != 0 ? key & ~Self.sign : ~key) }

    package static func precedes(_ a: ScoreCount, _ b: ScoreCount) -> Bool {
        a.key != b.key ? a.key < b.key : a.profile < b.profile
    }

    /// By key, then profile: a radix sort on the profile's bytes, then the key's.
    package static func sortInPlace(_ pairs: inout [ScoreCount]) {
        guard pairs.count >= RadixSort.smallCount else { return pairs.sort(by: precedes) }
        RadixSort.sort(&pairs, digitCount: 12) { pair, position in
            position < 4 ? UInt8(truncatingIfNeeded: pair.profile >> (8 * position))
                : UInt8(truncatingIfNeeded: pair.key >> (8 * (position - 4)))
        }
    }
}

/// One decision type's scores, counted by score and profile: exact (every score is kept as
/// the very double that was parsed, with how many decisions had it) and bounded.
///
/// Pairs are appended to a buffer of at most `tableLimit`; a full buffer is sorted and
/// equal pairs combined. When that leaves more than half of it (scores that rarely repeat),
/// it is written out as a sorted run (`SortedRuns`, in TMPDIR) and emptied; otherwise the
/// combined pairs stay and the buffer fills on. Exports write scores with a few decimals
/// (0.73, 61.5), so the pairs are often few and repeat; however many there are, memory is
/// the buffer and, at the end, a block per run. `sorted()` gives every pair once, in score
/// order, its counts added up.
///
/// A buffer, not a hash table: a table of this size is a cache miss for nearly every score
/// (6% of a run on a million rows, perf), where appending costs nothing, and the sort is
/// the one a run needs anyway. No order of scores the employer could choose makes it slower.
package struct ScoreCounts: Sendable {
    package static var defaultTableLimit: Int { 1 << 15 }

    /// Pairs since the last run was written: those combined so far (sorted), then new ones.
    private var pending: [ScoreCount] = []
    private let tableLimit: Int
    private var runs: SortedRuns<ScoreCount>
    /// Scores counted, and per profile.
    package private(set) var total = 0
    package private(set) var perProfile: [Int] = []

    package init(tableLimit: Int = ScoreCounts.defaultTableLimit) {
        self.tableLimit = max(tableLimit, 1)
        runs = SortedRuns(runLength: self.tableLimit)
    }

    /// Counts `count` decisions of `profile` with score `value` (finite).
    package mutating func add(_ value: Double, profile: Int, count: Int = 1) {
        if perProfile.count <= profile { perProfile += Array(repeating: 0, count: profile + 1 - perProfile.count) }
        perProfile[profile] += count
        total += count
        var left = count
        let key = ScoreCount.key(value)
        while left > 0 {
            let step = UInt32(min(left, Int(UInt32.max)))
            add(ScoreCount(key: key, profile: UInt32(profile), count: step))
            left -= Int(step)
        }
    }

    private mutating func add(_ pair: ScoreCount) {
        if pending.capacity == 0 { pending.reserveCapacity(min(tableLimit, 1 << 15)) }
        pending.append(pair)
        if pending.count >= tableLimit { compact() }
    }

    /// Sorts the pending pairs and combines equal ones (past 2³² decisions of one pair, the
    /// count goes on in a second entry: counts of a pair met twice are added up when read);
    /// writes them as a run when they still fill more than half the buffer.
    private mutating func compact() {
        ScoreCount.sortInPlace(&pending)
        var kept = 0
        for index in pending.indices {
            let pair = pending[index]
            if kept > 0, pending[kept - 1].key == pair.key, pending[kept - 1].profile == pair.profile {
                let (sum, overflow) = pending[kept - 1].count.addingReportingOverflow(pair.count)
                if !overflow {
                    pending[kept - 1].count = sum
                    continue
                }
            }
            pending[kept] = pair
            kept += 1
        }
        pending.removeLast(pending.count - kept)
        if kept * 2 > tableLimit {
            ensureUniqueRuns()
            runs.write(sortedRun: pending)
            pending.removeAll(keepingCapacity: true)
        }
    }

    /// A copy of the store (a state copied, then added to) must not write into the runs
    /// the original reads: it takes a frozen view of them and runs of its own.
    private mutating func ensureUniqueRuns() {
        guard !isKnownUniquelyReferenced(&runs) else { return }
        let own = SortedRuns<ScoreCount>(runLength: tableLimit)
        own.join(runs.frozen())
        runs = own
    }

    /// Every (score, profile) pair counted, once, by score then profile, with its count.
    package func sorted() throws(AuditError) -> Sorted {
        let all = SortedRuns<ScoreCount>(runLength: Int.max)
        for pair in pending { all.append(pair) }
        all.join(runs)
        return Sorted(merge: try all.merged())
    }

    /// The pairs in order, the counts of a pair met in several runs added up.
    package struct Sorted {
        var merge: SortedRuns<ScoreCount>.Merge
        private var pending: ScoreCount? = nil

        init(merge: SortedRuns<ScoreCount>.Merge) { self.merge = merge }

        package mutating func next() -> (value: Double, profile: Int, count: Int)? {
            guard let first = pending ?? merge.next() else { return nil }
            pending = nil
            var count = Int(first.count)
            while let following = merge.next() {
                guard following.key == first.key, following.profile == first.profile else {
                    pending = following
                    break
                }
                count += Int(following.count)
            }
            return (first.value, Int(first.profile), count)
        }

        package func finish() throws(AuditError) { try merge.finish() }
    }
}
