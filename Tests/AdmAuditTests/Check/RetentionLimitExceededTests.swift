import XCTest
@testable import AdmAudit

/// DM-02 on tiny inline exports: records older than the retention limit on the as-of
/// date, aged on local dates in Asia/Shanghai (UTC+8); dismissal records kept two years
/// under CN law (LCL Art. 50).
final class RetentionLimitExceededTests: XCTestCase {
    private let header = "decision_id,employee_id,decision_type,outcome,automated,decided_at,sex\n"
    private let shanghai = TestSupport.exactPipeline(attributes: ["sex: [sex]"],
                                                     sections: "input:\n  time_zone: Asia/Shanghai\nchecks:\n  DM-02: {retention_days: 180}")

    private func dm02(_ rows: String, asOf: String?, pipeline: String? = nil) throws -> (CheckTally, [WordedFinding], AuditResult) {
        let (result, sink) = try TestSupport.audit([TestSupport.temporaryFile(header + rows)],
                                                   pipeline: TestSupport.pipeline(pipeline ?? shanghai),
                                                   asOf: asOf.map { AsOfDate($0)! })
        let tally = try XCTUnwrap(result.checks.first { $0.descriptor.id == "DM-02" })
        return (tally, sink.findings.filter { $0.checkID == "DM-02" }, result)
    }

    func testRecordPastTheLimitIsAViolation() throws {
        let (tally, findings, _) = try dm02("D1,E1,discipline,adverse,yes,2026-01-01 10:00,female\n", asOf: "2027-01-01")
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(tally.violations, 1)
        XCTAssertEqual(findings.first?.severity, .warning)
        XCTAssertEqual(findings.first?.notRecorded, false)
        let detail = try XCTUnwrap(findings.first?.detail)
        XCTAssertTrue(detail.contains("decided 2026-01-01"), detail)
        XCTAssertTrue(detail.contains("365 days before the as-of date 2027-01-01"), detail)
        XCTAssertTrue(detail.contains("retention limit 180 days"), detail)
    }

    func testExactlyTheLimitIsNotYetAViolation() throws {
        // 2026-01-01 + 180 days = 2026-06-30.
        let row = "D1,E1,discipline,adverse,yes,2026-01-01 23:59,female\n"
        let onLimit = try dm02(row, asOf: "2026-06-30").0
        XCTAssertEqual(onLimit.applicable, 1)
        XCTAssertEqual(onLimit.violations, 0)
        XCTAssertEqual(try dm02(row, asOf: "2026-07-01").0.violations, 1)
    }

    func testAgeIsCountedOnLocalDates() throws {
        // 16:30Z on 2026-01-01 is 00:30 on 2026-01-02 in Shanghai: 180 days old on 2026-07-01.
        let row = "D1,E1,discipline,adverse,yes,2026-01-01T16:30:00Z,female\n"
        XCTAssertEqual(try dm02(row, asOf: "2026-07-01").0.violations, 0)
        XCTAssertEqual(try dm02(row, asOf: "2026-07-02").0.violations, 1)
        // 15:30Z is 23:30 on 2026-01-01 local: 181 days old on 2026-07-01.
        XCTAssertEqual(try dm02("D1,E1,discipline,adverse,yes,2026-01-01T15:30:00Z,female\n", asOf: "2026-07-01").0.violations, 1)
    }

    func testEveryRecordApplies() throws {
        let rows = "D1,E1,hiring,favorable,no,2025-01-01 10:00,female\n"
            + "D2,E2,scheduling,adverse,yes,2025-01-01 10:00,male\n"
            + "D3,E3,pay,adverse,yes,2026-12-01 10:00,male\n"
            + "D4,E4,pay,adverse,yes,2027-03-01 10:00,male\n"     // after the as-of date
        let (tally, findings, _) = try dm02(rows, asOf: "2027-01-01")
        XCTAssertEqual(tally.applicable, 4)
        XCTAssertEqual(findings.map(\.decisionID), ["D1", "D2"])
    }

    func testMissingDecisionDateIsUnknown() throws {
        let (tally, findings, _) = try dm02("D1,E1,discipline,adverse,yes,,female\n", asOf: "2027-01-01")
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(tally.unknown, 1)
        XCTAssertEqual(tally.violations, 0)
        XCTAssertTrue(findings.isEmpty)
    }

    func testWithoutAnAsOfDateEveryRecordIsUnknown() throws {
        let (tally, findings, result) = try dm02("D1,E1,discipline,adverse,yes,2020-01-01 10:00,female\nD2,E2,pay,adverse,yes,2026-01-01 10:00,male\n",
                                                 asOf: nil)
        XCTAssertEqual(tally.applicable, 2)
        XCTAssertEqual(tally.unknown, 2)
        XCTAssertEqual(tally.violations, 0)
        XCTAssertTrue(findings.isEmpty)
        XCTAssertTrue(RetentionLimitExceeded.descriptor.usesAsOfDate)
        XCTAssertTrue(result.diagnostics.contains { $0.message(.en).contains("no as-of date") })
        // The pipeline's audit_date is an as-of date.
        XCTAssertEqual(try dm02("D1,E1,discipline,adverse,yes,2026-01-01 10:00,female\n", asOf: nil,
                                pipeline: "audit_date: 2026-07-01\n" + shanghai).0.violations, 1)
    }

    func testLimitComesFromThePipeline() throws {
        let yaml = TestSupport.exactPipeline(attributes: ["sex: [sex]"],
                                             sections: "input:\n  time_zone: Asia/Shanghai\nchecks:\n  DM-02: {retention_days: 184}")
        let row = "D1,E1,discipline,adverse,yes,2026-01-01 10:00,female\n"
        XCTAssertEqual(try dm02(row, asOf: "2026-07-04", pipeline: yaml).0.violations, 0)
        XCTAssertEqual(try dm02(row, asOf: "2026-07-05", pipeline: yaml).0.violations, 1)
        XCTAssertEqual(RetentionLimitExceeded().retentionDays, 180)
    }

    func testLegalBasisAndTheCaveatShowBothRules() throws {
        let (_, findings, _) = try dm02("D1,E1,discipline,adverse,yes,2025-01-01 10:00,female\n", asOf: "2027-01-01")
        XCTAssertEqual(findings.first?.legalBasis, "PIPL Art. 19; GDPR Art. 5(1)(e)")
        let descriptor = RetentionLimitExceeded.descriptor
        for language in [ReportLanguage.en, .zh] {
            let caveat = try XCTUnwrap(descriptor.caveat(language))
            XCTAssertTrue(caveat.contains("26"), caveat)
            XCTAssertTrue(caveat.contains("180"), caveat)
        }
        XCTAssertTrue(descriptor.caveat(.en)?.contains("policy proposal") ?? false)
        XCTAssertTrue(descriptor.caveat(.zh)?.contains("政策建议") ?? false)
    }

    // MARK: LCL Art. 50: a dismissal record under CN law is kept at least two years

    private let withJurisdiction = "decision_id,employee_id,decision_type,outcome,automated,decided_at,jurisdiction,sex\n"

    private func dm02(jurisdictionRows rows: String, asOf: String, pipeline: String? = nil) throws -> [WordedFinding] {
        let (_, sink) = try TestSupport.audit([TestSupport.temporaryFile(withJurisdiction + rows)],
                                              pipeline: TestSupport.pipeline(pipeline ?? shanghai), asOf: AsOfDate(asOf)!)
        return sink.findings.filter { $0.checkID == "DM-02" }
    }

    func testADismissalRecordUnderChineseLawIsNotFlaggedBeforeTwoYears() throws {
        // 2025-01-01 to 2026-01-01 is 365 days; to 2027-01-01, 730; to 2027-01-02, 731.
        let rows = "D1,E1,dismissal,adverse,yes,2025-01-01 10:00,,female\n"
            + "D2,E2,dismissal,adverse,yes,2025-01-01 10:00,CN,female\n"
            + "D3,E3,discipline,adverse,yes,2025-01-01 10:00,CN,female\n"
        XCTAssertEqual(try dm02(jurisdictionRows: rows, asOf: "2026-01-01").map(\.decisionID), ["D3"])
        XCTAssertEqual(try dm02(jurisdictionRows: rows, asOf: "2027-01-01").map(\.decisionID), ["D3"])
        let late = try dm02(jurisdictionRows: rows, asOf: "2027-01-02")
        XCTAssertEqual(late.map(\.decisionID), ["D1", "D2", "D3"])
        XCTAssertTrue(late[0].detail.hasSuffix("retention limit 730 days for a dismissal record under CN law, which Labour Contract Law Art. 50 requires kept at least two years (cn_dismissal_minimum_days; retention_days 180)"), late[0].detail)
        XCTAssertTrue(late[2].detail.hasSuffix("retention limit 180 days"), late[2].detail)
    }

    func testTheTwoYearMinimumIsChinas() throws {
        // A record of an EU member state, and a record without one in an audit under EU law alone.
        let rows = "D1,E1,dismissal,adverse,yes,2025-01-01 10:00,DE,female\n"
        XCTAssertEqual(try dm02(jurisdictionRows: rows, asOf: "2026-01-01").map(\.decisionID), ["D1"])
        let euOnly = shanghai + "\n  jurisdictions: [EU]"
        let blank = "D2,E2,dismissal,adverse,yes,2025-01-01 10:00,,female\n"
        XCTAssertEqual(try dm02(jurisdictionRows: blank, asOf: "2026-01-01", pipeline: euOnly).map(\.decisionID), ["D2"])
    }

    func testTheMinimumComesFromThePipeline() throws {
        let rows = "D1,E1,dismissal,adverse,yes,2025-01-01 10:00,CN,female\n"
        let off = TestSupport.exactPipeline(attributes: ["sex: [sex]"], sections: "checks:\n  DM-02: {cn_dismissal_minimum_days: 0}")
        XCTAssertEqual(try dm02(jurisdictionRows: rows, asOf: "2026-01-01", pipeline: off).count, 1)
        let shorter = TestSupport.exactPipeline(attributes: ["sex: [sex]"], sections: "checks:\n  DM-02: {cn_dismissal_minimum_days: 300}")
        XCTAssertEqual(try dm02(jurisdictionRows: rows, asOf: "2025-10-28", pipeline: shorter).count, 0)
        XCTAssertEqual(try dm02(jurisdictionRows: rows, asOf: "2026-01-01", pipeline: shorter).count, 1)
        XCTAssertEqual(RetentionLimitExceeded().cnDismissalMinimumDays, 730)
    }

    func testTheChineseDetailCitesTheLabourContractLaw() throws {
        let zh = shanghai.replacingOccurrences(of: "report:\n", with: "report:\n  language: zh\n")
        let finding = try XCTUnwrap(dm02(jurisdictionRows: "D1,E1,dismissal,adverse,yes,2025-01-01 10:00,CN,female\n",
                                         asOf: "2027-01-02", pipeline: zh).first)
        XCTAssertTrue(finding.detail.hasSuffix("辞退记录按中国法保存期限为 730 天：《劳动合同法》第50条要求至少保存二年（cn_dismissal_minimum_days；retention_days 为 180）"), finding.detail)
        ChineseText.assertChinese(finding.detail, "DM-02 detail")
        XCTAssertTrue(RetentionLimitExceeded.descriptor.caveat(.en)?.contains("Labour Contract Law Art. 50") ?? false)
        XCTAssertTrue(RetentionLimitExceeded.descriptor.caveat(.zh)?.contains("《劳动合同法》第50条") ?? false)
    }
}
