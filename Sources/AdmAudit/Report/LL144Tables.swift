/// The bias-audit summary as NYC Local Law 144 audits publish it (6 RCNY § 5-301): per
/// decision type, one table per category kind — sex, race/ethnicity, their intersection —
/// with the number of applicants, the number selected (or the scoring rate, for a tool
/// that scores), the rate and the impact ratio against the most selected category; the
/// categories under the exclusion share named as excluded from the ratios, with their
/// counts; and the number of people of unknown category under each table.
///
/// Shown at the head of the groups section when the pipeline asks for it
/// (`report.layout: ll144`); the full statistics follow it as in every report.
enum LL144Tables {
    static func render(_ result: AuditResult, _ t: ReportText) -> String {
        let bias = result.pipeline.bias
        var out = "## \(t.ll144Title)\n\n\(t.ll144Intro(share: bias.exclusionShare))\n\n"
        let types = Set(result.selection.map(\.decisionType)).union(result.scores.map(\.decisionType)).sorted()
        for type in types {
            for stratum in result.selection where stratum.decisionType == type {
                out += "### \(Markdown.escape(type.rawValue)) · \(t.categories(Markdown.escape(categoryKind(stratum.attribute)))): \(t.selectionRate)\n\n"
                let known = stratum.groups.reduce(0) { $0 + $1.n }
                out += MarkdownReport.table([t.category, t.applicants, t.selected, t.selectionRate, t.impactRatio], numeric: 4,
                                            rows: stratum.groups.map { group in
                    let excluded = isExcluded(n: group.n, known: known, share: bias.exclusionShare)
                    return MarkdownReport.row(Markdown.escape(categoryLabel(group.group)) + (excluded ? " ¹" : ""),
                                              suppressed: group.suppressed, as: t.suppressed) {
                        [String(group.n), String(group.favorable), MarkdownReport.fixed(group.selectionRate),
                         excluded ? t.excluded : (group.isReference ? "1.0000 (\(t.highest))" : MarkdownReport.format(group.impactRatio))]
                    }
                })
                out += footer(stratum.groups.contains { isExcluded(n: $0.n, known: known, share: bias.exclusionShare) },
                              unknown: stratum.unknown, t, share: bias.exclusionShare)
            }
            for stratum in result.scores where stratum.decisionType == type {
                out += "### \(Markdown.escape(type.rawValue)) · \(t.categories(Markdown.escape(categoryKind(stratum.attribute)))): \(t.scoringRate)\n\n"
                let known = stratum.groups.reduce(0) { $0 + $1.n }
                out += MarkdownReport.table([t.category, t.applicants, t.scoringRate, t.impactRatio], numeric: 3,
                                            rows: stratum.groups.map { group in
                    let excluded = isExcluded(n: group.n, known: known, share: bias.exclusionShare)
                    let ratio = excluded ? t.excluded : MarkdownReport.format(group.scoringImpactRatio)
                    return MarkdownReport.row(Markdown.escape(categoryLabel(group.group)) + (excluded ? " ¹" : ""),
                                              suppressed: group.suppressed, as: t.suppressed) {
                        [String(group.n), MarkdownReport.fixed(group.scoringRate), ratio]
                    }
                })
                out += footer(stratum.groups.contains { isExcluded(n: $0.n, known: known, share: bias.exclusionShare) },
                              unknown: stratum.unknown, t, share: bias.exclusionShare)
            }
        }
        return out
    }

    /// LL144's 2% rule: a category under this share of the known people may be left out of the ratios.
    static func isExcluded(n: Int, known: Int, share: Double) -> Bool {
        share > 0 && Double(n) < share * Double(known)
    }

    private static func footer(_ anyExcluded: Bool, unknown: Int, _ t: ReportText, share: Double) -> String {
        var out = "\n"
        if anyExcluded { out += "¹ \(t.excludedNote(share: share))\n\n" }
        out += "\(t.unknownCategory): \(unknown)\n\n"
        return out
    }

    /// `race_ethnicity` → `Race/ethnicity`, `sex × race_ethnicity` → `Intersectional`.
    static func categoryKind(_ attribute: String) -> String {
        if attribute.contains(" × ") { return "intersectional" }
        let words = attribute == "race_ethnicity" ? "race/ethnicity" : attribute.replacingOccurrences(of: "_", with: " ")
        return words
    }

    /// Canonical labels as the published tables write them: `hispanic_or_latino` → `Hispanic or Latino`.
    static func categoryLabel(_ label: String) -> String {
        label.components(separatedBy: " × ").map { part in
            let words = part.split(separator: "_", omittingEmptySubsequences: false).map(String.init)
            guard words.count > 1 || part == part.lowercased() else { return part }
            return words.enumerated().map { index, word in
                let small = ["or", "and", "of", "the"].contains(word)
                return (index > 0 && small) || word.isEmpty ? word : word.prefix(1).uppercased() + word.dropFirst()
            }.joined(separator: " ")
        }.joined(separator: " × ")
    }
}
