import Foundation

/// The one-screen summary `run` and `merge` print on stderr at the end: reconciliation per
/// input, each check's count, the checks that could not judge for want of an as-of date,
/// the groups below the four-fifths threshold, the warnings.
///
/// Terminal-safe: input-derived text (file names, group labels, diagnostics) has its
/// control characters (escape sequences could rewrite the screen) and direction marks
/// shown as their code, and a suppressed group's ratio is not shown, as in the reports.
public enum TerminalSummary {
    /// At most this many flagged groups are listed; the rest are counted.
    static let flaggedLimit = 8

    /// Where an input's physical lines went (`42 lines = 1 header + 41 in 40 rows …`), as
    /// every summary states it; for `validate`.
    public static func lineAccount(_ input: InputSummary, language: ReportLanguage) -> String {
        ReportText(language: language).lineAccount(input)
    }

    public static func text(_ result: AuditResult) -> String {
        let result = result.inReadersTerms
        let language = result.pipeline.report.language
        let t = ReportText(language: language)
        var lines: [String] = []
        let hidden = t.hiddenRows(result)
        if !hidden.isEmpty {
            lines.append(language.text("WARNING: ", "警告：") + t.hiddenRowsHeadline)
            lines += hidden.map { "  " + safe($0) }
        }
        for input in result.inputs {
            let verdict = input.reconciles
                ? language.text("reconciled", "核对一致")
                : language.text("DOES NOT RECONCILE (a bug: please report it)", "核对不一致（程序错误，请报告）")
            lines.append(language.text(
                "\(safe(input.file)): \(t.lineAccount(input)); \(input.rowsRead) rows read = \(input.accepted) accepted + \(input.rejected) rejected, \(verdict) [\(input.encoding.rawValue)]",
                "\(safe(input.file))：\(t.lineAccount(input))；读取 \(input.rowsRead) 行 = 接受 \(input.accepted) + 拒收 \(input.rejected)，\(verdict) [\(input.encoding.rawValue)]"))
        }
        for tally in result.checks {
            let rate = tally.rate.value.map(ReportNumber.rate) ?? language.text("n/a", "无")
            lines.append(language.text(
                "\(tally.descriptor.id) \(t.severity(tally.descriptor.severity)): \(tally.violations) of \(tally.applicable) applicable (\(rate)); \(tally.notRecorded) not recorded",
                "\(tally.descriptor.id) \(t.severity(tally.descriptor.severity))：适用 \(tally.applicable)，违规 \(tally.violations)（\(rate)），其中未记录 \(tally.notRecorded)"))
        }
        let withoutAsOf = result.checksWithoutAsOfDate
        if !withoutAsOf.isEmpty { lines.append(t.notJudgedWithoutAsOfDate(withoutAsOf)) }
        let off = result.checksSwitchedOff
        if !off.isEmpty { lines.append(t.switchedOff(off)) }
        let outside = result.checksOutsideJurisdictions
        if !outside.isEmpty {
            lines.append(safe(t.notRunOutsideJurisdictions(outside, jurisdictions: result.pipeline.checks.jurisdictions.joined(separator: ", "))))
        }
        let flagged = result.groupsBelowThreshold
        for (stratum, group) in flagged.prefix(flaggedLimit) {
            let ratio = group.suppressed
                ? t.suppressed
                : (group.impactRatio.value.map(ReportNumber.short) ?? t.undefined)
            let threshold = result.pipeline.bias.impactThreshold
            let compared = ReportText(language: language).compared(stratum)
            lines.append(language.text(
                "impact ratio below \(threshold): \(compared) / \(safe(stratum.attribute)) = \(safe(group.group)): \(ratio) (\(t.flag(group.flag)))",
                "影响比低于 \(threshold)：\(compared) / \(safe(stratum.attribute)) = \(safe(group.group))：\(ratio)（\(t.flag(group.flag))）"))
        }
        if flagged.count > flaggedLimit {
            lines.append(language.text("… and \(flagged.count - flaggedLimit) more groups in the report", "……报告中另有 \(flagged.count - flaggedLimit) 个群体"))
        }
        for diagnostic in result.diagnostics where diagnostic.level == .warning {
            lines.append(language.text("warning: ", "警告：") + "\(diagnostic.file.map { safe($0) + ": " } ?? "")\(safe(diagnostic.message))")
        }
        return lines.joined(separator: "\n")
    }

    /// The one rule for text on a terminal: what a terminal would obey rather than show is
    /// shown as its code (`[U+001B]`): C0 and C1 controls (ESC starts the sequences that
    /// move the cursor, recolour, retitle the window or rewrite the screen), DEL, direction
    /// marks (U+200E/F, U+202A–U+202E, U+2066–U+2069, U+061C), invisible format characters
    /// (zero-width spaces and joiners, soft hyphens, U+FEFF) and the line and paragraph
    /// separators (U+2028, U+2029). Every command prints through it (`Terminal` in the
    /// command line), and applies it to each piece of input-derived text as well, so a
    /// cell can neither fake a line of the summary nor hide its own spelling.
    ///
    /// `keepingLineBreaks`: line feeds are kept, for a whole message of several lines;
    /// input-derived pieces are escaped without it, so their line feeds show as `[U+000A]`.
    public static func safe(_ text: String, keepingLineBreaks: Bool = false) -> String {
        text.showingAsCode { Self.isUnsafe($0) && !(keepingLineBreaks && $0 == "\n") }
    }

    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.isBidiControl { return true }
        guard scalar.value >= 0xAD else { return false }
        switch scalar.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }
}
