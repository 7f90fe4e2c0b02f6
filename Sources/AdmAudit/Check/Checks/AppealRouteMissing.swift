/// AP-01: a significant adverse automated decision with no route to contest it offered.
///
/// Applies to the applicable set of the HR/EX/AP rules (automated, significant type,
/// adverse outcome; see `CheckContext.isSignificantAdverseAutomated`). Flags the record
/// when `appeal_offered` is no: the employer's own record says no route was offered, even
/// if the worker contested anyway (the detail then names `appeal_filed_at`). When
/// `appeal_offered` is empty, a recorded `appeal_filed_at` or `appeal_result` (a contest
/// granted or rejected: an export's `申诉状态`) shows a route existed (compliant); with
/// neither, the employer cannot show a route was offered and the law puts that burden on
/// it, so it is a violation marked "not recorded".
/// Does not judge how the contest was handled: who re-examined it (AP-02), whether it was
/// answered in time (AP-03, AP-04), or by whom (AP-05).
public struct AppealRouteMissing: RecordCheck {
    public static let descriptor = CheckDescriptor(
        id: "AP-01",
        severity: .error,
        titleEnglish: "No route to contest the decision offered",
        titleChinese: "未提供对决策提出异议的途径",
        legalBasis: [Instruments.gdpr("22(3)"), Instruments.pwd("11"), Instruments.piplRequestHandling],
        notRecordedIsViolation: true,
        notes: [
            CheckNote(jurisdictions: ["CN"],
                      english: "In China the route to contest is read from PIPL Art. 24(3) (the right to refuse a decision made solely by automated means) and Art. 50 (a mechanism to accept and handle requests): a reading, not the statute's words.",
                      chinese: "在中国，异议途径系依据《个人信息保护法》第24条第3款（拒绝仅通过自动化决策方式作出决定的权利）和第50条（受理和处理申请的机制）解读得出，并非法条原文。"),
        ],
        notRecordedEnglish: "that a route to contest the decision was offered",
        notRecordedChinese: "已提供对该决定提出异议的途径"
    )

    public init(parameters: CheckParameters = CheckParameters()) {}

    public func evaluate(_ record: DecisionRecord, context: CheckContext) -> CheckVerdict {
        guard context.isSignificantAdverseAutomated(record) else { return .notApplicable }
        switch record.appealOffered {
        case true?:
            return .compliant
        case false?:
            return .violation(.noAppealRoute(type: record.decisionType, appealFiledAt: record.appealFiledAt.map(context.calendar.localTime)))
        case nil:
            if record.appealFiledAt != nil || record.appealResult != nil { return .compliant }
            return .violationNotRecorded(.appealRouteNotRecorded(type: record.decisionType, appealOffered: context.absence(of: .appealOffered, in: record)))
        }
    }
}
