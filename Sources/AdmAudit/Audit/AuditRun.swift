import Crypto
import Foundation

/// Where findings and rejects go as they are found: files for `run`, counters for
/// `validate`. Streaming them keeps memory flat however many there are.
public protocol AuditSink: AnyObject {
    func finding(_ finding: Finding) throws(AuditError)
    func reject(_ reject: Reject) throws(AuditError)

    /// A sink for a later part of the file being read, audited at the same time on another
    /// thread (`SplitAudit`); its findings and rejects go after this sink's (`appendPart`).
    /// nil: this sink takes no parts, and files are audited in one piece.
    func makePart() throws(AuditError) -> (any AuditSink)?
    /// Adds a part's findings and rejects after this sink's own, and disposes of the part.
    func appendPart(_ part: any AuditSink) throws(AuditError)
    /// Forgets every finding and reject so far, and disposes of `part`: the split did not
    /// hold and the file is audited again in one piece.
    func discard(part: any AuditSink) throws(AuditError)
}

extension AuditSink {
    public func makePart() throws(AuditError) -> (any AuditSink)? { nil }
    public func appendPart(_ part: any AuditSink) throws(AuditError) {}
    public func discard(part: any AuditSink) throws(AuditError) {}
}

/// A recoverable problem noticed on the way, for the report and the terminal.
public struct Diagnostic: Sendable, Equatable {
    public enum Level: String, Sendable { case note, warning }
    public var level: Level
    public var file: String?
    public var message: String
}

/// What one input file gave: the reconciliation and the chain of custody.
public struct InputSummary: Sendable, Equatable {
    public var file: String
    public var sha256: String
    public var bytes: Int
    public var encoding: InputEncoding
    public var delimiter: UInt8
    public var lines: Int
    public var rowsRead = 0
    public var accepted = 0
    public var rejected = 0
    public var rejectsByCode: [RejectCode: Int] = [:]
    /// Rejected rows that read as an adverse decision (an adverse outcome, or a dismissal,
    /// demotion, discipline or suspension): violations no check could see.
    public var rejectedAdverse = 0
    /// Physical lines the rejected rows span: more than the rows when a quote left open
    /// swallowed the lines after it, each of which may have been a decision.
    public var rejectedLines = 0
    /// Title lines above the header, not read as data.
    public var linesAboveHeader: [LineAboveHeader] = []
    /// Physical lines the header spans (0 for an empty file).
    public var headerLines = 0
    /// Blank lines, not rows.
    public var blankLines = 0
    /// Physical lines the data rows span: more than the rows when quoted fields hold line breaks.
    public var rowLines = 0
    /// Rows a stray quote had merged that were read again one line at a time.
    public var quoteRepairs = 0
    /// Canonical field or attribute → the header it was read from, in column order.
    public var mapping: [FieldSource] = []
    public var unmappedHeaders: [String] = []

    /// rows read = accepted + rejected, and every physical line is a title line, the
    /// header, a blank line or part of a row; a run where this fails is a bug.
    public var reconciles: Bool { rowsRead == accepted + rejected && linesReconcile }

    /// lines = title lines + header + blank lines + the lines the rows span.
    public var linesReconcile: Bool { lines == titleLines + headerLines + blankLines + rowLines }

    /// Physical lines the title lines above the header span.
    public var titleLines: Int { linesAboveHeader.reduce(0) { $0 + $1.endLine - $1.line + 1 } }

    /// Lines inside quoted fields that span lines: rows hold more lines than there are rows.
    public var linesInsideFields: Int { max(0, rowLines - rowsRead) }

    /// Rejected rows that hold no decision (a repeated header, a totals row).
    public var rejectedNonDecisions: Int { rejectsByCode.filter { $0.key.isNotADecision }.values.reduce(0, +) }
    /// Rejected rows that may be decisions, and their share of the rows that may be.
    public var rejectedDecisions: Int { rejected - rejectedNonDecisions }
    public var rejectedShare: Double {
        let decisions = rowsRead - rejectedNonDecisions
        return decisions == 0 ? 0 : Double(rejectedDecisions) / Double(decisions)
    }

    /// Above this share of an input's rows rejected, the summaries open with the rejects:
    /// rejected rows are decisions no check saw, and an employer could hide violations there.
    public static let rejectedShareAlarm = 0.01

    /// Its rejected rows could hide violations: more than `rejectedShareAlarm` of the rows
    /// that may be decisions, or any rejected row that reads as an adverse decision.
    public var mayHideViolations: Bool {
        rejectedDecisions > 0 && (rejectedShare > Self.rejectedShareAlarm || rejectedAdverse > 0 || swallowedLines > 0)
    }

    /// Lines inside rejected rows beyond one a row: lines a damaged row swallowed.
    public var swallowedLines: Int { max(0, rejectedLines - rejected) }
}

/// Which header a canonical field or attribute was read from.
public struct FieldSource: Sendable, Equatable {
    public var field: String
    public var header: String
}

/// Per check: how many records it looked at and what it found.
public struct CheckTally: Sendable, Equatable {
    public var descriptor: CheckDescriptor
    public var applicable = 0
    public var violations = 0
    /// Violations because the employer did not record what would show compliance.
    public var notRecorded = 0
    public var unknown = 0
    /// Why records could not be judged: reason → count, for the first few distinct reasons.
    public var unknownReasons: [String: Int] = [:]
    public static let unknownReasonLimit = 10
    /// The first decision ids found (bounded), for the evidence list in readable reports.
    public var firstDecisionIDs: [String] = []
    /// The finding's reason for each of them, in the same order; empty for a state written
    /// before reasons were kept (the list then shows the ids alone).
    public var firstDetails: [String] = []
    public static let evidenceListLimit = 50
    /// The ids with their reasons, when every id has one.
    public var evidence: [(id: String, reason: String?)] {
        let reasons = firstDetails.count == firstDecisionIDs.count
        return firstDecisionIDs.enumerated().map { ($1, reasons ? firstDetails[$0] : nil) }
    }
    /// The run's report language, for the reason an undefined rate gives.
    public var language: ReportLanguage = .en

    public var rate: Ratio {
        applicable == 0
            ? .undefined(language.text("no applicable decisions", "无适用的决策")) : .value(Double(violations) / Double(applicable))
    }
}

/// One check's compliance by group, in the selection tables' form (the compliance rate as
/// the selection rate, the violation-rate ratio as the adverse-rate ratio).
public struct CheckFairness: Sendable, Equatable {
    public var checkID: String
    public var strata: [SelectionStratum]
}

/// The selection strata within one level of a `bias.by` column (one site, say): rates and
/// ratios, as for a month; the tests and flags are the run's, across the levels.
public struct LevelSelection: Sendable, Equatable {
    /// The `bias.by` column, e.g. `site`.
    public var column: String
    /// The level, e.g. `Shenzhen`.
    public var level: String
    /// Every attribute and intersection but the column itself.
    public var strata: [SelectionStratum]
}

/// One month's selection strata (rates and ratios; tests and flags are the run's).
public struct MonthlySelection: Sendable, Equatable {
    /// `YYYY-MM`.
    public var month: String
    public var strata: [SelectionStratum]
}

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

    /// The result of a run or a merge: the statistics are made from the shard state here,
    /// the same way for both, so a merge gives the numbers of a single run.
    init(pipeline: Pipeline, pipelineFile: String, shard: ShardState, asOf: AsOfDate?, asOfSource: String) {
        let measured = shard.measure.results(pipeline: pipeline)
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
        diagnostics = shard.diagnostics
        recordsByType = shard.measure.decisionsByType
        self.shard = shard
    }

    public var totalRead: Int { inputs.reduce(0) { $0 + $1.rowsRead } }
    public var totalAccepted: Int { inputs.reduce(0) { $0 + $1.accepted } }
    public var totalRejected: Int { inputs.reduce(0) { $0 + $1.rejected } }
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
            .filter { CheckRegistry.isEnabled($0.id, pipeline.checks) && !CheckRegistry.isEnabled($0, pipeline.checks) }
            .map(\.id)
    }

    /// Checks the pipeline switched off (`checks: {HR-01: false}`): every summary names them,
    /// as a pipeline could come from the party under inspection (or `init` of its export).
    public var checksSwitchedOff: [String] {
        CheckRegistry.all.map(\.descriptor.id).filter { !CheckRegistry.isEnabled($0, pipeline.checks) }
    }

    /// No check found a violation, and none left a record unknown: the summary may read clean.
    public var isClean: Bool { checks.allSatisfy { $0.violations == 0 && $0.unknown == 0 } }

    /// The groups whose impact ratio is below the threshold, with their strata, in report order.
    public var groupsBelowThreshold: [(stratum: SelectionStratum, group: GroupSelection)] {
        selection.flatMap { stratum in stratum.groups.filter { $0.flag.isBelowThreshold }.map { (stratum, $0) } }
    }

    /// Inputs whose rejected rows could hide violations (`InputSummary.mayHideViolations`).
    public var inputsHidingRows: [InputSummary] { inputs.filter(\.mayHideViolations) }

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

    public func run(into sink: any AuditSink) throws(AuditError) -> AuditResult {
        guard !inputs.isEmpty else { throw AuditError(.invocation, "no input files given", hint: "name one or more CSV exports") }
        let sources = self.sources ?? inputs
        guard sources.count == inputs.count else {
            throw AuditError(.invocation, "each input needs one source to read", hint: "please report this")
        }
        let pseudonymizer = try Pseudonymizer(handling: pipeline.report.subjectIDs, key: pseudonymKey, inputs: sources)
        let explicitAsOf = asOfOption ?? pipeline.auditDate.flatMap(AsOfDate.init)
        let language = pipeline.report.language
        let values = ValueMaps(pipeline.values)
        let (pipeline, inputs) = (self.pipeline, self.inputs)
        // Each auditor its own context: its calendar caches offsets and is not shared across threads.
        let makeAuditor = { (sink: any AuditSink) in
            PartAuditor(pipeline: pipeline, context: Self.checkContext(pipeline: pipeline, asOf: explicitAsOf),
                        pseudonymizer: pseudonymizer, inputs: inputs, sink: sink)
        }
        var auditor = makeAuditor(sink)
        var summaries: [InputSummary] = []
        var diagnostics: [Diagnostic] = []
        var parts = 1
        if let inference = pipeline.inference {
            let todos = inference.todos.count
            diagnostics.append(Diagnostic(level: todos > 0 ? .warning : .note, file: nil, message: language.text(
                "the columns' meaning was inferred by admaudit from \(inference.input), not given in a pipeline file; the pipeline used is \(pipelineFile), with the evidence for each setting\(todos > 0 ? ", and \(todos) setting(s) to check (TODO)" : "")",
                "各列含义由 admaudit 根据 \(inference.input) 推断，而非由配置文件给出；所用配置为 \(pipelineFile)，其中注明了每项设置的依据\(todos > 0 ? "，另有 \(todos) 项待核查（TODO）" : "")")))
        }

        var options = ReaderOptions()
        options.encoding = pipeline.input.encoding
        options.delimiter = pipeline.input.delimiter
        options.maxFieldBytes = pipeline.input.maxFieldBytes
        options.maxRowBytes = pipeline.input.maxRowBytes
        options.maxFields = pipeline.input.maxColumns
        options.headerLine = pipeline.input.headerLine

        for (fileIndex, (path, source)) in zip(inputs, sources).enumerated() {
            if inputs.count == 1, ProcessInfo.processInfo.activeProcessorCount > 1,
               let plan = FileSplitter.plan(path: source, options: options, minimumBytes: splitThreshold),
               let outcome = try SplitAudit(path: source, name: path, plan: plan, options: options, pipeline: pipeline, values: values,
                                            makeAuditor: makeAuditor).run(into: sink) {
                auditor = outcome.auditor
                summaries.append(outcome.summary)
                diagnostics += outcome.diagnostics
                parts = 2
                continue
            }
            var headerError: AuditError? = nil
            var summary = InputSummary(file: path, sha256: "", bytes: 0, encoding: .auto, delimiter: 0, lines: 0)
            var hasher = SHA256()
            auditor.builder = nil
            let facts = try CSVReader(path: source, options: options).read(observingBytes: { hasher.update(bufferPointer: $0) }) { row in
                guard row.ordinal == 0 else { return auditor.consume(row) }
                do throws(AuditError) {
                    let mapping = try Self.mapHeader(row, path: path, pipeline: pipeline)
                    summary.headerLines = row.endLine - row.line + 1
                    summary.mapping = mapping.sources
                    summary.unmappedHeaders = mapping.unmapped.map(\.header)
                    diagnostics += mapping.diagnostics(file: path, language: language)
                    auditor.begin(file: path, fileIndex: fileIndex, mapping: mapping, values: values)
                } catch {
                    headerError = error
                    return false
                }
                return true
            }
            if let headerError { throw headerError }
            if let error = auditor.sinkError { throw error }
            summary.blankLines = facts.blankLines
            if auditor.builder != nil {
                auditor.end()
                auditor.tally.apply(to: &summary, readerBlankLines: facts.blankLines)
                diagnostics += auditor.tally.repairWarnings(file: path, language: language)
            } else {
                diagnostics.append(Diagnostic(level: .warning, file: path,
                    message: language.text("the file is empty: no header, no rows", "文件为空：既无标题行，也无数据行")))
            }
            summary.sha256 = hasher.finalize().hexString
            summary.bytes = facts.bytesRead
            summary.encoding = facts.encoding
            summary.delimiter = facts.delimiter
            summary.lines = facts.lines
            summary.linesAboveHeader = facts.linesAboveHeader
            diagnostics += facts.linesAboveHeader.compactMap { $0.warning(file: path, language: language) }
            summaries.append(summary)
        }

        var checks = auditor.checks
        try checks.finish(into: sink, language: pipeline.report.language)
        if explicitAsOf == nil && checks.needsAsOfDate {
            diagnostics.append(Diagnostic(level: .warning, file: nil, message: language.text(
                "no as-of date was given (--as-of or audit_date): checks of what is still pending on that date cannot judge and count as unknown",
                "未给出审计基准日（--as-of 或 audit_date）：判断截至该日仍未处理事项的检查无法评判，相关记录计为无法判断")))
        }
        if pipeline.report.subjectIDs == .pseudonymize && pseudonymKey == nil {
            diagnostics.append(Diagnostic(level: .note, file: nil, message: language.text(
                "no pseudonym key was given (ADMAUDIT_PSEUDONYM_KEY or report.pseudonym_key_file): subject pseudonyms are keyed by a hash of the inputs, so the same inputs give the same pseudonyms, and whoever holds the export can recompute them; give a key of your own to keep them from the employer",
                "未提供假名密钥（ADMAUDIT_PSEUDONYM_KEY 或 report.pseudonym_key_file）：员工假名以输入文件的哈希为密钥，相同输入得到相同假名，持有导出文件者可重新算出；如需对用人单位保密，请自备密钥")))
        }
        if pipeline.input.assumeAutomated {
            diagnostics.append(Diagnostic(level: .note, file: nil, message: language.text(
                "decisions with an empty or absent `automated` field are treated as automated (input.assume_automated)",
                "`automated` 字段为空或缺失的决策视为自动化决策（input.assume_automated）")))
        }

        auditor.checks = checks
        auditor.closeMeasure()
        diagnostics += auditor.groups.compactMap { $0.overflowWarning(language: language) }
        diagnostics += auditor.groups.compactMap { $0.disguisedWarning(language: language) }
        if let warning = ValueMaps.disguisedWarning(auditor.disguisedValues, language: language) { diagnostics.append(warning) }
        let latestDecision = auditor.latestDecision
        let shard = ShardState(pipelineName: pipeline.name, pipelineSHA256: pipeline.sha256, language: language, judgedAsOf: explicitAsOf,
                               latestDecision: latestDecision, inputs: summaries,
                               checks: checks.tallies.sorted { CheckRegistry.precedes($0.descriptor.id, $1.descriptor.id) },
                               diagnostics: diagnostics, runChecks: checks.runCheckObservations, measure: auditor.measure)
        let asOfSource = asOfOption != nil ? "option" : (explicitAsOf != nil ? "pipeline" : (latestDecision != nil ? "data" : "none"))
        var result = AuditResult(pipeline: pipeline, pipelineFile: pipelineFile, shard: shard,
                                 asOf: explicitAsOf ?? latestDecision.map(AsOfDate.init(instant:)), asOfSource: asOfSource)
        result.partsAudited = parts
        return result
    }

    /// What the checks judge by: the pipeline's settings, its local calendar and the as-of date.
    static func checkContext(pipeline: Pipeline, asOf: AsOfDate?) -> CheckContext {
        let calendar = LocalCalendar(timeZone: TimeZone(identifier: pipeline.input.timeZone) ?? TimeZone(identifier: "UTC")!)
        var context = CheckContext(significantTypes: pipeline.checks.significantTypes,
                                   assumeAutomated: pipeline.input.assumeAutomated,
                                   calendar: calendar, asOfDay: asOf.map(LocalCalendar.day(of:)))
        context.attributeNames = pipeline.attributes.map(\.name)
        context.jurisdictions = pipeline.checks.jurisdictions
        context.language = pipeline.report.language
        return context
    }

    /// Maps the header row; a header the run cannot use stops the run (exit 3).
    static func mapHeader(_ row: RawRow, path: String, pipeline: Pipeline) throws(AuditError) -> ColumnMapping {
        if case let .tooManyFields(count, limit) = row.defect {
            throw AuditError(.input, "the header has \(count) columns; at most \(limit) are read (input.max_columns)", file: path, line: row.line,
                             hint: "check the delimiter (input.delimiter); if the export really has this many columns, raise input.max_columns in the pipeline")
        }
        if row.defect != nil {
            throw AuditError(.input, "the header row is damaged (bad bytes, an open quote or an oversized field)", file: path, line: row.line,
                             hint: "check the file's encoding (set input.encoding, e.g. gb18030) and its first line")
        }
        let mapping = ColumnMapping(headers: row.strings, pipeline: pipeline)
        let missing = mapping.missingRequired(canDeriveOutcome: pipeline.derive != nil,
                                              hasDefaultDecisionType: pipeline.input.defaultDecisionType != nil,
                                              outcomeFromDecisionType: pipeline.outcomeFromDecisionType)
        if !missing.isEmpty {
            let names = missing.map(\.rawValue).joined(separator: ", ")
            throw AuditError(.input, "no column found for \(names); the header has: \(mapping.headers.joined(separator: ", "))",
                             file: path, line: row.line,
                             hint: "add the employer's header names under `columns:` in the pipeline (e.g. `decision_id: [\(mapping.headers.first ?? "ID")]`), or run `admaudit init \(path)`")
        }
        return mapping
    }
}

/// ISO 8601 text for instants, without Foundation formatters (deterministic, fast).
public enum ISOTime {
    public static func utc(_ seconds: Int64) -> String {
        let day = AsOfDate(instant: seconds)
        let secondOfDay = Int(((seconds % 86_400) + 86_400) % 86_400)
        let (h, m, s) = (secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(day)T\(two(h)):\(two(m)):\(two(s))Z"
    }
}

extension LineAboveHeader {
    /// A line above the header holding several values may be a decision the header hid:
    /// the inspector is asked to look. A one-value title (`导出时间：2025-07-01`) is not.
    func warning(file: String, language: ReportLanguage) -> Diagnostic? {
        guard values > 1 else { return nil }
        return Diagnostic(level: .warning, file: file, message: language.text(
            "line \(line), above the header, holds \(values) values and was not read as data: check it is a title, not a decision",
            "标题行之上的第 \(line) 行含有 \(values) 个值，未作为数据读取：请核实它是标题而非决策记录"))
    }
}
