import XCTest
@testable import AdmAudit

/// The reports' note on "not recorded" violations names what each check needs recorded:
/// an EX-01 note speaks of an explanation, an AP-01 note of a route to contest, neither
/// of a human review.
final class NotRecordedNoteTests: XCTestCase {
    /// Reviewed by a person (HR-01 compliant), with neither `explanation_given` nor
    /// `appeal_offered` recorded: EX-01 and AP-01 violations marked "not recorded".
    private func audit(_ language: ReportLanguage) throws -> AuditResult {
        let csv = "decision_id,decision_type,outcome,automated,human_reviewed,reviewer_id,explanation_given,appeal_offered,sex\n"
            + "D1,dismissal,adverse,yes,yes,R1,,,female\n"
        let yaml = TestSupport.plainPipeline.replacingOccurrences(of: "report:\n", with: "report:\n  language: \(language.rawValue)\n")
        let (result, _) = try TestSupport.audit(csv: csv, pipeline: yaml)
        XCTAssertEqual(result.checks.first { $0.descriptor.id == "EX-01" }?.notRecorded, 1)
        XCTAssertEqual(result.checks.first { $0.descriptor.id == "AP-01" }?.notRecorded, 1)
        XCTAssertEqual(result.checks.first { $0.descriptor.id == "HR-01" }?.violations, 0)
        return result
    }

    func testEnglishNotesNameTheExplanationAndTheRouteToContest() throws {
        let result = try audit(.en)
        for report in [MarkdownReport.render(result), HTMLReport.render(result)] {
            XCTAssertTrue(report.contains("1 of these are violations because the employer did not record that an explanation of the decision was given"))
            XCTAssertTrue(report.contains("1 of these are violations because the employer did not record that a route to contest the decision was offered"))
            XCTAssertFalse(report.contains("did not record a human review"))
        }
    }

    func testChineseNotesNameTheExplanationAndTheRouteToContest() throws {
        let result = try audit(.zh)
        for report in [MarkdownReport.render(result), HTMLReport.render(result)] {
            XCTAssertTrue(report.contains("其中 1 条因用人单位未记录已向劳动者说明该决定而计为违规"))
            XCTAssertTrue(report.contains("其中 1 条因用人单位未记录已提供对该决定提出异议的途径而计为违规"))
            XCTAssertFalse(report.contains("人工复核而计为违规"))
        }
    }

    /// A check that counts a missing record against the employer says what record, in both languages.
    func testEveryCheckThatCountsMissingRecordsNamesWhatIsMissing() {
        for entry in CheckRegistry.all where entry.descriptor.notRecordedIsViolation {
            XCTAssertFalse(entry.descriptor.notRecorded(.en)?.isEmpty ?? true, entry.descriptor.id)
            XCTAssertFalse(entry.descriptor.notRecorded(.zh)?.isEmpty ?? true, entry.descriptor.id)
        }
        let phrases = CheckRegistry.all.compactMap { $0.descriptor.notRecorded(.en) }
        XCTAssertEqual(Set(phrases).count, phrases.count, "each check names its own record")
    }
}
