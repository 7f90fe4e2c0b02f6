import Crypto
import Foundation

/// The decision ids a shard claimed, as fingerprints, for `merge` to find an id in two
/// shards: `decision-ids.bin` beside `state.json` (`run --save-state`).
///
/// A single run rejects a row whose decision id an earlier row of any input holds; shards
/// run apart cannot. Each shard leaves its ids' SHA-256 fingerprints (`DecisionIDRegistry`,
/// `Fingerprints.comparable`), sorted, and the merge reads all the shards' lists at once in
/// that order (a streaming merge-join: memory does not grow with ids), naming the rows of a
/// later shard whose id an earlier shard holds. It cannot take those rows out of the merged
/// counts, which hold them; it says so (`decision_ids_repeated_across_shards`).
///
/// The file: a line `admaudit-decision-ids 1 COUNT`, then COUNT entries of 24 bytes (the
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

    let entries: [Entry]

    package init(sorted: [(high: UInt64, low: UInt64, place: UInt64)]) {
        entries = sorted.map { Entry(high: $0.high, low: $0.low, place: $0.place) }
    }

    /// Writes the file into the output folder (owner-only); returns its path.
    public func write(to folder: String) throws(AuditError) -> String {
        let file = try OutputFile(folder: folder, name: Self.fileName)
        var hasher = SHA256()
        var bytes = Array((Self.magic + "\(entries.count)\n").utf8)
        bytes.reserveCapacity(1 << 16)
        for entry in entries {
            for word in [entry.high, entry.low, entry.place] { withUnsafeBytes(of: word.littleEndian) { bytes.append(contentsOf: $0) } }
            if bytes.count >= 1 << 16 {
                hasher.update(data: bytes)
                try file.write(bytes: bytes)
                bytes.removeAll(keepingCapacity: true)
            }
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

        init(path: String) throws(AuditError) {
            self.path = path
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw AuditError(.input, "cannot read the shard's decision ids", file: path, hint: "run the shard again with `admaudit run --save-state`")
            }
            self.handle = handle
            let head = [UInt8]((try? handle.read(upToCount: 64)) ?? Data())
            let magic = Array(Self.magicBytes)
            guard head.starts(with: magic), let end = head.firstIndex(of: 0x0A),
                  let count = Int(String(decoding: head[magic.count..<end], as: UTF8.self)), count >= 0, count < 1 << 48 else {
                throw Self.damaged(path, "it does not start as a list of decision ids")
            }
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
    /// shard k, in the order its places count them. With `union`, also gives every id once,
    /// where it was first seen, its file counted among all the shards' inputs in order: the
    /// list of the merged state (`merge --save-state`), so that merged states merge again.
    public static func compare(statePaths: [String], inputs: [[String]]) throws(AuditError) -> Comparison {
        try compare(statePaths: statePaths, inputs: inputs, keepingUnion: false).comparison
    }

    public static func compare(statePaths: [String], inputs: [[String]],
                               keepingUnion: Bool) throws(AuditError) -> (comparison: Comparison, union: DecisionIDList?) {
        var readers: [Reader] = []
        for state in statePaths {
            let path = ((state as NSString).deletingLastPathComponent as NSString).appendingPathComponent(fileName)
            guard FileManager.default.fileExists(atPath: path) else { return (.notCompared(shard: state), nil) }
            readers.append(try Reader(path: path))
        }
        var heads: [Entry?] = []
        for reader in readers { heads.append(try reader.next()) }
        let fileOffsets = inputs.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        var merged: [Entry] = []
        var ids = 0, repeats = 0
        var first: (order: (Int, Int, Int), value: Repeat)? = nil
        while true {
            // The smallest fingerprint among the heads; the shards holding it, in shard order.
            var smallest: Entry? = nil
            for head in heads { if let head, smallest == nil || head.precedes(smallest!) { smallest = head } }
            guard let smallest else { break }
            ids += 1
            var holders: [(shard: Int, entry: Entry)] = []
            for shard in heads.indices {
                guard let head = heads[shard], head.high == smallest.high, head.low == smallest.low else { continue }
                holders.append((shard, head))
                heads[shard] = try readers[shard].next()
            }
            let original = holders[0]
            if keepingUnion {
                var entry = original.entry
                entry.place = UInt64(fileOffsets[original.shard] + entry.fileIndex) << 48 | UInt64(entry.line)
                merged.append(entry)
            }
            guard holders.count > 1 else { continue }
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

    private init(entries: [Entry]) { self.entries = entries }
}
