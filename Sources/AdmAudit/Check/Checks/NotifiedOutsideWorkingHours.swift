/// DC-01: an adverse decision notified to the worker outside working hours (the right
/// to disconnect).
///
/// Applies to every record with an adverse outcome, of any decision type, automated or
/// not (the right concerns when the worker is contacted, not who decided). Flags the
/// record when `notified_at`, read as a local time in the pipeline's time zone
/// (`input.time_zone`), falls outside working hours: before `work_start` or at or after
/// `work_end` (the window is [work_start, work_end): exactly 09:00 is inside, exactly
/// 18:00 is outside), or on a local day that is not a working day (`work_days`,
/// default Monday to Friday) or is a holiday (`holidays`, ISO dates; a holiday on a
/// weekday is outside working hours all day). Times are local wall-clock times: a
/// notice at 23:30 in Shanghai is on the Shanghai date, whatever the UTC date; with
/// `input.time_zones_by_place`, local to the record's place.
///
/// Decisions in China are judged by the State Council's working calendar
/// (`WorkingCalendar.china`, 2020–2026): its holidays are days off, and its make-up
/// working days (调休, a Saturday or Sunday worked) are working days. A decision is in
/// China when its own `jurisdiction` is CN, or when it has none and the audit's
/// `checks.jurisdictions` is CN alone; `calendar: week` turns this off, `calendar: china`
/// applies it to every record. `holidays` and `workdays` (make-up days) add to either.
///
/// An empty `notified_at` is unknown, not a violation: no rule puts the burden of
/// recording the notice time on the employer. Does not flag favourable outcomes, nor
/// the time the decision was made or took effect (only when the worker was told), nor
/// contact outside the worker's own roster or shift pattern (the pipeline's working
/// hours are the same for every record). If `work_start` is not before `work_end`
/// (the pipeline loader checks each value, not the pair), every record is unknown.
public struct NotifiedOutsideWorkingHours: RecordCheck {
    public static let descriptor = CheckDescriptor(
        id: "DC-01",
        severity: .warning,
        titleEnglish: "Adverse decision notified outside working hours",
        titleChinese: "在工作时间以外通知不利决定",
        legalBasis: Instruments.rightToDisconnect,
        notRecordedIsViolation: false,
        notes: [
            CheckNote(jurisdictions: ["CN"],
                      english: "China has no statutory right to disconnect: it is argued in the literature from Labour Law Art. 36 and 41 (working-time and overtime limits) and Civil Code Art. 1032 (peace of private life), so those citations are a reading, not a rule.",
                      chinese: "中国尚无法定的离线权：文献据《劳动法》第36条、第41条（工作时间与加班限制）及《民法典》第1032条（私人生活安宁）加以论证，因此这些引用是一种解读，而非明文规则。"),
            CheckNote(jurisdictions: ["FR"],
                      english: "France (Code du travail L2242-17) requires employers to negotiate or set rules on disconnection; it does not forbid sending a notice as such.",
                      chinese: "法国《劳动法典》第L2242-17条要求雇主就离线权进行协商或制定规则，并未禁止发送通知本身。"),
            CheckNote(jurisdictions: ["AU"],
                      english: "Australia (Fair Work Act s 333M, from 2024-08-26, small businesses from 2025-08-26) lets employees refuse unreasonable out-of-hours contact; it does not forbid sending a notice as such.",
                      chinese: "澳大利亚《公平工作法》第333M条（2024-08-26起，小企业2025-08-26起）允许雇员拒绝不合理的工作时间外联系，并未禁止发送通知本身。"),
            CheckNote(jurisdictions: [],
                      english: "A finding is evidence of out-of-hours contact, judged against the pipeline's working hours, not each worker's roster.",
                      chinese: "本项发现是工作时间外联系的证据，按审计配置设定的工作时间判断，而非每名劳动者的排班。"),
        ]
    )

    static let workStart = CheckSetting<String>("work_start", default: "09:00",
                                   help: "local time working hours start, HH:MM; a notice at exactly this time is inside",
                                   helpChinese: "工作时间开始的本地时间，HH:MM；恰在此刻的通知属于工作时间内",
                                   validate: { validTime($0) })
    static let workEnd = CheckSetting<String>("work_end", default: "18:00",
                                   help: "local time working hours end, HH:MM (24:00 for midnight), after work_start; a notice at exactly this time is outside",
                                   helpChinese: "工作时间结束的本地时间，HH:MM（午夜写24:00），须晚于 work_start；恰在此刻的通知属于工作时间外",
                                   validate: { validTime($0) })
    static let workDays = CheckSetting<[String]>("work_days", default: ["mon", "tue", "wed", "thu", "fri"],
                                   help: "working days, from mon tue wed thu fri sat sun",
                                   helpChinese: "工作日，取自 mon、tue、wed、thu、fri、sat、sun",
                                   validate: { value in
                                       guard case .list(let days) = value else { return nil }
                                       if days.isEmpty { return "name at least one working day, e.g. [mon, tue, wed, thu, fri]" }
                                       for day in days where weekday(day) == nil {
                                           return "'\(day)' is not a day; use mon, tue, wed, thu, fri, sat or sun"
                                       }
                                       return nil
                                   })
    static let calendar = CheckSetting<String>("calendar", default: "auto",
                                   help: "auto: China's official working calendar (holidays, make-up working days) for decisions in China, the plain working week elsewhere; china: for every decision; week: for none",
                                   helpChinese: "auto：在中国作出的决定按国务院公布的工作日历（节假日、调休上班日）判断，其他地区按普通工作周；china：全部按中国日历；week：全部按普通工作周",
                                   validate: { value in
                                       guard case .text(let text) = value else { return nil }
                                       return ["auto", "china", "week"].contains(text) ? nil : "'\(text)' is not a calendar; use auto, china or week"
                                   })
    static let workdays = CheckSetting<[String]>("workdays", default: [],
                                   help: "days worked although their weekday is not a working day (make-up days), as ISO dates",
                                   helpChinese: "虽非工作日但需上班的日期（调休上班日），ISO日期",
                                   validate: { value in
                                       guard case .list(let dates) = value else { return nil }
                                       for date in dates where AsOfDate(date) == nil {
                                           return "'\(date)' is not a date; write it as YYYY-MM-DD, e.g. 2027-09-26"
                                       }
                                       return nil
                                   })
    static let holidays = CheckSetting<[String]>("holidays", default: [],
                                   help: "public holidays as ISO dates (YYYY-MM-DD), outside working hours all day",
                                   helpChinese: "法定节假日，ISO日期（YYYY-MM-DD），全天属于工作时间外",
                                   validate: { value in
                                       guard case .list(let dates) = value else { return nil }
                                       for date in dates where AsOfDate(date) == nil {
                                           return "'\(date)' is not a date; write holidays as YYYY-MM-DD, e.g. 2027-10-01"
                                       }
                                       return nil
                                   })

    public static let parameters: [CheckParameter] = [workStart.declaration, workEnd.declaration, workDays.declaration, calendar.declaration, workdays.declaration, holidays.declaration]

    /// Seconds of the local day, [start, end).
    public let workStart: Int
    public let workEnd: Int
    /// ISO weekdays, 1 Monday … 7 Sunday.
    public let workDays: Set<Int>
    /// Local day numbers.
    public let holidays: Set<Int64>
    /// The plain working week with the pipeline's days, and China's calendar with them.
    private let week: WorkingCalendar
    private let china: WorkingCalendar
    /// `auto`, `china` or `week`.
    private let calendarChoice: String
    /// Why the settings cannot be used (every record is then unknown).
    public let problem: String?

    public init(parameters: CheckParameters = CheckParameters()) {
        let values = parameters
        let start = Self.secondOfDay(Self.workStart.value(in: values))
        let end = Self.secondOfDay(Self.workEnd.value(in: values))
        workStart = start ?? 0
        workEnd = end ?? 0
        let days = Self.workDays.value(in: values).map { Self.weekday($0) }
        workDays = Set(days.compactMap { $0 })
        let dates = Self.holidays.value(in: values).map { AsOfDate($0) }
        holidays = Set(dates.compactMap { $0.map(LocalCalendar.day(of:)) })
        let workdays = Set(Self.workdays.value(in: values).compactMap { AsOfDate($0).map(LocalCalendar.day(of:)) })
        week = WorkingCalendar(workDays: workDays, holidays: holidays, makeUpWorkdays: workdays)
        var chinese = WorkingCalendar.china.adding(holidays: holidays, makeUpWorkdays: workdays)
        chinese.workDays = workDays
        china = chinese
        calendarChoice = Self.calendar.value(in: values)
        if start == nil || end == nil {
            problem = "work_start or work_end is not a time of day HH:MM"
        } else if workStart >= workEnd {
            problem = "work_start \(Self.workStart.value(in: values)) is not before work_end \(Self.workEnd.value(in: values))"
        } else if days.contains(where: { $0 == nil }) || dates.contains(where: { $0 == nil }) {
            problem = "work_days or holidays hold a value that is not a day"
        } else {
            problem = nil
        }
    }

    public static func validate(_ parameters: CheckParameters) -> String? {
        Self(parameters: parameters).problem
    }

    public func evaluate(_ record: DecisionRecord, context: CheckContext) -> CheckVerdict {
        guard record.outcome == .adverse else { return .notApplicable }
        if problem != nil {
            return .unknown(.unusableSettings)
        }
        guard let notified = record.notifiedAt else {
            return .unknown(.notifiedAtNotRecorded)
        }
        let day = context.calendar.day(of: notified)
        let second = context.calendar.secondOfDay(of: notified)
        let calendar = usesChina(context) ? china : week
        let why: FindingDetail.OffHours
        if let rest = calendar.restReason(day) {
            why = rest == .holiday ? .holiday : .restDay
        } else if second < workStart || second >= workEnd {
            why = .outsideHours
        } else {
            return .compliant
        }
        return .violation(.notifiedOffHours(type: record.decisionType, notifiedAt: context.calendar.localTime(notified), why: why, workStart: workStart, workEnd: workEnd))
    }

    /// China's calendar for a decision made in China (see the type's comment).
    private func usesChina(_ context: CheckContext) -> Bool {
        switch calendarChoice {
        case "china": return true
        case "week": return false
        default: return context.recordJurisdiction.map { $0 == "CN" } ?? (context.jurisdictions == ["CN"])
        }
    }

    /// `HH:MM` as seconds since midnight (`WorkSchedule.secondOfDay`).
    static func secondOfDay(_ text: String) -> Int? { WorkSchedule.secondOfDay(text) }

    /// ISO weekday of a day name (`WorkSchedule.weekday`).
    static func weekday(_ name: String) -> Int? { WorkSchedule.weekday(name) }

    private static func validTime(_ value: ParameterValue) -> String? {
        guard case .text(let text) = value else { return nil }
        return secondOfDay(text) == nil ? "'\(text)' is not a time of day; write HH:MM, e.g. 09:00" : nil
    }

}
