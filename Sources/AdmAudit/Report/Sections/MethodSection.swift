/// The method: how rows become records, which decisions the checks apply to, how rates,
/// ratios, tests and flags are computed with this pipeline's settings, and what is hidden.
enum MethodSection: ReportSectionBuilder {
    static let place = 110

    static func sections(_ context: ReportContext) -> [ReportSection] {
        let items = context.t.methodText(context.result.pipeline).split(separator: "\n")
            .filter { $0.hasPrefix("- ") }.map { ReportListItem(spans(String($0.dropFirst(2)))) }
        return [ReportSection(id: "method", heading: [.words(context.t.method)], blocks: [.list(ReportList(items: items))])]
    }

    /// Our words with their `code` spans: the text between backticks is code.
    static func spans(_ line: String) -> ReportInline {
        let parts = line.split(separator: "`", omittingEmptySubsequences: false)
        return parts.enumerated().compactMap { index, part in
            if index % 2 == 1 && index < parts.count - 1 { return .code(String(part)) }
            // An unpaired backtick stays a backtick.
            let text = index % 2 == 1 ? "`" + part : String(part)
            return text.isEmpty ? nil : .words(text)
        }
    }
}
