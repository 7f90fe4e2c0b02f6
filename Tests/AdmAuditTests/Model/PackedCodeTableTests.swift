import XCTest
@testable import AdmAudit

/// The lookup table of packed group codes (`Intersections`, `ScoreStore`) against a dictionary.
final class PackedCodeTableTests: XCTestCase {
    func testFindsWhatWasInsertedAndNothingElseThroughGrowth() {
        var table = PackedCodeTable()
        var reference: [UInt64: Int32] = [:]
        var state: UInt64 = 42
        for step in 0..<20_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            // Dense small keys (codes side by side) and scattered ones.
            let key = step % 2 == 0 ? UInt64(step / 2) << 21 | UInt64(step % 7) : state
            if reference[key] == nil {
                table.insert(key, Int32(step))
                reference[key] = Int32(step)
            }
        }
        XCTAssertEqual(table.count, reference.count)
        for (key, value) in reference { XCTAssertEqual(table.value(for: key), value) }
        for probe in [UInt64.max, 123_456_789_012, 1 << 62] where reference[probe] == nil {
            XCTAssertNil(table.value(for: probe))
        }
    }
}
