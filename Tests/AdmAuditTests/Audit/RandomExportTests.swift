import XCTest
@testable import AdmAudit

/// Seeded random exports through the whole audit, under every shipped pipeline: nothing
/// traps, every row is a record or a reject, and the reports render. (A crash would end
/// the test process, which the runner reports as a failure.)
final class RandomExportTests: XCTestCase {
    private let headers = [
        "decision_id", "employee_id", "decision_type", "outcome", "score", "automated", "human_reviewed", "reviewer_id",
        "reviewed_at", "decided_at", "effective_at", "notified_at", "appeal_filed_at", "appeal_responded_at", "appeal_reviewer",
        "appeal_reviewer_id", "review_result", "appeal_result", "data_categories", "reason_codes", "protected_status",
        "union_notified", "jurisdiction", "ai_notice_at", "explanation_given", "appeal_offered", "sex", "ethnicity", "site", "性别",
    ]
    private let values = [
        "", "yes", "no", "是", "否", "dismissal", "hiring", "pay", "discipline", "adverse", "favorable", "2025-03-07 09:05",
        "2025/3/7 23:30", "2025年3月7日", "45723.5", "13/13/2025", "0.5", "-1e308", "1e309", "NaN", "\"q,\"\"x\"\"\"",
        "\u{202E}", "=cmd()", "R1", "EU", "FR", "US-NYC", "CN", "health;人脸", "toilet_breaks、未回复", "pregnancy",
        "upheld", "overturned", "human", "automated", "female", "男", "unknown", "深圳",
    ]

    func testRandomExportsNeverTrapAndAlwaysReconcile() throws {
        var random = SeededGenerator(seed: 20_261_123)
        let pipelines = ["labor-inspection", "self-assessment", "research", "nyc-ll144"]
            .map { try! PipelineLoader.load(path: TestSupport.packageRoot.appendingPathComponent("pipelines/\($0).yaml").path) }
        var accepted = 0
        for round in 0..<60 {
            var columns = headers.shuffled(using: &random).prefix(Int.random(in: 3...14, using: &random))
            for required in ["decision_id", "decision_type", "outcome"] where !columns.contains(required) { columns.append(required) }
            var text = columns.joined(separator: ",") + "\n"
            for row in 0..<Int.random(in: 0...40, using: &random) {
                let count = columns.count + [0, 0, 0, 1, -1].randomElement(using: &random)!
                text += (0..<max(count, 0)).map { column in
                    switch columns[min(column, columns.count - 1)] {
                    case "decision_id": return "D\(row % 17)"
                    case "decision_type": return ["dismissal", "hiring", "pay", "discipline", "解除劳动合同"].randomElement(using: &random)!
                    case "outcome": return ["adverse", "favorable", "不利"].randomElement(using: &random)!
                    default: return Bool.random(using: &random) ? "" : values.randomElement(using: &random)!
                    }
                }.joined(separator: ",") + "\n"
            }
            let path = TestSupport.temporaryFile(text)
            let pipeline = pipelines[round % pipelines.count]
            let (result, sink) = try TestSupport.audit([path], pipeline: pipeline, asOf: AsOfDate("2025-06-30"))
            XCTAssertTrue(result.reconciles, "round \(round)")
            XCTAssertEqual(result.totalRejected, sink.rejects.count, "round \(round)")
            _ = JSONReport.render(result)
            _ = MarkdownReport.render(result)
            accepted += result.totalAccepted
        }
        XCTAssertGreaterThan(accepted, 50, "enough rows get through to exercise the checks and measures")
    }
}
