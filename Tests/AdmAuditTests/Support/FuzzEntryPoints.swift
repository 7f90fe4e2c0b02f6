import AdmAudit
import Foundation

/// What the four fuzz targets do with one input, shared by the libFuzzer executables
/// (`Fuzz/`, which links this very file) and `FuzzRegressionTests`, which replays every
/// committed regression input without the fuzzer.
///
/// Each entry takes hostile bytes and drives one public entry of the library as the
/// command line would; an `AuditError` is a correct answer to bad input and is ignored.
/// Anything else (a trap, a sanitizer report, a hang, a leak) is what the fuzzer hunts.
/// Uses the library's public API only, so the fuzz package needs no `@testable` build.
/// Not thread-safe: one input at a time, as libFuzzer and XCTest call it.
public enum FuzzEntryPoints {
    /// The four targets, by the name `scripts/fuzz` and `fixtures/fuzz/<name>/` use.
    public enum Target: String, CaseIterable, Sendable {
        case reader
        case mapValidate = "map-validate"
        case pipeline
        case state
    }

    /// Runs one input through `target`.
    public static func run(_ target: Target, _ bytes: [UInt8]) {
        switch target {
        case .reader: readCSV(bytes)
        case .mapValidate: mapAndValidate(bytes)
        case .pipeline: loadPipeline(bytes)
        case .state: mergeState(bytes)
        }
    }

    // MARK: - reader

    /// The encodings a fixed-encoding read picks from, by the input's first byte.
    static let fixedEncodings: [InputEncoding] = [.utf8, .gb18030, .gbk, .utf16le, .utf16be]

    /// The bytes as an export read by `CSVReader`: once as `input.encoding: auto` with the
    /// default limits, once with an encoding chosen by the first byte, 64 KiB chunks and, when
    /// the second byte is odd, tight limits on fields, rows and columns. Every byte of every field
    /// of every row is read.
    public static func readCSV(_ bytes: [UInt8]) {
        let path = Scratch.file("export.csv", bytes)
        read(path, ReaderOptions())
        guard let first = bytes.first else { return }
        var fixed = ReaderOptions()
        fixed.encoding = fixedEncodings[Int(first) % fixedEncodings.count]
        // The smallest chunk the reader takes: less to allocate per input, so more inputs a second.
        fixed.chunkBytes = 64 * 1024
        if bytes.count > 1, bytes[1] & 1 == 1 {
            fixed.maxFieldBytes = 16
            fixed.maxRowBytes = 64
            fixed.maxFields = 4
        }
        read(path, fixed)
    }

    private static func read(_ path: String, _ options: ReaderOptions) {
        var checksum = 0
        let summary = try? CSVReader(path: path, options: options).read { row in
            checksum &+= row.ordinal &+ row.line &+ row.endLine &+ (row.defect == nil ? 0 : 1)
            // One past the stored fields too: the subscript must answer "missing", not read past the row.
            for index in 0...row.fieldCount {
                let field = row[index]
                for byte in field.bytes { checksum &+= Int(byte) }
                checksum &+= field.isMissing ? 1 : 0
            }
            if row.ordinal == 0 { checksum &+= row.strings.count }
            return true
        }
        if let summary {
            checksum &+= summary.lines &+ summary.bytesRead &+ Int(summary.delimiter)
            for line in summary.linesAboveHeader { checksum &+= line.text.utf8.count &+ line.values }
        }
        keep(checksum)
    }

    // MARK: - map and validate

    /// The pipeline the exports are mapped with: the shipped labour-inspection pipeline,
    /// which maps Chinese and English headers and values through the built-in synonyms.
    static let mapPipelineFile = Repository.path("pipelines/labor-inspection.yaml")
    /// Loaded once: the inputs vary, the pipeline does not.
    private static let mapPipeline: Pipeline? = try? PipelineLoader.load(path: mapPipelineFile)

    /// The bytes as an export, audited twice with `pipelines/labor-inspection.yaml`: as
    /// `admaudit validate` does (counting sink, ids dropped), then as `admaudit run` does
    /// (findings and rejects written by `FileAuditSink`, every report written by
    /// `ReportWriter`, the terminal summary and the shard state made). When the first byte
    /// is odd the run audits the file in two parts at once (`splitThreshold` 1), so the
    /// split path sees small files too.
    public static func mapAndValidate(_ bytes: [UInt8]) {
        let input = Scratch.file("export.csv", bytes)
        guard let reportPipeline = mapPipeline else { fatalError("fuzz setup: cannot load \(mapPipelineFile)") }
        var pipeline = reportPipeline
        pipeline.report.subjectIDs = .drop
        let counting = CountingAuditSink()
        if let result = try? AuditRun(pipeline: pipeline, pipelineFile: mapPipelineFile, inputs: [input]).run(into: counting) {
            keep(result.totalRead &+ result.totalAccepted &+ counting.findings &+ counting.examples.count)
        }

        let output = Scratch.folder("report")
        var run = AuditRun(pipeline: reportPipeline, pipelineFile: mapPipelineFile, inputs: [input],
                           pseudonymKey: Array("admaudit-fuzz-key".utf8))
        if bytes.first.map({ $0 & 1 == 1 }) == true { run.splitThreshold = 1 }
        guard Scratch.made(output),
              let sink = try? FileAuditSink(folder: output, language: reportPipeline.report.language) else { return }
        guard let result = try? run.run(into: sink) else { return }
        try? sink.commit()
        _ = try? ReportWriter.write(result, to: output)
        keep(TerminalSummary.text(result).utf8.count &+ ((try? result.shard.encoded())?.count ?? 0))
    }

    // MARK: - pipeline loader

    /// The bytes as a pipeline file, loaded by `PipelineLoader` from a file (as `-p` is);
    /// a pipeline that loads is also given to a check run over an empty export, so every
    /// setting it accepted is used once.
    public static func loadPipeline(_ bytes: [UInt8]) {
        let path = Scratch.file("pipeline.yaml", bytes)
        guard let pipeline = try? PipelineLoader.load(path: path) else { return }
        keep(pipeline.sha256.utf8.count)
        let input = Scratch.file("header-only.csv", Array("decision_id,employee_id,decision_type,outcome,decided_at,sex\n".utf8))
        if let result = try? AuditRun(pipeline: pipeline, pipelineFile: path, inputs: [input],
                                      pseudonymKey: Array("admaudit-fuzz-key".utf8)).run(into: CountingAuditSink()) {
            keep(result.checks.count &+ TerminalSummary.text(result).utf8.count)
        }
    }

    // MARK: - state files

    /// The pipeline the shard fixture is run with; a state file is read against it.
    static let statePipelineFile = Repository.path("fixtures/shards/shards.yaml")

    /// The shards whose states seed the state target (and are the valid side of a merge).
    static let shardExports = ["fixtures/shards/shard_1.csv", "fixtures/shards/shard_2.csv", "fixtures/shards/shard_3.csv"]

    /// The shard pipeline and a valid state file (shard 1's), made once per process.
    private nonisolated(unsafe) static var stateSetup: (pipeline: Pipeline, validState: String)? = nil

    /// The bytes as a `state.json`: read by `ShardState.read`, then merged after a valid
    /// shard's state by `AuditMerge.merge` (as `admaudit merge` does); a merge that holds
    /// is written out as reports.
    public static func mergeState(_ bytes: [UInt8]) {
        let (pipeline, valid) = stateSetupOnce()
        let path = Scratch.file("state.json", bytes)
        if let state = try? ShardState.read(path: path, pipeline: pipeline) {
            keep(state.inputs.count &+ state.checks.count &+ ((try? state.encoded())?.count ?? 0))
        }
        guard let merged = try? AuditMerge.merge(statePaths: [valid, path], pipeline: pipeline, pipelineFile: statePipelineFile) else { return }
        let output = Scratch.folder("merged")
        guard Scratch.made(output) else { return }
        _ = try? ReportWriter.write(merged, to: output)
        keep(TerminalSummary.text(merged).utf8.count)
    }

    /// The state files of the three fixture shards, as `admaudit run --save-state` writes
    /// them today: the state target's seeds, made fresh so they follow the format.
    public static func seedStates() -> [[UInt8]] {
        let pipeline = statePipeline()
        return shardExports.map { (try? shardState(Repository.path($0), pipeline: pipeline).encoded()) ?? [] }
    }

    private static func stateSetupOnce() -> (pipeline: Pipeline, validState: String) {
        if let stateSetup { return stateSetup }
        let pipeline = statePipeline()
        let state = shardState(Repository.path(shardExports[0]), pipeline: pipeline)
        let folder = Scratch.folder("valid-state")
        guard Scratch.made(folder), let path = try? state.write(to: folder) else { fatalError("fuzz setup: cannot write a state file into \(folder)") }
        stateSetup = (pipeline, path)
        return (pipeline, path)
    }

    private static func statePipeline() -> Pipeline {
        guard let pipeline = try? PipelineLoader.load(path: statePipelineFile) else {
            fatalError("fuzz setup: cannot load \(statePipelineFile)")
        }
        return pipeline
    }

    private static func shardState(_ export: String, pipeline: Pipeline) -> ShardState {
        let run = AuditRun(pipeline: pipeline, pipelineFile: statePipelineFile, inputs: [export],
                           asOf: AsOfDate("2025-06-30"), pseudonymKey: Array("admaudit-fuzz-key".utf8))
        guard let result = try? run.run(into: CountingAuditSink()) else { fatalError("fuzz setup: cannot audit \(export)") }
        return result.shard
    }

    // MARK: - support

    /// Keeps a value alive so the optimiser cannot drop the reads that made it.
    @inline(never)
    static func keep(_ value: Int) {
        sink = sink &+ value
    }
    private nonisolated(unsafe) static var sink = 0

    /// A folder of this process's own, in memory when the system has one (`/dev/shm`), where
    /// each input is written before the library reads it by path.
    enum Scratch {
        static let root: String = {
            let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
            let path = (base as NSString).appendingPathComponent("admaudit-fuzz-\(getpid())")
            try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                     attributes: [.posixPermissions: 0o700])
            return path
        }()

        /// Writes `bytes` to `name` in the scratch folder, replacing the last input's.
        static func file(_ name: String, _ bytes: [UInt8]) -> String {
            let path = (root as NSString).appendingPathComponent(name)
            guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
                fatalError("fuzz setup: cannot write \(path)")
            }
            return path
        }

        /// The path of folder `name` in the scratch folder, with the last input's outputs removed.
        static func folder(_ name: String) -> String {
            let path = (root as NSString).appendingPathComponent(name)
            try? FileManager.default.removeItem(atPath: path)
            return path
        }

        /// Makes an output folder, owner-only (the swap of `OutputFolder` is the end-to-end tests' to cover).
        static func made(_ path: String) -> Bool {
            mkdir(path, 0o700) == 0
        }
    }

    /// Finds files of the admaudit checkout: from `ADMAUDIT_REPO`, else the first folder
    /// above this source file that holds `pipelines/labor-inspection.yaml` (this file is
    /// reached both from the test target and through the fuzz package's link).
    enum Repository {
        static let root: String = {
            if let given = ProcessInfo.processInfo.environment["ADMAUDIT_REPO"] { return given }
            var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            while folder.path != "/" {
                if FileManager.default.fileExists(atPath: folder.appendingPathComponent("pipelines/labor-inspection.yaml").path) {
                    return folder.path
                }
                folder.deleteLastPathComponent()
            }
            fatalError("fuzz setup: no admaudit checkout above \(#filePath); set ADMAUDIT_REPO")
        }()

        static func path(_ relative: String) -> String { (root as NSString).appendingPathComponent(relative) }
    }
}
