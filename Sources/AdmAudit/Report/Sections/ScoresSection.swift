/// Scores by group: per decision type and attribute, each group's mean and quartiles, its
/// scoring rate (share above the median of all) and impact ratio, and the Mann–Whitney p.
enum ScoresSection: ReportSectionBuilder {
    static let place = 80

    static func sections(_ context: ReportContext) -> [ReportSection] {
        let (result, t) = (context.result, context.t)
        guard !result.scores.isEmpty else { return [] }
        var blocks: [ReportBlock] = []
        let headers = [t.group, "n", t.mean, "Q1", t.median, "Q3", t.scoringRate, t.impactRatio, "p (Mann–Whitney)"]
        for stratum in result.scores {
            let fixed = ReportNumber.fixed
            blocks.append(.heading(context.stratumName(stratum.decisionType, stratum.attribute) + [.words(" (\(t.medianOfAll) \(fixed(stratum.median)))")]))
            blocks.append(.table(ReportTable(kind: "scores", headers: headers.map { [.words($0)] }, numeric: Set(1...8), rows: stratum.groups.map { group in
                ReportTable.groupRow([.input(group.group)], suppressed: group.suppressed) {
                    [[.words(String(group.n))], [.words(fixed(group.mean))], [.words(fixed(group.q1))], [.words(fixed(group.median))],
                     [.words(fixed(group.q3))], [.words(fixed(group.scoringRate))], [context.ratio(group.scoringImpactRatio)],
                     [.words(ReportNumber.pValue(group.mannWhitneyP))]]
                }
            })))
            blocks.append(context.unknownCount(stratum.unknown))
        }
        return [ReportSection(id: "scores", heading: [.words(t.scores)], blocks: blocks)]
    }
}
