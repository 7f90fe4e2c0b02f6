import XCTest
@testable import AdmAudit

/// RC-01 on tiny inline exports. Decisions are dated 2025-03-07: PIPL 28 is in force, the
/// Platform Work Directive (2026-12-02) is not; Code du travail L2242-17 and FWA s 333M are
/// cited only when the pipeline selects FR or AU. CheckRunner skips a decision when none
/// of the citations is in force, and RC-01 one when none of its finding's own is.
final class SuspectReasonCodesTests: XCTestCase {
    private let header = "decision_id,employee_id,decision_type,outcome,automated,decided_at,data_categories,reason_codes,protected_status,union_notified,sex\n"

    private func row(_ id: String, type: String = "discipline", outcome: String = "adverse", automated: String = "yes",
                     date: String = "2025-03-07", reasons: String) -> String {
        "\(id),E-\(id),\(type),\(outcome),\(automated),\(date),,\(reasons),,,male\n"
    }

    private func rc01(_ rows: String, pipeline: String = TestSupport.plainPipeline) throws -> (CheckTally, [WordedFinding]) {
        let (result, sink) = try TestSupport.audit(csv: header + rows, pipeline: pipeline)
        XCTAssertTrue(sink.rejects.isEmpty, "\(sink.rejects)")
        let tally = try XCTUnwrap(result.checks.first { $0.descriptor.id == "RC-01" })
        return (tally, sink.findings.filter { $0.checkID == "RC-01" })
    }

    func testToiletBreaksAsAReasonIsFlagged() throws {
        let (tally, findings) = try rc01(row("D1", reasons: "toilet_breaks;late"))
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(tally.violations, 1)
        XCTAssertEqual(findings.first?.severity, .warning)
        XCTAssertEqual(findings.first?.detail,
                       "adverse discipline decision whose reason_codes may stand for health or a protected status: toilet_breaks [toilet_breaks]")
        XCTAssertEqual(findings.first?.legalBasis, "PIPL Art. 28")
    }

    func testBothGroupsAreNamed() throws {
        let (_, findings) = try rc01(row("D1", type: "dismissal", reasons: "idle_time;unanswered_messages;病假"))
        XCTAssertEqual(findings.first?.detail,
                       "adverse dismissal decision whose reason_codes may stand for health or a protected status: idle_time [idle_time], "
                       + "absence_sick [病假]; may punish being offline: non_response [unanswered_messages]")
    }

    func testOtherReasonsAreCompliant() throws {
        let (tally, findings) = try rc01(row("D1", reasons: "customer_complaint;late_delivery"))
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(tally.violations, 0)
        XCTAssertTrue(findings.isEmpty)
    }

    func testChineseSeparatorsCaseAndSpaces() throws {
        let rows = row("D1", reasons: "迟到；上厕所、 未及时回复 ") + row("D2", reasons: " Rate_Shortfall | IDLE_TIME")
            + row("D3", reasons: "\"客户投诉，摸鱼\"")
        let (tally, findings) = try rc01(rows)
        XCTAssertEqual(tally.violations, 3)
        XCTAssertEqual(findings.map(\.detail), [
            "adverse discipline decision whose reason_codes may stand for health or a protected status: toilet_breaks [上厕所]; "
                + "may punish being offline: non_response [未及时回复]",
            "adverse discipline decision whose reason_codes may stand for health or a protected status: idle_time [IDLE_TIME], "
                + "rate_shortfall [Rate_Shortfall]",
            "adverse discipline decision whose reason_codes may stand for health or a protected status: idle_time [摸鱼]",
        ])
    }

    func testAnyAdverseDecisionAppliesAutomatedOrNot() throws {
        let rows = row("D1", type: "scheduling", automated: "no", reasons: "offline") + row("D2", type: "performance_rating", reasons: "效率不达标")
        let (tally, findings) = try rc01(rows)
        XCTAssertEqual(tally.applicable, 2)
        XCTAssertEqual(findings.map(\.decisionID), ["D1", "D2"])
    }

    func testEmptyReasonCodesAreUnknown() throws {
        let (tally, findings) = try rc01(row("D1", reasons: "") + row("D2", reasons: " ; "))
        XCTAssertEqual(tally.applicable, 2)
        XCTAssertEqual(tally.unknown, 2)
        XCTAssertEqual(tally.violations, 0)
        XCTAssertTrue(findings.isEmpty)
    }

    func testFavourableDecisionIsNotApplicable() throws {
        let (tally, findings) = try rc01(row("D1", outcome: "favorable", reasons: "toilet_breaks"))
        XCTAssertEqual(tally.applicable, 0)
        XCTAssertTrue(findings.isEmpty)
    }

    func testPipelineVocabulariesReplaceTheDefaults() throws {
        let pipeline = TestSupport.plainPipeline + """

        checks:
          RC-01:
            health_reasons: {replace: true, slow_pace: [slow_pace, 速度慢]}
            offline_reasons: {replace: true}
        """
        let rows = row("D1", reasons: "速度慢") + row("D2", reasons: "toilet_breaks;non_response")
        let (tally, findings) = try rc01(rows, pipeline: pipeline)
        XCTAssertEqual(tally.applicable, 2)
        XCTAssertEqual(findings.map(\.detail),
                       ["adverse discipline decision whose reason_codes may stand for health or a protected status: slow_pace [速度慢]"])
    }

    /// Punishing a non-response is a matter of working time and private life, not of
    /// sensitive data: it cites the right-to-disconnect bases, as DC-01 does.
    func testOffHoursReasonsCiteTheRightToDisconnectNotSensitiveData() throws {
        let (_, findings) = try rc01(row("D1", reasons: "non_response") + row("D2", reasons: "未及时回复"))
        XCTAssertEqual(findings.map(\.legalBasis), Array(repeating: "Labour Law Art. 36; Labour Law Art. 41; Civil Code Art. 1032", count: 2))
    }

    func testRightToDisconnectIsCitedWhenThePipelineSelectsFranceOrAustralia() throws {
        let pipeline = TestSupport.plainPipeline + "\nchecks:\n  jurisdictions: [CN, FR, AU]\n"
        let (_, findings) = try rc01(row("D1", reasons: "non_response"), pipeline: pipeline)
        XCTAssertEqual(findings.first?.legalBasis,
                       "Labour Law Art. 36; Labour Law Art. 41; Civil Code Art. 1032; Code du travail art. L2242-17; Fair Work Act 2009 (Cth) s 333M")
    }

    func testHealthReasonsCiteSensitiveDataAndOnADismissalTheLabourContractLaw() throws {
        let (_, findings) = try rc01(row("D1", reasons: "toilet_breaks") + row("D2", type: "dismissal", reasons: "sick_leave"))
        XCTAssertEqual(findings.map(\.legalBasis), ["PIPL Art. 28", "PIPL Art. 28; Labour Contract Law Art. 42"])
    }

    func testAFindingWithBothKindsCitesBothSets() throws {
        let (_, findings) = try rc01(row("D1", reasons: "toilet_breaks;non_response")
                                     + row("D2", type: "dismissal", reasons: "idle_time;unanswered_messages"))
        XCTAssertEqual(findings.map(\.legalBasis), [
            "PIPL Art. 28; Labour Law Art. 36; Labour Law Art. 41; Civil Code Art. 1032",
            "PIPL Art. 28; Labour Contract Law Art. 42; Labour Law Art. 36; Labour Law Art. 41; Civil Code Art. 1032",
        ])
    }

    /// Before the PIPL applied (2021-11-01) the Labour Law covers a Chinese discipline, but
    /// no rule on health data does: a health reason is not held against it, an offline one is.
    func testAReasonIsNotHeldAgainstADecisionNoneOfItsBasesCovers() throws {
        let rows = row("D1", date: "2021-06-01", reasons: "toilet_breaks") + row("D2", date: "2021-06-01", reasons: "non_response")
            + row("D3", type: "dismissal", date: "2021-06-01", reasons: "toilet_breaks")
        let (tally, findings) = try rc01(rows)
        XCTAssertEqual(tally.applicable, 2)
        XCTAssertEqual(findings.map(\.decisionID), ["D2", "D3"])
        XCTAssertEqual(findings.map(\.legalBasis), ["Labour Law Art. 36; Labour Law Art. 41; Civil Code Art. 1032", "Labour Contract Law Art. 42"])
        // Under EU law alone no basis of the right to disconnect is cited.
        let eu = TestSupport.plainPipeline + "\nchecks:\n  jurisdictions: [EU]\n"
        let (euTally, euFindings) = try rc01(row("D4", date: "2027-01-04", reasons: "non_response"), pipeline: eu)
        XCTAssertEqual(euTally.applicable, 0)
        XCTAssertTrue(euFindings.isEmpty)
    }

    func testDecisionBeforeAnyCitedRuleIsSkipped() throws {
        // In the EU only the Platform Work Directive is cited, from 2026-12-02.
        let eu = TestSupport.plainPipeline + "\nchecks:\n  jurisdictions: [EU]\n"
        let (tally, findings) = try rc01(row("D1", reasons: "toilet_breaks") + row("D2", date: "2026-12-02", reasons: "toilet_breaks"), pipeline: eu)
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(findings.map(\.decisionID), ["D2"])
        XCTAssertEqual(findings.first?.legalBasis, "Platform Work Directive (EU) 2024/2831 Art. 7")
    }
}
