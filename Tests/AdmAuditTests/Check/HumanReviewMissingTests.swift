import XCTest
@testable import AdmAudit

/// HR-01 on tiny inline exports: violating, compliant, boundary and not-recorded cases.
final class HumanReviewMissingTests: XCTestCase {
    private let header = "decision_id,employee_id,decision_type,outcome,automated,human_reviewed,reviewer_id,reviewed_at,sex\n"

    private func hr01(_ rows: String, pipeline: String = TestSupport.plainPipeline) throws -> (CheckTally, [WordedFinding]) {
        let (result, sink) = try TestSupport.audit(csv: header + rows, pipeline: pipeline)
        let tally = try XCTUnwrap(result.checks.first { $0.descriptor.id == "HR-01" })
        return (tally, sink.findings.filter { $0.checkID == "HR-01" })
    }

    func testAdverseAutomatedDismissalWithoutReviewIsAViolation() throws {
        let (tally, findings) = try hr01("D1,E1,dismissal,adverse,yes,no,,,female\n")
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(tally.violations, 1)
        XCTAssertEqual(tally.notRecorded, 0)
        XCTAssertEqual(findings.map(\.decisionID), ["D1"])
        XCTAssertEqual(findings.first?.line, 2)
        XCTAssertEqual(findings.first?.subject, "E1")
        XCTAssertEqual(findings.first?.severity, .error)
        XCTAssertTrue(findings.first?.detail.contains("human_reviewed=no") ?? false)
    }

    func testReviewedDecisionIsCompliant() throws {
        let (tally, findings) = try hr01("D1,E1,dismissal,adverse,yes,yes,R1,2025-03-01 10:00,female\n")
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(tally.violations, 0)
        XCTAssertTrue(findings.isEmpty)
    }

    func testNothingRecordedCountsAsViolationAndSaysSo() throws {
        let (tally, findings) = try hr01("D1,E1,discipline,adverse,yes,,,,male\n")
        XCTAssertEqual(tally.violations, 1)
        XCTAssertEqual(tally.notRecorded, 1)
        XCTAssertEqual(findings.first?.notRecorded, true)
    }

    func testReviewerAloneShowsAReviewWhenTheFlagIsEmpty() throws {
        let (tally, _) = try hr01("D1,E1,pay,adverse,yes,,R2,,male\nD2,E2,pay,adverse,yes,,,2025-01-02,male\n")
        XCTAssertEqual(tally.applicable, 2)
        XCTAssertEqual(tally.violations, 0)
    }

    /// An employer under inspection writes `系统` where the reviewer goes, beside `human_reviewed`
    /// left empty or even `yes` (a Feishu export's 审核状态 已审核 with 审核人 系统): software
    /// reviewed it, not a human. Before, each counted as a human review and HR-01 was silent.
    func testAReviewerThatIsSoftwareIsNoHumanReview() throws {
        let software = ["系统", "系统自动审核", "AI复核助手", "自动审批", "SYSTEM", "Auto-Approval Bot", "AI Reviewer", "ЅYSTEM", "ＡＩ助手",
                        "系\u{200B}统审核", "⾃动审批", "系统自动通过", "自动批准", "超时自动通过", "流程自动流转", "规则引擎", "钉钉机器人",
                        "飞书审批助手", "rules v2", "HRBot", "Workday Scoring", "HireVue", "北森", "\u{0410}\u{0406}", "\u{0412}\u{041E}\u{0422}"]
        let rows = software.enumerated().map { "D\($0.offset),E\($0.offset),dismissal,adverse,yes,\($0.offset % 2 == 0 ? "" : "yes"),\($0.element),,female\n" }
        let (tally, findings) = try hr01(rows.joined())
        XCTAssertEqual(tally.applicable, software.count)
        XCTAssertEqual(findings.map(\.decisionID), software.indices.map { "D\($0)" })
        XCTAssertTrue(findings.allSatisfy { $0.detail.contains("reviewer_id names software") }, "\(findings.map(\.detail))")
        XCTAssertTrue(findings.allSatisfy { !$0.notRecorded })
        // People, whatever letters or words their names share with software's (a hostile review's list).
        let people = ["Kai Chen", "Abbott", "张智", "R. Sysmann", "HR7", "王机", "Ai Tanaka", "Li Ai", "Marjan Bot", "Model, Jane", "J. Engine",
                      "Autore, Marco", "ai.chen@acme.com", "AI-0042", "System Administrator Li", "RPA Team - Sam Ortiz", "王智能", "周引擎",
                      "系统管理员王伟", "信息系统部-李娜", "算法伦理委员会（张敏）", "自动化部 陈刚", "通过", "同意", "Анна", "Аксёнов", "Workday, Ann"]
        let (humans, none) = try hr01(people.enumerated().map { "P\($0.offset),E\($0.offset),dismissal,adverse,yes,,\"\($0.element)\",,male\n" }.joined())
        XCTAssertEqual(humans.applicable, people.count)
        XCTAssertTrue(none.isEmpty, "\(none.map(\.detail))")
    }

    func testFavourableOutcomeIsNotApplicable() throws {
        let (tally, _) = try hr01("D1,E1,dismissal,favorable,yes,no,,,female\n")
        XCTAssertEqual(tally.applicable, 0)
        XCTAssertEqual(tally.violations, 0)
        XCTAssertEqual(tally.rate, .undefined(.noApplicableDecisions))
    }

    func testNonSignificantTypeIsNotApplicable() throws {
        let (tally, _) = try hr01("D1,E1,scheduling,adverse,yes,no,,,female\n")
        XCTAssertEqual(tally.applicable, 0)
    }

    func testHumanDecisionIsNotApplicable() throws {
        let (tally, _) = try hr01("D1,E1,dismissal,adverse,no,no,,,female\n")
        XCTAssertEqual(tally.applicable, 0)
    }

    func testEmptyAutomatedFollowsThePipelineAssumption() throws {
        let rows = "D1,E1,dismissal,adverse,,no,,,female\n"
        XCTAssertEqual(try hr01(rows).0.violations, 1)
        let notAssumed = TestSupport.plainPipeline + "\ninput:\n  assume_automated: false\n"
        XCTAssertEqual(try hr01(rows, pipeline: notAssumed).0.applicable, 0)
    }

    func testPipelineCanNarrowSignificantTypes() throws {
        let pipeline = TestSupport.plainPipeline + "\nchecks:\n  significant_types: [dismissal]\n"
        let (tally, _) = try hr01("D1,E1,dismissal,adverse,yes,no,,,f\nD2,E2,pay,adverse,yes,no,,,m\n", pipeline: pipeline)
        XCTAssertEqual(tally.applicable, 1)
        XCTAssertEqual(tally.violations, 1)
    }

    func testPipelineCanDisableTheCheck() throws {
        let pipeline = TestSupport.plainPipeline + "\nchecks:\n  HR-01: false\n"
        let (result, sink) = try TestSupport.audit(csv: header + "D1,E1,dismissal,adverse,yes,no,,,f\n", pipeline: pipeline)
        XCTAssertFalse(result.checks.contains { $0.descriptor.id == "HR-01" })
        XCTAssertFalse(result.checks.isEmpty, "the other checks still run")
        XCTAssertTrue(sink.findings.filter { $0.checkID == "HR-01" }.isEmpty)
    }

    func testChineseValuesMeanTheSame() throws {
        let chinese = "决策编号,员工编号,决策类型,结果,是否自动化,是否人工复核,性别\nD1,E1,解除劳动合同,不利,是,否,女\nD2,E2,纪律处分,不利,是,是,男\n"
        let (result, sink) = try TestSupport.audit(csv: chinese)
        XCTAssertEqual(result.checks.first { $0.descriptor.id == "HR-01" }?.applicable, 2)
        XCTAssertEqual(sink.findings.filter { $0.checkID == "HR-01" }.map(\.decisionID), ["D1"])
    }

    func testLegalBasisFollowsJurisdictions() throws {
        let pipeline = TestSupport.plainPipeline + "\nchecks:\n  jurisdictions: [CN]\n"
        let (_, findings) = try hr01("D1,E1,dismissal,adverse,yes,no,,,f\n", pipeline: pipeline)
        XCTAssertEqual(findings.first?.legalBasis, "PIPL Art. 24")
    }

    /// A placeholder in the reviewer column names nobody, so it shows no review (a hostile review
    /// hid every unreviewed dismissal behind `unassigned`, `HR queue`, `0000`, `待分配`); a name does.
    func testAPlaceholderReviewerShowsNoReview() throws {
        let placeholders = ["unassigned", "TBD", "#N/A", "null", "0000", "---", "HR queue", "awaiting reviewer", "(blank)", "待分配", "无", "N/A", "TBC", "later", "inbox", "管理员",
                            "（跳过）", "发起人本人", "审批人已离职"]
        let rows = placeholders.enumerated().map { "D\($0.offset),E1,dismissal,adverse,yes,,\($0.element),,female\n" }.joined()
        let (tally, findings) = try hr01(rows + "R1,E1,dismissal,adverse,yes,,Li Na,,female\nR2,E1,dismissal,adverse,yes,,E1042,,female\n")
        XCTAssertEqual(tally.applicable, placeholders.count + 2)
        XCTAssertEqual(Set(findings.map(\.decisionID)), Set(placeholders.indices.map { "D\($0)" }))
        XCTAssertTrue(findings.allSatisfy(\.notRecorded))
    }

    /// A yes with software or nobody after it is no human review: the row is rejected and named,
    /// never counted as reviewed.
    func testAYesNamingSoftwareOrNobodyIsNoReview() throws {
        let yeses = ["yes (model)", "reviewed automatically", "Yes (machine)", "yes (nobody)", "yes (self-review)", "已机审", "是（本人）", "是（规则引擎）",
                     "yes (Copilot)", "yes (Workday Scoring)", "yes (HRBot)"]
        let rows = yeses.enumerated().map { "D\($0.offset),E1,dismissal,adverse,yes,\($0.element),,,female\n" }.joined()
        let (result, _) = try TestSupport.audit(csv: header + rows, pipeline: TestSupport.plainPipeline)
        let input = try XCTUnwrap(result.inputs.first)
        XCTAssertEqual(input.accepted, 0)
        XCTAssertEqual(input.rejected, yeses.count)
        XCTAssertEqual(input.rejectedAdverse, yeses.count)
        XCTAssertTrue(input.mayHideViolations)
    }
}
