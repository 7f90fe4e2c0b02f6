/// Values of a mapped column that no vocabulary reads, each with the canonical value it
/// most resembles: what `init` lists for the inspector to decide on, since rows holding
/// them would be rejected.
enum UnknownValues {
    struct Item: Sendable, Equatable {
        var value: String
        /// Sampled rows holding it.
        var rows: Int
        var proposal: Proposal?
        /// A decision kind's column holding an outcome (`Rescinded`, `Cleared`): which kind it
        /// was is not in the value, so no kind is proposed.
        var outcome: Outcome? = nil
        /// A decision kind's column naming the worker's own leaving (`Voluntary separation`,
        /// `辞职`, `BuiltinVocabulary.workerLeaving`): no decision about them, so no kind is
        /// proposed (a dismissal word beside it would have been).
        var workerLeaving = false
    }

    struct Proposal: Sendable, Equatable {
        var canonical: String
        /// The built-in spelling it resembles.
        var spelling: String
    }

    static let listLimit = 20

    static func find(field: CanonicalField, values: [String]) -> [Item] {
        let maps = InferenceVocabulary.shared.maps
        let known: Known
        switch field.kind {
        case .boolean where field == .automated: known = Known(BuiltinVocabulary.automation, maps.automation) { $0 ? "true" : "false" }
        case .boolean: known = Known(BuiltinVocabulary.booleans, maps.booleans) { $0 ? "true" : "false" }
        // An approval's `同意` / `不同意`, which the run reads as an outcome too (`RecordBuilder`).
        case .outcome: known = Known(BuiltinVocabulary.outcomes, maps.outcomes, \.rawValue, orWhen: maps.readsAsApprovalOrRefusal)
        case .decisionType: known = Known(BuiltinVocabulary.decisionTypes, maps.decisionTypes, \.rawValue)
        // A result written as an outcome (`No violation found`) is read against the decision's outcome.
        case .reviewResult where field == .appealResult:
            known = Known(BuiltinVocabulary.appealResults, maps.appealResults, \.rawValue, orAs: maps.outcomes)
        case .reviewResult: known = Known(BuiltinVocabulary.reviewResults, maps.reviewResults, \.rawValue, orAs: maps.outcomes)
        case .appealReviewer: known = Known(BuiltinVocabulary.appealReviewers, maps.appealReviewers, \.rawValue)
        default: return []
        }
        var counts: [String: Int] = [:]
        var order: [String] = []
        for value in values where !value.isEmpty && !known.reads(value) {
            if counts[value] == nil {
                guard order.count < listLimit else { continue }
                order.append(value)
            }
            counts[value, default: 0] += 1
        }
        return order.map { value in
            if field == .decisionType, case .found(let outcome) = maps.outcomes.reading(value) {
                return Item(value: value, rows: counts[value]!, proposal: nil, outcome: outcome)
            }
            if field == .decisionType, maps.decisionTypes.isVetoed(value) {
                return Item(value: value, rows: counts[value]!, proposal: nil, workerLeaving: true)
            }
            return Item(value: value, rows: counts[value]!, proposal: nearest(value, in: known.lists))
        }
    }

    /// A field's built-in spellings by canonical name, and whether its vocabulary reads a value.
    private struct Known {
        let lists: [(String, [String])]
        let reads: (String) -> Bool

        init<Value>(_ builtin: [(Value, [String])], _ vocabulary: Vocabulary<Value>, _ name: (Value) -> String,
                    orAs other: Vocabulary<Outcome>? = nil, orWhen alsoRead: ((String) -> Bool)? = nil) {
            lists = builtin.map { (name($0.0), $0.1) }
            reads = { value in
                if case .unrecognized = vocabulary.reading(value) {
                    if let other, case .found = other.reading(value) { return true }
                    return alsoRead?(value) ?? false
                }
                return true
            }
        }
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
