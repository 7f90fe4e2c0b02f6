import AdmAudit
import Foundation

/// A case: while its audit runs, how far it has got (the page reloads itself each second);
/// then its headline figures, its outputs, report.html in a frame, a button to run it again
/// with this admaudit, and the other cases of the same export to compare it with.
struct CasePage {
    let workbench: Workbench
    let id: Int64
    let language: ReportLanguage

    static func status(_ status: String, _ page: Page) -> String {
        switch status {
        case "running": page.words("running", "运行中")
        case "done": page.words("done", "完成")
        default: page.words("failed", "失败")
        }
    }

    func render() throws(WorkbenchError) -> String {
        guard let record = workbench.store.record(id) else { throw .notFound("no case \(id)") }
        var page = Page(language: language)
        let title = language.text("Case \(id): ", "案件 \(id)：") + record.input
        page.add("<p>\(page.words("Export", "导出文件")) \(page.input(record.input)); admaudit \(page.attribute(record.toolVersion))")
        if let previous = record.rerunOf { page.add("; \(page.words("run again from case", "重新运行自案件")) <a href=\"\(page.link("/case/\(previous)"))\">\(previous)</a>") }
        page.add("</p>\n")
        switch record.status {
        case "running":
            let progress = workbench.jobs.progress(id)
            let share = progress.map { $0.totalBytes > 0 ? Double($0.bytes) / Double($0.totalBytes) : 0 } ?? 0
            page.add("<p id=\"progress\">\(page.words("Auditing", "审计中"))… <progress max=\"100\" value=\"\(Int(share * 100))\"></progress> \(Int(share * 100)) % · "
                     + page.words("\(progress?.rows ?? 0) rows, \(progress?.rejects ?? 0) rejected so far", "已读 \(progress?.rows ?? 0) 行，拒收 \(progress?.rejects ?? 0) 行") + "</p>\n")
            return page.document(title: title, refresh: 1, path: "/case/\(id)")
        case "failed":
            page.add("<p class=\"alarm\" id=\"failure\">\(page.input(record.message))</p>\n")
        default:
            page.add(figures(record, page))
            page.add(outputs(page))
        }
        page.add("<form method=\"post\" action=\"\(page.link("/case/\(id)/rerun"))\"><button type=\"submit\">"
                 + page.words("Run again with this admaudit", "用当前版本的 admaudit 重新运行") + "</button></form>\n")
        page.add(comparisons(record, page))
        if record.status == "done", FileManager.default.fileExists(atPath: workbench.outputPath(case: id, name: "report.html")) {
            page.add("<iframe class=\"report\" title=\"report.html\" sandbox src=\"\(page.link("/case/\(id)/out/report.html"))\"></iframe>\n")
        }
        return page.document(title: title, path: "/case/\(id)")
    }

    private func figures(_ record: CaseRecord, _ page: Page) -> String {
        let ratio = record.lowestImpactRatio.map { String(format: "%.4f", $0) } ?? "—"
        return "<table id=\"figures\">\n"
            + "<tr><th>\(page.words("As of", "基准日"))</th><td>\(page.attribute(record.asOf))</td></tr>\n"
            + "<tr><th>\(page.words("Rows read", "读取行数"))</th><td>\(record.rowsRead) = \(record.accepted) \(page.words("accepted", "接受")) + \(record.rejected) \(page.words("rejected", "拒收"))</td></tr>\n"
            + "<tr><th>\(page.words("Violations", "违规"))</th><td>\(record.violations) (\(page.words("checks with findings", "有发现的检查")): \(record.checksWithFindings))</td></tr>\n"
            + "<tr><th>\(page.words("Lowest impact ratio", "最低影响比"))</th><td>\(ratio)</td></tr>\n"
            + "<tr><th>\(page.words("Input SHA-256", "输入文件 SHA-256"))</th><td><code>\(page.attribute(record.inputSHA256))</code></td></tr>\n"
            + "<tr><th>\(page.words("Pipeline SHA-256", "审计配置 SHA-256"))</th><td><code>\(page.attribute(record.pipelineSHA256))</code></td></tr>\n</table>\n"
    }

    private func outputs(_ page: Page) -> String {
        let present = Workbench.outputTypes.map(\.name).filter { FileManager.default.fileExists(atPath: workbench.outputPath(case: id, name: $0)) }
        return "<p id=\"outputs\">\(page.words("Outputs:", "输出文件：")) "
            + present.map { "<a href=\"\(page.link("/case/\(id)/out/\($0)"))\">\($0)</a>" }.joined(separator: " · ") + "</p>\n"
    }

    private func comparisons(_ record: CaseRecord, _ page: Page) -> String {
        let others = workbench.store.all().filter { $0.input == record.input && $0.id != id && $0.status == "done" }
        guard record.status == "done", !others.isEmpty else { return "" }
        return "<p>\(page.words("Compare with case:", "与以下案件比较：")) "
            + others.map { "<a href=\"\(page.link("/compare", [("a", "\($0.id!)"), ("b", "\(id)")]))\">\($0.id!)</a>" }.joined(separator: " ") + "</p>\n"
    }
}
