import XCTest
@testable import AdmAudit

/// HR-03 over whole runs: reviewers who (almost) never depart from the system.
final class RubberStampReviewTests: XCTestCase {
    private let header = "decision_id,decision_type,outcome,automated,human_reviewed,reviewer_id,review_result,decided_at,reviewed_at,sex\n"

    private func pipeline(_ parameters: String = "{min_reviews: 5, max_departure_share: 0.1}") -> String {
        TestSupport.exactPipeline(attributes: ["sex: [sex]"], sections: "checks:\n  HR-03: \(parameters)")
    }

    /// `count` reviews by `reviewer`, the first `departed` of them overturned, each taking `seconds`.
    private func reviews(_ reviewer: String, count: Int, departed: Int, seconds: Int = 30, start: Int) -> String {
        (0..<count).map { i in
            let result = i < departed ? "overturned" : "upheld"
            let reviewed = String(format: "2025-03-07 09:%02d:%02d", seconds / 60, seconds % 60)
            return "D\(start + i),discipline,adverse,yes,yes,\(reviewer),\(result),2025-03-07 09:00:00,\(reviewed),f\n"
        }.joined()
    }

    private func hr03(_ csv: String, pipeline: String? = nil) throws -> (CheckTally, [WordedFinding]) {
        let (result, sink) = try TestSupport.audit(csv: header + csv, pipeline: pipeline ?? self.pipeline())
        let tally = try XCTUnwrap(result.checks.first { $0.descriptor.id == "HR-03" })
        return (tally, sink.findings.filter { $0.checkID == "HR-03" })
    }

    func testReviewerWhoNeverDepartsIsFlaggedWithTheNumbers() throws {
        let (tally, findings) = try hr03(reviews("R1", count: 6, departed: 0, seconds: 20, start: 0))
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(tally.violations, 1)
        XCTAssertEqual(findings.first?.subject, "reviewer R1")
        XCTAssertEqual(findings.first?.decisionID, "")
        XCTAssertEqual(findings.first?.detail, "6 reviews, 0 departed from the system (0.0%); median review time 20 s, 100.0% under 60 s; decisions: D0, D1, D2, D3, D4, D5")
    }

    /// A decision id that is the worker's own id (here copied into a column of its own) would
    /// name them in the report: it is listed only when the pipeline keeps subject ids.
    func testADecisionIDThatIsTheWorkersOwnIsListedOnlyWhenIDsAreKept() throws {
        let header = "decision_id,employee_id,decision_type,outcome,automated,human_reviewed,reviewer_id,review_result,decided_at,reviewed_at,sex\n"
        let rows = (0..<6).map { i in
            let id = i < 3 ? "E\(i)" : "D\(i)"
            return "\(id),E\(i),discipline,adverse,yes,yes,R1,upheld,2025-03-07 09:00:00,2025-03-07 09:00:20,f\n"
        }.joined()
        for (handling, listed) in [("pseudonymize", "D3, D4, D5"), ("keep", "E0, E1, E2, D3, D4, D5")] {
            let yaml = TestSupport.exactPipeline(attributes: ["sex: [sex]"], sections: "checks:\n  HR-03: {min_reviews: 5, max_departure_share: 0.1}")
                .replacingOccurrences(of: "subject_ids: keep", with: "subject_ids: \(handling)")
            let (_, sink) = try TestSupport.audit(csv: header + rows, pipeline: yaml)
            let finding = try XCTUnwrap(sink.findings.first { $0.checkID == "HR-03" })
            XCTAssertTrue(finding.detail.hasSuffix("decisions: \(listed)" + (handling == "keep" ? "" : " and 3 more")), finding.detail)
            XCTAssertEqual(handling == "keep", finding.detail.contains("E0"), finding.detail)
        }
    }

    /// Review times are counted, not kept one by one: 20,001 distinct times, more than a
    /// table holds, go to sorted runs, and the median and the fast share are exact; an even
    /// number of reviews takes the mean of the middle two.
    func testMedianReviewTimesAreExactBeyondTheTable() throws {
        func at(_ seconds: Int) -> String { String(format: "2025-03-07 %02d:%02d:%02d", 9 + seconds / 3600, seconds / 60 % 60, seconds % 60) }
        var rows = ""
        for (i, seconds) in (0...20_000).reversed().enumerated() {
            rows += "A\(i),discipline,adverse,yes,yes,R1,upheld,\(at(0)),\(at(seconds)),f\n"
            if i < 10 { rows += "B\(i),discipline,adverse,yes,yes,R2,upheld,\(at(0)),\(at(i + 1)),m\n" }
        }
        let (_, findings) = try hr03(rows)
        XCTAssertEqual(findings.map(\.subject), ["reviewer R1", "reviewer R2"])
        let records = findings.compactMap { worded -> FindingDetail.ReviewerRecord? in
            if case .rubberStamp(let record) = worded.finding.detail { return record }
            return nil
        }
        XCTAssertEqual(records.map(\.medianSeconds), [10_000, 5.5])
        XCTAssertEqual(records.map(\.fastShare), [60.0 / 20_001, 1])
    }

    /// The finding names the judged reviews it rests on, the first 20 in data order, and
    /// counts the rest; a review without a result is not among them.
    func testTheFindingNamesTheFirstTwentyJudgedDecisionsThenCountsTheRest() throws {
        let unjudged = "U1,discipline,adverse,yes,yes,R1,,2025-03-07 09:00:00,2025-03-07 09:00:30,f\n"
        let (_, findings) = try hr03(unjudged + reviews("R1", count: 25, departed: 0, start: 100))
        let detail = try XCTUnwrap(findings.first?.detail)
        let listed = (100..<120).map { "D\($0)" }.joined(separator: ", ")
        XCTAssertTrue(detail.hasSuffix("; decisions: \(listed) and 5 more"), detail)
        XCTAssertFalse(detail.contains("U1"), detail)
    }

    func testTheDecisionsAreNamedInChineseToo() throws {
        let yaml = pipeline().replacingOccurrences(of: "report:\n", with: "report:\n  language: zh\n")
        let (_, findings) = try hr03(reviews("R1", count: 22, departed: 0, start: 0), pipeline: yaml)
        let detail = try XCTUnwrap(findings.first?.detail)
        let listed = (0..<20).map { "D\($0)" }.joined(separator: "、")
        XCTAssertTrue(detail.hasSuffix("；所涉决策：\(listed)，另有 2 项"), detail)
        ChineseText.assertChinese(detail, "HR-03 detail")
    }

    func testReviewerWhoDepartsOftenEnoughIsNotFlagged() throws {
        let (tally, findings) = try hr03(reviews("R1", count: 10, departed: 2, start: 0))
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertTrue(findings.isEmpty)
    }

    func testDepartureShareExactlyAtTheThresholdIsFlagged() throws {
        // 1 of 10 = 10 % = max_departure_share: "at most" includes the boundary.
        let (_, findings) = try hr03(reviews("R1", count: 10, departed: 1, start: 0))
        XCTAssertEqual(findings.count, 1)
    }

    func testReviewerBelowTheMinimumIsNotJudged() throws {
        let (tally, findings) = try hr03(reviews("R1", count: 4, departed: 0, start: 0))
        XCTAssertEqual(tally.applicable, 0)
        XCTAssertTrue(findings.isEmpty)
    }

    func testReviewerWhoseResultsAreNotRecordedIsUnknown() throws {
        let csv = (0..<5).map { "D\($0),discipline,adverse,yes,yes,R9,,2025-03-07 09:00,2025-03-07 09:01,f\n" }.joined()
        let (tally, findings) = try hr03(csv)
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(tally.unknown, 1)
        XCTAssertEqual(tally.unknownReasons, ["review_result_not_recorded": 1], "the report says why (it said nothing after the dash)")
        XCTAssertEqual(tally.rate, .undefined(.noDecisionJudged))
        XCTAssertTrue(findings.isEmpty)
    }

    func testReviewersAreJudgedApartAndListedInOrder() throws {
        let (tally, findings) = try hr03(reviews("R2", count: 5, departed: 0, start: 0) + reviews("R1", count: 5, departed: 0, start: 100)
                                         + reviews("R3", count: 5, departed: 3, start: 200))
        XCTAssertEqual(tally.applicable, 3)
        XCTAssertEqual(findings.map(\.subject), ["reviewer R1", "reviewer R2"])
    }

    func testDefaultsNeedTwentyReviews() throws {
        let (tally, _) = try hr03(reviews("R1", count: 19, departed: 0, start: 0), pipeline: TestSupport.plainPipeline)
        XCTAssertEqual(tally.applicable, 0)
        let (twenty, findings) = try hr03(reviews("R1", count: 20, departed: 0, start: 0), pipeline: TestSupport.plainPipeline)
        XCTAssertEqual(twenty.applicable, 1)
        XCTAssertEqual(findings.count, 1)
    }

    func testBadParameterIsAPipelineErrorWithItsLine() throws {
        XCTAssertThrowsError(try TestSupport.pipeline(pipeline("{max_departure_share: 2}"))) { error in
            let error = error as! AuditError
            XCTAssertEqual(error.kind, .pipeline)
            XCTAssertTrue(error.message.contains("checks.HR-03.max_departure_share"), error.message)
            XCTAssertNotNil(error.line)
        }
    }

    func testTheFindingCitesTheRulesInForceAtTheEndOfThePeriod() throws {
        let (_, findings) = try hr03(reviews("R1", count: 6, departed: 0, start: 0))
        // Reviews from March 2025: the AI Act's Art. 14 applies only from 2026-08-02.
        XCTAssertEqual(findings.first?.legalBasis, "PIPL Art. 24; GDPR Art. 22")
        let pipeline = try TestSupport.pipeline(self.pipeline())
        let (later, sink) = try TestSupport.audit([TestSupport.temporaryFile(header + reviews("R1", count: 6, departed: 0, start: 0))],
                                                  pipeline: pipeline, asOf: AsOfDate("2026-09-01"))
        XCTAssertEqual(later.checks.first { $0.descriptor.id == "HR-03" }?.violations, 1)
        XCTAssertEqual(sink.findings.first { $0.checkID == "HR-03" }?.legalBasis, "PIPL Art. 24; GDPR Art. 22; AI Act (EU) 2024/1689 Art. 14")
    }
}
