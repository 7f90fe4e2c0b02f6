import Foundation
import XCTest
@testable import AdmAudit

/// The proportion statistics against scipy / statsmodels reference values
/// (fixtures/reference/proportion_statistics.json, written by the .py beside it),
/// plus the undefined cases, symmetries and monotonicity that must hold whatever
/// the data.
final class ProportionStatisticsTests: XCTestCase {
    // Tolerances of the design ("Group statistics"): rates, intervals, ratios and z to
    // 1e-9 absolute, p-values to 1e-6 absolute.
    private let valueTolerance = 1e-9
    private let pTolerance = 1e-6

    /// The reference file, decoded with JSONDecoder (exact shortest-repr doubles;
    /// JSONSerialization on Linux goes through NSDecimalNumber and loses the last bit).
    private static let reference: Reference? = {
        // Tests/AdmAuditTests/Measure/Statistics/<file>: four folders up is the package root.
        var root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<4 { root = root.deletingLastPathComponent() }
        let url = root.appendingPathComponent("fixtures/reference/proportion_statistics.json")
        guard let data = try? Data(contentsOf: url) else { return nil }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try? decoder.decode(Reference.self, from: data)
    }()

    private var reference: Reference {
        get throws {
            try XCTUnwrap(Self.reference, "fixtures/reference/proportion_statistics.json missing or unreadable; regenerate it with python3 fixtures/reference/proportion_statistics.py")
        }
    }

    /// Largest absolute error seen per quantity, printed at the end of the run of each test.
    private var worst: [String: Double] = [:]

    private func check(_ actual: Double, _ expected: Double, _ tolerance: Double, _ what: String, _ label: String,
                       file: StaticString = #filePath, line: UInt = #line) {
        let error = actual == expected ? 0 : abs(actual - expected)  // equal infinities count as 0
        worst[what] = max(worst[what] ?? 0, error.isNaN ? .infinity : error)
        XCTAssertLessThanOrEqual(error, tolerance, "\(what) \(label): \(actual) vs \(expected)", file: file, line: line)
    }

    private func reportWorst(_ name: String) {
        let text = worst.keys.sorted().map { "\($0) \(worst[$0]!)" }.joined(separator: ", ")
        print("[\(name)] worst absolute error: \(text)")
    }

    // MARK: - Reference values

    func testReferenceFileIsThere() throws {
        let reference = try reference
        XCTAssertGreaterThan(reference.pairs.count, 1000)
        XCTAssertEqual(reference.compas.referenceGroup, "Other")
        XCTAssertEqual(reference.compas.referenceN, 377)
        XCTAssertEqual(reference.compas.referenceFavorable, 298)
    }

    func testPairsAgainstScipy() throws {
        let all = try reference.pairs
        for c in all { checkPair(c) }
        reportWorst("pairs, \(all.count) cases")
    }

    func testCompasRaceGroupsAgainstOther() throws {
        let groups = try reference.compas.groups
        XCTAssertEqual(groups.count, 5)
        for c in groups { checkPair(c) }
        let fisher = groups.map { Statistics.fisherExactTwoSided(a: $0.x1, b: $0.n1 - $0.x1, c: $0.x2, d: $0.n2 - $0.x2) }
        let holm = Statistics.holmAdjusted(fisher), bh = Statistics.benjaminiHochbergAdjusted(fisher)
        for (i, c) in groups.enumerated() {
            check(holm[i], try XCTUnwrap(c.fisherPHolm), pTolerance, "holm", c.label)
            check(bh[i], try XCTUnwrap(c.fisherPBh), pTolerance, "bh", c.label)
        }
        // The published picture: African-American IR 0.52 with p ≈ 3e-46; Asian not significant.
        XCTAssertEqual(groups[0].group, "African-American")
        XCTAssertEqual(groups[0].x1, 1522)
        XCTAssertEqual(groups[0].n1, 3696)
        XCTAssertLessThan(fisher[0], 1e-40)
        XCTAssertEqual(groups[1].group, "Asian")
        XCTAssertGreaterThan(holm[1], 0.5)
        reportWorst("COMPAS, \(groups.count) groups")
    }

    private func checkPair(_ c: PairCase) {
        let x1 = c.x1, n1 = c.n1, x2 = c.x2, n2 = c.n2
        let label = "\(c.label) \(x1)/\(n1) vs \(x2)/\(n2)"

        for (x, n, rate, wilson) in [(x1, n1, c.rate1, c.wilson1), (x2, n2, c.rate2, c.wilson2)] {
            if let rate {
                check(Double(x) / Double(n), rate, valueTolerance, "rate", label)
            }
            let interval = Statistics.wilsonInterval(successes: x, n: n)
            if let expected = wilson {
                guard let interval else { XCTFail("wilson \(label): nil, expected \(expected)"); continue }
                check(interval.lower, expected[0], valueTolerance, "wilson", label)
                check(interval.upper, expected[1], valueTolerance, "wilson", label)
            } else {
                XCTAssertNil(interval, "wilson \(label)")
            }
        }

        let p = Statistics.fisherExactTwoSided(a: x1, b: n1 - x1, c: x2, d: n2 - x2)
        check(p, c.fisherP, pTolerance, "fisher", label)

        let z = Statistics.twoProportionZ(successes1: x1, n1: n1, successes2: x2, n2: n2)
        if let expected = c.z, let expectedP = c.zP {
            guard let z else { return XCTFail("z \(label): nil, expected \(expected)") }
            check(z, expected, valueTolerance, "z", label)
            check(Statistics.normalTwoSidedP(z: z), expectedP, pTolerance, "z p", label)
        } else {
            XCTAssertNil(z, "z \(label)")
        }

        let interval = Statistics.ratioInterval(successes1: x1, n1: n1, successes2: x2, n2: n2, confidence: 0.95)
        if let expected = c.ratioInterval, let ratio = c.ratio {
            guard let interval else { return XCTFail("ratio interval \(label): nil, expected \(expected)") }
            check(interval.lower, expected[0], valueTolerance, "ratio interval", label)
            check(interval.upper, expected[1], valueTolerance, "ratio interval", label)
            // The log interval is symmetric around log(ratio): its geometric mean is the ratio.
            check((interval.lower * interval.upper).squareRoot(), ratio, valueTolerance, "ratio", label)
        } else {
            XCTAssertNil(interval, "ratio interval \(label)")
        }
        if let ratio = c.ratio {
            check((Double(x1) / Double(n1)) / (Double(x2) / Double(n2)), ratio, valueTolerance, "ratio", label)
        }
    }

    func testWilsonAtOtherConfidenceLevels() throws {
        let all = try reference.wilson
        for c in all {
            let label = "\(c.successes)/\(c.n) at \(c.confidence)"
            let interval = Statistics.wilsonInterval(successes: c.successes, n: c.n, confidence: c.confidence)
            if let lower = c.lower, let upper = c.upper {
                guard let interval else { XCTFail("wilson \(label): nil"); continue }
                check(interval.lower, lower, valueTolerance, "wilson", label)
                check(interval.upper, upper, valueTolerance, "wilson", label)
            } else {
                XCTAssertNil(interval, label)
            }
        }
        reportWorst("wilson, \(all.count) cases")
    }

    func testRatioIntervalAtOtherConfidenceLevels() throws {
        let all = try reference.ratioIntervals
        for c in all {
            let label = "\(c.x1)/\(c.n1) vs \(c.x2)/\(c.n2) at \(c.confidence)"
            let interval = Statistics.ratioInterval(successes1: c.x1, n1: c.n1, successes2: c.x2, n2: c.n2, confidence: c.confidence)
            if let lower = c.lower, let upper = c.upper {
                guard let interval else { XCTFail("ratio interval \(label): nil"); continue }
                check(interval.lower, lower, valueTolerance, "ratio interval", label)
                check(interval.upper, upper, valueTolerance, "ratio interval", label)
            } else {
                XCTAssertNil(interval, label)
            }
        }
        reportWorst("ratio intervals, \(all.count) cases")
    }

    func testNormalTwoSidedPAgainstScipy() throws {
        let all = try reference.normalTwoSidedP
        for c in all {
            let p = Statistics.normalTwoSidedP(z: c.z)
            check(p, c.p, pTolerance, "normal p", "z = \(c.z)")
            // erfc keeps the tails relative, not just absolute.
            XCTAssertEqual(p, c.p, accuracy: max(c.p * 1e-13, 1e-300), "z = \(c.z)")
        }
        reportWorst("normal p, \(all.count) cases")
    }

    func testNormalQuantileAgainstScipy() throws {
        let all = try reference.normalQuantile
        for c in all {
            let z = Statistics.standardNormalQuantile(c.p)
            check(z, c.z, valueTolerance, "quantile", "p = \(c.p)")
            XCTAssertEqual(z, c.z, accuracy: abs(c.z) * 1e-14 + 1e-15, "p = \(c.p)")
        }
        XCTAssertEqual(Statistics.twoSidedCriticalValue(confidence: 0.95), 1.959963984540054, accuracy: 1e-15)
        XCTAssertEqual(Statistics.standardNormalQuantile(0), -.infinity)
        XCTAssertEqual(Statistics.standardNormalQuantile(1), .infinity)
        XCTAssertTrue(Statistics.standardNormalQuantile(1.5).isNaN)
        XCTAssertTrue(Statistics.twoSidedCriticalValue(confidence: 1).isNaN)
        reportWorst("quantile, \(all.count) cases")
    }

    func testMultipleTestingAgainstStatsmodels() throws {
        let all = try reference.multipleTesting
        for c in all {
            let p = c.p, holm = c.holm, bh = c.bh
            let actualHolm = Statistics.holmAdjusted(p), actualBH = Statistics.benjaminiHochbergAdjusted(p)
            XCTAssertEqual(actualHolm.count, p.count)
            XCTAssertEqual(actualBH.count, p.count)
            for i in p.indices {
                check(actualHolm[i], holm[i], pTolerance, "holm", "\(p)")
                check(actualBH[i], bh[i], pTolerance, "bh", "\(p)")
                // Same operations in the same order as statsmodels: equal to the last bit.
                XCTAssertEqual(actualHolm[i], holm[i], "holm \(p)")
                XCTAssertEqual(actualBH[i], bh[i], "bh \(p)")
            }
        }
        reportWorst("multiple testing, \(all.count) vectors")
    }

    // MARK: - Hand-checked values

    func testHandCheckedValues() throws {
        // Lady tasting tea: [[3, 1], [1, 3]], p = (1 + 16 + 16 + 1) / 70.
        XCTAssertEqual(Statistics.fisherExactTwoSided(a: 3, b: 1, c: 1, d: 3), 34.0 / 70.0, accuracy: 1e-15)
        // [[1, 0], [0, 1]]: both tables have probability 1/2, so p = 1.
        XCTAssertEqual(Statistics.fisherExactTwoSided(a: 1, b: 0, c: 0, d: 1), 1)
        // [[5, 0], [0, 5]]: 2 / C(10, 5) = 2 / 252.
        XCTAssertEqual(Statistics.fisherExactTwoSided(a: 5, b: 0, c: 0, d: 5), 2.0 / 252.0, accuracy: 1e-15)
        // Wilson, 0 of 10: [0, z² / (n + z²)].
        let z = 1.959963984540054
        let w = try XCTUnwrap(Statistics.wilsonInterval(successes: 0, n: 10))
        XCTAssertEqual(w.lower, 0)
        XCTAssertEqual(w.upper, z * z / (10 + z * z), accuracy: 1e-15)
        // z for 3/4 vs 1/4: pooled 1/2, se = √(1/4 · 1/2) = √(1/8), z = 0.5 / √(1/8) = √2.
        XCTAssertEqual(try XCTUnwrap(Statistics.twoProportionZ(successes1: 3, n1: 4, successes2: 1, n2: 4)), 2.0.squareRoot(), accuracy: 1e-15)
        // Ratio 10/50 vs 20/50 = 0.5, se = √(1/10 − 1/50 + 1/20 − 1/50) = √0.11.
        let r = try XCTUnwrap(Statistics.ratioInterval(successes1: 10, n1: 50, successes2: 20, n2: 50))
        XCTAssertEqual(r.lower, 0.5 * exp(-z * 0.11.squareRoot()), accuracy: 1e-15)
        XCTAssertEqual(r.upper, 0.5 * exp(z * 0.11.squareRoot()), accuracy: 1e-15)
        // Holm / BH on [0.01, 0.04, 0.03, 0.005] (worked in the .py).
        XCTAssertEqual(Statistics.holmAdjusted([0.01, 0.04, 0.03, 0.005]), [0.03, 0.06, 0.06, 0.02], accuracy: 1e-15)
        XCTAssertEqual(Statistics.benjaminiHochbergAdjusted([0.01, 0.04, 0.03, 0.005]), [0.02, 0.04, 0.04, 0.02], accuracy: 1e-15)
        XCTAssertEqual(Statistics.normalTwoSidedP(z: 1.959963984540054), 0.05, accuracy: 1e-15)
        XCTAssertEqual(Statistics.normalTwoSidedP(z: 0), 1)
    }

    // MARK: - Undefined cases

    func testUndefinedCasesAreNilNotNaN() {
        XCTAssertNil(Statistics.wilsonInterval(successes: 0, n: 0))
        XCTAssertNil(Statistics.wilsonInterval(successes: 3, n: 2))
        XCTAssertNil(Statistics.wilsonInterval(successes: -1, n: 2))
        XCTAssertNil(Statistics.wilsonInterval(successes: 1, n: 2, confidence: 1))
        XCTAssertNil(Statistics.wilsonInterval(successes: 1, n: 2, confidence: 0))

        XCTAssertNil(Statistics.twoProportionZ(successes1: 0, n1: 0, successes2: 3, n2: 5))
        XCTAssertNil(Statistics.twoProportionZ(successes1: 3, n1: 5, successes2: 0, n2: 0))
        XCTAssertNil(Statistics.twoProportionZ(successes1: 0, n1: 5, successes2: 0, n2: 7), "pooled rate 0")
        XCTAssertNil(Statistics.twoProportionZ(successes1: 5, n1: 5, successes2: 7, n2: 7), "pooled rate 1")
        XCTAssertNil(Statistics.twoProportionZ(successes1: 6, n1: 5, successes2: 1, n2: 7))
        XCTAssertEqual(Statistics.twoProportionZ(successes1: 3, n1: 10, successes2: 6, n2: 20), 0)

        XCTAssertNil(Statistics.ratioInterval(successes1: 0, n1: 5, successes2: 3, n2: 5))
        XCTAssertNil(Statistics.ratioInterval(successes1: 3, n1: 5, successes2: 0, n2: 5))
        XCTAssertNil(Statistics.ratioInterval(successes1: 0, n1: 0, successes2: 3, n2: 5))
        XCTAssertNil(Statistics.ratioInterval(successes1: 6, n1: 5, successes2: 3, n2: 5))
        XCTAssertNil(Statistics.ratioInterval(successes1: 1, n1: 5, successes2: 3, n2: 5, confidence: 1.5))
        // All favourable in both groups: the ratio is exactly 1 with no spread.
        let one = Statistics.ratioInterval(successes1: 4, n1: 4, successes2: 9, n2: 9)
        XCTAssertEqual(one?.lower, 1)
        XCTAssertEqual(one?.upper, 1)

        // Empty rows or columns: nothing to test, p = 1 (as scipy).
        XCTAssertEqual(Statistics.fisherExactTwoSided(a: 0, b: 0, c: 0, d: 0), 1)
        XCTAssertEqual(Statistics.fisherExactTwoSided(a: 0, b: 0, c: 3, d: 4), 1)
        XCTAssertEqual(Statistics.fisherExactTwoSided(a: 3, b: 4, c: 0, d: 0), 1)
        XCTAssertEqual(Statistics.fisherExactTwoSided(a: 0, b: 6, c: 0, d: 9), 1)
        XCTAssertEqual(Statistics.fisherExactTwoSided(a: 6, b: 0, c: 9, d: 0), 1)
        XCTAssertTrue(Statistics.fisherExactTwoSided(a: -1, b: 2, c: 3, d: 4).isNaN)

        XCTAssertEqual(Statistics.holmAdjusted([]), [])
        XCTAssertEqual(Statistics.benjaminiHochbergAdjusted([]), [])
        XCTAssertEqual(Statistics.normalTwoSidedP(z: .infinity), 0)
        XCTAssertTrue(Statistics.normalTwoSidedP(z: .nan).isNaN)
    }

    // MARK: - Symmetries

    func testFisherIsSymmetricInRowsColumnsAndTransposition() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<300 {
            let a = generator.next(upTo: 40), b = generator.next(upTo: 40), c = generator.next(upTo: 40), d = generator.next(upTo: 40)
            let p = Statistics.fisherExactTwoSided(a: a, b: b, c: c, d: d)
            XCTAssertGreaterThanOrEqual(p, 0)
            XCTAssertLessThanOrEqual(p, 1)
            XCTAssertEqual(Statistics.fisherExactTwoSided(a: c, b: d, c: a, d: b), p, accuracy: 1e-12, "rows swapped \([a, b, c, d])")
            XCTAssertEqual(Statistics.fisherExactTwoSided(a: b, b: a, c: d, d: c), p, accuracy: 1e-12, "columns swapped \([a, b, c, d])")
            XCTAssertEqual(Statistics.fisherExactTwoSided(a: a, b: c, c: b, d: d), p, accuracy: 1e-12, "transposed \([a, b, c, d])")
        }
    }

    func testSwappingGroupsNegatesZAndInvertsTheRatioInterval() throws {
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<300 {
            let n1 = 1 + generator.next(upTo: 500), n2 = 1 + generator.next(upTo: 500)
            let x1 = generator.next(upTo: n1 + 1), x2 = generator.next(upTo: n2 + 1)
            let label = "\(x1)/\(n1) vs \(x2)/\(n2)"
            if let z = Statistics.twoProportionZ(successes1: x1, n1: n1, successes2: x2, n2: n2) {
                let swapped = try XCTUnwrap(Statistics.twoProportionZ(successes1: x2, n1: n2, successes2: x1, n2: n1))
                XCTAssertEqual(swapped, -z, accuracy: 1e-12, label)
                // Counting adverse outcomes instead of favourable ones also negates z.
                let adverse = try XCTUnwrap(Statistics.twoProportionZ(successes1: n1 - x1, n1: n1, successes2: n2 - x2, n2: n2))
                XCTAssertEqual(adverse, -z, accuracy: 1e-9, label)
            }
            if let r = Statistics.ratioInterval(successes1: x1, n1: n1, successes2: x2, n2: n2) {
                let swapped = try XCTUnwrap(Statistics.ratioInterval(successes1: x2, n1: n2, successes2: x1, n2: n1))
                XCTAssertEqual(swapped.lower, 1 / r.upper, accuracy: 1e-12 * swapped.lower, label)
                XCTAssertEqual(swapped.upper, 1 / r.lower, accuracy: 1e-12 * swapped.upper, label)
                XCTAssertLessThanOrEqual(r.lower, r.upper)
            }
            // Wilson: the interval for the adverse rate mirrors the favourable one.
            let w = try XCTUnwrap(Statistics.wilsonInterval(successes: x1, n: n1))
            let mirror = try XCTUnwrap(Statistics.wilsonInterval(successes: n1 - x1, n: n1))
            XCTAssertEqual(w.lower, 1 - mirror.upper, accuracy: 1e-12, label)
            XCTAssertEqual(w.upper, 1 - mirror.lower, accuracy: 1e-12, label)
            XCTAssertLessThanOrEqual(w.lower, Double(x1) / Double(n1) + 1e-15)
            XCTAssertGreaterThanOrEqual(w.upper, Double(x1) / Double(n1) - 1e-15)
        }
    }

    // MARK: - Large tables

    func testFisherOnLargeTablesStaysFiniteAndFast() {
        // n = 100,000 and n = 2,000,000: log-space terms, no overflow, sums in [0, 1].
        let tables = [(40000, 10000, 39000, 11000), (25000, 25000, 25400, 24600), (10, 59990, 40, 39960),
                      (500_000, 500_000, 500_000, 500_000), (400_000, 600_000, 401_000, 599_000), (0, 1_000_000, 1, 999_999)]
        for (a, b, c, d) in tables {
            let p = Statistics.fisherExactTwoSided(a: a, b: b, c: c, d: d)
            XCTAssertTrue(p.isFinite && p >= 0 && p <= 1, "\([a, b, c, d]): \(p)")
        }
        XCTAssertEqual(Statistics.fisherExactTwoSided(a: 500_000, b: 500_000, c: 500_000, d: 500_000), 1)
        // One favourable in two million: the only other table as extreme is its mirror.
        XCTAssertEqual(Statistics.fisherExactTwoSided(a: 0, b: 1_000_000, c: 1, d: 999_999), 1, accuracy: 1e-9)
    }

    // MARK: - Multiple testing properties

    func testHolmAndBHAreMonotoneCappedAndOrderPreserving() {
        var generator = SeededGenerator(seed: 3)
        for round in 0..<200 {
            let m = 1 + round % 25
            var p = (0..<m).map { _ in pow(generator.nextUnit(), 3) }
            if m > 2 { p[1] = p[m - 1] }  // a tie
            if round % 3 == 0 { p = p.map { ($0 * 100).rounded() / 100 } }  // many ties, some 0
            let holm = Statistics.holmAdjusted(p), bh = Statistics.benjaminiHochbergAdjusted(p)
            for i in p.indices {
                XCTAssertGreaterThanOrEqual(holm[i], p[i])
                XCTAssertGreaterThanOrEqual(bh[i], p[i])
                XCTAssertLessThanOrEqual(holm[i], 1)
                XCTAssertLessThanOrEqual(bh[i], 1)
                XCTAssertLessThanOrEqual(bh[i], holm[i] + 1e-15, "BH is never stricter than Holm")
                for j in p.indices where p[i] <= p[j] {
                    XCTAssertLessThanOrEqual(holm[i], holm[j], "Holm monotone \(p)")
                    XCTAssertLessThanOrEqual(bh[i], bh[j], "BH monotone \(p)")
                    if p[i] == p[j] {
                        XCTAssertEqual(holm[i], holm[j], "Holm ties \(p)")
                        XCTAssertEqual(bh[i], bh[j], "BH ties \(p)")
                    }
                }
            }
            // Reordering the input reorders the output and changes nothing else.
            let reversed = Array(p.reversed())
            XCTAssertEqual(Statistics.holmAdjusted(reversed), Array(holm.reversed()))
            XCTAssertEqual(Statistics.benjaminiHochbergAdjusted(reversed), Array(bh.reversed()))
        }
        XCTAssertEqual(Statistics.holmAdjusted([0.6, 0.9]), [1, 1])
        XCTAssertEqual(Statistics.benjaminiHochbergAdjusted([0.6, 0.9]), [0.9, 0.9])
        XCTAssertEqual(Statistics.holmAdjusted([0.5]), [0.5])
        // NaN as numpy does it: Holm's running maximum keeps it to the NaN entry, BH's
        // running minimum (taken from the top, where NaN sorts) spreads it to all.
        let holmNaN = Statistics.holmAdjusted([0.01, .nan, 0.02])
        XCTAssertEqual(holmNaN[0], 0.03, accuracy: 1e-15)
        XCTAssertEqual(holmNaN[2], 0.04, accuracy: 1e-15)
        XCTAssertTrue(holmNaN[1].isNaN)
        XCTAssertTrue(Statistics.benjaminiHochbergAdjusted([0.01, .nan, 0.02]).allSatisfy(\.isNaN))
    }
}

/// proportion_statistics.json, as written by proportion_statistics.py (snake_case keys).
private struct Reference: Decodable {
    let pairs: [PairCase]
    let wilson: [WilsonCase]
    let ratioIntervals: [RatioCase]
    let normalTwoSidedP: [NormalPCase]
    let normalQuantile: [QuantileCase]
    let multipleTesting: [MultipleCase]
    let compas: Compas

    struct Compas: Decodable {
        let referenceGroup: String
        let referenceN: Int
        let referenceFavorable: Int
        let groups: [PairCase]
    }
}

/// Group 1 (x1 of n1 favourable) against group 2; nil where the statistic is undefined.
private struct PairCase: Decodable {
    let label: String
    let x1: Int, n1: Int, x2: Int, n2: Int
    let rate1: Double?, rate2: Double?
    let wilson1: [Double]?, wilson2: [Double]?
    let fisherP: Double
    let z: Double?, zP: Double?
    let ratio: Double?, ratioInterval: [Double]?
    let group: String?, fisherPHolm: Double?, fisherPBh: Double?
}

private struct WilsonCase: Decodable {
    let successes: Int, n: Int, confidence: Double
    let lower: Double?, upper: Double?
}

private struct RatioCase: Decodable {
    let x1: Int, n1: Int, x2: Int, n2: Int, confidence: Double
    let lower: Double?, upper: Double?
}

private struct NormalPCase: Decodable { let z: Double, p: Double }
private struct QuantileCase: Decodable { let p: Double, z: Double }
private struct MultipleCase: Decodable { let p: [Double], holm: [Double], bh: [Double] }

private func XCTAssertEqual(_ a: [Double], _ b: [Double], accuracy: Double, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.count, b.count, file: file, line: line)
    for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: accuracy, "\(a) vs \(b)", file: file, line: line) }
}

