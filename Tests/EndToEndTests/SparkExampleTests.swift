import Foundation
import XCTest

/// `examples/spark/audit.py` in Spark local mode: eight inputs in eight partitions, each
/// audited by `admaudit run --save-state` on an executor, merged on the driver. The merged
/// findings.csv and rejects.csv are the bytes one run over the same inputs writes, and
/// report.json the same but for what a merge says of itself: where the as-of date came
/// from, that it merged shards, and that it compared their decision ids.
///
/// Needs a Python with pyspark (and Java): `ADMAUDIT_SPARK_PYTHON` names it. `.ci/run` sets it
/// up and sets `ADMAUDIT_REQUIRE_SPARK=1`, so in CI the test runs or fails, never skips.
final class SparkExampleTests: BinaryTestCase {
    func testEightPartitionsMergeIntoTheReportOfOneRun() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let python = environment["ADMAUDIT_SPARK_PYTHON"], FileManager.default.isExecutableFile(atPath: python) else {
            if environment["ADMAUDIT_REQUIRE_SPARK"] == "1" { return XCTFail("ADMAUDIT_SPARK_PYTHON names no Python with pyspark") }
            throw XCTSkip("ADMAUDIT_SPARK_PYTHON is not set (a Python with pyspark; .ci/run sets one up)")
        }
        // Eight inputs cut from the shard fixture; one has a row the run rejects.
        let whole = try String(contentsOf: AdmAuditBinary.root.appendingPathComponent("fixtures/shards/whole.csv"), encoding: .utf8)
        var lines = whole.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let header = lines.removeFirst()
        let inputs = work.appendingPathComponent("inputs")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        var names: [String] = []
        for part in 0..<8 {
            var rows = Array(lines[(part * lines.count / 8)..<((part + 1) * lines.count / 8)])
            if part == 5 { rows.append("ragged,row") }
            let name = "inputs/part-\(part).csv"
            try ([header] + rows).joined(separator: "\n").appending("\n").write(to: work.appendingPathComponent(name), atomically: true, encoding: .utf8)
            names.append(name)
        }
        let pipeline = AdmAuditBinary.root.appendingPathComponent("fixtures/shards/shards.yaml").path
        let key = ["ADMAUDIT_PSEUDONYM_KEY": "the inspector's own key"]

        let spark = Process()
        spark.executableURL = URL(fileURLWithPath: python)
        spark.arguments = [AdmAuditBinary.root.appendingPathComponent("examples/spark/audit.py").path, "-p", pipeline, "-o", "spark",
                           "--as-of", "2025-07-31", "--partitions", "8", "--admaudit", AdmAuditBinary.url.path, "inputs"]
        spark.currentDirectoryURL = work
        spark.environment = environment.merging(key) { $1 }
        let err = Pipe()
        spark.standardError = err
        spark.standardOutput = FileHandle.nullDevice
        try spark.run()
        let errText = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        spark.waitUntilExit()
        XCTAssertEqual(spark.terminationStatus, 0, errText)
        XCTAssertTrue(errText.contains("8 input(s) in 8 partition(s)"), errText)
        let shards = try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("spark/shards").path).sorted()
        XCTAssertEqual(shards, (0..<8).map { String(format: "shard-%04d", $0) })

        let single = try AdmAuditBinary.run(["run", "-p", pipeline, "-o", "single", "--as-of", "2025-07-31"] + names, in: work, environment: key)
        XCTAssertEqual(single.status, 0, single.err)
        for name in ["findings.csv", "rejects.csv"] {
            let merged = try Data(contentsOf: work.appendingPathComponent("spark/merged/" + name))
            XCTAssertEqual(merged, try Data(contentsOf: work.appendingPathComponent("single/" + name)), name)
        }
        XCTAssertGreaterThan(try AdmAuditBinary.csv(work.appendingPathComponent("single/rejects.csv").path).count, 1, "a reject was gathered")

        var merged = try AdmAuditBinary.json(work.appendingPathComponent("spark/merged/report.json").path)
        var one = try AdmAuditBinary.json(work.appendingPathComponent("single/report.json").path)
        XCTAssertEqual(merged["as_of_source"] as? String, "shards")
        // What the merge says of itself: it merged shards, and compared their ids (none in two).
        let diagnostics = try XCTUnwrap(merged["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(diagnostics.suffix(2).compactMap { $0["code"] as? String }, ["decision_ids_compared", "merged_shards"])
        merged["diagnostics"] = Array(diagnostics.dropLast(2))
        for key in ["as_of_source"] {
            merged.removeValue(forKey: key)
            one.removeValue(forKey: key)
        }
        XCTAssertEqual(merged as NSDictionary, one as NSDictionary, "report.json but for what a merge says of itself")
    }
}
