/// WT-01: the employer contacted the worker outside scheduled time asking for a reply (the
/// right to disconnect).
///
/// Judged per worker and ISO week of the activity logs: a week is a violation when it holds
/// at least one contact (direction `contact`) sent outside scheduled time with
/// `reply_requested` yes; every week of the worker's in the logs is applicable. The finding
/// gives the week's off-hours contacts, those asking for a reply, and those the worker
/// answered outside scheduled time (`WorkWeek`). Does not flag contacts that ask for no reply
/// (they are counted in worktime.csv), contacts within scheduled time, or the worker's own
/// messages; scheduled time is the pipeline's `activity.schedule`, not each worker's roster.
public struct OffHoursContactExpectingReply: WorkTimeCheck {
    public static let descriptor = CheckDescriptor(
        id: "WT-01",
        severity: .warning,
        titleEnglish: "Contact outside working hours expecting a reply",
        titleChinese: "在工作时间以外联系劳动者并要求回复",
        legalBasis: Instruments.rightToDisconnect,
        notRecordedIsViolation: false,
        notes: [
            CheckNote(jurisdictions: ["CN"],
                      english: "China has no statutory right to disconnect: courts weigh off-hours online work as overtime (how often, how long, on what work), and the literature argues from Labour Law Art. 36 and 41 and Civil Code Art. 1032, so those citations are a reading, not a rule.",
                      chinese: "中国尚无法定的离线权：法院将工作时间以外的线上工作按加班认定（考量频率、时长与工作内容），文献据《劳动法》第36条、第41条及《民法典》第1032条加以论证，因此这些引用是一种解读，而非明文规则。"),
            CheckNote(jurisdictions: ["AU"],
                      english: "Australia (Fair Work Act s 333M, from 2024-08-26, small businesses from 2025-08-26) lets employees refuse unreasonable out-of-hours contact; it does not forbid the contact as such.",
                      chinese: "澳大利亚《公平工作法》第333M条（2024-08-26起，小企业2025-08-26起）允许雇员拒绝不合理的工作时间外联系，并未禁止联系本身。"),
            CheckNote(jurisdictions: [],
                      english: "A finding is evidence of out-of-hours contact in the employer's own log, judged against the pipeline's schedule, not each worker's roster.",
                      chinese: "本项发现是用人单位自己日志中工作时间外联系的证据，按审计配置设定的工作时间判断，而非每名劳动者的排班。"),
        ]
    )

    public init(parameters: CheckParameters = CheckParameters()) {}

    public func judge(weeks: ArraySlice<WorkWeek>, months: ArraySlice<WorkMonth>, schedule: WorkSchedule, worker: String) -> RunCheckOutcome {
        let violations = weeks.filter { $0.offHoursContactsExpectingReply > 0 }.map { week in
            RunCheckOutcome.Violation(subject: .worker(worker), detail: .offHoursContacts(
                monday: week.monday, contacts: week.offHoursContacts, expectingReply: week.offHoursContactsExpectingReply, answered: week.answeredOffHours))
        }
        return RunCheckOutcome(applicable: weeks.count, violations: violations)
    }
}
