/// The summary: the alarm when rejected rows could hide violations, what was audited
/// (pipeline, as-of date, rows), the warnings about what was read, each check with
/// findings, the checks that did not judge and why, and the groups below the four-fifths
/// threshold. A suppressed group's ratio is not shown here either: it would give its small
/// counts away.
enum SummarySection: ReportSectionBuilder {
    static let place = 10
    /// At most this many warnings are listed in the summary; the rest are counted, and all
    /// are under data quality.
    static let warningLimit = 10
    /// Values written to pass for others (look-alike letters, groups spelt several ways): listed first.
    private static let disguiseCodes: Set<Diagnostic.Code> = [.disguisedSpellings, .lookAlikeWorkerIDs, .groupsWrittenAlike]
    /// Warnings about the pipeline's mapping rather than the rows: listed after the others.
    private static let mappingCodes: Set<Diagnostic.Code> = [.pipelineInferred, .fieldsWithoutColumn, .decisionsNamedByLine, .columnMatchesTwoFields,
                                                                     .attributeWithoutColumn]

    static func sections(_ context: ReportContext) -> [ReportSection] {
        let (result, t) = (context.result, context.t)
        var blocks: [ReportBlock] = []
        if let alarm = alarm(context) { blocks.append(alarm) }
        var items = [
            ReportListItem([.words("\(t.pipeline): "), .inputCode(result.pipeline.name),
                            .words(" (SHA-256 "), .code(String(result.pipeline.sha256.prefix(16))), .words("…)")]),
        ]
        if let inference = result.pipeline.inference {
            items.append(ReportListItem([.input(t.inferredMapping(inference, file: result.pipelineFile))]))
        }
        items.append(ReportListItem([.words("\(t.asOf): \(result.asOf.map { $0.description } ?? t.notSet) (\(t.asOfSource(result.asOfSource)))")]))
        if result.decisionInputs.isEmpty {
            // Activity logs alone: no check judged a decision, which is not a clean audit.
            items.append(ReportListItem([.words(t.pick("Decisions audited: none. The inputs are activity logs only, so no decision check judged anything; their working time is below.",
                                                       "审计的决策：无。输入均为活动日志，各项决策检查均未作出判断；其工作时间见下文。"))]))
        } else {
            items.append(ReportListItem([.words("\(t.decisionsAudited): \(result.totalAccepted) \(t.of) \(result.totalRead) \(t.rowsRead); \(result.totalRejected) \(t.rejected)")]))
        }
        if let warnings = warnings(context) { items.append(warnings) }
        items += findings(context) + notJudged(context)
        let flagged = result.groupsBelowThreshold
        if !flagged.isEmpty {
            items.append(ReportListItem([.words("\(t.groupsBelowThreshold):")], children: flagged.map { stratum, group in
                let ratio: ReportSpan = group.suppressed ? .suppressed : context.ratio(group.impactRatio)
                return ReportListItem([.text(t.compared(stratum)), .words(" · "), context.attributeName(stratum.attribute), .words(" = "), .input(group.group),
                                       .words(": \(t.impactRatio) "), ratio, .words(" ("), .text(t.flag(group.flag)), .words(")")],
                                      style: "flag-\(group.flag.rawValue)")
            }))
        }
        blocks.append(.list(ReportList(items: items)))
        return [ReportSection(id: "summary", heading: [.words(t.summary)], blocks: blocks)]
    }

    /// The alarm when rejected rows could hide violations; the terminal opens with it too.
    static func alarm(_ context: ReportContext) -> ReportBlock? {
        let hidden = context.t.hiddenRows(context.result)
        return hidden.isEmpty ? nil : .alarm(headline: context.t.hiddenRowsHeadline, lines: hidden.map { [.input($0)] })
    }

    /// The run's warnings (a stray quote's lines, a disguised spelling, a title line holding
    /// values…): a summary that reads clean must not leave them to the end of the report.
    static func warnings(_ context: ReportContext) -> ReportListItem? {
        let t = context.t
        // Spellings that may keep decisions from the checks first, then the rest of what the
        // rows held (a quote, a title line), then what the mapping lacks: many files' quotes or
        // missing columns must not push a disguise past the limit.
        let all = context.result.diagnostics.filter { $0.level == .warning }
        let warnings = all.filter { disguiseCodes.contains($0.code) }
            + all.filter { !disguiseCodes.contains($0.code) && !mappingCodes.contains($0.code) }
            + all.filter { mappingCodes.contains($0.code) }
        guard !warnings.isEmpty else { return nil }
        var children = warnings.prefix(warningLimit).map { diagnostic in
            ReportListItem((diagnostic.file.map { [.input($0), .words(": ")] } ?? []) + [.input(t.message(diagnostic))], style: "warning")
        }
        if warnings.count > warningLimit {
            children.append(ReportListItem([.words(t.moreWarnings(warnings.count - warningLimit))]))
        }
        return ReportListItem([.words(t.warningsAboutInput(warnings.count))], style: "warning", children: children)
    }

    /// Each check with a finding, or the sentence that says there is none.
    static func findings(_ context: ReportContext) -> [ReportListItem] {
        let (result, t) = (context.result, context.t)
        let withFindings = result.checksWithFindings
        guard !withFindings.isEmpty else {
            return [ReportListItem([.words(result.isClean ? t.noFindings : t.noFindingsInWhatWasJudged)])]
        }
        return withFindings.map { tally in
            ReportListItem([.strong([.words(tally.descriptor.id)]), .words(" "), .text(tally.descriptor.title(context.language)),
                            .words(": \(tally.violations) / \(tally.applicable) (\(t.severity(tally.descriptor.severity)))")],
                           style: "severity-\(tally.descriptor.severity.rawValue)")
        }
    }

    /// The checks that judged nothing: for want of an as-of date, switched off, or outside
    /// the jurisdictions audited.
    static func notJudged(_ context: ReportContext) -> [ReportListItem] {
        let (result, t) = (context.result, context.t)
        var items: [ReportListItem] = []
        let withoutAsOf = result.checksWithoutAsOfDate
        if !withoutAsOf.isEmpty { items.append(ReportListItem([.words(t.notJudgedWithoutAsOfDate(withoutAsOf))])) }
        let off = result.checksSwitchedOff
        if !off.isEmpty { items.append(ReportListItem([.text(t.switchedOff(off))])) }
        let outside = result.checksOutsideJurisdictions
        if !outside.isEmpty {
            let jurisdictions = result.pipeline.checks.jurisdictions.joined(separator: ", ")
            items.append(ReportListItem([.input(t.notRunOutsideJurisdictions(outside, jurisdictions: jurisdictions))]))
        }
        return items
    }
}
