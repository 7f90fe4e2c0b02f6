import XCTest
@testable import AdmAudit

/// The day an export was taken, read from the title lines above its header (`ExportDate`).
final class ExportDateTests: XCTestCase {
    private func date(_ lines: [String]) -> String? { ExportDate.find(in: lines)?.date.description }

    func testDatesAfterAnExportWord() {
        XCTAssertEqual(date(["导出时间：2026年11月28日 17:42　导出人：hr_zhangl"]), "2026-11-28")
        XCTAssertEqual(date(["Exported on 2026-03-05 by admin"]), "2026-03-05")
        XCTAssertEqual(date(["Report generated: 2026/3/5 09:00"]), "2026-03-05")
        XCTAssertEqual(date(["生成日期 2026.1.9"]), "2026-01-09")
        XCTAssertEqual(date(["标题", "打印时间：２０２６年３月５日"]), "2026-03-05", "full-width digits are digits")
    }

    func testOnlyADateThatFollowsAnExportWordCounts() {
        XCTAssertNil(date(["数据范围：2026/1/1至2026/11/27"]), "a period is not the export date")
        XCTAssertNil(date(["员工处理记录 2026-11-28"]))
        XCTAssertEqual(date(["数据范围：2026/1/1至2026/11/27　导出时间：2026-11-28"]), "2026-11-28")
    }

    func testOnlyYearFirstValidDates() {
        XCTAssertNil(date(["Exported 03/05/2026"]), "day and month could be either way round")
        XCTAssertNil(date(["导出时间：2026-02-30"]), "no such day")
        XCTAssertNil(date(["导出时间：2026-1-"]))
        XCTAssertNil(date(["导出时间：12026-01-01"]), "a fifth digit makes it no year")
        XCTAssertNil(date(["导出时间：2026-01/05"]), "the separators must agree")
        XCTAssertNil(date(["导出时间：" + String(repeating: "9", count: 100)]))
        XCTAssertNil(date([]))
    }
}
