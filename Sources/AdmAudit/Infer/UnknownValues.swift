/// Values of a mapped column that no vocabulary reads, each with the canonical value it
/// most resembles: what `init` lists for the inspector to decide on, since rows holding
/// them would be rejected.
enum UnknownValues {
    struct Item: Sendable, Equatable {
        var value: String
        /// Sampled rows holding it.
        var rows: Int
        var proposal: Proposal?
    }

    struct Proposal: Sendable, Equatable {
        var canonical: String
        /// The built-in spelling it resembles.
        var spelling: String
    }

    static let listLimit = 20

    static func find(field: CanonicalField, values: [String]) -> [Item] {
        let lists: [(String, [String])]
        let read: (String) -> Bool
        let vocabulary = InferenceVocabulary.shared
        switch field.kind {
        case .boolean where field == .automated:
            lists = BuiltinVocabulary.automation.map { ($0.0 ? "true" : "false", $0.1) }
            read = { if case .unrecognized = vocabulary.maps.automation.reading($0) { false } else { true } }
        case .boolean:
            lists = BuiltinVocabulary.booleans.map { ($0.0 ? "true" : "false", $0.1) }
            read = { if case .unrecognized = vocabulary.maps.booleans.reading($0) { false } else { true } }
        case .outcome:
            lists = BuiltinVocabulary.outcomes.map { ($0.0.rawValue, $0.1) }
            read = { if case .unrecognized = vocabulary.maps.outcomes.reading($0) { false } else { true } }
        case .decisionType:
            lists = BuiltinVocabulary.decisionTypes.map { ($0.0.rawValue, $0.1) }
            read = { if case .unrecognized = vocabulary.maps.decisionTypes.reading($0) { false } else { true } }
        case .reviewResult where field == .appealResult:
            lists = BuiltinVocabulary.appealResults.map { ($0.0.rawValue, $0.1) }
            read = { if case .unrecognized = vocabulary.maps.appealResults.reading($0) { false } else { true } }
        case .reviewResult:
            lists = BuiltinVocabulary.reviewResults.map { ($0.0.rawValue, $0.1) }
            read = { if case .unrecognized = vocabulary.maps.reviewResults.reading($0) { false } else { true } }
        case .appealReviewer:
            lists = BuiltinVocabulary.appealReviewers.map { ($0.0.rawValue, $0.1) }
            read = { if case .unrecognized = vocabulary.maps.appealReviewers.reading($0) { false } else { true } }
        default:
            return []
        }
        var counts: [String: Int] = [:]
        var order: [String] = []
        for value in values where !value.isEmpty && !read(value) {
            if counts[value] == nil {
                guard order.count < listLimit else { continue }
                order.append(value)
            }
            counts[value, default: 0] += 1
        }
        return order.map { Item(value: $0, rows: counts[$0]!, proposal: nearest($0, in: lists)) }
    }

    /// The spelling sharing the most character pairs with `value` (Dice coefficient on
    /// bigrams, single characters for short CJK words), if it shares enough.
    static func nearest(_ value: String, in lists: [(String, [String])]) -> Proposal? {
        let grams = Self.grams(MeaningText.normalize(value))
        guard !grams.isEmpty else { return nil }
        var best: (Proposal, Double)? = nil
        for (canonical, spellings) in lists {
            for spelling in spellings {
                let other = Self.grams(MeaningText.normalize(spelling))
                guard !other.isEmpty else { continue }
                let shared = grams.intersection(other).count
                let score = 2 * Double(shared) / Double(grams.count + other.count)
                if score > (best?.1 ?? 0) { best = (Proposal(canonical: canonical, spelling: spelling), score) }
            }
        }
        guard let best, best.1 >= 0.3 else { return nil }
        return best.0
    }

    private static func grams(_ text: String) -> Set<String> {
        let characters = Array(text)
        var grams = Set<String>()
        for character in characters where character.unicodeScalars.contains(where: MeaningText.isCJK) { grams.insert(String(character)) }
        guard characters.count >= 2 else { return grams.union(characters.map { String($0) }) }
        for index in 0..<(characters.count - 1) { grams.insert(String(characters[index...index + 1])) }
        return grams
    }
}
