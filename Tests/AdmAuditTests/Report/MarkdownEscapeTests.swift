import XCTest
@testable import AdmAudit

/// Text from the export in report.md: no markup, no link, no control, and no line that turns
/// into a list or a code block because a file name or label begins it.
final class MarkdownEscapeTests: XCTestCase {
    func testALabelCannotBeginAListOrABlock() {
        XCTAssertEqual(Markdown.escape("- dash.csv"), "\\- dash.csv")
        XCTAssertEqual(Markdown.escape("+ plus.csv"), "\\+ plus.csv")
        XCTAssertEqual(Markdown.escape("1. a.csv"), "1\\. a.csv")
        XCTAssertEqual(Markdown.escape("12. a.csv"), "12\\. a.csv")
        XCTAssertEqual(Markdown.escape("    sp.csv"), "&#32;&#32;&#32;&#32;sp.csv")
        XCTAssertEqual(Markdown.escape("2025-03.csv"), "2025-03.csv", "digits not followed by a dot stay as they are")
        XCTAssertEqual(Markdown.escape("a - b"), "a - b")
        // A cell of 64 KiB of spaces: one pass, not a copy per space.
        let long = Markdown.escape(String(repeating: " ", count: 65_536) + "x")
        XCTAssertEqual(long.count, 65_536 * 5 + 1)
        XCTAssertTrue(long.hasSuffix("&#32;x"))
    }

    func testAddressesAreNotLinked() {
        XCTAssertEqual(Markdown.escape("a@evil.example"), "a\\@evil.example")
        XCTAssertFalse(Markdown.escape("mailto:x@evil.example").contains("x@evil"))
    }

    func testC1ControlsNeverReachTheFile() {
        XCTAssertEqual(Markdown.escape("a\u{9B}2J\u{85}b"), "a&#xFFFD;2J&#xFFFD;b")
        XCTAssertFalse(Markdown.code("id\u{9B}").contains("\u{9B}"))
        XCTAssertEqual(Markdown.code("D001"), "`D001`")
    }

    func testNumbersNeverPrintANegativeZero() {
        XCTAssertEqual(ReportNumber.fixed(-0.00001), "0.0000")
        XCTAssertEqual(ReportNumber.fixed(-0.00006), "-0.0001")
    }

    /// A ratio in the thousands (a tiny reference rate) draws about eight ticks, not thousands.
    func testTheDriftAxisHasAFewTicksWhateverTheRatio() {
        for highest in [0.9, 1.7, 40.0, 4000.0] {
            let svg = SVGCharts.drift(name: "dismissal · sex", months: ["2025-01", "2025-02"],
                                      series: [(label: "a", values: [highest, 1])], threshold: 0.8, text: ReportText(language: .en))
            let ticks = svg.components(separatedBy: "text-anchor=\"end\"").count - 1
            XCTAssertLessThanOrEqual(ticks, 10, "\(highest)")
            XCTAssertGreaterThanOrEqual(ticks, 3, "\(highest)")
        }
    }
}
