import XCTest
@testable import AdmAudit

/// AP-03 on tiny inline exports: a contest unanswered past the deadline, judged on local
/// dates (Asia/Shanghai, UTC+8) against the as-of date.
final class AppealUnansweredPastDeadlineTests: XCTestCase {
    private let header = "decision_id,employee_id,decision_type,outcome,automated,decided_at,appeal_filed_at,appeal_responded_at,appeal_result,sex\n"
    private let shanghai = TestSupport.exactPipeline(attributes: ["sex: [sex]"],
                                                     sections: "input:\n  time_zone: Asia/Shanghai\nchecks:\n  AP-03: {deadline_days: 14}")

    private func ap03(_ rows: String, asOf: String?, pipeline: String? = nil) throws -> (CheckTally, [WordedFinding], AuditResult) {
        let (result, sink) = try TestSupport.audit([TestSupport.temporaryFile(header + rows)],
                                                   pipeline: TestSupport.pipeline(pipeline ?? shanghai),
                                                   asOf: asOf.map { AsOfDate($0)! })
        let tally = try XCTUnwrap(result.checks.first { $0.descriptor.id == "AP-03" })
        return (tally, sink.findings.filter { $0.checkID == "AP-03" }, result)
    }

    func testUnansweredPastTheDeadlineIsAViolationMarkedNotRecorded() throws {
        let (tally, findings, _) = try ap03("D1,E1,dismissal,adverse,yes,2027-01-02 10:00,2027-01-04 10:00,,,female\n", asOf: "2027-02-01")
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(tally.violations, 1)
        XCTAssertEqual(tally.notRecorded, 1)
        XCTAssertEqual(findings.map(\.decisionID), ["D1"])
        XCTAssertEqual(findings.first?.severity, .error)
        XCTAssertEqual(findings.first?.notRecorded, true)
        let detail = try XCTUnwrap(findings.first?.detail)
        XCTAssertTrue(detail.contains("appeal filed 2027-01-04"), detail)
        XCTAssertTrue(detail.contains("due by 2027-01-18"), detail)
        XCTAssertTrue(detail.contains("2027-02-01"), detail)
    }

    func testDueByTheEndOfDayFPlusN() throws {
        // Filed Monday 2027-01-04; 14 days: due by the end of 2027-01-18.
        let row = "D1,E1,dismissal,adverse,yes,2027-01-02 10:00,2027-01-04 10:00,,,female\n"
        XCTAssertEqual(try ap03(row, asOf: "2027-01-04").0.violations, 0)
        let onDueDay = try ap03(row, asOf: "2027-01-18").0
        XCTAssertEqual(onDueDay.applicable, 1)
        XCTAssertEqual(onDueDay.violations, 0)
        XCTAssertEqual(onDueDay.unknown, 0)
        XCTAssertEqual(try ap03(row, asOf: "2027-01-19").0.violations, 1)
    }

    func testFilingDayIsTheLocalDateNotTheUTCDate() throws {
        // 16:30Z on 2027-01-04 is 00:30 on 2027-01-05 in Shanghai: F = 01-05, due by the end of 01-19.
        let row = "D1,E1,dismissal,adverse,yes,2027-01-02 10:00,2027-01-04T16:30:00Z,,,female\n"
        XCTAssertEqual(try ap03(row, asOf: "2027-01-19").0.violations, 0)
        XCTAssertEqual(try ap03(row, asOf: "2027-01-20").0.violations, 1)
        // 15:30Z on 2027-01-04 is 23:30 the same local day: F = 01-04, overdue on 01-19.
        let late = "D2,E2,dismissal,adverse,yes,2027-01-02 10:00,2027-01-04T15:30:00Z,,,female\n"
        XCTAssertEqual(try ap03(late, asOf: "2027-01-18").0.violations, 0)
        XCTAssertEqual(try ap03(late, asOf: "2027-01-19").0.violations, 1)
    }

    func testNaiveTimesAreLocalTimes() throws {
        // 23:59 local on 2027-01-04 is still day F = 01-04 (15:59Z).
        let row = "D1,E1,dismissal,adverse,yes,2027-01-02 10:00,2027-01-04 23:59,,,female\n"
        XCTAssertEqual(try ap03(row, asOf: "2027-01-18").0.violations, 0)
        XCTAssertEqual(try ap03(row, asOf: "2027-01-19").0.violations, 1)
    }

    func testAnsweredContestIsCompliantEvenWhenLateBecauseThatIsAP04() throws {
        let rows = "D1,E1,dismissal,adverse,yes,2027-01-02 10:00,2027-01-04 10:00,2027-01-10 10:00,upheld,female\n"
            + "D2,E2,dismissal,adverse,yes,2027-01-02 10:00,2027-01-04 10:00,2027-03-01 10:00,upheld,male\n"
        let (tally, findings, _) = try ap03(rows, asOf: "2027-06-01")
        XCTAssertEqual(tally.applicable, 2)
        XCTAssertEqual(tally.violations, 0)
        XCTAssertTrue(findings.isEmpty)
    }

    func testResultWithoutAResponseDateDoesNotShowATimelyAnswer() throws {
        let (tally, findings, _) = try ap03("D1,E1,pay,adverse,yes,2027-01-02 10:00,2027-01-04 10:00,,overturned,female\n", asOf: "2027-02-01")
        XCTAssertEqual(tally.violations, 1)
        XCTAssertTrue(findings.first?.detail.contains("appeal_result=overturned") ?? false)
    }

    func testWithoutAnAsOfDateAnUnansweredContestIsUnknown() throws {
        let rows = "D1,E1,dismissal,adverse,yes,2027-01-02 10:00,2027-01-04 10:00,,,female\n"
            + "D2,E2,dismissal,adverse,yes,2027-01-02 10:00,2027-01-04 10:00,2027-01-05 10:00,upheld,male\n"
        let (tally, findings, result) = try ap03(rows, asOf: nil)
        XCTAssertEqual(tally.applicable, 2)
        XCTAssertEqual(tally.unknown, 1)
        XCTAssertEqual(tally.violations, 0)
        XCTAssertTrue(findings.isEmpty)
        XCTAssertTrue(result.diagnostics.contains { $0.message(.en).contains("no as-of date") })
        XCTAssertTrue(AppealUnansweredPastDeadline.descriptor.usesAsOfDate)
        XCTAssertEqual(AppealUnansweredPastDeadline().deadlineDays, 14)
    }

    func testThePipelinesAuditDateIsTheAsOfDate() throws {
        let pipeline = "audit_date: 2027-01-19\n" + shanghai
        let (tally, _, _) = try ap03("D1,E1,dismissal,adverse,yes,2027-01-02 10:00,2027-01-04 10:00,,,female\n", asOf: nil, pipeline: pipeline)
        XCTAssertEqual(tally.violations, 1)
        XCTAssertEqual(tally.unknown, 0)
    }

    func testDeadlineComesFromThePipeline() throws {
        let month = TestSupport.exactPipeline(attributes: ["sex: [sex]"],
                                              sections: "input:\n  time_zone: Asia/Shanghai\nchecks:\n  AP-03: {deadline_days: 30}")
        let row = "D1,E1,dismissal,adverse,yes,2027-01-02 10:00,2027-01-04 10:00,,,female\n"
        XCTAssertEqual(try ap03(row, asOf: "2027-02-03", pipeline: month).0.violations, 0)
        XCTAssertEqual(try ap03(row, asOf: "2027-02-04", pipeline: month).0.violations, 1)
        XCTAssertThrowsError(try TestSupport.pipeline(TestSupport.exactPipeline(attributes: ["sex: [sex]"],
                                                                                sections: "checks:\n  AP-03: {deadline_days: -1}")))
    }

    func testOutsideTheApplicableSetIsNotJudged() throws {
        let rows = "D1,E1,dismissal,adverse,yes,2027-01-02 10:00,,,,female\n"      // no contest filed
            + "D2,E2,dismissal,favorable,yes,2027-01-02 10:00,2027-01-04 10:00,,,female\n"
            + "D3,E3,scheduling,adverse,yes,2027-01-02 10:00,2027-01-04 10:00,,,female\n"
            + "D4,E4,dismissal,adverse,no,2027-01-02 10:00,2027-01-04 10:00,,,female\n"
        let (tally, findings, _) = try ap03(rows, asOf: "2027-06-01")
        XCTAssertEqual(tally.applicable, 0)
        XCTAssertTrue(findings.isEmpty)
    }

    func testDecisionBeforeEveryCitedRuleAppliedIsNotJudged() throws {
        // GDPR applies from 2018-05-25, the Platform Work Directive from 2026-12-02.
        let (tally, findings, _) = try ap03("D1,E1,dismissal,adverse,yes,2017-06-01 10:00,2017-06-02 10:00,,,female\n", asOf: "2018-01-01")
        XCTAssertEqual(tally.applicable, 0)
        XCTAssertTrue(findings.isEmpty)
    }

    func testLegalBasisCitesOnlyRulesInForceOnTheDecisionDate() throws {
        let rows = "D1,E1,dismissal,adverse,yes,2025-03-01 10:00,2025-03-03 10:00,,,female\n"
            + "D2,E2,dismissal,adverse,yes,2027-03-01 10:00,2027-03-03 10:00,,,female\n"
        let (tally, findings, _) = try ap03(rows, asOf: "2027-12-31")
        XCTAssertEqual(tally.violations, 2)
        XCTAssertEqual(findings.first { $0.decisionID == "D1" }?.legalBasis, "GDPR Art. 12(3); GDPR Art. 22(3); PIPL Art. 50")
        XCTAssertEqual(findings.first { $0.decisionID == "D2" }?.legalBasis,
                       "Platform Work Directive (EU) 2024/2831 Art. 11(2); GDPR Art. 12(3); GDPR Art. 22(3); PIPL Art. 50")
    }

    func testDescriptorNamesBothDeadlines() {
        let descriptor = AppealUnansweredPastDeadline.descriptor
        XCTAssertTrue(descriptor.notRecordedIsViolation)
        XCTAssertEqual(descriptor.legalBasis.map(\.instrument), ["PWD", "GDPR", "GDPR", "PIPL"])
        XCTAssertTrue(descriptor.caveat(.en)?.contains("one month") ?? false)
        XCTAssertTrue(descriptor.caveat(.zh)?.contains("两周") ?? false)
        XCTAssertEqual(CheckRegistry.entry("AP-03")?.parameters.map(\.name), ["deadline_days"])
    }
}
