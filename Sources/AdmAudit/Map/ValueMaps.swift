/// The result of looking an employer's value up in a vocabulary.
public enum ValueLookup<Value: Equatable>: Equatable {
    /// Empty or absent: not recorded.
    case missing
    case found(Value)
    /// Present but not in the vocabulary.
    case unrecognized
}

/// One vocabulary (canonical value → spellings), looked up on field bytes.
struct Vocabulary<Value: Equatable> {
    private var table = ByteKeyTable()
    private let values: [Value]

    init(_ lists: [(Value, [String])]) {
        values = lists.map(\.0)
        for (index, (_, spellings)) in lists.enumerated() {
            for spelling in spellings { table.insert(TextKey.make(spelling), value: Int32(index)) }
        }
    }

    func lookup(_ field: FieldBytes) -> ValueLookup<Value> {
        guard let code = ValueMaps.code(in: table, for: field) else {
            return field.isMissing || ValueMaps.isBlank(field) ? .missing : .unrecognized
        }
        return .found(values[Int(code)])
    }
}

/// The pipeline's `values` section made ready for byte-level lookups.
struct ValueMaps {
    let booleans: Vocabulary<Bool>
    let outcomes: Vocabulary<Outcome>
    let decisionTypes: Vocabulary<DecisionType>
    let reviewResults: Vocabulary<ReviewResult>
    let appealReviewers: Vocabulary<AppealReviewer>

    init(_ values: ValueVocabulary) {
        booleans = Vocabulary(values.booleans)
        outcomes = Vocabulary(values.outcomes)
        decisionTypes = Vocabulary(values.decisionTypes)
        reviewResults = Vocabulary(values.reviewResults)
        appealReviewers = Vocabulary(values.appealReviewers)
    }

    /// True when the bytes may hold a non-ASCII letter with case (Latin, Greek, Cyrillic,
    /// Armenian, or full-width Latin), the only text worth a second, Unicode-folded lookup.
    /// Chinese has no case, so a miss on it is final without making a String.
    static func mayHaveNonASCIICase(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0xC3 && byte <= 0xD5 { return true }
            if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBC, bytes[index + 2] >= 0xA1, bytes[index + 2] <= 0xBA {
                return true
            }
            index += 1
        }
        return false
    }

    static func isBlank(_ field: FieldBytes) -> Bool {
        TextKey.trimmedRange(field.bytes).isEmpty
    }

    /// Looks a field up: bytes first (trimmed, ASCII-folded); for non-ASCII values that
    /// miss, once more with full Unicode lower-casing (`Ä`, full-width letters are rare).
    static func code(in table: ByteKeyTable, for field: FieldBytes) -> Int32? {
        let range = TextKey.trimmedRange(field.bytes)
        if range.isEmpty { return nil }
        let trimmed = UnsafeRawBufferPointer(rebasing: field.bytes[range])
        if let code = table.lookup(folding: trimmed) { return code }
        guard mayHaveNonASCIICase(trimmed) else { return nil }
        let key = TextKey.make(String(decoding: trimmed, as: UTF8.self))
        return key.utf8.withContiguousStorageIfAvailable { table.lookup(folding: UnsafeRawBufferPointer($0)) } ?? nil
    }
}

/// Group codes for one protected attribute.
///
/// Values the vocabulary lists become their canonical group; other values are interned
/// as they come (their first spelling is the label); values meaning "unknown" and empty
/// cells get `AttributeGroups.unknown` and are counted apart, never as a group.
public struct AttributeGroups: Sendable {
    public static let unknown: Int32 = -1

    public let name: String
    public private(set) var labels: [String] = []
    private var table = ByteKeyTable()
    private var unknownTable = ByteKeyTable()

    init(name: String, canonical: [(String, [String])], unknownSpellings: [String]) {
        self.name = name
        for (group, spellings) in canonical {
            let code = Int32(labels.count)
            labels.append(group)
            table.insert(TextKey.make(group), value: code)
            for spelling in spellings { table.insert(TextKey.make(spelling), value: code) }
        }
        for spelling in unknownSpellings { unknownTable.insert(TextKey.make(spelling), value: 0) }
    }

    /// Groups with fixed labels and no spellings (intersections, for the report).
    init(name: String, labels: [String]) {
        self.name = name
        self.labels = labels
    }

    /// The group code for a field, interning a value seen for the first time.
    mutating func group(for field: FieldBytes) -> Int32 {
        if let code = ValueMaps.code(in: table, for: field) { return code }
        let range = TextKey.trimmedRange(field.bytes)
        if range.isEmpty { return Self.unknown }
        if ValueMaps.code(in: unknownTable, for: field) != nil { return Self.unknown }
        let trimmed = UnsafeRawBufferPointer(rebasing: field.bytes[range])
        if trimmed.contains(where: { $0 >= 0x80 }) {
            // Non-ASCII: matched by full lower-casing, as a merge matches labels. The
            // spelling itself is added too, so the next row with it is found at once
            // (the quick lookup folds ASCII only).
            let text = String(decoding: trimmed, as: UTF8.self)
            let key = TextKey.make(text)
            if let known = key.utf8.withContiguousStorageIfAvailable({ table.lookup(folding: UnsafeRawBufferPointer($0)) }) ?? nil {
                table.insert(folding: trimmed, value: known)
                return known
            }
            let code = Int32(labels.count)
            labels.append(text)
            table.insert(key, value: code)
            table.insert(folding: trimmed, value: code)
            return code
        }
        let code = Int32(labels.count)
        labels.append(String(decoding: trimmed, as: UTF8.self))
        table.insert(folding: trimmed, value: code)
        return code
    }

    /// The code of a group by its label (trimmed, case-folded), if seen or canonical.
    public func code(ofLabel label: String) -> Int32? {
        let key = TextKey.make(label)
        return labels.firstIndex { TextKey.make($0) == key }.map(Int32.init)
    }
}
