import AdmAudit
import ArgumentParser
import Foundation

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Audit the inputs and write report.json, report.md, report.html, findings.csv and rejects.csv.",
        discussion: "Example: admaudit run -p pipelines/labor-inspection.yaml -o out/ export.csv"
    )

    @Option(name: .shortAndLong, help: "The pipeline file (YAML).")
    var pipeline: String

    @Option(name: .shortAndLong, help: "The output folder (created, owner-only).")
    var output: String = "admaudit-report"

    @Option(name: .customLong("as-of"), help: "The audit's as-of date, YYYY-MM-DD (default: the pipeline's audit_date, else the latest decision).")
    var asOf: String?

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding is at or above this severity: error, warning or info.")
    var failOn: String?

    @Option(name: .customLong("lang"), help: "Language of the readable reports (report.md, report.html): en or zh (default: the pipeline's).")
    var language: String?

    @Flag(name: .customLong("save-state"), help: "Also write the measure stage's state (state.json), for `admaudit merge`.")
    var saveState = false

    @Argument(help: "One or more CSV exports.")
    var inputs: [String]

    func run() throws {
        let asOfDate = try OptionParsing.asOf(asOf)
        let threshold = try OptionParsing.severity(failOn)
        var loaded = try PipelineLoader.load(path: pipeline)
        loaded.report.language = try OptionParsing.language(language) ?? loaded.report.language
        try OutputFolder.prepare(output, inputs: inputs)
        let key = try Pseudonymizer.configuredKey(pipeline: loaded, environment: ProcessInfo.processInfo.environment)
        let sink = try FileAuditSink(folder: output)
        let result = try AuditRun(pipeline: loaded, pipelineFile: pipeline, inputs: inputs, asOf: asOfDate, pseudonymKey: key)
            .run(into: sink)
        try sink.commit()
        var written = try ReportWriter.write(result, to: output)
        if saveState { written.append(try result.shard.write(to: output)) }

        Terminal.error(TerminalSummary.text(result))
        let readable = written.first { $0.hasSuffix(".md") } ?? written.first ?? output
        Terminal.error("report: \(readable) (all outputs in \(output)/: \((written.map { ($0 as NSString).lastPathComponent } + ["findings.csv", "rejects.csv"]).joined(separator: ", ")))")
        if let threshold, let worst = result.worstSeverity, worst >= threshold {
            throw Exit(code: 1)
        }
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
