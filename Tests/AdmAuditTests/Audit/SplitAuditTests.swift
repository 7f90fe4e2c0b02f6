import Foundation
import XCTest
@testable import AdmAudit

/// A file cut in two and audited on two cores gives, byte for byte, the outputs of a run in
/// one piece; when the cut cannot be trusted the run falls back to one piece.
final class SplitAuditTests: XCTestCase {
    /// One pipeline file for both runs of a comparison: the report names it.
    private static let sexPipeline = TestSupport.temporaryFile(TestSupport.exactPipeline(attributes: ["sex: [sex]"]), name: "sex.yaml")

    /// Every single-input fixture run, split wherever it can be (threshold 1 byte).
    private var runs: [FixtureRun] {
        var runs = FixtureRun.shippedPipelinesOverTheSamples + FixtureRun.scenarios + FixtureRun.malformed
            + [.planted, .toiletBreaks, .compas]
        runs.append(FixtureRun(name: "shards whole", inputs: ["fixtures/shards/whole.csv"], pipeline: .file("fixtures/shards/shards.yaml"),
                               asOf: "2025-07-31"))
        runs.append(FixtureRun(name: "ll144", inputs: ["fixtures/ll144/applicants.csv"], pipeline: .file("pipelines/nyc-ll144.yaml")))
        runs.append(FixtureRun(name: "hostile", inputs: ["fixtures/hostile/hostile.csv"], pipeline: .file("fixtures/hostile/hostile.yaml")))
        return runs.filter { $0.inputsExist }
    }

    func testEverySplitRunWritesTheBytesOfARunInOnePiece() throws {
        var split = 0
        for run in runs {
            let whole = try run.writeOutputsCountingParts()
            XCTAssertEqual(whole.parts, 1, "\(run): small files are audited in one piece by default")
            var parted = run
            parted.splitThreshold = 1
            let halves = try parted.writeOutputsCountingParts()
            if halves.parts == 2 { split += 1 }
            XCTAssertEqual(Set(halves.outputs.keys), Set(whole.outputs.keys), "\(run)")
            for (name, bytes) in whole.outputs.sorted(by: { $0.key < $1.key }) {
                if let difference = GoldenReportTests.firstDifference(expected: bytes, actual: halves.outputs[name] ?? Data()) {
                    XCTFail("\(run) split in \(halves.parts): \(name) differs from the run in one piece:\n\(difference)")
                }
            }
        }
        // Most fixtures are UTF-8 and split; GB18030 and UTF-16 ones are audited in one piece.
        XCTAssertGreaterThan(split, runs.count / 2, "only \(split) of \(runs.count) runs were split")
    }

    /// The state a split run saves (`run --save-state`) is the one-piece run's, byte for
    /// byte: a joined state once kept a list of unspelled groups where the run in one
    /// piece kept none, so state.json and decision-ids.bin differed.
    func testEverySplitRunSavesTheStateOfARunInOnePiece() throws {
        var split = 0
        for run in runs {
            let whole = try run.auditIntoFolder()
            var parted = run
            parted.splitThreshold = 1
            let halves = try parted.auditIntoFolder()
            if halves.partsAudited == 2 { split += 1 }
            XCTAssertEqual(try halves.shard.encoded(), try whole.shard.encoded(), "\(run) split in \(halves.partsAudited)")
        }
        XCTAssertGreaterThan(split, runs.count / 2, "only \(split) of \(runs.count) runs were split")
    }

    /// Decision ids beyond a table of one id, sorted three at a time into runs in TMPDIR:
    /// every repeat is found after the reading and the inputs are read again knowing where
    /// each id was first seen. In one piece or in two, with one input or several (an id
    /// repeated across files), the bytes are those of a run with the default table.
    func testIDsBeyondTheTableGiveTheBytesOfTheDefaultTable() throws {
        var runs = self.runs
        runs.append(FixtureRun(name: "three shards", inputs: (1...3).map { "fixtures/shards/shard_\($0).csv" } + ["fixtures/shards/whole.csv"],
                               pipeline: .file("fixtures/shards/shards.yaml"), asOf: "2025-07-31"))
        var repeated = 0
        for run in runs {
            let whole = try run.writeOutputs()
            if String(decoding: whole["rejects.csv"] ?? Data(), as: UTF8.self).contains(",duplicate_id,") { repeated += 1 }
            for split in [nil, 1] {
                var tiny = run
                (tiny.idTableLimit, tiny.idRunLength, tiny.splitThreshold) = (1, 3, split)
                let outputs = try tiny.writeOutputs()
                XCTAssertEqual(Set(outputs.keys), Set(whole.keys), "\(run)")
                for (name, bytes) in whole.sorted(by: { $0.key < $1.key }) {
                    if let difference = GoldenReportTests.firstDifference(expected: bytes, actual: outputs[name] ?? Data()) {
                        XCTFail("\(run) with a table of one id (split \(split.map(String.init) ?? "no")): \(name) differs:\n\(difference)")
                    }
                }
            }
        }
        XCTAssertGreaterThanOrEqual(repeated, 3, "runs with a repeated id")
    }

    /// A quoted field of many lines across the middle: the cut falls inside it, the first
    /// part's reader says so, and the file is audited in one piece, with the same outputs.
    func testACutInsideAQuotedFieldFallsBackToOnePiece() throws {
        var csv = "decision_id,employee_id,decision_type,outcome,automated,sex,note\n"
        for i in 0..<40 { csv += "D\(i),E\(i),hiring,\(i % 3 == 0 ? "adverse" : "favorable"),yes,\(i % 2 == 0 ? "female" : "male"),ok\n" }
        csv += "D40,E40,hiring,adverse,yes,female,\"" + (0..<60).map { "line \($0) of a long note" }.joined(separator: "\n") + "\"\n"
        for i in 41..<45 { csv += "D\(i),E\(i),hiring,favorable,yes,male,ok\n" }
        let path = TestSupport.temporaryFile(csv)
        let plan = try XCTUnwrap(FileSplitter.plan(path: path, options: ReaderOptions(), minimumBytes: 1))
        let noteStart = try XCTUnwrap(csv.utf8.firstIndex(of: UInt8(ascii: "\"")))
        XCTAssertGreaterThan(plan.split, csv.utf8.distance(from: csv.utf8.startIndex, to: noteStart), "the cut is inside the note")

        let run = FixtureRun(name: "long note", inputs: [path], pipeline: .file(Self.sexPipeline))
        var parted = run
        parted.splitThreshold = 1
        let halves = try parted.writeOutputsCountingParts()
        XCTAssertEqual(halves.parts, 1, "the split did not hold")
        XCTAssertEqual(halves.outputs, try run.writeOutputsCountingParts().outputs)
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: TestSupport.packageRoot.path).contains { $0.contains(".part.") })
    }

    /// The same id in both halves: the later one must be rejected as a duplicate, which the
    /// halves learn only when joined; the file is read again in two halves knowing it, and
    /// the outputs are the run in one piece's.
    func testARepeatedIDAcrossTheHalvesIsRejectedOnASecondReading() throws {
        var csv = "decision_id,employee_id,decision_type,outcome,automated,sex\n"
        for i in 0..<50 { csv += "D\(i),E\(i),hiring,favorable,yes,female\n" }
        for i in 50..<100 { csv += "D\(i == 80 ? 3 : i),E\(i),hiring,adverse,yes,male\n" }
        let run = FixtureRun(name: "repeat", inputs: [TestSupport.temporaryFile(csv)], pipeline: .file(Self.sexPipeline))
        var parted = run
        parted.splitThreshold = 1
        let halves = try parted.writeOutputsCountingParts()
        XCTAssertEqual(halves.parts, 2)
        let whole = try run.writeOutputsCountingParts()
        XCTAssertEqual(halves.outputs, whole.outputs)
        let rejects = String(decoding: whole.outputs["rejects.csv"]!, as: UTF8.self)
        XCTAssertEqual(rejects.components(separatedBy: "duplicate_id").count - 1, 1, rejects)
        XCTAssertTrue(rejects.contains("82,1,duplicate_id"), rejects)
    }

    /// Line numbers go on across the cut, with CRLF line ends and a CR LF pair split
    /// between two of the planner's reads.
    func testTheSecondPartsLineNumbersFollowOnWithCRLF() throws {
        var csv = "decision_id,employee_id,decision_type,outcome,automated,sex\r\n"
        var i = 0
        while csv.utf8.count < (1 << 20) + 4096 {
            csv += "D\(i),E\(i),hiring,\(i % 4 == 0 ? "adverse" : "favorable"),yes,\(i % 2 == 0 ? "female" : "male")\r\n"
            i += 1
        }
        let path = TestSupport.temporaryFile(csv)
        let plan = try XCTUnwrap(FileSplitter.plan(path: path, options: ReaderOptions(), minimumBytes: 1))
        let before = csv.utf8.prefix(plan.split)
        XCTAssertEqual(FileSplitter.lineEnds(path: path, upTo: plan.split), before.filter { $0 == 0x0A }.count)
        XCTAssertEqual(before.last, 0x0A)

        let run = FixtureRun(name: "crlf", inputs: [path], pipeline: .file(Self.sexPipeline))
        var parted = run
        parted.splitThreshold = 1
        let halves = try parted.writeOutputsCountingParts()
        XCTAssertEqual(halves.parts, 2)
        XCTAssertEqual(halves.outputs, try run.writeOutputsCountingParts().outputs)
    }

    /// A line above the header holding several values is named in the diagnostics whether
    /// the file is audited in one piece or in two.
    func testATitleLineOfSeveralValuesIsReportedInBothWays() throws {
        var csv = "Decisions export,2025-07-01,HR\ndecision_id,employee_id,decision_type,outcome,automated,sex\n"
        for i in 0..<100 { csv += "D\(i),E\(i),hiring,\(i % 3 == 0 ? "adverse" : "favorable"),yes,\(i % 2 == 0 ? "female" : "male")\n" }
        let pipeline = TestSupport.temporaryFile(TestSupport.exactPipeline(attributes: ["sex: [sex]"], sections: "input:\n  header_line: 2"),
                                                 name: "title.yaml")
        let run = FixtureRun(name: "title line", inputs: [TestSupport.temporaryFile(csv)], pipeline: .file(pipeline))
        var parted = run
        parted.splitThreshold = 1
        let halves = try parted.writeOutputsCountingParts()
        XCTAssertEqual(halves.parts, 2)
        let whole = try run.writeOutputsCountingParts()
        XCTAssertEqual(halves.outputs, whole.outputs)
        let report = String(decoding: try XCTUnwrap(halves.outputs["report.md"]), as: UTF8.self)
        XCTAssertTrue(report.contains("line 1, above the header, holds 3 values"), report)
    }

    func testNoPlanForSmallOrTranscodedFiles() throws {
        XCTAssertNil(FileSplitter.plan(path: TestSupport.fixture("sample/decisions_en.csv"), options: ReaderOptions(), minimumBytes: 1 << 20))
        XCTAssertNil(FileSplitter.plan(path: TestSupport.fixture("sample/decisions_zh_gb18030.csv"), options: ReaderOptions(), minimumBytes: 1))
        XCTAssertNotNil(FileSplitter.plan(path: TestSupport.fixture("sample/decisions_en.csv"), options: ReaderOptions(), minimumBytes: 1))
    }

    /// Canonically equivalent spellings (NFC `é`, NFD `e` + accent) are two groups and two
    /// reviewers in a run, as their bytes differ; the join must keep them apart too.
    func testEquivalentSpellingsStayApartAcrossTheCut() throws {
        let (nfc, nfd) = ("Caf\u{E9}", "Cafe\u{301}")
        var csv = "decision_id,employee_id,decision_type,outcome,score,automated,decided_at,human_reviewed,reviewer_id,review_result,sex,site\n"
        for i in 0..<200 {
            let site = i < 100 ? nfc : nfd
            let reviewer = i < 100 ? "R1" : (i % 2 == 0 ? "Ren\u{E9}" : "Rene\u{301}")
            csv += "D\(i),E\(i),hiring,\(i % 3 == 0 ? "adverse" : "favorable"),\(i == 150 ? "-0" : "\(i % 10).5"),yes,2025-0\(1 + i % 6)-0\(1 + i % 9) 09:00,yes,\(reviewer),upheld,\(i % 2 == 0 ? "female" : "male"),\(site)\n"
        }
        let pipeline = TestSupport.temporaryFile("""
        admaudit: 1
        attributes:
          sex: [sex]
          site: [site]
        values:
          attributes:
            site: {replace: true}
        checks:
          HR-03: {min_reviews: 20}
        bias:
          min_group_size: 1
          by: [site]
        report:
          suppress_below: 0
        """, name: "spellings.yaml")
        let run = FixtureRun(name: "spellings", inputs: [TestSupport.temporaryFile(csv)], pipeline: .file(pipeline), asOf: "2025-07-31")
        var parted = run
        parted.splitThreshold = 1
        let halves = try parted.writeOutputsCountingParts()
        XCTAssertEqual(halves.parts, 2)
        let whole = try run.writeOutputsCountingParts()
        for (name, bytes) in whole.outputs.sorted(by: { $0.key < $1.key }) {
            XCTAssertNil(GoldenReportTests.firstDifference(expected: bytes, actual: halves.outputs[name] ?? Data()), name)
        }
        let report = String(decoding: whole.outputs["report.md"]!, as: UTF8.self)
        XCTAssertTrue(report.contains("HR-03"), "the reviewers are judged")
        let findings = String(decoding: whole.outputs["findings.csv"]!, as: UTF8.self)
        XCTAssertEqual(findings.components(separatedBy: ",HR-03,").count - 1, 3, "R1 and both spellings of René")
    }

    func testMinusZeroIsZero() {
        let text = Array("-0".utf8)
        let value = text.withUnsafeBytes { RecordBuilder.number($0) }
        XCTAssertEqual(value?.bitPattern, 0)
    }
}
