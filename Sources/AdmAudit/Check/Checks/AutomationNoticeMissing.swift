/// NT-01: no notice to the worker that software takes part in the decision, before the
/// decision.
///
/// Applies to every automated decision (an empty `automated` counts as automated when the
/// pipeline assumes so), of any type and outcome: the notice is due before the system is
/// used, whatever it then decides. Flags the record when:
/// - `ai_notice_at` is empty: the employer cannot show a notice was given, and the law
///   puts that burden on it, so it is a violation marked "not recorded";
/// - `ai_notice_at` is later than `decided_at` (the same instant is on time);
/// - a lead time applies and the notice was given fewer than that many business days
///   before the decision. The lead time is `business_days_before` (default 0, none) for
///   every record and, for records whose `jurisdiction` is US-NYC (written as the code, or
///   as New York City by name), or that have none in an audit whose `checks.jurisdictions`
///   is US-NYC alone (with or without US), at least
///   `nyc_business_days` (default 10, 6 RCNY § 5-304); the larger applies.
///
/// Business days are Monday to Friday in the pipeline's time zone (public holidays are not
/// known and count as business days). The count is of the business days from the notice's
/// local day up to, not including, the decision's local day, i.e. counting back from the
/// decision: a notice on Monday 6 January is 10 business days before a decision on Monday
/// 20 January or Saturday 18 January, and 9 before one on Friday 17 January.
/// When `ai_notice_at` is recorded but `decided_at` is not, the check says unknown.
/// Does not judge the notice's content or whether workers' representatives were informed
/// (AI Act Art. 26(7)), which the export does not record.
public struct AutomationNoticeMissing: RecordCheck {
    public static let descriptor = CheckDescriptor(
        id: "NT-01",
        severity: .warning,
        titleEnglish: "No notice before the decision that software takes part",
        titleChinese: "决策前未告知劳动者使用自动化系统",
        legalBasis: [
            Instruments.pipl("17"), Instruments.pipl("24"), Instruments.aiAct("26(7)"), Instruments.pwd("9"),
            Instruments.ll144.cite("5-304"),
        ],
        notRecordedIsViolation: true,
        notes: [
            CheckNote(jurisdictions: [],
                      english: "The law requires notice before the system is used on the worker; the export's ai_notice_at per decision is the evidence read for it.",
                      chinese: "法律要求在对劳动者使用系统之前告知；本项以每条决策的 ai_notice_at 作为证据。"),
            CheckNote(jurisdictions: ["EU"],
                      english: "AI Act Art. 26(7) applies to Annex III (workplace) systems from 2026-08-02, a date reported as possibly moved to 2027-12-02.",
                      chinese: "《人工智能法》第26条第7款自2026-08-02起适用于附件三（工作场所）系统，据报道该日期可能推迟至2027-12-02。"),
            CheckNote(jurisdictions: ["US-NYC"],
                      english: "NYC's 10 business days (6 RCNY § 5-304) concern automated employment decision tools used for hiring and promotion; holidays are not taken into account.",
                      chinese: "纽约市的10个工作日（6 RCNY § 5-304）针对用于招聘和晋升的自动化雇佣决策工具；未考虑公共假日。"),
        ],
        notRecordedEnglish: "a notice to the worker, before the decision, that software takes part",
        notRecordedChinese: "决策前已告知劳动者使用自动化系统"
    )

    static let businessDaysBefore = CheckSetting<Int>("business_days_before", default: 0,
                                   help: "business days (Mon–Fri) the notice must precede the decision, for every record; 0: only before",
                                   helpChinese: "告知须早于决策的工作日数（周一至周五），适用于所有记录；0 表示只需早于决策")
    static let nycBusinessDays = CheckSetting<Int>("nyc_business_days", default: 10,
                                   help: "business days the notice must precede the decision for records whose jurisdiction is US-NYC (6 RCNY § 5-304)",
                                   helpChinese: "法域为 US-NYC 的记录，告知须早于决策的工作日数（6 RCNY § 5-304）")

    public static let parameters: [CheckParameter] = [businessDaysBefore.declaration, nycBusinessDays.declaration]

    private let businessDaysBefore: Int64
    private let nycBusinessDays: Int64

    public init(parameters: CheckParameters = CheckParameters()) {
        businessDaysBefore = Int64(Self.businessDaysBefore.value(in: parameters))
        nycBusinessDays = Int64(Self.nycBusinessDays.value(in: parameters))
    }

    public func evaluate(_ record: DecisionRecord, context: CheckContext) -> CheckVerdict {
        guard record.automated ?? context.assumeAutomated else { return .notApplicable }
        guard let notice = record.aiNoticeAt else {
            return .violationNotRecorded(.aiNoticeNotRecorded(type: record.decisionType))
        }
        guard let decided = record.decidedAt else { return .unknown(.decidedAtNotRecorded) }
        if notice > decided {
            return .violation(.aiNoticeAfterDecision(type: record.decisionType, aiNoticeAt: context.calendar.localTime(notice), decidedAt: context.calendar.localTime(decided)))
        }
        // A record without a jurisdiction read (blank, or a place not known) is NYC's when the audit is NYC's alone (US law covering it too).
        let nyc = context.recordJurisdiction.map { $0 == "US-NYC" }
            ?? (context.jurisdictions.contains("US-NYC") && context.jurisdictions.allSatisfy { $0 == "US-NYC" || $0 == "US" })
        let required = nyc ? max(businessDaysBefore, nycBusinessDays) : businessDaysBefore
        guard required > 0 else { return .compliant }
        let given = Self.businessDays(from: context.calendar.day(of: notice), to: context.calendar.day(of: decided))
        guard given < required else { return .compliant }
        return .violation(.aiNoticeTooShort(type: record.decisionType, aiNoticeAt: context.calendar.localTime(notice), decidedAt: context.calendar.localTime(decided),
                                            businessDays: given, required: required, nyc: nyc))
    }

    /// The business days (Monday to Friday) among the local days `from` ..< `to`.
    static func businessDays(from: Int64, to: Int64) -> Int64 {
        guard to > from else { return 0 }
        let span = to - from
        var count = span / 7 * 5
        var day = from + span / 7 * 7
        while day < to {
            if LocalCalendar.weekday(ofDay: day) <= 5 { count += 1 }
            day += 1
        }
        return count
    }
}
