import Foundation
import XCTest
@testable import AdmAudit

/// `pipelines/nyc-ll144.yaml` on an AEDT export: report.md opens the groups with the
/// tables of a published LL144 bias audit, and their every row is the one computed
/// independently by fixtures/ll144/make_ll144.py (expected_tables.json).
final class LL144TablesTests: XCTestCase {
    private struct Expected: Decodable {
        struct Table: Decodable {
            let attribute: String
            let rate: String
            let rows: [String]
            let unknown: Int
            let excluded: [String]
        }
        let tables: [Table]
    }

    private func report() throws -> (AuditResult, String) {
        let pipeline = try PipelineLoader.load(path: TestSupport.packageRoot.appendingPathComponent("pipelines/nyc-ll144.yaml").path)
        let (result, _) = try TestSupport.audit([TestSupport.fixture("ll144/applicants.csv")], pipeline: pipeline)
        return (result, MarkdownReport.render(result))
    }

    func testEveryTableRowMatchesTheIndependentComputation() throws {
        let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: URL(fileURLWithPath: TestSupport.fixture("ll144/expected_tables.json"))))
        let (_, markdown) = try report()
        let summary = try XCTUnwrap(markdown.components(separatedBy: "## Outcomes by group").first?
            .components(separatedBy: "## Bias audit summary (NYC Local Law 144 style)").last)
        let headings = ["sex": "Sex categories", "race_ethnicity": "Race/ethnicity categories", "sex × race_ethnicity": "Intersectional categories"]
        XCTAssertEqual(expected.tables.count, 6)
        for table in expected.tables {
            let heading = "### hiring · \(headings[table.attribute]!): \(table.rate == "selection" ? "Selection rate" : "Scoring rate")\n"
            let section = try XCTUnwrap(summary.components(separatedBy: heading).dropFirst().first?.components(separatedBy: "\n### ").first,
                                        "no table \(heading)")
            let rows = section.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| Category") }.map(String.init)
            XCTAssertEqual(rows, table.rows, heading)
            XCTAssertTrue(section.contains("People of unknown category (not in the rates or ratios): \(table.unknown)\n"), heading)
            XCTAssertEqual(section.contains("¹ Under 2% of the people of this table"), !table.excluded.isEmpty, heading)
        }
    }

    /// A category under the 2% share is not the reference, however high its rate.
    func testACategoryUnderTheExclusionShareIsNeverTheReference() throws {
        let (result, _) = try report()
        let race = try XCTUnwrap(result.selection.first { $0.attribute == "race_ethnicity" })
        let tiny = try XCTUnwrap(race.groups.first { $0.group == "native_hawaiian_or_pacific_islander" })
        XCTAssertGreaterThan(tiny.selectionRate, race.groups.filter { $0.group != tiny.group }.map(\.selectionRate).max()!)
        XCTAssertEqual(tiny.flag, .insufficientData)
        XCTAssertEqual(race.referenceGroup, "asian")
    }

    func testTheStandardLayoutHasNoLL144Tables() throws {
        var pipeline = try PipelineLoader.load(path: TestSupport.packageRoot.appendingPathComponent("pipelines/nyc-ll144.yaml").path)
        pipeline.report.layout = .standard
        let (result, _) = try TestSupport.audit([TestSupport.fixture("ll144/applicants.csv")], pipeline: pipeline)
        XCTAssertFalse(MarkdownReport.render(result).contains("## Bias audit summary (NYC Local Law 144 style)"))
    }

    func testChineseTablesUseChineseHeadings() throws {
        var pipeline = try PipelineLoader.load(path: TestSupport.packageRoot.appendingPathComponent("pipelines/nyc-ll144.yaml").path)
        pipeline.report.language = .zh
        let (result, _) = try TestSupport.audit([TestSupport.fixture("ll144/applicants.csv")], pipeline: pipeline)
        let markdown = MarkdownReport.render(result)
        XCTAssertTrue(markdown.contains("## 偏差审计摘要（纽约市第144号地方法格式）"))
        XCTAssertTrue(markdown.contains("### 招聘 · 种族/族裔类别: 选择率"), "the decision type in the reader's words")
        XCTAssertTrue(markdown.contains("| 类别 | 人数 | 获选人数 | 选择率 | 影响比 |"))
    }
}
