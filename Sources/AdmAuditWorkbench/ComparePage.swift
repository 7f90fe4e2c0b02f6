import AdmAudit
import Foundation

/// Two cases of the same employer side by side: each check's violations in both, the
/// findings one has and the other has not (by check and decision id, from findings.csv), and
/// the impact ratios that moved.
struct ComparePage {
    let workbench: Workbench
    let a: Int64
    let b: Int64
    let language: ReportLanguage

    /// findings.csv files above this size are compared by their counts only.
    static let findingsBytesLimit = 64 << 20

    func render() throws(WorkbenchError) -> String {
        guard let first = workbench.store.record(a), let second = workbench.store.record(b) else { throw .notFound("no such case") }
        var page = Page(language: language)
        page.add("<p>\(page.words("Case", "案件")) <a href=\"\(page.link("/case/\(a)"))\">\(a)</a> (\(page.input(first.input)), admaudit \(page.attribute(first.toolVersion))) "
                 + "\(page.words("against case", "对比案件")) <a href=\"\(page.link("/case/\(b)"))\">\(b)</a> (\(page.input(second.input)), admaudit \(page.attribute(second.toolVersion)))</p>\n")
        if first.inputSHA256 != second.inputSHA256 {
            page.add("<p class=\"alarm\">\(page.words("The two cases read different files (their SHA-256 differ).", "两个案件读取的文件不同（SHA-256 不一致）。"))</p>\n")
        }
        page.add(checks(page))
        page.add(findings(page))
        page.add(ratios(page))
        return page.document(title: language.text("Case \(a) against case \(b)", "案件 \(a) 与案件 \(b) 的比较"), path: "/compare")
    }

    private func checks(_ page: Page) -> String {
        let before = Dictionary(workbench.store.checkCounts(a).map { ($0.checkID, $0) }, uniquingKeysWith: { x, _ in x })
        let after = Dictionary(workbench.store.checkCounts(b).map { ($0.checkID, $0) }, uniquingKeysWith: { x, _ in x })
        var out = "<h2>\(page.words("Violations per check", "各项检查的违规数"))</h2>\n<table id=\"check-counts\">\n<tr><th>\(page.words("Check", "检查"))</th><th>\(a)</th><th>\(b)</th><th>\(page.words("Change", "变化"))</th></tr>\n"
        for check in Set(before.keys).union(after.keys).sorted() {
            let x = before[check]?.violations ?? 0, y = after[check]?.violations ?? 0
            out += "<tr><td>\(page.attribute(check))</td><td>\(x)</td><td>\(y)</td><td>\(y - x > 0 ? "+" : "")\(y - x)</td></tr>\n"
        }
        return out + "</table>\n"
    }

    /// (check id, decision id) of each finding, or nil when the file is missing or too large.
    private func findingKeys(_ id: Int64) -> Set<String>? {
        let path = workbench.outputPath(case: id, name: "findings.csv")
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int), size <= Self.findingsBytesLimit,
              let data = FileManager.default.contents(atPath: path) else { return nil }
        let rows = SimpleCSV.rows(Array(data))
        guard let header = rows.first, let check = header.firstIndex(of: "check_id"), let decision = header.firstIndex(of: "decision_id") else { return nil }
        return Set(rows.dropFirst().compactMap { row in row.count > max(check, decision) ? row[check] + "\u{1F}" + row[decision] : nil })
    }

    private func findings(_ page: Page) -> String {
        guard let before = findingKeys(a), let after = findingKeys(b) else {
            return "<p>\(page.words("findings.csv is missing or too large to compare finding by finding; the counts above compare the checks.", "findings.csv 缺失或过大，无法逐条比较；上表按检查比较计数。"))</p>\n"
        }
        let added = after.subtracting(before).sorted(), removed = before.subtracting(after).sorted()
        var out = "<h2>\(page.words("Findings", "发现"))</h2>\n<p id=\"finding-changes\">"
            + page.words("\(added.count) added in case \(b), \(removed.count) no longer found", "案件 \(b) 新增 \(added.count) 项，不再出现 \(removed.count) 项") + "</p>\n"
        for (heading, keys) in [(page.words("Added", "新增"), added), (page.words("No longer found", "不再出现"), removed)] where !keys.isEmpty {
            out += "<h3>\(heading)</h3>\n<ul>\n"
            for key in keys.prefix(50) {
                let parts = key.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                out += "<li>\(page.attribute(parts[0])): \(page.input(parts.count > 1 ? parts[1] : ""))</li>\n"
            }
            if keys.count > 50 { out += "<li>\(page.words("… and \(keys.count - 50) more", "……另有 \(keys.count - 50) 项"))</li>\n" }
            out += "</ul>\n"
        }
        return out
    }

    private func ratios(_ page: Page) -> String {
        func keyed(_ id: Int64) -> [String: CaseRatio] {
            Dictionary(workbench.store.ratios(id).map { ($0.decisionType + "\u{1F}" + $0.attribute + "\u{1F}" + $0.groupLabel, $0) }, uniquingKeysWith: { x, _ in x })
        }
        let before = keyed(a), after = keyed(b)
        let moved = Set(before.keys).union(after.keys).sorted().filter { key in
            guard let x = before[key]?.ratio, let y = after[key]?.ratio else { return true }
            return abs(x - y) > 1e-9
        }
        var out = "<h2>\(page.words("Impact ratios that moved", "发生变化的影响比"))</h2>\n"
        guard !moved.isEmpty else { return out + "<p id=\"ratios-moved\">\(page.words("None: every impact ratio is the same in both.", "无：两者的影响比完全相同。"))</p>\n" }
        out += "<table id=\"ratios-moved\">\n<tr><th>\(page.words("Decision type", "决策类型"))</th><th>\(page.words("Attribute", "属性"))</th><th>\(page.words("Group", "群体"))</th><th>\(a)</th><th>\(b)</th></tr>\n"
        for key in moved {
            let ratio = before[key] ?? after[key]!
            let x = before[key].map { String(format: "%.4f", $0.ratio) } ?? "—", y = after[key].map { String(format: "%.4f", $0.ratio) } ?? "—"
            out += "<tr><td>\(page.attribute(ratio.decisionType))</td><td>\(page.input(ratio.attribute))</td><td>\(page.input(ratio.groupLabel))</td><td>\(x)</td><td>\(y)</td></tr>\n"
        }
        return out + "</table>\n"
    }
}

/// RFC 4180 rows (quoted fields, doubled quotes, line breaks inside quotes), for the
/// workbench's reading of its own findings.csv.
enum SimpleCSV {
    static func rows(_ bytes: [UInt8]) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field: [UInt8] = [], quoted = false, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") { field.append(byte); index += 1 } else { quoted = false }
                } else { field.append(byte) }
            } else if byte == UInt8(ascii: "\"") {
                quoted = true
            } else if byte == UInt8(ascii: ",") {
                row.append(String(decoding: field, as: UTF8.self)); field = []
            } else if byte == UInt8(ascii: "\n") {
                row.append(String(decoding: field, as: UTF8.self)); field = []
                rows.append(row); row = []
            } else if byte != UInt8(ascii: "\r") {
                field.append(byte)
            }
            index += 1
        }
        if !field.isEmpty || !row.isEmpty { row.append(String(decoding: field, as: UTF8.self)); rows.append(row) }
        return rows
    }
}
