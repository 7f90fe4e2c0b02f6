/// The result of looking an employer's value up in a vocabulary.
public enum ValueLookup<Value: Equatable>: Equatable {
    /// Empty or absent: not recorded.
    case missing
    case found(Value)
    /// `N/A`, `不适用`, `—`: the employer says the question does not arise (never `false`).
    case notApplicable
    /// Present but not in the vocabulary, as written or by meaning.
    case unrecognized
}

/// How a vocabulary reads a value it does not hold as written.
enum MeaningRule: Sendable {
    /// Only the spellings themselves (after `MeaningText` normalisation).
    case exact
    /// By the keywords the value holds (`KeywordIndex`): decision types, outcomes, results.
    case keywords
    /// By the yes/no word it starts with (`LeadingAnswer`): booleans.
    case leadingAnswer
}

/// One vocabulary (canonical value → spellings), looked up on field bytes.
///
/// A value is looked up as written first (trimmed, ASCII case-folded): the hot path, no
/// allocation. A miss is read by meaning once per distinct spelling (normalised, then by
/// keywords or by its leading yes/no word) and the answer remembered by the spelling's
/// bytes (`LearnedReadings`: bounded, so an export of endless distinct values costs time,
/// not memory).
struct Vocabulary<Value: Equatable & Sendable>: Sendable {
    private var table = ByteKeyTable()
    private let values: [Value]
    private let keywords: KeywordIndex
    private let rule: MeaningRule
    /// For booleans: the codes of yes and of no.
    private let answers: (yes: Int32, no: Int32)?
    /// For outcomes: a favourable keyword after a negation (`不`, `未`, `not`) means the other code.
    private let negation: (favorable: Int32, adverse: Int32)?
    private(set) var learned = LearnedReadings<Int32>()
    private static var unrecognizedCode: Int32 { -2 }
    private static var notApplicableCode: Int32 { -3 }
    private static var pendingCode: Int32 { -4 }

    /// These spellings are read only as whole values, never found inside longer ones:
    /// `notApplicable`, spellings that say nothing of the value itself (an outcome column's
    /// `Completed`: the decision was carried out, so its outcome is the decision kind's own);
    /// `pending`, spellings saying there is no value yet (`Pending`, `申诉中`), read as not
    /// recorded; `wholeValues`, spellings of a value too loose to be keywords (`Closed`).
    init(_ lists: [(Value, [String])], rule: MeaningRule = .exact, answers: (yes: Value, no: Value)? = nil,
         negation: (favorable: Value, adverse: Value)? = nil, shortestWord: Int = 3, notApplicable: [String] = [],
         pending: [String] = [], wholeValues: [(Value, [String])] = []) {
        values = lists.map(\.0)
        var table = ByteKeyTable()
        func insert(_ spelling: String, _ code: Int32) {
            table.insert(TextKey.make(spelling), value: code)
            let normalized = MeaningText.normalize(spelling)
            if !normalized.isEmpty { table.insert(normalized, value: code) }
        }
        // The first spelling inserted wins: `notApplicable` comes from the pipeline and goes
        // before the lists; `pending` and `wholeValues` are built in and go after them.
        for spelling in notApplicable { insert(spelling, Self.notApplicableCode) }
        for (index, (_, spellings)) in lists.enumerated() {
            for spelling in spellings { insert(spelling, Int32(index)) }
        }
        for spelling in pending { insert(spelling, Self.pendingCode) }
        for (value, spellings) in wholeValues {
            guard let index = values.firstIndex(of: value) else { continue }
            for spelling in spellings { insert(spelling, Int32(index)) }
        }
        self.table = table
        self.rule = rule
        keywords = rule == .keywords
            ? KeywordIndex(lists.enumerated().map { (Int32($0.offset), $0.element.1) }, shortestWord: shortestWord) : KeywordIndex()
        let values = self.values
        func code(_ value: Value) -> Int32? { values.firstIndex(of: value).map(Int32.init) }
        if let answers, let yes = code(answers.yes), let no = code(answers.no) { self.answers = (yes, no) } else { self.answers = nil }
        if let negation, let favorable = code(negation.favorable), let adverse = code(negation.adverse) {
            self.negation = (favorable, adverse)
        } else {
            self.negation = nil
        }
    }

    mutating func lookup(_ field: FieldBytes) -> ValueLookup<Value> {
        let range = TextKey.trimmedRange(field.bytes)
        if range.isEmpty { return .missing }
        let trimmed = UnsafeRawBufferPointer(rebasing: field.bytes[range])
        let code: Int32
        if let exact = table.lookup(folding: trimmed) {
            code = exact
        } else if let known = learned.lookup(trimmed) {
            code = known
        } else if trimmed.count > LearnedReadings<Int32>.longestMeaningful {
            code = Self.unrecognizedCode
        } else {
            code = meaningCode(String(decoding: trimmed, as: UTF8.self))
            learned.remember(trimmed, code)
        }
        return result(code)
    }

    /// The value's spelling as the vocabulary lists it (trimmed, case-folded), without reading
    /// it by meaning or remembering it: for cells that may be anything.
    func lookupAsWritten(_ field: FieldBytes) -> ValueLookup<Value> {
        guard let code = ValueMaps.code(in: table, for: field) else { return ValueMaps.isBlank(field) ? .missing : .unrecognized }
        return result(code)
    }

    /// What a value means, read as a run reads it, without remembering it: for `init`.
    func reading(_ text: String) -> ValueLookup<Value> {
        TextKey.make(text).isEmpty ? .missing : result(meaningCode(text))
    }

    private func result(_ code: Int32) -> ValueLookup<Value> {
        switch code {
        case Self.unrecognizedCode: .unrecognized
        case Self.notApplicableCode: .notApplicable
        case Self.pendingCode: .missing
        default: .found(values[Int(code)])
        }
    }

    /// The slow path: normalise, then read by the vocabulary's rule.
    private func meaningCode(_ text: String) -> Int32 {
        let normalized = MeaningText.normalize(text)
        if NotApplicable.matches(trimmed: TextKey.make(text), normalized: normalized) { return Self.notApplicableCode }
        if let exact = normalized.utf8.withContiguousStorageIfAvailable({ table.lookup(folding: UnsafeRawBufferPointer($0)) }) ?? nil {
            return exact
        }
        switch rule {
        case .exact:
            return Self.unrecognizedCode
        case .leadingAnswer:
            guard let answers, let answer = LeadingAnswer.read(normalized) else { return Self.unrecognizedCode }
            return answer ? answers.yes : answers.no
        case .keywords:
            let scalars = Array(normalized.unicodeScalars)
            guard case .found(let match) = keywords.best(in: scalars) else { return Self.unrecognizedCode }
            if let negation, match.code == negation.favorable, Negation.precedes(match.offset, in: scalars) {
                return negation.adverse
            }
            return match.code
        }
    }
}

/// Words that turn what follows into its opposite: `不通过`, `未录用`, `not selected`.
enum Negation {
    private static let words: [[Unicode.Scalar]] = ["不", "未", "没", "没有", "非", "无", "not ", "non ", "un", "never "].map { Array($0.unicodeScalars) }

    static func precedes(_ offset: Int, in text: [Unicode.Scalar]) -> Bool {
        words.contains { word in
            offset >= word.count && text[(offset - word.count)..<offset].elementsEqual(word)
        }
    }
}

/// The pipeline's `values` section made ready for byte-level lookups.
struct ValueMaps {
    var booleans: Vocabulary<Bool>
    var automation: Vocabulary<Bool>
    var outcomes: Vocabulary<Outcome>
    var decisionTypes: Vocabulary<DecisionType>
    var reviewResults: Vocabulary<ReviewResult>
    var appealResults: Vocabulary<ReviewResult>
    var appealReviewers: Vocabulary<AppealReviewer>
    /// Words that approve what was proposed (`approved`, `通过`): on a sanction, the sanction stands.
    var approvals: Vocabulary<Bool>
    /// Words that turn down what was proposed (`rejected`, `驳回`): on a sanction, it does not stand.
    var rejections: Vocabulary<Bool>

    init(_ values: ValueVocabulary) {
        booleans = Vocabulary(values.booleans, rule: .leadingAnswer, answers: (true, false))
        automation = Vocabulary(values.automation, rule: .keywords, negation: (true, false), shortestWord: 2)
        outcomes = Vocabulary(values.outcomes, rule: .keywords, negation: (.favorable, .adverse), notApplicable: values.outcomesAsDecided)
        decisionTypes = Vocabulary(values.decisionTypes, rule: .keywords)
        reviewResults = Vocabulary(values.reviewResults, rule: .keywords, pending: BuiltinVocabulary.pendingResults)
        appealResults = Vocabulary(values.appealResults, rule: .keywords, notApplicable: BuiltinVocabulary.noAppeal,
                                   pending: BuiltinVocabulary.pendingResults, wholeValues: BuiltinVocabulary.closedAppeals)
        appealReviewers = Vocabulary(values.appealReviewers, rule: .keywords)
        approvals = Vocabulary([(true, BuiltinVocabulary.approvals)], rule: .keywords)
        rejections = Vocabulary([(true, BuiltinVocabulary.rejections)], rule: .exact)
    }

    /// True when the bytes hold anything `MeaningText` may change beyond ASCII case:
    /// non-ASCII text (full-width forms, invisible characters, letters with case) or
    /// ASCII controls. Plain ASCII that missed is final without making a String.
    static func mayNormalize(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.contains { $0 >= 0x80 || $0 < 0x20 || $0 == 0x7F }
    }

    static func isBlank(_ field: FieldBytes) -> Bool {
        TextKey.trimmedRange(field.bytes).isEmpty
    }

    /// Looks a field up: bytes first (trimmed, ASCII-folded); for values that miss and may
    /// normalise differently, once more in `TextKey` form (Unicode lower case, NFKC,
    /// invisible characters removed).
    static func code(in table: ByteKeyTable, for field: FieldBytes) -> Int32? {
        let range = TextKey.trimmedRange(field.bytes)
        if range.isEmpty { return nil }
        let trimmed = UnsafeRawBufferPointer(rebasing: field.bytes[range])
        if let code = table.lookup(folding: trimmed) { return code }
        guard mayNormalize(trimmed) else { return nil }
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
        // A value seen for the first time that declines to answer (`I do not wish to self-identify`).
        if Self.declinesToAnswer(String(decoding: trimmed, as: UTF8.self)) {
            unknownTable.insert(folding: trimmed, value: 0)
            return Self.unknown
        }
        if ValueMaps.mayNormalize(trimmed) {
            // Non-ASCII or controls: matched in `TextKey` form, as a merge matches labels. The
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

    private static let refusals = KeywordIndex([(0, [
        "prefer not", "do not wish", "don't wish", "dont wish", "not wish to", "decline", "declined", "not disclosed", "undisclosed",
        "not to say", "not to disclose", "not specified", "not provided", "not reported", "unknown", "no answer", "rather not",
        "未知", "不详", "不愿", "拒绝", "未填", "未提供", "保密", "不便透露",
    ])])

    /// Answers that decline to give the attribute: unknown, never a group of their own.
    static func declinesToAnswer(_ text: String) -> Bool {
        if case .found = refusals.best(in: Array(MeaningText.normalize(text).unicodeScalars)) { return true }
        return false
    }

    /// The code of a group by its label (trimmed, case-folded), if seen or canonical.
    public func code(ofLabel label: String) -> Int32? {
        let key = TextKey.make(label)
        return labels.firstIndex { TextKey.make($0) == key }.map(Int32.init)
    }
}
