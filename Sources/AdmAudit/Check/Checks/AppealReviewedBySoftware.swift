/// AP-02: a contest of a significant adverse automated decision re-examined by software
/// rather than a human.
///
/// Applies only where a contest was filed (`appeal_filed_at` present) against a decision
/// of the applicable set of the HR/EX/AP rules (automated, significant type, adverse
/// outcome; see `CheckContext.isSignificantAdverseAutomated`), and only once the contest
/// has been answered or decided: `appeal_responded_at`, `appeal_result`, `appeal_reviewer`
/// or `appeal_reviewer_id` recorded. Flags the record when `appeal_reviewer` is automated.
/// `appeal_reviewer` = human is compliant, and so is an empty `appeal_reviewer` with a
/// person named in `appeal_reviewer_id` (as AP-05 reads it); software named there
/// (`系统自动审批`, `SoftwareReviewer`) is not a person, whatever `appeal_reviewer` says (an
/// export could write `human` beside `系统` to pass). When both are empty on an
/// answered or decided contest, the employer cannot show a human re-examined it and the
/// law puts that burden on it, so it is a violation marked "not recorded".
/// Does not flag a contest still pending with nothing recorded about its answer or its
/// reviewer (nobody has re-examined it yet: a contest left unanswered past its deadline
/// is AP-03's), nor decisions with no contest filed (nothing to re-examine; a missing
/// route is AP-01's), nor judge the reply's timing (AP-03, AP-04) or the reviewer's
/// independence (AP-05).
public struct AppealReviewedBySoftware: RecordCheck {
    public static let descriptor = CheckDescriptor(
        id: "AP-02",
        severity: .error,
        titleEnglish: "Contest re-examined by software, not a human",
        titleChinese: "申诉由系统而非人工复核",
        legalBasis: [Instruments.pwd("11"), Instruments.pipl("24(3)")],
        notRecordedIsViolation: true,
        notRecordedEnglish: "who re-examined the contest",
        notRecordedChinese: "由谁复核申诉"
    )

    public init(parameters: CheckParameters = CheckParameters()) {}

    public func evaluate(_ record: DecisionRecord, context: CheckContext) -> CheckVerdict {
        guard let filed = record.appealFiledAt, context.isSignificantAdverseAutomated(record) else { return .notApplicable }
        switch record.appealReviewer {
        case .human? where !ValueMaps.isBlank(record.appealReviewerID) && SoftwareReviewer.names(record.appealReviewerID):
            return .violation(.appealReviewedBySoftware(type: record.decisionType, appealFiledAt: context.calendar.localTime(filed)))
        case .human?:
            return .compliant
        case .automated?:
            return .violation(.appealReviewedBySoftware(type: record.decisionType, appealFiledAt: context.calendar.localTime(filed)))
        case nil where !ValueMaps.isBlank(record.appealReviewerID):
            guard SoftwareReviewer.names(record.appealReviewerID) else { return .compliant }
            return .violation(.appealReviewedBySoftware(type: record.decisionType, appealFiledAt: context.calendar.localTime(filed)))
        case nil:
            // Pending: nothing answered or decided yet, so nobody has re-examined it.
            if record.appealRespondedAt == nil && record.appealResult == nil { return .notApplicable }
            return .violationNotRecorded(.appealReviewerNotRecorded(type: record.decisionType, appealFiledAt: context.calendar.localTime(filed)))
        }
    }
}
