/// Validates, checks and measures rows as they stream past: the run's state for a run
/// in one piece, or for one part of a file audited beside another (`SplitAudit`).
///
/// A class, touched by one thread at a time: the run's thread, or the thread auditing a
/// later part until the run joins it.
final class PartAuditor: @unchecked Sendable {
    let pipeline: Pipeline
    let calendar: LocalCalendar
    let sink: any AuditSink
    var checks: CheckRunner
    var measure: MeasureState
    var intersections: Intersections
    var ids: DecisionIDRegistry
    /// The attributes' groups so far (codes are this auditor's own).
    var groups: [AttributeGroups]
    var latestDecision: Int64? = nil
    /// The first failure of the sink; the reading stops on it.
    var sinkError: AuditError? = nil

    /// The current file's builder, and its counts.
    var builder: RecordBuilder? = nil
    var rowsRead = 0
    var accepted = 0
    var rejected = 0
    var rejectsByCode: [RejectCode: Int] = [:]
    var rejectedAdverse = 0
    /// Physical lines the rejected rows span (a quote left open swallows the lines after it).
    var rejectedLines = 0

    init(pipeline: Pipeline, context: CheckContext, pseudonymizer: Pseudonymizer, inputs: [String], sink: any AuditSink) {
        self.pipeline = pipeline
        calendar = context.calendar
        self.sink = sink
        checks = CheckRunner(pipeline: pipeline, context: context, pseudonymizer: pseudonymizer)
        measure = MeasureState(pipeline: pipeline)
        intersections = Intersections(pipeline.bias.intersections, attributes: pipeline.attributes.map(\.name))
        ids = DecisionIDRegistry(files: inputs)
        groups = pipeline.attributes.map { attribute in
            // Age bands are groups of their own, their codes the bands' positions.
            let canonical = pipeline.ageBands[attribute.name].map { $0.labels.map { ($0, [String]()) } }
                ?? pipeline.values.attributeValues[attribute.name] ?? []
            return AttributeGroups(name: attribute.name, canonical: canonical, unknownSpellings: pipeline.values.unknown,
                                   distinctLimit: pipeline.input.maxDistinctValues, language: pipeline.report.language)
        }
    }

    /// Starts a file: its rows are built with `mapping`, and counted afresh.
    func begin(file: String, fileIndex: Int, mapping: ColumnMapping, values: ValueMaps) {
        builder = RecordBuilder(file: file, fileIndex: fileIndex, mapping: mapping, pipeline: pipeline, values: values, groups: groups)
        rowsRead = 0
        accepted = 0
        rejected = 0
        rejectsByCode = [:]
        rejectedAdverse = 0
        rejectedLines = 0
    }

    /// Ends the file: its groups carry over to the next.
    func end() {
        if let builder { groups = builder.groups }
    }

    /// One data row; false stops the reading (the sink failed).
    func consume(_ row: RawRow) -> Bool {
        rowsRead += 1
        switch builder!.build(row, ids: &ids) {
        case .reject(let reject):
            rejected += 1
            rejectsByCode[reject.code, default: 0] += 1
            if !reject.code.isNotADecision, builder!.holdsAdverseDecision(row) { rejectedAdverse += 1 }
            rejectedLines += row.endLine - row.line + 1
            do throws(AuditError) { try sink.reject(reject) } catch { sinkError = error; return false }
        case .record(let record):
            accepted += 1
            if let decided = record.decidedAt { latestDecision = max(latestDecision ?? decided, decided) }
            measure.add(record, codes: intersections.codes(for: record.groups), calendar: calendar)
            do throws(AuditError) { try checks.run(record, file: builder!.file, into: sink) } catch { sinkError = error; return false }
        }
        return true
    }

    private var measureClosed = false

    /// Names the measure state's group codes, after the last row (once: a joined split
    /// has closed and merged it already).
    func closeMeasure() {
        guard !measureClosed else { return }
        measureClosed = true
        measure.close(groups: groups, intersections: intersections,
                      fairness: zip(checks.recordCheckIDs, checks.fairness).map { ($0, $1) })
    }
}
