import Foundation
import XCTest

@testable import AdmAudit

/// What a header alone suggests (`HeaderRules`): real headers of HR suites and home-grown
/// exports, in English and Chinese, with the target their best match names.
final class HeaderRulesTests: XCTestCase {

    // MARK: Helpers

    private func matches(_ header: String) -> [HeaderRules.Match] {
        HeaderRules.matches(HeaderName(header))
    }

    private func best(_ header: String) -> ColumnTarget? {
        matches(header).first?.target
    }

    private func field(_ field: CanonicalField) -> ColumnTarget { .field(field) }

    private func assertBest(_ table: [(String, ColumnTarget)], file: StaticString = #filePath, line: UInt = #line) {
        for (header, expected) in table {
            XCTAssertEqual(best(header), expected, "'\(header)': \(matches(header).map { "\($0.target.name)=\($0.score)" })",
                           file: file, line: line)
        }
    }

    // MARK: Real-world headers

    func testIdentifiers() {
        assertBest([
            ("记录ID", field(.decisionID)),
            ("Decision ID", field(.decisionID)),
            ("Case Number", field(.decisionID)),
            ("Ticket #", field(.decisionID)),
            ("处分编号", field(.decisionID)),
            ("Action Ref", field(.decisionID)),
            ("流水号", field(.decisionID)),
            ("员工ID", field(.subjectID)),
            ("工号", field(.subjectID)),
            ("Employee Number", field(.subjectID)),
            ("Associate Badge ID", field(.subjectID)),
            ("候选人编号", field(.subjectID)),
            ("Driver Number", field(.subjectID)),
            ("骑手ID", field(.subjectID)),
            ("骑手工号", field(.subjectID)),
            ("快递员编号", field(.subjectID)),
        ])
    }

    /// Headers saying only "an id" or "a number" must have their values say what they number.
    func testBareIDHeaders() {
        for header in ["ID", "No.", "编号", "序号", "Ref", "Number", "Code", "编码", "#"] {
            XCTAssertTrue(HeaderRules.namesOnlyAnID(HeaderName(header)), header)
        }
        for header in ["Decision ID", "记录号", "流水号", "Case Number", "Employee ID", "工号"] {
            XCTAssertFalse(HeaderRules.namesOnlyAnID(HeaderName(header)), header)
        }
    }

    /// Who keyed the row in is no subject, and a virtual agent no human (a hostile review: the
    /// clerk's number became the subject; `LLM Agent Reviewed` counted as a human review).
    func testAClerkIsNoSubjectAndAVirtualAgentNoHuman() {
        for header in ["Entered By Emp No", "操作人员编号", "Created By Employee ID"] {
            XCTAssertFalse(matches(header).contains { $0.target == field(.subjectID) }, header)
        }
        for header in ["Virtual Agent Reviewed", "LLM Agent Reviewed", "虚拟客服审核"] {
            XCTAssertFalse(matches(header).contains { $0.target == field(.humanReviewed) }, header)
        }
    }

    func testAPersonsIDIsNeverTheDecisionsID() {
        for header in ["员工ID", "Employee ID", "Worker No", "候选人编号", "Reviewer ID", "Appeal ID", "Job Requisition ID", "部门编号"] {
            XCTAssertFalse(matches(header).contains { $0.target == field(.decisionID) }, header)
        }
    }

    func testDecisionKindsOutcomesAndScores() {
        assertBest([
            ("处分类型", field(.decisionType)),
            // A store's penalty log (扣罚: deductions and sanctions), written for the review of session 4.
            ("扣罚类型", field(.decisionType)),
            ("惩处措施", field(.decisionType)),
            ("Disciplinary Action", field(.decisionType)),
            ("Action Taken", field(.decisionType)),
            ("Event Type", field(.decisionType)),
            ("措施", field(.decisionType)),
            ("处理结果", field(.outcome)),
            ("Decision Outcome", field(.outcome)),
            ("Status", field(.outcome)),
            ("Action Status", field(.outcome)),
            ("Risk Score", field(.score)),
            ("离职倾向分", field(.score)),
            ("Attrition Probability", field(.score)),
        ])
    }

    func testWhoDecided() {
        assertBest([
            ("Decision Mode", field(.automated)),
            ("是否系统自动", field(.automated)),
            ("Auto-Flagged", field(.automated)),
            ("Created By", field(.automated)),
            ("筛选方式", field(.automated)),
            ("Model Version", field(.system)),
            ("算法名称", field(.system)),
            ("Scoring Engine", field(.system)),
        ])
    }

    func testTimes() {
        assertBest([
            ("Decision Date", field(.decidedAt)),
            ("Screen Date", field(.decidedAt)),
            ("处理时间(UTC+8)", field(.decidedAt)),
            ("触发时间", field(.decidedAt)),
            ("Effective Date (MM/DD/YYYY)", field(.effectiveAt)),
            ("生效日期", field(.effectiveAt)),
            ("Notification Sent Date", field(.notifiedAt)),
            ("通知送达时间", field(.notifiedAt)),
            ("Review Date", field(.reviewedAt)),
            ("复核时间", field(.reviewedAt)),
            ("Appeal Filed On", field(.appealFiledAt)),
            ("申诉提交时间", field(.appealFiledAt)),
            ("Appeal Closed On", field(.appealRespondedAt)),
            ("复议处理时间", field(.appealRespondedAt)),
            ("申诉答复时间", field(.appealRespondedAt)),
            ("AI Notice Date", field(.aiNoticeAt)),
            ("算法告知时间", field(.aiNoticeAt)),
        ])
    }

    func testAnAppealsTimeIsNeverTheDecisionsTime() {
        for header in ["复议处理时间", "Appeal Closed On", "Appeal Date", "申诉时间", "Review Date", "Effective Date", "Date of Birth",
                       "Hire Date", "Application Date"] {
            XCTAssertFalse(matches(header).contains { $0.target == field(.decidedAt) }, header)
        }
    }

    func testReview() {
        assertBest([
            ("Reviewed by Human (Y/N)", field(.humanReviewed)),
            ("是否人工复核（是/否）", field(.humanReviewed)),
            ("Manual Review?", field(.humanReviewed)),
            ("Was Reviewed", field(.humanReviewed)),
            ("人工干预", field(.humanReviewed)),
            ("hr_reviewed", field(.humanReviewed)),
            ("HR Review", field(.humanReviewed)),
            ("人事复核", field(.humanReviewed)),
            // Support staff and calibration (a helper's courier and pay exports: left unused, every decision unreviewed).
            ("agent_reviewed", field(.humanReviewed)),
            ("Ops Reviewed", field(.humanReviewed)),
            ("人工校准", field(.humanReviewed)),
            ("审核状态", field(.reviewResult)),
            ("Reviewed By", field(.reviewerID)),
            ("复核人工号", field(.reviewerID)),
            ("Approver", field(.reviewerID)),
            ("HR审批人", field(.reviewerID)),
            ("Review Result", field(.reviewResult)),
            ("复核意见", field(.reviewResult)),
            ("Manager Decision", field(.reviewResult)),
        ])
    }

    /// `Auto-Rejected (1/0)` says whether the person was turned down (an outcome), not who
    /// decided; `系统处理` is what the system did, not which system (a helper's exports: every
    /// row rejected, and a run stopped for want of a decision type).
    func testWhatTheSystemDidIsNotWhoDecided() {
        for header in ["Auto-Rejected (1/0)", "System Rejected (Y/N)"] {
            XCTAssertEqual(best(header), field(.outcome), "\(matches(header).map { "\($0.target.name)=\($0.score)" })")
        }
        XCTAssertFalse(matches("系统处理").contains { $0.target == field(.system) }, "\(matches("系统处理"))")
        XCTAssertEqual(best("系统名称"), field(.system))
        XCTAssertTrue(matches("Decision Engine").contains { $0.target == field(.system) })
    }

    func testExplanationAndAppeals() {
        assertBest([
            ("Reason Given", field(.explanationGiven)),
            ("是否告知理由", field(.explanationGiven)),
            ("Explanation Provided (Y/N)", field(.explanationGiven)),
            ("Appeal Channel Offered", field(.appealOffered)),
            ("是否告知申诉渠道", field(.appealOffered)),
            ("申诉结果", field(.appealResult)),
            ("Appeal Outcome", field(.appealResult)),
            ("Appeal Handler", field(.appealReviewerID)),
            ("申诉处理人", field(.appealReviewerID)),
            ("申诉处理方式", field(.appealReviewer)),
        ])
    }

    func testOtherFields() {
        assertBest([
            ("数据类别", field(.dataCategories)),
            ("Data Sources Used", field(.dataCategories)),
            ("是否通知工会", field(.unionNotified)),
            ("Works Council Informed", field(.unionNotified)),
            ("特殊保护状态", field(.protectedStatus)),
            ("违纪事由", field(.reasonCodes)),
            ("Violation Type", field(.reasonCodes)),
            ("Country", field(.jurisdiction)),
            ("所在国家", field(.jurisdiction)),
        ])
    }

    func testAttributes() {
        assertBest([
            ("性别", .attribute("sex")),
            ("Gender Identity", .attribute("sex")),
            ("Race/Ethnicity", .attribute("ethnicity")),
            ("EEO Category", .attribute("ethnicity")),
            ("民族", .attribute("ethnicity")),
            ("户籍类型", .attribute("hukou")),
            ("Disability Status", .attribute("disability")),
            ("Nationality", .attribute("nationality")),
            ("国籍", .attribute("nationality")),
            ("Citizenship", .attribute("nationality")),
            ("Age", .age),
            ("年龄", .age),
            ("Age Group", .age),
            ("Date of Birth", .birthDate),
            ("出生年月", .birthDate),
            ("Work Location", .site),
            ("门店", .site),
        ])
    }

    func testWordsInsideOtherWordsAreNotMatched() {
        for header in ["Page", "Usage", "Stage", "Wage Grade", "Image"] {
            XCTAssertFalse(matches(header).contains { $0.target == .age }, header)
        }
        XCTAssertNil(best("Notice"), "`notice` holds no field's word")
    }

    // MARK: Scores

    func testExactNamesScoreHundred() {
        XCTAssertEqual(matches("decision_id").first?.score, 100)
        XCTAssertEqual(matches("DecisionId").first?.score, 100)
        XCTAssertEqual(matches("是否人工复核").first?.score, 100)
        XCTAssertEqual(matches("记录ID").first, HeaderRules.Match(target: field(.decisionID), score: 100, terms: ["记录ID"], isUsualName: true))
        XCTAssertEqual(matches("Ticket #").first?.isUsualName, false, "terms found in it, worded as such")
        XCTAssertEqual(matches("Employee").first?.isUsualName, true, "the person alone, below an id's name but a usual name")
    }

    func testRuleMatchesNameTheirTerms() throws {
        let match = try XCTUnwrap(matches("Appeal Closed On").first)
        XCTAssertEqual(match.target, field(.appealRespondedAt))
        XCTAssertEqual(match.score, 90)
        XCTAssertEqual(match.terms, ["appeal", "closed", "on"])
    }

    func testOneMatchPerTargetBestFirst() {
        for header in ["Reviewed by Human (Y/N)", "申诉处理人", "Decision Date", "Appeal Reviewer", "Action Status"] {
            let all = matches(header)
            XCTAssertEqual(Set(all.map(\.target)).count, all.count, "\(header): one match per target")
            XCTAssertEqual(all.map(\.score), all.map(\.score).sorted(by: >), "\(header): best first")
        }
    }

    func testAHeaderMayNameSeveralTargetsWithTheBestFirst() {
        // `Reviewed by Human` also holds `reviewed by` (a reviewer's word): a weaker match.
        let all = matches("Reviewed by Human (Y/N)")
        XCTAssertEqual(all.first?.target, field(.humanReviewed))
        XCTAssertTrue(all.dropFirst().contains { $0.target == field(.reviewerID) })
    }

    func testUnknownHeadersMatchNothing() {
        for header in ["Column7", "Notes", "x", "", "备注", "Employee Name"] {
            XCTAssertEqual(matches(header), [], header)
        }
    }

    // MARK: Free text

    func testFreeTextHeaders() {
        for header in ["备注", "Remarks", "Employee Name", "员工姓名", "Department", "部门", "Job Title", "Manager Name", "Email", "描述"] {
            XCTAssertTrue(HeaderRules.isFreeText(HeaderName(header)), header)
        }
        for header in ["Outcome", "Decision Type", "性别", "Notification"] {
            XCTAssertFalse(HeaderRules.isFreeText(HeaderName(header)), header)
        }
    }

    // MARK: The tables themselves

    func testExactNamesAreUniqueAcrossTargets() {
        var owner: [String: ColumnTarget] = [:]
        for (target, names) in HeaderRules.exactNames {
            for name in names {
                let key = name.split(separator: " ").joined().lowercased()
                if let other = owner[key], other != target {
                    XCTFail("'\(name)' is an exact name of both \(other.name) and \(target.name)")
                }
                owner[key] = target
            }
        }
    }

    func testExactNamesMatchTheirOwnTarget() {
        for (target, names) in HeaderRules.exactNames {
            for name in names {
                let first = matches(name).first
                XCTAssertEqual(first?.target, target, "'\(name)'")
                XCTAssertEqual(first?.score, 100, "'\(name)'")
            }
        }
    }

    /// A yes/no header that denies what it names is not the field the wrong way round (a hostile
    /// review: `not_human_reviewed` and `decided_by_human` taken as written reversed every answer).
    func testAHeaderDenyingWhatItNamesIsNotThatField() {
        for header in ["not_human_reviewed", "without_human_review", "human_review_bypassed", "未人工复核", "免人工复核", "跳过人工复核",
                       "non_automated"] {
            XCTAssertFalse(matches(header).contains { $0.target == field(.humanReviewed) || $0.target == field(.automated) }, header)
        }
        XCTAssertFalse(matches("decided_by_human").contains { $0.target == field(.automated) })
        assertBest([("Human Reviewed (Yes/No)", field(.humanReviewed)), ("是否人工复核", field(.humanReviewed)),
                    ("automated", field(.automated))])
    }
}
