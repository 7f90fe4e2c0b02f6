import AdmAudit
import ArgumentParser

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Ingest, map and validate only: show the mapping used, the counts and the top reject reasons. Writes nothing."
    )

    @Option(name: .shortAndLong, help: "The pipeline file (YAML).")
    var pipeline: String

    @Option(name: .customLong("lang"), help: "Language of what is printed: en or zh (default: the pipeline's).")
    var language: String?

    @Argument(help: "One or more CSV exports.")
    var inputs: [String]

    func run() throws {
        var loaded = try PipelineLoader.load(path: pipeline)
        loaded.report.language = try OptionParsing.language(language) ?? loaded.report.language
        // Validation is about the rows; checks still run so their counts show, but nothing is written.
        loaded.report.subjectIDs = .drop
        let sink = CountingAuditSink()
        let sources = try InputSources.open(inputs)
        defer { sources.remove() }
        var run = AuditRun(pipeline: loaded, pipelineFile: pipeline, inputs: inputs)
        run.sources = sources.paths
        run.keepsRunCheckObservations = false
        let result = try run.run(into: sink)
        Terminal.out(ValidateSummary.text(result, examples: sink.examples))
    }
}
