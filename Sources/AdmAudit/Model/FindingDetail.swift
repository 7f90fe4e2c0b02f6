/// What a finding says about its record: which rule's sentence and the values that prove
/// it (times as the record's local wall clock with its offset, dates as local days, the
/// export's own spellings), no words of its own. The report stage words it in the reader's
/// language (`FindingWords`); a state file keeps it as it is. Making one costs no text: a
/// check builds only the values, and only on a violation.
public enum FindingDetail: Sendable, Hashable, Codable {
    /// HR-01: `human_reviewed` = no.
    case notReviewed(type: DecisionType)
    /// HR-01: no review recorded (`human_reviewed` absent, `reviewer_id` and `reviewed_at` empty).
    case reviewNotRecorded(type: DecisionType, humanReviewed: Absence)
    /// HR-01: the reviewer recorded is software (`reviewer_id` = `系统`), not a person.
    case reviewedBySoftware(type: DecisionType)
    /// HR-02: the review came after the decision took effect.
    case reviewedAfterEffect(type: DecisionType, reviewedAt: LocalTime, effectiveAt: LocalTime)
    /// HR-03: a reviewer who (almost) never departs from the system.
    case rubberStamp(reviewer: ReviewerRecord)
    /// EX-01: `explanation_given` = no.
    case notExplained(type: DecisionType)
    /// EX-01: `explanation_given` absent.
    case explanationNotRecorded(type: DecisionType, explanationGiven: Absence)
    /// AP-01: `appeal_offered` = no (an appeal may have been filed nevertheless).
    case noAppealRoute(type: DecisionType, appealFiledAt: LocalTime?)
    /// AP-01: `appeal_offered` absent and no appeal filed.
    case appealRouteNotRecorded(type: DecisionType, appealOffered: Absence)
    /// AP-02: the contest was answered by software.
    case appealReviewedBySoftware(type: DecisionType, appealFiledAt: LocalTime)
    /// AP-02: who answered the contest is not recorded.
    case appealReviewerNotRecorded(type: DecisionType, appealFiledAt: LocalTime)
    /// AP-03: no answer by the as-of date, past the deadline (`answeredDay` is the as-of day).
    case appealUnanswered(days: AppealDays, appealResult: ReviewResult?)
    /// AP-04: answered after the deadline.
    case appealAnsweredLate(days: AppealDays)
    /// AP-05: the contest was re-examined by the reviewer of the original decision.
    case sameAppealReviewer(type: DecisionType, reviewer: String)
    /// NT-01: `ai_notice_at` empty.
    case aiNoticeNotRecorded(type: DecisionType)
    /// NT-01: the notice came after the decision.
    case aiNoticeAfterDecision(type: DecisionType, aiNoticeAt: LocalTime, decidedAt: LocalTime)
    /// NT-01: too few business days between notice and decision; `nyc`: the NYC rule set the minimum.
    case aiNoticeTooShort(type: DecisionType, aiNoticeAt: LocalTime, decidedAt: LocalTime, businessDays: Int64, required: Int64, nyc: Bool)
    /// DQ-01: times that cannot be in this order.
    case timesOutOfOrder(problems: [TimeOrderProblem])
    /// DQ-02: an attribute unknown for too large a share of one type's decisions.
    case attributeOftenUnknown(type: DecisionType, attribute: String, unknown: Int, decisions: Int, maxShare: Double)
    /// DC-01: an adverse decision notified outside working time (`workStart`/`workEnd`:
    /// seconds after local midnight; the weekday is the notice's local one).
    case notifiedOffHours(type: DecisionType, notifiedAt: LocalTime, why: OffHours, workStart: Int, workEnd: Int)
    /// DM-01: prohibited data categories used.
    case prohibitedData(categories: [MatchedTerm])
    /// DM-02: kept past the retention limit.
    case keptTooLong(decidedDay: Int64, asOfDay: Int64, limitDays: Int)
    /// DM-02: a dismissal under CN law kept past the longer limit CN law sets.
    case dismissalKeptTooLong(decidedDay: Int64, asOfDay: Int64, limitDays: Int, retentionDays: Int)
    /// LC-01: `union_notified` = no.
    case unionNotNotified
    /// LC-01: `union_notified` absent.
    case unionNotificationNotRecorded(unionNotified: Absence)
    /// LC-02: a worker in a protected status dismissed (terms without items).
    case protectedStatusDismissed(statuses: [MatchedTerm])
    /// LC-02: a worker in a protected status given a pay cut.
    case protectedStatusPayCut(statuses: [MatchedTerm])
    /// RC-01: reason codes that may stand for health or punish being offline.
    case suspectReasons(type: DecisionType, health: [MatchedTerm], offline: [MatchedTerm])
    /// DQ-03: a score outside the declared range.
    case scoreOutOfRange(score: Double, low: Double, high: Double)
    /// DQ-04: the decision's place, as written, names no place or jurisdiction known.
    case placeUnknown(place: String)
    /// DQ-04: the decision's place, as written, names places apart in `jurisdictions` (two or
    /// more), so which is the decision's is not known.
    case placeNamesSeveral(place: String, jurisdictions: [String])
    /// DQ-04: the decision's place is in `jurisdiction`, which no jurisdiction of the audit covers.
    case placeOutsideAudit(place: String, jurisdiction: String)
    /// DQ-04: the decision's place is in `jurisdiction`, which the audit lists but where no
    /// check's rule is in force: judged by data quality and group statistics only.
    case placeUnderNoRule(place: String, jurisdiction: String)
    /// DM-03: the decision type is attrition risk itself.
    case attritionRiskDecision
    /// DM-03: fields naming attrition indicators, items as written.
    case attritionIndicators(dataCategories: [String], reasonCodes: [String])
    /// WT-01: in the ISO week from `monday` (a local day number), the employer contacted the
    /// worker outside scheduled time `contacts` times, `expectingReply` of them asking for a
    /// reply; the worker answered `answered` outside scheduled time.
    case offHoursContacts(monday: Int64, contacts: Int, expectingReply: Int, answered: Int)
    /// WT-02: working days of the week whose overtime passed the daily limit (hours).
    case dailyOvertimeOverLimit(monday: Int64, days: Int, limitHours: Int)
    /// WT-02: the month's overtime (minutes) past the monthly limit (hours); `firstDay` the month's first day.
    case monthlyOvertimeOverLimit(firstDay: Int64, overtimeMinutes: Int, limitHours: Int)
    /// WT-03: activity on all seven days of the week, `activeMinutes` in all.
    case noRestDay(monday: Int64, activeMinutes: Int)
    /// WT-04: off-hours activity in `weeks` of the worker's `activeWeeks` active weeks,
    /// from the week of `firstMonday` to that of `lastMonday`, `offHoursMinutes` in all.
    case recurringOffHours(firstMonday: Int64, lastMonday: Int64, weeks: Int, activeWeeks: Int, offHoursMinutes: Int)
    /// WT-05: `stretches` stretches of work begun in the week with no 11-hour rest within a
    /// day, the longest `longestMinutes`.
    case shortDailyRest(monday: Int64, stretches: Int, longestMinutes: Int)
    /// WT-06: the mean of the `weeks` active weeks from `firstMonday` to `lastMonday` was
    /// `meanMinutes`, over the limit of `limitHours` a week.
    case averageWeekOverLimit(firstMonday: Int64, lastMonday: Int64, weeks: Int, meanMinutes: Int, limitHours: Int)
    /// DC-02: an adverse decision of `type` `hoursBefore` hours after the worker left an
    /// off-hours contact (at `contactAt`, by `channel`, an `ActivityChannel`) unanswered; flagged within `withinDays`.
    case decisionAfterUnansweredContact(type: DecisionType, contactAt: LocalTime, channel: String, replyRequested: Bool,
                                        hoursBefore: Int, withinDays: Int)

    /// How a field the check needed is missing: empty, or marked not applicable (`N/A`) by
    /// the export (the employer's own claim, which the law does not accept where it puts
    /// the burden on the employer; the detail says which).
    public enum Absence: String, Sendable, Codable { case empty, markedNotApplicable }

    /// Why a notice fell outside working time.
    public enum OffHours: String, Sendable, Codable { case holiday, restDay, outsideHours }

    /// AP-03/AP-04's local days: filed, answered (AP-03: the as-of day), and the deadline.
    public struct AppealDays: Sendable, Hashable, Codable {
        public var filedDay: Int64
        public var answeredDay: Int64
        public var deadlineDays: Int
        public init(filedDay: Int64, answeredDay: Int64, deadlineDays: Int) {
            self.filedDay = filedDay
            self.answeredDay = answeredDay
            self.deadlineDays = deadlineDays
        }

        /// The last day to answer: the deadline after filing (both bounded when read: no overflow).
        public var dueDay: Int64 { filedDay + Int64(deadlineDays) }
    }

    /// One pair of times in the wrong order: `later` at `laterAt` is before `earlier` at `earlierAt`.
    public struct TimeOrderProblem: Sendable, Hashable, Codable {
        public var later: CanonicalField
        public var laterAt: LocalTime
        public var earlier: CanonicalField
        public var earlierAt: LocalTime
        public init(later: CanonicalField, laterAt: LocalTime, earlier: CanonicalField, earlierAt: LocalTime) {
            self.later = later
            self.laterAt = laterAt
            self.earlier = earlier
            self.earlierAt = earlierAt
        }
    }

    /// A term of a check's vocabulary the record names: the term, as a Chinese reader names
    /// it (its first Chinese synonym, else its name), and the items as the export wrote them.
    public struct MatchedTerm: Sendable, Hashable, Codable {
        public var name: String
        public var chineseName: String
        public var items: [String]
        public init(name: String, chineseName: String, items: [String] = []) {
            self.name = name
            self.chineseName = chineseName
            self.items = items
        }
    }

    /// HR-03's evidence on one reviewer (the reviewer is the finding's subject).
    public struct ReviewerRecord: Sendable, Hashable, Codable {
        public var judged: Int
        public var departed: Int
        /// The median review time in seconds, nil when no durations were recorded.
        public var medianSeconds: Double?
        /// The share of reviews faster than `fastSeconds`, nil with no durations.
        public var fastShare: Double?
        public var fastSeconds: Int
        /// The first decisions reviewed (bounded); `judged` less their count are "more".
        public var decisionIDs: [String]
        public init(judged: Int, departed: Int, medianSeconds: Double?, fastShare: Double?, fastSeconds: Int, decisionIDs: [String]) {
            self.judged = judged
            self.departed = departed
            self.medianSeconds = medianSeconds
            self.fastShare = fastShare
            self.fastSeconds = fastSeconds
            self.decisionIDs = decisionIDs
        }
    }
}

extension FindingDetail {
    static let instants = LocalTime.instants
    static let days = LocalTime.days
    /// The largest offset from UTC a zone has had, with room: 18 hours.
    static let offsets: ClosedRange<Int> = -64_800...64_800
    /// The most items a detail names per term or list: checks keep the first ones
    /// (`TermMatcher.matchedItems`), and a state file naming more is damaged.
    public static let itemLimit = 64
    /// The largest whole number a check setting may take (`PipelineLimits.checkInteger`):
    /// deadlines and notice days within it are a run's own.
    public static let settingLimit = 1_000_000
    /// The most export text one detail may carry, in bytes (each item counted at least
    /// one byte): a state file claiming more is damaged.
    static let textLimit = 1 << 20

    /// The check that makes this kind of detail: a state file's evidence list may hold
    /// only its own check's kinds.
    public var checkID: String {
        switch self {
        case .notReviewed, .reviewNotRecorded, .reviewedBySoftware: "HR-01"
        case .reviewedAfterEffect: "HR-02"
        case .rubberStamp: "HR-03"
        case .notExplained, .explanationNotRecorded: "EX-01"
        case .noAppealRoute, .appealRouteNotRecorded: "AP-01"
        case .appealReviewedBySoftware, .appealReviewerNotRecorded: "AP-02"
        case .appealUnanswered: "AP-03"
        case .appealAnsweredLate: "AP-04"
        case .sameAppealReviewer: "AP-05"
        case .aiNoticeNotRecorded, .aiNoticeAfterDecision, .aiNoticeTooShort: "NT-01"
        case .timesOutOfOrder: "DQ-01"
        case .attributeOftenUnknown: "DQ-02"
        case .scoreOutOfRange: "DQ-03"
        case .placeUnknown, .placeNamesSeveral, .placeOutsideAudit, .placeUnderNoRule: "DQ-04"
        case .notifiedOffHours: "DC-01"
        case .prohibitedData: "DM-01"
        case .keptTooLong, .dismissalKeptTooLong: "DM-02"
        case .attritionRiskDecision, .attritionIndicators: "DM-03"
        case .unionNotNotified, .unionNotificationNotRecorded: "LC-01"
        case .protectedStatusDismissed, .protectedStatusPayCut: "LC-02"
        case .suspectReasons: "RC-01"
        case .offHoursContacts: "WT-01"
        case .dailyOvertimeOverLimit, .monthlyOvertimeOverLimit: "WT-02"
        case .noRestDay: "WT-03"
        case .recurringOffHours: "WT-04"
        case .shortDailyRest: "WT-05"
        case .averageWeekOverLimit: "WT-06"
        case .decisionAfterUnansweredContact: "DC-02"
        }
    }

    /// Why a detail read from a state file cannot be what `checkID`'s check made, or nil:
    /// another check's kind, a time out of range, values that do not stand in the relation
    /// the check found between them (a review "after" an effect that came later, a score
    /// inside its range), counts and shares out of bounds, items empty or beyond bounds. The
    /// words for a detail that passes never trap and never contradict themselves. What it
    /// cannot see: facts outside the detail (whether a day was a holiday, the pipeline's
    /// thresholds), which a forger consistent with them can still misstate.
    public func damage(for checkID: String) -> String? {
        guard checkID == self.checkID else { return "a finding's detail of \(self.checkID) is listed under \(checkID)" }
        guard holdsWhatItsCheckFound else { return "a finding's detail holds values no check makes" }
        return exportTextBytes > Self.textLimit ? "a finding's detail holds more than \(Self.textLimit) bytes of export text" : nil
    }

    private var holdsWhatItsCheckFound: Bool {
        switch self {
        case .notReviewed, .reviewNotRecorded, .reviewedBySoftware, .notExplained, .explanationNotRecorded, .appealRouteNotRecorded,
             .aiNoticeNotRecorded, .unionNotNotified, .unionNotificationNotRecorded, .attritionRiskDecision:
            return true
        case .reviewedAfterEffect(_, let reviewed, let effective):
            return Self.shows(reviewed) && Self.shows(effective) && reviewed.instant > effective.instant
        case .rubberStamp(let reviewer):
            return reviewer.isPlausible
        case .noAppealRoute(_, let filed):
            return filed.map(Self.shows) ?? true
        case .appealReviewedBySoftware(_, let filed), .appealReviewerNotRecorded(_, let filed):
            return Self.shows(filed)
        case .appealUnanswered(let days, _), .appealAnsweredLate(let days):
            return days.isPlausible
        case .sameAppealReviewer(_, let reviewer):
            return !reviewer.isEmpty
        case .aiNoticeAfterDecision(_, let notice, let decided):
            return Self.shows(notice) && Self.shows(decided) && notice.instant > decided.instant
        case .aiNoticeTooShort(_, let notice, let decided, let given, let required, _):
            return Self.shows(notice) && Self.shows(decided) && notice.instant <= decided.instant
                && given >= 0 && given < required && required <= Self.settingLimit
        case .timesOutOfOrder(let problems):
            // DQ-01 compares five pairs of times at most.
            return !problems.isEmpty && problems.count <= 5 && problems.allSatisfy(\.isPlausible)
        case .attributeOftenUnknown(_, let attribute, let unknown, let decisions, let maxShare):
            return !attribute.isEmpty && decisions > 0 && (0...decisions).contains(unknown) && (0...1).contains(maxShare)
                && Double(unknown) / Double(decisions) > maxShare
        case .notifiedOffHours(_, let notified, let why, let start, let end):
            guard Self.shows(notified), 0 <= start, start < end, end <= 86_400 else { return false }
            let second = Int(notified.instant + Int64(notified.offset) - notified.day * 86_400)
            return why != .outsideHours || second < start || second >= end
        case .prohibitedData(let terms):
            return Self.areMatches(terms, withItems: true)
        case .protectedStatusDismissed(let terms), .protectedStatusPayCut(let terms):
            return Self.areMatches(terms, withItems: false)
        case .suspectReasons(_, let health, let offline):
            return !(health.isEmpty && offline.isEmpty) && (health.isEmpty || Self.areMatches(health, withItems: true))
                && (offline.isEmpty || Self.areMatches(offline, withItems: true))
        case .keptTooLong(let decided, let asOf, let limit):
            return Self.days.contains(decided) && Self.days.contains(asOf) && limit >= 0 && asOf - decided > Int64(limit)
        case .dismissalKeptTooLong(let decided, let asOf, let limit, let retention):
            return Self.days.contains(decided) && Self.days.contains(asOf) && retention >= 0 && limit > retention
                && asOf - decided > Int64(limit)
        case .placeUnknown(let place):
            return Self.isItem(place)
        case .placeNamesSeveral(let place, let jurisdictions):
            return Self.isItem(place) && (2...Self.itemLimit).contains(jurisdictions.count)
                && jurisdictions.allSatisfy { (2...16).contains($0.utf8.count) && $0.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "-") } }
        case .placeOutsideAudit(let place, let jurisdiction), .placeUnderNoRule(let place, let jurisdiction):
            return Self.isItem(place) && (2...16).contains(jurisdiction.utf8.count)
                && jurisdiction.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "-") }
        case .scoreOutOfRange(let score, let low, let high):
            return score.isFinite && low.isFinite && high.isFinite && low <= high && !(low...high).contains(score)
        case .attritionIndicators(let categories, let reasons):
            return !(categories.isEmpty && reasons.isEmpty) && categories.count <= Self.itemLimit && reasons.count <= Self.itemLimit
                && (categories + reasons).allSatisfy(Self.isItem)
        case .offHoursContacts(let monday, let contacts, let expecting, let answered):
            return Self.days.contains(monday) && expecting >= 1 && contacts >= expecting && (0...contacts).contains(answered)
        case .dailyOvertimeOverLimit(let monday, let days, let limit):
            return Self.days.contains(monday) && (1...7).contains(days) && (0...24).contains(limit)
        case .monthlyOvertimeOverLimit(let first, let minutes, let limit):
            return Self.days.contains(first) && (0...744).contains(limit) && minutes > limit * 60 && minutes <= 31 * 1440
        case .noRestDay(let monday, let minutes):
            return Self.days.contains(monday) && (7...7 * 1440).contains(minutes)
        case .recurringOffHours(let first, let last, let weeks, let active, let minutes):
            return Self.days.contains(first) && Self.days.contains(last) && first <= last && weeks >= 1 && active >= weeks && minutes > 0
        case .shortDailyRest(let monday, let stretches, let longest):
            // Eight 24-hour periods can begin in a week a clock is set back (169 hours).
            return Self.days.contains(monday) && (1...8).contains(stretches) && longest >= 13 * 60
        case .decisionAfterUnansweredContact(_, let contact, let channel, _, let hours, let days):
            return Self.shows(contact) && Self.channels.contains(channel) && (1...366).contains(days) && (0...days * 24).contains(hours)
        case .averageWeekOverLimit(let first, let last, let weeks, let mean, let limit):
            return Self.days.contains(first) && Self.days.contains(last) && first <= last && (1...52).contains(weeks)
                && (1...168).contains(limit) && mean >= limit * 60 && mean <= 169 * 60
        }
    }

    /// The activity logs' channels (`ActivityChannel`'s raw values), as DC-02's details name them.
    static let channels: Set<String> = ["chat", "email", "phone", "login", "task", "document", "other"]

    /// A time the words show as a date from year 1 to 9999, with an offset a zone can have.
    static func shows(_ time: LocalTime) -> Bool {
        instants.contains(time.instant) && offsets.contains(time.offset) && days.contains(time.day)
    }

    /// An item of a list field as a check keeps it: trimmed as `TextKey` trims, not empty.
    static func isItem(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let whole = UnsafeRawBufferPointer(bytes)
            return !whole.isEmpty && TextKey.trimmedRange(whole) == 0..<whole.count
        }
    }

    /// Matched terms as a check names them: named, at most 64, each with its items (or, for
    /// LC-02, none), within `itemLimit`.
    static func areMatches(_ terms: [MatchedTerm], withItems: Bool) -> Bool {
        !terms.isEmpty && terms.count <= 64 && terms.allSatisfy { term in
            !term.name.isEmpty && !term.chineseName.isEmpty && term.items.count <= itemLimit
                && (withItems ? !term.items.isEmpty : term.items.isEmpty) && term.items.allSatisfy(isItem)
        }
    }

    /// The bytes of export text the detail carries (spellings, ids, labels), each string at
    /// least one byte.
    var exportTextBytes: Int {
        func bytes(_ texts: [String]) -> Int { texts.map { $0.utf8.count + 1 }.saturatingSum }
        func terms(_ terms: [MatchedTerm]) -> Int { terms.map { bytes([$0.name, $0.chineseName] + $0.items) }.saturatingSum }
        switch self {
        case .rubberStamp(let reviewer): return bytes(reviewer.decisionIDs)
        case .sameAppealReviewer(_, let text), .placeUnknown(let text): return bytes([text])
        case .placeOutsideAudit(let place, let jurisdiction), .placeUnderNoRule(let place, let jurisdiction): return bytes([place, jurisdiction])
        case .placeNamesSeveral(let place, let jurisdictions): return bytes([place] + jurisdictions)
        case .attributeOftenUnknown(_, let attribute, _, _, _): return bytes([attribute])
        case .prohibitedData(let matched), .protectedStatusDismissed(let matched), .protectedStatusPayCut(let matched): return terms(matched)
        case .suspectReasons(_, let health, let offline): return [terms(health), terms(offline)].saturatingSum
        case .attritionIndicators(let categories, let reasons): return bytes(categories + reasons)
        default: return 0
        }
    }
}

extension FindingDetail.ReviewerRecord {
    /// As HR-03 makes it: judged at least once, departures within the reviews, a median and
    /// a share of fast reviews together or not at all (durations are kept as 32-bit seconds),
    /// at most 20 decisions listed.
    var isPlausible: Bool {
        guard judged >= 1, (0...judged).contains(departed), (0...Int(Int32.max)).contains(fastSeconds),
              decisionIDs.count <= min(judged, 20), !decisionIDs.contains(where: \.isEmpty) else { return false }
        switch (medianSeconds, fastShare) {
        case (nil, nil): return true
        case let (median?, share?): return (0...Double(Int32.max)).contains(median) && (0...1).contains(share)
        default: return false
        }
    }
}

extension FindingDetail.AppealDays {
    /// As AP-03 and AP-04 make them: answered (or still open on the as-of day) after the due day.
    var isPlausible: Bool {
        let days = FindingDetail.days
        return days.contains(filedDay) && days.contains(answeredDay) && (0...FindingDetail.settingLimit).contains(deadlineDays)
            && answeredDay > dueDay
    }
}

extension FindingDetail.TimeOrderProblem {
    /// A pair DQ-01 compares (a later field before `decided_at`, or an answer before its
    /// appeal), in the wrong order.
    var isPlausible: Bool {
        let pair = (earlier == .decidedAt && [.reviewedAt, .notifiedAt, .effectiveAt, .appealFiledAt].contains(later))
            || (earlier == .appealFiledAt && later == .appealRespondedAt)
        return pair && FindingDetail.shows(laterAt) && FindingDetail.shows(earlierAt) && laterAt.instant < earlierAt.instant
    }
}

/// Who or what a finding is about.
public enum FindingSubject: Sendable, Equatable, Codable {
    /// The worker a decision is about, as reports show them: a pseudonym, the id, or empty
    /// when ids are dropped.
    case worker(String)
    /// A reviewer, as the export spells them (HR-03).
    case reviewer(String)
    /// The decisions of one type, by one protected attribute (DQ-02).
    case decisions(DecisionType, attribute: String)

    /// The subject without words, as report.json and the evidence lists name it: the
    /// pseudonym or id, the reviewer as spelt, `hiring / ethnicity`.
    public var label: String {
        switch self {
        case .worker(let text), .reviewer(let text): text
        case .decisions(let type, let attribute): "\(type.rawValue) / \(attribute)"
        }
    }
}
