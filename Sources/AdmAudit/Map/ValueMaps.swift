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
package enum MeaningRule: Sendable {
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
package struct Vocabulary<Value: Equatable & Sendable>: Sendable {
    private var table = ByteKeyTable()
    private let values: [Value]
    private let keywords: KeywordIndex
    private let rule: MeaningRule
    /// For booleans: the codes of yes and of no.
    private let answers: (yes: Int32, no: Int32)?
    /// For outcomes: a favourable keyword after a negation (`不`, `未`, `not`) means the other code.
    private let negation: (favorable: Int32, adverse: Int32)?
    /// Words that keep a value from being read by its keywords (`voluntary` in `Voluntary
    /// separation`): it is then unrecognised, unless the pipeline lists it as it is written.
    private let vetoes: KeywordIndex
    /// Words that lift the vetoes (`forced` in `Retirement - forced`).
    private let vetoLifts: KeywordIndex
    /// Values whose keywords give way to another value's found in the same text: the
    /// performance in `Termination - Performance` is why, the termination what was decided.
    private let yielding: (weak: Int32, to: Set<Int32>)?
    /// For a two-valued vocabulary that must not guess (who decided): its answers (`yes`,
    /// `no`, `none`), read beside its keywords to refuse a value saying both (`MixedSignals`).
    private let mixedSignals: MixedSignals?
    private(set) var learned = LearnedReadings<Int32>()
    /// Spellings read as a value only once their disguise was set aside (`Dism[U+0456]ssal`),
    /// noted when first read by meaning (while the learned readings have room).
    private(set) var disguised = DisguisedSpellings()
    private static var unrecognizedCode: Int32 { -2 }
    private static var notApplicableCode: Int32 { -3 }
    private static var pendingCode: Int32 { -4 }

    /// These spellings are read only as whole values, never found inside longer ones:
    /// `notApplicable`, spellings that say nothing of the value itself (an outcome column's
    /// `Completed`: the decision was carried out, so its outcome is the decision kind's own);
    /// `pending`, spellings saying there is no value yet (`Pending`, `申诉中`), read as not
    /// recorded; `wholeValues`, spellings of a value too loose to be keywords (`Closed`).
    package init(_ lists: [(Value, [String])], rule: MeaningRule = .exact, answers: (yes: Value, no: Value)? = nil,
         negation: (favorable: Value, adverse: Value)? = nil, shortestWord: Int = 3, notApplicable: [String] = [],
         pending: [String] = [], wholeValues: [(Value, [String])] = [], vetoes: [String] = [], vetoLifts: [String] = [],
         yielding: (weak: Value, to: [Value])? = nil, refusingMixed answerWords: (yes: [String], no: [String])? = nil) {
        values = lists.map(\.0)
        self.vetoes = vetoes.isEmpty ? KeywordIndex() : KeywordIndex([(0, vetoes)], shortestWord: shortestWord)
        self.vetoLifts = vetoLifts.isEmpty ? KeywordIndex() : KeywordIndex([(0, vetoLifts)], shortestWord: 2)
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
        if let yielding, let weak = code(yielding.weak) {
            self.yielding = (weak, Set(yielding.to.compactMap(code)))
        } else {
            self.yielding = nil
        }
        if let negation, let favorable = code(negation.favorable), let adverse = code(negation.adverse) {
            self.negation = (favorable, adverse)
        } else {
            self.negation = nil
        }
        if let answerWords, let (yes, no) = self.negation {
            mixedSignals = MixedSignals(yes: yes, no: no, answers: Set((answerWords.yes + answerWords.no).map(MeaningText.normalize)))
        } else {
            mixedSignals = nil
        }
    }

    /// `Termination - Performance`, `Demotion: poor performance`: the sanction opens the value,
    /// and only punctuation or a word of judgement (`poor`, `low`) stands between it and the
    /// performance. Not `No disciplinary action - annual performance review`, nor `Warning
    /// expired; performance rating`, nor `停职期满复岗 绩效考核`.
    private static func namesTheDecisionThenWhy(_ decision: KeywordIndex.Match, _ why: KeywordIndex.Match, in text: [Unicode.Scalar]) -> Bool {
        guard decision.offset == 0 else { return false }
        let end = decision.offset + decision.keyword.unicodeScalars.count
        guard end <= why.offset else { return false }
        let between = String(String.UnicodeScalarView(text[end..<why.offset]))
        let words = between.split { !$0.isLetter && !$0.isNumber }
        return words.allSatisfy { SanctionReasons.judgements.contains(String($0)) }
    }

    package mutating func lookup(_ field: FieldBytes) -> ValueLookup<Value> {
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
            let text = String(decoding: trimmed, as: UTF8.self)
            code = meaningCode(MeaningInput(text))
            let remembered = learned.count
            learned.remember(trimmed, code)
            // Noted once: a spelling not remembered (the readings are full) is read again each time.
            if code >= 0, learned.count > remembered, ValueMaps.mayNormalize(trimmed), TextKey.isDisguised(text) {
                disguised.note(text, readAs: Self.label(values[Int(code)]))
            }
        }
        return result(code)
    }

    /// A value as the reports name it: its code (`dismissal`, `adverse`), or `true`/`false`.
    private static func label(_ value: Value) -> String {
        if let answer = value as? Bool { return answer ? "yes" : "no" }
        if let code = (value as? any RawRepresentable)?.rawValue as? String { return code }
        return "\(value)"
    }

    /// The value's spelling as the vocabulary lists it (trimmed, case-folded), without reading
    /// it by meaning or remembering it: for cells that may be anything.
    package func lookupAsWritten(_ field: FieldBytes) -> ValueLookup<Value> {
        guard let code = ValueMaps.code(in: table, for: field) else { return ValueMaps.isBlank(field) ? .missing : .unrecognized }
        return result(code)
    }

    /// What a value means, read as a run reads it, without remembering it: for `init`.
    package func reading(_ text: String) -> ValueLookup<Value> {
        reading(MeaningInput(text))
    }

    /// `reading` of a value made ready once for every vocabulary that reads it (`init` reads
    /// each distinct value with eight: normalising it eight times was most of its time).
    package func reading(_ input: MeaningInput) -> ValueLookup<Value> {
        input.key.isEmpty ? .missing : result(meaningCode(input))
    }

    private func result(_ code: Int32) -> ValueLookup<Value> {
        switch code {
        case Self.unrecognizedCode: .unrecognized
        case Self.notApplicableCode: .notApplicable
        case Self.pendingCode: .missing
        default: .found(values[Int(code)])
        }
    }

    /// Whether `text` holds a veto word that keeps it from being read by its keywords (`init`
    /// says why such a value is unknown).
    package func isVetoed(_ text: String) -> Bool { vetoed(Array(MeaningText.normalize(text).unicodeScalars)) }

    /// Whether a veto word stands in the value: not negated by the word or character before
    /// it (`Non-voluntary separation`, `not voluntary`, `非自愿离职` are dismissals), and no
    /// lifting word beside it (`Retirement - forced`).
    private func vetoed(_ scalars: [Unicode.Scalar]) -> Bool {
        if !vetoLifts.allCodes(in: scalars).isEmpty { return false }
        return vetoes.offsets(of: 0, in: scalars).contains { offset in
            if offset > 0, scalars[offset - 1] == "非" || scalars[offset - 1] == "不" { return false }
            let before = String(String.UnicodeScalarView(scalars[..<offset])).split(whereSeparator: { !$0.isLetter }).last
            return before != "non" && before != "not"
        }
    }

    /// The slow path: normalise, then read by the vocabulary's rule.
    /// `checkingMixed`: false for a part of a value `MixedSignals` reads.
    private func meaningCode(_ input: MeaningInput, checkingMixed: Bool = true) -> Int32 {
        let normalized = input.normalized
        if NotApplicable.matches(trimmed: input.key, normalized: normalized) { return Self.notApplicableCode }
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
            let scalars = input.scalars
            if vetoed(scalars) { return Self.unrecognizedCode }
            guard let (best, text) = keywords.deciding(in: scalars), case .found(var match) = best else { return Self.unrecognizedCode }
            if checkingMixed, let mixedSignals, mixedSignals.refuses(input.written, reading: { meaningCode(MeaningInput($0), checkingMixed: false) }) {
                return Self.unrecognizedCode
            }
            if let yielding, match.code == yielding.weak, case .found(let stronger) = keywords.first(in: text, among: yielding.to),
               Self.namesTheDecisionThenWhy(stronger, match, in: text) {
                match = stronger
            }
            // A kind that is no sanction, read from the value's core, where the whole value read
            // as the keyword ending last is a sanction standing (`Performance rating: dismissal`,
            // `调岗（待岗）`): two kinds, one of them in a qualifier. Unknown, so the row is rejected
            // and counted (a second hostile review hid dismissals so).
            if let yielding, !yielding.to.contains(match.code), text.count < scalars.count,
               case .found(let whole) = keywords.endingLast(in: scalars), yielding.to.contains(whole.code),
               !Negation.precedes(whole.offset, in: scalars, code: .adverse) {
                return Self.unrecognizedCode
            }
            guard let negation, Negation.precedes(match.offset, in: text, code: match.code == negation.adverse ? .adverse : .favorable) else {
                return match.code
            }
            // A negation turns the answer into the other: `未通过` is adverse, `非人工` automated.
            if match.code == negation.favorable { return negation.adverse }
            // `不扣减`, `No deduction` are favourable, but not when the value names a sanction
            // that stands beside the one it denies (`Terminated without warning`, `降级不降薪`).
            if match.code == negation.adverse {
                // Adverse words inside the negation itself (`解除` in `解除停职`) are not sanctions standing.
                let negationStart = match.offset - Negation.span(before: match.offset, in: text, code: .adverse)
                let standing = keywords.offsets(of: negation.adverse, in: text).contains { offset in
                    !(negationStart..<match.offset).contains(offset) && !Negation.precedes(offset, in: text, code: .adverse)
                }
                return standing ? negation.adverse : negation.favorable
            }
            return match.code
        }
    }
}

/// A value as the vocabularies read it by meaning: as written, its key (`TextKey.make`),
/// and its `MeaningText` form, made once.
package struct MeaningInput {
    let written: String
    package let key: String
    let normalized: String
    let scalars: [Unicode.Scalar]

    package init(_ written: String) {
        self.written = written
        key = TextKey.make(written)
        normalized = MeaningText.normalize(written)
        scalars = Array(normalized.unicodeScalars)
    }
}

/// Who decided, said two ways in one value: `no (algorithm decided)`, `no - system`,
/// `manager (auto)`, `主管（系统建议）`, or a kind named and then answered (`human: no`,
/// `person: none`, `system: yes`, where which question the answer answers is not said).
/// Read by its longest keyword, such a value hid automated decisions from HR-01 in a
/// hostile review; it is refused instead, so its row is rejected with its reason and
/// counted by the summary.
///
/// The value is cut at brackets and punctuation (a dash only with a space beside it), and
/// each part is read as the whole would be. Within one part the longest keyword decides as
/// before: a negation is part of what it negates (`no human`, `非人工` say automated), and a
/// department's name before a system's is the system's (`HR analytics engine`). Parts that
/// agree are one signal (`yes - system`, `Manual - HR`), and a person in brackets after
/// software (`auto (ops confirmed)`) reviewed what software decided: automated.
struct MixedSignals: Sendable {
    let yes: Int32
    let no: Int32
    /// The answer words (`yes`, `no`, `none`, `是`, `无`), normalised: a part that is one of
    /// them alone answers.
    let answers: Set<String>

    /// `reading`: the vocabulary's code for a part, read as a whole value is.
    func refuses(_ written: String, reading: (String) -> Int32) -> Bool {
        let parts = Self.parts(of: written)
        guard parts.count > 1 else { return false }
        var said: [(code: Int32, bracketed: Bool)] = []
        var kindNamed = false
        for part in parts {
            let isAnswer = answers.contains(MeaningText.normalize(part.text))
            if isAnswer && kindNamed { return true }
            let code = reading(part.text)
            guard code == yes || code == no else { continue }
            said.append((code, part.bracketed))
            if !isAnswer { kindNamed = true }
        }
        guard Set(said.map(\.code)).count > 1 else { return false }
        // Software decided, and a person in brackets after it (`auto (ops confirmed)`, `System
        // (manager approved)`): a review of an automated decision, which is read as automated
        // (HR-01 then asks for the review's record). Only the other way round hides one.
        if let first = said.first, first.code == yes, !first.bracketed, said.allSatisfy({ $0.code == yes || $0.bracketed }) { return false }
        return true
    }

    private static let cuts = Set("()[]{}（）【】〔〕,，;；:：/|、→⇒>＞~～+＋".unicodeScalars)
    private static let dashes = Set("-–—".unicodeScalars)

    private static let opening = Set("([{（【〔".unicodeScalars)
    private static let closing = Set(")]}）】〕".unicodeScalars)

    /// The value cut at brackets, punctuation and arrows, and at a dash with a space or a
    /// CJK character beside it (`auto-approved` and `human-in-the-loop` stay whole, `系统-人工`
    /// is two), each part saying whether it stood in brackets; empty parts left out.
    static func parts(of written: String) -> [(text: String, bracketed: Bool)] {
        let scalars = Array(written.unicodeScalars)
        var parts: [(text: String, bracketed: Bool)] = []
        var current = String.UnicodeScalarView()
        var depth = 0
        func close() {
            let part = String(current).trimmingCharacters(in: .whitespaces)
            if !part.isEmpty { parts.append((part, depth > 0)) }
            current = String.UnicodeScalarView()
        }
        for (index, scalar) in scalars.enumerated() {
            let spaced = { (at: Int) in
                at >= 0 && at < scalars.count && (scalars[at].properties.isWhitespace || MeaningText.isCJK(scalars[at]))
            }
            if cuts.contains(scalar) || dashes.contains(scalar) && (spaced(index - 1) || spaced(index + 1)) {
                close()
                if opening.contains(scalar) { depth += 1 } else if closing.contains(scalar) { depth = max(depth - 1, 0) }
            } else {
                current.append(scalar)
            }
        }
        close()
        return parts
    }
}

/// Words that turn what follows into its opposite: `不通过`, `未录用`, `not selected`, and on
/// the other side `不扣减`, `不予警告`, `撤销处分`, `no deduction`. The verbs that undo (`撤销`,
/// `取消`) come before their object in Chinese, so the keyword they undo ends last. `解除`
/// lifts a restriction (`解除停职`) and undoes nothing favourable (`解除已撤销` is not a
/// revocation undone). Negations in a row cancel out: `不予撤销处分`, `未解除封号` stand.
package enum Negation {
    /// Which kind of keyword is negated: `解除` negates adverse ones only.
    package enum Kind { case favorable, adverse }

    private static let words: [[Unicode.Scalar]] = [
        "不", "未", "没", "没有", "非", "无", "不予", "未予", "免予", "免于", "无需", "无须", "不再", "撤销", "撤回", "取消",
        "not ", "non ", "un", "never ", "no ", "without ",
    ].map { Array($0.unicodeScalars) }
    /// Before an adverse keyword, `解除` too: it lifts a restriction.
    private static let wordsBeforeAdverse: [[Unicode.Scalar]] = words + [Array("解除".unicodeScalars)]

    /// True when an odd number of negations stands right before `offset` in `text`.
    package static func precedes(_ offset: Int, in text: [Unicode.Scalar], code kind: Kind = .favorable) -> Bool {
        negations(before: offset, in: text, kind: kind).count % 2 == 1
    }

    /// How many scalars the negations right before `offset` take up.
    package static func span(before offset: Int, in text: [Unicode.Scalar], code kind: Kind = .favorable) -> Int {
        negations(before: offset, in: text, kind: kind).length
    }

    private static func negations(before offset: Int, in text: [Unicode.Scalar], kind: Kind) -> (count: Int, length: Int) {
        var end = offset, count = 0
        while let length = longestNegation(endingAt: end, in: text, kind: kind) {
            count += 1
            end -= length
        }
        return (count, offset - end)
    }

    private static func longestNegation(endingAt end: Int, in text: [Unicode.Scalar], kind: Kind) -> Int? {
        let candidates = kind == .adverse ? wordsBeforeAdverse : words
        return candidates.filter { word in end >= word.count && text[(end - word.count)..<end].elementsEqual(word) }.map(\.count).max()
    }
}

/// The pipeline's `values` section made ready for byte-level lookups.
package struct ValueMaps {
    package var booleans: Vocabulary<Bool>
    package var automation: Vocabulary<Bool>
    package var outcomes: Vocabulary<Outcome>
    package var decisionTypes: Vocabulary<DecisionType>
    package var reviewResults: Vocabulary<ReviewResult>
    package var appealResults: Vocabulary<ReviewResult>
    package var appealReviewers: Vocabulary<AppealReviewer>
    /// Words that approve what was proposed (`approved`, `通过`): on a sanction, the sanction stands.
    package var approvals: Vocabulary<Bool>
    /// Words that turn down what was proposed (`rejected`, `驳回`): on a sanction, it does not stand.
    package var rejections: Vocabulary<Bool>
    /// An action log's entries that say the action was taken (`Hire`, `Promotion`).
    package var actionsTaken: Vocabulary<Bool>

    package init(_ values: ValueVocabulary) {
        booleans = Vocabulary(values.booleans, rule: .leadingAnswer, answers: (true, false))
        automation = Vocabulary(values.automation, rule: .keywords, negation: (true, false), shortestWord: 2,
                                refusingMixed: BuiltinVocabulary.automationAnswers)
        outcomes = Vocabulary(values.outcomes, rule: .keywords, negation: (.favorable, .adverse), notApplicable: values.outcomesAsDecided,
                              wholeValues: BuiltinVocabulary.wholeOutcomes)
        decisionTypes = Vocabulary(values.decisionTypes, rule: .keywords, wholeValues: BuiltinVocabulary.wholeDecisionTypes,
                                   vetoes: BuiltinVocabulary.workerLeaving,
                                   vetoLifts: BuiltinVocabulary.leavingForced,
                                   yielding: (weak: .performanceRating, to: DecisionType.allCases.filter(\.isSanction)))
        reviewResults = Vocabulary(values.reviewResults, rule: .keywords, pending: BuiltinVocabulary.pendingResults)
        appealResults = Vocabulary(values.appealResults, rule: .keywords, notApplicable: BuiltinVocabulary.noAppeal,
                                   pending: BuiltinVocabulary.pendingResults, wholeValues: BuiltinVocabulary.closedAppeals)
        appealReviewers = Vocabulary(values.appealReviewers, rule: .keywords)
        // An approval decides only when no other favourable word comes after it: `同意续签`
        // renews (favourable), where `审批通过` on a warning approves the warning.
        let approvalKeys = Set(BuiltinVocabulary.approvals.map(MeaningText.normalize))
        let otherFavourable = values.outcomes.filter { $0.0 == .favorable }.flatMap(\.1).filter { !approvalKeys.contains(MeaningText.normalize($0)) }
        approvals = Vocabulary([(true, BuiltinVocabulary.approvals), (false, otherFavourable)], rule: .keywords)
        rejections = Vocabulary([(true, BuiltinVocabulary.rejections)], rule: .exact)
        actionsTaken = Vocabulary([(true, BuiltinVocabulary.actionsTaken)], rule: .exact)
    }

    /// Whether the run reads `text`, written as an outcome no outcome word spells, as an
    /// approval or a refusal of what was proposed (`同意`, `不同意`: `RecordBuilder`).
    package func readsAsApprovalOrRefusal(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            let field = FieldBytes(bytes: UnsafeRawBufferPointer(utf8), isMissing: false)
            if case .found = rejections.lookupAsWritten(field) { return true }
            if case .found(true) = approvals.lookupAsWritten(field) { return true }
            return false
        }
    }

    /// The spellings disguised as a decision type, outcome, answer or review result that the
    /// vocabularies read (approvals and rejections read the outcome's cells again: left out).
    package var disguised: DisguisedSpellings {
        var all = DisguisedSpellings()
        for noted in [decisionTypes.disguised, outcomes.disguised, booleans.disguised, automation.disguised,
                      reviewResults.disguised, appealResults.disguised, appealReviewers.disguised] {
            all.add(noted)
        }
        return all
    }

    /// The warning of a run that read spellings disguised as a coded value, or nil.
    package static func disguisedWarning(_ disguised: DisguisedSpellings) -> Diagnostic? {
        disguised.warning(attribute: nil)
    }

    /// A coded value as a reader of `language` names it: `dismissal` → `解除劳动合同`, `yes` → `是`.
    package static func readerName(_ code: String, _ language: ReportLanguage) -> String {
        guard language == .zh else { return code }
        if let type = DecisionType(rawValue: code) { return type.chineseName }
        let names = ["yes": "是", "no": "否", "adverse": "不利", "favorable": "有利", "upheld": "维持", "modified": "变更",
                     "overturned": "撤销", "human": "人工", "automated": "系统"]
        return names[code] ?? code
    }

    /// True when the bytes hold anything `MeaningText` may change beyond ASCII case:
    /// non-ASCII text (full-width forms, invisible characters, letters with case) or
    /// ASCII controls. Plain ASCII that missed is final without making a String.
    package static func mayNormalize(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.contains { $0 >= 0x80 || $0 < 0x20 || $0 == 0x7F }
    }

    package static func isBlank(_ field: FieldBytes) -> Bool {
        TextKey.trimmedRange(field.bytes).isEmpty
    }

    /// Looks a field up: bytes first (trimmed, ASCII-folded); for values that miss and may
    /// normalise differently, once more in `TextKey` form (Unicode lower case, NFKC,
    /// invisible characters removed).
    package static func code(in table: ByteKeyTable, for field: FieldBytes) -> Int32? {
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
///
/// At most `distinctLimit` values from the data become groups of their own (the pipeline's
/// `input.max_distinct_values`): an export of endless distinct values would otherwise cost
/// memory and time without bound, and split its people into groups too small to judge.
/// Rows whose value comes after the limit is reached are counted, never dropped, in one
/// group labelled `overflowLabel`, and the run warns (`overflowWarning`).
public struct AttributeGroups: Sendable {
    public static let unknown: Int32 = -1
    /// `input.max_distinct_values` when the pipeline does not set it.
    public static let defaultDistinctLimit = InputSettings().maxDistinctValues

    public let name: String
    public private(set) var labels: [String] = []
    /// Values from the data that became groups (not the pipeline's canonical groups).
    public private(set) var distinctValues = 0
    public let distinctLimit: Int
    /// The overflow group's code, once a value came after the limit.
    public private(set) var overflowCode: Int32? = nil
    /// Rows counted in the overflow group because their value came after the limit.
    public private(set) var overflowRows = 0
    private var table = ByteKeyTable()
    private var unknownTable = ByteKeyTable()
    /// Disguised spellings already read, by their bytes: kept apart from `table`, so that a
    /// spelling found there is always a plain one (the one `spelled` may show), and a
    /// disguised one costs a lookup, not a reading, the next time.
    private var disguisedTable = ByteKeyTable()
    /// Spellings read as a group only once invisible characters, look-alike letters of
    /// another script or compatibility forms were set aside, for the data-quality section.
    private(set) var disguised = DisguisedSpellings()
    /// Per group the pipeline names (`female`), the first spelling of it met in the data as
    /// written (`女`, `F`), or nil: reports show a group as the export spells it. A disguised
    /// spelling is never the one shown. Groups from the data are labelled by their first
    /// spelling already.
    public private(set) var spelled: [String?] = []

    package init(name: String, canonical: [(String, [String])], unknownSpellings: [String],
         distinctLimit: Int = AttributeGroups.defaultDistinctLimit) {
        self.name = name
        self.distinctLimit = distinctLimit
        for (group, spellings) in canonical {
            let code = Int32(labels.count)
            labels.append(group)
            table.insert(TextKey.make(group), value: code)
            for spelling in spellings { table.insert(TextKey.make(spelling), value: code) }
        }
        for spelling in unknownSpellings { unknownTable.insert(TextKey.make(spelling), value: 0) }
        spelled = Array(repeating: nil, count: labels.count)
    }

    /// Groups with fixed labels and no spellings (intersections, for the report).
    package init(name: String, labels: [String]) {
        self.name = name
        self.labels = labels
        distinctLimit = Int.max
    }

    /// The label of the group holding the values that came after the limit, the same in every
    /// run (report.json and merges compare labels); the readable reports word it in the
    /// reader's language. In brackets, as no trimmed value from the data is read as it (see
    /// `group(for:)`: a value spelt so joins this group).
    public static func overflowLabel(limit: Int) -> String {
        "[values beyond the first \(limit)]"
    }

    /// How a Chinese report shows that group; a value spelt so joins it too, so that no
    /// group from the data can read as it.
    public static func chineseOverflowLabel(limit: Int) -> String {
        "[前 \(limit) 个取值之外的值]"
    }

    /// The group code for a field, interning a value seen for the first time.
    package mutating func group(for field: FieldBytes) -> Int32 {
        let range = TextKey.trimmedRange(field.bytes)
        if range.isEmpty { return Self.unknown }
        // As written (ASCII case folded); a spelling read by its `TextKey` is below, where
        // one disguised as a known group is noted.
        if let code = table.lookup(folding: UnsafeRawBufferPointer(rebasing: field.bytes[range])) {
            if Int(code) < spelled.count, spelled[Int(code)] == nil { noteSpelling(UnsafeRawBufferPointer(rebasing: field.bytes[range]), code) }
            return code
        }
        if ValueMaps.code(in: unknownTable, for: field) != nil { return Self.unknown }
        let trimmed = UnsafeRawBufferPointer(rebasing: field.bytes[range])
        if let code = disguisedTable.lookup(folding: trimmed) { return code }
        // A value seen for the first time that declines to answer (`I do not wish to self-identify`).
        // Remembered while few: past the limit, it is read again each time (time, not memory).
        if Self.declinesToAnswer(String(decoding: trimmed, as: UTF8.self)) {
            if unknownTable.count < distinctLimit { unknownTable.insert(folding: trimmed, value: 0) }
            return Self.unknown
        }
        if ValueMaps.mayNormalize(trimmed) {
            // Non-ASCII or controls: matched in `TextKey` form, as a merge matches labels. The
            // spelling itself is added too, so the next row with it is found at once
            // (the quick lookup folds ASCII only).
            let text = String(decoding: trimmed, as: UTF8.self)
            let key = TextKey.make(text)
            if let known = key.utf8.withContiguousStorageIfAvailable({ table.lookup(folding: UnsafeRawBufferPointer($0)) }) ?? nil {
                if TextKey.isDisguised(text, key: key) {
                    disguisedTable.insert(folding: trimmed, value: known)
                    disguised.note(text, readAs: labels[Int(known)])
                } else {
                    table.insert(folding: trimmed, value: known)
                    if Int(known) < spelled.count, spelled[Int(known)] == nil { spelled[Int(known)] = text }
                }
                return known
            }
            if distinctValues >= distinctLimit { return overflow() }
            distinctValues += 1
            let code = Int32(labels.count)
            labels.append(text)
            table.insert(key, value: code)
            table.insert(folding: trimmed, value: code)
            return code
        }
        if distinctValues >= distinctLimit { return overflow() }
        distinctValues += 1
        let code = Int32(labels.count)
        labels.append(String(decoding: trimmed, as: UTF8.self))
        table.insert(folding: trimmed, value: code)
        return code
    }

    /// The overflow group's code, made on first use. Its label goes in the table too, so a
    /// value spelt as the label is counted in it, and one label stays one group.
    private mutating func overflow() -> Int32 {
        overflowRows += 1
        if let overflowCode { return overflowCode }
        let label = Self.overflowLabel(limit: distinctLimit)
        let code = table.insert(TextKey.make(label), value: Int32(labels.count))
        if code == Int32(labels.count) { labels.append(label) }
        // Its Chinese spelling, unless a group from the data took it first (the reports then show that group's own way).
        _ = table.insert(TextKey.make(Self.chineseOverflowLabel(limit: distinctLimit)), value: code)
        overflowCode = code
        return code
    }

    /// True when a run may join two parts' groups and give what a run in one piece would:
    /// neither reached the limit, and together they hold no more values than it allows
    /// (otherwise which values became groups depends on where the file was cut).
    package func canJoin(_ other: AttributeGroups) -> Bool {
        guard overflowCode == nil, other.overflowCode == nil else { return false }
        var keys = Set<String>()
        for label in labels.dropFirst(labels.count - distinctValues) { keys.insert(TextKey.make(label)) }
        for label in other.labels.dropFirst(other.labels.count - other.distinctValues) { keys.insert(TextKey.make(label)) }
        return keys.count <= distinctLimit
    }

    /// The first spelling of a pipeline-named group (never a disguised one: those are in
    /// `disguisedTable`, not in `table`, and do not come here).
    private mutating func noteSpelling(_ trimmed: UnsafeRawBufferPointer, _ code: Int32) {
        spelled[Int(code)] = String(decoding: trimmed, as: UTF8.self)
    }

    /// Adds the disguised spellings another part of the same file met (a two-core audit),
    /// and the spellings of groups this part did not meet (the first part's come first, as
    /// in a run in one piece).
    package mutating func joinNotes(from other: AttributeGroups) {
        disguised.add(other.disguised)
        for code in spelled.indices where spelled[code] == nil && code < other.spelled.count { spelled[code] = other.spelled[code] }
    }

    /// The warning of a run that read spellings disguised as a group's, or nil.
    package func disguisedWarning() -> Diagnostic? {
        disguised.warning(attribute: name)
    }

    /// The warning of a run whose attribute met more distinct values than the limit, or nil.
    package func overflowWarning() -> Diagnostic? {
        guard overflowCode != nil else { return nil }
        let label = labels[Int(overflowCode!)]
        return Diagnostic(level: .warning, file: nil, code: .distinctValuesOverLimit,
                          values: ["attribute": .text(name), "limit": .count(distinctLimit), "rows": .count(overflowRows), "group": .text(label)])
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

/// Words that may stand between a sanction and the performance that is its reason
/// (`Termination - Poor Performance`; Workday's `Terminate Employee > Involuntary >
/// Performance`). Not `voluntary`: a worker's own leaving is no sanction.
private enum SanctionReasons {
    static let judgements: Set<String> = ["poor", "low", "bad", "unsatisfactory", "insufficient", "inadequate", "substandard", "due", "to", "for",
                                          "employee", "worker", "involuntary"]
}
