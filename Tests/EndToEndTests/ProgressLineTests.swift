import Foundation
import XCTest

/// `run`'s progress line: drawn on a terminal (a pseudo-terminal made by `script`), and
/// cleared before the summary; nothing of it when stderr is a pipe or a file.
final class ProgressLineTests: XCTestCase {
    private func export(rows: Int) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        var csv = "decision_id,decision_type,outcome,automated,human_reviewed,sex\n"
        for row in 0..<rows { csv += "D\(row),dismissal,\(row % 3 == 0 ? "adverse" : "favorable"),yes,\(row % 2 == 0 ? "no" : "yes"),\(row % 2 == 0 ? "f" : "m")\n" }
        csv += "D0,dismissal,adverse,yes,no,f\n"  // a duplicate: one reject
        try csv.write(to: folder.appendingPathComponent("export.csv"), atomically: true, encoding: .utf8)
        return folder
    }

    func testTheLineIsDrawnOnATerminalAndClearedBeforeTheSummary() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("script (util-linux) is not installed") }
        let folder = try export(rows: 20_000)
        let command = "ADMAUDIT_PROGRESS_AFTER=0 '\(AdmAuditBinary.url.path)' run -o out export.csv"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        process.currentDirectoryURL = folder
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, text)
        // Drawn, then cleared (carriage return, erase to the end of the line) before the summary.
        let cleared = try XCTUnwrap(text.range(of: "\r\u{1B}[K", options: .backwards))
        let (drawn, after) = (text[..<cleared.lowerBound], text[cleared.upperBound...])
        XCTAssertTrue(drawn.contains(" rows · ") && drawn.contains(" rejected · "), String(drawn.suffix(200)).debugDescription)
        XCTAssertFalse(after.contains(" rows · "), "nothing of the line after it is cleared")
        XCTAssertTrue(after.contains("export.csv: 20002 lines = 1 header + 20001 rows"), String(after.prefix(400)))
    }

    func testNothingOfItReachesAPipe() throws {
        let folder = try export(rows: 2_000)
        let (status, _, err) = try AdmAuditBinary.run(["run", "-o", "out", "export.csv"], in: folder, environment: ["ADMAUDIT_PROGRESS_AFTER": "0"])
        XCTAssertEqual(status, 0, err)
        XCTAssertFalse(err.contains(" rows · "), err)
        XCTAssertFalse(err.contains("\u{1B}"), err)
    }
}
