import Foundation
import XCTest
@testable import AdmAudit

/// The sanctions pooled by severity (`SanctionLadder`, `SelectionCounts.onLadder`): where every
/// decision of each type is adverse, which group got the harshest one.
final class SanctionLadderTests: XCTestCase {
    private let header = "decision_id,decision_type,outcome,sex,site\n"

    /// `count` rows of `type` for `sex`, numbered from `start`, with `outcome` and at `site`.
    private func rows(_ type: String, _ sex: String, _ count: Int, start: Int, outcome: String = "adverse", site: String = "north") -> String {
        (0..<count).map { "D\(start + $0),\(type),\(outcome),\(sex),\(site)\n" }.joined()
    }

    private let pipeline = TestSupport.exactPipeline(attributes: ["sex: [sex]", "site: [site]"])

    private func result(_ csv: String, pipeline: String? = nil) throws -> AuditResult {
        try TestSupport.audit(csv: header + csv, pipeline: pipeline ?? self.pipeline).0
    }

    private func ladder(_ result: AuditResult, _ attribute: String = "sex") -> SelectionStratum? {
        result.selection.first { $0.ladder != nil && $0.attribute == attribute }
    }

    /// Warnings for men, dismissals for women: each type's stratum has no ratio; the ladder does.
    func testThePooledStratumShowsWhoGotTheHarshestSanction() throws {
        let csv = rows("discipline", "female", 8, start: 0) + rows("dismissal", "female", 24, start: 100)
            + rows("discipline", "male", 21, start: 200) + rows("dismissal", "male", 7, start: 300)
        let result = try result(csv)
        for type in [DecisionType.discipline, .dismissal] {
            let plain = try XCTUnwrap(result.selection.first { $0.decisionType == type && $0.attribute == "sex" && $0.ladder == nil })
            XCTAssertTrue(plain.groups.allSatisfy { $0.flag == .undefined }, "\(type): every decision adverse, no ratio")
        }
        let pooled = try XCTUnwrap(ladder(result))
        XCTAssertEqual(pooled.ladder, SanctionLadder(harshest: .dismissal, lighter: [.discipline]))
        XCTAssertEqual(pooled.decisionType, .dismissal)
        XCTAssertEqual(pooled.decisions, 60)
        XCTAssertEqual(pooled.referenceGroup, "male")
        let female = try XCTUnwrap(pooled.groups.first { $0.group == "female" })
        XCTAssertEqual(female.n, 32)
        XCTAssertEqual(female.favorable, 8, "the lighter sanctions")
        XCTAssertEqual(female.impactRatio.value!, (8.0 / 32.0) / (21.0 / 28.0), accuracy: 1e-12)
        XCTAssertEqual(female.adverseRateRatio.value!, (24.0 / 32.0) / (7.0 / 28.0), accuracy: 1e-12)
        // The test on the pooled table [[8, 24], [21, 7]]: scipy.stats.fisher_exact([[8, 24], [21, 7]]).pvalue.
        XCTAssertEqual(female.fisherP!, 0.00022270283332274905, accuracy: 1e-12)
        XCTAssertEqual(female.flag, .adverseImpact)
        XCTAssertEqual(result.groupsBelowThreshold.map { $0.0.ladder }, [pooled.ladder])
    }

    func testThreeRungsPoolUnderTheHarshestAndOverturnedSanctionsAreLeftOut() throws {
        let csv = rows("discipline", "female", 4, start: 0) + rows("suspension", "female", 3, start: 100)
            + rows("dismissal", "female", 5, start: 200)
            + rows("discipline", "male", 6, start: 300) + rows("suspension", "male", 2, start: 400)
            + rows("dismissal", "male", 1, start: 500)
            // Turned down: not imposed, so on no rung.
            + rows("dismissal", "male", 9, start: 600, outcome: "favorable")
        let pooled = try XCTUnwrap(ladder(try result(csv)))
        XCTAssertEqual(pooled.ladder, SanctionLadder(harshest: .dismissal, lighter: [.discipline, .suspension]))
        XCTAssertEqual(pooled.decisions, 21)
        let male = try XCTUnwrap(pooled.groups.first { $0.group == "male" })
        XCTAssertEqual(male.n, 9)
        XCTAssertEqual(male.favorable, 8)
        let female = try XCTUnwrap(pooled.groups.first { $0.group == "female" })
        XCTAssertEqual(female.n, 12)
        XCTAssertEqual(female.favorable, 7)
    }

    /// One dismissal does not hide that women are suspended where men are warned: the ladder
    /// is cut at every rung, and the cut at suspension still compares the two.
    func testEachRungIsCutSoOneHarsherSanctionHidesNothing() throws {
        let csv = rows("suspension", "female", 30, start: 0) + rows("discipline", "male", 30, start: 100)
            + rows("dismissal", "male", 1, start: 200)
        let result = try result(csv)
        let cuts = result.selection.filter { $0.ladder != nil && $0.attribute == "sex" }
        XCTAssertEqual(cuts.map(\.ladder), [SanctionLadder(harshest: .dismissal, lighter: [.discipline, .suspension]),
                                             SanctionLadder(harshest: .suspension, lighter: [.discipline], harsher: [.dismissal])])
        let atSuspension = try XCTUnwrap(cuts.last)
        let female = try XCTUnwrap(atSuspension.groups.first { $0.group == "female" })
        XCTAssertEqual(female.n, 30)
        XCTAssertEqual(female.favorable, 0, "no woman got off lighter than a suspension")
        let male = try XCTUnwrap(atSuspension.groups.first { $0.group == "male" })
        XCTAssertEqual(male.favorable, 30)
        XCTAssertEqual(female.flag, .adverseImpact)
        XCTAssertTrue(TerminalSummary.text(result).contains("suspension or harsher (dismissal) rather than a lighter sanction (discipline) / sex = female"),
                      TerminalSummary.text(result))
    }

    func testTheHarshestRungIsTheHarshestImposedNotTheHarshestNamed() throws {
        let csv = rows("discipline", "female", 3, start: 0) + rows("suspension", "female", 6, start: 100)
            + rows("discipline", "male", 6, start: 200) + rows("suspension", "male", 2, start: 300)
        let pooled = try XCTUnwrap(ladder(try result(csv)))
        XCTAssertEqual(pooled.ladder, SanctionLadder(harshest: .suspension, lighter: [.discipline]))
        XCTAssertEqual(pooled.decisionType, .suspension)
    }

    func testOneRungOrNoneGivesNoPooledStratum() throws {
        XCTAssertNil(ladder(try result(rows("dismissal", "female", 5, start: 0) + rows("dismissal", "male", 5, start: 100))))
        // A pay cut is off the default ladder.
        XCTAssertNil(ladder(try result(rows("dismissal", "female", 5, start: 0) + rows("pay", "male", 5, start: 100))))
        // Discipline turned down everywhere: one rung imposed.
        XCTAssertNil(ladder(try result(rows("dismissal", "female", 5, start: 0) + rows("discipline", "male", 5, start: 100, outcome: "favorable"))))
    }

    func testThePipelineSetsTheOrderOrTurnsTheLadderOff() throws {
        let csv = rows("pay", "female", 3, start: 0) + rows("discipline", "female", 6, start: 100)
            + rows("pay", "male", 6, start: 200) + rows("discipline", "male", 2, start: 300)
        let custom = TestSupport.exactPipeline(attributes: ["sex: [sex]"]).replacingOccurrences(
            of: "  exclusion_share: 0", with: "  exclusion_share: 0\n  sanction_ladder: [pay, discipline]")
        let pooled = try XCTUnwrap(ladder(try result(csv, pipeline: custom)))
        XCTAssertEqual(pooled.ladder, SanctionLadder(harshest: .discipline, lighter: [.pay]))
        let off = TestSupport.exactPipeline(attributes: ["sex: [sex]"]).replacingOccurrences(
            of: "  exclusion_share: 0", with: "  exclusion_share: 0\n  sanction_ladder: []")
        XCTAssertNil(ladder(try result(rows("discipline", "female", 5, start: 0) + rows("dismissal", "male", 5, start: 100), pipeline: off)))
    }

    func testTheLoaderRefusesAnUnknownOrRepeatedRung() {
        for (ladder, says) in [("[warning, dismissal]", "'warning' is not a decision type"), ("[dismissal, dismissal]", "twice")] {
            let yaml = TestSupport.exactPipeline(attributes: ["sex: [sex]"]).replacingOccurrences(
                of: "  exclusion_share: 0", with: "  exclusion_share: 0\n  sanction_ladder: \(ladder)")
            XCTAssertThrowsError(try TestSupport.pipeline(yaml), ladder) { error in
                XCTAssertTrue("\(error)".contains(says), "\(error)")
            }
        }
    }

    func testUnknownAttributesAndSitesArePooledToo() throws {
        let csv = rows("discipline", "female", 6, start: 0, site: "north") + rows("dismissal", "female", 6, start: 100, site: "south")
            + rows("discipline", "male", 9, start: 200, site: "south") + rows("dismissal", "male", 3, start: 300, site: "north")
            + rows("dismissal", "", 2, start: 400)
        let yaml = TestSupport.exactPipeline(attributes: ["sex: [sex]", "site: [site]"]).replacingOccurrences(
            of: "  exclusion_share: 0", with: "  exclusion_share: 0\n  attributes: [sex]\n  by: [site]")
        let result = try result(csv, pipeline: yaml)
        let pooled = try XCTUnwrap(ladder(result))
        XCTAssertEqual(pooled.unknown, 2)
        XCTAssertEqual(pooled.decisions, 26)
        // Across the sites: the CMH test of the pooled counts site by site.
        let female = try XCTUnwrap(pooled.groups.first { $0.group == "female" })
        let across = try XCTUnwrap(female.acrossStrata.first)
        XCTAssertEqual(across.by, "site")
        // north: female 6 lighter of 6, male 0 of 3; south: female 0 of 6, male 9 of 9.
        let expected = try XCTUnwrap(Statistics.cochranMantelHaenszel([(6, 0, 0, 3), (0, 6, 9, 0)]))
        XCTAssertEqual(across.levels, 2)
        XCTAssertEqual(across.statistic, expected.statistic, accuracy: 1e-12)
        XCTAssertEqual(across.p, expected.p, accuracy: 1e-12)
    }

    func testTheReportsNameTheComparisonAndSayHowToReadIt() throws {
        let csv = rows("discipline", "female", 8, start: 0) + rows("dismissal", "female", 24, start: 100)
            + rows("discipline", "male", 21, start: 200) + rows("dismissal", "male", 7, start: 300)
        let result = try result(csv)
        let markdown = MarkdownReport.render(result)
        XCTAssertTrue(markdown.contains("### dismissal rather than a lighter sanction \\(discipline\\) · sex"), markdown)
        XCTAssertTrue(markdown.contains("favourable here means a sanction lighter than the rung"), markdown)
        let html = HTMLReport.render(result)
        XCTAssertTrue(html.contains("dismissal rather than a lighter sanction (discipline) · "))
        let terminal = TerminalSummary.text(result)
        XCTAssertTrue(terminal.contains("impact ratio below 0.8: dismissal rather than a lighter sanction (discipline) / sex = female"), terminal)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(JSONReport.render(result).utf8)) as? [String: Any])
        let strata = try XCTUnwrap(json["selection"] as? [[String: Any]])
        let ladders = strata.filter { $0["attribute"] as? String == "sex" }.compactMap { $0["ladder"] as? [String: Any] }
        XCTAssertEqual(ladders.count, 1, "one pooled stratum per attribute")
        XCTAssertEqual(ladders.first?["harshest"] as? String, "dismissal")
        XCTAssertEqual(ladders.first?["lighter"] as? [String], ["discipline"])
    }
}
