import Foundation
import XCTest
@testable import AdmAudit

/// Outcomes within each level of a `bias.by` attribute: the same rates and ratios as a run
/// over that level's rows alone.
final class LevelSelectionTests: XCTestCase {
    func testEachSiteMatchesARunOverItsRowsAlone() throws {
        let pipeline = try PipelineLoader.load(path: TestSupport.fixture("shards/shards.yaml"))
        let whole = TestSupport.fixture("shards/whole.csv")
        let (result, _) = try TestSupport.audit([whole], pipeline: pipeline, asOf: AsOfDate("2025-07-31"))
        XCTAssertEqual(result.byLevel.map(\.level), ["Chengdu", "Shenzhen", "Wuhan"])
        XCTAssertTrue(result.byLevel.allSatisfy { $0.column == "site" && !$0.strata.contains { $0.attribute == "site" } })

        let lines = try String(contentsOfFile: whole, encoding: .utf8).split(separator: "\n").map(String.init)
        for level in result.byLevel {
            let rows = lines.dropFirst().filter { $0.hasSuffix("," + level.level) }
            let alone = try TestSupport.audit([TestSupport.temporaryFile(([lines[0]] + rows).joined(separator: "\n") + "\n")],
                                              pipeline: pipeline, asOf: AsOfDate("2025-07-31")).0
            let expected = alone.selection.filter { $0.attribute != "site" }
            XCTAssertEqual(level.strata.count, expected.count, level.level)
            for (mine, theirs) in zip(level.strata, expected) {
                XCTAssertEqual(mine.decisionType, theirs.decisionType)
                XCTAssertEqual(mine.attribute, theirs.attribute)
                XCTAssertEqual(mine.unknown, theirs.unknown, "\(level.level) \(mine.attribute)")
                XCTAssertEqual(mine.referenceGroup, theirs.referenceGroup, "\(level.level) \(mine.attribute)")
                XCTAssertEqual(mine.groups.map(\.group), theirs.groups.map(\.group))
                XCTAssertEqual(mine.groups.map(\.n), theirs.groups.map(\.n))
                XCTAssertEqual(mine.groups.map(\.favorable), theirs.groups.map(\.favorable))
                XCTAssertEqual(mine.groups.map(\.impactRatio), theirs.groups.map(\.impactRatio), "\(level.level) \(mine.attribute)")
            }
        }
        let markdown = MarkdownReport.render(result)
        XCTAssertTrue(markdown.contains("## Outcomes within each site\n\n### dismissal · ethnicity: Selection rate (Impact ratio)\n\n| site | Han |"), markdown)
        XCTAssertTrue(HTMLReport.render(result).contains("<section id=\"by-level-1\">"))
        let json = try JSONSerialization.jsonObject(with: Data(JSONReport.render(result).utf8)) as! [String: Any]
        let levels = try XCTUnwrap(json["selection_by_level"] as? [[String: Any]])
        XCTAssertEqual(levels.map { $0["level"] as? String }, ["Chengdu", "Shenzhen", "Wuhan"])
        XCTAssertEqual(Set(levels.map { $0["by"] as? String }), ["site"])
    }
}
