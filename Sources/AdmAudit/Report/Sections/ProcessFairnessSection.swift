/// Compliance by group: for each check, its violations by group, the violation-rate ratio
/// to the group with the fewest, and the flag. A rule broken more often for one group is a
/// finding in itself.
enum ProcessFairnessSection: ReportSectionBuilder {
    static let place = 90

    static func sections(_ context: ReportContext) -> [ReportSection] {
        let (result, t) = (context.result, context.t)
        guard !result.processFairness.isEmpty else { return [] }
        var blocks: [ReportBlock] = [.paragraph([.words(t.processFairnessIntro)])]
        let headers = [t.group, t.judged, t.violations, t.violationRate, t.violationRateRatio, t.adjustedP, t.flag]
        for entry in result.processFairness {
            for stratum in entry.strata {
                blocks.append(.heading([.words("\(entry.checkID) · ")] + context.stratumName(stratum.decisionType, stratum.attribute)))
                blocks.append(.table(ReportTable(kind: "process-fairness", headers: headers.map { [.words($0)] }, numeric: Set(1...5),
                                                 rows: stratum.groups.map { group in
                    ReportTable.groupRow(context.groupLabel(group), suppressed: group.suppressed, kept: 1) {
                        [[.words(String(group.n))], [.words(String(group.n - group.favorable))], [.words(ReportNumber.rate(1 - group.selectionRate))],
                         [context.ratio(group.adverseRateRatio)], [.words(ReportNumber.pValue(group.adjustedP))], [context.flag(group.flag)]]
                    }
                })))
            }
        }
        return [ReportSection(id: "process-fairness", heading: [.words(t.processFairness)], blocks: blocks)]
    }
}
