import Crypto
import Foundation

/// Merges the states of shards run separately (`run --save-state`) into the result a
/// single run over all of them would give (`admaudit merge`). See `ShardState` for what
/// a merge cannot see.
public enum AuditMerge {
    /// - Parameters:
    ///   - statePaths: state files, in the order of the data (the first spelling of a
    ///     group label wins, as in a single run over the files in that order).
    ///   - pipeline: the pipeline every shard was run with; another is refused.
    public static func merge(statePaths: [String], pipeline: Pipeline, pipelineFile: String) throws(AuditError) -> AuditResult {
        var unused = Byproducts()
        return try merge(statePaths: statePaths, pipeline: pipeline, pipelineFile: pipelineFile, byproducts: &unused)
    }

    /// What `merge` needs besides the result to gather the shards' files.
    public struct Byproducts: Sendable {
        /// The findings of the run-wide checks (HR-03, DQ-02) judged on the merged
        /// observations, as a run over all the shards writes them at its end.
        public var runCheckFindings: [Finding] = []
        /// Per shard, the rows its findings.csv holds for record checks (their violations)
        /// and its rejects.csv (its rejected rows): what gathering its files must find.
        public var shardRows: [(findings: Int, rejects: Int)] = []
        public init() {}
    }

    /// The same, also giving the `Byproducts`. With `keepingDecisionIDs`, the result holds
    /// every shard's ids once (`decisionIDs`), for `merge --save-state` to leave beside the
    /// merged state.
    public static func merge(statePaths: [String], pipeline: Pipeline, pipelineFile: String,
                             byproducts: inout Byproducts, keepingDecisionIDs: Bool = false) throws(AuditError) -> AuditResult {
        guard !statePaths.isEmpty else {
            throw AuditError(.invocation, "no state files given", hint: "name the files written by `admaudit run --save-state`")
        }
        var merged: ShardState? = nil
        /// The merged diagnostics, to add each once however many shards repeat it.
        var seenDiagnostics = Set<Diagnostic>()
        var runChecks = CheckRegistry.enabledRunChecks(pipeline.checks)
        let absorbContext = AuditRun.checkContext(pipeline: pipeline, asOf: nil)
        var seenInputs: [String: String] = [:]
        var seenCounts: [String: String] = [:]
        var shardInputs: [[String]] = []
        let runCheckIDs = Set(runChecks.map(\.descriptor.id))
        for path in statePaths {
            var state = try ShardState.read(path: path, pipeline: pipeline)
            shardInputs.append(state.inputs.map(\.file))
            byproducts.shardRows.append((findings: state.checks.filter { !runCheckIDs.contains($0.descriptor.id) }.map(\.violations).saturatingSum,
                                         rejects: state.inputs.map(\.rejected).saturatingSum))
            guard state.pipelineSHA256 == pipeline.sha256 else {
                throw AuditError(.invocation,
                                 "the shard was run with pipeline '\(state.pipelineName)' (SHA-256 \(state.pipelineSHA256.prefix(12))…), not with \(pipelineFile) (\(pipeline.sha256.prefix(12))…)",
                                 file: path, hint: "merge with the very pipeline file the shards were run with")
            }
            // The same rows twice would count every decision twice.
            for input in state.inputs where input.rowsRead > 0 {
                if let earlier = seenInputs[input.sha256] {
                    throw AuditError(.invocation, "the input \(input.file) is in two shards (also as \(earlier)): its rows would count twice",
                                     file: path, hint: "give each shard's state once, and shards of different rows")
                }
                seenInputs[input.sha256] = input.file
            }
            // The same shard again under another name and hash: its statistics, every count
            // and score of them, are those of an earlier shard.
            if state.inputs.contains(where: { $0.accepted > 0 }) {
                let counts = try Self.countsFingerprint(state.measure)
                if let earlier = seenCounts[counts] {
                    throw AuditError(.invocation, "the shard's statistics are identical, count for count, to those of \(earlier): the same rows would count twice",
                                     file: path, hint: "give each shard's state once; if these really are different rows, merge them in separate runs")
                }
                seenCounts[counts] = path
            }
            let accepted = state.inputs.map(\.accepted).saturatingSum
            for index in runChecks.indices {
                guard let observed = state.runChecks[runChecks[index].descriptor.id] else { continue }
                guard observed.recordsObserved <= accepted else {
                    throw AuditError(.input, "the state file is damaged: \(runChecks[index].descriptor.id) observed \(observed.recordsObserved) records, more than the \(accepted) accepted",
                                     file: path, hint: "write the shard state again with `admaudit run --save-state`")
                }
                if let reason = runChecks[index].check.absorb(any: observed, context: absorbContext) {
                    throw AuditError(.input, "the state file is damaged: \(reason)", file: path,
                                     hint: "write the shard state again with `admaudit run --save-state`")
                }
            }
            // A merged state's notes of its own merge are made again for this one.
            state.diagnostics.removeAll { $0.code == .mergedShards || $0.code == .decisionIDsCompared }
            guard var sum = merged else {
                merged = state
                seenDiagnostics = Set(state.diagnostics)
                continue
            }
            guard state.judgedAsOf == sum.judgedAsOf else {
                throw AuditError(.invocation,
                                 "the shard's checks were judged as of \(state.judgedAsOf?.description ?? "no given date"), the first shard's as of \(sum.judgedAsOf?.description ?? "no given date")",
                                 file: path, hint: "run every shard with the same --as-of date")
            }
            // Pseudonyms under two keys: one worker would be two in the per-worker checks and
            // in the gathered findings.
            guard state.pseudonymKeyCheck == sum.pseudonymKeyCheck else {
                let (this, first) = (state.pseudonymKeyCheck != nil, sum.pseudonymKeyCheck != nil)
                throw AuditError(.invocation,
                                 this && first ? "the shard's pseudonyms were keyed with another key than the first shard's"
                                     : "the shard was run \(this ? "with" : "without") a pseudonym key, the first shard \(first ? "with" : "without") one",
                                 file: path, hint: "run every shard with the same ADMAUDIT_PSEUDONYM_KEY (or report.pseudonym_key_file): one worker must have one pseudonym")
            }
            guard state.checks.map(\.descriptor.id) == sum.checks.map(\.descriptor.id) else {
                throw AuditError(.input, "the shard ran other checks than the first shard", file: path,
                                 hint: "run every shard with the same pipeline and admaudit version")
            }
            if let reason = sum.measure.merge(state.measure) {
                throw AuditError(.input, "the shard cannot be merged: \(reason)", file: path,
                                 hint: "run every shard with the same pipeline and admaudit version")
            }
            sum.inputs += state.inputs
            for index in sum.checks.indices { sum.checks[index].add(state.checks[index]) }
            // Each diagnostic once, in the order first met.
            for diagnostic in state.diagnostics where seenDiagnostics.insert(diagnostic).inserted { sum.diagnostics.append(diagnostic) }
            if let latest = state.latestDecision { sum.latestDecision = max(sum.latestDecision ?? latest, latest) }
            merged = sum
        }
        var shard = merged!
        // The run-wide checks judge the merged observations, as one run would.
        let context = AuditRun.checkContext(pipeline: pipeline, asOf: shard.judgedAsOf)
        // Run-wide findings cite the rules in force at the period's end, as a run's do.
        let endDay = context.asOfDay ?? shard.latestDecision.map { context.calendar.day(of: $0) }
        for entry in runChecks {
            guard let index = shard.checks.firstIndex(where: { $0.descriptor.id == entry.descriptor.id }) else { continue }
            let outcome = try entry.check.conclude(context: context)
            CheckRunner.record(outcome, in: &shard.checks[index])
            shard.runChecks[entry.descriptor.id] = try entry.check.observations
            byproducts.runCheckFindings += CheckRunner.findings(of: outcome, descriptor: entry.descriptor, endDay: endDay)
        }
        // In the order one run over every shard's inputs gives them: the inferred pipeline,
        // then each input's own, then the run's.
        shard.diagnostics = shard.diagnostics.enumerated().sorted { a, b in
            func rank(_ diagnostic: Diagnostic) -> Int { diagnostic.code == .pipelineInferred ? 0 : diagnostic.file != nil ? 1 : 2 }
            return (rank(a.element), a.offset) < (rank(b.element), b.offset)
        }.map(\.element)
        var decisionIDs: DecisionIDList? = nil
        if statePaths.count > 1 || keepingDecisionIDs {
            let (comparison, union) = try DecisionIDList.compare(statePaths: statePaths, inputs: shardInputs, keepingUnion: keepingDecisionIDs)
            if statePaths.count > 1 { shard.diagnostics.append(idComparison(comparison, shards: statePaths.count)) }
            decisionIDs = union
        }
        if statePaths.count > 1 {
            shard.diagnostics.append(Diagnostic(level: .note, file: nil, code: .mergedShards, values: ["shards": .count(statePaths.count)]))
        }
        let asOf = shard.judgedAsOf ?? shard.latestDecision.map(context.calendar.date(of:))
        let source = shard.judgedAsOf != nil ? "shards" : (shard.latestDecision != nil ? "data" : "none")
        var result = try AuditResult(pipeline: pipeline, pipelineFile: pipelineFile, shard: shard, asOf: asOf, asOfSource: source)
        result.decisionIDs = decisionIDs
        return result
    }
}

extension AuditMerge {
    /// What the shards' decision ids say: none in two shards, some (the first named), or
    /// not compared (a shard left no list).
    static func idComparison(_ comparison: DecisionIDList.Comparison, shards: Int) -> Diagnostic {
        switch comparison {
        case .notCompared(let shard):
            return Diagnostic(level: .warning, file: shard, code: .decisionIDsNotCompared)
        case .compared(let ids, 0, _):
            return Diagnostic(level: .note, file: nil, code: .decisionIDsCompared, values: ["ids": .count(ids), "shards": .count(shards)])
        case .compared(_, let repeats, let first):
            let first = first!
            return Diagnostic(level: .warning, file: first.file, code: .decisionIDsRepeatedAcrossShards,
                              values: ["rows": .count(repeats), "line": .count(first.line), "first_file": .text(first.firstFile),
                                       "first_line": .count(first.firstLine)])
        }
    }

    /// SHA-256 of a measure state's file form: equal for equal statistics.
    static func countsFingerprint(_ measure: MeasureState) throws(AuditError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // The counts and labels, not how the groups were spelled: a spelling changed by hand
        // must not make the same rows pass for other rows.
        var record = try MeasureStateRecord(measure)
        record.spelled = nil
        // Every value is encodable: strings, integers, nested records.
        return SHA256.hash(data: try! encoder.encode(record)).hexString
    }
}
