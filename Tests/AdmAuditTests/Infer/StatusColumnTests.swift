import XCTest
@testable import AdmAudit

/// Exports written for this session's inspector's path (not from any fixture): a result column
/// that says whether a sanction stands (成立 / 不成立), and a column whose name is a field's
/// but whose values are not, both through `init` then `run` with no edit.
final class StatusColumnTests: XCTestCase {
    private let header = "工单号,员工工号,处理类型,处理结果,系统自动,是否人工审核,性别"

    private func run(_ rows: [String]) throws -> (yaml: String, result: AuditResult) {
        let path = TestSupport.temporaryFile(([header] + rows).joined(separator: "\n") + "\n")
        let inferred = try InferredPipeline.infer(path: path, inputName: "export.csv")
        let pipeline = try inferred.pipeline(file: "pipeline.yaml")
        let result = try TestSupport.audit([path], pipeline: pipeline, asOf: AsOfDate("2025-06-30")).0
        return (inferred.yaml, result)
    }

    /// 成立 (the sanction stands) is read as the decision carried out, 不成立 as not: the
    /// outcome follows the decision kind, or is favourable.
    func testASanctionThatStandsOrDoesNot() throws {
        let rows = (0..<4).flatMap { index in [
            "W\(index)1,E\(index)1,警告,成立,是,否,女", "W\(index)2,E\(index)2,警告,不成立,是,是,男",
        ] }
        let (yaml, result) = try run(rows)
        XCTAssertTrue(yaml.contains("outcome: [\"处理结果\"]"), yaml)
        XCTAssertTrue(yaml.contains("favorable: [\"不成立\"]"), yaml)
        XCTAssertTrue(yaml.contains("as_decided: [\"成立\"]"), yaml)
        XCTAssertEqual(result.totalRejected, 0)
        let stratum = try XCTUnwrap(result.selection.first { $0.decisionType == .discipline && $0.attribute == "sex" })
        XCTAssertEqual(stratum.groups.first { $0.group == "female" }?.favorable, 0, "every warning of a woman stands")
        XCTAssertEqual(stratum.groups.first { $0.group == "male" }?.favorable, 4, "no warning of a man stands")
    }

    /// A column named like a field whose values are not that field's is left out in so many
    /// words (`outcome: []`), so the run does not take it by its name and reject every row.
    func testAColumnNamedLikeAFieldButNotOneIsLeftOut() throws {
        let rows = (0..<8).map { index in "W\(index),E\(index),警告,第\(index)组,是,否,\(index % 2 == 0 ? "女" : "男")" }
        let (yaml, result) = try run(rows)
        XCTAssertTrue(yaml.contains("  outcome: []   # "), yaml)
        XCTAssertEqual(result.totalRejected, 0, "the run reads the export as the pipeline says")
        XCTAssertEqual(result.totalAccepted, 8)
    }
}
