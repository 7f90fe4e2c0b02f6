import Foundation

/// Finds a row that a stray quote made of several rows, and reads its lines again one by one.
///
/// A `"` opening a field makes libcsv read on, across line ends and delimiters, to the next
/// quote that closes a field: `D1,"S1,dismissed,no` followed by nine lines and
/// `D10,S10",dismissed,no` is one row of the header's width, and nine decisions vanish
/// inside its second field. CSV cannot tell that from a field that really spans lines, but
/// the columns can: an id, a date, a yes/no, a number, a category or a group never holds a
/// line break together with a delimiter, and a line inside any field that splits into
/// exactly the header's number of fields is a row, not prose.
///
/// Such a row is taken apart at its line ends (the quoted field's text with the fields
/// around it, as the lines were written, less the quote) and each line is split at the
/// delimiter (`fields(of:)`): a line with the header's number of fields is a row again and
/// is validated as any other; a line without is rejected as `unbalanced_quote`.
/// A second stray quote among the lines (a field opened on one of them and not closed on it)
/// is set aside as the first was, so that it cannot make its own row vanish into a reject.
/// Nothing is merged unseen: the run says which lines were read this way.
///
/// Does not flag a line break inside a free-text column (an explanation, a list of data
/// categories or reasons, the system's name, a column no field uses) unless a line inside
/// it reads as a row,
/// nor a category written on two lines without a delimiter (`dismissed⏎(final)`), which is
/// read by meaning as it always was.
package struct SwallowedLines {
    /// Per column: a value there never spans lines.
    private let singleLine: [Bool]
    private let headers: [String]

    /// Before any column is mapped (`init`'s sample): no column is known to be single-line, so
    /// only a line inside a field that splits into the header's width marks a merged row.
    package init(headers: [String]) {
        self.headers = headers
        singleLine = Array(repeating: false, count: headers.count)
    }

    /// An activity log's: every column a field reads (a worker, times, a channel, a direction,
    /// a yes/no, minutes) holds one value on one line.
    package init(headers: [String], singleLineColumns: [Int]) {
        self.headers = headers
        var singleLine = [Bool](repeating: false, count: headers.count)
        for column in singleLineColumns where column < singleLine.count { singleLine[column] = true }
        self.singleLine = singleLine
    }

    package init(mapping: ColumnMapping, filledMeansYes: [CanonicalField]) {
        headers = mapping.headers
        var singleLine = [Bool](repeating: false, count: mapping.headers.count)
        for (field, match) in mapping.fields where match.column < singleLine.count {
            if Self.neverSpansLines(field, filledMeansYes: filledMeansYes) { singleLine[match.column] = true }
        }
        for attribute in mapping.attributes {
            if let match = attribute.match, match.column < singleLine.count { singleLine[match.column] = true }
        }
        // A column feeding a free-text field too (a yes/no written out as an explanation) may span lines.
        for (field, match) in mapping.fields where !Self.neverSpansLines(field, filledMeansYes: filledMeansYes) {
            if match.column < singleLine.count { singleLine[match.column] = false }
        }
        self.singleLine = singleLine
    }

    /// Lists, the system's name (`RateTracker 2.1⏎(pilot)`) and yes/no fields written out as
    /// text may be several lines; every other field is one value.
    static func neverSpansLines(_ field: CanonicalField, filledMeansYes: [CanonicalField]) -> Bool {
        if field == .system { return false }
        switch field.kind {
        case .list: return false
        case .boolean: return !filledMeansYes.contains(field)
        default: return true
        }
    }

    /// One line of a row taken apart: its physical line and fields (nil: missing, as libcsv
    /// gives an empty unquoted field).
    package struct Line {
        package var line: Int
        /// Past `line` when a field before or after the swallowing one spans lines itself.
        package var endLine: Int
        package var fields: [[UInt8]?]
        /// Opened a field with a quote it never closed: a stray quote, set aside.
        package var strayQuote = false
        package var isBlank: Bool { fields.count == 1 && (fields[0]?.isEmpty ?? true) }

        /// Calls `body` with the line as a row, to be validated as any other.
        package func withRow<T>(ordinal: Int, delimiter: UInt8, _ body: (RawRow) -> T) -> T {
            var bytes: [UInt8] = []
            var starts: [Int32] = []
            var lengths: [Int32] = []
            for field in fields {
                starts.append(Int32(bytes.count))
                if let field {
                    bytes += field
                    lengths.append(Int32(field.count))
                } else {
                    lengths.append(-1)
                }
            }
            let byteCount = bytes.count
            if bytes.isEmpty { bytes.append(0) }  // a pointer to nothing is still a pointer
            return bytes.withUnsafeBufferPointer { base in
                starts.withUnsafeBufferPointer { starts in
                    lengths.withUnsafeBufferPointer { lengths in
                        body(RawRow(ordinal: ordinal, line: line, endLine: endLine, fieldCount: fields.count, defect: nil,
                                    delimiter: delimiter, base: base.baseAddress!, starts: starts.baseAddress!,
                                    lengths: lengths.baseAddress!, storedCount: fields.count, byteCount: byteCount))
                    }
                }
            }
        }
    }

    /// A row taken apart: where the quote opened and the lines it covered.
    package struct Split {
        /// 0-based column of the first field that ran over line ends.
        var column: Int
        package var header: String
        package var firstLine: Int
        package var lastLine: Int
        package var lines: [Line]
    }

    /// The column of the field that swallowed lines, or nil when the row is what it seems.
    package func swallowingColumn(_ row: RawRow) -> Int? {
        guard row.endLine > row.line, row.fieldCount >= 1 else { return nil }
        switch row.defect {
        case nil, .unterminatedQuote?: break
        default: return nil  // bytes were not kept: the lines cannot be read again
        }
        for index in 0..<row.storedCount {
            let bytes = row[index].bytes
            guard Self.hasLineBreak(bytes) else { continue }
            if index < singleLine.count, singleLine[index], bytes.contains(row.delimiter) { return index }
            // The row's last field ends its last line: the piece after its last line break is
            // that whole line (a quote left open in the last column, closed at the end of the
            // next line, must not take that line's decision with it).
            let lastPieceIsALine = index == row.storedCount - 1
            if Self.innerLineReadsAsRow(bytes, delimiter: row.delimiter, width: headers.count, lastPieceIsALine: lastPieceIsALine) { return index }
        }
        return nil
    }

    /// The line breaks of a row read whole (no line inside it reads as a row) that are all
    /// inside its columns of free text (a note, a list): the row is the header's width, every
    /// byte was kept, and its fields' line breaks make every line it spans. Its extra lines are
    /// that text, not lines a quote left open swallowed; 0 when any is not.
    package func linesInText(_ row: RawRow) -> Int {
        guard row.endLine > row.line, row.defect == nil, row.fieldCount == headers.count, row.storedCount == row.fieldCount else {
            return 0
        }
        var breaks = 0
        for index in 0..<row.storedCount {
            let bytes = row[index].bytes
            guard Self.hasLineBreak(bytes) else { continue }
            if index < singleLine.count, singleLine[index] { return 0 }
            breaks += LineCounter.count(bytes)
        }
        return breaks == row.endLine - row.line ? breaks : 0
    }

    /// The row's lines, each split at the delimiter; nil when they cannot be told apart
    /// (fewer bytes were kept than the row spans).
    ///
    /// The fields before the swallowing one belong to the first line and those after it to
    /// the last, as libcsv read them (a field among them that spans lines makes its line a
    /// row of several lines, read again in turn if it swallowed lines too); the swallowing
    /// field's text is cut at its line ends.
    package func split(_ row: RawRow, column: Int) -> Split? {
        guard column < row.storedCount else { return nil }
        let text = Array(row[column].bytes)
        var segments: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < text.count {
            let byte = text[index]
            if byte == 0x0A || byte == 0x0D {
                segments.append(text[start..<index])
                index += byte == 0x0D && index + 1 < text.count && text[index + 1] == 0x0A ? 2 : 1
                start = index
            } else {
                index += 1
            }
        }
        segments.append(text[start..<text.count])
        let breaksBefore = (0..<column).reduce(0) { $0 + LineCounter.count(row[$1].bytes) }
        let breaksAfter = ((column + 1)..<row.storedCount).reduce(0) { $0 + LineCounter.count(row[$1].bytes) }
        // At the end of a file inside an open quote, the file's last line end is in the field.
        if row.defect == .unterminatedQuote, breaksBefore + segments.count + breaksAfter == row.endLine - row.line + 2,
           segments.last?.isEmpty == true {
            segments.removeLast()
        }
        guard breaksBefore + segments.count + breaksAfter == row.endLine - row.line + 1 else { return nil }

        let before: [[UInt8]?] = (0..<column).map { row[$0].isMissing ? nil : Array(row[$0].bytes) }
        let after: [[UInt8]?] = ((column + 1)..<row.storedCount).map { row[$0].isMissing ? nil : Array(row[$0].bytes) }
        var lines: [Line] = []
        var line = row.line
        for (offset, segment) in segments.enumerated() {
            let isLast = offset == segments.count - 1
            var (fields, strayQuote) = Self.fields(of: segment, delimiter: row.delimiter, closedAtEnd: isLast && row.defect == nil)
            var endLine = line
            if offset == 0 {
                fields = before + fields
                endLine += breaksBefore
            }
            if isLast {
                fields += after
                endLine += breaksAfter
            }
            lines.append(Line(line: line, endLine: endLine, fields: fields, strayQuote: strayQuote))
            line = endLine + 1
        }
        let header = column < headers.count ? headers[column] : ""
        return Split(column: column, header: header, firstLine: row.line, lastLine: row.endLine, lines: lines)
    }

    /// Splits a line's text at the delimiter as libcsv reads a line of its own, but for what
    /// the stray quote's reading did to it: inside the quote, libcsv kept every quote that
    /// did not close a field and made each doubled quote one. So a quote inside an unquoted
    /// field is an ordinary byte (`He said "fine"`, `5" tall`); a quoted field closes at a
    /// quote followed (after spaces) by the delimiter or the text's end, a doubled quote is one
    /// quote, and any other quote inside it is kept (`"said "no" twice"`, written
    /// `"said ""no"" twice"`). `closedAtEnd`: the quote that closed the swallowing field ends
    /// this text, so a quoted field open at its end was closed there.
    ///
    /// A quote opening a field that is still open at the text's end (and not closed there) is
    /// another stray quote: like the one that merged the row, it is left out and the field read
    /// to its delimiter (`strayQuote`). Kept, it would turn its own line into a reject and
    /// the decision on it would go unaudited.
    static func fields(of text: ArraySlice<UInt8>, delimiter: UInt8, closedAtEnd: Bool) -> (fields: [[UInt8]?], strayQuote: Bool) {
        let quote = UInt8(ascii: "\"")
        var fields: [[UInt8]?] = []
        var strayQuote = false
        var index = text.startIndex
        while true {
            var field: [UInt8] = []
            var quoted = false
            if index < text.endIndex, text[index] == quote {
                let opening = index
                quoted = true
                index += 1
                var closed = false
                while index < text.endIndex {
                    guard text[index] == quote else {
                        field.append(text[index])
                        index += 1
                        continue
                    }
                    if index + 1 < text.endIndex, text[index + 1] == quote {
                        field.append(quote)
                        index += 2
                        continue
                    }
                    var after = index + 1
                    while after < text.endIndex, text[after] != delimiter, text[after] == 0x20 || text[after] == 0x09 { after += 1 }
                    if after == text.endIndex || text[after] == delimiter {
                        index = after
                        closed = true
                        break
                    }
                    field.append(quote)
                    index += 1
                }
                if !closed && !closedAtEnd {
                    strayQuote = true
                    quoted = false
                    field.removeAll(keepingCapacity: true)
                    index = opening + 1
                }
            }
            while index < text.endIndex, text[index] != delimiter {
                field.append(text[index])
                index += 1
            }
            fields.append(field.isEmpty && !quoted ? nil : field)
            if index >= text.endIndex { break }
            index += 1  // the delimiter
        }
        return (fields, strayQuote)
    }

    static func hasLineBreak(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
        return memchr(base, 0x0A, bytes.count) != nil || memchr(base, 0x0D, bytes.count) != nil
    }

    /// A line strictly inside the field (not its first or last piece, which belong to the
    /// lines the quote opened and closed on) has exactly `width` fields; so does the last
    /// piece when `lastPieceIsALine` (nothing of the row follows it on its line).
    static func innerLineReadsAsRow(_ bytes: UnsafeRawBufferPointer, delimiter: UInt8, width: Int, lastPieceIsALine: Bool = false) -> Bool {
        guard width > 1 else { return false }
        var pieces = 0
        var delimiters = 0
        var previousCR = false
        for byte in bytes {
            if byte == 0x0A && previousCR {
                previousCR = false
                continue
            }
            previousCR = byte == 0x0D
            if byte == 0x0A || byte == 0x0D {
                // A line ends: an inner one (not the first piece) of the header's width is a row.
                if pieces > 0 && delimiters == width - 1 { return true }
                pieces += 1
                delimiters = 0
            } else if byte == delimiter {
                delimiters += 1
            }
        }
        return lastPieceIsALine && pieces > 0 && delimiters == width - 1
    }
}

/// The lines of one row a stray quote had merged, as the run read them again: for the
/// warning that says which lines were read one by one, and what became of them.
public struct QuoteRepair: Sendable, Equatable {
    public var firstLine: Int
    public var lastLine: Int
    /// The column whose quote ran over the line ends, as the header names it.
    public var header: String
    public var accepted: Int
    public var rejected: Int
    /// Lines among them where another stray quote was set aside (the first few named), and
    /// how many such quotes there were.
    public var strayQuoteLines: [Int] = []
    public var strayQuotes = 0

    /// At most this many are described per input; the rest are counted.
    public static let describedLimit = 20
    /// At most this many further stray quotes' lines are named per repair.
    public static let namedStrayQuoteLimit = 8

    package mutating func noteStrayQuote(on line: Int) {
        strayQuotes += 1
        if strayQuoteLines.count < Self.namedStrayQuoteLimit { strayQuoteLines.append(line) }
    }

    package func warning(file: String) -> Diagnostic {
        var values: [String: DiagnosticValue] = ["first_line": .count(firstLine), "last_line": .count(lastLine), "column": .text(header),
                                                 "accepted": .count(accepted), "rejected": .count(rejected)]
        if !strayQuoteLines.isEmpty { values["stray_quote_lines"] = .list(strayQuoteLines.map(String.init)) }
        if strayQuotes > strayQuoteLines.count { values["more_stray_quotes"] = .count(strayQuotes - strayQuoteLines.count) }
        return Diagnostic(level: .warning, file: file, code: .quoteSwallowedLines, values: values)
    }

    package init(firstLine: Int, lastLine: Int, header: String, accepted: Int, rejected: Int) {
        self.firstLine = firstLine
        self.lastLine = lastLine
        self.header = header
        self.accepted = accepted
        self.rejected = rejected
    }
}
