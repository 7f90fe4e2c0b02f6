/// Report blocks as lines for a terminal: the renderer of the run summary
/// (`TerminalSummary`) and of `validate` (`ValidateSummary`). It decides only how: a
/// paragraph is a line, a list item a line with its children indented two spaces, an alarm
/// its headline after the warning word and its lines indented; tables and charts are left to
/// the reports. Text from the export or the pipeline (`input`, `text`, `inputCode` spans) is
/// escaped for a terminal (`safe`); the tool's own words are written as they are.
public enum TerminalText {
    static func render(_ blocks: [ReportBlock], t: ReportText) -> String {
        var lines: [String] = []
        for block in blocks {
            switch block {
            case .heading(let text), .paragraph(let text, _): lines.append(inline(text, t))
            case .list(let list): for item in list.items { append(item, indent: "", to: &lines, t) }
            case .alarm(let headline, let alarmLines):
                lines.append(t.alarmPrefix + headline)
                lines += alarmLines.map { "  " + inline($0, t) }
            case .table, .chart, .chartLegend: break
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func append(_ item: ReportListItem, indent: String, to lines: inout [String], _ t: ReportText) {
        lines.append(indent + inline(item.text, t))
        for child in item.children { append(child, indent: indent + "  ", to: &lines, t) }
    }

    static func inline(_ spans: ReportInline, _ t: ReportText) -> String {
        spans.map { span in
            switch span {
            case .words(let words), .code(let words, _): words
            case .text(let text), .input(let text), .inputCode(let text): safe(text)
            case .strong(let inner), .styled(_, let inner): inline(inner, t)
            case .suppressed: t.suppressed
            case .undefined: t.undefined
            case .footnoteMark: ""
            }
        }.joined()
    }

    /// The one rule for text on a terminal: what a terminal would obey rather than show is
    /// shown as its code (`[U+001B]`): C0 and C1 controls (ESC starts the sequences that
    /// move the cursor, recolour, retitle the window or rewrite the screen), DEL, direction
    /// marks (U+200E/F, U+202A–U+202E, U+2066–U+2069, U+061C), invisible format characters
    /// (zero-width spaces and joiners, soft hyphens, U+FEFF) and the line and paragraph
    /// separators (U+2028, U+2029). Every command prints through it (`Terminal` in the
    /// command line), and each piece of input-derived text is escaped with it as well, so a
    /// cell can neither fake a line of the summary nor hide its own spelling.
    ///
    /// `keepingLineBreaks`: line feeds are kept, for a whole message of several lines;
    /// input-derived pieces are escaped without it, so their line feeds show as `[U+000A]`.
    public static func safe(_ text: String, keepingLineBreaks: Bool = false) -> String {
        text.showingAsCode { Self.isUnsafe($0) && !(keepingLineBreaks && $0 == "\n") }
    }

    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.isBidiControl { return true }
        guard scalar.value >= 0xAD else { return false }
        switch scalar.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }
}
