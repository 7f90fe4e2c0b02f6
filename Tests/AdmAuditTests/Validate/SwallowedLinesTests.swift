import Foundation
import XCTest
@testable import AdmAudit

/// A stray quote that merges rows: each line read again on its own, never merged unseen.
final class SwallowedLinesTests: XCTestCase {
    private let header = "decision_id,employee_id,decision_type,outcome,automated,human_reviewed,decided_at,sex,remarks\n"

    private func row(_ id: Int, reviewed: String = "yes", remarks: String = "none") -> String {
        "D\(id),E\(id),dismissal,dismissed,yes,\(reviewed),2025-03-0\(id % 9 + 1) 10:00,female,\(remarks)\n"
    }

    private func audit(_ csv: String, sections: String = "") throws -> (AuditResult, MemorySink) {
        try TestSupport.audit([TestSupport.temporaryFile(csv)],
                              pipeline: TestSupport.pipeline(TestSupport.exactPipeline(attributes: ["sex: [sex]"], sections: sections)))
    }

    func testAQuoteOpeningAnIDColumnNoLongerHidesTheRowsItSwallows() throws {
        // Line 3 opens a quote in employee_id; line 7 closes it: libcsv reads lines 3-7 as one row.
        let csv = header + row(1) + row(2).replacingOccurrences(of: ",E2,", with: ",\"E2,")
            + row(3, reviewed: "no") + row(4, reviewed: "no") + row(5)
            + row(6).replacingOccurrences(of: ",E6,", with: ",E6\",") + row(7)
        let (result, sink) = try audit(csv)
        let input = try XCTUnwrap(result.inputs.first)
        XCTAssertEqual(input.rowsRead, 7)
        XCTAssertEqual(input.accepted, 7)
        XCTAssertEqual(input.quoteRepairs, 1)
        XCTAssertTrue(input.reconciles)
        XCTAssertEqual(input.lines, 8)
        XCTAssertEqual(input.rowLines, 7)
        XCTAssertEqual(Set(sink.findings.filter { $0.checkID == "HR-01" }.map(\.decisionID)), ["D3", "D4"])
        let warning = try XCTUnwrap(result.diagnostics.first { $0.message(.en).contains("lines 3–7") })
        XCTAssertTrue(warning.message(.en).contains("employee_id"), warning.message(.en))
        XCTAssertTrue(warning.message(.en).contains("5 accepted, 0 rejected"), warning.message(.en))
    }

    func testALineThatIsNotARowOnItsOwnIsRejectedAsUnbalancedQuote() throws {
        // The quote closes in the middle of line 4, which then has too few fields.
        let csv = header + row(1) + row(2).replacingOccurrences(of: ",E2,", with: ",\"E2,")
            + "D3,E3,dismissal\",dismissed,yes,no\n" + row(4)
        let (result, sink) = try audit(csv)
        let input = try XCTUnwrap(result.inputs.first)
        XCTAssertTrue(input.reconciles)
        XCTAssertEqual(input.rowsRead, 4)
        XCTAssertEqual(input.rejectsByCode, [.unbalancedQuote: 1])
        let reject = try XCTUnwrap(sink.rejects.first)
        XCTAssertEqual(reject.line, 4)
        XCTAssertEqual(reject.column, 2)
        XCTAssertTrue(reject.reason.contains("line 3"), reject.reason)
    }

    func testASecondStrayQuoteDoesNotTurnItsOwnDecisionIntoAReject() throws {
        // Line 3 opens a quote in employee_id; line 6 opens another that nothing closes, so
        // libcsv reads from line 3 to the end as one row. D5's unreviewed dismissal is on line 6.
        let csv = header + row(1) + row(2).replacingOccurrences(of: ",E2,", with: ",\"E2,")
            + row(3) + row(4, reviewed: "no") + row(5, reviewed: "no").replacingOccurrences(of: ",E5,", with: ",\"E5,")
            + row(6) + row(7, reviewed: "no")
        let (result, sink) = try audit(csv)
        let input = try XCTUnwrap(result.inputs.first)
        XCTAssertTrue(input.reconciles)
        XCTAssertEqual(input.rowsRead, 7)
        XCTAssertEqual(input.accepted, 7, "\(sink.rejects.map(\.reason))")
        XCTAssertEqual(Set(sink.findings.filter { $0.checkID == "HR-01" }.map(\.decisionID)), ["D4", "D5", "D7"])
        XCTAssertEqual(sink.findings.first { $0.decisionID == "D5" }?.line, 6)
        let warning = try XCTUnwrap(result.diagnostics.first { $0.code == .quoteSwallowedLines })
        XCTAssertNil(warning.damage)
        for language in [ReportLanguage.en, .zh] {
            let message = warning.message(language)
            XCTAssertTrue(message.contains(language == .en ? "on line 6)" : "第 6 行另有"), message)
            XCTAssertTrue(message.contains(language == .en ? "6 accepted, 0 rejected" : "接受 6 行，拒收 0 行"), message)
        }
    }

    /// A note on several lines, quoted as it should be, is left alone; on a rejected row its
    /// lines are the note's, not lines a quote left open swallowed (two exports written by hand
    /// were told so of every such row). A quote left open over the field limit still is (below).
    func testALegitimateLineBreakInAFreeTextColumnIsLeftAlone() throws {
        let unknownOutcome = { (line: String) in line.replacingOccurrences(of: "dismissed,yes", with: "zorgled,yes") }
        let csv = header + row(1, remarks: "\"late twice, warned\nthen dismissed\"") + row(2)
            + unknownOutcome(row(3, remarks: "\"late twice\nwarned\"")) + unknownOutcome(row(4, remarks: "\"one\ntwo\nthree\""))
        let (result, _) = try audit(csv)
        let input = try XCTUnwrap(result.inputs.first)
        XCTAssertEqual(input.rowsRead, 4)
        XCTAssertEqual(input.accepted, 2)
        XCTAssertEqual(input.quoteRepairs, 0)
        XCTAssertEqual(input.linesInsideFields, 4)
        XCTAssertEqual(input.rejectedLines, 5)
        XCTAssertEqual(input.rejectedLinesInText, 3)
        XCTAssertEqual(input.swallowedLines, 0)
        XCTAssertTrue(input.reconciles)
    }

    func testAFreeTextColumnThatSwallowedWholeRowsIsRepaired() throws {
        // The remarks column opens a quote that runs over two whole rows to line 5.
        let csv = header + row(1, remarks: "\"late") + row(2, reviewed: "no") + row(3, reviewed: "no")
            + "D4,E4,dismissal,dismissed,yes,yes,2025-03-05 10:00,female,end\"\n"
        let (result, sink) = try audit(csv)
        let input = try XCTUnwrap(result.inputs.first)
        XCTAssertEqual(input.rowsRead, 4)
        XCTAssertEqual(input.accepted, 4)
        XCTAssertEqual(Set(sink.findings.filter { $0.checkID == "HR-01" }.map(\.decisionID)), ["D2", "D3"])
    }

    func testAQuoteLeftOpenOverMoreThanTheFieldLimitIsOneRejectNamingItsLines() throws {
        // The swallowed text passes input.max_field_bytes: its bytes are not kept, so its lines
        // cannot be read again; the reject says how many lines it covers.
        var csv = header + row(1) + row(2).replacingOccurrences(of: ",E2,", with: ",\"E2,")
        for id in 3...12 { csv += row(id, reviewed: "no") }
        let (result, _) = try audit(csv, sections: "input:\n  max_field_bytes: 200")
        let input = try XCTUnwrap(result.inputs.first)
        XCTAssertTrue(input.reconciles)
        XCTAssertEqual(input.rejected, 1)
        XCTAssertEqual(input.rejectedLines, 11)
        XCTAssertEqual(input.rejectedLinesInText, 0, "its lines are swallowed, not a note's")
        XCTAssertEqual(input.swallowedLines, 10)
        XCTAssertTrue(input.mayHideViolations)
    }

    func testLinesAreSplitAsCSVWithQuotedFieldsKept() {
        func read(_ text: String, closedAtEnd: Bool = false) -> (fields: [String], strayQuote: Bool) {
            let (fields, strayQuote) = SwallowedLines.fields(of: Array(text.utf8)[...], delimiter: UInt8(ascii: ","), closedAtEnd: closedAtEnd)
            return (fields.map { String(decoding: $0 ?? [], as: UTF8.self) }, strayQuote)
        }
        XCTAssertEqual(read("a,\"b, c\",d").fields, ["a", "b, c", "d"])
        XCTAssertEqual(read("a,\"b\"  ,d").fields, ["a", "b", "d"], "spaces after the closing quote")
        // The quote that closed the stray field ended this text: a quoted field open at its end was closed there.
        XCTAssertEqual(read("x,\"Atlanta, GA", closedAtEnd: true).fields, ["x", "Atlanta, GA"])
        // A quote inside an unquoted field is an ordinary byte, as libcsv reads it.
        XCTAssertEqual(read("x,ab\"c,He said \"fine\" to it").fields, ["x", "ab\"c", "He said \"fine\" to it"])
        // Inside the stray quote libcsv made `""` one quote: a quote not closing the field is kept.
        XCTAssertEqual(read("x,\"said \"no\" twice\",y").fields, ["x", "said \"no\" twice", "y"])
        XCTAssertEqual(read("x,\"a\"\"b\",y").fields, ["x", "a\"b", "y"])
        // A field opened with a quote that the line never closes: that quote is set aside, the rest read as written.
        let opened = read("x,\"Termination,no,\"\"")
        XCTAssertEqual(opened.fields, ["x", "Termination", "no", ""])
        XCTAssertTrue(opened.strayQuote)
        XCTAssertFalse(read("x,\"a,b\",c").strayQuote)
        XCTAssertEqual(SwallowedLines.fields(of: Array("a,,b".utf8)[...], delimiter: UInt8(ascii: ","), closedAtEnd: false).fields.map { $0 == nil },
                       [false, true, false])
    }

    /// Lines inside a stray quote's stretch that hold quotes of their own, written as any
    /// export writes them, are rows like the lines around them (in English, and in a Chinese
    /// export with CRLF).
    func testLinesHoldingTheirOwnQuotesInsideAStrayQuoteAreAudited() throws {
        let csv = header + row(1) + row(2, remarks: "\"unclosed remark")
            + row(3, reviewed: "no", remarks: "\"said \"\"no\"\" twice\"") + row(4, reviewed: "no", remarks: "He said \"fine\" to it")
            + row(5, reviewed: "no", remarks: "5\" tall") + row(6, reviewed: "no")
        let (result, sink) = try audit(csv)
        let input = try XCTUnwrap(result.inputs.first)
        XCTAssertTrue(input.reconciles)
        XCTAssertEqual(input.accepted, 6, "\(sink.rejects.map(\.reason))")
        XCTAssertEqual(Set(sink.findings.filter { $0.checkID == "HR-01" }.map(\.decisionID)), ["D3", "D4", "D5", "D6"])

        let chinese = "决定编号,工号,处理类型,处理结果,是否自动,是否人工复核,决定时间,性别,备注\r\n"
            + "D1,E1,辞退,解除,是,是,2025-03-01 10:00,女,\"未闭合的备注\r\n"
            + "D2,E2,辞退,解除,是,否,2025-03-02 10:00,女,他说\"好\"的\r\n"
            + "D3,E3,辞退,解除,是,否,2025-03-03 10:00,男,无\r\n"
        let yaml = TestSupport.exactPipeline(attributes: ["sex: [性别]"], sections: """
            columns:
              decision_id: [决定编号]
              subject_id: [工号]
              decision_type: [处理类型]
              outcome: [处理结果]
              automated: [是否自动]
              human_reviewed: [是否人工复核]
              decided_at: [决定时间]
            """)
        let (zhResult, zhSink) = try TestSupport.audit([TestSupport.temporaryFile(chinese)], pipeline: TestSupport.pipeline(yaml))
        XCTAssertEqual(zhResult.inputs.first?.accepted, 3, "\(zhSink.rejects.map(\.reason))")
        XCTAssertEqual(Set(zhSink.findings.filter { $0.checkID == "HR-01" }.map(\.decisionID)), ["D2", "D3"])
    }

    /// A quote left open in the last column and closed at the end of the next line: that line
    /// is a whole row of the header's width, and its decision is audited, not a remark.
    func testAQuoteClosedAtTheEndOfTheNextLineDoesNotHideItsDecision() throws {
        let csv = header + row(1) + row(2, remarks: "\"unclosed remark") + row(3, reviewed: "no", remarks: "ok\"") + row(4)
        let (result, sink) = try audit(csv)
        let input = try XCTUnwrap(result.inputs.first)
        XCTAssertTrue(input.reconciles)
        XCTAssertEqual(input.rowsRead, 4)
        XCTAssertEqual(input.accepted, 4)
        XCTAssertEqual(input.quoteRepairs, 1)
        XCTAssertEqual(sink.findings.filter { $0.checkID == "HR-01" }.map(\.decisionID), ["D3"])
        XCTAssertTrue(result.diagnostics.contains { $0.code == .quoteSwallowedLines })
    }

    func testAnInnerLineOfTheHeadersWidthReadsAsARow() {
        func check(_ text: String) -> Bool {
            Array(text.utf8).withUnsafeBytes { SwallowedLines.innerLineReadsAsRow($0, delimiter: UInt8(ascii: ","), width: 3) }
        }
        XCTAssertTrue(check("opening\na,b,c\nclosing"))
        XCTAssertTrue(check("opening\r\na,b,c\r\nclosing"))
        XCTAssertFalse(check("a,b,c\nclosing"), "the first piece belongs to the line the quote opened on")
        XCTAssertFalse(check("opening\na,b,c"), "the last piece belongs to the line the quote closed on")
        let lastIsALine = Array("opening\na,b,c".utf8).withUnsafeBytes {
            SwallowedLines.innerLineReadsAsRow($0, delimiter: UInt8(ascii: ","), width: 3, lastPieceIsALine: true)
        }
        XCTAssertTrue(lastIsALine, "unless nothing of the row follows it on its line")
        XCTAssertFalse(check("opening\na,b\nclosing"))
    }
}
