import Foundation
import XCTest
@testable import AdmAudit

/// The score store: exact (every score comes back as the very double that was parsed),
/// 4 bytes a score for scores written with up to nine decimals, and mergeable.
final class ScoreStoreTests: XCTestCase {
    /// Scores as an export writes them, parsed as the record builder does (strtod).
    private func parsed(_ text: String) -> Double { strtod(text, nil) }

    private func column(_ texts: [String]) -> ScoreStore.Column {
        var column = ScoreStore.Column()
        let profile = column.profile(for: [0])
        for text in texts { column.append(parsed(text), profile: profile) }
        return column
    }

    func testScoresComeBackBitForBitAsTheScaleGrows() {
        // None, then one decimal, two, three, nine: the held values are rescaled each time
        // (at nine decimals, 32 bits hold magnitudes up to 2.147).
        let texts = ["1", "0.5", "1.25", "-0.125", "0.000000001", "0.73", "2", "1e-3", "1.25E-1"]
        let column = column(texts)
        XCTAssertNil(column.wide)
        XCTAssertEqual(column.scale, 9)
        XCTAssertEqual(column.values(ofProfile: 0).map(\.bitPattern), texts.map { parsed($0).bitPattern })
    }

    func testRandomDecimalsComeBackExactly() {
        var generator = SystemRandomNumberGenerator()
        var texts: [String] = []
        for _ in 0..<2000 {
            let decimals = Int.random(in: 0...6, using: &generator)
            let whole = Int.random(in: -999...999, using: &generator)
            let fraction = decimals == 0 ? "" : "." + String((0..<decimals).map { _ in "0123456789".randomElement(using: &generator)! })
            texts.append("\(whole)\(fraction)")
        }
        let column = column(texts)
        XCTAssertNil(column.wide, "every value fits 32 bits at six decimals")
        XCTAssertEqual(column.values(ofProfile: 0).map(\.bitPattern), texts.map { parsed($0).bitPattern }, texts.joined(separator: " "))
    }

    func testAScoreNoScaleHoldsMakesTheTypeWideAndStaysExact() {
        for outlier in ["1e-12", "3e10", "0.1234567891", String(0.1 + 0.2)] {
            let texts = ["0.5", "7.25", outlier, "3"]
            let column = column(texts)
            XCTAssertNotNil(column.wide, outlier)
            XCTAssertEqual(column.values(ofProfile: 0).map(\.bitPattern), texts.map { parsed($0).bitPattern }, outlier)
        }
    }

    func testLargeValuesAtCoarseScaleDoNotOverflowWhenFinerScoresArrive() {
        // 3,000,000 fits at scale 0; at scale 3 it would need 3e9 > Int32.max: the type goes wide.
        let texts = ["3000000", "1.125"]
        let column = column(texts)
        XCTAssertNotNil(column.wide)
        XCTAssertEqual(column.values(ofProfile: 0), texts.map(parsed))
    }

    func testFourBytesAScoreOnTheFixture() throws {
        let pipeline = try PipelineLoader.load(path: TestSupport.fixture("shards/shards.yaml"))
        let (result, _) = try TestSupport.audit([TestSupport.fixture("shards/whole.csv")], pipeline: pipeline)
        let store = result.shard.measure.scores
        let scored = store.columns.reduce(0) { $0 + $1.count }
        XCTAssertEqual(scored, 600)
        XCTAssertFalse(store.isWide)
        XCTAssertEqual(store.scoreBytes, 4 * scored)
        // And no group code is kept per score: profiles are combinations, far fewer than scores.
        XCTAssertLessThan(store.columns.reduce(0) { $0 + $1.profiles.count }, scored / 4)
    }

    func testMergeTranslatesGroupCodes() {
        var first = ScoreStore.Column()
        let a = first.profile(for: [0, 1])
        first.append(1.5, profile: a)
        var other = ScoreStore.Column()
        let b = other.profile(for: [1, AttributeGroups.unknown])
        other.append(0.25, profile: b)
        let c = other.profile(for: [0, 0])
        other.append(9, profile: c)

        var store = ScoreStore(attributeCount: 2, columns: Array(repeating: first, count: DecisionType.allCases.count))
        let incoming = ScoreStore(attributeCount: 2, columns: Array(repeating: other, count: DecisionType.allCases.count))
        // The other run's code 1 of attribute 0 is this run's 0 and vice versa; attribute 1: 0 → 1.
        // So its [1, unknown] is [0, unknown] here, and its [0, 0] is [1, 1].
        store.merge(incoming, remap: [[1, 0], [1]])
        let merged = store.columns[0]
        XCTAssertEqual(merged.profiles, [[0, 1], [0, AttributeGroups.unknown], [1, 1]])
        XCTAssertEqual(merged.values(ofProfile: 0), [1.5])
        XCTAssertEqual(merged.values(ofProfile: 1), [0.25])
        XCTAssertEqual(merged.values(ofProfile: 2), [9])
        XCTAssertEqual(merged.count, 3)
    }

    /// The radix sort of scaled scores orders them as a comparison sort does: negatives,
    /// the extremes, ties, values whose high bytes are all alike (skipped passes) and not.
    func testRadixSortAgreesWithSorted() {
        var generator = SystemRandomNumberGenerator()
        let cases: [[Int32]] = [
            [], [7], [3, -1, Int32.max, Int32.min, 0, -1, 3, 250, -250, 65_536, -65_537],
            (0..<5_000).map { _ in Int32.random(in: 0...1_000, using: &generator) },
            (0..<5_000).map { _ in Int32.random(in: Int32.min...Int32.max, using: &generator) },
            (0..<5_000).map { _ in Int32.random(in: -300...300, using: &generator) },
        ]
        for values in cases {
            var sorted = values
            ScoreStore.radixSort(&sorted)
            XCTAssertEqual(sorted, values.sorted())
        }
    }
}
