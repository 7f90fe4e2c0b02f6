/// A reader of rows that a stray quote may have merged (`SwallowedLines`): a decision
/// export's (`PartAuditor`) and an activity log's (`ActivityReading`) read them the same way,
/// here: each line of a merged row read as a row of its own, a line that is not one rejected
/// as `unbalanced_quote`, a blank one counted as blank, and the repair noted for the summary.
protocol MergedRowReader: AnyObject {
    var tally: RowTally { get set }
    /// The file's `SwallowedLines` (read through the conformer's own stored property: on the
    /// hot path, so no copy of it is made per row).
    func swallowingColumn(_ row: RawRow) -> Int?
    func split(_ row: RawRow, column: Int) -> SwallowedLines.Split?
    /// Fields a row of the file has (the header's).
    var rowWidth: Int { get }
    /// A row as it stands, after any merge was taken apart; false stops the reading.
    func readWhole(_ row: RawRow) -> Bool
    /// Rejects a merged row whose lines cannot be told apart, or one line that is no row.
    func rejectMerged(_ row: RawRow, column: Int) -> Bool
    func rejectLine(_ line: SwallowedLines.Line, in split: SwallowedLines.Split) -> Bool
}

extension MergedRowReader {
    /// A row read apart this many times over holds that many stray quotes: past it the row is
    /// rejected whole (the stack stays small on the two-core audit's second thread).
    static var repairDepthLimit: Int { 8 }

    /// A row, or the rows a stray quote had merged into it; `depth`: how many merged rows
    /// this one came out of.
    func read(_ row: RawRow, depth: Int = 0) -> Bool {
        guard let column = swallowingColumn(row) else { return readWhole(row) }
        guard depth < Self.repairDepthLimit, let split = split(row, column: column) else {
            // Its lines cannot be told apart: rejected whole, every line it spans counted.
            tally.rowsRead += 1
            return rejectMerged(row, column: column)
        }
        var repair = QuoteRepair(firstLine: split.firstLine, lastLine: split.lastLine, header: split.header, accepted: 0, rejected: 0)
        defer { tally.note(repair) }
        for line in split.lines {
            if line.isBlank {
                tally.blankLinesInRows += 1
                continue
            }
            let (accepted, rejected) = (tally.accepted, tally.rejected)
            if line.strayQuote { repair.noteStrayQuote(on: line.line) }
            let goOn: Bool
            if line.fields.count != rowWidth {
                tally.rowsRead += 1
                goOn = rejectLine(line, in: split)
            } else {
                // Read again in turn: a field after the stray quote's may have swallowed lines too.
                goOn = line.withRow(ordinal: row.ordinal, delimiter: row.delimiter) { read($0, depth: depth + 1) }
            }
            repair.accepted += tally.accepted - accepted
            repair.rejected += tally.rejected - rejected
            if !goOn { return false }
        }
        return true
    }
}
