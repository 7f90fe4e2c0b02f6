import Foundation
import XCTest
@testable import AdmAudit

/// Numbers in report.md and report.html: four decimals, finite values never as inf.
final class ReportNumberTests: XCTestCase {
    func testHugeFiniteValuesPrintFinite() {
        XCTAssertEqual(ReportNumber.fixed(0.5), "0.5000")
        XCTAssertEqual(ReportNumber.fixed(1e308), "1.0000e+308")
        XCTAssertEqual(ReportNumber.fixed(-1.5e300), "-1.5000e+300")
        XCTAssertEqual(ReportNumber.fixed(1e16), "1.0000e+16")
        XCTAssertEqual(ReportNumber.fixed(.infinity), "—")
    }

    func testRatesArePercentagesWithOneDecimal() {
        XCTAssertEqual(ReportNumber.rate(0.58333), "58.3%")
        XCTAssertEqual(ReportNumber.rate(1), "100.0%")
        XCTAssertEqual(ReportNumber.rate(.nan), "—")
        XCTAssertEqual(ReportNumber.rateInterval(Interval(lower: 0.4012, upper: 0.742)), " [40.1%, 74.2%]")
        XCTAssertEqual(ReportNumber.rateInterval(Interval(lower: .nan, upper: 0.742)), "")
        XCTAssertEqual(ReportNumber.interval(Interval(lower: 0.4012, upper: 0.742)), " [0.4012, 0.7420]")
        XCTAssertEqual(ReportNumber.percent(0.02), "2%")
        XCTAssertEqual(ReportNumber.percent(0.025), "2.5%")
        XCTAssertEqual(ReportNumber.pValue(0.00001), "< 0.0001")
        XCTAssertEqual(ReportNumber.pValue(nil), "—")
        XCTAssertEqual(ReportNumber.pValue(0.04), "0.0400")
    }

    func testTheMeanOfHugeFiniteScoresIsFinite() throws {
        XCTAssertEqual(try XCTUnwrap(Statistics.mean([1e308, 1e308])), 1e308)
        XCTAssertEqual(try XCTUnwrap(Statistics.mean([1.5e308, 1.5e308, 1.5e308])), 1.5e308, accuracy: 1e293)
        XCTAssertEqual(try XCTUnwrap(Statistics.mean([1e308, -1e308, 1e308])), 1e308 / 3, accuracy: 1e293)
        XCTAssertEqual(Statistics.mean([1e308, .infinity]), .infinity)
    }
}
