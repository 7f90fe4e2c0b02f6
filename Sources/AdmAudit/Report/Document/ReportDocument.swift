/// What the readable reports show, built once from the result (`ReportDocument(result)`):
/// sections of typed blocks, in the reader's language and terms. The sections decide *what*
/// is shown (which tables, which rows, which numbers are suppressed); the renderers
/// (`MarkdownRenderer`, `HTMLRenderer`) decide only *how*, each escaping for its syntax.
///
/// Text is held as spans that say where it came from, because that decides its escaping:
/// the report's own words, text with values inside, and text from the export.
struct ReportDocument {
    var language: ReportLanguage
    /// The pipeline's title (written by the employer or the inspector: input) or ours.
    var title: String
    var sections: [ReportSection]
}

/// One `##` section of the report (one `<section>` in HTML).
struct ReportSection {
    /// The HTML anchor: `summary`, `checks`, `by-level-1`.
    var id: String
    var heading: ReportInline
    var blocks: [ReportBlock]
}

/// A run of text: spans written one after the other.
typealias ReportInline = [ReportSpan]

enum ReportSpan {
    /// The report's own words, in the reader's language. Markdown writes them as they are
    /// (they may hold `code`); HTML escapes them.
    case words(String)
    /// Text holding values that came from the pipeline or the export: escaped in both.
    case text(String)
    /// A value from the export (a group, a file name, an attribute, a reason): escaped, and
    /// in HTML isolated, so a right-to-left label stays in its place beside the numbers.
    case input(String)
    /// A fixed code or digest, `class` for HTML (`hash`).
    case code(String, class: String? = nil)
    /// An id from the export (a decision id, the pipeline's name): code, isolated.
    case inputCode(String)
    case strong(ReportInline)
    /// Styled in HTML (`flag-adverse_impact`, `severity-error`, `reference`); plain in Markdown.
    case styled(String, ReportInline)
    /// A cell withheld because its group is smaller than `report.suppress_below`.
    case suppressed
    /// A ratio or rate with no value, with why it has none when that is known.
    case undefined(String?)
    /// The mark of the table's one footnote (¹).
    case footnoteMark
}

enum ReportBlock {
    /// A `###` heading within the section.
    case heading(ReportInline)
    case paragraph(ReportInline, style: ParagraphStyle = .plain)
    case list(ReportList)
    case table(ReportTable)
    /// The alarm a report opens with when rejected rows could hide violations.
    case alarm(headline: String, lines: [ReportInline])
    /// A chart with its caption; only the formats that draw (HTML) show it.
    case chart(ReportChart, caption: String? = nil)
    /// How to read the charts of a section; shown where the charts are.
    case chartLegend(String)
}

enum ParagraphStyle: String {
    case plain, legend, caveat
}

struct ReportList {
    /// The HTML class of the list (`evidence`, `could-flip`), if any.
    var style: String? = nil
    var items: [ReportListItem]
}

struct ReportListItem {
    var text: ReportInline
    /// The HTML class of the item (`severity-error`, `flag-adverse_impact`), if any.
    var style: String? = nil
    var children: [ReportListItem] = []

    init(_ text: ReportInline, style: String? = nil, children: [ReportListItem] = []) {
        self.text = text
        self.style = style
        self.children = children
    }
}

struct ReportTable {
    /// The HTML class of the table (`checks`, `selection`).
    var kind: String
    var headers: [ReportInline]
    /// The columns (by index) whose cells are numbers, right-aligned.
    var numeric: Set<Int>
    var rows: [[ReportInline]]

    /// The row of a group: its label, then its cells; for a group smaller than
    /// `report.suppress_below`, every cell but the `kept` last ones (a flag that gives no
    /// count away) is withheld. The one place the suppression rule meets a table row.
    static func groupRow(_ label: ReportInline, suppressed: Bool, kept: Int = 0, _ cells: () -> [ReportInline]) -> [ReportInline] {
        let all = cells()
        guard suppressed else { return [label] + all }
        return [label] + Array(repeating: [.suppressed], count: all.count - kept) + all.suffix(kept)
    }
}

/// The charts `report.html` draws (`SVGCharts`), with what each needs.
enum ReportChart {
    case findingsPerCheck([CheckTally])
    case selectionRates(SelectionStratum, threshold: Double)
    case impactHeatmap(SelectionStratum, components: Int, threshold: Double)
    case drift(name: String, months: [String], series: [(label: String, values: [Double?])], threshold: Double)
    /// Off-hours seconds by local hour of the week (168 cells, Monday 00:00 first).
    case hourOfWeek([Int64])
}
