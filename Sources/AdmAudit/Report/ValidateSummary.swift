/// What `admaudit validate` prints: per input its encoding, delimiter, the mapping used, the
/// line and row accounts; then the reject reasons, most frequent first, with examples and
/// what fixes each; then the warnings. In the pipeline's language, frame and reasons alike.
/// It decides what is shown, as blocks of the report model; `TerminalText` writes them,
/// escaping every input-derived text whole, so a line feed in a header or a value shows as
/// its code and cannot fake a line of this output.
public enum ValidateSummary {
    public static func text(_ result: AuditResult, examples: [RejectCode: [Reject]]) -> String {
        let t = ReportText(language: result.pipeline.report.language)
        return TerminalText.render(blocks(result, examples: examples, t), t: t)
    }

    /// The same, as an HTML fragment (the workbench's counts), every input-derived text
    /// escaped and isolated as in report.html.
    public static func html(_ result: AuditResult, examples: [RejectCode: [Reject]]) -> String {
        let t = ReportText(language: result.pipeline.report.language)
        var renderer = HTMLReport.Renderer(t: t)
        return blocks(result, examples: examples, t).map { renderer.block($0) }.joined()
    }

    static func blocks(_ result: AuditResult, examples: [RejectCode: [Reject]], _ t: ReportText) -> [ReportBlock] {
        let language = t.language
        var items = result.inputs.map { input in
            let delimiter = input.delimiter == 9 ? t.tab : String(UnicodeScalar(input.delimiter))
            var details = [
                ReportListItem([.words(language.text("encoding \(input.encoding.rawValue), delimiter ", "编码 \(input.encoding.rawValue)，分隔符 ")),
                                .text(delimiter),
                                .words(language.text(", \(input.lines) lines, \(input.bytes) bytes", "，共 \(input.lines) 行，\(input.bytes) 字节"))]),
                ReportListItem([.words(language.text("mapping used:", "使用的列映射："))],
                               children: input.mapping.map { ReportListItem([.input($0.field), .words(" ← "), .input($0.header)]) }),
            ]
            if !input.unmappedHeaders.isEmpty {
                details.append(ReportListItem([.words(language.text("not used: ", "未使用的列："))] + listed(input.unmappedHeaders, t)))
            }
            let reconciled = input.reconciles ? language.text("reconciled", "核对一致") : language.text("DOES NOT RECONCILE", "核对不一致")
            details.append(ReportListItem([.words(t.lineAccount(input))]))
            details.append(ReportListItem([.words(language.text("\(input.rowsRead) rows read = \(input.accepted) accepted + \(input.rejected) rejected (\(reconciled))",
                                                                "读取 \(input.rowsRead) 行 = 接受 \(input.accepted) + 拒收 \(input.rejected)（\(reconciled)）"))]))
            return ReportListItem([.input(input.file)], children: details)
        }
        let total = { (code: RejectCode) in result.inputs.reduce(0) { $0 + ($1.rejectsByCode[code] ?? 0) } }
        let codes = examples.keys.sorted { a, b in total(a) != total(b) ? total(a) > total(b) : a < b }
        if !codes.isEmpty {
            items.append(ReportListItem([.words(language.text("top reject reasons:", "主要拒收原因："))], children: codes.map { code in
                ReportListItem([.words(language.text("\(t.reject(code)): \(total(code)) (\(t.fix(code)))", "\(t.reject(code))：\(total(code))（\(t.fix(code))）"))],
                               children: (examples[code] ?? []).map { example in
                                   ReportListItem([.input(example.file), .words(":\(example.line)\(example.column.map { ":\($0)" } ?? ""): "), .text(t.rejectReason(example.detail))])
                               })
            }))
        }
        return [.list(ReportList(items: items))] + TerminalSummary.warnings(result.inReadersTerms(t).diagnostics, t)
    }

    /// Texts from the export, each escaped, between the language's list commas.
    private static func listed(_ texts: [String], _ t: ReportText) -> ReportInline {
        texts.enumerated().flatMap { index, text -> ReportInline in index == 0 ? [.input(text)] : [.words(t.listComma), .input(text)] }
    }
}
