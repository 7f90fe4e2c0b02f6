import XCTest
@testable import AdmAudit

/// HR-02 on tiny inline exports: late, on-time, same-instant, unknown and out-of-scope reviews.
final class HumanReviewAfterEffectTests: XCTestCase {
    private let header = "decision_id,employee_id,decision_type,outcome,automated,human_reviewed,reviewer_id,reviewed_at,effective_at,decided_at,sex\n"

    private func hr02(_ rows: String, pipeline: String = TestSupport.plainPipeline) throws -> (CheckTally, [WordedFinding]) {
        let (result, sink) = try TestSupport.audit(csv: header + rows, pipeline: pipeline)
        let tally = try XCTUnwrap(result.checks.first { $0.descriptor.id == "HR-02" })
        return (tally, sink.findings.filter { $0.checkID == "HR-02" })
    }

    func testReviewAfterTheDecisionTookEffectIsAViolation() throws {
        let (tally, findings) = try hr02("D1,E1,dismissal,adverse,yes,yes,R1,2025-03-02 10:00,2025-03-01 00:00,2025-02-28 09:00,female\n")
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(tally.violations, 1)
        XCTAssertEqual(tally.notRecorded, 0)
        XCTAssertEqual(findings.map(\.decisionID), ["D1"])
        XCTAssertEqual(findings.first?.severity, .error)
        XCTAssertEqual(findings.first?.notRecorded, false)
        XCTAssertEqual(findings.first?.detail,
                       "reviewed_at 2025-03-02 10:00+00:00 is 1 d 10 h after effective_at 2025-03-01 00:00+00:00 for an adverse dismissal decision")
    }

    func testReviewBeforeTheDecisionTookEffectIsCompliant() throws {
        let (tally, findings) = try hr02("D1,E1,discipline,adverse,yes,yes,R1,2025-03-01 09:00,2025-03-03 00:00,2025-02-28 09:00,male\n")
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(tally.violations, 0)
        XCTAssertTrue(findings.isEmpty)
    }

    func testSameInstantIsOnTimeAndOneSecondLaterIsNot() throws {
        let rows = "D1,E1,pay,adverse,yes,yes,R1,2025-03-01 09:00:00,2025-03-01 09:00:00,2025-03-01 08:00,male\n"
            + "D2,E2,pay,adverse,yes,yes,R1,2025-03-01 09:00:01,2025-03-01 09:00:00,2025-03-01 08:00,male\n"
        let (tally, findings) = try hr02(rows)
        XCTAssertEqual(tally.applicable, 2)
        XCTAssertEqual(tally.violations, 1)
        XCTAssertEqual(findings.map(\.decisionID), ["D2"])
        XCTAssertTrue(findings.first?.detail.contains("is 1 s after") ?? false)
    }

    func testReviewerOrReviewTimeShowsAReviewWhenTheFlagIsEmpty() throws {
        let rows = "D1,E1,dismissal,adverse,yes,,R1,2025-03-05,2025-03-01,2025-02-28,female\n"
            + "D2,E2,dismissal,adverse,yes,,,2025-03-05,2025-03-01,2025-02-28,female\n"
        let (tally, findings) = try hr02(rows)
        XCTAssertEqual(tally.applicable, 2)
        XCTAssertEqual(findings.map(\.decisionID), ["D1", "D2"])
    }

    func testMissingTimesAreUnknownNotViolations() throws {
        let rows = "D1,E1,dismissal,adverse,yes,yes,R1,,2025-03-01,2025-02-28,female\n"
            + "D2,E2,dismissal,adverse,yes,yes,R1,2025-03-05,,2025-02-28,female\n"
            + "D3,E3,dismissal,adverse,yes,,R1,,,2025-02-28,female\n"
        let (tally, findings) = try hr02(rows)
        XCTAssertEqual(tally.applicable, 3)
        XCTAssertEqual(tally.unknown, 3)
        XCTAssertEqual(tally.violations, 0)
        XCTAssertTrue(findings.isEmpty)
        // Nothing judged is not 0 %: the rate has no value, in every output.
        XCTAssertEqual(tally.rate, .undefined(.noDecisionJudged))
    }

    func testTheRateIsAValueOnceOneDecisionIsJudged() throws {
        let rows = "D1,E1,dismissal,adverse,yes,yes,R1,,2025-03-01,2025-02-28,female\n"
            + "D2,E2,dismissal,adverse,yes,yes,R1,2025-02-28 10:00,2025-03-01,2025-02-28,female\n"
        let (tally, _) = try hr02(rows)
        XCTAssertEqual(tally.unknown, 1)
        XCTAssertEqual(tally.rate, .value(0))
    }

    func testASummaryOfNothingJudgedSaysSoInBothLanguages() throws {
        let rows = "D1,E1,dismissal,adverse,yes,yes,R1,2025-03-05,,2025-02-28,female\n"
        for (language, words) in [("en", "HR-02 error: 0 of 1 applicable (none could be judged)"), ("zh", "HR-02 严重：适用 1，违规 0（均无法判断）")] {
            let yaml = TestSupport.plainPipeline.replacingOccurrences(of: "report:\n", with: "report:\n  language: \(language)\n")
            let (result, _) = try TestSupport.audit(csv: header + rows, pipeline: yaml)
            XCTAssertTrue(TerminalSummary.text(result).contains(words), TerminalSummary.text(result))
        }
    }

    func testUnknownSaysWhichTimeIsMissing() {
        let check = HumanReviewAfterEffect()
        var record = CheckRecordFixture.adverseAutomated()
        record.humanReviewed = true
        XCTAssertEqual(check.evaluate(record, context: CheckRecordFixture.context), .unknown(.reviewedAtAndEffectiveAtNotRecorded))
        record.effectiveAt = 1_740_000_000
        XCTAssertEqual(check.evaluate(record, context: CheckRecordFixture.context), .unknown(.reviewedAtNotRecorded))
        record.effectiveAt = nil
        record.reviewedAt = 1_740_000_000
        XCTAssertEqual(check.evaluate(record, context: CheckRecordFixture.context), .unknown(.effectiveAtNotRecorded))
    }

    func testNoReviewAtAllIsHR01sNotHR02s() throws {
        let rows = "D1,E1,dismissal,adverse,yes,,,,2025-03-01,2025-02-28,female\n"
            // human_reviewed=no with a late review time: HR-01 flags it, HR-02 does not.
            + "D2,E2,dismissal,adverse,yes,no,R1,2025-03-05,2025-03-01,2025-02-28,female\n"
            + "D3,E3,dismissal,adverse,yes,yes,R1,2025-03-05,2025-03-01,2025-02-28,female\n"
        let (result, sink) = try TestSupport.audit(csv: header + rows)
        let hr02 = try XCTUnwrap(result.checks.first { $0.descriptor.id == "HR-02" })
        XCTAssertEqual(hr02.applicable, 1)
        XCTAssertEqual(sink.findings.filter { $0.checkID == "HR-01" }.map(\.decisionID), ["D1", "D2"])
        XCTAssertEqual(sink.findings.filter { $0.checkID == "HR-02" }.map(\.decisionID), ["D3"])
    }

    func testOutsideTheSignificantAdverseAutomatedSetIsNotApplicable() throws {
        let rows = "D1,E1,dismissal,favorable,yes,yes,R1,2025-03-05,2025-03-01,2025-02-28,female\n"
            + "D2,E2,scheduling,adverse,yes,yes,R1,2025-03-05,2025-03-01,2025-02-28,female\n"
            + "D3,E3,dismissal,adverse,no,yes,R1,2025-03-05,2025-03-01,2025-02-28,female\n"
        let (tally, findings) = try hr02(rows)
        XCTAssertEqual(tally.applicable, 0)
        XCTAssertTrue(findings.isEmpty)
    }

    func testDecisionBeforeAnyCitedRuleAppliedIsNotJudged() throws {
        // GDPR applies from 2018-05-25, PIPL from 2021-11-01, PWD from 2026-12-02.
        let rows = "D1,E1,dismissal,adverse,yes,yes,R1,2018-05-30,2018-05-25,2018-05-24,female\n"
            + "D2,E2,dismissal,adverse,yes,yes,R1,2018-05-30,2018-05-26,2018-05-25,female\n"
        let (tally, findings) = try hr02(rows)
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(findings.map(\.decisionID), ["D2"])
        XCTAssertEqual(findings.first?.legalBasis, "GDPR Art. 22")
    }
}
