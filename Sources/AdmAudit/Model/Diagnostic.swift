/// A recoverable problem noticed on the way, for the report and the terminal: a code and
/// the values it names, which report.json gives (machine output has no language), and the
/// message in the run's language, which the readable outputs give.
public struct Diagnostic: Sendable, Equatable {
    public enum Level: String, Sendable { case note, warning }

    /// What a diagnostic is about, as report.json gives it.
    public enum Code: String, Sendable, CaseIterable {
        case pipelineInferred = "pipeline_inferred"
        case fieldsWithoutColumn = "fields_without_column"
        case columnMatchesTwoFields = "column_matches_two_fields"
        case attributeWithoutColumn = "attribute_without_column"
        case lineAboveHeaderHoldsValues = "line_above_header_holds_values"
        case quoteSwallowedLines = "quote_swallowed_lines"
        case moreQuoteRepairs = "more_quote_repairs"
        case emptyFile = "empty_file"
        case distinctValuesOverLimit = "distinct_values_over_limit"
        case disguisedSpellings = "disguised_spellings"
        case noAsOfDate = "no_as_of_date"
        case noPseudonymKey = "no_pseudonym_key"
        case assumeAutomated = "assume_automated"
        case mergedShards = "merged_shards"
        /// Read from a state file written before diagnostics had codes.
        case uncoded
    }
    public var level: Level
    public var file: String?
    /// What it is about (docs/report-json.md lists them).
    public var code: Code
    /// The values the message names, by name (`line`, `rows`).
    public var values: [String: DiagnosticValue]
    /// The message, in the run's language.
    public var message: String

    public init(level: Level, file: String?, code: Code, values: [String: DiagnosticValue] = [:], message: String) {
        self.level = level
        self.file = file
        self.code = code
        self.values = values
        self.message = message
    }
}

/// A value a diagnostic names: a count, a text, or a list of texts.
public enum DiagnosticValue: Sendable, Equatable, Codable {
    case count(Int)
    case text(String)
    case list([String])
}
