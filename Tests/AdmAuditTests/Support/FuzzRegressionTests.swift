import AdmAudit
import Foundation
import XCTest

/// Replays every committed fuzz input (`fixtures/fuzz/<target>/seeds/` and
/// `fixtures/fuzz/<target>/regressions/`) through the same entry points the libFuzzer
/// targets use (`FuzzEntryPoints`), without the fuzzer: each must finish, without a trap,
/// within the fuzzer's hang limit (with room for a debug build on a busy machine).
/// Also checks that the targets' fixed inputs still work, so a fuzz run does not spend its
/// time on a pipeline that fails to load or seeds this build cannot read.
final class FuzzRegressionTests: XCTestCase {
    /// `scripts/fuzz` runs with `-timeout=10` on a release build; a debug build is slower.
    static let secondsPerInput = 60.0

    func testReaderInputs() throws { try replay(.reader) }
    func testMapValidateInputs() throws { try replay(.mapValidate) }
    func testPipelineInputs() throws { try replay(.pipeline) }
    func testStateInputs() throws { try replay(.state) }

    func testTheMapTargetPipelineAcceptsTheSampleExport() throws {
        let pipeline = try PipelineLoader.load(path: FuzzEntryPoints.mapPipelineFile)
        let run = AuditRun(pipeline: pipeline, pipelineFile: FuzzEntryPoints.mapPipelineFile,
                           inputs: [TestSupport.fixture("sample/decisions_en.csv")], pseudonymKey: Array("key".utf8))
        let result = try run.run(into: CountingAuditSink())
        XCTAssertGreaterThan(result.totalAccepted, 0, "the map-validate target's pipeline maps none of the sample's rows")
    }

    func testTheStateTargetSeedsAreStatesThisBuildReadsAndMerges() throws {
        let seeds = FuzzEntryPoints.seedStates()
        XCTAssertEqual(seeds.count, FuzzEntryPoints.shardExports.count)
        let pipeline = try PipelineLoader.load(path: FuzzEntryPoints.statePipelineFile)
        let paths = seeds.enumerated().map { index, bytes in
            TestSupport.temporaryFile(Data(bytes), name: "fuzz-seed-\(index).state.json")
        }
        for path in paths { XCTAssertNoThrow(try ShardState.read(path: path, pipeline: pipeline), path) }
        let merged = try AuditMerge.merge(statePaths: paths, pipeline: pipeline, pipelineFile: FuzzEntryPoints.statePipelineFile)
        XCTAssertEqual(merged.totalRead, 600, "the three fixture shards hold 600 decisions")
    }

    /// Runs every committed input of `target`; fails when there is none (a moved folder).
    private func replay(_ target: FuzzEntryPoints.Target) throws {
        let inputs = Self.committedInputs(target)
        XCTAssertFalse(inputs.isEmpty, "no committed inputs under fixtures/fuzz/\(target.rawValue)/")
        for path in inputs {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            let start = Date()
            FuzzEntryPoints.run(target, bytes)
            let seconds = Date().timeIntervalSince(start)
            XCTAssertLessThan(seconds, Self.secondsPerInput, "\(path) took \(Int(seconds)) s: a hang the fuzzer would report")
        }
    }

    static func committedInputs(_ target: FuzzEntryPoints.Target) -> [String] {
        ["seeds", "regressions"].flatMap { kind -> [String] in
            let folder = TestSupport.fixture("fuzz/\(target.rawValue)/\(kind)")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted().map { folder + "/" + $0 }
        }
    }
}
