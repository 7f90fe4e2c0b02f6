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
    /// The years of China's calendar that hold its notices, when the run judged by it.
    public var coveredYears: ClosedRange<Int>?
    /// The first and last local day with an event.
    public var days: ClosedRange<Int64>?

    /// The warning when the events run outside the years the calendar holds: there its
    /// holidays and make-up days are not known.
    public var calendarWarning: Diagnostic? {
        guard let covered = coveredYears, let days else { return nil }
        let first = LocalCalendar.date(ofDay: days.lowerBound).year, last = LocalCalendar.date(ofDay: days.upperBound).year
        guard first < covered.lowerBound || last > covered.upperBound else { return nil }
        return Diagnostic(level: .warning, file: nil, code: .activityOutsideCalendar, values: [
            "first_year": .count(first), "last_year": .count(last), "covered_from": .count(covered.lowerBound), "covered_to": .count(covered.upperBound)])
    }

    /// The overtime pay the weeks imply at the schedule's hourly wage, summed (a floor); nil without a wage.
    public var overtimePayEstimate: Double? {
        guard schedule.hourlyWage != nil else { return nil }
        return weeks.reduce(0) { $0 + (schedule.overtimePay(overtimeSeconds: $1.overtimeSeconds, dayOffSeconds: $1.restDaySeconds) ?? 0) }
    }
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
    private var swallowed: SwallowedLines? = nil
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
        swallowed = SwallowedLines(headers: mapping.headers, singleLineColumns: Array(mapping.columns.values) + mapping.alsoNaming.map(\.column))
        tally = RowTally()
    }

    /// One data row; false stops the reading (the sink failed, too many workers).
    func consume(_ row: RawRow) -> Bool {
        tally.rowLines += row.endLine - row.line + 1
        return read(row)
    }

    /// A row, or the rows a stray quote had merged into it, read one line at a time as a
    /// decision export's are (`PartAuditor`): a quote must not hide the evenings after it.
    private func read(_ row: RawRow, depth: Int = 0) -> Bool {
        if let swallowed, let column = swallowed.swallowingColumn(row) {
            guard depth < 8, let split = swallowed.split(row, column: column) else {
                tally.rowsRead += 1
                return reject(builder!.unbalancedQuote(row, column: column), lines: row.endLine - row.line + 1)
            }
            var repair = QuoteRepair(firstLine: split.firstLine, lastLine: split.lastLine, header: split.header, accepted: 0, rejected: 0)
            defer { tally.note(repair) }
            for line in split.lines {
                if line.isBlank {
                    tally.blankLinesInRows += 1
                    continue
                }
                let (accepted, rejected) = (tally.accepted, tally.rejected)
                let goOn: Bool
                if line.holdsQuote || line.fields.count != builder!.mapping.headers.count {
                    tally.rowsRead += 1
                    goOn = reject(builder!.unbalancedQuote(line, in: split), lines: line.endLine - line.line + 1)
                } else {
                    goOn = line.withRow(ordinal: row.ordinal, delimiter: row.delimiter) { read($0, depth: depth + 1) }
                }
                repair.accepted += tally.accepted - accepted
                repair.rejected += tally.rejected - rejected
                if !goOn { return false }
            }
            return true
        }
        tally.rowsRead += 1
        do throws(AuditError) {
            switch try builder!.build(row) {
            case .event(let event):
                tally.accepted += 1
                ledger.add(event)
                return true
            case .reject(let reject):
                return self.reject(reject, lines: row.endLine - row.line + 1)
            }
        } catch {
            stoppingError = error
            return false
        }
    }

    private func reject(_ reject: Reject, lines: Int) -> Bool {
        tally.rejected += 1
        tally.rejectsByCode[reject.code, default: 0] += 1
        tally.rejectedLines += lines
        do throws(AuditError) { try sink.reject(reject) } catch { stoppingError = error; return false }
        return true
    }

    /// The weeks of every worker of every log read.
    func result() throws(AuditError) -> WorkTimeResult {
        let found = try ledger.weeks()
        return WorkTimeResult(weeks: found.weeks, months: found.months, totals: found.totals, workers: builder?.workers ?? [],
                              schedule: settings.schedule, usesChinaCalendar: ledger.calendar.coveredYears != nil, events: ledger.events,
                              coveredYears: ledger.calendar.coveredYears, days: found.days)
    }
}
