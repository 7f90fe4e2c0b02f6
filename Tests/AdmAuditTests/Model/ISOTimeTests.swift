import XCTest
@testable import AdmAudit

/// Instants and days are written digit by digit as the string interpolation wrote them,
/// for years of four digits and beyond.
final class ISOTimeTests: XCTestCase {
    /// The way they were written before: interpolation, two digits padded.
    private func reference(_ seconds: Int64) -> String {
        let day = AsOfDate(instant: seconds)
        let secondOfDay = Int(((seconds % 86_400) + 86_400) % 86_400)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(day.year)-\(two(day.month))-\(two(day.day))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))Z"
    }

    func testInstantsAreWrittenAsBefore() {
        var random = SeededGenerator(seed: 0x5EED_0006)
        var instants: [Int64] = [0, -1, 86_399, 86_400, 951_782_400, 253_402_300_799, 253_402_300_800, -62_167_219_200, -62_167_219_201]
        for _ in 0..<100_000 { instants.append(Int64(bitPattern: random.next()) % 400_000_000_000) }
        for seconds in instants {
            XCTAssertEqual(ISOTime.utc(seconds), reference(seconds), "\(seconds)")
        }
        XCTAssertEqual(ISOTime.utc(951_782_400), "2000-02-29T00:00:00Z")
        XCTAssertEqual(AsOfDate(instant: 951_782_400).description, "2000-02-29")
        XCTAssertEqual(AsOfDate(instant: 253_402_300_800).description, "10000-01-01")
    }
}
