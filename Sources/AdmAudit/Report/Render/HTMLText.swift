/// Escaping for `report.html`: every value from the input (group labels, attribute and
/// file names, decision ids, reasons, diagnostics, the pipeline's name and title) must
/// reach the reader as text, never as markup, in HTML text, attributes and SVG alike.
///
/// Bidirectional controls are shown as their code (`[U+202E]`) rather than obeyed, so a
/// right-to-left override in a label can neither reorder the report around it nor
/// disguise the label itself; `isolated` also wraps the text in `<bdi>`, so that a label
/// in a right-to-left script stays in its place beside the numbers.
public enum HTMLText {
    /// Text safe in element content and in quoted attribute values (`&`, `<`, `>`, `"`
    /// and `'` as entities; C0 controls as U+FFFD; line breaks and tabs as spaces).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\r", "\t": out += " "
            case "\u{00}"..."\u{1F}", "\u{7F}"..."\u{9F}": out += "\u{FFFD}"
            case _ where scalar.isBidiControl:
                out += scalar.shownAsCode
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The text as a reader should see it: bidirectional controls as their code, so
    /// that a label can be measured and cut before it is escaped.
    static func neutralised(_ text: String) -> String {
        text.showingAsCode(where: \.isBidiControl)
    }

    /// Input-derived text inside HTML content: escaped and isolated in `<bdi>`.
    public static func isolated(_ text: String) -> String {
        "<bdi>\(escape(text))</bdi>"
    }
}

extension Unicode.Scalar {
    /// Marks that change the direction of the text around them: LRM, RLM, ALM, the
    /// embeddings and overrides (U+202A–U+202E) and the isolates (U+2066–U+2069). The
    /// readable reports show them as their code, never obey them.
    var isBidiControl: Bool {
        switch value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
