/// A finding's detail and subject in the reader's language: the one catalogue of the
/// sentences checks prove their findings with (findings.csv, the evidence lists). Field
/// names (`human_reviewed`), flags and the export's own values stay as they are in both
/// languages; times show as the record's wall clock with its offset.
extension ReportText {
    func subject(_ subject: FindingSubject) -> String {
        switch subject {
        case .worker(let text): text
        case .reviewer(let label): pick("reviewer \(label)", "复核人 \(label)")
        case .decisions: subject.label
        }
    }

    func detail(_ detail: FindingDetail) -> String {
        // Every kind is named here, so a new kind does not compile until it is routed.
        switch detail {
        case .notReviewed, .reviewNotRecorded, .reviewedBySoftware, .reviewedAfterEffect, .rubberStamp, .notExplained, .explanationNotRecorded:
            reviewDetail(detail)
        case .noAppealRoute, .appealRouteNotRecorded, .appealReviewedBySoftware, .appealReviewerNotRecorded, .appealUnanswered,
             .appealAnsweredLate, .sameAppealReviewer:
            appealDetail(detail)
        case .aiNoticeNotRecorded, .aiNoticeAfterDecision, .aiNoticeTooShort, .timesOutOfOrder, .notifiedOffHours, .keptTooLong, .dismissalKeptTooLong,
             .decisionAfterUnansweredContact:
            timingDetail(detail)
        case .attributeOftenUnknown, .scoreOutOfRange, .placeUnknown, .placeNamesSeveral, .placeOutsideAudit, .placeUnderNoRule, .prohibitedData, .attritionRiskDecision, .attritionIndicators, .unionNotNotified,
             .unionNotificationNotRecorded, .protectedStatusDismissed, .protectedStatusPayCut, .suspectReasons:
            dataDetail(detail)
        case .offHoursContacts, .dailyOvertimeOverLimit, .monthlyOvertimeOverLimit, .noRestDay, .recurringOffHours, .shortDailyRest,
             .averageWeekOverLimit:
            workTimeDetail(detail)
        }
    }

    /// Working time from the activity logs (WT-01 … WT-04): weeks by their Monday.
    private func workTimeDetail(_ detail: FindingDetail) -> String {
        let week = { (monday: Int64) in LocalCalendar.date(ofDay: monday).description }
        let hours = { (minutes: Int) in String(minutes / 60) + (minutes % 60 == 0 ? "" : ":" + (minutes % 60 < 10 ? "0" : "") + String(minutes % 60)) }
        switch detail {
        case let .offHoursContacts(monday, contacts, expecting, answered):
            return pick("week of \(week(monday)): \(contacts) contact\(contacts == 1 ? "" : "s") from the employer outside scheduled time, \(expecting) asking for a reply; the worker answered \(answered) outside scheduled time",
                        "\(week(monday)) 当周：用人单位在工作时间以外联系 \(contacts) 次，其中要求回复 \(expecting) 次；劳动者在工作时间以外回复 \(answered) 次")
        case let .dailyOvertimeOverLimit(monday, days, limit):
            return pick("week of \(week(monday)): on \(days) working day(s) the overtime passed \(limit) hours",
                        "\(week(monday)) 当周：有 \(days) 个工作日的加班超过 \(limit) 小时")
        case let .monthlyOvertimeOverLimit(first, minutes, limit):
            let month = String(LocalCalendar.date(ofDay: first).description.prefix(7))
            return pick("\(month): \(hours(minutes)) hours of overtime, over the monthly limit of \(limit) hours",
                        "\(month)：加班 \(hours(minutes)) 小时，超过每月 \(limit) 小时的上限")
        case let .noRestDay(monday, minutes):
            return pick("week of \(week(monday)): activity on all seven days (\(hours(minutes)) hours), no day of rest",
                        "\(week(monday)) 当周：七天均有工作活动（共 \(hours(minutes)) 小时），没有休息日")
        case let .recurringOffHours(first, last, weeks, active, minutes):
            return pick("off-hours work in \(weeks) of \(active) active weeks, from the week of \(week(first)) to that of \(week(last)), \(hours(minutes)) hours in all",
                        "在 \(active) 个有活动的周中有 \(weeks) 周在工作时间以外工作，自 \(week(first)) 当周至 \(week(last)) 当周，共 \(hours(minutes)) 小时")
        case let .shortDailyRest(monday, stretches, longest):
            return pick("week of \(week(monday)): \(stretches) stretch(es) of work with no 11-hour rest within 24 hours, the longest \(hours(longest)) hours",
                        "\(week(monday)) 当周：有 \(stretches) 段连续工作在 24 小时内没有 11 小时的休息，最长 \(hours(longest)) 小时")
        case let .averageWeekOverLimit(first, last, weeks, mean, limit):
            return pick("from the week of \(week(first)) to that of \(week(last)): \(hours(mean)) hours a week on average over \(weeks) active weeks, over the limit of \(limit)",
                        "自 \(week(first)) 当周至 \(week(last)) 当周：\(weeks) 个有活动的周平均每周 \(hours(mean)) 小时，超过 \(limit) 小时的上限")
        default:
            return routedElsewhere(detail)
        }
    }

    /// Human review and explanation (HR-01, HR-02, HR-03, EX-01).
    private func reviewDetail(_ detail: FindingDetail) -> String {
        switch detail {
        case .notReviewed(let type):
            pick("human_reviewed=no for an adverse \(type.rawValue) decision", "不利的自动化\(type.chineseName)决定未经人工复核（human_reviewed=否）")
        case .reviewedBySoftware(let type):
            pick("reviewer_id names software, not a person, for an adverse \(type.rawValue) decision: no human review",
                 "不利的自动化\(type.chineseName)决定的复核人（reviewer_id）为系统而非人员：未经人工复核")
        case .reviewNotRecorded(let type, let absence):
            pick("human_reviewed \(self.absence(absence)), reviewer_id and reviewed_at empty for an adverse \(type.rawValue) decision",
                 "不利的自动化\(type.chineseName)决定，是否人工复核（human_reviewed）\(self.absence(absence))，复核人（reviewer_id）和复核时间（reviewed_at）为空：无人工复核的记录")
        case .reviewedAfterEffect(let type, let reviewed, let effective):
            pick("reviewed_at \(reviewed.text) is \(lag(reviewed.instant - effective.instant)) after effective_at \(effective.text) for an adverse \(type.rawValue) decision",
                 "不利的自动化\(type.chineseName)决定生效后才进行人工复核：复核时间（reviewed_at）\(reviewed.text) 比生效时间（effective_at）\(effective.text) 晚 \(lag(reviewed.instant - effective.instant))")
        case .rubberStamp(let reviewer):
            rubberStamp(reviewer)
        case .notExplained(let type):
            pick("explanation_given=no for an adverse \(type.rawValue) decision", "不利的自动化\(type.chineseName)决定未向劳动者说明理由（explanation_given=否）")
        case .explanationNotRecorded(let type, let absence):
            pick("explanation_given \(self.absence(absence)) for an adverse \(type.rawValue) decision",
                 "不利的自动化\(type.chineseName)决定，是否说明理由（explanation_given）\(self.absence(absence))：无向劳动者说明理由的记录")
        default:
            routedElsewhere(detail)
        }
    }

    /// Contesting a decision (AP-01 to AP-05).
    private func appealDetail(_ detail: FindingDetail) -> String {
        switch detail {
        case .noAppealRoute(let type, let filed?):
            pick("appeal_offered=no for an adverse \(type.rawValue) decision (an appeal was nevertheless filed at \(filed.text))",
                 "不利的自动化\(type.chineseName)决定未提供异议途径（appeal_offered=否），劳动者仍于 \(filed.text) 提出了申诉")
        case .noAppealRoute(let type, nil):
            pick("appeal_offered=no for an adverse \(type.rawValue) decision", "不利的自动化\(type.chineseName)决定未提供异议途径（appeal_offered=否）")
        case .appealRouteNotRecorded(let type, let absence):
            pick("appeal_offered \(self.absence(absence)) and appeal_filed_at empty for an adverse \(type.rawValue) decision",
                 "不利的自动化\(type.chineseName)决定，是否提供异议途径（appeal_offered）\(self.absence(absence))，申诉时间（appeal_filed_at）为空：无提供异议途径的记录")
        case .appealReviewedBySoftware(let type, let filed):
            pick("appeal_reviewer=automated for the contest filed at \(filed.text) against an adverse \(type.rawValue) decision",
                 "针对不利的\(type.chineseName)决定于 \(filed.text) 提出的申诉由系统而非人工复核（appeal_reviewer=automated）")
        case .appealReviewerNotRecorded(let type, let filed):
            pick("appeal_reviewer and appeal_reviewer_id empty for the contest filed at \(filed.text) against an adverse \(type.rawValue) decision",
                 "针对不利的\(type.chineseName)决定于 \(filed.text) 提出的申诉，申诉处理方（appeal_reviewer）和申诉处理人（appeal_reviewer_id）均为空：无人工复核申诉的记录")
        case .appealUnanswered(let days, let result):
            appealUnanswered(days, result)
        case .appealAnsweredLate(let days):
            pick("appeal filed \(date(days.filedDay)), answered \(date(days.answeredDay)) (appeal_responded_at), \(days.answeredDay - days.filedDay) days later; "
                    + "due by \(date(days.dueDay)) (\(days.deadlineDays)-day deadline, local dates)",
                 "申诉于 \(date(days.filedDay)) 提出，\(date(days.answeredDay)) 才答复（appeal_responded_at），历时 \(days.answeredDay - days.filedDay) 天；"
                    + "应于 \(date(days.dueDay)) 前答复（期限 \(days.deadlineDays) 日，按本地日期计算）")
        case .sameAppealReviewer(let type, let reviewer):
            pick("appeal_reviewer_id \(reviewer) is also the reviewer_id of the original adverse \(type.rawValue) decision",
                 "申诉处理人 \(reviewer)（appeal_reviewer_id）同时是原不利\(type.chineseName)决定的复核人（reviewer_id）")
        default:
            routedElsewhere(detail)
        }
    }

    /// Notice, the order of times, notification hours and retention (NT-01, DQ-01, DC-01, DM-02).
    private func timingDetail(_ detail: FindingDetail) -> String {
        switch detail {
        case .aiNoticeNotRecorded(let type):
            pick("ai_notice_at empty for an automated \(type.rawValue) decision", "自动化\(type.chineseName)决定，自动化决策告知时间（ai_notice_at）为空：无决策前告知劳动者使用自动化系统的记录")
        case .aiNoticeAfterDecision(let type, let notice, let decided):
            pick("ai_notice_at \(notice.text) is after decided_at \(decided.text) for an automated \(type.rawValue) decision",
                 "自动化\(type.chineseName)决定作出后才告知劳动者使用自动化系统：告知时间（ai_notice_at）\(notice.text) 晚于决定时间（decided_at）\(decided.text)")
        case .aiNoticeTooShort(let type, let notice, let decided, let given, let required, let nyc):
            pick("ai_notice_at \(notice.text) is \(given) business day\(given == 1 ? "" : "s") before decided_at \(decided.text); "
                    + (nyc ? "US-NYC requires \(required)" : "the pipeline requires \(required)") + ", for an automated \(type.rawValue) decision",
                 "自动化\(type.chineseName)决定的告知时间（ai_notice_at）\(notice.text) 仅早于决定时间（decided_at）\(decided.text) \(given) 个工作日；"
                    + (nyc ? "纽约市（US-NYC）要求提前 \(required) 个工作日" : "审计配置要求提前 \(required) 个工作日"))
        case .timesOutOfOrder(let problems):
            problems.map { pick("\($0.later.rawValue) \($0.laterAt.text) is before \($0.earlier.rawValue) \($0.earlierAt.text)",
                                "\($0.later.rawValue) \($0.laterAt.text) 早于 \($0.earlier.rawValue) \($0.earlierAt.text)") }
                .joined(separator: pick("; ", "；"))
        case .notifiedOffHours(let type, let notified, let why, let start, let end):
            notifiedOffHours(type, notified, why, start, end)
        case let .decisionAfterUnansweredContact(type, contact, channel, asked, hours, days):
            afterUnansweredContact(type, contact, channel, asked, hours, days)
        case .keptTooLong(let decided, let asOf, let limit):
            kept(decided, asOf) + pick("retention limit \(limit) days", "保存期限为 \(limit) 天")
        case .dismissalKeptTooLong(let decided, let asOf, let limit, let retention):
            kept(decided, asOf)
                + pick("retention limit \(limit) days for a dismissal record under CN law, which Labour Contract Law Art. 50 requires kept at least two years "
                        + "(cn_dismissal_minimum_days; retention_days \(retention))",
                       "辞退记录按中国法保存期限为 \(limit) 天：《劳动合同法》第50条要求至少保存二年（cn_dismissal_minimum_days；retention_days 为 \(retention)）")
        default:
            routedElsewhere(detail)
        }
    }

    /// Data, scores, statuses and reasons (DQ-02, DQ-03, DM-01, DM-03, LC-01, LC-02, RC-01).
    private func dataDetail(_ detail: FindingDetail) -> String {
        switch detail {
        case .attributeOftenUnknown(let type, let attribute, let unknown, let decisions, let maxShare):
            pick("\(attribute) unknown for \(unknown) of \(decisions) \(type.rawValue) decisions (\(share(unknown, of: decisions, beside: maxShare))), "
                    + "above \(ReportNumber.percent(maxShare))",
                 "\(decisions) 项\(type.chineseName)决定（\(type.rawValue)）中有 \(unknown) 项的\(BuiltinVocabulary.chineseName(ofAttribute: attribute) ?? " \(attribute) ")未知"
                    + "（\(share(unknown, of: decisions, beside: maxShare))），超过上限 \(ReportNumber.percent(maxShare))")
        case .prohibitedData(let terms):
            pick("data_categories include prohibited data: ", "数据类别（data_categories）含有禁止使用的数据：") + matches(terms)
        case .unionNotNotified:
            pick("union_notified=no for a dismissal", "解除劳动合同未事先通知工会（union_notified=否）")
        case .unionNotificationNotRecorded(let absence):
            pick("union_notified \(self.absence(absence)) for a dismissal: no record that the union was told in advance",
                 "解除劳动合同，是否通知工会（union_notified）\(self.absence(absence))：无事先通知工会的记录")
        case .protectedStatusDismissed(let statuses):
            pick("dismissal of a worker in a protected status: ", "解除处于特殊保护期的劳动者的劳动合同：") + names(statuses)
        case .protectedStatusPayCut(let statuses):
            pick("pay cut for a worker in a protected status: ", "降低处于特殊保护期的劳动者的工资：") + names(statuses)
        case .suspectReasons(let type, let health, let offline):
            suspectReasons(type, health, offline)
        case .placeUnknown(let place):
            pick("the place '\(place)' names no country, city or jurisdiction code admaudit knows: the decision was judged as if its place were blank, under every jurisdiction the pipeline selects",
                 "地点“\(place)”不是 admaudit 认识的国家、城市或法域代码：本决定按地点空白处理，依审计配置选定的全部法域审查")
        case .placeNamesSeveral(let place, let jurisdictions):
            pick("the place '\(place)' names places in \(jurisdictions.joined(separator: " and ")), so which is the decision's is not known: it was judged as if its place were blank, under every jurisdiction the pipeline selects; ask the employer where the decision was made",
                 "地点“\(place)”同时指向 \(jurisdictions.joined(separator: "、")) 的地点，无法确定本决定作出于何处：按地点空白处理，依审计配置选定的全部法域审查；请向用人单位问明决定作出地")
        case .placeOutsideAudit(let place, let jurisdiction):
            pick("the place '\(place)' is in \(jurisdiction), which checks.jurisdictions does not list: no rule of a law judged the decision; list \(jurisdiction) there if that is intended, else correct the place",
                 "地点“\(place)”属于 \(jurisdiction)，不在 checks.jurisdictions 所列法域之内：本决定未按任何法律的规则审查；如属有意，请将 \(jurisdiction) 列入，否则请更正地点")
        case .placeUnderNoRule(let place, let jurisdiction):
            pick("the place '\(place)' is in \(jurisdiction), where no rule the checks apply is in force: the decision was judged by no law's rule (HR, EX, AP, DM, DC, LC, NT, RC), only by data quality and the group statistics",
                 "地点“\(place)”属于 \(jurisdiction)，各项检查所依据的规则在该地均不适用：本决定未按任何法律的规则审查（HR、EX、AP、DM、DC、LC、NT、RC），仅作数据质量检查和群体统计")
        case .scoreOutOfRange(let score, let low, let high):
            pick("score \(score) is outside the declared range \(low)–\(high)", "评分 \(score)（score）超出声明的范围 \(low)–\(high)")
        case .attritionRiskDecision:
            pick("decision_type=attrition_risk: the system scores the worker's propensity to resign", "决定类型为离职风险（decision_type=attrition_risk）：系统对劳动者的离职倾向进行评分")
        case .attritionIndicators(let categories, let reasons):
            attritionIndicators(categories, reasons)

        default:
            routedElsewhere(detail)
        }
    }

    /// `detail(_:)` (and `rejectReason(_:)`) sends each kind to its family: a kind reaching
    /// another family's words is a mistake of the catalogue, caught by the tests, which word
    /// every kind (`FindingWordsTests`, `RejectWordsTests`).
    func routedElsewhere(_ kind: some Sendable) -> String {
        assertionFailure("\(kind) was sent to the words of another family")
        return ""
    }

    private func absence(_ absence: FindingDetail.Absence) -> String {
        switch absence {
        case .empty: pick("empty", "为空")
        case .markedNotApplicable: pick("marked not applicable (N/A)", "标为不适用（N/A）")
        }
    }

    /// A share as a rate (one decimal), with as many decimals as `limit` shows when it shows
    /// more (`0.25%` beside a limit of `0.24%`, not `0.2%`).
    private func share(_ count: Int, of total: Int, beside limit: Double) -> String {
        ReportNumber.percent(Double(count) / Double(total), places: ReportNumber.percentPlaces(limit))
    }

    private func date(_ day: Int64) -> String { "\(LocalCalendar.date(ofDay: day))" }

    /// A positive duration in words: `2 d 3 h`, `45 min`, `20 s`; in Chinese `2天3小时`, `45分钟`, `20秒`.
    func lag(_ seconds: Int64) -> String {
        let days = seconds / 86_400, hours = seconds % 86_400 / 3600, minutes = seconds % 3600 / 60
        if days > 0 { return hours > 0 ? pick("\(days) d \(hours) h", "\(days)天\(hours)小时") : pick("\(days) d", "\(days)天") }
        if hours > 0 { return minutes > 0 ? pick("\(hours) h \(minutes) min", "\(hours)小时\(minutes)分钟") : pick("\(hours) h", "\(hours)小时") }
        if minutes > 0 { return pick("\(minutes) min", "\(minutes)分钟") }
        return pick("\(seconds) s", "\(seconds)秒")
    }

    /// A review time, rounded to seconds, minutes or hours (at most 32-bit seconds: a state
    /// claiming more is damaged, and more would not be turned into an integer here).
    private func reviewTime(_ time: Double) -> String {
        let seconds = min(max(time, 0), Double(Int32.max))
        if seconds < 120 { return pick("\(Int(seconds.rounded())) s", "\(Int(seconds.rounded()))秒") }
        if seconds < 7200 { return pick("\(Int((seconds / 60).rounded())) min", "\(Int((seconds / 60).rounded()))分钟") }
        return pick("\(Int((seconds / 3600).rounded())) h", "\(Int((seconds / 3600).rounded()))小时")
    }

    private func rubberStamp(_ reviewer: FindingDetail.ReviewerRecord) -> String {
        let share = reviewer.judged > 0 ? Double(reviewer.departed) / Double(reviewer.judged) : 0
        var text = pick("\(reviewer.judged) reviews, \(reviewer.departed) departed from the system (\(ReportNumber.rate(share)))",
                        "复核 \(reviewer.judged) 次，改变系统决定 \(reviewer.departed) 次（\(ReportNumber.rate(share))）")
        if let median = reviewer.medianSeconds, let fast = reviewer.fastShare {
            text += pick("; median review time \(reviewTime(median)), \(ReportNumber.rate(fast)) under \(reviewer.fastSeconds) s",
                         "；复核用时中位数 \(reviewTime(median))，\(ReportNumber.rate(fast)) 的复核用时不足 \(reviewer.fastSeconds) 秒")
        }
        if !reviewer.decisionIDs.isEmpty {
            let more = reviewer.judged - reviewer.decisionIDs.count
            text += pick("; decisions: " + reviewer.decisionIDs.joined(separator: ", ") + (more > 0 ? " and \(more) more" : ""),
                         "；所涉决策：" + reviewer.decisionIDs.joined(separator: "、") + (more > 0 ? "，另有 \(more) 项" : ""))
        }
        return text
    }

    private func appealUnanswered(_ days: FindingDetail.AppealDays, _ result: ReviewResult?) -> String {
        let waited = days.answeredDay - days.filedDay
        return pick("appeal filed \(date(days.filedDay)), no appeal_responded_at"
                        + (result.map { " (appeal_result=\($0.rawValue) recorded without a date)" } ?? "")
                        + " by the as-of date \(date(days.answeredDay)), \(waited) days later; due by \(date(days.dueDay)) (\(days.deadlineDays)-day deadline, local dates)",
                    "申诉于 \(date(days.filedDay)) 提出，截至审计基准日 \(date(days.answeredDay))（距申诉提出已 \(waited) 天）仍无申诉答复时间（appeal_responded_at）"
                        + (result.map { "（记录了申诉结果 appeal_result=\($0.rawValue)，但无答复日期）" } ?? "")
                        + "；应于 \(date(days.dueDay)) 前答复（期限 \(days.deadlineDays) 日，按本地日期计算）")
    }

    private func notifiedOffHours(_ type: DecisionType, _ notified: LocalTime, _ why: FindingDetail.OffHours, _ start: Int, _ end: Int) -> String {
        let weekday = LocalCalendar.weekday(ofDay: notified.day)
        let hours = "\(clock(start))–\(clock(end))"
        if language == .zh {
            let what = "不利的\(type.chineseName)决定于本地时间 \(notified.text)（\(Self.chineseWeekdays[weekday - 1])）通知劳动者"
            switch why {
            case .holiday: return "\(what)，当日为节假日"
            case .restDay: return "\(what)，当日不是工作日"
            case .outsideHours: return "\(what)，不在工作时间 \(hours) 内"
            }
        }
        let what = "adverse \(type.rawValue) decision notified at \(notified.text) (\(Self.weekdays[weekday - 1]))"
        switch why {
        case .holiday: return "\(what), a holiday"
        case .restDay: return "\(what), not a working day"
        case .outsideHours: return "\(what), outside working hours \(hours)"
        }
    }

    private func afterUnansweredContact(_ type: DecisionType, _ contact: LocalTime, _ channel: String, _ asked: Bool, _ hours: Int,
                                        _ days: Int) -> String {
        let weekday = LocalCalendar.weekday(ofDay: contact.day)
        let when = hours < 1 ? pick("less than an hour", "不到 1 小时")
            : hours < 48 ? pick("\(hours) hour\(hours == 1 ? "" : "s")", "\(hours) 小时") : pick("\(hours / 24) days", "\(hours / 24) 天")
        return pick("adverse \(type.rawValue) decision \(when) after an off-hours contact the worker did not answer: \(channel) at \(contact.text) (\(Self.weekdays[weekday - 1]))"
                        + (asked ? ", asking for a reply" : "") + "; flagged within \(days) days",
                    "劳动者未回复用人单位在工作时间以外的联系（\(Self.chineseChannels[channel] ?? channel)，本地时间 \(contact.text)，\(Self.chineseWeekdays[weekday - 1])"
                        + (asked ? "，要求回复" : "") + "）后 \(when)，作出不利的\(type.chineseName)决定；标记期限为 \(days) 天")
    }

    private static let chineseChannels = [
        "chat": "即时消息", "email": "电子邮件", "phone": "电话", "login": "登录", "task": "任务", "document": "文档", "other": "其他渠道",
    ]

    private static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    private static let chineseWeekdays = ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"]

    /// Seconds after midnight as `HH:MM`.
    private func clock(_ second: Int) -> String { WorkSchedule.clock(second) }

    private func kept(_ decided: Int64, _ asOf: Int64) -> String {
        pick("decided \(date(decided)) (decided_at, local date), \(asOf - decided) days before the as-of date \(date(asOf)) and still in the export; ",
             "决定于 \(date(decided)) 作出（decided_at，本地日期），距审计基准日 \(date(asOf)) 已 \(asOf - decided) 天，仍保存在导出数据中；")
    }

    /// Terms with the items that named them: `health [sick leave, 病假], union [工会]`.
    private func matches(_ terms: [FindingDetail.MatchedTerm]) -> String {
        terms.map { "\(pick($0.name, $0.chineseName)) [\($0.items.joined(separator: ", "))]" }.joined(separator: pick(", ", "、"))
    }

    /// Terms by name only: `pregnancy, work_injury`; in Chinese `孕期、工伤`.
    private func names(_ terms: [FindingDetail.MatchedTerm]) -> String {
        terms.map { pick($0.name, $0.chineseName) }.joined(separator: pick(", ", "、"))
    }

    private func suspectReasons(_ type: DecisionType, _ health: [FindingDetail.MatchedTerm], _ offline: [FindingDetail.MatchedTerm]) -> String {
        var parts: [String] = []
        if !health.isEmpty { parts.append(pick("may stand for health or a protected status: ", "可能指向健康状况或特殊保护状态：") + matches(health)) }
        if !offline.isEmpty { parts.append(pick("may punish being offline: ", "可能是在惩罚离线：") + matches(offline)) }
        return pick("adverse \(type.rawValue) decision whose reason_codes " + parts.joined(separator: "; "),
                    "不利的\(type.chineseName)决定，其理由（reason_codes）" + parts.joined(separator: "；"))
    }

    private func attritionIndicators(_ categories: [String], _ reasons: [String]) -> String {
        var parts: [String] = []
        if !categories.isEmpty { parts.append("data_categories [" + categories.joined(separator: ", ") + "]") }
        if !reasons.isEmpty { parts.append("reason_codes [" + reasons.joined(separator: ", ") + "]") }
        return pick("attrition scoring shown by " + parts.joined(separator: "; "), "以下字段显示存在离职倾向评分：" + parts.joined(separator: "；"))
    }
}
