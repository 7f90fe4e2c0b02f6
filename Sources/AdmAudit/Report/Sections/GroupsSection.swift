/// Outcomes by group: per decision type (and per rung of the sanction ladder) and
/// attribute, each group's decisions, favourable outcomes, selection rate, impact ratio
/// and adverse-rate ratio with intervals, Fisher p-values and the flag; the decisions whose
/// group is unknown; and the verdicts the unknowns could flip.
enum GroupsSection: ReportSectionBuilder {
    static let place = 40

    static func sections(_ context: ReportContext) -> [ReportSection] {
        let (result, t) = (context.result, context.t)
        var blocks: [ReportBlock] = []
        if result.selection.isEmpty {
            blocks.append(.paragraph([.words(t.noAttributes)]))
        } else {
            blocks.append(.chartLegend(t.selectionChartCaption(context.threshold)))
        }
        let intersections = Dictionary(result.pipeline.bias.intersections.map { ($0.joined(separator: " × "), $0.count) },
                                       uniquingKeysWith: { first, _ in first })
        // How to read the pooled sanctions, before the first of their strata.
        var explainedLadder = false
        for stratum in result.selection {
            blocks.append(.heading([.text(t.compared(stratum)), .words(" · "), context.attributeName(stratum.attribute)]))
            if let ladder = stratum.ladder, !explainedLadder {
                blocks.append(.paragraph([.words(t.ladderReading(ladder))], style: .legend))
                explainedLadder = true
            }
            blocks.append(.chart(.selectionRates(stratum, threshold: context.threshold)))
            if let components = intersections[stratum.attribute] {
                blocks.append(.chart(.impactHeatmap(stratum, components: components, threshold: context.threshold),
                                     caption: t.heatmapCaption(context.threshold)))
            }
            blocks.append(.table(table(stratum, context)))
            blocks.append(context.unknownCount(stratum.unknown))
            let flips = stratum.groups.filter { $0.belowThresholdCouldFlip && !$0.suppressed && $0.impactRatioBounds != nil }
            if !flips.isEmpty {
                blocks.append(.list(ReportList(style: "could-flip", items: flips.map { group in
                    let bounds = group.impactRatioBounds!
                    return ReportListItem([.input(group.group),
                                           .words(": \(t.couldFlip) \(ReportNumber.fixed(bounds.lower))–\(ReportNumber.fixed(bounds.upper))")])
                })))
            }
        }
        return [ReportSection(id: "groups", heading: [.words(t.groups)], blocks: blocks)]
    }

    static func table(_ stratum: SelectionStratum, _ context: ReportContext) -> ReportTable {
        let t = context.t
        let headers = [t.group, "n", t.favorable, "\(t.selectionRate) (\(t.confidenceInterval95))", "\(t.impactRatio) (\(t.confidenceInterval95))", t.adverseRatio,
                       "p (Fisher)", t.adjustedP, t.flag]
        return ReportTable(kind: "selection", headers: headers.map { [.words($0)] }, numeric: Set(1...7), rows: stratum.groups.map { group in
            ReportTable.groupRow(context.groupLabel(group), suppressed: group.suppressed, kept: 1) {
                [[.words(String(group.n))], [.words(String(group.favorable))],
                 [.words(ReportNumber.rate(group.selectionRate) + ReportNumber.rateInterval(group.selectionInterval))],
                 [context.ratio(group.impactRatio), .words(ReportNumber.interval(group.impactRatioInterval))],
                 [context.ratio(group.adverseRateRatio)],
                 [.words(ReportNumber.pValue(group.fisherP))], [.words(ReportNumber.pValue(group.adjustedP))], [context.flag(group.flag)]]
            }
        })
    }
}
