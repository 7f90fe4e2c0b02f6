/// AP-03: a contest still unanswered past its deadline on the audit's as-of date.
///
/// Applies to the applicable set of the AP rules (automated decisions of a significant
/// type with an adverse outcome, as HR-01) that record an `appeal_filed_at`. Flags the
/// record when `appeal_responded_at` is empty and the deadline has passed by the as-of
/// date. The law puts the burden on the employer (the platform or controller must
/// reply), so an empty `appeal_responded_at` counts as unanswered and the finding is
/// marked "not recorded", even when an `appeal_result` is recorded without its date.
///
/// Time rule: deadlines are whole calendar days counted on local dates in the
/// pipeline's time zone (`input.time_zone`). A contest filed on local day F with a
/// deadline of N days (`deadline_days`, default 14) is due by the end of local day F+N.
/// Unanswered with as-of day > F+N is overdue (violation); as-of day ≤ F+N is not yet
/// due (compliant). Without an as-of date (`--as-of` or `audit_date`) an unanswered
/// contest cannot be judged and is unknown.
///
/// Does not flag: a contest with any recorded response, however late (that is AP-04,
/// so the two are disjoint) or however odd (a response dated before the filing is a
/// data-quality matter); a record without `appeal_filed_at` (no contest, or AP-01 when
/// none was offered); who answered (AP-02, AP-05).
public struct AppealUnansweredPastDeadline: RecordCheck {
    public static let descriptor = CheckDescriptor(
        id: "AP-03",
        severity: .error,
        titleEnglish: "Contest unanswered past the deadline",
        titleChinese: "申诉逾期未答复",
        legalBasis: AppealDeadline.legalBasis,
        notRecordedIsViolation: true,
        usesAsOfDate: true,
        notes: AppealDeadline.notes,
        notRecordedEnglish: "an answer to the contest",
        notRecordedChinese: "对申诉的答复"
    )

    public static let parameters: [CheckParameter] = [AppealDeadline.deadlineDays.declaration]

    public let deadlineDays: Int

    public init(parameters: CheckParameters = CheckParameters()) {
        deadlineDays = AppealDeadline.deadlineDays.value(in: parameters)
    }

    public func evaluate(_ record: DecisionRecord, context: CheckContext) -> CheckVerdict {
        guard context.isSignificantAdverseAutomated(record), let filed = record.appealFiledAt else { return .notApplicable }
        if record.appealRespondedAt != nil { return .compliant }
        guard let asOfDay = context.asOfDay else { return .unknown(.noAsOfDate) }
        let filedDay = context.calendar.day(of: filed)
        let dueDay = filedDay + Int64(deadlineDays)
        guard asOfDay > dueDay else { return .compliant }
        return .violationNotRecorded(.appealUnanswered(days: .init(filedDay: filedDay, answeredDay: asOfDay, deadlineDays: deadlineDays),
                                                       appealResult: record.appealResult))
    }
}

/// What AP-03 and AP-04 share: the deadline parameter, the legal bases and the caveat.
enum AppealDeadline {
    static let deadlineDays = CheckSetting<Int>(
        "deadline_days", default: 14,
        help: "calendar days to answer a contest, counted on local dates: filed on day F, due by the end of day F+N "
            + "(default 14: Platform Work Directive Art. 11(2), two weeks; GDPR Art. 12(3) allows one month)",
        helpChinese: "答复申诉的日历天数，按本地日期计算：第F日提出，须在第F+N日结束前答复"
            + "（默认14：《平台工作指令》第11条第2款，两周；《通用数据保护条例》第12条第3款为一个月）")

    static let legalBasis: [LegalCitation] = {
        var pwd = Instruments.pwdInstrument.cite("11(2)")
        pwd.chinese = "《平台工作指令》第11条第2款"
        var gdpr = Instruments.gdprInstrument.cite("12(3)")
        gdpr.chinese = "《通用数据保护条例》第12条第3款"
        var contest = Instruments.gdprInstrument.cite("22(3)")
        contest.chinese = "《通用数据保护条例》第22条第3款"
        return [pwd, gdpr, contest, Instruments.piplRequestHandling]
    }()

    static let notes: [CheckNote] = [
        CheckNote(jurisdictions: ["EU"],
                  english: "The default deadline of 14 calendar days follows the Platform Work Directive Art. 11(2) (a written reply within two weeks; applies from 2026-12-02 through national transposition, to platform work). GDPR Art. 12(3) allows one month, extendable by two further months with notice to the worker: where only the GDPR applies, set deadline_days to 30 or 31 (a month is not a fixed number of days) and read a late answer in the light of any extension.",
                  chinese: "默认期限14个日历日依据《平台工作指令》第11条第2款（两周内书面答复；自2026-12-02起经成员国转化适用于平台工作）。《通用数据保护条例》第12条第3款给予一个月，经告知可再延长两个月：仅适用该条例时，可将 deadline_days 设为30或31（一个月并非固定天数），并结合是否已延长来判断逾期答复。"),
        CheckNote(jurisdictions: ["CN"],
                  english: "PIPL Art. 50 requires requests to be handled but sets no deadline: for Chinese decisions the deadline is the audit's choice (deadline_days, 14 days unless the pipeline sets it).",
                  chinese: "《个人信息保护法》第50条要求处理申请，但未规定期限：对中国的决策，期限由本次审计设定（deadline_days，未设定时为14天）。"),
        CheckNote(jurisdictions: [],
                  english: "Days are counted on local dates in the pipeline's time zone.",
                  chinese: "天数按审计配置时区的本地日期计算。"),
    ]

}
