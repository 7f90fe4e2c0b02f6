/// The canonical vocabulary every export is mapped onto: the fields of a decision record
/// the checks and measures read, whatever the export's own headers and values.

/// A field of the canonical decision record.
public enum CanonicalField: String, CaseIterable, Sendable, Codable {
    case decisionID = "decision_id"
    case subjectID = "subject_id"
    case decisionType = "decision_type"
    case outcome
    case score
    case automated
    case system
    case decidedAt = "decided_at"
    case effectiveAt = "effective_at"
    case notifiedAt = "notified_at"
    case humanReviewed = "human_reviewed"
    case reviewerID = "reviewer_id"
    case reviewedAt = "reviewed_at"
    case reviewResult = "review_result"
    case explanationGiven = "explanation_given"
    case appealOffered = "appeal_offered"
    case appealFiledAt = "appeal_filed_at"
    case appealRespondedAt = "appeal_responded_at"
    case appealReviewer = "appeal_reviewer"
    case appealResult = "appeal_result"
    /// Who decided the contest (a person's id), to see whether the same person confirmed the decision (AP-05).
    case appealReviewerID = "appeal_reviewer_id"
    case dataCategories = "data_categories"
    case unionNotified = "union_notified"
    case protectedStatus = "protected_status"
    case aiNoticeAt = "ai_notice_at"
    case reasonCodes = "reason_codes"
    case jurisdiction

    /// Position in `allCases`, for array lookups on the hot path (a switch, not a hash).
    package var ordinal: Int {
        switch self {
        case .decisionID: 0
        case .subjectID: 1
        case .decisionType: 2
        case .outcome: 3
        case .score: 4
        case .automated: 5
        case .system: 6
        case .decidedAt: 7
        case .effectiveAt: 8
        case .notifiedAt: 9
        case .humanReviewed: 10
        case .reviewerID: 11
        case .reviewedAt: 12
        case .reviewResult: 13
        case .explanationGiven: 14
        case .appealOffered: 15
        case .appealFiledAt: 16
        case .appealRespondedAt: 17
        case .appealReviewer: 18
        case .appealResult: 19
        case .appealReviewerID: 20
        case .dataCategories: 21
        case .unionNotified: 22
        case .protectedStatus: 23
        case .aiNoticeAt: 24
        case .reasonCodes: 25
        case .jurisdiction: 26
        }
    }

    /// Fields without which a row cannot become a record.
    public var isRequired: Bool {
        switch self {
        case .decisionID, .decisionType, .outcome: true
        default: false
        }
    }

    public enum Kind: Sendable { case text, timestamp, boolean, number, outcome, decisionType, reviewResult, appealReviewer, list }

    public var kind: Kind {
        switch self {
        case .decisionID, .subjectID, .system, .reviewerID, .appealReviewerID, .jurisdiction: .text
        case .decidedAt, .effectiveAt, .notifiedAt, .reviewedAt, .appealFiledAt, .appealRespondedAt, .aiNoticeAt: .timestamp
        case .automated, .humanReviewed, .explanationGiven, .appealOffered, .unionNotified: .boolean
        case .score: .number
        case .outcome: .outcome
        case .decisionType: .decisionType
        case .reviewResult, .appealResult: .reviewResult
        case .appealReviewer: .appealReviewer
        case .dataCategories, .protectedStatus, .reasonCodes: .list
        }
    }
}

public enum Outcome: String, CaseIterable, Sendable, Codable {
    case favorable, adverse
}

public enum DecisionType: String, CaseIterable, Sendable, Codable, Comparable {
    case hiring, promotion, dismissal, demotion, discipline, transfer, pay, scheduling
    case taskAllocation = "task_allocation"
    case performanceRating = "performance_rating"
    case suspension
    case attritionRisk = "attrition_risk"
    case other

    /// Position in `allCases`, for array lookups on the hot path.
    package var ordinal: Int {
        switch self {
        case .hiring: 0
        case .promotion: 1
        case .dismissal: 2
        case .demotion: 3
        case .discipline: 4
        case .transfer: 5
        case .pay: 6
        case .scheduling: 7
        case .taskAllocation: 8
        case .performanceRating: 9
        case .suspension: 10
        case .attritionRisk: 11
        case .other: 12
        }
    }

    public static func < (a: DecisionType, b: DecisionType) -> Bool { a.rawValue < b.rawValue }

    /// Hashed by position: the standard library's default for a type with a raw value hashes
    /// the raw value's text, which a set of types paid on every record.
    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }

    /// Kinds that are sanctions by nature: adverse whatever else a row says.
    public var isSanction: Bool { self == .dismissal || self == .demotion || self == .discipline || self == .suspension }

    /// The types with a major effect on a worker, unless a pipeline says otherwise.
    public static let defaultSignificant: Set<DecisionType> = [.hiring, .dismissal, .demotion, .discipline, .suspension, .pay]
}

public enum ReviewResult: String, CaseIterable, Sendable, Codable {
    case upheld, modified, overturned
}

public enum AppealReviewer: String, CaseIterable, Sendable, Codable {
    case human, automated
}
