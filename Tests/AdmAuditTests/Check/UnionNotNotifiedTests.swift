import XCTest
@testable import AdmAudit

/// LC-01 on tiny inline exports. Decisions are dated 2025-03-07; LCL 43 applies from
/// 2008-01-01, and CheckRunner skips decisions dated before it.
final class UnionNotNotifiedTests: XCTestCase {
    private let header = "decision_id,employee_id,decision_type,outcome,automated,decided_at,data_categories,reason_codes,protected_status,union_notified,sex\n"

    private func row(_ id: String, type: String = "dismissal", outcome: String = "adverse", automated: String = "yes",
                     date: String = "2025-03-07", notified: String) -> String {
        "\(id),E-\(id),\(type),\(outcome),\(automated),\(date),,,,\(notified),female\n"
    }

    private func lc01(_ rows: String, pipeline: String = TestSupport.plainPipeline) throws -> (CheckTally, [WordedFinding]) {
        let (result, sink) = try TestSupport.audit(csv: header + rows, pipeline: pipeline)
        XCTAssertTrue(sink.rejects.isEmpty, "\(sink.rejects)")
        let tally = try XCTUnwrap(result.checks.first { $0.descriptor.id == "LC-01" })
        return (tally, sink.findings.filter { $0.checkID == "LC-01" })
    }

    func testDismissalWithoutUnionNoticeIsAViolation() throws {
        let (tally, findings) = try lc01(row("D1", notified: "no"))
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(tally.violations, 1)
        XCTAssertEqual(tally.notRecorded, 0)
        XCTAssertEqual(findings.first?.severity, .error)
        XCTAssertEqual(findings.first?.detail, "union_notified=no for a dismissal")
        XCTAssertEqual(findings.first?.legalBasis, "Labour Contract Law Art. 43")
        XCTAssertEqual(findings.first?.notRecorded, false)
    }

    func testNotifiedDismissalIsCompliant() throws {
        let (tally, findings) = try lc01(row("D1", notified: "yes"))
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(tally.violations, 0)
        XCTAssertTrue(findings.isEmpty)
    }

    func testEmptyUnionNotifiedCountsAsViolationAndSaysSo() throws {
        let (tally, findings) = try lc01(row("D1", notified: "") + row("D2", notified: " "))
        XCTAssertEqual(tally.violations, 2)
        XCTAssertEqual(tally.notRecorded, 2)
        XCTAssertEqual(tally.unknown, 0)
        XCTAssertEqual(findings.map(\.notRecorded), [true, true])
        XCTAssertTrue(findings.first?.detail.contains("union_notified empty") ?? false)
    }

    func testChineseValuesCaseAndSpaces() throws {
        let rows = row("D1", type: "解除劳动合同", outcome: "不利", notified: "未通知")
            + row("D2", type: "辞退", outcome: "不利", notified: "已通知")
            + row("D3", type: " Dismissal ", outcome: "ADVERSE", notified: " No ")
        let (tally, findings) = try lc01(rows)
        XCTAssertEqual(tally.applicable, 3)
        XCTAssertEqual(findings.map(\.decisionID), ["D1", "D3"])
    }

    func testHumanDismissalIsJudgedToo() throws {
        let (tally, findings) = try lc01(row("D1", automated: "no", notified: "no"))
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(findings.map(\.decisionID), ["D1"])
    }

    func testOtherTypesAndFavourableOutcomesAreNotApplicable() throws {
        let rows = row("D1", type: "discipline", notified: "no") + row("D2", type: "pay", notified: "")
            + row("D3", outcome: "favorable", notified: "no")
        let (tally, findings) = try lc01(rows)
        XCTAssertEqual(tally.applicable, 0)
        XCTAssertTrue(findings.isEmpty)
    }

    func testDismissalBeforeTheLabourContractLawIsSkipped() throws {
        let (tally, findings) = try lc01(row("D1", date: "2007-12-31", notified: "no") + row("D2", date: "2008-01-01", notified: "no"))
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(findings.map(\.decisionID), ["D2"])
    }
}
