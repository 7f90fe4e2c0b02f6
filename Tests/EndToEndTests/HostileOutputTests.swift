import Foundation
import XCTest

/// The outputs and the command line against a hostile export and a hostile machine
/// (`fixtures/hostile/outputs`, docs/hostile-exports.md "Outputs and the command line"):
/// outputs all or nothing (a full disk, an interrupt, a second run, a folder others may
/// write), rejected rows counted by `--fail-on`, no escape sequence on the terminal, no
/// NUL or direction mark in the CSV files, a finite mean printed finite, UTF-16 without a
/// byte-order mark read.
final class HostileOutputTests: BinaryTestCase {
    private static let fixtures = AdmAuditBinary.root.appendingPathComponent("fixtures/hostile/outputs")
    private static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }
    private static let pipeline = fixture("outputs.yaml")
    private static let sample = AdmAuditBinary.root.appendingPathComponent("fixtures/sample/decisions_en.csv").path

    @discardableResult
    private func admaudit(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        try AdmAuditBinary.run(arguments, in: work, environment: ["ADMAUDIT_PSEUDONYM_KEY": "hostile-outputs"])
    }

    private func bytes(_ relative: String) throws -> Data { try Data(contentsOf: work.appendingPathComponent(relative)) }

    /// The work folder holds only what is named: no temporary folder, lock or part file.
    private func assertNothingBeside(_ expected: Set<String>, file: StaticString = #filePath, line: UInt = #line) throws {
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: work.path))
        XCTAssertEqual(names, expected, file: file, line: line)
    }

    private func assertNoPartials(in folder: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent(folder).path)
        XCTAssertFalse(names.contains { $0.hasPrefix(".") }, "\(names)", file: file, line: line)
    }

    // MARK: Outputs all or nothing

    func testAFullDiskLeavesThePreviousOutputsWholeAndNothingElse() throws {
        let first = try admaudit(["run", "-p", Self.pipeline, "-o", "out", Self.sample])
        XCTAssertEqual(first.status, 0, first.err)
        let previous = try bytes("out/report.html")
        let previousFindings = try bytes("out/findings.csv")

        // fixtures/hostile/outputs/disk-full.sh: 8 blocks of 512 bytes, less than any report.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [Self.fixture("disk-full.sh"), "8", AdmAuditBinary.url.path, "run", "-p", Self.pipeline, "-o", "out",
                             Self.fixture("rejects-39-of-40.csv")]
        process.currentDirectoryURL = work
        let err = Pipe()
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit, message)
        XCTAssertEqual(process.terminationStatus, 3, message)
        XCTAssertTrue(message.contains("cannot write"), message)
        XCTAssertTrue(message.contains("previous outputs are untouched"), message)
        XCTAssertEqual(try bytes("out/report.html"), previous)
        XCTAssertEqual(try bytes("out/findings.csv"), previousFindings)
        try assertNothingBeside(["out"])
        try assertNoPartials(in: "out")
    }

    /// A run reading a FIFO that stays open holds its output folder for as long as the test
    /// likes: a second run is refused, then a signal ends the first.
    private func runHeldOnAFIFO(signal number: Int32) throws {
        let first = try admaudit(["run", "-p", Self.pipeline, "-o", "out", Self.sample])
        XCTAssertEqual(first.status, 0, first.err)
        let previous = try bytes("out/report.md")

        let fifo = work.appendingPathComponent("export.fifo").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let process = Process()
        process.executableURL = AdmAuditBinary.url
        process.arguments = ["run", "-p", Self.pipeline, "-o", "out", fifo]
        process.currentDirectoryURL = work
        process.environment = ProcessInfo.processInfo.environment.merging(["ADMAUDIT_PSEUDONYM_KEY": "k"]) { $1 }
        let err = Pipe()
        process.standardError = err
        try process.run()
        // The writing end opens once the run reads; it reads only after taking its folder. A
        // write that finds no reader (the run looked at the FIFO and closed it) is tried again.
        signal(SIGPIPE, SIG_IGN)
        let rows = try String(contentsOfFile: Self.fixture("rejects-only-totals.csv"), encoding: .utf8)
            .split(separator: "\n").prefix(3).joined(separator: "\n") + "\n"
        var writer: Int32 = -1
        var written = false
        for _ in 0..<400 where !written {
            if writer < 0 { writer = open(fifo, O_WRONLY | O_NONBLOCK) }
            if writer >= 0 {
                written = rows.withCString { Glibc.write(writer, $0, strlen($0)) } > 0
                if !written { close(writer); writer = -1 }
            }
            if !written { usleep(25_000) }
        }
        XCTAssertTrue(written, "the run never read the FIFO")
        defer { if writer >= 0 { close(writer) } }
        XCTAssertTrue(try FileManager.default.contentsOfDirectory(atPath: work.path).contains { $0.hasPrefix(".out.admaudit-tmp-") })

        let second = try admaudit(["run", "-p", Self.pipeline, "-o", "out", Self.sample])
        XCTAssertEqual(second.status, 3, second.err)
        XCTAssertTrue(second.err.contains("another admaudit run is writing into this output folder"), second.err)

        kill(process.processIdentifier, number)
        process.waitUntilExit()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(process.terminationReason, .exit, message)
        XCTAssertEqual(process.terminationStatus, 128 + number, message)
        XCTAssertTrue(message.contains("interrupted"), message)
        XCTAssertEqual(try bytes("out/report.md"), previous)
        try assertNothingBeside(["out", "export.fifo"])
        try assertNoPartials(in: "out")

        // The folder is free again.
        let third = try admaudit(["run", "-p", Self.pipeline, "-o", "out", Self.sample])
        XCTAssertEqual(third.status, 0, third.err)
    }

    func testSIGINTLeavesThePreviousOutputsAndNoTemporaryFiles() throws {
        try runHeldOnAFIFO(signal: SIGINT)
    }

    func testSIGTERMLeavesThePreviousOutputsAndNoTemporaryFiles() throws {
        try runHeldOnAFIFO(signal: SIGTERM)
    }

    func testAFolderOthersMayWriteIsRefused() throws {
        let open = work.appendingPathComponent("open").path
        try FileManager.default.createDirectory(atPath: open, withIntermediateDirectories: false)
        chmod(open, 0o777)
        let refused = try admaudit(["run", "-p", Self.pipeline, "-o", "open", Self.sample])
        XCTAssertEqual(refused.status, 2, refused.err)
        XCTAssertTrue(refused.err.contains("other users may write into the output folder (mode 0777)"), refused.err)
        XCTAssertTrue(refused.err.contains("hint:"), refused.err)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: open), [])
        // A new folder inside a folder others may write (not sticky): refused too.
        let inside = try admaudit(["run", "-p", Self.pipeline, "-o", "open/out", Self.sample])
        XCTAssertEqual(inside.status, 2, inside.err)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: open), [])
    }

    func testAFolderHoldingOtherFilesOrAnInputIsRefused() throws {
        let out = work.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: false)
        try Data("mine".utf8).write(to: out.appendingPathComponent("notes.txt"))
        let refused = try admaudit(["run", "-p", Self.pipeline, "-o", "out", Self.sample])
        XCTAssertEqual(refused.status, 2, refused.err)
        XCTAssertTrue(refused.err.contains("notes.txt"), refused.err)
        XCTAssertEqual(try bytes("out/notes.txt"), Data("mine".utf8))

        // An export inside the output folder, under any name, is an input a swap would delete.
        try FileManager.default.copyItem(atPath: Self.sample, toPath: out.appendingPathComponent("report.md").path)
        try FileManager.default.removeItem(at: out.appendingPathComponent("notes.txt"))
        let input = try admaudit(["run", "-p", Self.pipeline, "-o", "out", "out/report.md"])
        XCTAssertEqual(input.status, 2, input.err)
        XCTAssertTrue(input.err.contains("would be overwritten"), input.err)
    }

    func testMergeSaveStateNeverOverwritesAShardsOwnState() throws {
        let shards = AdmAuditBinary.root.appendingPathComponent("fixtures/shards")
        let pipeline = shards.appendingPathComponent("shards.yaml").path
        for k in 1...2 {
            let shard = try admaudit(["run", "--save-state", "-p", pipeline, "-o", "shard\(k)", "--as-of", "2025-07-31",
                                      shards.appendingPathComponent("shard_\(k).csv").path])
            XCTAssertEqual(shard.status, 0, shard.err)
        }
        let state = try bytes("shard1/state.json")
        let merged = try admaudit(["merge", "--save-state", "-p", pipeline, "-o", "shard1", "shard1/state.json", "shard2/state.json"])
        XCTAssertEqual(merged.status, 2, merged.err)
        XCTAssertTrue(merged.err.contains("shard1/state.json would be overwritten"), merged.err)
        XCTAssertEqual(try bytes("shard1/state.json"), state)
        let elsewhere = try admaudit(["merge", "--save-state", "-p", pipeline, "-o", "merged", "shard1/state.json", "shard2/state.json"])
        XCTAssertEqual(elsewhere.status, 0, elsewhere.err)
    }

    func testTheOutputFoldersOwnPipelineIsKeptOnARerun() throws {
        let inferred = try admaudit(["run", "-o", "out", "--as-of", "2025-06-30", Self.sample])
        XCTAssertEqual(inferred.status, 0, inferred.err)
        let pipeline = try bytes("out/pipeline.yaml")
        let rerun = try admaudit(["run", "-p", "out/pipeline.yaml", "-o", "out", "--as-of", "2025-06-30", Self.sample])
        XCTAssertEqual(rerun.status, 0, rerun.err)
        XCTAssertEqual(try bytes("out/pipeline.yaml"), pipeline)
        let report = try AdmAuditBinary.json(work.appendingPathComponent("out/report.json").path)
        XCTAssertEqual((report["pipeline"] as? [String: Any])?["file"] as? String, "out/pipeline.yaml")
        try assertNothingBeside(["out"])
    }

    // MARK: Rejects count against the audit

    func testRejectedRowsFailTheAuditWhenTheyCouldHaveFailedIt() throws {
        let rejected = try admaudit(["run", "-p", Self.pipeline, "-o", "out", "--fail-on", "error", Self.fixture("rejects-39-of-40.csv")])
        XCTAssertEqual(rejected.status, 1, rejected.err)
        XCTAssertTrue(rejected.err.contains("exit 1 (--fail-on error): 39 rejected row(s) that may be decisions count as error findings"), rejected.err)
        // A totals row is not a decision; the compliant rows pass.
        let totals = try admaudit(["run", "-p", Self.pipeline, "-o", "totals", "--fail-on", "error", Self.fixture("rejects-only-totals.csv")])
        XCTAssertEqual(totals.status, 0, totals.err)
        XCTAssertFalse(totals.err.contains("exit 1"), totals.err)
    }

    /// Every row rejected (a rider export whose outcomes no vocabulary knew): the reports say
    /// why, and the run ends with exit 3 as for an input rejected as a whole, not 0 as if it
    /// had audited anything. A single totals row rejected is no such input.
    func testAnInputWhoseEveryRowIsRejectedExitsThree() throws {
        let file = work.appendingPathComponent("every-row-rejected.csv")
        try Data("""
            decision_id,employee_id,decision_type,outcome,score,decided_at,human_reviewed,explanation_given,appeal_offered,sex
            D001,E001,dismissal,adverse,0.5,next Tuesday,no,yes,yes,female
            D002,E002,dismissal,adverse,0.5,soon,no,yes,yes,male

            """.utf8).write(to: file)
        let run = try admaudit(["run", "-p", Self.pipeline, "-o", "all-rejected", file.path])
        XCTAssertEqual(run.status, 3, run.err)
        XCTAssertTrue(run.err.contains("every row was rejected, so nothing in it was audited; rejects.csv gives each row's reason"), run.err)
        XCTAssertEqual(try AdmAuditBinary.csv(work.appendingPathComponent("all-rejected/rejects.csv").path).count, 3)
        let totals = try admaudit(["run", "-p", Self.pipeline, "-o", "only-totals", Self.fixture("rejects-only-totals.csv")])
        XCTAssertEqual(totals.status, 0, totals.err)
    }

    /// A header and no row, or no byte at all: every check reads "n/a" as on a clean run, so
    /// the run says nothing was audited and exits 3, after writing the reports. A shard's
    /// state may be empty, to be merged with the others: with --save-state it exits 0.
    func testAnInputWithNoRowExitsThree() throws {
        let header = work.appendingPathComponent("header-only.csv")
        try Data("decision_id,employee_id,decision_type,outcome,score,decided_at,human_reviewed,explanation_given,appeal_offered,sex\n".utf8)
            .write(to: header)
        let empty = work.appendingPathComponent("empty.csv")
        try Data().write(to: empty)
        for (file, folder) in [(header, "header-only"), (empty, "empty")] {
            let run = try admaudit(["run", "-p", Self.pipeline, "-o", folder, file.path])
            XCTAssertEqual(run.status, 3, run.err)
            XCTAssertTrue(run.err.contains("no row of the input holds a decision"), run.err)
            XCTAssertTrue(FileManager.default.fileExists(atPath: work.appendingPathComponent("\(folder)/report.md").path))
            let shard = try admaudit(["run", "-p", Self.pipeline, "-o", folder + "-shard", "--save-state", file.path])
            XCTAssertEqual(shard.status, 0, shard.err)
        }
    }

    // MARK: Terminal escaping

    private static func assertSafe(_ text: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let unsafe = text.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value)
            || [0x200E, 0x200F, 0x2028, 0x2029].contains($0.value) || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }
        XCTAssertEqual(unsafe.map { String($0.value, radix: 16) }, [], "\(what): \(text)", file: file, line: line)
    }

    func testNoEscapeSequenceOrDirectionMarkReachesTheTerminal() throws {
        let escapes = Self.fixture("terminal-escapes.csv")
        let validate = try admaudit(["validate", "-p", Self.pipeline, escapes])
        XCTAssertEqual(validate.status, 0, validate.err)
        Self.assertSafe(validate.out, "validate")
        Self.assertSafe(validate.err, "validate stderr")
        XCTAssertTrue(validate.out.contains("note[U+001B][2J[U+202E]"), validate.out)
        XCTAssertTrue(validate.out.contains("'line[U+000A]break'"), validate.out)

        let initialised = try admaudit(["init", escapes])
        XCTAssertEqual(initialised.status, 0, initialised.err)
        Self.assertSafe(initialised.err, "init stderr")
        XCTAssertFalse(initialised.out.unicodeScalars.contains { $0.value == 0x1B }, "init's YAML escapes ESC")

        let run = try admaudit(["run", "-p", Self.pipeline, "-o", "out", escapes])
        Self.assertSafe(run.err, "run")

        // A pipeline naming the decision id's column, which the header lacks (without one named,
        // the rows would be read by line): the error quotes the header's cells.
        let namingTheID = work.appendingPathComponent("names-the-id.yaml")
        try "admaudit: 1\ncolumns:\n  decision_id: [decision_id]\n".write(to: namingTheID, atomically: true, encoding: .utf8)
        let missing = try admaudit(["run", "-p", namingTheID.path, "-o", "missing", Self.fixture("terminal-missing-column.csv")])
        XCTAssertEqual(missing.status, 3, missing.err)
        Self.assertSafe(missing.err, "missing column")
        XCTAssertTrue(missing.err.contains("id[U+001B][2J[U+001B][H"), missing.err)
        XCTAssertTrue(missing.err.contains("fake[U+000A]admaudit: 0 findings"), "a header cannot fake a line: \(missing.err)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("missing").path), "a failed run writes nothing")
    }

    // MARK: CSV outputs, numbers, encodings

    func testNoNULOrDirectionMarkReachesTheCSVFiles() throws {
        let run = try admaudit(["run", "-p", Self.pipeline, "-o", "out", Self.fixture("nul-bidi-cells.csv")])
        XCTAssertEqual(run.status, 0, run.err)
        for name in ["findings.csv", "rejects.csv"] {
            let data = try bytes("out/" + name)
            XCTAssertFalse(data.contains(0), name)
            let text = String(decoding: data, as: UTF8.self)
            XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x202E || (0x2066...0x2069).contains($0.value) }, name)
            for row in try AdmAuditBinary.csv(work.appendingPathComponent("out/" + name).path) {
                XCTAssertEqual(row.count, name == "findings.csv" ? 11 : 6, "\(name): \(row)")
            }
        }
        let findings = String(decoding: try bytes("out/findings.csv"), as: UTF8.self)
        XCTAssertTrue(findings.contains("D1[U+0000]hidden,"), findings)
        XCTAssertTrue(findings.contains("[U+202E]D2cod.exe,"), findings)
        XCTAssertTrue(findings.contains("D3[U+2066]x[U+2069],"), findings)
        XCTAssertTrue(String(decoding: try bytes("out/rejects.csv"), as: UTF8.self).contains("never[U+0000]"))
    }

    func testAFiniteMeanPrintsFinite() throws {
        let run = try admaudit(["run", "-p", Self.pipeline, "-o", "out", Self.fixture("huge-scores.csv")])
        XCTAssertEqual(run.status, 0, run.err)
        for name in ["report.md", "report.html"] {
            let text = String(decoding: try bytes("out/" + name), as: UTF8.self)
            XCTAssertFalse(text.contains("inf.") || text.contains("e+308.0000"), name)
            XCTAssertTrue(text.contains("1.0000e+308") && text.contains("1.5000e+308"), name)
        }
        let report = try AdmAuditBinary.json(work.appendingPathComponent("out/report.json").path)
        let groups = ((report["scores"] as? [[String: Any]])?.first?["groups"] as? [[String: Any]]) ?? []
        XCTAssertEqual(Set(groups.compactMap { $0["mean"] as? Double }), [1e308, 1.5e308])
    }

    func testUTF16WithoutAByteOrderMarkIsRead() throws {
        for (name, encoding) in [("utf16le-no-bom.csv", "utf-16le"), ("utf16be-no-bom.csv", "utf-16be")] {
            let run = try admaudit(["run", "-p", Self.pipeline, "-o", encoding, Self.fixture(name)])
            XCTAssertEqual(run.status, 0, run.err)
            XCTAssertTrue(run.err.contains("2 rows read = 2 accepted + 0 rejected, reconciled [\(encoding)]"), run.err)
            Self.assertSafe(run.err, name)
            // 女 and 男 read right: the built-in vocabulary knows them as female and male.
            let report = String(decoding: try bytes(encoding + "/report.json"), as: UTF8.self)
            XCTAssertTrue(report.contains("\"group\": \"female\"") && report.contains("\"group\": \"male\""), report)
        }
    }
}
