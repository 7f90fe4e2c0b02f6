import Foundation

/// Text reduced to what matters for matching by meaning: compatibility forms folded (NFKC:
/// full-width `ｆｅｍａｌｅ` and `１` become `female` and `1`), invisible characters removed
/// (zero-width spaces and joiners, soft hyphens, direction marks, byte-order marks), lower
/// case, runs of spaces, underscores and hyphens made one space, and Cyrillic or Greek
/// look-alikes inside a Latin word read as Latin.
///
/// Used on the slow path only: a value is first looked up as written, and only a miss is
/// normalised (and the answer remembered, see `Vocabulary`).
public enum MeaningText {
    public static func normalize(_ text: String) -> String {
        // ASCII is its own compatibility form (NFKC): only its case is folded. Every word of
        // the built-in vocabularies passes here when a run starts.
        let folded = text.utf8.allSatisfy { $0 < 0x80 } ? text.lowercased() : text.precomposedStringWithCompatibilityMapping.lowercased()
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            if isInvisible(scalar) { continue }
            if isSeparator(scalar) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(scalar)
        }
        return foldingMixedScripts(String(out))
    }

    /// Cyrillic and Greek letters that look like Latin ones, lower case (`е` U+0435 is `e`);
    /// ids read a stricter table built on this one (`TextKey.skeleton`).
    static let latinLookAlikes: [Unicode.Scalar: Unicode.Scalar] = [
        "а": "a", "в": "b", "е": "e", "ё": "e", "і": "i", "ї": "i", "ј": "j", "к": "k", "м": "m", "н": "h", "о": "o",
        "п": "n", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h", "ӏ": "l",
        "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "μ": "u", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u",
        "χ": "x", "ω": "w",
        // Capitals, met where case is kept (ids, `TextKey.identity`).
        "А": "A", "В": "B", "Е": "E", "Ё": "E", "І": "I", "Ї": "I", "Ј": "J", "К": "K", "М": "M", "Н": "H", "О": "O",
        "Р": "P", "С": "C", "Т": "T", "Х": "X", "Ѕ": "S", "Ԛ": "Q", "Ԝ": "W", "Ӏ": "I",
        "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P",
        "Τ": "T", "Υ": "Y", "Χ": "X",
    ]

    /// The Latin letter a look-alike of another script stands for, if it is one.
    static func latinLetter(lookingLike scalar: Unicode.Scalar) -> Unicode.Scalar? { latinLookAlikes[scalar] }

    /// A word that mixes Latin letters with Cyrillic or Greek look-alikes (`Fеmale` with a
    /// Cyrillic `е`) is read as the Latin word: no real word mixes the scripts, and an
    /// employer hiding a value among others might. A word wholly in one script (Russian,
    /// Greek) is left as it is. `text` is lower case.
    static func foldingMixedScripts(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { latinLookAlikes[$0] != nil }) else { return text }
        var scalars = Array(text.unicodeScalars)
        var start = 0
        while start < scalars.count {
            guard scalars[start].properties.isAlphabetic else {
                start += 1
                continue
            }
            var end = start
            while end < scalars.count, scalars[end].properties.isAlphabetic { end += 1 }
            let word = scalars[start..<end]
            if word.contains(where: isLatin), word.contains(where: { latinLookAlikes[$0] != nil }) {
                for index in start..<end { if let latin = latinLookAlikes[scalars[index]] { scalars[index] = latin } }
            }
            start = end
        }
        return String(String.UnicodeScalarView(scalars))
    }

    private static func isLatin(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar.properties.isAlphabetic : (0x00C0...0x024F).contains(scalar.value)
    }

    /// A letter of another script that looks like a Latin one (Cyrillic `е`, Greek `ο`).
    static func isLatinLookAlike(_ scalar: Unicode.Scalar) -> Bool { latinLookAlikes[scalar] != nil }

    package static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B...0x180F, 0x200B...0x200F, 0x202A...0x202E,
             0x2060...0x206F, 0x3164, 0xFE00...0xFE0F, 0xFEFF, 0xFFA0, 0xE0000...0xE0FFF:
            return true
        case 0x2800, 0xFFF9...0xFFFB, 0x1BCA0...0x1BCA3, 0x1D173...0x1D17A:  // blank braille, annotation and shorthand format controls
            return true
        default:
            let properties = scalar.properties
            if properties.generalCategory == .format || properties.isDefaultIgnorableCodePoint { return true }
            return properties.generalCategory == .control && scalar.value != 0x09 && scalar.value != 0x0A && scalar.value != 0x0D
        }
    }

    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\t", "\n", "\r", "_", "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{00A0}", "\u{3000}": return true
        default: return scalar.properties.isWhitespace
        }
    }

    /// True for scalars of the CJK scripts, which are matched as substrings (no spaces between words).
    package static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E80...0x2FDF, 0x3040...0x30FF, 0x3100...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
             0xAC00...0xD7AF, 0x20000...0x3134F:
            return true
        default:
            return false
        }
    }
}

/// Keywords found inside a value, for matching by meaning: `解除劳动合同（严重违纪）`
/// means dismissal because it holds `解除劳动合同`, `Termination - Involuntary` because it
/// holds the word `termination`.
///
/// A keyword in a CJK script matches as a substring; any other matches as whole words (so
/// `no` is not found in `notice`). Keywords of a single CJK character or of fewer than three
/// other characters (`是`, `女`, `y`, `no`) are too short to find inside other text and
/// match only whole values, as the exact lookup does.
///
/// What a value says comes first, its qualifiers after: bracketed remarks and what follows
/// `for`, `due to`, `因`, `：` are read only when the rest names nothing
/// (`解除劳动合同（严重违纪）` is a dismissal, not discipline). Of the keywords found, the
/// one ending last decides, as the head of a noun phrase comes last in English and Chinese
/// (`Performance Dismissal`, `违纪辞退`); of those ending together, the longest (`未录用`
/// over `录用`). A spelling listed under two meanings keeps the first.
public struct KeywordIndex: Sendable {
    struct Keyword: Sendable {
        var text: [Unicode.Scalar]
        var code: Int32
        var isCJK: Bool
    }

    private var keywords: [Keyword] = []
    /// The keywords' positions in `keywords` by their first scalar, in that order: a value
    /// is read by looking up each of its scalars, not by searching it for every keyword
    /// (`init` reads every distinct value of a sample with eight vocabularies).
    private var startingWith: [Unicode.Scalar: [Int]] = [:]

    public init() {}

    /// `spellings` are normalised here; too-short ones are skipped (see the type's comment).
    /// `shortestWord`: the fewest letters a non-CJK keyword may have, 3 unless the vocabulary's
    /// short words are safe as whole words (`AI` and `HR` deciding who decided).
    public init(_ lists: [(code: Int32, spellings: [String])], shortestWord: Int = 3) {
        for (code, spellings) in lists {
            for spelling in spellings { add(spelling, code: code, shortestWord: shortestWord) }
        }
        // Longest first: the first keyword found decides, unless one as long disagrees.
        keywords.sort { $0.text.count > $1.text.count }
        for (index, keyword) in keywords.enumerated() { startingWith[keyword.text[0], default: []].append(index) }
    }

    private mutating func add(_ spelling: String, code: Int32, shortestWord: Int = 3) {
        let text = Array(MeaningText.normalize(spelling).unicodeScalars)
        guard !text.isEmpty else { return }
        let cjk = text.contains(where: MeaningText.isCJK)
        let long = cjk ? text.count >= 2 : text.count >= max(shortestWord, 2)
        guard long else { return }
        if keywords.contains(where: { $0.text == text }) { return }
        keywords.append(Keyword(text: text, code: code, isCJK: cjk))
    }

    public struct Match: Sendable, Equatable {
        public var code: Int32
        public var keyword: String
        /// Where the keyword starts in the normalised value (scalar offset).
        public var offset: Int
    }

    public enum Best: Sendable, Equatable {
        case none
        case found(Match)
    }

    /// The keyword that decides what `normalized` (a `MeaningText.normalize` result) means.
    public func best(in normalized: [Unicode.Scalar]) -> Best {
        deciding(in: normalized)?.best ?? .none
    }

    /// The deciding keyword and the text its offset counts in: the value's core (qualifiers
    /// set aside) when a keyword is found there, else the whole value.
    public func deciding(in normalized: [Unicode.Scalar]) -> (best: Best, text: [Unicode.Scalar])? {
        let core = Self.core(of: normalized)
        if core.count < normalized.count, case let answer = best(within: core), answer != .none { return (answer, core) }
        let answer = best(within: normalized)
        return answer == .none ? nil : (answer, normalized)
    }

    /// The keyword ending last in the whole of `normalized`, its qualifiers included.
    public func endingLast(in normalized: [Unicode.Scalar]) -> Best { best(within: normalized) }

    /// Every place a keyword of `code` is found in `text` (overlaps included).
    public func offsets(of code: Int32, in text: [Unicode.Scalar]) -> [Int] {
        keywords.filter { $0.code == code }.flatMap { Self.positions(of: $0, in: text) }
    }

    /// The keyword of `codes` that starts first in `text` (the longest of those starting together).
    public func first(in text: [Unicode.Scalar], among codes: Set<Int32>) -> Best {
        var found: (match: Match, length: Int)? = nil
        for keyword in keywords where codes.contains(keyword.code) {
            guard let offset = Self.find(keyword, in: text) else { continue }
            if let current = found, (offset, -keyword.text.count) >= (current.match.offset, -current.length) { continue }
            found = (Match(code: keyword.code, keyword: String(String.UnicodeScalarView(keyword.text)), offset: offset), keyword.text.count)
        }
        return found.map { .found($0.match) } ?? .none
    }

    private func best(within text: [Unicode.Scalar]) -> Best {
        // Every place any keyword is found, by the keywords starting with the scalar there: the
        // one ending last wins, then the longest. Keywords are distinct texts, so two ending
        // together with the same length are one.
        var found: (keyword: Int, offset: Int, end: Int, length: Int)? = nil
        for start in text.indices {
            guard let candidates = startingWith[text[start]] else { continue }
            for index in candidates {
                let keyword = keywords[index]
                let end = start + keyword.text.count
                guard end <= text.count, Self.matches(keyword, in: text, at: start) else { continue }
                if let current = found, (end, keyword.text.count) <= (current.end, current.length) { continue }
                found = (index, start, end, keyword.text.count)
            }
        }
        guard let found else { return .none }
        let keyword = keywords[found.keyword]
        return .found(Match(code: keyword.code, keyword: String(String.UnicodeScalarView(keyword.text)), offset: found.offset))
    }

    /// Whether `keyword` stands in `text` at `start` (a word keyword at word boundaries).
    private static func matches(_ keyword: Keyword, in text: [Unicode.Scalar], at start: Int) -> Bool {
        let end = start + keyword.text.count
        return text[start..<end].elementsEqual(keyword.text)
            && (keyword.isCJK || isBoundary(text, before: start) && isBoundary(text, after: end))
    }

    /// The text before its qualifiers: bracketed parts removed, cut at the first `for`, `due
    /// to`, `because`, `因`, `由于`, `:`.
    static func core(of text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        var depth = 0
        for scalar in text {
            switch scalar {
            case "(", "[", "【", "〔", "（": depth += 1
            case ")", "]", "】", "〕", "）": depth = max(depth - 1, 0)
            default: if depth == 0 { out.append(scalar) }
            }
        }
        for connector in [" for ", " due to ", " because ", " after ", "因", "由于", ":", "：", " - "] {
            let c = Array(connector.unicodeScalars)
            if let at = Self.firstIndex(of: c, in: out), at > 0 { out = Array(out[..<at]) }
        }
        while out.last == " " { out.removeLast() }
        return out
    }

    private static func firstIndex(of part: [Unicode.Scalar], in text: [Unicode.Scalar]) -> Int? {
        guard part.count <= text.count else { return nil }
        for start in 0...(text.count - part.count) where text[start..<(start + part.count)].elementsEqual(part) { return start }
        return nil
    }

    /// Every keyword found in `normalized` that no longer one found there contains, in order of
    /// where it starts: what a value names, each thing once (`new york` is not also `york`).
    public func maximalMatches(in normalized: [Unicode.Scalar]) -> [Match] {
        var found: [(keyword: Int, start: Int, end: Int)] = []
        for start in normalized.indices {
            guard let candidates = startingWith[normalized[start]] else { continue }
            for index in candidates {
                let end = start + keywords[index].text.count
                guard end <= normalized.count, Self.matches(keywords[index], in: normalized, at: start) else { continue }
                found.append((index, start, end))
            }
        }
        let maximal = found.filter { match in
            !found.contains { other in
                other.start <= match.start && match.end <= other.end && other.end - other.start > match.end - match.start
            }
        }
        return maximal.map { Match(code: keywords[$0.keyword].code, keyword: String(String.UnicodeScalarView(keywords[$0.keyword].text)), offset: $0.start) }
    }

    /// Every code whose keyword is found (for list fields, where one item may name two categories).
    public func allCodes(in normalized: [Unicode.Scalar]) -> [Int32] {
        var codes: [Int32] = []
        for keyword in keywords where !codes.contains(keyword.code) && Self.find(keyword, in: normalized) != nil {
            codes.append(keyword.code)
        }
        return codes
    }

    /// Where `keyword` first is in `text`: nil when it is not.
    private static func find(_ keyword: Keyword, in text: [Unicode.Scalar]) -> Int? {
        positions(of: keyword, in: text, first: true).first
    }

    /// Where `keyword` is in `text` (a word keyword at word boundaries of the whole text), in
    /// order; with `first`, only the first.
    private static func positions(of keyword: Keyword, in text: [Unicode.Scalar], first: Bool = false) -> [Int] {
        let k = keyword.text
        guard k.count <= text.count else { return [] }
        var found: [Int] = []
        var start = 0
        while start + k.count <= text.count {
            if text[start] == k[0] && text[start..<(start + k.count)].elementsEqual(k),
               keyword.isCJK || (isBoundary(text, before: start) && isBoundary(text, after: start + k.count)) {
                found.append(start)
                if first { break }
            }
            start += 1
        }
        return found
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        !MeaningText.isCJK(scalar) && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil)
    }

    private static func isBoundary(_ text: [Unicode.Scalar], before index: Int) -> Bool {
        index == 0 || !isWordScalar(text[index - 1])
    }

    private static func isBoundary(_ text: [Unicode.Scalar], after index: Int) -> Bool {
        index == text.count || !isWordScalar(text[index])
    }
}

/// Spellings that say "not applicable": a value of its own, never `false` and never a
/// group. `N/A` in a yes/no column is the employer saying the question does not arise.
public enum NotApplicable {
    public static let spellings: [String] = [
        "n/a", "n.a.", "n.a", "na", "not applicable", "not relevant", "none applicable", "does not apply",
        "不适用", "不涉及", "无需", "无须", "不需要", "—", "——", "-", "–", "--", "/", "／",
    ]

    private static let normalized: Set<String> = Set(spellings.map { MeaningText.normalize($0) })
    /// Dashes and slashes alone: normalising would turn some of them into nothing.
    private static let marks: Set<String> = ["—", "——", "-", "–", "--", "/", "／", "－", "―"]

    /// Spellings that say "not applicable" even with a remark after them (`N/A (manager)`,
    /// `不适用（试用期）`).
    private static let leading: [String] = ["n/a", "n.a.", "n.a", "na", "not applicable", "不适用", "不涉及", "无需", "无须"]

    /// `trimmed`: the value as written, trimmed; `normalized`: its `MeaningText` form.
    public static func matches(trimmed: String, normalized: String) -> Bool {
        if marks.contains(trimmed) || normalized.contains(where: { !$0.isWhitespace }) && self.normalized.contains(normalized) { return true }
        return leading.contains { word in
            guard normalized.hasPrefix(word) else { return false }
            guard let next = normalized.dropFirst(word.count).unicodeScalars.first else { return true }
            return !(next.properties.isAlphabetic || next.properties.numericType != nil)
        }
    }
}

/// Yes/no by the word a value starts with: `是（人工）`, `已人工复核`, `Yes - by manager` are
/// yes; `否，系统自动`, `未复核`, `没有`, `No (auto-approved)`, `not reviewed` are no.
///
/// Exports write the answer first and a remark after it. A value that starts with neither
/// kind of word (`see notes`) is left unrecognised.
package enum LeadingAnswer {
    private static let yes: [String] = ["yes", "y", "true", "t", "是", "有", "已", "√", "✓", "✔", "对", "done", "completed",
                                       "reviewed", "provided", "offered", "given", "sent", "notified", "explained", "informed",
                                       "open", "enabled", "available", "开放", "开启", "启用", "可"]
    private static let no: [String] = ["no", "n", "false", "f", "否", "无", "未", "没有", "没", "不", "×", "✗", "✘", "not",
                                      "none", "never", "pending", "missing", "without", "closed", "disabled", "unavailable",
                                      "关闭", "禁用", "停用"]

    /// Answers that say the answer is not known: neither yes nor no, whatever word they
    /// start with (`未知` starts as `未`, `不详` as `不`, which would read as no).
    private static let notKnown: [String] = ["未知", "不详", "不明", "不清楚", "不确定", "unknown", "not known", "unsure", "uncertain"]

    /// What follows a leading yes that takes it back or leaves it open (`yes (pending)`,
    /// `是（待定）`, `已复核(未)`, `yes?`, `yes, no`): the value is then neither answer, and the
    /// run rejects the row with its reason rather than count an open review as done. Latin
    /// words whole, CJK ones anywhere; this also turns away an honest `是（无异议）`, which the
    /// run rejects and names (a review misread as done would hide a violation).
    private static let doubtsAfterYes: [String] = ["?", "？", "no", "not", "false", "none", "never", "pending", "tbd", "todo",
                                                   "planned", "plan", "scheduled", "later", "awaiting", "waiting", "maybe", "partial",
                                                   "partially", "unknown", "unsure", "without", "yet", "to be", "progress", "queued", "queue",
                                                   "overdue", "skipped", "skip", "cancelled", "canceled", "declined", "rejected",
                                                   "denied", "failed", "expired", "late", "incomplete", "draft", "revoked", "withdrawn",
                                                   "void", "system", "auto", "automatic", "automated", "bot", "ai", "algorithm",
                                                   // Software by another name, or nobody at all (a hostile review's `yes (model)`,
                                                   // `reviewed automatically`, `yes (nobody)`, `yes (self-review)`).
                                                   "automatically", "machine", "model", "robot", "engine", "rpa", "llm", "gpt", "script",
                                                   "rule", "rules", "computer", "nobody", "noone", "self", "n/a", "na",
                                                   // A second hostile review's `yes (Copilot)`, `yes (Workday Scoring)`.
                                                   "copilot", "chatbot", "hrbot", "scoring", "scored", "workflow", "rule-based", "rules-based",
                                                   "机审", "模型", "引擎", "规则", "程序", "本人", "自己", "无人",
                                                   "否", "未", "待", "不", "没", "无", "拟", "计划", "暂", "尚", "将",
                                                   "审核中", "复核中", "审批中", "进行中", "处理中", "办理中", "排队", "逾期", "超时", "过期",
                                                   "取消", "撤销", "撤回", "作废", "驳回", "拒", "失败", "草稿", "系统", "自动", "机器",
                                                   "智能", "算法", "×", "✗", "✘", "❌", "✖", "✕", "⨯", "╳"]
    /// Remarks after a yes that confirm it (`是，无问题`, `Yes, no issues`): set aside before the doubts are looked for.
    private static let confirmingRemarks: [String] = ["无问题", "无异议", "无误", "no issues", "no issue", "no problems", "no problem",
                                                      "no objection", "no objections"]
    /// What follows a leading no that contradicts it (`no, yes`, `否（是）`, `no?`): neither answer.
    private static let doubtsAfterNo: [String] = ["?", "？", "yes", "y", "true", "是", "√", "✓", "✔"]

    package static func read(_ normalized: String) -> Bool? {
        let scalars = Array(normalized.unicodeScalars)
        guard let (answer, length) = leadingWord(normalized, scalars) else { return nil }
        var remainder = String(String.UnicodeScalarView(scalars[length...]))
        for remark in confirmingRemarks where answer { remainder = remainder.replacingOccurrences(of: remark, with: " ") }
        let rest = Array(remainder.unicodeScalars)
        // A mark drawn over the answer (`y̶e̶s̶`, struck through) takes it back.
        if rest.contains(where: isMark) { return nil }
        let doubts = answer ? doubtsAfterYes : doubtsAfterNo
        return doubts.contains(where: { holds(rest, $0) }) ? nil : answer
    }

    /// Whether a no is followed by a remark naming software (`no (auto)`, `No - system decision`,
    /// `否（系统自动）`), which says software decided: what a column saying a person decided
    /// contradicts. Not when the remark also denies (`no (not automated)`, `否（非系统）`).
    package static func noNamingSoftware(_ normalized: String) -> Bool {
        guard read(normalized) == false, case let scalars = Array(normalized.unicodeScalars),
              let (_, length) = leadingWord(normalized, scalars) else { return false }
        let rest = Array(scalars[length...])
        guard softwareRemarks.contains(where: { holds(rest, $0) }) else { return false }
        return !remarkDenials.contains(where: { holds(rest, $0) })
    }

    /// The answer the value starts with and the length of its word: the longest leading word
    /// decides (`not` over `n`, `没有` over `没`); nil when none, or the answer is not known.
    private static func leadingWord(_ normalized: String, _ scalars: [Unicode.Scalar]) -> (answer: Bool, length: Int)? {
        guard !scalars.isEmpty, !notKnown.contains(where: { normalized.hasPrefix($0) }) else { return nil }
        var best: (answer: Bool, length: Int)? = nil
        for (answer, words) in [(true, yes), (false, no)] {
            for word in words {
                let w = Array(word.unicodeScalars)
                guard w.count <= scalars.count, scalars[0..<w.count].elementsEqual(w) else { continue }
                let cjk = MeaningText.isCJK(w[0]) || !w[0].properties.isAlphabetic
                // A Latin word must end at a word boundary (`no` is not the start of `notice`).
                if !cjk, w.count < scalars.count, scalars[w.count].properties.isAlphabetic || scalars[w.count].properties.numericType != nil { continue }
                if best == nil || w.count > best!.length { best = (answer, w.count) }
            }
        }
        return best
    }

    /// Words of a remark that name software deciding.
    private static let softwareRemarks: [String] = ["auto", "automatic", "automatically", "system", "bot", "ai", "algorithm", "model",
                                                    "rpa", "robot", "engine", "machine", "系统", "自动", "机审", "算法", "智能", "机器",
                                                    "模型", "引擎"]
    /// Words of a remark that deny what follows (`not automated`, `非系统`).
    private static let remarkDenials: [String] = ["not", "non", "no", "without", "never", "非", "不", "无需", "未经", "没有"]

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: true
        default: false
        }
    }

    /// Whether `text` holds `word`: anywhere for CJK and symbols, as a whole word for Latin.
    private static func holds(_ text: [Unicode.Scalar], _ word: String) -> Bool {
        let w = Array(word.unicodeScalars)
        guard !w.isEmpty, w.count <= text.count else { return false }
        let whole = w[0].properties.isAlphabetic && !MeaningText.isCJK(w[0])
        func isWordScalar(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic || s.properties.numericType != nil }
        for start in 0...(text.count - w.count) where text[start..<(start + w.count)].elementsEqual(w) {
            guard whole else { return true }
            let before = start == 0 || !isWordScalar(text[start - 1])
            let after = start + w.count == text.count || !isWordScalar(text[start + w.count])
            if before && after { return true }
        }
        return false
    }
}
