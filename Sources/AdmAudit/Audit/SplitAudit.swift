import Crypto
import Foundation

/// Audits one large file on two cores: the file is cut at a line end near the middle
/// (`FileSplitter`), each part is read, validated, checked and measured on its own
/// threads, and the two are joined as shards are merged: counts add, group codes are
/// matched by label, the second part's findings and rejects follow the first's.
///
/// The result is the one a run in one piece gives, byte for byte, or there is none and
/// the caller audits the file in one piece. There is none when the cut turns out to be
/// inside a quoted field, or when the line numbering does not agree. A decision id in both
/// parts is found after the join, as any repeat beyond the id table is
/// (`DecisionIDRegistry.repeatsFound`), and the run reads the file again knowing it.
struct SplitAudit {
    struct Outcome {
        var auditor: PartAuditor
        /// Its `sha256` is empty: the file's hash is `fileHash`'s.
        var summary: InputSummary
        var diagnostics: [Diagnostic]
        /// The file's SHA-256, still being made when the parts end: the run takes it once the
        /// statistics are made (`AuditRun.conclude`), and waits for it on every path.
        var fileHash: BackgroundJob<String>
    }

    /// The file to read, and the input's name as given (they differ for a stream's copy).
    let path: String
    let name: String
    let plan: SplitPlan
    let options: ReaderOptions
    let pipeline: Pipeline
    let values: ValueMaps
    let makeAuditor: (any AuditSink) throws(AuditError) -> PartAuditor

    func run(into sink: any AuditSink) throws(AuditError) -> Outcome? {
        guard let partSink = try sink.makePart() else { return nil }
        var options = options
        options.encoding = plan.encoding
        options.delimiter = plan.delimiter
        // Each part keeps its parsing thread (`ReaderOptions.parsesOnItsOwnThread`): while both
        // parts run, four threads share two cores, but once one part ends, the other's parse
        // and audit have a core each. Parsing on the auditing thread instead measured the same
        // within noise, and left the part that ends last on one core (benchmarks/README.md).

        // The header, mapped once for both parts; a header the run cannot use stops it as
        // it would stop a run in one piece.
        var mapping: ColumnMapping? = nil
        var headerLines = 0
        var headerError: AuditError? = nil
        var headerOptions = options
        headerOptions.part = FilePart(start: 0, end: plan.split, firstLine: 1, isFileEnd: false)
        try CSVReader(path: path, options: headerOptions).read { row in
            headerLines = row.endLine - row.line + 1
            do throws(AuditError) { mapping = try AuditRun.mapHeader(row, path: name, pipeline: pipeline) } catch { headerError = error }
            return false
        }
        if let headerError { throw headerError }
        guard let mapping else {
            try sink.discard(part: partSink)
            return nil
        }

        let first = try makeAuditor(sink)
        first.begin(file: name, fileIndex: 0, mapping: mapping, values: values)

        var firstOptions = options
        firstOptions.part = FilePart(start: 0, end: plan.split, firstLine: 1, isFileEnd: false)

        // Beside the first part: the file's SHA-256, and the second part (which counts the
        // first part's lines before it reads, to number its own). The hash is wanted only for
        // the summary: at the lowest priority it takes no share of the cores from the parts,
        // and runs once the part that ends first leaves a core idle (benchmarks/README.md).
        // What is left of it when the parts end runs beside the run's close: the outcome
        // hands it on, unless the split is given up or fails.
        let (path, inputName, plan, partOptions) = (self.path, self.name, self.plan, options)
        let fileHash = BackgroundJob(yielding: true) { () throws(AuditError) -> String in try Self.sha256(path: path, name: inputName) }
        var handedOn = false
        let maker = SecondAuditorMaker(make: makeAuditor, sink: partSink, mapping: mapping, values: values)
        let secondPart = BackgroundJob { () throws(AuditError) -> SecondPart in
            // Made on the thread that reads the part, so that what it allocates comes from
            // that thread's heap: the two parts' objects side by side in one heap shared
            // cache lines, and every count of a reference to one made the other core fetch
            // its line again (perf, W at 1M: the second part's hottest retains).
            let second = try maker.make(maker.sink)
            // Its file name in storage of its own too: each part retains its name for every
            // record it checks.
            second.begin(file: String(decoding: Array(inputName.utf8), as: UTF8.self), fileIndex: 0, mapping: maker.mapping,
                         values: maker.values)
            guard let linesBefore = FileSplitter.lineEnds(path: path, upTo: plan.split) else {
                return SecondPart(auditor: second, linesBefore: nil, facts: nil)
            }
            var secondOptions = partOptions
            secondOptions.part = FilePart(start: plan.split, end: plan.size, firstLine: linesBefore + 1, isFileEnd: true)
            let progress = second.progress
            do throws(AuditError) {
                let facts = try CSVReader(path: path, options: secondOptions).read(observingBytes: { progress?.read(bytes: $0.count) }) { second.consume($0) }
                return SecondPart(auditor: second, linesBefore: linesBefore, facts: .success(facts))
            } catch {
                return SecondPart(auditor: second, linesBefore: linesBefore, facts: .failure(error))
            }
        }
        defer {
            secondPart.wait()
            if !handedOn { fileHash.wait() }
        }

        let firstFacts = try CSVReader(path: path, options: firstOptions).read(observingBytes: { bytes in
            first.progress?.read(bytes: bytes.count)
        }) { row in
            row.ordinal == 0 ? true : first.consume(row)
        }
        let secondOutcome = try secondPart.value()
        let second = secondOutcome.auditor
        // The first part's writes are the start of a run in one piece: its failure is real.
        if let error = first.stoppingError { throw error }
        // A cut inside a quoted field makes the second part read nonsense, and whatever that
        // part met (even a full disk) is not the file's: check the cut before its errors.
        // Past an attribute's limit of distinct values, which values became groups would
        // depend on where the file was cut.
        first.end()
        second.end()
        guard firstFacts.endedAtRowBoundary, let linesBefore = secondOutcome.linesBefore, firstFacts.lines == linesBefore,
              let secondResult = secondOutcome.facts,
              zip(first.groups, second.groups).allSatisfy({ $0.canJoin($1) }) else {
            try sink.discard(part: partSink)
            return nil
        }
        let secondFacts = try secondResult.get()
        if let error = second.stoppingError { throw error }

        try sink.appendPart(partSink)
        first.tally.add(second.tally)
        for index in first.groups.indices where index < second.groups.count { first.groups[index].joinNotes(from: second.groups[index]) }
        first.disguisedValues.add(second.disguisedValues)
        if let latest = second.latestDecision { first.latestDecision = max(first.latestDecision ?? latest, latest) }
        // The second part's ids join the first's, to find an id in both and to list them for a merge.
        first.ids.join(second.ids)
        if let problem = first.checks.absorb(second.checks) {
            throw AuditError(.input, "the two parts of the file could not be joined: \(problem)", file: name,
                             hint: "please report this; meanwhile split the file yourself and use `admaudit merge`")
        }
        // The measure states are merged when the run closes them (`PartAuditor.closeMeasure`).
        first.laterPart = (second, name)

        var summary = InputSummary(file: name, sha256: "", bytes: firstFacts.bytesRead + secondFacts.bytesRead,
                                   encoding: firstFacts.encoding, delimiter: firstFacts.delimiter, lines: secondFacts.lines)
        summary.headerLines = headerLines
        first.tally.apply(to: &summary, readerBlankLines: firstFacts.blankLines + secondFacts.blankLines)
        summary.linesAboveHeader = firstFacts.linesAboveHeader
        summary.mapping = mapping.sources
        summary.unmappedHeaders = mapping.unmapped.map(\.header)
        let titleWarnings = firstFacts.linesAboveHeader.compactMap { $0.warning(file: name) }
        handedOn = true
        return Outcome(auditor: first, summary: summary, diagnostics: mapping.diagnostics(file: name) + titleWarnings
                        + first.tally.repairWarnings(file: name), fileHash: fileHash)
    }

    /// The SHA-256 of the file's bytes (`name`: the input as given, for an error).
    private static func sha256(path: String, name: String) throws(AuditError) -> String {
        var hasher = SHA256()
        try FilePieces.read(path: path, name: name) { hasher.update(bufferPointer: $0) }
        return hasher.finalize().hexString
    }
}

/// What the second part's thread leaves: its auditor, the lines before the cut (nil when
/// the file could not be read that far), and its reading's facts (nil when it did not read).
private struct SecondPart: Sendable {
    var auditor: PartAuditor
    var linesBefore: Int?
    var facts: Result<ReaderSummary, AuditError>?
}

/// What the second part's thread needs to make its auditor: handed over once, before the
/// thread starts, and used by that thread alone.
private struct SecondAuditorMaker: @unchecked Sendable {
    let make: (any AuditSink) throws(AuditError) -> PartAuditor
    let sink: any AuditSink
    let mapping: ColumnMapping
    let values: ValueMaps
}
