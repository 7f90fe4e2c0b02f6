import AdmAudit

/// The start page: the folder's exports (each opens its mapping, alone or with a pipeline of
/// the folder), and the cases, newest first, with their headline figures.
struct StartPage {
    let workbench: Workbench
    let language: ReportLanguage

    func render() -> String {
        var page = Page(language: language)
        let (exports, pipelines) = workbench.folder.listed()
        page.add("<h2>\(page.words("Exports in the folder", "文件夹中的导出文件"))</h2>\n")
        if exports.isEmpty {
            page.add("<p>\(page.words("No .csv, .tsv or .txt file in the folder. Put the employer's export there and reload.", "文件夹中没有 .csv、.tsv 或 .txt 文件。请将用人单位的导出文件放入后刷新。"))</p>\n")
        } else {
            page.add("<table>\n<tr><th>\(page.words("Export", "导出文件"))</th><th>\(page.words("Open with a pipeline of the folder", "使用文件夹中的审计配置打开"))</th></tr>\n")
            for export in exports {
                page.add("<tr><td><a href=\"\(page.link("/map", [("file", export)], keepingLanguage: false))\">\(page.input(export))</a></td><td>")
                page.add(pipelines.map { "<a href=\"\(page.link("/map", [("file", export), ("pipeline", $0)], keepingLanguage: false))\">\(page.input($0))</a>" }.joined(separator: " "))
                page.add("</td></tr>\n")
            }
            page.add("</table>\n")
        }
        page.add(casesTable(page))
        return page.document(title: language.text("Audit an export", "审计导出文件"), path: "/")
    }

    private func casesTable(_ page: Page) -> String {
        let cases = workbench.store.all()
        var out = "<h2>\(page.words("Cases", "案件"))</h2>\n"
        guard !cases.isEmpty else { return out + "<p>\(page.words("No audit yet.", "尚无审计。"))</p>\n" }
        out += "<table id=\"cases\">\n<tr><th>#</th><th>\(page.words("Export", "导出文件"))</th><th>\(page.words("As of", "基准日"))</th>"
            + "<th>\(page.words("Rows read / rejected", "读取 / 拒收行数"))</th><th>\(page.words("Violations", "违规"))</th>"
            + "<th>\(page.words("Checks with findings", "有发现的检查"))</th><th>\(page.words("Lowest impact ratio", "最低影响比"))</th>"
            + "<th>admaudit</th><th>\(page.words("Status", "状态"))</th></tr>\n"
        for record in cases {
            let id = record.id ?? 0
            let ratio = record.lowestImpactRatio.map { String(format: "%.4f", $0) } ?? "—"
            out += "<tr><td><a href=\"\(page.link("/case/\(id)", keepingLanguage: false))\">\(id)</a></td><td>\(page.input(record.input))</td><td>\(page.attribute(record.asOf))</td>"
                + "<td>\(record.rowsRead) / \(record.rejected)</td><td>\(record.violations)</td><td>\(record.checksWithFindings)</td><td>\(ratio)</td>"
                + "<td>\(page.attribute(record.toolVersion))</td><td class=\"status-\(page.attribute(record.status))\">\(CasePage.status(record.status, page))</td></tr>\n"
        }
        return out + "</table>\n"
    }
}
