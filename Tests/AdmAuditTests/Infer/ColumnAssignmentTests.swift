import Foundation
import XCTest

@testable import AdmAudit

/// Which column becomes which field, header and content together (`ColumnAssignment`).
final class ColumnAssignmentTests: XCTestCase {

    // MARK: Helpers

    private func assign(_ columns: [(String, [String])], file: StaticString = #filePath, line: UInt = #line) -> ColumnAssignment {
        let profiles = columns.enumerated().map { ColumnProfile(index: $0.offset, header: $0.element.0, values: $0.element.1) }
        let assignment = ColumnAssignment(profiles: profiles)
        // Whatever the columns: a field is never mapped twice, nor a column.
        let names = assignment.choices.map(\.target.name)
        XCTAssertEqual(Set(names).count, names.count, "a target mapped twice: \(names)", file: file, line: line)
        let columns = assignment.choices.map(\.column)
        XCTAssertEqual(Set(columns).count, columns.count, "a column mapped twice: \(columns)", file: file, line: line)
        XCTAssertEqual(columns, columns.sorted(), "choices in column order", file: file, line: line)
        return assignment
    }

    private func target(_ assignment: ColumnAssignment, _ column: Int) -> ColumnTarget? {
        assignment.choice(forColumn: column)?.target
    }

    private let ids = (1...8).map { "D\($0)" }
    private let outcomes = ["adverse", "favorable", "adverse", "adverse", "favorable", "adverse", "favorable", "adverse"]
    private let dates = (1...8).map { "2025-03-0\($0) 09:00" }
    private let yesNo = ["yes", "no", "yes", "no", "no", "yes", "yes", "no"]

    // MARK: Header and content agree

    func testAPlainExportMapsEveryColumn() {
        let assignment = assign([
            ("记录ID", ids), ("员工ID", ids.map { "E" + $0 }), ("处理类型", Array(repeating: "解除劳动合同", count: 8)),
            ("处理结果", outcomes), ("是否人工复核（是/否）", yesNo), ("处理时间(UTC+8)", dates), ("性别", ["女", "男", "女", "男", "女", "男", "女", "男"]),
        ])
        XCTAssertEqual((0..<7).map { target(assignment, $0) }, [
            .field(.decisionID), .field(.subjectID), .field(.decisionType), .field(.outcome), .field(.humanReviewed), .field(.decidedAt),
            .attribute("sex"),
        ])
    }

    // MARK: Content overrules the header

    func testAReviewedColumnOfNamesIsNotHumanReviewed() {
        let names = ["Zhang Wei", "Li Na", "Wang Fang", "Liu Yang", "Chen Jie", "Zhao Lei", "Sun Li", "Zhou Min"]
        let assignment = assign([("Decision ID", ids), ("Outcome", outcomes), ("Decision Date", dates), ("Reviewed", names)])
        XCTAssertNil(assignment.target(.field(.humanReviewed)))
        XCTAssertNil(target(assignment, 3))
        XCTAssertTrue(assignment.rejected[3]?.english.contains("yes/no") ?? false, "\(String(describing: assignment.rejected[3]))")

        let answered = assign([("Decision ID", ids), ("Outcome", outcomes), ("Decision Date", dates), ("Reviewed", yesNo)])
        XCTAssertEqual(target(answered, 3), .field(.humanReviewed))
    }

    /// `Reviewed by Manager`: who reviewed, or whether someone did; the values say which.
    func testReviewedByIsTheReviewerOrWhetherThereWasOne() {
        let names = ["Zhang Wei", "Li Na", "Wang Fang", "Liu Yang", "Chen Jie", "Zhao Lei", "Sun Li", "Zhou Min"]
        for header in ["Reviewed by Manager", "Checked By", "Approved by supervisor"] {
            let answered = assign([("Case ID", ids), ("Outcome", outcomes), ("Decision Date", dates), (header, ["Y", "N", "Y", "Y", "N", "Y", "Y", "N"])])
            XCTAssertEqual(target(answered, 3), .field(.humanReviewed), header)
            let named = assign([("Case ID", ids), ("Outcome", outcomes), ("Decision Date", dates), (header, names)])
            XCTAssertEqual(target(named, 3), .field(.reviewerID), header)
        }
    }

    /// `Review Completed`: when the review was done, or whether it was; the values say which.
    func testReviewCompletedIsTheReviewTimeOrWhetherThereWasOne() {
        let asTimes = assign([("Case ID", ids), ("Outcome", outcomes), ("Decision Date", dates), ("Review Completed", dates)])
        XCTAssertEqual(target(asTimes, 3), .field(.reviewedAt))
        let asAnswers = assign([("Case ID", ids), ("Outcome", outcomes), ("Decision Date", dates), ("Review Completed", yesNo)])
        XCTAssertEqual(target(asAnswers, 3), .field(.humanReviewed))
        let chinese = assign([("记录ID", ids), ("处理结果", outcomes), ("处理时间", dates), ("复核完成", dates)])
        XCTAssertEqual(target(chinese, 3), .field(.reviewedAt))
    }

    func testAnOutcomeHeaderOverDecisionKindsIsTheDecisionType() {
        let kinds = ["解除劳动合同", "警告", "降级", "警告", "解除劳动合同", "记过", "警告", "降职"]
        let assignment = assign([("记录ID", ids), ("处理结果", kinds), ("处理时间", dates)])
        XCTAssertEqual(target(assignment, 1), .field(.decisionType))
        XCTAssertNil(assignment.target(.field(.outcome)))
        XCTAssertTrue(assignment.choice(forColumn: 1)?.evidence.english.contains("decision kinds") ?? false)
    }

    func testAnOutcomeHeaderOverDecisionKindsStaysTheOutcomeBesideATypeColumn() {
        let kinds = ["解除劳动合同", "警告", "降级", "警告", "解除劳动合同", "记过", "警告", "降职"]
        let assignment = assign([("记录ID", ids), ("处理类型", kinds), ("处理结果", kinds), ("处理时间", dates)])
        XCTAssertEqual(target(assignment, 1), .field(.decisionType))
        XCTAssertEqual(target(assignment, 2), .field(.outcome))
    }

    /// A DingTalk export's `完成时间` closes the approval, not a contest: with no column of a
    /// contest it is left unread; beside one, it may be when the contest was answered.
    func testACompletionTimeIsNoContestsAnswerWithoutAContest() {
        let kinds = ["解除劳动合同", "警告", "降级", "警告", "解除劳动合同", "记过", "警告", "降职"]
        let agreed = ["同意", "拒绝", "同意", "同意", "拒绝", "同意", "同意", "同意"]
        let done = (1...8).map { "2025-03-0\($0) 17:30" }
        let approval = assign([("审批编号", ids), ("处理类型", kinds), ("审批结果", agreed), ("发起时间", dates), ("完成时间", done)])
        XCTAssertNil(approval.choice(forColumn: 4))
        XCTAssertTrue(approval.rejected[4]?.english.contains("no contest's answer") ?? false, "\(String(describing: approval.rejected[4]))")

        let filed = (1...8).map { "2025-03-0\($0) 12:00" }
        let contested = assign([("审批编号", ids), ("处理类型", kinds), ("审批结果", agreed), ("发起时间", dates), ("申诉时间", filed),
                                ("完成时间", done)])
        XCTAssertEqual(target(contested, 5), .field(.appealRespondedAt), "beside a contest's column the time may be its answer's")
    }

    func testAnApprovalResultWithNoOutcomeColumnIsTheOutcomeAndTheReviewResult() throws {
        let kinds = ["辞退", "晋升", "奖金资格", "调班", "辞退", "纪律处分", "奖金资格", "晋升"]
        let approvals = ["通过", "驳回", "通过", "通过", "驳回", "通过", "驳回", "通过"]
        let assignment = assign([("申请编号", ids), ("事项", kinds), ("审批结果", approvals), ("日期", dates)])
        let result = try XCTUnwrap(assignment.choice(forColumn: 2))
        XCTAssertEqual(result.target, .field(.outcome))
        XCTAssertEqual(result.also, .field(.reviewResult))
        XCTAssertTrue(result.evidence.english.contains("approve or turn down"))
        XCTAssertTrue(result.markedForChecking, "a reading the inspector should confirm")

        // Beside an outcome column, the approval is the review's result only.
        let withOutcome = assign([("申请编号", ids), ("事项", kinds), ("结果", outcomes), ("审批结果", approvals), ("日期", dates)])
        XCTAssertEqual(target(withOutcome, 2), .field(.outcome))
        XCTAssertEqual(target(withOutcome, 3), .field(.reviewResult))
        XCTAssertNil(withOutcome.choice(forColumn: 3)?.also)

        // An audit of what the system decided (`audit_result`: 通过 upheld, 驳回 overturned) is a
        // review's result: the outcome stays the system's, read from the kind.
        let audit = assign([("申请编号", ids), ("事项", kinds), ("audit_result", approvals), ("日期", dates)])
        XCTAssertEqual(target(audit, 2), .field(.reviewResult))
        XCTAssertNil(audit.target(.field(.outcome)))

        // A DingTalk approval's `同意` / `不同意`, which the run reads as `通过` / `拒绝`
        // (`RecordBuilderTests.testAnApprovalThatIsNoOutcomeWordGoesTheWayTheKindPoints`).
        let agreed = ["同意", "不同意", "同意", "同意", "不同意", "同意", "同意", "同意"]
        let dingTalk = assign([("申请编号", ids), ("事项", kinds), ("审批结果", agreed), ("日期", dates)])
        XCTAssertEqual(target(dingTalk, 2), .field(.outcome))
        XCTAssertEqual(dingTalk.choice(forColumn: 2)?.also, .field(.reviewResult))

        // A review's result that upholds or changes a decision says nothing of its outcome.
        let upheld = ["维持", "变更", "维持", "撤销", "维持", "维持", "变更", "维持"]
        let review = assign([("申请编号", ids), ("事项", kinds), ("复核结果", upheld), ("日期", dates)])
        XCTAssertEqual(target(review, 2), .field(.reviewResult))
        XCTAssertNil(review.target(.field(.outcome)))
    }

    func testGatesRefuteWhatTheValuesAreNot() {
        let assignment = assign([
            ("Decision ID", ids), ("Outcome", outcomes),
            ("Decision Date", ["soon", "later", "never", "today", "n/a", "tbd", "asap", "x"]),
            ("Risk Score", ["high", "low", "high", "medium", "low", "low", "high", "medium"]),
        ])
        XCTAssertNil(target(assignment, 2))
        XCTAssertNil(target(assignment, 3))
        XCTAssertTrue(assignment.rejected[2]?.english.contains("timestamps") ?? false)
        XCTAssertTrue(assignment.rejected[3]?.english.contains("numbers") ?? false)
    }

    func testAnEmptyColumnTakesTheHeadersWord() {
        let empty = Array(repeating: "", count: 8)
        let assignment = assign([("Decision ID", ids), ("Outcome", outcomes), ("是否人工复核", empty), ("Appeal Date", empty)])
        XCTAssertEqual(target(assignment, 2), .field(.humanReviewed))
        XCTAssertEqual(target(assignment, 3), .field(.appealFiledAt))
        XCTAssertTrue(assignment.choice(forColumn: 2)?.evidence.english.contains("empty") ?? false)
    }

    func testDateLikeIDsStayIDsButDatesAreNotIDs() {
        let numeric = (1...8).map { "202503040\($0)" }
        XCTAssertEqual(target(assign([("Decision ID", numeric), ("Outcome", outcomes)]), 0), .field(.decisionID),
                       "ids like 2025030401 also read as epoch seconds")
        XCTAssertNil(target(assign([("Case Ref", dates), ("Outcome", outcomes)]), 0), "a column of dates is no id")
    }

    // MARK: One column per field

    func testTheStrongerHeaderTakesTheFieldAndTheOtherIsMarkedARival() throws {
        let assignment = assign([("Decision ID", ids), ("Outcome", outcomes), ("Decision Date", dates), ("Event Date", dates)])
        let decided = try XCTUnwrap(assignment.target(.field(.decidedAt)))
        XCTAssertEqual(decided.column, 2, "the exact name before the rule")
        XCTAssertNil(target(assignment, 3))

        let close = assign([("Decision ID", ids), ("Outcome", outcomes), ("Screening Time", dates), ("Flagged Time", dates)])
        let first = try XCTUnwrap(close.target(.field(.decidedAt)))
        XCTAssertEqual(first.column, 2, "ties go to the column further left")
        XCTAssertEqual(first.rival, 3)
    }

    func testTheScreenDateIsTheDecisionsNotTheApplicationDate() throws {
        let assignment = assign([("Candidate ID", ids), ("Application Date", dates), ("Screen Date", dates), ("Result", outcomes)])
        XCTAssertEqual(assignment.target(.field(.decidedAt))?.column, 2)
        XCTAssertNotEqual(target(assignment, 1), .field(.decidedAt))
    }

    // MARK: Content alone

    func testFreeTextIsNeverMappedByContentAlone() {
        let kinds = ["辞退", "警告", "降级", "警告", "辞退", "警告", "降级", "辞退"]
        let names = (1...8).map { "Person \($0)" }
        let assignment = assign([("Employee Name", names), ("Decision ID", ids), ("备注", kinds), ("Outcome", outcomes),
                                 ("Remarks", ["女", "男", "女", "男", "女", "男", "女", "男"])])
        XCTAssertNil(target(assignment, 0), "unique names at the left are not the decision id")
        XCTAssertEqual(target(assignment, 1), .field(.decisionID))
        XCTAssertNil(target(assignment, 2), "decision kinds in remarks are not the decision type")
        XCTAssertNil(target(assignment, 4), "nor sexes in remarks")
    }

    func testContentNamesColumnsWhoseHeadersSayNothing() {
        let assignment = assign([
            ("Ref", ids), ("Col2", outcomes),
            ("Col3", ["女", "男", "女", "男", "女", "男", "女", "男"]),
            ("Col4", ["辞退", "警告", "降级", "警告", "辞退", "警告", "降级", "辞退"]),
            ("Col5", ["系统", "人工", "系统", "系统", "人工", "系统", "人工", "系统"]),
            ("Col6", ["CN", "CN", "DE", "CN", "DE", "CN", "CN", "DE"]),
        ])
        XCTAssertEqual((0..<6).map { target(assignment, $0) }, [
            .field(.decisionID), .field(.outcome), .attribute("sex"), .field(.decisionType), .field(.automated), .field(.jurisdiction),
        ])
        XCTAssertLessThan(assignment.target(.field(.decisionID))?.score ?? 100, 60, "weak evidence: the pipeline marks it TODO")
    }

    func testContentAloneNeedsAFewValues() {
        let assignment = assign([("Decision ID", ["D1", "D2"]), ("Outcome", ["adverse", "favorable"]), ("Col3", ["女", "男"])])
        XCTAssertNil(target(assignment, 2))
    }

    // MARK: Families and second fields

    func testAgesInYearsAreBandedAndBandsAreKept() {
        let years = assign([("Decision ID", ids), ("Outcome", outcomes), ("Age", ["22", "35", "41", "58", "29", "30", "39", "40"])])
        XCTAssertEqual(target(years, 2), .age)
        let bands = assign([("Decision ID", ids), ("Outcome", outcomes), ("Age", ["<30", "30-39", "40-49", "50+", "<30", "30-39", "<30", "50+"])])
        XCTAssertEqual(target(bands, 2), .attribute("age_band"))
        let implausible = assign([("Decision ID", ids), ("Outcome", outcomes), ("Age", ["22", "35", "41", "58", "29", "30", "39", "400"])])
        XCTAssertEqual(target(implausible, 2), .attribute("age_band"), "numbers that cannot all be ages are kept as written")
    }

    func testBirthDatesNeedDates() {
        XCTAssertEqual(target(assign([("Decision ID", ids), ("Outcome", outcomes), ("Date of Birth", (1...8).map { "199\($0)-05-0\($0)" })]), 2),
                       .birthDate)
        XCTAssertNil(target(assign([("Decision ID", ids), ("Outcome", outcomes), ("Date of Birth", ids)]), 2))
    }

    func testASiteNamingPlacesIsTheJurisdictionToo() throws {
        let places = ["Shanghai", "Berlin", "Shanghai", "深圳总部", "Berlin", "Shanghai", "Shanghai", "Berlin"]
        let assignment = assign([("Decision ID", ids), ("Outcome", outcomes), ("Work Location", places)])
        let site = try XCTUnwrap(assignment.choice(forColumn: 2))
        XCTAssertEqual(site.target, .site)
        XCTAssertEqual(site.also, .field(.jurisdiction))

        let withCountry = assign([("Decision ID", ids), ("Outcome", outcomes), ("Work Location", places),
                                  ("Country", ["CN", "DE", "CN", "CN", "DE", "CN", "CN", "DE"])])
        XCTAssertNil(withCountry.choice(forColumn: 2)?.also, "a country column says the jurisdiction itself")
        XCTAssertEqual(target(withCountry, 3), .field(.jurisdiction))

        let offices = assign([("Decision ID", ids), ("Outcome", outcomes), ("Site", ["North", "South", "North", "East", "North", "South", "East", "North"])])
        XCTAssertEqual(target(offices, 2), .site)
        XCTAssertNil(offices.choice(forColumn: 2)?.also, "site names that are no places say nothing of the law")
    }

    func testAnAppealReviewerColumnOfSystemsAndPeopleIsBoth() throws {
        let handlers = ["系统", "张三", "李四", "系统", "王五", "", "", ""]
        let assignment = assign([("Decision ID", ids), ("Outcome", outcomes), ("Appeal Reviewer", handlers)])
        let choice = try XCTUnwrap(assignment.choice(forColumn: 2))
        XCTAssertEqual(choice.target, .field(.appealReviewer))
        XCTAssertEqual(choice.also, .field(.appealReviewerID))

        let systemsOnly = assign([("Decision ID", ids), ("Outcome", outcomes), ("Appeal Reviewer", ["系统", "人工", "系统", "人工", "", "", "", ""])])
        XCTAssertNil(systemsOnly.choice(forColumn: 2)?.also)
    }

    func testAnAppealHandlerColumnSometimesSayingSystemIsBoth() throws {
        let handlers = ["系统", "张三", "李四", "系统", "王五", "", "", ""]
        let assignment = assign([("Decision ID", ids), ("Outcome", outcomes), ("申诉处理人", handlers)])
        let choice = try XCTUnwrap(assignment.choice(forColumn: 2))
        XCTAssertEqual(choice.target, .field(.appealReviewerID))
        XCTAssertEqual(choice.also, .field(.appealReviewer))
    }

    /// `处理方` (who handled it) after the contest's columns, filled only on contested rows: who
    /// answered the contest, not who made the decision. Filled on every row, it is who decided.
    func testAHandlerFilledOnlyOnContestedRowsAnswersTheContest() throws {
        let filed = ["2025-03-02", "", "2025-03-04", "", "2025-03-06", "", "", "2025-03-09"]
        let result = ["维持原处罚", "", "撤销处罚", "", "维持原处罚", "", "", ""]
        let handler = ["人工客服", "", "系统自动", "", "人工客服", "", "", ""]
        let columns: [(String, [String])] = [
            ("工单号", ids), ("处罚类型", Array(repeating: "扣款", count: 8)), ("触发时间", dates),
            ("申诉时间", filed), ("申诉结果", result), ("处理方", handler),
        ]
        let contested = assign(columns)
        XCTAssertEqual(target(contested, 5), .field(.appealReviewer))
        XCTAssertNil(contested.target(.field(.automated)))
        XCTAssertTrue(try XCTUnwrap(contested.choice(forColumn: 5)).evidence.text(.zh).contains("“申诉时间”"))

        // A value on a row no contest fills: who decided, as before.
        var everyRow = columns
        everyRow[5].1 = ["人工客服", "系统自动", "系统自动", "", "人工客服", "", "", ""]
        XCTAssertEqual(target(assign(everyRow), 5), .field(.automated))
        // Filled on every row, beside contests: who decided.
        everyRow[5].1 = ["人工客服", "系统自动", "系统自动", "系统自动", "人工客服", "系统自动", "系统自动", "人工客服"]
        XCTAssertEqual(target(assign(everyRow), 5), .field(.automated))
        // A header that names who decided keeps it, and so do yes/no answers, however sparse
        // (a hostile review: `Automated: Yes` became the contest's reviewer, a person named "Yes").
        var named = columns
        named[5] = ("Automated", ["Yes", "", "Yes", "", "Yes", "", "", ""])
        XCTAssertEqual(target(assign(named), 5), .field(.automated))
        named[5] = ("决策方式", handler)
        XCTAssertEqual(target(assign(named), 5), .field(.automated))
        // Beside a column that says who decided (found by a blind export: the handler was left unused).
        let decider = ("判定方式", ["系统", "系统", "人工", "系统", "系统", "人工", "系统", "系统"])
        let both = assign(Array(columns[0..<3]) + [decider] + Array(columns[3...]))
        XCTAssertEqual(target(both, 3), .field(.automated))
        XCTAssertEqual(target(both, 6), .field(.appealReviewer))
    }

    /// Headers a blind export used: the reason told, the contest's route told, a reconsideration.
    func testHeadersOfReasonsToldAndReconsiderations() {
        let assignment = assign([("Decision ID", ids), ("Outcome", outcomes), ("Decision Date", dates),
                                 ("告知处罚理由", ["✓", "✗", "✓", "✓", "✗", "✓", "✗", "✓"]), ("Appeal Info Given?", yesNo),
                                 ("Reconsideration Requested At", ["2025-03-02", "", "", "2025-03-05", "", "", "", ""])])
        XCTAssertEqual((3..<6).map { target(assignment, $0) }, [.field(.explanationGiven), .field(.appealOffered), .field(.appealFiledAt)])
        // Session 27's blind exports: over-flagged as not recorded while these stood unused.
        for (header, field) in [("Rejection Reason Sent", CanonicalField.explanationGiven), ("告诉本人原因了吗", .explanationGiven),
                                ("APPEAL_RIGHTS_FLAG", .appealOffered), ("Told how to appeal?", .appealOffered)] {
            let told = assign([("Decision ID", ids), ("Outcome", outcomes), ("Decision Date", dates), (header, yesNo)])
            XCTAssertEqual(target(told, 3), .field(field), header)
        }
    }

    /// A reason column of a few sanctions with no decision_type column (SuccessFactors' `Event
    /// Reason`) names what was decided; real reasons, or reasons beside a kind column, stay reasons.
    func testAReasonColumnOfSanctionsIsTheDecisionTypeOnlyWhenNothingElseIs() {
        let events = ["Final Warning", "No Action", "Termination - Performance", "Demotion", "Final Warning", "No Action",
                      "Suspension without pay", "Demotion"]
        let base: [(String, [String])] = [("Event ID", ids), ("Effective Date", dates), ("Manual Check", yesNo)]
        XCTAssertEqual(target(assign(base + [("Event Reason", events)]), 3), .field(.decisionType))
        // Reasons that name a performance, or many distinct ones: reasons.
        let reasons = ["Poor performance - toilet breaks", "Poor performance - sick leave", "Low performance - idle time",
                       "Poor performance - late", "Low performance - breaks", "Poor performance - idle", "Low performance - sick", "Poor performance - 2"]
        XCTAssertEqual(target(assign(base + [("Event Reason", reasons)]), 3), .field(.reasonCodes))
        // A header naming the kind (`Termination Reason`): its reasons, not the kinds.
        XCTAssertEqual(target(assign(base + [("Termination Reason", events)]), 3), .field(.reasonCodes))
        // Beside a column of kinds: reasons (RC-01 reads them).
        let kinds = Array(repeating: "Dismissal", count: 8)
        let beside = assign(base + [("Action", kinds), ("Event Reason", events)])
        XCTAssertEqual(target(beside, 3), .field(.decisionType))
        XCTAssertEqual(target(beside, 4), .field(.reasonCodes))
    }

    func testEvidenceIsInBothLanguages() throws {
        let assignment = assign([("Decision ID", ids), ("Outcome", outcomes)])
        let evidence = try XCTUnwrap(assignment.choice(forColumn: 0)?.evidence)
        XCTAssertTrue(evidence.text(.en).contains("'Decision ID'"))
        XCTAssertTrue(evidence.text(.zh).contains("“Decision ID”"))
    }
}
