/// Matches the items of a list field (`data_categories`, `reason_codes`,
/// `protected_status`: values separated by `;`, `,`, `|`, `、` or `；`) against a
/// vocabulary of terms with synonyms: as written first (on bytes, after trimming and
/// case-folding), then by meaning, an item naming a term inside longer words
/// (`如厕超时（3次）` holds `如厕`, `Medical Treatment Period` the words `medical
/// treatment period`; see `KeywordIndex`). One item may name several terms.
///
/// Used by the checks whose vocabularies a pipeline can extend (DM-01's prohibited
/// categories, RC-01's suspect reasons, LC-02's protected statuses).
public struct TermMatcher: Sendable {
    public let terms: [String]
    /// Each term as a Chinese reader names it: its first synonym in Chinese, else its name.
    private let chineseNames: [String: String]
    private var table = ByteKeyTable()
    private let keywords: KeywordIndex
    private let readings: ItemReadings

    /// At most 64 terms: matches are kept in one bit set, so matching allocates nothing
    /// unless something matched or an item is seen for the first time.
    public init(_ vocabulary: [ParameterValue.Term]) {
        precondition(vocabulary.count <= 64, "a vocabulary holds at most 64 terms")
        terms = vocabulary.map(\.name)
        chineseNames = Dictionary(vocabulary.map { term in
            (term.name, term.synonyms.first { $0.unicodeScalars.contains(where: MeaningText.isCJK) } ?? term.name)
        }, uniquingKeysWith: { first, _ in first })
        for (index, term) in vocabulary.enumerated() {
            table.insert(TextKey.make(term.name), value: Int32(index))
            for synonym in term.synonyms { table.insert(TextKey.make(synonym), value: Int32(index)) }
        }
        keywords = KeywordIndex(vocabulary.enumerated().map { (Int32($0.offset), [$0.element.name] + $0.element.synonyms) })
        readings = ItemReadings()
    }

    /// The terms an item names, as a bit set: as written, else by meaning (remembered per spelling).
    private func codes(of item: UnsafeRawBufferPointer) -> UInt64 {
        let field = FieldBytes(bytes: item, isMissing: false)
        if let code = ValueMaps.code(in: table, for: field) { return 1 << UInt64(code) }
        let range = TextKey.trimmedRange(item)
        // An item this long is a remark, not a category: reading it by meaning would cost time for nothing.
        if range.isEmpty || range.count > LearnedReadings<UInt64>.longestMeaningful { return 0 }
        let trimmed = UnsafeRawBufferPointer(rebasing: item[range])
        if let known = readings.learned.lookup(trimmed) { return known }
        let normalized = Array(MeaningText.normalize(String(decoding: trimmed, as: UTF8.self)).unicodeScalars)
        let found = keywords.allCodes(in: normalized).reduce(UInt64(0)) { $0 | 1 << UInt64($1) }
        readings.learned.remember(trimmed, found)
        return found
    }

    /// The terms named in `field`, in vocabulary order, without repeats.
    public func matches(in field: FieldBytes) -> [String] {
        let found = matchSet(in: field)
        if found == 0 { return [] }
        return terms.indices.filter { found & (1 << UInt64($0)) != 0 }.map { terms[$0] }
    }

    /// True when any item of `field` is in the vocabulary.
    public func anyMatch(in field: FieldBytes) -> Bool { matchSet(in: field) != 0 }

    /// Bit `i` set when term `i` is named.
    private func matchSet(in field: FieldBytes) -> UInt64 {
        var found: UInt64 = 0
        Self.forEachItem(in: field) { item in found |= codes(of: item) }
        return found
    }

    /// False when the field holds only separators and spaces (`; ;`): a list with no items.
    public static func hasItem(in field: FieldBytes) -> Bool {
        var found = false
        forEachItem(in: field) { item in
            if !found, !TextKey.trimmedRange(item).isEmpty { found = true }
        }
        return found
    }

    /// The items that matched, as the export wrote them (trimmed, without repeats, the first
    /// `FindingDetail.itemLimit` of each term), by term in vocabulary order. For a finding's
    /// detail, so only made on a violation.
    public func matchedItems(in field: FieldBytes) -> [(term: String, items: [String])] {
        var items = [[String]](repeating: [], count: terms.count)
        Self.forEachItem(in: field) { item in
            let found = codes(of: item)
            guard found != 0 else { return }
            let raw = String(decoding: UnsafeRawBufferPointer(rebasing: item[TextKey.trimmedRange(item)]), as: UTF8.self)
            for code in terms.indices where found & (1 << UInt64(code)) != 0 && items[code].count < FindingDetail.itemLimit && !items[code].contains(raw) {
                items[code].append(raw)
            }
        }
        return terms.indices.filter { !items[$0].isEmpty }.map { (terms[$0], items[$0]) }
    }

    /// A term as a Chinese reader names it (`健康` for `health`): its first Chinese synonym.
    public func chineseName(of term: String) -> String { chineseNames[term] ?? term }

    /// A matched term with both its names and the items that named it, for a finding's detail.
    public func matchedTerm(_ term: String, items: [String]) -> FindingDetail.MatchedTerm {
        FindingDetail.MatchedTerm(name: term, chineseName: chineseName(of: term), items: items)
    }

    /// The items of a list field, each untrimmed (lookups trim).
    public static func forEachItem(in field: FieldBytes, _ body: (UnsafeRawBufferPointer) -> Void) {
        let bytes = field.bytes
        var start = 0
        var index = 0
        while index < bytes.count {
            let width = separatorWidth(bytes, at: index)
            if width > 0 {
                if index > start { body(UnsafeRawBufferPointer(rebasing: bytes[start..<index])) }
                index += width
                start = index
            } else {
                index += 1
            }
        }
        if bytes.count > start { body(UnsafeRawBufferPointer(rebasing: bytes[start..<bytes.count])) }
    }

    /// `;` `,` `|`, or the full-width `；` (EF BC 9B), `，` (EF BC 8C) and `、` (E3 80 81).
    private static func separatorWidth(_ b: UnsafeRawBufferPointer, at i: Int) -> Int {
        let c = b[i]
        if c == UInt8(ascii: ";") || c == UInt8(ascii: ",") || c == UInt8(ascii: "|") { return 1 }
        guard i + 2 < b.count else { return 0 }
        if c == 0xEF, b[i + 1] == 0xBC, b[i + 2] == 0x9B || b[i + 2] == 0x8C { return 3 }
        if c == 0xE3, b[i + 1] == 0x80, b[i + 2] == 0x81 { return 3 }
        return 0
    }
}

/// The term sets items were read to mean (`LearnedReadings`), in a class so that a check's
/// `evaluate`, which cannot mutate, can remember. Each auditor makes its own checks, so one
/// instance is used from one thread only.
final class ItemReadings: @unchecked Sendable {
    var learned = LearnedReadings<UInt64>()
}
