/// The start of an export, read once for inference: the header, the first rows' cells
/// column by column, and what the reader learnt (encoding, delimiter, title lines).
///
/// Bounded whatever the file holds: at most `rowLimit` rows, cells cut at `cellLimit`
/// characters. Rows the reader marks damaged and rows of another width are counted, not
/// sampled (they would shift columns); so are totals and footer rows (`合计：60 条` in one cell
/// of twelve), which would count their label as a value of its column (a place, a group).
struct ExportSample: Sendable {
    static let rowLimit = 5000
    static let cellLimit = 200

    let path: String
    let headers: [String]
    /// Cells by column, in row order (blank cells kept as empty strings).
    let columns: [[String]]
    let rowsSampled: Int
    /// Rows that were damaged, of another width than the header, or totals and footer rows.
    let rowsSkipped: Int
    /// Whether the sample holds every row of the file (the reading was not stopped at `rowLimit`).
    let isWholeFile: Bool
    let encoding: InputEncoding
    let delimiter: UInt8
    /// Physical line of the header.
    let headerLine: Int
    let linesAboveHeader: [LineAboveHeader]

    static func read(path: String) throws(AuditError) -> ExportSample {
        var headers: [String]? = nil
        var headerKeys: [String] = []
        var headerLine = 1
        var columns: [[String]] = []
        var sampled = 0
        var skipped = 0
        var stopped = false
        var swallowed: SwallowedLines? = nil
        /// Samples a row of the header's width; counts any other as skipped.
        func take(_ row: RawRow, width: Int) {
            guard row.defect == nil, row.fieldCount == width, !Self.isTotalsRow(row),
                  // The header written again, which the run rejects: sampled, its names read as values
                  // (`Work Location` as a place no table knows widened a Spanish export's jurisdictions).
                  !RecordBuilder.repeatsHeader(row, keys: headerKeys) else {
                skipped += 1
                return
            }
            for index in 0..<width {
                let field = row[index]
                let trimmed = UnsafeRawBufferPointer(rebasing: field.bytes[TextKey.trimmedRange(field.bytes)])
                columns[index].append(String(String(decoding: trimmed, as: UTF8.self).prefix(cellLimit)))
            }
            sampled += 1
        }
        let facts = try CSVReader(path: path).read { row in
            guard let known = headers else {
                guard row.defect == nil else { return false }
                headers = row.strings.map { String($0.prefix(cellLimit)) }
                headerKeys = row.strings.map(TextKey.make)
                headerLine = row.line
                columns = Array(repeating: [], count: row.fieldCount)
                swallowed = SwallowedLines(headers: headers!)
                return true
            }
            // Rows a stray quote merged are read one line at a time, as the run reads them:
            // else the sample ends at the quote, and the mapping and locale come from the
            // rows above it (a date order guessed from six rows rejected most of the rest).
            if let swallowed, let column = swallowed.swallowingColumn(row), let split = swallowed.split(row, column: column) {
                for line in split.lines where !line.isBlank && sampled < rowLimit {
                    line.withRow(ordinal: row.ordinal, delimiter: row.delimiter) { take($0, width: known.count) }
                }
            } else {
                take(row, width: known.count)
            }
            // Rows not sampled are bounded too: a file of them is not read to its end.
            stopped = sampled >= rowLimit || skipped >= rowLimit * 4
            return !stopped
        }
        guard let headers else {
            throw AuditError(.input, "the file is empty or its first row is damaged: there is no header to start from", file: path,
                             hint: "check that this is the CSV export and that its encoding is readable (UTF-8, GB18030 or UTF-16)")
        }
        return ExportSample(path: path, headers: headers, columns: columns, rowsSampled: sampled, rowsSkipped: skipped,
                            isWholeFile: !stopped, encoding: facts.encoding, delimiter: facts.delimiter, headerLine: headerLine,
                            linesAboveHeader: facts.linesAboveHeader)
    }

    /// A row whose first filled cell is a totals or footer label, as the run rejects them
    /// (`RecordBuilder.isTotalsLabel`), and which fills at most two cells (the label and a
    /// count): any row with more is sampled, so rows cannot be kept from inference by an id
    /// that starts like a label.
    private static func isTotalsRow(_ row: RawRow) -> Bool {
        let filled = (0..<row.fieldCount).filter { !ValueMaps.isBlank(row[$0]) }
        guard let first = filled.first, filled.count <= 2 else { return false }
        return RecordBuilder.isTotalsLabel(row[first])
    }
}
