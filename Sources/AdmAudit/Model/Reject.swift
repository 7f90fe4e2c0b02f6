/// Why a row did not become a record. The code is stable (it goes into rejects.csv and
/// the report); the detail (`RejectDetail`) holds what the sentence for people is made of.
public enum RejectCode: String, Sendable, CaseIterable, Codable, Comparable {
    case raggedRow = "ragged_row"
    case invalidEncoding = "invalid_utf8"
    case fieldTooLong = "field_too_long"
    case rowTooLong = "row_too_long"
    case unterminatedQuote = "unterminated_quote"
    /// A line that a stray quote had merged into the row above it, read on its own, is not
    /// a row (not the header's number of fields, or a quote still in it).
    case unbalancedQuote = "unbalanced_quote"
    case missingRequired = "missing_required"
    case duplicateID = "duplicate_id"
    case badTimestamp = "bad_timestamp"
    case badNumber = "bad_number"
    case unknownValue = "unknown_value"
    /// Two columns of the same name, read as one field, hold different values; or two columns
    /// say who decided two ways (`automated` a person, `human_reviewed` `no (auto)`).
    case conflictingColumns = "conflicting_columns"
    /// The header again, in the middle of the data (pages of an export glued together): not a decision.
    case repeatedHeader = "repeated_header"
    /// A row of sums (`合计`, `Total`) or a footer (`制表：人力资源部`): not a decision.
    case totalsRow = "totals_row"

    /// Rows that hold no decision, so their rejection hides nothing: kept apart when the
    /// summaries weigh what the audit could not see.
    public var isNotADecision: Bool { self == .repeatedHeader || self == .totalsRow }

    public static func < (a: RejectCode, b: RejectCode) -> Bool { a.rawValue < b.rawValue }
}

/// A rejected row: where it was, why, and everything it held.
public struct Reject: Error, Sendable, Equatable {
    public var file: String
    public var line: Int
    public var detail: RejectDetail
    /// 1-based column of the offending field, when one field is to blame.
    public var column: Int?
    public var fields: [String]

    public var code: RejectCode { detail.code }

    package init(file: String, line: Int, detail: RejectDetail, column: Int? = nil, fields: [String]) {
        self.file = file
        self.line = line
        self.detail = detail
        self.column = column
        self.fields = fields
    }
}
