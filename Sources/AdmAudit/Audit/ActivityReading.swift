import Foundation

/// What a run learnt from its activity logs: every worker's weeks and the totals, with the
/// schedule they were judged by. worktime.csv and the report's working-time section are
/// written from it.
public struct WorkTimeResult: Sendable {
    public var weeks: [WorkWeek]
    /// Each worker's overtime per calendar month (standard hours), for WT-02.
    public var months: [WorkMonth]
    public var totals: WorkTimeTotals
    /// Pseudonyms (or ids, as `report.subject_ids` says), by worker index.
    public var workers: [String]
    public var schedule: WorkSchedule
    /// The calendar the days were judged by: China's official one, or the plain week.
    public var usesChinaCalendar: Bool
    /// Events counted (the activity logs' accepted rows).
    public var events: Int
}

/// The activity logs of one reading: each log's rows become events for the ledger, or
/// rejects with their reasons, and every row and line is counted as a decision export's are.
final class ActivityReading {
    let pipeline: Pipeline
    let settings: ActivitySettings
    let pseudonymizer: Pseudonymizer
    let ledger: WorkTimeLedger
    private let sink: any AuditSink
    private(set) var builder: ActivityBuilder? = nil
    var tally = RowTally()
    /// Why the reading stopped early (a full disk, too many workers).
    private(set) var stoppingError: AuditError? = nil

    init(pipeline: Pipeline, settings: ActivitySettings, pseudonymizer: Pseudonymizer, sink: any AuditSink) {
        self.pipeline = pipeline
        self.settings = settings
        self.pseudonymizer = pseudonymizer
        self.sink = sink
        let calendar = settings.schedule.workingCalendar(jurisdictions: pipeline.checks.jurisdictions)
        ledger = WorkTimeLedger(schedule: settings.schedule, calendar: calendar,
                                timeZone: TimeZone(identifier: pipeline.input.timeZone) ?? TimeZone(identifier: "UTC")!)
    }

    /// Starts a log: its rows are read with `mapping`; workers keep their index across logs.
    func begin(file: String, mapping: ActivityMapping) {
        let next = ActivityBuilder(file: file, mapping: mapping, pipeline: pipeline, settings: settings, pseudonymizer: pseudonymizer)
        if let builder { next.continueWorkers(from: builder) }
        builder = next
        tally = RowTally()
    }

    func consume(_ row: RawRow) -> Bool {
        tally.rowLines += row.endLine - row.line + 1
        tally.rowsRead += 1
        do throws(AuditError) {
            switch try builder!.build(row) {
            case .event(let event):
                tally.accepted += 1
                ledger.add(event)
            case .reject(let reject):
                tally.rejected += 1
                tally.rejectsByCode[reject.code, default: 0] += 1
                tally.rejectedLines += row.endLine - row.line + 1
                try sink.reject(reject)
            }
        } catch {
            stoppingError = error
            return false
        }
        return true
    }

    /// The weeks of every worker of every log read.
    func result() throws(AuditError) -> WorkTimeResult {
        let found = try ledger.weeks()
        return WorkTimeResult(weeks: found.weeks, months: found.months, totals: found.totals, workers: builder?.workers ?? [],
                              schedule: settings.schedule, usesChinaCalendar: ledger.calendar.coveredYears != nil, events: ledger.events)
    }
}
