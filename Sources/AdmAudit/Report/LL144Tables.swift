/// The bias-audit summary as NYC Local Law 144 audits publish it (6 RCNY § 5-301): per
/// decision type, one table per category kind — sex, race/ethnicity, their intersection —
/// with the number of applicants, the number selected (or the scoring rate, for a tool
/// that scores), the rate and the impact ratio against the most selected category; the
/// categories under the exclusion share named as excluded from the ratios, with their
/// counts; and the number of people of unknown category under each table.
///
/// Shown at the head of the groups section when the pipeline asks for it
/// (`report.layout: ll144`); the full statistics follow it as in every report. Built
/// once as plain values, written by `report.md` and `report.html` each with its escaping.
struct LL144Tables {
    struct Row {
        /// The category as the published tables write it (input-derived: escape it).
        var label: String
        var excluded: Bool
        var suppressed: Bool
        /// Counts, rates and the ratio: numbers and fixed words only.
        var cells: [String]
    }

    struct Table {
        /// `hiring · Sex categories: Selection rate` without the decision type, which is input-safe.
        var decisionType: DecisionType
        var title: String
        var headers: [String]
        var rows: [Row]
        /// The footnote on excluded categories, when a row is excluded.
        var excludedNote: String?
        var unknownLine: String
    }

    var heading: String
    var intro: String
    var tables: [Table]

    init(_ result: AuditResult, _ t: ReportText) {
        let bias = result.pipeline.bias
        heading = t.ll144Title
        intro = t.ll144Intro(share: bias.exclusionShare)
        tables = []
        let types = Set(result.selection.filter { $0.ladder == nil }.map(\.decisionType)).union(result.scores.map(\.decisionType)).sorted()
        for type in types {
            for stratum in result.selection where stratum.decisionType == type && stratum.ladder == nil {
                let known = stratum.groups.reduce(0) { $0 + $1.n }
                let rows = stratum.groups.map { group in
                    let excluded = Self.isExcluded(n: group.n, known: known, share: bias.exclusionShare)
                    return Row(label: Self.categoryLabel(group.group), excluded: excluded, suppressed: group.suppressed,
                               cells: [String(group.n), String(group.favorable), MarkdownReport.fixed(group.selectionRate),
                                       excluded ? t.excluded : (group.isReference ? "1.0000 (\(t.highest))" : ratio(group.impactRatio, t))])
                }
                tables.append(Table(decisionType: type,
                                    title: "\(t.categories(Self.categoryKind(stratum.attribute))): \(t.selectionRate)",
                                    headers: [t.category, t.applicants, t.selected, t.selectionRate, t.impactRatio], rows: rows,
                                    excludedNote: rows.contains(where: \.excluded) ? t.excludedNote(share: bias.exclusionShare) : nil,
                                    unknownLine: "\(t.unknownCategory): \(stratum.unknown)"))
            }
            for stratum in result.scores where stratum.decisionType == type {
                let known = stratum.groups.reduce(0) { $0 + $1.n }
                let rows = stratum.groups.map { group in
                    let excluded = Self.isExcluded(n: group.n, known: known, share: bias.exclusionShare)
                    return Row(label: Self.categoryLabel(group.group), excluded: excluded, suppressed: group.suppressed,
                               cells: [String(group.n), MarkdownReport.fixed(group.scoringRate),
                                       excluded ? t.excluded : ratio(group.scoringImpactRatio, t)])
                }
                tables.append(Table(decisionType: type,
                                    title: "\(t.categories(Self.categoryKind(stratum.attribute))): \(t.scoringRate)",
                                    headers: [t.category, t.applicants, t.scoringRate, t.impactRatio], rows: rows,
                                    excludedNote: rows.contains(where: \.excluded) ? t.excludedNote(share: bias.exclusionShare) : nil,
                                    unknownLine: "\(t.unknownCategory): \(stratum.unknown)"))
            }
        }
    }

    /// A ratio, or a dash with the reason's kind left to the full tables below.
    private func ratio(_ ratio: Ratio, _ t: ReportText) -> String {
        ratio.value.map(MarkdownReport.fixed) ?? "— (\(t.undefined))"
    }

    /// LL144's 2% rule: a category under this share of the known people may be left out of the ratios.
    static func isExcluded(n: Int, known: Int, share: Double) -> Bool {
        share > 0 && Double(n) < share * Double(known)
    }

    /// `race_ethnicity` → `race/ethnicity`; an intersection → `intersectional`.
    static func categoryKind(_ attribute: String) -> String {
        if attribute.contains(" × ") { return "intersectional" }
        return attribute == "race_ethnicity" ? "race/ethnicity" : attribute.replacingOccurrences(of: "_", with: " ")
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

    /// The summary in Markdown.
    func markdown(_ t: ReportText) -> String {
        var out = "## \(heading)\n\n\(intro)\n\n"
        for table in tables {
            out += "### \(Markdown.escape(t.decisionType(table.decisionType))) · \(Markdown.escape(table.title))\n\n"
            out += MarkdownReport.table(table.headers, numeric: table.headers.count - 1, rows: table.rows.map { row in
                MarkdownReport.row(Markdown.escape(row.label) + (row.excluded ? " ¹" : ""), suppressed: row.suppressed, as: t.suppressed) { row.cells }
            })
            out += "\n"
            if let note = table.excludedNote { out += "¹ \(note)\n\n" }
            out += "\(table.unknownLine)\n\n"
        }
        return out
    }

    /// The summary in HTML.
    func html(_ t: ReportText) -> String {
        var out = "<section id=\"ll144\">\n<h2>\(HTMLText.escape(heading))</h2>\n<p>\(HTMLText.escape(intro))</p>\n"
        for table in tables {
            out += "<h3>\(HTMLText.escape(t.decisionType(table.decisionType))) · \(HTMLText.isolated(table.title))</h3>\n"
            out += HTMLReport.table("ll144", headers: table.headers, numeric: Set(1..<table.headers.count), rows: table.rows.map { row in
                HTMLReport.row(HTMLText.isolated(row.label) + (row.excluded ? " <sup>1</sup>" : ""), suppressed: row.suppressed, t) {
                    row.cells.map(HTMLText.escape)
                }
            })
            if let note = table.excludedNote { out += "<p class=\"legend\"><sup>1</sup> \(HTMLText.escape(note))</p>\n" }
            out += "<p>\(HTMLText.escape(table.unknownLine))</p>\n"
        }
        return out + "</section>\n"
    }
}
