/// DQ-01: times that cannot be in that order, which make the record's other times
/// untrustworthy as evidence.
///
/// Flags a record where a review (`reviewed_at`), a notice (`notified_at`), the
/// decision's taking effect (`effective_at`) or an appeal (`appeal_filed_at`) comes
/// before the decision itself (`decided_at`), or an appeal is answered
/// (`appeal_responded_at`) before it was filed. Applies to every record with at least one
/// such pair recorded; equal instants are fine. A time written as a date alone
/// (`DecisionRecord.dayOnly`: `2025-03-01`, read as its midnight) says only the day, so a pair
/// holding one is out of order only when its days are: a review dated the day of a decision
/// made at 14:30 is not before it. Does not judge lateness (HR-02, AP-04).
public struct ImpossibleTimeOrder: RecordCheck {
    public static let descriptor = CheckDescriptor(
        id: "DQ-01",
        severity: .warning,
        titleEnglish: "Impossible time order in the record",
        titleChinese: "记录中的时间先后顺序不可能成立",
        legalBasis: [],
        notRecordedIsViolation: false
    )

    public init(parameters: CheckParameters = CheckParameters()) {}

    public func evaluate(_ record: DecisionRecord, context: CheckContext) -> CheckVerdict {
        var problems: [FindingDetail.TimeOrderProblem] = []
        var pairs = 0
        if let decided = record.decidedAt {
            let later: [(CanonicalField, Int64?)] = [
                (.reviewedAt, record.reviewedAt), (.notifiedAt, record.notifiedAt),
                (.effectiveAt, record.effectiveAt), (.appealFiledAt, record.appealFiledAt),
            ]
            for (name, instant) in later {
                guard let instant else { continue }
                pairs += 1
                if Self.before(instant, name, decided, .decidedAt, record, context) {
                    problems.append(.init(later: name, laterAt: context.calendar.localTime(instant), earlier: .decidedAt,
                                          earlierAt: context.calendar.localTime(decided)))
                }
            }
        }
        if let filed = record.appealFiledAt, let answered = record.appealRespondedAt {
            pairs += 1
            if Self.before(answered, .appealRespondedAt, filed, .appealFiledAt, record, context) {
                problems.append(.init(later: .appealRespondedAt, laterAt: context.calendar.localTime(answered), earlier: .appealFiledAt,
                                      earlierAt: context.calendar.localTime(filed)))
            }
        }
        if pairs == 0 { return .notApplicable }
        return problems.isEmpty ? .compliant : .violation(.timesOutOfOrder(problems: problems))
    }

    /// Whether `later` (the time of `laterField`) is before `earlier`: by local day when either
    /// was written as a date alone.
    private static func before(_ later: Int64, _ laterField: CanonicalField, _ earlier: Int64, _ earlierField: CanonicalField,
                               _ record: DecisionRecord, _ context: CheckContext) -> Bool {
        guard record.dayOnly.contains(laterField) || record.dayOnly.contains(earlierField) else { return later < earlier }
        return context.calendar.day(of: later) < context.calendar.day(of: earlier)
    }
}
