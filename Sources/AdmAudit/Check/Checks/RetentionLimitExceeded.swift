/// DM-02: a decision record still held past the retention limit on the audit's as-of date.
///
/// Applies to every record, of any type and outcome: the export holding the record is
/// the evidence that the employer still keeps it. Flags the record when its decision
/// was made more than `retention_days` (default 180) before the as-of date. Age is
/// counted in calendar days on local dates in the pipeline's time zone
/// (`input.time_zone`): a decision on local day D is `as-of day − D` days old; exactly
/// `retention_days` old is not yet a violation, one day more is.
///
/// An empty `decided_at` is unknown (the record's age cannot be told), and so is every
/// record when no as-of date was given (`--as-of` or `audit_date`): set the as-of date
/// to the day the export was taken, since the check can only show the record was held
/// then. Does not flag a decision dated after the as-of date, and does not count from
/// later events (an appeal, a dispute, a legal hold) that may justify keeping the
/// record longer. The limit is a policy proposal, not statute, and the AI Act's duty to
/// keep logs pulls the other way: the caveat says so in every report.
public struct RetentionLimitExceeded: RecordCheck {
    public static let descriptor = CheckDescriptor(
        id: "DM-02",
        severity: .warning,
        titleEnglish: "Record kept beyond the retention limit",
        titleChinese: "记录保存超过保存期限",
        legalBasis: {
            var gdpr = Instruments.gdprInstrument.cite("5(1)(e)")
            gdpr.chinese = "《通用数据保护条例》第5条第1款(e)项"
            return [Instruments.pipl("19"), gdpr]
        }(),
        notRecordedIsViolation: false,
        usesAsOfDate: true,
        inForceOnAsOfDate: true,
        caveatEnglish: "PIPL Art. 19 and GDPR Art. 5(1)(e) require keeping personal information no longer than necessary but "
            + "name no number of days. The default limit of 180 days follows a policy proposal in the literature to delete "
            + "monitoring records after six months; it is not statute. The AI Act Art. 26(6) pulls the other way: deployers of "
            + "high-risk systems, which include workplace systems (Annex III), must keep the logs those systems generate for at "
            + "least six months (from 2026-08-02; reported as possibly moved to 2027-12-02). Both apply: 180 days is a few days "
            + "short of six calendar months, so where the AI Act applies set retention_days to at least 184, and read a finding "
            + "as a record kept past the chosen limit, not as proof of unlawful retention.",
        caveatChinese: "《个人信息保护法》第19条与《通用数据保护条例》第5条第1款(e)项要求保存期限为实现目的所必要的最短时间，但未规定具体天数。"
            + "默认的180天期限来自文献中关于监控记录六个月后删除的政策建议，并非法律规定。《人工智能法》第26条第6款要求相反："
            + "高风险系统（含附件三所列工作场所系统）的部署者须将系统生成的日志至少保存六个月（2026-08-02起；有报道称推迟至2027-12-02）。"
            + "两者同时适用：180天比六个日历月少几天，适用《人工智能法》时应将 retention_days 设为至少184；"
            + "本项发现表明记录保存超过所选期限，不等于证明保存违法。"
    )

    public static let parameters: [CheckParameter] = [
        CheckParameter("retention_days", .integer, default: .integer(180),
                       help: "calendar days a decision record may be kept after decided_at, counted on local dates; "
                           + "exactly this many days old is still within the limit (default 180, a policy proposal; "
                           + "the AI Act Art. 26(6) asks for logs to be kept at least six months)",
                       helpChinese: "决策记录自 decided_at 起可保存的日历天数，按本地日期计算；恰满该天数仍在期限内"
                           + "（默认180，为政策建议；《人工智能法》第26条第6款要求日志至少保存六个月）"),
    ]

    public let retentionDays: Int

    public init(parameters: CheckParameters = CheckParameters()) {
        retentionDays = CheckParameters(declared: Self.parameters, given: parameters.values).integer("retention_days")
    }

    public func evaluate(_ record: DecisionRecord, context: CheckContext) -> CheckVerdict {
        guard let decided = record.decidedAt else {
            return .unknown(context.text("decided_at empty: the record's age cannot be told", "decided_at 为空：无法判断记录已保存多久"))
        }
        guard let asOfDay = context.asOfDay else { return .unknown(context.text(CheckReason.noAsOfDate, CheckReason.noAsOfDateChinese)) }
        let decidedDay = context.calendar.day(of: decided)
        let age = asOfDay - decidedDay
        guard age > Int64(retentionDays) else { return .compliant }
        return .violation(context.text(
            "decided \(LocalCalendar.date(ofDay: decidedDay)) (decided_at, local date), \(age) days before the as-of date "
                + "\(LocalCalendar.date(ofDay: asOfDay)) and still in the export; retention limit \(retentionDays) days",
            "决定于 \(LocalCalendar.date(ofDay: decidedDay)) 作出（decided_at，本地日期），距审计基准日 "
                + "\(LocalCalendar.date(ofDay: asOfDay)) 已 \(age) 天，仍保存在导出数据中；保存期限为 \(retentionDays) 天"))
    }
}
