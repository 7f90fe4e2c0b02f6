import XCTest
@testable import AdmAudit

/// The bounded memory of spellings read by meaning, shared by value vocabularies and the
/// checks' term matchers.
final class LearnedReadingsTests: XCTestCase {
    private func remember(_ readings: inout LearnedReadings<UInt64>, _ text: String, _ reading: UInt64) {
        Array(text.utf8).withUnsafeBytes { readings.remember($0, reading) }
    }

    private func lookup(_ readings: LearnedReadings<UInt64>, _ text: String) -> UInt64? {
        Array(text.utf8).withUnsafeBytes { readings.lookup($0) }
    }

    func testASpellingIsFoundByItsBytesCaseFolded() {
        var readings = LearnedReadings<UInt64>()
        remember(&readings, "Toilet Breaks", 0b101)
        XCTAssertEqual(lookup(readings, "toilet breaks"), 0b101)
        XCTAssertNil(lookup(readings, "toilet break"))
        remember(&readings, "TOILET BREAKS", 0b1)
        XCTAssertEqual(lookup(readings, "Toilet Breaks"), 0b101, "the first reading stands")
        XCTAssertEqual(readings.count, 1)
    }

    func testNothingMoreIsRememberedPastTheLimit() {
        var readings = LearnedReadings<UInt64>()
        let limit = LearnedReadings<UInt64>.limit
        for i in 0..<(limit + 100) { remember(&readings, "item \(i)", UInt64(i)) }
        XCTAssertEqual(readings.count, limit)
        XCTAssertEqual(lookup(readings, "item \(limit - 1)"), UInt64(limit - 1))
        XCTAssertNil(lookup(readings, "item \(limit)"))
    }
}
