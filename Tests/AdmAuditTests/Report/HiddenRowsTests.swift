import XCTest
@testable import AdmAudit

/// The alarm every summary opens with when rejected rows could hide violations
/// (`InputSummary.mayHideViolations`, `ReportText.hiddenRows`).
final class HiddenRowsTests: XCTestCase {
    private let header = "decision_id,decision_type,outcome,decided_at\n"

    private func rows(_ count: Int, from start: Int = 1) -> String {
        (start..<(start + count)).map { "D\($0),discipline,favorable,2025-03-0\($0 % 9 + 1) 10:00\n" }.joined()
    }

    private func alarm(_ csv: String, language: ReportLanguage = .en, maxFieldBytes: Int? = nil) throws -> (InputSummary, [String]) {
        var pipeline = try TestSupport.pipeline(TestSupport.plainPipeline)
        pipeline.report.language = language
        if let maxFieldBytes { pipeline.input.maxFieldBytes = maxFieldBytes }
        let (result, _) = try TestSupport.audit([TestSupport.temporaryFile(csv)], pipeline: pipeline)
        return (try XCTUnwrap(result.inputs.first), ReportText(language: language).hiddenRows(result))
    }

    func testACleanExportRaisesNoAlarm() throws {
        let (input, lines) = try alarm(header + rows(20))
        XCTAssertFalse(input.mayHideViolations)
        XCTAssertEqual(lines, [])
    }

    func testMoreThanOnePercentRejectedRaisesIt() throws {
        let (input, lines) = try alarm(header + rows(20) + "D99,discipline,maybe,2025-03-01 10:00\n")
        XCTAssertTrue(input.mayHideViolations)
        XCTAssertEqual(input.rejectedDecisions, 1)
        XCTAssertTrue(lines.first?.contains("1 of 21 rows (4.8%) were rejected and audited by no check") ?? false, "\(lines)")
        XCTAssertTrue(lines.contains { $0.contains("unknown_value ×1") }, "\(lines)")
        XCTAssertTrue(lines.last?.contains("HR-01") ?? false, "the checks that could not see the rows: \(lines)")
    }

    func testOneAdverseRowRaisesItUnderOnePercent() throws {
        // 1 rejected of 201: 0.5 %, but it reads as a dismissal.
        let (input, lines) = try alarm(header + rows(200) + "D999,dismissal,adverse,2025-02-30 10:00\n")
        XCTAssertLessThan(input.rejectedShare, InputSummary.rejectedShareAlarm)
        XCTAssertEqual(input.rejectedAdverse, 1)
        XCTAssertTrue(input.mayHideViolations)
        XCTAssertTrue(lines.first?.contains("1 of them may be adverse decisions") ?? false, "\(lines)")
    }

    func testATotalsRowOrARepeatedHeaderHidesNothing() throws {
        let (input, lines) = try alarm(header + rows(20) + "decision_id,decision_type,outcome,decided_at\n合计,,,\n")
        XCTAssertEqual(input.rejected, 2)
        XCTAssertEqual(input.rejectedDecisions, 0)
        XCTAssertFalse(input.mayHideViolations)
        XCTAssertEqual(lines, [])
    }

    func testLinesSwallowedByAnOpenQuoteAreCountedAndSaid() throws {
        // Past the field limit the swallowed text is not kept, so its lines cannot be read again.
        let csv = header + rows(20) + "D50,\"discipline,adverse,2025-03-01 10:00\n" + rows(3, from: 60)
        let (input, lines) = try alarm(csv, maxFieldBytes: 64)
        XCTAssertEqual(input.rejected, 1, "the open quote makes the rest of the file one row")
        XCTAssertEqual(input.rejectedLines, 4)
        XCTAssertEqual(input.swallowedLines, 3)
        XCTAssertTrue(lines.contains { $0.contains("swallowed 3 lines after it") }, "\(lines)")
        let (_, chinese) = try alarm(csv, language: .zh, maxFieldBytes: 64)
        XCTAssertTrue(chinese.contains { $0.contains("吞并了其后的 3 行") }, "\(chinese)")
    }

    func testLinesAnOpenQuoteSwallowedAreReadAgainWhenKept() throws {
        let csv = header + rows(20) + "D50,\"discipline,adverse,2025-03-01 10:00\n" + rows(3, from: 60)
        let (input, lines) = try alarm(csv)
        XCTAssertEqual(input.rowsRead, 24)
        XCTAssertEqual(input.rejected, 0)
        XCTAssertEqual(input.quoteRepairs, 1)
        XCTAssertFalse(input.mayHideViolations)
        XCTAssertEqual(lines, [])
    }
}
