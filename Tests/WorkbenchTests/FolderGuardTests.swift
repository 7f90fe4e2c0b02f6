import AdmAuditWorkbench
import Foundation
import XCTest

/// No name from the browser reaches a file outside the served folder.
final class FolderGuardTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("guard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try "a,b\n1,2\n".write(to: root.appendingPathComponent("export.csv"), atomically: true, encoding: .utf8)
        try "x".write(to: root.appendingPathComponent("sub/inner.csv"), atomically: true, encoding: .utf8)
        try "admaudit: 1\n".write(to: root.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
        try "hidden".write(to: root.appendingPathComponent(".hidden.csv"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("out.csv").path, withDestinationPath: "/etc/passwd")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("alias.csv").path, withDestinationPath: "export.csv")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    func testFilesInTheFolderAreFound() throws {
        let folder = try FolderGuard(folder: root.path)
        XCTAssertEqual(try folder.file("export.csv"), folder.root + "/export.csv")
        XCTAssertEqual(try folder.file("sub/inner.csv"), folder.root + "/sub/inner.csv")
        XCTAssertEqual(try folder.file("alias.csv"), folder.root + "/export.csv", "a link inside the folder is followed")
    }

    func testNamesThatLeaveTheFolderAreRefused() throws {
        let folder = try FolderGuard(folder: root.path)
        for name in ["../export.csv", "sub/../../etc/passwd", "/etc/passwd", "out.csv", "..", ".", "", "sub/", "a\\b.csv",
                     "export.csv\u{0}", "sub//inner.csv", "./export.csv", String(repeating: "a/", count: 600)] {
            XCTAssertThrowsError(try folder.file(name), name)
        }
        XCTAssertThrowsError(try folder.file("sub"), "a folder is not a file")
        XCTAssertEqual(mkfifo(root.appendingPathComponent("fifo.csv").path, 0o600), 0)
        XCTAssertThrowsError(try folder.file("fifo.csv"), "a FIFO would block the reading")
        XCTAssertFalse(folder.listed().exports.contains("fifo.csv"))
        XCTAssertThrowsError(try folder.file("missing.csv"))
    }

    func testTheListingHoldsExportsAndPipelinesOnly() throws {
        let folder = try FolderGuard(folder: root.path)
        let listed = folder.listed()
        XCTAssertEqual(listed.exports, ["alias.csv", "export.csv"], "no hidden file, no link out, no subfolder")
        XCTAssertEqual(listed.pipelines, ["p.yaml"])
    }

    func testAMissingFolderIsRefused() {
        XCTAssertThrowsError(try FolderGuard(folder: root.appendingPathComponent("nowhere").path))
        XCTAssertThrowsError(try FolderGuard(folder: root.appendingPathComponent("export.csv").path))
    }
}
