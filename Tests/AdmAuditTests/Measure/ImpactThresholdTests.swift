import XCTest
@testable import AdmAudit

/// The four-fifths comparison decided exactly on the counts: a ratio of exactly the
/// threshold is not below it, however floating point divides.
final class ImpactThresholdTests: XCTestCase {
    private let fourFifths = ImpactThreshold(0.8)

    func testTheThresholdIsTheDecimalThePipelineWrote() {
        XCTAssertEqual(ImpactThreshold(0.8).significand, 8)
        XCTAssertEqual(ImpactThreshold(0.8).exponent, -1)
        XCTAssertEqual(ImpactThreshold(0.85).significand, 85)
        XCTAssertEqual(ImpactThreshold(0.85).exponent, -2)
        XCTAssertEqual(ImpactThreshold(1).significand, 1)
        XCTAssertEqual(ImpactThreshold(1).exponent, 0)
        XCTAssertEqual(ImpactThreshold(0.00001).significand, 1)
        XCTAssertEqual(ImpactThreshold(0.00001).exponent, -5)
    }

    func testExactlyFourFifthsIsNotBelow() {
        XCTAssertFalse(fourFifths.isBelow(favorable: 4, of: 10, referenceFavorable: 5, of: 10))
        XCTAssertFalse(fourFifths.isBelow(favorable: 8, of: 10, referenceFavorable: 10, of: 10))
        // 3/5 against 3/4 is 4/5; divided in doubles it comes out a hair under 0.8.
        XCTAssertLessThan((6.0 / 10.0) / (15.0 / 20.0), 0.8)
        XCTAssertFalse(fourFifths.isBelow(favorable: 6, of: 10, referenceFavorable: 15, of: 20))
        XCTAssertFalse(fourFifths.isBelow(favorable: 2, of: 3, referenceFavorable: 5, of: 6))
    }

    func testJustUnderFourFifthsIsBelow() {
        XCTAssertTrue(fourFifths.isBelow(favorable: 39, of: 100, referenceFavorable: 49, of: 100))
        XCTAssertTrue(fourFifths.isBelow(favorable: 7, of: 10, referenceFavorable: 9, of: 10))
        XCTAssertTrue(fourFifths.isBelow(favorable: 0, of: 10, referenceFavorable: 1, of: 10))
    }

    func testAnotherThresholdIsExactToo() {
        let threshold = ImpactThreshold(0.85)
        // 12/20 against 12/17 is 17/20 = 0.85; doubles put it below.
        XCTAssertLessThan((12.0 / 20.0) / (12.0 / 17.0), 0.85)
        XCTAssertFalse(threshold.isBelow(favorable: 12, of: 20, referenceFavorable: 12, of: 17))
        XCTAssertTrue(threshold.isBelow(favorable: 84, of: 100, referenceFavorable: 100, of: 100))
        XCTAssertFalse(threshold.isBelow(favorable: 85, of: 100, referenceFavorable: 100, of: 100))
    }

    func testCountsBeyondSixtyFourBitProductsCompareExactly() {
        let big = 1 << 40
        XCTAssertFalse(fourFifths.isBelow(favorable: 4 * big, of: 5 * big, referenceFavorable: big, of: big))
        XCTAssertTrue(fourFifths.isBelow(favorable: 4 * big - 1, of: 5 * big, referenceFavorable: big, of: big))
    }

    func testNoReferenceRateNothingIsBelow() {
        XCTAssertFalse(fourFifths.isBelow(favorable: 0, of: 10, referenceFavorable: 0, of: 10))
        XCTAssertFalse(ImpactThreshold(0).isBelow(favorable: 0, of: 10, referenceFavorable: 10, of: 10))
    }

    // MARK: The flag and every output that compares a ratio with the threshold

    /// Hiring decisions: (favourable, decisions) of women, of men, and of unknown sex.
    private func audit(female: (Int, Int), male: (Int, Int), unknown: (Int, Int) = (0, 0),
                       pipeline: String = TestSupport.plainPipeline) throws -> AuditResult {
        var csv = "decision_id,decision_type,outcome,sex\n"
        for i in 0..<female.1 { csv += "F\(i),hiring,\(i < female.0 ? "favorable" : "adverse"),female\n" }
        for i in 0..<male.1 { csv += "M\(i),hiring,\(i < male.0 ? "favorable" : "adverse"),male\n" }
        for i in 0..<unknown.1 { csv += "U\(i),hiring,\(i < unknown.0 ? "favorable" : "adverse"),\n" }
        return try TestSupport.audit(csv: csv, pipeline: pipeline).0
    }

    func testAGroupAtExactlyFourFifthsIsNotFlaggedNorListed() throws {
        let result = try audit(female: (6, 10), male: (15, 20))
        let female = try XCTUnwrap(result.selection.first?.groups.first { $0.group == "female" })
        XCTAssertEqual(female.flag, .none)
        XCTAssertTrue(result.groupsBelowThreshold.isEmpty)
        XCTAssertFalse(TerminalSummary.text(result).contains("impact ratio below"))
        XCTAssertFalse(MarkdownReport.render(result).contains(ReportText(language: .en).groupsBelowThreshold))
    }

    func testAGroupJustUnderFourFifthsIsFlagged() throws {
        let result = try audit(female: (39, 100), male: (49, 100))
        let female = try XCTUnwrap(result.selection.first?.groups.first { $0.group == "female" })
        XCTAssertTrue(female.flag.isBelowThreshold)
        XCTAssertEqual(result.groupsBelowThreshold.map(\.group.group), ["female"])
    }

    func testThePipelinesThresholdIsComparedExactly() throws {
        let pipeline = TestSupport.plainPipeline.replacingOccurrences(of: "  min_group_size: 1\n", with: "  min_group_size: 1\n  impact_threshold: 0.85\n")
        let atThreshold = try audit(female: (12, 20), male: (12, 17), pipeline: pipeline)
        XCTAssertEqual(atThreshold.selection.first?.groups.first { $0.group == "female" }?.flag, ImpactFlag.none)
        let under = try audit(female: (16, 20), male: (20, 20), pipeline: pipeline)
        XCTAssertEqual(under.selection.first?.groups.first { $0.group == "female" }?.flag, .possibleAdverseImpact)
    }

    /// Women 6/10, men 15/20, and 4 of unknown sex of whom 3 favourable. Given to the men
    /// (18/24 = 3/4) the women's ratio is exactly 4/5; given to the women (9/14 against
    /// 3/4) it is 6/7. Neither is below 0.8, so the verdict cannot flip.
    func testCouldFlipComparesTheBoundsExactly() throws {
        let result = try audit(female: (6, 10), male: (15, 20), unknown: (3, 4))
        let female = try XCTUnwrap(result.selection.first?.groups.first { $0.group == "female" })
        XCTAssertEqual(female.flag, ImpactFlag.none)
        XCTAssertEqual(female.impactRatioBounds?.upper ?? .nan, 6.0 / 7.0, accuracy: 1e-12)
        XCTAssertFalse(female.belowThresholdCouldFlip)
    }

    func testTheHeatMapColoursARatioOfExactlyTheThresholdAsAtOrAboveIt() throws {
        let result = try audit(female: (6, 10), male: (15, 20))
        let stratum = try XCTUnwrap(result.selection.first)
        let svg = SVGCharts.impactHeatmap(stratum, components: 1, threshold: 0.8, id: 1, text: ReportText(language: .en))
        let atOrAbove = SVGCharts.heatColour(0.8, below: false, threshold: 0.8).fill
        let femaleCell = try XCTUnwrap(svg.range(of: "<title>female: "))
        let rect = svg[..<femaleCell.lowerBound].suffix(200)
        XCTAssertTrue(rect.contains("fill=\"\(atOrAbove)\""), String(rect))
    }
}
