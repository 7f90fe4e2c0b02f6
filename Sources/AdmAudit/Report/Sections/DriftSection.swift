/// Drift by month, when the decisions span more than one: per decision type and
/// attribute, a chart of each group's impact ratio by month and a table with a row a month.
enum DriftSection: ReportSectionBuilder {
    static let place = 50

    static func sections(_ context: ReportContext) -> [ReportSection] {
        let (result, t) = (context.result, context.t)
        guard result.drift.count > 1 else { return [] }
        var blocks: [ReportBlock] = [.chartLegend(t.driftCaption(context.threshold))]
        for grid in RateGrid.grids(result.drift.map { ($0.month, $0.strata) }) {
            let series = grid.groups.enumerated().map { column, label in
                (label: label, values: grid.cells.map { row -> Double? in
                    guard let group = row[column], !group.suppressed else { return nil }
                    return group.impactRatio.value
                })
            }
            blocks.append(grid.heading(context))
            blocks.append(.chart(.drift(name: "\(t.decisionType(grid.decisionType)) · \(t.attribute(grid.attribute))", months: grid.rows.map(\.label),
                                        series: series, threshold: context.threshold)))
            blocks.append(.table(grid.table("drift", rowHeader: [.words(t.month)], rowLabel: { [.words($0)] })))
        }
        return [ReportSection(id: "drift", heading: [.words(t.drift)], blocks: blocks)]
    }
}
