import Foundation
import XCTest
@testable import AdmAudit

/// Impact-ratio bounds with unknown attributes: a four-fifths pass can hide a failure.
final class UnknownBoundsTests: XCTestCase {
    /// women 8/10, men 9/10; 10 decisions of unknown sex, none favourable.
    /// Unknowns to women: women 8/20 = 0.4, men 0.9 → IR(women) 0.4/0.9.
    /// Unknowns to men: men 9/20 = 0.45, women 0.8 is the highest → IR(women) 1.
    func testBoundsSpanEveryAssignmentOfTheUnknowns() throws {
        var csv = "decision_id,decision_type,outcome,sex\n"
        for i in 0..<10 { csv += "F\(i),hiring,\(i < 8 ? "favorable" : "adverse"),female\n" }
        for i in 0..<10 { csv += "M\(i),hiring,\(i < 9 ? "favorable" : "adverse"),male\n" }
        for i in 0..<10 { csv += "U\(i),hiring,adverse,\n" }
        let (result, _) = try TestSupport.audit(csv: csv)
        let women = try XCTUnwrap(result.selection.first?.groups.first { $0.group == "female" })
        XCTAssertEqual(women.impactRatio.value ?? .nan, 0.8 / 0.9, accuracy: 1e-12)
        XCTAssertEqual(women.impactRatioBounds?.lower ?? .nan, 0.4 / 0.9, accuracy: 1e-12)
        XCTAssertEqual(women.impactRatioBounds?.upper ?? .nan, 1.0, accuracy: 1e-12)
        XCTAssertTrue(women.belowThresholdCouldFlip)
        let men = try XCTUnwrap(result.selection.first?.groups.first { $0.group == "male" })
        // Unknowns to women: men stay the reference (1). Unknowns to men: 0.45 / 0.8.
        XCTAssertEqual(men.impactRatioBounds?.lower ?? .nan, 0.45 / 0.8, accuracy: 1e-12)
        XCTAssertEqual(men.impactRatioBounds?.upper ?? .nan, 1.0, accuracy: 1e-12)
        XCTAssertTrue(MarkdownReport.render(result).contains("could flip"))
    }

    func testNoUnknownsNoBounds() throws {
        let (result, _) = try TestSupport.audit(csv: "decision_id,decision_type,outcome,sex\nD1,hiring,favorable,f\nD2,hiring,adverse,m\n")
        XCTAssertNil(result.selection.first?.groups.first?.impactRatioBounds)
        XCTAssertEqual(result.selection.first?.groups.first?.belowThresholdCouldFlip, false)
    }

    /// The fast bounds (every receiver for every group at once) equal the definition (each
    /// receiver tried for each group, the reference chosen afresh) on random strata, with
    /// either kind of reference and with sizes around the eligibility limits.
    func testAllBoundsAtOnceEqualEachReceiverTriedInTurn() {
        var random = SeededGenerator(seed: 10)
        for round in 0..<400 {
            let groups = 1 + random.next(upTo: 7)
            var members: [(label: String, cell: SelectionCounts.Cell)] = []
            for g in 0..<groups {
                let n = 1 + random.next(upTo: 12)
                members.append(("g\(g)", SelectionCounts.Cell(n: n, favorable: random.next(upTo: n + 1))))
            }
            let unknownN = random.next(upTo: 8)
            let unknown = SelectionCounts.Cell(n: unknownN, favorable: random.next(upTo: unknownN + 1))
            var bias = BiasSettings()
            bias.minGroupSize = 1 + random.next(upTo: 6)
            bias.exclusionShare = [0, 0.02, 0.2][random.next(upTo: 3)]
            bias.impactThreshold = [0.8, 0.5, 1.0][random.next(upTo: 3)]
            if round % 3 == 0 { bias.reference = .groups(["sex": "g\(random.next(upTo: groups + 1))"]) }
            let suppress = random.next(upTo: 6)
            let fast = UnknownBounds.all(among: members, unknown: unknown, attribute: "sex", bias: bias, suppressBelow: suppress)
            for (index, member) in members.enumerated() {
                let slow = Self.oracle(of: member.label, among: members, unknown: unknown, attribute: "sex", bias: bias, suppressBelow: suppress)
                XCTAssertEqual(fast[index]?.interval, slow?.interval, "round \(round), \(member.label)")
                XCTAssertEqual(fast[index]?.couldFlip, slow?.couldFlip, "round \(round), \(member.label)")
            }
        }
    }

    /// Thousands of groups with unknowns: was G³ (minutes at 1,000 groups), now G log G.
    func testManyGroupsWithUnknownsAreQuick() {
        let members = (0..<20_000).map { g in (label: "g\(g)", cell: SelectionCounts.Cell(n: 10 + g % 7, favorable: g % 9)) }
        let started = Date()
        let bounds = UnknownBounds.all(among: members, unknown: SelectionCounts.Cell(n: 50, favorable: 3), attribute: "sex",
                                       bias: BiasSettings())
        XCTAssertEqual(bounds.count, 20_000)
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
    }

    /// The definition: each group in turn receives the unknowns, and the reference is
    /// chosen afresh each time (the implementation before `UnknownBounds`).
    private static func oracle(of label: String, among members: [(label: String, cell: SelectionCounts.Cell)], unknown: SelectionCounts.Cell?,
                                   attribute: String, bias: BiasSettings, suppressBelow: Int = 0) -> (interval: Interval, couldFlip: Bool)? {
        guard let unknown, unknown.n > 0 else { return nil }
        let threshold = bias.exactImpactThreshold
        var lowest = Double.infinity
        var highest = -Double.infinity
        var anyBelow = false
        var anyAtOrAbove = false
        for receiver in members.indices {
            var assigned = members
            assigned[receiver].cell.add(unknown)
            guard let reference = SelectionCounts.reference(among: assigned, attribute: attribute, bias: bias, suppressBelow: suppressBelow).0,
                  reference.cell.favorable > 0,
                  let group = assigned.first(where: { $0.label.hasSameBytes(as: label) }) else { continue }
            let ratio = group.cell.rate / reference.cell.rate
            lowest = min(lowest, ratio)
            highest = max(highest, ratio)
            if threshold.isBelow(favorable: group.cell.favorable, of: group.cell.n,
                                 referenceFavorable: reference.cell.favorable, of: reference.cell.n) {
                anyBelow = true
            } else {
                anyAtOrAbove = true
            }
        }
        return lowest.isFinite ? (Interval(lower: lowest, upper: highest), anyBelow && anyAtOrAbove) : nil
    }
}
