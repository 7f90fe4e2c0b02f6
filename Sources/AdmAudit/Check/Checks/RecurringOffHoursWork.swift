/// WT-04: off-hours work that recurs (隐形加班), by the criteria courts weigh: how often, how
/// long, over what period.
///
/// Judged once per worker with activity in the logs: a violation when, of the weeks the
/// worker was active, at least `min_weeks` and at least `min_share` of them hold
/// `min_minutes` or more outside scheduled time. The finding names the weeks, the first and
/// last of them, and the off-hours hours in all, for a claim of overtime pay (Labour Law
/// Art. 44). What the work was (its substance) the log does not say: the finding is evidence
/// for a claim, not the claim.
public struct RecurringOffHoursWork: WorkTimeCheck {
    public static let descriptor = CheckDescriptor(
        id: "WT-04",
        severity: .warning,
        titleEnglish: "Off-hours work that recurs, week after week",
        titleChinese: "反复出现的工作时间以外工作（隐形加班）",
        legalBasis: [Instruments.labourLaw.cite("44"), Instruments.labourLaw.cite("36", policy: true)],
        notRecordedIsViolation: false,
        notes: [
            CheckNote(jurisdictions: ["CN"],
                      english: "Courts have counted online work after hours as overtime (the Beijing No. 1 Intermediate People's Court weighed its frequency, duration and substance); the thresholds here are the pipeline's, not a court's.",
                      chinese: "法院已将下班后的线上工作认定为加班（北京市第一中级人民法院考量其频率、时长与内容）；此处的门槛为审计配置所设，并非法院标准。"),
        ]
    )

    static let minWeeks = CheckSetting<Int>("min_weeks", default: 4, help: "at least this many weeks with off-hours work",
                                            helpChinese: "有工作时间以外工作的周数至少为此值",
                                            validate: { value in Int(value).map { $0 >= 1 ? nil : "min_weeks must be at least 1" } ?? nil })
    static let minShare = CheckSetting<Double>("min_share", default: 0.5, help: "and at least this share of the worker's active weeks",
                                               helpChinese: "且至少占该劳动者有活动周数的此比例",
                                               validate: { value in Double(value).map { (0...1).contains($0) ? nil : "min_share must be from 0 to 1" } ?? nil })
    static let minMinutes = CheckSetting<Int>("min_minutes", default: 60, help: "a week counts with at least this many off-hours minutes",
                                              helpChinese: "一周内工作时间以外的分钟数至少为此值时计入",
                                              validate: { value in Int(value).map { (1...10_080).contains($0) ? nil : "min_minutes must be from 1 to 10080" } ?? nil })
    public static let parameters: [CheckParameter] = [minWeeks.declaration, minShare.declaration, minMinutes.declaration]

    let minWeeks: Int
    let minShare: Double
    let minMinutes: Int

    public init(parameters: CheckParameters = CheckParameters()) {
        minWeeks = Self.minWeeks.value(in: parameters)
        minShare = Self.minShare.value(in: parameters)
        minMinutes = Self.minMinutes.value(in: parameters)
    }

    public func judge(weeks: ArraySlice<WorkWeek>, months: ArraySlice<WorkMonth>, schedule: WorkSchedule, worker: String) -> RunCheckOutcome {
        let active = weeks.filter { $0.activeSeconds > 0 }
        guard !active.isEmpty else { return RunCheckOutcome(applicable: 0, violations: []) }
        let offHours = active.filter { $0.offHoursSeconds >= Int64(minMinutes) * 60 }
        guard offHours.count >= minWeeks, Double(offHours.count) >= minShare * Double(active.count) else {
            return RunCheckOutcome(applicable: 1, violations: [])
        }
        let minutes = offHours.reduce(Int64(0)) { $0 + $1.offHoursSeconds } / 60
        return RunCheckOutcome(applicable: 1, violations: [RunCheckOutcome.Violation(subject: .worker(worker), detail: .recurringOffHours(
            firstMonday: offHours.first!.monday, lastMonday: offHours.last!.monday, weeks: offHours.count, activeWeeks: active.count,
            offHoursMinutes: Int(minutes)))])
    }
}
