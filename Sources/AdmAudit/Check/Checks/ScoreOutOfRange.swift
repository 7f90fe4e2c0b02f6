/// DQ-03: a score outside the range the pipeline declares for the system.
///
/// Runs only when the pipeline declares `range: [min, max]` (inclusive); a record with a
/// score outside it is flagged, a record without a score is not applicable. Scores out of
/// range mean the export mixes systems or scales, and the outcome derived from them, or
/// the scoring-rate statistics, cannot be trusted.
public struct ScoreOutOfRange: RecordCheck {
    public static let descriptor = CheckDescriptor(
        id: "DQ-03",
        severity: .warning,
        titleEnglish: "Score outside the declared range",
        titleChinese: "评分超出声明的范围",
        legalBasis: [],
        notRecordedIsViolation: false
    )

    static let range = CheckSetting<[String]>("range", default: [], help: "the scores' declared range, [min, max]; empty: not checked",
                                   helpChinese: "评分的声明范围 [最小, 最大]；为空则不检查",
                                   validate: { value in
                                       guard case .list(let items) = value, !items.isEmpty else { return nil }
                                       guard items.count == 2, let low = Double(items[0]), let high = Double(items[1]),
                                             low.isFinite, high.isFinite, low <= high else {
                                           return "write two numbers, lowest first, e.g. [0, 1] (inf and nan are not numbers here)"
                                       }
                                       return nil
                                   })

    public static let parameters: [CheckParameter] = [range.declaration]

    private let range: ClosedRange<Double>?

    public init(parameters: CheckParameters) {
        let items = Self.range.value(in: parameters)
        // Finite bounds only: a finding carries them, and a state file holds no infinity.
        if items.count == 2, let low = Double(items[0]), let high = Double(items[1]), low.isFinite, high.isFinite, low <= high {
            range = low...high
        } else {
            range = nil
        }
    }

    public func evaluate(_ record: DecisionRecord, context: CheckContext) -> CheckVerdict {
        guard let range, let score = record.score else { return .notApplicable }
        if range.contains(score) { return .compliant }
        return .violation(.scoreOutOfRange(score: score, low: range.lowerBound, high: range.upperBound))
    }
}
