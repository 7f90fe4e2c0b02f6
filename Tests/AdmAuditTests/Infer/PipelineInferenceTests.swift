import Crypto
import Foundation
import XCTest

@testable import AdmAudit

/// The pipeline inferred from an export (`InferredPipeline`): its YAML is what runs, so it
/// must parse, map the columns it names, be the same each time, and mark what is uncertain.
final class PipelineInferenceTests: XCTestCase {

    // MARK: Helpers

    private static let lineBreaks: Set<Unicode.Scalar> = ["\r", "\u{0085}", "\u{2028}", "\u{2029}", "\u{000B}", "\u{000C}"]

    private func file(_ lines: [String]) -> String {
        TestSupport.temporaryFile(lines.joined(separator: "\n") + "\n")
    }

    private func infer(_ lines: [String], name: String = "export.csv", file: StaticString = #filePath,
                       line: UInt = #line) throws -> (InferredPipeline, Pipeline, String) {
        let path = self.file(lines)
        let inferred = try InferredPipeline.infer(path: path, inputName: name)
        // Each TODO in the file is listed, and each listed TODO is in the file.
        let marked = inferred.yaml.split(separator: "\n").filter { $0.contains("TODO: ") || $0.contains("TODO：") }
        XCTAssertEqual(marked.count, inferred.todos.count, "\(marked) vs \(inferred.todos)", file: file, line: line)
        return (inferred, try inferred.pipeline(file: "pipeline.yaml"), path)
    }

    /// The assignment the inference made, rebuilt from the same sample.
    private func assignment(_ path: String) throws -> (ExportSample, ColumnAssignment) {
        let sample = try ExportSample.read(path: path)
        let profiles = sample.headers.indices.map { ColumnProfile(index: $0, header: sample.headers[$0], values: sample.columns[$0]) }
        return (sample, ColumnAssignment(profiles: profiles))
    }

    private func lines(_ yaml: String, containing text: String) -> [Substring] {
        yaml.split(separator: "\n").filter { $0.contains(text) }
    }

    private let english = [
        "Decision ID,Employee ID,Action Type,Outcome,Reviewed by Human (Y/N),Decision Date,Gender,Age",
        "D1,E1,Termination - Involuntary,Adverse,N,2025-03-03 09:00,Female,34",
        "D2,E2,Written Warning,Adverse,Y,2025-03-04 10:30,Male,41",
        "D3,E3,Promotion,Favorable,Y,2025-03-05 11:00,Female,29",
        "D4,E4,Termination - Involuntary,Adverse,N,2025-03-06 14:15,Male,52",
        "D5,E5,Written Warning,Adverse,N/A,2025-03-07 16:45,Female,45",
    ]

    private let chinese = [
        "记录ID,员工ID,处理类型,处理结果,是否人工复核（是/否）,处理时间,性别,工作地点",
        "R1,E1,解除劳动合同,辞退,否,2025-03-03 09:00,女,上海",
        "R2,E2,警告,不利,是,2025-03-04 10:30,男,深圳",
        "R3,E3,晋升,有利,是,2025-03-05 11:00,女,上海",
        "R4,E4,降级,不利,否,2025-03-06 14:15,男,上海",
    ]

    // MARK: The YAML is the pipeline

    func testTheParsedPipelineMapsTheColumnsTheInferenceChose() throws {
        for export in [english, chinese] {
            let (_, pipeline, path) = try infer(export)
            let (sample, assignment) = try assignment(path)
            let mapping = ColumnMapping(headers: sample.headers, pipeline: pipeline)
            XCTAssertFalse(assignment.choices.isEmpty)
            for choice in assignment.choices {
                switch choice.target {
                case .field(let field):
                    XCTAssertEqual(mapping.fields[field]?.column, choice.column, "\(field.rawValue) in \(sample.headers)")
                default:
                    let attribute = mapping.attributes.first { $0.name == choice.target.name }
                    XCTAssertEqual(attribute?.match?.column, choice.column, "\(choice.target.name) in \(sample.headers)")
                }
                if case .field(let also)? = choice.also {
                    XCTAssertEqual(mapping.fields[also]?.column, choice.column, "\(also.rawValue) from the same column")
                }
            }
            XCTAssertEqual(mapping.missingRequired(canDeriveOutcome: pipeline.derive != nil,
                                                   hasDefaultDecisionType: pipeline.input.defaultDecisionType != nil,
                                                   outcomeFromDecisionType: pipeline.outcomeFromDecisionType), [])
        }
    }

    func testTheInferredPipelineAuditsTheExportItCameFrom() throws {
        for export in [english, chinese] {
            let (_, pipeline, path) = try infer(export)
            let (result, sink) = try TestSupport.audit([path], pipeline: pipeline)
            XCTAssertEqual(result.totalRead, export.count - 1)
            XCTAssertEqual(result.totalAccepted, export.count - 1, "\(sink.rejects.map(\.reason))")
            XCTAssertFalse(sink.findings.filter { $0.checkID == "HR-01" }.isEmpty, "unreviewed adverse dismissals are found")
        }
    }

    /// An action export as an HR system writes it: the person under `Employee` (or `员工`),
    /// resignations beside dismissals. The person is the subject; a resignation is no
    /// dismissal (read by `separation`, it made HR-01 and LC-01 findings of a worker's own
    /// leaving), and init says so rather than proposing `dismissal`.
    func testThePersonAloneIsTheSubjectAndAResignationIsNoDismissal() throws {
        // `决定类型` holds `决定`, a result word: it was taken for the outcome, and run found no decision type.
        for (header, resigned) in [("Action ID,Employee,Action,Action Date,Reviewed By,Gender", "Voluntary separation"),
                                   ("记录编号,员工,处理类型,处理日期,审核人,性别", "主动离职"),
                                   ("编号,职工,决定类型,决定时间,审核人,性别", "辞职")] {
            let export = [header,
                          "A1,E100,Termination,2025-03-13,,Female",
                          "A2,E101,Written warning,2025-03-12,J. Smith,Male",
                          "A3,E102,\(resigned),2025-03-11,,Female",
                          "A4,E100,Written warning,2025-03-10,K. Lee,Female",
                          "A5,E103,Termination,2025-03-09,M. Ray,Male"]
            let (inferred, pipeline, path) = try infer(export)
            let subjectHeader = String(header.split(separator: ",")[1])
            XCTAssertEqual(lines(inferred.yaml, containing: "subject_id: [\"\(subjectHeader)\"]").count, 1, inferred.yaml)
            let todo = try XCTUnwrap(lines(inferred.yaml, containing: "\"\(resigned)\" (1)").first, inferred.yaml)
            XCTAssertFalse(todo.contains("dismissal"), String(todo))
            XCTAssertTrue(todo.contains("worker's own leaving") || todo.contains("劳动者本人离职"), String(todo))

            let (result, sink) = try TestSupport.audit([path], pipeline: pipeline)
            XCTAssertEqual(result.totalRead, 5)
            XCTAssertEqual(sink.rejects.map(\.line), [4], "the resignation is rejected, and said")
            XCTAssertEqual(Set(sink.findings.filter { $0.checkID == "HR-01" }.map(\.decisionID)), ["A1"],
                           "the unreviewed termination is found; the resignation is no dismissal")
            XCTAssertTrue(sink.findings.allSatisfy { !$0.subject.isEmpty }, "every finding names its subject")
        }
    }

    /// No id column, and the workers' names at the left: a name is never the decision id,
    /// which is printed as written (a review found `Ana Lopez` in findings.csv and the reports).
    /// `init`'s pipeline for `export`, and the findings of a run with it, no edit (some there must be).
    private func inferAndAudit(_ export: [String]) throws -> (yaml: String, findings: [WordedFinding]) {
        let (inferred, pipeline, path) = try infer(export)
        let (_, sink) = try TestSupport.audit([path], pipeline: pipeline)
        XCTAssertFalse(sink.findings.isEmpty)
        return (inferred.yaml, sink.findings)
    }

    func testANameColumnIsNeverTheDecisionID() throws {
        for header in ["Employee Name,Employee,Action,Action Date,Reviewed By,Gender", "员工姓名,员工,处理类型,处理日期,审核人,性别"] {
            let export = [header,
                          "Ana Lopez,E100,Termination,2025-03-13,,Female",
                          "Bo Chen,E101,Written warning,2025-03-12,J. Smith,Male",
                          "Cy Diaz,E102,Termination,2025-03-11,,Female",
                          "Dee Eng,E103,Written warning,2025-03-10,K. Lee,Female"]
            let (yaml, findings) = try inferAndAudit(export)
            XCTAssertTrue(lines(yaml, containing: "decision_id: [\"\(header.split(separator: ",")[0])\"]").isEmpty, yaml)
            for finding in findings { XCTAssertFalse(["Ana Lopez", "Cy Diaz"].contains(finding.decisionID), finding.decisionID) }
        }
    }

    func testAWorkersOwnIDStandingAsTheDecisionIDIsShownAsTheirPseudonym() throws {
        // No id column, each person once: init reads the person's column as the decision id too.
        for header in ["Employee ID,Action,Action Date,Reviewed by manager,Gender", "工号,处理类型,处理日期,是否人工复核,性别"] {
            let export = [header,
                          "E1001,Termination,2026-02-03,No,Female",
                          "E1002,Termination,2026-02-04,Yes,Male",
                          "E1003,Written warning,2026-02-05,No,Female"]
            let (yaml, findings) = try inferAndAudit(export)
            XCTAssertFalse(lines(yaml, containing: "decision_id: [\"\(header.split(separator: ",")[0])\"]").isEmpty, yaml)
            for finding in findings {
                XCTAssertFalse(finding.decisionID.contains("E100"), finding.decisionID)
                XCTAssertEqual(finding.finding.subject, .worker(finding.decisionID))
                XCTAssertTrue(finding.decisionID.hasPrefix("S-"), finding.decisionID)
            }
        }
    }

    /// A personnel action history (Workday's, PeopleSoft's): the worker's name under `Employee`
    /// beside their number under `Employee #`, and hires and promotions among the sanctions,
    /// with no outcome column. The number is the subject (the names made many workers one),
    /// and a hire or a promotion is a favourable decision, as `录用` and `晋升` are (both were
    /// rejected, 40% of the rows, and raised the alarm over no hidden violation).
    func testAnActionHistoryWithNamesBesideNumbersAndHiresAmongSanctions() throws {
        for (header, kinds, reviewed) in [("Employee,Employee #,Effective Date,Action,Reviewed,Gender",
                                           ["Hire", "Promotion", "Termination", "Written Warning", "Rehire"], ["Y", "N"]),
                                          ("姓名,员工编号,生效日期,处理,人工复核,性别", ["录用", "晋升", "辞退", "警告", "录用"], ["是", "否"])] {
            // Two names over thirty workers; every third action left unreviewed.
            let export = [header] + (1...30).map { i in
                "Name\(i % 2),E\(i),2025-03-\(String(format: "%02d", i % 28 + 1)),\(kinds[i % 5]),\(reviewed[i % 3 == 0 ? 1 : 0]),F"
            }
            let (inferred, pipeline, path) = try infer(export)
            let idHeader = String(header.split(separator: ",")[1])
            XCTAssertEqual(pipeline.columns[.subjectID], [idHeader], inferred.yaml)
            XCTAssertFalse(inferred.yaml.contains("says no outcome"), inferred.yaml)
            if kinds[0] == "Hire" {
                XCTAssertEqual(lines(inferred.yaml, containing: "favorable: [\"Promotion\", \"Rehire\", \"Hire\"]").count, 1, inferred.yaml)
            }
            let (result, sink) = try TestSupport.audit([path], pipeline: pipeline)
            XCTAssertEqual(result.totalAccepted, 30, "\(sink.rejects.map(\.reason))")
            // Row i is on line i + 1; its decision is named by that line (no id column).
            let sanctionsUnreviewed = (1...30).filter { $0 % 3 == 0 && [2, 3].contains($0 % 5) }.map { $0 + 1 }
            XCTAssertEqual(sink.findings.filter { $0.checkID == "HR-01" }.map(\.line), sanctionsUnreviewed)
            XCTAssertEqual(Set(sink.findings.filter { $0.checkID == "HR-01" }.map(\.subject)).count, sanctionsUnreviewed.count,
                           "one worker each: the names would have made some of them one")
        }
    }

    /// An American payroll suite's action export: month-first dates with two-digit years
    /// (`10/23/25`). Before: the date column was dropped with only a comment, `date_order: ymd`
    /// was claimed, and DM-02 saw nothing. Now the years are read as 20xx, marked for checking,
    /// and the records' ages counted from them.
    func testTwoDigitYearsAreReadAsThisCenturyAndMarkedForChecking() throws {
        let kinds = ["Written Warning", "Involuntary Termination", "Demotion"]
        // Row i: month i % 12 + 1, day 13 + i % 15 (so month first), year 24 or 25.
        let dates = (0..<30).map { i in (month: i % 12 + 1, day: 13 + i % 15, year: 2024 + i % 2) }
        let export = ["Associate ID,Action Description,Action Date,Human Review,Work Location"] + dates.enumerated().map { i, date in
            "A\(i),\(kinds[i % 3]),\(date.month)/\(date.day)/\(date.year % 100),TRUE,Dublin"
        }
        let (inferred, pipeline, path) = try infer(export)
        XCTAssertEqual(pipeline.columns[.decidedAt], ["Action Date"], inferred.yaml)
        XCTAssertEqual(pipeline.input.dateOrder, .mdy, inferred.yaml)
        XCTAssertEqual(pipeline.input.twoDigitYears, .twoThousands, inferred.yaml)
        XCTAssertEqual(lines(inferred.yaml, containing: "two_digit_years: 20xx   # TODO:").count, 1, inferred.yaml)
        let (result, sink) = try TestSupport.audit([path], pipeline: pipeline)
        XCTAssertEqual(result.totalAccepted, 30, "\(sink.rejects.map(\.reason))")
        // DM-02: older than 180 days on the latest decision's day (init's audit date), counted in 20xx.
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let day = { (d: (month: Int, day: Int, year: Int)) -> Int in
            Int(utc.date(from: DateComponents(year: d.year, month: d.month, day: d.day))!.timeIntervalSince1970) / 86_400
        }
        let latest = dates.map(day).max()!
        let old = dates.enumerated().filter { latest - day($0.element) > 180 }.map { $0.offset + 2 }
        XCTAssertFalse(old.isEmpty)
        XCTAssertEqual(sink.findings.filter { $0.checkID == "DM-02" }.map(\.line), old)
    }

    /// A SuccessFactors event export: `Event Reason` holds what was decided (`Final Warning`,
    /// `Termination - Performance`), `Effective Date` the day, `Time` the hour. Before: read as
    /// an activity log by its header (a worker and a time), and every row rejected.
    func testAnEventReasonOfDecisionKindsBesideADateAndATimeIsADecisionExport() throws {
        let kinds = ["Final Warning", "No Action", "Termination - Performance", "Demotion", "Suspension without pay"]
        let export = ["Event ID,User ID,Event Reason,Effective Date,Time,Manual Check,Location"] + (0..<25).map { i in
            "EVT-\(i),\(500 + i % 9),\(kinds[i % 5]),\(String(format: "%02d", 13 + i % 15)).0\(1 + i % 9).2025,13:\(10 + i),\(i % 2 == 0 ? "Y" : "N"),Hamburg"
        }
        let (inferred, pipeline, path) = try infer(export)
        XCTAssertNil(inferred.activity, inferred.yaml)
        XCTAssertEqual(pipeline.columns[.decisionType], ["Event Reason"], inferred.yaml)
        XCTAssertEqual(pipeline.columns[.decidedAt], ["Effective Date"], inferred.yaml)
        XCTAssertEqual(lines(inferred.yaml, containing: "decided_at: [\"Effective Date\"]   # TODO:").count, 1, inferred.yaml)
        let (result, sink) = try TestSupport.audit([path], pipeline: pipeline)
        XCTAssertEqual(result.totalAccepted, 25, "\(sink.rejects.map(\.reason))")
        // Unreviewed sanctions (odd rows), a termination for performance among them.
        let unreviewed = (0..<25).filter { $0 % 2 == 1 && $0 % 5 != 1 }.map { $0 + 2 }
        XCTAssertTrue(unreviewed.contains { ($0 - 2) % 5 == 2 })
        XCTAssertEqual(sink.findings.filter { $0.checkID == "HR-01" }.map(\.line), unreviewed)

        // A log of messages typed `Warning`, with no field of how a decision was made: a log still.
        let log = ["User ID,Time,Message Type,Channel"] + (0..<20).map { i in
            "U\(i % 4),2025-11-0\(1 + i % 9) 2\(i % 4):10,\(i % 3 == 0 ? "Final Warning" : "Warning"),App"
        }
        XCTAssertNotNil(try infer(log).0.activity)
    }

    /// Hires and promotions with no sanction beside them and no outcome column: a screen whose
    /// result is kept elsewhere, not a log of actions taken (a hostile review: a model's
    /// declines in an unmapped note were read as granted). Said as a TODO; the rows are rejected.
    func testHiresAndPromotionsAloneSayNoOutcome() throws {
        let export = ["candidate_id,action,action_date,committee_note,sex"] + (1...12).map {
            "C\($0),\($0 % 2 == 0 ? "Hire" : "Promotion"),2025-03-\(String(format: "%02d", $0)),\($0 % 3 == 0 ? "Declined by model" : "ok"),F"
        }
        let (inferred, pipeline, path) = try infer(export)
        XCTAssertEqual(lines(inferred.yaml, containing: "says no outcome").count, 1, inferred.yaml)
        let (result, _) = try TestSupport.audit([path], pipeline: pipeline)
        XCTAssertEqual(result.totalAccepted, 0)
    }

    /// A Chinese action register as an HR suite writes it: group labels over the header, the
    /// worker's name beside their number, `审核状态` (已审核 / 未审核) and software written as the
    /// reviewer. Before: the labels were the header (one column mapped), `审核状态` was unused,
    /// and `系统自动审核` counted as a human review.
    func testAChineseRegisterWithGroupLabelsAndAStatusOfReview() throws {
        let export = ["基本信息,,,处理信息,,复核信息,,",
                      "员工,员工编号,部门,处理类型,处理日期,审核人,审核状态,性别",
                      "张伟,G10,一车间,警告,2025-03-04,系统自动审核,已审核,男",
                      "张伟,G11,一车间,辞退,2025-03-12,李娜,已审核,男",
                      "王芳,G12,二车间,不处理,2025-03-20,,,女",
                      "王芳,G13,二车间,不续签,2025-04-01,李娜,未审核,女",
                      "刘洋,G14,二车间,降职,2025-04-09,AI复核助手,已审核,男",
                      "刘洋,G15,一车间,晋升,2025-04-15,,,男",
                      "陈静,G16,一车间,记过,2025-04-20,,待审核,女"]
        let (inferred, pipeline, path) = try infer(export)
        XCTAssertEqual(pipeline.columns[.subjectID], ["员工编号"], inferred.yaml)
        XCTAssertEqual(pipeline.columns[.humanReviewed], ["审核状态"], inferred.yaml)
        let (result, sink) = try TestSupport.audit([path], pipeline: pipeline)
        XCTAssertEqual(result.totalAccepted, 7, "\(sink.rejects.map(\.reason))")
        XCTAssertEqual(sink.findings.filter { $0.checkID == "HR-01" }.map(\.line), [3, 6, 7, 9],
                       "software as the reviewer (lines 3 and 7), 未审核 (line 6) and 待审核 (line 9)")
    }

    func testTheSameExportGivesTheSameBytes() throws {
        let path = file(english)
        let first = try InferredPipeline.infer(path: path, inputName: "export.csv")
        let second = try InferredPipeline.infer(path: path, inputName: "export.csv")
        XCTAssertEqual(Array(first.yaml.utf8), Array(second.yaml.utf8))
        XCTAssertEqual(first.todos, second.todos)
        let elsewhere = try InferredPipeline.infer(path: file(english), inputName: "export.csv")
        XCTAssertEqual(elsewhere.yaml, first.yaml, "the same bytes in another file")
    }

    func testThePipelineIsMarkedAsInferred() throws {
        let (inferred, pipeline, _) = try infer(english, name: "hr/export.csv")
        XCTAssertEqual(pipeline.inference, Pipeline.Inference(input: "hr/export.csv", todos: inferred.todos))
        XCTAssertEqual(pipeline.sha256, SHA256.hash(data: Array(inferred.yaml.utf8)).hexString)
        XCTAssertEqual(inferred.inputName, "hr/export.csv")
        XCTAssertEqual(inferred.columns, 8)
        XCTAssertEqual(inferred.rowsSampled, 5)
        XCTAssertEqual(inferred.mappedColumns, 8)
    }

    // MARK: Locale settings

    func testTheLanguageAndLocaleAreWrittenAndRead() throws {
        let (inferred, pipeline, _) = try infer(chinese)
        XCTAssertEqual(inferred.language, .zh)
        XCTAssertEqual(pipeline.report.language, .zh)
        XCTAssertEqual(pipeline.input.timeZone, "Asia/Shanghai")
        XCTAssertEqual(pipeline.checks.jurisdictions, ["CN"])
        XCTAssertEqual(pipeline.input.dateOrder, .ymd)
        XCTAssertEqual(pipeline.input.decimalSeparator, .point)
    }

    func testDecimalCommaAndDayFirstDates() throws {
        let (_, pipeline, path) = try infer([
            "Decision ID,Outcome,Decision Type,Decision Date,Risk Score,Country",
            "D1,adverse,dismissal,13/01/2025,\"0,73\",Germany",
            "D2,favorable,promotion,14/01/2025,\"0,41\",Germany",
            "D3,adverse,dismissal,15/01/2025,\"0,92\",Germany",
        ])
        XCTAssertEqual(pipeline.input.decimalSeparator, .comma)
        XCTAssertEqual(pipeline.input.dateOrder, .dmy)
        XCTAssertEqual(pipeline.input.timeZone, "Europe/Berlin")
        XCTAssertEqual(pipeline.checks.jurisdictions, ["EU"])
        let (result, sink) = try TestSupport.audit([path], pipeline: pipeline)
        XCTAssertEqual(result.totalAccepted, 3, "\(sink.rejects.map(\.reason))")
    }

    /// A column of times with a bad date is mapped, and the run rejects and counts the bad
    /// row; a column whose values are half words (`未复核`) is not a time column, as every
    /// unreviewed row would be rejected.
    func testAColumnOfTimesWithAFewBadDatesIsMappedAndItsBadRowsRejected() throws {
        let good = (0..<18).map { "E\($0 + 10),解除劳动合同,不利,\($0 % 2 == 0 ? "女" : "男"),2025-03-\(10 + $0)" }
        let (_, pipeline, path) = try infer([
            "员工编号,决定类型,结果,性别,决定时间",
            "E1,解除劳动合同,不利,女,2025年3月7日",
            "E2,解除劳动合同,不利,男,2025年2月30日",
        ] + good, name: "处分.csv")
        XCTAssertEqual(pipeline.columns[.decidedAt], ["决定时间"])
        let (result, sink) = try TestSupport.audit([path], pipeline: pipeline)
        XCTAssertEqual(result.totalAccepted, 19)
        XCTAssertEqual(sink.rejects.map(\.detail), [.badTimestamp(.decidedAt, text: "2025年2月30日", problem: .dayOutOfRange(day: 30, month: 2, year: 2025))])
        XCTAssertEqual(sink.rejects.first?.reason, "decided_at 的值“2025年2月30日”：2025年2月没有第 30 日")

        let words = (0..<20).map { "R\($0),解除劳动合同,不利,女,\($0 % 3 == 0 ? "未复核" : "2025-03-\(10 + $0)")" }
        let (_, unreviewed, _) = try infer(["员工编号,决定类型,结果,性别,复核时间"] + words, name: "复核.csv")
        XCTAssertEqual(unreviewed.columns[.reviewedAt] ?? [], [], "a third of the cells say 未复核: not a column of times")
    }

    /// An id column longer than the distinct values once counted (2,000) is still an id: a
    /// sample of 5,000 ids reads as 5,000 distinct values.
    func testAnIdColumnOfManyRowsIsTheDecisionID() throws {
        let rows = (0..<6000).map { "D\($0),dismissal,\($0 % 3 == 0 ? "adverse" : "favorable"),\($0 % 2 == 0 ? "f" : "m")" }
        let (inferred, pipeline, path) = try infer(["decision_id,decision_type,outcome,sex"] + rows)
        XCTAssertEqual(pipeline.columns[.decisionID], ["decision_id"], inferred.yaml)
        let (result, _) = try TestSupport.audit([path], pipeline: pipeline)
        XCTAssertEqual(result.totalAccepted, 6000)
    }

    /// One impossible date (`13/45/2025`) among hundreds written month first does not turn
    /// the file day first: valid in neither order, it is no evidence for either, so the order
    /// the dates show is taken as shown, and the bad date is rejected by the run.
    func testOneBadDateDoesNotReverseTheDateOrder() throws {
        let rows = (0..<200).map { "D\($0),dismissal,adverse,0\($0 % 9 + 1)/\(13 + $0 % 15)/2025" }
        let (inferred, pipeline, path) = try infer(["Decision ID,Action,Outcome,Effective Date"] + rows + ["D999,dismissal,adverse,13/45/2025"])
        XCTAssertEqual(pipeline.input.dateOrder, .mdy, inferred.yaml)
        XCTAssertFalse(inferred.todos.contains { $0.hasPrefix("date_order") }, "\(inferred.todos)")
        let (result, sink) = try TestSupport.audit([path], pipeline: pipeline)
        XCTAssertEqual(result.totalAccepted, 200)
        XCTAssertEqual(sink.rejects.map(\.line), [202])
    }

    func testSitesInSeveralZonesAreListedByPlace() throws {
        let (inferred, pipeline, _) = try infer([
            "Decision ID,Outcome,Decision Type,Decision Date,Site",
            "D1,adverse,dismissal,2025-01-13 09:00,Shanghai",
            "D2,favorable,promotion,2025-01-14 09:00,Berlin",
            "D3,adverse,dismissal,2025-01-15 09:00,Shanghai",
        ])
        XCTAssertEqual(pipeline.input.timeZone, "Asia/Shanghai")
        XCTAssertEqual(pipeline.input.timeZonesByPlace.map(\.place), ["Shanghai", "Berlin"])
        XCTAssertEqual(pipeline.input.timeZonesByPlace.map(\.zone), ["Asia/Shanghai", "Europe/Berlin"])
        XCTAssertTrue(inferred.yaml.contains("time_zones_by_place:"))
    }

    func testTitleLinesGiveTheHeaderLine() throws {
        let (inferred, pipeline, path) = try infer(["某某公司 员工处理记录导出", "导出时间：2025-07-01", ""] + chinese)
        XCTAssertEqual(pipeline.input.headerLine, 4)
        XCTAssertEqual(lines(inferred.yaml, containing: "header_line: 4").count, 1)
        XCTAssertTrue(inferred.yaml.contains("某某公司 员工处理记录导出"), "the title lines are named as evidence")
        let (result, _) = try TestSupport.audit([path], pipeline: pipeline)
        XCTAssertEqual(result.totalAccepted, 4)
        XCTAssertEqual(result.inputs.first?.linesAboveHeader.map(\.line), [1, 2])
    }

    /// The export's own date, from its title line, is the audit's as-of date: what was
    /// pending is judged on the day the export shows it.
    func testTheTitleLinesExportDateIsTheAuditDate() throws {
        let (inferred, pipeline, _) = try infer(["某某公司 员工处理记录导出", "导出时间：2025年7月1日 17:42　数据范围：2025/1/1至2025/6/30"] + chinese)
        XCTAssertEqual(pipeline.auditDate, "2025-07-01")
        XCTAssertEqual(lines(inferred.yaml, containing: "audit_date: 2025-07-01   # ").count, 1)
        XCTAssertEqual(inferred.todos, [])

        let (plain, plainPipeline, _) = try infer(["某某公司 员工处理记录导出"] + chinese)
        XCTAssertEqual(plainPipeline.auditDate, "2025-03-06", "no export date: the day of the latest decision")
        XCTAssertEqual(lines(plain.yaml, containing: "audit_date: 2025-03-06   # 导出文件未注明导出日期，取其中最晚决策的日期").count, 1, plain.yaml)
        XCTAssertEqual(plain.todos, [])
    }

    /// A title dating the export before its own decisions is not believed: it would put
    /// deadlines in the future and hide what is overdue. The latest decision's day is used.
    func testATitleDatedBeforeTheDecisionsIsNotTheAuditDate() throws {
        let (inferred, pipeline, _) = try infer(["导出时间：2025-01-01"] + chinese)
        XCTAssertEqual(pipeline.auditDate, "2025-03-06")
        XCTAssertEqual(lines(inferred.yaml, containing: "# TODO：标题行“导出时间：2025-01-01”所示导出日期 2025-01-01 早于 2025-03-06").count, 1,
                       inferred.yaml)
        XCTAssertEqual(inferred.todos.count, 1)
    }

    /// A yes/no column saying whether the person advanced is the outcome, its yes favourable;
    /// one saying whether they were rejected is too, its yes adverse (`values: outcome:`).
    func testAnOutcomeAskedAsAQuestion() throws {
        for (header, yes, no) in [("Advanced (1/0)", "favorable", "adverse"), ("Rejected (Y/N)", "adverse", "favorable")] {
            let answers = header.hasSuffix("(1/0)") ? ("1", "0") : ("Y", "N")
            let rows = ["Applicant ID,Screened At,\(header),Sex"] + (1...20).map {
                "A\($0),2025-04-0\($0 % 9 + 1) 09:00,\($0 % 3 == 0 ? answers.0 : answers.1),\($0 % 2 == 0 ? "Female" : "Male")"
            }
            let (inferred, pipeline, path) = try infer(rows)
            XCTAssertEqual(lines(inferred.yaml, containing: "outcome: [\"\(header)\"]").count, 1, inferred.yaml)
            XCTAssertEqual(lines(inferred.yaml, containing: "\(yes): [\"\(answers.0)\"]").count, 1, inferred.yaml)
            XCTAssertEqual(lines(inferred.yaml, containing: "\(no): [\"\(answers.1)\"]").count, 1, inferred.yaml)
            let (result, _) = try TestSupport.audit([path], pipeline: pipeline)
            XCTAssertEqual(result.totalAccepted, 20, header)
        }
    }

    /// With the outcome read from the kind, kinds that say none (`Pay Adjustment`) would be
    /// rejected: init says so before the run, with how many sampled rows hold each.
    func testKindsThatSayNoOutcomeAreNamedBeforeTheRun() throws {
        let rows = ["Driver ID,Decision Timestamp,Decision,Sex"] + (1...12).map {
            "D\($0),2025-03-0\($0 % 9 + 1) 08:00,\($0 % 3 == 0 ? "Pay Adjustment" : "Deactivation"),\($0 % 2 == 0 ? "Female" : "Male")"
        }
        let (inferred, _, _) = try infer(rows)
        XCTAssertEqual(lines(inferred.yaml, containing: "# TODO: 4 sampled row(s) hold a decision kind that says no outcome (\"Pay Adjustment\" ×4)").count, 1,
                       inferred.yaml)
        let (sanctions, _, _) = try infer(rows.map { $0.replacingOccurrences(of: "Pay Adjustment", with: "Final Warning") })
        XCTAssertFalse(sanctions.yaml.contains("says no outcome"), sanctions.yaml)
    }

    /// The latest decision of the rows read is the data's last day only when every row was
    /// read, and only when it is not a lone mistyped year: else a TODO, and no audit date.
    func testTheLatestDecisionIsTheAuditDateOnlyWhenItCanBe() throws {
        let many = [chinese[0]] + (1...ExportSample.rowLimit + 1).map { "R\($0),E\($0),警告,不利,是,2025-03-04 10:30,男,深圳" }
        let (partial, partialPipeline, _) = try infer(many)
        XCTAssertNil(partialPipeline.auditDate)
        XCTAssertEqual(lines(partial.yaml, containing: "# TODO: audit_date：文件中没有导出日期，且只读取了前 5000 行").count, 1, partial.yaml)

        // A decision a year past the rest (a mistyped year, or a row added to move the date) is passed over, and named.
        let typo = chinese + ["R5,E5,警告,不利,是,2099-03-04 10:30,男,深圳", "R6,E6,警告,不利,是,2098-01-01 10:30,男,深圳"]
        let (mistyped, mistypedPipeline, _) = try infer(typo)
        XCTAssertEqual(mistypedPipeline.auditDate, "2025-03-06")
        XCTAssertEqual(lines(mistyped.yaml, containing: "日期为 2098-01-01、2099-03-04 的决策比其余决策晚一年以上，未予采用").count, 1, mistyped.yaml)
        XCTAssertEqual(mistyped.todos.count, 1)

        // Times with an offset are read in the export's zone: 01:00 on 28 March in Shanghai is 28 March.
        let zoned = ["decision_id,employee_id,decision_type,outcome,decided_at,hukou"]
            + (1...6).map { "D\($0),E\($0),dismissal,adverse,2025-03-2\($0 + 2)T01:00:00+08:00,农村" }
        let (_, zonedPipeline, _) = try infer(zoned)
        XCTAssertEqual(zonedPipeline.input.timeZone, "Asia/Shanghai")
        XCTAssertEqual(zonedPipeline.auditDate, "2025-03-28")

        // Year-last dates are read in the order the export shows: month first (13 is a day), so
        // 03/12/2025 is 12 March, not 3 December, and the latest is 13 March; then day first,
        // the same days written the other way round.
        for (dates, order) in [(["03/04/2025 09:15 AM", "03/12/2025 03:45 PM", "03/13/2025 09:00 AM", "03/11/2025 01:20 PM"], DateOrder.mdy),
                               (["04/03/2025 09:15", "12/03/2025 15:45", "13/03/2025 09:00", "11/03/2025 13:20"], .dmy)] {
            let export = ["Action Ref,Action,Result,Action Date"] + dates.enumerated().map { "WA-\($0.offset),Termination,Terminated,\($0.element)" }
            let (_, pipeline, _) = try infer(export)
            XCTAssertEqual(pipeline.input.dateOrder, order)
            XCTAssertEqual(pipeline.auditDate, "2025-03-13", "\(order)")
        }
    }

    // MARK: Attributes and derived outcomes

    func testAgesAndBirthDatesBecomeAgeBands() throws {
        let (_, ages, _) = try infer(english)
        XCTAssertEqual(ages.ageBands["age_band"]?.source, .years)
        XCTAssertEqual(ages.attributes.first { $0.name == "age_band" }?.headers.first, "Age")
        XCTAssertEqual(ages.bias.attributes, ["sex", "age_band"])

        let (_, births, _) = try infer([
            "Decision ID,Outcome,Decision Type,Decision Date,Date of Birth",
            "D1,adverse,dismissal,2025-01-13 09:00,1990-05-01",
            "D2,favorable,promotion,2025-01-14 09:00,1971-02-11",
            "D3,adverse,dismissal,2025-01-15 09:00,1999-12-31",
        ])
        XCTAssertEqual(births.ageBands["age_band"]?.source, .birthDate)
    }

    func testWithNoOutcomeColumnTheOutcomeIsReadFromTheKind() throws {
        let (inferred, pipeline, path) = try infer([
            "记录ID,处理结果,处理时间",
            "R1,解除劳动合同,2025-03-03 09:00",
            "R2,警告,2025-03-04 10:30",
            "R3,降级,2025-03-05 11:00",
        ])
        XCTAssertTrue(pipeline.outcomeFromDecisionType)
        XCTAssertEqual(lines(inferred.yaml, containing: "from: decision_type").count, 1)
        let (result, sink) = try TestSupport.audit([path], pipeline: pipeline)
        XCTAssertEqual(result.totalAccepted, 3, "\(sink.rejects.map(\.reason))")
    }

    func testStatusWordsSayTheDecisionWasCarriedOut() throws {
        let (_, pipeline, path) = try infer([
            "Case ID,Action Type,Action Status,Action Date",
            "C1,Written Warning,Completed,2025-03-03 09:00",
            "C2,Termination,Completed,2025-03-04 10:30",
            "C3,Final Warning,Rescinded,2025-03-05 11:00",
            "C4,Suspension,Completed,2025-03-06 11:00",
        ])
        // `Completed`: the decision's own outcome (each row here a sanction, so adverse); `Rescinded` is favourable anyway.
        XCTAssertEqual(pipeline.values.outcomesAsDecided, ["Completed"])
        let (result, sink) = try TestSupport.audit([path], pipeline: pipeline)
        XCTAssertEqual(result.totalAccepted, 4, "\(sink.rejects.map(\.reason))")
        XCTAssertEqual(sink.findings.filter { $0.checkID == "HR-01" }.map(\.decisionID).sorted(), ["C1", "C2", "C4"])
    }

    // MARK: TODO

    func testUncertainSettingsAreTODOLinesAndListed() throws {
        let (inferred, _, _) = try infer(english)
        // An English export naming no zone, offset or place.
        let zone = try XCTUnwrap(inferred.todos.first { $0.hasPrefix("time_zone: UTC") })
        XCTAssertTrue(zone.contains("check"))
        XCTAssertEqual(lines(inferred.yaml, containing: "time_zone: UTC   # TODO: ").count, 1)
        XCTAssertTrue(inferred.todos.contains { $0.hasPrefix("jurisdictions: [CN, EU, US-NYC]") })
        XCTAssertEqual(lines(inferred.yaml, containing: "jurisdictions: [CN, EU, US-NYC]   # TODO: ").count, 1)
        // Every setting listed as a TODO is a TODO line in the file.
        for todo in inferred.todos {
            let setting = String(todo.split(separator: " — ").first ?? "")
            guard setting.contains(": ") else { continue }
            XCTAssertEqual(lines(inferred.yaml, containing: setting).filter { $0.contains("# TODO: ") }.count, 1, todo)
        }
    }

    func testACertainExportHasNoTODO() throws {
        let (inferred, _, _) = try infer(chinese)
        XCTAssertEqual(inferred.todos, [])
        XCTAssertFalse(inferred.yaml.contains("TODO:") || inferred.yaml.contains("TODO："), inferred.yaml)
    }

    func testValuesNoVocabularyKnowsAreListed() throws {
        let (inferred, _, _) = try infer([
            "Decision ID,Outcome,Decision Type,Decision Date",
            "D1,adverse,dismissal,2025-01-13 09:00",
            "D2,Pending HR,promotion,2025-01-14 09:00",
            "D3,adverse,dismissal,2025-01-15 09:00",
        ])
        XCTAssertEqual(lines(inferred.yaml, containing: "\"Pending HR\" (1)").count, 1)
        XCTAssertTrue(inferred.todos.contains("1 value(s) no vocabulary knows (listed in the pipeline)"))
    }

    func testAMissingDecisionIDNamesEachRowByItsLine() throws {
        let (inferred, pipeline, path) = try infer([
            "Outcome,Decision Type,Decision Date",
            "adverse,dismissal,2025-01-13 09:00",
            "adverse,dismissal,2025-01-13 09:00",
            "favorable,promotion,2025-01-14 09:00",
        ])
        XCTAssertFalse(inferred.todos.contains { $0.contains("decision_id") }, "\(inferred.todos)")
        XCTAssertEqual(lines(inferred.yaml, containing: "decision_id: []   # no column holds a decision id").count, 1, inferred.yaml)
        // Two rows alike are two decisions: neither is rejected as the other's duplicate.
        let (result, sink) = try TestSupport.audit([path], pipeline: pipeline)
        XCTAssertEqual(result.inputs.map(\.accepted), [3])
        XCTAssertEqual(Set(sink.findings.filter { $0.checkID == "HR-01" }.map(\.decisionID)), ["line 2", "line 3"])
        XCTAssertTrue(result.diagnostics.contains { $0.code == .decisionsNamedByLine })
    }

    /// An HR export of actions has no id column, and a worker with two actions is on two rows:
    /// each row is a decision named by its line (the person's column as the id rejected the
    /// second action as a duplicate). In English and Chinese, each named in its language.
    func testAWorkerWithTwoActionsAndNoIDColumnHasBothAudited() throws {
        for (header, rows, second) in [
            ("Employee ID,Action,Action Date,Reviewed by manager,Gender",
             ["E100,Termination,2025-03-13,No,Female", "E101,Written warning,2025-03-12,Yes,Male", "E100,Demotion,2025-02-11,No,Female",
              "Total: 3 actions,,,,"], "line 4"),
            ("工号,处理类型,处理日期,是否人工复核,性别",
             ["G100,解除劳动合同,2025-03-13,否,女", "G101,警告,2025-03-12,是,男", "G100,降职,2025-02-11,否,女", "合计,,,,"], "第4行"),
        ] {
            let (inferred, pipeline, path) = try infer([header] + rows)
            XCTAssertEqual(lines(inferred.yaml, containing: "decision_id: []").count, 1, inferred.yaml)
            let (result, sink) = try TestSupport.audit([path], pipeline: pipeline)
            // The totals line is no decision.
            XCTAssertEqual(sink.rejects.map(\.code), [.totalsRow])
            XCTAssertEqual(result.inputs.map(\.accepted), [3])
            let unreviewed = sink.findings.filter { $0.checkID == "HR-01" }
            XCTAssertEqual(unreviewed.count, 2, "\(unreviewed.map(\.decisionID))")
            XCTAssertTrue(unreviewed.contains { $0.decisionID == second }, "\(unreviewed.map(\.decisionID))")
            XCTAssertEqual(Set(unreviewed.map(\.subject)).count, 1, "one worker, one pseudonym")
        }
    }

    /// Columns all distinct in init's sample, in an export longer than the sample, are not the
    /// decision id: the person (a worker met again after the sample) and a `No.` that numbers
    /// the rows afresh after the sample (found by a helper writing exports: 2,500 decisions
    /// rejected as duplicates). Cut short of the sample's end, the file is read whole, and its
    /// `No.` names each row.
    func testColumnsDistinctOnlyInTheSampleAreNotTheDecisionID() throws {
        let count = ExportSample.rowLimit + 50
        var export = ["No.,Employee ID,Action,Action Date,Reviewed by manager"]
        for row in 0..<count {
            let restarted = row < ExportSample.rowLimit ? row : row - ExportSample.rowLimit
            export.append("\(restarted + 1),E\(restarted),Termination,2025-03-13,\(row % 2 == 0 ? "No" : "Yes")")
        }
        let (inferred, pipeline, path) = try infer(export)
        XCTAssertEqual(lines(inferred.yaml, containing: "decision_id: []").count, 1, inferred.yaml)
        let (result, sink) = try TestSupport.audit([path], pipeline: pipeline)
        XCTAssertEqual(result.inputs.map(\.accepted), [count])
        XCTAssertEqual(sink.findings.filter { $0.checkID == "HR-01" }.count, (count + 1) / 2)
        let (whole, _, _) = try infer(Array(export.prefix(ExportSample.rowLimit)))
        XCTAssertEqual(lines(whole.yaml, containing: "decision_id: [\"No.\"]").count, 1, whole.yaml)
    }

    /// A header saying only `ID` or `编号`, whose values repeat (a worker's id): no decision id,
    /// where before the column was one and a worker's second action was rejected, their id
    /// printed in clear as the first's decision id.
    func testABareIDHeaderWhoseValuesRepeatIsNotTheDecisionID() throws {
        for header in ["ID,Action,Action Date,Reviewed by manager", "编号,处理类型,处理日期,是否人工复核"] {
            var export = [header]
            for row in 0..<40 { export.append("W\(row % 38),Termination,2025-03-\(10 + row % 9),No") }
            let (inferred, pipeline, path) = try infer(export)
            XCTAssertEqual(lines(inferred.yaml, containing: "decision_id: []").count, 1, inferred.yaml)
            let (result, sink) = try TestSupport.audit([path], pipeline: pipeline)
            XCTAssertEqual(result.inputs.map(\.accepted), [40])
            XCTAssertFalse(sink.findings.contains { $0.decisionID.hasPrefix("W") })
        }
    }

    func testADefaultDecisionTypeFromWhatTheHeadersSpeakOf() throws {
        let (inferred, pipeline, _) = try infer([
            "Candidate ID,Requisition,Screening Result,Screen Date",
            "C1,R1,Advance,2025-01-13 09:00",
            "C2,R1,Reject,2025-01-14 09:00",
            "C3,R2,Advance,2025-01-15 09:00",
        ])
        XCTAssertEqual(pipeline.input.defaultDecisionType, .hiring)
        XCTAssertTrue(inferred.todos.contains { $0.hasPrefix("default_decision_type: hiring") })
    }

    // MARK: Hostile text

    func testALineSeparatorInAHeaderCannotTurnOffAChecks() throws {
        let hostile = "internal_note\u{2028}checks: {HR-01: false}"
        let (inferred, pipeline, path) = try infer([
            "Decision ID,Employee ID,Action Type,Outcome,Reviewed by Human (Y/N),Decision Date,\(hostile)",
            "D1,E1,Termination,Adverse,N,2025-03-03 09:00,x",
            "D2,E2,Written Warning,Adverse,Y,2025-03-04 10:30,y",
        ])
        XCTAssertTrue(pipeline.checks.overrides.isEmpty, "\(pipeline.checks.overrides)")
        XCTAssertEqual(pipeline.checks.jurisdictions, ["CN", "EU", "US-NYC"])
        XCTAssertFalse(inferred.yaml.unicodeScalars.contains { Self.lineBreaks.contains($0) })
        XCTAssertTrue(inferred.yaml.contains("internal_note\\u2028checks: {HR-01: false}"), "the header is named, escaped")
        let (result, sink) = try TestSupport.audit([path], pipeline: pipeline)
        XCTAssertTrue(result.checks.contains { $0.descriptor.id == "HR-01" })
        XCTAssertEqual(sink.findings.filter { $0.checkID == "HR-01" }.map(\.decisionID), ["D1"])
    }

    func testHostileTextEverywhereStaysInItsQuotesAndComments() throws {
        let breaks = ["\u{2028}", "\u{2029}", "\u{0085}", "\r", "\u{000B}"]
        for line in breaks {
            let name = "U+" + String(line.unicodeScalars.first!.value, radix: 16)
            let header = "Outcome\(line)checks: {HR-01: false}"
            let title = "Export\(line)report: {language: zh}"
            let (inferred, pipeline, path) = try infer([
                title,
                "Decision ID,Decision Type,\"\(header)\",Decision Date",
                "D1,dismissal,adverse,2025-03-03 09:00",
                "D2,promotion,favorable,2025-03-04 09:00",
            ], name: "in\(line)put: {x: 1}.csv")
            XCTAssertTrue(pipeline.checks.overrides.isEmpty, name)
            XCTAssertEqual(pipeline.report.language, .en, name)
            XCTAssertFalse(inferred.yaml.unicodeScalars.contains { Self.lineBreaks.contains($0) }, name)
            // Where the hostile header was mapped, the pipeline names it exactly as written.
            let (sample, assignment) = try assignment(path)
            let mapping = ColumnMapping(headers: sample.headers, pipeline: pipeline)
            for choice in assignment.choices {
                guard case .field(let field) = choice.target else { continue }
                XCTAssertEqual(mapping.fields[field]?.column, choice.column, "\(name): \(field.rawValue)")
            }
            if ["\u{2028}", "\u{2029}", "\r"].contains(line) {
                XCTAssertEqual(mapping.fields[.outcome]?.column, 2, "\(name): a line break between words separates them")
            }
        }
    }

    /// Two Chinese exports written by hand: a 员工状态 column (正常, 孕期, 医疗期) is the protected
    /// status LC-02 reads, and a 申诉状态 column (未申诉, 申诉成功, 申诉失败, 申诉中) the appeal result.
    /// Left unread, LC-02 read clean and AP-01 counted every contest as no route offered.
    func testAStatusColumnAndAnAppealStatusColumnAreRead() throws {
        let (_, pipeline, path) = try infer([
            "决策编号,员工编号,性别,决策日期,决策类型,结果,决策方式,人工复核,员工状态,申诉状态",
            "D1,1,女,2025年03月01日,辞退,不利,系统,否,孕期,申诉失败",
            "D2,2,女,2025年03月02日,扣发绩效奖金,不利,系统,否,哺乳期,未申诉",
            "D3,3,男,2025年03月03日,辞退,不利,系统,否,医疗期,申诉成功",
            "D4,4,男,2025年03月04日,降级,不利,系统,否,正常,申诉中",
            "D5,5,女,2025年03月05日,辞退,不利,系统,否,正常,未申诉",
        ])
        let (result, sink) = try TestSupport.audit([path], pipeline: pipeline)
        XCTAssertEqual(result.totalAccepted, 5, "\(sink.rejects.map(\.reason))")
        XCTAssertEqual(Set(sink.findings.filter { $0.checkID == "LC-02" }.map(\.decisionID)), ["D1", "D2", "D3"])
        // D1 and D3 were contested: a route existed.
        XCTAssertEqual(Set(sink.findings.filter { $0.checkID == "AP-01" }.map(\.decisionID)), ["D2", "D4", "D5"])
    }

    /// The header written again among the rows is not sampled: its `Work Location` read as a place
    /// no table knows, and the jurisdictions of a Spanish and Italian export widened to CN and
    /// US-NYC, so Chinese law's checks ran on it (an export written by hand).
    func testARepeatedHeaderIsNotSampled() throws {
        var lines = ["Emp No,Sex,Work Location,Event Reason,Event Date,System Generated,Manager Approval"]
        for row in 0..<12 {
            if row == 6 { lines.append(lines[0]) }
            lines.append("\(700_000 + row),\(row % 2 == 0 ? "F" : "M"),\(row % 3 == 0 ? "Roma" : "Madrid"),Final Written Warning,1\(row % 9 + 1)-Mar-2025 10:00,Y,N")
        }
        let (inferred, pipeline, _) = try infer(lines)
        XCTAssertEqual(pipeline.checks.jurisdictions, ["EU"], inferred.yaml)
    }
}
