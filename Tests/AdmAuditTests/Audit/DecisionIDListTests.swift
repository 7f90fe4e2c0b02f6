import Foundation
import XCTest
@testable import AdmAudit

/// The decision ids a shard leaves for the merge (`decision-ids.bin`): written sorted, read
/// back checked, compared across shards by a streaming merge-join.
final class DecisionIDListTests: XCTestCase {
    private let header = "decision_id,decision_type,outcome,sex\n"

    /// Runs `csv` as a shard keeping its ids and writes its state and list into a folder of its own.
    private func shard(_ csv: String, name: String) throws -> (state: String, list: String) {
        let input = TestSupport.temporaryFile(header + csv, name: name)
        let pipeline = try TestSupport.pipeline(TestSupport.plainPipeline)
        var run = AuditRun(pipeline: pipeline, pipelineFile: "test.yaml", inputs: [input])
        run.keepsDecisionIDs = true
        let result = try run.run(into: MemorySink(language: .en))
        let folder = (input as NSString).deletingLastPathComponent
        let state = try result.shard.write(to: folder)
        let list = try XCTUnwrap(result.decisionIDs).write(to: folder, stateBytes: result.shard.encoded())
        return (state, list)
    }

    private func rows(_ ids: [String]) -> String { ids.map { "\($0),hiring,adverse,female\n" }.joined() }

    func testAShardsListHoldsEachIdOnceInOrderAndReadsBack() throws {
        let (_, list) = try shard(rows(["A1", "A2", "A3", "A2"]), name: "a.csv")
        let reader = try DecisionIDList.Reader(path: list)
        XCTAssertEqual(reader.count, 3, "the repeated A2 was rejected in the shard, not listed twice")
        var entries: [DecisionIDList.Entry] = []
        while let entry = try reader.next() { entries.append(entry) }
        XCTAssertEqual(entries.count, 3)
        XCTAssertTrue(zip(entries, entries.dropFirst()).allSatisfy { $0.precedes($1) })
        XCTAssertEqual(Set(entries.map(\.line)), [2, 3, 4])
    }

    func testIdsInTwoShardsAreFoundAndTheFirstInDataOrderIsNamed() throws {
        let first = try shard(rows(["A1", "A2", "A3"]), name: "jan.csv")
        let second = try shard(rows(["B1", "A3", "B2", "A1"]), name: "feb.csv")
        let third = try shard(rows(["C1"]), name: "mar.csv")
        let comparison = try DecisionIDList.compare(statePaths: [first.state, second.state, third.state],
                                                    inputs: [["jan.csv"], ["feb.csv"], ["mar.csv"]])
        XCTAssertEqual(comparison, .compared(ids: 6, repeats: 2, first: .init(file: "feb.csv", line: 3, firstFile: "jan.csv", firstLine: 4)))
        // The same, as admaudit merge words it.
        let pipeline = try TestSupport.pipeline(TestSupport.plainPipeline)
        let merged = try AuditMerge.merge(statePaths: [first.state, second.state, third.state], pipeline: pipeline, pipelineFile: "test.yaml")
        let warning = try XCTUnwrap(merged.diagnostics.first { $0.code == .decisionIDsRepeatedAcrossShards })
        XCTAssertEqual(warning.values["rows"], .count(2))
        XCTAssertNil(warning.damage)
    }

    func testShardsWithDistinctIdsSaySoAndAShardWithoutAListSaysIdsWereNotCompared() throws {
        let first = try shard(rows(["A1"]), name: "a.csv"), second = try shard(rows(["B1", "B2"]), name: "b.csv")
        XCTAssertEqual(try DecisionIDList.compare(statePaths: [first.state, second.state], inputs: [["a.csv"], ["b.csv"]]),
                       .compared(ids: 3, repeats: 0, first: nil))
        try FileManager.default.removeItem(atPath: second.list)
        XCTAssertEqual(try DecisionIDList.compare(statePaths: [first.state, second.state], inputs: [["a.csv"], ["b.csv"]]),
                       .notCompared(shard: second.state))
    }

    /// A list beside another state than its own (copied from another shard's folder) is
    /// refused; two states in one folder have no list of their own, so ids are not compared.
    func testAListIsTheOneOfTheStateBesideIt() throws {
        let a = try shard(rows(["A1", "A2"]), name: "a.csv"), b = try shard(rows(["B1", "B2"]), name: "b.csv")
        try FileManager.default.removeItem(atPath: b.list)
        try FileManager.default.copyItem(atPath: a.list, toPath: b.list)
        XCTAssertThrowsError(try DecisionIDList.compare(statePaths: [a.state, b.state], inputs: [["a.csv"], ["b.csv"]])) { error in
            XCTAssertEqual((error as? AuditError)?.file, b.list)
            XCTAssertEqual((error as? AuditError)?.exitCode, 3)
        }
        let second = ((a.state as NSString).deletingLastPathComponent as NSString).appendingPathComponent("state-2.json")
        try FileManager.default.copyItem(atPath: b.state, toPath: second)
        XCTAssertEqual(try DecisionIDList.compare(statePaths: [a.state, second], inputs: [["a.csv"], ["b.csv"]]), .notCompared(shard: second))
    }

    /// Many shards: every list is open at once, so the limit of open files is raised as needed.
    func testManyShardsAreComparedAtOnce() throws {
        let shards = try (0..<90).map { try shard(rows(["S\($0)", "T\($0)"]), name: "s\($0).csv") }
        // The soft limit is set just above what this process already holds (a CI runner may hand
        // it many descriptors), so reading 90 lists at once needs the merge to raise it.
        let alreadyOpen = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count
        var limit = rlimit()
        getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        let saved = limit
        defer { var back = saved; setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &back) }
        limit.rlim_cur = rlim_t(alreadyOpen + 16)
        XCTAssertEqual(setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit), 0)
        let comparison = try DecisionIDList.compare(statePaths: shards.map(\.state), inputs: (0..<90).map { ["s\($0).csv"] })
        XCTAssertEqual(comparison, .compared(ids: 180, repeats: 0, first: nil))
    }

    /// A list cut short, edited, or out of order is refused as damaged, naming the file.
    func testADamagedListIsRefused() throws {
        let (_, list) = try shard(rows(["A1", "A2", "A3"]), name: "a.csv")
        let good = try Data(contentsOf: URL(fileURLWithPath: list))
        var flipped = good
        flipped[flipped.count - 40] ^= 0x01
        var swapped = good
        let start = good.firstIndex(of: 0x0A)! + 1
        swapped.replaceSubrange(start..<(start + 48), with: good[(start + 24)..<(start + 48)] + good[start..<(start + 24)])
        let cases: [(String, Data)] = [("cut short", good.dropLast(10)), ("an edited byte", flipped), ("out of order", swapped),
                                       ("not a list", Data("hello\n".utf8))]
        for (name, bytes) in cases {
            try bytes.write(to: URL(fileURLWithPath: list))
            XCTAssertThrowsError(try {
                let reader = try DecisionIDList.Reader(path: list)
                while try reader.next() != nil {}
            }(), name) { error in
                XCTAssertEqual((error as? AuditError)?.file, list, name)
                XCTAssertEqual((error as? AuditError)?.exitCode, 3, name)
            }
        }
    }

    /// A shard's ids are fingerprinted by SHA-256 (its first 128 bits, from sha256sum), the
    /// same in every process.
    func testComparableFingerprintsAreTheFirstBitsOfTheIdsSHA256() {
        let fingerprint = Array("CF2025001".utf8).withUnsafeBytes { DecisionIDRegistry.comparableFingerprint($0) }
        XCTAssertEqual(hex(fingerprint.high) + hex(fingerprint.low), "1f52783d39c61f92a5562206292038b3")
    }

    private func hex(_ word: UInt64) -> String {
        let digits = String(word, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
