import Foundation
import XCTest
@testable import AdmAudit

/// Mann–Whitney U, quartiles, mean and the LL144 scoring rate against scipy / numpy
/// (fixtures/reference/rank_and_stratified.json, made by rank_and_stratified.py next to
/// it), plus empty and degenerate inputs.
final class RankStatisticsTests: XCTestCase {
    private struct Generator: Decodable {
        var n: Int
        var mul: Int
        var add: Int
        var mod: Int

        /// value_i = float((i * mul + add) % mod) / 100, as the Python script.
        var values: [Double] { (0..<n).map { Double(($0 * mul + add) % mod) / 100 } }
    }

    private struct Quartiles: Decodable {
        var q1: Double
        var median: Double
        var q3: Double
        var mean: Double
    }

    private struct MannWhitneyCase: Decodable {
        var name: String
        var x: [Double]?
        var y: [Double]?
        var xGenerator: Generator?
        var yGenerator: Generator?
        var u: Double
        var p: Double
        var xQuartiles: Quartiles
        var pooledMedian: Double
        var xScoringRate: Double
        var yScoringRate: Double
    }

    private struct QuartileCase: Decodable {
        var name: String
        var values: [Double]
        var q1: Double
        var median: Double
        var q3: Double
        var mean: Double
    }

    private struct Reference: Decodable {
        var mannWhitney: [MannWhitneyCase]
        var quartiles: [QuartileCase]
    }

    private static func loadReference() throws -> Reference {
        // Tests/AdmAuditTests/Measure/Statistics/<this file>: four levels up is the package root.
        var root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<4 { root.deleteLastPathComponent() }
        let url = root.appendingPathComponent("fixtures/reference/rank_and_stratified.json")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Reference.self, from: Data(contentsOf: url))
    }

    /// Absolute below 1, relative above: for values (U, statistics) that run into the billions.
    private func assertClose(_ actual: Double, _ expected: Double, _ tolerance: Double, _ what: String,
                             file: StaticString = #filePath, line: UInt = #line) {
        let error = abs(actual - expected) / max(1, abs(expected))
        XCTAssertLessThanOrEqual(error, tolerance, "\(what): \(actual) vs \(expected)", file: file, line: line)
    }

    private func samples(_ c: MannWhitneyCase) throws -> ([Double], [Double]) {
        if let x = c.x, let y = c.y { return (x, y) }
        return (try XCTUnwrap(c.xGenerator).values, try XCTUnwrap(c.yGenerator).values)
    }

    // MARK: - Against the reference

    func testMannWhitneyAgreesWithScipy() throws {
        let reference = try Self.loadReference()
        XCTAssertGreaterThanOrEqual(reference.mannWhitney.count, 15)
        var worstU = 0.0, worstP = 0.0, worstRelativeP = 0.0
        for c in reference.mannWhitney {
            let (x, y) = try samples(c)
            let result = try XCTUnwrap(Statistics.mannWhitneyU(x, y), c.name)
            assertClose(result.u, c.u, 1e-9, "\(c.name) U")
            XCTAssertEqual(result.p, c.p, accuracy: 1e-6, "\(c.name) p")
            XCTAssertGreaterThanOrEqual(result.p, 0)
            XCTAssertLessThanOrEqual(result.p, 1)
            worstU = max(worstU, abs(result.u - c.u) / max(1, abs(c.u)))
            worstP = max(worstP, abs(result.p - c.p))
            if c.p > 0 { worstRelativeP = max(worstRelativeP, abs(result.p - c.p) / c.p) }
        }
        print("mannWhitneyU: worst U error (relative) \(worstU), worst p error \(worstP) (relative \(worstRelativeP))")
    }

    func testQuartilesAndMeanAgreeWithNumpy() throws {
        let reference = try Self.loadReference()
        var worstQuartile = 0.0, worstMean = 0.0
        func check(_ name: String, _ values: [Double], _ q1: Double, _ median: Double, _ q3: Double, _ meanValue: Double) throws {
            let q = try XCTUnwrap(Statistics.quartiles(values), name)
            for (actual, expected, label) in [(q.q1, q1, "q1"), (q.median, median, "median"), (q.q3, q3, "q3")] {
                assertClose(actual, expected, 1e-9, "\(name) \(label)")
                worstQuartile = max(worstQuartile, abs(actual - expected) / max(1, abs(expected)))
            }
            let m = try XCTUnwrap(Statistics.mean(values), name)
            assertClose(m, meanValue, 1e-9, "\(name) mean")
            worstMean = max(worstMean, abs(m - meanValue) / max(1, abs(meanValue)))
        }
        for c in reference.quartiles {
            try check(c.name, c.values, c.q1, c.median, c.q3, c.mean)
        }
        for c in reference.mannWhitney {
            let (x, y) = try samples(c)
            try check(c.name + " x", x, c.xQuartiles.q1, c.xQuartiles.median, c.xQuartiles.q3, c.xQuartiles.mean)
            // numpy.median of both samples together, the scoring rate's cut-off.
            assertClose(try XCTUnwrap(Statistics.quartiles(x + y)).median, c.pooledMedian, 1e-9, "\(c.name) pooled median")
        }
        print("quartiles: worst error \(worstQuartile); mean: worst error \(worstMean)")
    }

    func testScoringRateAgreesWithNumpy() throws {
        let reference = try Self.loadReference()
        var worst = 0.0
        for c in reference.mannWhitney {
            let (x, y) = try samples(c)
            let median = try XCTUnwrap(Statistics.quartiles(x + y)).median
            let rx = Statistics.scoringRate(x, median: median), ry = Statistics.scoringRate(y, median: median)
            XCTAssertEqual(rx, c.xScoringRate, accuracy: 1e-9, c.name)
            XCTAssertEqual(ry, c.yScoringRate, accuracy: 1e-9, c.name)
            worst = max(worst, abs(rx - c.xScoringRate), abs(ry - c.yScoringRate))
        }
        print("scoringRate: worst error \(worst)")
    }

    // MARK: - Degenerate inputs

    func testMannWhitneyNeedsTwoNonEmptySamples() {
        XCTAssertNil(Statistics.mannWhitneyU([], [1, 2]))
        XCTAssertNil(Statistics.mannWhitneyU([1, 2], []))
        XCTAssertNil(Statistics.mannWhitneyU([], []))
    }

    func testMannWhitneyRejectsNaN() {
        XCTAssertNil(Statistics.mannWhitneyU([1, .nan], [1, 2]))
        XCTAssertNil(Statistics.mannWhitneyU([1, 2], [.nan]))
    }

    func testMannWhitneyAllTiedHasPOne() throws {
        let result = try XCTUnwrap(Statistics.mannWhitneyU([4, 4, 4], [4, 4]))
        XCTAssertEqual(result.u, 3)  // n1·n2/2
        XCTAssertEqual(result.p, 1)
        let single = try XCTUnwrap(Statistics.mannWhitneyU([0], [-0.0]))  // 0 and −0 are one value
        XCTAssertEqual(single.u, 0.5)
        XCTAssertEqual(single.p, 1)
    }

    func testMannWhitneyIsSymmetric() throws {
        let x: [Double] = [0.3, 0.1, 0.5, 0.5, 0.9, 0.2], y: [Double] = [0.5, 0.7, 0.8, 0.8, 0.6]
        let xy = try XCTUnwrap(Statistics.mannWhitneyU(x, y)), yx = try XCTUnwrap(Statistics.mannWhitneyU(y, x))
        XCTAssertEqual(xy.u + yx.u, Double(x.count * y.count))
        XCTAssertEqual(xy.p, yx.p, accuracy: 1e-15)
        // Order within a sample does not matter.
        XCTAssertEqual(try XCTUnwrap(Statistics.mannWhitneyU(x.reversed(), y.shuffled())).u, xy.u)
    }

    func testMannWhitneyHandlesInfinities() throws {
        // U counts pairs: x = [−∞, 1], y = [∞, 1]: (−∞ < ∞), (−∞ < 1), (1 < ∞), (1 = 1 → ½).
        let result = try XCTUnwrap(Statistics.mannWhitneyU([-.infinity, 1], [.infinity, 1]))
        XCTAssertEqual(result.u, 0.5)
        XCTAssertTrue(result.p.isFinite)
    }

    func testMannWhitneyOnAQuarterMillionTiedScores() throws {
        // Scores with two decimals, as exported by screening tools: many ties.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double((state >> 33) % 101) / 100
        }
        let x = (0..<150_000).map { _ in next() }, y = (0..<100_000).map { _ in min(1, next() + 0.01) }
        let result = try XCTUnwrap(Statistics.mannWhitneyU(x, y))
        XCTAssertLessThan(result.u, Double(x.count * y.count) / 2)
        XCTAssertLessThan(result.p, 1e-6)
    }

    func testQuartilesOfEmptyOrNaNAreNil() {
        XCTAssertNil(Statistics.quartiles([]))
        XCTAssertNil(Statistics.quartiles([1, .nan, 3]))
    }

    func testQuartilesOfOneValue() throws {
        let q = try XCTUnwrap(Statistics.quartiles([-2.5]))
        XCTAssertEqual(q.q1, -2.5)
        XCTAssertEqual(q.median, -2.5)
        XCTAssertEqual(q.q3, -2.5)
    }

    func testMeanOfEmptyIsNilAndCompensationHelps() throws {
        XCTAssertNil(Statistics.mean([]))
        XCTAssertEqual(Statistics.mean([2]), 2)
        // A plain sum loses the small values next to 1e16.
        XCTAssertEqual(try XCTUnwrap(Statistics.mean([1e16, 1, 1, 1, 1, -1e16])), 4.0 / 6.0, accuracy: 1e-15)
        XCTAssertEqual(Statistics.mean([1, .infinity]), .infinity)
    }

    func testScoringRateIsStrictlyAbove() {
        XCTAssertEqual(Statistics.scoringRate([], median: 0.5), 0)
        XCTAssertEqual(Statistics.scoringRate([0.5, 0.5, 0.5], median: 0.5), 0)
        XCTAssertEqual(Statistics.scoringRate([0.4, 0.5, 0.6, 0.7], median: 0.5), 0.5)
        XCTAssertEqual(Statistics.scoringRate([1, 2], median: -.infinity), 1)
    }

    /// Each sample against the rest, ranked once for all, gives the very results of one
    /// test per sample (ties within and across samples, empty samples, a lone sample).
    func testEachAgainstTheRestEqualsOneTestPerSample() {
        var random = SeededGenerator(seed: 7)
        for round in 0..<200 {
            let samples = (0..<(1 + random.next(upTo: 6))).map { _ in
                (0..<random.next(upTo: 12)).map { _ in Double(random.next(upTo: 8)) / 4 }
            }
            let all = Statistics.mannWhitneyUEachAgainstRest(samples)
            // Sorted first, the samples are merged rather than sorted together: the same results.
            let merged = Statistics.mannWhitneyUEachAgainstRest(samples.map { $0.sorted() })
            XCTAssertEqual(merged.map { $0?.u }, all.map { $0?.u }, "round \(round)")
            XCTAssertEqual(merged.map { $0?.p }, all.map { $0?.p }, "round \(round)")
            XCTAssertEqual(Statistics.pooledInOrder(samples.map { $0.sorted() }, total: 0).map(\.value), samples.flatMap { $0 }.sorted())
            for index in samples.indices {
                let rest = samples.indices.filter { $0 != index }.flatMap { samples[$0] }
                let one = Statistics.mannWhitneyU(samples[index], rest)
                XCTAssertEqual(all[index]?.u, one?.u, "round \(round), sample \(index)")
                XCTAssertEqual(all[index]?.p, one?.p, "round \(round), sample \(index)")
            }
        }
        XCTAssertNil(Statistics.mannWhitneyUEachAgainstRest([[1, .nan], [2]])[1])
    }
}
