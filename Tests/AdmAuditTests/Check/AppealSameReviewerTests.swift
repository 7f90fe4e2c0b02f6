import XCTest
@testable import AdmAudit

/// AP-05 on tiny inline exports: the original reviewer deciding the contest, a different
/// person, ids that differ only in case, the appeal decider not recorded, and out of scope.
final class AppealSameReviewerTests: XCTestCase {
    private let header = "decision_id,employee_id,decision_type,outcome,automated,reviewer_id,appeal_filed_at,appeal_reviewer,appeal_reviewer_id,decided_at,sex\n"

    private func ap05(_ rows: String, pipeline: String = TestSupport.plainPipeline) throws -> (CheckTally, [WordedFinding]) {
        let (result, sink) = try TestSupport.audit(csv: header + rows, pipeline: pipeline)
        let tally = try XCTUnwrap(result.checks.first { $0.descriptor.id == "AP-05" })
        return (tally, sink.findings.filter { $0.checkID == "AP-05" })
    }

    func testOriginalReviewerDecidingTheContestIsFlagged() throws {
        let (tally, findings) = try ap05("D1,E1,dismissal,adverse,yes,R1,2025-03-03,human,R1,2025-03-01,female\n")
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(tally.violations, 1)
        XCTAssertEqual(tally.notRecorded, 0)
        XCTAssertEqual(findings.first?.severity, .info)
        XCTAssertEqual(findings.first?.detail, "appeal_reviewer_id R1 is also the reviewer_id of the original adverse dismissal decision")
        XCTAssertEqual(findings.first?.legalBasis, "GDPR Art. 22(3); PIPL Art. 24")
    }

    func testAnotherPersonDecidingTheContestIsCompliant() throws {
        let (tally, findings) = try ap05("D1,E1,dismissal,adverse,yes,R1,2025-03-03,human,R2,2025-03-01,female\n")
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(tally.violations, 0)
        XCTAssertTrue(findings.isEmpty)
    }

    func testIdsMatchAfterTrimmingAndCaseFoldingOnly() throws {
        let rows = "D1,E1,pay,adverse,yes,R1,2025-03-03,human,\" r1 \",2025-03-01,female\n"
            + "D2,E2,pay,adverse,yes,R1,2025-03-03,human,R10,2025-03-01,female\n"
        let (tally, findings) = try ap05(rows)
        XCTAssertEqual(tally.applicable, 2)
        XCTAssertEqual(findings.map(\.decisionID), ["D1"])
    }

    func testNamedAppealDeciderShowsAHumanWhenTheReviewerKindIsEmpty() throws {
        let (tally, findings) = try ap05("D1,E1,dismissal,adverse,yes,R1,2025-03-03,,R1,2025-03-01,female\n")
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(findings.map(\.decisionID), ["D1"])
    }

    func testAppealDeciderNotRecordedIsUnknownNotAViolation() throws {
        let (tally, findings) = try ap05("D1,E1,dismissal,adverse,yes,R1,2025-03-03,human,,2025-03-01,female\n")
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(tally.unknown, 1)
        XCTAssertEqual(tally.violations, 0)
        XCTAssertTrue(findings.isEmpty)
        var record = CheckRecordFixture.adverseAutomated()
        record.appealFiledAt = 1_740_000_000
        record.appealReviewer = .human
        "R1".utf8CString.withUnsafeBytes { bytes in
            record.reviewerID = FieldBytes(bytes: UnsafeRawBufferPointer(rebasing: bytes.dropLast()), isMissing: false)
            XCTAssertEqual(AppealSameReviewer().evaluate(record, context: CheckRecordFixture.context),
                           .unknown(.appealReviewerIDNotRecorded))
        }
    }

    func testOutsideItsScopeIsNotApplicable() throws {
        let rows = "D1,E1,dismissal,adverse,yes,R1,2025-03-03,automated,R1,2025-03-01,female\n"  // software: AP-02's
            + "D2,E2,dismissal,adverse,yes,,2025-03-03,human,R1,2025-03-01,female\n"  // no original reviewer
            + "D3,E3,dismissal,adverse,yes,R1,,human,R1,2025-03-01,female\n"  // no contest filed
            + "D4,E4,dismissal,favorable,yes,R1,2025-03-03,human,R1,2025-03-01,female\n"
            + "D5,E5,dismissal,adverse,yes,R1,2025-03-03,,,2025-03-01,female\n"  // nothing shows a person decided
        let (tally, findings) = try ap05(rows)
        XCTAssertEqual(tally.applicable, 0)
        XCTAssertTrue(findings.isEmpty)
    }

    func testDescriptorMarksGoodPractice() {
        let descriptor = AppealSameReviewer.descriptor
        XCTAssertEqual(descriptor.severity, .info)
        XCTAssertTrue(descriptor.legalBasis.allSatisfy(\.isPolicy))
        XCTAssertTrue(descriptor.caveat(.en)?.contains("Good practice") ?? false)
        XCTAssertNotNil(descriptor.caveat(.zh))
        XCTAssertFalse(descriptor.notRecordedIsViolation)
    }

    func testDecisionBeforeAnyCitedRuleAppliedIsNotJudged() throws {
        // GDPR applies from 2018-05-25 (PWD later); AP-05 has no CN basis.
        let rows = "D1,E1,dismissal,adverse,yes,R1,2018-06-01,human,R1,2018-05-24,female\n"
            + "D2,E2,dismissal,adverse,yes,R1,2018-06-01,human,R1,2018-05-25,female\n"
        let (tally, findings) = try ap05(rows)
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(findings.map(\.decisionID), ["D2"])
    }
}
