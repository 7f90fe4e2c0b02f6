/// WT-06: the worker's average working week passed 48 hours over the reference period (the
/// Working Time Directive Art. 6(b), with Art. 16(b)'s reference period of up to four months).
///
/// Judged once per worker at a place in the EU (or in runs whose jurisdictions are EU alone)
/// with at least `min_weeks` weeks worked in a period: for each reference period of
/// `reference_weeks` consecutive weeks (every one, starting on any Monday), the mean activity
/// of the weeks worked in it. A week with less than `min_week_hours` (8) active is left out, as
/// Art. 16(b) leaves out paid annual leave and sick leave (the log cannot tell leave from a week
/// off, so it reads every such week as leave: the mean is of weeks worked, and a login a week
/// cannot dilute it). A violation when some period's mean passed `max_average_hours`; the
/// finding names the period with the highest mean. Judged under every hours system, as WT-05 is.
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
    static let minWeekHours = CheckSetting<Int>("min_week_hours", default: 8, help: "a week with fewer hours active is left out of the mean, as leave is",
                                                helpChinese: "在线时间少于此小时数的周不计入平均值，与休假的处理相同",
                                                validate: { value in Int(value).map { (0...168).contains($0) ? nil : "min_week_hours must be from 0 to 168" } ?? nil })
    static let minWeeks = CheckSetting<Int>("min_weeks", default: 4, help: "judged only when the worker has at least this many active weeks in a period",
                                            helpChinese: "参考期内劳动者有活动的周数至少为此值时才判断",
                                            validate: { value in Int(value).map { $0 >= 1 ? nil : "min_weeks must be at least 1" } ?? nil })
    public static let parameters: [CheckParameter] = [maxAverageHours.declaration, referenceWeeks.declaration, minWeekHours.declaration,
                                                      minWeeks.declaration]

    let maxAverageHours: Int
    let referenceWeeks: Int
    let minWeekHours: Int
    let minWeeks: Int

    public init(parameters: CheckParameters = CheckParameters()) {
        maxAverageHours = Self.maxAverageHours.value(in: parameters)
        referenceWeeks = Self.referenceWeeks.value(in: parameters)
        minWeekHours = Self.minWeekHours.value(in: parameters)
        minWeeks = Self.minWeeks.value(in: parameters)
    }

    public func judge(weeks: ArraySlice<WorkWeek>, months: ArraySlice<WorkMonth>, schedule: WorkSchedule, worker: String) -> RunCheckOutcome {
        let worked = Array(weeks.filter { $0.activeSeconds >= Int64(minWeekHours) * 3600 })
        let span = Int64(7 * referenceWeeks)
        var judged = false
        var worst: (first: Int, last: Int, total: Int64)? = nil
        // The weeks worked in a period are a run worked[first...last]: every run that some period
        // of `referenceWeeks` weeks holds and no more, so that light weeks beside heavy ones, in
        // the period or not, cannot dilute its mean.
        for first in worked.indices {
            var total: Int64 = 0
            for last in first..<worked.count {
                guard worked[last].monday - worked[first].monday < span else { break }
                total += worked[last].activeSeconds
                let count = last - first + 1
                guard count >= minWeeks, Self.isAPeriod(worked, first, last, span: span) else { continue }
                judged = true
                // Means compared as cross products: exact, no rounding.
                if total > Int64(maxAverageHours) * 3600 * Int64(count),
                   worst.map({ total * Int64($0.last - $0.first + 1) > $0.total * Int64(count) }) ?? true {
                    worst = (first, last, total)
                }
            }
        }
        guard judged else { return RunCheckOutcome(applicable: 0, violations: []) }
        guard let worst else { return RunCheckOutcome(applicable: 1, violations: []) }
        let count = worst.last - worst.first + 1
        return RunCheckOutcome(applicable: 1, violations: [RunCheckOutcome.Violation(subject: .worker(worker), detail: .averageWeekOverLimit(
            firstMonday: worked[worst.first].monday, lastMonday: worked[worst.last].monday, weeks: count,
            meanMinutes: Int(worst.total / 60 / Int64(count)), limitHours: maxAverageHours))])
    }

    /// Whether a period of `span` days starting on a Monday holds the weeks `first...last` of
    /// `worked` and neither neighbour: it starts after the week before `first` and no later than
    /// `first`'s, ends after `last`'s week and no later than the week after `last`.
    static func isAPeriod(_ worked: [WorkWeek], _ first: Int, _ last: Int, span: Int64) -> Bool {
        let earliest = max(first > 0 ? worked[first - 1].monday + 7 : .min / 2, worked[last].monday - span + 7)
        let latest = min(worked[first].monday, last + 1 < worked.count ? worked[last + 1].monday - span : .max / 2)
        return earliest <= latest
    }
}
