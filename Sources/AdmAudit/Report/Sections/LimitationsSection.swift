/// The limitations of one run, as a reader must weigh its numbers: groups too small for a
/// verdict, decisions whose group is unknown (and verdicts that could flip with them),
/// suppressed cells, checks that could not judge, findings that rest on missing records,
/// where the as-of date came from, and what group statistics can and cannot show.
enum LimitationsSection: ReportSectionBuilder {
    static let place = 120

    /// At most this many groups or tables are named in one item; the rest are counted.
    static let listLimit = 10

    static func sections(_ context: ReportContext) -> [ReportSection] {
        [ReportSection(id: "limitations", heading: [.words(context.t.limitations)],
                       blocks: [.list(ReportList(items: items(context).map { ReportListItem($0) }))])]
    }

    static func items(_ context: ReportContext) -> [ReportInline] {
        let (result, t) = (context.result, context.t)
        var items = groupItems(context)
        let couldFlip = result.selection.reduce(0) { $0 + $1.groups.filter(\.belowThresholdCouldFlip).count }
        if couldFlip > 0 { items.append([.words(t.verdictsCouldFlip(couldFlip))]) }
        // Every table's suppressed cells: selection, contests, compliance, months, levels, scores.
        let strata = result.selection + result.appealOutcomes + result.processFairness.flatMap(\.strata)
            + result.drift.flatMap(\.strata) + result.byLevel.flatMap(\.strata)
        let suppressed = strata.reduce(0) { $0 + $1.groups.filter(\.suppressed).count }
            + result.scores.reduce(0) { $0 + $1.groups.filter(\.suppressed).count }
        if suppressed > 0 { items.append([.words(t.suppressedCells(suppressed, below: result.pipeline.report.suppressBelow))]) }
        let unjudged = result.checks.filter { $0.unknown > 0 }
        if !unjudged.isEmpty {
            items.append([.words(t.checksCouldNotJudge(unjudged.map { "\($0.descriptor.id) (\($0.unknown) / \($0.applicable))" }.joined(separator: ", ")))])
        }
        let notRecorded = result.checks.reduce(0) { $0 + $1.notRecorded }
        if notRecorded > 0 { items.append([.words(t.violationsNotRecorded(notRecorded))]) }
        switch result.asOfSource {
        case "data": items.append([.words(t.asOfFromData)])
        case "none": items.append([.words(t.noAsOf)])
        default: break
        }
        items.append([.words(t.whatStatisticsShow)])
        return items
    }

    /// Groups too small to judge, and strata with decisions of unknown group, each named
    /// up to `listLimit`.
    static func groupItems(_ context: ReportContext) -> [ReportInline] {
        let (result, t) = (context.result, context.t)
        let bias = result.pipeline.bias
        var items: [ReportInline] = []
        let small = result.selection.flatMap { stratum in stratum.groups.filter { $0.flag == .insufficientData }.map { (stratum, $0) } }
        if !small.isEmpty {
            let named = small.prefix(listLimit).map { stratum, group -> ReportInline in
                [.input(t.compared(stratum)), .words(" · "), context.attributeName(stratum.attribute), .words(" = "), .input(group.group)]
                    + (group.suppressed ? [] : [.words(" (n = \(group.n))")])
            }
            items.append([.words(t.smallGroups(count: small.count, minimum: bias.minGroupSize, share: bias.exclusionShare) + t.listSeparator)]
                         + joined(named, more: small.count > listLimit))
        }
        let plain = Set(result.pipeline.attributes.map(\.name))
        let unknown = result.selection.filter { plain.contains($0.attribute) && $0.unknown > 0 }
            .sorted { Double($0.unknown) / Double($0.decisions) > Double($1.unknown) / Double($1.decisions) }
        if !unknown.isEmpty {
            let named = unknown.prefix(listLimit).map { stratum -> ReportInline in
                [.input(t.compared(stratum)), .words(" · "), context.attributeName(stratum.attribute),
                 .words(": \(stratum.unknown) / \(stratum.decisions) (\(ReportNumber.rate(Double(stratum.unknown) / Double(stratum.decisions))))")]
            }
            items.append([.words(t.unknownGroups + t.listSeparator)] + joined(named, more: unknown.count > listLimit))
        }
        return items
    }

    private static func joined(_ parts: [ReportInline], more: Bool) -> ReportInline {
        parts.enumerated().flatMap { index, part in (index > 0 ? [.words("; ")] : []) + part } + (more ? [.words("; …")] : [])
    }
}
