import Crypto
import Foundation

/// Everything a run learnt, ready for the report stage.
public struct AuditResult: Sendable {
    public var pipeline: Pipeline
    public var pipelineFile: String
    public var inputs: [InputSummary]
    public var checks: [CheckTally]
    public var selection: [SelectionStratum]
    /// Per record check, its compliance by group (favourable = compliant): does a
    /// violation fall on one group more than another? Only strata with a violation.
    public var processFairness: [CheckFairness]
    /// Contests overturned, by group, among contests with a recorded result: overturned
    /// contests are the employer's own admission of error. "Favorable" counts contests
    /// that were not overturned, so a group whose contests are overturned more often
    /// shows a lower rate; no flag is given.
    public var appealOutcomes: [SelectionStratum]
    /// Scores by group, where the export has scores.
    public var scores: [ScoreStratum]
    /// Selection rates and impact ratios by calendar month (local, of `decided_at`), to
    /// show drift; months in order.
    public var drift: [MonthlySelection]
    /// Selection rates and impact ratios within each level of each `bias.by` column that
    /// is an attribute (sites, say), levels by label.
    public var byLevel: [LevelSelection]
    /// How the readable reports show each group (as the export spelled it); labels stay in the result.
    public var groupNames: GroupNames
    public var asOf: AsOfDate?
    public var asOfSource: String
    public var diagnostics: [Diagnostic]
    public var recordsByType: [DecisionType: Int]
    /// The run's state, for `run --save-state` and `merge`.
    public var shard: ShardState
    /// 2 when the input was cut in two and audited on two cores (`SplitAudit`); not in any report.
    public var partsAudited = 1
    /// The ids the run claimed, when it keeps them for a merge (`AuditRun.keepsDecisionIDs`).
    public var decisionIDs: DecisionIDList? = nil
    /// Working time from the activity logs, when any input was one.
    public var workTime: WorkTimeResult? = nil

    /// The result of a run or a merge: the statistics are made from the shard state here,
    /// the same way for both, so a merge gives the numbers of a single run.
    init(pipeline: Pipeline, pipelineFile: String, shard: ShardState, asOf: AsOfDate?, asOfSource: String) throws(AuditError) {
        let measured = try shard.measure.results(pipeline: pipeline)
        self.pipeline = pipeline
        self.pipelineFile = pipelineFile
        inputs = shard.inputs
        checks = shard.checks
        selection = measured.selection
        processFairness = measured.processFairness
        appealOutcomes = measured.appealOutcomes
        scores = measured.scores
        drift = measured.drift
        byLevel = measured.byLevel
        groupNames = measured.groupNames
        self.asOf = asOf
        self.asOfSource = asOfSource
        diagnostics = shard.diagnostics + shard.measure.alikeGroupWarnings()
        recordsByType = shard.measure.decisionsByType
        self.shard = shard
    }

    /// The decision exports among the inputs, and the activity logs.
    public var decisionInputs: [InputSummary] { inputs.filter { !$0.isActivityLog } }
    public var activityInputs: [InputSummary] { inputs.filter(\.isActivityLog) }

    /// Decision rows (an activity log's rows are events, counted in `workTime`).
    public var totalRead: Int { decisionInputs.reduce(0) { $0 + $1.rowsRead } }
    public var totalAccepted: Int { decisionInputs.reduce(0) { $0 + $1.accepted } }
    public var totalRejected: Int { decisionInputs.reduce(0) { $0 + $1.rejected } }
    public var reconciles: Bool { inputs.allSatisfy(\.reconciles) }

    /// The checks that found something, the most serious first: what a summary leads with.
    public var checksWithFindings: [CheckTally] {
        checks.filter { $0.violations > 0 }.sorted { ($0.descriptor.severity, $0.violations) > ($1.descriptor.severity, $1.violations) }
    }

    /// The checks that could not judge records because no as-of date was given before the
    /// run (`--as-of` or `audit_date`): those of what is still pending on that date (AP-03,
    /// DM-02) count such records as unknown. A summary names them, so that it does not read
    /// clean while they judged nothing.
    public var checksWithoutAsOfDate: [CheckTally] {
        guard asOfSource == "data" || asOfSource == "none" else { return [] }
        return checks.filter { $0.descriptor.usesAsOfDate && $0.unknown > 0 }
    }

    /// Checks the pipeline enables that were not run: no rule they apply is in force in its
    /// `checks.jurisdictions` (a US export under EU and Chinese rules). The summary names them,
    /// lest a short list of checks read as a clean audit.
    public var checksOutsideJurisdictions: [String] {
        CheckRegistry.all.map(\.descriptor)
            .filter { concernsWhatWasRead($0.id) && CheckRegistry.isEnabled($0.id, pipeline.checks) && !CheckRegistry.isEnabled($0, pipeline.checks) }
            .map(\.id)
    }

    /// A working-time check concerns a run that read an activity log; any other, one that read decisions.
    private func concernsWhatWasRead(_ id: String) -> Bool {
        if id == DecisionAfterUnansweredContact.descriptor.id { return workTime != nil && !decisionInputs.isEmpty }
        return CheckRegistry.workTimeCheckIDs.contains(id) ? workTime != nil : !decisionInputs.isEmpty || inputs.isEmpty
    }

    /// Checks the pipeline switched off (`checks: {HR-01: false}`): every summary names them,
    /// as a pipeline could come from the party under inspection (or `init` of its export).
    public var checksSwitchedOff: [String] {
        CheckRegistry.all.map(\.descriptor.id).filter { concernsWhatWasRead($0) && !CheckRegistry.isEnabled($0, pipeline.checks) }
    }

    /// No check found a violation, and none left a record unknown: the summary may read clean.
    public var isClean: Bool { checks.allSatisfy { $0.violations == 0 && $0.unknown == 0 } }

    /// The groups whose impact ratio is below the threshold, with their strata, in report order.
    public var groupsBelowThreshold: [(stratum: SelectionStratum, group: GroupSelection)] {
        selection.flatMap { stratum in stratum.groups.filter { $0.flag.isBelowThreshold }.map { (stratum, $0) } }
    }

    /// Inputs whose rejected rows could hide violations (`InputSummary.mayHideViolations`).
    public var inputsHidingRows: [InputSummary] { decisionInputs.filter(\.mayHideViolations) }

    /// Activity logs with rejected rows: events counted in no working time.
    /// Logs with rows rejected that could have been events (a totals row or the header again could not).
    public var activityInputsWithRejects: [InputSummary] { activityInputs.filter { $0.rejected > $0.rejectedNonDecisions } }

    /// The reasons those rows were rejected, most frequent first (repeated headers and totals rows aside).
    public var hiddenRowReasons: [(code: RejectCode, rows: Int)] {
        var counts: [RejectCode: Int] = [:]
        for input in inputsHidingRows { counts.merge(input.rejectsByCode.filter { !$0.key.isNotADecision }, uniquingKeysWith: +) }
        return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { ($0.key, $0.value) }
    }

    /// The record checks that ran, none of which saw a rejected row.
    public var recordCheckIDs: [String] {
        checks.map(\.descriptor.id).filter { id in CheckRegistry.recordChecks.contains { $0.descriptor.id == id } }
    }

    /// An input whose rejected share is above `limit` (`--max-rejected`, `input.max_rejected`).
    public func inputsRejectingMoreThan(_ limit: Double) -> [InputSummary] { inputs.filter { $0.rejectedShare > limit } }

    /// Inputs with rows that may be decisions and none accepted: nothing in them was audited.
    public var inputsWhollyRejected: [InputSummary] { inputs.filter { $0.accepted == 0 && $0.rejectedShare > 0 } }

    /// The most severe level among the findings, if any.
    public var worstSeverity: Severity? {
        checks.filter { $0.violations > 0 }.map(\.descriptor.severity).max()
    }
}

/// One audit: ingest → map → validate → check → measure over every input, in one pass.
///
/// The library never prints or exits: findings and rejects go to the sink, recoverable
/// problems become diagnostics, and what stops the run is thrown as an `AuditError`.
public struct AuditRun {
    public let pipeline: Pipeline
    public let pipelineFile: String
    public let inputs: [String]
    /// `--as-of`, overriding the pipeline's `audit_date`.
    public let asOfOption: AsOfDate?
    /// Key for subject pseudonyms; nil derives one from the inputs (see `Pseudonymizer`).
    public let pseudonymKey: [UInt8]?
    /// What to read for each input, in order (a stream's copy, `InputSources`); nil: the
    /// inputs themselves. Reports name the inputs as given.
    public var sources: [String]? = nil

    public init(pipeline: Pipeline, pipelineFile: String, inputs: [String], asOf: AsOfDate? = nil, pseudonymKey: [UInt8]? = nil) {
        self.pipeline = pipeline
        self.pipelineFile = pipelineFile
        self.inputs = inputs
        self.asOfOption = asOf
        self.pseudonymKey = pseudonymKey
    }

    /// A single input at least this large (bytes) is cut in two and audited on two cores
    /// at once (`SplitAudit`), with the same result; smaller inputs, several inputs, and
    /// files that are not UTF-8 are audited in one piece.
    public var splitThreshold = 32 << 20

    /// Activity logs of at least this many events have their workers' weeks made on two cores
    /// at once (`ActivityReading.result`), with the same result.
    public var splitActivityEvents = 1 << 18

    /// Fingerprints the decision ids comparably across runs and gives them with the result
    /// (`DecisionIDList`), for `merge` to find an id in two shards: `run --save-state`.
    public var keepsDecisionIDs = false

    /// Keeps the run checks' observations in the result's state, for `--save-state` (and
    /// tests). HR-03's grow with the reviews: a run that saves no state does not make them.
    /// A run that keeps its ids for a merge (`keepsDecisionIDs`) keeps them too, so a saved
    /// state never lacks them.
    public var keepsRunCheckObservations = true

    /// How many decision ids the in-memory table holds, and how many are sorted in memory
    /// before a run of them goes to TMPDIR (`DecisionIDRegistry`); tests make them small.
    public var idTableLimit = DecisionIDRegistry.defaultTableLimit
    public var idRunLength = DecisionIDRegistry.defaultRunLength

    /// Where the run counts how far it has got, for a progress line; nil counts nothing.
    public var progress: RunProgress? = nil

    public func run(into sink: any AuditSink) throws(AuditError) -> AuditResult {
        guard !inputs.isEmpty else { throw AuditError(.invocation, "no input files given", hint: "name one or more CSV exports") }
        let sources = self.sources ?? inputs
        guard sources.count == inputs.count else {
            throw AuditError(.invocation, "each input needs one source to read", hint: "please report this")
        }
        // Where an id was first seen holds its file's index in 16 bits (`DecisionIDRegistry.Entry`).
        guard inputs.count <= 1 << 16 else {
            throw AuditError(.invocation, "\(inputs.count) input files given; one run reads at most 65,536",
                             hint: "audit them in several runs with `run --save-state` and join the states with `admaudit merge`")
        }
        let pseudonymizer = try Pseudonymizer(handling: pipeline.report.subjectIDs, key: pseudonymKey, inputs: sources)
        let explicitAsOf = asOfOption ?? pipeline.auditDate.flatMap(AsOfDate.init)
        let repeats: RepeatedIDs
        do {
            // Its own scope: the first reading's state is let go before a second one starts.
            let first = try read(sources, pseudonymizer: pseudonymizer, asOf: explicitAsOf, knownRepeats: nil, into: sink)
            defer { first.fileHash?.job.wait() }
            // The search for ids repeated beyond the id table runs beside the statistics; they
            // are kept when it finds none, as almost always.
            let ids = first.auditor.ids
            let search = BackgroundJob { () throws(AuditError) -> RepeatedIDs in try ids.repeatsFound() }
            let concluded = Result { () throws(AuditError) -> AuditResult in try conclude(first, explicitAsOf: explicitAsOf, into: sink) }
            repeats = try search.value()
            if repeats.isEmpty { return try withDecisionIDs(concluded.get(), claimed: first.auditor.ids) }
        }
        // Ids repeated beyond the id table (or in both parts of a cut file) are known only now:
        // the inputs are read again, each later copy rejected as a reading in one piece rejects it.
        try sink.restart()
        progress?.restart()
        let reading = try read(sources, pseudonymizer: pseudonymizer, asOf: explicitAsOf, knownRepeats: repeats, into: sink)
        defer { reading.fileHash?.job.wait() }
        try repeats.finish()
        return try withDecisionIDs(conclude(reading, explicitAsOf: explicitAsOf, into: sink), claimed: reading.auditor.ids)
    }

    /// The result of a reading: the run checks concluded, the measure state closed, the statistics made.
    private func conclude(_ reading: Reading, explicitAsOf: AsOfDate?, into sink: any AuditSink) throws(AuditError) -> AuditResult {
        var (auditor, summaries, diagnostics, parts) = (reading.auditor, reading.summaries, reading.diagnostics, reading.parts)
        if let inference = pipeline.inference {
            let todos = inference.todos.count
            diagnostics.insert(Diagnostic(level: todos > 0 ? .warning : .note, file: nil, code: .pipelineInferred,
                                          values: ["input": .text(inference.input), "pipeline": .text(pipelineFile), "settings_to_check": .count(todos)]),
                               at: 0)
        }
        var checks = auditor.checks
        try checks.finish(into: sink)
        if let warning = checks.beforeRulesWarning { diagnostics.append(warning) }
        try sink.readingEnded()
        // Activity logs alone hold no decision: the decision checks' caveats do not apply.
        let readDecisions = summaries.contains { !$0.isActivityLog }
        if explicitAsOf == nil && checks.needsAsOfDate && readDecisions {
            diagnostics.append(Diagnostic(level: .warning, file: nil, code: .noAsOfDate))
        }
        if pipeline.report.subjectIDs == .pseudonymize && pseudonymKey == nil {
            diagnostics.append(Diagnostic(level: .note, file: nil, code: .noPseudonymKey))
        }
        if pipeline.input.assumeAutomated && readDecisions {
            diagnostics.append(Diagnostic(level: .note, file: nil, code: .assumeAutomated))
        }

        auditor.checks = checks
        try auditor.closeMeasure()
        diagnostics += auditor.groups.compactMap { $0.overflowWarning() }
        diagnostics += auditor.groups.compactMap { $0.disguisedWarning() }
        if let warning = ValueMaps.disguisedWarning(auditor.disguisedValues) { diagnostics.append(warning) }
        let latestDecision = auditor.latestDecision
        let shard = ShardState(pipelineName: pipeline.name, pipelineSHA256: pipeline.sha256, judgedAsOf: explicitAsOf,
                               latestDecision: latestDecision, inputs: summaries,
                               checks: checks.tallies.sorted { CheckRegistry.precedes($0.descriptor.id, $1.descriptor.id) },
                               diagnostics: diagnostics, runChecks: keepsRunCheckObservations || keepsDecisionIDs ? try checks.runCheckObservations : [:], measure: auditor.measure,
                               pseudonymKeyCheck: Pseudonymizer.keyCheck(handling: pipeline.report.subjectIDs, key: pseudonymKey))
        let asOfSource = asOfOption != nil ? "option" : (explicitAsOf != nil ? "pipeline" : (latestDecision != nil ? "data" : "none"))
        var result = try AuditResult(pipeline: pipeline, pipelineFile: pipelineFile, shard: shard,
                                 asOf: explicitAsOf ?? latestDecision.map(auditor.calendar.date(of:)), asOfSource: asOfSource)
        result.partsAudited = parts
        if !readDecisions { result.checks = [] }
        if let activity = reading.activity {
            let join = readDecisions ? reading.join : nil
            let work = try activity.result(join: join, decisionGroups: readDecisions ? reading.subjectGroups.map { ($0, reading.auditor.groups) } : nil,
                                           splitAbove: splitActivityEvents)
            result.workTime = work
            if let warning = work.calendarWarning { result.diagnostics.append(warning) }
            if let warning = work.punchWarning { result.diagnostics.append(warning) }
            var tallies = work.tallies
            if let join, let builder = activity.builder {
                // The decisions' workers by the logs' names for them (the pseudonyms agree), at their places.
                let places = builder.places.places, selected = pipeline.checks.jurisdictions
                tallies.append(try join.judge(worker: { key in
                    guard let index = builder.worker(key) else { return nil }
                    let (place, others) = builder.place(ofWorker: index)
                    let at = Int(place) < places.count ? places[Int(place)] : places[0]
                    // As the working-time checks judge the worker (`WorkTimeJudge`).
                    let jurisdiction = others ? nil : at.jurisdiction.flatMap { code in selected.contains { CheckRunner.covers($0, code) } ? code : nil }
                    return ContactJoin.LogWorker(name: builder.workers[Int(index)], zone: at.timeZone, jurisdiction: jurisdiction)
                }, files: inputs, into: sink))
                if let warning = join.sparseWarning(logWorkers: builder.workers.count) { result.diagnostics.append(warning) }
            }
            result.checks = (result.checks + tallies).sorted { CheckRegistry.precedes($0.descriptor.id, $1.descriptor.id) }
        }
        // Last, so that what the hash of a cut file had left ran beside the statistics.
        if let pending = reading.fileHash {
            let hash = try pending.job.value()
            result.inputs[pending.input].sha256 = hash
            result.shard.inputs[pending.input].sha256 = hash
        }
        return result
    }

    /// The result with the ids claimed, when the run keeps them for a merge (read once the
    /// search for repeats is done with them).
    private func withDecisionIDs(_ result: AuditResult, claimed: DecisionIDRegistry) -> AuditResult {
        var result = result
        if keepsDecisionIDs { result.decisionIDs = DecisionIDList(claimed: claimed) }
        return result
    }

    /// What one reading of every input leaves: the auditor, each input's summary, the
    /// diagnostics met, and whether the only input was cut in two.
    private struct Reading {
        var auditor: PartAuditor
        var summaries: [InputSummary] = []
        var diagnostics: [Diagnostic] = []
        var parts = 1
        /// The activity logs' reading, when any input was one.
        var activity: ActivityReading? = nil
        /// DC-02's join, when the pipeline reads activity logs.
        var join: ContactJoin? = nil
        /// The decisions' subjects' groups, for the logs' workers whose logs give none.
        var subjectGroups: SubjectGroups? = nil
        /// A cut file's SHA-256, still being made when its parts end (`SplitAudit.Outcome`),
        /// and the input whose summary it completes.
        var fileHash: (input: Int, job: BackgroundJob<String>)? = nil
    }

    /// Reads every input once, in order; `knownRepeats`: the later copies of ids a first
    /// reading found repeated beyond the id table, with where each id was first seen.
    private func read(_ sources: [String], pseudonymizer: Pseudonymizer, asOf explicitAsOf: AsOfDate?,
                      knownRepeats: RepeatedIDs?, into sink: any AuditSink) throws(AuditError) -> Reading {
        let values = ValueMaps(pipeline.values)
        let (pipeline, inputs, progress, keepsDecisionIDs) = (self.pipeline, self.inputs, self.progress, self.keepsDecisionIDs)
        let (idTableLimit, idRunLength) = (self.idTableLimit, self.idRunLength)
        let join = pipeline.activity != nil ? ContactJoin.enabled(pipeline.checks) : nil
        // A run that reads logs reads each input in one piece: one auditor fills these.
        let subjectGroups = pipeline.activity != nil && !pipeline.attributes.isEmpty ? SubjectGroups() : nil
        // Each auditor its own context: its calendar caches offsets and is not shared across threads.
        let makeAuditor = { (sink: any AuditSink) throws(AuditError) -> PartAuditor in
            let auditor = PartAuditor(pipeline: pipeline, context: Self.checkContext(pipeline: pipeline, asOf: explicitAsOf),
                                      pseudonymizer: pseudonymizer, inputs: inputs, sink: sink,
                                      ids: DecisionIDRegistry(files: inputs, fingerprints: keepsDecisionIDs ? .comparable : .keyed,
                                                              tableLimit: idTableLimit, runLength: idRunLength))
            auditor.ids.knownRepeats = try knownRepeats?.cursor()
            auditor.progress = progress
            auditor.join = join
            auditor.subjectGroups = subjectGroups
            return auditor
        }
        var auditor = try makeAuditor(sink)
        var summaries: [InputSummary] = []
        var diagnostics: [Diagnostic] = []
        var parts = 1
        var fileHash: (input: Int, job: BackgroundJob<String>)? = nil
        let activity = pipeline.activity.map { ActivityReading(pipeline: pipeline, settings: $0, pseudonymizer: pseudonymizer, sink: sink) }
        var options = ReaderOptions()
        options.encoding = pipeline.input.encoding
        options.delimiter = pipeline.input.delimiter
        options.maxFieldBytes = pipeline.input.maxFieldBytes
        options.maxRowBytes = pipeline.input.maxRowBytes
        options.maxFields = pipeline.input.maxColumns
        options.headerLine = pipeline.input.headerLine
        let cores = AvailableCores.count
        // On one core a parsing thread of its own would only take turns with the audit.
        options.parsesOnItsOwnThread = cores > 1

        for (fileIndex, (path, source)) in zip(inputs, sources).enumerated() {
            // A pipeline that reads activity logs reads each input in one piece: which kind an
            // input is, its header says, and a split is planned before the header is read.
            if inputs.count == 1, cores > 1, pipeline.activity == nil,
               let plan = FileSplitter.plan(path: source, options: options, minimumBytes: splitThreshold),
               let outcome = try SplitAudit(path: source, name: path, plan: plan, options: options, pipeline: pipeline, values: values,
                                            makeAuditor: makeAuditor).run(into: sink) {
                auditor = outcome.auditor
                fileHash = (summaries.count, outcome.fileHash)
                summaries.append(outcome.summary)
                diagnostics += outcome.diagnostics
                parts = 2
                continue
            }
            // A split given up on (a quote across the cut) is read again whole.
            if inputs.count == 1 { progress?.restart() }
            var headerError: AuditError? = nil
            var summary = InputSummary(file: path, sha256: "", bytes: 0, encoding: .auto, delimiter: 0, lines: 0)
            var hasher = SHA256()
            auditor.builder = nil
            let progress = self.progress
            var isActivityLog = false
            let facts = try CSVReader(path: source, options: options).read(observingBytes: { bytes in
                hasher.update(bufferPointer: bytes)
                progress?.read(bytes: bytes.count)
            }) { row in
                guard row.ordinal == 0 else { return isActivityLog ? activity!.consume(row) : auditor.consume(row) }
                if let activity, let mapping = Self.activityMapping(row, pipeline: pipeline, settings: activity.settings) {
                    isActivityLog = true
                    summary.isActivityLog = true
                    summary.headerLines = row.endLine - row.line + 1
                    summary.mapping = mapping.sources.map { FieldSource(field: $0.field, header: $0.header) }
                    let mapped = Set(mapping.columns.values)
                    summary.unmappedHeaders = mapping.headers.indices.filter { !mapped.contains($0) }.map { mapping.headers[$0] }
                    activity.begin(file: path, mapping: mapping)
                    return true
                }
                do throws(AuditError) {
                    let mapping = try Self.mapHeader(row, path: path, pipeline: pipeline)
                    summary.headerLines = row.endLine - row.line + 1
                    summary.mapping = mapping.sources
                    summary.unmappedHeaders = mapping.unmapped.map(\.header)
                    diagnostics += mapping.diagnostics(file: path)
                    auditor.begin(file: path, fileIndex: fileIndex, mapping: mapping, values: values)
                } catch {
                    headerError = error
                    return false
                }
                return true
            }
            if let headerError { throw headerError }
            if let error = auditor.stoppingError { throw error }
            if let error = activity?.stoppingError { throw error }
            summary.blankLines = facts.blankLines
            if isActivityLog {
                activity!.tally.apply(to: &summary, readerBlankLines: facts.blankLines)
                diagnostics += activity!.tally.repairWarnings(file: path)
                if let lookAlike = activity!.builder?.lookAlikeWarning { diagnostics.append(lookAlike) }
            } else if auditor.builder != nil {
                auditor.end()
                auditor.tally.apply(to: &summary, readerBlankLines: facts.blankLines)
                diagnostics += auditor.tally.repairWarnings(file: path)
            } else {
                diagnostics.append(Diagnostic(level: .warning, file: path, code: .emptyFile))
            }
            summary.sha256 = hasher.finalize().hexString
            summary.bytes = facts.bytesRead
            summary.encoding = facts.encoding
            summary.delimiter = facts.delimiter
            summary.lines = facts.lines
            summary.linesAboveHeader = facts.linesAboveHeader
            diagnostics += facts.linesAboveHeader.compactMap { $0.warning(file: path) }
            summaries.append(summary)
        }

        return Reading(auditor: auditor, summaries: summaries, diagnostics: diagnostics, parts: parts,
                       activity: activity?.builder != nil ? activity : nil, join: join, subjectGroups: subjectGroups,
                       fileHash: fileHash)
    }

    /// The header's mapping as an activity log's: it names a worker and a time, and not the
    /// fields a decision needs. nil: the input is a decision export.
    static func activityMapping(_ row: RawRow, pipeline: Pipeline, settings: ActivitySettings) -> ActivityMapping? {
        guard row.defect == nil else { return nil }
        let headers = row.strings
        let mapping = ActivityMapping(headers: headers, settings: settings)
        return mapping.readsAsLog(rather: ColumnMapping(headers: headers, pipeline: pipeline), pipeline: pipeline) ? mapping : nil
    }

    /// What the checks judge by: the pipeline's settings, its local calendar and the as-of date.
    /// Each call makes storage of its own (a new set and arrays, a new calendar): the runner
    /// still counts references to the context's storage for every record, and the two parts
    /// of a cut file sharing it made both cores fight over those counts (W at 10M on two
    /// cores: retains 7 % of the CPU with the pipeline's own set and array, 2 % without).
    static func checkContext(pipeline: Pipeline, asOf: AsOfDate?) -> CheckContext {
        let calendar = LocalCalendar(timeZone: TimeZone(identifier: pipeline.input.timeZone) ?? TimeZone(identifier: "UTC")!)
        var context = CheckContext(significantTypes: Set(Array(pipeline.checks.significantTypes)),
                                   assumeAutomated: pipeline.input.assumeAutomated,
                                   calendar: calendar, asOfDay: asOf.map(LocalCalendar.day(of:)))
        context.attributeNames = pipeline.attributes.map(\.name)
        context.jurisdictions = pipeline.checks.jurisdictions.map { $0 }
        context.subjectIDs = pipeline.report.subjectIDs
        return context
    }

    /// Maps the header row; a header the run cannot use stops the run (exit 3).
    static func mapHeader(_ row: RawRow, path: String, pipeline: Pipeline) throws(AuditError) -> ColumnMapping {
        if case let .tooManyFields(count, limit) = row.defect {
            throw AuditError(.input, "the header has \(count) columns; at most \(limit) are read (input.max_columns)", file: path, line: row.line,
                             hint: "check the delimiter (input.delimiter); if the export really has this many columns, raise input.max_columns in the pipeline")
                .inChinese("表头有 \(count) 列，最多读取 \(limit) 列（input.max_columns）",
                           hint: "检查分隔符（input.delimiter）；如导出文件确有这么多列，请在流水线文件中调高 input.max_columns")
        }
        if row.defect != nil {
            throw AuditError(.input, "the header row is damaged (bad bytes, an open quote or an oversized field)", file: path, line: row.line,
                             hint: "check the file's encoding (set input.encoding, e.g. gb18030) and its first line")
                .inChinese("表头行已损坏（无效字节、未闭合的引号或过长的字段）",
                           hint: "检查文件的编码（设置 input.encoding，如 gb18030）及其第一行")
        }
        let mapping = ColumnMapping(headers: row.strings, pipeline: pipeline)
        let missing = mapping.missingRequired(canDeriveOutcome: pipeline.derive != nil,
                                              hasDefaultDecisionType: pipeline.input.defaultDecisionType != nil,
                                              outcomeFromDecisionType: pipeline.outcomeFromDecisionType)
        if !missing.isEmpty {
            let names = missing.map(\.rawValue).joined(separator: ", ")
            // The example names none of the export's columns: the first header was once given,
            // and followed it made a column of workers' names the decision id, printed as written.
            let field = missing[0].rawValue
            throw AuditError(.input, "no column found for \(names); the header has: \(mapping.headers.joined(separator: ", "))",
                             file: path, line: row.line,
                             hint: "add the employer's header names under `columns:` in the pipeline (e.g. `\(field): [the header of its column]`), or run `admaudit init \(path)`")
                .inChinese("找不到 \(missing.map(\.rawValue).joined(separator: "、")) 的列；表头为：\(mapping.headers.joined(separator: "，"))",
                           hint: "在流水线文件的 `columns:` 下写上用人单位的表头名称（如 `\(field): [该列的表头]`），或运行 `admaudit init \(path)`")
        }
        return mapping
    }
}
