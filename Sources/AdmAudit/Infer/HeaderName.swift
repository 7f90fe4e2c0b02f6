/// A column header as a person reads it: its words, with the notes in its brackets apart.
///
/// `是否人工复核（是/否）` reads as `是否人工复核` with the hint `是/否`; `Reviewed by Human (Y/N)`
/// as the words `reviewed by human` with the hint `y/n`; `EffectiveDate(MM/DD/YYYY)` as
/// `effective date` with the hint `mm/dd/yyyy`; `处理时间(UTC+8)` as `处理时间` with `utc+8`.
/// Full-width forms are folded, CamelCase and `_ - . / :` split words, case is ignored.
struct HeaderName: Sendable, Equatable {
    let raw: String
    /// Lower-case words of the text outside brackets (CJK runs are one word each).
    let words: [String]
    /// The text outside brackets without spaces, for finding CJK terms inside it.
    let compact: String
    /// What the brackets held, normalised: units, formats, time zones, allowed values.
    let hints: [String]

    init(_ raw: String) {
        self.raw = raw
        var outside = ""
        var hints: [String] = []
        var bracket = ""
        var depth = 0
        let text = raw.precomposedStringWithCompatibilityMapping
        for character in text {
            switch character {
            case "(", "[", "【", "〔", "<", "《", "〈", "｛", "{":
                depth += 1
                if depth == 1 { bracket = ""; outside.append(" ") }
            case ")", "]", "】", "〕", ">", "》", "〉", "｝", "}":
                if depth > 0 {
                    depth -= 1
                    if depth == 0 {
                        let hint = MeaningText.normalize(bracket)
                        if !hint.isEmpty { hints.append(hint) }
                    }
                }
            default:
                if depth > 0 { bracket.append(character) } else { outside.append(character) }
            }
        }
        if depth > 0 { outside += bracket }
        self.hints = hints
        let spaced = Self.splitCamelCase(outside)
        var words: [String] = []
        var current = ""
        var currentIsCJK = false
        for scalar in spaced.unicodeScalars {
            if MeaningText.isInvisible(scalar) { continue }
            let cjk = MeaningText.isCJK(scalar)
            let wordScalar = cjk || scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "#"
            if !wordScalar || (!current.isEmpty && cjk != currentIsCJK) {
                if !current.isEmpty { words.append(current) }
                current = ""
            }
            if wordScalar {
                current.unicodeScalars.append(scalar)
                currentIsCJK = cjk
            }
        }
        if !current.isEmpty { words.append(current) }
        self.words = words.map { $0.lowercased() }
        compact = self.words.joined()
    }

    /// `EffectiveDate` → `Effective Date`, `employeeID` → `employee ID`, `HRReviewer` → `HR Reviewer`.
    private static func splitCamelCase(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if index > 0 {
                let previous = scalars[index - 1]
                let next = index + 1 < scalars.count ? scalars[index + 1] : nil
                let isUpper = scalar.properties.isUppercase
                if isUpper && previous.properties.isLowercase
                    || isUpper && previous.properties.isUppercase && (next?.properties.isLowercase ?? false) {
                    out.append(" ")
                }
            }
            out.append(scalar)
        }
        return String(out)
    }

    /// True when `term` is in the header: a CJK term anywhere in `compact`; a Latin term
    /// (one or more words) as whole consecutive words.
    func contains(_ term: String) -> Bool {
        if term.unicodeScalars.contains(where: MeaningText.isCJK) { return compact.contains(term) }
        let termWords = term.split(separator: " ").map(String.init)
        guard !termWords.isEmpty, termWords.count <= words.count else { return false }
        for start in 0...(words.count - termWords.count) where words[start..<(start + termWords.count)].elementsEqual(termWords) {
            return true
        }
        return false
    }

    /// True when the header is exactly `name` (compared without spaces, so `Decision ID`,
    /// `decision_id` and `DecisionId` are one name).
    func isNamed(_ name: String) -> Bool {
        compact == name.split(separator: " ").joined().lowercased()
    }
}
