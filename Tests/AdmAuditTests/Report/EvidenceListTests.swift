import Foundation
import XCTest
@testable import AdmAudit

/// Each decision in a check's evidence list is shown with the finding's detail, worded in the
/// report's language, in report.md and report.html; a state file carries the details as
/// values, and a tally without them shows the ids alone.
final class EvidenceListTests: XCTestCase {
    private let csv = """
        decision_id,decision_type,outcome,automated,human_reviewed,sex
        D1,dismissal,adverse,yes,no,female
        D2,dismissal,adverse,yes,yes,male

        """

    func testEachIdComesWithItsReason() throws {
        let (result, _) = try TestSupport.audit(csv: csv)
        let tally = try XCTUnwrap(result.checks.first { $0.descriptor.id == "HR-01" })
        XCTAssertEqual(tally.evidence.map(\.id), ["D1"])
        XCTAssertEqual(tally.evidence.first?.detail, .notReviewed(type: .dismissal))
        XCTAssertTrue(MarkdownReport.render(result).contains("- `D1` — human\\_reviewed=no for an adverse dismissal decision\n"))
        XCTAssertTrue(HTMLReport.render(result).contains("<code><bdi>D1</bdi></code> — <bdi>human_reviewed=no for an adverse dismissal decision</bdi></li>")
                      || HTMLReport.render(result).contains("<code>D1</code> — human_reviewed=no for an adverse dismissal decision</li>"),
                      HTMLReport.render(result).components(separatedBy: "evidence").dropFirst().first ?? "")
    }

    func testTheStateFileKeepsTheDetailsAndATallyWithoutThemShowsIdsAlone() throws {
        let pipeline = try TestSupport.pipeline(TestSupport.plainPipeline)
        let (result, _) = try TestSupport.audit([TestSupport.temporaryFile(csv)], pipeline: pipeline)
        let bytes = result.shard.encoded()
        let read = try ShardState.read(path: TestSupport.temporaryFile(Data(bytes), name: "state.json"), pipeline: pipeline)
        XCTAssertEqual(read.checks.first { $0.descriptor.id == "HR-01" }?.firstDetails, [.notReviewed(type: .dismissal)])

        var old = read.checks.first { $0.descriptor.id == "HR-01" }!
        old.firstDetails = []
        XCTAssertEqual(old.evidence.map(\.id), ["D1"])
        XCTAssertNil(old.evidence.first?.detail)
        var merged = old
        merged.add(read.checks.first { $0.descriptor.id == "HR-01" }!)
        XCTAssertEqual(merged.firstDecisionIDs, ["D1", "D1"])
        XCTAssertEqual(merged.firstDetails, [], "reasons only when every id has one")
    }

    /// A Chinese report words the same values in Chinese.
    func testAChineseReportWordsTheDetailInChinese() throws {
        let (result, _) = try TestSupport.audit(csv: csv, pipeline: TestSupport.plainPipeline.replacingOccurrences(of: "report:\n", with: "report:\n  language: zh\n"))
        XCTAssertTrue(MarkdownReport.render(result).contains("- `D1` — 不利的自动化辞退决定未经人工复核（human\\_reviewed=否）\n"),
                      MarkdownReport.render(result))
    }
}
