/// HR-01: a significant adverse automated decision with no human review recorded at all.
///
/// Applies to automated decisions (an empty `automated` counts as automated when the
/// pipeline assumes so) of a significant type (`checks.significant_types`) with an
/// adverse outcome. Flags the record when `human_reviewed` is no; when the reviewer
/// recorded is software (`系统`, `Auto-Approval Bot`: `SoftwareReviewer`), whatever
/// `human_reviewed` says; or when nothing shows a review: `human_reviewed`, `reviewer_id`
/// and `reviewed_at` all empty, or `reviewer_id` a placeholder naming nobody
/// (`unassigned`, `#N/A`, `待分配`: `PlaceholderReviewer`). The law puts the burden on
/// the employer, so "not recorded" is a violation, marked as such.
/// Does not flag a review that came after the decision took effect (HR-02) nor a
/// review that only rubber-stamps (HR-03): a recorded review, however late or thin,
/// is not HR-01.
public struct HumanReviewMissing: RecordCheck {
    public static let descriptor = CheckDescriptor(
        id: "HR-01",
        severity: .error,
        titleEnglish: "Significant automated decision without human review",
        titleChinese: "重大自动化决策未经人工复核",
        legalBasis: [Instruments.pipl("24"), Instruments.gdpr("22"), Instruments.pwd("10")],
        notRecordedIsViolation: true,
        notRecordedEnglish: "a human review of the decision",
        notRecordedChinese: "对该决定的人工复核"
    )

    public init(parameters: CheckParameters = CheckParameters()) {}

    public func evaluate(_ record: DecisionRecord, context: CheckContext) -> CheckVerdict {
        guard context.isSignificantAdverseAutomated(record) else { return .notApplicable }
        if record.humanReviewed == false { return .violation(.notReviewed(type: record.decisionType)) }
        let reviewerRecorded = !ValueMaps.isBlank(record.reviewerID)
        if reviewerRecorded, SoftwareReviewer.names(record.reviewerID) { return .violation(.reviewedBySoftware(type: record.decisionType)) }
        switch record.humanReviewed {
        case true?:
            return .compliant
        case false?, nil:
            // A placeholder in the reviewer column (`unassigned`, `待分配`) shows no review.
            // Read only when nothing else shows the review: it normalises the cell.
            if record.reviewedAt != nil || reviewerRecorded && !PlaceholderReviewer.names(record.reviewerID) { return .compliant }
            return .violationNotRecorded(.reviewNotRecorded(type: record.decisionType, humanReviewed: context.absence(of: .humanReviewed, in: record)))
        }
    }
}
