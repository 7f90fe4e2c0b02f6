/// Contests overturned, by group: among contests with a recorded result, how many each
/// group won. An overturned contest is the employer's own admission of a wrong decision.
enum AppealOutcomesSection: ReportSectionBuilder {
    static let place = 70

    static func sections(_ context: ReportContext) -> [ReportSection] {
        let (result, t) = (context.result, context.t)
        guard !result.appealOutcomes.isEmpty else { return [] }
        var blocks: [ReportBlock] = [.paragraph([.words(t.appealOutcomesIntro)])]
        for stratum in result.appealOutcomes {
            blocks.append(.heading(context.stratumName(stratum.decisionType, stratum.attribute)))
            blocks.append(.table(ReportTable(kind: "appeal-outcomes", headers: [t.group, "n", t.overturned, t.overturnRate].map { [.words($0)] },
                                             numeric: Set(1...3), rows: stratum.groups.map { group in
                ReportTable.groupRow([.input(group.group)], suppressed: group.suppressed) {
                    [[.words(String(group.n))], [.words(String(group.n - group.favorable))], [.words(ReportNumber.rate(1 - group.selectionRate))]]
                }
            })))
        }
        return [ReportSection(id: "appeal-outcomes", heading: [.words(t.appealOutcomes)], blocks: blocks)]
    }
}
