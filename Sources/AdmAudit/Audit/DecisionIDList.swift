import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The decision ids a shard claimed, as fingerprints, for `merge` to find an id in two
/// shards: `decision-ids.bin` beside `state.json` (`run --save-state`).
///
/// A single run rejects a row whose decision id an earlier row of any input holds; shards
/// run apart cannot. Each shard leaves its ids' SHA-256 fingerprints (`DecisionIDRegistry`,
/// `Fingerprints.comparable`), sorted, and the merge reads all the shards' lists at once in
/// that order (a streaming merge-join: memory does not grow with ids, but for the union
/// `merge --save-state` keeps), naming the rows of a
/// later shard whose id an earlier shard holds. It cannot take those rows out of the merged
/// counts, which hold them; it says so (`decision_ids_repeated_across_shards`).
///
/// The file: a line `admaudit-decision-ids 1 COUNT STATE`, STATE the SHA-256 of the
/// state.json it was written with (so a list beside another state is refused), then COUNT
/// entries of 24 bytes (the
/// fingerprint's two words and where the id was first seen, file index in the high 16 bits
/// and line in the low 48, little-endian), strictly increasing by fingerprint, then the
/// SHA-256 of all that came before. A file that is not so is refused as damaged.
public struct DecisionIDList: Sendable {
    public static let fileName = "decision-ids.bin"
    static let magic = "admaudit-decision-ids 1 "

    struct Entry: Sendable, Equatable {
        var high: UInt64
        var low: UInt64
        var place: UInt64
        var fileIndex: Int { Int(place >> 48) }
        var line: Int { Int(place & 0xFFFF_FFFF_FFFF) }
        func precedes(_ other: Entry) -> Bool { (high, low) < (other.high, other.low) }
    }

    /// The entries: held (a merge's union), or read in order from a run's id registry,
    /// which keeps them in sorted runs rather than in memory.
    private enum Source: Sendable {
        case held([Entry])
        case claimed(DecisionIDRegistry)
    }
    private let source: Source

    /// The ids a run claimed; the run found none of them twice (a repeat was read again and rejected).
    package init(claimed ids: DecisionIDRegistry) { source = .claimed(ids) }

    private init(entries: [Entry]) { source = .held(entries) }

    /// Every entry once, by fingerprint.
    private func forEachEntry(_ body: (Entry) throws(AuditError) -> Void) throws(AuditError) {
        switch source {
        case .held(let entries):
            for entry in entries { try body(entry) }
        case .claimed(let ids):
            var merge = try ids.sortedEntries()
            var previous: DecisionIDRegistry.Entry? = nil
            while let entry = merge.next() {
                // Never twice after a second reading; kept strictly increasing all the same.
                if let previous, previous.fingerprint == entry.fingerprint { continue }
                previous = entry
                try body(Entry(high: entry.high, low: entry.low, place: entry.place))
            }
            try merge.finish()
        }
    }

    private var count: Int {
        switch source {
        case .held(let entries): entries.count
        case .claimed(let ids): ids.claimedCount
        }
    }

    /// Writes the file into the output folder (owner-only), naming the state it goes with
    /// (`stateBytes`: the state.json written beside it); returns its path.
    public func write(to folder: String, stateBytes: [UInt8]) throws(AuditError) -> String {
        let file = try OutputFile(folder: folder, name: Self.fileName)
        var hasher = SHA256()
        var bytes = Array((Self.magic + "\(count) \(SHA256.hash(data: stateBytes).hexString)\n").utf8)
        bytes.reserveCapacity(1 << 16)
        var written = 0
        try forEachEntry { entry throws(AuditError) in
            written += 1
            for word in [entry.high, entry.low, entry.place] { withUnsafeBytes(of: word.littleEndian) { bytes.append(contentsOf: $0) } }
            if bytes.count >= 1 << 16 {
                hasher.update(data: bytes)
                try file.write(bytes: bytes)
                bytes.removeAll(keepingCapacity: true)
            }
        }
        guard written == count else {
            throw AuditError(.input, "the decision ids could not be listed (\(written) of \(count))", file: folder, hint: "please report this")
        }
        hasher.update(data: bytes)
        try file.write(bytes: bytes + Array(hasher.finalize()))
        try file.commit()
        return file.finalPath
    }

    /// Reads one shard's file an entry at a time, checking it as it goes: the count, the
    /// order, the size and, at its end, the hash.
    final class Reader {
        let path: String
        let count: Int
        private let handle: FileHandle
        private var buffer: [UInt8] = []
        private var position = 0
        private var read = 0
        private var previous: Entry? = nil
        private var hasher = SHA256()

        /// The SHA-256 of the state the list was written with.
        let stateSHA256: String

        init(path: String) throws(AuditError) {
            self.path = path
            // A FIFO or a device would block the open or never end: only a regular file is read.
            guard (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeRegular,
                  let handle = FileHandle(forReadingAtPath: path) else {
                throw AuditError(.input, "cannot read the shard's decision ids (not a regular file, or unreadable)", file: path,
                                 hint: "run the shard again with `admaudit run --save-state`")
            }
            self.handle = handle
            let head = [UInt8]((try? handle.read(upToCount: 160)) ?? Data())
            let magic = Array(Self.magicBytes)
            guard head.starts(with: magic), let end = head.firstIndex(of: 0x0A),
                  case let words = String(decoding: head[magic.count..<end], as: UTF8.self).split(separator: " ", omittingEmptySubsequences: false),
                  words.count == 2, words[1].count == 64, words[1].allSatisfy(\.isHexDigit),
                  let count = Int(words[0]), count >= 0, count < 1 << 48 else {
                throw Self.damaged(path, "it does not start as a list of decision ids")
            }
            stateSHA256 = String(words[1])
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? -1
            guard size == end + 1 + count * 24 + 32 else { throw Self.damaged(path, "its size does not match the \(count) ids it counts") }
            self.count = count
            hasher.update(data: head[...end])
            buffer = Array(head[(end + 1)...])
        }

        private static var magicBytes: String.UTF8View { DecisionIDList.magic.utf8 }

        static func damaged(_ path: String, _ why: String) -> AuditError {
            AuditError(.input, "the shard's decision ids are damaged: \(why)", file: path,
                       hint: "write the shard state again with `admaudit run --save-state`")
        }

        /// The next entry, or nil after the last (once the hash has been checked).
        func next() throws(AuditError) -> Entry? {
            if read == count {
                try fill(32)
                let digest = Array(hasher.finalize())
                guard Array(buffer[position..<(position + 32)]) == digest else { throw Self.damaged(path, "its SHA-256 does not match its content") }
                return nil
            }
            try fill(24)
            let entry = buffer.withUnsafeBytes { raw in
                Entry(high: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)),
                      low: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: position + 8, as: UInt64.self)),
                      place: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: position + 16, as: UInt64.self)))
            }
            hasher.update(data: buffer[position..<(position + 24)])
            position += 24
            read += 1
            if let previous, !previous.precedes(entry) { throw Self.damaged(path, "its ids are not in order, or one is there twice") }
            previous = entry
            return entry
        }

        private func fill(_ needed: Int) throws(AuditError) {
            if buffer.count - position >= needed { return }
            buffer.removeSubrange(0..<position)
            position = 0
            while buffer.count < needed {
                let more = [UInt8]((try? handle.read(upToCount: 1 << 16)) ?? Data())
                if more.isEmpty { throw Self.damaged(path, "it ends early") }
                buffer += more
            }
        }

        deinit { try? handle.close() }
    }

    /// What comparing the shards' ids found.
    public enum Comparison: Sendable, Equatable {
        /// A shard has no list beside its state: ids were not compared.
        case notCompared(shard: String)
        /// Compared: `ids` distinct ids in all; `repeats` rows of later shards hold an id an
        /// earlier shard holds, the first of them in data order named.
        case compared(ids: Int, repeats: Int, first: Repeat?)
    }

    public struct Repeat: Sendable, Equatable {
        public var file: String
        public var line: Int
        public var firstFile: String
        public var firstLine: Int
    }

    /// Reads every shard's list together in fingerprint order. `inputs[k]` are the files of
    /// shard k, in the order its places count them. With `keepingUnion`, also gives every id
    /// once, where it was first seen, its file counted among all the shards' inputs in order:
    /// the list of the merged state (`merge --save-state`), so that merged states merge again
    /// (that list is held in memory, 24 bytes an id).
    public static func compare(statePaths: [String], inputs: [[String]]) throws(AuditError) -> Comparison {
        try compare(statePaths: statePaths, inputs: inputs, keepingUnion: false).comparison
    }

    public static func compare(statePaths: [String], inputs: [[String]],
                               keepingUnion: Bool) throws(AuditError) -> (comparison: Comparison, union: DecisionIDList?) {
        // Two states in one folder have one list between them: it belongs to neither for sure.
        let folders = statePaths.map { URL(fileURLWithPath: ($0 as NSString).deletingLastPathComponent).resolvingSymlinksInPath().path }
        if let shared = folders.indices.first(where: { folders.firstIndex(of: folders[$0]) != $0 }) {
            return (.notCompared(shard: statePaths[shared]), nil)
        }
        try OpenFileLimit.raise(toHold: statePaths.count)
        var readers: [Reader] = []
        for state in statePaths {
            let path = ((state as NSString).deletingLastPathComponent as NSString).appendingPathComponent(fileName)
            guard FileManager.default.fileExists(atPath: path) else { return (.notCompared(shard: state), nil) }
            let reader = try Reader(path: path)
            // A list beside another state (copied, or left from an earlier run) is not this shard's ids.
            guard reader.stateSHA256 == (try stateHash(state)) else {
                throw AuditError(.input, "the decision ids beside this state were written with another state (another run or shard)", file: path,
                                 hint: "keep each shard's state.json and decision-ids.bin together as `admaudit run --save-state` wrote them, or run the shard again")
            }
            readers.append(reader)
        }
        var heap = HeadHeap()
        for (shard, reader) in readers.enumerated() { if let entry = try reader.next() { heap.push(entry, shard: shard) } }
        let fileOffsets = inputs.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        var merged: [Entry] = []
        var ids = 0, repeats = 0
        var first: (order: (Int, Int, Int), value: Repeat)? = nil
        while let smallest = heap.pop() {
            ids += 1
            // The shards holding this id, in shard order (the heap breaks ties by shard).
            var holders = [smallest]
            if let next = try readers[smallest.shard].next() { heap.push(next, shard: smallest.shard) }
            while let top = heap.top, top.entry.high == smallest.entry.high, top.entry.low == smallest.entry.low {
                _ = heap.pop()
                holders.append(top)
                if let next = try readers[top.shard].next() { heap.push(next, shard: top.shard) }
            }
            let original = holders[0]
            if keepingUnion {
                var entry = original.entry
                entry.place = UInt64(fileOffsets[original.shard] + entry.fileIndex) << 48 | UInt64(entry.line)
                merged.append(entry)
            }
            for later in holders.dropFirst() {
                repeats += 1
                let order = (later.shard, later.entry.fileIndex, later.entry.line)
                if first == nil || order < first!.order {
                    func name(_ shard: Int, _ index: Int) -> String { index < inputs[shard].count ? inputs[shard][index] : "?" }
                    first = (order, Repeat(file: name(later.shard, later.entry.fileIndex), line: later.entry.line,
                                           firstFile: name(original.shard, original.entry.fileIndex), firstLine: original.entry.line))
                }
            }
        }
        return (.compared(ids: ids, repeats: repeats, first: first?.value), keepingUnion ? DecisionIDList(entries: merged) : nil)
    }

    /// The SHA-256 of a state file's bytes, read in pieces.
    static func stateHash(_ path: String) throws(AuditError) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw AuditError(.input, "cannot read the state file", file: path, hint: "give the path of a file written by `admaudit run --save-state`")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let piece = try? handle.read(upToCount: 1 << 20), !piece.isEmpty { hasher.update(data: piece) }
        return hasher.finalize().hexString
    }

    /// The shards' current entries, smallest fingerprint first, ties by shard: a merge of k
    /// lists costs log k an id, however many shards.
    private struct HeadHeap {
        struct Item { var entry: Entry; var shard: Int }
        private var items: [Item] = []
        var top: Item? { items.first }

        private static func before(_ a: Item, _ b: Item) -> Bool {
            (a.entry.high, a.entry.low, a.shard) < (b.entry.high, b.entry.low, b.shard)
        }

        mutating func push(_ entry: Entry, shard: Int) {
            items.append(Item(entry: entry, shard: shard))
            var child = items.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard Self.before(items[child], items[parent]) else { break }
                items.swapAt(child, parent)
                child = parent
            }
        }

        mutating func pop() -> Item? {
            guard !items.isEmpty else { return nil }
            items.swapAt(0, items.count - 1)
            let smallest = items.removeLast()
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var best = parent
                if left < items.count, Self.before(items[left], items[best]) { best = left }
                if right < items.count, Self.before(items[right], items[best]) { best = right }
                if best == parent { break }
                items.swapAt(parent, best)
                parent = best
            }
            return smallest
        }
    }

}

/// The process's limit of open files, raised for a merge that reads every shard's list at
/// once (a soft limit of 1024 is common; the hard limit is usually far higher). What the
/// process already holds counts too: a library's caller may hold many files of its own.
enum OpenFileLimit {
    static func raise(toHold files: Int) throws(AuditError) {
        let needed = rlim_t(files + alreadyOpen() + 64)
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < needed else { return }
        if limit.rlim_max >= needed {
            limit.rlim_cur = needed
            if setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 { return }
        }
        throw AuditError(.invocation, "\(files) shards' decision ids cannot be open at once (the limit of open files is \(limit.rlim_max))",
                         hint: "merge the shards in groups with `admaudit merge --save-state`, then merge the groups' states")
    }

    /// The descriptors open now (Linux's `/proc/self/fd`, less the one reading it); 0 where it
    /// cannot be read, as the margin above still holds a few.
    private static func alreadyOpen() -> Int {
        guard let directory = opendir("/proc/self/fd") else { return 0 }
        defer { closedir(directory) }
        var count = 0
        while let entry = readdir(directory) {
            let isDot = withUnsafeBytes(of: entry.pointee.d_name) { $0.first == UInt8(ascii: ".") }
            if !isDot { count += 1 }
        }
        return max(0, count - 1)
    }
}
