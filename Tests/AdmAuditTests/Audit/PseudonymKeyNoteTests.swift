import Foundation
import XCTest
@testable import AdmAudit

/// Without a key of the auditor's own, pseudonyms can be recomputed from the export: the
/// report says so; with one, it does not.
final class PseudonymKeyNoteTests: XCTestCase {
    func testTheReportSaysWhenPseudonymsAreKeyedByTheInputs() throws {
        let pipeline = try PipelineLoader.load(path: TestSupport.packageRoot.appendingPathComponent("pipelines/self-assessment.yaml").path)
        let input = [TestSupport.fixture("sample/decisions_en.csv")]
        let derived = try AuditRun(pipeline: pipeline, pipelineFile: "p.yaml", inputs: input).run(into: MemorySink())
        XCTAssertTrue(derived.diagnostics.contains { $0.message(.en).hasPrefix("no pseudonym key was given") })
        let keyed = try AuditRun(pipeline: pipeline, pipelineFile: "p.yaml", inputs: input, pseudonymKey: Array("k".utf8)).run(into: MemorySink())
        XCTAssertFalse(keyed.diagnostics.contains { $0.message(.en).hasPrefix("no pseudonym key was given") })
    }
}
