import Crypto
import Foundation

/// Decision ids seen in the run, across all its files.
///
/// Keeps a fingerprint of each id and where it was first seen, not the id itself. The
/// fingerprint is keyed (`SipHash.fingerprint`: 128 bits of SipHash-1-3 under a key drawn
/// for the process), so no one can choose two ids that share one: with an unkeyed hash
/// (FNV-1a) such a pair took minutes to find, and a violating row was then rejected as a
/// "duplicate" of another id. By chance, two of n different ids share a fingerprint with
/// probability about n²/2¹²⁹ (10⁻²⁵ at ten million records), below any error of the machine
/// itself, so equal fingerprints are taken as equal ids. A shard whose ids a later merge
/// compares with other shards' (`run --save-state`) fingerprints them by SHA-256 instead
/// (`Fingerprints.comparable`): the same in every process with no key to share, and no one
/// can choose two ids with one.
///
/// Memory does not grow with the ids. The first `tableLimit` ids go into an open-addressing
/// table (24 bytes a slot, at most half full), which finds a repeat of them at once; later
/// ids go into sorted runs (`SortedRuns`, spilled to TMPDIR). A repeat among those (or in
/// two parts of a cut file) is found after the reading (`repeatsFound`): every later copy
/// of every repeated id, with where the id was first seen, in the order of the data
/// (`RepeatedIDs`, in sorted runs too). The run then reads its inputs again, each part
/// walking that list as it goes (`knownRepeats`), so that every later copy is rejected as a
/// row-by-row reading in one piece rejects it. An export whose ids are unique, or repeated
/// only among its first ids, is read once.
public struct DecisionIDRegistry: Sendable {
    /// How ids are fingerprinted: under the process's key, or comparably across runs.
    public enum Fingerprints: Sendable { case keyed, comparable }

    public struct FirstSeen: Sendable {
        public var fileIndex: Int
        public var line: Int
        public var file: String
    }

    package struct Fingerprint: Hashable, Sendable {
        package var high: UInt64
        package var low: UInt64
    }

    /// A fingerprint and where the id was first seen: file index in the high 16 bits and
    /// line in the low 48.
    package struct Entry: Sendable, SortedRunElement {
        package var high: UInt64
        package var low: UInt64
        package var place: UInt64

        var isEmpty: Bool { high == 0 && low == 0 }
        package var fingerprint: Fingerprint { Fingerprint(high: high, low: low) }
        func holds(_ fingerprint: Fingerprint) -> Bool { high == fingerprint.high && low == fingerprint.low }

        /// By fingerprint, then by place: the first of equal fingerprints is where the id was first seen.
        package static func precedes(_ a: Entry, _ b: Entry) -> Bool {
            a.high != b.high ? a.high < b.high : a.low != b.low ? a.low < b.low : a.place < b.place
        }

        /// A radix sort on the top 32 bits of `high` (a hash: they nearly always differ),
        /// then entries sharing them (every copy of a repeated id) put in full order.
        package static func sortInPlace(_ entries: inout [Entry]) {
            guard entries.count >= RadixSort.smallCount else { return entries.sort(by: precedes) }
            RadixSort.sort(&entries, digitCount: 4) { entry, position in
                UInt8(truncatingIfNeeded: entry.high >> (32 + 8 * position))
            }
            var start = 0
            while start < entries.count {
                var end = start + 1
                while end < entries.count && entries[end].high >> 32 == entries[start].high >> 32 { end += 1 }
                if end - start > 1 { entries[start..<end].sort(by: precedes) }
                start = end
            }
        }
    }

    /// The most ids the table holds; later ids go into sorted runs.
    public static var defaultTableLimit: Int { 1 << 15 }
    /// Ids sorted in memory before a run is written to TMPDIR.
    public static var defaultRunLength: Int { 1 << 16 }

    /// Both words 0 = empty; a zero fingerprint is stored with a low word of 1.
    private var slots = [Entry](repeating: Entry(high: 0, low: 0, place: 0), count: 1 << 12)
    /// Per slot, 32 bits of its fingerprint's high word (never 0; 0 = empty), probed first:
    /// a sixth of the table's bytes, so that most claims past a full table (which must
    /// still look for their id in it) find their answer in cache, not in memory.
    private var tags = [UInt32](repeating: 0, count: 1 << 12)
    private var count = 0
    private let tableLimit: Int
    private let runs: SortedRuns<Entry>
    private let files: [String]
    private let fingerprints: Fingerprints
    /// Repeats the table found at once (a later copy and its fingerprint): kept to make the
    /// list of every later copy complete if a second reading is needed.
    private let hits: SortedRuns<Entry>
    /// On a second reading: the later copies a first reading found, walked in data order.
    package var knownRepeats: RepeatedIDs.Cursor? = nil

    public init(files: [String], fingerprints: Fingerprints = .keyed,
                tableLimit: Int = DecisionIDRegistry.defaultTableLimit, runLength: Int = DecisionIDRegistry.defaultRunLength) {
        self.files = files
        self.fingerprints = fingerprints
        self.tableLimit = max(tableLimit, 1)
        runs = SortedRuns(runLength: runLength)
        hits = SortedRuns(runLength: runLength)
    }

    static func fingerprint(_ id: UnsafeRawBufferPointer) -> Fingerprint {
        let hash = SipHash.fingerprint(id)
        return hash.high == 0 && hash.low == 0 ? Fingerprint(high: 0, low: 1) : Fingerprint(high: hash.high, low: hash.low)
    }

    /// The first 128 bits of the id's SHA-256, as two big-endian words.
    static func comparableFingerprint(_ id: UnsafeRawBufferPointer) -> Fingerprint {
        let digest = Array(SHA256.hash(data: id))
        let high = digest[0..<8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let low = digest[8..<16].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return high == 0 && low == 0 ? Fingerprint(high: 0, low: 1) : Fingerprint(high: high, low: low)
    }

    private func fingerprint(of id: UnsafeRawBufferPointer) -> Fingerprint {
        fingerprints == .keyed ? Self.fingerprint(id) : Self.comparableFingerprint(id)
    }

    /// Records the id; returns where it was first seen if it was seen before.
    /// Ids are compared as a reader sees them (`TextKey.identity`): bytes beyond ASCII or
    /// controls are read so, plain ASCII ids as they are.
    mutating func claim(_ id: UnsafeRawBufferPointer, fileIndex: Int, line: Int) -> FirstSeen? {
        let fingerprint: Fingerprint
        if ValueMaps.mayNormalize(id) {
            var seen = Array(TextKey.identity(String(decoding: id, as: UTF8.self)).utf8)
            fingerprint = seen.withUnsafeMutableBytes { self.fingerprint(of: UnsafeRawBufferPointer($0)) }
        } else {
            fingerprint = self.fingerprint(of: id)
        }
        let place = UInt64(fileIndex) << 48 | UInt64(line)
        if knownRepeats != nil, let first = knownRepeats!.firstPlace(ifRepeatAt: place) { return firstSeen(first) }
        let tag = Self.tag(fingerprint)
        let previous: UInt64? = tags.withUnsafeMutableBufferPointer { tags in
            slots.withUnsafeMutableBufferPointer { table in
                let mask = table.count - 1
                var index = Int(truncatingIfNeeded: fingerprint.low) & mask
                while tags[index] != 0 {
                    if tags[index] == tag && table[index].holds(fingerprint) { return table[index].place }
                    index = (index + 1) & mask
                }
                guard count < tableLimit else { return nil }
                table[index] = Entry(high: fingerprint.high, low: fingerprint.low, place: place)
                tags[index] = tag
                return nil
            }
        }
        if let previous {
            hits.append(Entry(high: fingerprint.high, low: fingerprint.low, place: place))
            return firstSeen(previous)
        }
        guard count < tableLimit else {
            runs.append(Entry(high: fingerprint.high, low: fingerprint.low, place: place))
            return nil
        }
        count += 1
        if count * 2 > slots.count { grow() }
        return nil
    }

    private func firstSeen(_ place: UInt64) -> FirstSeen {
        let file = Int(place >> 48)
        return FirstSeen(fileIndex: file, line: Int(place & 0xFFFF_FFFF_FFFF), file: files[file])
    }

    /// Ids claimed: in the table, in the runs, and in joined parts.
    package var claimedCount: Int { count + runs.count }

    /// Takes the ids a later part of the same file claimed, to be compared with these after
    /// the reading (`repeatsFound`) and listed with them (`sortedEntries`).
    package mutating func join(_ later: DecisionIDRegistry) {
        later.runs.join(SortedRuns(tableOf: later.slots))
        runs.join(later.runs)
        hits.join(later.hits)
    }

    /// Every id claimed (table and runs, joined parts too), by fingerprint then place: an id
    /// claimed twice (in two parts, or beyond the table) comes twice, the first where it was
    /// first seen.
    package func sortedEntries() throws(AuditError) -> SortedRuns<Entry>.Merge {
        let table = SortedRuns(tableOf: slots)
        table.join(runs)
        return try table.merged()
    }

    /// Whether any fingerprint was claimed twice, found without merging the runs.
    ///
    /// Copies of an id share a fingerprint, so fingerprints are searched a range at a time:
    /// the ranges cut the 64-bit high word evenly, and as fingerprints are keyed hashes (or
    /// SHA-256), each holds about `idsPerRange` of them. A range's fingerprints go into a
    /// table of their own, where a repeat meets its first copy; the memory is one range's.
    /// The lower half of the ranges and the upper are searched on two threads where there
    /// are two cores.
    ///
    /// A range is held whole, so its size is bounded (`rangeLimit`): one id repeated past it
    /// (a range can be split no finer than one fingerprint) sends the search to a merge of
    /// the runs, which holds a block per run, as before the sweep.
    private func holdsARepeat() throws(AuditError) -> Bool {
        switch try sweepForARepeat() {
        case .some(let found): return found
        case .none: return try Self.holdsARepeat(try sortedEntries())
        }
    }

    /// The sweep of `holdsARepeat`: nil when a range held more than `rangeLimit` ids.
    private func sweepForARepeat() throws(AuditError) -> Bool? {
        let table = SortedRuns(tableOf: slots)
        table.join(runs)
        let ranges = max(2, (claimedCount / Self.idsPerRange + 1) & ~1)
        let step = UInt64.max / UInt64(ranges) + 1
        let bounds: [Entry?] = (1..<ranges).map { Entry(high: step * UInt64($0), low: 0, place: 0) } + [nil]
        let middle = bounds[ranges / 2 - 1]
        let halves: [(lower: Entry?, bounds: [Entry?])] = [(nil, Array(bounds[..<(ranges / 2)])), (middle, Array(bounds[(ranges / 2)...]))]
        let found = try ParallelWork.map(halves, weight: { _ in 1 }) { (half) throws(AuditError) -> Bool? in
            let sweep = try table.swept(from: half.lower, below: half.bounds.last!)
            var range: [Entry] = []
            var seen = FingerprintSet()
            for bound in half.bounds {
                range.removeAll(keepingCapacity: true)
                guard sweep.take(below: bound, into: &range, limit: Self.rangeLimit) else { return nil }
                if seen.holdsARepeat(range) { return true }
            }
            try sweep.finish()
            return false
        }
        if found.contains(true) { return true }
        return found.contains(nil) ? nil : false
    }

    /// Whether the merge holds two equal fingerprints (the search past the sweep's bound).
    private static func holdsARepeat(_ merge: SortedRuns<Entry>.Merge) throws(AuditError) -> Bool {
        var merge = merge
        var previous: Entry? = nil
        while let entry = merge.next() {
            if let previous, previous.fingerprint == entry.fingerprint { return true }
            previous = entry
        }
        try merge.finish()
        return false
    }

    /// Fingerprints compared a range at a time in `holdsARepeat`: a range's table stays in
    /// the processor's cache.
    static var idsPerRange: Int { 1 << 15 }
    /// The most ids a range may hold (3 MB of them, and a table of 4 MB).
    static var rangeLimit: Int { 1 << 17 }

    /// Every later copy of an id claimed more than once where the table could not tell
    /// (beyond it, or in two parts of a file), with where the id was first seen; empty
    /// (after one merge of the claims, none of the repeats) when the table told them all.
    package func repeatsFound() throws(AuditError) -> RepeatedIDs {
        let repeated = RepeatedIDs()
        guard !runs.isEmpty, try holdsARepeat() else { return repeated }
        // The table's own repeats join the list, so that it holds every later copy: a part
        // that took a copy for the first one found the copies after it in its table.
        let claimsAndHits = SortedRuns(tableOf: slots)
        claimsAndHits.join(runs)
        claimsAndHits.join(hits)
        var merge = try claimsAndHits.merged()
        var first: Entry? = nil
        while let entry = merge.next() {
            if let first, first.fingerprint == entry.fingerprint {
                repeated.places.append(RepeatedIDs.Copy(place: entry.place, first: first.place))
            } else {
                first = entry
            }
        }
        try merge.finish()
        if let failure = repeated.places.anyFailure { throw failure }
        return repeated
    }

    private static func tag(_ fingerprint: Fingerprint) -> UInt32 { UInt32(truncatingIfNeeded: fingerprint.high >> 32) | 1 }

    private mutating func grow() {
        let old = slots
        slots = [Entry](repeating: Entry(high: 0, low: 0, place: 0), count: old.count * 2)
        tags = [UInt32](repeating: 0, count: old.count * 2)
        tags.withUnsafeMutableBufferPointer { tags in
            slots.withUnsafeMutableBufferPointer { table in
                for slot in old where !slot.isEmpty {
                    let mask = table.count - 1
                    var index = Int(truncatingIfNeeded: slot.low) & mask
                    while tags[index] != 0 { index = (index + 1) & mask }
                    table[index] = slot
                    tags[index] = Self.tag(slot.fingerprint)
                }
            }
        }
    }
}

extension SortedRuns where Element == DecisionIDRegistry.Entry {
    /// A table's ids as one run in memory.
    package convenience init(tableOf slots: [DecisionIDRegistry.Entry]) {
        self.init(runLength: Int.max)
        for slot in slots where !slot.isEmpty { append(slot) }
    }
}

/// A table of fingerprints, emptied and filled again for each range of `holdsARepeat`.
struct FingerprintSet {
    private var slots: [DecisionIDRegistry.Fingerprint] = []

    /// Whether two of `entries` share a fingerprint (none is zero: see `fingerprint`).
    mutating func holdsARepeat(_ entries: [DecisionIDRegistry.Entry]) -> Bool {
        var size = 16
        while size < entries.count * 2 { size *= 2 }
        // Grown, never shrunk: the ranges are about the same size.
        if slots.count < size {
            slots = [DecisionIDRegistry.Fingerprint](repeating: .init(high: 0, low: 0), count: size)
        } else {
            slots.withUnsafeMutableBufferPointer { $0.update(repeating: .init(high: 0, low: 0)) }
        }
        return slots.withUnsafeMutableBufferPointer { table in
            let mask = table.count - 1
            for entry in entries {
                var index = Int(truncatingIfNeeded: entry.low) & mask
                while table[index].high != 0 || table[index].low != 0 {
                    if table[index].high == entry.high && table[index].low == entry.low { return true }
                    index = (index + 1) & mask
                }
                table[index] = DecisionIDRegistry.Fingerprint(high: entry.high, low: entry.low)
            }
            return false
        }
    }
}

/// The later copies of repeated decision ids a first reading found, each with where its id
/// was first seen, in data order (by place: file index, then line), kept in sorted runs.
package final class RepeatedIDs: @unchecked Sendable {
    struct Copy: SortedRunElement, Sendable {
        var place: UInt64
        var first: UInt64
        static func precedes(_ a: Copy, _ b: Copy) -> Bool { a.place < b.place }
    }

    let places = SortedRuns<Copy>(runLength: DecisionIDRegistry.defaultRunLength)

    package var isEmpty: Bool { places.isEmpty }
    package var count: Int { places.count }

    /// The walks handed out, to learn at the end whether each could read its runs back.
    private var issued: [SortedRuns<Copy>.Merge] = []

    /// A walk through the copies for one part of the reading, which asks in data order.
    /// Made before the part it walks starts: the first part's on the run's thread, a cut
    /// file's second part's on that part's thread while the first part reads. Making one only
    /// reads the runs once the first has settled them, and `issued` is read after both parts.
    package func cursor() throws(AuditError) -> Cursor {
        let merge = try places.merged()
        issued.append(merge)
        return Cursor(merge: merge)
    }

    /// Throws when a walk could not read the list back whole (its part then missed copies).
    package func finish() throws(AuditError) {
        for merge in issued { try merge.finish() }
    }

    /// Walked by one part at a time (the thread reading it), as the registry that holds it.
    package struct Cursor: @unchecked Sendable {
        private var merge: SortedRuns<Copy>.Merge
        private var pending: Copy?

        init(merge: SortedRuns<Copy>.Merge) {
            self.merge = merge
            pending = self.merge.next()
        }

        /// Where the id was first seen, if the row at `place` is a later copy. Places are
        /// asked in increasing order; copies before `place` (another part's) are passed over.
        mutating func firstPlace(ifRepeatAt place: UInt64) -> UInt64? {
            while let copy = pending, copy.place < place { pending = merge.next() }
            guard let copy = pending, copy.place == place else { return nil }
            pending = merge.next()
            return copy.first
        }
    }
}
