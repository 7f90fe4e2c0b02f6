@testable import AdmAudit
import XCTest

/// `FilePieces` hands over a file's bytes in order, a mebibyte at a time, up to a limit.
final class FilePiecesTests: XCTestCase {
    func testThePiecesAreTheFileUpToTheLimit() throws {
        let text = String(repeating: "decision,worker\r\n", count: 150_000)  // 2.55 MB: three pieces
        let path = TestSupport.temporaryFile(text)
        var pieces: [Int] = []
        var bytes: [UInt8] = []
        let whole = try FilePieces.read(path: path, name: "export.csv") { pieces.append($0.count); bytes += $0 }
        XCTAssertEqual(whole, text.utf8.count)
        XCTAssertEqual(bytes, Array(text.utf8))
        XCTAssertEqual(pieces, [1 << 20, 1 << 20, text.utf8.count - 2 << 20])

        bytes = []
        XCTAssertEqual(try FilePieces.read(path: path, name: "export.csv", upTo: (1 << 20) + 5) { bytes += $0 }, (1 << 20) + 5)
        XCTAssertEqual(bytes, Array(text.utf8.prefix((1 << 20) + 5)))
        // A limit past the end reads what there is.
        XCTAssertEqual(try FilePieces.read(path: path, name: "export.csv", upTo: 1 << 30) { _ in }, text.utf8.count)
        XCTAssertEqual(FileSplitter.lineEnds(path: path, upTo: text.utf8.count), 150_000)
        XCTAssertNil(FileSplitter.lineEnds(path: path, upTo: text.utf8.count + 1), "the file is shorter than the cut")
    }

    func testAMissingFileIsNamedAsGiven() {
        XCTAssertThrowsError(try FilePieces.read(path: "/nonexistent/admaudit.csv", name: "export.csv") { _ in }) { error in
            XCTAssertEqual((error as? AuditError)?.file, "export.csv")
        }
    }
}
