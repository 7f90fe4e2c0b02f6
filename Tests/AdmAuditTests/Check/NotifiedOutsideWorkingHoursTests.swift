import XCTest
@testable import AdmAudit

/// DC-01 on tiny inline exports: adverse decisions notified outside working hours, read
/// as local times in Asia/Shanghai (UTC+8). 2027-01-04 is a Monday.
final class NotifiedOutsideWorkingHoursTests: XCTestCase {
    private let header = "decision_id,employee_id,decision_type,outcome,automated,decided_at,notified_at,sex\n"

    private func pipeline(_ settings: String = "{}", jurisdictions: String? = nil) -> String {
        let list = jurisdictions.map { "\n  jurisdictions: \($0)" } ?? ""
        return TestSupport.exactPipeline(attributes: ["sex: [sex]"],
                                         sections: "input:\n  time_zone: Asia/Shanghai\nchecks:\n  DC-01: \(settings)\(list)")
    }

    private func dc01(_ rows: String, pipeline yaml: String? = nil) throws -> (CheckTally, [WordedFinding]) {
        let (result, sink) = try TestSupport.audit(csv: header + rows, pipeline: yaml ?? pipeline())
        let tally = try XCTUnwrap(result.checks.first { $0.descriptor.id == "DC-01" })
        return (tally, sink.findings.filter { $0.checkID == "DC-01" })
    }

    /// Decision ids flagged among one row per notice time.
    private func flagged(_ notices: [String], pipeline yaml: String? = nil) throws -> [String] {
        let rows = notices.enumerated().map { "D\($0.offset),E\($0.offset),discipline,adverse,yes,2027-01-04 08:00,\($0.element),female\n" }.joined()
        let (tally, findings) = try dc01(rows, pipeline: yaml)
        XCTAssertEqual(tally.applicable, notices.count)
        return findings.map(\.decisionID)
    }

    func testLateEveningNoticeIsAViolation() throws {
        let (tally, findings) = try dc01("D1,E1,dismissal,adverse,yes,2027-01-04 20:00,2027-01-04 22:30,female\n")
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(tally.violations, 1)
        XCTAssertEqual(findings.first?.severity, .warning)
        let detail = try XCTUnwrap(findings.first?.detail)
        XCTAssertTrue(detail.contains("notified at 2027-01-04 22:30+08:00 (Monday)"), detail)
        XCTAssertTrue(detail.contains("outside working hours 09:00–18:00"), detail)
    }

    func testNoticeDuringWorkingHoursIsCompliant() throws {
        let (tally, findings) = try dc01("D1,E1,dismissal,adverse,yes,2027-01-04 09:30,2027-01-04 10:00,female\n")
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(tally.violations, 0)
        XCTAssertTrue(findings.isEmpty)
    }

    func testWorkStartIsInsideAndWorkEndIsOutside() throws {
        let notices = ["2027-01-04 08:59:59", "2027-01-04 09:00", "2027-01-04 17:59:59", "2027-01-04 18:00", "2027-01-04 00:00"]
        XCTAssertEqual(try flagged(notices), ["D0", "D3", "D4"])
    }

    func testLocalTimeDecidesNotUTCTime() throws {
        // 15:30Z Monday is 23:30 Monday in Shanghai: outside, though 15:30 UTC is inside 09:00–18:00.
        // 01:00Z Monday is 09:00 Monday in Shanghai: inside, though 01:00 UTC is not.
        // 16:30Z Friday 2027-01-08 is 00:30 Saturday 2027-01-09 in Shanghai: a weekend.
        // 23:30Z Sunday 2027-01-03 is 07:30 Monday local: a working day but before 09:00.
        let notices = ["2027-01-04T15:30:00Z", "2027-01-04T01:00:00Z", "2027-01-08T16:30:00Z", "2027-01-03T23:30:00Z"]
        XCTAssertEqual(try flagged(notices), ["D0", "D2", "D3"])
        let (_, findings) = try dc01("D1,E1,pay,adverse,yes,2027-01-08 10:00,2027-01-08T16:30:00Z,female\n")
        XCTAssertTrue(findings.first?.detail.contains("notified at 2027-01-09 00:30+08:00 (Saturday), not a working day") ?? false)
    }

    func testWeekendIsOutsideAllDay() throws {
        XCTAssertEqual(try flagged(["2027-01-09 10:00", "2027-01-10 12:00", "2027-01-08 17:00"]), ["D0", "D1"])
    }

    func testHolidayOnAWeekdayIsOutsideAllDay() throws {
        let yaml = pipeline("{holidays: [2027-01-05, 2027-10-01]}")
        let notices = ["2027-01-05 10:00", "2027-01-06 10:00", "2027-01-05T01:00:00Z", "2027-01-04T16:30:00Z"]
        // The last is 00:30 local on the holiday, and outside hours anyway; 2027-01-05T01:00Z is 09:00 on the holiday.
        XCTAssertEqual(try flagged(notices, pipeline: yaml), ["D0", "D2", "D3"])
        let (_, findings) = try dc01("D1,E1,pay,adverse,yes,2027-01-04 10:00,2027-01-05 10:00,female\n", pipeline: yaml)
        XCTAssertTrue(findings.first?.detail.hasSuffix("a holiday") ?? false)
    }

    func testWorkingHoursAndDaysComeFromThePipeline() throws {
        let yaml = pipeline("{work_start: \"08:30\", work_end: \"17:30\", work_days: [mon, tue, wed, thu, fri, sat]}")
        let notices = ["2027-01-04 08:29", "2027-01-04 08:30", "2027-01-04 17:29", "2027-01-04 17:30", "2027-01-09 10:00", "2027-01-10 10:00"]
        XCTAssertEqual(try flagged(notices, pipeline: yaml), ["D0", "D3", "D5"])
        // Unquoted times are read as text too.
        let plain = pipeline("{work_start: 07:00, work_end: 24:00}")
        XCTAssertEqual(try flagged(["2027-01-04 06:59", "2027-01-04 07:00", "2027-01-04 23:59"], pipeline: plain), ["D0"])
    }

    func testBadSettingsAreAPipelineError() {
        for settings in ["{work_start: 9am}", "{work_end: \"25:00\"}", "{work_start: \"9:00\"}", "{work_days: [mon, funday]}",
                         "{work_days: []}", "{holidays: [2027-13-01]}", "{holidays: [tomorrow]}"] {
            XCTAssertThrowsError(try TestSupport.pipeline(pipeline(settings)), settings) { error in
                XCTAssertTrue("\(error)".contains("checks.DC-01."), "\(error)")
            }
        }
        XCTAssertNoThrow(try TestSupport.pipeline(pipeline("{work_days: [Sat, sun], holidays: [2027-10-01]}")))
    }

    func testStartNotBeforeEndIsRefused() throws {
        // The loader refuses the pair with its line; a check made directly with it
        // refuses to guess and leaves every record unknown.
        XCTAssertThrowsError(try TestSupport.pipeline(pipeline("{work_start: \"18:00\", work_end: \"09:00\"}"))) { error in
            XCTAssertTrue((error as! AuditError).message.contains("work_start 18:00 is not before work_end 09:00"))
        }
        let check = NotifiedOutsideWorkingHours(parameters: CheckParameters(["work_start": .text("18:00"), "work_end": .text("09:00")]))
        XCTAssertNotNil(check.problem)
    }

    func testMissingNoticeTimeIsUnknownNotAViolation() throws {
        let (tally, findings) = try dc01("D1,E1,dismissal,adverse,yes,2027-01-04 20:00,,female\n")
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(tally.unknown, 1)
        XCTAssertEqual(tally.violations, 0)
        XCTAssertEqual(tally.notRecorded, 0)
        XCTAssertTrue(findings.isEmpty)
        XCTAssertFalse(NotifiedOutsideWorkingHours.descriptor.notRecordedIsViolation)
    }

    func testAnyAdverseDecisionAppliesAndFavourableDoesNot() throws {
        let rows = "D1,E1,scheduling,adverse,no,2027-01-04 20:00,2027-01-04 22:00,female\n"
            + "D2,E2,task_allocation,adverse,yes,2027-01-04 20:00,2027-01-04 22:00,female\n"
            + "D3,E3,dismissal,favorable,yes,2027-01-04 20:00,2027-01-04 22:00,female\n"
        let (tally, findings) = try dc01(rows)
        XCTAssertEqual(tally.applicable, 2)
        XCTAssertEqual(findings.map(\.decisionID), ["D1", "D2"])
    }

    func testLegalBasisFollowsJurisdictionsAndDates() throws {
        let row = "D1,E1,dismissal,adverse,yes,2027-01-04 20:00,2027-01-04 22:30,female\n"
        let (_, china) = try dc01(row)
        XCTAssertEqual(china.first?.legalBasis, "Labour Law Art. 36; Labour Law Art. 41; Civil Code Art. 1032")
        let (_, all) = try dc01(row, pipeline: pipeline(jurisdictions: "[CN, FR, AU]"))
        XCTAssertEqual(all.first?.legalBasis,
                       "Labour Law Art. 36; Labour Law Art. 41; Civil Code Art. 1032; Code du travail art. L2242-17; Fair Work Act 2009 (Cth) s 333M")
        // Australia alone: a decision before 2024-08-26 is not judged, one after is.
        let au = pipeline(jurisdictions: "[AU]")
        let before = try dc01("D1,E1,dismissal,adverse,yes,2024-08-01 20:00,2024-08-01 22:30,female\n", pipeline: au)
        XCTAssertEqual(before.0.applicable, 0)
        let after = try dc01("D1,E1,dismissal,adverse,yes,2024-09-02 20:00,2024-09-02 22:30,female\n", pipeline: au)
        XCTAssertEqual(after.0.violations, 1)
        XCTAssertEqual(after.1.first?.legalBasis, "Fair Work Act 2009 (Cth) s 333M")
    }

    func testChineseBasesAreMarkedAsAReading() {
        let descriptor = NotifiedOutsideWorkingHours.descriptor
        XCTAssertEqual(descriptor.legalBasis.filter(\.isPolicy).map(\.instrument), ["LL", "LL", "CC"])
        XCTAssertTrue(descriptor.caveat(.en)?.contains("not statute") ?? false || descriptor.caveat(.en)?.contains("no statutory") ?? false)
        XCTAssertTrue(descriptor.caveat(.zh)?.contains("离线权") ?? false)
        XCTAssertEqual(CheckRegistry.entry("DC-01")?.parameters.map(\.name),
                       ["work_start", "work_end", "work_days", "calendar", "workdays", "holidays"])
    }

    // MARK: China's working calendar

    /// 2025-05-02 is a Friday of the Labour Day holiday; 2025-04-27 a Sunday worked in its place
    /// (State Council notice 国办发明电〔2024〕12号); 2025-05-06 an ordinary Tuesday.
    private let chinaDays = ["2025-05-02 10:00", "2025-04-27 10:00", "2025-05-06 10:00"]

    private func flaggedIn2025(_ notices: [String], pipeline yaml: String) throws -> [String] {
        let rows = notices.enumerated().map { "D\($0.offset),E\($0.offset),discipline,adverse,yes,2025-04-20 08:00,\($0.element),female\n" }.joined()
        return try dc01(rows, pipeline: yaml).1.map(\.decisionID)
    }

    func testChinaAloneIsJudgedByTheStateCouncilCalendar() throws {
        XCTAssertEqual(try flaggedIn2025(chinaDays, pipeline: pipeline(jurisdictions: "[CN]")), ["D0"], "a holiday Friday; a make-up Sunday is a working day")
        let (_, findings) = try dc01("D1,E1,pay,adverse,yes,2025-04-20 08:00,2025-05-02 10:00,female\n", pipeline: pipeline(jurisdictions: "[CN]"))
        XCTAssertTrue(findings.first?.detail.contains("a holiday") ?? false, "\(findings)")
    }

    func testElsewhereTheWorkingWeekHolds() throws {
        XCTAssertEqual(try flaggedIn2025(chinaDays, pipeline: pipeline(jurisdictions: "[FR]")), ["D1"], "a Friday is worked; a Sunday is not")
        XCTAssertEqual(try flaggedIn2025(chinaDays, pipeline: pipeline("{calendar: week}", jurisdictions: "[CN]")), ["D1"])
        XCTAssertEqual(try flaggedIn2025(chinaDays, pipeline: pipeline("{calendar: china}", jurisdictions: "[FR]")), ["D0"])
    }

    func testARecordsOwnJurisdictionChoosesItsCalendar() throws {
        let header = "decision_id,employee_id,decision_type,outcome,automated,decided_at,notified_at,sex,country\n"
        let rows = "D1,E1,discipline,adverse,yes,2025-04-20 08:00,2025-05-02 10:00,female,China\n"
            + "D2,E2,discipline,adverse,yes,2025-04-20 08:00,2025-05-02 10:00,female,France\n"
            + "D3,E3,discipline,adverse,yes,2025-04-20 08:00,2025-04-27 10:00,female,中国\n"
        let yaml = TestSupport.exactPipeline(attributes: ["sex: [sex]"], sections: "input:\n  time_zone: Asia/Shanghai\ncolumns:\n  jurisdiction: [country]\nchecks:\n  jurisdictions: [CN, EU, FR]")
        let (_, sink) = try TestSupport.audit(csv: header + rows, pipeline: yaml)
        XCTAssertEqual(sink.findings.filter { $0.checkID == "DC-01" }.map(\.decisionID), ["D1"])
    }

    func testAPipelineAddsDaysToEitherCalendar() throws {
        let yaml = pipeline("{holidays: [2025-05-06], workdays: [2025-05-02]}", jurisdictions: "[CN]")
        XCTAssertEqual(try flaggedIn2025(chinaDays, pipeline: yaml), ["D2"])
    }
}
