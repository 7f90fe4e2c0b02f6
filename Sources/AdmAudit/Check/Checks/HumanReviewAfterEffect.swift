/// HR-02: a significant adverse automated decision whose human review is recorded, but
/// came after the decision took effect.
///
/// Applies to the applicable set of the HR rules (automated, significant type, adverse
/// outcome; see `CheckContext.isSignificantAdverseAutomated`) where a review is recorded:
/// `human_reviewed` is yes, or `human_reviewed` is empty and `reviewer_id` or
/// `reviewed_at` is present. Flags the record when `reviewed_at` is later than
/// `effective_at`: the decision reached the worker before a human looked at it. The same
/// instant counts as on time. When `reviewed_at` or `effective_at` is empty the check
/// cannot tell and says unknown, naming the missing field(s); it does not fall back to
/// `decided_at`, which is not when the decision took effect.
/// Does not flag a decision with no review recorded at all, nor one with
/// `human_reviewed` = no (both HR-01's, even when a reviewer or review time is filled in):
/// HR-01 and HR-02 never flag the same record. Does not judge whether the review was
/// meaningful (HR-03).
public struct HumanReviewAfterEffect: RecordCheck {
    public static let descriptor = CheckDescriptor(
        id: "HR-02",
        severity: .error,
        titleEnglish: "Human review recorded only after the decision took effect",
        titleChinese: "人工复核晚于决策生效",
        legalBasis: [Instruments.pipl("24"), Instruments.gdpr("22"), Instruments.pwd("10")],
        notRecordedIsViolation: false
    )

    public init(parameters: CheckParameters = CheckParameters()) {}

    public func evaluate(_ record: DecisionRecord, context: CheckContext) -> CheckVerdict {
        guard context.isSignificantAdverseAutomated(record) else { return .notApplicable }
        // The same test HR-01 applies, so that the two checks stay disjoint.
        switch record.humanReviewed {
        case true?:
            break
        case false?:
            return .notApplicable
        case nil:
            guard !ValueMaps.isBlank(record.reviewerID) || record.reviewedAt != nil else { return .notApplicable }
        }
        switch (record.reviewedAt, record.effectiveAt) {
        case (nil, nil):
            return .unknown(.reviewedAtAndEffectiveAtNotRecorded)
        case (nil, _?):
            return .unknown(.reviewedAtNotRecorded)
        case (_?, nil):
            return .unknown(.effectiveAtNotRecorded)
        case let (reviewed?, effective?):
            guard reviewed > effective else { return .compliant }
            return .violation(.reviewedAfterEffect(type: record.decisionType, reviewedAt: context.calendar.localTime(reviewed), effectiveAt: context.calendar.localTime(effective)))
        }
    }
}
