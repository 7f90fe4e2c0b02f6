/// DQ-02: a protected attribute missing or unknown for more than a share of the
/// decisions of one type.
///
/// Per decision type and pipeline attribute, counts decisions whose attribute is unknown
/// (empty, absent, or spelt as unknown). Flags each pair above `max_unknown_share`
/// (default 5 %): the group statistics of that stratum leave those decisions out, and
/// published audits have hidden four-fifths failures behind missing data. Types with
/// fewer than `min_decisions` decisions are not judged.
public struct MissingAttributeShare: RunCheck {
    public static let descriptor = CheckDescriptor(
        id: "DQ-02",
        severity: .warning,
        titleEnglish: "Protected attribute missing for too many decisions",
        titleChinese: "受保护属性缺失比例过高",
        legalBasis: [],
        notRecordedIsViolation: false
    )

    static let maxUnknownShare = CheckSetting<Double>("max_unknown_share", default: 0.05,
                                   help: "flag a decision type whose share of unknown attribute values is above this",
                                   helpChinese: "某类决策中属性未知的比例高于此值时标记",
                                   validate: { value in
                                       if case .number(let v) = value, v < 0 || v > 1 { return "must be from 0 to 1" }
                                       return nil
                                   })
    static let minDecisions = CheckSetting<Int>("min_decisions", default: 1, help: "decision types with fewer decisions are not judged",
                                   helpChinese: "决策数少于此值的类型不予评判")

    public static let parameters: [CheckParameter] = [maxUnknownShare.declaration, minDecisions.declaration]

    private let maxShare: Double
    private let minDecisions: Int
    /// Per decision type (ordinal): decisions, and unknowns per attribute.
    private var decisions = [Int](repeating: 0, count: DecisionType.allCases.count)
    private var unknown: [[Int]] = []

    public init(parameters: CheckParameters) {
        maxShare = Self.maxUnknownShare.value(in: parameters)
        minDecisions = Self.minDecisions.value(in: parameters)
    }

    public mutating func observe(_ record: DecisionRecord, context: CheckContext) {
        if unknown.isEmpty {
            unknown = Array(repeating: Array(repeating: 0, count: record.groups.count), count: DecisionType.allCases.count)
        }
        let type = record.decisionType.ordinal
        decisions[type] += 1
        for (attribute, group) in record.groups.enumerated() where group == AttributeGroups.unknown {
            unknown[type][attribute] += 1
        }
    }

    /// One decision type's count, and its unknowns under each pipeline attribute in order.
    public struct TypeCounts: Codable, Sendable, Equatable {
        var decisionType: DecisionType
        var decisions: Int
        var unknownByAttribute: [Int]
    }

    /// What DQ-02 saves with a shard's state: every decision type seen, in catalogue order.
    public struct Observations: RunCheckObservations {
        var types: [TypeCounts]
        /// Every decision is one record's.
        public var recordsObserved: Int { types.map(\.decisions).saturatingSum }

        /// DQ-02 counts what the measure stage counts: every decision by type, and under each
        /// attribute the decisions of unknown group. Both must agree, type by type.
        public func disagreement(with counts: SelectionCounts) -> String? {
            for type in DecisionType.allCases {
                let saved = types.first { $0.decisionType == type }
                guard (saved?.decisions ?? 0) == counts.decisions(type) else {
                    return "DQ-02 counts \(saved?.decisions ?? 0) \(type.rawValue) decisions, the outcome counts \(counts.decisions(type))"
                }
                guard let saved else { continue }
                for (attribute, unknown) in saved.unknownByAttribute.enumerated() {
                    guard attribute < counts.attributeCount else { return "DQ-02 counts more attributes than the outcome counts" }
                    let counted = counts.cell(type, attribute, group: AttributeGroups.unknown)?.n ?? 0
                    guard unknown == counted else {
                        return "DQ-02 counts \(unknown) \(type.rawValue) decisions of unknown group under attribute \(attribute + 1), the outcome counts \(counted)"
                    }
                }
            }
            return nil
        }
    }

    public var observations: Observations {
        Observations(types: DecisionType.allCases.filter { decisions[$0.ordinal] > 0 }.map { type in
            TypeCounts(decisionType: type, decisions: decisions[type.ordinal], unknownByAttribute: unknown.isEmpty ? [] : unknown[type.ordinal])
        })
    }

    public mutating func absorb(_ observations: Observations, context: CheckContext) -> String? {
        let attributes = context.attributeNames.count
        // Each type once, in catalogue order, as a run saves them.
        guard zip(observations.types, observations.types.dropFirst()).allSatisfy({ $0.decisionType.ordinal < $1.decisionType.ordinal }) else {
            return "DQ-02 saved a decision type twice or out of order"
        }
        for saved in observations.types {
            let name = saved.decisionType.rawValue
            // Every attribute of the pipeline, as the run counts them; never an index beyond
            // what this check counts.
            guard saved.unknownByAttribute.count == attributes && (unknown.isEmpty || unknown[0].count == attributes) else {
                return "DQ-02 counts \(saved.unknownByAttribute.count) attributes for \(name); the pipeline has \(attributes)"
            }
            guard (0...SelectionCounts.countLimit).contains(saved.decisions),
                  saved.unknownByAttribute.allSatisfy({ (0...saved.decisions).contains($0) }) else {
                return "DQ-02's counts for \(name) are negative, too large, or more unknowns than decisions"
            }
            if unknown.isEmpty && !saved.unknownByAttribute.isEmpty {
                unknown = Array(repeating: Array(repeating: 0, count: attributes), count: DecisionType.allCases.count)
            }
            decisions[saved.decisionType.ordinal] += saved.decisions
            for (attribute, count) in saved.unknownByAttribute.enumerated() { unknown[saved.decisionType.ordinal][attribute] += count }
        }
        return nil
    }

    public func conclude(context: CheckContext) -> RunCheckOutcome {
        var applicable = 0
        var violations: [RunCheckOutcome.Violation] = []
        for type in DecisionType.allCases.sorted() where decisions[type.ordinal] >= max(minDecisions, 1) {
            for (attribute, name) in context.attributeNames.enumerated() {
                applicable += 1
                // Observations merged from a damaged state may count fewer attributes.
                let missing = attribute < (unknown.first?.count ?? 0) ? unknown[type.ordinal][attribute] : 0
                let share = Double(missing) / Double(decisions[type.ordinal])
                guard share > maxShare else { continue }
                violations.append(.init(subject: .decisions(type, attribute: name),
                                        detail: .attributeOftenUnknown(type: type, attribute: name, unknown: missing,
                                                                       decisions: decisions[type.ordinal], maxShare: maxShare)))
            }
        }
        return RunCheckOutcome(applicable: applicable, violations: violations)
    }
}
