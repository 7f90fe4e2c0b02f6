/// The checks: a chart of violations, one row per check (applicable, violations, not
/// recorded, unknown, rate, legal basis), why records could not be judged, and per check
/// with violations its evidence (each decision id with the reason), its note, and how many
/// violations rest on records the employer did not keep.
enum ChecksSection: ReportSectionBuilder {
    static let place = 20

    static func sections(_ context: ReportContext) -> [ReportSection] {
        let (result, t) = (context.result, context.t)
        var blocks: [ReportBlock] = []
        if !result.checks.isEmpty { blocks.append(.chart(.findingsPerCheck(result.checks), caption: t.findingsChartCaption)) }
        blocks.append(.table(table(context)))
        let unknowns = result.checks.filter { $0.unknown > 0 }
        if !unknowns.isEmpty {
            blocks.append(.list(ReportList(style: "unknowns", items: unknowns.map { tally in
                let reasons = tally.unknownReasons.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
                let listed: ReportInline = reasons.enumerated().flatMap { index, reason -> ReportInline in
                    (index > 0 ? [.words("; ")] : []) + [.input(t.unknownReason(reason.key)), .words(" (\(reason.value))")]
                }
                return ReportListItem([.words("\(tally.descriptor.id) \(t.unknown): \(tally.unknown) — ")] + listed)
            })))
        }
        for tally in result.checks where tally.violations > 0 { blocks += evidence(tally, context) }
        return [ReportSection(id: "checks", heading: [.words(t.checks)], blocks: blocks)]
    }

    static func table(_ context: ReportContext) -> ReportTable {
        let t = context.t
        let headers = [t.check, t.severityHeader, t.applicable, t.violations, t.notRecorded, t.unknown, t.rate, t.legalBasis]
        return ReportTable(kind: "checks", headers: headers.map { [.words($0)] }, numeric: [2, 3, 4, 5, 6],
                           rows: context.result.checks.map { tally in
            let basis = CitedText(citing: tally.descriptor.legalBasis).text(context.language)
            let severity = tally.descriptor.severity
            return [[.words(tally.descriptor.id + " "), .text(tally.descriptor.title(context.language))],
                    [.styled("severity-\(severity.rawValue)", [.words(t.severity(severity))])],
                    [.words(String(tally.applicable))], [.words(String(tally.violations))], [.words(String(tally.notRecorded))],
                    [.words(String(tally.unknown))], [context.rate(tally.rate)], [.text(basis)]]
        })
    }

    /// A check's evidence: the first decisions found, each with its reason; then its note.
    static func evidence(_ tally: CheckTally, _ context: ReportContext) -> [ReportBlock] {
        let t = context.t
        var items = tally.evidence.map { id, detail in
            let named = tally.descriptor.evidenceNames == .reviewers ? t.subject(.reviewer(id)) : id
            return ReportListItem([.inputCode(named), .words(" — "), .input(t.detail(detail))])
        }
        if tally.violations > tally.firstDecisionIDs.count {
            items.append(ReportListItem([.words("… (\(tally.violations - tally.firstDecisionIDs.count) \(t.moreInFindings))")]))
        }
        var blocks: [ReportBlock] = [.heading([.words("\(tally.descriptor.id): \(t.evidence)")]),
                                     .list(ReportList(style: "evidence", items: items))]
        if let caveat = tally.descriptor.caveat(context.language) {
            blocks.append(.paragraph([.words("\(t.caveat): "), .text(caveat)], style: .caveat))
        }
        if tally.descriptor.notRecordedIsViolation && tally.notRecorded > 0 {
            blocks.append(.paragraph([.words(t.notRecordedNote(tally.notRecorded, tally.descriptor))]))
        }
        return blocks
    }
}
