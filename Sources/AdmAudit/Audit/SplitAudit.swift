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
        var summary: InputSummary
        var diagnostics: [Diagnostic]
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
        let second = try makeAuditor(partSink)
        first.begin(file: name, fileIndex: 0, mapping: mapping, values: values)
        second.begin(file: name, fileIndex: 0, mapping: mapping, values: values)

        var firstOptions = options
        firstOptions.part = FilePart(start: 0, end: plan.split, firstLine: 1, isFileEnd: false)
        var secondOptions = options
        secondOptions.part = FilePart(start: plan.split, end: plan.size, firstLine: plan.linesBefore + 1, isFileEnd: true)

        let job = SecondPartJob(reader: CSVReader(path: path, options: secondOptions), auditor: second)
        let thread = Thread { job.run() }
        thread.stackSize = 1 << 20
        thread.start()

        var hasher = SHA256()
        let firstFacts: ReaderSummary
        do {
            firstFacts = try CSVReader(path: path, options: firstOptions).read(observingBytes: { bytes in
                hasher.update(bufferPointer: bytes)
                first.progress?.read(bytes: bytes.count)
            }) { row in
                row.ordinal == 0 ? true : first.consume(row)
            }
            // The file's hash goes on over the second part while that part is audited.
            try Self.hash(path: path, from: plan.split, into: &hasher)
        } catch {
            job.wait()
            throw error
        }
        job.wait()
        // The first part's writes are the start of a run in one piece: its failure is real.
        if let error = first.sinkError { throw error }
        // A cut inside a quoted field makes the second part read nonsense, and whatever that
        // part met (even a full disk) is not the file's: check the cut before its errors.
        // Past an attribute's limit of distinct values, which values became groups would
        // depend on where the file was cut.
        first.end()
        second.end()
        guard firstFacts.endedAtRowBoundary, firstFacts.lines == plan.linesBefore,
              zip(first.groups, second.groups).allSatisfy({ $0.canJoin($1) }) else {
            try sink.discard(part: partSink)
            return nil
        }
        let secondFacts = try job.result!.get()
        if let error = second.sinkError { throw error }

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
        first.closeMeasure()
        second.closeMeasure()
        if let problem = first.measure.merge(second.measure) {
            throw AuditError(.input, "the two parts of the file could not be joined: \(problem)", file: name,
                             hint: "please report this; meanwhile split the file yourself and use `admaudit merge`")
        }

        var summary = InputSummary(file: name, sha256: hasher.finalize().hexString, bytes: firstFacts.bytesRead + secondFacts.bytesRead,
                                   encoding: firstFacts.encoding, delimiter: firstFacts.delimiter, lines: secondFacts.lines)
        summary.headerLines = headerLines
        first.tally.apply(to: &summary, readerBlankLines: firstFacts.blankLines + secondFacts.blankLines)
        summary.linesAboveHeader = firstFacts.linesAboveHeader
        summary.mapping = mapping.sources
        summary.unmappedHeaders = mapping.unmapped.map(\.header)
        let titleWarnings = firstFacts.linesAboveHeader.compactMap { $0.warning(file: name) }
        return Outcome(auditor: first, summary: summary, diagnostics: mapping.diagnostics(file: name) + titleWarnings
                        + first.tally.repairWarnings(file: name))
    }

    /// Adds the file's bytes from `offset` to the end to `hasher`.
    private static func hash(path: String, from offset: Int, into hasher: inout SHA256) throws(AuditError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw AuditError(.input, "cannot open the input file", file: path, hint: "check the path and that you may read the file")
        }
        defer { try? handle.close() }
        do {
            try handle.seek(toOffset: UInt64(offset))
            while let piece = try handle.read(upToCount: 1 << 20), !piece.isEmpty {
                piece.withUnsafeBytes { hasher.update(bufferPointer: $0) }
            }
        } catch {
            throw AuditError(.input, "cannot read the input file: \(error.localizedDescription)", file: path)
        }
    }
}

/// The second part's audit, on its own thread; the run waits for it before touching the auditor.
private final class SecondPartJob: @unchecked Sendable {
    let reader: CSVReader
    let auditor: PartAuditor
    private let done = DispatchSemaphore(value: 0)
    private(set) var result: Result<ReaderSummary, AuditError>? = nil

    init(reader: CSVReader, auditor: PartAuditor) {
        self.reader = reader
        self.auditor = auditor
    }

    func run() {
        do throws(AuditError) {
            let progress = auditor.progress
            result = .success(try reader.read(observingBytes: { progress?.read(bytes: $0.count) }) { row in self.auditor.consume(row) })
        } catch {
            result = .failure(error)
        }
        done.signal()
    }

    func wait() { done.wait() }
}
