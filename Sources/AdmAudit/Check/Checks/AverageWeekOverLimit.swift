/// WT-06: the worker's average working week passed 48 hours over the reference period (the
/// Working Time Directive Art. 6(b), with Art. 16(b)'s reference period of up to four months).
///
/// Judged once per worker at a place in the EU (or in runs whose jurisdictions are EU alone)
/// with at least `min_weeks` active weeks: for each reference period of `reference_weeks`
/// consecutive weeks, the mean activity of the weeks in it that hold any. Weeks without
/// activity are left out, as Art. 16(b) leaves out paid annual leave and sick leave (the log
/// cannot tell leave from a week off, so it reads every such week as leave: the mean is of
/// weeks worked). A violation when some period's mean passed `max_average_hours`; the finding
/// names the period with the highest mean. Not judged under flexible hours (Art. 17(1)).
public struct AverageWeekOverLimit: WorkTimeCheck {
    public static let descriptor = CheckDescriptor(
        id: "WT-06",
        severity: .warning,
        titleEnglish: "Average working week over 48 hours",
        titleChinese: "平均每周工作时间超过 48 小时",
        legalBasis: [Instruments.workingTimeDirective.cite("6"), Instruments.workingTimeDirective.cite("16")],
        notRecordedIsViolation: false,
        notes: [
            CheckNote(jurisdictions: [],
                      english: "Weeks with no activity in the logs are left out of the mean, as leave is; time active in the logs stands for time worked.",
                      chinese: "日志中无活动的周不计入平均值，与休假的处理相同；日志中的在线时间视为工作时间。"),
        ]
    )

    static let maxAverageHours = CheckSetting<Int>("max_average_hours", default: 48, help: "the mean working week may not pass this many hours",
                                                   helpChinese: "平均每周工作时间不得超过此小时数",
                                                   validate: { value in Int(value).map { (1...168).contains($0) ? nil : "max_average_hours must be from 1 to 168" } ?? nil })
    static let referenceWeeks = CheckSetting<Int>("reference_weeks", default: 17, help: "weeks of the reference period (four months: 17)",
                                                  helpChinese: "参考期的周数（四个月：17 周）",
                                                  validate: { value in Int(value).map { (1...52).contains($0) ? nil : "reference_weeks must be from 1 to 52" } ?? nil })
    static let minWeeks = CheckSetting<Int>("min_weeks", default: 4, help: "judged only when the worker has at least this many active weeks in a period",
                                            helpChinese: "参考期内劳动者有活动的周数至少为此值时才判断",
                                            validate: { value in Int(value).map { $0 >= 1 ? nil : "min_weeks must be at least 1" } ?? nil })
    public static let parameters: [CheckParameter] = [maxAverageHours.declaration, referenceWeeks.declaration, minWeeks.declaration]

    let maxAverageHours: Int
    let referenceWeeks: Int
    let minWeeks: Int

    public init(parameters: CheckParameters = CheckParameters()) {
        maxAverageHours = Self.maxAverageHours.value(in: parameters)
        referenceWeeks = Self.referenceWeeks.value(in: parameters)
        minWeeks = Self.minWeeks.value(in: parameters)
    }

    public func judge(weeks: ArraySlice<WorkWeek>, months: ArraySlice<WorkMonth>, schedule: WorkSchedule, worker: String) -> RunCheckOutcome {
        guard schedule.hoursSystem != .flexible else { return RunCheckOutcome(applicable: 0, violations: []) }
        let active = Array(weeks.filter { $0.activeSeconds > 0 })
        // Each period ends at an active week and reaches back `referenceWeeks` weeks: a sliding window.
        var first = 0, total: Int64 = 0, judged = false
        var worst: (first: Int, last: Int, total: Int64)? = nil
        for (last, week) in active.enumerated() {
            total += week.activeSeconds
            while active[first].monday <= week.monday - Int64(7 * referenceWeeks) {
                total -= active[first].activeSeconds
                first += 1
            }
            let count = last - first + 1
            guard count >= minWeeks else { continue }
            judged = true
            // Means compared as cross products: exact, no rounding.
            if total > Int64(maxAverageHours) * 3600 * Int64(count),
               worst.map({ total * Int64($0.last - $0.first + 1) > $0.total * Int64(count) }) ?? true {
                worst = (first, last, total)
            }
        }
        guard judged else { return RunCheckOutcome(applicable: 0, violations: []) }
        guard let worst else { return RunCheckOutcome(applicable: 1, violations: []) }
        let count = worst.last - worst.first + 1
        return RunCheckOutcome(applicable: 1, violations: [RunCheckOutcome.Violation(subject: .worker(worker), detail: .averageWeekOverLimit(
            firstMonday: active[worst.first].monday, lastMonday: active[worst.last].monday, weeks: count,
            meanMinutes: Int(worst.total / 60 / Int64(count)), limitHours: maxAverageHours))])
    }
}
