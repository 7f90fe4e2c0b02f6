/// WT-03: the worker was active on all seven days of a week (Labour Law Art. 38: at least
/// one day of rest a week; the Working Time Directive Art. 5: a weekly rest period).
///
/// Judged per worker and ISO week (Monday to Sunday, local days) of the activity logs: a
/// week is a violation when every day holds some of the worker's own activity. Activity on a
/// day is evidence that the day was not free, not proof that no 24 hours were: a finding is
/// for the employer to answer. Not judged under the comprehensive hours system, whose rest
/// may be arranged over its period; judged under flexible hours, to which the weekly rest
/// still applies.
public struct NoWeeklyRestDay: WorkTimeCheck {
    public static let descriptor = CheckDescriptor(
        id: "WT-03",
        severity: .warning,
        titleEnglish: "No day of rest in the week",
        titleChinese: "一周内没有休息日",
        legalBasis: [Instruments.labourLaw.cite("38"), Instruments.workingTimeDirective.cite("5")],
        notRecordedIsViolation: false
    )

    public init(parameters: CheckParameters = CheckParameters()) {}

    public func judge(weeks: ArraySlice<WorkWeek>, months: ArraySlice<WorkMonth>, schedule: WorkSchedule, worker: String) -> RunCheckOutcome {
        guard schedule.hoursSystem != .comprehensive else { return RunCheckOutcome(applicable: 0, violations: []) }
        let violations = weeks.filter { $0.daysActive == 7 }.map { week in
            RunCheckOutcome.Violation(subject: .worker(worker), detail: .noRestDay(monday: week.monday, activeMinutes: Int(week.activeSeconds / 60)))
        }
        return RunCheckOutcome(applicable: weeks.count, violations: violations)
    }
}
