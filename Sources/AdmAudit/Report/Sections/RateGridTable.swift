extension RateGrid {
    /// `dismissal · sex: Selection rate (Impact ratio)`, the heading over a grid's table.
    func heading(_ context: ReportContext) -> ReportBlock {
        .heading(context.stratumName(decisionType, attribute) + [.words(": \(context.t.selectionRate) (\(context.t.impactRatio))")])
    }

    /// The grid as a table: a row a month or level that has the stratum, a column a group,
    /// cells `rate (ratio)`. An undefined ratio is a dash: its reason is in the run's own table.
    func table(_ kind: String, rowHeader: ReportInline, rowLabel: (String) -> ReportInline) -> ReportTable {
        ReportTable(kind: kind, headers: [rowHeader] + groups.map { [.input($0)] }, numeric: Set(1..<groups.count + 1),
                    rows: zip(rows, cells).compactMap { row, cells in
            guard row.stratum != nil else { return nil }
            return [rowLabel(row.label)] + cells.map { group -> ReportInline in
                guard let group else { return [] }
                guard !group.suppressed else { return [.suppressed] }
                return [.words("\(ReportNumber.rate(group.selectionRate)) (\(group.impactRatio.value.map(ReportNumber.fixed) ?? "—"))")]
            }
        })
    }
}
