import Foundation
import XCTest

@testable import AdmAudit

/// Working time from events (`WorkTimeLedger`): sessions and the gap that joins events,
/// a session across midnight, China's make-up working days and holidays, rest days,
/// daily overtime, the three hours systems, off-hours contacts and their answers, and the
/// same weeks whatever the order of events and however many runs they spill to.
final class WorkTimeLedgerTests: XCTestCase {
    private static let shanghai = TimeZone(identifier: "Asia/Shanghai")!

    /// A local Shanghai time as an instant.
    private static func at(_ text: String) -> Int64 {
        var parser = TimestampParser(timeZone: shanghai)
        guard case .instant(let instant) = parser.parse(text) else { fatalError("not a time: \(text)") }
        return instant
    }

    private static func own(_ start: String, _ end: String? = nil, _ direction: ActivityDirection = .action, worker: Int32 = 0) -> ActivityEvent {
        let from = at(start)
        return ActivityEvent(worker: worker, start: from, end: end.map(at) ?? from + 60, channel: .login, direction: direction, replyRequested: false)
    }

    private static func contact(_ start: String, worker: Int32 = 0, replyRequested: Bool = true) -> ActivityEvent {
        let from = at(start)
        return ActivityEvent(worker: worker, start: from, end: from + 60, channel: .chat, direction: .contact, replyRequested: replyRequested)
    }

    private static func weeks(_ events: [ActivityEvent], schedule: WorkSchedule = WorkSchedule(), calendar: WorkingCalendar = .china,
                              runLength: Int = 1 << 20) throws -> WorkTimeLedger.Result {
        let ledger = WorkTimeLedger(schedule: schedule, calendar: calendar, timeZone: shanghai, runLength: runLength)
        for event in events { ledger.add(event) }
        return try ledger.weeks()
    }

    private static func day(_ date: String) -> Int64 { LocalCalendar.day(of: AsOfDate(date)!) }

    func testEventsCloserThanTheGapJoinOneSession() throws {
        // 10:00 and 10:10 (one minute each) are one session of 11 minutes; 10:40 is another minute.
        let result = try Self.weeks([Self.own("2025-03-04 10:10"), Self.own("2025-03-04 10:00"), Self.own("2025-03-04 10:40")])
        XCTAssertEqual(result.weeks.count, 1)
        XCTAssertEqual(result.weeks[0].activeSeconds, 12 * 60)
        XCTAssertEqual(result.weeks[0].offHoursSeconds, 0)
        XCTAssertEqual(result.weeks[0].monday, Self.day("2025-03-03"))
        XCTAssertEqual(result.totals.workers, 1)
        var wide = WorkSchedule()
        wide.sessionGapMinutes = 30
        XCTAssertEqual(try Self.weeks([Self.own("2025-03-04 10:00"), Self.own("2025-03-04 10:10"), Self.own("2025-03-04 10:40")],
                                      schedule: wide).weeks[0].activeSeconds, 41 * 60)
    }

    func testASessionAcrossMidnightCountsOnBothDaysAndWeeks() throws {
        // Sunday 23:30 to Monday 00:30: 30 minutes in each ISO week, all off-hours.
        let result = try Self.weeks([Self.own("2025-03-09 23:30", "2025-03-10 00:30")])
        XCTAssertEqual(result.weeks.map(\.monday), [Self.day("2025-03-03"), Self.day("2025-03-10")])
        XCTAssertEqual(result.weeks.map(\.activeSeconds), [1800, 1800])
        XCTAssertEqual(result.weeks.map(\.offHoursSeconds), [1800, 1800])
        XCTAssertEqual(result.weeks.map(\.restDaySeconds), [1800, 0], "Sunday is a rest day, Monday a working day")
        XCTAssertEqual(result.weeks.map(\.daysActive), [1, 1])
        // The heat map's cells: Sunday 23:00 and Monday 00:00.
        XCTAssertEqual(result.offHoursByHourOfWeek[6 * 24 + 23], 1800)
        XCTAssertEqual(result.offHoursByHourOfWeek[0], 1800)
        XCTAssertEqual(result.offHoursByHourOfWeek.reduce(0, +), 3600)
        // Tuesday 17:30–18:30: the half hour before 18:00 is scheduled, the one after is not.
        let evening = try Self.weeks([Self.own("2025-03-04 17:30", "2025-03-04 18:30")])
        XCTAssertEqual(evening.offHoursByHourOfWeek[24 + 17], 0)
        XCTAssertEqual(evening.offHoursByHourOfWeek[24 + 18], 1800)
        XCTAssertEqual(evening.offHoursByHourOfWeek.reduce(0, +), evening.totals.offHoursSeconds)
    }

    func testChinasMakeUpWorkingDayIsScheduledAndAHolidayIsNot() throws {
        // 2025-01-26 is a Sunday worked for the Spring Festival; 2025-01-29 a Wednesday off.
        let events = [Self.own("2025-01-26 10:00", "2025-01-26 12:00"), Self.own("2025-01-29 10:00", "2025-01-29 12:00")]
        let china = try Self.weeks(events)
        XCTAssertEqual(china.weeks.map(\.offHoursSeconds), [0, 7200])
        XCTAssertEqual(china.weeks.map(\.restDaySeconds), [0, 7200])
        let week = try Self.weeks(events, calendar: WorkingCalendar())
        XCTAssertEqual(week.weeks.map(\.offHoursSeconds), [7200, 0], "by the plain week, the Sunday is off and the Wednesday worked")
    }

    func testDailyOvertimeRestDaysAndTheHoursSystems() throws {
        // Monday to Sunday, 09:00–21:30 every day: 12.5 hours a day.
        let days = (3...9).map { Self.own("2025-03-0\($0) 09:00", "2025-03-0\($0) 21:30") }
        let standard = try Self.weeks(days)
        XCTAssertEqual(standard.weeks.count, 1)
        let week = standard.weeks[0]
        XCTAssertEqual(week.daysActive, 7)
        XCTAssertEqual(week.activeSeconds, 7 * 750 * 60)
        XCTAssertEqual(week.offHoursSeconds, (5 * 210 + 2 * 750) * 60)
        XCTAssertEqual(week.overtimeSeconds, (5 * 270 + 2 * 750) * 60, "4.5 h past 8 on each working day, all of each rest day")
        XCTAssertEqual(week.daysOverDailyOvertimeLimit, 5)
        XCTAssertEqual(week.workingDays, 5)
        XCTAssertEqual(standard.totals.weeksWithoutRestDay, 1)
        XCTAssertEqual(standard.totals.weeksOverDailyOvertimeLimit, 1)
        var march = WorkMonth(worker: 0, firstDay: Self.day("2025-03-01"))
        march.overtimeSeconds = (5 * 270 + 2 * 750) * 60
        // The week lies in March: the month's time is the week's.
        (march.daysActive, march.activeSeconds, march.offHoursSeconds, march.restDaySeconds) = (7, week.activeSeconds, week.offHoursSeconds, week.restDaySeconds)
        XCTAssertEqual(standard.months, [march], "each day's overtime, by the month it falls in")

        var comprehensive = WorkSchedule()
        comprehensive.hoursSystem = .comprehensive
        let periodResult = try Self.weeks(days, schedule: comprehensive)
        XCTAssertEqual(periodResult.months, [], "months are the standard system's")
        let period = periodResult.weeks[0]
        XCTAssertEqual(period.overtimeSeconds, (7 * 750 - 40 * 60) * 60, "only the week's hours past 40")
        XCTAssertEqual(period.daysOverDailyOvertimeLimit, 0)

        var flexible = WorkSchedule()
        flexible.hoursSystem = .flexible
        let free = try Self.weeks(days, schedule: flexible).weeks[0]
        XCTAssertNil(free.overtimeSeconds)
        XCTAssertEqual(free.daysOverDailyOvertimeLimit, 0)
        XCTAssertEqual(free.offHoursSeconds, week.offHoursSeconds, "off-hours time is still counted")
    }

    /// A chat or login log seldom shows the scheduled day: a working day's time outside the
    /// schedule is overtime even when the log shows nothing of the day within it, and a day the
    /// log shows whole counts its time past 8 hours when that is more.
    func testAWorkingDaysTimeOutsideTheScheduleIsOvertimeWhenTheLogShowsNoMore() throws {
        // Monday evening 19:00–22:30 and nothing else: 3.5 hours, all outside 09:00–18:00.
        let evening = try Self.weeks([Self.own("2025-03-03 19:00", "2025-03-03 22:30")]).weeks[0]
        XCTAssertEqual(evening.overtimeSeconds, 210 * 60)
        XCTAssertEqual(evening.daysOverDailyOvertimeLimit, 1, "past the 3 hours a day of Art. 41")
        // Tuesday 08:00–19:00: 2 hours outside the schedule, 3 past 8 hours; the more is overtime.
        let whole = try Self.weeks([Self.own("2025-03-04 08:00", "2025-03-04 19:00")]).weeks[0]
        XCTAssertEqual(whole.overtimeSeconds, 180 * 60)
        XCTAssertEqual(whole.daysOverDailyOvertimeLimit, 0, "exactly 3 hours is within the limit")
    }

    func testTimePastTheWeeklyLimitCountsInTheMonth() throws {
        // Monday to Saturday worked, eight hours a day: no day past its limit, 8 hours past the week's.
        var sixDays = WorkSchedule()
        sixDays.workDays = [1, 2, 3, 4, 5, 6]
        let days = (3...8).map { Self.own("2025-03-0\($0) 09:00", "2025-03-0\($0) 17:00") }
        let result = try Self.weeks(days, schedule: sixDays, calendar: WorkingCalendar())
        XCTAssertEqual(result.weeks.map(\.overtimeSeconds), [8 * 3600])
        var march = WorkMonth(worker: 0, firstDay: Self.day("2025-03-01"))
        march.overtimeSeconds = 8 * 3600
        let week = try XCTUnwrap(result.weeks.first)
        (march.daysActive, march.activeSeconds, march.offHoursSeconds, march.restDaySeconds) = (6, week.activeSeconds, week.offHoursSeconds, week.restDaySeconds)
        XCTAssertEqual(result.months, [march])
        XCTAssertEqual(result.days, Self.day("2025-03-03")...Self.day("2025-03-08"))
    }

    func testOffHoursContactsAndTheirAnswers() throws {
        let events = [
            // Answered at 23:12, off-hours: 12 minutes.
            Self.contact("2025-03-04 23:00"), Self.own("2025-03-04 23:12", nil, .reply),
            // Sent at 20:00, answered the next morning within working hours: not answered off-hours.
            Self.contact("2025-03-05 20:00", replyRequested: false), Self.own("2025-03-06 09:30"),
            // Sent during working hours: not an off-hours contact.
            Self.contact("2025-03-06 10:00"),
            // Never answered within a day.
            Self.contact("2025-03-07 22:00"), Self.own("2025-03-09 22:30"),
        ]
        let result = try Self.weeks(events)
        XCTAssertEqual(result.weeks.count, 1)
        XCTAssertEqual(result.weeks[0].offHoursContacts, 3)
        XCTAssertEqual(result.weeks[0].offHoursContactsExpectingReply, 2)
        XCTAssertEqual(result.weeks[0].answeredOffHours, 1)
        XCTAssertEqual(result.weeks[0].replySecondsTotal, 12 * 60)
        XCTAssertEqual(result.totals.offHoursContacts, 3)
        XCTAssertEqual(result.totals.answeredOffHours, 1)
        // Contacts make no session: only the worker's own three minutes are active.
        XCTAssertEqual(result.weeks[0].activeSeconds, 3 * 60)
    }

    func testAWorkerWithOnlyContactsHasAWeekWithoutActivity() throws {
        let result = try Self.weeks([Self.contact("2025-03-04 23:00", worker: 3)])
        XCTAssertEqual(result.weeks.map(\.worker), [3])
        XCTAssertEqual(result.weeks[0].daysActive, 0)
        XCTAssertEqual(result.weeks[0].offHoursContacts, 1)
        XCTAssertEqual(result.totals.workersWithRecurringOffHours, 0)
    }

    func testWeeksKeptInSpilledRunsComeBackInOrder() throws {
        // An employer can make every event a worker-week: the weeks wait in TMPDIR, not in memory.
        let runs = SortedRuns<WorkWeek>(runLength: 3)
        let weeks = (0..<10).map { WorkWeek(worker: Int32($0 / 4), monday: Self.day("2025-03-03") + 7 * Int64($0 % 4)) }
        for week in weeks { runs.append(week) }
        XCTAssertTrue(runs.hasSpilled)
        XCTAssertEqual(try WorkWeeks(runs: runs).list(), weeks)
    }

    func testTheOrderOfEventsAndSpilledRunsChangeNothing() throws {
        var generator = SeededGenerator(seed: 7)
        var events: [ActivityEvent] = []
        for _ in 0..<3000 {
            let worker = Int32.random(in: 0..<20, using: &generator)
            let start = Self.at("2025-03-01 00:00") + Int64.random(in: 0..<(40 * 86_400), using: &generator)
            let length = Int64.random(in: 60...(3 * 3600), using: &generator)
            let direction = [ActivityDirection.contact, .action, .reply][Int.random(in: 0..<3, using: &generator)]
            events.append(ActivityEvent(worker: worker, start: start, end: start + length, channel: .chat, direction: direction,
                                        replyRequested: Bool.random(using: &generator)))
        }
        let inOrder = try Self.weeks(events)
        events.shuffle(using: &generator)
        let spilled = try Self.weeks(events, runLength: 97)
        XCTAssertEqual(spilled, inOrder)
        XCTAssertEqual(inOrder.totals.workers, 20)
        XCTAssertEqual(inOrder.weeks.map(\.worker), inOrder.weeks.map(\.worker).sorted(), "by worker, then week")
    }

    private static func punch(_ time: String, _ direction: ActivityDirection, worker: Int32 = 0) -> ActivityEvent {
        let at = at(time)
        return ActivityEvent(worker: worker, start: at, end: at + 60, channel: .other, direction: direction, replyRequested: false)
    }

    /// Attendance punches: a clock-in and the next clock-out are one session however far apart,
    /// events between them join it, a night shift counts on both days, a second clock-in means
    /// the clock-out was missed (the first stands alone, a minute), and a clock-out more than a
    /// day after its clock-in is no pair.
    func testAClockInAndTheNextClockOutAreOneSession() throws {
        let events = [
            // Monday 1 September 2025: 08:58 to 18:05 with a chat message between: 547 minutes.
            Self.punch("2025-09-01 08:58", .clockIn), Self.own("2025-09-01 12:00"), Self.punch("2025-09-01 18:05", .clockOut),
            // Tuesday: clocked in, never out; Wednesday 09:00 to 18:00.
            Self.punch("2025-09-02 09:00", .clockIn), Self.punch("2025-09-03 09:00", .clockIn), Self.punch("2025-09-03 18:00", .clockOut),
            // Thursday 22:00 to Friday 06:00: 120 minutes on Thursday, 360 on Friday.
            Self.punch("2025-09-04 22:00", .clockIn), Self.punch("2025-09-05 06:00", .clockOut),
            // Saturday in, and out 25 hours later: a minute, and a minute.
            Self.punch("2025-09-06 08:00", .clockIn), Self.punch("2025-09-07 09:00", .clockOut),
        ]
        for order in [events, events.reversed()] {
            let result = try Self.weeks(order)
            XCTAssertEqual(result.weeks.count, 1)
            let week = try XCTUnwrap(result.weeks.first)
            XCTAssertEqual(week.activeSeconds, (547 + 1 + 540 + 120 + 360 + 1 + 1) * 60)
            XCTAssertEqual(week.longestDaySeconds, 547 * 60)
            XCTAssertEqual(week.restDaySeconds, 2 * 60)
        }
        // Tuesday's clock-in, Saturday's and Sunday's punches have no partner within a day: said.
        let ledger = WorkTimeLedger(schedule: WorkSchedule(), calendar: .china, timeZone: Self.shanghai)
        for event in events { ledger.add(event) }
        let summary = try ledger.weeks { _, _ in }
        XCTAssertEqual([summary.unpairedClockIns, summary.unpairedClockOuts, summary.workersWithUnpairedPunches], [2, 1, 1])
    }

    /// A month's time is its days' wherever its weeks fall: a week across the end of September
    /// 2025 gives its days to both months, a night session to both days, and National Day's time
    /// is the statutory holidays'. Every month with activity is kept; the checks see those with overtime.
    func testAMonthHoldsItsOwnDaysOfWeeksAcrossItsEnd() throws {
        let events = [Self.own("2025-09-29 09:00", "2025-09-29 18:00"), Self.own("2025-09-30 23:00", "2025-10-01 02:00"),
                      Self.own("2025-10-02 10:00", "2025-10-02 12:00")]
        let ledger = WorkTimeLedger(schedule: WorkSchedule(), calendar: .china, timeZone: Self.shanghai)
        for event in events { ledger.add(event) }
        var months: [WorkMonth] = []
        _ = try ledger.weeks { _, found in months += found }
        XCTAssertEqual(months.map { LocalCalendar.date(ofDay: $0.firstDay).description }, ["2025-09-01", "2025-10-01"])
        XCTAssertEqual(months.map(\.daysActive), [2, 2])
        XCTAssertEqual(months.map(\.activeSeconds), [(540 + 60) * 60, (120 + 120) * 60])
        XCTAssertEqual(months.map(\.statutoryHolidaySeconds), [0, 240 * 60])
        XCTAssertEqual(months.map(\.overtimeSeconds), [(60 + 60) * 60, 240 * 60], "an hour past 8 on the 29th, the 30th's hour before midnight")
        XCTAssertEqual(months.map { $0.overtimeAtEachRate }, [OvertimeAtEachRate(workday: 7200, restDay: 0, statutoryHoliday: 0),
                                                              OvertimeAtEachRate(workday: 0, restDay: 0, statutoryHoliday: 240 * 60)])
        XCTAssertEqual(try ledger.weeks().months.count, 2, "both have overtime")
    }

    /// The workers cut near the middle of the events, never inside a worker; the weeks of the
    /// two ranges, made by two readers of the same runs, are the weeks of all.
    func testTwoRangesOfWorkersGiveTheWeeksOfAll() throws {
        let ledger = WorkTimeLedger(schedule: WorkSchedule(), calendar: .china, timeZone: Self.shanghai, runLength: 7)
        XCTAssertNil(ledger.middleWorker, "no events")
        var events: [ActivityEvent] = []
        for worker in Int32(0)..<6 {
            for day in 1...(worker == 0 ? 20 : 4) {
                events.append(Self.own(String(format: "2025-09-%02d 19:00", day), String(format: "2025-09-%02d 21:30", day), worker: worker))
                events.append(Self.contact(String(format: "2025-09-%02d 22:00", day), worker: worker))
            }
        }
        for event in events.reversed() { ledger.add(event) }
        // Worker 0 holds 40 of the 80 events: the later half starts at worker 1.
        XCTAssertEqual(ledger.middleWorker, 1)
        ledger.settle()
        let all = try ledger.weeks()
        var parts: [WorkWeek] = [], summary = WorkTimeLedger.Summary()
        summary.add(try ledger.weeks(workers: 0..<1) { weeks, _ in parts += weeks })
        summary.add(try ledger.reader().weeks(workers: 1..<Int32.max) { weeks, _ in parts += weeks })
        XCTAssertEqual(parts, all.weeks)
        XCTAssertEqual(summary.totals, all.totals)
        XCTAssertEqual(summary.offHoursByHourOfWeek, all.offHoursByHourOfWeek)
        XCTAssertEqual(summary.days, all.days)
        let lone = WorkTimeLedger(schedule: WorkSchedule(), calendar: .china, timeZone: Self.shanghai)
        lone.add(Self.own("2025-09-01 10:00"))
        XCTAssertNil(lone.middleWorker, "one worker is not cut")
    }

    func testAStretchOfWorkWithoutElevenHoursRestWithinADayIsCountedOnTheDayItBegan() throws {
        // 08:00-20:00 Monday, then 06:00-10:00 Tuesday: 10 hours' rest, so one stretch of 26 hours.
        let short = try Self.weeks([Self.own("2025-03-03 08:00", "2025-03-03 20:00"), Self.own("2025-03-04 06:00", "2025-03-04 10:00")])
        XCTAssertEqual(short.weeks.map(\.shortDailyRests), [1])
        XCTAssertEqual(short.weeks.map(\.longestStretchSeconds), [26 * 3600])
        XCTAssertEqual(short.totals.weeksWithShortDailyRest, 1)
        // Exactly 11 hours' rest (20:00 to 07:00) ends the stretch; 13 hours of work is not too long.
        let rested = try Self.weeks([Self.own("2025-03-03 07:00", "2025-03-03 20:00"), Self.own("2025-03-04 07:00", "2025-03-04 20:00")])
        XCTAssertEqual(rested.weeks.map(\.shortDailyRests), [0])
        // Short breaks do not rest: messages every two hours through the night from Sunday 20:00 join one stretch.
        let hourly = try Self.weeks((0..<16).map { hour in
            let time = hour < 4 ? "2025-03-09 \(20 + hour):00" : "2025-03-10 \(hour - 4 < 10 ? "0" : "")\(hour - 4):00"
            return Self.own(time)
        })
        XCTAssertEqual(hourly.weeks.map(\.shortDailyRests), [1, 0], "begun on Sunday: counted in Sunday's week")
        XCTAssertEqual(hourly.weeks.first?.longestStretchSeconds, 15 * 3600 + 60)
    }

    func testEachWorkerIsCountedInTheZoneAndCalendarOfTheWorkersPlaceAndUnderTheWorkersSystem() throws {
        let places = [WorkPlace(name: "", jurisdiction: nil, timeZone: "Asia/Shanghai"),
                      WorkPlace(name: "Paris", jurisdiction: "FR", timeZone: "Europe/Paris")]
        var trusting = WorkSchedule()
        trusting.trustHoursColumn = true
        let ledger = WorkTimeLedger(schedule: trusting, calendar: .china, timeZone: Self.shanghai)
        // 2025-09-28 is a Sunday worked in China (make-up day for National Day); in Paris it is a Sunday.
        // 16:00-18:00 Shanghai time is 10:00-12:00 in Paris.
        var paris = Self.own("2025-09-28 16:00", "2025-09-28 18:00", worker: 0)
        paris.place = 1
        var shanghai = Self.own("2025-09-28 16:00", "2025-09-28 18:00", worker: 1)
        shanghai.hoursSystem = .standard
        var flexible = Self.own("2025-09-29 08:00", "2025-09-29 22:00", worker: 2)
        flexible.hoursSystem = .flexible
        var mixed = Self.own("2025-09-29 08:00", "2025-09-29 22:00", worker: 3)
        mixed.hoursSystem = .flexible
        var standardRow = Self.own("2025-09-30 10:00", worker: 3)
        standardRow.hoursSystem = .standard
        for event in [paris, shanghai, flexible, mixed, standardRow] { ledger.add(event) }
        let result = try ledger.weeks(places: places)
        XCTAssertEqual(result.weeks.map(\.place), [1, 0, 0, 0])
        XCTAssertEqual(result.weeks[0].restDaySeconds, 7200, "a Sunday in Paris")
        XCTAssertEqual(result.weeks[0].offHoursSeconds, 7200)
        XCTAssertEqual(result.weeks[1].restDaySeconds, 0, "a working Sunday in Shanghai")
        XCTAssertEqual(result.weeks[1].offHoursSeconds, 0)
        XCTAssertEqual(result.weeks.map(\.hoursSystem), [.standard, .standard, .flexible, .standard], "rows naming two systems: standard")
        XCTAssertNil(result.weeks[2].overtimeSeconds)
        XCTAssertEqual(result.weeks[3].overtimeSeconds, 6 * 3600)

        // Not trusted (the default), a laxer label is not read: the worker is under the schedule's system.
        let untrusting = WorkTimeLedger(schedule: WorkSchedule(), calendar: .china, timeZone: Self.shanghai)
        untrusting.add(flexible)
        XCTAssertEqual(try untrusting.weeks().weeks.map(\.hoursSystem), [.standard])
        var flexibleSchedule = WorkSchedule()
        flexibleSchedule.hoursSystem = .flexible
        XCTAssertEqual(flexibleSchedule.system(named: 1), .standard, "a stricter label counts even untrusted")
        XCTAssertEqual(flexibleSchedule.system(named: 0), .flexible)
        XCTAssertEqual(flexibleSchedule.system(named: 4), .flexible)
    }

    func testARowNamingAnotherPlaceMarksTheWorkerAndMovesNothing() throws {
        let places = [WorkPlace(name: "", jurisdiction: nil, timeZone: "Asia/Shanghai"),
                      WorkPlace(name: "上海", jurisdiction: "CN", timeZone: "Asia/Shanghai")]
        let ledger = WorkTimeLedger(schedule: WorkSchedule(), calendar: .china, timeZone: Self.shanghai)
        var first = Self.own("2025-03-03 10:00", "2025-03-03 12:00")
        first.place = 1
        var other = Self.own("2025-03-04 22:00", "2025-03-04 23:00")
        other.place = 1
        other.otherPlace = true
        ledger.add(first)
        ledger.add(other)
        let week = try XCTUnwrap(ledger.weeks(places: places).weeks.first)
        XCTAssertEqual(week.place, 1)
        XCTAssertTrue(week.otherPlaces)
        XCTAssertEqual(week.offHoursSeconds, 3600, "still the worker's own zone")
    }

    func testEveryTwentyFourHoursOfAStretchWithoutRestIsCounted() throws {
        // 09:00-23:00 for 21 days from Monday 2025-03-03: ten hours' rest each night, never eleven.
        let days = (0..<21).map { day in
            let date = LocalCalendar.date(ofDay: Self.day("2025-03-03") + Int64(day)).description
            return Self.own("\(date) 09:00", "\(date) 23:00")
        }
        let result = try Self.weeks(days)
        XCTAssertEqual(result.weeks.map(\.shortDailyRests), [7, 7, 7])
        XCTAssertEqual(result.weeks.map(\.longestStretchSeconds), [494 * 3600, 494 * 3600, 494 * 3600])
    }
}
