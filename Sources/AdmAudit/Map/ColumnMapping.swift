/// Which column of an export holds which canonical field or attribute.
///
/// Built once per file from its header and the pipeline's synonyms. A header that
/// matches nothing is listed as unmapped (it is not used, which is the minimum-necessary
/// rule at work); two headers matching the same field keep the first and report the other.
/// One column may feed an attribute and fields at once when the pipeline lists its header
/// under each (a site column that also says the jurisdiction; a column naming either the
/// system or the person who decided a contest).
public struct ColumnMapping: Sendable {
    public struct Match: Sendable, Equatable {
        public var header: String
        public var column: Int
    }

    public let headers: [String]
    /// Canonical field → column.
    public private(set) var fields: [CanonicalField: Match] = [:]
    /// Attribute → column, in the pipeline's order; nil when the export lacks it.
    public private(set) var attributes: [(name: String, match: Match?)] = []
    public private(set) var unmapped: [Match] = []
    /// Headers that matched a field already taken by an earlier column.
    public private(set) var duplicates: [(match: Match, field: String)] = []
    /// The pipeline names the decision id's column: it was written for an export that has one,
    /// and a file without it is another export, not one to read by line.
    private let namesDecisionIDColumn: Bool

    public init(headers: [String], pipeline: Pipeline) {
        self.headers = headers
        namesDecisionIDColumn = pipeline.explicitColumns.contains(.decisionID) && pipeline.columns[.decisionID]?.isEmpty == false
        var synonymToField: [String: CanonicalField] = [:]
        // Headers the pipeline lists under several fields feed each of them.
        var explicitFields: [String: [CanonicalField]] = [:]
        // The pipeline's own synonyms claim headers first, then the built-ins in field order.
        let ordered = CanonicalField.allCases.filter { pipeline.explicitColumns.contains($0) }
            + CanonicalField.allCases.filter { !pipeline.explicitColumns.contains($0) }
        for field in ordered {
            for synonym in pipeline.columns[field] ?? [] {
                let key = TextKey.make(synonym)
                if synonymToField[key] == nil { synonymToField[key] = field }
                if pipeline.explicitColumns.contains(field), explicitFields[key]?.contains(field) != true {
                    explicitFields[key, default: []].append(field)
                }
            }
        }
        var synonymToAttribute: [String: Int] = [:]
        for (index, attribute) in pipeline.attributes.enumerated() {
            for synonym in attribute.headers {
                let key = TextKey.make(synonym)
                if synonymToAttribute[key] == nil { synonymToAttribute[key] = index }
            }
        }
        var attributeMatches = [Match?](repeating: nil, count: pipeline.attributes.count)
        for (column, header) in headers.enumerated() {
            let key = TextKey.make(header)
            let match = Match(header: header, column: column)
            // Attributes first: a pipeline that declares `site` as an attribute means it.
            var used = false
            if let index = synonymToAttribute[key] {
                used = true
                if attributeMatches[index] == nil {
                    attributeMatches[index] = match
                } else {
                    duplicates.append((match, pipeline.attributes[index].name))
                }
            }
            // The fields the pipeline names for this header; else the built-in one, unless an attribute took it.
            let named = explicitFields[key] ?? (used ? [] : synonymToField[key].map { [$0] } ?? [])
            for field in named {
                used = true
                if fields[field] == nil {
                    fields[field] = match
                } else {
                    duplicates.append((match, field.rawValue))
                }
            }
            if !used { unmapped.append(match) }
        }
        attributes = zip(pipeline.attributes, attributeMatches).map { ($0.name, $1) }
    }

    /// Where each mapped field and attribute comes from, in column order (for the report);
    /// fields of one column (`appeal_reviewer` and `appeal_reviewer_id`) in the fields'
    /// order, as the dictionary's own order changes from run to run.
    public var sources: [FieldSource] {
        let fieldSources = CanonicalField.allCases.compactMap { field in
            fields[field].map { ($0.column, FieldSource(field: field.rawValue, header: $0.header)) }
        }
        let attributeSources = attributes.compactMap { attribute in
            attribute.match.map { ($0.column, FieldSource(field: attribute.name, header: $0.header)) }
        }
        // A stable sort: equal columns keep the order above.
        return (fieldSources + attributeSources).enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element.1)
    }

    /// What the user should hear about this mapping.
    package func diagnostics(file: String) -> [Diagnostic] {
        let absent = CanonicalField.allCases.filter { fields[$0] == nil && !$0.isRequired }.map(\.rawValue)
        let absentNote = absent.isEmpty ? [] : [Diagnostic(level: .note, file: file, code: .fieldsWithoutColumn, values: ["fields": .list(absent)])]
        let byLine = namesDecisionsByLine ? [Diagnostic(level: .note, file: file, code: .decisionsNamedByLine)] : []
        return byLine + absentNote + duplicates.map { duplicate in
            Diagnostic(level: .warning, file: file, code: .columnMatchesTwoFields,
                       values: ["column": .text(duplicate.match.header), "field": .text(duplicate.field)])
        } + attributes.filter { $0.match == nil }.map { attribute in
            Diagnostic(level: .warning, file: file, code: .attributeWithoutColumn, values: ["attribute": .text(attribute.name)])
        }
    }

    /// No column holds the decision id: each row is one decision, named by its line
    /// (`RecordBuilder`). An HR export of actions often has none, and its person column
    /// repeats for a worker with two actions: reading it as the id would reject the second.
    public var namesDecisionsByLine: Bool { fields[.decisionID] == nil && !namesDecisionIDColumn }

    /// Required fields the export lacks: the decision id only when the pipeline names its
    /// column (otherwise see `namesDecisionsByLine`). A missing outcome is fine when it can be
    /// derived, a missing decision type when the pipeline gives a default.
    public func missingRequired(canDeriveOutcome: Bool, hasDefaultDecisionType: Bool = false,
                                outcomeFromDecisionType: Bool = false) -> [CanonicalField] {
        CanonicalField.allCases.filter { field in
            guard field.isRequired, fields[field] == nil else { return false }
            if field == .decisionID { return namesDecisionIDColumn }
            if field == .decisionType && hasDefaultDecisionType { return false }
            if field == .outcome && outcomeFromDecisionType && (fields[.decisionType] != nil || hasDefaultDecisionType) { return false }
            return !(field == .outcome && canDeriveOutcome && fields[.score] != nil)
        }
    }
}

/// Which header a canonical field or attribute was read from.
public struct FieldSource: Sendable, Equatable {
    public var field: String
    public var header: String

    package init(field: String, header: String) {
        self.field = field
        self.header = header
    }
}
