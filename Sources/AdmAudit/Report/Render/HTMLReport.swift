/// `report.html`: the report document (`ReportDocument`) in one self-contained page, with
/// its charts drawn as inline SVG (`SVGCharts`). One file an inspector can open offline,
/// mail or print: inline styles with print rules, no script, no external resource. Every
/// span is escaped for HTML by where it came from, and text from the export is isolated
/// (`HTMLText`).
public enum HTMLReport {
    public static func render(_ result: AuditResult) -> String {
        render(ReportDocument(result), threshold: result.pipeline.bias.impactThreshold)
    }

    static func render(_ document: ReportDocument, threshold: Double) -> String {
        var renderer = Renderer(t: ReportText(language: document.language))
        var out = "<!DOCTYPE html>\n<html lang=\"\(document.language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"admaudit \(AdmAuditVersion.current)\">\n"
        out += "<title>\(HTMLText.escape(document.title))</title>\n<style>\n\(stylesheet)</style>\n</head>\n<body>\n<main>\n"
        out += "<h1>\(HTMLText.isolated(document.title))</h1>\n"
        for section in document.sections {
            out += "<section id=\"\(section.id)\">\n<h2>\(renderer.inline(section.heading))</h2>\n"
            for block in section.blocks { out += renderer.block(block) }
            out += "</section>\n"
        }
        return out + "</main>\n</body>\n</html>\n"
    }

    struct Renderer {
        let t: ReportText
        /// Charts drawn so far: each chart's patterns get ids of their own.
        var charts = 0

        mutating func block(_ block: ReportBlock) -> String {
            switch block {
            case .heading(let text): return "<h3>\(inline(text))</h3>\n"
            case .paragraph(let text, let style):
                return (style == .plain ? "<p>" : "<p class=\"\(style.rawValue)\">") + inline(text) + "</p>\n"
            case .list(let list):
                return "<ul\(attribute(list.style))>\n" + list.items.map(item).joined() + "</ul>\n"
            case .table(let table): return self.table(table)
            case .alarm(let headline, let lines):
                return "<div class=\"alarm\"><p><strong>\(HTMLText.escape(headline))</strong></p>\n" + lines.map { "<p>\(inline($0))</p>\n" }.joined() + "</div>\n"
            case .chart(let chart, let caption):
                return "<figure>\(svg(chart))\(caption.map { "<figcaption>\(HTMLText.escape($0))</figcaption>" } ?? "")</figure>\n"
            case .chartLegend(let text): return "<p class=\"legend\">\(HTMLText.escape(text))</p>\n"
            }
        }

        mutating func svg(_ chart: ReportChart) -> String {
            switch chart {
            case .findingsPerCheck(let checks):
                return SVGCharts.findingsPerCheck(checks, language: t.language, text: t)
            case .selectionRates(let stratum, let threshold):
                charts += 1
                return SVGCharts.selectionRates(stratum, threshold: threshold, id: charts, text: t)
            case .impactHeatmap(let stratum, let components, let threshold):
                charts += 1
                return SVGCharts.impactHeatmap(stratum, components: components, threshold: threshold, id: charts, text: t)
            case .drift(let name, let months, let series, let threshold):
                return SVGCharts.drift(name: name, months: months, series: series, threshold: threshold, text: t)
            case .hourOfWeek(let seconds):
                return SVGCharts.hourOfWeek(seconds, text: t)
            }
        }

        func item(_ item: ReportListItem) -> String {
            let children = item.children.isEmpty ? "" : "\n<ul>\n" + item.children.map(self.item).joined() + "</ul>\n"
            return "<li\(attribute(item.style))>\(inline(item.text))\(children)</li>\n"
        }

        /// A table; the `numeric` columns are right-aligned.
        func table(_ table: ReportTable) -> String {
            var out = "<div class=\"table\"><table class=\"\(table.kind)\">\n<thead><tr>"
            out += table.headers.map { "<th>\(inline($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for row in table.rows {
                out += "<tr>" + row.enumerated().map { index, cell in
                    table.numeric.contains(index) ? "<td class=\"num\">\(inline(cell))</td>" : "<td>\(inline(cell))</td>"
                }.joined() + "</tr>\n"
            }
            return out + "</tbody>\n</table></div>\n"
        }

        func attribute(_ style: String?) -> String {
            style.map { " class=\"\(HTMLText.escape($0))\"" } ?? ""
        }

        func inline(_ spans: ReportInline) -> String {
            spans.map(span).joined()
        }

        func span(_ span: ReportSpan) -> String {
            switch span {
            case .words(let text), .text(let text): HTMLText.escape(text)
            case .input(let text): HTMLText.isolated(text)
            case .code(let code, let style): "<code\(attribute(style))>\(HTMLText.escape(code))</code>"
            case .inputCode(let code): "<code>\(HTMLText.isolated(code))</code>"
            case .strong(let inner): "<strong>\(inline(inner))</strong>"
            case .styled(let style, let inner): "<span class=\"\(HTMLText.escape(style))\">\(inline(inner))</span>"
            case .suppressed: "<span class=\"suppressed\">\(t.suppressed)</span>"
            case .undefined(let reason): "<span class=\"undefined\">\(t.undefined)\(reason.map { " (\(HTMLText.isolated($0)))" } ?? "")</span>"
            case .footnoteMark: "<sup>1</sup>"
            }
        }
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
    .severity-warning, li.warning { color: #9a4a00; }
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
