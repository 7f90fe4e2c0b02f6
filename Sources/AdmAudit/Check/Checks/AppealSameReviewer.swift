/// AP-05: a contest decided by the same person who reviewed the original decision.
///
/// Applies where a contest was filed (`appeal_filed_at` present) against a decision of the
/// applicable set of the HR/EX/AP rules (automated, significant type, adverse outcome; see
/// `CheckContext.isSignificantAdverseAutomated`), a person decided it (`appeal_reviewer` =
/// human, or `appeal_reviewer` empty and `appeal_reviewer_id` recorded) and the original
/// decision's reviewer is recorded (`reviewer_id`). Flags the record when
/// `appeal_reviewer_id` equals `reviewer_id` (after trimming and ASCII case-folding, as
/// values match everywhere): the person who let the decision stand also judged the
/// contest against it. When `appeal_reviewer_id` is empty the check cannot tell and says
/// unknown: this is good practice, not a rule that puts the burden on the employer.
/// Does not concern contests re-examined by software (AP-02's), contests whose original
/// decision names no reviewer (nothing to compare against), or whether two different
/// people are in fact independent of each other (the export cannot show that).
public struct AppealSameReviewer: RecordCheck {
    public static let descriptor = CheckDescriptor(
        id: "AP-05",
        severity: .info,
        titleEnglish: "Contest decided by the person who reviewed the original decision",
        titleChinese: "申诉由复核原决策的同一人处理",
        legalBasis: [Instruments.gdprInstrument.cite("22(3)", policy: true), Instruments.pwdInstrument.cite("11", policy: true),
                     Instruments.pipl.cite("24", policy: true)],
        notRecordedIsViolation: false,
        notes: [
            CheckNote(jurisdictions: ["EU"],
                      english: "Good practice under GDPR Art. 22(3) and PWD Art. 11 (a contest re-examined by someone able to change the outcome), not an explicit rule: neither names who must decide the contest.",
                      chinese: "这是依据GDPR第22条第3款和《平台工作指令》第11条的良好做法（申诉应由能够改变结果的人重新审查），并非明确的法律规定：两者均未规定申诉须由谁处理。"),
            CheckNote(jurisdictions: ["CN"],
                      english: "In China it is read from PIPL Art. 24(3) (a review that can change the outcome): good practice, not an explicit rule.",
                      chinese: "在中国，依据《个人信息保护法》第24条第3款（复核须能改变结果）解读得出：属良好做法，并非明确的法律规定。"),
        ]
    )

    public init(parameters: CheckParameters = CheckParameters()) {}

    public func evaluate(_ record: DecisionRecord, context: CheckContext) -> CheckVerdict {
        guard record.appealFiledAt != nil, context.isSignificantAdverseAutomated(record) else { return .notApplicable }
        let original = TextKey.trimmedRange(record.reviewerID.bytes)
        let appeal = TextKey.trimmedRange(record.appealReviewerID.bytes)
        guard !original.isEmpty else { return .notApplicable }
        switch record.appealReviewer {
        case .automated?: return .notApplicable
        case .human?: break
        case nil: guard !appeal.isEmpty else { return .notApplicable }
        }
        guard !appeal.isEmpty else { return .unknown(.appealReviewerIDNotRecorded) }
        let originalID = UnsafeRawBufferPointer(rebasing: record.reviewerID.bytes[original])
        let appealID = UnsafeRawBufferPointer(rebasing: record.appealReviewerID.bytes[appeal])
        guard Self.sameFolded(originalID, appealID) else { return .compliant }
        let id = String(decoding: appealID, as: UTF8.self)
        return .violation(.sameAppealReviewer(type: record.decisionType, reviewer: id))
    }

    /// Equal bytes after ASCII case-folding.
    static func sameFolded(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard a.count == b.count else { return false }
        for index in 0..<a.count {
            var x = a[index], y = b[index]
            if x >= 0x41 && x <= 0x5A { x |= 0x20 }
            if y >= 0x41 && y <= 0x5A { y |= 0x20 }
            if x != y { return false }
        }
        return true
    }
}
