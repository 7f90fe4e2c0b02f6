/// A column of an activity log: one row per event (a message, a login, a session, an edit).
/// Content text is never a column: the log's message bodies are not needed and not read.
public enum ActivityField: String, CaseIterable, Sendable {
    case workerID = "worker_id"
    case startedAt = "started_at"
    case endedAt = "ended_at"
    case durationMinutes = "duration_minutes"
    case channel
    case direction
    case replyRequested = "reply_requested"
    /// Where the worker works (a city, a country, an office): its time zone and its law.
    case site
    /// The worker's hours system (`HoursSystem`), where the employer's export records it.
    case hoursSystem = "hours_system"
    /// Who acted (an id): the worker (the worker's own action) or anyone else (a contact to
    /// the worker). Read where a row's direction is not given.
    case actorID = "actor_id"
    /// The worker's wage an hour, or a month (read as an hour's at China's 21.75 days of
    /// 8 hours a month), for the overtime pay estimate in place of `schedule.hourly_wage`.
    case hourlyWage = "hourly_wage"
    case monthlyWage = "monthly_wage"

    /// The columns without which a row is no event: whose, and when.
    public static let required: [ActivityField] = [.workerID, .startedAt]

    /// Position in `allCases`, for an array lookup on the hot path (a dictionary keyed by the
    /// field hashes it on every row).
    package var ordinal: Int {
        switch self {
        case .workerID: 0
        case .startedAt: 1
        case .endedAt: 2
        case .durationMinutes: 3
        case .channel: 4
        case .direction: 5
        case .replyRequested: 6
        case .site: 7
        case .hoursSystem: 8
        case .actorID: 9
        case .hourlyWage: 10
        case .monthlyWage: 11
        }
    }
}

/// Where an event happened.
public enum ActivityChannel: String, CaseIterable, Sendable {
    case chat, email, phone, login, task, document, other
}

/// Who acted: the employer contacting the worker, or the worker acting or replying.
public enum ActivityDirection: String, CaseIterable, Sendable {
    /// Employer → worker: a message, a call, a task assigned.
    case contact
    /// The worker working: a login, an edit, a message sent unprompted.
    case action
    /// The worker answering a contact.
    case reply
    /// An attendance punch (打卡): the worker clocking in, and out. A clock-in and the next
    /// clock-out within `WorkTimeLedger.longestShift` are one session, however far apart.
    case clockIn = "clock_in"
    case clockOut = "clock_out"
}

/// How working time is organised (工时制度): the standard system is judged day by day; the
/// comprehensive system (综合计算工时) over its period, so a long day alone is not overtime;
/// flexible hours (不定时工作制) have no daily or weekly limit.
public enum HoursSystem: String, CaseIterable, Sendable, BitwiseCopyable {
    case standard, comprehensive, flexible

}

/// `activity:` in a pipeline: how to read activity logs, inputs beside the decision exports
/// whose header names a worker and a time (`ActivityField.required`) and no decision.
public struct ActivitySettings: Sendable {
    /// Field → header synonyms (the pipeline's first, then the built-ins).
    public var columns: [ActivityField: [String]] = [:]
    /// Spellings of channels and directions (the pipeline's first, then the built-ins).
    public var channels: [(ActivityChannel, [String])] = BuiltinActivityVocabulary.channels
    public var directions: [(ActivityDirection, [String])] = BuiltinActivityVocabulary.directions
    public var hoursSystems: [(HoursSystem, [String])] = BuiltinActivityVocabulary.hoursSystems
    /// How the logs write dates, where they write them otherwise than the decision exports
    /// (`input.date_order`); nil: as those.
    public var dateOrder: DateOrder? = nil
    public var schedule = WorkSchedule()

    public init() {
        // Who acted is read only where a pipeline names the column (`init` does when the column
        // holds the workers' own ids): a column of names would make every event a contact.
        for (field, headers) in BuiltinActivityVocabulary.columns where field != .actorID { columns[field] = headers }
    }
}

/// The working schedule activity is judged against: the same for every worker of the run.
public struct WorkSchedule: Sendable, Equatable {
    /// Seconds of the local day, [workStart, workEnd).
    public var workStart = 9 * 3600
    public var workEnd = 18 * 3600
    /// ISO weekdays, 1 Monday … 7 Sunday.
    public var workDays: Set<Int> = [1, 2, 3, 4, 5]
    public var calendar: CalendarChoice = .auto
    public var hoursSystem: HoursSystem = .standard
    /// Whether the log's `hours_system` column may lift limits: a system the rows name that
    /// differs from `hoursSystem` counts only when this is set (the inspector has seen the
    /// labour bureau's approval); otherwise the export's label cannot take a worker out of the
    /// daily limits.
    public var trustHoursColumn = false
    /// Events closer than this join one session of work.
    public var sessionGapMinutes = 15
    /// An event with no end or duration (a message) counts as this many minutes of work.
    public var eventMinutes = 1
    /// The legal limits (China's by default: the State Council's 8 hours a day and 40 a week,
    /// Labour Law Art. 41's overtime of at most 3 hours a day and 36 a month).
    public var dailyHours = 8
    public var weeklyHours = 40
    public var dailyOvertimeHours = 3
    public var monthlyOvertimeHours = 36
    /// The hourly wage (in the employer's currency), for an estimate of the overtime pay the
    /// activity implies (`overtimePay`); nil: no estimate.
    public var hourlyWage: Double? = nil
    /// Local day numbers added as days off, as working days (make-up days), and as statutory
    /// holidays (days off worked at 300 %: a year the built-in calendar does not hold yet).
    public var holidays: Set<Int64> = []
    public var makeUpWorkdays: Set<Int64> = []
    public var statutoryHolidays: Set<Int64> = []

    public enum CalendarChoice: String, CaseIterable, Sendable {
        /// China's official calendar when the audit's jurisdictions are CN alone, else the plain week.
        case auto
        case china
        case week
    }

    public init() {}

    /// The working calendar for a run under `jurisdictions` (`checks.jurisdictions`).
    public func workingCalendar(jurisdictions: [String]) -> WorkingCalendar {
        let china: Bool
        switch calendar {
        case .china: china = true
        case .week: china = false
        case .auto: china = jurisdictions == ["CN"]
        }
        var base = china ? WorkingCalendar.china : WorkingCalendar()
        base.workDays = workDays
        return base.adding(holidays: holidays, makeUpWorkdays: makeUpWorkdays, statutoryHolidays: statutoryHolidays)
    }

    /// `HH:MM` (00:00 to 23:59, or 24:00) as seconds since midnight.
    public static func secondOfDay(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 5, bytes[2] == UInt8(ascii: ":") else { return nil }
        let digits = [bytes[0], bytes[1], bytes[3], bytes[4]]
        guard digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        let values = digits.map { Int($0 - UInt8(ascii: "0")) }
        let hour = values[0] * 10 + values[1], minute = values[2] * 10 + values[3]
        guard minute < 60, hour < 24 || (hour == 24 && minute == 0) else { return nil }
        return hour * 3600 + minute * 60
    }

    /// The days' names, Monday first, as pipelines write them.
    public static let dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// ISO weekday of a day name (`mon` … `sun`, any case).
    public static func weekday(_ name: String) -> Int? {
        dayNames.firstIndex(of: name.lowercased()).map { $0 + 1 }
    }

    /// Seconds of the day as `HH:MM`, as pipelines write them.
    public static func clock(_ seconds: Int) -> String {
        LocalCalendar.two(seconds / 3600) + ":" + LocalCalendar.two(seconds / 60 % 60)
    }

    /// Labour Law Art. 44's multipliers the estimate uses: 150 % for overtime on working days
    /// (and past the week's limit), 200 % on rest days, 300 % on statutory holidays (the
    /// calendar's `statutoryHolidays`; outside the years it holds, a holiday is paid as a rest day).
    public static let workdayOvertimeMultiplier = 1.5
    public static let dayOffMultiplier = 2.0
    public static let statutoryHolidayMultiplier = 3.0

    /// A month's wage as an hour's: China's rule (劳社部发〔2008〕3号) of 21.75 paid days a
    /// month, 8 hours a day.
    public static let hoursPerMonth = 21.75 * 8

    /// The system a worker is judged under whose rows name `named` (bits of
    /// `HoursSystem.allCases`): the schedule's when they name none, or only it; the one they
    /// name when `trustHoursColumn`; otherwise, and when they name several, standard hours,
    /// under which every limit applies (no system is stricter than another in every check:
    /// comprehensive hours lift the weekly rest day, flexible hours the overtime limits).
    public func system(named: UInt8) -> HoursSystem {
        let own = UInt8(1) << UInt8(HoursSystem.allCases.firstIndex(of: hoursSystem)!)
        if named == 0 || named == own { return hoursSystem }
        if trustHoursColumn, named.nonzeroBitCount == 1 { return HoursSystem.allCases[named.trailingZeroBitCount] }
        return .standard
    }

    /// Scheduled seconds of one working day.
    public var scheduledSecondsPerDay: Int { max(workEnd - workStart, 0) }
}

/// The activity logs' words admaudit knows without being told, English and Chinese.
public enum BuiltinActivityVocabulary {
    public static let columns: [(ActivityField, [String])] = [
        (.workerID, ["worker_id", "employee_id", "staff_id", "user_id", "rider_id", "driver_id", "worker", "employee",
                     "employee number", "employee_number", "employee no", "employee_no", "emp no", "emp_no", "emp id", "emp_id",
                     "staff number", "staff no", "badge", "badge id", "badge number", "payroll number", "payroll id",
                     "员工编号", "员工工号", "工号", "员工ID", "用户ID", "骑手编号", "司机编号", "员工",
                     // A login or VPN log names the worker's account.
                     "account", "account_id", "username", "user name", "login account", "login name", "账号", "账户", "用户名",
                     "登录账号", "员工账号", "登录名", "用户账号", "域账号", "VPN账号"]),
        (.startedAt, ["started_at", "start_time", "start", "started", "begin", "event_time", "timestamp", "sent_at", "sent", "sent time",
                      "date_time", "datetime", "time", "login_time", "login", "logged_in", "occurred_at", "created_at",
                      "timestamp_utc", "timestamp (utc)", "time_utc", "datetime_utc", "sent_at_utc", "event_time_utc", "created_at_utc",
                      "开始时间", "开始", "发送时间", "事件时间", "时间", "登录时间", "登入时间", "上线时间", "发生时间", "消息时间", "创建时间",
                      // An attendance export's clock-in, where a row is a day's punches with their dates.
                      "clock_in", "clock in", "clock-in", "clock in time", "clock-in time", "check_in_time", "check in time", "check-in time",
                      "punch_in", "punch in", "punch-in time", "time_in", "time in",
                      "上班打卡时间", "上班1打卡时间", "上班打卡", "签到时间", "打卡开始",
                      // A punch export's one time column.
                      "punch time", "punch_time", "clock time", "clock_time", "打卡时间"]),
        (.endedAt, ["ended_at", "end_time", "end", "ended", "finish", "finished_at", "logout_time", "logout", "logged_out",
                    "结束时间", "结束", "退出时间", "登出时间", "下线时间",
                    "clock_out", "clock out", "clock-out", "clock out time", "clock-out time", "check_out_time", "check out time", "check-out time",
                    "punch_out", "punch out", "punch-out time", "time_out", "time out",
                    "下班打卡时间", "下班1打卡时间", "下班打卡", "签退时间", "打卡结束"]),
        (.durationMinutes, ["duration_minutes", "duration_min", "duration (min)", "duration (minutes)", "minutes", "duration", "时长(分钟)", "时长（分钟）", "时长", "持续分钟", "分钟数"]),
        // The medium first: a chat export's `channel` may be a room (`#ops-berlin`), not the medium.
        (.channel, ["platform", "app", "application", "tool", "medium", "channel", "message type", "event type", "source",
                    "平台", "应用", "渠道", "消息类型", "事件类型", "来源"]),
        (.direction, ["direction", "方向", "流向",
                      // An attendance export's punch type: in or out.
                      "punch type", "punch_type", "clock type", "clock_type", "punch direction", "in/out", "in_out", "打卡类型", "签到类型"]),
        (.replyRequested, ["reply_requested", "requires_reply", "needs_reply", "reply_required", "reply_expected", "response_required",
                           "response_requested", "response_expected", "needs_response", "requires_response", "reply_needed",
                           "是否需回复", "需回复", "要求回复", "是否要求回复", "需要回复", "是否需要回复"]),
        // Finest first: where a log has two place columns, the earlier synonym's is read.
        (.site, ["site", "office", "work_site", "workplace", "office location", "work_location", "work location", "location", "office city",
                 "work city", "location city", "city", "country",
                 "工作地点", "办公地点", "办公室", "站点", "工作地", "地点", "工作城市", "办公城市", "所在城市", "城市", "所在地", "国家"]),
        // Ids before names: a name is never the worker's id, and would make every event a contact.
        (.actorID, ["actor_id", "sender_id", "operator_id", "initiator_id", "发起人工号", "操作人工号", "发送人工号", "发件人工号", "创建人工号",
                    "actor", "initiated_by", "initiated by", "sender", "operator", "created_by", "发起人", "操作人", "发送人", "发件人", "创建人"]),
        (.hoursSystem, ["hours_system", "working_hours_system", "working_time_system", "work_hours_system",
                        "working time arrangement", "working time type", "working time model", "working hours type", "work time model",
                        "工时制度", "工时制", "工时类型", "工作时间制度", "用工工时制度"]),
        (.hourlyWage, ["hourly_wage", "hourly wage", "hourly_rate", "hourly rate", "wage_per_hour", "pay_per_hour", "hourly_pay", "rate per hour",
                       "时薪", "小时工资", "每小时工资", "小时工资标准", "计时工资标准"]),
        (.monthlyWage, ["monthly_wage", "monthly wage", "monthly_salary", "monthly salary", "monthly_pay", "monthly pay", "base_salary",
                        "base salary", "basic_salary", "basic salary", "月工资", "月薪", "月基本工资", "基本工资", "工资基数", "加班工资基数",
                        "月工资标准", "月标准工资"]),
    ]

    public static let hoursSystems: [(HoursSystem, [String])] = [
        (.standard, ["standard", "standard hours", "regular", "fixed", "标准工时", "标准工时制", "标准", "标准工作制", "固定工时"]),
        (.comprehensive, ["comprehensive", "comprehensive hours", "comprehensive working hours", "averaged", "综合计算工时", "综合计算工时制",
                          "综合工时", "综合工时制", "综合"]),
        (.flexible, ["flexible", "flexible hours", "irregular", "irregular hours", "不定时", "不定时工作制", "不定时工时制",
                     "不定时工时"]),
    ]

    public static let channels: [(ActivityChannel, [String])] = [
        (.chat, ["chat", "message", "im", "instant message", "wechat", "weixin", "wecom", "dingtalk", "ding", "feishu", "lark", "teams",
                 "slack", "whatsapp", "微信", "企业微信", "钉钉", "飞书", "消息", "聊天", "即时消息", "群消息"]),
        (.email, ["email", "e-mail", "mail", "outlook", "邮件", "电子邮件", "邮箱"]),
        (.phone, ["phone", "call", "phone call", "voice call", "video call", "电话", "通话", "来电", "语音通话", "视频通话"]),
        (.login, ["login", "log in", "logon", "vpn", "session", "remote login", "登录", "登陆", "远程登录", "vpn登录", "在线"]),
        (.task, ["task", "system task", "assignment", "ticket", "order", "任务", "派单", "工单", "系统任务", "派活", "订单"]),
        (.document, ["document", "doc", "edit", "document edit", "file", "文档", "编辑", "在线文档", "文档编辑", "文件"]),
        (.other, ["other", "其他", "其它"]),
    ]

    public static let directions: [(ActivityDirection, [String])] = [
        // A log is the worker's account: what it received came from the employer, what it sent is the worker's.
        (.contact, ["contact", "to worker", "to_worker", "employer to worker", "employer_to_worker", "manager to worker", "received",
                    "incoming", "inbound", "inbox", "assigned", "from manager", "from employer", "下发", "收到", "接收", "收件", "上级发送",
                    "主管发送", "领导发送", "经理发送", "公司发送", "上级联系", "主管联系", "领导联系", "发给员工", "派发", "来自公司", "来自上级",
                    "上级发出", "主管发出", "领导发出", "经理发出", "公司发出", "上级发起", "主管发起", "公司下发", "上级下发",
                    // The employer's side speaking, however the log words it.
                    "sent by manager", "manager sent", "sent by supervisor", "supervisor sent", "by manager", "by supervisor",
                    "from supervisor", "from boss", "boss sent", "sent by employer", "employer sent", "manager message",
                    "supervisor to worker", "上级回复", "主管回复", "领导回复", "经理回复"]),
        (.action, ["action", "worker action", "worker_action", "by worker", "worker", "sent", "outgoing", "outbound", "sent items",
                   "员工操作", "操作", "员工发起", "主动", "发送", "发出", "已发送", "员工发送", "本人发送", "本人",
                   "worker to manager", "sent to manager", "发给上级", "发送给上级", "员工发给上级"]),
        (.reply, ["reply", "worker reply", "worker_reply", "response", "answer", "answered", "回复", "答复", "员工回复", "已回复"]),
        // An attendance export's punch type.
        (.clockIn, ["clock in", "clock_in", "clock-in", "clocked in", "punch in", "punch_in", "punch-in", "check in", "check_in", "check-in",
                    "time in", "in", "sign in", "上班", "上班打卡", "签到", "上班签到", "签到打卡", "上班卡"]),
        (.clockOut, ["clock out", "clock_out", "clock-out", "clocked out", "punch out", "punch_out", "punch-out", "check out", "check_out",
                     "check-out", "time out", "out", "sign out", "下班", "下班打卡", "签退", "下班签退", "签退打卡", "下班卡"]),
    ]
}
