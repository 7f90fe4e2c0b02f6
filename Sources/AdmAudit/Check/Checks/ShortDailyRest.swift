/// WT-05: the worker had no daily rest of 11 consecutive hours in some 24 hours (the Working
/// Time Directive Art. 3).
///
/// Judged per worker and ISO week of the activity logs, for workers at a place in the EU (or
/// in runs whose jurisdictions are EU alone): the ledger follows the worker's own sessions as
/// stretches of work between rests of 11 hours or more (`WorkTimeLedger.dailyRest`); each 24
/// hours from a stretch's start into which it runs past the 13th hour hold no such rest. A week
/// is a violation when such 24 hours began in it; the finding gives how many and the longest stretch. Employer
/// contacts the worker did not act on do not break a rest. Judged under every hours system:
/// Art. 17(1) lets a member state exempt workers who set their own working time, which
/// China's flexible hours (不定时工作制) or an employer's label do not show.
public struct ShortDailyRest: WorkTimeCheck {
    public static let descriptor = CheckDescriptor(
        id: "WT-05",
        severity: .warning,
        titleEnglish: "Less than 11 hours of daily rest",
        titleChinese: "每日连续休息不足 11 小时",
        legalBasis: [Instruments.workingTimeDirective.cite("3")],
        notRecordedIsViolation: false,
        notes: [
            CheckNote(jurisdictions: [],
                      english: "Rest is read from the worker's own activity: a stretch of work longer than 13 hours leaves some 24 hours without 11 hours of rest. Time active in the logs stands for time worked; the employer may show otherwise with its own records.",
                      chinese: "休息时间按劳动者本人的活动判断：连续工作段超过 13 小时，即有某个 24 小时内没有 11 小时的休息。日志中的在线时间视为工作时间；用人单位可以用其自身记录证明并非如此。"),
        ]
    )

    public init(parameters: CheckParameters = CheckParameters()) {}

    public func judge(weeks: ArraySlice<WorkWeek>, months: ArraySlice<WorkMonth>, schedule: WorkSchedule, worker: String) -> RunCheckOutcome {
        let violations = weeks.filter { $0.shortDailyRests > 0 }.map { week in
            RunCheckOutcome.Violation(subject: .worker(worker), detail: .shortDailyRest(
                monday: week.monday, stretches: week.shortDailyRests, longestMinutes: Int(week.longestStretchSeconds / 60)))
        }
        return RunCheckOutcome(applicable: weeks.count, violations: violations)
    }
}
