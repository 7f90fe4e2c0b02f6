/// worktime_months.csv: one row per worker and calendar month of the activity logs, beside
/// worktime.csv's weeks: Labour Law Art. 41's overtime limit is a month's (36 hours), and
/// wages are paid by the month.
///
/// Minutes are whole (seconds rounded down), each column on its own. A day counts in the month
/// it falls in (a session across midnight on both days, as in the weeks). `overtime_minutes` is
/// the month's overtime as WT-02 counts it (each working day's time outside the schedule or
/// past the daily limit, whichever is more, all of each day off, and a week's time past the
/// weekly limit that no day's limit caught, in the month of the week's last active day); it and
/// the columns priced from it are empty under comprehensive and flexible hours, which are not
/// judged by the month. The split by rate and the estimate are as worktime.csv's.
public enum WorkMonthsCSV {
    public static let header = [
        "worker", "month", "days_active", "active_minutes", "off_hours_minutes", "rest_day_minutes", "statutory_holiday_minutes",
        "overtime_minutes", "over_monthly_overtime_limit", "overtime_minutes_at_150pct", "overtime_minutes_at_200pct",
        "overtime_minutes_at_300pct", "hourly_wage", "overtime_pay_estimate", "site", "hours_system",
    ]

    /// Writes the file row by row, the months read back from their sorted runs.
    static func write(_ result: WorkTimeResult, to file: OutputFile) throws(AuditError) {
        try file.write { CSVText.append(row: header, to: &$0) }
        try result.months.forEach { (month) throws(AuditError) in
            try file.write { CSVText.append(row: row(month, result: result), to: &$0) }
        }
    }

    static func row(_ month: WorkMonth, result: WorkTimeResult) -> [String] {
        let minutes = { (seconds: Int64) in String(seconds / 60) }
        let worker = Int(month.worker) < result.workers.count ? result.workers[Int(month.worker)] : ""
        let date = LocalCalendar.date(ofDay: month.firstDay)
        let split = month.overtimeAtEachRate
        let limit = Int64(result.schedule.monthlyOvertimeHours) * 3600
        return [
            worker, String(date.year) + "-" + LocalCalendar.two(date.month), String(month.daysActive), minutes(month.activeSeconds),
            minutes(month.offHoursSeconds), minutes(month.restDaySeconds), minutes(month.statutoryHolidaySeconds),
            split.map { _ in minutes(month.overtimeSeconds) } ?? "", split.map { _ in month.overtimeSeconds > limit ? "yes" : "no" } ?? "",
            split.map { minutes($0.workday) } ?? "", split.map { minutes($0.restDay) } ?? "", split.map { minutes($0.statutoryHoliday) } ?? "",
            month.hourlyWage.map(WorkTimeCSV.money) ?? "", month.overtimePay().map(WorkTimeCSV.money) ?? "",
            Int(month.place) < result.places.count ? result.places[Int(month.place)].name : "", month.hoursSystem.rawValue,
        ]
    }
}
