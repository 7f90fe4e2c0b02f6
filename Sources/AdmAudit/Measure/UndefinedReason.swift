/// Why a ratio or rate has no value, as the measure stage knows it: a code and what it needs.
/// The words are the report's (`ReportText.reason`), in its language; the measure stage
/// holds none.
public enum UndefinedReason: Sendable, Equatable {
    /// The reference group's selection rate is 0: every ratio to it divides by 0.
    case referenceRateZero
    /// No group could be the reference.
    case noReference
    /// The reference group had no adverse outcome: the adverse-rate ratio divides by 0.
    case referenceAdverseRateZero
    /// The group the pipeline names as reference has no decisions of this type.
    case namedReferenceAbsent(String)
    /// The group the pipeline names as reference is too small to be shown.
    case namedReferenceSuppressed(String, suppressBelow: Int)
    /// No group is large enough to be the reference (`minimum` decisions and `share` of the stratum).
    case noEligibleReference(minimum: Int, share: Double, bySuppression: Bool)
    /// No group has enough scored decisions to set the scoring rate's bar.
    case noEligibleScoringReference(minimum: Int, share: Double)
    /// The highest scoring rate is 0.
    case highestScoringRateZero
    /// The statistic is not computed for this row.
    case notComputed
    /// A check had no decision to judge.
    case noApplicableDecisions
    /// A check applied to decisions but could judge none of them (what it needs was not
    /// recorded): a rate of 0 would read as compliance nobody showed.
    case noDecisionJudged

    /// A stable code, for machine output and tests.
    public var code: String {
        switch self {
        case .referenceRateZero: "reference_rate_zero"
        case .noReference: "no_reference"
        case .referenceAdverseRateZero: "reference_adverse_rate_zero"
        case .namedReferenceAbsent: "named_reference_absent"
        case .namedReferenceSuppressed: "named_reference_suppressed"
        case .noEligibleReference: "no_eligible_reference"
        case .noEligibleScoringReference: "no_eligible_scoring_reference"
        case .highestScoringRateZero: "highest_scoring_rate_zero"
        case .notComputed: "not_computed"
        case .noApplicableDecisions: "no_applicable_decisions"
        case .noDecisionJudged: "no_decision_judged"
        }
    }
}
