import Foundation
import XCTest
@testable import AdmAudit

/// Each decision in a check's evidence list is shown with the finding's detail, worded in the
/// report's language, in report.md and report.html; a state file carries the details as
/// values, one per id, each of its own check's kind.
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

    func testTheStateFileKeepsTheDetailsAndRefusesForgedOnes() throws {
        let pipeline = try TestSupport.pipeline(TestSupport.plainPipeline)
        let (result, _) = try TestSupport.audit([TestSupport.temporaryFile(csv)], pipeline: pipeline)
        let text = String(decoding: try result.shard.encoded(), as: UTF8.self)
        func read(_ text: String) throws -> ShardState {
            let sealed = ShardStateRecord.resealed(Array(text.utf8)) ?? []
            return try ShardState.read(path: TestSupport.temporaryFile(Data(sealed), name: "state.json"), pipeline: pipeline)
        }
        XCTAssertEqual(try read(text).checks.first { $0.descriptor.id == "HR-01" }?.firstDetails, [.notReviewed(type: .dismissal)])

        let detail = #"{"notReviewed":{"type":"dismissal"}}"#
        XCTAssertTrue(text.contains(detail), text)
        for (forged, why) in [
            (#"{"unionNotNotified":{}}"#, "a finding's detail of LC-01 is listed under HR-01"),
            (#"{"reviewedAfterEffect":{"type":"dismissal","reviewedAt":{"instant":0,"offset":0},"effectiveAt":{"instant":60,"offset":0}}}"#,
             "a finding's detail of HR-02 is listed under HR-01"),
        ] {
            XCTAssertThrowsError(try read(text.replacingOccurrences(of: detail, with: forged)), why) { error in
                XCTAssertTrue("\(error)".contains(why), "\(error)")
            }
        }
        // Ids without their details.
        XCTAssertThrowsError(try read(text.replacingOccurrences(of: "[" + detail + "]", with: "[]"))) { error in
            XCTAssertTrue("\(error)".contains("the counts of HR-01 are damaged"), "\(error)")
        }
    }

    /// A Chinese report words the same values in Chinese.
    func testAChineseReportWordsTheDetailInChinese() throws {
        let (result, _) = try TestSupport.audit(csv: csv, pipeline: TestSupport.plainPipeline.replacingOccurrences(of: "report:\n", with: "report:\n  language: zh\n"))
        XCTAssertTrue(MarkdownReport.render(result).contains("- `D1` — 不利的自动化辞退决定未经人工复核（human\\_reviewed=否）\n"),
                      MarkdownReport.render(result))
    }
}
