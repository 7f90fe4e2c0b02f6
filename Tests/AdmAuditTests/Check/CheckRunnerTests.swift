import XCTest
@testable import AdmAudit

/// Rules in force: a decision is judged only by citations that applied on its date and
/// in its jurisdiction, and findings cite exactly those.
final class CheckRunnerTests: XCTestCase {
    private let header = "decision_id,decision_type,outcome,automated,human_reviewed,decided_at,jurisdiction,sex\n"

    private func hr01(_ rows: String, jurisdictions: String) throws -> (CheckTally, [WordedFinding]) {
        let pipeline = TestSupport.exactPipeline(attributes: ["sex: [sex]"], sections: "checks:\n  jurisdictions: \(jurisdictions)")
        let (result, sink) = try TestSupport.audit(csv: header + rows, pipeline: pipeline)
        let tally = try XCTUnwrap(result.checks.first { $0.descriptor.id == "HR-01" })
        return (tally, sink.findings.filter { $0.checkID == "HR-01" })
    }

    func testADecisionBeforeEveryCitedRuleAppliedIsNotJudged() throws {
        let (tally, findings) = try hr01("D1,dismissal,adverse,yes,no,2017-05-01,,f\n", jurisdictions: "[EU]")
        XCTAssertEqual(tally.applicable, 0)
        XCTAssertTrue(findings.isEmpty)
    }

    func testFindingsCiteOnlyTheRulesInForceOnTheDecisionDate() throws {
        let rows = "D1,dismissal,adverse,yes,no,2025-05-01,,f\nD2,dismissal,adverse,yes,no,2027-01-04,,f\n"
        let (tally, findings) = try hr01(rows, jurisdictions: "[EU]")
        XCTAssertEqual(tally.violations, 2)
        XCTAssertEqual(findings.map(\.legalBasis), [
            "GDPR Art. 22",
            "GDPR Art. 22; Platform Work Directive (EU) 2024/2831 Art. 10",
        ])
    }

    func testTheRecordsOwnJurisdictionNarrowsTheCitations() throws {
        let rows = "D1,dismissal,adverse,yes,no,2025-05-01,CN,f\nD2,dismissal,adverse,yes,no,2025-05-01,eu,f\nD3,dismissal,adverse,yes,no,2025-05-01,US-NYC,f\n"
        let (tally, findings) = try hr01(rows, jurisdictions: "[CN, EU, US-NYC]")
        XCTAssertEqual(tally.applicable, 2, "HR-01 cites no US rule, so D3 is not judged by it")
        XCTAssertEqual(findings.map(\.decisionID), ["D1", "D2"])
        XCTAssertEqual(findings.map(\.legalBasis), ["PIPL Art. 24", "GDPR Art. 22"])
    }

    func testAPartOfAJurisdictionIsCoveredByTheWhole() {
        XCTAssertTrue(CheckRunner.covers("US", "US-NYC"))
        XCTAssertTrue(CheckRunner.covers("US-NYC", "US-NYC"))
        XCTAssertFalse(CheckRunner.covers("US-NYC", "US"))
        XCTAssertFalse(CheckRunner.covers("EU", "EUR"))
    }

    func testUnknownVerdictsKeepTheirReasons() throws {
        // HR-02 cannot judge a review without the times it compares.
        let csv = "decision_id,decision_type,outcome,automated,human_reviewed,reviewer_id,sex\nD1,dismissal,adverse,yes,yes,R1,f\nD2,dismissal,adverse,yes,yes,R1,f\n"
        let (result, _) = try TestSupport.audit(csv: csv)
        let hr02 = try XCTUnwrap(result.checks.first { $0.descriptor.id == "HR-02" })
        XCTAssertEqual(hr02.unknown, 2)
        XCTAssertEqual(hr02.unknownReasons.values.reduce(0, +), 2)
        XCTAssertEqual(hr02.unknownReasons.count, 1)
    }

    func testAbsentColumnsAreNamedOnce() throws {
        let (result, _) = try TestSupport.audit(csv: "decision_id,decision_type,outcome,sex\nD1,hiring,favorable,f\n")
        let note = try XCTUnwrap(result.diagnostics.first { $0.message(.en).hasPrefix("no column for") })
        XCTAssertEqual(note.level, .note)
        XCTAssertTrue(note.message(.en).contains("explanation_given"))
        XCTAssertFalse(note.message(.en).contains("decision_id"))
    }

    func testAnNYCOnlyAuditAppliesTheTenDayNoticeToRecordsWithoutAJurisdiction() throws {
        let csv = "decision_id,decision_type,outcome,automated,decided_at,ai_notice_at,sex\nD1,hiring,favorable,yes,2025-03-17 10:00,2025-03-10 10:00,f\n"
        let nyc = TestSupport.exactPipeline(attributes: ["sex: [sex]"], sections: "checks:\n  jurisdictions: [US-NYC]")
        let (result, sink) = try TestSupport.audit(csv: csv, pipeline: nyc)
        XCTAssertEqual(result.checks.first { $0.descriptor.id == "NT-01" }?.violations, 1)
        XCTAssertTrue(sink.findings.first { $0.checkID == "NT-01" }?.detail.contains("US-NYC requires 10") ?? false)
        let (general, _) = try TestSupport.audit(csv: csv)
        XCTAssertEqual(general.checks.first { $0.descriptor.id == "NT-01" }?.violations, 0)
    }

    func testEULawCoversMemberStates() {
        XCTAssertTrue(CheckRunner.covers("EU", "FR"))
        XCTAssertTrue(CheckRunner.covers("EU", "DE"))
        XCTAssertFalse(CheckRunner.covers("EU", "CN"))
    }

    func testParametersThatContradictEachOtherAreAPipelineError() {
        let pipeline = TestSupport.exactPipeline(attributes: ["sex: [sex]"], sections: "checks:\n  DC-01: {work_start: \"18:00\", work_end: \"09:00\"}")
        XCTAssertThrowsError(try TestSupport.pipeline(pipeline)) { error in
            let error = error as! AuditError
            XCTAssertEqual(error.kind, .pipeline)
            XCTAssertTrue(error.message.hasPrefix("checks.DC-01: work_start"), error.message)
            XCTAssertNotNil(error.line)
        }
    }

    /// Holding a record too long is judged on the as-of date, so an old decision is judged
    /// by the rules in force when the audit looks, not when it was made.
    func testRetentionIsJudgedByTheRulesInForceOnTheAsOfDate() throws {
        let csv = "decision_id,decision_type,outcome,decided_at,sex\nD1,hiring,favorable,2017-03-01,f\n"
        let pipeline = try TestSupport.pipeline(TestSupport.exactPipeline(attributes: ["sex: [sex]"], sections: "checks:\n  jurisdictions: [CN]"))
        let (result, sink) = try TestSupport.audit([TestSupport.temporaryFile(csv)], pipeline: pipeline, asOf: AsOfDate("2025-06-30"))
        XCTAssertEqual(result.checks.first { $0.descriptor.id == "DM-02" }?.violations, 1)
        XCTAssertEqual(sink.findings.first { $0.checkID == "DM-02" }?.legalBasis, "PIPL Art. 19")
    }
}
