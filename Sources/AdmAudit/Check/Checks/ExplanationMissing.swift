/// EX-01: a significant adverse automated decision with no explanation given to the worker.
///
/// Applies to the applicable set of the HR/EX/AP rules (automated, significant type,
/// adverse outcome; see `CheckContext.isSignificantAdverseAutomated`). Flags the record
/// when `explanation_given` is no; when it is empty, the employer cannot show an
/// explanation was given, and the law puts that burden on the employer, so it is a
/// violation marked "not recorded". `explanation_given` = yes is compliant.
/// Does not judge the explanation's content, timing (PWD 11(1): written reasons at the
/// latest on the day a restriction, suspension or termination takes effect) or language:
/// the export records only whether one was given.
public struct ExplanationMissing: RecordCheck {
    public static let descriptor = CheckDescriptor(
        id: "EX-01",
        severity: .error,
        titleEnglish: "Significant automated decision without an explanation",
        titleChinese: "重大自动化决策未向劳动者说明理由",
        legalBasis: [
            Instruments.pipl("24(3)"), Instruments.pipl("48"),
            Instruments.gdpr("13(2)(f)"), Instruments.gdpr("14(2)(g)"), Instruments.gdpr("15(1)(h)"),
            Instruments.pwd("11(1)"), Instruments.aiAct("86"),
        ],
        notRecordedIsViolation: true,
        notes: [
            CheckNote(jurisdictions: ["EU"],
                      english: "GDPR Art. 13–15 give a right to meaningful information about the logic involved; whether that is a right to an explanation of each decision is disputed. AI Act Art. 86 applies to Annex III (workplace) systems from 2026-08-02, a date reported as possibly moved to 2027-12-02.",
                      chinese: "GDPR第13–15条规定了获得有关所涉逻辑的有意义信息的权利，是否构成对每项决策的解释权尚有争议。《人工智能法》第86条自2026-08-02起适用于附件三（工作场所）系统，据报道该日期可能推迟至2027-12-02。"),
        ],
        notRecordedEnglish: "that an explanation of the decision was given",
        notRecordedChinese: "已向劳动者说明该决定"
    )

    public init(parameters: CheckParameters = CheckParameters()) {}

    public func evaluate(_ record: DecisionRecord, context: CheckContext) -> CheckVerdict {
        guard context.isSignificantAdverseAutomated(record) else { return .notApplicable }
        switch record.explanationGiven {
        case true?:
            return .compliant
        case false?:
            return .violation(.notExplained(type: record.decisionType))
        case nil:
            return .violationNotRecorded(.explanationNotRecorded(type: record.decisionType,
                                                                 explanationGiven: context.absence(of: .explanationGiven, in: record)))
        }
    }
}
