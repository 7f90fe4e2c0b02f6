/// Validates, checks and measures rows as they stream past: the run's state for a run
/// in one piece, or for one part of a file audited beside another (`SplitAudit`).
///
/// A class, touched by one thread at a time: the run's thread, or the thread auditing a
/// later part until the run joins it. The state every row touches is therefore marked
/// `@exclusivity(unchecked)`, as `RecordBuilder`'s is: no access to it overlaps another.
final class PartAuditor: MergedRowReader, @unchecked Sendable {
    let pipeline: Pipeline
    let calendar: LocalCalendar
    let sink: any AuditSink
    @exclusivity(unchecked) var checks: CheckRunner
    /// DC-02's join, when the run may read activity logs beside the decisions.
    var join: ContactJoin? = nil
    /// The subjects' groups, for the logs' workers whose logs give none.
    var subjectGroups: SubjectGroups? = nil
    @exclusivity(unchecked) var measure: MeasureState
    @exclusivity(unchecked) var intersections: Intersections
    @exclusivity(unchecked) var ids: DecisionIDRegistry
    /// The attributes' groups so far (codes are this auditor's own).
    @exclusivity(unchecked) var groups: [AttributeGroups]
    /// Spellings disguised as a decision type, outcome or answer, over the files ended so far.
    var disguisedValues = DisguisedSpellings()
    @exclusivity(unchecked) var latestDecision: Int64? = nil
    /// What stopped the reading: the sink's first failure, or a second header (`RecordBuilder.Result`).
    var stoppingError: AuditError? = nil

    /// The current file's builder, and its counts.
    @exclusivity(unchecked) var builder: RecordBuilder? = nil
    @exclusivity(unchecked) var tally = RowTally()
    /// The row being audited, written by the builder in place (`RecordBuilder.build`).
    @exclusivity(unchecked) private var record = DecisionRecord.blank
    /// Finds rows a stray quote merged, in the current file.
    private var swallowed: SwallowedLines? = nil

    init(pipeline: Pipeline, context: CheckContext, pseudonymizer: Pseudonymizer, inputs: [String], sink: any AuditSink,
         ids: DecisionIDRegistry) {
        self.pipeline = pipeline
        calendar = context.calendar
        self.sink = sink
        checks = CheckRunner(pipeline: pipeline, context: context, pseudonymizer: pseudonymizer)
        measure = MeasureState(pipeline: pipeline)
        intersections = Intersections(pipeline.bias.intersections, attributes: pipeline.attributes.map(\.name))
        self.ids = ids
        groups = Self.attributeGroups(pipeline)
    }

    /// The pipeline's protected attributes, each with its groups (none met yet).
    static func attributeGroups(_ pipeline: Pipeline) -> [AttributeGroups] {
        pipeline.attributes.map { attribute in
            // Age bands are groups of their own, their codes the bands' positions.
            let canonical = pipeline.ageBands[attribute.name].map { $0.labels.map { ($0, [String]()) } }
                ?? pipeline.values.attributeValues[attribute.name] ?? []
            return AttributeGroups(name: attribute.name, canonical: canonical, unknownSpellings: pipeline.values.unknown,
                                   distinctLimit: pipeline.input.maxDistinctValues)
        }
    }

    /// Starts a file: its rows are built with `mapping`, and counted afresh.
    func begin(file: String, fileIndex: Int, mapping: ColumnMapping, values: ValueMaps) {
        builder = RecordBuilder(file: file, fileIndex: fileIndex, mapping: mapping, pipeline: pipeline, values: values, groups: groups)
        swallowed = SwallowedLines(mapping: mapping, filledMeansYes: Array(pipeline.input.filledMeansYes))
        tally = RowTally()
        published = (0, 0)
    }

    /// Ends the file: its groups carry over to the next, and what its vocabularies noted is kept.
    func end() {
        guard let builder else { return }
        publishProgress()
        groups = builder.groups
        disguisedValues.add(builder.disguisedValues)
        self.builder = nil
    }

    /// One data row; false stops the reading (the sink failed).
    func consume(_ row: RawRow) -> Bool {
        tally.rowLines += row.endLine - row.line + 1
        let goOn = read(row)
        if progress != nil, tally.rowsRead - published.rows >= 4096 { publishProgress() }
        return goOn
    }

    /// Where `progress` is shown, the rows and rejects read since the last batch.
    var progress: RunProgress? = nil
    private var published = (rows: 0, rejects: 0)

    func publishProgress() {
        progress?.counted(rows: tally.rowsRead - published.rows, rejects: tally.rejected - published.rejects)
        published = (tally.rowsRead, tally.rejected)
    }

    var rowWidth: Int { builder!.headerCount }

    func swallowingColumn(_ row: RawRow) -> Int? { swallowed?.swallowingColumn(row) }
    func split(_ row: RawRow, column: Int) -> SwallowedLines.Split? { swallowed?.split(row, column: column) }

    func rejectMerged(_ row: RawRow, column: Int) -> Bool {
        reject(builder!.unbalancedQuote(row, column: column), adverse: false, lines: row.endLine - row.line + 1)
    }

    func rejectLine(_ line: SwallowedLines.Line, in split: SwallowedLines.Split) -> Bool {
        reject(builder!.unbalancedQuote(line, in: split), adverse: false, lines: line.endLine - line.line + 1)
    }

    /// A row as it stands: a record, or a reject with its reason.
    func readWhole(_ row: RawRow) -> Bool {
        tally.rowsRead += 1
        switch builder!.build(row, ids: &ids, into: &record) {
        case .reject(let reject):
            let adverse = !reject.code.isNotADecision && builder!.holdsAdverseDecision(row)
            tally.rejectedLinesInText += swallowed?.linesInText(row) ?? 0
            return self.reject(reject, adverse: adverse, lines: row.endLine - row.line + 1)
        case .headerInAnotherOrder(let error):
            stoppingError = error
            return false
        case .record:
            tally.accepted += 1
            if let decided = record.decidedAt { latestDecision = max(latestDecision ?? decided, decided) }
            measure.add(record, codes: intersections.codes(for: record.groups), calendar: calendar)
            do throws(AuditError) { try checks.run(record, file: builder!.file, into: sink) } catch { stoppingError = error; return false }
            join?.add(record)
            subjectGroups?.add(record)
        }
        return true
    }

    private func reject(_ reject: Reject, adverse: Bool, lines: Int) -> Bool {
        tally.rejected += 1
        tally.rejectsByCode[reject.code, default: 0] += 1
        if adverse { tally.rejectedAdverse += 1 }
        tally.rejectedLines += lines
        do throws(AuditError) { try sink.reject(reject) } catch { stoppingError = error; return false }
        return true
    }

    private var measureClosed = false

    /// The later part of a cut file (`SplitAudit`), joined to this one but for its measure
    /// state, which `closeMeasure` merges: the merge then runs beside the search for
    /// repeated ids (`AuditRun`), not before it.
    var laterPart: (auditor: PartAuditor, file: String)? = nil

    /// Names the measure state's group codes, after the last row, and merges a later
    /// part's (once). Throws when the two parts' states cannot be joined.
    func closeMeasure() throws(AuditError) {
        guard !measureClosed else { return }
        measureClosed = true
        measure.close(groups: groups, intersections: intersections,
                      fairness: zip(checks.recordCheckIDs, checks.fairness).map { ($0, $1) })
        guard let (later, file) = laterPart else { return }
        laterPart = nil
        try later.closeMeasure()
        if let problem = measure.merge(later.measure) {
            throw AuditError(.input, "the two parts of the file could not be joined: \(problem)", file: file,
                             hint: "please report this; meanwhile split the file yourself and use `admaudit merge`")
        }
    }
}

/// What one file's rows came to, counted as they stream past: the reconciliation of rows
/// (read = accepted + rejected) and of physical lines (the lines the rows span).
struct RowTally: Equatable {
    var rowsRead = 0
    var accepted = 0
    var rejected = 0
    var rejectsByCode: [RejectCode: Int] = [:]
    var rejectedAdverse = 0
    /// Physical lines the rejected rows span (a quote left open swallows the lines after it).
    var rejectedLines = 0
    /// Of those, lines inside a rejected row's free text (`SwallowedLines.linesInText`).
    var rejectedLinesInText = 0
    /// Physical lines the data rows span, as the reader gave them.
    var rowLines = 0
    /// Blank lines found inside a row a stray quote had merged, once read one by one.
    var blankLinesInRows = 0
    /// Rows a stray quote had merged, read one line at a time (the first few described).
    var quoteRepairs: [QuoteRepair] = []
    var quoteRepairCount = 0

    mutating func note(_ repair: QuoteRepair) {
        quoteRepairCount += 1
        if quoteRepairs.count < QuoteRepair.describedLimit { quoteRepairs.append(repair) }
    }

    /// Adds a later part of the same file.
    mutating func add(_ later: RowTally) {
        rowsRead += later.rowsRead
        accepted += later.accepted
        rejected += later.rejected
        rejectsByCode.merge(later.rejectsByCode, uniquingKeysWith: +)
        rejectedAdverse += later.rejectedAdverse
        rejectedLines += later.rejectedLines
        rejectedLinesInText += later.rejectedLinesInText
        rowLines += later.rowLines
        blankLinesInRows += later.blankLinesInRows
        for repair in later.quoteRepairs where quoteRepairs.count < QuoteRepair.describedLimit { quoteRepairs.append(repair) }
        quoteRepairCount += later.quoteRepairCount
    }

    /// Writes the counts into the input's summary; `readerBlankLines`: the blank lines the
    /// reader met between rows (those inside a merged row are this tally's).
    func apply(to summary: inout InputSummary, readerBlankLines: Int) {
        summary.rowsRead = rowsRead
        summary.accepted = accepted
        summary.rejected = rejected
        summary.rejectsByCode = rejectsByCode
        summary.rejectedAdverse = rejectedAdverse
        summary.rejectedLines = rejectedLines
        summary.rejectedLinesInText = rejectedLinesInText
        summary.rowLines = rowLines - blankLinesInRows
        summary.blankLines = readerBlankLines + blankLinesInRows
        summary.quoteRepairs = quoteRepairCount
    }

    /// The warnings that say which lines were read one by one.
    func repairWarnings(file: String) -> [Diagnostic] {
        var warnings = quoteRepairs.map { $0.warning(file: file) }
        if quoteRepairCount > quoteRepairs.count {
            let more = quoteRepairCount - quoteRepairs.count
            warnings.append(Diagnostic(level: .warning, file: file, code: .moreQuoteRepairs, values: ["rows": .count(more)]))
        }
        return warnings
    }
}
