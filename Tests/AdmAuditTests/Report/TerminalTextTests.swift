import XCTest
@testable import AdmAudit

/// The terminal renderer: one line a paragraph or list item, children two spaces in, the
/// alarm after its warning word; text from the export escaped for a terminal, the tool's own
/// words as they are; tables and charts left to the reports.
final class TerminalTextTests: XCTestCase {
    private let english = ReportText(language: .en)

    func testBlocksBecomeLinesAndChildrenIndent() {
        let blocks: [ReportBlock] = [
            .alarm(headline: "Rejected rows may hide violations", lines: [[.input("12 rows")]]),
            .paragraph([.words("HR-01: "), .strong([.words("3")])]),
            .list(ReportList(items: [ReportListItem([.input("a.csv")], children: [ReportListItem([.words("mapping used:")], children: [
                ReportListItem([.input("decision_id"), .words(" ← "), .input("工号")]),
            ])])])),
            .table(ReportTable(kind: "checks", headers: [[.words("Check")]], numeric: [], rows: [[[.words("HR-01")]]])),
            .chartLegend("how to read"),
            .paragraph([.words("ratio "), .suppressed, .words(" / "), .undefined("no favourable outcome"), .footnoteMark]),
        ]
        XCTAssertEqual(TerminalText.render(blocks, t: english), """
            WARNING: Rejected rows may hide violations
              12 rows
            HR-01: 3
            a.csv
              mapping used:
                decision_id ← 工号
            ratio suppressed / undefined
            """)
        XCTAssertEqual(TerminalText.render([.alarm(headline: "被拒收的行可能隐藏违规", lines: [])], t: ReportText(language: .zh)), "警告：被拒收的行可能隐藏违规")
    }

    /// Export text cannot move the cursor, fake a line, or turn the text around; the tool's
    /// words are not escaped (they hold no such character).
    func testExportTextIsEscapedForATerminal() {
        let hostile = "a\u{1B}[2J\nrows read = 0\u{202E}x"
        for span in [ReportSpan.input(hostile), .text(hostile), .inputCode(hostile)] {
            let line = TerminalText.render([.paragraph([span])], t: english)
            XCTAssertEqual(line, "a[U+001B][2J[U+000A]rows read = 0[U+202E]x")
            XCTAssertFalse(line.contains("\n"))
        }
        XCTAssertEqual(TerminalText.render([.paragraph([.words("one"), .code(" `two`")])], t: english), "one `two`")
    }
}
