/// Escaping for Markdown: input text must render as text, never as markup, links,
/// HTML or a broken table.
public enum Markdown {
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            // `@` too: GitHub links `a@b.example` and `mailto:`/`xmpp:` addresses by themselves.
            case "\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", "#", "!", "|", "~", "$", "@":
                out += "\\"
                out.unicodeScalars.append(scalar)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r", "\t":
                out += " "
            // Bidirectional controls could reorder what a reader sees: shown as their code
            // (an entity would turn back into the control once rendered).
            case _ where scalar.isBidiControl:
                out += "\\[U+" + scalar.codePoint + "\\]"
            // C0 and C1 controls (U+009B is a terminal's CSI): never raw in the file.
            case "\u{00}"..."\u{1F}", "\u{7F}"..."\u{9F}":
                out += "&#xFFFD;"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        // GitHub-flavoured Markdown links bare URLs: break the patterns it looks for.
        if out.contains("://") { out = out.replacingOccurrences(of: "://", with: "\\://") }
        if out.contains("www.") { out = out.replacingOccurrences(of: "www.", with: "www\\.") }
        return neutralisingLineStart(out)
    }

    /// Text that may begin a line (a file name before its reasons) must not begin a list, an
    /// ordered list or an indented block: `- a.csv`, `1. a.csv`, `    a.csv`.
    static func neutralisingLineStart(_ text: String) -> String {
        // One pass over the leading spaces (a cell of spaces may be as long as a field may be).
        let spaces = text.prefix { $0 == " " }.count
        let text = text.dropFirst(spaces)
        let indent = String(repeating: "&#32;", count: spaces)
        if text.hasPrefix("-") || text.hasPrefix("+") { return indent + "\\" + text }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, text.dropFirst(digits.count).hasPrefix(".") {
            return indent + digits + "\\" + text.dropFirst(digits.count)
        }
        return indent + String(text)
    }

    /// Inline code for ids and hashes; falls back to escaping when a backtick, a pipe
    /// (which splits a table cell even inside code), a control or a bidi mark is inside.
    public static func code(_ text: String) -> String {
        if text.contains("`") || text.contains("|") || text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.isBidiControl }) {
            return escape(text)
        }
        return "`\(text)`"
    }
}
