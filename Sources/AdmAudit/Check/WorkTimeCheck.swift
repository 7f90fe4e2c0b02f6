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

/// Runs the working-time checks a pipeline enables over the ledger's weeks and months, one
/// worker at a time as the ledger makes them (the order of worktime.csv), writing each finding
/// to the sink as it is found; `tallies` once every worker was added.
package struct WorkTimeJudge {
    private let checks: [(check: any WorkTimeCheck, descriptor: CheckDescriptor)]
    private let schedule: WorkSchedule
    private let places: [WorkPlace]
    /// The run's jurisdictions (`checks.jurisdictions`).
    private let selected: [String]
    private var outcomes: [RunCheckOutcome]
    private var violations: [Int]

    /// `places`: the places the logs named (`WorkPlaceTable.places`): a worker at a place of a
    /// known jurisdiction is judged only by the citations that cover it.
    package init(settings: CheckSettings, schedule: WorkSchedule, places: [WorkPlace] = []) {
        checks = CheckRegistry.enabledWorkTimeChecks(settings)
        self.schedule = schedule
        self.places = places
        selected = settings.jurisdictions
        outcomes = checks.map { _ in RunCheckOutcome(applicable: 0, violations: []) }
        violations = checks.map { _ in 0 }
    }

    /// One worker's weeks and months, in order; `worker` as the reports name them.
    package mutating func add(weeks: ArraySlice<WorkWeek>, months: ArraySlice<WorkMonth>, worker: String,
                              into sink: any AuditSink) throws(AuditError) {
        guard let last = weeks.last else { return }
        // The rules in force at the end of the worker's last week.
        let endDay = last.monday + 6
        // The worker's own hours system, and the law of the worker's place: every jurisdiction of
        // the run when the worker's rows name several places (one row cannot move a worker out
        // of a law), or a place outside the run's jurisdictions (no law of the run would judge it).
        var terms = schedule
        terms.hoursSystem = last.hoursSystem
        let named = Int(last.place) < places.count ? places[Int(last.place)].jurisdiction : nil
        let jurisdiction = last.otherPlaces ? nil : named.flatMap { code in selected.contains { CheckRunner.covers($0, code) } ? code : nil }
        for (index, entry) in checks.enumerated() {
            var descriptor = entry.descriptor
            if let jurisdiction {
                descriptor.legalBasis = descriptor.legalBasis.filter { CheckRunner.covers($0.jurisdiction, jurisdiction) }
                // No rule of the check's covers the worker's place: not judged there.
                if descriptor.legalBasis.isEmpty && !entry.descriptor.legalBasis.isEmpty { continue }
            }
            let outcome = entry.check.judge(weeks: weeks, months: months, schedule: terms, worker: worker)
            outcomes[index].applicable += outcome.applicable
            // The evidence lists keep the first few; the count is every violation's.
            outcomes[index].violations += outcome.violations.prefix(max(CheckTally.evidenceListLimit - outcomes[index].violations.count, 0))
            violations[index] += outcome.violations.count
            for finding in CheckRunner.findings(of: outcome, descriptor: descriptor, endDay: endDay) { try sink.finding(finding) }
        }
    }

    /// A later range of workers' judgement, after this one's (the evidence lists keep the first few).
    package mutating func join(_ later: WorkTimeJudge) {
        for index in outcomes.indices {
            outcomes[index].applicable += later.outcomes[index].applicable
            outcomes[index].violations += later.outcomes[index].violations.prefix(max(CheckTally.evidenceListLimit - outcomes[index].violations.count, 0))
            violations[index] += later.violations[index]
        }
    }

    /// Each enabled check's tally.
    package var tallies: [CheckTally] {
        checks.indices.map { index in
            var tally = CheckTally(descriptor: checks[index].descriptor)
            CheckRunner.record(outcomes[index], in: &tally)
            tally.violations = violations[index]
            return tally
        }
    }

    /// Every worker's weeks and months at once (each sorted by worker): for a test.
    package static func judge(weeks: [WorkWeek], months: [WorkMonth], workers: [String], schedule: WorkSchedule,
                              settings: CheckSettings, places: [WorkPlace] = [], into sink: any AuditSink) throws(AuditError) -> [CheckTally] {
        var judge = WorkTimeJudge(settings: settings, schedule: schedule, places: places)
        var start = 0
        while start < weeks.count {
            let worker = weeks[start].worker
            var end = start
            while end < weeks.count, weeks[end].worker == worker { end += 1 }
            let own = months.filter { $0.worker == worker }
            try judge.add(weeks: weeks[start..<end], months: own[...], worker: Int(worker) < workers.count ? workers[Int(worker)] : "", into: sink)
            start = end
        }
        return judge.tallies
    }
}
