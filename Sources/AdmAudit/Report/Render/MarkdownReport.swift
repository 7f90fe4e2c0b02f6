/// `report.md`: the report document (`ReportDocument`) in Markdown, for an inspector to
/// read anywhere. Every span is escaped for Markdown by where it came from; charts are
/// left to `report.html`, their tables are here.
public enum MarkdownReport {
    public static func render(_ result: AuditResult) -> String {
        render(ReportDocument(result))
    }

    static func render(_ document: ReportDocument) -> String {
        let renderer = MarkdownReport.Renderer(t: ReportText(language: document.language))
        var out = "# \(Markdown.escape(document.title))\n\n"
        for section in document.sections {
            out += "## \(renderer.inline(section.heading))\n\n"
            for block in section.blocks { out += renderer.block(block) }
        }
        return out
    }

    struct Renderer {
        let t: ReportText

        /// Each block ends with a blank line.
        func block(_ block: ReportBlock) -> String {
            switch block {
            case .heading(let text): "### \(inline(text))\n\n"
            case .paragraph(let text, _): "\(inline(text))\n\n"
            case .list(let list): list.items.map { item($0, indent: "") }.joined() + "\n"
            case .table(let table): self.table(table) + "\n"
            case .alarm(let headline, let lines): "> **\(headline)**\n" + lines.map { ">\n> \(inline($0))\n" }.joined() + "\n"
            case .chart, .chartLegend: ""
            }
        }

        func item(_ item: ReportListItem, indent: String) -> String {
            "\(indent)- \(inline(item.text))\n" + item.children.map { self.item($0, indent: indent + "  ") }.joined()
        }

        /// A table: the header row, the alignment row (numbers right-aligned), the rows.
        func table(_ table: ReportTable) -> String {
            var out = "| " + table.headers.map(inline).joined(separator: " | ") + " |\n|"
            out += table.headers.indices.map { table.numeric.contains($0) ? "---:|" : "---|" }.joined() + "\n"
            for row in table.rows { out += "| " + row.map(inline).joined(separator: " | ") + " |\n" }
            return out
        }

        func inline(_ spans: ReportInline) -> String {
            spans.map(span).joined()
        }

        func span(_ span: ReportSpan) -> String {
            switch span {
            case .words(let words): words
            case .text(let text), .input(let text): Markdown.escape(text)
            case .code(let code, _), .inputCode(let code): Markdown.code(code)
            case .strong(let inner): "**\(inline(inner))**"
            case .styled(_, let inner): inline(inner)
            case .suppressed: t.suppressed
            case .undefined(let reason): reason.map { "— (\(Markdown.escape($0)))" } ?? "—"
            case .footnoteMark: "¹"
            }
        }
    }
}
