/// AP-04: a contest answered, but after its deadline.
///
/// Applies to the applicable set of the AP rules (automated decisions of a significant
/// type with an adverse outcome, as HR-01) that record both `appeal_filed_at` and
/// `appeal_responded_at`. Flags the record when the response came after the deadline.
///
/// Time rule: deadlines are whole calendar days counted on local dates in the
/// pipeline's time zone (`input.time_zone`). A contest filed on local day F with a
/// deadline of N days (`deadline_days`, default 14) is due by the end of local day F+N:
/// answered on day F+N is on time, on day F+N+1 is late. The time of day does not
/// matter, only the local dates. The as-of date is not used.
///
/// Does not flag: a contest with no recorded response (AP-03 judges it against the
/// as-of date, so the two are disjoint); a response dated before the filing, which is a
/// data-quality problem, not a late answer (not applicable here); who answered and how
/// (AP-02, AP-05). Set `checks.AP-04.deadline_days` like `checks.AP-03.deadline_days`.
public struct AppealAnsweredLate: RecordCheck {
    public static let descriptor = CheckDescriptor(
        id: "AP-04",
        severity: .warning,
        titleEnglish: "Contest answered after the deadline",
        titleChinese: "申诉答复超过期限",
        legalBasis: AppealDeadline.legalBasis,
        notRecordedIsViolation: false,
        notes: AppealDeadline.notes
    )

    public static let parameters: [CheckParameter] = [AppealDeadline.deadlineDays.declaration]

    public let deadlineDays: Int

    public init(parameters: CheckParameters = CheckParameters()) {
        deadlineDays = AppealDeadline.deadlineDays.value(in: parameters)
    }

    public func evaluate(_ record: DecisionRecord, context: CheckContext) -> CheckVerdict {
        guard context.isSignificantAdverseAutomated(record),
              let filed = record.appealFiledAt, let responded = record.appealRespondedAt else { return .notApplicable }
        guard responded >= filed else { return .notApplicable }
        let filedDay = context.calendar.day(of: filed)
        let respondedDay = context.calendar.day(of: responded)
        let dueDay = filedDay + Int64(deadlineDays)
        guard respondedDay > dueDay else { return .compliant }
        return .violation(.appealAnsweredLate(days: .init(filedDay: filedDay, answeredDay: respondedDay, deadlineDays: deadlineDays)))
    }
}
