import XCTest
@testable import AdmAudit

/// AP-04 on tiny inline exports: a contest answered after the deadline, judged on local
/// dates (Asia/Shanghai, UTC+8).
final class AppealAnsweredLateTests: XCTestCase {
    private let header = "decision_id,employee_id,decision_type,outcome,automated,decided_at,appeal_filed_at,appeal_responded_at,sex\n"
    private let shanghai = TestSupport.exactPipeline(attributes: ["sex: [sex]"],
                                                     sections: "input:\n  time_zone: Asia/Shanghai\nchecks:\n  AP-04: {deadline_days: 14}")

    private func ap04(_ rows: String, pipeline: String? = nil, asOf: String? = nil) throws -> (CheckTally, [WordedFinding]) {
        let (result, sink) = try TestSupport.audit([TestSupport.temporaryFile(header + rows)],
                                                   pipeline: TestSupport.pipeline(pipeline ?? shanghai),
                                                   asOf: asOf.map { AsOfDate($0)! })
        let tally = try XCTUnwrap(result.checks.first { $0.descriptor.id == "AP-04" })
        return (tally, sink.findings.filter { $0.checkID == "AP-04" })
    }

    func testAnswerAfterTheDeadlineIsAViolation() throws {
        let (tally, findings) = try ap04("D1,E1,dismissal,adverse,yes,2027-01-02 10:00,2027-01-04 10:00,2027-02-01 10:00,female\n")
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(tally.violations, 1)
        XCTAssertEqual(tally.notRecorded, 0)
        XCTAssertEqual(findings.first?.severity, .warning)
        XCTAssertEqual(findings.first?.notRecorded, false)
        let detail = try XCTUnwrap(findings.first?.detail)
        XCTAssertTrue(detail.contains("answered 2027-02-01"), detail)
        XCTAssertTrue(detail.contains("28 days"), detail)
        XCTAssertTrue(detail.contains("due by 2027-01-18"), detail)
    }

    func testAnsweredOnDayFPlusNIsOnTimeAndOnFPlusNPlusOneLate() throws {
        // Filed 2027-01-04: on time through 2027-01-18, whatever the hour.
        let rows = "D1,E1,dismissal,adverse,yes,2027-01-02 10:00,2027-01-04 10:00,2027-01-18 23:59,female\n"
            + "D2,E2,dismissal,adverse,yes,2027-01-02 10:00,2027-01-04 10:00,2027-01-19 00:00,female\n"
            + "D3,E3,dismissal,adverse,yes,2027-01-02 10:00,2027-01-04 10:00,2027-01-04 10:30,female\n"
        let (tally, findings) = try ap04(rows)
        XCTAssertEqual(tally.applicable, 3)
        XCTAssertEqual(tally.violations, 1)
        XCTAssertEqual(findings.map(\.decisionID), ["D2"])
    }

    func testDaysAreLocalDatesNotUTCDates() throws {
        // Filed 23:30 local on 2027-01-04 (15:30Z). An answer at 16:10Z on 2027-01-18 is
        // 00:10 on 2027-01-19 in Shanghai: late, though the UTC dates are 14 days apart.
        // An answer at 15:50Z is 23:50 on 2027-01-18 local: on time.
        let rows = "D1,E1,dismissal,adverse,yes,2027-01-02 10:00,2027-01-04 23:30,2027-01-18T16:10:00Z,female\n"
            + "D2,E2,dismissal,adverse,yes,2027-01-02 10:00,2027-01-04 23:30,2027-01-18T15:50:00Z,female\n"
            // Filed 16:30Z on 2027-01-04 = 00:30 on 2027-01-05 local: F = 01-05, on time on 01-19 local.
            + "D3,E3,dismissal,adverse,yes,2027-01-02 10:00,2027-01-04T16:30:00Z,2027-01-19 12:00,female\n"
        let (tally, findings) = try ap04(rows)
        XCTAssertEqual(tally.applicable, 3)
        XCTAssertEqual(findings.map(\.decisionID), ["D1"])
    }

    func testResponseBeforeTheFilingIsNotAP04sBusiness() throws {
        let (tally, findings) = try ap04("D1,E1,dismissal,adverse,yes,2027-01-02 10:00,2027-01-10 10:00,2027-01-05 10:00,female\n")
        XCTAssertEqual(tally.applicable, 0)
        XCTAssertTrue(findings.isEmpty)
    }

    func testUnansweredOrUnfiledIsNotApplicable() throws {
        let rows = "D1,E1,dismissal,adverse,yes,2027-01-02 10:00,2027-01-04 10:00,,female\n"
            + "D2,E2,dismissal,adverse,yes,2027-01-02 10:00,,2027-02-04 10:00,female\n"
            + "D3,E3,dismissal,favorable,yes,2027-01-02 10:00,2027-01-04 10:00,2027-03-04 10:00,female\n"
            + "D4,E4,scheduling,adverse,yes,2027-01-02 10:00,2027-01-04 10:00,2027-03-04 10:00,female\n"
        let (tally, _) = try ap04(rows, asOf: "2027-06-01")
        XCTAssertEqual(tally.applicable, 0)
        XCTAssertEqual(tally.unknown, 0)
    }

    func testNoAsOfDateIsNeeded() throws {
        XCTAssertFalse(AppealAnsweredLate.descriptor.usesAsOfDate)
        let (tally, _) = try ap04("D1,E1,dismissal,adverse,yes,2027-01-02 10:00,2027-01-04 10:00,2027-01-25 10:00,female\n")
        XCTAssertEqual(tally.violations, 1)
        XCTAssertEqual(tally.unknown, 0)
    }

    func testDeadlineComesFromThePipeline() throws {
        let month = TestSupport.exactPipeline(attributes: ["sex: [sex]"],
                                              sections: "input:\n  time_zone: Asia/Shanghai\nchecks:\n  AP-04: {deadline_days: 30}")
        let rows = "D1,E1,dismissal,adverse,yes,2027-01-02 10:00,2027-01-04 10:00,2027-02-03 10:00,female\n"
            + "D2,E2,dismissal,adverse,yes,2027-01-02 10:00,2027-01-04 10:00,2027-02-04 10:00,female\n"
        let (tally, findings) = try ap04(rows, pipeline: month)
        XCTAssertEqual(tally.violations, 1)
        XCTAssertEqual(findings.map(\.decisionID), ["D2"])
        XCTAssertEqual(AppealAnsweredLate().deadlineDays, 14)
    }

    func testDecisionBeforeEveryCitedRuleAppliedIsNotJudged() throws {
        let (tally, _) = try ap04("D1,E1,dismissal,adverse,yes,2018-05-24 10:00,2018-05-25 10:00,2018-08-01 10:00,female\n")
        XCTAssertEqual(tally.applicable, 0)
        // The next day GDPR applies.
        let (inForce, findings) = try ap04("D1,E1,dismissal,adverse,yes,2018-05-25 10:00,2018-05-25 10:00,2018-08-01 10:00,female\n")
        XCTAssertEqual(inForce.violations, 1)
        XCTAssertEqual(findings.first?.legalBasis, "GDPR Art. 12(3); GDPR Art. 22(3)")
    }

    func testChineseLegalBasis() throws {
        let citation = AppealAnsweredLate.descriptor.legalBasis[0]
        XCTAssertEqual(citation.text(.zh), "《平台工作指令》第11条第2款")
        XCTAssertEqual(citation.appliesFrom, "2026-12-02")
    }
}
