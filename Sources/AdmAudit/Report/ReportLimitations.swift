/// The limitations of one run, as a reader must weigh its numbers: groups too small for a
/// verdict, decisions whose group is unknown (and verdicts that could flip with them),
/// suppressed cells, checks that could not judge, findings that rest on missing records,
/// where the as-of date came from, and what group statistics can and cannot show.
///
/// Shared by the readable reports; `escape` makes input-derived text safe for the format.
enum ReportLimitations {
    /// At most this many groups or tables are named in one item; the rest are counted.
    static let listLimit = 10

    static func items(_ result: AuditResult, _ t: ReportText, escape: (String) -> String) -> [String] {
        var items: [String] = []
        let bias = result.pipeline.bias

        let small = result.selection.flatMap { stratum in
            stratum.groups.filter { $0.flag == .insufficientData }.map { (stratum, $0) }
        }
        if !small.isEmpty {
            let named = small.prefix(listLimit).map { stratum, group in
                "\(escape(t.compared(stratum))) · \(escape(stratum.attribute)) = \(escape(group.group))"
                    + (group.suppressed ? "" : " (n = \(group.n))")
            }
            items.append(t.smallGroups(count: small.count, minimum: bias.minGroupSize, share: bias.exclusionShare)
                         + t.listSeparator + named.joined(separator: "; ") + (small.count > listLimit ? "; …" : ""))
        }

        let plain = Set(result.pipeline.attributes.map(\.name))
        let unknown = result.selection.filter { plain.contains($0.attribute) && $0.unknown > 0 }
            .sorted { Double($0.unknown) / Double($0.decisions) > Double($1.unknown) / Double($1.decisions) }
        if !unknown.isEmpty {
            let named = unknown.prefix(listLimit).map { stratum in
                "\(escape(t.compared(stratum))) · \(escape(stratum.attribute)): \(stratum.unknown) / \(stratum.decisions) (\(t.percent(Double(stratum.unknown) / Double(stratum.decisions))))"
            }
            items.append(t.unknownGroups + t.listSeparator + named.joined(separator: "; ") + (unknown.count > listLimit ? "; …" : ""))
        }
        let couldFlip = result.selection.reduce(0) { $0 + $1.groups.filter(\.belowThresholdCouldFlip).count }
        if couldFlip > 0 { items.append(t.verdictsCouldFlip(couldFlip)) }

        let suppressed = result.selection.reduce(0) { $0 + $1.groups.filter(\.suppressed).count }
            + result.scores.reduce(0) { $0 + $1.groups.filter(\.suppressed).count }
        if suppressed > 0 { items.append(t.suppressedCells(suppressed, below: result.pipeline.report.suppressBelow)) }

        let unjudged = result.checks.filter { $0.unknown > 0 }
        if !unjudged.isEmpty {
            items.append(t.checksCouldNotJudge(unjudged.map { "\($0.descriptor.id) (\($0.unknown) / \($0.applicable))" }.joined(separator: ", ")))
        }
        let notRecorded = result.checks.reduce(0) { $0 + $1.notRecorded }
        if notRecorded > 0 { items.append(t.violationsNotRecorded(notRecorded)) }

        switch result.asOfSource {
        case "data": items.append(t.asOfFromData)
        case "none": items.append(t.noAsOf)
        default: break
        }
        items.append(t.whatStatisticsShow)
        return items
    }
}
