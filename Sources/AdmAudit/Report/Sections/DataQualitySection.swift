/// Data quality and reconciliation: per input its digest, encoding, lines, rows read,
/// accepted and rejected, and whether they reconcile; where the lines went when they are
/// not simply a header and rows; the rejects by reason; and the run's diagnostics.
enum DataQualitySection: ReportSectionBuilder {
    static let place = 100

    static func sections(_ context: ReportContext) -> [ReportSection] {
        let (result, t) = (context.result, context.t)
        let headers = [t.file, "SHA-256", t.encoding, t.linesHeader, t.rowsReadHeader, t.accepted, t.rejectedHeader, t.reconciles]
        var blocks: [ReportBlock] = [.table(ReportTable(kind: "inputs", headers: headers.map { [.words($0)] }, numeric: [3, 4, 5, 6],
                                                        rows: result.inputs.map { input in
            [[.input(input.file)], [.code(input.sha256, class: "hash")], [.words(input.encoding.rawValue)],
             [.words(String(input.lines))], [.words(String(input.rowsRead))], [.words(String(input.accepted))], [.words(String(input.rejected))],
             [input.reconciles ? .styled("ok", [.words("✓")]) : .styled("bad", [.words("✗")])]]
        }))]
        for input in result.inputs where t.explainsLines(input) {
            blocks.append(.paragraph([.input(input.file), .words(": " + t.lineAccount(input))]))
        }
        for input in result.inputs where !input.rejectsByCode.isEmpty {
            let counts = input.rejectsByCode.sorted { $0.key < $1.key }.map { "\(t.reject($0.key)) \($0.value)" }.joined(separator: t.listComma)
            blocks.append(.paragraph([.input(input.file), .words(": " + counts)]))
        }
        if !result.diagnostics.isEmpty {
            blocks.append(.list(ReportList(style: "diagnostics", items: result.diagnostics.map { diagnostic in
                ReportListItem((diagnostic.file.map { [.input($0), .words(": ")] } ?? []) + [.input(context.t.message(diagnostic))],
                               style: diagnostic.level.rawValue)
            })))
        }
        return [ReportSection(id: "data-quality", heading: [.words(t.dataQuality)], blocks: blocks)]
    }
}
