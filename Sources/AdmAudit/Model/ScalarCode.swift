/// How every output shows a character it will not let through as it is (a control, a
/// direction mark, a character hidden in a look-alike spelling): its code point, in at least
/// four hex digits. Each syntax wraps it its own way: `[U+202E]` in the terminal, CSV, HTML
/// and warnings; `\[U+202E\]` in Markdown; `<U+2028>` in YAML comments.
extension Unicode.Scalar {
    /// `202E`, `0007`, `1F600`.
    package var codePoint: String {
        let digits = String(value, radix: 16, uppercase: true)
        return digits.count >= 4 ? digits : String(repeating: "0", count: 4 - digits.count) + digits
    }

    /// `[U+202E]`.
    package var shownAsCode: String { "[U+" + codePoint + "]" }
}

extension String {
    /// The text with each scalar `hidden` picks shown as its code (`[U+202E]`).
    package func showingAsCode(where hidden: (Unicode.Scalar) -> Bool) -> String {
        guard unicodeScalars.contains(where: hidden) else { return self }
        var out = ""
        for scalar in unicodeScalars {
            if hidden(scalar) {
                out += scalar.shownAsCode
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
