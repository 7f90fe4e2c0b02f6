import Foundation
import XCTest
@testable import AdmAudit

/// The summary on stderr: safe for a terminal, and as discreet as the reports.
final class TerminalSummaryTests: XCTestCase {
    /// Six of `a`, all favourable; three of the other (an escape sequence and a
    /// right-to-left override in its label), one favourable.
    private func run(suppressBelow: Int) throws -> AuditResult {
        let hostile = "x\u{1B}[2J\u{202E}evil"
        let csv = "decision_id,employee_id,decision_type,outcome,automated,sex\n" + (1...9).map { i in
            "D\(i),E\(i),hiring,\(i <= 7 ? "favorable" : "adverse"),yes,\(i <= 6 ? "a" : hostile)"
        }.joined(separator: "\n") + "\n"
        let yaml = TestSupport.exactPipeline(attributes: ["sex: [sex]"]).replacingOccurrences(of: "suppress_below: 0", with: "suppress_below: \(suppressBelow)")
        return try TestSupport.audit(csv: csv, pipeline: yaml).0
    }

    /// The one terminal rule: controls, direction marks, invisible format characters and
    /// line separators as their code; line feeds only when the caller keeps them.
    func testTheTerminalRuleShowsWhatATerminalWouldObey() {
        XCTAssertEqual(TerminalText.safe("a\u{1B}]0;x\u{07}b"), "a[U+001B]]0;x[U+0007]b")
        XCTAssertEqual(TerminalText.safe("\u{202A}\u{202E}\u{2066}\u{2069}\u{200E}\u{200F}"), "[U+202A][U+202E][U+2066][U+2069][U+200E][U+200F]")
        XCTAssertEqual(TerminalText.safe("fe\u{200B}male\u{AD}\u{FEFF}"), "fe[U+200B]male[U+00AD][U+FEFF]")
        XCTAssertEqual(TerminalText.safe("a\u{2028}b\u{2029}c\u{85}d\re"), "a[U+2028]b[U+2029]c[U+0085]d[U+000D]e")
        XCTAssertEqual(TerminalText.safe("line\nfake"), "line[U+000A]fake")
        XCTAssertEqual(TerminalText.safe("one\ntwo\u{1B}[2J", keepingLineBreaks: true), "one\ntwo[U+001B][2J")
        XCTAssertEqual(TerminalText.safe("女性 – café"), "女性 – café")
    }

    func testInputTextCannotControlTheTerminal() throws {
        let text = TerminalSummary.text(try run(suppressBelow: 0))
        XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E }, text)
        XCTAssertTrue(text.contains("= x[U+001B][2J[U+202E]evil: 0.333 (possible adverse impact)"), text)
    }

    func testASuppressedGroupsRatioIsNotShown() throws {
        let result = try run(suppressBelow: 5)
        XCTAssertTrue(result.selection[0].groups.contains { $0.suppressed && $0.flag.isBelowThreshold })
        let text = TerminalSummary.text(result)
        XCTAssertTrue(text.contains("evil: suppressed (possible adverse impact)"), text)
        XCTAssertFalse(text.contains("0.333"), text)
        let markdown = MarkdownReport.render(result)
        let summary = try XCTUnwrap(markdown.components(separatedBy: "## Checks").first)
        XCTAssertTrue(summary.contains("Impact ratio suppressed (possible adverse impact)"), summary)
        XCTAssertFalse(summary.contains("0.3333"), summary)
    }

    func testSafeLeavesOrdinaryTextAlone() {
        XCTAssertEqual(TerminalText.safe("女 · Han × Uyghur – ok"), "女 · Han × Uyghur – ok")
        XCTAssertEqual(TerminalText.safe("a\tb\u{7F}c\u{85}"), "a[U+0009]b[U+007F]c[U+0085]")
    }

    func testChineseSummary() throws {
        var pipeline = try PipelineLoader.load(path: TestSupport.packageRoot.appendingPathComponent("pipelines/self-assessment.yaml").path)
        pipeline.report.language = .zh
        let (result, _) = try TestSupport.audit([TestSupport.fixture("sample/decisions_en.csv")], pipeline: pipeline, asOf: AsOfDate("2025-06-30"))
        let text = TerminalSummary.text(result)
        XCTAssertTrue(text.contains("读取 40 行 = 接受 40 + 拒收 0，核对一致 [utf-8]"), text)
        XCTAssertTrue(text.contains("HR-01 严重：适用 17，违规 10（58.8%），其中未记录 4"), text)
        XCTAssertFalse(text.contains(" of "), text)
    }
}
