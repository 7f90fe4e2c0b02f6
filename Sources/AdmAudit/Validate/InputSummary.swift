/// What one input file gave: the reconciliation and the chain of custody.
public struct InputSummary: Sendable, Equatable {
    public var file: String
    public var sha256: String
    public var bytes: Int
    public var encoding: InputEncoding
    public var delimiter: UInt8
    public var lines: Int
    public var rowsRead = 0
    public var accepted = 0
    public var rejected = 0
    public var rejectsByCode: [RejectCode: Int] = [:]
    /// Rejected rows that read as an adverse decision (an adverse outcome, or a dismissal,
    /// demotion, discipline or suspension): violations no check could see.
    public var rejectedAdverse = 0
    /// Physical lines the rejected rows span: more than the rows when a quote left open
    /// swallowed the lines after it, each of which may have been a decision.
    public var rejectedLines = 0
    /// Of those lines beyond one a row, the ones inside a rejected row's free text (a note
    /// written on several lines, quoted as it should be): that text, not lines swallowed.
    public var rejectedLinesInText = 0
    /// Title lines above the header, not read as data.
    public var linesAboveHeader: [LineAboveHeader] = []
    /// Physical lines the header spans (0 for an empty file).
    public var headerLines = 0
    /// Blank lines, not rows.
    public var blankLines = 0
    /// Physical lines the data rows span: more than the rows when quoted fields hold line breaks.
    public var rowLines = 0
    /// Rows a stray quote had merged that were read again one line at a time.
    public var quoteRepairs = 0
    /// Canonical field or attribute → the header it was read from, in column order.
    public var mapping: [FieldSource] = []
    /// An activity log (`activity:` in the pipeline), not a decision export: its rows are events.
    public var isActivityLog = false
    public var unmappedHeaders: [String] = []

    /// rows read = accepted + rejected, and every physical line is a title line, the
    /// header, a blank line or part of a row; a run where this fails is a bug.
    public var reconciles: Bool { rowsRead == accepted + rejected && linesReconcile }

    /// lines = title lines + header + blank lines + the lines the rows span.
    public var linesReconcile: Bool { lines == titleLines + headerLines + blankLines + rowLines }

    /// Physical lines the title lines above the header span.
    public var titleLines: Int { linesAboveHeader.reduce(0) { $0 + $1.endLine - $1.line + 1 } }

    /// Lines inside quoted fields that span lines: rows hold more lines than there are rows.
    public var linesInsideFields: Int { max(0, rowLines - rowsRead) }

    /// Rejected rows that hold no decision (a repeated header, a totals row).
    public var rejectedNonDecisions: Int { rejectsByCode.filter { $0.key.isNotADecision }.values.reduce(0, +) }
    /// Rejected rows that may be decisions, and their share of the rows that may be.
    public var rejectedDecisions: Int { rejected - rejectedNonDecisions }
    public var rejectedShare: Double {
        let decisions = rowsRead - rejectedNonDecisions
        return decisions == 0 ? 0 : Double(rejectedDecisions) / Double(decisions)
    }

    /// Above this share of an input's rows rejected, the summaries open with the rejects:
    /// rejected rows are decisions no check saw, and an employer could hide violations there.
    public static let rejectedShareAlarm = 0.01

    /// Its rejected rows could hide violations: more than `rejectedShareAlarm` of the rows
    /// that may be decisions, or any rejected row that reads as an adverse decision.
    public var mayHideViolations: Bool {
        rejectedDecisions > 0 && (rejectedShare > Self.rejectedShareAlarm || rejectedAdverse > 0 || swallowedLines > 0)
    }

    /// Lines inside rejected rows beyond one a row, but for their free text's: lines a damaged
    /// row swallowed.
    public var swallowedLines: Int { max(0, rejectedLines - rejected - rejectedLinesInText) }

    /// The file's facts; the counts start at their declarations' values and are set as it is read.
    package init(file: String, sha256: String, bytes: Int, encoding: InputEncoding, delimiter: UInt8, lines: Int) {
        self.file = file
        self.sha256 = sha256
        self.bytes = bytes
        self.encoding = encoding
        self.delimiter = delimiter
        self.lines = lines
    }
}

