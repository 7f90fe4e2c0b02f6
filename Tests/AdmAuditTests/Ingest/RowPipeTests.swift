import Foundation
import XCTest
@testable import AdmAudit

/// The reader hands rows from its parsing thread over in batches: order, lines and
/// stopping must not depend on where a batch ends.
final class RowPipeTests: XCTestCase {
    /// 20,000 rows of varying size cross several batches (4,096 rows or 2 MiB each).
    private func manyRows() -> (text: String, count: Int) {
        var text = "id,note\n"
        for i in 1...20_000 {
            let note = i % 1000 == 0 ? "\"two\nlines\"" : String(repeating: "x", count: i % 300)
            text += "R\(i),\(note)\n"
        }
        return (text, 20_000)
    }

    func testRowsArriveInOrderWithTheirLinesAcrossBatches() throws {
        let (text, count) = manyRows()
        let outcome = try CSVReadHarness.read(text)
        XCTAssertEqual(outcome.dataRows.count, count)
        var expectedLine = 2
        for (index, row) in outcome.dataRows.enumerated() {
            XCTAssertEqual(row.ordinal, index + 1)
            XCTAssertEqual(row.strings.first, "R\(index + 1)")
            XCTAssertEqual(row.line, expectedLine, "row \(index + 1)")
            expectedLine = row.endLine + 1
        }
        XCTAssertEqual(outcome.summary.lines, count + 1 + count / 1000)
    }

    func testStoppingInTheMiddleDeliversNothingAfterwards() throws {
        let path = CSVReadHarness.temporaryFile(Array(manyRows().text.utf8))
        var seen: [Int] = []
        try CSVReader(path: path).read { row in
            seen.append(row.ordinal)
            return row.ordinal < 5_000
        }
        XCTAssertEqual(seen, Array(0...5_000))
    }

    /// Without a parsing thread (`parsesOnItsOwnThread` false: a run on one core) the
    /// reader gives the same rows, lines, defects and summary, on every
    /// malformed and hostile fixture and across batches.
    func testReadingOnTheCallingThreadGivesWhatThePipeGives() throws {
        let manyRowsFile = CSVReadHarness.temporaryFile(Array(manyRows().text.utf8))
        defer { try? FileManager.default.removeItem(atPath: manyRowsFile) }
        let folders = ["malformed", "hostile", "hostile/stray-quote", "exports/06-hostile-hr-platform"]
        var paths = [manyRowsFile]
        for folder in folders {
            let root = CSVReadHarness.fixture(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
            paths += names.filter { $0.hasSuffix(".csv") || $0.hasSuffix(".tsv") }.sorted().map { root + "/" + $0 }
        }
        XCTAssertGreaterThan(paths.count, 20)
        var inline = ReaderOptions()
        inline.parsesOnItsOwnThread = false
        for path in paths {
            let piped = try CSVReadHarness.read(path: path)
            let direct = try CSVReadHarness.read(path: path, options: inline)
            XCTAssertEqual(direct.rows, piped.rows, path)
            XCTAssertEqual(direct.summary, piped.summary, path)
        }

        var seen: [Int] = []
        try CSVReader(path: manyRowsFile, options: inline).read { row in
            seen.append(row.ordinal)
            return row.ordinal < 5_000
        }
        XCTAssertEqual(seen, Array(0...5_000))
    }

    func testARowLargerThanABatchTargetStillGoesThrough() throws {
        var options = ReaderOptions()
        options.maxFieldBytes = 4 << 20
        options.maxRowBytes = 4 << 20
        let big = String(repeating: "y", count: 3 << 20)
        let outcome = try CSVReadHarness.read("id,note\nA,small\nB,\(big)\nC,small\n", options: options)
        XCTAssertEqual(outcome.dataRows.map { $0.strings.first }, ["A", "B", "C"])
        XCTAssertEqual(outcome.dataRows[1].strings.last?.count, 3 << 20)
        XCTAssertNil(outcome.dataRows[1].defect)
    }
}
