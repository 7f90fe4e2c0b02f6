/// The built-in vocabularies, read by meaning, for sniffing what a column holds: the same
/// readings a run makes of those values (`Vocabulary`), so that what `init` proposes is
/// what `run` will accept.
struct InferenceVocabulary: Sendable {
    static let shared = InferenceVocabulary()

    struct Reading {
        var isNotApplicable = false
        var boolean: Bool?
        var decisionType: DecisionType?
        var outcome: Outcome?
        var reviewResult: ReviewResult?
        var appealReviewer: AppealReviewer?
        var automated: Bool?
        var sex: String?
    }

    let booleans: Vocabulary<Bool>
    let outcomes: Vocabulary<Outcome>
    let decisionTypes: Vocabulary<DecisionType>
    let reviewResults: Vocabulary<ReviewResult>
    let appealResults: Vocabulary<ReviewResult>
    let appealReviewers: Vocabulary<AppealReviewer>
    let automation: Vocabulary<Bool>
    let sexes: Vocabulary<String>

    init(values: ValueVocabulary = ValueVocabulary()) {
        let maps = ValueMaps(values)
        booleans = maps.booleans
        outcomes = maps.outcomes
        decisionTypes = maps.decisionTypes
        reviewResults = maps.reviewResults
        appealResults = maps.appealResults
        appealReviewers = maps.appealReviewers
        automation = maps.automation
        sexes = Vocabulary(values.attributeValues["sex"] ?? [], rule: .exact)
    }

    func read(_ value: String) -> Reading {
        var reading = Reading()
        switch booleans.reading(value).0 {
        case .found(let answer): reading.boolean = answer
        case .notApplicable: reading.isNotApplicable = true
        default: break
        }
        if case .found(let type) = decisionTypes.reading(value).0 { reading.decisionType = type }
        if case .found(let outcome) = outcomes.reading(value).0 { reading.outcome = outcome }
        if case .found(let result) = reviewResults.reading(value).0 { reading.reviewResult = result }
        if case .found(let reviewer) = appealReviewers.reading(value).0 { reading.appealReviewer = reviewer }
        if case .found(let automated) = automation.reading(value).0 { reading.automated = automated }
        if case .found(let sex) = sexes.reading(value).0 { reading.sex = sex }
        return reading
    }
}
