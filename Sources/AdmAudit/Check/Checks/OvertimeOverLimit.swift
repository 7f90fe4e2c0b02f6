/// WT-02: the worker was active past the legal overtime limits (Labour Law Art. 41: at most
/// 3 hours a day, 36 a month).
///
/// Under the standard hours system only. Judged per worker on each ISO week and each
/// calendar month of the activity logs: a week is a violation when a working day's overtime
/// (its time outside the schedule, or past `daily_hours` when that is more) passed
/// `daily_overtime_hours`; a month when its overtime (each working day's, and all of each
/// rest day's) passed `monthly_overtime_hours`
/// (`activity.schedule`). Activity is time online, not time paid: the finding is evidence of
/// overtime, for the employer to answer with its attendance records. Not judged under the
/// comprehensive system (limits over its period) or flexible hours (none); the ordinary
/// limit of one hour a day is not flagged on its own.
public struct OvertimeOverLimit: WorkTimeCheck {
    public static let descriptor = CheckDescriptor(
        id: "WT-02",
        severity: .error,
        titleEnglish: "Activity past the legal overtime limits",
        titleChinese: "工作活动超过法定加班上限",
        legalBasis: [Instruments.labourLaw.cite("41"), Instruments.workingHoursProvisions.cite("3")],
        notRecordedIsViolation: false,
        notes: [
            CheckNote(jurisdictions: [],
                      english: "Time active in the logs stands for time worked; the employer may show, with its own records, that part of it was not work.",
                      chinese: "日志中的在线时间视为工作时间；用人单位可以用其自身记录证明其中部分并非工作。"),
        ]
    )

    public init(parameters: CheckParameters = CheckParameters()) {}

    public func judge(weeks: ArraySlice<WorkWeek>, months: ArraySlice<WorkMonth>, schedule: WorkSchedule, worker: String) -> RunCheckOutcome {
        guard schedule.hoursSystem == .standard else { return RunCheckOutcome(applicable: 0, violations: []) }
        var violations = weeks.filter { $0.daysOverDailyOvertimeLimit > 0 }.map { week in
            RunCheckOutcome.Violation(subject: .worker(worker), detail: .dailyOvertimeOverLimit(
                monday: week.monday, days: week.daysOverDailyOvertimeLimit, limitHours: schedule.dailyOvertimeHours))
        }
        let limit = Int64(schedule.monthlyOvertimeHours) * 3600
        violations += months.filter { $0.overtimeSeconds > limit }.map { month in
            RunCheckOutcome.Violation(subject: .worker(worker), detail: .monthlyOvertimeOverLimit(
                firstDay: month.firstDay, overtimeMinutes: Int(month.overtimeSeconds / 60), limitHours: schedule.monthlyOvertimeHours))
        }
        // Months with no overtime at all are not in `months`: every week is judged, and the months with overtime.
        return RunCheckOutcome(applicable: weeks.count + months.count, violations: violations)
    }
}
