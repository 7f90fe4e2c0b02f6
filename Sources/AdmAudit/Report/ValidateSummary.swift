/// What `admaudit validate` prints: per input its encoding, delimiter, the mapping used, the
/// line and row accounts; then the reject reasons, most frequent first, with examples and
/// what fixes each; then the warnings. In the pipeline's language, frame and reasons alike;
/// every input-derived text escaped whole (`TerminalSummary.safe`), so a line feed in a
/// header or a value shows as its code and cannot fake a line of this output.
public enum ValidateSummary {
    public static func text(_ result: AuditResult, examples: [RejectCode: [Reject]]) -> String {
        let language = result.pipeline.report.language
        let t = ReportText(language: language)
        let safe = { (text: String) in TerminalSummary.safe(text) }
        var out: [String] = []
        for input in result.inputs {
            out.append(safe(input.file))
            let delimiter = input.delimiter == 9 ? t.tab : String(UnicodeScalar(input.delimiter))
            out.append("  " + language.text("encoding \(input.encoding.rawValue), delimiter \(delimiter), \(input.lines) lines, \(input.bytes) bytes",
                                            "编码 \(input.encoding.rawValue)，分隔符 \(delimiter)，共 \(input.lines) 行，\(input.bytes) 字节"))
            out.append("  " + language.text("mapping used:", "使用的列映射："))
            for entry in input.mapping { out.append("    \(safe(entry.field)) ← \(safe(entry.header))") }
            if !input.unmappedHeaders.isEmpty {
                out.append("  " + language.text("not used: ", "未使用的列：") + input.unmappedHeaders.map(safe).joined(separator: t.listComma))
            }
            out.append("  " + TerminalSummary.lineAccount(input, language: language))
            let reconciled = input.reconciles ? language.text("reconciled", "核对一致") : language.text("DOES NOT RECONCILE", "核对不一致")
            out.append("  " + language.text("\(input.rowsRead) rows read = \(input.accepted) accepted + \(input.rejected) rejected (\(reconciled))",
                                            "读取 \(input.rowsRead) 行 = 接受 \(input.accepted) + 拒收 \(input.rejected)（\(reconciled)）"))
        }
        let total = { (code: RejectCode) in result.inputs.reduce(0) { $0 + ($1.rejectsByCode[code] ?? 0) } }
        let codes = examples.keys.sorted { a, b in total(a) != total(b) ? total(a) > total(b) : a < b }
        if !codes.isEmpty { out.append(language.text("top reject reasons:", "主要拒收原因：")) }
        for code in codes {
            out.append("  \(code.rawValue): \(total(code))" + language.text(" (\(t.fix(code)))", "（\(t.fix(code))）"))
            for example in examples[code] ?? [] {
                out.append("    \(safe(example.file)):\(example.line)\(example.column.map { ":\($0)" } ?? ""): \(safe(example.reason))")
            }
        }
        for diagnostic in result.diagnostics where diagnostic.level == .warning {
            out.append(language.text("warning: ", "警告：") + "\(diagnostic.file.map { safe($0) + ": " } ?? "")\(safe(diagnostic.message))")
        }
        return out.joined(separator: "\n")
    }
}
