import Foundation

/// One event as the ledger keeps it: plain bytes, sorted by worker and start, spilled to
/// TMPDIR in runs when there are many (`SortedRuns`), so memory does not grow with events.
struct ActivitySpan: SortedRunElement {
    var worker: Int32
    /// 0 contact, 1 action, 2 reply, 3 clock-in, 4 clock-out (`ActivityDirection`'s order).
    var direction: UInt8
    var replyRequested: Bool
    var start: Int64
    var end: Int64
    /// The worker's place (`WorkPlaceTable`) and hours system as the row named them (0: not
    /// named; 1 + `HoursSystem` index).
    var place: Int32
    var system: UInt8
    /// `ActivityChannel`'s index.
    var channel: UInt8
    /// The row named another place than the worker's first row.
    var otherPlace: Bool

    static func precedes(_ a: ActivitySpan, _ b: ActivitySpan) -> Bool {
        if a.worker != b.worker { return a.worker < b.worker }
        if a.start != b.start { return a.start < b.start }
        if a.end != b.end { return a.end < b.end }
        if a.direction != b.direction { return a.direction < b.direction }
        if a.replyRequested != b.replyRequested { return !a.replyRequested }
        if a.place != b.place { return a.place < b.place }
        if a.system != b.system { return a.system < b.system }
        if a.channel != b.channel { return a.channel < b.channel }
        return !a.otherPlace && b.otherPlace
    }

    var isWorkersOwn: Bool { direction != 0 }
}

/// One worker's week (ISO week, Monday to Sunday, local days): what worktime.csv holds.
public struct WorkWeek: Sendable, Equatable, BitwiseCopyable {
    public var worker: Int32
    /// Local day number of the week's Monday.
    public var monday: Int64
    /// The worker's place (`WorkPlaceTable`: 0 the run's own): that of the worker's first row;
    /// `otherPlaces` when other rows of the worker's name other places (then the worker is judged
    /// under every jurisdiction of the run). The hours system the worker is judged under
    /// (`WorkSchedule.system(named:)`).
    public var place: Int32 = 0
    public var otherPlaces = false
    public var hoursSystem: HoursSystem = .standard
    public var daysActive = 0
    /// Working days of the week by the calendar (holidays out, make-up days in).
    public var workingDays = 0
    /// Seconds of worker activity (sessions), in and outside scheduled time.
    public var activeSeconds: Int64 = 0
    public var offHoursSeconds: Int64 = 0
    /// Of the off-hours seconds, those on days that are not working days (rest days, holidays),
    /// and of those, the statutory holidays' (`WorkingCalendar.statutoryHolidays`).
    public var restDaySeconds: Int64 = 0
    public var statutoryHolidaySeconds: Int64 = 0
    /// Seconds past the daily limit on working days, plus all of a rest day's, or past the
    /// weekly limit, whichever is more; nil under flexible hours.
    public var overtimeSeconds: Int64? = 0
    /// Working days whose overtime passed the daily overtime limit (China: 3 hours).
    public var daysOverDailyOvertimeLimit = 0
    public var longestDaySeconds: Int64 = 0
    /// Employer contacts outside scheduled time, those asking for a reply, and those the
    /// worker answered outside scheduled time (the first own event within a day of it).
    public var offHoursContacts = 0
    public var offHoursContactsExpectingReply = 0
    public var answeredOffHours = 0
    /// Sum of the answered contacts' latencies, for their mean.
    public var replySecondsTotal: Int64 = 0
    /// Stretches of work begun this week with no rest of `WorkTimeLedger.dailyRest` in them
    /// for longer than a day allows (24 h less the rest: 13 h), and the longest stretch.
    public var shortDailyRests = 0
    public var longestStretchSeconds: Int64 = 0
    /// The wage an hour the week's overtime pay is estimated at: the worker's from a wage
    /// column, else `schedule.hourly_wage`; nil: none (set when the weeks are read out).
    public var hourlyWage: Double? = nil

    /// Days of the week with no activity of the worker's own.
    public var daysWithoutActivity: Int { 7 - daysActive }

    public init(worker: Int32, monday: Int64) {
        self.worker = worker
        self.monday = monday
    }
}

/// A week's overtime seconds at each of Labour Law Art. 44's rates (`WorkSchedule`'s multipliers).
public struct OvertimeAtEachRate: Sendable, Equatable {
    /// 150 %: working days' overtime, and time past the week's limit.
    public var workday: Int64
    /// 200 %: rest days (days off that are not statutory holidays).
    public var restDay: Int64
    /// 300 %: statutory holidays.
    public var statutoryHoliday: Int64

    public init(workday: Int64, restDay: Int64, statutoryHoliday: Int64) {
        self.workday = workday
        self.restDay = restDay
        self.statutoryHoliday = statutoryHoliday
    }

    /// Standard hours' split of `overtime`, of which a day off's time is all: the statutory
    /// holidays' at 300 %, the other days off's at 200 %, the rest at 150 %.
    init(overtime: Int64, restDay: Int64, statutoryHoliday: Int64) {
        let holiday = min(statutoryHoliday, overtime)
        let rest = min(restDay - statutoryHoliday, overtime - holiday)
        self.init(workday: overtime - holiday - rest, restDay: rest, statutoryHoliday: holiday)
    }

    /// The pay at `wage` an hour, at each rate's multiplier.
    func pay(wage: Double) -> Double {
        wage * (WorkSchedule.workdayOvertimeMultiplier * Double(workday) + WorkSchedule.dayOffMultiplier * Double(restDay)
            + WorkSchedule.statutoryHolidayMultiplier * Double(statutoryHoliday)) / 3600
    }
}

extension WorkWeek {
    /// The week's overtime split by rate; nil under flexible hours. Days off count at their own
    /// rates under standard hours only: under comprehensive hours only the period's excess is
    /// overtime, all at 150 % here, so the estimate is a floor there (a statutory holiday worked
    /// is owed 300 % under that system too, 劳部发〔1994〕503号).
    public var overtimeAtEachRate: OvertimeAtEachRate? {
        guard let overtime = overtimeSeconds else { return nil }
        guard hoursSystem == .standard else { return OvertimeAtEachRate(workday: overtime, restDay: 0, statutoryHoliday: 0) }
        return OvertimeAtEachRate(overtime: overtime, restDay: restDaySeconds, statutoryHoliday: statutoryHolidaySeconds)
    }

    /// The overtime pay the week's activity implies at `wage` an hour (the week's `hourlyWage`
    /// when nil); nil without a wage or under flexible hours.
    public func overtimePay(wage: Double? = nil) -> Double? {
        guard let wage = wage ?? hourlyWage, let split = overtimeAtEachRate else { return nil }
        return split.pay(wage: wage)
    }
}

/// Weeks kept in sorted runs (worker, then week) once the ledger has made them: worktime.csv
/// reads them back, so a log of many workers' weeks is not held in memory.
extension WorkWeek: SortedRunElement {
    package static func precedes(_ a: WorkWeek, _ b: WorkWeek) -> Bool { (a.worker, a.monday) < (b.worker, b.monday) }
}

/// One worker's calendar month: the time of the month's days, as a week's, and its overtime:
/// each working day's (its time outside the schedule, or past the daily limit when that is
/// more) plus every rest day's, and a week's time past the weekly limit that no day's limit
/// caught (standard hours only; zero under the others), for the monthly overtime limit.
/// worktime_months.csv holds them.
public struct WorkMonth: Sendable, Equatable, BitwiseCopyable {
    public var worker: Int32
    /// Local day number of the month's first day.
    public var firstDay: Int64
    public var overtimeSeconds: Int64 = 0
    public var place: Int32 = 0
    public var hoursSystem: HoursSystem = .standard
    public var daysActive = 0
    public var activeSeconds: Int64 = 0
    public var offHoursSeconds: Int64 = 0
    public var restDaySeconds: Int64 = 0
    public var statutoryHolidaySeconds: Int64 = 0
    /// As the week's (set when the months are read out); nil: none.
    public var hourlyWage: Double? = nil

    public init(worker: Int32, firstDay: Int64) {
        self.worker = worker
        self.firstDay = firstDay
    }

    /// The month's overtime split by rate, as a week's (`WorkWeek.overtimeAtEachRate`); nil
    /// under the hours systems whose overtime is not counted by the month.
    public var overtimeAtEachRate: OvertimeAtEachRate? {
        guard hoursSystem == .standard else { return nil }
        return OvertimeAtEachRate(overtime: overtimeSeconds, restDay: restDaySeconds, statutoryHoliday: statutoryHolidaySeconds)
    }

    public func overtimePay(wage: Double? = nil) -> Double? {
        guard let wage = wage ?? hourlyWage, let split = overtimeAtEachRate else { return nil }
        return split.pay(wage: wage)
    }
}

extension WorkMonth {
    /// The months the working-time checks judge: those with overtime (a month without is no
    /// month over the limit, and WT-02 counts the months it judged).
    public static func judged(_ months: [WorkMonth]) -> ArraySlice<WorkMonth> {
        months.filter { $0.overtimeSeconds > 0 }[...]
    }
}

extension WorkMonth: SortedRunElement {
    package static func precedes(_ a: WorkMonth, _ b: WorkMonth) -> Bool { (a.worker, a.firstDay) < (b.worker, b.firstDay) }
}

/// What the ledger found over every worker: the report's headline figures.
public struct WorkTimeTotals: Sendable, Equatable {
    public var workers = 0
    public var workerWeeks = 0
    public var activeSeconds: Int64 = 0
    public var offHoursSeconds: Int64 = 0
    public var offHoursContacts = 0
    public var offHoursContactsExpectingReply = 0
    public var answeredOffHours = 0
    /// Workers with at least `recurringMinutes` off-hours in at least `recurringShare` of the
    /// weeks they were active (WT-04's defaults: a minute past the end of the day is not off-hours work).
    public var workersWithRecurringOffHours = 0
    /// Worker-weeks with activity on all seven days (no rest day, Labour Law Art. 38).
    public var weeksWithoutRestDay = 0
    public var weeksOverDailyOvertimeLimit = 0
    /// Worker-weeks in which a stretch of work began with no 11-hour rest within 24 hours.
    public var weeksWithShortDailyRest = 0

    /// Another range of workers' totals, added.
    public mutating func add(_ other: WorkTimeTotals) {
        workers += other.workers
        workerWeeks += other.workerWeeks
        activeSeconds += other.activeSeconds
        offHoursSeconds += other.offHoursSeconds
        offHoursContacts += other.offHoursContacts
        offHoursContactsExpectingReply += other.offHoursContactsExpectingReply
        answeredOffHours += other.answeredOffHours
        workersWithRecurringOffHours += other.workersWithRecurringOffHours
        weeksWithoutRestDay += other.weeksWithoutRestDay
        weeksOverDailyOvertimeLimit += other.weeksOverDailyOvertimeLimit
        weeksWithShortDailyRest += other.weeksWithShortDailyRest
    }

    /// Off-hours activity in at least this share of a worker's active weeks is recurring.
    public static let recurringShare = 0.5
    public static let recurringMinutes: Int64 = 60

    /// Whether a worker's off-hours work recurs over the worker's weeks, by the rule above:
    /// the totals and the figures by group count workers by it.
    public static func recurs(_ weeks: [WorkWeek]) -> Bool {
        let active = weeks.filter { $0.activeSeconds > 0 }.count
        let offHours = weeks.filter { $0.offHoursSeconds >= recurringMinutes * 60 }.count
        return active > 0 && Double(offHours) >= recurringShare * Double(active)
    }
}

/// Working time from activity logs: per worker and day, sessions of the worker's own
/// events (events closer than `session_gap_minutes` join one, the time between them
/// worked), the part of each outside the schedule, and the employer's contacts outside
/// it with the worker's answers; summed per ISO week.
///
/// Events arrive in any order and are kept sorted by worker and time in `SortedRuns`
/// (a buffer, spilled to TMPDIR in runs); the weeks are built in one merge of them, and
/// only one worker's days and weeks are held at a time (`weeks(each:)` hands them on):
/// memory grows with neither events nor weeks.
///
/// Days are local days of the pipeline's time zone; a session across midnight counts on
/// both days. Scheduled time is [work_start, work_end) on working days of the calendar
/// (China's official calendar, with holidays and make-up working days, or the plain week);
/// every minute on another day is off-hours and rest-day time. Employer contacts are not
/// the worker's work: they make no session; they count as off-hours contacts when sent
/// outside scheduled time. A contact is answered by the worker's first own event (a reply
/// or an action) within a day after it; answered off-hours when that event is outside
/// scheduled time too.
public final class WorkTimeLedger: @unchecked Sendable {
    public let schedule: WorkSchedule
    public let calendar: WorkingCalendar
    private let ownZone: LocalCalendar
    /// Every place's zone and working calendar (index 0: the run's own), set by `weeks`.
    private var placeTerms: [(zone: LocalCalendar, calendar: WorkingCalendar)] = []
    /// The zone and working calendar of the worker being counted: those of the worker's place.
    private var zone: LocalCalendar
    private var dayCalendar: WorkingCalendar { didSet { workingDayAsked = .min } }
    /// The last day asked about and its answer: a worker's events come in time order, and the
    /// calendar's answer hashes the day into three sets.
    private var workingDayAsked: Int64 = .min
    private var workingDayAnswer = false

    private func isWorkingDay(_ day: Int64) -> Bool {
        if day != workingDayAsked {
            workingDayAnswer = dayCalendar.isWorkingDay(day)
            workingDayAsked = day
        }
        return workingDayAnswer
    }
    private var spans: SortedRuns<ActivitySpan>
    public private(set) var events = 0
    /// Events per worker index: where to cut the workers in two for `weeks` on two threads.
    private var eventsPerWorker: [Int] = []
    /// Told of each off-hours contact (when it was sent, its channel, whether it asked for a
    /// reply), and of the worker's first own event outside scheduled time after one (an answer
    /// given off-hours; `channel` nil): the worker's index first. Set before `weeks`, to join
    /// the contacts to the decisions: a contact is unanswered at a decision's time when no such
    /// answer came between them.
    public var offHoursContact: ((_ worker: Int32, _ time: Int64, _ channel: ActivityChannel?, _ replyRequested: Bool) -> Void)? = nil

    /// The longest a clock-in holds a session open for its clock-out: a clock-out later than
    /// this is one of its own (a missed punch must not make a day and a night one session).
    public static let longestShift: Int64 = 24 * 3600

    /// The longest a contact waits for its answer.
    static let answerWindow: Int64 = 24 * 3600
    /// Contacts of one worker waiting for an answer, at most: past it, a contact is counted
    /// and never answered (a flood of messages cannot grow memory).
    static let pendingLimit = 4096
    /// The Working Time Directive's daily rest (Art. 3): 11 consecutive hours in every 24. A
    /// stretch of work between two such rests (short breaks inside it) longer than the other
    /// 13 hours leaves some 24 hours without one.
    public static let dailyRest: Int64 = 11 * 3600

    public init(schedule: WorkSchedule, calendar: WorkingCalendar, timeZone: TimeZone, runLength: Int = 1 << 18) {
        self.schedule = schedule
        self.calendar = calendar
        ownZone = LocalCalendar(timeZone: timeZone)
        zone = ownZone
        dayCalendar = calendar
        spans = SortedRuns(runLength: runLength, sortsBehind: true)
    }

    public func add(_ event: ActivityEvent) {
        events += 1
        let worker = Int(event.worker)
        if worker >= 0 {
            if worker >= eventsPerWorker.count { eventsPerWorker += repeatElement(0, count: worker + 1 - eventsPerWorker.count) }
            eventsPerWorker[worker] += 1
        }
        let direction: UInt8 = switch event.direction {
        case .contact: 0
        case .action: 1
        case .reply: 2
        case .clockIn: 3
        case .clockOut: 4
        }
        let system = event.hoursSystem.map { UInt8(HoursSystem.allCases.firstIndex(of: $0)! + 1) } ?? 0
        spans.append(ActivitySpan(worker: event.worker, direction: direction, replyRequested: event.replyRequested,
                                  start: event.start, end: event.end, place: event.place, system: system,
                                  channel: UInt8(ActivityChannel.allCases.firstIndex(of: event.channel)!), otherPlace: event.otherPlace))
    }

    /// What the ledger found over every worker: the totals, and the first and last local day
    /// with an event (nil: none).
    public struct Summary: Sendable, Equatable {
        public var totals = WorkTimeTotals()
        public var days: ClosedRange<Int64>? = nil
        /// Every worker's off-hours seconds by local hour of the week: 168 cells, Monday 00:00 first.
        public var offHoursByHourOfWeek = [Int64](repeating: 0, count: 168)
        /// Attendance punches with no partner within `longestShift`, and the workers with any.
        public var unpairedClockIns = 0
        public var unpairedClockOuts = 0
        public var workersWithUnpairedPunches = 0

        /// Another range of workers' (on another thread), added.
        public mutating func add(_ other: Summary) {
            totals.add(other.totals)
            if let more = other.days { days = days.map { min($0.lowerBound, more.lowerBound)...max($0.upperBound, more.upperBound) } ?? more }
            for hour in offHoursByHourOfWeek.indices { offHoursByHourOfWeek[hour] += other.offHoursByHourOfWeek[hour] }
            unpairedClockIns += other.unpairedClockIns
            unpairedClockOuts += other.unpairedClockOuts
            workersWithUnpairedPunches += other.workersWithUnpairedPunches
        }
    }

    /// Each worker's weeks and months (standard hours), in order, handed to `each` worker by
    /// worker (by index): only one worker's are held at a time. `places`: the places the logs
    /// named (`WorkPlaceTable.places`, index 0 the run's own): a worker's days are local to the
    /// zone of the place of the worker's first row (`ActivityEvent.place`), and follow its working calendar (China's for a
    /// place in China when the schedule's calendar is `auto`, else the plain week).
    public func weeks(places: [WorkPlace] = [], workers: Range<Int32>? = nil,
                      each: (_ weeks: [WorkWeek], _ months: [WorkMonth]) throws(AuditError) -> Void) throws(AuditError) -> Summary {
        // One zone's calendar and one jurisdiction's working calendar however many places share
        // them (each holds caches).
        var zones: [String: LocalCalendar] = [:], calendars: [String: WorkingCalendar] = [:]
        placeTerms = [(ownZone, calendar)] + places.dropFirst().map { place in
            let zone = zones[place.timeZone] ?? TimeZone(identifier: place.timeZone).map { LocalCalendar(timeZone: $0) } ?? ownZone
            zones[place.timeZone] = zone
            guard let jurisdiction = place.jurisdiction else { return (zone, calendar) }
            let working = calendars[jurisdiction] ?? schedule.workingCalendar(jurisdictions: [jurisdiction])
            calendars[jurisdiction] = working
            return (zone, working)
        }
        let bound = { (worker: Int32) in
            ActivitySpan(worker: worker, direction: 0, replyRequested: false, start: .min, end: .min, place: .min, system: 0, channel: 0, otherPlace: false)
        }
        var merge = try spans.merged(from: workers.map { bound($0.lowerBound) }, below: workers.map { bound($0.upperBound) })
        var summary = Summary()
        hourOfWeek = [Int64](repeating: 0, count: 168)
        var worker = WorkerDays(worker: -1, place: 0)
        while let span = merge.next() {
            if span.worker != worker.worker {
                try finish(&worker, into: &summary, each: each)
                let place = Int(span.place) < placeTerms.count ? span.place : 0
                worker = WorkerDays(worker: span.worker, place: place)
                (zone, dayCalendar) = placeTerms[Int(place)]
            }
            if span.system > 0 { worker.systemsNamed |= 1 << (span.system - 1) }
            if span.otherPlace { worker.otherPlaces = true }
            add(span, to: &worker)
        }
        try merge.finish()
        try finish(&worker, into: &summary, each: each)
        summary.offHoursByHourOfWeek = hourOfWeek
        return summary
    }

    /// Before `weeks`: waits for the run being written behind, and puts the events still in
    /// memory with the others in TMPDIR when some already are (a merge then reads each a block
    /// at a time, rather than a copy of the buffer per reader). A log that fits one run stays
    /// in memory and needs no TMPDIR.
    public func settle() {
        // `hasSpilled` waits for the run being written first.
        if spans.hasSpilled { spans.spill(ifMoreThan: 0) }
    }

    /// A ledger reading the same events, with a zone and calendar state of its own: `weeks` of
    /// another range of workers on another thread (the events are only read).
    public func reader() -> WorkTimeLedger {
        let other = WorkTimeLedger(schedule: schedule, calendar: calendar, zone: LocalCalendar(timeZone: ownZone.timeZone), spans: spans)
        other.events = events
        return other
    }

    private init(schedule: WorkSchedule, calendar: WorkingCalendar, zone: LocalCalendar, spans: SortedRuns<ActivitySpan>) {
        self.schedule = schedule
        self.calendar = calendar
        ownZone = zone
        self.zone = zone
        dayCalendar = calendar
        self.spans = spans
    }

    /// The worker index that cuts the events in two halves as near equal as whole workers allow
    /// (nil: fewer than two workers with events): `weeks` of the workers below it and of the
    /// others may be made on two threads.
    public var middleWorker: Int32? {
        let total = eventsPerWorker.reduce(0, +)
        var seen = 0
        for (worker, count) in eventsPerWorker.enumerated() {
            if worker > 0, seen * 2 >= total { return Int32(worker) }
            seen += count
        }
        return nil
    }

    /// Off-hours seconds by hour of the week, gathered as sessions are counted (one reading at a time).
    private var hourOfWeek = [Int64](repeating: 0, count: 168)

    /// Every worker's weeks and months gathered, with the totals: for a small run, or a test.
    public struct Result: Sendable, Equatable {
        public var weeks: [WorkWeek] = []
        public var months: [WorkMonth] = []
        public var totals = WorkTimeTotals()
        public var days: ClosedRange<Int64>? = nil
        public var offHoursByHourOfWeek: [Int64] = []
    }

    public func weeks(places: [WorkPlace] = []) throws(AuditError) -> Result {
        var result = Result()
        let summary = try weeks(places: places) { (weeks, months) throws(AuditError) in
            result.weeks += weeks
            // The months with overtime, as the checks see them.
            result.months += WorkMonth.judged(months)
        }
        result.totals = summary.totals
        result.days = summary.days
        result.offHoursByHourOfWeek = summary.offHoursByHourOfWeek
        return result
    }

    // MARK: one worker

    /// One worker's days while the merge reads the worker's events.
    private struct WorkerDays {
        let worker: Int32
        let place: Int32
        /// The hours systems the worker's rows name, as bits of `HoursSystem.allCases`.
        var systemsNamed: UInt8 = 0
        var otherPlaces = false
        var days: [Int64: Day] = [:]
        /// The open session of the worker's own events.
        var session: (start: Int64, end: Int64)? = nil
        /// The open stretch of sessions with no daily rest (`dailyRest`) between them.
        var stretch: (start: Int64, end: Int64)? = nil
        /// Off-hours contacts waiting for the worker's answer, oldest first.
        var pending: [(start: Int64, day: Int64)] = []
        /// An off-hours contact came since the worker's last own event outside scheduled time.
        var awaitingAnswer = false
        /// When the worker clocked in, until the worker clocks out (or `longestShift` passes).
        var clockedIn: Int64? = nil
        /// Punches with no partner within `longestShift`.
        var unpairedClockIns = 0
        var unpairedClockOuts = 0
        var pendingHead = 0

        init(worker: Int32, place: Int32) {
            self.worker = worker
            self.place = place
        }
    }

    struct Day {
        var active: Int64 = 0
        var scheduled: Int64 = 0
        var offHoursContacts = 0
        var expectingReply = 0
        var answeredOffHours = 0
        var replySeconds: Int64 = 0
        var shortRests = 0
        var longestStretch: Int64 = 0
    }

    private func add(_ span: ActivitySpan, to worker: inout WorkerDays) {
        if span.isWorkersOwn {
            if worker.awaitingAnswer, isOffHours(span.start, day: zone.day(of: span.start)) {
                offHoursContact?(worker.worker, span.start, nil, false)
                worker.awaitingAnswer = false
            }
            answer(upTo: span.start, by: &worker)
            let gap = Int64(schedule.sessionGapMinutes) * 60
            // Clocked in, the worker works until clocking out: whatever comes between joins the
            // session, and the clock-out ends it (a moment, not a minute). A second clock-in
            // means the clock-out was missed: the first stands alone.
            let onShift = worker.clockedIn.map { span.start - $0 <= Self.longestShift } ?? false
            let end = span.direction == 4 && onShift ? span.start : span.end
            if let open = worker.session, span.start <= open.end + gap || (onShift && span.direction != 3) {
                worker.session = (open.start, max(open.end, end))
            } else {
                if let open = worker.session { close(open, of: &worker) }
                worker.session = (span.start, end)
            }
            if span.direction == 4 && !onShift { worker.unpairedClockOuts += 1 }
            // A clock-in still waiting when another comes, or when its shift has passed, was never paired.
            if worker.clockedIn != nil && (span.direction == 3 || !onShift) { worker.unpairedClockIns += 1 }
            if span.direction == 3 { worker.clockedIn = span.start } else if span.direction == 4 || !onShift { worker.clockedIn = nil }
        } else {
            let day = zone.day(of: span.start)
            guard isOffHours(span.start, day: day) else { return }
            worker.days[day, default: Day()].offHoursContacts += 1
            if span.replyRequested { worker.days[day, default: Day()].expectingReply += 1 }
            offHoursContact?(worker.worker, span.start, ActivityChannel.allCases[Int(span.channel)], span.replyRequested)
            worker.awaitingAnswer = true
            expire(before: span.start, in: &worker)
            if worker.pending.count - worker.pendingHead < Self.pendingLimit { worker.pending.append((span.start, day)) }
        }
    }

    /// A session ended: its time counted day by day, and its place in the stretch of work
    /// since the last daily rest.
    private func close(_ session: (start: Int64, end: Int64), of worker: inout WorkerDays) {
        count(session, into: &worker.days)
        if let stretch = worker.stretch, session.start - stretch.end < Self.dailyRest {
            worker.stretch = (stretch.start, max(stretch.end, session.end))
        } else {
            if let stretch = worker.stretch { judgeStretch(stretch, into: &worker.days) }
            worker.stretch = session
        }
    }

    /// A stretch of work too long for a daily rest in every 24 hours: each 24 hours from its
    /// start that hold no such rest (the stretch runs on past their 13th hour) is counted on the
    /// day that 24 hours begins.
    private func judgeStretch(_ stretch: (start: Int64, end: Int64), into days: inout [Int64: Day]) {
        let length = stretch.end - stretch.start
        var period: Int64 = 0
        while period * 86_400 + (86_400 - Self.dailyRest) < length {
            let day = zone.day(of: stretch.start + period * 86_400)
            days[day, default: Day()].shortRests += 1
            days[day, default: Day()].longestStretch = max(days[day, default: Day()].longestStretch, length)
            period += 1
        }
    }

    /// The worker's own event at `instant` answers every contact waiting from within a day before it.
    private func answer(upTo instant: Int64, by worker: inout WorkerDays) {
        expire(before: instant, in: &worker)
        guard worker.pendingHead < worker.pending.count else { return }
        let offHours = isOffHours(instant, day: zone.day(of: instant))
        while worker.pendingHead < worker.pending.count, worker.pending[worker.pendingHead].start <= instant {
            let contact = worker.pending[worker.pendingHead]
            if offHours {
                worker.days[contact.day, default: Day()].answeredOffHours += 1
                worker.days[contact.day, default: Day()].replySeconds += instant - contact.start
            }
            worker.pendingHead += 1
        }
        compact(&worker)
    }

    /// Contacts left unanswered for longer than `answerWindow` before `instant` stop waiting.
    private func expire(before instant: Int64, in worker: inout WorkerDays) {
        while worker.pendingHead < worker.pending.count, instant - worker.pending[worker.pendingHead].start > Self.answerWindow {
            worker.pendingHead += 1
        }
        compact(&worker)
    }

    private func compact(_ worker: inout WorkerDays) {
        if worker.pendingHead > 1024, worker.pendingHead * 2 > worker.pending.count {
            worker.pending.removeFirst(worker.pendingHead)
            worker.pendingHead = 0
        }
    }

    /// Outside [work_start, work_end) of a working day.
    private func isOffHours(_ instant: Int64, day: Int64) -> Bool {
        guard isWorkingDay(day) else { return true }
        let second = zone.secondOfDay(of: instant)
        return second < schedule.workStart || second >= schedule.workEnd
    }

    /// A closed session's time, day by day (a session across midnight counts on both days).
    private func count(_ session: (start: Int64, end: Int64), into days: inout [Int64: Day]) {
        var from = session.start
        while from < session.end {
            let day = zone.day(of: from)
            let secondOfDay = Int64(zone.secondOfDay(of: from))
            let until = min(session.end, from + (86_400 - secondOfDay))
            let length = until - from
            var entry = days[day, default: Day()]
            entry.active += length
            let working = isWorkingDay(day)
            if working {
                let overlap = min(secondOfDay + length, Int64(schedule.workEnd)) - max(secondOfDay, Int64(schedule.workStart))
                entry.scheduled += max(overlap, 0)
            }
            days[day] = entry
            countByHour(day: day, from: secondOfDay, to: min(secondOfDay + length, 86_400), working: working)
            // A day of 25 hours (a clock set back) is read as local seconds: the step still moves forward.
            from = max(until, from + 1)
        }
    }

    /// A day's piece [from, to) (seconds of the day) into the hours of the week: its off-hours part.
    private func countByHour(day: Int64, from: Int64, to: Int64, working: Bool) {
        let row = (LocalCalendar.weekday(ofDay: day) - 1) * 24
        var hour = from / 3600
        while hour < 24, hour * 3600 < to {
            let start = max(from, hour * 3600), end = min(to, (hour + 1) * 3600)
            var off = end - start
            if working { off -= max(min(end, Int64(schedule.workEnd)) - max(start, Int64(schedule.workStart)), 0) }
            hourOfWeek[row + Int(hour)] += off
            hour += 1
        }
    }

    private func finish(_ worker: inout WorkerDays, into result: inout Summary,
                        each: (_ weeks: [WorkWeek], _ months: [WorkMonth]) throws(AuditError) -> Void) throws(AuditError) {
        guard worker.worker >= 0 else { return }
        var weeks: [WorkWeek] = []
        var months: [Int64: WorkMonth] = [:]
        if let open = worker.session { close(open, of: &worker) }
        worker.session = nil
        if worker.clockedIn != nil { worker.unpairedClockIns += 1 }
        worker.clockedIn = nil
        result.unpairedClockIns += worker.unpairedClockIns
        result.unpairedClockOuts += worker.unpairedClockOuts
        if worker.unpairedClockIns + worker.unpairedClockOuts > 0 { result.workersWithUnpairedPunches += 1 }
        if let stretch = worker.stretch { judgeStretch(stretch, into: &worker.days) }
        worker.stretch = nil
        worker.pending = []
        worker.pendingHead = 0
        let system = schedule.system(named: worker.systemsNamed)
        if let first = worker.days.keys.min(), let last = worker.days.keys.max() {
            result.days = result.days.map { min($0.lowerBound, first)...max($0.upperBound, last) } ?? first...last
        }
        let limit = Int64(schedule.dailyHours * 3600), overtimeLimit = Int64(schedule.dailyOvertimeHours * 3600)
        var byWeek: [Int64: WorkWeek] = [:]
        for (day, entry) in worker.days {
            let monday = day - Int64(LocalCalendar.weekday(ofDay: day) - 1)
            var week = byWeek[monday] ?? WorkWeek(worker: worker.worker, monday: monday)
            week.place = worker.place
            week.otherPlaces = worker.otherPlaces
            week.hoursSystem = system
            let working = isWorkingDay(day)
            if entry.active > 0 { week.daysActive += 1 }
            week.activeSeconds += entry.active
            week.offHoursSeconds += entry.active - entry.scheduled
            if !working { week.restDaySeconds += entry.active }
            if dayCalendar.isStatutoryHoliday(day) { week.statutoryHolidaySeconds += entry.active }
            week.longestDaySeconds = max(week.longestDaySeconds, entry.active)
            // A working day's overtime: its time outside the schedule, or its time past the daily
            // limit when the log shows more of the day; a day off's, all of it. A chat or login log
            // seldom shows the scheduled day, which the worker is taken to have worked: an evening
            // online is overtime whether or not the log shows the morning (线上加班).
            let overtime = working ? max(entry.active - limit, entry.active - entry.scheduled, 0) : entry.active
            week.overtimeSeconds = (week.overtimeSeconds ?? 0) + overtime
            // The day's time in its month, as in its week; its overtime under standard hours.
            let first = day - Int64(LocalCalendar.date(ofDay: day).day - 1)
            var month = months[first] ?? WorkMonth(worker: worker.worker, firstDay: first)
            month.place = worker.place
            month.hoursSystem = system
            if entry.active > 0 { month.daysActive += 1 }
            month.activeSeconds += entry.active
            month.offHoursSeconds += entry.active - entry.scheduled
            if !working { month.restDaySeconds += entry.active }
            if dayCalendar.isStatutoryHoliday(day) { month.statutoryHolidaySeconds += entry.active }
            if system == .standard { month.overtimeSeconds += overtime }
            months[first] = month
            if working && overtime > overtimeLimit { week.daysOverDailyOvertimeLimit += 1 }
            week.offHoursContacts += entry.offHoursContacts
            week.offHoursContactsExpectingReply += entry.expectingReply
            week.answeredOffHours += entry.answeredOffHours
            week.replySecondsTotal += entry.replySeconds
            week.shortDailyRests += entry.shortRests
            week.longestStretchSeconds = max(week.longestStretchSeconds, entry.longestStretch)
            byWeek[monday] = week
        }
        for monday in byWeek.keys.sorted() {
            var week = byWeek[monday]!
            week.workingDays = dayCalendar.workingDays(from: monday, to: monday + 7)
            switch system {
            case .standard:
                let daily = week.overtimeSeconds ?? 0
                week.overtimeSeconds = max(daily, week.activeSeconds - Int64(schedule.weeklyHours * 3600))
                // Time past the weekly limit that no day's limit caught (six working days of
                // eight hours) is overtime too: counted in the month of the week's last active day.
                if week.overtimeSeconds! > daily, let last = (0..<7).map({ monday + 6 - Int64($0) }).first(where: { worker.days[$0].map { $0.active > 0 } ?? false }) {
                    let first = last - Int64(LocalCalendar.date(ofDay: last).day - 1)
                    months[first, default: WorkMonth(worker: worker.worker, firstDay: first)].overtimeSeconds += week.overtimeSeconds! - daily
                }
            case .comprehensive:
                // Judged over the period, not the day: only the week's hours past the weekly limit.
                week.overtimeSeconds = max(week.activeSeconds - Int64(schedule.weeklyHours * 3600), 0)
                week.daysOverDailyOvertimeLimit = 0
            case .flexible:
                week.overtimeSeconds = nil
                week.daysOverDailyOvertimeLimit = 0
            }
            weeks.append(week)
            result.totals.workerWeeks += 1
            result.totals.activeSeconds += week.activeSeconds
            result.totals.offHoursSeconds += week.offHoursSeconds
            result.totals.offHoursContacts += week.offHoursContacts
            result.totals.offHoursContactsExpectingReply += week.offHoursContactsExpectingReply
            result.totals.answeredOffHours += week.answeredOffHours
            if week.daysActive == 7 { result.totals.weeksWithoutRestDay += 1 }
            if week.daysOverDailyOvertimeLimit > 0 { result.totals.weeksOverDailyOvertimeLimit += 1 }
            if week.shortDailyRests > 0 { result.totals.weeksWithShortDailyRest += 1 }
        }
        try each(weeks, months.keys.sorted().map { months[$0]! })
        result.totals.workers += 1
        if WorkTimeTotals.recurs(weeks) { result.totals.workersWithRecurringOffHours += 1 }
    }
}
