/// Escaping for Markdown: input text must render as text, never as markup, links,
/// HTML or a broken table.
public enum Markdown {
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", "#", "!", "|", "~", "$":
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
            case "\u{00}"..."\u{1F}", "\u{7F}":
                out += "&#xFFFD;"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        // GitHub-flavoured Markdown links bare URLs: break the patterns it looks for.
        if out.contains("://") { out = out.replacingOccurrences(of: "://", with: "\\://") }
        if out.contains("www.") { out = out.replacingOccurrences(of: "www.", with: "www\\.") }
        return out
    }

    /// Inline code for ids and hashes; falls back to escaping when a backtick, a pipe
    /// (which splits a table cell even inside code), a control or a bidi mark is inside.
    public static func code(_ text: String) -> String {
        if text.contains("`") || text.contains("|") || text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0.isBidiControl }) {
            return escape(text)
        }
        return "`\(text)`"
    }
}
