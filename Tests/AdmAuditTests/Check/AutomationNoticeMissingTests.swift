import XCTest
@testable import AdmAudit

/// NT-01 on tiny inline exports: notice missing, late, on time, NYC's ten business days
/// across weekends, pipeline lead times and time zones, and rules not yet in force.
/// 2025-01-06 is a Monday.
final class AutomationNoticeMissingTests: XCTestCase {
    private let header = "decision_id,employee_id,decision_type,outcome,automated,ai_notice_at,decided_at,jurisdiction,sex\n"

    private func nt01(_ rows: String, pipeline: String = TestSupport.plainPipeline) throws -> (CheckTally, [WordedFinding]) {
        let (result, sink) = try TestSupport.audit(csv: header + rows, pipeline: pipeline)
        let tally = try XCTUnwrap(result.checks.first { $0.descriptor.id == "NT-01" })
        return (tally, sink.findings.filter { $0.checkID == "NT-01" })
    }

    private func withParameters(_ lines: String, timeZone: String? = nil) -> String {
        var yaml = TestSupport.plainPipeline + "\nchecks:\n  NT-01:\n" + lines
        if let timeZone { yaml += "\ninput:\n  time_zone: \(timeZone)\n" }
        return yaml
    }

    func testNoNoticeRecordedCountsAsViolationAndSaysSo() throws {
        let (tally, findings) = try nt01("D1,E1,hiring,adverse,yes,,2025-03-01,,female\n")
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(tally.violations, 1)
        XCTAssertEqual(tally.notRecorded, 1)
        XCTAssertEqual(findings.first?.notRecorded, true)
        XCTAssertEqual(findings.first?.severity, .warning)
        XCTAssertEqual(findings.first?.detail, "ai_notice_at empty for an automated hiring decision")
    }

    func testNoticeAfterTheDecisionIsAViolation() throws {
        let (tally, findings) = try nt01("D1,E1,dismissal,adverse,yes,2025-03-02 09:00,2025-03-01 09:00,,female\n")
        XCTAssertEqual(tally.violations, 1)
        XCTAssertEqual(tally.notRecorded, 0)
        XCTAssertEqual(findings.first?.detail,
                       "ai_notice_at 2025-03-02 09:00+00:00 is after decided_at 2025-03-01 09:00+00:00 for an automated dismissal decision")
        // No jurisdiction column: every selected jurisdiction's basis in force on the date is cited.
        XCTAssertEqual(findings.first?.legalBasis, "PIPL Art. 17; PIPL Art. 24; NYC Local Law 144 / 6 RCNY § 5-304")
    }

    func testNoticeBeforeOrAtTheSameInstantIsCompliant() throws {
        let rows = "D1,E1,dismissal,adverse,yes,2025-02-01,2025-03-01 09:00,,female\n"
            + "D2,E2,dismissal,adverse,yes,2025-03-01 09:00,2025-03-01 09:00,,female\n"
            + "D3,E3,dismissal,adverse,yes,2025-03-01 09:00:01,2025-03-01 09:00,,female\n"
        let (tally, findings) = try nt01(rows)
        XCTAssertEqual(tally.applicable, 3)
        XCTAssertEqual(findings.map(\.decisionID), ["D3"])
    }

    func testAnyAutomatedDecisionIsApplicableWhateverItsTypeOrOutcome() throws {
        let rows = "D1,E1,promotion,favorable,yes,,2025-03-01,,female\n"
            + "D2,E2,scheduling,adverse,yes,,2025-03-01,,female\n"
            + "D3,E3,scheduling,adverse,,,2025-03-01,,female\n"
        let (tally, findings) = try nt01(rows)
        XCTAssertEqual(tally.applicable, 3)
        XCTAssertEqual(findings.map(\.decisionID), ["D1", "D2", "D3"])
    }

    func testHumanDecisionIsNotApplicable() throws {
        let (tally, findings) = try nt01("D1,E1,dismissal,adverse,no,,2025-03-01,,female\n")
        XCTAssertEqual(tally.applicable, 0)
        XCTAssertTrue(findings.isEmpty)
        let notAssumed = TestSupport.plainPipeline + "\ninput:\n  assume_automated: false\n"
        XCTAssertEqual(try nt01("D1,E1,dismissal,adverse,,,2025-03-01,,female\n", pipeline: notAssumed).0.applicable, 0)
    }

    func testMissingDecisionTimeIsUnknown() throws {
        let (tally, findings) = try nt01("D1,E1,dismissal,adverse,yes,2025-03-01,,,female\n")
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(tally.unknown, 1)
        XCTAssertTrue(findings.isEmpty)
        var record = CheckRecordFixture.adverseAutomated()
        record.aiNoticeAt = 1_740_000_000
        XCTAssertEqual(AutomationNoticeMissing().evaluate(record, context: CheckRecordFixture.context), .unknown(.decidedAtNotRecorded))
    }

    func testNewYorkNeedsTenBusinessDaysCountedAcrossWeekends() throws {
        let rows = "D1,E1,hiring,adverse,yes,2025-01-06 09:00,2025-01-20 09:00,US-NYC,female\n"  // Mon → Mon: exactly 10
            + "D2,E2,hiring,adverse,yes,2025-01-06 17:00,2025-01-18 08:00,US-NYC,female\n"  // Mon → Sat: 10
            + "D3,E3,hiring,adverse,yes,2025-01-06 09:00,2025-01-17 18:00,US-NYC,female\n"  // Mon → Fri: 9
            + "D4,E4,hiring,adverse,yes,2025-01-04 09:00,2025-01-17 09:00,us-nyc,female\n"  // Sat → Fri: 9
            + "D5,E5,hiring,adverse,yes,2025-01-03 09:00,2025-01-17 09:00,US-NYC,female\n"  // Fri → Fri: 10
        let (tally, findings) = try nt01(rows)
        XCTAssertEqual(tally.applicable, 5)
        XCTAssertEqual(findings.map(\.decisionID), ["D3", "D4"])
        XCTAssertEqual(findings.first?.detail,
                       "ai_notice_at 2025-01-06 09:00+00:00 is 9 business days before decided_at 2025-01-17 18:00+00:00; US-NYC requires 10, for an automated hiring decision")
        XCTAssertEqual(findings.first?.legalBasis, "NYC Local Law 144 / 6 RCNY § 5-304")
    }

    func testNewYorkLeadTimeIsAParameter() throws {
        let rows = "D1,E1,hiring,adverse,yes,2025-01-06,2025-01-13,US-NYC,female\n"  // Mon → Mon: 5
            + "D2,E2,hiring,adverse,yes,2025-01-07,2025-01-13,US-NYC,female\n"  // Tue → Mon: 4
            + "D3,E3,hiring,adverse,yes,2025-01-12,2025-01-13,CN,female\n"  // other jurisdictions: before is enough
        let (_, findings) = try nt01(rows, pipeline: withParameters("    nyc_business_days: 5\n"))
        XCTAssertEqual(findings.map(\.decisionID), ["D2"])
    }

    /// A decision with no place read (blank, or one no table knows) is held to NYC's ten
    /// business days only when the audit is NYC's alone (US law beside it allowed).
    func testNoPlaceReadIsNewYorksOnlyWhenTheAuditIsNewYorksAlone() throws {
        let rows = "D1,E1,hiring,adverse,yes,2025-01-06,2025-01-10,,female\n"  // Mon → Fri: 4
            + "D2,E2,hiring,adverse,yes,2025-01-06,2025-01-10,Atlantis,female\n"
        for (jurisdictions, expected) in [("[US-NYC, US]", ["D1", "D2"]), ("[US-NYC]", ["D1", "D2"]), ("[US-NYC, CN]", [])] {
            let (_, findings) = try nt01(rows, pipeline: TestSupport.plainPipeline + "\nchecks:\n  jurisdictions: \(jurisdictions)\n")
            XCTAssertEqual(findings.map(\.decisionID), expected, jurisdictions)
        }
    }

    func testPipelineLeadTimeAppliesToEveryRecord() throws {
        let rows = "D1,E1,pay,adverse,yes,2025-01-03 18:00,2025-01-08 09:00,CN,female\n"  // Fri → Wed: 3
            + "D2,E2,pay,adverse,yes,2025-01-03 18:00,2025-01-07 23:00,CN,female\n"  // Fri → Tue: 2
            + "D3,E3,pay,adverse,yes,2025-01-03 18:00,2025-01-07 23:00,,female\n"
        let (_, findings) = try nt01(rows, pipeline: withParameters("    business_days_before: 3\n"))
        XCTAssertEqual(findings.map(\.decisionID), ["D2", "D3"])
        XCTAssertTrue(findings.first?.detail.contains("is 2 business days before") ?? false)
        XCTAssertTrue(findings.first?.detail.contains("the pipeline requires 3") ?? false)
    }

    func testLargerOfThePipelineAndNewYorkLeadTimesApplies() throws {
        let rows = "D1,E1,hiring,adverse,yes,2025-01-06,2025-01-20,US-NYC,female\n"  // 10 business days
        let (_, findings) = try nt01(rows, pipeline: withParameters("    business_days_before: 11\n"))
        XCTAssertTrue(findings.first?.detail.contains("US-NYC requires 11") ?? false)
    }

    func testBusinessDaysFollowThePipelinesTimeZone() throws {
        // Friday 17:00 UTC is Saturday 01:00 in Shanghai; Monday 02:00 UTC is Monday 10:00 there.
        let rows = "D1,E1,pay,adverse,yes,2025-01-03T17:00:00Z,2025-01-06T02:00:00Z,,female\n"
        XCTAssertEqual(try nt01(rows, pipeline: withParameters("    business_days_before: 1\n")).1.count, 0)
        let shanghai = withParameters("    business_days_before: 1\n", timeZone: "Asia/Shanghai")
        let (_, findings) = try nt01(rows, pipeline: shanghai)
        XCTAssertTrue(findings.first?.detail.contains("is 0 business days before") ?? false)
    }

    func testNegativeLeadTimeIsAPipelineError() {
        XCTAssertThrowsError(try TestSupport.pipeline(withParameters("    nyc_business_days: -1\n")))
    }

    func testBusinessDayCount() {
        let monday = LocalCalendar.day(of: AsOfDate("2025-01-06")!)
        XCTAssertEqual(AutomationNoticeMissing.businessDays(from: monday, to: monday), 0)
        XCTAssertEqual(AutomationNoticeMissing.businessDays(from: monday, to: monday + 1), 1)
        XCTAssertEqual(AutomationNoticeMissing.businessDays(from: monday + 4, to: monday + 7), 1)  // Fri → Mon
        XCTAssertEqual(AutomationNoticeMissing.businessDays(from: monday + 5, to: monday + 7), 0)  // Sat → Mon
        XCTAssertEqual(AutomationNoticeMissing.businessDays(from: monday, to: monday + 14), 10)
        XCTAssertEqual(AutomationNoticeMissing.businessDays(from: monday + 6, to: monday + 6 + 70), 50)
        XCTAssertEqual(AutomationNoticeMissing.businessDays(from: monday + 3, to: monday), 0)
    }

    func testDecisionBeforeTheRuleAppliedIsNotJudged() throws {
        // LL144 is enforced from 2023-07-05; PIPL applies from 2021-11-01.
        let rows = "D1,E1,hiring,adverse,yes,,2023-07-04,US-NYC,female\n"
            + "D2,E2,hiring,adverse,yes,,2023-07-05,US-NYC,female\n"
            + "D3,E3,hiring,adverse,yes,,2021-10-31,CN,female\n"
            + "D4,E4,hiring,adverse,yes,,2021-11-01,CN,female\n"
        let (tally, findings) = try nt01(rows)
        XCTAssertEqual(tally.applicable, 2)
        XCTAssertEqual(findings.map(\.decisionID), ["D2", "D4"])
    }
}
