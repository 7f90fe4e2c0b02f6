import Foundation
import XCTest

@testable import AdmAudit

/// The working-time checks (WT-01 … WT-06) on weeks and months as the ledger makes them, and
/// `WorkTimeJudge` over several workers: what each flags, what it leaves alone, the hours
/// systems it is not judged under, its parameters, and the findings it writes.
final class WorkTimeChecksTests: XCTestCase {
    private static let monday: Int64 = 20_150  // 2025-03-03

    private static func week(_ offset: Int64 = 0, worker: Int32 = 0, active: Int64 = 0, offHours: Int64 = 0, days: Int = 5,
                             overLimit: Int = 0, contacts: Int = 0, expecting: Int = 0, answered: Int = 0) -> WorkWeek {
        var week = WorkWeek(worker: worker, monday: monday + 7 * offset)
        week.activeSeconds = active * 60
        week.offHoursSeconds = offHours * 60
        week.daysActive = active > 0 ? days : 0
        week.daysOverDailyOvertimeLimit = overLimit
        week.offHoursContacts = contacts
        week.offHoursContactsExpectingReply = expecting
        week.answeredOffHours = answered
        return week
    }

    private static func judge(_ check: some WorkTimeCheck, _ weeks: [WorkWeek], months: [WorkMonth] = [], schedule: WorkSchedule = WorkSchedule()) -> RunCheckOutcome {
        check.judge(weeks: weeks[...], months: months[...], schedule: schedule, worker: "S-1")
    }

    func testWT01FlagsWeeksWithOffHoursContactsAskingForAReply() {
        let outcome = Self.judge(OffHoursContactExpectingReply(), [
            Self.week(0, contacts: 3, expecting: 2, answered: 1),
            Self.week(1, contacts: 4, expecting: 0, answered: 4),   // asked for no reply: counted in worktime.csv, not flagged
            Self.week(2, active: 600),
        ])
        XCTAssertEqual(outcome.applicable, 3)
        XCTAssertEqual(outcome.violations.map(\.detail), [.offHoursContacts(monday: Self.monday, contacts: 3, expectingReply: 2, answered: 1)])
        XCTAssertEqual(outcome.violations.first?.subject, .worker("S-1"))
    }

    func testWT02FlagsDaysOverTheLimitAndMonthsOverThirtySixHours() {
        var march = WorkMonth(worker: 0, firstDay: 20_148)
        march.overtimeSeconds = (36 * 60 + 1) * 60
        var april = WorkMonth(worker: 0, firstDay: 20_179)
        april.overtimeSeconds = 36 * 3600  // exactly the limit: not over it
        let weeks = [Self.week(0, active: 3000, overLimit: 2), Self.week(1, active: 2400)]
        let outcome = Self.judge(OvertimeOverLimit(), weeks, months: [march, april])
        XCTAssertEqual(outcome.applicable, 4)
        XCTAssertEqual(outcome.violations.map(\.detail), [
            .dailyOvertimeOverLimit(monday: Self.monday, days: 2, limitHours: 3),
            .monthlyOvertimeOverLimit(firstDay: 20_148, overtimeMinutes: 36 * 60 + 1, limitHours: 36),
        ])
        var flexible = WorkSchedule()
        flexible.hoursSystem = .flexible
        XCTAssertEqual(Self.judge(OvertimeOverLimit(), weeks, months: [march], schedule: flexible).applicable, 0, "no limits under flexible hours")
    }

    func testWT03FlagsSevenActiveDaysButNotUnderTheComprehensiveSystem() {
        let weeks = [Self.week(0, active: 3000, days: 7), Self.week(1, active: 3000, days: 6)]
        XCTAssertEqual(Self.judge(NoWeeklyRestDay(), weeks).violations.map(\.detail), [.noRestDay(monday: Self.monday, activeMinutes: 3000)])
        var comprehensive = WorkSchedule()
        comprehensive.hoursSystem = .comprehensive
        XCTAssertEqual(Self.judge(NoWeeklyRestDay(), weeks, schedule: comprehensive).applicable, 0)
    }

    func testWT04NeedsEnoughWeeksAndAShareOfThem() {
        // Off-hours work of 60 minutes or more in 4 of 6 active weeks; a week of 59 minutes does not count.
        let weeks = [Self.week(0, active: 2400, offHours: 90), Self.week(1, active: 2400, offHours: 59), Self.week(2, active: 2400, offHours: 60),
                     Self.week(3, active: 2400, offHours: 120), Self.week(4, active: 2400), Self.week(5, active: 2400, offHours: 200)]
        let outcome = Self.judge(RecurringOffHoursWork(), weeks)
        XCTAssertEqual(outcome.applicable, 1)
        XCTAssertEqual(outcome.violations.map(\.detail), [.recurringOffHours(firstMonday: Self.monday, lastMonday: Self.monday + 35, weeks: 4,
                                                                              activeWeeks: 6, offHoursMinutes: 470)])
        let strict = RecurringOffHoursWork(parameters: CheckParameters(declared: RecurringOffHoursWork.parameters, given: ["min_weeks": .integer(5)]))
        XCTAssertTrue(Self.judge(strict, weeks).violations.isEmpty)
        let share = RecurringOffHoursWork(parameters: CheckParameters(declared: RecurringOffHoursWork.parameters, given: ["min_share": .number(0.7)]))
        XCTAssertTrue(Self.judge(share, weeks).violations.isEmpty, "4 of 6 is under 70 %")
        XCTAssertEqual(Self.judge(RecurringOffHoursWork(), [Self.week(0, contacts: 2, expecting: 2)]).applicable, 0, "no active week: not judged")
    }

    func testTheJudgeGoesWorkerByWorkerAndWritesEachFinding() throws {
        let weeks = [Self.week(0, worker: 0, active: 3000, days: 7, contacts: 1, expecting: 1), Self.week(1, worker: 0, active: 100),
                     Self.week(0, worker: 2, active: 600, days: 7)]
        var month = WorkMonth(worker: 2, firstDay: 20_148)
        month.overtimeSeconds = 40 * 3600
        let sink = MemorySink()
        var settings = CheckSettings()
        settings.jurisdictions = ["CN"]
        let tallies = try WorkTimeJudge.judge(weeks: weeks, months: [month], workers: ["S-A", "S-B", "S-C"], schedule: WorkSchedule(),
                                              settings: settings, into: sink)
        XCTAssertEqual(tallies.map(\.descriptor.id), ["WT-01", "WT-02", "WT-03", "WT-04"])
        XCTAssertEqual(tallies.map(\.applicable), [3, 4, 3, 2])
        XCTAssertEqual(tallies.map(\.violations), [1, 1, 2, 0])
        XCTAssertEqual(sink.findings.map(\.finding.checkID), ["WT-01", "WT-03", "WT-02", "WT-03"], "worker by worker")
        XCTAssertEqual(sink.findings.map(\.subject), ["S-A", "S-A", "S-C", "S-C"])
        XCTAssertTrue(sink.findings[0].legalBasis.contains("Labour Law Art. 36"), sink.findings[0].legalBasis)
        XCTAssertEqual(tallies[2].evidence.map(\.id), ["S-A", "S-C"])

        settings.overrides["WT-03"] = CheckSettings.Override(enabled: false)
        XCTAssertFalse(try WorkTimeJudge.judge(weeks: weeks, months: [], workers: ["S-A", "S-B", "S-C"], schedule: WorkSchedule(),
                                               settings: settings, into: MemorySink()).map(\.descriptor.id).contains("WT-03"))
        settings.jurisdictions = ["US"]
        XCTAssertEqual(try WorkTimeJudge.judge(weeks: weeks, months: [], workers: [], schedule: WorkSchedule(), settings: settings, into: MemorySink()).count, 0,
                       "no rule of theirs is in force in the US")
    }

    func testWT05FlagsWeeksWhereAStretchWithoutDailyRestBeganUnderEveryHoursSystem() {
        var short = Self.week(0, active: 2400)
        short.shortDailyRests = 2
        short.longestStretchSeconds = 20 * 3600
        let outcome = Self.judge(ShortDailyRest(), [short, Self.week(1, active: 2400)])
        XCTAssertEqual(outcome.applicable, 2)
        XCTAssertEqual(outcome.violations.map(\.detail), [.shortDailyRest(monday: Self.monday, stretches: 2, longestMinutes: 1200)])
        var flexible = WorkSchedule()
        flexible.hoursSystem = .flexible
        XCTAssertEqual(Self.judge(ShortDailyRest(), [short], schedule: flexible).violations.count, 1, "Art. 17(1) needs a member state's exemption, not a label")
    }

    func testWT06AveragesTheActiveWeeksOfEachReferencePeriodAndLeavesOutWeeksWithoutActivity() {
        // Weeks 0-3 of 52 h, a week of leave (no row at all: the ledger makes no week), 50 h, then 30 h weeks.
        let heavy = (0..<4).map { Self.week($0, active: 52 * 60) } + [Self.week(5, active: 50 * 60)]
        let outcome = Self.judge(AverageWeekOverLimit(), heavy + (6..<20).map { Self.week($0, active: 30 * 60) })
        XCTAssertEqual(outcome.applicable, 1)
        // The worst period is the first four weeks alone (52 h): longer periods take in lighter weeks.
        XCTAssertEqual(outcome.violations.map(\.detail), [.averageWeekOverLimit(firstMonday: Self.monday, lastMonday: Self.monday + 21, weeks: 4,
                                                                                meanMinutes: 52 * 60, limitHours: 48)])
        // A week in the logs with no activity is left out as leave is, not counted as 0 hours.
        let idle = Self.week(4, active: 0)
        XCTAssertEqual(Self.judge(AverageWeekOverLimit(), heavy + [idle]).violations.count, 1)
        // Exactly 48 h is within the limit; fewer than min_weeks active weeks are not judged.
        XCTAssertTrue(Self.judge(AverageWeekOverLimit(), (0..<6).map { Self.week($0, active: 48 * 60) }).violations.isEmpty)
        XCTAssertEqual(Self.judge(AverageWeekOverLimit(), (0..<3).map { Self.week($0, active: 60 * 60) }).applicable, 0)
        // A 17-week period: 60 h in week 0 and 40 h from week 1 to week 16 average 41.2 h; week 0 leaves the period of week 17.
        let long = [Self.week(0, active: 60 * 60)] + (1..<18).map { Self.week($0, active: 40 * 60) }
        XCTAssertTrue(Self.judge(AverageWeekOverLimit(), long).violations.isEmpty)
        let tight = AverageWeekOverLimit(parameters: CheckParameters(declared: AverageWeekOverLimit.parameters, given: ["max_average_hours": .integer(40), "min_weeks": .integer(1)]))
        XCTAssertEqual(Self.judge(tight, long).violations.map(\.detail), [.averageWeekOverLimit(firstMonday: Self.monday, lastMonday: Self.monday, weeks: 1,
                                                                                                   meanMinutes: 3600, limitHours: 40)])
        var flexible = WorkSchedule()
        flexible.hoursSystem = .flexible
        XCTAssertEqual(Self.judge(AverageWeekOverLimit(), heavy, schedule: flexible).violations.count, 1)
    }

    func testEachWorkerIsJudgedByTheLawOfTheWorkersPlaceAndTheWorkersOwnHoursSystem() throws {
        let places = [WorkPlace(name: "", jurisdiction: nil, timeZone: "Asia/Shanghai"),
                      WorkPlace(name: "Paris", jurisdiction: "FR", timeZone: "Europe/Paris"),
                      WorkPlace(name: "上海", jurisdiction: "CN", timeZone: "Asia/Shanghai")]
        // Each worker: seven active days with a day over the overtime limit and a stretch without daily rest.
        let weeks = (0..<4).map { worker in
            var week = Self.week(0, worker: Int32(worker), active: 3600, days: 7, overLimit: 1)
            week.shortDailyRests = 1
            week.longestStretchSeconds = 15 * 3600
            week.place = [1, 2, 0, 2][worker]
            week.hoursSystem = worker == 3 ? .flexible : .standard
            return week
        }
        let sink = MemorySink()
        var settings = CheckSettings()
        settings.jurisdictions = ["CN", "EU"]
        let tallies = try WorkTimeJudge.judge(weeks: weeks, months: [], workers: ["S-PARIS", "S-SH", "S-NONE", "S-FLEX"], schedule: WorkSchedule(),
                                              settings: settings, places: places, into: sink)
        let found = Dictionary(grouping: sink.findings, by: \.subject).mapValues { $0.map(\.finding.checkID) }
        XCTAssertEqual(found["S-PARIS"], ["WT-03", "WT-05"], "no Chinese overtime limit in Paris")
        XCTAssertEqual(found["S-SH"], ["WT-02", "WT-03"], "no Working Time Directive in Shanghai")
        XCTAssertEqual(found["S-NONE"], ["WT-02", "WT-03", "WT-05"], "no place named: every selected jurisdiction")
        XCTAssertEqual(found["S-FLEX"], ["WT-03"], "flexible hours in Shanghai: no daily overtime limit, the weekly rest still, no Directive")
        let paris = sink.findings.first { $0.subject == "S-PARIS" && $0.finding.checkID == "WT-03" }!
        XCTAssertTrue(paris.legalBasis.contains("Working Time Directive"), paris.legalBasis)
        XCTAssertFalse(paris.legalBasis.contains("Labour Law"), "the worker in Paris is cited the law of Paris: \(paris.legalBasis)")
        XCTAssertEqual(tallies.first { $0.descriptor.id == "WT-02" }?.applicable, 2, "S-SH's week and S-NONE's; S-FLEX is under flexible hours")

        // One row at another place, or a place outside the run's law: judged under every jurisdiction of the run.
        var moved = weeks[0]
        moved.otherPlaces = true
        var abroad = weeks[1]
        abroad.place = 3
        let wider = places + [WorkPlace(name: "Roma", jurisdiction: "IT", timeZone: "Europe/Rome")]
        settings.jurisdictions = ["CN"]
        let cnSink = MemorySink()
        _ = try WorkTimeJudge.judge(weeks: [moved, abroad], months: [], workers: ["S-PARIS", "S-SH"], schedule: WorkSchedule(),
                                    settings: settings, places: wider, into: cnSink)
        XCTAssertEqual(Dictionary(grouping: cnSink.findings, by: \.subject).mapValues { $0.map(\.finding.checkID) },
                       ["S-PARIS": ["WT-02", "WT-03"], "S-SH": ["WT-02", "WT-03"]])
    }

    func testWT06JudgesEveryPeriodSoLightWeeksCannotDiluteHeavyOnes() {
        // Ten weeks of 10 hours, then four of 60: the period of the four alone is over 48.
        let padded = (0..<10).map { Self.week($0, active: 10 * 60) } + (10..<14).map { Self.week($0, active: 60 * 60) }
        XCTAssertEqual(Self.judge(AverageWeekOverLimit(), padded).violations.map(\.detail), [.averageWeekOverLimit(
            firstMonday: Self.monday + 70, lastMonday: Self.monday + 91, weeks: 4, meanMinutes: 3600, limitHours: 48)])
        // A login a week between heavy weeks is less than min_week_hours: left out, as leave.
        let interleaved = (0..<8).map { Self.week($0, active: $0 % 2 == 0 ? 60 * 60 : 1) }
        XCTAssertEqual(Self.judge(AverageWeekOverLimit(), interleaved).violations.count, 1)
        // Four heavy weeks among light ones worked every week: every 17-week period holds light weeks too (28 h on average).
        let between = (0..<3).map { Self.week($0, active: 20 * 60) } + (3..<7).map { Self.week($0, active: 55 * 60) }
            + (7..<30).map { Self.week($0, active: 20 * 60) }
        XCTAssertTrue(Self.judge(AverageWeekOverLimit(), between).violations.isEmpty)
        XCTAssertFalse(AverageWeekOverLimit.isAPeriod(between, 3, 6, span: 7 * 17), "no 17-week period holds weeks 3-6 and none beside them")
        XCTAssertTrue(AverageWeekOverLimit.isAPeriod(between, 3, 19, span: 7 * 17))
        // A period may begin before the log does (those weeks are not in it, as leave): the first six weeks are one.
        XCTAssertTrue(AverageWeekOverLimit.isAPeriod(between, 0, 5, span: 7 * 17))
    }
}
