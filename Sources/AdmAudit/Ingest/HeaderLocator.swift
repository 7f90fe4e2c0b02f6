/// Finds an export's header row and its delimiter in the first chunk of the file.
///
/// Most exports open with the header, and then the delimiter is the one `DelimiterSniffer`
/// picks from that line, as it always was. Chinese HR suites often put a title line or two
/// and a blank line above it (`某某公司 员工处理记录导出`, `导出时间：2025-07-01`, often
/// padded with delimiters by Excel). When the first line holds fewer than two values, the
/// header is the first line with at least two values, filled in at least half, and with
/// as many fields as most of the ten rows after it; among the delimiters, the one whose
/// header the most of those rows agree with wins. Only the first 40 rows are looked at:
/// a header further down is not guessed (`input.header_line` names it).
///
/// Lines above the header are not data rows: the reader counts them and keeps their text
/// for the report (`ReaderSummary.linesAboveHeader`).
package enum HeaderLocator {
    struct Location: Equatable, Sendable {
        var delimiter: UInt8
        /// Physical line (1-based) of the header.
        var headerLine: Int
    }

    /// A row of the sample: where it starts, how many fields, how many non-blank, and how
    /// many hold a letter (a header's names do; a data row's numbers and dates mostly not).
    struct SampleRow: Equatable {
        var line: Int
        var fields: Int
        var filled: Int
        var worded: Int = 0
        /// Which of the first 64 fields hold text (bit i: field i).
        var filledColumns: UInt64 = 0
        /// How many fields hold a digit (ids, dates and scores do; a header's names seldom).
        var digited: Int = 0

        /// A row of group labels over the header (`基本信息,,,,处理信息,,,…`, `,Employee,,Decision,,…`,
        /// Excel's merged cells): labels only, in fewer than half its fields, with a blank between
        /// two of them that `next`, as wide and filled at least half in words, fills. A header
        /// with empty names at its end (`a,b,c,,,`) has no such blank between its names; nor is
        /// `next` a row of data (a sparse real header over `D001,E1,…`: digits in more than a
        /// quarter of its fields), which would swallow that row.
        func labelsGroups(over next: SampleRow) -> Bool {
            guard fields == next.fields, filled >= 2, filled * 2 < fields, worded == filled,
                  next.filled > filled, next.filled * 2 >= next.fields, next.worded * 2 >= next.filled,
                  next.digited * 4 <= next.filled else { return false }
            let first = filledColumns.trailingZeroBitCount, last = 63 - filledColumns.leadingZeroBitCount
            guard last > first + 1 else { return false }
            let between = (UInt64.max >> (63 - (last - 1))) & (UInt64.max << (first + 1))
            return between & ~filledColumns & next.filledColumns != 0
        }
    }

    package static let rowsExamined = 40
    private static let sampleBytes = 256 * 1024

    /// `delimiter`: the pipeline's, or nil to choose one. `headerLine`: the pipeline's, or nil to find it.
    static func locate(_ bytes: UnsafeRawBufferPointer, delimiter given: UInt8?, headerLine: Int?, quote: UInt8) -> Location {
        let sample = UnsafeRawBufferPointer(rebasing: bytes[0..<min(bytes.count, sampleBytes)])
        if let headerLine {
            let delimiter = given ?? DelimiterSniffer.sniff(skippingLines: headerLine - 1, in: sample, quote: quote)
            return Location(delimiter: delimiter, headerLine: headerLine)
        }
        let first = given ?? DelimiterSniffer.sniff(sample, quote: quote)
        let rows = self.rows(sample, delimiter: first, quote: quote)
        guard var top = rows.first(where: { $0.filled > 0 }) else { return Location(delimiter: first, headerLine: 1) }
        // Group labels over the header are a line above it, as a title is (a helper's Beisen export: the
        // labels were taken for the header, one column mapped, and reviewed decisions read as unreviewed).
        if let next = rows.first(where: { $0.line > top.line && $0.filled > 0 }), top.labelsGroups(over: next) { top = next }
        var best: (location: Location, agreeing: Int, width: Int)? = nil
        if top.filled >= 2 {
            // The first line is the header, as always, unless another delimiter reads a wider header
            // that more of the rows after it agree with (a title line holding a `;`, tab-separated rows).
            let following = rows.drop { $0.line <= top.line }.prefix(10).filter { $0.filled > 0 }
            best = (Location(delimiter: first, headerLine: top.line), following.filter { $0.fields == top.fields }.count, top.fields)
        }
        for delimiter in given.map({ [$0] }) ?? DelimiterSniffer.candidates {
            let rows = delimiter == first ? rows : self.rows(sample, delimiter: delimiter, quote: quote)
            guard let found = header(in: rows) else { continue }
            // Most rows agreeing wins; then the wider header (a `;` inside values makes narrow rows agree too).
            if let current = best, (found.agreeing, found.width) <= (current.agreeing, current.width) { continue }
            // Displacing a first line of values takes rows that agree: else a stray quote that
            // merges the rest of a short file into one wide row made that row the header.
            if top.filled >= 2, found.width <= top.fields || found.agreeing == 0 || found.agreeing * 2 < found.following { continue }
            best = (Location(delimiter: delimiter, headerLine: found.line), found.agreeing, found.width)
        }
        return best?.location ?? Location(delimiter: first, headerLine: top.line)
    }

    /// The first row that looks like a header: its width, and how many of the (up to ten)
    /// rows after it share that width.
    static func header(in rows: [SampleRow]) -> (line: Int, width: Int, agreeing: Int, following: Int)? {
        for (index, row) in rows.enumerated()
        where row.fields >= 2 && row.filled >= 2 && row.filled * 2 >= row.fields && row.worded * 2 >= row.filled {
            let following = rows[(index + 1)...].prefix(10).filter { $0.filled > 0 }
            guard let width = mostCommonWidth(following), row.fields >= width else {
                if following.isEmpty { return (row.line, row.fields, 0, 0) }
                continue
            }
            return (row.line, row.fields, following.filter { $0.fields == row.fields }.count, following.count)
        }
        return nil
    }

    private static func mostCommonWidth(_ rows: [SampleRow]) -> Int? {
        var counts: [Int: Int] = [:]
        for row in rows { counts[row.fields, default: 0] += 1 }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    /// The first rows of the sample split with `delimiter`, quotes respected; blank lines are not rows.
    static func rows(_ bytes: UnsafeRawBufferPointer, delimiter: UInt8, quote: UInt8) -> [SampleRow] {
        var rows: [SampleRow] = []
        var line = 1
        var rowLine = 1
        var fields = 1
        var filled = 0
        var worded = 0
        var filledColumns: UInt64 = 0
        var digited = 0
        var fieldHasText = false
        var fieldHasLetter = false
        var fieldHasDigit = false
        var inQuotes = false
        var index = 0
        func endField() {
            if fieldHasText {
                filled += 1
                if fields <= 64 { filledColumns |= 1 << UInt64(fields - 1) }
            }
            if fieldHasLetter { worded += 1 }
            if fieldHasDigit { digited += 1 }
            fieldHasText = false
            fieldHasLetter = false
            fieldHasDigit = false
        }
        func endRow() {
            endField()
            if fields > 1 || filled > 0 {
                rows.append(SampleRow(line: rowLine, fields: fields, filled: filled, worded: worded, filledColumns: filledColumns,
                                      digited: digited))
            }
            fields = 1
            filled = 0
            filledColumns = 0
            digited = 0
            worded = 0
        }
        while index < bytes.count, rows.count < rowsExamined {
            let byte = bytes[index]
            index += 1
            // Quotes as libcsv reads them: one opens a field only at its start, and inside a
            // quoted field a doubled quote is a quote.
            if byte == quote {
                if inQuotes {
                    if index < bytes.count, bytes[index] == quote { index += 1 } else { inQuotes = false }
                } else if !fieldHasText {
                    inQuotes = true
                }
                fieldHasText = true
                continue
            }
            if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D, index < bytes.count, bytes[index] == 0x0A { index += 1 }
                line += 1
                if !inQuotes {
                    endRow()
                    rowLine = line
                }
                continue
            }
            if byte >= 0x80 || (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") { fieldHasLetter = true }
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { fieldHasDigit = true }
            if inQuotes { continue }
            if byte == delimiter {
                endField()
                fields += 1
            } else if byte != 0x20 && byte != 0x09 {
                fieldHasText = true
            }
        }
        if rows.count < rowsExamined && index == bytes.count { endRow() }
        return rows
    }
}
