import Foundation
import XCTest

@testable import AdmAudit

/// The working-time checks (WT-01 … WT-04) on weeks and months as the ledger makes them, and
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
}
