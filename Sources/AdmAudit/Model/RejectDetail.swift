/// Why one row was rejected, as values: the numbers and the export's own text that prove
/// it. The words are the report's (`ReportText.rejectReason`), in the reader's language, so
/// the validate stage holds no sentence. Texts from the export are as written (trimmed);
/// whoever shows them escapes them.
public enum RejectDetail: Sendable, Equatable {
    // Damage the reader found.
    /// `field` is 1-based.
    case fieldTooLong(field: Int, bytes: Int, limit: Int)
    case rowTooLong(bytes: Int, limit: Int)
    /// More fields than the reader keeps.
    case tooManyFields(count: Int, kept: Int, header: Int)
    /// A quote opened on `firstLine` and never closed: the rest of the file is this row.
    case unterminatedQuote(firstLine: Int, lastLine: Int)
    /// `field` is 1-based.
    case invalidEncoding(field: Int)
    /// A stray quote in the column headed `header` merged these lines into one row that
    /// cannot be read apart.
    case quoteMergedLines(header: String, firstLine: Int, lastLine: Int)
    /// One line of a row a stray quote had merged, read on its own, is not a row: it has
    /// `fields` fields where the header has `headerFields`, or (`fields` nil) a quote is still in it.
    case mergedLineNotARow(header: String, firstLine: Int, lastLine: Int, fields: Int?, headerFields: Int)

    // The row's shape and required fields.
    case fieldCount(found: Int, header: Int)
    case empty(CanonicalField)
    /// No outcome, and the decision type (as written) does not say whether it was adverse.
    case outcomeUnstated(decisionType: String)
    /// No outcome, and no score to derive it from.
    case outcomeUnderivable

    // Values.
    /// `decimalCommaHint`: the text reads as a number with a decimal comma.
    case notANumber(CanonicalField, text: String, decimalCommaHint: Bool)
    case unknownValue(CanonicalField, text: String, expected: ExpectedValues)
    case badTimestamp(CanonicalField, text: String, problem: TimestampProblem)
    /// The id as shown (a disguised id revealed as its code); `firstFile` nil when in the same file.
    case duplicateID(id: String, firstLine: Int, firstFile: String?)
    /// Two columns named `header` (1-based `firstColumn` and `secondColumn`) hold different values.
    case columnsDisagree(header: String, firstColumn: Int, first: String, secondColumn: Int, second: String)
    /// Who decided, said two ways by two columns: a person by `automated` (as written), software
    /// by the remark after the no of `human_reviewed` (`no (auto)`, `否（系统）`).
    case decidedTwoWays(automated: String, humanReviewed: String)

    /// A value of an activity log's `field` (`ActivityField`'s name) that does not read as an event's.
    case activityValue(field: String, text: String, problem: ActivityValueProblem)

    // Rows that hold no decision.
    case repeatedHeader
    case totalsRow(label: String)

    /// The stable code the detail is filed under (rejects.csv, the summaries' counts).
    public var code: RejectCode {
        switch self {
        case .fieldTooLong: .fieldTooLong
        case .rowTooLong: .rowTooLong
        case .tooManyFields, .fieldCount: .raggedRow
        case .unterminatedQuote: .unterminatedQuote
        case .invalidEncoding: .invalidEncoding
        case .quoteMergedLines, .mergedLineNotARow: .unbalancedQuote
        case .empty, .outcomeUnstated, .outcomeUnderivable: .missingRequired
        case .notANumber: .badNumber
        case .unknownValue: .unknownValue
        case .badTimestamp: .badTimestamp
        case .duplicateID: .duplicateID
        case .columnsDisagree, .decidedTwoWays: .conflictingColumns
        case .activityValue(_, _, let problem): problem.code
        case .repeatedHeader: .repeatedHeader
        case .totalsRow: .totalsRow
        }
    }

    /// What a categorical field may hold.
    public enum ExpectedValues: Sendable, Equatable {
        case decisionType, outcome, yesNo, reviewResult, appealReviewer
    }
}

/// Why a value of an activity log cannot be read: each filed under the code a decision's
/// value would be.
public enum ActivityValueProblem: Sendable, Equatable {
    case empty
    case timestamp(TimestampProblem)
    /// The end is before the start.
    case endsBeforeStart
    /// Not a number of minutes from 0 to `ActivityValueProblem.longestEventMinutes`.
    case notMinutes
    /// One event longer than `longestEventMinutes` (a session never closed, or a unit mistaken).
    case tooLong(minutes: Int64)
    case unknownDirection
    case unknownYesNo
    /// A worker id longer than `ActivityBuilder.longestWorkerID` bytes.
    case idTooLong(bytes: Int)

    /// A day: an event longer than this is not one event's work.
    public static let longestEventMinutes: Int64 = 24 * 60

    var code: RejectCode {
        switch self {
        case .empty: .missingRequired
        case .timestamp, .endsBeforeStart, .tooLong: .badTimestamp
        case .notMinutes: .badNumber
        case .unknownDirection, .unknownYesNo: .unknownValue
        case .idTooLong: .fieldTooLong
        }
    }
}
