import Foundation
import XCTest

@testable import AdmAudit

/// The activity logs' figures by group (`WorkerGroupCounts`) against scipy
/// (fixtures/reference/worker_groups.json, made by worker_groups.py next to it): which
/// workers' off-hours work recurs, each group's share with its Wilson interval, the
/// adverse-rate ratio and Fisher test against the reference group, the mean off-hours minutes
/// and a Mann–Whitney test of each group's workers against the others'.
final class WorkerGroupCountsTests: XCTestCase {
    private struct Reference: Decodable {
        struct Worker: Decodable {
            var group: String?
            var offHoursMinutes: [Int]
        }
        struct Group: Decodable {
            var workers: Int
            var recurring: Int
            var shareWithout: Double
            var wilson: [Double]
            var isReference: Bool
            var adverseRateRatio: Double?
            var fisherP: Double?
            var meanMinutes: Double
            var mannWhitneyU: Double
            var mannWhitneyP: Double
        }
        var workers: [Worker]
        var groups: [String: Group]
        var reference: String
    }

    private static func loadReference() throws -> Reference {
        // Tests/AdmAuditTests/Audit/<this file>: three levels up is the package root.
        var root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<3 { root.deleteLastPathComponent() }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Reference.self, from: Data(contentsOf: root.appendingPathComponent("fixtures/reference/worker_groups.json")))
    }

    private func assertClose(_ actual: Double?, _ expected: Double?, _ tolerance: Double, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let actual, let expected else { return XCTAssertEqual(actual == nil, expected == nil, what, file: file, line: line) }
        XCTAssertLessThanOrEqual(abs(actual - expected) / max(1, abs(expected)), tolerance, "\(what): \(actual) vs \(expected)", file: file, line: line)
    }

    func testTheFiguresByGroupAreScipys() throws {
        let reference = try Self.loadReference()
        var team = AttributeGroups(name: "team", canonical: [], unknownSpellings: ["unknown"])
        var codes: [Int32] = []
        for worker in reference.workers {
            let text = worker.group ?? "unknown"
            codes.append(Array(text.utf8).withUnsafeBytes { team.group(for: FieldBytes(bytes: $0, isMissing: false)) })
        }
        var counts = WorkerGroupCounts(attributes: [team])
        for (index, worker) in reference.workers.enumerated() {
            let weeks = worker.offHoursMinutes.enumerated().map { offset, minutes in
                var week = WorkWeek(worker: Int32(index), monday: 20_150 + 7 * Int64(offset))
                week.activeSeconds = 40 * 3600
                week.offHoursSeconds = Int64(minutes) * 60
                return week
            }
            counts.add(weeks: weeks, codes: [codes[index]])
        }
        var bias = BiasSettings()
        bias.minGroupSize = 5
        let figures = try XCTUnwrap(counts.figures(bias: bias, suppressBelow: 1).first)
        XCTAssertEqual(figures.recurring.unknown, 1)
        XCTAssertEqual(figures.recurring.referenceGroup, reference.reference)
        XCTAssertEqual(figures.recurring.groups.map(\.group), ["A", "B", "C"])
        for (index, group) in figures.recurring.groups.enumerated() {
            let expected = try XCTUnwrap(reference.groups[group.group])
            XCTAssertEqual(group.n, expected.workers)
            XCTAssertEqual(group.n - group.favorable, expected.recurring)
            assertClose(group.selectionRate, expected.shareWithout, 1e-9, "\(group.group) share")
            assertClose(group.selectionInterval?.lower, expected.wilson[0], 1e-9, "\(group.group) Wilson lower")
            assertClose(group.selectionInterval?.upper, expected.wilson[1], 1e-9, "\(group.group) Wilson upper")
            XCTAssertEqual(group.isReference, expected.isReference)
            assertClose(group.adverseRateRatio.value, expected.adverseRateRatio, 1e-9, "\(group.group) adverse-rate ratio")
            assertClose(group.fisherP, expected.fisherP, 1e-6, "\(group.group) Fisher p")
            assertClose(figures.meanWeeklyOffHoursMinutes[index], expected.meanMinutes, 1e-9, "\(group.group) mean")
            assertClose(figures.mannWhitney[index]?.u, expected.mannWhitneyU, 1e-9, "\(group.group) U")
            assertClose(figures.mannWhitney[index]?.p, expected.mannWhitneyP, 1e-6, "\(group.group) Mann–Whitney p")
        }
        // Suppressed groups show no mean and no test.
        let hidden = try XCTUnwrap(counts.figures(bias: bias, suppressBelow: 8).first)
        XCTAssertEqual(hidden.recurring.groups.map(\.suppressed), [false, false, true])
        XCTAssertNil(hidden.meanWeeklyOffHoursMinutes[2])
        XCTAssertNil(hidden.mannWhitney[2])
    }
}
