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
}

/// One decision type's scores, counted by score and profile: exact (every score is kept as
/// the very double that was parsed, with how many decisions had it) and bounded.
///
/// Counts go into an open-addressing table of at most `tableLimit` distinct (score,
/// profile) pairs; a full table is written out as a sorted run (`SortedRuns`, in TMPDIR)
/// and emptied. Exports write scores with a few decimals (0.73, 61.5), so the pairs are
/// few and repeat; however many there are, memory is the table and, at the end, a block
/// per run. `sorted()` gives every pair once, in score order, its counts added up.
package struct ScoreCounts: Sendable {
    package static var defaultTableLimit: Int { 1 << 14 }

    /// count 0 = empty slot.
    private var slots = [ScoreCount](repeating: ScoreCount(key: 0, profile: 0, count: 0), count: 1 << 8)
    private var used = 0
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
            add(key: key, profile: UInt32(profile), count: step)
            left -= Int(step)
        }
    }

    private mutating func add(key: UInt64, profile: UInt32, count: UInt32) {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: Self.slot(key: key, profile: profile)) & mask
        while slots[index].count != 0 {
            if slots[index].key == key && slots[index].profile == profile {
                let (sum, overflow) = slots[index].count.addingReportingOverflow(count)
                if !overflow {
                    slots[index].count = sum
                    return
                }
                // Past 2³² decisions of one score and profile: the full count goes to a run;
                // counts of one pair in several runs are added up when read.
                ensureUniqueRuns()
                runs.append(slots[index])
                slots[index].count = count
                return
            }
            index = (index + 1) & mask
        }
        slots[index] = ScoreCount(key: key, profile: profile, count: count)
        used += 1
        if used >= tableLimit {
            spill()
        } else if used * 2 > slots.count {
            grow()
        }
    }

    /// Where a pair's probe starts. The scores are the employer's: mixed under the process's
    /// secret key (`SipHash.processKey`), so no one can choose scores that pile into one
    /// slot and make every count a walk along the table.
    private static func slot(key: UInt64, profile: UInt32) -> UInt64 {
        var h = key &+ seed.0
        h ^= h >> 33
        h &*= 0xFF51_AFD7_ED55_8CCD
        h ^= UInt64(profile) &+ seed.1
        h ^= h >> 33
        h &*= 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 33)
    }

    private static let seed = SipHash.processKey

    /// Writes the table as one sorted run and empties it.
    private mutating func spill() {
        ensureUniqueRuns()
        var run = slots.filter { $0.count != 0 }
        run.sort(by: ScoreCount.precedes)
        runs.write(sortedRun: run)
        for index in slots.indices { slots[index].count = 0 }
        used = 0
    }

    private mutating func grow() {
        let old = slots
        slots = [ScoreCount](repeating: ScoreCount(key: 0, profile: 0, count: 0), count: old.count * 2)
        used = 0
        for slot in old where slot.count != 0 { add(key: slot.key, profile: slot.profile, count: slot.count) }
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
        for slot in slots where slot.count != 0 { all.append(slot) }
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
