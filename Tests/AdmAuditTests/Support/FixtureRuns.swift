import Foundation
import XCTest
@testable import AdmAudit

/// One audit of bundled fixtures, described as a user would type it: input files and a
/// pipeline named relative to the package root, an optional as-of date, and a fixed
/// pseudonym key, so that the same run always gives the same bytes.
struct FixtureRun: Sendable, CustomStringConvertible {
    /// Where the pipeline comes from.
    enum PipelineSource: Sendable {
        /// A pipeline file, relative to the package root.
        case file(String)
        /// Pipeline text, for runs that need a setting no shipped pipeline has.
        case text(String)
    }

    /// The key the fixture runs pseudonymise subject ids with (as if from ADMAUDIT_PSEUDONYM_KEY).
    static let pseudonymKey = "admaudit-fixture-key"

    var name: String
    /// Relative to the package root (`../shared/data/…` for the shared data sets), or absolute.
    var inputs: [String]
    var pipeline: PipelineSource
    /// `--as-of`; nil leaves it to the pipeline's `audit_date` or the data.
    var asOf: String?
    /// Files at least this large are audited in two parts at once (`AuditRun.splitThreshold`); nil: the default.
    var splitThreshold: Int? = nil
    /// The decision ids held in the id table, and sorted in memory before a run goes to
    /// TMPDIR (`AuditRun.idTableLimit`, `idRunLength`); nil: the defaults.
    var idTableLimit: Int? = nil
    var idRunLength: Int? = nil
    /// Activity logs of at least this many events have their workers' weeks made on two cores (`AuditRun.splitActivityEvents`); nil: the default.
    var splitActivityEvents: Int? = nil

    var description: String { name }

    /// Whether every input exists (the shared data sets live beside the clone, not in it).
    var inputsExist: Bool {
        inputs.allSatisfy { FileManager.default.fileExists(atPath: TestSupport.packageRoot.appendingPathComponent($0).path) }
    }

    /// Runs the audit. `relativePaths`: pass the paths as written, for outputs without
    /// machine-specific paths; the caller must then be in the package root
    /// (`FixtureRun.inPackageRoot`). Otherwise they are made absolute.
    func audit(into sink: any AuditSink, relativePaths: Bool = false) throws -> AuditResult {
        let (loaded, pipelineFile) = try loadPipeline(relativePaths: relativePaths)
        let resolved = { (path: String) in self.resolved(path, relativePaths: relativePaths) }
        let date = try asOf.map { text in try XCTUnwrap(AsOfDate(text), "as-of \(text)") }
        var run = AuditRun(pipeline: loaded, pipelineFile: pipelineFile, inputs: inputs.map(resolved), asOf: date,
                           pseudonymKey: Array(Self.pseudonymKey.utf8))
        if let splitThreshold { run.splitThreshold = splitThreshold }
        if let idTableLimit { run.idTableLimit = idTableLimit }
        if let idRunLength { run.idRunLength = idRunLength }
        if let splitActivityEvents { run.splitActivityEvents = splitActivityEvents }
        return try run.run(into: sink)
    }

    /// The pipeline the run audits with, and its file.
    func loadPipeline(relativePaths: Bool = false) throws -> (Pipeline, String) {
        let pipelineFile: String
        switch pipeline {
        case .file(let path):
            pipelineFile = resolved(path, relativePaths: relativePaths)
        case .text(let yaml):
            // Loaded from a file like any other, so it has its SHA-256.
            pipelineFile = TestSupport.temporaryFile(yaml, name: name + ".yaml")
        }
        return (try PipelineLoader.load(path: pipelineFile), pipelineFile)
    }

    private func resolved(_ path: String, relativePaths: Bool) -> String {
        relativePaths || path.hasPrefix("/") ? path : TestSupport.packageRoot.appendingPathComponent(path).standardizedFileURL.path
    }

    /// Runs the audit as `admaudit run` does and returns every file of the output folder
    /// by name: findings.csv and rejects.csv streamed through `FileAuditSink`, then the
    /// reports through `ReportWriter` in every format it knows. Paths in the outputs are
    /// as written in `inputs` (relative to the package root).
    func writeOutputs() throws -> [String: Data] {
        try writeOutputsCountingParts().outputs
    }

    /// `writeOutputs`, and how many parts the input was audited in (`AuditResult.partsAudited`).
    func writeOutputsCountingParts() throws -> (outputs: [String: Data], parts: Int) {
        var parts = 1
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("admaudit-outputs-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = try OutputFolder.stage(folder, inputs: [])
        try Self.inPackageRoot {
            let sink = try FileAuditSink(folder: output.folder, language: try loadPipeline(relativePaths: true).0.report.language)
            var result = try audit(into: sink, relativePaths: true)
            parts = result.partsAudited
            try sink.commit()
            result.pipeline.report.formats = ReportFormat.allCases
            _ = try ReportWriter.write(result, to: output.folder)
        }
        try output.commit()
        var outputs: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            outputs[name] = try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent(name))
        }
        return (outputs, parts)
    }

    /// The run's result, its findings and rejects written to a folder of their own that is then
    /// removed (a file is cut in two, and a log's weeks made on two cores, only where the sink
    /// can make a part, as a folder's can).
    func auditIntoFolder() throws -> AuditResult {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("admaudit-run-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = try OutputFolder.stage(folder, inputs: [])
        let sink = try FileAuditSink(folder: output.folder, language: .en)
        let result = try audit(into: sink)
        try sink.commit()
        try output.commit()
        return result
    }

    /// Runs `body` with the package root as the current folder, then goes back. Tests of
    /// one process run one at a time, and only these runs use relative paths.
    static func inPackageRoot<T>(_ body: () throws -> T) throws -> T {
        let manager = FileManager.default
        let previous = manager.currentDirectoryPath
        guard manager.changeCurrentDirectoryPath(TestSupport.packageRoot.path) else {
            throw AuditError(.invocation, "cannot enter the package root", file: TestSupport.packageRoot.path)
        }
        defer { _ = manager.changeCurrentDirectoryPath(previous) }
        return try body()
    }
}

/// The fixture runs the report tests use.
extension FixtureRun {
    static let sampleEnglish = FixtureRun(name: "sample-en", inputs: ["fixtures/sample/decisions_en.csv"],
                                          pipeline: .file("pipelines/self-assessment.yaml"), asOf: "2025-06-30")
    /// As `scripts/demo` runs it.
    static let sampleChinese = FixtureRun(name: "sample-zh", inputs: ["fixtures/sample/decisions_zh_gb18030.csv"],
                                          pipeline: .file("pipelines/labor-inspection.yaml"), asOf: "2025-06-30")
    static let planted = FixtureRun(name: "planted", inputs: ["fixtures/planted/planted.csv"],
                                    pipeline: .file("fixtures/planted/planted.yaml"))
    static let toiletBreaks = FixtureRun(name: "scenario-toilet-breaks", inputs: ["fixtures/scenarios/toilet_breaks.csv"],
                                         pipeline: .file("fixtures/scenarios/toilet_breaks.yaml"))
    /// Several damaged exports in one run: rejects of most kinds, and one `inputs` entry each.
    static let malformedMix = FixtureRun(
        name: "malformed-mix",
        inputs: ["fixtures/malformed/bad_values.csv", "fixtures/malformed/ragged.csv", "fixtures/malformed/duplicates.csv",
                 "fixtures/malformed/invalid_utf8.csv", "fixtures/malformed/unterminated_quote.csv"],
        pipeline: .file("pipelines/research.yaml"), asOf: "2025-06-30")
    static let compas = FixtureRun(name: "compas", inputs: ["../shared/data/compas_for_aequitas.csv"],
                                   pipeline: .file("fixtures/pipelines/compas.yaml"))

    /// The shipped pipelines, each over both sample exports and the planted export, with
    /// and without an as-of date.
    static var shippedPipelinesOverTheSamples: [FixtureRun] {
        let pipelines = ["labor-inspection", "nyc-ll144", "research", "self-assessment"]
        let inputs = ["fixtures/sample/decisions_en.csv", "fixtures/sample/decisions_zh_gb18030.csv", "fixtures/planted/planted.csv"]
        return pipelines.flatMap { pipeline in
            inputs.flatMap { input in
                [nil, "2025-06-30"].map { asOf in
                    FixtureRun(name: "\(pipeline) \(input) as-of \(asOf ?? "unset")", inputs: [input],
                               pipeline: .file("pipelines/\(pipeline).yaml"), asOf: asOf)
                }
            }
        }
    }

    /// Every scenario of fixtures/scenarios with its own pipeline (a CSV beside each YAML).
    static var scenarios: [FixtureRun] {
        fixtureFiles(in: "scenarios", extensions: ["yaml"]).map { yaml in
            let base = String(yaml.dropLast(".yaml".count))
            return FixtureRun(name: base, inputs: [base + ".csv"], pipeline: .file(yaml))
        }
    }

    /// Every export of fixtures/malformed, alone, under the research pipeline.
    static var malformed: [FixtureRun] {
        fixtureFiles(in: "malformed", extensions: ["csv", "tsv"]).map { input in
            FixtureRun(name: input, inputs: [input], pipeline: .file("pipelines/research.yaml"), asOf: "2025-06-30")
        }
    }

    /// `fixtures/<folder>/*.<extension>`, sorted, relative to the package root.
    static func fixtureFiles(in folder: String, extensions: Set<String>) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: TestSupport.fixture(folder))) ?? []
        return names.filter { extensions.contains(($0 as NSString).pathExtension) }.sorted().map { "fixtures/\(folder)/\($0)" }
    }
}
