/// `report.html`: the Markdown report's content in one self-contained page, with charts.
///
/// The same sections in the same order as `report.md` (summary; checks and their
/// evidence; outcomes by group; drift; contests; scores; compliance by group; data
/// quality and reconciliation; method; limitations), in the same two languages, plus
/// inline SVG charts (`SVGCharts`). One file an inspector can open offline, mail or
/// print: inline styles with print rules, no script, no external resource. Every value
/// from the input is escaped and isolated (`HTMLText`); suppressed groups show no counts
/// or rates; undefined ratios show the word and the reason, never NaN.
public enum HTMLReport {
    public static func render(_ result: AuditResult) -> String {
        // LL144 tables name the EEO categories by their labels, as published audits do.
        let labelled = result
        let result = result.inReadersTerms
        let language = result.pipeline.report.language
        let t = ReportText(language: language)
        let threshold = result.pipeline.bias.impactThreshold
        let title = result.pipeline.report.title ?? t.title
        var charts = 0
        func nextChart() -> Int { charts += 1; return charts }

        var out = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"admaudit \(AdmAuditVersion.current)\">\n"
        out += "<title>\(HTMLText.escape(title))</title>\n<style>\n\(stylesheet)</style>\n</head>\n<body>\n<main>\n"
        out += "<h1>\(HTMLText.isolated(title))</h1>\n"

        // Summary.
        out += "<section id=\"summary\">\n<h2>\(t.summary)</h2>\n"
        let hidden = t.hiddenRows(result)
        if !hidden.isEmpty {
            out += "<div class=\"alarm\"><p><strong>\(HTMLText.escape(t.hiddenRowsHeadline))</strong></p>\n"
            for line in hidden { out += "<p>\(HTMLText.isolated(line))</p>\n" }
            out += "</div>\n"
        }
        out += "<ul>\n"
        out += "<li>\(t.pipeline): <code>\(HTMLText.isolated(result.pipeline.name))</code> (SHA-256 <code>\(HTMLText.escape(String(result.pipeline.sha256.prefix(16))))</code>…)</li>\n"
        if let inference = result.pipeline.inference {
            out += "<li>\(HTMLText.isolated(t.inferredMapping(inference, file: result.pipelineFile)))</li>\n"
        }
        out += "<li>\(t.asOf): \(result.asOf.map { $0.description } ?? t.notSet) (\(t.asOfSource(result.asOfSource)))</li>\n"
        out += "<li>\(t.decisionsAudited): \(result.totalAccepted) \(t.of) \(result.totalRead) \(t.rowsRead); \(result.totalRejected) \(t.rejected)</li>\n"
        let withFindings = result.checksWithFindings
        if withFindings.isEmpty {
            out += "<li>\(result.isClean ? t.noFindings : t.noFindingsInWhatWasJudged)</li>\n"
        } else {
            for tally in withFindings {
                out += "<li class=\"severity-\(tally.descriptor.severity.rawValue)\"><strong>\(HTMLText.escape(tally.descriptor.id))</strong> \(HTMLText.escape(tally.descriptor.title(language))): \(tally.violations) / \(tally.applicable) (\(t.severity(tally.descriptor.severity)))</li>\n"
            }
        }
        let withoutAsOf = result.checksWithoutAsOfDate
        if !withoutAsOf.isEmpty { out += "<li>\(HTMLText.escape(t.notJudgedWithoutAsOfDate(withoutAsOf)))</li>\n" }
        let off = result.checksSwitchedOff
        if !off.isEmpty { out += "<li>\(HTMLText.escape(t.switchedOff(off)))</li>\n" }
        let outside = result.checksOutsideJurisdictions
        if !outside.isEmpty {
            let jurisdictions = result.pipeline.checks.jurisdictions.joined(separator: ", ")
            out += "<li>\(HTMLText.isolated(t.notRunOutsideJurisdictions(outside, jurisdictions: jurisdictions)))</li>\n"
        }
        let flagged = result.groupsBelowThreshold
        if !flagged.isEmpty {
            out += "<li>\(t.groupsBelowThreshold):\n<ul>\n"
            for (stratum, group) in flagged {
                let ratio = group.suppressed ? suppressed(t) : self.ratio(group.impactRatio, t)
                out += "<li class=\"flag-\(group.flag.rawValue)\">\(HTMLText.escape(t.compared(stratum))) · \(HTMLText.isolated(stratum.attribute)) = \(HTMLText.isolated(group.group)): \(t.impactRatio) \(ratio) (\(HTMLText.escape(t.flag(group.flag))))</li>\n"
            }
            out += "</ul>\n</li>\n"
        }
        out += "</ul>\n</section>\n"

        // Checks.
        out += "<section id=\"checks\">\n<h2>\(t.checks)</h2>\n"
        if !result.checks.isEmpty {
            out += figure(SVGCharts.findingsPerCheck(result.checks, language: language, text: t), caption: t.findingsChartCaption)
        }
        out += table("checks", headers: [t.check, t.severityHeader, t.applicable, t.violations, t.notRecorded, t.unknown, t.rate, t.legalBasis],
                     numeric: [2, 3, 4, 5, 6], rows: result.checks.map { tally in
            let basis = tally.descriptor.legalBasis.map { $0.text(language) }.joined(separator: "; ")
            return ["\(HTMLText.escape(tally.descriptor.id)) \(HTMLText.escape(tally.descriptor.title(language)))",
                    "<span class=\"severity-\(tally.descriptor.severity.rawValue)\">\(t.severity(tally.descriptor.severity))</span>",
                    String(tally.applicable), String(tally.violations), String(tally.notRecorded),
                    String(tally.unknown), rate(tally.rate, t), HTMLText.escape(basis)]
        })
        let unknowns = result.checks.filter { $0.unknown > 0 }
        if !unknowns.isEmpty {
            out += "<ul class=\"unknowns\">\n"
            for tally in unknowns {
                let reasons = tally.unknownReasons.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
                    .map { "\(HTMLText.isolated($0.key)) (\($0.value))" }.joined(separator: "; ")
                out += "<li>\(HTMLText.escape(tally.descriptor.id)) \(t.unknown): \(tally.unknown) — \(reasons)</li>\n"
            }
            out += "</ul>\n"
        }
        for tally in result.checks where tally.violations > 0 {
            out += "<h3>\(HTMLText.escape(tally.descriptor.id)): \(t.evidence)</h3>\n<ul class=\"evidence\">\n"
            for (id, reason) in tally.evidence {
                out += "<li><code>\(HTMLText.isolated(id))</code>\(reason.map { " — \(HTMLText.isolated($0))" } ?? "")</li>\n"
            }
            if tally.violations > tally.firstDecisionIDs.count {
                out += "<li>… (\(tally.violations - tally.firstDecisionIDs.count) \(t.moreInFindings))</li>\n"
            }
            out += "</ul>\n"
            if let caveat = tally.descriptor.caveat(language) {
                out += "<p class=\"caveat\">\(t.caveat): \(HTMLText.escape(caveat))</p>\n"
            }
            if tally.descriptor.notRecordedIsViolation && tally.notRecorded > 0 {
                out += "<p>\(t.notRecordedNote(tally.notRecorded, tally.descriptor))</p>\n"
            }
        }
        out += "</section>\n"

        // Groups, opening with the LL144 tables when the pipeline asks for them.
        if result.pipeline.report.layout == .ll144 { out += LL144Tables(labelled, t).html(t) }
        out += "<section id=\"groups\">\n<h2>\(t.groups)</h2>\n"
        if result.selection.isEmpty { out += "<p>\(t.noAttributes)</p>\n" } else { out += "<p class=\"legend\">\(HTMLText.escape(t.selectionChartCaption(threshold)))</p>\n" }
        let intersections = Dictionary(result.pipeline.bias.intersections.map { ($0.joined(separator: " × "), $0.count) },
                                       uniquingKeysWith: { first, _ in first })
        // How to read the pooled sanctions, before the first of their strata.
        var explainedLadder = false
        for stratum in result.selection {
            out += "<h3>\(HTMLText.escape(t.compared(stratum))) · \(HTMLText.isolated(stratum.attribute))</h3>\n"
            if let ladder = stratum.ladder, !explainedLadder {
                out += "<p class=\"legend\">\(HTMLText.escape(t.ladderReading(ladder)))</p>\n"
                explainedLadder = true
            }
            out += figure(SVGCharts.selectionRates(stratum, threshold: threshold, id: nextChart(), text: t))
            if let components = intersections[stratum.attribute] {
                out += figure(SVGCharts.impactHeatmap(stratum, components: components, threshold: threshold, id: nextChart(), text: t),
                              caption: t.heatmapCaption(threshold))
            }
            out += table("selection", headers: [t.group, "n", t.favorable, "\(t.selectionRate) (95% CI)", "\(t.impactRatio) (95% CI)",
                                                 t.adverseRatio, "p (Fisher)", t.adjustedP, t.flag],
                         numeric: Set(1...7), rows: stratum.groups.map { group in
                row(groupLabel(group, t), suppressed: group.suppressed, t, kept: 1) {
                    [String(group.n), String(group.favorable), t.rate(group.selectionRate) + t.rateInterval(group.selectionInterval),
                     ratio(group.impactRatio, t) + interval(group.impactRatioInterval), ratio(group.adverseRateRatio, t),
                     pValue(group.fisherP), pValue(group.adjustedP), flag(group.flag, t)]
                }
            })
            out += "<p>\(t.unknownCount): \(stratum.unknown)</p>\n"
            let flips = stratum.groups.filter { $0.belowThresholdCouldFlip && !$0.suppressed && $0.impactRatioBounds != nil }
            if !flips.isEmpty {
                out += "<ul class=\"could-flip\">\n"
                for group in flips {
                    let bounds = group.impactRatioBounds!
                    out += "<li>\(HTMLText.isolated(group.group)): \(t.couldFlip) \(number(bounds.lower))–\(number(bounds.upper))</li>\n"
                }
                out += "</ul>\n"
            }
        }
        out += "</section>\n"

        // Drift by month: per decision type and attribute, a chart and a row a month.
        if result.drift.count > 1 {
            out += "<section id=\"drift\">\n<h2>\(t.drift)</h2>\n<p class=\"legend\">\(HTMLText.escape(t.driftCaption(threshold)))</p>\n"
            for grid in RateGrid.grids(result.drift.map { ($0.month, $0.strata) }) {
                let series = grid.groups.enumerated().map { column, label in
                    (label: label, values: grid.cells.map { row -> Double? in
                        guard let group = row[column], !group.suppressed else { return nil }
                        return group.impactRatio.value
                    })
                }
                out += "<h3>\(stratumName(grid.decisionType, grid.attribute, t)): \(t.selectionRate) (\(t.impactRatio))</h3>\n"
                out += figure(SVGCharts.drift(name: "\(t.decisionType(grid.decisionType)) · \(grid.attribute)", months: grid.rows.map(\.label),
                                              series: series, threshold: threshold, text: t))
                out += rateTable("drift", grid, rowHeader: t.month, rowLabel: HTMLText.escape, t)
            }
            out += "</section>\n"
        }

        // Within each level of each `bias.by` attribute (each site): a row a level.
        for (index, column) in result.pipeline.bias.by.enumerated() {
            let levels = result.byLevel.filter { $0.column == column }
            guard !levels.isEmpty else { continue }
            out += "<section id=\"by-level-\(index + 1)\">\n<h2>\(HTMLText.escape(t.outcomesBy(column)))</h2>\n"
            for grid in RateGrid.grids(levels.map { ($0.level, $0.strata) }) {
                out += "<h3>\(stratumName(grid.decisionType, grid.attribute, t)): \(t.selectionRate) (\(t.impactRatio))</h3>\n"
                out += rateTable("by-level", grid, rowHeader: HTMLText.isolated(column), rowLabel: HTMLText.isolated, t)
            }
            out += "</section>\n"
        }

        // Contests overturned by group.
        if !result.appealOutcomes.isEmpty {
            out += "<section id=\"appeal-outcomes\">\n<h2>\(t.appealOutcomes)</h2>\n<p>\(t.appealOutcomesIntro)</p>\n"
            for stratum in result.appealOutcomes {
                out += "<h3>\(stratumName(stratum.decisionType, stratum.attribute, t))</h3>\n"
                out += table("appeal-outcomes", headers: [t.group, "n", t.overturned, t.overturnRate], numeric: Set(1...3),
                             rows: stratum.groups.map { group in
                    row(HTMLText.isolated(group.group), suppressed: group.suppressed, t) {
                        [String(group.n), String(group.n - group.favorable), t.rate(1 - group.selectionRate)]
                    }
                })
            }
            out += "</section>\n"
        }

        // Scores.
        if !result.scores.isEmpty {
            out += "<section id=\"scores\">\n<h2>\(t.scores)</h2>\n"
            for stratum in result.scores {
                out += "<h3>\(stratumName(stratum.decisionType, stratum.attribute, t)) (\(t.medianOfAll) \(number(stratum.median)))</h3>\n"
                out += table("scores", headers: [t.group, "n", t.mean, "Q1", t.median, "Q3", t.scoringRate, t.impactRatio, "p (Mann–Whitney)"],
                             numeric: Set(1...8), rows: stratum.groups.map { group in
                    row(HTMLText.isolated(group.group), suppressed: group.suppressed, t) {
                        [String(group.n), number(group.mean), number(group.q1), number(group.median), number(group.q3),
                         number(group.scoringRate), ratio(group.scoringImpactRatio, t), pValue(group.mannWhitneyP)]
                    }
                })
                out += "<p>\(t.unknownCount): \(stratum.unknown)</p>\n"
            }
            out += "</section>\n"
        }

        // Process fairness.
        if !result.processFairness.isEmpty {
            out += "<section id=\"process-fairness\">\n<h2>\(t.processFairness)</h2>\n<p>\(t.processFairnessIntro)</p>\n"
            for entry in result.processFairness {
                for stratum in entry.strata {
                    out += "<h3>\(HTMLText.escape(entry.checkID)) · \(stratumName(stratum.decisionType, stratum.attribute, t))</h3>\n"
                    out += table("process-fairness", headers: [t.group, t.judged, t.violations, t.violationRate, t.violationRateRatio, t.adjustedP, t.flag],
                                 numeric: Set(1...5), rows: stratum.groups.map { group in
                        row(groupLabel(group, t), suppressed: group.suppressed, t, kept: 1) {
                            [String(group.n), String(group.n - group.favorable), t.rate(1 - group.selectionRate),
                             ratio(group.adverseRateRatio, t), pValue(group.adjustedP), flag(group.flag, t)]
                        }
                    })
                }
            }
            out += "</section>\n"
        }

        // Data quality and reconciliation.
        out += "<section id=\"data-quality\">\n<h2>\(t.dataQuality)</h2>\n"
        out += table("inputs", headers: [t.file, "SHA-256", t.encoding, t.linesHeader, t.rowsReadHeader, t.accepted, t.rejectedHeader, t.reconciles],
                     numeric: [3, 4, 5, 6], rows: result.inputs.map { input in
            [HTMLText.isolated(input.file), "<code class=\"hash\">\(HTMLText.escape(input.sha256))</code>", HTMLText.escape(input.encoding.rawValue),
             String(input.lines), String(input.rowsRead), String(input.accepted), String(input.rejected),
             input.reconciles ? "<span class=\"ok\">✓</span>" : "<span class=\"bad\">✗</span>"]
        })
        for input in result.inputs where t.explainsLines(input) {
            out += "<p>\(HTMLText.isolated(input.file)): \(HTMLText.escape(t.lineAccount(input)))</p>\n"
        }
        for input in result.inputs where !input.rejectsByCode.isEmpty {
            out += "<p>\(HTMLText.isolated(input.file)): " + input.rejectsByCode.sorted { $0.key < $1.key }
                .map { "\(HTMLText.escape($0.key.rawValue)) \($0.value)" }.joined(separator: ", ") + "</p>\n"
        }
        if !result.diagnostics.isEmpty {
            out += "<ul class=\"diagnostics\">\n"
            for diagnostic in result.diagnostics {
                out += "<li class=\"\(diagnostic.level.rawValue)\">\(diagnostic.file.map { HTMLText.isolated($0) + ": " } ?? "")\(HTMLText.isolated(diagnostic.message))</li>\n"
            }
            out += "</ul>\n"
        }
        out += "</section>\n"

        // Method, then limitations.
        out += "<section id=\"method\">\n<h2>\(t.method)</h2>\n\(list(fromMarkdown: t.methodText(result.pipeline)))</section>\n"
        out += "<section id=\"limitations\">\n<h2>\(t.limitations)</h2>\n<ul>\n"
        for item in ReportLimitations.items(result, t, escape: HTMLText.isolated) { out += "<li>\(item)</li>\n" }
        out += "</ul>\n</section>\n"
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    // MARK: Pieces

    /// A table: header cells, then rows whose cells are already HTML; the `numeric`
    /// columns (by index) are right-aligned.
    static func table(_ kind: String, headers: [String], numeric: Set<Int>, escapeHeaders: Bool = true, rows: [[String]]) -> String {
        var out = "<div class=\"table\"><table class=\"\(kind)\">\n<thead><tr>"
        out += headers.map { "<th>\(escapeHeaders ? HTMLText.escape($0) : $0)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>" + row.enumerated().map { index, cell in
                numeric.contains(index) ? "<td class=\"num\">\(cell)</td>" : "<td>\(cell)</td>"
            }.joined() + "</tr>\n"
        }
        return out + "</tbody>\n</table></div>\n"
    }

    /// A group's row: its label, then its cells, or "suppressed" in place of the numbers
    /// for a small group (`kept` trailing cells, such as the flag, stay).
    static func row(_ label: String, suppressed isSuppressed: Bool, _ t: ReportText, kept: Int = 0, _ cells: () -> [String]) -> [String] {
        let all = cells()
        guard isSuppressed else { return [label] + all }
        return [label] + Array(repeating: suppressed(t), count: all.count - kept) + all.suffix(kept)
    }

    /// A grid's table: a row a month or level that has the stratum, a column a group,
    /// cells `rate (ratio)`; an undefined ratio is a dash (its reason is in the run's table).
    static func rateTable(_ kind: String, _ grid: RateGrid, rowHeader: String, rowLabel: (String) -> String, _ t: ReportText) -> String {
        table(kind, headers: [rowHeader] + grid.groups.map(HTMLText.isolated), numeric: Set(1..<grid.groups.count + 1), escapeHeaders: false,
              rows: zip(grid.rows, grid.cells).compactMap { row, cells in
            guard row.stratum != nil else { return nil }
            return [rowLabel(row.label)] + cells.map { group in
                guard let group else { return "" }
                return group.suppressed ? suppressed(t) : "\(t.rate(group.selectionRate)) (\(group.impactRatio.value.map(number) ?? "—"))"
            }
        })
    }

    static func figure(_ svg: String, caption: String? = nil) -> String {
        "<figure>\(svg)\(caption.map { "<figcaption>\(HTMLText.escape($0))</figcaption>" } ?? "")</figure>\n"
    }

    static func stratumName(_ type: DecisionType, _ attribute: String, _ t: ReportText) -> String {
        "\(HTMLText.escape(t.decisionType(type))) · \(HTMLText.isolated(attribute))"
    }

    static func groupLabel(_ group: GroupSelection, _ t: ReportText) -> String {
        HTMLText.isolated(group.group) + (group.isReference ? " <span class=\"reference\">(\(t.reference))</span>" : "")
    }

    static func suppressed(_ t: ReportText) -> String { "<span class=\"suppressed\">\(t.suppressed)</span>" }

    static func flag(_ flag: ImpactFlag, _ t: ReportText) -> String {
        "<span class=\"flag-\(flag.rawValue)\">\(HTMLText.escape(t.flag(flag)))</span>"
    }

    /// Four decimals (as `report.md`), or a dash for a value that is not a number.
    static func number(_ value: Double) -> String {
        value.isFinite ? MarkdownReport.fixed(value) : "—"
    }

    static func interval(_ interval: Interval?) -> String {
        guard let interval, interval.lower.isFinite, interval.upper.isFinite else { return "" }
        return " [\(number(interval.lower)), \(number(interval.upper))]"
    }

    static func pValue(_ p: Double?) -> String {
        guard let p, p.isFinite else { return "—" }
        return p < 0.0001 ? "&lt; 0.0001" : number(p)
    }

    /// A ratio, or "undefined" with the reason.
    /// A check's rate: a percentage, or why there is none.
    static func rate(_ rate: Ratio, _ t: ReportText) -> String {
        switch rate {
        case .value(let value) where value.isFinite: t.rate(value)
        case .value: "<span class=\"undefined\">\(t.undefined)</span>"
        case .undefined(let reason): "<span class=\"undefined\">\(t.undefined) (\(HTMLText.isolated(t.reason(reason))))</span>"
        }
    }

    static func ratio(_ ratio: Ratio, _ t: ReportText) -> String {
        switch ratio {
        case .value(let value) where value.isFinite: number(value)
        case .value: "<span class=\"undefined\">\(t.undefined)</span>"
        case .undefined(let reason): "<span class=\"undefined\">\(t.undefined) (\(HTMLText.isolated(t.reason(reason))))</span>"
        }
    }

    /// The method text's Markdown bullets as an HTML list (`code` spans kept).
    static func list(fromMarkdown text: String) -> String {
        var out = "<ul>\n"
        for line in text.split(separator: "\n") where line.hasPrefix("- ") {
            let parts = HTMLText.escape(String(line.dropFirst(2))).split(separator: "`", omittingEmptySubsequences: false)
            let item = parts.enumerated().map { index, part in index % 2 == 1 && index < parts.count - 1 ? "<code>\(part)</code>" : String(part) }
            out += "<li>\(item.joined())</li>\n"
        }
        return out + "</ul>\n"
    }

    /// Inline styles: readable on screen, and on paper without dark backgrounds or tables
    /// and charts cut across pages.
    static let stylesheet = """
    :root { color-scheme: light; }
    body { margin: 0; background: #ffffff; color: #1a1a1a; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei", sans-serif; }
    main { max-width: 1100px; margin: 0 auto; padding: 24px 32px 48px; }
    h1 { font-size: 26px; margin: 0 0 16px; border-bottom: 3px solid #1a1a1a; padding-bottom: 8px; }
    h2 { font-size: 21px; margin: 32px 0 12px; border-bottom: 1px solid #cccccc; padding-bottom: 4px; }
    h3 { font-size: 16px; margin: 22px 0 8px; }
    code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13px; background: #f3f3f3; padding: 0 3px; border-radius: 3px; }
    code.hash { font-size: 11px; word-break: break-all; }
    .table { overflow-x: auto; margin: 8px 0 12px; }
    table { border-collapse: collapse; font-size: 13.5px; }
    th, td { border: 1px solid #d0d0d0; padding: 4px 8px; vertical-align: top; text-align: left; }
    th { background: #f0f0f0; font-weight: 600; word-break: keep-all; }
    tbody tr:nth-child(even) td { background: #fafafa; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .severity-error { color: #9e1020; }
    .alarm { border: 2px solid #9e1020; padding: 0.2em 1em; margin: 1em 0; }
    .severity-warning { color: #9a4a00; }
    .flag-adverse_impact { color: #9e1020; font-weight: 600; }
    .flag-possible_adverse_impact { color: #9a4a00; font-weight: 600; }
    .flag-significant_disparity { color: #2b4f8a; }
    .suppressed, .undefined { color: #666666; font-style: italic; }
    td.num .undefined { display: inline-block; min-width: 11em; max-width: 20em; white-space: normal; text-align: left; }
    p.legend { font-size: 13px; color: #444444; }
    .reference { color: #555555; }
    .ok { color: #1a7f37; } .bad { color: #9e1020; font-weight: 700; }
    figure { margin: 12px 0 16px; }
    figcaption { font-size: 12.5px; color: #555555; margin-top: 4px; max-width: 760px; }
    svg.chart { display: block; max-width: 100%; height: auto; font-size: 12px; font-family: inherit; }
    svg.chart text:not([fill]) { fill: #1a1a1a; }
    svg.chart text.tick, svg.chart text.note { fill: #555555; font-size: 11px; }
    svg.chart * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
    bdi { unicode-bidi: isolate; }
    @media print {
      @page { margin: 15mm; }
      body { background: #ffffff; color: #000000; font-size: 11pt; }
      main { max-width: none; padding: 0; }
      th { background: #ffffff; }
      tbody tr:nth-child(even) td { background: #ffffff; }
      code { background: none; padding: 0; }
      .table { overflow: visible; }
      table { width: 100%; font-size: 8.5pt; }
      td.num { white-space: normal; }
      td.num .undefined { min-width: 0; }
      td { overflow-wrap: anywhere; }
      table, figure, svg, tr { break-inside: avoid; page-break-inside: avoid; }
      h2, h3 { break-after: avoid; page-break-after: avoid; }
      section { break-before: auto; }
    }

    """
}
