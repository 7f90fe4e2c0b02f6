import Foundation
import XCTest
@testable import AdmAudit

/// findings.csv and rejects.csv: no NUL, control or direction mark reaches a cell.
final class CSVTextTests: XCTestCase {
    func testControlsAndBidiMarksShowAsTheirCode() {
        XCTAssertEqual(CSVText.cell("D1\u{0}hidden"), "D1[U+0000]hidden")
        XCTAssertEqual(CSVText.cell("\u{202E}exe.pdf\u{2066}x\u{2069}\u{200F}"), "[U+202E]exe.pdf[U+2066]x[U+2069][U+200F]")
        XCTAssertEqual(CSVText.cell("a\u{1B}[2Jb\u{7F}\u{85}"), "a[U+001B][2Jb[U+007F][U+0085]")
        // Tab and line breaks are text a quoted cell holds; a tab first is a formula start.
        XCTAssertEqual(CSVText.cell("a\tb\nc"), "\"a\tb\nc\"")
        XCTAssertEqual(CSVText.cell("\t=1"), "'\t=1")
        // Text with other three-byte characters stays as it is.
        XCTAssertEqual(CSVText.cell("女性 – ≥ 5 €"), "女性 – ≥ 5 €")
        XCTAssertEqual(CSVText.cell("\u{0}=cmd"), "[U+0000]=cmd")
        // Every bidirectional control, including the Arabic letter mark, and the C1 controls' edges.
        XCTAssertEqual(CSVText.cell("\u{061C}\u{200E}\u{202A}\u{202C}\u{2067}\u{80}\u{9F}"),
                       "[U+061C][U+200E][U+202A][U+202C][U+2067][U+0080][U+009F]")
        // Neighbours of those bytes are text: §, U+00A0, U+2010, U+2065, U+061B.
        XCTAssertEqual(CSVText.cell("§ 5-304\u{A0}\u{2010}\u{2065}\u{061B}"), "§ 5-304\u{A0}\u{2010}\u{2065}\u{061B}")
    }

    func testNoNULByteReachesARow() {
        var bytes: [UInt8] = []
        CSVText.append(row: ["\u{0}", "x\u{0}y,z"], to: &bytes)
        XCTAssertFalse(bytes.contains(0))
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), "[U+0000],\"x[U+0000]y,z\"\n")
    }

    /// The copy of plain cells gives what the escaping way gives, for every kind of cell.
    func testPlainCellsAreWrittenAsTheEscapingWayWritesThem() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "Z", "0", "9", ".", "-", "+", "=", "@", " ", "~", ",", "\"", "\t", "\n", "\r", "\u{7F}", "\u{1F}",
                      "\u{0}", "é", "女", "\u{202E}", "\u{80}", "§", "'"]
        for length in 0..<12 {
            for _ in 0..<300 {
                let cell = (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
                var fast: [UInt8] = []
                var escaping: [UInt8] = []
                CSVText.append(cell: cell, to: &fast)
                CSVText.appendEscaping(cell: cell, to: &escaping)
                XCTAssertEqual(fast, escaping, cell.debugDescription)
            }
        }
    }
}
