import Foundation
import XCTest
@testable import AdmAudit

/// Numbers in report.md and report.html: four decimals, finite values never as inf.
final class ReportNumberTests: XCTestCase {
    func testHugeFiniteValuesPrintFinite() {
        XCTAssertEqual(MarkdownReport.fixed(0.5), "0.5000")
        XCTAssertEqual(MarkdownReport.fixed(1e308), "1.0000e+308")
        XCTAssertEqual(MarkdownReport.fixed(-1.5e300), "-1.5000e+300")
        XCTAssertEqual(MarkdownReport.fixed(1e16), "1.0000e+16")
        XCTAssertEqual(MarkdownReport.fixed(.infinity), "—")
        XCTAssertEqual(HTMLReport.number(1e308), "1.0000e+308")
    }

    func testTheMeanOfHugeFiniteScoresIsFinite() throws {
        XCTAssertEqual(try XCTUnwrap(Statistics.mean([1e308, 1e308])), 1e308)
        XCTAssertEqual(try XCTUnwrap(Statistics.mean([1.5e308, 1.5e308, 1.5e308])), 1.5e308, accuracy: 1e293)
        XCTAssertEqual(try XCTUnwrap(Statistics.mean([1e308, -1e308, 1e308])), 1e308 / 3, accuracy: 1e293)
        XCTAssertEqual(Statistics.mean([1e308, .infinity]), .infinity)
    }
}
