import XCTest
@testable import AdmAudit

/// DQ-01 (time order), DQ-02 (missing attributes), DQ-03 (score range), DQ-04 (place unknown).
final class DataQualityTests: XCTestCase {
    private func tally(_ id: String, _ result: AuditResult) throws -> CheckTally {
        try XCTUnwrap(result.checks.first { $0.descriptor.id == id })
    }

    func testReviewBeforeTheDecisionIsImpossible() throws {
        let csv = """
        decision_id,decision_type,outcome,decided_at,reviewed_at,appeal_filed_at,appeal_responded_at,sex
        D1,dismissal,adverse,2025-03-07 10:00,2025-03-07 09:59,,,f
        D2,dismissal,adverse,2025-03-07 10:00,2025-03-07 10:00,,,f
        D3,dismissal,adverse,2025-03-07 10:00,,2025-03-08,2025-03-07 23:00,f
        D4,dismissal,adverse,,,,,f

        """
        let (result, sink) = try TestSupport.audit(csv: csv)
        let dq01 = try tally("DQ-01", result)
        XCTAssertEqual(dq01.applicable, 3)
        XCTAssertEqual(dq01.violations, 2)
        let findings = sink.findings.filter { $0.checkID == "DQ-01" }
        XCTAssertEqual(findings.map(\.decisionID), ["D1", "D3"])
        XCTAssertEqual(findings.first?.detail, "reviewed_at 2025-03-07 09:59+00:00 is before decided_at 2025-03-07 10:00+00:00")
        XCTAssertTrue(findings.last?.detail.contains("appeal_responded_at") ?? false)
        XCTAssertEqual(findings.first?.legalBasis, "")
    }

    /// A date alone says the day, not the time: a review dated the day of a decision made at
    /// 14:30 is not before it (an export of date-only reviews had every one flagged); a day
    /// before still is.
    func testADateAloneIsComparedByDay() throws {
        let csv = """
        decision_id,decision_type,outcome,decided_at,reviewed_at,appeal_filed_at,appeal_responded_at,sex
        D1,dismissal,adverse,2025-03-07 14:30,2025-03-07,,,f
        D2,dismissal,adverse,2025-03-07 14:30,2025-03-06,,,f
        D3,dismissal,adverse,2025-03-07,2025-03-07 09:00,2025年3月8日,2025-03-08 08:00,f
        D4,dismissal,adverse,2025-03-07 14:30,2025-03-07 14:29,,,f

        """
        let (result, sink) = try TestSupport.audit(csv: csv)
        XCTAssertEqual(try tally("DQ-01", result).applicable, 4)
        XCTAssertEqual(sink.findings.filter { $0.checkID == "DQ-01" }.map(\.decisionID), ["D2", "D4"])
    }

    func testAttributeMissingAboveTheShareIsFlaggedPerType() throws {
        var csv = "decision_id,decision_type,outcome,sex\n"
        for i in 0..<20 { csv += "H\(i),hiring,favorable,\(i < 2 ? "" : "f")\n" }     // 10 % unknown
        for i in 0..<20 { csv += "P\(i),promotion,favorable,\(i < 1 ? "未知" : "m")\n" } // 5 % unknown: not above
        let (result, sink) = try TestSupport.audit(csv: csv)
        let dq02 = try tally("DQ-02", result)
        XCTAssertEqual(dq02.applicable, 2)
        XCTAssertEqual(dq02.violations, 1)
        XCTAssertEqual(sink.findings.filter { $0.checkID == "DQ-02" }.map(\.subject), ["hiring / sex"])
        XCTAssertEqual(sink.findings.first { $0.checkID == "DQ-02" }?.detail, "sex unknown for 2 of 20 hiring decisions (10.0%), above 5%")
    }

    func testScoreRangeIsCheckedOnlyWhenDeclared() throws {
        let csv = "decision_id,decision_type,outcome,score,sex\nD1,hiring,favorable,0.5,f\nD2,hiring,favorable,1.5,f\nD3,hiring,favorable,,f\nD4,hiring,favorable,1,f\n"
        let (undeclared, _) = try TestSupport.audit(csv: csv)
        XCTAssertEqual(try tally("DQ-03", undeclared).applicable, 0)
        let pipeline = TestSupport.exactPipeline(attributes: ["sex: [sex]"], sections: "checks:\n  DQ-03: {range: [0, 1]}")
        let (declared, sink) = try TestSupport.audit(csv: csv, pipeline: pipeline)
        XCTAssertEqual(try tally("DQ-03", declared).applicable, 3)
        XCTAssertEqual(sink.findings.filter { $0.checkID == "DQ-03" }.map(\.decisionID), ["D2"])
    }

    /// An infinite bound would reach a finding, and a state file holds no infinity (a run with
    /// `--save-state` trapped): only numbers are bounds.
    func testAnInfiniteBoundIsAPipelineError() {
        for range in ["[0.9, inf]", "[-inf, 1]", "[0, nan]", "[0, 1e999]"] {
            let pipeline = TestSupport.exactPipeline(attributes: ["sex: [sex]"], sections: "checks:\n  DQ-03: {range: \(range)}")
            XCTAssertThrowsError(try TestSupport.pipeline(pipeline), range) { error in
                XCTAssertTrue((error as! AuditError).message.contains("checks.DQ-03.range"), "\(error)")
            }
        }
    }

    func testABadRangeIsAPipelineError() {
        let pipeline = TestSupport.exactPipeline(attributes: ["sex: [sex]"], sections: "checks:\n  DQ-03: {range: [1, 0]}")
        XCTAssertThrowsError(try TestSupport.pipeline(pipeline)) { error in
            XCTAssertTrue((error as! AuditError).message.contains("checks.DQ-03.range"))
        }
    }

    func testChecksAreReportedInCatalogueOrder() throws {
        let (result, _) = try TestSupport.audit(csv: "decision_id,decision_type,outcome,sex\nD1,hiring,favorable,f\n")
        let ids = result.checks.map(\.descriptor.id)
        XCTAssertEqual(ids, ids.sorted { CheckRegistry.precedes($0, $1) })
        XCTAssertEqual(ids.first, "HR-01")
        XCTAssertEqual(ids.suffix(4), ["DQ-01", "DQ-02", "DQ-03", "DQ-04"])
    }

    /// A place no one can read is judged as a blank one, by the run's jurisdictions, and
    /// named: misspelling a place takes no decision out of the rules. A known place outside
    /// the audit's jurisdictions stays outside it, and is named too; so is one the pipeline
    /// lists where no check's rule is in force (`GB`), as no law judged it; one it lists and a
    /// rule covers is not. Places of two jurisdictions in one cell are judged as a blank one, and named.
    func testAnUnknownPlaceIsJudgedAsBlankAndNamed() throws {
        let csv = """
        decision_id,decision_type,outcome,decided_at,automated,human_reviewed,jurisdiction,sex
        D1,dismissal,adverse,2025-03-07,yes,no,CN,f
        D2,dismissal,adverse,2025-03-07,yes,no,"上""海",f
        D3,dismissal,adverse,2025-03-07,yes,no,Atlantis,f
        D4,dismissal,adverse,2025-03-07,yes,no,,f
        D5,dismissal,adverse,2025-03-07,yes,no,Tokyo,f
        D6,dismissal,adverse,2025-03-07,yes,no,巴西,f
        D7,dismissal,adverse,2025-03-07,yes,no,SZ,f
        D8,dismissal,adverse,2025-03-07,yes,no,Paris,f
        D9,dismissal,adverse,2025-03-07,yes,no,Glasgow,f
        D10,dismissal,adverse,2025-03-07,yes,no,Paris / New York,f

        """
        let pipeline = try TestSupport.pipeline(TestSupport.exactPipeline(attributes: ["sex: [sex]"], sections: "checks:\n  jurisdictions: [CN, FR, GB]"))
        let (result, sink) = try TestSupport.audit([TestSupport.temporaryFile(csv)], pipeline: pipeline, asOf: AsOfDate("2025-06-30"))
        XCTAssertEqual(sink.findings.filter { $0.checkID == "HR-01" }.map(\.decisionID), ["D1", "D2", "D3", "D4", "D7", "D10"])
        let dq04 = try tally("DQ-04", result)
        XCTAssertEqual(dq04.applicable, 9)
        let findings = sink.findings.filter { $0.checkID == "DQ-04" }
        XCTAssertEqual(findings.map(\.decisionID), ["D3", "D5", "D6", "D7", "D9", "D10"])
        XCTAssertTrue(findings[5].detail.contains("'Paris / New York' names places in FR and US-NYC"), findings[5].detail)
        XCTAssertTrue(findings[4].detail.contains("'Glasgow' is in GB, where no rule the checks apply is in force"), findings[4].detail)
        XCTAssertTrue(findings[0].detail.contains("'Atlantis' names no country"), findings[0].detail)
        XCTAssertTrue(findings[1].detail.contains("'Tokyo' is in JP, which checks.jurisdictions does not list"), findings[1].detail)
    }
}
