/// Outcomes within each level of each `bias.by` column (each site, each team): one section
/// per column, a table per decision type and attribute with a row a level.
enum ByLevelSection: ReportSectionBuilder {
    static let place = 60

    static func sections(_ context: ReportContext) -> [ReportSection] {
        let result = context.result
        return result.pipeline.bias.by.enumerated().compactMap { index, column in
            let levels = result.byLevel.filter { $0.column == column }
            guard !levels.isEmpty else { return nil }
            let blocks = RateGrid.grids(levels.map { ($0.level, $0.strata) }).flatMap { grid -> [ReportBlock] in
                [grid.heading(context), .table(grid.table("by-level", rowHeader: [context.attributeName(column)], rowLabel: { [.input($0)] }))]
            }
            return ReportSection(id: "by-level-\(index + 1)", heading: [.text(context.t.outcomesBy(context.t.attribute(column)))], blocks: blocks)
        }
    }
}
