import Foundation
import XCTest

/// An export piped in (`cat export.csv | admaudit run -`, `/dev/stdin`, a named FIFO) is read
/// once and audited as the file itself would be: before, the default pseudonym key read the
/// stream's start first, so the audit saw 0 rows or hung on a FIFO.
final class StreamInputTests: BinaryTestCase {
    private let export = AdmAuditBinary.root.appendingPathComponent("fixtures/sample/decisions_en.csv").path
    private let pipeline = AdmAuditBinary.root.appendingPathComponent("pipelines/self-assessment.yaml").path

    /// Runs admaudit with `input` on its standard input, and TMPDIR inside the work folder.
    private func run(_ arguments: [String], stdin input: String) throws -> (status: Int32, err: String) {
        let process = Process()
        process.executableURL = AdmAuditBinary.url
        process.arguments = arguments
        process.currentDirectoryURL = work
        process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": temporaryFolder.path]) { $1 }
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: input))
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    private var temporaryFolder: URL { work.appendingPathComponent("tmp") }

    override func setUpWithError() throws {
        try super.setUpWithError()
        try FileManager.default.createDirectory(at: temporaryFolder, withIntermediateDirectories: true)
    }

    /// The findings and the input's counts and hash, as report.json gives them.
    private func outcome(_ folder: String) throws -> (findings: String, input: [String: Any]) {
        let findings = try String(contentsOfFile: work.appendingPathComponent(folder + "/findings.csv").path, encoding: .utf8)
        let report = try AdmAuditBinary.json(work.appendingPathComponent(folder + "/report.json").path)
        return (findings.replacingOccurrences(of: export, with: "INPUT"), try XCTUnwrap((report["inputs"] as? [[String: Any]])?.first))
    }

    func testAPipedExportIsAuditedAsTheFileIs() throws {
        let key = ["ADMAUDIT_PSEUDONYM_KEY": "stream-test"]
        let file = try AdmAuditBinary.run(["run", "-p", pipeline, "-o", "file", "--as-of", "2025-06-30", export], in: work, environment: key)
        XCTAssertEqual(file.status, 0, file.err)
        let expected = try outcome("file")
        XCTAssertEqual(expected.input["rows_read"] as? Int, 40)

        setenv("ADMAUDIT_PSEUDONYM_KEY", "stream-test", 1)
        defer { unsetenv("ADMAUDIT_PSEUDONYM_KEY") }
        for name in ["-", "/dev/stdin"] {
            let piped = try run(["run", "-p", pipeline, "-o", "piped", "--as-of", "2025-06-30", name], stdin: export)
            XCTAssertEqual(piped.status, 0, piped.err)
            let got = try outcome("piped")
            XCTAssertEqual(got.input["rows_read"] as? Int, 40, name)
            XCTAssertEqual(got.input["sha256"] as? String, expected.input["sha256"] as? String, "\(name): the hash of the bytes that came through")
            XCTAssertEqual(got.input["file"] as? String, name, "reports name the input as given")
            // findings.csv guards a cell that starts with `-` as a spreadsheet formula would (`'-`).
            let named = got.findings.replacingOccurrences(of: name == "-" ? ",'-," : ",\(name),", with: ",INPUT,")
            XCTAssertEqual(named, expected.findings, name)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temporaryFolder.path), [], "the stream's copy is gone")
    }

    /// More than the MiB the default pseudonym key once read ahead, with no key given: the
    /// stream's data rows all audited (none taken as the header), the file's findings, the
    /// same pseudonyms (the key comes from the same bytes).
    func testALargePipedExportWithNoKeyIsAuditedAsTheFileIs() throws {
        XCTAssertNil(ProcessInfo.processInfo.environment["ADMAUDIT_PSEUDONYM_KEY"])
        var text = "decision_id,employee_id,decision_type,outcome,automated,human_reviewed,decided_at,sex\n"
        for i in 0..<30_000 {
            text += "D\(i),E\(i % 997),dismissal,\(i % 3 == 0 ? "adverse" : "favorable"),yes,\(i % 7 == 0 ? "no" : "yes"),2025-03-\(10 + i % 18),\(i % 2 == 0 ? "female" : "male")\n"
        }
        let big = work.appendingPathComponent("big.csv").path
        try text.write(toFile: big, atomically: true, encoding: .utf8)
        XCTAssertGreaterThan(text.utf8.count, 1 << 20)
        let file = try AdmAuditBinary.run(["run", "-p", pipeline, "-o", "file", "--as-of", "2025-06-30", big], in: work)
        XCTAssertEqual(file.status, 0, file.err)
        let piped = try run(["run", "-p", pipeline, "-o", "piped", "--as-of", "2025-06-30", "-"], stdin: big)
        XCTAssertEqual(piped.status, 0, piped.err)
        let report = { (folder: String) throws -> [String: Any] in
            try XCTUnwrap((try AdmAuditBinary.json(self.work.appendingPathComponent(folder + "/report.json").path)["inputs"] as? [[String: Any]])?.first)
        }
        let (fromFile, fromStream) = (try report("file"), try report("piped"))
        XCTAssertEqual(fromStream["rows_read"] as? Int, 30_000)
        XCTAssertEqual(fromStream["accepted"] as? Int, 30_000)
        XCTAssertEqual(fromStream["sha256"] as? String, fromFile["sha256"] as? String)
        let findings = { (folder: String, name: String) throws -> String in
            try String(contentsOfFile: self.work.appendingPathComponent(folder + "/findings.csv").path, encoding: .utf8)
                .replacingOccurrences(of: name, with: "INPUT")
        }
        XCTAssertEqual(try findings("piped", ",'-,"), try findings("file", ",\(big),"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temporaryFolder.path), [], "the stream's copy is gone")
    }

    func testAPipedExportWithNoPipelineIsInferredAndAudited() throws {
        let piped = try run(["run", "-o", "piped", "--as-of", "2025-06-30", "-"], stdin: export)
        XCTAssertEqual(piped.status, 0, piped.err)
        let got = try outcome("piped")
        XCTAssertEqual(got.input["rows_read"] as? Int, 40)
        XCTAssertEqual(got.input["accepted"] as? Int, 40)
        XCTAssertTrue(FileManager.default.fileExists(atPath: work.appendingPathComponent("piped/pipeline.yaml").path))
    }

    func testANamedFIFOIsReadOnceAndDoesNotHang() throws {
        let fifo = work.appendingPathComponent("export.fifo").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        // The writer: cat into the FIFO; it blocks until admaudit opens it for reading.
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", "cat \"$1\" > \"$2\"", "sh", export, fifo]
        try writer.run()
        let result = try AdmAuditBinary.run(["run", "-p", pipeline, "-o", "fifo", "--as-of", "2025-06-30", fifo], in: work)
        writer.waitUntilExit()
        XCTAssertEqual(result.status, 0, result.err)
        XCTAssertEqual(try outcome("fifo").input["rows_read"] as? Int, 40)
    }
}
