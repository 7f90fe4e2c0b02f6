import XCTest
@testable import AdmAudit

/// AP-01 on tiny inline exports: route refused, offered, shown by a filed appeal, not
/// recorded, out of scope, and judged only where its EU bases apply.
final class AppealRouteMissingTests: XCTestCase {
    private let header = "decision_id,employee_id,decision_type,outcome,automated,appeal_offered,appeal_filed_at,decided_at,jurisdiction,sex\n"

    private func ap01(_ rows: String, pipeline: String = TestSupport.plainPipeline) throws -> (CheckTally, [WordedFinding]) {
        let (result, sink) = try TestSupport.audit(csv: header + rows, pipeline: pipeline)
        let tally = try XCTUnwrap(result.checks.first { $0.descriptor.id == "AP-01" })
        return (tally, sink.findings.filter { $0.checkID == "AP-01" })
    }

    func testNoRouteOfferedIsAViolation() throws {
        let (tally, findings) = try ap01("D1,E1,dismissal,adverse,yes,no,,2025-03-01,,female\n")
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(tally.violations, 1)
        XCTAssertEqual(tally.notRecorded, 0)
        XCTAssertEqual(findings.first?.severity, .error)
        XCTAssertEqual(findings.first?.detail, "appeal_offered=no for an adverse dismissal decision")
        XCTAssertEqual(findings.first?.legalBasis, "GDPR Art. 22(3); PIPL Art. 50")
    }

    func testRouteOfferedIsCompliant() throws {
        let (tally, findings) = try ap01("D1,E1,dismissal,adverse,yes,yes,,2025-03-01,,female\n")
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(tally.violations, 0)
        XCTAssertTrue(findings.isEmpty)
    }

    func testFiledAppealShowsARouteWhenTheFlagIsEmpty() throws {
        let (tally, findings) = try ap01("D1,E1,demotion,adverse,yes,,2025-03-03,2025-03-01,,female\n")
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(tally.violations, 0)
        XCTAssertTrue(findings.isEmpty)
    }

    func testExplicitNoStandsEvenWhenAnAppealWasFiled() throws {
        let (_, findings) = try ap01("D1,E1,demotion,adverse,yes,no,2025-03-03 08:00,2025-03-01,,female\n")
        XCTAssertEqual(findings.first?.detail,
                       "appeal_offered=no for an adverse demotion decision (an appeal was nevertheless filed at 2025-03-03 08:00+00:00)")
    }

    func testNothingRecordedCountsAsViolationAndSaysSo() throws {
        let (tally, findings) = try ap01("D1,E1,hiring,adverse,yes,,,2025-03-01,,female\n")
        XCTAssertEqual(tally.violations, 1)
        XCTAssertEqual(tally.notRecorded, 1)
        XCTAssertEqual(findings.first?.notRecorded, true)
        XCTAssertEqual(findings.first?.detail, "appeal_offered empty and appeal_filed_at empty for an adverse hiring decision")
    }

    func testNotApplicableIsNotRecordedAndSaysWhatTheExportWrote() throws {
        let (tally, findings) = try ap01("D1,E1,hiring,adverse,yes,N/A,,2025-03-01,,female\n")
        XCTAssertEqual(tally.notRecorded, 1, "N/A on an applicable decision: the employer has not shown a route was offered")
        XCTAssertEqual(findings.first?.detail, "appeal_offered marked not applicable (N/A) and appeal_filed_at empty for an adverse hiring decision")
    }

    func testOutsideTheSignificantAdverseAutomatedSetIsNotApplicable() throws {
        let rows = "D1,E1,dismissal,favorable,yes,no,,2025-03-01,,female\n"
            + "D2,E2,scheduling,adverse,yes,no,,2025-03-01,,female\n"
            + "D3,E3,dismissal,adverse,no,no,,2025-03-01,,female\n"
        let (tally, _) = try ap01(rows)
        XCTAssertEqual(tally.applicable, 0)
    }

    func testOnlyJudgedWhereABasisApplies() throws {
        // GDPR from 2018-05-25 (PIPL only from 2021-11-01); a Chinese record is judged under
        // the reading of PIPL Art. 50 alone.
        let rows = "D1,E1,dismissal,adverse,yes,no,,2018-05-24,,female\n"
            + "D2,E2,dismissal,adverse,yes,no,,2018-05-25,,female\n"
            + "D3,E3,dismissal,adverse,yes,no,,2025-03-01,CN,female\n"
            + "D4,E4,dismissal,adverse,yes,no,,2025-03-01,EU,female\n"
        let (tally, findings) = try ap01(rows)
        XCTAssertEqual(tally.applicable, 3)
        XCTAssertEqual(findings.map(\.decisionID), ["D2", "D3", "D4"])
        XCTAssertEqual(findings.map(\.legalBasis), ["GDPR Art. 22(3)", "PIPL Art. 50", "GDPR Art. 22(3)"])
    }
}
