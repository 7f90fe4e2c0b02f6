/// A recoverable problem noticed on the way, for the report and the terminal: a code and the
/// values it names, and no words. report.json gives them as they are (machine output has no
/// language); the readable outputs word them in the reader's language (`ReportText.message`).
public struct Diagnostic: Sendable, Hashable {
    public enum Level: String, Sendable, Hashable { case note, warning }

    /// What a diagnostic is about, as report.json gives it.
    public enum Code: String, Sendable, CaseIterable {
        case pipelineInferred = "pipeline_inferred"
        case fieldsWithoutColumn = "fields_without_column"
        case decisionsNamedByLine = "decisions_named_by_line"
        case columnMatchesTwoFields = "column_matches_two_fields"
        case attributeWithoutColumn = "attribute_without_column"
        case lineAboveHeaderHoldsValues = "line_above_header_holds_values"
        case quoteSwallowedLines = "quote_swallowed_lines"
        case activityOutsideCalendar = "activity_outside_calendar"
        case activityJoinSparse = "activity_join_sparse"
        case lookAlikeWorkerIDs = "look_alike_worker_ids"
        case unpairedPunches = "unpaired_punches"
        case moreQuoteRepairs = "more_quote_repairs"
        case emptyFile = "empty_file"
        case distinctValuesOverLimit = "distinct_values_over_limit"
        case disguisedSpellings = "disguised_spellings"
        case groupsWrittenAlike = "groups_written_alike"
        case noAsOfDate = "no_as_of_date"
        case decisionsBeforeRules = "decisions_before_rules"
        case noPseudonymKey = "no_pseudonym_key"
        case assumeAutomated = "assume_automated"
        case mergedShards = "merged_shards"
        case decisionIDsCompared = "decision_ids_compared"
        case decisionIDsNotCompared = "decision_ids_not_compared"
        case decisionIDsRepeatedAcrossShards = "decision_ids_repeated_across_shards"
        case shardFileMissing = "shard_file_missing"
        case shardFileOtherHeader = "shard_file_other_header"
        case shardFileShared = "shard_file_shared"
        case shardFileMismatch = "shard_file_mismatch"
        case pseudonymsDifferAcrossShards = "pseudonyms_differ_across_shards"
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

    /// The most diagnostics a run's state may hold: a run makes a few per input and per
    /// attribute; a state claiming more is damaged.
    public static let stateLimit = 10_000

    /// What is wrong with a diagnostic read from a state file: a value its code words missing or
    /// of another kind, a count out of bounds (negative, beyond a trillion, a last line before
    /// the first), a list longer than admaudit writes; nil when it is as admaudit makes them.
    public var damage: String? {
        let counts: [String], texts: [String], lists: [(name: String, limit: Int)]
        switch code {
        case .pipelineInferred: (counts, texts, lists) = (["settings_to_check"], ["input", "pipeline"], [])
        case .fieldsWithoutColumn: (counts, texts, lists) = ([], [], [("fields", CanonicalField.allCases.count)])
        case .columnMatchesTwoFields: (counts, texts, lists) = ([], ["column", "field"], [])
        case .attributeWithoutColumn: (counts, texts, lists) = ([], ["attribute"], [])
        case .lineAboveHeaderHoldsValues: (counts, texts, lists) = (["line", "values"], [], [])
        case .quoteSwallowedLines:  // 8: QuoteRepair.namedStrayQuoteLimit
            (counts, texts, lists) = (["first_line", "last_line", "accepted", "rejected", "more_stray_quotes"], ["column"], [("stray_quote_lines", 8)])
        case .moreQuoteRepairs: (counts, texts, lists) = (["rows"], [], [])
        case .activityOutsideCalendar: (counts, texts, lists) = (["first_year", "last_year", "covered_from", "covered_to"], [], [])
        case .activityJoinSparse: (counts, texts, lists) = (["adverse_decisions", "matched", "log_workers"], [], [])
        case .lookAlikeWorkerIDs: (counts, texts, lists) = (["rows", "line"], ["characters"], [])
        case .unpairedPunches: (counts, texts, lists) = (["clock_ins", "clock_outs", "workers"], [], [])
        case .distinctValuesOverLimit: (counts, texts, lists) = (["limit", "rows"], ["attribute", "group"], [])
        case .disguisedSpellings: (counts, texts, lists) = (["more"], ["read_as", "attribute"], [("spellings", 64), ("read_as_values", 64)])
        case .groupsWrittenAlike: (counts, texts, lists) = ([], ["attribute"], [("groups", 16)])  // 16: MeasureState.alikeGroupLimit
        case .mergedShards: (counts, texts, lists) = (["shards"], [], [])
        case .decisionsBeforeRules: (counts, texts, lists) = (["rows", "line"], ["first_day", "last_day"], [("checks", 64)])
        case .shardFileMissing, .shardFileOtherHeader, .shardFileShared, .shardFileMismatch: (counts, texts, lists) = ([], ["name"], [])
        case .decisionIDsCompared: (counts, texts, lists) = (["ids", "shards"], [], [])
        case .decisionIDsRepeatedAcrossShards: (counts, texts, lists) = (["rows", "line", "first_line"], ["first_file"], [])
        case .emptyFile, .noAsOfDate, .noPseudonymKey, .assumeAutomated, .decisionIDsNotCompared, .pseudonymsDifferAcrossShards,
             .decisionsNamedByLine:
            (counts, texts, lists) = ([], [], [])
        }
        // Values named only at times: a disguise's attribute; the further stray quotes of a merged row.
        let optional: Set<String> = switch code {
        case .disguisedSpellings: ["attribute"]
        case .quoteSwallowedLines: ["stray_quote_lines", "more_stray_quotes"]
        default: []
        }
        let named = Set(counts + texts + lists.map(\.name))
        if let extra = values.keys.sorted().first(where: { !named.contains($0) }) { return "\(code.rawValue) has a value '\(extra)' it does not word" }
        for name in counts where !optional.contains(name) || values[name] != nil {
            guard case .count(let count)? = values[name], (0...Self.countLimit).contains(count) else { return "\(code.rawValue)'s \(name) is missing or out of bounds" }
        }
        for name in texts where !optional.contains(name) || values[name] != nil {
            guard case .text? = values[name] else { return "\(code.rawValue)'s \(name) is missing" }
        }
        for (name, limit) in lists where !optional.contains(name) || values[name] != nil {
            guard case .list(let list)? = values[name], list.count <= limit else { return "\(code.rawValue)'s \(name) is missing or too long" }
        }
        if case .list(let lines)? = values["stray_quote_lines"], !lines.allSatisfy({ Int($0).map { (1...Self.countLimit).contains($0) } ?? false }) {
            return "\(code.rawValue)'s stray_quote_lines are not line numbers"
        }
        if case .count(let first)? = values["first_line"], case .count(let last)? = values["last_line"], !(1...last).contains(first) {
            return "\(code.rawValue)'s lines run backwards"
        }
        if code == .disguisedSpellings {
            let attribute: Bool
            switch values["read_as"] {
            case .text("attribute")?: attribute = true
            case .text("coded_values")?: attribute = false
            default: return "\(code.rawValue)'s read_as is neither attribute nor coded_values"
            }
            guard attribute == (values["attribute"] != nil) else { return "\(code.rawValue) names an attribute only when read_as is attribute" }
        }
        if case .list(let spellings)? = values["spellings"], case .list(let readAs)? = values["read_as_values"], spellings.count != readAs.count {
            return "\(code.rawValue) pairs \(spellings.count) spellings with \(readAs.count) values"
        }
        return nil
    }

    /// The largest count a diagnostic holds (a trillion, as every saved count).
    static let countLimit = 1_000_000_000_000
}

/// A value a diagnostic names: a count, a text, or a list of texts.
public enum DiagnosticValue: Sendable, Hashable, Codable {
    case count(Int)
    case text(String)
    case list([String])
}
