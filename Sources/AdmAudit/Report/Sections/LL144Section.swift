/// The bias-audit summary as NYC Local Law 144 audits publish it (6 RCNY § 5-301): per
/// decision type, one table per category kind — sex, race/ethnicity, their intersection —
/// with the number of applicants, the number selected (or the scoring rate, for a tool
/// that scores), the rate and the impact ratio against the most selected category; the
/// categories under the exclusion share named as excluded from the ratios, with their
/// counts; and the number of people of unknown category under each table.
///
/// Shown at the head of the groups section when the pipeline asks for it
/// (`report.layout: ll144`); the full statistics follow it as in every report.
enum LL144Section: ReportSectionBuilder {
    static let place = 30

    static func sections(_ context: ReportContext) -> [ReportSection] {
        guard context.result.pipeline.report.layout == .ll144 else { return [] }
        let t = context.t
        let summary = LL144Tables(context.labelled, t)
        var blocks: [ReportBlock] = [.paragraph([.words(summary.intro)])]
        for table in summary.tables {
            blocks.append(.heading([.text(t.decisionType(table.decisionType)), .words(" · "), .input(table.title)]))
            blocks.append(.table(ReportTable(kind: "ll144", headers: table.headers.map { [.words($0)] },
                                             numeric: Set(1..<table.headers.count), rows: table.rows.map { row in
                ReportTable.groupRow([.input(row.label)] + (row.excluded ? [.words(" "), .footnoteMark] : []), suppressed: row.suppressed) {
                    row.cells.map { [.words($0)] }
                }
            })))
            if let note = table.excludedNote { blocks.append(.paragraph([.footnoteMark, .words(" " + note)], style: .legend)) }
            blocks.append(.paragraph([.words(table.unknownLine)]))
        }
        return [ReportSection(id: "ll144", heading: [.words(summary.heading)], blocks: blocks)]
    }
}

/// The LL144 tables as plain values: categories under the pipeline's labels, numbers and
/// fixed words.
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
                               cells: [String(group.n), String(group.favorable), ReportNumber.fixed(group.selectionRate),
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
                               cells: [String(group.n), ReportNumber.fixed(group.scoringRate),
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
        ratio.value.map(ReportNumber.fixed) ?? "— (\(t.undefined))"
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
}
