/// A check of working time, judged from the activity logs one worker at a time: over the
/// worker's weeks (`WorkWeek`, in order) and months of overtime (`WorkMonth`). It runs only
/// when the run read an activity log; like a run check it says how many units it judged
/// (weeks, months or the worker) and what it found in them.
public protocol WorkTimeCheck: Sendable {
    static var descriptor: CheckDescriptor { get }
    static var parameters: [CheckParameter] { get }
    init(parameters: CheckParameters)
    static func validate(_ parameters: CheckParameters) -> String?
    /// One worker's weeks and months, both in order; `worker` as the reports name them.
    func judge(weeks: ArraySlice<WorkWeek>, months: ArraySlice<WorkMonth>, schedule: WorkSchedule, worker: String) -> RunCheckOutcome
}

extension WorkTimeCheck {
    public static var parameters: [CheckParameter] { [] }
    public static func validate(_ parameters: CheckParameters) -> String? { nil }
}

/// Runs the working-time checks a pipeline enables over the ledger's weeks and months,
/// worker by worker (the order of worktime.csv), writing each finding to the sink as it is
/// found, and gives each check's tally.
package enum WorkTimeJudge {
    package static func judge(weeks: [WorkWeek], months: [WorkMonth], workers: [String], schedule: WorkSchedule,
                              settings: CheckSettings, into sink: any AuditSink) throws(AuditError) -> [CheckTally] {
        let checks = CheckRegistry.enabledWorkTimeChecks(settings)
        var tallies = checks.map { CheckTally(descriptor: $0.descriptor) }
        var outcomes = checks.map { _ in RunCheckOutcome(applicable: 0, violations: []) }
        var weekStart = 0, monthStart = 0
        while weekStart < weeks.count {
            let worker = weeks[weekStart].worker
            var weekEnd = weekStart
            while weekEnd < weeks.count, weeks[weekEnd].worker == worker { weekEnd += 1 }
            while monthStart < months.count, months[monthStart].worker < worker { monthStart += 1 }
            var monthEnd = monthStart
            while monthEnd < months.count, months[monthEnd].worker == worker { monthEnd += 1 }
            let name = Int(worker) < workers.count ? workers[Int(worker)] : ""
            // The rules in force at the end of the worker's last week.
            let endDay = weeks[weekEnd - 1].monday + 6
            for (index, entry) in checks.enumerated() {
                let outcome = entry.check.judge(weeks: weeks[weekStart..<weekEnd], months: months[monthStart..<monthEnd],
                                                schedule: schedule, worker: name)
                outcomes[index].applicable += outcome.applicable
                outcomes[index].violations += outcome.violations.prefix(CheckTally.evidenceListLimit - min(outcomes[index].violations.count, CheckTally.evidenceListLimit))
                tallies[index].violations += outcome.violations.count
                for finding in CheckRunner.findings(of: outcome, descriptor: entry.descriptor, endDay: endDay) { try sink.finding(finding) }
            }
            weekStart = weekEnd
            monthStart = monthEnd
        }
        for index in checks.indices {
            let violations = tallies[index].violations
            CheckRunner.record(outcomes[index], in: &tallies[index])
            tallies[index].violations = violations
        }
        return tallies
    }
}
