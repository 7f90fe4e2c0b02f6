/// `report.md`: the report for an inspector, in English or Chinese. Summary first, then
/// each check with its evidence, then the groups, then data quality and reconciliation,
/// then method and limitations. Every value that came from the input is escaped.
public enum MarkdownReport {
    public static func render(_ result: AuditResult) -> String {
        // LL144 tables name the EEO categories by their labels, as published audits do.
        let labelled = result
        let result = result.inReadersTerms
        let language = result.pipeline.report.language
        let t = ReportText(language: language)
        var out = ""
        let title = result.pipeline.report.title ?? t.title
        out += "# \(Markdown.escape(title))\n\n"

        // Summary, opening with the rejected rows when they could hide violations.
        out += "## \(t.summary)\n\n"
        let hidden = t.hiddenRows(result)
        if !hidden.isEmpty {
            out += "> **\(t.hiddenRowsHeadline)**\n"
            for line in hidden { out += ">\n> \(Markdown.escape(line))\n" }
            out += "\n"
        }
        out += "- \(t.pipeline): \(Markdown.code(result.pipeline.name)) (SHA-256 \(Markdown.code(String(result.pipeline.sha256.prefix(16))))…)\n"
        if let inference = result.pipeline.inference { out += "- \(Markdown.escape(t.inferredMapping(inference, file: result.pipelineFile)))\n" }
        out += "- \(t.asOf): \(result.asOf.map { $0.description } ?? t.notSet) (\(t.asOfSource(result.asOfSource)))\n"
        out += "- \(t.decisionsAudited): \(result.totalAccepted) \(t.of) \(result.totalRead) \(t.rowsRead); \(result.totalRejected) \(t.rejected)\n"
        let withFindings = result.checksWithFindings
        if withFindings.isEmpty {
            out += "- \(result.isClean ? t.noFindings : t.noFindingsInWhatWasJudged)\n"
        } else {
            for tally in withFindings {
                out += "- **\(tally.descriptor.id)** \(Markdown.escape(tally.descriptor.title(language))): \(tally.violations) / \(tally.applicable) (\(t.severity(tally.descriptor.severity)))\n"
            }
        }
        let withoutAsOf = result.checksWithoutAsOfDate
        if !withoutAsOf.isEmpty { out += "- \(t.notJudgedWithoutAsOfDate(withoutAsOf))\n" }
        let off = result.checksSwitchedOff
        if !off.isEmpty { out += "- \(Markdown.escape(t.switchedOff(off)))\n" }
        let outside = result.checksOutsideJurisdictions
        if !outside.isEmpty {
            let jurisdictions = result.pipeline.checks.jurisdictions.joined(separator: ", ")
            out += "- \(Markdown.escape(t.notRunOutsideJurisdictions(outside, jurisdictions: jurisdictions)))\n"
        }
        let flagged = result.groupsBelowThreshold
        if !flagged.isEmpty {
            out += "- \(t.groupsBelowThreshold):\n"
            for (stratum, group) in flagged {
                // A suppressed group's ratio would give away its small counts.
                let ratio = group.suppressed ? t.suppressed : format(group.impactRatio, t)
                out += "  - \(Markdown.escape(t.compared(stratum))) · \(Markdown.escape(stratum.attribute)) = \(Markdown.escape(group.group)): \(t.impactRatio) \(ratio) (\(Markdown.escape(t.flag(group.flag))))\n"
            }
        }
        out += "\n"

        // Checks.
        out += "## \(t.checks)\n\n"
        out += "| \(t.check) | \(t.severityHeader) | \(t.applicable) | \(t.violations) | \(t.notRecorded) | \(t.unknown) | \(t.rate) | \(t.legalBasis) |\n"
        out += "|---|---|---:|---:|---:|---:|---:|---|\n"
        for tally in result.checks {
            let basis = tally.descriptor.legalBasis.map { $0.text(language) }.joined(separator: "; ")
            out += "| \(tally.descriptor.id) \(Markdown.escape(tally.descriptor.title(language))) | \(t.severity(tally.descriptor.severity)) | \(tally.applicable) | \(tally.violations) | \(tally.notRecorded) | \(tally.unknown) | \(rate(tally.rate, t)) | \(Markdown.escape(basis)) |\n"
        }
        out += "\n"
        for tally in result.checks where tally.unknown > 0 {
            let reasons = tally.unknownReasons.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
                .map { "\(Markdown.escape($0.key)) (\($0.value))" }.joined(separator: "; ")
            out += "- \(tally.descriptor.id) \(t.unknown): \(tally.unknown) — \(reasons)\n"
        }
        if result.checks.contains(where: { $0.unknown > 0 }) { out += "\n" }
        for tally in result.checks where tally.violations > 0 {
            out += "### \(tally.descriptor.id): \(t.evidence)\n\n"
            for (id, reason) in tally.evidence {
                out += "- \(Markdown.code(id))\(reason.map { " — \(Markdown.escape($0))" } ?? "")\n"
            }
            if tally.violations > tally.firstDecisionIDs.count {
                out += "- … (\(tally.violations - tally.firstDecisionIDs.count) \(t.moreInFindings))\n"
            }
            out += "\n"
            if let caveat = tally.descriptor.caveat(language) {
                out += "\(t.caveat): \(Markdown.escape(caveat))\n\n"
            }
            if tally.descriptor.notRecordedIsViolation && tally.notRecorded > 0 {
                out += "\(t.notRecordedNote(tally.notRecorded, tally.descriptor))\n\n"
            }
        }

        // Groups.
        if result.pipeline.report.layout == .ll144 { out += LL144Tables(labelled, t).markdown(t) }
        out += "## \(t.groups)\n\n"
        if result.selection.isEmpty { out += "\(t.noAttributes)\n\n" }
        // How to read the pooled sanctions, before the first of their strata.
        var explainedLadder = false
        for stratum in result.selection {
            out += "### \(Markdown.escape(t.compared(stratum))) · \(Markdown.escape(stratum.attribute))\n\n"
            if let ladder = stratum.ladder, !explainedLadder {
                out += "\(Markdown.escape(t.ladderReading(ladder)))\n\n"
                explainedLadder = true
            }
            out += table([t.group, "n", t.favorable, "\(t.selectionRate) (95% CI)", "\(t.impactRatio) (95% CI)", t.adverseRatio,
                          "p (Fisher)", t.adjustedP, t.flag], numeric: 7, rows: stratum.groups.map { group in
                row(Markdown.escape(group.group) + (group.isReference ? " (\(t.reference))" : ""),
                    suppressed: group.suppressed, as: t.suppressed, kept: 1) {
                    [String(group.n), String(group.favorable), t.rate(group.selectionRate) + t.rateInterval(group.selectionInterval),
                     format(group.impactRatio, t) + interval(group.impactRatioInterval), format(group.adverseRateRatio, t),
                     pValue(group.fisherP), pValue(group.adjustedP), Markdown.escape(t.flag(group.flag))]
                }
            })
            out += "\n\(t.unknownCount): \(stratum.unknown)\n\n"
            for group in stratum.groups where group.belowThresholdCouldFlip && !group.suppressed {
                if let bounds = group.impactRatioBounds {
                    out += "- \(Markdown.escape(group.group)): \(t.couldFlip) \(fixed(bounds.lower))–\(fixed(bounds.upper))\n"
                }
            }
            if stratum.groups.contains(where: { $0.belowThresholdCouldFlip && !$0.suppressed }) { out += "\n" }
        }

        // Drift by month: one table per decision type and attribute, a row a month.
        if result.drift.count > 1 {
            out += "## \(t.drift)\n\n"
            out += rateTables(result.drift.map { ($0.month, $0.strata) }, rowHeader: t.month, t)
        }

        // Within each level of each `bias.by` attribute (each site): a row a level.
        for column in result.pipeline.bias.by {
            let levels = result.byLevel.filter { $0.column == column }
            guard !levels.isEmpty else { continue }
            out += "## \(t.outcomesBy(Markdown.escape(column)))\n\n"
            out += rateTables(levels.map { (Markdown.escape($0.level), $0.strata) }, rowHeader: Markdown.escape(column), t)
        }

        // Contests overturned by group.
        if !result.appealOutcomes.isEmpty {
            out += "## \(t.appealOutcomes)\n\n\(t.appealOutcomesIntro)\n\n"
            for stratum in result.appealOutcomes {
                out += "### \(Markdown.escape(t.decisionType(stratum.decisionType))) · \(Markdown.escape(stratum.attribute))\n\n"
                out += table([t.group, "n", t.overturned, t.overturnRate], numeric: 3, rows: stratum.groups.map { group in
                    row(Markdown.escape(group.group), suppressed: group.suppressed, as: t.suppressed) {
                        [String(group.n), String(group.n - group.favorable), t.rate(1 - group.selectionRate)]
                    }
                })
                out += "\n"
            }
        }

        // Scores.
        if !result.scores.isEmpty {
            out += "## \(t.scores)\n\n"
            for stratum in result.scores {
                out += "### \(Markdown.escape(t.decisionType(stratum.decisionType))) · \(Markdown.escape(stratum.attribute)) (\(t.medianOfAll) \(fixed(stratum.median)))\n\n"
                out += table([t.group, "n", t.mean, "Q1", t.median, "Q3", t.scoringRate, t.impactRatio, "p (Mann–Whitney)"], numeric: 8,
                             rows: stratum.groups.map { group in
                    row(Markdown.escape(group.group), suppressed: group.suppressed, as: t.suppressed) {
                        [String(group.n), fixed(group.mean), fixed(group.q1), fixed(group.median), fixed(group.q3),
                         fixed(group.scoringRate), format(group.scoringImpactRatio, t), pValue(group.mannWhitneyP)]
                    }
                })
                out += "\n\(t.unknownCount): \(stratum.unknown)\n\n"
            }
        }

        // Process fairness.
        if !result.processFairness.isEmpty {
            out += "## \(t.processFairness)\n\n\(t.processFairnessIntro)\n\n"
            for entry in result.processFairness {
                for stratum in entry.strata {
                    out += "### \(entry.checkID) · \(Markdown.escape(t.decisionType(stratum.decisionType))) · \(Markdown.escape(stratum.attribute))\n\n"
                    out += table([t.group, t.judged, t.violations, t.violationRate, t.violationRateRatio, t.adjustedP, t.flag], numeric: 5,
                                 rows: stratum.groups.map { group in
                        row(Markdown.escape(group.group) + (group.isReference ? " (\(t.reference))" : ""),
                            suppressed: group.suppressed, as: t.suppressed, kept: 1) {
                            [String(group.n), String(group.n - group.favorable), t.rate(1 - group.selectionRate),
                             format(group.adverseRateRatio, t), pValue(group.adjustedP), Markdown.escape(t.flag(group.flag))]
                        }
                    })
                    out += "\n"
                }
            }
        }

        // Data quality and reconciliation.
        out += "## \(t.dataQuality)\n\n"
        out += "| \(t.file) | SHA-256 | \(t.encoding) | \(t.linesHeader) | \(t.rowsReadHeader) | \(t.accepted) | \(t.rejectedHeader) | \(t.reconciles) |\n|---|---|---|---:|---:|---:|---:|---|\n"
        for input in result.inputs {
            out += "| \(Markdown.escape(input.file)) | \(Markdown.code(input.sha256)) | \(input.encoding.rawValue) | \(input.lines) | \(input.rowsRead) | \(input.accepted) | \(input.rejected) | \(input.reconciles ? "✓" : "✗") |\n"
        }
        out += "\n"
        for input in result.inputs where t.explainsLines(input) {
            out += "\(Markdown.escape(input.file)): \(t.lineAccount(input))\n\n"
        }
        for input in result.inputs where !input.rejectsByCode.isEmpty {
            out += "\(Markdown.escape(input.file)): " + input.rejectsByCode.sorted { $0.key < $1.key }
                .map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ") + "\n\n"
        }
        for diagnostic in result.diagnostics {
            out += "- \(diagnostic.file.map { Markdown.escape($0) + ": " } ?? "")\(Markdown.escape(diagnostic.message))\n"
        }
        if !result.diagnostics.isEmpty { out += "\n" }

        // Method, then limitations.
        out += "## \(t.method)\n\n"
        out += t.methodText(result.pipeline) + "\n\n"
        out += "## \(t.limitations)\n\n"
        for item in ReportLimitations.items(result, t, escape: Markdown.escape) { out += "- \(item)\n" }
        out += "\n"
        return out
    }

    /// Selection rates and impact ratios by row (a month, a site) for each decision type
    /// and attribute: one table each, a column a group, cells `rate (ratio)`. `rows`
    /// labels are ready for Markdown.
    static func rateTables(_ rows: [(label: String, strata: [SelectionStratum])], rowHeader: String, _ t: ReportText) -> String {
        var out = ""
        for grid in RateGrid.grids(rows) {
            out += "### \(Markdown.escape(t.decisionType(grid.decisionType))) · \(Markdown.escape(grid.attribute)): \(t.selectionRate) (\(t.impactRatio))\n\n"
            out += "| \(rowHeader) | " + grid.groups.map(Markdown.escape).joined(separator: " | ") + " |\n"
            out += "|---|" + String(repeating: "---:|", count: grid.groups.count) + "\n"
            for (row, groups) in zip(grid.rows, grid.cells) where row.stratum != nil {
                let label = row.label
                let cells = groups.map { group -> String in
                    guard let group else { return "" }
                    // An undefined ratio is a dash here; its reason is in the run's own table.
                    return group.suppressed ? t.suppressed : "\(t.rate(group.selectionRate)) (\(group.impactRatio.value.map(fixed) ?? "—"))"
                }
                out += "| \(label) | " + cells.joined(separator: " | ") + " |\n"
            }
            out += "\n"
        }
        return out
    }

    /// A Markdown table: a header row, then one row per group (a label and its cells);
    /// the first `numeric` columns after the label are right-aligned.
    static func table(_ headers: [String], numeric: Int, rows: [[String]]) -> String {
        var out = "| " + headers.joined(separator: " | ") + " |\n|---|"
        out += String(repeating: "---:|", count: numeric) + String(repeating: "---|", count: headers.count - 1 - numeric) + "\n"
        for row in rows { out += "| " + row.joined(separator: " | ") + " |\n" }
        return out
    }

    /// A group's row: its label, then its cells, or "suppressed" in place of the numbers
    /// for a small group (`kept` trailing cells, such as the flag, stay).
    static func row(_ label: String, suppressed: Bool, as text: String, kept: Int = 0, _ cells: () -> [String]) -> [String] {
        let all = cells()
        guard suppressed else { return [label] + all }
        return [label] + Array(repeating: text, count: all.count - kept) + all.suffix(kept)
    }

    /// Four decimals; a value that is not a finite number (scores near the limits of a
    /// double can overflow a quartile) shows as a dash, never as inf or nan. From 1e15 up,
    /// where four decimals are beyond a double's precision (and 1e308 × 10⁴ overflows),
    /// in scientific notation with four decimals: `1.0000e+308`.
    static func fixed(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        guard abs(value) < 1e15 else { return String(format: "%.4e", value) }
        let scaled = (value * 10_000).rounded() / 10_000
        var text = "\(scaled)"
        if let dot = text.firstIndex(of: ".") {
            let decimals = text.distance(from: dot, to: text.endIndex) - 1
            if decimals < 4 { text += String(repeating: "0", count: 4 - decimals) }
        } else {
            text += ".0000"
        }
        return text
    }

    static func interval(_ interval: Interval?) -> String {
        guard let interval else { return "" }
        return " [\(fixed(interval.lower)), \(fixed(interval.upper))]"
    }

    /// p-values: four decimals, or "< 0.0001".
    static func pValue(_ p: Double?) -> String {
        guard let p else { return "—" }
        return p < 0.0001 ? "< 0.0001" : fixed(p)
    }

    /// A check's rate: a percentage, or a dash with the reason it has none.
    static func rate(_ rate: Ratio, _ t: ReportText) -> String {
        switch rate {
        case .value(let value): t.rate(value)
        case .undefined(let reason): "— (\(Markdown.escape(t.reason(reason))))"
        }
    }

    static func format(_ ratio: Ratio, _ t: ReportText) -> String {
        switch ratio {
        case .value(let value): fixed(value)
        case .undefined(let reason): "— (\(Markdown.escape(t.reason(reason))))"
        }
    }
}

/// Escaping for Markdown: input text must render as text, never as markup, links,
/// HTML or a broken table.
public enum Markdown {
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", "#", "!", "|", "~", "$":
                out += "\\"
                out.unicodeScalars.append(scalar)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r", "\t":
                out += " "
            // Bidirectional controls could reorder what a reader sees: shown as their code
            // (an entity would turn back into the control once rendered).
            case _ where scalar.isBidiControl:
                out += "\\[U+" + scalar.codePoint + "\\]"
            case "\u{00}"..."\u{1F}", "\u{7F}":
                out += "&#xFFFD;"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        // GitHub-flavoured Markdown links bare URLs: break the patterns it looks for.
        if out.contains("://") { out = out.replacingOccurrences(of: "://", with: "\\://") }
        if out.contains("www.") { out = out.replacingOccurrences(of: "www.", with: "www\\.") }
        return out
    }

    /// Inline code for ids and hashes; falls back to escaping when a backtick, a pipe
    /// (which splits a table cell even inside code), a control or a bidi mark is inside.
    public static func code(_ text: String) -> String {
        if text.contains("`") || text.contains("|") || text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0.isBidiControl }) {
            return escape(text)
        }
        return "`\(text)`"
    }
}
