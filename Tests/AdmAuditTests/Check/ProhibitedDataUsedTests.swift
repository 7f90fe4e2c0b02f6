import XCTest
@testable import AdmAudit

/// DM-01 on tiny inline exports. Decisions are dated 2025-03-07, after PIPL, GDPR and
/// AI Act Art. 5 apply (the Platform Work Directive applies from 2026-12-02 and is not
/// cited for them); CheckRunner skips a record when none of the check's citations is in
/// force on its date.
final class ProhibitedDataUsedTests: XCTestCase {
    private let header = "decision_id,employee_id,decision_type,outcome,automated,decided_at,data_categories,reason_codes,protected_status,union_notified,sex\n"

    private func row(_ id: String, type: String = "discipline", outcome: String = "adverse", automated: String = "yes",
                     date: String = "2025-03-07", categories: String) -> String {
        "\(id),E-\(id),\(type),\(outcome),\(automated),\(date),\(categories),,,,female\n"
    }

    private func dm01(_ rows: String, pipeline: String = TestSupport.plainPipeline) throws -> (CheckTally, [WordedFinding]) {
        let (result, sink) = try TestSupport.audit(csv: header + rows, pipeline: pipeline)
        XCTAssertTrue(sink.rejects.isEmpty, "\(sink.rejects)")
        let tally = try XCTUnwrap(result.checks.first { $0.descriptor.id == "DM-01" })
        return (tally, sink.findings.filter { $0.checkID == "DM-01" })
    }

    func testHealthDataIsAViolationNamingCategoryAndItem() throws {
        let (tally, findings) = try dm01(row("D1", categories: "attendance;sick_leave"))
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(tally.violations, 1)
        XCTAssertEqual(tally.notRecorded, 0)
        XCTAssertEqual(findings.map(\.decisionID), ["D1"])
        XCTAssertEqual(findings.first?.severity, .error)
        XCTAssertEqual(findings.first?.detail, "data_categories include prohibited data: health [sick_leave]")
        XCTAssertEqual(findings.first?.notRecorded, false)
    }

    func testWorkDataOnlyIsCompliant() throws {
        let (tally, findings) = try dm01(row("D1", categories: "attendance;output;customer_rating"))
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(tally.violations, 0)
        XCTAssertTrue(findings.isEmpty)
    }

    func testEveryDecisionAppliesAutomatedOrNotWhateverTheOutcome() throws {
        let rows = row("D1", type: "scheduling", outcome: "favorable", automated: "no", categories: "emotion")
            + row("D2", type: "promotion", outcome: "favorable", categories: "face")
        let (tally, findings) = try dm01(rows)
        XCTAssertEqual(tally.applicable, 2)
        XCTAssertEqual(findings.map(\.decisionID), ["D1", "D2"])
    }

    func testChineseSeparatorsCaseAndSpaces() throws {
        let rows = row("D1", categories: "考勤；病历、 人脸 ")
            + row("D2", categories: "\"attendance, Sick_Leave | FACE ; private_chat\"")
            + row("D3", categories: "产出，情绪")
        let (tally, findings) = try dm01(rows)
        XCTAssertEqual(tally.violations, 3)
        XCTAssertEqual(findings.map(\.detail), [
            "data_categories include prohibited data: health [病历], biometric [人脸]",
            "data_categories include prohibited data: health [Sick_Leave], biometric [FACE], private_communications [private_chat]",
            "data_categories include prohibited data: emotional_state [情绪]",
        ])
    }

    func testSeveralSynonymsOfOneCategoryAreListedOnce() throws {
        let (_, findings) = try dm01(row("D1", categories: "medical;病历;medical;health"))
        XCTAssertEqual(findings.first?.detail, "data_categories include prohibited data: health [medical, 病历, health]")
    }

    func testItemsMustMatchWholeNotAsSubstrings() throws {
        // `unionized_site` and `healthy_habits_course` are not the terms `union` or `health`.
        let (tally, _) = try dm01(row("D1", categories: "unionized_site;healthy_habits_course"))
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(tally.violations, 0)
    }

    func testEmptyDataCategoriesIsUnknownNotAViolation() throws {
        let (tally, findings) = try dm01(row("D1", categories: "") + row("D2", categories: " ; "))
        XCTAssertEqual(tally.applicable, 2)
        XCTAssertEqual(tally.unknown, 2)
        XCTAssertEqual(tally.violations, 0)
        XCTAssertTrue(findings.isEmpty)
    }

    func testPipelineVocabularyReplacesTheDefaultsWhenItSaysSo() throws {
        let pipeline = TestSupport.plainPipeline + "\nchecks:\n  DM-01:\n    categories: {replace: true, salary_history: [salary_history, 薪资历史]}\n"
        let (tally, findings) = try dm01(row("D1", categories: "薪资历史") + row("D2", categories: "health"), pipeline: pipeline)
        XCTAssertEqual(tally.applicable, 2)
        XCTAssertEqual(findings.map(\.decisionID), ["D1"])
        XCTAssertEqual(findings.first?.detail, "data_categories include prohibited data: salary_history [薪资历史]")
    }

    func testPipelineVocabularyExtendsTheDefaults() throws {
        // A term of its own, and more synonyms for a built-in term: the defaults stay.
        let pipeline = TestSupport.plainPipeline + "\nchecks:\n  DM-01:\n    categories: {salary_history: [薪资历史], health: [体温]}\n"
        let rows = row("D1", categories: "薪资历史") + row("D2", categories: "health") + row("D3", categories: "体温") + row("D4", categories: "考勤")
        let (_, findings) = try dm01(rows, pipeline: pipeline)
        XCTAssertEqual(findings.map(\.decisionID), ["D1", "D2", "D3"])
    }

    func testAnEmptyVocabularyIsAPipelineError() {
        let pipeline = TestSupport.plainPipeline + "\nchecks:\n  DM-01:\n    categories: {replace: true}\n"
        XCTAssertThrowsError(try TestSupport.pipeline(pipeline))
    }

    func testLegalBasisIsTheRulesInForceOnTheDecisionDate() throws {
        let pipeline = TestSupport.plainPipeline + "\nchecks:\n  jurisdictions: [EU]\n"
        // Emotional state rests on the AI Act's ban (and PWD 7, not yet in force). Before the
        // ban applied (2025-02-02) none of its own citations is in force, so the finding
        // cites what is (GDPR 9); after it, the ban alone.
        let (_, findings) = try dm01(row("D1", date: "2025-02-01", categories: "mood") + row("D2", categories: "mood"), pipeline: pipeline)
        XCTAssertEqual(findings.map(\.legalBasis), [
            "GDPR Art. 9",
            "AI Act (EU) 2024/1689 Art. 5(1)(f)",
        ])
        let (_, all) = try dm01(row("D3", categories: "mood"))
        XCTAssertEqual(all.first?.legalBasis, "PIPL Art. 6; AI Act (EU) 2024/1689 Art. 5(1)(f)")
    }

    /// A finding cites what forbids the categories it found, not every citation of the check.
    func testAFindingCitesWhatForbidsItsCategories() throws {
        let (_, findings) = try dm01(row("D1", categories: "sick_leave") + row("D2", categories: "job_search; mood"))
        XCTAssertEqual(findings.map(\.legalBasis), [
            "PIPL Art. 6; PIPL Art. 28; GDPR Art. 9",
            "PIPL Art. 6; AI Act (EU) 2024/1689 Art. 5(1)(f)",
        ])
        // A category of the pipeline's own vocabulary keeps every citation in force.
        let pipeline = TestSupport.plainPipeline + "\nchecks:\n  DM-01:\n    categories: {salary_history: [salary_history]}\n"
        let (_, own) = try dm01(row("D3", categories: "salary_history"), pipeline: pipeline)
        XCTAssertEqual(own.first?.legalBasis, "PIPL Art. 6; PIPL Art. 28; GDPR Art. 9; AI Act (EU) 2024/1689 Art. 5(1)(f)")
    }

    func testDecisionBeforeAnyCitedRuleIsSkipped() throws {
        // In CN only PIPL is cited; it applies from 2021-11-01.
        let pipeline = TestSupport.plainPipeline + "\nchecks:\n  jurisdictions: [CN]\n"
        let (tally, findings) = try dm01(row("D1", date: "2021-10-31", categories: "health")
            + row("D2", date: "2021-11-01", categories: "health"), pipeline: pipeline)
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(findings.map(\.decisionID), ["D2"])
        XCTAssertEqual(findings.first?.legalBasis, "PIPL Art. 6; PIPL Art. 28")
    }

    func testPipelineCanDisableTheCheck() throws {
        let pipeline = TestSupport.plainPipeline + "\nchecks:\n  DM-01: false\n"
        let (result, sink) = try TestSupport.audit(csv: header + row("D1", categories: "health"), pipeline: pipeline)
        XCTAssertFalse(result.checks.contains { $0.descriptor.id == "DM-01" })
        XCTAssertFalse(sink.findings.contains { $0.checkID == "DM-01" })
    }
}
