import AdmAudit
import ArgumentParser
import Foundation

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Audit the inputs and write report.json, report.md, report.html, findings.csv and rejects.csv.",
        discussion: """
        Examples: admaudit run export.csv (the pipeline inferred from the export, written to the output folder as pipeline.yaml); \
        admaudit run -p pipelines/labor-inspection.yaml -o out/ export.csv
        """
    )

    @OptionGroup var report: ReportOptions

    @Option(name: .customLong("as-of"), help: "The audit's as-of date, YYYY-MM-DD (default: the pipeline's audit_date, else the latest decision).")
    var asOf: String?

    @Argument(help: "One or more CSV exports (`-` or /dev/stdin: standard input; a pipe or FIFO is read once, into a private temporary copy).")
    var inputs: [String]

    func run() throws {
        let asOfDate = try OptionParsing.asOf(asOf)
        guard !inputs.isEmpty else { throw AuditError(.invocation, "no input files given", hint: "name one or more CSV exports") }
        var alsoWritten = ["findings.csv", "rejects.csv"]
        let given = report.pipeline != nil ? try report.loadPipeline() : nil
        let output = try given.map { try report.stageOutput(inputs: inputs, keeping: $0.file, language: $0.pipeline.report.language) }
            ?? report.stageOutput(inputs: inputs)
        if output.keptPipeline { alsoWritten.append("pipeline.yaml") }
        // A run that fails leaves the output folder as it was.
        defer { Interrupts.finish { output.abandon() } }
        // A stream is read once, into a private copy; everything after reads the copy.
        let sources = try InputSources.open(inputs)
        defer { sources.remove() }
        let (pipeline, pipelineFile) = try given ?? inferPipeline(from: sources, into: output)
        if given == nil { alsoWritten.append("pipeline.yaml") }
        let key = try Pseudonymizer.configuredKey(pipeline: pipeline, environment: ProcessInfo.processInfo.environment)
        let sink = try FileAuditSink(folder: output.folder, language: pipeline.report.language)
        var run = AuditRun(pipeline: pipeline, pipelineFile: pipelineFile, inputs: inputs, asOf: asOfDate, pseudonymKey: key)
        run.sources = sources.paths
        // A shard's ids, for the merge to find one in two shards.
        run.keepsDecisionIDs = report.saveState
        run.keepsRunCheckObservations = report.saveState
        // For benchmarks: the input size from which one file is audited on two cores.
        if let bytes = ProcessInfo.processInfo.environment["ADMAUDIT_SPLIT_BYTES"].flatMap(Int.init) { run.splitThreshold = bytes }
        // And the activity events from which a log's weeks are made on two cores.
        if let events = ProcessInfo.processInfo.environment["ADMAUDIT_SPLIT_EVENTS"].flatMap(Int.init) { run.splitActivityEvents = events }
        let progress = RunProgress(totalBytes: sources.paths.reduce(0) { total, path in
            total + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
        })
        run.progress = progress
        let line = ProgressLine.start(progress, language: pipeline.report.language)
        defer { line?.finish() }
        let result = try run.run(into: sink)
        line?.finish()
        if report.saveState && result.workTime != nil {
            // A state carries decisions' counts; a merge would drop the logs' working time unsaid.
            throw AuditError(.invocation, "--save-state cannot carry the working time of activity logs to a merge yet",
                             hint: "audit the activity logs in one run without --save-state")
        }
        try sink.commit()
        try report.finish(result, output: output, alsoWritten: alsoWritten)
    }

    /// No pipeline: infer one from the first export, write it beside the report, and run that very file.
    private func inferPipeline(from sources: InputSources, into output: OutputFolder) throws -> (pipeline: Pipeline, file: String) {
        let inferred = try InferredPipeline.infer(path: sources.paths[0], inputName: inputs[0])
        _ = try inferred.write(to: output.folder)
        // Named where it will be once the folder is swapped in.
        let file = output.finalPath(of: "pipeline.yaml")
        let pipeline = try report.withOptions(inferred.pipeline(file: file))
        Terminal.error(InitCommand.summary(inferred, language: pipeline.report.language))
        return (pipeline, file)
    }
}

enum OptionParsing {
    static func asOf(_ text: String?) throws(AuditError) -> AsOfDate? {
        guard let text else { return nil }
        guard let date = AsOfDate(text) else {
            throw AuditError(.invocation, "--as-of '\(text)' is not a date", hint: "write it as YYYY-MM-DD, e.g. --as-of 2025-06-30")
        }
        return date
    }

    static func language(_ text: String?) throws(AuditError) -> ReportLanguage? {
        guard let text else { return nil }
        guard let chosen = ReportLanguage(rawValue: text) else {
            throw AuditError(.invocation, "--lang '\(text)' is not supported", hint: "use en or zh")
        }
        return chosen
    }

    static func severity(_ text: String?) throws(AuditError) -> Severity? {
        guard let text else { return nil }
        guard let severity = Severity(rawValue: text) else {
            throw AuditError(.invocation, "--fail-on '\(text)' is not a severity", hint: "use error, warning or info")
        }
        return severity
    }
}
