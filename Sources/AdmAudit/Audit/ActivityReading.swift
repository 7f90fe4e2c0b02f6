import Foundation

/// Every worker's weeks, kept in sorted runs (a buffer, spilled to TMPDIR) rather than in
/// memory: an employer can make every event a worker-week of its own. Read back in order.
public struct WorkWeeks: Sendable {
    let runs: SortedRuns<WorkWeek>

    /// Each week in order (worker, then week).
    public func forEach(_ body: (WorkWeek) throws(AuditError) -> Void) throws(AuditError) {
        var merge = try runs.merged()
        while let week = merge.next() { try body(week) }
        try merge.finish()
    }

    /// All of them: for a small run, or a test.
    public func list() throws(AuditError) -> [WorkWeek] {
        var weeks: [WorkWeek] = []
        try forEach { weeks.append($0) }
        return weeks
    }
}

/// Every worker's months, as `WorkWeeks` keeps the weeks: worktime_months.csv reads them.
public struct WorkMonths: Sendable {
    let runs: SortedRuns<WorkMonth>

    /// Each month in order (worker, then month).
    public func forEach(_ body: (WorkMonth) throws(AuditError) -> Void) throws(AuditError) {
        var merge = try runs.merged()
        while let month = merge.next() { try body(month) }
        try merge.finish()
    }

    public func list() throws(AuditError) -> [WorkMonth] {
        var months: [WorkMonth] = []
        try forEach { months.append($0) }
        return months
    }
}

/// What a run learnt from its activity logs: every worker's weeks and the totals, with the
/// schedule they were judged by, and the working-time checks' tallies. worktime.csv and the
/// report's working-time section are written from it.
public struct WorkTimeResult: Sendable {
    public var weeks: WorkWeeks
    /// Every worker's calendar months (worktime_months.csv).
    public var months: WorkMonths
    public var totals: WorkTimeTotals
    /// The working-time checks' tallies (their findings went to the sink as each worker's weeks were made).
    public var tallies: [CheckTally]
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
    /// Every worker's off-hours seconds by local hour of the week (168, Monday 00:00 first): the heat map.
    public var offHoursByHourOfWeek: [Int64]
    /// Workers by their mean off-hours time a week over the weeks they were active, in the
    /// bins of `weeklyOffHoursBins`: how the off-hours time is spread across workers.
    public var workersByWeeklyOffHours: [Int]

    /// Lower bounds of the bins, in minutes a week: none, under an hour, 1–3 h, 3–6 h, 6–10 h, 10 h or more.
    public static let weeklyOffHoursBins = [0, 1, 60, 180, 360, 600]

    /// The bin of a mean of `minutes` a week.
    static func bin(minutes: Int64) -> Int {
        weeklyOffHoursBins.lastIndex { Int64($0) <= minutes } ?? 0
    }

    /// The warning when the events run outside the years the calendar holds: there its
    /// holidays and make-up days are not known.
    public var calendarWarning: Diagnostic? {
        guard let covered = coveredYears, let days else { return nil }
        let first = LocalCalendar.date(ofDay: days.lowerBound).year, last = LocalCalendar.date(ofDay: days.upperBound).year
        guard first < covered.lowerBound || last > covered.upperBound else { return nil }
        return Diagnostic(level: .warning, file: nil, code: .activityOutsideCalendar, values: [
            "first_year": .count(first), "last_year": .count(last), "covered_from": .count(covered.lowerBound), "covered_to": .count(covered.upperBound)])
    }

    /// The overtime pay the weeks imply at each worker's wage an hour (the higher of a wage
    /// column's and the schedule's), summed (a floor); nil when no worker has a wage.
    public var overtimePayEstimate: Double?
    /// Workers a log's wage column gave a wage (the estimate takes it, or the schedule's when
    /// that is more), those whose rows gave more than one (the highest is used), and whether a
    /// log has a wage column.
    public var workersWithWage = 0
    public var workersWithVaryingWage = 0
    public var wageColumn = false
    /// The places the logs' site column named (index 0: none, the pipeline's own), and the
    /// workers at each (a worker's place is that of the worker's first event).
    public var places: [WorkPlace] = []
    public var workersByPlace: [Int] = []
    /// Workers whose rows name more than one place: judged under every jurisdiction of the run,
    /// in the zone of their first row's place.
    public var workersNamingSeveralPlaces = 0
    /// Workers by the hours system they were judged under (`HoursSystem.allCases`' order).
    public var workersByHoursSystem: [Int] = HoursSystem.allCases.map { _ in 0 }
    /// Per protected attribute the logs give: how recurring off-hours work and off-hours
    /// time fall on each group of workers.
    public var byGroup: [WorkerGroupFigures] = []
    /// Workers whose logs left a group unknown and whose decisions gave it (`SubjectGroups`),
    /// and those whose decisions disagree (left unknown).
    public var workersGroupedFromDecisions = 0
    public var workersWithDisagreeingDecisionGroups = 0
    /// Attendance punches with no partner within a day (`WorkTimeLedger.longestShift`), and the
    /// workers with any: said, as they count for a moment's work only.
    public var unpairedClockIns = 0
    public var unpairedClockOuts = 0
    public var workersWithUnpairedPunches = 0

    public var punchWarning: Diagnostic? {
        guard unpairedClockIns + unpairedClockOuts > 0 else { return nil }
        return Diagnostic(level: .warning, file: nil, code: .unpairedPunches, values: [
            "clock_ins": .count(unpairedClockIns), "clock_outs": .count(unpairedClockOuts), "workers": .count(workersWithUnpairedPunches)])
    }

    /// Whether the workers' weeks were made on two cores (`ActivityReading.result`): the same
    /// result either way; for the tests that say so.
    public var weeksMadeOnTwoCores = false
}

/// One protected attribute's figures over the workers of the activity logs (a worker's group
/// is that of the worker's first row). `recurring` counts each worker once, favourable when
/// the worker's off-hours work does not recur (less than `WorkTimeTotals.recurringMinutes` in
/// at least `recurringShare` of the worker's active weeks): the selection machinery's rates,
/// Wilson intervals, impact and adverse-rate ratios, tests and flags, read for workers. Per
/// group, the mean of the workers' mean off-hours minutes a week (over the weeks each is in the
/// logs), and a Mann–Whitney test of those means against the other groups' workers.
public struct WorkerGroupFigures: Sendable {
    public var recurring: SelectionStratum
    /// By `recurring.groups`' order: the group as the readable reports show it (as the log first
    /// spelled it, `女` for `female`, unless two groups would then read alike); its mean, and its test against the rest (nil
    /// when the group or the rest has no worker, or it is suppressed).
    public var shownNames: [String]
    public var meanWeeklyOffHoursMinutes: [Double?]
    public var mannWhitney: [(u: Double, p: Double)?]
}

/// The activity logs of one reading: each log's rows become events for the ledger, or
/// rejects with their reasons, and every row and line is counted as a decision export's are.
final class ActivityReading: MergedRowReader {
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
    /// The protected attributes (`attributes:`) as the logs' columns give them: the columns of
    /// the log being read (-1: none), and each worker's group codes (worker × attribute).
    private var attributeGroups: [AttributeGroups]
    private var attributeColumns: [Int] = []
    private var workerGroups: [Int32] = []

    init(pipeline: Pipeline, settings: ActivitySettings, pseudonymizer: Pseudonymizer, sink: any AuditSink) {
        self.pipeline = pipeline
        self.settings = settings
        self.pseudonymizer = pseudonymizer
        self.sink = sink
        attributeGroups = PartAuditor.attributeGroups(pipeline)
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
        // An age band needs the decision's date: a log gives none, so its workers' band is unknown.
        let attributes = ColumnMapping(headers: mapping.headers, pipeline: pipeline).attributes
        attributeColumns = attributes.map { pipeline.ageBands[$0.name] == nil ? $0.match?.column ?? -1 : -1 }
    }

    /// One data row, or the rows a stray quote merged into it, read one line at a time as a
    /// decision export's (`MergedRowReader`): a quote must not hide the evenings after it.
    /// False stops the reading (the sink failed, too many workers).
    func consume(_ row: RawRow) -> Bool {
        tally.rowLines += row.endLine - row.line + 1
        return read(row)
    }

    var rowWidth: Int { builder!.mapping.headers.count }

    func swallowingColumn(_ row: RawRow) -> Int? { swallowed?.swallowingColumn(row) }
    func split(_ row: RawRow, column: Int) -> SwallowedLines.Split? { swallowed?.split(row, column: column) }

    func rejectMerged(_ row: RawRow, column: Int) -> Bool {
        reject(builder!.unbalancedQuote(row, column: column), lines: row.endLine - row.line + 1)
    }

    func rejectLine(_ line: SwallowedLines.Line, in split: SwallowedLines.Split) -> Bool {
        reject(builder!.unbalancedQuote(line, in: split), lines: line.endLine - line.line + 1)
    }

    /// A row as it stands (a stray quote's merge taken apart by `read`): an event, or a reject.
    func readWhole(_ row: RawRow) -> Bool {
        tally.rowsRead += 1
        do throws(AuditError) {
            switch try builder!.build(row) {
            case .event(let event):
                tally.accepted += 1
                ledger.add(event)
                // A worker first seen: the worker's groups, from this row.
                if !attributeGroups.isEmpty, Int(event.worker) * attributeGroups.count >= workerGroups.count {
                    for index in attributeGroups.indices {
                        let column = attributeColumns[index]
                        workerGroups.append(column >= 0 && column < row.fieldCount ? attributeGroups[index].group(for: row[column]) : AttributeGroups.unknown)
                    }
                }
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

    /// The weeks of every worker of every log read, worker by worker: each worker's are
    /// judged by the working-time checks (their findings to the sink), counted towards the pay
    /// estimate, and kept in sorted runs for worktime.csv; one worker's are in memory at a time.
    /// `join`: DC-02's, told of every off-hours contact and off-hours answer.
    ///
    /// With two cores and at least `splitAbove` events, the workers are cut in two near the
    /// middle of the events (`WorkTimeLedger.middleWorker`) and the later ones' weeks are made on
    /// another thread, their findings to a part of the sink appended after the earlier ones':
    /// the same bytes as in one piece.
    func result(join: ContactJoin? = nil, decisionGroups: (subjects: SubjectGroups, groups: [AttributeGroups])? = nil,
                splitAbove: Int = 1 << 18) throws(AuditError) -> WorkTimeResult {
        let schedule = settings.schedule, workers = builder?.workers ?? []
        let groupedFromDecisions = try fillGroups(from: decisionGroups)
        ledger.settle()
        let places = builder?.places.places ?? []
        let context = WeeksGathered.Context(schedule: schedule, checks: pipeline.checks, places: places, builder: builder, workers: workers,
                                            workerGroups: workerGroups, attributeGroups: attributeGroups)
        var gathered = WeeksGathered(context)
        let keys = builder?.keys ?? []
        let tell = { (ledger: WorkTimeLedger, join: ContactJoin.Contacts) in
            ledger.offHoursContact = { worker, time, channel, replyRequested in
                join.add(worker: keys[Int(worker)], time: time, channel: channel, replyRequested: replyRequested)
            }
        }
        let contacts = join?.contacts
        if let contacts { tell(ledger, contacts) }
        var summary: WorkTimeLedger.Summary
        var twoCores = false
        if AvailableCores.count > 1, ledger.events >= splitAbove, let middle = ledger.middleWorker, let part = try sink.makePart() {
            // The later workers on another thread, into a part of the sink, their own contacts and weeks.
            let reader = ledger.reader(), laterContacts = join.map { _ in ContactJoin.Contacts() }
            if let laterContacts { tell(reader, laterContacts) }
            let range = LaterWorkers(reader: reader, sink: part, context: context, from: middle)
            let later = BackgroundJob { () throws(AuditError) -> LaterWorkers.Gathered in try range.gather() }
            let earlier = Result { () throws(AuditError) in
                try ledger.weeks(places: places, workers: 0..<middle) { (weeks, months) throws(AuditError) in
                    try gathered.add(weeks: weeks, months: months, into: sink)
                }
            }
            let outcome = later.outcome()
            let laterSummary: WorkTimeLedger.Summary, laterGathered: WeeksGathered
            do throws(AuditError) {
                summary = try earlier.get()
                (laterSummary, laterGathered) = try outcome.get().value
            } catch {
                // The part is no output of a run that failed.
                try? sink.discard(part: part)
                throw error
            }
            try sink.appendPart(part)
            summary.add(laterSummary)
            gathered.join(laterGathered)
            if let contacts, let laterContacts { contacts.join(laterContacts) }
            twoCores = true
        } else {
            summary = try ledger.weeks(places: places) { (weeks, months) throws(AuditError) in
                try gathered.add(weeks: weeks, months: months, into: sink)
            }
        }
        if let failure = gathered.store.anyFailure ?? gathered.monthStore.anyFailure { throw failure }
        // Summed in the weeks' order, whichever thread made them: the same bits either way.
        var pay = 0.0
        if gathered.withWage > 0 {
            var weeks = try gathered.store.merged()
            while let week = weeks.next() { pay += week.overtimePay() ?? 0 }
            try weeks.finish()
        }
        return WorkTimeResult(weeks: WorkWeeks(runs: gathered.store), months: WorkMonths(runs: gathered.monthStore), totals: summary.totals, tallies: gathered.judge.tallies, workers: workers,
                              schedule: schedule, usesChinaCalendar: ledger.calendar.coveredYears != nil, events: ledger.events,
                              coveredYears: ledger.calendar.coveredYears, days: summary.days, offHoursByHourOfWeek: summary.offHoursByHourOfWeek,
                              workersByWeeklyOffHours: gathered.spread,
                              overtimePayEstimate: gathered.withWage > 0 ? pay : nil, workersWithWage: gathered.withColumnWage,
                              workersWithVaryingWage: builder?.workersWithVaryingWage.count ?? 0,
                              wageColumn: builder?.readsWages == true, places: places,
                              workersByPlace: gathered.byPlace, workersNamingSeveralPlaces: gathered.several, workersByHoursSystem: gathered.bySystem,
                              byGroup: gathered.groups.figures(bias: pipeline.bias, suppressBelow: pipeline.report.suppressBelow),
                              workersGroupedFromDecisions: groupedFromDecisions,
                              workersWithDisagreeingDecisionGroups: workersWithDisagreeingDecisionGroups,
                              unpairedClockIns: summary.unpairedClockIns, unpairedClockOuts: summary.unpairedClockOuts,
                              workersWithUnpairedPunches: summary.workersWithUnpairedPunches, weeksMadeOnTwoCores: twoCores)
    }

    /// Workers whose decisions disagree on a group their logs leave unknown (left unknown).
    private var workersWithDisagreeingDecisionGroups = 0

    /// Gives the workers whose logs leave a group unknown the group their decisions agree on
    /// (`SubjectGroups`); the workers so grouped.
    private func fillGroups(from decisions: (subjects: SubjectGroups, groups: [AttributeGroups])?) throws(AuditError) -> Int {
        guard let decisions, let keys = builder?.keys, !attributeGroups.isEmpty else { return 0 }
        let count = attributeGroups.count
        var wanted: [(key: WorkerKey, worker: Int32, attributes: [Int])] = []
        for (worker, key) in keys.enumerated() where (worker + 1) * count <= workerGroups.count {
            let unknown = (0..<min(count, SubjectGroups.attributeLimit)).filter { workerGroups[worker * count + $0] == AttributeGroups.unknown }
            if !unknown.isEmpty { wanted.append((key, Int32(worker), unknown)) }
        }
        guard !wanted.isEmpty else { return 0 }
        let (found, disagreeing) = try decisions.subjects.labels(for: wanted, groups: decisions.groups)
        workersWithDisagreeingDecisionGroups = disagreeing
        // In worker order, attribute by attribute: a label first met here becomes a group in
        // that order, the same bytes from run to run (a dictionary's order is not).
        for worker in found.keys.sorted() {
            for (attribute, label) in found[worker]!.sorted(by: { $0.key < $1.key }) {
                var bytes = Array(label.utf8)
                workerGroups[Int(worker) * count + attribute] = bytes.withUnsafeMutableBytes {
                    attributeGroups[attribute].group(for: FieldBytes(bytes: UnsafeRawBufferPointer($0), isMissing: false))
                }
            }
        }
        return found.count
    }
}

/// The later workers' weeks, made on another thread from their own reader of the ledger's
/// events into a part of the sink: nothing of it is shared with the earlier workers' thread
/// but what both only read.
private struct LaterWorkers: @unchecked Sendable {
    /// What the thread leaves, handed back to the caller's thread once it has finished.
    struct Gathered: @unchecked Sendable { let value: (WorkTimeLedger.Summary, WeeksGathered) }

    let reader: WorkTimeLedger
    let sink: any AuditSink
    let context: WeeksGathered.Context
    let from: Int32

    func gather() throws(AuditError) -> Gathered {
        var gathered = WeeksGathered(context)
        let summary = try reader.weeks(places: context.places, workers: from..<Int32.max) { (weeks, months) throws(AuditError) in
            try gathered.add(weeks: weeks, months: months, into: sink)
        }
        return Gathered(value: (summary, gathered))
    }
}

/// What `ActivityReading.result` gathers from the workers' weeks as the ledger hands them on,
/// worker by worker: the weeks kept for worktime.csv, the checks' judgement, and the counts of
/// the report. A later range of workers, gathered apart on another thread, joins the earlier
/// one after it, as if gathered in one piece.
struct WeeksGathered {
    /// What every range reads and none changes.
    struct Context: @unchecked Sendable {
        let schedule: WorkSchedule
        let checks: CheckSettings
        let places: [WorkPlace]
        /// Read only, for each worker's wage, while the weeks are made.
        let builder: ActivityBuilder?
        let workers: [String]
        let workerGroups: [Int32]
        let attributeGroups: [AttributeGroups]
    }

    private let context: Context
    let store = SortedRuns<WorkWeek>(runLength: 1 << 15)
    let monthStore = SortedRuns<WorkMonth>(runLength: 1 << 15)
    private(set) var judge: WorkTimeJudge
    private(set) var withColumnWage = 0, withWage = 0
    private(set) var spread = [Int](repeating: 0, count: WorkTimeResult.weeklyOffHoursBins.count)
    private(set) var byPlace: [Int]
    private(set) var bySystem = HoursSystem.allCases.map { _ in 0 }
    private(set) var several = 0
    private(set) var groups: WorkerGroupCounts

    init(_ context: Context) {
        self.context = context
        judge = WorkTimeJudge(settings: context.checks, schedule: context.schedule, places: context.places)
        byPlace = context.places.map { _ in 0 }
        groups = WorkerGroupCounts(attributes: context.attributeGroups)
    }

    /// One worker's weeks and months; the checks' findings to `sink`.
    mutating func add(weeks: [WorkWeek], months: [WorkMonth], into sink: any AuditSink) throws(AuditError) {
        guard let first = weeks.first else { return }
        let worker = first.worker
        // The employer's column may raise the wage the pipeline gives, not lower it (a floor).
        let own = context.builder?.hourlyWage(ofWorker: worker)
        let wage = [own, context.schedule.hourlyWage].compactMap { $0 }.max()
        if own != nil { withColumnWage += 1 }
        if wage != nil { withWage += 1 }
        for var week in weeks {
            week.hourlyWage = wage
            store.append(week)
        }
        for var month in months {
            month.hourlyWage = wage
            monthStore.append(month)
        }
        if Int(first.place) < byPlace.count { byPlace[Int(first.place)] += 1 }
        if first.otherPlaces { several += 1 }
        bySystem[HoursSystem.allCases.firstIndex(of: first.hoursSystem)!] += 1
        if !groups.isEmpty {
            let count = groups.attributeCount, start = Int(worker) * count, codes = context.workerGroups
            groups.add(weeks: weeks, codes: start + count <= codes.count ? Array(codes[start..<start + count]) : Array(repeating: AttributeGroups.unknown, count: count))
        }
        let active = weeks.filter { $0.activeSeconds > 0 }
        if !active.isEmpty {
            spread[WorkTimeResult.bin(minutes: active.reduce(Int64(0)) { $0 + $1.offHoursSeconds } / 60 / Int64(active.count))] += 1
        }
        try judge.add(weeks: weeks[...], months: WorkMonth.judged(months), worker: Int(worker) < context.workers.count ? context.workers[Int(worker)] : "", into: sink)
    }

    /// The later range's, after these.
    mutating func join(_ later: WeeksGathered) {
        store.join(later.store)
        monthStore.join(later.monthStore)
        judge.join(later.judge)
        withColumnWage += later.withColumnWage
        withWage += later.withWage
        for index in spread.indices { spread[index] += later.spread[index] }
        for index in byPlace.indices { byPlace[index] += later.byPlace[index] }
        for index in bySystem.indices { bySystem[index] += later.bySystem[index] }
        several += later.several
        groups.join(later.groups)
    }
}

/// The workers counted by group as the ledger hands them on, for `WorkerGroupFigures`.
struct WorkerGroupCounts {
    private let attributes: [AttributeGroups]
    private var counts: SelectionCounts
    /// Per attribute, per group code + 1 (0: unknown), the workers' mean off-hours minutes a week.
    private var minutes: [[[Double]]]

    init(attributes: [AttributeGroups]) {
        self.attributes = attributes
        counts = SelectionCounts(attributeCount: attributes.count)
        minutes = attributes.map { _ in [] }
    }

    var isEmpty: Bool { attributes.isEmpty }
    var attributeCount: Int { attributes.count }

    /// One worker's weeks, under the worker's group codes.
    mutating func add(weeks: [WorkWeek], codes: [Int32]) {
        counts.add(unitOf: Self.type, favorable: !WorkTimeTotals.recurs(weeks), groups: codes)
        let mean = weeks.isEmpty ? 0 : Double(weeks.reduce(Int64(0)) { $0 + $1.offHoursSeconds }) / 60 / Double(weeks.count)
        for (attribute, code) in codes.enumerated() {
            let slot = Int(code) + 1
            if minutes[attribute].count <= slot { minutes[attribute] += Array(repeating: [], count: slot + 1 - minutes[attribute].count) }
            minutes[attribute][slot].append(mean)
        }
    }

    /// A later range of workers' counts, after these (group codes are the run's, shared).
    mutating func join(_ later: WorkerGroupCounts) {
        counts.merge(later.counts, remap: attributes.map { attribute in attribute.labels.indices.map { Int32($0) } })
        for attribute in minutes.indices {
            let slots = later.minutes[attribute]
            if minutes[attribute].count < slots.count { minutes[attribute] += Array(repeating: [], count: slots.count - minutes[attribute].count) }
            for (slot, values) in slots.enumerated() { minutes[attribute][slot] += values }
        }
    }

    /// The workers are filed under one type of their own in the counts: `other`.
    private static let type = DecisionType.other

    /// Each attribute's figures, groups by label as the selection tables order them.
    func figures(bias: BiasSettings, suppressBelow: Int) -> [WorkerGroupFigures] {
        guard !attributes.isEmpty else { return [] }
        var every = bias
        every.attributes = attributes.map(\.name)
        every.by = []
        // One family of tests of their own: adjusted over the logs' attributes, then flagged.
        let strata = SelectionCounts.judge(counts.strata(attributes: attributes, bias: every, suppressBelow: suppressBelow)
            .filter { $0.decisionType == Self.type }, bias: every)
        // An attribute no log gave a column for has no group: nothing to show.
        return strata.filter { !$0.groups.isEmpty }.map { stratum in
            let attribute = attributes.firstIndex { $0.name == stratum.attribute }!
            let samples = attributes[attribute].labels.indices.map { code in code + 1 < minutes[attribute].count ? minutes[attribute][code + 1] : [] }
            let tests = Statistics.mannWhitneyUEachAgainstRest(samples)
            var means: [Double?] = [], mannWhitney: [(u: Double, p: Double)?] = []
            let groups = attributes[attribute]
            var names = stratum.groups.map { group in
                groups.labels.firstIndex(of: group.group).flatMap { $0 < groups.spelled.count ? groups.spelled[$0] : nil } ?? group.group
            }
            if Set(names.map(TextKey.make)).count < names.count { names = stratum.groups.map(\.group) }
            for group in stratum.groups {
                let code = attributes[attribute].labels.firstIndex(of: group.group)
                guard let code, !group.suppressed else {
                    means.append(nil)
                    mannWhitney.append(nil)
                    continue
                }
                means.append(Statistics.mean(samples[code]))
                mannWhitney.append(tests[code])
            }
            return WorkerGroupFigures(recurring: stratum, shownNames: names, meanWeeklyOffHoursMinutes: means, mannWhitney: mannWhitney)
        }
    }
}
