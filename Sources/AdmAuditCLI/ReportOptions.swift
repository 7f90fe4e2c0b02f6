import AdmAudit
import ArgumentParser
import Foundation

/// The options every command that writes a report shares (`run`, `merge`), and what they
/// do at both ends: load the pipeline with `--lang` applied; write the reports and the
/// state, print the summary and exit by `--fail-on`.
struct ReportOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "The pipeline file (YAML). `run` without it infers one from the export and writes it beside the report (pipeline.yaml).")
    var pipeline: String?

    @Option(name: .shortAndLong, help: "The output folder (owner-only), replaced whole when the run completes; it may hold only admaudit's outputs.")
    var output: String = "admaudit-report"

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding is at or above this severity: error, warning or info. A rejected row that may be a decision counts as a finding of the most severe record check that ran.")
    var failOn: String?

    @Option(name: .customLong("lang"), help: "Language of the readable outputs (report.md, report.html, the texts in findings.csv and rejects.csv): en or zh (default: the pipeline's).")
    var language: String?

    @Flag(name: .customLong("save-state"), help: "Also write the measure stage's state (state.json), for `admaudit merge`.")
    var saveState = false

    @Option(name: .customLong("max-rejected"), help: "Exit 3 (after writing the reports) when more than this share of an input's rows is rejected, e.g. 0.01 (default: the pipeline's input.max_rejected).")
    var maxRejected: Double?

    /// The pipeline file given with -p, in the language asked for.
    func loadPipeline() throws -> (pipeline: Pipeline, file: String) {
        guard let pipeline else {
            throw AuditError(.invocation, "no pipeline given", hint: "add -p PIPELINE.yaml (the one `admaudit run` wrote beside the shards' reports)")
        }
        return (try withOptions(PipelineLoader.load(path: pipeline)), pipeline)
    }

    /// `pipeline` with the options that override it (--lang), and the options checked.
    func withOptions(_ pipeline: Pipeline) throws -> Pipeline {
        _ = try OptionParsing.severity(failOn)
        var pipeline = pipeline
        pipeline.report.language = try OptionParsing.language(language) ?? pipeline.report.language
        Terminal.language = pipeline.report.language
        return pipeline
    }

    /// Checks the output folder and stages this run's temporary folder beside it
    /// (`OutputFolder`), with interrupts cleaning it up. `inputs`: every file the run reads,
    /// none of which may be in the output folder; `kept`: the pipeline file, kept when it is
    /// the output folder's own pipeline.yaml.
    func stageOutput(inputs: [String], keeping kept: String? = nil, language: ReportLanguage? = nil) throws -> OutputFolder {
        let chosen = try language ?? OptionParsing.language(self.language) ?? .en
        return try Interrupts.stage(output, inputs: inputs, keeping: kept, language: chosen)
    }

    /// Writes the reports (and the state when asked) into the run's temporary folder, swaps
    /// it in as the output folder, prints the summary and where the outputs are, and exits
    /// 1 when a finding (or a rejected row that may be a decision: `FailOnVerdict`) reaches
    /// `--fail-on`.
    func finish(_ result: AuditResult, output: OutputFolder, alsoWritten: [String], note: String = "") throws {
        if let maxRejected, !(0...1).contains(maxRejected) {
            throw AuditError(.invocation, "--max-rejected \(maxRejected) is not a share", hint: "write a share from 0 to 1, e.g. --max-rejected 0.01")
        }
        var written = try ReportWriter.write(result, to: output.folder)
        if saveState {
            written.append(try result.shard.write(to: output.folder))
            if let ids = result.decisionIDs { written.append(try ids.write(to: output.folder, stateBytes: try result.shard.encoded())) }
        }
        try Interrupts.finish { try output.commit() }
        Terminal.error(TerminalSummary.text(result))
        let names = written.map { ($0 as NSString).lastPathComponent } + alsoWritten
        let readable = output.finalPath(of: names.first { $0.hasSuffix(".md") } ?? names.first ?? "")
        Terminal.error(result.pipeline.report.language.text(
            "\(note)report: \(readable) (all outputs in \(output.target)/: \(names.joined(separator: ", ")))",
            "\(note)报告：\(readable)（全部输出在 \(output.target)/：\(names.joined(separator: "、"))）"))
        // Too many rows rejected: the audit saw too little of the input to stand (exit 3, as an unreadable input).
        if let limit = maxRejected ?? result.pipeline.input.maxRejectedShare, !result.inputsRejectingMoreThan(limit).isEmpty {
            for input in result.inputsRejectingMoreThan(limit) {
                Terminal.error(result.pipeline.report.language.text(
                    "admaudit: \(TerminalText.safe(input.file)): \(String(format: "%.1f%%", input.rejectedShare * 100)) of the rows were rejected, more than the \(String(format: "%g%%", limit * 100)) allowed (--max-rejected or input.max_rejected)",
                    "admaudit：\(TerminalText.safe(input.file))：\(String(format: "%.1f%%", input.rejectedShare * 100)) 的行被拒收，超过允许的 \(String(format: "%g%%", limit * 100))（--max-rejected 或 input.max_rejected）"))
            }
            throw Exit(code: 3)
        }
        // With no limit set, an input none of whose rows could be audited is still one rejected as a whole.
        if !result.inputsWhollyRejected.isEmpty {
            for input in result.inputsWhollyRejected {
                Terminal.error(result.pipeline.report.language.text(
                    "admaudit: \(TerminalText.safe(input.file)): every row was rejected, so nothing in it was audited; rejects.csv gives each row's reason",
                    "admaudit：\(TerminalText.safe(input.file))：所有行均被拒收，其中没有任何内容经过审计；各行原因见 rejects.csv"))
            }
            throw Exit(code: 3)
        }
        // An export with no row at all audited nothing, though every check reads "n/a" as on
        // a clean run. A shard's state may be empty (a partition with no rows): it is merged.
        if !saveState, !result.decisionInputs.isEmpty, result.totalRead == 0 {
            Terminal.error(result.pipeline.report.language.text(
                "admaudit: no row of the input holds a decision (a header only, or nothing), so nothing was audited: check that this is the export asked for",
                "admaudit：输入中没有任何一行决策（只有表头，或为空），没有任何内容经过审计：请核实这是所要求的导出文件"))
            throw Exit(code: 3)
        }
        if let threshold = try OptionParsing.severity(failOn) {
            let verdict = FailOnVerdict(result)
            if let reason = verdict.rejectsReason(at: threshold, language: result.pipeline.report.language),
               verdict.failsOnlyForRejects(at: threshold) {
                Terminal.error("admaudit: " + reason)
            }
            if verdict.fails(at: threshold) { throw Exit(code: 1) }
        }
    }
}
