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
        /// What became of a contest, as the appeal results read it: a result, pending
        /// (`申诉中`), or no contest made (`未申诉`).
        var saysHowAContestWent = false
        var appealReviewer: AppealReviewer?
        var automated: Bool?
        var sex: String?
    }

    /// The run's vocabularies, as a pipeline with no `values:` section reads values.
    let maps: ValueMaps
    let sexes: Vocabulary<String>

    init(values: ValueVocabulary = ValueVocabulary()) {
        maps = ValueMaps(values)
        sexes = Vocabulary(values.attributeValues["sex"] ?? [], rule: .exact)
    }

    /// Whether `value` names an action taken (`Promotion`): favourable with no outcome column.
    func namesAnActionTaken(_ value: String) -> Bool {
        if case .found = maps.actionsTaken.reading(value) { return true }
        return false
    }

    func read(_ written: String) -> Reading {
        let value = MeaningInput(written)
        var reading = Reading()
        switch maps.booleans.reading(value) {
        case .found(let answer): reading.boolean = answer
        case .notApplicable: reading.isNotApplicable = true
        default: break
        }
        if case .found(let type) = maps.decisionTypes.reading(value) { reading.decisionType = type }
        if case .found(let outcome) = maps.outcomes.reading(value) { reading.outcome = outcome }
        if case .found(let result) = maps.reviewResults.reading(value) { reading.reviewResult = result }
        switch maps.appealResults.reading(value) {
        case .found, .notApplicable: reading.saysHowAContestWent = true
        case .missing: reading.saysHowAContestWent = !value.key.isEmpty
        case .unrecognized: break
        }
        if case .found(let reviewer) = maps.appealReviewers.reading(value) { reading.appealReviewer = reviewer }
        if case .found(let automated) = maps.automation.reading(value) { reading.automated = automated }
        if case .found(let sex) = sexes.reading(value) { reading.sex = sex }
        return reading
    }
}
