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

        Terminal.error(Summary.text(result))
        let readable = written.first { $0.hasSuffix(".md") } ?? written.first ?? output
        Terminal.error("report: \(readable) (all outputs in \(output)/: \((written.map { ($0 as NSString).lastPathComponent } + ["findings.csv", "rejects.csv"]).joined(separator: ", ")))")
        if let threshold, let worst = result.worstSeverity, worst >= threshold {
            throw Exit(code: 1)
        }
    }
}

/// The one-screen summary printed at the end of `run` and `validate`.
enum Summary {
    static func text(_ result: AuditResult) -> String {
        var lines: [String] = []
        for input in result.inputs {
            let verdict = input.reconciles ? "reconciled" : "DOES NOT RECONCILE (a bug: please report it)"
            lines.append("\(input.file): \(input.rowsRead) rows read = \(input.accepted) accepted + \(input.rejected) rejected, \(verdict) [\(input.encoding.rawValue)]")
        }
        for tally in result.checks {
            let rate = tally.rate.value.map { String(format: "%.1f%%", $0 * 100) } ?? "n/a"
            lines.append("\(tally.descriptor.id) \(tally.descriptor.severity.rawValue): \(tally.violations) of \(tally.applicable) applicable (\(rate)); \(tally.notRecorded) not recorded")
        }
        let flagged = result.selection.flatMap { s in s.groups.filter { $0.flag.isBelowThreshold }.map { (s, $0) } }
        for (stratum, group) in flagged.prefix(8) {
            let ratio = group.impactRatio.value.map { String(format: "%.3f", $0) } ?? "undefined"
            lines.append("impact ratio below \(result.pipeline.bias.impactThreshold): \(stratum.decisionType.rawValue) / \(stratum.attribute) = \(group.group): \(ratio) (\(group.flag.rawValue))")
        }
        if flagged.count > 8 { lines.append("… and \(flagged.count - 8) more groups in the report") }
        for diagnostic in result.diagnostics where diagnostic.level == .warning {
            lines.append("warning: \(diagnostic.file.map { $0 + ": " } ?? "")\(diagnostic.message)")
        }
        return lines.joined(separator: "\n")
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
