import Foundation
import XCTest
@testable import AdmAudit

/// The score store: exact (every score comes back as the very double that was parsed),
/// counted (equal scores of a profile are one entry), bounded (past its table, counts go to
/// sorted runs in TMPDIR), mergeable, and read in order into the statistics an array of
/// every score gives.
final class ScoreStoreTests: XCTestCase {
    /// Scores as an export writes them, parsed as the record builder does (strtod).
    private func parsed(_ text: String) -> Double { strtod(text, nil) }

    private func column(_ values: [Double], tableLimit: Int = ScoreCounts.defaultTableLimit) -> ScoreStore.Column {
        var column = ScoreStore.Column(tableLimit: tableLimit)
        let profile = column.profile(for: [0])
        for value in values { column.append(value, profile: profile) }
        return column
    }

    func testScoresComeBackBitForBitInOrder() throws {
        let texts = ["1", "0.5", "1.25", "-0.125", "0.000000001", "0.73", "2", "1e-3", "1.25E-1", "1e-12", "3e10", "0.1234567891",
                     String(0.1 + 0.2), "-0", "0", "-1e308", "1.7976931348623157e308"]
        let values = texts.map(parsed)
        for limit in [ScoreCounts.defaultTableLimit, 1, 3] {
            let column = column(values, tableLimit: limit)
            XCTAssertEqual(column.count, texts.count)
            XCTAssertEqual(try column.values(ofProfile: 0).map(\.bitPattern), values.map { $0 + 0.0 }.sorted().map(\.bitPattern), "table of \(limit)")
        }
    }

    func testRandomDecimalsComeBackExactly() throws {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = []
        for _ in 0..<2000 {
            let decimals = Int.random(in: 0...6, using: &generator)
            let whole = Int.random(in: -999...999, using: &generator)
            let fraction = decimals == 0 ? "" : "." + String((0..<decimals).map { _ in "0123456789".randomElement(using: &generator)! })
            values.append(parsed("\(whole)\(fraction)"))
        }
        XCTAssertEqual(try column(values, tableLimit: 64).values(ofProfile: 0).map(\.bitPattern), values.sorted().map(\.bitPattern))
    }

    /// The key turns a double's bits so that their unsigned order is the numbers' order.
    func testTheKeyOrdersAsTheScores() {
        let values: [Double] = [-1e308, -3, -0.5, -1e-300, 0, 1e-300, 0.5, 3, 1e308, -.leastNonzeroMagnitude, .leastNonzeroMagnitude]
        for a in values {
            XCTAssertEqual(ScoreCount(key: ScoreCount.key(a), profile: 0, count: 1).value.bitPattern, a.bitPattern)
            for b in values { XCTAssertEqual(ScoreCount.key(a) < ScoreCount.key(b), a < b, "\(a) \(b)") }
        }
        XCTAssertEqual(ScoreCount.key(-0.0), ScoreCount.key(0))
    }

    /// On the fixture, 600 scores of a few decimals: counted by score and profile, far
    /// fewer entries than scores and no profile per score.
    func testScoresAreCountedOnTheFixture() throws {
        let pipeline = try PipelineLoader.load(path: TestSupport.fixture("shards/shards.yaml"))
        let (result, _) = try TestSupport.audit([TestSupport.fixture("shards/whole.csv")], pipeline: pipeline)
        let store = result.shard.measure.scores
        XCTAssertEqual(store.columns.reduce(0) { $0 + $1.count }, 600)
        XCTAssertLessThan(store.columns.reduce(0) { $0 + $1.profiles.count }, 150)
    }

    func testMergeTranslatesGroupCodes() throws {
        var first = ScoreStore.Column()
        let a = first.profile(for: [0, 1])
        first.append(1.5, profile: a)
        var other = ScoreStore.Column(tableLimit: 1)
        let b = other.profile(for: [1, AttributeGroups.unknown])
        other.append(0.25, profile: b)
        let c = other.profile(for: [0, 0])
        other.append(9, profile: c, count: 3)

        var store = ScoreStore(attributeCount: 2, columns: Array(repeating: first, count: DecisionType.allCases.count))
        let incoming = ScoreStore(attributeCount: 2, columns: Array(repeating: other, count: DecisionType.allCases.count))
        // The other run's code 1 of attribute 0 is this run's 0 and vice versa; attribute 1: 0 → 1.
        // So its [1, unknown] is [0, unknown] here, and its [0, 0] is [1, 1].
        try store.merge(incoming, remap: [[1, 0], [1]])
        let merged = store.columns[0]
        XCTAssertEqual(merged.profiles, [[0, 1], [0, AttributeGroups.unknown], [1, 1]])
        XCTAssertEqual(try merged.values(ofProfile: 0), [1.5])
        XCTAssertEqual(try merged.values(ofProfile: 1), [0.25])
        XCTAssertEqual(try merged.values(ofProfile: 2), [9, 9, 9])
        XCTAssertEqual(merged.count, 5)
    }

    /// A state file's count can claim 2⁴⁰ decisions of one score: the figures cost the
    /// counts' entries, not the decisions they claim, and the mean stays exact.
    func testHugeCountsCostTheirEntriesNotTheirDecisions() throws {
        var column = ScoreStore.Column()
        column.append(0.5, profile: column.profile(for: [0]), count: 1 << 40)
        column.append(0.1, profile: column.profile(for: [1]), count: (1 << 40) - 3)
        column.append(2, profile: column.profile(for: [1]), count: 3)
        let store = ScoreStore(attributeCount: 1, columns: [column] + Array(repeating: ScoreStore.Column(), count: DecisionType.allCases.count - 1))
        let grouping = ScoreStore.Grouping(name: "a", labels: ["x", "y"]) { $0[0] }
        let stratum = try XCTUnwrap(try store.strata(groupings: [grouping], bias: BiasSettings(), suppressBelow: 0).first)
        XCTAssertEqual(stratum.scored, 1 << 41)
        XCTAssertEqual(stratum.groups.map(\.mean), [0.5, (0.1 * Double((1 << 40) - 3) + 6) / Double(1 << 40)])
        XCTAssertEqual(stratum.groups.map(\.median), [0.5, 0.1])
    }

    /// A copy of a store whose counts went to runs, added to afterwards, leaves the
    /// original's scores as they were (a state is a value).
    func testACopyAddedToLeavesTheOriginal() throws {
        let original = column([3, 1, 2, 5, 4], tableLimit: 2)
        var copy = original
        for value in [0.5, 9, 7, 8] { copy.append(value, profile: 0) }
        XCTAssertEqual(try original.values(ofProfile: 0), [1, 2, 3, 4, 5])
        XCTAssertEqual(try copy.values(ofProfile: 0), [0.5, 1, 2, 3, 4, 5, 7, 8, 9])
    }

    /// The figures read from the counts in order are, bit for bit, those of each group's
    /// sorted array (`Statistics.quartiles`, `mean`, `scoringRate`,
    /// `mannWhitneyUEachAgainstRest`): ties within and across groups, unknown groups, an
    /// intersection, a small table that spills, and scores whose sum overflows. The scores
    /// above the median are counted in the same reading as the median itself, so trials 5 and
    /// 6 put neighbouring doubles at the middle, where the median of two may round to the
    /// higher (then nothing at the middle is above it).
    func testFiguresReadInOrderAreThoseOfSortedArrays() throws {
        var generator = SystemRandomNumberGenerator()
        let neighbours = [0.5, 1, 1.0.nextUp, 1.0.nextUp.nextUp, 3]
        for (trial, limit) in [(0, 1 << 14), (1, 5), (2, 1), (3, 64), (4, 7), (5, 1 << 14), (6, 3)] {
            let huge = trial == 4
            var store = ScoreStore(attributeCount: 2)
            var column = ScoreStore.Column(tableLimit: limit)
            var all: [(codes: [Int32], value: Double)] = []
            for _ in 0..<Int.random(in: 50...400, using: &generator) {
                let codes: [Int32] = [Int32.random(in: -1...2, using: &generator), Int32.random(in: -1...1, using: &generator)]
                let value = huge ? Double.random(in: 1...1.7, using: &generator) * 1e308
                    : trial >= 5 ? neighbours.randomElement(using: &generator)! : Double(Int.random(in: -20...20, using: &generator)) / 4
                all.append((codes, value))
                column.append(value, profile: column.profile(for: codes))
            }
            store = ScoreStore(attributeCount: 2, columns: [column] + Array(repeating: ScoreStore.Column(), count: DecisionType.allCases.count - 1))
            let groupings = [
                ScoreStore.Grouping(name: "a", labels: ["a0", "a1", "a2"]) { $0[0] < 0 ? nil : $0[0] },
                ScoreStore.Grouping(name: "b", labels: ["b0", "b1"]) { $0[1] < 0 ? nil : $0[1] },
                ScoreStore.Grouping(name: "a × b", labels: ["00", "01", "10", "11", "20", "21"]) { $0[0] < 0 || $0[1] < 0 ? nil : $0[0] * 2 + $0[1] },
            ]
            let bias = BiasSettings()
            let strata = try store.strata(groupings: groupings, bias: bias, suppressBelow: 0)
            let type = DecisionType.allCases.sorted().first { $0.ordinal == 0 }!
            let overall = Statistics.quartiles(all.map(\.value))!
            for grouping in groupings {
                let stratum = try XCTUnwrap(strata.first { $0.attribute == grouping.name && $0.decisionType == type })
                XCTAssertEqual(stratum.median.bitPattern, overall.median.bitPattern)
                XCTAssertEqual(stratum.scored, all.count)
                let byGroup = grouping.labels.indices.map { code in
                    all.filter { grouping.group($0.codes) == Int32(code) }.map(\.value).sorted()
                }
                XCTAssertEqual(stratum.unknown, all.count - byGroup.reduce(0) { $0 + $1.count })
                let tests = Statistics.mannWhitneyUEachAgainstRest(byGroup)
                for (code, label) in grouping.labels.enumerated() where !byGroup[code].isEmpty {
                    let row = try XCTUnwrap(stratum.groups.first { $0.group == label })
                    let values = byGroup[code]
                    let quartiles = Statistics.quartiles(values)!
                    let context = "trial \(trial), \(grouping.name) = \(label)"
                    XCTAssertEqual(row.n, values.count, context)
                    XCTAssertEqual(row.mean.bitPattern, Statistics.mean(values)!.bitPattern, context)
                    XCTAssertEqual([row.q1, row.median, row.q3].map(\.bitPattern), [quartiles.q1, quartiles.median, quartiles.q3].map(\.bitPattern), context)
                    XCTAssertEqual(row.scoringRate, Statistics.scoringRate(values, median: overall.median), context)
                    XCTAssertEqual(row.mannWhitneyP?.bitPattern, tests[code]?.p.bitPattern, context)
                }
                XCTAssertEqual(stratum.groups.count, byGroup.filter { !$0.isEmpty }.count)
            }
        }
    }

    /// Each type's scores are read on a thread of their own (`ParallelWork`): figures read
    /// on two threads are those read on one, every time. (Columns made from one value once
    /// shared their runs, whose reading sorted a buffer in place, a race a reviewer's
    /// ThreadSanitizer run saw; each column now has its own runs and reading sorts a copy.
    /// `scripts/tsan` runs this test under the sanitizer.)
    func testTypesReadOnTwoThreadsAreReadAsOnOne() throws {
        var store = ScoreStore(attributeCount: 1)
        let codes: [Int32] = [0, 1]
        codes.withUnsafeBufferPointer { codes in
            for type in [DecisionType.hiring, .promotion, .dismissal] {
                for i in 0..<200 {
                    var record = CheckRecordFixture.adverseAutomated(type)
                    record.score = Double(i % 7) + (type == .hiring ? 0.5 : 0)
                    record.groups = UnsafeBufferPointer(rebasing: codes[(i % 2)...(i % 2)])
                    store.add(record)
                }
            }
        }
        let grouping = ScoreStore.Grouping(name: "a", labels: ["x", "y"]) { $0[0] }
        let first = try store.strata(groupings: [grouping], bias: BiasSettings(), suppressBelow: 0)
        for _ in 0..<50 { XCTAssertEqual(try store.strata(groupings: [grouping], bias: BiasSettings(), suppressBelow: 0), first) }
        XCTAssertEqual(first.map(\.decisionType), [.dismissal, .hiring, .promotion].sorted())
    }
}
