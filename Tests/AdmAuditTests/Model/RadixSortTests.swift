import XCTest
@testable import AdmAudit

/// The radix sorts put elements in the order their comparison gives, on random buffers,
/// buffers sharing most bytes, repeated elements and a flood of one id.
final class RadixSortTests: XCTestCase {
    func testScorePairsSortAsTheirComparisonSortsThem() {
        var random = SeededGenerator(seed: 0x5EED_0003)
        for size in [0, 1, 2, 255, 256, 257, 1000, 40_000] {
            for kind in 0..<4 {
                var pairs = (0..<size).map { _ -> ScoreCount in
                    let score: Double
                    switch kind {
                    case 0: score = Double(random.next() % 10_001) / 10_000  // four decimals
                    case 1: score = Double(bitPattern: random.next())  // any bits
                    case 2: score = [-0.0, 0.0, 1.5, -2.25, .leastNonzeroMagnitude, .greatestFiniteMagnitude][Int(random.next() % 6)]
                    default: score = 61.5
                    }
                    return ScoreCount(key: ScoreCount.key(score), profile: UInt32(random.next() % (kind == 3 ? 70_000 : 9)),
                                      count: UInt32(random.next() % 5))
                }
                let expected = pairs.sorted(by: ScoreCount.precedes)
                ScoreCount.sortInPlace(&pairs)
                XCTAssertEqual(pairs.map { [$0.key, UInt64($0.profile)] }, expected.map { [$0.key, UInt64($0.profile)] },
                               "size \(size) kind \(kind)")
                XCTAssertEqual(pairs.map(\.count).reduce(0, +), expected.map(\.count).reduce(0, +))
            }
        }
    }

    func testIdEntriesSortAsTheirComparisonSortsThem() {
        var random = SeededGenerator(seed: 0x5EED_0004)
        typealias Entry = DecisionIDRegistry.Entry
        for size in [3, 300, 65_536] {
            for kind in 0..<3 {
                var entries = (0..<size).map { index -> Entry in
                    switch kind {
                    // Hashes.
                    case 0: return Entry(high: random.next(), low: random.next(), place: UInt64(index))
                    // Sharing the top 32 bits, differing below.
                    case 1: return Entry(high: 0xABCD_0000_0000_0000 | random.next() % 4, low: random.next() % 3, place: random.next() % 1000)
                    // One id a flood of times, in no order of place.
                    default: return Entry(high: 7 << 40, low: 9, place: random.next())
                    }
                }
                let expected = entries.sorted(by: Entry.precedes)
                Entry.sortInPlace(&entries)
                XCTAssertEqual(entries.map { [$0.high, $0.low, $0.place] }, expected.map { [$0.high, $0.low, $0.place] },
                               "size \(size) kind \(kind)")
            }
        }
    }
}
