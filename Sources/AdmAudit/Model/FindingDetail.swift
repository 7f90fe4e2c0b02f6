/// What a finding says about its record: which rule's sentence and the values that prove
/// it (times as the record's local wall clock with its offset, dates as local days, the
/// export's own spellings), no words of its own. The report stage words it in the reader's
/// language (`FindingWords`); a state file keeps it as it is. Making one costs no text: a
/// check builds only the values, and only on a violation.
public enum FindingDetail: Sendable, Equatable, Codable {
    /// HR-01: `human_reviewed` = no.
    case notReviewed(type: DecisionType)
    /// HR-01: no review recorded (`human_reviewed` absent, `reviewer_id` and `reviewed_at` empty).
    case reviewNotRecorded(type: DecisionType, humanReviewed: Absence)
    /// HR-02: the review came after the decision took effect.
    case reviewedAfterEffect(type: DecisionType, reviewedAt: LocalTime, effectiveAt: LocalTime)
    /// HR-03: a reviewer who (almost) never departs from the system.
    case rubberStamp(ReviewerRecord)
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
    case appealUnanswered(AppealDays, appealResult: ReviewResult?)
    /// AP-04: answered after the deadline.
    case appealAnsweredLate(AppealDays)
    /// AP-05: the contest was re-examined by the reviewer of the original decision.
    case sameAppealReviewer(type: DecisionType, reviewer: String)
    /// NT-01: `ai_notice_at` empty.
    case aiNoticeNotRecorded(type: DecisionType)
    /// NT-01: the notice came after the decision.
    case aiNoticeAfterDecision(type: DecisionType, aiNoticeAt: LocalTime, decidedAt: LocalTime)
    /// NT-01: too few business days between notice and decision; `nyc`: the NYC rule set the minimum.
    case aiNoticeTooShort(type: DecisionType, aiNoticeAt: LocalTime, decidedAt: LocalTime, businessDays: Int64, required: Int64, nyc: Bool)
    /// DQ-01: times that cannot be in this order.
    case timesOutOfOrder([TimeOrderProblem])
    /// DQ-02: an attribute unknown for too large a share of one type's decisions.
    case attributeOftenUnknown(type: DecisionType, attribute: String, unknown: Int, decisions: Int, maxShare: Double)
    /// DC-01: an adverse decision notified outside working time (`workStart`/`workEnd`:
    /// seconds after local midnight; the weekday is the notice's local one).
    case notifiedOffHours(type: DecisionType, notifiedAt: LocalTime, why: OffHours, workStart: Int, workEnd: Int)
    /// DM-01: prohibited data categories used.
    case prohibitedData([MatchedTerm])
    /// DM-02: kept past the retention limit.
    case keptTooLong(decidedDay: Int64, asOfDay: Int64, limitDays: Int)
    /// DM-02: a dismissal under CN law kept past the longer limit CN law sets.
    case dismissalKeptTooLong(decidedDay: Int64, asOfDay: Int64, limitDays: Int, retentionDays: Int)
    /// LC-01: `union_notified` = no.
    case unionNotNotified
    /// LC-01: `union_notified` absent.
    case unionNotificationNotRecorded(unionNotified: Absence)
    /// LC-02: a worker in a protected status dismissed (terms without items).
    case protectedStatusDismissed([MatchedTerm])
    /// LC-02: a worker in a protected status given a pay cut.
    case protectedStatusPayCut([MatchedTerm])
    /// RC-01: reason codes that may stand for health or punish being offline.
    case suspectReasons(type: DecisionType, health: [MatchedTerm], offline: [MatchedTerm])
    /// DQ-03: a score outside the declared range.
    case scoreOutOfRange(score: Double, low: Double, high: Double)
    /// DM-03: the decision type is attrition risk itself.
    case attritionRiskDecision
    /// DM-03: fields naming attrition indicators, items as written.
    case attritionIndicators(dataCategories: [String], reasonCodes: [String])

    /// How a field the check needed is missing: empty, or marked not applicable (`N/A`) by
    /// the export (the employer's own claim, which the law does not accept where it puts
    /// the burden on the employer; the detail says which).
    public enum Absence: String, Sendable, Codable { case empty, markedNotApplicable }

    /// Why a notice fell outside working time.
    public enum OffHours: String, Sendable, Codable { case holiday, restDay, outsideHours }

    /// AP-03/AP-04's local days: filed, answered (AP-03: the as-of day), due, and the deadline.
    public struct AppealDays: Sendable, Equatable, Codable {
        public var filedDay: Int64
        public var answeredDay: Int64
        public var dueDay: Int64
        public var deadlineDays: Int
        public init(filedDay: Int64, answeredDay: Int64, dueDay: Int64, deadlineDays: Int) {
            self.filedDay = filedDay
            self.answeredDay = answeredDay
            self.dueDay = dueDay
            self.deadlineDays = deadlineDays
        }
    }

    /// One pair of times in the wrong order: `later` at `laterAt` is before `earlier` at `earlierAt`.
    public struct TimeOrderProblem: Sendable, Equatable, Codable {
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
    public struct MatchedTerm: Sendable, Equatable, Codable {
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
    public struct ReviewerRecord: Sendable, Equatable, Codable {
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
    /// Instants the words can show: years 1 to 9999.
    static let instants: ClosedRange<Int64> = -62_135_596_800...253_402_300_799
    /// Local days the words can show: the same years.
    static let days: ClosedRange<Int64> = -719_162...2_932_896
    /// The most export text one detail may carry, in bytes: a state file claiming more is damaged.
    static let textLimit = 1 << 20

    /// Why a detail read from a state file cannot be what a check made (a time out of
    /// range, a count below zero, a share out of [0, 1], text beyond bounds), or nil. The
    /// words for a detail that passes never trap.
    public var damage: String? {
        func instant(_ value: LocalTime?) -> Bool {
            value.map { Self.instants.contains($0.instant) && abs($0.offset) < 86_400 } ?? true
        }
        func day(_ value: Int64) -> Bool { Self.days.contains(value) }
        func share(_ value: Double?) -> Bool { value.map { $0.isFinite && $0 >= 0 && $0 <= 1 } ?? true }
        let plausible: Bool
        switch self {
        case .notReviewed, .reviewNotRecorded, .notExplained, .explanationNotRecorded, .appealRouteNotRecorded,
             .aiNoticeNotRecorded, .unionNotNotified, .unionNotificationNotRecorded, .attritionRiskDecision:
            plausible = true
        case .reviewedAfterEffect(_, let reviewed, let effective): plausible = instant(reviewed) && instant(effective)
        case .rubberStamp(let reviewer):
            plausible = reviewer.judged >= 0 && (0...reviewer.judged).contains(reviewer.departed) && share(reviewer.fastShare)
                && (reviewer.medianSeconds.map { $0.isFinite && $0 >= 0 } ?? true) && reviewer.fastSeconds >= 0
                && reviewer.decisionIDs.count <= min(reviewer.judged, 20)
        case .noAppealRoute(_, let filed): plausible = instant(filed)
        case .appealReviewedBySoftware(_, let filed), .appealReviewerNotRecorded(_, let filed): plausible = instant(filed)
        case .appealUnanswered(let days, _), .appealAnsweredLate(let days):
            plausible = day(days.filedDay) && day(days.answeredDay) && day(days.dueDay) && days.deadlineDays >= 0
        case .sameAppealReviewer: plausible = true
        case .aiNoticeAfterDecision(_, let notice, let decided): plausible = instant(notice) && instant(decided)
        case .aiNoticeTooShort(_, let notice, let decided, let given, let required, _):
            plausible = instant(notice) && instant(decided) && given >= 0 && required >= 0
        case .timesOutOfOrder(let problems):
            plausible = !problems.isEmpty && problems.count <= CanonicalField.allCases.count
                && problems.allSatisfy { instant($0.laterAt) && instant($0.earlierAt) }
        case .attributeOftenUnknown(_, _, let unknown, let decisions, let maxShare):
            plausible = decisions > 0 && (0...decisions).contains(unknown) && share(maxShare)
        case .notifiedOffHours(_, let notified, _, let start, let end):
            plausible = instant(notified) && (0...86_400).contains(start) && (0...86_400).contains(end)
        case .prohibitedData(let terms), .protectedStatusDismissed(let terms), .protectedStatusPayCut(let terms):
            plausible = !terms.isEmpty && terms.count <= 64
        case .suspectReasons(_, let health, let offline): plausible = health.count + offline.count > 0 && health.count <= 64 && offline.count <= 64
        case .keptTooLong(let decided, let asOf, let limit): plausible = day(decided) && day(asOf) && limit >= 0
        case .dismissalKeptTooLong(let decided, let asOf, let limit, let retention):
            plausible = day(decided) && day(asOf) && limit >= 0 && retention >= 0
        case .scoreOutOfRange(let score, let low, let high): plausible = score.isFinite && low.isFinite && high.isFinite && low <= high
        case .attritionIndicators(let categories, let reasons): plausible = categories.count + reasons.count > 0
        }
        guard plausible else { return "a finding's detail holds values no check makes" }
        return exportTextBytes > Self.textLimit ? "a finding's detail holds more than \(Self.textLimit) bytes of export text" : nil
    }

    /// The bytes of export text the detail carries (spellings, ids, labels).
    var exportTextBytes: Int {
        func terms(_ terms: [MatchedTerm]) -> Int {
            terms.map { [$0.name.utf8.count, $0.chineseName.utf8.count, $0.items.map(\.utf8.count).saturatingSum].saturatingSum }.saturatingSum
        }
        switch self {
        case .rubberStamp(let reviewer): return reviewer.decisionIDs.map(\.utf8.count).saturatingSum
        case .sameAppealReviewer(_, let reviewer): return reviewer.utf8.count
        case .attributeOftenUnknown(_, let attribute, _, _, _): return attribute.utf8.count
        case .prohibitedData(let matched), .protectedStatusDismissed(let matched), .protectedStatusPayCut(let matched): return terms(matched)
        case .suspectReasons(_, let health, let offline): return [terms(health), terms(offline)].saturatingSum
        case .attritionIndicators(let categories, let reasons): return (categories + reasons).map(\.utf8.count).saturatingSum
        default: return 0
        }
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
