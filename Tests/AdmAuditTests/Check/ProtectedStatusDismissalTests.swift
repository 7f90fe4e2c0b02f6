import XCTest
@testable import AdmAudit

/// LC-02 on tiny inline exports. Decisions are dated 2025-03-07, after LCL 42 (2008-01-01)
/// and WRPL 48 (2023-01-01) apply; CheckRunner skips decisions dated before both.
final class ProtectedStatusDismissalTests: XCTestCase {
    private let header = "decision_id,employee_id,decision_type,outcome,automated,decided_at,data_categories,reason_codes,protected_status,union_notified,sex\n"

    private func row(_ id: String, type: String = "dismissal", outcome: String = "adverse", automated: String = "yes",
                     date: String = "2025-03-07", status: String) -> String {
        "\(id),E-\(id),\(type),\(outcome),\(automated),\(date),,,\(status),yes,female\n"
    }

    private func lc02(_ rows: String, pipeline: String = TestSupport.plainPipeline) throws -> (CheckTally, [WordedFinding]) {
        let (result, sink) = try TestSupport.audit(csv: header + rows, pipeline: pipeline)
        XCTAssertTrue(sink.rejects.isEmpty, "\(sink.rejects)")
        let tally = try XCTUnwrap(result.checks.first { $0.descriptor.id == "LC-02" })
        return (tally, sink.findings.filter { $0.checkID == "LC-02" })
    }

    func testDismissalDuringPregnancyIsAViolation() throws {
        let (tally, findings) = try lc02(row("D1", status: "pregnancy"))
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(tally.violations, 1)
        XCTAssertEqual(findings.first?.severity, .error)
        XCTAssertEqual(findings.first?.detail, "dismissal of a worker in a protected status: pregnancy")
        XCTAssertEqual(findings.first?.legalBasis, "Labour Contract Law Art. 42; Women's Rights and Interests Law Art. 48")
    }

    /// WRPL 48 protects pregnancy, maternity and nursing, not a medical treatment period,
    /// a work injury or an occupational-disease assessment: those findings cite LCL 42 alone.
    func testEachFindingCitesTheLawsThatProtectItsStatus() throws {
        let rows = row("D1", status: "medical_treatment_period") + row("D2", status: "work_injury")
            + row("D3", status: "occupational_disease") + row("D4", status: "maternity") + row("D5", status: "nursing")
            + row("D6", status: "医疗期;孕期") + row("D7", type: "pay", status: "pregnancy")
        let (_, findings) = try lc02(rows)
        let lcl = "Labour Contract Law Art. 42", both = "Labour Contract Law Art. 42; Women's Rights and Interests Law Art. 48"
        XCTAssertEqual(findings.map(\.decisionID), ["D1", "D2", "D3", "D4", "D5", "D6", "D7"])
        XCTAssertEqual(findings.map(\.legalBasis), [lcl, lcl, lcl, both, both, both, "Women's Rights and Interests Law Art. 48"])
    }

    /// A status of the pipeline's own vocabulary is LCL 42's, unless the pipeline names it
    /// among the statuses that bar a pay cut (WRPL's).
    func testAPipelinesOwnStatusCitesTheWomensRightsLawOnlyWhenItBarsAPayCut() throws {
        let pipeline = TestSupport.plainPipeline + """

        checks:
          LC-02:
            statuses: {near_retirement: [near_retirement], married: [married, 婚期]}
            pay_cut_statuses: [married]
        """
        let (_, findings) = try lc02(row("D1", status: "near_retirement") + row("D2", status: "婚期"), pipeline: pipeline)
        XCTAssertEqual(findings.map(\.legalBasis), ["Labour Contract Law Art. 42",
                                                    "Labour Contract Law Art. 42; Women's Rights and Interests Law Art. 48"])
    }

    func testEveryDefaultStatusBarsDismissal() throws {
        let statuses = ["medical_treatment_period", "孕期", "产期", "哺乳期", "工伤", "职业病"]
        let rows = statuses.enumerated().map { row("D\($0.offset)", status: $0.element) }.joined()
        let (tally, findings) = try lc02(rows)
        XCTAssertEqual(tally.violations, 6)
        XCTAssertEqual(findings.map(\.detail).map { $0.replacingOccurrences(of: "dismissal of a worker in a protected status: ", with: "") },
                       ["medical_treatment_period", "pregnancy", "maternity", "nursing", "work_injury", "occupational_disease_assessment"])
    }

    func testDismissalWithoutAProtectedStatusIsCompliant() throws {
        let (tally, findings) = try lc02(row("D1", status: "probation"))
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(tally.violations, 0)
        XCTAssertTrue(findings.isEmpty)
    }

    func testEmptyStatusMeansNoKnownStatusAndIsCompliant() throws {
        let (tally, findings) = try lc02(row("D1", status: "") + row("D2", type: "pay", status: ""))
        XCTAssertEqual(tally.applicable, 2)
        XCTAssertEqual(tally.unknown, 0)
        XCTAssertEqual(tally.violations, 0)
        XCTAssertEqual(tally.notRecorded, 0)
        XCTAssertTrue(findings.isEmpty)
    }

    func testChineseSeparatorsCaseAndSpacesAndNoRawWording() throws {
        let rows = row("D1", status: "试用期；医疗期") + row("D2", status: "工伤、 怀孕 ") + row("D3", status: " Maternity_Leave | probation")
        let (tally, findings) = try lc02(rows)
        XCTAssertEqual(tally.violations, 3)
        // Canonical statuses only: the employer's wording of health and family data is not repeated.
        XCTAssertEqual(findings.map(\.detail), [
            "dismissal of a worker in a protected status: medical_treatment_period",
            "dismissal of a worker in a protected status: pregnancy, work_injury",
            "dismissal of a worker in a protected status: maternity",
        ])
    }

    func testPayCutForPregnancyMaternityOrNursingIsAViolation() throws {
        let rows = row("D1", type: "pay", status: "pregnancy") + row("D2", type: "扣薪", status: "哺乳期")
            + row("D3", type: "pay", status: "work_injury") + row("D4", type: "pay", outcome: "favorable", status: "pregnancy")
        let (tally, findings) = try lc02(rows)
        XCTAssertEqual(tally.applicable, 3)
        XCTAssertEqual(findings.map(\.decisionID), ["D1", "D2"])
        XCTAssertEqual(findings.first?.detail, "pay cut for a worker in a protected status: pregnancy")
    }

    func testPayCutBeforeTheWomensRightsLawIsNotApplicable() throws {
        // On 2022-12-31 LCL 42 is in force, so the check runs, but WRPL 48 (pay cuts) is not.
        let rows = row("D1", type: "pay", date: "2022-12-31", status: "pregnancy") + row("D2", date: "2022-12-31", status: "pregnancy")
        let (tally, findings) = try lc02(rows)
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(findings.map(\.decisionID), ["D2"])
        XCTAssertEqual(findings.first?.legalBasis, "Labour Contract Law Art. 42")
    }

    func testDismissalBeforeTheLabourContractLawIsSkipped() throws {
        let (tally, findings) = try lc02(row("D1", date: "2007-12-31", status: "pregnancy"))
        XCTAssertEqual(tally.applicable, 0)
        XCTAssertTrue(findings.isEmpty)
    }

    func testOtherTypesAndFavourableOutcomesAreNotApplicable() throws {
        let rows = row("D1", type: "discipline", status: "pregnancy") + row("D2", type: "transfer", status: "工伤")
            + row("D3", outcome: "favorable", status: "pregnancy")
        let (tally, findings) = try lc02(rows)
        XCTAssertEqual(tally.applicable, 0)
        XCTAssertTrue(findings.isEmpty)
    }

    func testPipelineVocabularyReplacesTheDefaults() throws {
        let pipeline = TestSupport.plainPipeline + """

        checks:
          LC-02:
            statuses: {replace: true, near_retirement: [near_retirement, 临近退休], pregnancy: [pregnancy, 孕期]}
            pay_cut_statuses: []
        """
        let rows = row("D1", status: "临近退休") + row("D2", status: "工伤") + row("D3", type: "pay", status: "孕期")
        let (tally, findings) = try lc02(rows, pipeline: pipeline)
        // work_injury is no longer in the vocabulary; with no pay-cut statuses pay decisions are not judged.
        XCTAssertEqual(tally.applicable, 2)
        XCTAssertEqual(findings.map(\.detail), ["dismissal of a worker in a protected status: near_retirement"])
    }

    func testPayCutStatusesMustNameAStatus() {
        // The default pay_cut_statuses name maternity and nursing, which this vocabulary drops.
        let pipeline = TestSupport.plainPipeline + "\nchecks:\n  LC-02:\n    statuses: {replace: true, pregnancy: [pregnancy, 孕期], work_injury: [工伤]}\n"
        XCTAssertThrowsError(try TestSupport.pipeline(pipeline)) { error in
            XCTAssertTrue("\(error)".contains("pay_cut_statuses names maternity, nursing"), "\(error)")
        }
        let fixed = pipeline + "    pay_cut_statuses: [Pregnancy]\n"
        XCTAssertNoThrow(try TestSupport.pipeline(fixed))
    }

    /// An export with no status column records no status for anyone: its dismissals are unknown,
    /// not compliant (a Chinese export written by hand read "0 violations, 0 unknown" while its
    /// 员工状态 column, left unread, held 孕期 and 医疗期). An empty cell in such a column is no status.
    func testNoStatusColumnIsUnknownNotCompliant() throws {
        let csv = "decision_id,employee_id,decision_type,outcome,automated,decided_at,sex\nD1,E1,dismissal,adverse,yes,2025-03-07,female\n"
            + "D2,E2,pay,adverse,yes,2025-03-07,female\n"
        let (result, _) = try TestSupport.audit(csv: csv, pipeline: TestSupport.plainPipeline)
        let tally = try XCTUnwrap(result.checks.first { $0.descriptor.id == "LC-02" })
        XCTAssertEqual(tally.applicable, 2)
        XCTAssertEqual(tally.unknown, 2)
        XCTAssertEqual(tally.violations, 0)
        XCTAssertEqual(tally.unknownReasons["protected_status_not_in_export"], 2)
        let (withColumn, _) = try lc02(row("D3", status: ""))
        XCTAssertEqual(withColumn.unknown, 0)
        XCTAssertEqual(withColumn.applicable, 1)
    }
}
