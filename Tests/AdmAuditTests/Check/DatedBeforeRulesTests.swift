import XCTest
@testable import AdmAudit

/// Decisions dated before the rules they would break were in force: not judged by those
/// checks, and said in one warning when later decisions of the input fall under the rules.
final class DatedBeforeRulesTests: XCTestCase {
    private let pipeline = TestSupport.exactPipeline(attributes: ["sex: [sex]"], sections: "checks:\n  jurisdictions: [EU]")

    private func warnings(_ result: AuditResult) -> [Diagnostic] {
        result.diagnostics.filter { $0.code == .decisionsBeforeRules }
    }

    /// An unreviewed automated dismissal of 2017, and one dated `43000` (an Excel day number,
    /// 2017-09-22) among ISO dates, escape HR-01 (GDPR Art. 22 applies from 2018-05-25) while a
    /// 2025 one is found: the run counts them apart and names the first. A hire of 1986 made by
    /// a person broke nothing, and is not counted.
    func testBackdatedViolationsAreCountedApartAndSaid() throws {
        let csv = """
        decision_id,decision_type,outcome,decided_at,automated,human_reviewed,sex
        D1,dismissal,adverse,2025-03-07,yes,no,f
        D2,dismissal,adverse,2017-03-07,yes,no,f
        D3,dismissal,adverse,43000,yes,no,m
        D4,hiring,favorable,1986-01-13,no,yes,m
        D5,dismissal,adverse,2025-04-01,yes,yes,m

        """
        let (result, sink) = try TestSupport.audit([TestSupport.temporaryFile(csv)], pipeline: TestSupport.pipeline(pipeline),
                                                   asOf: AsOfDate("2025-06-30"))
        XCTAssertEqual(sink.findings.filter { $0.checkID == "HR-01" }.map(\.decisionID), ["D1"])
        let found = warnings(result)
        XCTAssertEqual(found.count, 1)
        let warning = try XCTUnwrap(found.first)
        XCTAssertEqual(warning.level, .warning)
        XCTAssertEqual(warning.values["rows"], .count(2))
        XCTAssertEqual(warning.values["line"], .count(3))
        XCTAssertEqual(warning.values["first_day"], .text("2017-03-07"))
        XCTAssertEqual(warning.values["last_day"], .text("2017-09-22"))
        guard case .list(let checks)? = warning.values["checks"] else { return XCTFail("no checks named") }
        XCTAssertTrue(checks.contains("HR-01"), "\(checks)")
        XCTAssertEqual(checks, checks.sorted { CheckRegistry.precedes($0, $1) })
        XCTAssertNil(warning.damage)
        let english = ReportText(language: .en).message(warning)
        XCTAssertTrue(english.hasPrefix("2 decisions are dated before the rules they would break"), english)
        XCTAssertTrue(english.contains("(2017-03-07 to 2017-09-22; the first on line 3)"), english)
        let chinese = ReportText(language: .zh).message(warning)
        XCTAssertTrue(chinese.contains("2 项决定的日期早于其所违反的规则在作出地生效之时（2017-03-07 至 2017-09-22；首项在第 3 行）"), chinese)
    }

    /// An export whose every decision predates a rule is older than it, and nothing is said:
    /// the Platform Work Directive of December 2026 does not make a 2025 export odd.
    func testAnExportOlderThanTheRulesSaysNothing() throws {
        let csv = """
        decision_id,decision_type,outcome,decided_at,automated,human_reviewed,sex
        D1,dismissal,adverse,2016-03-07,yes,no,f
        D2,dismissal,adverse,2017-03-07,yes,no,m

        """
        let (result, sink) = try TestSupport.audit([TestSupport.temporaryFile(csv)], pipeline: TestSupport.pipeline(pipeline),
                                                   asOf: AsOfDate("2025-06-30"))
        XCTAssertEqual(sink.findings.filter { $0.checkID == "HR-01" }.count, 0)
        XCTAssertEqual(warnings(result), [])
    }

    /// Two parts of a cut file add up as one reading: counts and days join, the first of the
    /// earlier part stays the first, and each check is named by its own rules' first day.
    func testALaterPartAddsUp() {
        var earlier = DatedBeforeRules(checks: 3)
        earlier.escaped(check: 0, ruleStart: 500)
        earlier.note(day: 100, ruleStart: 500, file: "a.csv", line: 7)
        var later = DatedBeforeRules(checks: 3)
        later.escaped(check: 0, ruleStart: 500)
        later.escaped(check: 1, ruleStart: 900)
        later.note(day: 50, ruleStart: 500, file: "a.csv", line: 2)
        later.escaped(check: 2, ruleStart: 2000)
        later.note(day: 120, ruleStart: 2000, file: "a.csv", line: 9)
        earlier.add(later)
        let warning = earlier.warning(checks: ["HR-01", "EX-01", "NT-01"], latestDecisionDay: 1000)
        XCTAssertEqual(warning?.values["rows"], .count(2))
        XCTAssertEqual(warning?.values["line"], .count(7))
        XCTAssertEqual(warning?.values["checks"], .list(["HR-01", "EX-01"]))
        XCTAssertEqual(warning?.values["first_day"], .text(LocalCalendar.date(ofDay: 50).description))
        XCTAssertEqual(warning?.values["last_day"], .text(LocalCalendar.date(ofDay: 100).description))
        XCTAssertNil(earlier.warning(checks: ["HR-01", "EX-01", "NT-01"], latestDecisionDay: 499))
        XCTAssertNil(DatedBeforeRules(checks: 1).warning(checks: ["HR-01"], latestDecisionDay: 1000))
    }
}
