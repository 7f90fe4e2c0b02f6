import XCTest
@testable import AdmAudit

/// A decision id that names the worker (their id, in any spelling, or inside the id) is shown
/// with the worker's pseudonym in its place.
final class SubjectInDecisionIDTests: XCTestCase {
    private func find(_ id: String, _ subject: String) -> SubjectInDecisionID? {
        Array(id.utf8).withUnsafeBytes { id in
            Array(subject.utf8).withUnsafeBytes { SubjectInDecisionID.find(decisionID: id, subjectID: $0) }
        }
    }

    func testTheWorkersIdInAnySpellingIsTheWholeID() {
        XCTAssertEqual(find("W5001", "W5001"), .whole)
        XCTAssertEqual(find(" W5001 ", "W5001"), .whole, "trimmed")
        XCTAssertEqual(find("w5001", "W5001"), .whole, "another case")
        XCTAssertEqual(find("Ｗ５００５", "W5005"), .whole, "full-width")
        XCTAssertEqual(find("А01", "A01"), .whole, "a Cyrillic А")
        XCTAssertEqual(find("5007.0", "5007"), .whole, "a spreadsheet's decimal part")
        XCTAssertEqual(find("05008", "5008"), .whole, "leading zeros")
        XCTAssertEqual(find("工号001", "工号001"), .whole)
    }

    func testTheWorkersIdInsideTheIDIsFoundBetweenSeparators() {
        XCTAssertEqual(find("W5009-1", "W5009"), .within(before: "", after: "-1"))
        XCTAssertEqual(find("2026/w5009/3", "W5009"), .within(before: "2026/", after: "/3"))
        XCTAssertEqual(find("Ｗ５００９-1", "W5009"), .within(before: "", after: "-1"))
    }

    func testAnIDThatDoesNotNameTheWorkerIsLeftAlone() {
        XCTAssertNil(find("D001", "E01"))
        XCTAssertNil(find("XW5009", "W5009"), "inside a longer run of letters and digits")
        XCTAssertNil(find("W50091", "W5009"))
        XCTAssertNil(find("E1-2", "E1"), "a worker's id of two bytes is found whole only")
        XCTAssertEqual(find("5007.5", "5007"), .within(before: "", after: ".5"), "the worker's number before a separator")
        XCTAssertNil(find("D1", ""), "no subject")
        XCTAssertNil(find("D1", "\u{200B}"), "an invisible subject")
        XCTAssertNil(find("W5OO1", "W5001"), "letters that only look like digits in ASCII are other ids")
    }

    /// In a run: each finding shows the pseudonym where the worker's id stood, the rest of the id as written.
    func testFindingsShowThePseudonymInTheWorkersPlace() throws {
        let csv = "decision_id,employee_id,decision_type,outcome,automated,human_reviewed,decided_at,sex\n"
            + "w5001,W5001,dismissal,dismissed,yes,no,2025-03-01 10:00,female\n"
            + "W5002-1,W5002,dismissal,dismissed,yes,no,2025-03-02 10:00,female\n"
            + "D3,W5003,dismissal,dismissed,yes,no,2025-03-03 10:00,male\n"
        let yaml = TestSupport.exactPipeline(attributes: ["sex: [sex]"]).replacingOccurrences(of: "subject_ids: keep", with: "subject_ids: pseudonymize")
        let (_, sink) = try TestSupport.audit(csv: csv, pipeline: yaml)
        let shown = Dictionary(sink.findings.filter { $0.checkID == "HR-01" }.map { ($0.line, $0.decisionID) }, uniquingKeysWith: { first, _ in first })
        let subjects = Dictionary(sink.findings.filter { $0.checkID == "HR-01" }.map { ($0.line, $0.finding.subject) }, uniquingKeysWith: { first, _ in first })
        XCTAssertEqual(subjects[2], .worker(shown[2] ?? ""))
        XCTAssertEqual(subjects[3], .worker(String((shown[3] ?? "").dropLast(2))))
        XCTAssertTrue(shown[3]?.hasSuffix("-1") == true, "\(shown)")
        XCTAssertEqual(shown[4], "D3")
        XCTAssertFalse(shown.values.contains { $0.contains("500") }, "\(shown)")
    }
}
