import Foundation

/// Working time from the activity logs: the schedule the logs were judged by, and over all
/// workers the hours active, the part outside the schedule, the employer's off-hours
/// contacts and the worker's answers, weeks without a rest day, and workers whose off-hours
/// work recurs. Per worker and week the same figures are in worktime.csv. None when the run
/// read no activity log.
enum WorkTimeSection: ReportSectionBuilder {
    static let place = 15

    static func sections(_ context: ReportContext) -> [ReportSection] {
        guard let work = context.result.workTime else { return [] }
        let t = context.t
        let spread = ReportTable(kind: "work-time-spread",
                                 headers: [[.words(t.pick("Off-hours time a week, on average over the worker's active weeks", "劳动者有活动各周平均每周的工作时间以外时长"))],
                                           [.words(t.pick("Workers", "劳动者"))]],
                                 numeric: [1], rows: zip(Self.binNames(t), work.workersByWeeklyOffHours).map { [[.words($0)], [.words(String($1))]] })
        let table = ReportTable(kind: "work-time", headers: [[.words(t.pick("Figure", "指标"))], [.words(t.pick("Value", "数值"))]],
                                numeric: [1], rows: totalsRows(work, t).map { [[.words(t.pick($0.0, $0.1))], [.words($0.2)]] })
        var blocks: [ReportBlock] = [.paragraph([.words(schedule(work, t))]), .table(table)]
        if let places = placesTable(work, t) {
            blocks += [.paragraph([.words(t.pick(
                "Where the workers work, as the logs' site column names it: each worker's days and hours are local to the zone of the place of the worker's first event, and judged by the law there, on China's official working calendar in China when the schedule's calendar is auto (a place admaudit does not know, by the pipeline's zone, calendar and jurisdictions).",
                "劳动者的工作地点（按日志中的地点列）：每名劳动者的日期与时刻按其第一条事件所在地点的时区计算，并按当地法律判断；排定日历为 auto 时，在中国的地点采用国务院公布的工作日历（无法识别的地点按审计配置的时区、日历与法域判断）。"))]),
                       .table(places)]
        }
        blocks += groupBlocks(work, context)
        return [ReportSection(id: "work-time", heading: [.words(t.pick("Working time from the activity logs", "活动日志中的工作时间"))],
                              blocks: blocks + [
                                       .table(spread),
                                       .chart(.hourOfWeek(work.offHoursByHourOfWeek), caption: t.pick(
                                           "Off-hours activity of all workers by local hour of the week (darker: more hours).",
                                           "全部劳动者在工作时间以外的活动，按一周中的本地小时统计（颜色越深，小时数越多）。")),
                                       .paragraph([.words(t.pick(
                                           "Per worker and week: worktime.csv. Message and document contents are not needed and were not read: only who, when, where and who acted.",
                                           "每名劳动者每周的数据见 worktime.csv。消息与文档内容既无需要也未读取：只读取何人、何时、何渠道及由谁发起。"))],
                                                  style: .caveat)])]
    }

    /// The totals table's rows: English, Chinese, value.
    static func totalsRows(_ work: WorkTimeResult, _ t: ReportText) -> [(String, String, String)] {
        let totals = work.totals
        let hours = { (seconds: Int64) in String(format: "%.1f", Double(seconds) / 3600) }
        let share = totals.activeSeconds > 0 ? ReportNumber.rate(Double(totals.offHoursSeconds) / Double(totals.activeSeconds)) : "—"
        var rows: [(String, String, String)] = [
            ("Workers in the logs", "日志中的劳动者", "\(totals.workers)"),
            ("Events counted", "计入的事件", "\(work.events)"),
            ("Worker-weeks", "劳动者·周", "\(totals.workerWeeks)"),
            ("Hours active (sessions of the worker's own events)", "在线工作小时（劳动者本人事件构成的时段）", hours(totals.activeSeconds)),
            ("Of them outside scheduled time", "其中在排定工作时间以外", "\(hours(totals.offHoursSeconds)) (\(share))"),
            ("Employer contacts outside scheduled time", "工作时间以外的用人单位联系", "\(totals.offHoursContacts)"),
            ("… of them asking for a reply", "……其中要求回复的", "\(totals.offHoursContactsExpectingReply)"),
            ("… of them answered by the worker outside scheduled time (asked or not)", "……其中劳动者在工作时间以外回复的（无论是否要求回复）",
             "\(totals.answeredOffHours)"),
            ("Worker-weeks with no day free of activity (WT-03)", "没有一天无活动的劳动者·周（WT-03）", "\(totals.weeksWithoutRestDay)"),
            ("Worker-weeks with a day's overtime over \(work.schedule.dailyOvertimeHours) h (the schedule's limit; WT-02 under Chinese law)",
             "有一天加班超过 \(work.schedule.dailyOvertimeHours) 小时的劳动者·周（排定的限额；中国法下见 WT-02）", "\(totals.weeksOverDailyOvertimeLimit)"),
            ("Workers with an hour or more of off-hours activity in at least half their active weeks", "至少一半活跃周有一小时以上工作时间外活动的劳动者",
             "\(totals.workersWithRecurringOffHours)"),
        ]
        // Of the workers the Directive judges (WT-05's weeks), not of every worker in the logs.
        if let rest = work.tallies.first(where: { $0.descriptor.id == "WT-05" && $0.applicable > 0 }) {
            rows.append(("Worker-weeks judged by the Working Time Directive with 24 hours holding no 11 hours' rest (Art. 3)",
                         "按《工作时间指令》判断、有 24 小时内没有 11 小时休息的劳动者·周（第3条）", "\(rest.violations) / \(rest.applicable)"))
        }
        if work.workersByHoursSystem[HoursSystem.allCases.firstIndex(of: work.schedule.hoursSystem)!] < totals.workers {
            let names = [t.pick("standard", "标准工时制"), t.pick("comprehensive", "综合计算工时制"), t.pick("flexible", "不定时工作制")]
            rows.append(("Workers by the hours system their rows name (the strictest where they name several)", "按日志行所写工时制度统计的劳动者（写有多种时取最严格者）",
                         zip(names, work.workersByHoursSystem).filter { $0.1 > 0 }.map { "\($0.0) \($0.1)" }.joined(separator: t.pick(", ", "，"))))
        }
        if let pay = work.overtimePayEstimate {
            let wage = work.schedule.hourlyWage.map(WorkTimeCSV.money)
            let (atEnglish, atChinese) = !work.wageColumn ? ("at \(wage ?? "") an hour", "按每小时 \(wage ?? "")")
                : ("at each worker's wage in the logs (\(work.workersWithWage) of \(totals.workers) workers\(work.workersWithWage == totals.workers ? wage.map { ", at least \($0) an hour" } ?? "" : wage.map { ", at least \($0) an hour; the others at \($0)" } ?? "; none for the others")\(work.workersWithVaryingWage > 0 ? "; \(work.workersWithVaryingWage) workers' rows give more than one wage, the highest is used" : ""); a month's wage read as 174 hours)",
                   "按日志所载各劳动者的工资（\(totals.workers) 人中 \(work.workersWithWage) 人\(work.workersWithWage == totals.workers ? wage.map { "，每小时不低于 \($0)" } ?? "" : wage.map { "，每小时不低于 \($0)；其余按每小时 \($0)" } ?? "；其余无工资数据")\(work.workersWithVaryingWage > 0 ? "；\(work.workersWithVaryingWage) 人的日志行写有不止一种工资，取最高者" : "")；月工资按 174 小时折算）")
            rows.append(("Overtime pay the activity implies \(atEnglish) (150 % on working days, 200 % on rest days, 300 % on statutory holidays; a floor under comprehensive hours, and where the calendar knows no statutory holiday)",
                         "\(atChinese)计算的加班工资估计（工作日 150%，休息日 200%，法定节假日 300%；综合计算工时制下及日历未载法定节假日之处为下限）",
                         WorkTimeCSV.money(pay)))
        }
        return rows
    }

    /// Per protected attribute the logs give: the share of each group's workers whose
    /// off-hours work recurs, with its interval, its ratio to the reference group's and the
    /// flag, and the group's mean off-hours time a week with a Mann–Whitney test against the rest.
    static func groupBlocks(_ work: WorkTimeResult, _ context: ReportContext) -> [ReportBlock] {
        let t = context.t
        guard !work.byGroup.isEmpty else { return [] }
        var blocks: [ReportBlock] = [.paragraph([.words(t.pick(
            "By group (a worker's group is that of the worker's first row): the share of workers whose off-hours work recurs (an hour or more in at least half their active weeks), its 95% Wilson interval and its ratio to the reference group's share (the group whose work recurs least); the flag applies the four-fifths rule to the shares whose work does not recur. Then each group's mean off-hours time a week, and a Mann–Whitney test of the workers' means against the other groups' workers.",
            "按群体（劳动者所属群体以其第一条记录为准）：工作时间以外的工作反复出现（在至少一半有活动的周中每周一小时以上）的劳动者比例、其 95% Wilson 区间，以及与参照群体（反复出现比例最低者）比例之比；标记按五分之四规则判断未反复出现的比例。随后为各群体平均每周工作时间以外的时长，以及劳动者平均值与其他群体劳动者的 Mann–Whitney 检验。")
            + (work.workersGroupedFromDecisions > 0
               ? t.pick(" \(work.workersGroupedFromDecisions) workers' groups, which their logs do not give, are those their decisions in the decision exports agree on.",
                        "其中 \(work.workersGroupedFromDecisions) 名劳动者的群体在日志中未载明，取自决定数据中各条决定一致所载的群体。") : "")
            + (work.workersWithDisagreeingDecisionGroups > 0
               ? t.pick(" \(work.workersWithDisagreeingDecisionGroups) workers' decisions disagree on their group: it stays unknown.",
                        "另有 \(work.workersWithDisagreeingDecisionGroups) 名劳动者的各条决定所载群体不一致，仍计为未知。") : ""))])]
        for figures in work.byGroup {
            let stratum = figures.recurring
            let rows: [[ReportInline]] = stratum.groups.indices.map { index in
                let group = stratum.groups[index]
                return ReportTable.groupRow([.input(figures.shownNames[index])], suppressed: group.suppressed, kept: 1) {
                    let share = group.n > 0 ? 1 - group.selectionRate : 0
                    let interval = group.selectionInterval.map { Interval(lower: 1 - $0.upper, upper: 1 - $0.lower) }
                    let mean = figures.meanWeeklyOffHoursMinutes[index].map { ReportNumber.fixed($0 / 60) } ?? "—"
                    return [[.words(String(group.n))], [.words(ReportNumber.rate(share) + " " + ReportNumber.rateInterval(interval))],
                            [context.ratio(group.adverseRateRatio)], [.words(mean)],
                            [.words(ReportNumber.pValue(figures.mannWhitney[index]?.p))], [.words(t.flag(group.flag))]]
                }
            }
            blocks.append(.table(ReportTable(kind: "work-time-groups", headers: [
                [.words(t.pick("Group: ", "群体：")), .input(stratum.attribute)], [.words(t.pick("Workers", "劳动者"))],
                [.words(t.pick("Recurring off-hours work (95% CI)", "反复出现工作时间外工作（95% 区间）"))],
                [.words(t.pick("Ratio to the reference", "与参照群体之比"))],
                [.words(t.pick("Mean off-hours hours a week", "平均每周工作时间外小时数"))],
                [.words(t.pick("Mann–Whitney p", "Mann–Whitney p 值"))], [.words(t.pick("Flag", "标记"))],
            ], numeric: [1, 2, 3, 4, 5], rows: rows)))
        }
        return blocks
    }

    /// The places the logs named, with their law, zone and workers; nil when they named none.
    static func placesTable(_ work: WorkTimeResult, _ t: ReportText) -> ReportTable? {
        let rows: [[ReportInline]] = zip(work.places, work.workersByPlace).filter { $0.1 > 0 }.map { place, workers in
            [place.name.isEmpty ? [.words(t.pick("(none named)", "（未写明）"))] : [.input(place.name)],
             [.words(place.jurisdiction ?? t.pick("the pipeline's", "按审计配置"))], [.code(place.timeZone)], [.words(String(workers))]]
        }
        guard work.places.count > 1, !rows.isEmpty else { return nil }
        let several: [[ReportInline]] = work.workersNamingSeveralPlaces == 0 ? [] : [[
            [.words(t.pick("Workers whose rows name more than one place: judged under every jurisdiction of the run, in the zone of their first row's place",
                           "日志行写有多个地点的劳动者：按本次审计的全部法域判断，时区以其第一条记录的地点为准"))],
            [.words("")], [.words("")], [.words(String(work.workersNamingSeveralPlaces))]]]
        return ReportTable(kind: "work-time-places",
                           headers: [[.words(t.pick("Place", "地点"))], [.words(t.pick("Jurisdiction", "法域"))],
                                     [.words(t.pick("Time zone", "时区"))], [.words(t.pick("Workers", "劳动者"))]],
                           numeric: [3], rows: rows + several)
    }

    /// The bins of `WorkTimeResult.weeklyOffHoursBins`, named.
    static func binNames(_ t: ReportText) -> [String] {
        [t.pick("none", "无"), t.pick("under 1 h", "不足 1 小时"), t.pick("1–3 h", "1–3 小时"), t.pick("3–6 h", "3–6 小时"),
         t.pick("6–10 h", "6–10 小时"), t.pick("10 h or more", "10 小时及以上")]
    }

    /// The schedule in a sentence: hours, days, calendar, hours system, the session gap.
    static func schedule(_ work: WorkTimeResult, _ t: ReportText) -> String {
        let schedule = work.schedule
        let clock = WorkSchedule.clock
        let days = schedule.workDays.sorted().map {
            t.pick(WorkSchedule.dayNames[$0 - 1], ["周一", "周二", "周三", "周四", "周五", "周六", "周日"][$0 - 1])
        }.joined(separator: t.pick(" ", "、"))
        let system: String = switch schedule.hoursSystem {
        case .standard: t.pick("standard", "标准工时制")
        case .comprehensive: t.pick("comprehensive (judged over the period)", "综合计算工时制")
        case .flexible: t.pick("flexible (no daily or weekly limit)", "不定时工作制")
        }
        let calendar = work.usesChinaCalendar
            ? t.pick("China's official working calendar (holidays and make-up working days)", "国务院公布的工作日历（节假日与调休上班日）")
            : t.pick("the plain working week", "普通工作周")
        return t.pick(
            "Judged against \(clock(schedule.workStart))–\(clock(schedule.workEnd)) on \(days), by \(calendar); \(system) hours; "
                + "events less than \(schedule.sessionGapMinutes) minutes apart make one session, and an event with no end counts \(schedule.eventMinutes) minute(s). "
                + "Limits: \(schedule.dailyHours) h a day, \(schedule.weeklyHours) h a week, overtime \(schedule.dailyOvertimeHours) h a day.",
            "按 \(days) 的 \(clock(schedule.workStart))–\(clock(schedule.workEnd)) 判断，采用\(calendar)；工时制度：\(system)；"
                + "相隔不足 \(schedule.sessionGapMinutes) 分钟的事件合为一个时段，没有结束时间的事件计 \(schedule.eventMinutes) 分钟。"
                + "限额：每日 \(schedule.dailyHours) 小时，每周 \(schedule.weeklyHours) 小时，每日加班 \(schedule.dailyOvertimeHours) 小时。")
    }
}
