/// DM-02: a decision record still held past the retention limit on the audit's as-of date.
///
/// Applies to every record, of any type and outcome: the export holding the record is
/// the evidence that the employer still keeps it. Flags the record when its decision
/// was made more than `retention_days` (default 180) before the as-of date. Age is
/// counted in calendar days on local dates in the pipeline's time zone
/// (`input.time_zone`): a decision on local day D is `as-of day − D` days old; exactly
/// `retention_days` old is not yet a violation, one day more is.
///
/// A record the law requires kept longer is not flagged before that: PRC Labour Contract
/// Law Art. 50 requires the employer to keep the text of a terminated or ended labour
/// contract for at least two years, so a `dismissal` record judged under CN law is
/// flagged only once older than the larger of `retention_days` and
/// `cn_dismissal_minimum_days` (default 730; 0 turns the minimum off), and its detail says
/// so. A record is judged under CN law when its `jurisdiction` is CN (or a part of it,
/// `CN-…`; a Chinese place written out counts), or, when it has none, when the pipeline's
/// `checks.jurisdictions` include CN.
/// The minimum is a CN rule: a dismissal record of another jurisdiction (EU, a member
/// state), or of an audit under EU law alone, keeps the plain limit. Other decision types
/// keep it everywhere.
///
/// An empty `decided_at` is unknown (the record's age cannot be told), and so is every
/// record when no as-of date was given (`--as-of` or `audit_date`): set the as-of date
/// to the day the export was taken, since the check can only show the record was held
/// then. Does not flag a decision dated after the as-of date, and does not count from
/// later events (an appeal, a dispute, a legal hold) that may justify keeping the
/// record longer. The limit is a policy proposal, not statute, and the AI Act's duty to
/// keep logs pulls the other way: the caveat says so in every report, with LCL Art. 50.
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
        notes: [
            CheckNote(jurisdictions: [],
                      english: "The law requires keeping personal information no longer than necessary but names no number of days. The default limit of 180 days follows a policy proposal in the literature to delete monitoring records after six months; it is not statute. A finding is a record kept past the chosen limit, not proof of unlawful retention.",
                      chinese: "法律要求保存期限为实现目的所必要的最短时间，但未规定具体天数。默认的180天期限来自文献中关于监控记录六个月后删除的政策建议，并非法律规定。本项发现表明记录保存超过所选期限，不等于证明保存违法。"),
            CheckNote(jurisdictions: ["EU"],
                      english: "The AI Act Art. 26(6) pulls the other way: deployers of high-risk systems, which include workplace systems (Annex III), must keep the logs those systems generate for at least six months (from 2026-08-02; reported as possibly moved to 2027-12-02). 180 days is a few days short of six calendar months, so where the AI Act applies set retention_days to at least 184.",
                      chinese: "《人工智能法》第26条第6款要求相反：高风险系统（含附件三所列工作场所系统）的部署者须将系统生成的日志至少保存六个月（2026-08-02起；有报道称推迟至2027-12-02）。180天比六个日历月少几天，适用《人工智能法》时应将 retention_days 设为至少184。"),
            CheckNote(jurisdictions: ["CN"],
                      english: "In China the Labour Contract Law Art. 50 requires the employer to keep the text of a terminated or ended labour contract for at least two years: a dismissal record judged under CN law is flagged only once older than the larger of retention_days and cn_dismissal_minimum_days (default 730).",
                      chinese: "在中国，《劳动合同法》第50条要求用人单位对已经解除或者终止的劳动合同的文本至少保存二年备查：按中国法判断的辞退记录，仅在保存时间超过 retention_days 与 cn_dismissal_minimum_days（默认730）中较大者时才予标记。"),
        ]
    )

    static let retentionDays = CheckSetting<Int>("retention_days", default: 180,
                                   help: "calendar days a decision record may be kept after decided_at, counted on local dates; "
                                       + "exactly this many days old is still within the limit (default 180, a policy proposal; "
                                       + "the AI Act Art. 26(6) asks for logs to be kept at least six months)",
                                   helpChinese: "决策记录自 decided_at 起可保存的日历天数，按本地日期计算；恰满该天数仍在期限内"
                                       + "（默认180，为政策建议；《人工智能法》第26条第6款要求日志至少保存六个月）")
    static let cnDismissalMinimumDays = CheckSetting<Int>("cn_dismissal_minimum_days", default: 730,
                                   help: "calendar days a dismissal record judged under CN law must be kept (Labour Contract Law Art. 50: "
                                       + "at least two years); such a record is flagged only once older than the larger of this and "
                                       + "retention_days; 0: no minimum",
                                   helpChinese: "按中国法判断的辞退记录必须保存的日历天数（《劳动合同法》第50条：至少二年）；"
                                       + "此类记录仅在超过该天数与 retention_days 中较大者时才予标记；0 表示不设下限")

    public static let parameters: [CheckParameter] = [retentionDays.declaration, cnDismissalMinimumDays.declaration]

    public let retentionDays: Int
    /// Days a dismissal record judged under CN law must be kept (LCL Art. 50).
    public let cnDismissalMinimumDays: Int

    public init(parameters: CheckParameters = CheckParameters()) {
        let values = parameters
        retentionDays = Self.retentionDays.value(in: values)
        cnDismissalMinimumDays = Self.cnDismissalMinimumDays.value(in: values)
    }

    public func evaluate(_ record: DecisionRecord, context: CheckContext) -> CheckVerdict {
        guard let decided = record.decidedAt else {
            return .unknown(.decidedAtNotRecorded)
        }
        guard let asOfDay = context.asOfDay else { return .unknown(.noAsOfDate) }
        let decidedDay = context.calendar.day(of: decided)
        let age = asOfDay - decidedDay
        guard age > Int64(retentionDays) else { return .compliant }
        guard cnDismissalMinimumDays > retentionDays, record.decisionType == .dismissal, Self.isUnderChineseLaw(record, context) else {
            return .violation(.keptTooLong(decidedDay: decidedDay, asOfDay: asOfDay, limitDays: retentionDays))
        }
        guard age > Int64(cnDismissalMinimumDays) else { return .compliant }
        return .violation(.dismissalKeptTooLong(decidedDay: decidedDay, asOfDay: asOfDay, limitDays: cnDismissalMinimumDays,
                                                retentionDays: retentionDays))
    }

    /// The record is judged under CN law: its own `jurisdiction` is CN or a part of it, or it
    /// has none and the pipeline's jurisdictions include CN.
    static func isUnderChineseLaw(_ record: DecisionRecord, _ context: CheckContext) -> Bool {
        guard let code = context.recordJurisdiction else { return context.jurisdictions.contains("CN") }
        return CheckRunner.covers("CN", code)
    }
}
