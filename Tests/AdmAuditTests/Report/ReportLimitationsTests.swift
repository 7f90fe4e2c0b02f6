import Foundation
import XCTest
@testable import AdmAudit

/// The limitations section: what a reader must weigh, drawn from the run itself.
final class ReportLimitationsTests: XCTestCase {
    private func ll144(language: ReportLanguage = .en) throws -> AuditResult {
        var pipeline = try PipelineLoader.load(path: TestSupport.packageRoot.appendingPathComponent("pipelines/nyc-ll144.yaml").path)
        pipeline.report.language = language
        return try TestSupport.audit([TestSupport.fixture("ll144/applicants.csv")], pipeline: pipeline).0
    }

    func testItemsComeFromTheRun() throws {
        let result = try ll144()
        let items = LimitationsSection.items(ReportContext(result)).map(\.plainText)
        let small = result.selection.reduce(0) { $0 + $1.groups.filter { $0.flag == .insufficientData }.count }
        XCTAssertEqual(small, 3, "the under-2% category alone and in both intersections")
        XCTAssertTrue(items.contains { $0.hasPrefix("3 groups are too small to judge") && $0.contains("race_ethnicity = Native Hawaiian or Pacific Islander (n = 16)") })
        XCTAssertTrue(items.contains { $0.contains("hiring · race_ethnicity: 59 / 1200 (4.9%); hiring · sex: 49 / 1200 (4.1%)") },
                      "unknowns by table, largest share first")
        let flips = result.selection.reduce(0) { $0 + $1.groups.filter(\.belowThresholdCouldFlip).count }
        XCTAssertGreaterThan(flips, 0)
        XCTAssertTrue(items.contains { $0.hasPrefix("For \(flips) groups the four-fifths verdict could flip") })
        XCTAssertTrue(items.contains { $0.hasPrefix("No as-of date was given") }, "the as-of date came from the data")
        XCTAssertFalse(items.contains { $0.contains("suppressed") }, "suppress_below 1 hides nothing")
        XCTAssertTrue(items.last!.hasPrefix("The group statistics describe disparities"))
    }

    func testMarkdownHasMethodThenLimitationsAndEscapesLabels() throws {
        let csv = """
        decision_id,employee_id,decision_type,outcome,automated,sex
        D1,E1,hiring,favorable,yes,a|b
        D2,E2,hiring,adverse,yes,male
        D3,E3,hiring,adverse,yes,
        """
        let yaml = TestSupport.exactPipeline(attributes: ["sex: [sex]"]).replacingOccurrences(of: "min_group_size: 1", with: "min_group_size: 2")
        let (result, _) = try TestSupport.audit(csv: csv, pipeline: yaml)
        let markdown = MarkdownReport.render(result)
        let method = try XCTUnwrap(markdown.range(of: "\n## Method\n"))
        let limitations = try XCTUnwrap(markdown.range(of: "\n## Limitations\n"))
        XCTAssertLessThan(method.lowerBound, limitations.lowerBound)
        let section = String(markdown[limitations.upperBound...])
        XCTAssertTrue(section.contains("hiring · sex = a\\|b"), section)
        XCTAssertTrue(section.contains("hiring · sex: 1 / 3 (33.3%)"), section)
    }

    func testChineseItems() throws {
        let items = LimitationsSection.items(ReportContext(try ll144(language: .zh))).map(\.plainText)
        XCTAssertTrue(items.contains { $0.hasPrefix("3 个群体人数过少，无法评判（决策少于 1 个，或不足所在表的 2%）") })
        XCTAssertTrue(items.last!.hasPrefix("群体统计描述的是用人单位自身记录中的差异"))
    }
}

extension Array where Element == ReportSpan {
    /// The words of a run of spans, unescaped, as a test reads them.
    var plainText: String {
        map { span -> String in
            switch span {
            case .words(let text), .text(let text), .input(let text), .code(let text, _), .inputCode(let text): text
            case .strong(let inner), .styled(_, let inner): inner.plainText
            case .suppressed: "suppressed"
            case .undefined(let reason): "undefined" + (reason.map { " (\($0))" } ?? "")
            case .footnoteMark: "¹"
            }
        }.joined()
    }
}
