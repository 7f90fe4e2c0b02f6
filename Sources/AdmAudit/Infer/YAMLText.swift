/// Text from an export made safe for the YAML that `init` writes.
///
/// Everything written comes from the party under inspection, so nothing it holds may end a
/// comment or a quoted string early: libyaml ends a comment at LF, CR, NEL (U+0085), and the
/// line and paragraph separators (U+2028, U+2029), and a header built from them could turn
/// a comment into live settings. Quoted values escape every control, format and separator
/// character; comments show them as `<U+2028>` instead, so the reader sees them.
enum YAMLText {
    /// A double-quoted YAML scalar holding exactly `text`.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if needsEscape(scalar) {
                    out += scalar.value <= 0xFFFF ? "\\u" + scalar.codePoint : "\\U" + String(repeating: "0", count: 8 - scalar.codePoint.count) + scalar.codePoint
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// `text` for a comment: one line, with anything that could break it or hide in it shown as `<U+XXXX>`.
    static func comment(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) || scalar == "\n" || scalar == "\r" || scalar == "\t" {
                out += "<U+" + scalar.codePoint + ">"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Controls, line and paragraph separators, NEL, format characters (direction marks,
    /// zero-width characters), private-use and unassigned scalars, and the BOM.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned: return true
        default: return scalar.value == 0xFEFF || scalar.value == 0x85
        }
    }
}
