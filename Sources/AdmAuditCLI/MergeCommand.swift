import AdmAudit
import ArgumentParser
import Foundation

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the states of shards run separately into one report.",
        discussion: """
        Run each shard with `admaudit run --save-state -p PIPELINE -o OUTn SHARDn.csv`, then \
        `admaudit merge -p PIPELINE -o OUT OUT1/state.json OUT2/state.json …`. The merged \
        report.json and report.md give the numbers of a single run over all the shards: \
        counts add and scores are kept whole, so medians and rank tests are exact. Findings \
        and rejects stay in each shard's folder. Give the states in the order of the data.
        """
    )

    @Option(name: .shortAndLong, help: "The pipeline file every shard was run with.")
    var pipeline: String

    @Option(name: .shortAndLong, help: "The output folder (created, owner-only).")
    var output: String = "admaudit-report"

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding is at or above this severity: error, warning or info.")
    var failOn: String?

    @Option(name: .customLong("lang"), help: "Language of the readable reports: en or zh (default: the pipeline's).")
    var language: String?

    @Flag(name: .customLong("save-state"), help: "Also write the merged state (state.json), to merge again later.")
    var saveState = false

    @Argument(help: "The shards' state files (state.json), in the order of the data.")
    var states: [String]

    func run() throws {
        let threshold = try OptionParsing.severity(failOn)
        var loaded = try PipelineLoader.load(path: pipeline)
        loaded.report.language = try OptionParsing.language(language) ?? loaded.report.language
        try OutputFolder.prepare(output, inputs: states)
        let result = try AuditMerge.merge(statePaths: states, pipeline: loaded, pipelineFile: pipeline)
        var written = try ReportWriter.write(result, to: output)
        if saveState { written.append(try result.shard.write(to: output)) }

        Terminal.error(TerminalSummary.text(result))
        let readable = written.first { $0.hasSuffix(".md") } ?? written.first ?? output
        Terminal.error("merged \(states.count) shard states; report: \(readable) (all outputs in \(output)/: \(written.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")))")
        if let threshold, let worst = result.worstSeverity, worst >= threshold {
            throw Exit(code: 1)
        }
    }
}
