/// A recoverable problem noticed on the way, for the report and the terminal: a code and the
/// values it names, and no words. report.json gives them as they are (machine output has no
/// language); the readable outputs word them in the reader's language (`ReportText.message`).
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
    }
    public var level: Level
    public var file: String?
    /// What it is about (docs/report-json.md lists them).
    public var code: Code
    /// The values the message names, by name (`line`, `rows`).
    public var values: [String: DiagnosticValue]

    public init(level: Level, file: String?, code: Code, values: [String: DiagnosticValue] = [:]) {
        self.level = level
        self.file = file
        self.code = code
        self.values = values
    }
}

/// A value a diagnostic names: a count, a text, or a list of texts.
public enum DiagnosticValue: Sendable, Equatable, Codable {
    case count(Int)
    case text(String)
    case list([String])
}
