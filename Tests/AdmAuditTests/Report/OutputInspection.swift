import Foundation

/// Reads the outputs back the way a browser, a Markdown renderer or a spreadsheet would
/// see their structure, so tests can say "this value stayed text".
enum OutputInspection {
    /// Every regular-expression match of `pattern` (dot matches newlines).
    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).map { String(text[Range($0.range, in: text)!]) }
    }

    // MARK: HTML

    /// The start tags of an HTML document (`<name …>`), as written.
    static func startTags(_ html: String) -> [String] { matches("<[A-Za-z][^>]*>", in: html) }

    /// The element names an HTML document opens.
    static func elementNames(_ html: String) -> Set<String> {
        Set(startTags(html).map { tag in
            String(tag.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "-" }).lowercased()
        })
    }

    /// The elements `report.html` is made of; anything else came from the input.
    static let reportElements: Set<String> = [
        "html", "head", "meta", "title", "style", "body", "main", "section", "h1", "h2", "h3", "p", "ul", "li", "strong",
        "code", "bdi", "span", "div", "table", "thead", "tbody", "tr", "th", "td", "figure", "figcaption",
        "svg", "defs", "pattern", "rect", "line", "text", "path", "circle", "g",
    ]

    /// Chart SVGs of one kind (`chart-selection`, …).
    static func charts(_ html: String, kind: String) -> [String] {
        matches("<svg class=\"chart \(kind)\".*?</svg>", in: html)
    }

    // MARK: Markdown

    /// The text outside inline code spans (which render literally).
    static func outsideCode(_ markdown: String) -> String {
        let regex = try! NSRegularExpression(pattern: "`[^`\n]*`")
        return regex.stringByReplacingMatches(in: markdown, range: NSRange(markdown.startIndex..., in: markdown), withTemplate: "")
    }

    /// Pipes that end a table cell: those not escaped by an odd run of backslashes.
    static func cellBreaks(_ line: Substring) -> Int {
        var count = 0
        var backslashes = 0
        for character in line {
            if character == "|" && backslashes % 2 == 0 { count += 1 }
            backslashes = character == "\\" ? backslashes + 1 : 0
        }
        return count
    }

    /// Markdown tables: runs of lines starting with `|`.
    static func tables(_ markdown: String) -> [[Substring]] {
        var tables: [[Substring]] = []
        var current: [Substring] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("|") {
                current.append(line)
            } else if !current.isEmpty {
                tables.append(current)
                current = []
            }
        }
        if !current.isEmpty { tables.append(current) }
        return tables
    }

    // MARK: CSV

    /// RFC 4180 records (quoted fields may hold commas, quotes and line breaks).
    static func csvRecords(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                record.append(field); field = ""
            } else if character == "\n" {
                record.append(field); field = ""
                records.append(record); record = []
            } else {
                field.append(character)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }

    /// A cell a spreadsheet would run as a formula: it starts with = + - @ tab or CR and
    /// is not a plain number such as -2.5.
    static func isFormula(_ cell: String) -> Bool {
        guard let first = cell.first, "=+-@\t\r".contains(first) else { return false }
        return matches("^[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)$", in: cell).isEmpty
    }
}
