import Crypto
import Foundation

/// What one run over one shard of the data leaves for a later merge (`run --save-state`,
/// then `merge`): the measure stage's state, and what a report needs besides it: the
/// inputs' reconciliation and hashes, each check's counts, the diagnostics, the as-of date
/// the checks were judged on and the latest decision seen.
///
/// Research datasets are split to be audited in parallel or as they arrive; the merged
/// report gives the numbers a single run over all the shards would, with these limits:
/// - A decision id in two shards is found (`DecisionIDList`, beside the state) and named,
///   but its later row stays in the merged counts, where one run would have rejected it.
/// - The run-wide checks (HR-03, DQ-02) are judged on the merged observations; `merge`
///   writes their findings after the shards' own rows it gathers (`ShardOutputs`).
///
/// A state file is checked before it is used (`read`): its own SHA-256 over the rest of its
/// content (`contentSHA256`), so that a file edited or damaged since it was written is
/// refused; its size (`fileByteLimit`); every count against the others (rows read =
/// accepted + rejected, each attribute's groups and unknowns = the decisions, check tallies
/// within the records, `MeasureState.inconsistency`). The hash is not keyed: whoever edits a
/// file and computes the hash again passes it, but must then keep every count consistent.
public struct ShardState: Sendable {
    public static let format = "admaudit-shard-state"
    /// 2: with `contentSHA256`. 3: each run check's observations in its own form
    /// (`RunCheck.Observations`), not named counters; diagnostics as codes and values, no words.
    /// 4: the evidence lists' finding details as values (`FindingDetail`), not sentences.
    /// 5: no language: nothing in it is worded (the group of values beyond
    /// `input.max_distinct_values` has one label), so shards merge into a report of any language.
    public static let version = 6
    /// The largest state file read: 512 MiB holds the scores of some 90 million decisions.
    public static let fileByteLimit = 512 << 20

    public var pipelineName: String
    public var pipelineSHA256: String
    /// The as-of date the checks were judged on, when one was given (option or pipeline).
    public var judgedAsOf: AsOfDate?
    public var latestDecision: Int64?
    public var inputs: [InputSummary]
    public var checks: [CheckTally]
    public var diagnostics: [Diagnostic]
    /// What each run-wide check observed, by check id, so the merge judges the whole run.
    public var runChecks: [String: any RunCheckObservations]
    var measure: MeasureState
    /// The pseudonym key's check value (`Pseudonymizer.keyCheck`); nil when no key was given
    /// or subjects are not pseudonymised.
    public var pseudonymKeyCheck: String? = nil

    /// The state file's bytes: JSON with keys in order, so the same run gives the same bytes.
    public func encoded() throws(AuditError) -> [UInt8] {
        var record = try ShardStateRecord(self)
        record.contentSHA256 = record.contentHash()
        return record.bytes() + [0x0A]
    }

    /// The state file's name in an output folder.
    public static let fileName = "state.json"

    /// Writes `state.json` into the output folder (owner-only, renamed into place); returns its path.
    public func write(to folder: String) throws(AuditError) -> String {
        let file = try OutputFile(folder: folder, name: Self.fileName)
        try file.write(bytes: try encoded())
        try file.commit()
        return file.finalPath
    }

    /// Reads a state file written by `encoded()`; a file that is not one, or is damaged,
    /// is an input error naming the file.
    public static func read(path: String, pipeline: Pipeline) throws(AuditError) -> ShardState {
        // Read one byte past the limit, so a larger file is refused without reading it whole.
        // Only a regular file: a FIFO would block the merge for ever.
        guard (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeRegular,
              let handle = FileHandle(forReadingAtPath: path), let data = try? handle.read(upToCount: fileByteLimit + 1) ?? Data() else {
            throw AuditError(.input, "cannot read the state file", file: path, hint: "give the path of a file written by `admaudit run --save-state`")
        }
        try? handle.close()
        guard data.count <= fileByteLimit else {
            throw AuditError(.input, "the state file is larger than \(fileByteLimit >> 20) MiB, more than admaudit writes for a shard", file: path,
                             hint: "give files written by `admaudit run --save-state`, unchanged; split a larger data set into more shards")
        }
        func otherVersion(_ kind: ShardStateKind) -> AuditError {
            AuditError(.input, "the state file is of format '\(kind.format)' version \(kind.version); this admaudit reads '\(format)' version \(version)",
                       file: path, hint: "write the shard states again with this version of admaudit")
        }
        let record: ShardStateRecord
        do {
            record = try JSONDecoder().decode(ShardStateRecord.self, from: data)
        } catch {
            // Read again for its format and version only when it does not read as this one's:
            // a state of another version is named as such, not as damaged.
            if let kind = try? JSONDecoder().decode(ShardStateKind.self, from: data), kind.format != format || kind.version != version {
                throw otherVersion(kind)
            }
            throw AuditError(.input, "this is not an admaudit state file, or it is damaged (\(Self.describe(error)))", file: path,
                             hint: "give files written by `admaudit run --save-state`, unchanged")
        }
        guard record.format == format, record.version == version else {
            throw otherVersion(ShardStateKind(format: record.format, version: record.version))
        }
        guard let recorded = record.contentSHA256, recorded == record.contentHash() else {
            throw AuditError(.input, "the state file was changed after it was written: its content does not match its SHA-256 (contentSHA256)",
                             file: path, hint: "give files written by `admaudit run --save-state`, unchanged, or write the shard state again")
        }
        switch record.state(pipeline: pipeline) {
        case .success(let state): return state
        case .failure(let problem):
            throw AuditError(.input, "the state file is damaged: \(problem.text)", file: path,
                             hint: "write the shard state again with `admaudit run --save-state`")
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "no `\(key.stringValue)` at \(path(context.codingPath))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "a wrong value at \(path(context.codingPath))"
        case DecodingError.dataCorrupted(let context):
            if context.codingPath.isEmpty { return "not JSON" }
            let known = context.debugDescription.hasPrefix(SavedRunCheckObservations.unknownCheck) ? context.debugDescription + " at " : "a wrong value at "
            return known + path(context.codingPath)
        default:
            return "unreadable"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "the top" : keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
}

/// What a state file says it is, read before the rest.
struct ShardStateKind: Decodable {
    var format: String
    var version: Int
}

/// The run checks' observations in a state file: an object keyed by check id, each value that
/// check's own `Observations`. An id this admaudit does not know makes the file unreadable.
struct SavedRunCheckObservations: Codable {
    var byCheck: [String: any RunCheckObservations]
    static let unknownCheck = "observations of a check this admaudit does not know"

    init(byCheck: [String: any RunCheckObservations]) { self.byCheck = byCheck }

    private struct CheckKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CheckKey.self)
        byCheck = [:]
        for key in container.allKeys {
            guard let check = CheckRegistry.runChecks.first(where: { $0.descriptor.id == key.stringValue }) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: Self.unknownCheck)
            }
            byCheck[key.stringValue] = try check.decodeObservations(from: container, forKey: key)
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CheckKey.self)
        for (id, observations) in byCheck { try container.encode(observations, forKey: CheckKey(stringValue: id)) }
    }
}

/// `ShardState` in its file form: ordered plain values only.
struct ShardStateRecord: Codable {
    struct Input: Codable {
        var file: String
        var sha256: String
        var bytes: Int
        var encoding: String
        var delimiter: UInt8
        var lines: Int
        var rowsRead: Int
        var accepted: Int
        var rejected: Int
        var rejectsByCode: [String: Int]
        var mapping: [[String]]
        var unmappedHeaders: [String]
        /// Absent in states of earlier versions: none known.
        var rejectedAdverse: Int?
        var rejectedLines: Int?
        /// Absent in states of earlier versions: none.
        var rejectedLinesInText: Int?
        var linesAboveHeader: [Int]?
        /// Absent in states of earlier versions: title lines of one line each, one header
        /// line, no blank lines, every other line in the rows.
        var linesAboveHeaderEnd: [Int]?
        var headerLines: Int?
        var blankLines: Int?
        var rowLines: Int?
        var quoteRepairs: Int?
    }

    struct Tally: Codable {
        var checkID: String
        var applicable: Int
        var violations: Int
        var notRecorded: Int
        var unknown: Int
        var unknownReasons: [String: Int]
        var firstDecisionIDs: [String]
        /// One detail per id: the values, worded by the report that reads the state.
        var firstDetails: [FindingDetail]
    }

    struct Note: Codable {
        var level: String
        var file: String?
        var code: String
        var values: [String: DiagnosticValue]
    }

    var format: String
    var version: Int
    var tool: String
    var pipelineName: String
    var pipelineSHA256: String
    var judgedAsOf: String?
    var latestDecision: Int64?
    var inputs: [Input]
    var checks: [Tally]
    var diagnostics: [Note]
    var runChecks: SavedRunCheckObservations
    var measure: MeasureStateRecord
    /// SHA-256 (hex) of the record's bytes with this field absent.
    var contentSHA256: String?
    /// Absent in states of earlier versions, and when no pseudonym key was given.
    var pseudonymKeyCheck: String?

    /// The record's bytes: JSON with keys in order, so the same content gives the same bytes.
    func bytes() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Every value is encodable: strings, integers, nested records.
        return Array(try! encoder.encode(self))
    }

    /// What `contentSHA256` must hold: the hash of the content without it.
    func contentHash() -> String {
        var unsealed = self
        unsealed.contentSHA256 = nil
        return SHA256.hash(data: unsealed.bytes()).hexString
    }

    /// The same content sealed again, as an editor who computes the hash would: for tests
    /// of the checks beyond the hash.
    static func resealed(_ bytes: [UInt8]) -> [UInt8]? {
        guard var record = try? JSONDecoder().decode(ShardStateRecord.self, from: Data(bytes)) else { return nil }
        record.contentSHA256 = record.contentHash()
        return record.bytes() + [0x0A]
    }

    init(_ state: ShardState) throws(AuditError) {
        format = ShardState.format
        version = ShardState.version
        tool = AdmAuditVersion.current
        pipelineName = state.pipelineName
        pipelineSHA256 = state.pipelineSHA256
        judgedAsOf = state.judgedAsOf?.description
        latestDecision = state.latestDecision
        pseudonymKeyCheck = state.pseudonymKeyCheck
        inputs = state.inputs.map { input in
            Input(file: input.file, sha256: input.sha256, bytes: input.bytes, encoding: input.encoding.rawValue,
                  delimiter: input.delimiter, lines: input.lines, rowsRead: input.rowsRead, accepted: input.accepted,
                  rejected: input.rejected,
                  rejectsByCode: Dictionary(uniqueKeysWithValues: input.rejectsByCode.map { ($0.key.rawValue, $0.value) }),
                  mapping: input.mapping.map { [$0.field, $0.header] }, unmappedHeaders: input.unmappedHeaders,
                  rejectedAdverse: input.rejectedAdverse, rejectedLines: input.rejectedLines,
                  rejectedLinesInText: input.rejectedLinesInText,
                  linesAboveHeader: input.linesAboveHeader.map(\.line), linesAboveHeaderEnd: input.linesAboveHeader.map(\.endLine),
                  headerLines: input.headerLines, blankLines: input.blankLines, rowLines: input.rowLines, quoteRepairs: input.quoteRepairs)
        }
        checks = state.checks.map { tally in
            Tally(checkID: tally.descriptor.id, applicable: tally.applicable, violations: tally.violations,
                  notRecorded: tally.notRecorded, unknown: tally.unknown, unknownReasons: tally.unknownReasons,
                  firstDecisionIDs: tally.firstDecisionIDs, firstDetails: tally.firstDetails)
        }
        diagnostics = state.diagnostics.map { Note(level: $0.level.rawValue, file: $0.file, code: $0.code.rawValue, values: $0.values) }
        runChecks = SavedRunCheckObservations(byCheck: state.runChecks)
        measure = try MeasureStateRecord(state.measure)
    }

    func state(pipeline: Pipeline) -> Result<ShardState, StateFileProblem> {
        var summaries: [InputSummary] = []
        for input in inputs {
            let limit = SelectionCounts.countLimit
            guard let encoding = InputEncoding(rawValue: input.encoding), input.mapping.allSatisfy({ $0.count == 2 }),
                  [input.bytes, input.lines, input.rowsRead, input.accepted, input.rejected].allSatisfy({ (0...limit).contains($0) }),
                  input.rowsRead == input.accepted + input.rejected, (0...input.rejected).contains(input.rejectedAdverse ?? 0),
                  (input.rejected...max(input.rejected, input.lines)).contains(input.rejectedLines ?? input.rejected),
                  (0...max(0, (input.rejectedLines ?? input.rejected) - input.rejected)).contains(input.rejectedLinesInText ?? 0),
                  (input.linesAboveHeader ?? []).count <= HeaderLocator.rowsExamined,
                  input.linesAboveHeaderEnd.map({ $0.count == (input.linesAboveHeader ?? []).count }) ?? true,
                  zip(input.linesAboveHeader ?? [], input.linesAboveHeaderEnd ?? input.linesAboveHeader ?? []).allSatisfy({ (1...input.lines).contains($0) && ($0...input.lines).contains($1) }),
                  [input.headerLines, input.blankLines, input.rowLines, input.quoteRepairs].allSatisfy({ (0...input.lines).contains($0 ?? 0) }),
                  input.rejectsByCode.values.reduce(0, +) == input.rejected,
                  input.sha256.count == 64, input.sha256.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
                return .failure(StateFileProblem("the summary of input \(input.file) is damaged"))
            }
            var codes: [RejectCode: Int] = [:]
            for (name, count) in input.rejectsByCode {
                guard let code = RejectCode(rawValue: name), count >= 0 else {
                    return .failure(StateFileProblem("input \(input.file) counts rejects of an unknown reason '\(name)'"))
                }
                codes[code] = count
            }
            var summary = InputSummary(file: input.file, sha256: input.sha256, bytes: input.bytes, encoding: encoding,
                                       delimiter: input.delimiter, lines: input.lines)
            summary.rowsRead = input.rowsRead
            summary.accepted = input.accepted
            summary.rejected = input.rejected
            summary.rejectsByCode = codes
            summary.mapping = input.mapping.map { FieldSource(field: $0[0], header: $0[1]) }
            summary.unmappedHeaders = input.unmappedHeaders
            summary.rejectedAdverse = input.rejectedAdverse ?? 0
            summary.rejectedLines = input.rejectedLines ?? input.rejected
            summary.rejectedLinesInText = input.rejectedLinesInText ?? 0
            // A state keeps where title lines were, not their text (which may be anything).
            let ends = input.linesAboveHeaderEnd ?? input.linesAboveHeader ?? []
            summary.linesAboveHeader = zip(input.linesAboveHeader ?? [], ends).map { LineAboveHeader(line: $0, endLine: $1, text: "", values: 0) }
            summary.headerLines = input.headerLines ?? (input.lines > 0 ? 1 : 0)
            summary.blankLines = input.blankLines ?? 0
            summary.rowLines = input.rowLines ?? max(0, input.lines - summary.titleLines - summary.headerLines)
            summary.quoteRepairs = input.quoteRepairs ?? 0
            summaries.append(summary)
        }
        var tallies: [CheckTally] = []
        for tally in checks {
            guard let entry = CheckRegistry.entry(tally.checkID) else {
                return .failure(StateFileProblem("it counts a check this admaudit does not know: \(tally.checkID)"))
            }
            let counts = [tally.applicable, tally.violations, tally.notRecorded, tally.unknown] + Array(tally.unknownReasons.values)
            guard counts.allSatisfy({ (0...SelectionCounts.countLimit).contains($0) }),
                  tally.violations + tally.unknown <= tally.applicable, tally.notRecorded <= tally.violations,
                  tally.unknownReasons.count <= CheckTally.unknownReasonLimit,
                  tally.firstDecisionIDs.count <= CheckTally.evidenceListLimit,
                  tally.firstDetails.count == tally.firstDecisionIDs.count else {
                return .failure(StateFileProblem("the counts of \(tally.checkID) are damaged"))
            }
            if let damage = tally.firstDetails.lazy.compactMap({ $0.damage(for: tally.checkID) }).first {
                return .failure(StateFileProblem("the evidence of \(tally.checkID) is damaged: \(damage)"))
            }
            var restored = CheckTally(descriptor: CheckRegistry.effective(entry.descriptor, pipeline.checks))
            restored.applicable = tally.applicable
            restored.violations = tally.violations
            restored.notRecorded = tally.notRecorded
            restored.unknown = tally.unknown
            restored.unknownReasons = tally.unknownReasons
            restored.firstDecisionIDs = tally.firstDecisionIDs
            restored.firstDetails = tally.firstDetails
            tallies.append(restored)
        }
        guard diagnostics.count <= Diagnostic.stateLimit else {
            return .failure(StateFileProblem("it holds \(diagnostics.count) diagnostics, more than the \(Diagnostic.stateLimit) a run makes"))
        }
        var notes: [Diagnostic] = []
        for note in diagnostics {
            guard let level = Diagnostic.Level(rawValue: note.level) else { return .failure(StateFileProblem("a diagnostic has level '\(note.level)'")) }
            guard let code = Diagnostic.Code(rawValue: note.code) else { return .failure(StateFileProblem("a diagnostic has code '\(note.code)'")) }
            let diagnostic = Diagnostic(level: level, file: note.file, code: code, values: note.values)
            if let damage = diagnostic.damage { return .failure(StateFileProblem("a diagnostic is damaged: \(damage)")) }
            notes.append(diagnostic)
        }
        // Instants from year 1 to 9999, as timestamps are read.
        if let latestDecision, !LocalTime.instants.contains(latestDecision) {
            return .failure(StateFileProblem("its latest decision (\(latestDecision)) is not a time between the years 1 and 9999"))
        }
        var asOf: AsOfDate? = nil
        if let judgedAsOf {
            guard let date = AsOfDate(judgedAsOf) else { return .failure(StateFileProblem("its as-of date '\(judgedAsOf)' is not a date")) }
            asOf = date
        }
        let accepted = summaries.reduce(0) { $0 + $1.accepted }
        for tally in tallies where CheckRegistry.recordChecks.contains(where: { $0.descriptor.id == tally.descriptor.id }) {
            guard tally.applicable <= accepted else {
                return .failure(StateFileProblem("\(tally.descriptor.id) counts \(tally.applicable) applicable decisions, more than the \(accepted) accepted"))
            }
        }
        switch measure.state(recordCheckIDs: Set(CheckRegistry.recordChecks.map { $0.descriptor.id })) {
        case .failure(let problem): return .failure(problem)
        case .success(let measured):
            if let problem = measured.inconsistency(accepted: accepted) { return .failure(StateFileProblem(problem)) }
            for id in runChecks.byCheck.keys.sorted() {
                if let problem = runChecks.byCheck[id]!.disagreement(with: measured.counts) { return .failure(StateFileProblem(problem)) }
            }
            return .success(ShardState(pipelineName: pipelineName, pipelineSHA256: pipelineSHA256, judgedAsOf: asOf,
                                       latestDecision: latestDecision, inputs: summaries, checks: tallies,
                                       diagnostics: notes, runChecks: runChecks.byCheck, measure: measured,
                                       pseudonymKeyCheck: pseudonymKeyCheck))
        }
    }
}
