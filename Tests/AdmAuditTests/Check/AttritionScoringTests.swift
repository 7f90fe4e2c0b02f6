import XCTest
@testable import AdmAudit

/// DM-03 on tiny inline exports. Decisions are dated 2025-03-07; the only citation,
/// PIPL 6, applies from 2021-11-01, and CheckRunner skips decisions dated before it.
final class AttritionScoringTests: XCTestCase {
    private let header = "decision_id,employee_id,decision_type,outcome,automated,decided_at,data_categories,reason_codes,protected_status,union_notified,sex\n"

    private func row(_ id: String, type: String = "performance_rating", outcome: String = "adverse", date: String = "2025-03-07",
                     categories: String = "", reasons: String = "") -> String {
        "\(id),E-\(id),\(type),\(outcome),yes,\(date),\(categories),\(reasons),,,male\n"
    }

    private func dm03(_ rows: String, pipeline: String = TestSupport.plainPipeline) throws -> (CheckTally, [WordedFinding]) {
        let (result, sink) = try TestSupport.audit(csv: header + rows, pipeline: pipeline)
        XCTAssertTrue(sink.rejects.isEmpty, "\(sink.rejects)")
        let tally = try XCTUnwrap(result.checks.first { $0.descriptor.id == "DM-03" })
        return (tally, sink.findings.filter { $0.checkID == "DM-03" })
    }

    func testAttritionRiskDecisionIsFlaggedWhateverItRecords() throws {
        let rows = row("D1", type: "attrition_risk", outcome: "adverse") + row("D2", type: "离职倾向", outcome: "favorable")
        let (tally, findings) = try dm03(rows)
        XCTAssertEqual(tally.applicable, 2)
        XCTAssertEqual(tally.violations, 2)
        XCTAssertEqual(tally.unknown, 0)
        XCTAssertEqual(findings.first?.severity, .info)
        XCTAssertEqual(findings.first?.detail, "decision_type=attrition_risk: the system scores the worker's propensity to resign")
    }

    func testIndicatorInDataCategoriesOrReasonCodesIsFlagged() throws {
        let rows = row("D1", categories: "output;job_site_visits") + row("D2", reasons: "flight_risk")
            + row("D3", categories: "求职网站", reasons: "离职风险")
        let (tally, findings) = try dm03(rows)
        XCTAssertEqual(tally.violations, 3)
        XCTAssertEqual(findings.map(\.detail), [
            "attrition scoring shown by data_categories [job_site_visits]",
            "attrition scoring shown by reason_codes [flight_risk]",
            "attrition scoring shown by data_categories [求职网站]; reason_codes [离职风险]",
        ])
    }

    func testOtherDataIsCompliant() throws {
        let (tally, findings) = try dm03(row("D1", categories: "attendance", reasons: "rate_shortfall"))
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(tally.violations, 0)
        XCTAssertTrue(findings.isEmpty)
    }

    func testChineseSeparatorsCaseAndSpaces() throws {
        let rows = row("D1", categories: "考勤、 求职网站 ") + row("D2", reasons: "产出；Flight_Risk") + row("D3", categories: " ATTRITION | output")
        let (tally, findings) = try dm03(rows)
        XCTAssertEqual(tally.violations, 3)
        XCTAssertEqual(findings.map(\.detail), [
            "attrition scoring shown by data_categories [求职网站]",
            "attrition scoring shown by reason_codes [Flight_Risk]",
            "attrition scoring shown by data_categories [ATTRITION]",
        ])
    }

    func testPipelineVocabularyReplacesTheDefaults() throws {
        let pipeline = TestSupport.plainPipeline + "\nchecks:\n  DM-03:\n    indicators: {replace: true, linkedin_activity: [linkedin_activity, 领英动态]}\n"
        let rows = row("D1", categories: "领英动态") + row("D2", categories: "job_site_visits") + row("D3", type: "attrition_risk")
        let (_, findings) = try dm03(rows, pipeline: pipeline)
        // The decision type still shows the practice; the replaced vocabulary drops job_site_visits.
        XCTAssertEqual(findings.map(\.decisionID), ["D1", "D3"])
    }

    func testNothingRecordedIsUnknown() throws {
        let (tally, findings) = try dm03(row("D1") + row("D2", categories: "；", reasons: " "))
        XCTAssertEqual(tally.applicable, 2)
        XCTAssertEqual(tally.unknown, 2)
        XCTAssertEqual(tally.violations, 0)
        XCTAssertTrue(findings.isEmpty)
    }

    func testDecisionBeforePIPLIsSkipped() throws {
        let rows = row("D1", type: "attrition_risk", date: "2021-10-31") + row("D2", type: "attrition_risk", date: "2021-11-01")
        let (tally, findings) = try dm03(rows)
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(findings.map(\.decisionID), ["D2"])
        XCTAssertEqual(findings.first?.legalBasis, "PIPL Art. 6")
    }

    func testDescriptorCarriesThePolicyCaveat() {
        let descriptor = AttritionScoring.descriptor
        XCTAssertEqual(descriptor.severity, .info)
        XCTAssertNotNil(descriptor.caveat(.en))
        XCTAssertNotNil(descriptor.caveat(.zh))
        XCTAssertEqual(descriptor.legalBasis.map(\.isPolicy), [true])
    }
}
