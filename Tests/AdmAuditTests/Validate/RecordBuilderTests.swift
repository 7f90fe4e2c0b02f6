import Foundation
import XCTest

@testable import AdmAudit

/// Rows into records or rejects (`RecordBuilder`): not-applicable values, repeated headers
/// and totals rows, decimal commas, outcomes read from the decision kind, approvals of
/// sanctions, age bands, and a column shared by a categorical and a text field.
final class RecordBuilderTests: XCTestCase {

    // MARK: Helpers

    /// What a record held, copied out of the row buffer.
    private struct Record {
        var id: String
        var type: DecisionType
        var outcome: Outcome
        var derived: Bool
        var score: Double?
        var humanReviewed: Bool?
        var explanationGiven: Bool?
        var appealReviewer: AppealReviewer?
        var reviewResult: ReviewResult?
        var appealResult: ReviewResult?
        var appealReviewerID: String
        var notApplicable: FieldSet
        /// Per attribute, the group's label (nil: unknown).
        var groups: [String?]
    }

    private enum Built {
        case record(Record)
        case reject(Reject, holdsAdverse: Bool)
        case headerInAnotherOrder(line: Int?)

        var record: Record? { if case .record(let record) = self { record } else { nil } }
        var reject: Reject? { if case .reject(let reject, _) = self { reject } else { nil } }
        var holdsAdverse: Bool? { if case .reject(_, let adverse) = self { adverse } else { nil } }
    }

    /// Builds every data row of `csv` with a pipeline of `yaml`, as a run does.
    private func build(_ csv: String, _ yaml: String = "admaudit: 1\n") throws -> [Built] {
        let pipeline = try PipelineLoader.parse(yaml, file: "test.yaml")
        let path = TestSupport.temporaryFile(csv)
        var options = ReaderOptions()
        options.delimiter = pipeline.input.delimiter
        let groups = pipeline.attributes.map { attribute in
            AttributeGroups(name: attribute.name,
                            canonical: pipeline.ageBands[attribute.name].map { $0.labels.map { ($0, [String]()) } }
                                ?? pipeline.values.attributeValues[attribute.name] ?? [],
                            unknownSpellings: pipeline.values.unknown)
        }
        var builder: RecordBuilder? = nil
        var ids = DecisionIDRegistry(files: [path])
        var built: [Built] = []
        var record = DecisionRecord.blank
        try CSVReader(path: path, options: options).read { row in
            guard let current = builder else {
                builder = RecordBuilder(file: path, fileIndex: 0, mapping: ColumnMapping(headers: row.strings, pipeline: pipeline),
                                        pipeline: pipeline, values: ValueMaps(pipeline.values), groups: groups)
                return true
            }
            switch current.build(row, ids: &ids, into: &record) {
            case .record:
                let labels = current.groups.indices.map { index -> String? in
                    let code = record.groups[index]
                    return code == AttributeGroups.unknown ? nil : current.groups[index].labels[Int(code)]
                }
                built.append(.record(Record(
                    id: record.decisionID.string, type: record.decisionType, outcome: record.outcome, derived: record.outcomeDerived,
                    score: record.score, humanReviewed: record.humanReviewed, explanationGiven: record.explanationGiven,
                    appealReviewer: record.appealReviewer, reviewResult: record.reviewResult, appealResult: record.appealResult,
                    appealReviewerID: record.appealReviewerID.string,
                    notApplicable: record.notApplicable, groups: labels)))
            case .reject(let reject):
                built.append(.reject(reject, holdsAdverse: current.holdsAdverseDecision(row)))
            case .headerInAnotherOrder(let error):
                built.append(.headerInAnotherOrder(line: error.line))
            }
            return true
        }
        return built
    }

    private func fieldSet(_ fields: [CanonicalField]) -> FieldSet {
        var set = FieldSet()
        for field in fields { set.insert(field) }
        return set
    }

    // MARK: Not applicable

    func testNotApplicableIsNotRecordedAndNamedSo() throws {
        let built = try build("""
            decision_id,decision_type,outcome,human_reviewed,explanation_given
            D1,dismissal,adverse,N/A,不适用
            D2,dismissal,adverse,,—
            D3,dismissal,adverse,no,yes
            D4,dismissal,adverse,-,n/a

            """)
        let records = built.compactMap(\.record)
        XCTAssertEqual(records.count, 4)
        XCTAssertEqual(records.map(\.humanReviewed), [nil, nil, false, nil])
        XCTAssertEqual(records.map(\.explanationGiven), [nil, nil, true, nil])
        XCTAssertEqual(records.map(\.notApplicable), [
            fieldSet([.humanReviewed, .explanationGiven]), fieldSet([.explanationGiven]), FieldSet(),
            fieldSet([.humanReviewed, .explanationGiven]),
        ], "an empty cell is not recorded; N/A is not applicable; neither is false")
    }

    func testNotApplicableHumanReviewOnAnAdverseDismissalIsAViolationNotRecorded() throws {
        let (_, sink) = try TestSupport.audit(csv: """
            decision_id,decision_type,outcome,automated,human_reviewed,decided_at
            D1,dismissal,adverse,yes,N/A,2025-01-10 10:00
            D2,dismissal,adverse,yes,no,2025-01-10 10:00
            D3,dismissal,adverse,yes,yes,2025-01-10 10:00
            D4,dismissal,adverse,yes,不适用,2025-01-10 10:00

            """)
        let hr01 = Dictionary(uniqueKeysWithValues: sink.findings.filter { $0.checkID == "HR-01" }.map { ($0.decisionID, $0.notRecorded) })
        XCTAssertEqual(hr01, ["D1": true, "D2": false, "D4": true])
    }

    func testNotApplicableDecisionTypeOrOutcomeIsNotRecorded() throws {
        let built = try build("""
            decision_id,decision_type,outcome
            D1,N/A,adverse
            D2,dismissal,—

            """)
        XCTAssertEqual(built.compactMap(\.reject).map(\.code), [.missingRequired, .missingRequired])
    }

    // MARK: Repeated headers and totals rows

    /// The header's names in another order: two headers that disagree (a decoy swapping two
    /// columns), which stops the run rather than reject one row.
    func testTheHeaderInAnotherOrderIsTwoHeadersThatDisagree() throws {
        let built = try build("""
            decision_id,decision_type,outcome,human_reviewed,automated
            D1,dismissal,adverse,no,yes
            decision_id,decision_type,outcome,Automated,human_reviewed

            """)
        guard case .headerInAnotherOrder(let line) = try XCTUnwrap(built.last) else { return XCTFail("\(built)") }
        XCTAssertEqual(line, 3)
        // A row holding a header name or two among its values is a row like any other.
        let rows = try build("""
            decision_id,decision_type,outcome,human_reviewed
            outcome,decision_id,dismissed,yes

            """)
        XCTAssertNotNil(rows.first?.reject)
        // The header again with a cell left blank, in a file whose header has an unnamed column:
        // a blank is no column name standing elsewhere.
        let blank = try build("""
            decision_id,decision_type,outcome,human_reviewed,decided_at,sex,notes,
            decision_id,decision_type,outcome,human_reviewed,decided_at,sex,,

            """)
        XCTAssertNotNil(blank.first?.reject, "\(blank)")
    }

    func testARepeatedHeaderIsRejectedAsNotADecision() throws {
        let built = try build("""
            decision_id,decision_type,outcome
            D1,dismissal,adverse
            decision_id,decision_type,outcome
             Decision_ID ,DECISION_TYPE,Outcome
            D2,promotion,favorable

            """)
        XCTAssertEqual(built.compactMap(\.record).map(\.id), ["D1", "D2"])
        XCTAssertEqual(built.compactMap(\.reject).map(\.code), [.repeatedHeader, .repeatedHeader])
        XCTAssertEqual(built.compactMap(\.reject).map(\.line), [3, 4])
        XCTAssertTrue(built.compactMap(\.reject).allSatisfy { $0.reason().contains("header row again") })
    }

    func testTotalsRowsAreRejectedAsNotADecision() throws {
        let built = try build("""
            decision_id,decision_type,outcome
            D1,dismissal,adverse
            合计,,2
            总计：2,,
            Total,,2
            Grand total (2 rows),,
            ,Count: 2,

            """)
        XCTAssertEqual(built.compactMap(\.reject).map(\.code), Array(repeating: .totalsRow, count: 5))
        XCTAssertTrue(built.compactMap(\.reject)[0].reason().contains("'合计'"), built.compactMap(\.reject)[0].reason())
    }

    /// An id that starts like a label (`Total-0001`) on a row that states an outcome is not a
    /// totals row: its failure is counted among the rows that may hide violations.
    func testARowStatingAnOutcomeIsNeverATotalsRow() throws {
        let built = try build("""
            decision_id,decision_type,outcome
            Total-0001,XQ甲,adverse
            Total,,2

            """)
        XCTAssertEqual(built[0].reject?.code, .unknownValue, "an unknown type, not a totals row")
        XCTAssertEqual(built[1].reject?.code, .totalsRow)
    }

    func testTheseReasonsGoOnlyToRowsThatFailAnyway() throws {
        let built = try build("""
            decision_id,decision_type,outcome
            Total,dismissal,adverse
            合计,promotion,
            D2,dismissal,maybe
            decision_id,decision_type,adverse

            """)
        XCTAssertEqual(built[0].record?.id, "Total", "a valid row is a decision whatever its id")
        XCTAssertEqual(built[1].reject?.code, .missingRequired, "a row with a decision type is never a totals row")
        XCTAssertEqual(built[2].reject?.code, .unknownValue)
        XCTAssertEqual(built[3].reject?.code, .unknownValue, "one cell differs from the header: not the header again")
    }

    /// A totals row whose sums read as a decision kind (`解除6人/待岗13人`) would pass as a
    /// decision; it is one only if it concerns somebody.
    func testATotalsRowThatReadsAsADecisionIsStillATotalsRow() throws {
        let built = try build("""
            序号,员工编号,最终处理
            1,E1,解除合同
            合计,,解除6人/待岗13人/降级1人
            合计,E2,解除合同

            """, "admaudit: 1\nderive:\n  outcome:\n    from: decision_type\ncolumns:\n  decision_id: [序号]\n  subject_id: [员工编号]\n  decision_type: [最终处理]\n")
        XCTAssertEqual(built[0].record?.type, .dismissal)
        XCTAssertEqual(built[1].reject?.code, .totalsRow)
        XCTAssertEqual(built[2].record?.id, "合计", "a decision about somebody stays a decision, whatever its id")
    }

    func testTotalsLabels() {
        func isTotals(_ text: String) -> Bool {
            Array(text.utf8).withUnsafeBytes { RecordBuilder.isTotalsLabel(FieldBytes(bytes: $0, isMissing: false)) }
        }
        for text in ["合计", "总计：42", "小计", "共计 12 条", "汇总", "合计金额", "Total", "TOTALS", "Grand Total (42 rows)", "Subtotal", "Sum",
                     "Count: 7", "total:", " Total "] {
            XCTAssertTrue(isTotals(text), text)
        }
        for text in ["Totally", "Summary", "Counter", "D1", "", "Sumatra office", "合计划外的很长一段说明文字超过八个字"] {
            XCTAssertFalse(isTotals(text), text)
        }
        for footer in ["制表：人力资源部", "制表人：王芳", "Prepared by: HR", "打印时间：2026-04-20", "导出日期 2026年4月20日"] {
            XCTAssertTrue(isTotals(footer), footer)
        }
        XCTAssertFalse(isTotals("Printer jam warning"), "a word that merely starts like a footer label")
        for text in ["编制外", "编制内", "打印机", "制表员工"] {
            XCTAssertFalse(isTotals(text), "\(text): a footer label is followed by a colon, a space or nothing")
        }
    }

    func testRejectedRowsThatHoldAnAdverseDecision() throws {
        let built = try build("""
            decision_id,decision_type,outcome,decided_at
            D1,dismissal,adverse,yesterday
            D2,promotion,maybe,2025-01-01
            D3,警告,,2025-01-01
            D4,promotion,favorable,2025-13-01
            D5,dismissal,favorable,2025-13-01
            D6,hiring,辞退,2025-13-01

            """)
        XCTAssertEqual(built.map(\.holdsAdverse), [true, false, true, false, true, true])
    }

    /// A row of a significant kind whose outcome is written but unreadable may be the adverse one:
    /// a hostile review hid unreviewed pay cuts as `decreased` and `-10%`, a few rows under the
    /// share of rejects that raises the alarm. A kind no check judges by default does not count.
    func testARejectedSignificantDecisionWithAnUnreadableOutcomeMayBeAdverse() throws {
        let built = try build("""
            decision_id,decision_type,outcome,decided_at
            D1,pay,-10%,2025-01-01
            D2,dismissal,processed,2025-01-01
            D3,promotion,maybe,2025-01-01
            D4,pay,favorable,2025-13-01

            """)
        XCTAssertEqual(built.map(\.holdsAdverse), [true, true, false, false])
    }

    /// A kind no vocabulary knows may be a dismissal by another name: a hostile review hid
    /// unreviewed ones as `RIF`, `offboarding` and `end of assignment` with `processed`, one for
    /// every hundred honest rows under the alarm. Unless its outcome reads favourable, such a
    /// row may be adverse; a blank kind too, when an outcome is written.
    func testARejectedRowOfAnUnknownKindMayBeAdverse() throws {
        let built = try build("""
            decision_id,decision_type,outcome,decided_at
            D1,RIF,processed,2025-01-01
            D2,offboarding,,2025-01-01
            D3,end of assignment,completed,2025-01-01
            D4,RIF,favorable,2025-01-01
            D5,,processed,2025-01-01
            D6,,,2025-01-01
            D7,promotion,completed,2025-01-01

            """)
        XCTAssertEqual(built.map { $0.reject?.code }, [.unknownValue, .unknownValue, .unknownValue, .unknownValue,
                                                       .missingRequired, .missingRequired, .unknownValue])
        XCTAssertEqual(built.map(\.holdsAdverse), [true, true, true, false, true, false, false])
    }

    /// A day systems write where no date was kept is no date: read as one, it put the decision
    /// before every law and out of every check, with nothing said (a hostile review). Rejected,
    /// a sanction's row is counted as adverse, so the summary opens with it.
    func testAPlaceholderDateIsRejected() throws {
        let built = try build("""
            decision_id,decision_type,outcome,decided_at,reviewed_at
            D1,dismissal,adverse,1970-01-01T00:00:00Z,
            D2,dismissal,adverse,1900-01-01,
            D3,dismissal,adverse,2025-03-07,1899-12-30
            D4,dismissal,adverse,1970-01-03,
            D5,dismissal,adverse,2025-03-07 10:00,

            """)
        XCTAssertEqual(built.map { $0.record == nil }, [true, true, true, false, false])
        XCTAssertEqual(built.prefix(3).map(\.holdsAdverse), [true, true, true])
    }

    /// Who decided, said two ways by two columns: `automated` a person, `human_reviewed` a no
    /// whose remark names software. Refused as conflicting, counted as adverse on a sanction; a
    /// plain no, a no with another remark, or one that denies software is read.
    func testWhoDecidedSaidTwoWaysByTwoColumnsIsRefused() throws {
        let built = try build("""
            decision_id,decision_type,outcome,automated,human_reviewed
            D1,dismissal,adverse,human,no (auto)
            D2,dismissal,adverse,人工,否（系统自动）
            D3,dismissal,adverse,no,No - system decision
            D4,dismissal,adverse,human,no
            D5,dismissal,adverse,human,no (manager only)
            D6,dismissal,adverse,human,no (not automated)
            D7,dismissal,adverse,yes,no (auto)
            D8,dismissal,adverse,人工,否（非系统）

            """)
        XCTAssertEqual(built.map { $0.reject?.code }, [.conflictingColumns, .conflictingColumns, .conflictingColumns, nil, nil, nil, nil, nil])
        XCTAssertEqual(built.prefix(3).map(\.holdsAdverse), [true, true, true])
        XCTAssertEqual(built[0].reject?.detail, .decidedTwoWays(automated: "human", humanReviewed: "no (auto)"))
    }

    /// DingTalk's 同意 / 拒绝 on a sanction: refused, it does not stand.
    func testARefusedSanctionIsFavourable() throws {
        let built = try build("decision_id,decision_type,outcome\nD1,降薪,拒绝\nD2,警告,已拒绝\nD3,hiring,拒绝\n")
        XCTAssertEqual(built.map { $0.record?.outcome }, [.favorable, .favorable, .adverse])
    }

    /// An approval workflow's `同意` / `不同意` are no outcome words: read as `通过` / `拒绝`
    /// are, an approved sanction stands, a refused one does not, an approved request is
    /// granted. Read by the kind alone, a DingTalk export's refused dismissals counted as
    /// adverse and ten were HR-01 findings the truth did not hold.
    func testAnApprovalThatIsNoOutcomeWordGoesTheWayTheKindPoints() throws {
        let built = try build("decision_id,decision_type,outcome\nD1,解除劳动合同,同意\nD2,降薪,不同意\nD3,hiring,同意\nD4,hiring,不同意\nD5,警告,同意。\n")
        XCTAssertEqual(built.map { $0.record?.outcome }, [.adverse, .favorable, .favorable, .adverse, nil])
        XCTAssertEqual(built.last?.reject?.code, .unknownValue, "an approval with more to it is not read as one")
    }

    /// A kind no check singles out whose adverse outcome names a sanction one does: the
    /// outcome says what was decided (`transfer` with `dismissed`, a second hostile review).
    func testAnOutcomeNamingASanctionIsTheDecisionsKind() throws {
        let built = try build("decision_id,decision_type,outcome\nD1,transfer,dismissed\nD2,performance review,Terminated\nD3,transfer,adverse\nD4,transfer,favorable\n")
        XCTAssertEqual(built.map { $0.record?.type }, [.dismissal, .dismissal, .transfer, .transfer])
        XCTAssertEqual(built.map { $0.record?.outcome }, [.adverse, .adverse, .adverse, .favorable])
    }

    /// A closing quote left out merges the kind into the cell before it (the row is one field
    /// short): the kind is still read, so the summary says a rejected row may hide a violation
    /// (an export written by hand in session 31 hid an unreviewed termination so).
    func testAQuoteLeftOutDoesNotHideAnAdverseDecision() throws {
        let wide = "D4," + Array(repeating: "x", count: RecordBuilder.rejectedFieldsRead).joined(separator: ",")
        let cutUp = "D5,\"" + Array(repeating: "x", count: RecordBuilder.rejectedPiecesRead + 1).joined(separator: ";") + "\",2025-01-01"
        let built = try build("""
            decision_id,decision_type,outcome,decided_at
            D1,"promotion,"dismissal",2025-01-01
            D2,"promotion,"hiring",2025-01-01
            D3,"Leeds;"辞退",2025-01-01
            \(wide)
            \(cutUp)

            """)
        XCTAssertEqual(built.map(\.holdsAdverse), [true, false, true, true, true],
                       "the merged cell's pieces are read; a row too wide or too cut up to read counts as holding one")
    }

    func testNotADecisionRowsAreCountedApartFromAdverseRejects() throws {
        let (result, _) = try TestSupport.audit(csv: """
            decision_id,decision_type,outcome
            D1,dismissal,adverse
            decision_id,decision_type,outcome
            D2,dismissal,
            合计,,1

            """)
        let input = try XCTUnwrap(result.inputs.first)
        XCTAssertEqual(input.rejectsByCode, [.repeatedHeader: 1, .missingRequired: 1, .totalsRow: 1])
        XCTAssertEqual(input.rejectedNonDecisions, 2)
        XCTAssertEqual(input.rejectedAdverse, 1, "the dismissal with no outcome")
        XCTAssertTrue(input.reconciles)
    }

    // MARK: Decimal comma

    func testDecimalCommaIsReadWithTheSetting() throws {
        let csv = """
            decision_id,decision_type,outcome,score
            D1,dismissal,adverse,"0,73"
            D2,dismissal,adverse,0.73
            D3,dismissal,adverse,"1.234,5"
            D4,dismissal,adverse,7

            """
        let built = try build(csv, "admaudit: 1\ninput:\n  decimal_separator: \",\"\n")
        XCTAssertEqual(built[0].record?.score, 0.73)
        XCTAssertEqual(built[1].reject?.code, .badNumber, "with decimal commas a point is no separator")
        XCTAssertEqual(built[2].reject?.code, .badNumber, "thousands separators are not read")
        XCTAssertEqual(built[3].record?.score, 7)
    }

    func testDecimalCommaWithoutTheSettingIsRejectedWithAHint() throws {
        let built = try build("""
            decision_id,decision_type,outcome,score
            D1,dismissal,adverse,"0,73"
            D2,dismissal,adverse,high
            D3,dismissal,adverse,0.73

            """)
        let comma = try XCTUnwrap(built[0].reject)
        XCTAssertEqual(comma.code, .badNumber)
        XCTAssertEqual(comma.column, 4)
        XCTAssertTrue(comma.reason().contains("input.decimal_separator: \",\""), comma.reason())
        let word = try XCTUnwrap(built[1].reject)
        XCTAssertFalse(word.reason().contains("decimal_separator"), "no hint where a comma would not help")
        XCTAssertEqual(built[2].record?.score, 0.73)
    }

    func testNumbers() {
        func number(_ text: String, comma: Bool = false) -> Double? {
            Array(text.utf8).withUnsafeBytes { RecordBuilder.number($0, decimalComma: comma) }
        }
        XCTAssertEqual(number("0.73"), 0.73)
        XCTAssertEqual(number(" 73 "), 73)
        XCTAssertEqual(number("-0"), 0)
        XCTAssertEqual(number("1e-3"), 0.001)
        XCTAssertEqual(number("0,73", comma: true), 0.73)
        XCTAssertEqual(number("-1,5", comma: true), -1.5)
        for text in ["", "0,73", "inf", "nan", "0x10", "1.2.3", "12 kg", "１２", "e", "+"] {
            XCTAssertNil(number(text), text)
        }
        XCTAssertNil(number("1,2,3", comma: true))
        XCTAssertNil(number("1.5", comma: true))
    }

    // MARK: The outcome from the decision kind

    func testOutcomeFromTheDecisionType() throws {
        let built = try build("""
            decision_id,decision_type
            D1,dismissal
            D2,解除劳动合同（严重违纪）
            D3,未录用
            D4,Screened Out
            D5,扣发奖金
            D6,录用
            D7,promotion
            D8,Written Warning
            D9,Pay Adjustment

            """, "admaudit: 1\nderive:\n  outcome:\n    from: decision_type\n")
        // A promotion says nothing of its outcome unless the pipeline lists it (`init` does, in a log of sanctions).
        XCTAssertEqual(built.map { $0.record?.outcome }, [.adverse, .adverse, .adverse, .adverse, .adverse, .favorable, nil, .adverse, nil])
        XCTAssertEqual(built.compactMap(\.record).map(\.derived), Array(repeating: true, count: 7))
        for index in [6, 8] {
            let reject = try XCTUnwrap(built[index].reject)
            XCTAssertEqual(reject.code, .missingRequired)
            XCTAssertTrue(reject.reason().contains("does not say whether it was adverse"), reject.reason())
        }
    }

    /// A column of sanctions with `No Action` rows: each is a disciplinary decision that
    /// imposed none, favourable, and kept with the sanctions it was weighed against.
    func testNoActionInAColumnOfSanctions() throws {
        let built = try build("""
            decision_id,decision_type
            D1,Deactivated
            D2,No Action
            D3,不予处理
            D4,书面警告

            """, "admaudit: 1\nderive:\n  outcome:\n    from: decision_type\n")
        XCTAssertEqual(built.map { $0.record?.type }, [.suspension, .discipline, .discipline, .discipline])
        XCTAssertEqual(built.map { $0.record?.outcome }, [.adverse, .favorable, .favorable, .adverse])
    }

    /// A review result written as an outcome states what the reviewer decided: the decision's
    /// own outcome again is upheld, the other overturned. A result not given yet is not recorded.
    func testResultsWrittenAsOutcomesAndResultsNotYetGiven() throws {
        let built = try build("""
            decision_id,decision_type,复核意见,申诉处理结果
            D1,书面警告,核实后不予处理,
            D2,不予处理,核实后不予处理,待处理
            D3,Deactivated,No violation found,Pending
            D4,Deactivated,同意,未申诉
            D5,Deactivated,Confirmed,Closed - Overturned

            """, "admaudit: 1\nderive:\n  outcome:\n    from: decision_type\ncolumns:\n  review_result: [复核意见]\n  appeal_result: [申诉处理结果]\n")
        XCTAssertEqual(built.map { $0.record?.reviewResult }, [.overturned, .upheld, .overturned, .upheld, .upheld])
        XCTAssertEqual(built.map { $0.record?.appealResult }, [nil, nil, nil, nil, .overturned])
        XCTAssertEqual(built[3].record?.notApplicable.contains(.appealResult), true, "未申诉: no appeal, so no result to give")
        XCTAssertEqual(built[1].record?.notApplicable.contains(.appealResult), false, "待处理 is a result not yet given")
    }

    func testARecordedOutcomeWinsOverTheKind() throws {
        let built = try build("""
            decision_id,decision_type,outcome
            D1,dismissal,
            D2,dismissal,rescinded
            D3,promotion,
            D4,Hire,

            """, "admaudit: 1\nderive:\n  outcome:\n    from: decision_type\n")
        XCTAssertEqual(built[0].record?.outcome, .adverse)
        XCTAssertEqual(built[0].record?.derived, true)
        XCTAssertEqual(built[1].record?.outcome, .favorable, "a dismissal rescinded stands favourable")
        XCTAssertEqual(built[1].record?.derived, false)
        XCTAssertEqual(built[2].reject?.code, .missingRequired, "beside a column of outcomes, a blank says nothing of a promotion")
        XCTAssertEqual(built[3].reject?.code, .missingRequired, "nor of a hire, though `Hire` is an outcome word (a hostile review)")
    }

    func testWithoutTheSettingAnEmptyOutcomeIsMissing() throws {
        let built = try build("decision_id,decision_type,outcome\nD1,dismissal,\n")
        XCTAssertEqual(built[0].reject?.code, .missingRequired)
        XCTAssertEqual(built[0].reject?.reason(), "outcome is empty")
    }

    // MARK: Approvals

    func testApprovingASanctionIsAdverse() throws {
        let built = try build("""
            decision_id,decision_type,outcome
            D1,Written Warning,Approved
            D2,promotion,Approved
            D3,解除劳动合同,审批通过
            D4,Bonus Reduced,Approved
            D5,hiring,通过
            D6,demotion,Approved by HRBP
            D7,suspension,favorable

            """)
        XCTAssertEqual(built.map { $0.record?.outcome }, [.adverse, .favorable, .adverse, .adverse, .favorable, .adverse, .favorable],
                       "`favorable` itself is not an approval")
    }

    /// An approval word that another favourable word follows does not make a sanction stand:
    /// `同意续签` renews the contract (a hostile review found it read adverse).
    func testAnApprovalFollowedByAnotherFavourableWordIsNotTheSanctionApproved() throws {
        let built = try build("""
            decision_id,decision_type,outcome
            D1,劳动合同,同意续签
            D2,劳动合同,续签
            D3,劳动合同,解除劳动合同
            D4,Written Warning,审批通过

            """)
        XCTAssertEqual(built.map { $0.record?.outcome }, [.favorable, .favorable, .adverse, .adverse])
    }

    /// An approval or a refusal goes the way the kind points (a hostile review): a refused pay
    /// cut does not stand, so favourable; an approved or refused `不予处分` (no sanction) is the
    /// clemency granted or refused; refusing to lift a suspension keeps it.
    func testApprovalsAndRefusalsGoTheWayTheKindPoints() throws {
        let built = try build("""
            decision_id,decision_type,outcome
            D1,降薪,驳回
            D2,降薪,通过
            D3,不予处分,通过
            D4,不予处分,驳回
            D5,解除劳动合同,驳回
            D6,promotion,Rejected
            D7,Bonus Reduced,Rejected

            """)
        XCTAssertEqual(built.map { $0.record?.outcome }, [.favorable, .adverse, .favorable, .adverse, .favorable, .adverse, .favorable])
    }

    // MARK: Age bands

    func testAgeBandsFromAges() throws {
        let ages = ["29", "30", "39", "40", "49", "50", "200", "", "abc", "29.9", "-1", "0", "120", "121"]
        let csv = "decision_id,decision_type,outcome,年龄\n" + ages.enumerated().map { "D\($0.offset),dismissal,adverse,\($0.element)" }
            .joined(separator: "\n") + "\n"
        let built = try build(csv, "admaudit: 1\nattributes:\n  age_band: {from_age: [年龄]}\n")
        XCTAssertEqual(built.map { $0.record?.groups.first ?? "rejected" }, [
            "<30", "30-39", "30-39", "40-49", "40-49", "50+", nil, nil, nil, "<30", nil, "<30", "50+", nil,
        ])
    }

    func testAgeBandsOfYourOwn() throws {
        let csv = "decision_id,decision_type,outcome,Age\nD1,dismissal,adverse,24\nD2,dismissal,adverse,25\nD3,dismissal,adverse,45\n"
        let built = try build(csv, "admaudit: 1\nattributes:\n  age_band: {from_age: [Age], bands: [25, 45]}\n")
        XCTAssertEqual(built.map { $0.record?.groups.first ?? "rejected" }, ["<25", "25-44", "45+"])
    }

    func testAgeBandsFromBirthDatesOnTheDecisionsDate() throws {
        let rows = [
            ("1995-03-15", "2025-03-15 09:00"), ("1995-03-16", "2025-03-15 09:00"), ("1985-03-15", "2025-03-15 09:00"),
            ("1985-03-16", "2025-03-15 09:00"), ("1990-01-01", ""), ("not a date", "2025-03-15 09:00"), ("1900-01-01", "2025-03-15 09:00"),
            ("1996-02-29", "2026-02-28 09:00"), ("1996-02-29", "2026-03-01 09:00"),
        ]
        let csv = "decision_id,decision_type,outcome,decided_at,出生日期\n"
            + rows.enumerated().map { "D\($0.offset),dismissal,adverse,\($0.element.1),\($0.element.0)" }.joined(separator: "\n") + "\n"
        let built = try build(csv, "admaudit: 1\nattributes:\n  age_band: {from_birth_date: [出生日期]}\n")
        XCTAssertEqual(built.map { $0.record?.groups.first ?? "rejected" }, [
            "30-39", "<30", "40-49", "30-39", nil, nil, nil, "<30", "30-39",
        ], "birthdays count on the day; no decision date, no age; 125 years is implausible; 29 Feb counts from 1 March")
    }

    func testAgeBandsInTheReport() throws {
        let csv = "decision_id,decision_type,outcome,sex,Age\n" + (0..<8).map { i in
            "D\(i),dismissal,\(i % 2 == 0 ? "adverse" : "favorable"),\(i % 2 == 0 ? "F" : "M"),\([25, 35, 45, 55, 29, 30, 200, 41][i])"
        }.joined(separator: "\n") + "\n"
        let (result, _) = try TestSupport.audit(csv: csv, pipeline: TestSupport.exactPipeline(attributes: [
            "sex: [sex]", "age_band: {from_age: [Age]}",
        ]))
        let stratum = try XCTUnwrap(result.selection.first { $0.attribute == "age_band" })
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: stratum.groups.map { ($0.group, $0.n) }), ["<30": 2, "30-39": 2, "40-49": 2, "50+": 1])
        XCTAssertEqual(stratum.unknown, 1, "an implausible age is unknown, not a band")
    }

    // MARK: A column shared by a categorical and a text field

    func testAValueTheCategoricalFieldDoesNotKnowIsTheTextFields() throws {
        let csv = """
            decision_id,decision_type,outcome,申诉处理方
            D1,dismissal,adverse,系统
            D2,dismissal,adverse,张三
            D3,dismissal,adverse,人工复核

            """
        let shared = try build(csv, """
            admaudit: 1
            columns:
              appeal_reviewer: [申诉处理方]
              appeal_reviewer_id: [申诉处理方]
            """)
        XCTAssertEqual(shared.map { $0.record?.appealReviewer }, [.automated, nil, .human])
        XCTAssertEqual(shared.map { $0.record?.appealReviewerID }, ["系统", "张三", "人工复核"])

        let alone = try build(csv, "admaudit: 1\ncolumns:\n  appeal_reviewer: [申诉处理方]\n")
        XCTAssertEqual(alone[1].reject?.code, .unknownValue, "not shared: a value it does not know is an error")
        XCTAssertEqual(alone[1].reject?.column, 4)
    }

    // MARK: Reasons as values, worded by the report

    func testReasonsAreValuesWordedInEitherLanguage() throws {
        let built = try build("decision_id,decision_type,outcome,score\nD1,dismissal,adverse,\"0,73\"\n合计,,\n",
                              "admaudit: 1\nreport:\n  language: zh\n")
        XCTAssertEqual(built[0].reject?.detail, .notANumber(.score, text: "0,73", decimalCommaHint: true))
        XCTAssertEqual(built[1].reject?.detail, .totalsRow(label: "合计"))
        XCTAssertTrue(built[0].reject?.reason(.zh).contains("input.decimal_separator") ?? false)
        XCTAssertTrue(built[0].reject?.reason(.zh).contains("不是数字") ?? false, built[0].reject?.reason(.zh) ?? "")
        XCTAssertTrue(built[1].reject?.reason(.zh).contains("合计行") ?? false, built[1].reject?.reason(.zh) ?? "")
        XCTAssertTrue(built[1].reject?.reason().contains("a totals or footer row ('合计')") ?? false, built[1].reject?.reason() ?? "")
    }
}
