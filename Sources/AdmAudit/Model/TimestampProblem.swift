/// Why a text is not a timestamp, as values: what the parser stopped at and the numbers it
/// read. The words are the report's (`ReportText.timestampProblem`), in the reader's
/// language. Thrown by the parser, so it carries numbers and builds text only where the
/// input itself is quoted (the ambiguous date).
public enum TimestampProblem: Error, Sendable, Equatable {
    case empty
    case notATimestamp
    /// A plain number outside the Excel serial dates read as dates (20000–80000).
    case excelSerialOutOfRange
    case twoDigitYear
    /// `7/3/2025` with no `input.date_order`: the date as written.
    case ambiguousDayMonth(String)
    case yearOutOfRange(Int)
    /// The month read, and the day/month order that made it the month when one was set.
    case monthOutOfRange(Int, DateOrder?)
    /// `month` is 1–12.
    case dayOutOfRange(day: Int, month: Int, year: Int)
    case unexpectedAfterDate
    case malformedTime
    case hourOutOfRange(Int)
    case hourOutOfRangeForMeridiem(Int)
    case conflictingMeridiem
    case minuteOutOfRange(Int)
    case secondOutOfRange(Int)
    case malformedOffset
    case offsetOutOfRange
    case trailingText
    /// A day systems write where no date was kept (1970-01-01, the Unix epoch; 1900-01-01,
    /// 1899-12-30 and 1899-12-31, spreadsheets' day zero): read as a date, it put a decision
    /// before every law and out of every check without a word (a hostile review).
    case placeholderDate
}
