/// worktime.csv: one row per worker and ISO week of the activity logs, the evidence a worker
/// or an inspector takes to a claim for overtime (the court's criteria: how often, how long).
///
/// Column names are codes, the same in both report languages, as findings.csv's are. Minutes
/// are whole (seconds rounded down); `overtime_minutes` is empty under flexible hours, which
/// have no daily or weekly limit. `overtime_pay_estimate` is the week's overtime at the
/// worker's `hourly_wage` (a log's wage column's, else `activity.schedule.hourly_wage`) ×
/// 150 % for `overtime_minutes_at_150pct` (working days, and past the week's limit), 200 % for
/// `overtime_minutes_at_200pct` (rest days) and 300 % for `overtime_minutes_at_300pct` (statutory
/// holidays, `statutory_holiday_minutes`; China's from the law for the years the calendar holds,
/// and any a pipeline adds), empty without a wage. Under comprehensive hours all of the period's
/// excess is at 150 % (a floor). The worker is the pseudonym (or id) the pipeline's
/// `report.subject_ids` asks for, escaped as every cell is. `site` is the place the log's
/// site column named for the worker (empty: none, so the pipeline's zone and law), as written;
/// `hours_system` the system the worker was judged under; `short_daily_rests` the stretches
/// of work begun in the week with no 11-hour rest within 24 hours, and the longest of them
/// (`WorkTimeLedger.dailyRest`).
public enum WorkTimeCSV {
    public static let header = [
        "worker", "week", "working_days", "scheduled_minutes", "days_active", "days_without_activity", "active_minutes",
        "off_hours_minutes", "rest_day_minutes", "overtime_minutes", "days_over_daily_overtime_limit", "longest_day_minutes",
        "off_hours_contacts", "off_hours_contacts_expecting_reply", "answered_off_hours", "mean_reply_minutes", "overtime_pay_estimate",
        "site", "hours_system", "short_daily_rests", "longest_stretch_minutes", "hourly_wage", "overtime_minutes_at_150pct",
        "overtime_minutes_at_200pct", "statutory_holiday_minutes", "overtime_minutes_at_300pct",
    ]

    /// Writes the file row by row, the weeks read back from their sorted runs.
    static func write(_ result: WorkTimeResult, to file: OutputFile) throws(AuditError) {
        try file.write { CSVText.append(row: header, to: &$0) }
        try result.weeks.forEach { (week) throws(AuditError) in
            try file.write { CSVText.append(row: row(week, result: result), to: &$0) }
        }
    }

    static func row(_ week: WorkWeek, result: WorkTimeResult) -> [String] {
        let minutes = { (seconds: Int64) in String(seconds / 60) }
        let worker = Int(week.worker) < result.workers.count ? result.workers[Int(week.worker)] : ""
        let split = week.overtimeAtEachRate
        let meanReply = week.answeredOffHours > 0 ? String(week.replySecondsTotal / Int64(week.answeredOffHours) / 60) : ""
        return [
            worker, LocalCalendar.date(ofDay: week.monday).description, String(week.workingDays),
            minutes(Int64(week.workingDays * result.schedule.scheduledSecondsPerDay)), String(week.daysActive),
            String(week.daysWithoutActivity), minutes(week.activeSeconds), minutes(week.offHoursSeconds), minutes(week.restDaySeconds),
            week.overtimeSeconds.map(minutes) ?? "", String(week.daysOverDailyOvertimeLimit), minutes(week.longestDaySeconds),
            String(week.offHoursContacts), String(week.offHoursContactsExpectingReply), String(week.answeredOffHours), meanReply,
            week.overtimePay().map(money) ?? "",
            Int(week.place) < result.places.count ? result.places[Int(week.place)].name : "", week.hoursSystem.rawValue,
            String(week.shortDailyRests), week.shortDailyRests > 0 ? minutes(week.longestStretchSeconds) : "",
            week.hourlyWage.map(money) ?? "", split.map { minutes($0.workday) } ?? "", split.map { minutes($0.restDay) } ?? "",
            minutes(week.statutoryHolidaySeconds), split.map { minutes($0.statutoryHoliday) } ?? "",
        ]
    }

    /// Two decimals, written without the locale (`1234.50`).
    static func money(_ amount: Double) -> String {
        let cents = Int64((amount * 100).rounded())
        let fraction = cents % 100
        return String(cents / 100) + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }
}
