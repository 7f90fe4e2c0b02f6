import Foundation
import XCTest
@testable import AdmAudit

/// `--fail-on` counts rejected rows that may be decisions at the severest record check.
final class FailOnVerdictTests: XCTestCase {
    private let header = "decision_id,employee_id,decision_type,outcome,decided_at,human_reviewed,explanation_given,appeal_offered,sex\n"
    private let compliant = "D1,E1,hiring,favorable,2025-03-03 10:00,yes,yes,yes,female\n"

    private func verdict(_ rows: String, sections: String = "") throws -> FailOnVerdict {
        let yaml = TestSupport.exactPipeline(attributes: ["sex: [sex]"], sections: sections)
        return FailOnVerdict(try TestSupport.audit(csv: header + compliant + rows, pipeline: yaml).0)
    }

    func testRejectedDecisionsCountAtTheSeverestRecordCheck() throws {
        let rejected = (2...5).map { "D\($0),E\($0),dismissal,adverse,2025-13-45,no,no,no,male\n" }.joined()
        let verdict = try verdict(rejected)
        // The accepted row is compliant with every error-severity check.
        XCTAssertLessThan(try XCTUnwrap(verdict.worstFinding), .error)
        XCTAssertEqual(verdict.rejectedDecisions, 4)
        XCTAssertEqual(verdict.rejectedSeverity, .error)
        XCTAssertTrue(verdict.fails(at: .error))
        XCTAssertTrue(verdict.failsOnlyForRejects(at: .error))
        let reason = try XCTUnwrap(verdict.rejectsReason(at: .error, language: .en))
        XCTAssertTrue(reason.contains("4 rejected row(s)"), reason)
        XCTAssertNotNil(verdict.rejectsReason(at: .error, language: .zh))
    }

    func testTotalsRowsAndACleanExportDoNotFail() throws {
        let totals = try verdict("Total,,,,,,,,\n")
        XCTAssertEqual(totals.rejectedDecisions, 0)
        XCTAssertNil(totals.rejectedSeverity)
        XCTAssertFalse(totals.fails(at: .error))
        XCTAssertNil(totals.rejectsReason(at: .info, language: .en))
    }

    func testTheSeverityFollowsThePipeline() throws {
        // Every record check at warning: the rejected rows count as warnings.
        let ids = CheckRegistry.recordChecks.map { $0.descriptor.id }
        let checks = "checks:\n" + ids.map { "  \($0): {severity: warning}" }.joined(separator: "\n")
        let verdict = try verdict("D2,E2,dismissal,adverse,2025-13-45,no,no,no,male\n", sections: checks)
        XCTAssertEqual(verdict.rejectedSeverity, .warning)
        XCTAssertFalse(verdict.fails(at: .error))
        XCTAssertTrue(verdict.fails(at: .warning))
    }
}
