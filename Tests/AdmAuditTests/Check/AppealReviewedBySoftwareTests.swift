import XCTest
@testable import AdmAudit

/// AP-02 on tiny inline exports: contests re-examined by software, by a human, not
/// recorded, still pending, not filed, and before the cited rules applied.
final class AppealReviewedBySoftwareTests: XCTestCase {
    private let header = "decision_id,employee_id,decision_type,outcome,automated,appeal_filed_at,appeal_reviewer,decided_at,sex\n"

    private func ap02(_ rows: String, pipeline: String = TestSupport.plainPipeline) throws -> (CheckTally, [WordedFinding]) {
        let (result, sink) = try TestSupport.audit(csv: header + rows, pipeline: pipeline)
        let tally = try XCTUnwrap(result.checks.first { $0.descriptor.id == "AP-02" })
        return (tally, sink.findings.filter { $0.checkID == "AP-02" })
    }

    func testContestReexaminedBySoftwareIsAViolation() throws {
        let (tally, findings) = try ap02("D1,E1,suspension,adverse,yes,2025-03-03 08:00,automated,2025-03-01,female\n")
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(tally.violations, 1)
        XCTAssertEqual(tally.notRecorded, 0)
        XCTAssertEqual(findings.first?.severity, .error)
        XCTAssertEqual(findings.first?.detail,
                       "appeal_reviewer=automated for the contest filed at 2025-03-03 08:00+00:00 against an adverse suspension decision")
        XCTAssertEqual(findings.first?.legalBasis, "PIPL Art. 24(3)")
    }

    /// The export's local times are Shanghai's: the detail shows the filing as it was there,
    /// with the offset, not as UTC.
    func testTheDetailShowsTheFilingInTheRunsTimeZone() throws {
        for (language, expected) in [("en", "filed at 2025-04-30 00:00+08:00 against"), ("zh", "于 2025-04-30 00:00+08:00 提出的申诉")] {
            let pipeline = TestSupport.exactPipeline(attributes: ["sex: [sex]"], sections: "input:\n  time_zone: Asia/Shanghai")
                .replacingOccurrences(of: "report:\n", with: "report:\n  language: \(language)\n")
            let (_, findings) = try ap02("D1,E1,dismissal,adverse,yes,2025-04-30 00:00,automated,2025-04-29,female\n", pipeline: pipeline)
            let detail = try XCTUnwrap(findings.first?.detail)
            XCTAssertTrue(detail.contains(expected), detail)
            XCTAssertEqual(findings.first?.decidedAt, "2025-04-28T16:00:00Z", "the machine column stays ISO UTC")
        }
    }

    func testEmployerSynonymForSoftwareMeansTheSame() throws {
        let (_, findings) = try ap02("D1,E1,suspension,adverse,yes,2025-03-03,系统自动,2025-03-01,female\n")
        XCTAssertEqual(findings.count, 1)
    }

    func testContestReexaminedByAHumanIsCompliant() throws {
        let (tally, findings) = try ap02("D1,E1,dismissal,adverse,yes,2025-03-03,human,2025-03-01,female\n")
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(tally.violations, 0)
        XCTAssertTrue(findings.isEmpty)
    }

    func testReviewerNotRecordedOnAnAnsweredContestCountsAsViolationAndSaysSo() throws {
        let csv = "decision_id,decision_type,outcome,automated,appeal_filed_at,appeal_responded_at,appeal_reviewer,decided_at,sex\n"
            + "D1,dismissal,adverse,yes,2025-03-03,2025-03-10,,2025-03-01,female\n"
        let (result, sink) = try TestSupport.audit(csv: csv)
        let tally = try XCTUnwrap(result.checks.first { $0.descriptor.id == "AP-02" })
        let findings = sink.findings.filter { $0.checkID == "AP-02" }
        XCTAssertEqual(tally.violations, 1)
        XCTAssertEqual(tally.notRecorded, 1)
        XCTAssertEqual(findings.first?.notRecorded, true)
        XCTAssertTrue(findings.first?.detail.hasPrefix("appeal_reviewer and appeal_reviewer_id empty") ?? false)
    }

    /// A contest decided (`appeal_result`) without a response date was still re-examined by someone.
    func testReviewerNotRecordedOnADecidedContestCountsAsViolation() throws {
        let csv = "decision_id,decision_type,outcome,automated,appeal_filed_at,appeal_result,appeal_reviewer,decided_at,sex\n"
            + "D1,dismissal,adverse,yes,2025-03-03,upheld,,2025-03-01,female\n"
        let (result, _) = try TestSupport.audit(csv: csv)
        let tally = try XCTUnwrap(result.checks.first { $0.descriptor.id == "AP-02" })
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(tally.notRecorded, 1)
    }

    /// Filed, not answered, nothing recorded about who reviews it: pending, so AP-02 has
    /// nothing to judge yet (unanswered past the deadline is AP-03's).
    func testPendingContestWithNothingRecordedIsNotApplicable() throws {
        let csv = "decision_id,decision_type,outcome,automated,appeal_filed_at,appeal_responded_at,appeal_result,appeal_reviewer,appeal_reviewer_id,decided_at,sex\n"
            + "D1,dismissal,adverse,yes,2025-03-03,,,,,2025-03-01,female\n"
        let (result, sink) = try TestSupport.audit(csv: csv)
        let tally = try XCTUnwrap(result.checks.first { $0.descriptor.id == "AP-02" })
        XCTAssertEqual(tally.applicable, 0)
        XCTAssertEqual(tally.violations, 0)
        XCTAssertTrue(sink.findings.filter { $0.checkID == "AP-02" }.isEmpty)
    }

    /// A pending contest whose reviewer is already recorded is judged on that reviewer.
    func testPendingContestWithAReviewerRecordedIsJudged() throws {
        let (tally, findings) = try ap02("D1,E1,dismissal,adverse,yes,2025-03-03,automated,2025-03-01,female\n")
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(findings.count, 1)
    }

    /// AP-05 reads a named appeal reviewer as a person; AP-02 must agree.
    func testANamedAppealReviewerShowsAHumanReexamined() throws {
        let csv = "decision_id,decision_type,outcome,automated,appeal_filed_at,appeal_reviewer,appeal_reviewer_id,decided_at,sex\n"
            + "D1,dismissal,adverse,yes,2025-03-03,,HR7,2025-03-01,f\n"
        let (result, _) = try TestSupport.audit(csv: csv)
        let tally = try XCTUnwrap(result.checks.first { $0.descriptor.id == "AP-02" })
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(tally.violations, 0)
    }

    /// Software in the reviewer's name column is not a person (`系统自动审批`, `Auto-Approval Bot`).
    func testSoftwareNamedAsTheAppealReviewerIsNoPerson() throws {
        let csv = "decision_id,decision_type,outcome,automated,appeal_filed_at,appeal_reviewer,appeal_reviewer_id,decided_at,sex\n"
            + "D1,dismissal,adverse,yes,2025-03-03,,系统自动审批,2025-03-01,f\n"
            + "D2,dismissal,adverse,yes,2025-03-03,,Auto-Approval Bot,2025-03-01,f\n"
            + "D3,dismissal,adverse,yes,2025-03-03,,HR7,2025-03-01,f\n"
            // `human` written beside software named as the reviewer: still software.
            + "D4,dismissal,adverse,yes,2025-03-03,human,系统自动审批,2025-03-01,f\n"
            + "D5,dismissal,adverse,yes,2025-03-03,human,HR7,2025-03-01,f\n"
        let (result, sink) = try TestSupport.audit(csv: csv)
        let tally = try XCTUnwrap(result.checks.first { $0.descriptor.id == "AP-02" })
        XCTAssertEqual(tally.applicable, 5)
        XCTAssertEqual(sink.findings.filter { $0.checkID == "AP-02" }.map(\.decisionID), ["D1", "D2", "D4"])
    }

    func testOnlyFiledContestsAreApplicable() throws {
        let rows = "D1,E1,dismissal,adverse,yes,,automated,2025-03-01,female\n"
            + "D2,E2,dismissal,adverse,yes,,,2025-03-01,female\n"
            + "D3,E3,dismissal,favorable,yes,2025-03-03,automated,2025-03-01,female\n"
            + "D4,E4,dismissal,adverse,no,2025-03-03,automated,2025-03-01,female\n"
        let (tally, findings) = try ap02(rows)
        XCTAssertEqual(tally.applicable, 0)
        XCTAssertTrue(findings.isEmpty)
    }

    func testEUOnlyRecordIsJudgedFromThePlatformWorkDirectivesDate() throws {
        // With EU alone, PWD 11 is the only basis: from 2026-12-02.
        let pipeline = TestSupport.plainPipeline + "\nchecks:\n  jurisdictions: [EU]\n"
        let rows = "D1,E1,dismissal,adverse,yes,2026-12-03,automated,2026-12-01,female\n"
            + "D2,E2,dismissal,adverse,yes,2026-12-03,automated,2026-12-02,female\n"
        let (tally, findings) = try ap02(rows, pipeline: pipeline)
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(findings.map(\.decisionID), ["D2"])
        XCTAssertEqual(findings.first?.legalBasis, "Platform Work Directive (EU) 2024/2831 Art. 11")
    }
}
