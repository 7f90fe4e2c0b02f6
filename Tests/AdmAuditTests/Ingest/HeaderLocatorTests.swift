import Foundation
import XCTest

@testable import AdmAudit

/// The header found below title lines (`HeaderLocator`), the delimiter sniffed from it
/// (`DelimiterSniffer.sniff(skippingLines:)`), and the reader keeping the title lines apart
/// (`ReaderSummary.linesAboveHeader`).
final class HeaderLocatorTests: XCTestCase {

    // MARK: Helpers

    private let comma = UInt8(ascii: ","), semicolon = UInt8(ascii: ";"), tab = UInt8(ascii: "\t"), pipe = UInt8(ascii: "|")
    private let quote = UInt8(ascii: "\"")

    private func locate(_ text: String, delimiter: UInt8? = nil, headerLine: Int? = nil) -> HeaderLocator.Location {
        Array(text.utf8).withUnsafeBytes { HeaderLocator.locate($0, delimiter: delimiter, headerLine: headerLine, quote: quote) }
    }

    private func sniff(_ text: String, skipping lines: Int) -> UInt8 {
        Array(text.utf8).withUnsafeBytes { DelimiterSniffer.sniff(skippingLines: lines, in: $0) }
    }

    private func rows(_ text: String, delimiter: UInt8 = UInt8(ascii: ",")) -> [HeaderLocator.SampleRow] {
        Array(text.utf8).withUnsafeBytes { HeaderLocator.rows($0, delimiter: delimiter, quote: quote) }
    }

    private func location(_ delimiter: UInt8, _ line: Int) -> HeaderLocator.Location {
        HeaderLocator.Location(delimiter: delimiter, headerLine: line)
    }

    private let data = "D1,E1,dismissal,adverse\nD2,E2,promotion,favorable\nD3,E3,warning,adverse\n"

    // MARK: The header on line 1

    func testAHeaderOnTheFirstLineIsUnchanged() {
        XCTAssertEqual(locate("decision_id,employee_id,decision_type,outcome\n" + data), location(comma, 1))
        XCTAssertEqual(locate("decision_id;outcome\nD1;adverse\n"), location(semicolon, 1))
        XCTAssertEqual(locate("decision_id\toutcome\nD1\tadverse\n"), location(tab, 1))
        XCTAssertEqual(locate("decision_id|outcome\nD1|adverse\n"), location(pipe, 1))
    }

    func testAFirstLineWithTwoValuesIsTheHeaderUnlessAWiderOneBelowIsAgreedWith() {
        // Data rows (numbers) of another width do not move a header that looks like one.
        XCTAssertEqual(locate("a,b\n1,2,3,4\n5,6,7,8\n"), location(comma, 1))
        // A title of two values above a wider header that the rows agree with is a title.
        XCTAssertEqual(locate("Report,2025-07-01\n\ndecision_id,outcome,decided_at\nD1,adverse,2025-01-01\n"), location(comma, 3))
    }

    func testARowAStrayQuoteMadeWideDoesNotDisplaceTheHeader() {
        // The quote on line 2 runs to the end; line 4's quote closes inside it, so the sample
        // reads lines 2-4 as one row of 10 fields, wider than the header and agreed with by none.
        let export = "decision_id,worker_id,decision_date,decision_type,human_reviewed,explanation,remarks\n"
            + "D001,E01,2026-03-01,Termination,no,none,\"a\nD002,E02,2026-03-02,Termination,no,none,ok\n"
            + "D003,E03,2026-03-03,\"Termination,no,none,ok\n"
        XCTAssertEqual(locate(export), location(comma, 1))
    }

    func testALineOfOneColumnIsStillAFile() {
        XCTAssertEqual(locate("decision_id\nD1\nD2\n"), location(comma, 1))
        XCTAssertEqual(locate(""), location(comma, 1))
        XCTAssertEqual(locate("\n\n\n"), location(comma, 1))
    }

    // MARK: Title lines

    func testTitleLinesAndABlankLineAboveTheHeader() {
        let text = "某某公司 员工处理记录导出\n导出时间：2025-07-01\n\n决策编号,员工编号,决策类型,结果\n" + data
        XCTAssertEqual(locate(text), location(comma, 4))
    }

    func testTitleLinesPaddedWithDelimiters() {
        // Excel pads every line to the table's width.
        let text = "Company export,,,\nExported 2025-07-01,,,\n,,,\ndecision_id,employee_id,decision_type,outcome\n" + data
        XCTAssertEqual(locate(text), location(comma, 4))
        let semicolons = "Export;;;\ndecision_id;employee_id;decision_type;outcome\nD1;E1;dismissal;adverse\n"
        XCTAssertEqual(locate(semicolons), location(semicolon, 2))
    }

    func testTheHeadersDelimiterIsFoundBelowTheTitle() {
        // The title has no delimiter: the one most rows below agree with wins.
        XCTAssertEqual(locate("Report 2025\ndecision_id;outcome;sex\nD1;adverse;F\nD2;favorable;M\n"), location(semicolon, 2))
        XCTAssertEqual(locate("Report 2025\ndecision_id\toutcome\tsex\nD1\tadverse\tF\n"), location(tab, 2))
        XCTAssertEqual(locate("\"Report, Q1\"\ndecision_id|outcome|sex\nD1|adverse|F\nD2|favorable|M\n"), location(pipe, 2),
                       "a comma quoted in the title is not the delimiter")
        XCTAssertEqual(locate("Report, Q1\ndecision_id|outcome|sex\nD1|adverse|F\n"), location(pipe, 2),
                       "unquoted, the title holds two values, but the rows below agree with the wider header")
    }

    func testAGivenDelimiterIsKept() {
        XCTAssertEqual(locate("Report 2025\ndecision_id;outcome\nD1;adverse\n", delimiter: semicolon), location(semicolon, 2))
        XCTAssertEqual(locate("Report 2025\ndecision_id;outcome\nD1;adverse\n", delimiter: comma), location(comma, 1),
                       "with commas given, no line has two values: the first line stays the header")
    }

    func testQuotesInTitles() {
        XCTAssertEqual(locate("\"Report, \"\"Q1\"\", all sites\"\ndecision_id,outcome\nD1,adverse\n"), location(comma, 2),
                       "a quoted title with commas and doubled quotes is one value")
        XCTAssertEqual(locate("\"Monthly report\nexported 2025-07-01\"\ndecision_id,outcome\nD1,adverse\n"), location(comma, 3),
                       "a quoted title spanning two lines")
        XCTAssertEqual(locate("Report \"Q1\" final\ndecision_id,outcome\nD1,adverse\n"), location(comma, 2),
                       "a quote inside a value opens nothing")
    }

    func testAHeaderWithNoRowsBelow() {
        XCTAssertEqual(locate("Title\n\ndecision_id,outcome\n"), location(comma, 3))
        XCTAssertEqual(locate("Title\n\ndecision_id,outcome"), location(comma, 3), "no line end at the end")
    }

    func testASparseRowIsNotTheHeader() {
        // A row with fewer than half its fields filled is padding, not a header.
        XCTAssertEqual(locate("Title,,,,\nNote,,,,\ndecision_id,employee_id,outcome,sex,site\nD1,E1,adverse,F,A\n"), location(comma, 3))
    }

    /// Group labels over the header, as Excel's merged cells leave them (a Beisen export and a
    /// small firm's register, a helper's): the header is the row below. Before, the labels were
    /// the header, one column was mapped, and reviewed decisions were read as unreviewed.
    func testGroupLabelsOverTheHeaderAreALineAboveIt() {
        XCTAssertEqual(locate("基本信息,,,,处理信息,,,复核信息\n处理单号,工号,姓名,部门,处理类型,处理日期,是否人工复核,复核人\nB1,5437,梁磊,研发,警告,2025-03-23,是,郭浩\n"),
                       location(comma, 2))
        XCTAssertEqual(locate(",Employee,,Decision,,,Review,\nCase No,Staff ID,Name,Type,Outcome,Date,Human review?,Reviewer\nC1,S7,Ann,Demotion,Demoted,8-Jan-2025,Y,Pat\n"),
                       location(comma, 2))
        // A header whose last names are empty, and one with an unnamed column, stay the header.
        XCTAssertEqual(locate("decision_id,outcome,sex,,,\nD1,adverse,F,,,\n"), location(comma, 1))
        XCTAssertEqual(locate("decision_id,,outcome,sex\nD1,x,adverse,F\n"), location(comma, 1))
        // A sparse real header over data is the header: the row below holds ids, so it is no
        // header (a hostile review: `D001` became the header, and its decision vanished).
        XCTAssertEqual(locate("decision_id,,decision_type,,outcome,,\nD001,x,dismissal,y,adverse,No,2025-01-02\nD002,x,dismissal,y,adverse,Yes,2025-01-03\n"),
                       location(comma, 1))
        // Labels over a row that leaves their gaps blank are no group labels.
        XCTAssertEqual(locate("Report,,,Q1\nD1,,adverse,F\nD2,,adverse,M\n"), location(comma, 1))
    }

    func testAHeaderNarrowerThanTheRowsBelowIsSkipped() {
        XCTAssertEqual(locate("Title\nPeriod,Q1\ndecision_id,employee_id,outcome\nD1,E1,adverse\nD2,E2,favorable\n"), location(comma, 3))
    }

    func testAHeaderFurtherDownThanTheRowsExaminedIsNotGuessed() {
        let titles = (1...45).map { "title line \($0)" }.joined(separator: "\n")
        XCTAssertEqual(locate(titles + "\ndecision_id,outcome\nD1,adverse\n"), location(comma, 1))
    }

    func testAGivenHeaderLine() {
        let text = "Report,2025-07-01\n\ndecision_id;outcome;sex\nD1;adverse;F\n"
        XCTAssertEqual(locate(text, headerLine: 3), location(semicolon, 3))
        XCTAssertEqual(locate(text, delimiter: comma, headerLine: 3), location(comma, 3))
        XCTAssertEqual(locate("decision_id|outcome\n", headerLine: 1), location(pipe, 1))
    }

    // MARK: Rows

    func testRowsCountFieldsAndFilledFields() {
        XCTAssertEqual(rows("a,,b\n\n,,\n\"x,y\",z\n1,2\n"), [
            HeaderLocator.SampleRow(line: 1, fields: 3, filled: 2, worded: 2, filledColumns: 0b101),
            HeaderLocator.SampleRow(line: 3, fields: 3, filled: 0, worded: 0, filledColumns: 0),
            HeaderLocator.SampleRow(line: 4, fields: 2, filled: 2, worded: 2, filledColumns: 0b11),
            HeaderLocator.SampleRow(line: 5, fields: 2, filled: 2, worded: 0, filledColumns: 0b11, digited: 2),
        ])
    }

    func testRowsCountLinesInsideQuotesAndEveryLineEnd() {
        XCTAssertEqual(rows("\"a\nb\",c\r\nd,e\rf,g").map(\.line), [1, 3, 4])
        XCTAssertEqual(rows(" , \n").first?.filled, 0, "spaces are not values")
    }

    func testRowsStopAtTheRowsExamined() {
        let text = (1...100).map { "r\($0),x" }.joined(separator: "\n")
        XCTAssertEqual(rows(text).count, HeaderLocator.rowsExamined)
    }

    // MARK: DelimiterSniffer.sniff(skippingLines:)

    func testSniffAfterSkippingLines() {
        let text = "Title; with; semicolons\r\nother,line\r\na|b|c\n1|2|3\n"
        XCTAssertEqual(sniff(text, skipping: 0), semicolon)
        XCTAssertEqual(sniff(text, skipping: 1), comma)
        XCTAssertEqual(sniff(text, skipping: 2), pipe, "CRLF ends one line")
        XCTAssertEqual(sniff("x\ry\ra\tb\n", skipping: 2), tab, "a lone CR ends a line")
        XCTAssertEqual(sniff("x\n\na;b\n", skipping: 2), semicolon, "a blank line counts")
        XCTAssertEqual(sniff("x\n", skipping: 5), comma, "past the end: a one-column comma file")
    }

    // MARK: The reader keeps title lines apart

    func testTitleLinesAreNotRows() throws {
        let text = "某某公司 员工处理记录导出,,\n导出时间：2025-07-01,,\n\n决策编号,结果,性别\nD1,辞退,女\nD2,保留,男\n"
        let outcome = try CSVReadHarness.read(text)
        XCTAssertEqual(outcome.header?.strings, ["决策编号", "结果", "性别"])
        XCTAssertEqual(outcome.header?.line, 4)
        XCTAssertEqual(outcome.header?.ordinal, 0)
        XCTAssertEqual(outcome.dataRows.map(\.line), [5, 6])
        XCTAssertEqual(outcome.summary.linesAboveHeader, [
            LineAboveHeader(line: 1, endLine: 1, text: "某某公司 员工处理记录导出", values: 1),
            LineAboveHeader(line: 2, endLine: 2, text: "导出时间：2025-07-01", values: 1),
        ])
        XCTAssertEqual(outcome.summary.lines, 6)
    }

    func testAQuotedTitleSpanningLinesIsOneTitle() throws {
        let outcome = try CSVReadHarness.read("\"Monthly report\nexported 2025-07-01\"\ndecision_id,outcome\nD1,adverse\n")
        XCTAssertEqual(outcome.summary.linesAboveHeader, [
            LineAboveHeader(line: 1, endLine: 2, text: "Monthly report\nexported 2025-07-01", values: 1),
        ])
        XCTAssertEqual(outcome.header?.line, 3)
        XCTAssertEqual(outcome.dataRows.map(\.strings), [["D1", "adverse"]])
    }

    func testAHeaderOnTheFirstLineHasNoTitles() throws {
        let outcome = try CSVReadHarness.read("decision_id,outcome\nD1,adverse\n")
        XCTAssertEqual(outcome.summary.linesAboveHeader, [])
        XCTAssertEqual(outcome.header?.line, 1)
        XCTAssertEqual(outcome.dataRows.count, 1)
    }

    func testATitleQuoteRunningIntoTheHeaderLosesNoRow() throws {
        // The header is said to be on line 2, but a quote opened in the title runs on to it:
        // the title row reaches the header's line, so it is read as the header, and every
        // line after it stays a row.
        var options = ReaderOptions()
        options.headerLine = 2
        let outcome = try CSVReadHarness.read("\"Report\nstill the title\",x\ndecision_id,outcome\nD1,adverse\nD2,favorable\n", options: options)
        XCTAssertEqual(outcome.summary.linesAboveHeader, [])
        XCTAssertEqual(outcome.header?.line, 1)
        XCTAssertEqual(outcome.header?.endLine, 2)
        XCTAssertEqual(outcome.dataRows.map(\.line), [3, 4, 5])
        XCTAssertEqual(outcome.dataRows.last?.strings, ["D2", "favorable"])
    }

    func testAnUnclosedQuoteInATitleLosesNoRow() throws {
        // Nothing looks like a header: the first line is, and the open quote swallows the rest
        // into one damaged row that is still handed over (and rejected), never dropped.
        let outcome = try CSVReadHarness.read("\"Report 2025\ndecision_id,outcome\nD1,adverse\n")
        XCTAssertEqual(outcome.summary.linesAboveHeader, [])
        XCTAssertEqual(outcome.rows.count, 1)
        XCTAssertEqual(outcome.rows.first?.defect, .unterminatedQuote)
        XCTAssertEqual(outcome.rows.first?.endLine, 3)
    }

    func testAGivenHeaderLineMakesTheLinesAboveTitles() throws {
        var options = ReaderOptions()
        options.headerLine = 3
        let outcome = try CSVReadHarness.read("Report,2025-07-01\nSite,All\ndecision_id,outcome\nD1,adverse\n", options: options)
        XCTAssertEqual(outcome.header?.strings, ["decision_id", "outcome"])
        XCTAssertEqual(outcome.summary.linesAboveHeader.map(\.text), ["Report 2025-07-01", "Site All"])
        XCTAssertEqual(outcome.summary.linesAboveHeader.map(\.values), [2, 2], "two values: the report says it looks like data")
        XCTAssertEqual(outcome.dataRows.map(\.line), [4])
    }
}
