import Foundation
import XCTest

@testable import AdmAudit

/// The start of an export, read once for inference (`ExportSample`): bounded whatever the
/// file holds, rows of another width counted and not sampled.
final class ExportSampleTests: XCTestCase {

    private func sample(_ text: String) throws -> ExportSample {
        try ExportSample.read(path: TestSupport.temporaryFile(text))
    }

    func testCellsByColumnTrimmed() throws {
        let read = try sample("decision_id, outcome ,sex\nD1, adverse ,F\nD2,,M\n")
        XCTAssertEqual(read.headers, ["decision_id", "outcome", "sex"])
        XCTAssertEqual(read.columns, [["D1", "D2"], ["adverse", ""], ["F", "M"]])
        XCTAssertEqual(read.rowsSampled, 2)
        XCTAssertEqual(read.rowsSkipped, 0)
        XCTAssertEqual(read.headerLine, 1)
        XCTAssertEqual(read.delimiter, UInt8(ascii: ","))
        XCTAssertEqual(read.encoding, .utf8)
    }

    func testRowsOfAnotherWidthAreCountedNotSampled() throws {
        let read = try sample("a,b\n1,2\n3\n4,5,6\n7,8\n")
        XCTAssertEqual(read.columns, [["1", "7"], ["2", "8"]], "a short or long row would shift the columns")
        XCTAssertEqual(read.rowsSampled, 2)
        XCTAssertEqual(read.rowsSkipped, 2)
    }

    /// A totals or footer row (`合计：60 条` in one cell of four) would count its label as a place
    /// or a group; a row of three cells or more is sampled whatever its first cell, so ids that
    /// start like a label (`Total-2`, `编制外`) cannot keep rows from inference.
    func testTotalsRowsAreCountedNotSampled() throws {
        let read = try sample("id,type,sex,city\nD1,警告,女,深圳\nTotal-2,警告,男,\n编制外,警告,女,\n,,,合计：60 条\nTotal,,,4\n")
        XCTAssertEqual(read.columns, [["D1", "Total-2", "编制外"], ["警告", "警告", "警告"], ["女", "男", "女"], ["深圳", "", ""]])
        XCTAssertEqual(read.rowsSampled, 3)
        XCTAssertEqual(read.rowsSkipped, 2)
    }

    func testDamagedRowsAreCountedNotSampled() throws {
        let read = try sample("a,b\n1,2\n3,\"open\n")
        XCTAssertEqual(read.rowsSampled, 1)
        XCTAssertEqual(read.rowsSkipped, 1)
    }

    func testCellsAndHeadersAreCut() throws {
        let long = String(repeating: "决", count: 300)
        let read = try sample("\(long),b\n\(long),x\n")
        XCTAssertEqual(read.headers[0].count, ExportSample.cellLimit)
        XCTAssertEqual(read.columns[0][0].count, ExportSample.cellLimit)
    }

    func testAtMostTheRowLimitIsSampled() throws {
        let rows = (0..<(ExportSample.rowLimit + 50)).map { "D\($0),adverse" }.joined(separator: "\n")
        let read = try sample("decision_id,outcome\n" + rows + "\n")
        XCTAssertEqual(read.rowsSampled, ExportSample.rowLimit)
        XCTAssertEqual(read.columns[0].count, ExportSample.rowLimit)
        XCTAssertEqual(read.columns[0].last, "D\(ExportSample.rowLimit - 1)")
    }

    func testTitleLinesAboveTheHeader() throws {
        let read = try sample("Export of decisions\n\ndecision_id;outcome\nD1;adverse\n")
        XCTAssertEqual(read.headers, ["decision_id", "outcome"])
        XCTAssertEqual(read.headerLine, 3)
        XCTAssertEqual(read.delimiter, UInt8(ascii: ";"))
        XCTAssertEqual(read.linesAboveHeader.map(\.text), ["Export of decisions"])
    }

    func testAChineseExportInGB18030() throws {
        let bytes = GB18030Bytes.decisionID + Array(",".utf8) + GB18030Bytes.result + [0x0A] + Array("D1,".utf8) + GB18030Bytes.adverse + [0x0A]
        let read = try ExportSample.read(path: CSVReadHarness.temporaryFile(bytes))
        XCTAssertEqual(read.encoding, .gb18030)
        XCTAssertEqual(read.headers, ["决策编号", "结果"])
        XCTAssertEqual(read.columns, [["D1"], ["不利"]])
    }

    func testNoHeaderIsAnError() {
        for text in ["", "\"decision_id,outcome\nD1,adverse\n"] {
            XCTAssertThrowsError(try sample(text), text.debugDescription) { error in
                XCTAssertEqual((error as? AuditError)?.kind, .input)
                XCTAssertTrue((error as? AuditError)?.message.contains("no header") ?? false)
            }
        }
    }
}
