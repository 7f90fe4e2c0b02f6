/// What a person decided about an export, for `init` to follow over its own guesses: which
/// column is which field (or none), and the audit's date, language, time zone and
/// jurisdictions. The workbench (`admaudit serve`) collects them with a click per column;
/// the pipeline is then inferred again with them, so every setting that follows from a
/// column (its values, the outcome's derivation, the bias attributes) follows the choice.
///
/// A column named here is taken as chosen, with "chosen by the inspector" as its evidence;
/// the columns not named are inferred as before, and never take a field chosen for another.
public struct InferenceChoices: Sendable, Equatable {
    /// Column index → the key of its target (`ColumnChoiceKey`), or nil for a column not used.
    public var columns: [Int: ColumnChoiceKey?] = [:]
    /// `YYYY-MM-DD`.
    public var auditDate: AsOfDate? = nil
    public var language: ReportLanguage? = nil
    /// An IANA zone (`Asia/Shanghai`).
    public var timeZone: String? = nil
    /// Jurisdiction codes (`CN`, `EU`, `US-NYC`…), as `checks.jurisdictions` takes them.
    public var jurisdictions: [String]? = nil
    /// Meanings of values no vocabulary knows: field → spelling → canonical value (one of
    /// `canonicalValues(for:)`), written under `values:`.
    public var values: [CanonicalField: [String: String]] = [:]

    public init() {}

    public var isEmpty: Bool { self == InferenceChoices() }

    /// A jurisdiction code as a pipeline writes it unquoted: `CN`, `EU`, `US-NYC` (letters,
    /// one hyphen). Anything else from a form or a loaded pipeline is not taken.
    public static func isJurisdictionCode(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        return (1...2).contains(parts.count) && parts.allSatisfy { part in
            (2...4).contains(part.count) && part.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
        }
    }

    /// The choices a pipeline makes for an export with these headers, as the workbench shows
    /// them: each header's field or attribute, by the pipeline's own synonyms (a pipeline
    /// downloaded from the workbench and loaded back shows what was chosen), and its settings.
    public static func reading(_ pipeline: Pipeline, headers: [String]) -> InferenceChoices {
        var choices = InferenceChoices()
        let keys = headers.map(TextKey.make)
        for index in headers.indices { choices.columns[index] = .some(nil) }
        // The column of the first of the names that one not yet given another target has.
        func column(of names: [String]) -> Int? {
            for name in names {
                let key = TextKey.make(name)
                if let index = keys.indices.first(where: { keys[$0] == key && choices.columns[$0] == .some(nil) }) { return index }
            }
            return nil
        }
        // A column that feeds several targets (a site that is the jurisdiction too, a worker's id
        // that is the decision's) is given the one init gives it; init adds the other again.
        for attribute in pipeline.attributes {
            guard let index = column(of: attribute.headers) else { continue }
            switch (attribute.name, pipeline.ageBands[attribute.name]?.source) {
            case ("site", _): choices.columns[index] = .site
            case (_, .years?): choices.columns[index] = .age
            case (_, .birthDate?): choices.columns[index] = .birthDate
            default: choices.columns[index] = ColumnChoiceKey("attribute." + attribute.name)
            }
        }
        // Fields the pipeline names first (a field moved to another column keeps it), then those
        // read by their built-in names; the second of a column's two fields last.
        let secondary: [CanonicalField] = [.decisionID, .appealReviewerID]
        let ordered = CanonicalField.allCases.filter { !secondary.contains($0) } + secondary
        for field in ordered.filter(pipeline.explicitColumns.contains) + ordered.filter({ !pipeline.explicitColumns.contains($0) }) {
            guard let names = pipeline.columns[field], let index = column(of: names) else { continue }
            choices.columns[index] = ColumnChoiceKey(field.rawValue)
        }
        choices.values = pipelineValues(pipeline)
        choices.auditDate = pipeline.auditDate.flatMap(AsOfDate.init)
        choices.language = pipeline.report.language
        choices.timeZone = pipeline.input.timeZone
        choices.jurisdictions = pipeline.checks.jurisdictions.filter(isJurisdictionCode)
        return choices
    }
}

extension InferenceChoices {
    /// The meanings a value of `field` may be given (a select's options); empty for a field
    /// whose values are not read against a vocabulary.
    public static func canonicalValues(for field: CanonicalField) -> [String] {
        switch field.kind {
        case .boolean: ["true", "false"]
        case .outcome: Outcome.allCases.map(\.rawValue)
        case .decisionType: DecisionType.allCases.map(\.rawValue)
        case .reviewResult: ReviewResult.allCases.map(\.rawValue)
        case .appealReviewer: AppealReviewer.allCases.map(\.rawValue)
        default: []
        }
    }

    /// The key under `values:` that lists `field`'s spellings (every yes/no field but
    /// `automated` shares `boolean`).
    static func valuesKey(_ field: CanonicalField) -> String? {
        switch field.kind {
        case .boolean: field == .automated ? "automated" : "boolean"
        case .outcome: "outcome"
        case .decisionType: "decision_type"
        case .reviewResult: field == .appealResult ? "appeal_result" : "review_result"
        case .appealReviewer: "appeal_reviewer"
        default: nil
        }
    }

    /// The spellings a pipeline reads that the built-in vocabularies do not, with their
    /// meanings, for each field whose column it maps (the choices a pipeline carries).
    public static func pipelineValues(_ pipeline: Pipeline) -> [CanonicalField: [String: String]] {
        func extra<Value>(_ lists: [(Value, [String])], _ builtin: [(Value, [String])], _ name: (Value) -> String) -> [String: String] {
            let known = Set(builtin.flatMap(\.1).map(TextKey.make))
            var found: [String: String] = [:]
            for (value, spellings) in lists { for spelling in spellings where !known.contains(TextKey.make(spelling)) { found[spelling] = name(value) } }
            return found
        }
        var values: [CanonicalField: [String: String]] = [:]
        for field in CanonicalField.allCases where pipeline.columns[field]?.isEmpty == false {
            let found: [String: String]
            switch field.kind {
            case .boolean where field == .automated: found = extra(pipeline.values.automation, BuiltinVocabulary.automation) { $0 ? "true" : "false" }
            case .boolean: found = extra(pipeline.values.booleans, BuiltinVocabulary.booleans) { $0 ? "true" : "false" }
            case .outcome: found = extra(pipeline.values.outcomes, BuiltinVocabulary.outcomes, \.rawValue)
            case .decisionType: found = extra(pipeline.values.decisionTypes, BuiltinVocabulary.decisionTypes, \.rawValue)
            case .reviewResult where field == .appealResult: found = extra(pipeline.values.appealResults, BuiltinVocabulary.appealResults, \.rawValue)
            case .reviewResult: found = extra(pipeline.values.reviewResults, BuiltinVocabulary.reviewResults, \.rawValue)
            case .appealReviewer: found = extra(pipeline.values.appealReviewers, BuiltinVocabulary.appealReviewers, \.rawValue)
            default: found = [:]
            }
            if !found.isEmpty { values[field] = found }
        }
        return values
    }
}

/// A column's target as a form or a URL writes it: a field's name (`decided_at`),
/// `attribute.NAME` for a protected attribute of plain values, `age` (years, banded),
/// `birth_date` (banded by the age on the decision's date) or `site`.
public struct ColumnChoiceKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: String

    public init?(_ rawValue: String) {
        guard Self.target(rawValue) != nil else { return nil }
        self.rawValue = rawValue
    }

    init(target: ColumnTarget) {
        switch target {
        case .field(let field): rawValue = field.rawValue
        case .attribute(let name): rawValue = "attribute." + name
        case .age: rawValue = "age"
        case .birthDate: rawValue = "birth_date"
        case .site: rawValue = "site"
        }
    }

    public static let age = ColumnChoiceKey(target: .age)
    public static let birthDate = ColumnChoiceKey(target: .birthDate)
    public static let site = ColumnChoiceKey(target: .site)

    public var description: String { rawValue }
    public static func < (a: ColumnChoiceKey, b: ColumnChoiceKey) -> Bool { a.rawValue < b.rawValue }

    var target: ColumnTarget { Self.target(rawValue)! }

    /// The protected attributes a column may be read as (their values as written).
    public static let attributes = ["sex", "ethnicity", "age_band", "disability", "hukou", "nationality", "religion"]

    /// Every target a column may be given, fields first, in a fixed order.
    public static var all: [ColumnChoiceKey] {
        CanonicalField.allCases.map { ColumnChoiceKey(target: .field($0)) }
            + attributes.map { ColumnChoiceKey(target: .attribute($0)) } + [.age, .birthDate, .site]
    }

    /// Words for the key in `language`, for a select's option.
    public func label(_ language: ReportLanguage) -> String {
        switch target {
        case .field(let field): return field.rawValue
        case .attribute(let name): return language.text("\(name) (protected attribute)", "\(name)（受保护属性）")
        case .age: return language.text("age_band, from ages in years", "age_band，由年龄（岁）分段")
        case .birthDate: return language.text("age_band, from birth dates", "age_band，由出生日期分段")
        case .site: return language.text("site (workplace)", "site（工作地点）")
        }
    }

    private static func target(_ rawValue: String) -> ColumnTarget? {
        if let field = CanonicalField(rawValue: rawValue) { return .field(field) }
        if rawValue.hasPrefix("attribute."), case let name = String(rawValue.dropFirst("attribute.".count)), attributes.contains(name) {
            return .attribute(name)
        }
        switch rawValue {
        case "age": return .age
        case "birth_date": return .birthDate
        case "site": return .site
        default: return nil
        }
    }
}

/// One column of an export as `init` read it, for the workbench to show: its header, the
/// target it was given (nil: not used) with the evidence, sample values, and the values of it
/// that no vocabulary knows with the canonical value each most resembles.
public struct ColumnProposal: Sendable {
    public let index: Int
    public let header: String
    public let choice: ColumnChoiceKey?
    /// Why, in the pipeline's language; for a column not used, what was considered, if anything.
    public let evidence: String
    /// Marked for a person's check (another column nearly took the target).
    public let uncertain: Bool
    /// Up to ten distinct filled values, first seen first.
    public let samples: [String]
    /// The field whose vocabulary reads the column's values, if any.
    public let valueField: CanonicalField?
    public let unknownValues: [UnknownValue]

    public struct UnknownValue: Sendable, Equatable {
        public let value: String
        /// Rows of the sample holding it.
        public let rows: Int
        /// The canonical value it most resembles, if any.
        public let suggestion: String?
        /// The meaning a person gave it (`InferenceChoices.values`), if any.
        public let chosen: String?
    }
}
