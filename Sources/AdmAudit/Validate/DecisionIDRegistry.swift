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
/// ids go into sorted runs (`SortedRuns`, spilled to TMPDIR). A repeat among those is found
/// after the reading (`repeatsFound`), and the run then reads its inputs again knowing
/// where each repeated id was first seen (`knownRepeats`), so that every later copy is
/// rejected as a row-by-row reading in one piece rejects it. An export whose ids are
/// unique, or repeated only among its first ids, is read once.
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
        var fingerprint: Fingerprint { Fingerprint(high: high, low: low) }
        func holds(_ fingerprint: Fingerprint) -> Bool { high == fingerprint.high && low == fingerprint.low }

        /// By fingerprint, then by place: the first of equal fingerprints is where the id was first seen.
        package static func precedes(_ a: Entry, _ b: Entry) -> Bool {
            a.high != b.high ? a.high < b.high : a.low != b.low ? a.low < b.low : a.place < b.place
        }
    }

    /// The most ids the table holds; later ids go into sorted runs.
    public static var defaultTableLimit: Int { 1 << 15 }
    /// Ids sorted in memory before a run is written to TMPDIR.
    public static var defaultRunLength: Int { 1 << 16 }

    /// Both words 0 = empty; a zero fingerprint is stored with a low word of 1.
    private var slots = [Entry](repeating: Entry(high: 0, low: 0, place: 0), count: 1 << 12)
    private var count = 0
    private let tableLimit: Int
    private let runs: SortedRuns<Entry>
    private let files: [String]
    private let fingerprints: Fingerprints
    /// Ids a first reading found repeated beyond the table, each with where it was first
    /// seen (`repeatsFound`); empty on a first reading.
    package var knownRepeats: [Fingerprint: UInt64] = [:]

    public init(files: [String], fingerprints: Fingerprints = .keyed,
                tableLimit: Int = DecisionIDRegistry.defaultTableLimit, runLength: Int = DecisionIDRegistry.defaultRunLength) {
        self.files = files
        self.fingerprints = fingerprints
        self.tableLimit = max(tableLimit, 1)
        runs = SortedRuns(runLength: runLength)
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
        if !knownRepeats.isEmpty, let first = knownRepeats[fingerprint], first != place { return firstSeen(first) }
        let previous: UInt64? = slots.withUnsafeMutableBufferPointer { table in
            let mask = table.count - 1
            var index = Int(truncatingIfNeeded: fingerprint.low) & mask
            while !table[index].isEmpty {
                if table[index].holds(fingerprint) { return table[index].place }
                index = (index + 1) & mask
            }
            guard count < tableLimit else { return nil }
            table[index] = Entry(high: fingerprint.high, low: fingerprint.low, place: place)
            return nil
        }
        if let previous { return firstSeen(previous) }
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

    /// True when the fingerprints compare across runs (a shard's, kept for a merge).
    package var isComparable: Bool { fingerprints == .comparable }

    /// Takes the ids a later part of the same file claimed, to be compared with these after
    /// the reading (`repeatsFound`) and listed with them (`sortedEntries`).
    package mutating func join(_ later: DecisionIDRegistry) {
        later.runs.join(SortedRuns(tableOf: later.slots))
        runs.join(later.runs)
    }

    /// Every id claimed (table and runs, joined parts too), by fingerprint then place: an id
    /// claimed twice (in two parts, or beyond the table) comes twice, the first where it was
    /// first seen.
    package func sortedEntries() throws(AuditError) -> SortedRuns<Entry>.Merge {
        let table = SortedRuns(tableOf: slots)
        table.join(runs)
        return try table.merged()
    }

    /// The ids claimed more than once that the table could not tell (beyond it, or in two
    /// parts of a file), each with where it was first seen: what a second reading rejects.
    /// Empty (without a merge) when every id went into one table.
    package func repeatsFound() throws(AuditError) -> [Fingerprint: UInt64] {
        guard !runs.isEmpty else { return [:] }
        var repeats: [Fingerprint: UInt64] = [:]
        var merge = try sortedEntries()
        var previous: Entry? = nil
        while let entry = merge.next() {
            if let previous, previous.high == entry.high, previous.low == entry.low {
                if repeats[entry.fingerprint] == nil { repeats[entry.fingerprint] = previous.place }
            } else {
                previous = entry
            }
        }
        try merge.finish()
        return repeats
    }

    private mutating func grow() {
        let old = slots
        slots = [Entry](repeating: Entry(high: 0, low: 0, place: 0), count: old.count * 2)
        slots.withUnsafeMutableBufferPointer { table in
            for slot in old where !slot.isEmpty {
                let mask = table.count - 1
                var index = Int(truncatingIfNeeded: slot.low) & mask
                while !table[index].isEmpty { index = (index + 1) & mask }
                table[index] = slot
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
