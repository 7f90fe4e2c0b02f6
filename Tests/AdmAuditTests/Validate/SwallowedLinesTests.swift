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

    func testALegitimateLineBreakInAFreeTextColumnIsLeftAlone() throws {
        let csv = header + row(1, remarks: "\"late twice, warned\nthen dismissed\"") + row(2)
        let (result, _) = try audit(csv)
        let input = try XCTUnwrap(result.inputs.first)
        XCTAssertEqual(input.rowsRead, 2)
        XCTAssertEqual(input.accepted, 2)
        XCTAssertEqual(input.quoteRepairs, 0)
        XCTAssertEqual(input.linesInsideFields, 1)
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
        XCTAssertTrue(input.mayHideViolations)
    }

    func testLinesAreSplitAsCSVWithQuotedFieldsKept() {
        let text = Array("a,\"b, c\",d".utf8)[...]
        let (fields, trusted) = SwallowedLines.fields(of: text, delimiter: UInt8(ascii: ","), closedAtEnd: false)
        XCTAssertEqual(fields.map { String(decoding: $0 ?? [], as: UTF8.self) }, ["a", "b, c", "d"])
        XCTAssertTrue(trusted)
        // The quote that closed the stray field ended this text: a quoted field open at its end was closed there.
        let last = SwallowedLines.fields(of: Array("x,\"Atlanta, GA".utf8)[...], delimiter: UInt8(ascii: ","), closedAtEnd: true)
        XCTAssertEqual(last.fields.map { String(decoding: $0 ?? [], as: UTF8.self) }, ["x", "Atlanta, GA"])
        XCTAssertTrue(last.trusted)
        let stray = SwallowedLines.fields(of: Array("x,ab\"c".utf8)[...], delimiter: UInt8(ascii: ","), closedAtEnd: false)
        XCTAssertFalse(stray.trusted)
        XCTAssertEqual(SwallowedLines.fields(of: Array("a,,b".utf8)[...], delimiter: UInt8(ascii: ","), closedAtEnd: false).fields.map { $0 == nil },
                       [false, true, false])
    }

    func testAnInnerLineOfTheHeadersWidthReadsAsARow() {
        func check(_ text: String) -> Bool {
            Array(text.utf8).withUnsafeBytes { SwallowedLines.innerLineReadsAsRow($0, delimiter: UInt8(ascii: ","), width: 3) }
        }
        XCTAssertTrue(check("opening\na,b,c\nclosing"))
        XCTAssertTrue(check("opening\r\na,b,c\r\nclosing"))
        XCTAssertFalse(check("a,b,c\nclosing"), "the first piece belongs to the line the quote opened on")
        XCTAssertFalse(check("opening\na,b,c"), "the last piece belongs to the line the quote closed on")
        XCTAssertFalse(check("opening\na,b\nclosing"))
    }
}
