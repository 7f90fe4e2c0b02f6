import XCTest
@testable import AdmAudit

/// EX-01 on tiny inline exports: explanation refused, given, not recorded, out of scope,
/// and citations narrowed to the rules in force on the decision date.
final class ExplanationMissingTests: XCTestCase {
    private let header = "decision_id,employee_id,decision_type,outcome,automated,explanation_given,decided_at,sex\n"

    private func ex01(_ rows: String, pipeline: String = TestSupport.plainPipeline) throws -> (CheckTally, [WordedFinding]) {
        let (result, sink) = try TestSupport.audit(csv: header + rows, pipeline: pipeline)
        let tally = try XCTUnwrap(result.checks.first { $0.descriptor.id == "EX-01" })
        return (tally, sink.findings.filter { $0.checkID == "EX-01" })
    }

    private func jurisdictions(_ list: String) -> String {
        TestSupport.plainPipeline + "\nchecks:\n  jurisdictions: [\(list)]\n"
    }

    func testNoExplanationIsAViolation() throws {
        let (tally, findings) = try ex01("D1,E1,dismissal,adverse,yes,no,2025-03-01,female\n")
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(tally.violations, 1)
        XCTAssertEqual(tally.notRecorded, 0)
        XCTAssertEqual(findings.first?.severity, .error)
        XCTAssertEqual(findings.first?.detail, "explanation_given=no for an adverse dismissal decision")
    }

    func testExplanationGivenIsCompliant() throws {
        let (tally, findings) = try ex01("D1,E1,suspension,adverse,yes,yes,2025-03-01,female\n")
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(tally.violations, 0)
        XCTAssertTrue(findings.isEmpty)
    }

    func testNotRecordedCountsAsViolationAndSaysSo() throws {
        let (tally, findings) = try ex01("D1,E1,pay,adverse,yes,,2025-03-01,male\n")
        XCTAssertEqual(tally.violations, 1)
        XCTAssertEqual(tally.notRecorded, 1)
        XCTAssertEqual(findings.first?.notRecorded, true)
        XCTAssertEqual(findings.first?.detail, "explanation_given empty for an adverse pay decision")
        XCTAssertTrue(ExplanationMissing.descriptor.notRecordedIsViolation)
    }

    func testOutsideTheSignificantAdverseAutomatedSetIsNotApplicable() throws {
        let rows = "D1,E1,dismissal,favorable,yes,no,2025-03-01,female\n"
            + "D2,E2,task_allocation,adverse,yes,no,2025-03-01,female\n"
            + "D3,E3,dismissal,adverse,no,no,2025-03-01,female\n"
        let (tally, findings) = try ex01(rows)
        XCTAssertEqual(tally.applicable, 0)
        XCTAssertTrue(findings.isEmpty)
    }

    func testFirstDayOfTheRuleIsJudgedAndTheDayBeforeIsNot() throws {
        // EU only: GDPR applies from 2018-05-25; PWD and the AI Act later.
        let rows = "D1,E1,dismissal,adverse,yes,no,2018-05-24 23:59,female\n"
            + "D2,E2,dismissal,adverse,yes,no,2018-05-25 00:00,female\n"
        let (tally, findings) = try ex01(rows, pipeline: jurisdictions("EU"))
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(findings.map(\.decisionID), ["D2"])
        XCTAssertEqual(findings.first?.legalBasis, "GDPR Art. 13(2)(f); GDPR Art. 14(2)(g); GDPR Art. 15(1)(h)")
    }

    func testAIActArticle86IsCitedFromItsDate() throws {
        let rows = "D1,E1,dismissal,adverse,yes,no,2026-08-01,female\nD2,E2,dismissal,adverse,yes,no,2026-08-02,female\n"
        let (_, findings) = try ex01(rows, pipeline: jurisdictions("EU"))
        XCTAssertEqual(findings.count, 2)
        XCTAssertFalse(findings[0].legalBasis.contains("AI Act"))
        XCTAssertTrue(findings[1].legalBasis.hasSuffix("AI Act (EU) 2024/1689 Art. 86"))
        XCTAssertNotNil(ExplanationMissing.descriptor.caveat(.en))
        XCTAssertNotNil(ExplanationMissing.descriptor.caveat(.zh))
    }

    func testChineseCitationsForAChineseRecord() throws {
        let header = "decision_id,employee_id,decision_type,outcome,automated,explanation_given,decided_at,jurisdiction,sex\n"
        let (_, sink) = try TestSupport.audit(csv: header + "D1,E1,dismissal,adverse,yes,no,2025-03-01,CN,female\n")
        XCTAssertEqual(sink.findings.first { $0.checkID == "EX-01" }?.legalBasis, "PIPL Art. 24(3); PIPL Art. 48")
    }
}
