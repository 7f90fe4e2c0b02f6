/// DQ-01: times that cannot be in that order, which make the record's other times
/// untrustworthy as evidence.
///
/// Flags a record where a review (`reviewed_at`), a notice (`notified_at`), the
/// decision's taking effect (`effective_at`) or an appeal (`appeal_filed_at`) comes
/// before the decision itself (`decided_at`), or an appeal is answered
/// (`appeal_responded_at`) before it was filed. Applies to every record with at least one
/// such pair recorded; equal instants are fine. Does not judge lateness (HR-02, AP-04).
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
        var problems: [String] = []
        var pairs = 0
        if let decided = record.decidedAt {
            let later: [(String, Int64?)] = [
                ("reviewed_at", record.reviewedAt), ("notified_at", record.notifiedAt),
                ("effective_at", record.effectiveAt), ("appeal_filed_at", record.appealFiledAt),
            ]
            for (name, instant) in later {
                guard let instant else { continue }
                pairs += 1
                if instant < decided {
                    problems.append(context.text("\(name) \(context.calendar.localText(instant)) is before decided_at \(context.calendar.localText(decided))",
                                                 "\(name) \(context.calendar.localText(instant)) 早于 decided_at \(context.calendar.localText(decided))"))
                }
            }
        }
        if let filed = record.appealFiledAt, let answered = record.appealRespondedAt {
            pairs += 1
            if answered < filed {
                problems.append(context.text("appeal_responded_at \(context.calendar.localText(answered)) is before appeal_filed_at \(context.calendar.localText(filed))",
                                             "appeal_responded_at \(context.calendar.localText(answered)) 早于 appeal_filed_at \(context.calendar.localText(filed))"))
            }
        }
        if pairs == 0 { return .notApplicable }
        return problems.isEmpty ? .compliant : .violation(problems.joined(separator: context.text("; ", "；")))
    }
}
