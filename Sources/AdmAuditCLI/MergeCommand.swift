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
        reports give the numbers of a single run over all the shards: \
        counts add and scores are kept whole, so medians and rank tests are exact. The \
        shards' findings.csv and rejects.csv (beside each state.json) are gathered in shard \
        order. A decision id in two shards is named in a warning (each shard leaves its ids' \
        fingerprints in decision-ids.bin beside its state). Give the states in the order of the data.
        """
    )

    @OptionGroup var report: ReportOptions

    @Argument(help: "The shards' state files (state.json), in the order of the data.")
    var states: [String]

    func run() throws {
        let (pipeline, pipelineFile) = try report.loadPipeline()
        // The states are inputs: a merge into a shard's own folder would replace its state.json.
        let output = try report.stageOutput(inputs: states, keeping: pipelineFile, language: pipeline.report.language)
        defer { Interrupts.finish { output.abandon() } }
        var byproducts = AuditMerge.Byproducts()
        var result = try AuditMerge.merge(statePaths: states, pipeline: pipeline, pipelineFile: pipelineFile, byproducts: &byproducts,
                                          keepingDecisionIDs: report.saveState)
        let gathered = try ShardOutputs.gather(statePaths: states, into: output.folder, byproducts: byproducts,
                                               language: pipeline.report.language,
                                               unkeyed: result.diagnostics.contains { $0.code == .noPseudonymKey })
        result.diagnostics += gathered.diagnostics
        try report.finish(result, output: output, alsoWritten: gathered.written, note: pipeline.report.language.text("merged \(states.count) shard states; ",
                                                                                      "已合并 \(states.count) 个分片状态；"))
    }
}
