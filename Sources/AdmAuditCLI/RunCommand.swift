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

    @Argument(help: "One or more CSV exports.")
    var inputs: [String]

    func run() throws {
        let asOfDate = try OptionParsing.asOf(asOf)
        let pipeline: Pipeline
        let pipelineFile: String
        let output: OutputFolder
        var alsoWritten = ["findings.csv", "rejects.csv"]
        if report.pipeline != nil {
            (pipeline, pipelineFile) = try report.loadPipeline()
            output = try report.stageOutput(inputs: inputs, keeping: pipelineFile, language: pipeline.report.language)
            if output.keptPipeline { alsoWritten.append("pipeline.yaml") }
        } else {
            // No pipeline: infer one from the first export, write it beside the report, and run that very file.
            guard let first = inputs.first else { throw AuditError(.invocation, "no input files given", hint: "name one or more CSV exports") }
            output = try report.stageOutput(inputs: inputs)
            let inferred = try InferredPipeline.infer(path: first)
            _ = try inferred.write(to: output.folder)
            // Named where it will be once the folder is swapped in.
            pipelineFile = output.finalPath(of: "pipeline.yaml")
            pipeline = try report.withOptions(inferred.pipeline(file: pipelineFile))
            Terminal.error(InitCommand.summary(inferred))
            alsoWritten.append("pipeline.yaml")
        }
        // A run that fails leaves the output folder as it was.
        defer { Interrupts.finish { output.abandon() } }
        let key = try Pseudonymizer.configuredKey(pipeline: pipeline, environment: ProcessInfo.processInfo.environment)
        let sink = try FileAuditSink(folder: output.folder)
        var run = AuditRun(pipeline: pipeline, pipelineFile: pipelineFile, inputs: inputs, asOf: asOfDate, pseudonymKey: key)
        // For benchmarks: the input size from which one file is audited on two cores.
        if let bytes = ProcessInfo.processInfo.environment["ADMAUDIT_SPLIT_BYTES"].flatMap(Int.init) { run.splitThreshold = bytes }
        let result = try run.run(into: sink)
        try sink.commit()
        try report.finish(result, output: output, alsoWritten: alsoWritten)
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
