/// DC-02: an adverse decision about a worker within `within_days` after an off-hours contact
/// to that worker that the worker did not answer (the right to disconnect: a worker who does
/// not answer after hours should not suffer for it).
///
/// Judged when a run reads decision exports and activity logs together: the decisions'
/// `subject_id` and the logs' `worker_id` name one worker when their ids are the same as
/// written, or the same once full-width forms, invisible characters and look-alike letters
/// are set aside (`WorkerKey`). Applies to every adverse decision, of any type, about a worker
/// the logs name; one without `decided_at` is unknown, and so is one dated without a time (read
/// as local midnight) when an unanswered off-hours contact came that day (`decidedAtDayOnly`:
/// whether it came first is not recorded; a contact of an earlier day is judged). A contact is unanswered at the decision
/// when the worker did nothing of their own outside scheduled time between the contact and the
/// decision (working the next morning is no answer given off-hours: the right to disconnect is
/// the right to wait for it); it is off-hours when sent outside the schedule (`activity.schedule`). The
/// finding cites the latest such contact before the decision: its time, channel, and whether it
/// asked for a reply. Does not say the contact caused the decision (the log does not say why
/// the employer decided): it is evidence for the employer to answer. Decisions about workers
/// the logs do not name are not applicable.
public struct DecisionAfterUnansweredContact: Sendable {
    public static let descriptor = CheckDescriptor(
        id: "DC-02",
        severity: .warning,
        titleEnglish: "Adverse decision after an unanswered off-hours contact",
        titleChinese: "劳动者未回复工作时间以外的联系后作出的不利决定",
        legalBasis: Instruments.rightToDisconnect,
        notRecordedIsViolation: false,
        notes: [
            CheckNote(jurisdictions: ["AU"],
                      english: "Australia (Fair Work Act s 333M) lets employees refuse unreasonable out-of-hours contact; adverse action for doing so may be adverse action for exercising a workplace right.",
                      chinese: "澳大利亚《公平工作法》第333M条允许雇员拒绝不合理的工作时间外联系；因此而受到不利对待，可能构成因行使工作场所权利而受到的不利行为。"),
            CheckNote(jurisdictions: [],
                      english: "The decision followed the contact in time; the logs do not say it followed from it. A finding is for the employer to answer.",
                      chinese: "该决定在时间上发生于联系之后；日志并不能说明二者存在因果关系。本项发现需由用人单位作出说明。"),
        ]
    )

    static let withinDays = CheckSetting<Int>("within_days", default: 7, help: "a decision this many days or fewer after the contact is flagged",
                                              helpChinese: "联系之后此天数以内作出的决定将被标记",
                                              validate: { value in Int(value).map { (1...366).contains($0) ? nil : "within_days must be from 1 to 366" } ?? nil })
    public static let parameters: [CheckParameter] = [withinDays.declaration]

    public let withinDays: Int

    public init(parameters: CheckParameters = CheckParameters()) {
        withinDays = Self.withinDays.value(in: parameters)
    }

    public static func validate(_ parameters: CheckParameters) -> String? { nil }

    /// The detail when the latest unanswered off-hours contact before a decision at
    /// `decidedAt` is recent enough; nil when there is none or it is older.
    public func judge(decidedAt: Int64, type: DecisionType, latestContact: (start: Int64, channel: ActivityChannel, replyRequested: Bool)?,
                      calendar: LocalCalendar) -> FindingDetail? {
        guard let contact = latestContact, contact.start < decidedAt, decidedAt - contact.start <= Int64(withinDays) * 86_400 else { return nil }
        return .decisionAfterUnansweredContact(type: type, contactAt: calendar.localTime(contact.start), channel: contact.channel.rawValue,
                                               replyRequested: contact.replyRequested, hoursBefore: Int((decidedAt - contact.start) / 3600),
                                               withinDays: withinDays)
    }
}
