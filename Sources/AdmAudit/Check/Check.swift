/// A note under a check (what is a reading rather than a rule, where two rules pull apart),
/// for the jurisdictions it concerns; none named: every audit.
public struct CheckNote: Sendable, Equatable {
    public var jurisdictions: [String]
    public var english: String
    public var chinese: String

    /// True for an audit of `jurisdictions` (`checks.jurisdictions`).
    func concerns(_ audited: [String]) -> Bool {
        jurisdictions.isEmpty || jurisdictions.contains { audited.contains($0) }
    }
}

/// What a check is: the facts every output shows about it.
public struct CheckDescriptor: Sendable, Equatable {
    public var id: String
    public var severity: Severity
    public var titleEnglish: String
    public var titleChinese: String
    public var legalBasis: [LegalCitation]
    /// Where the law puts the burden of proof on the employer, a field that was not
    /// recorded counts as a violation (and the finding says so); elsewhere as unknown.
    public var notRecordedIsViolation: Bool
    /// The check judges what is still pending on the as-of date (AP-03, DM-02), so it
    /// needs that date before the run.
    public var usesAsOfDate: Bool = false
    /// The rule is broken on the as-of date rather than on the decision's (DM-02: still
    /// holding a record), so whether it is in force is judged on that date.
    public var inForceOnAsOfDate: Bool = false
    /// Where the basis is policy rather than statute, or two rules pull apart, the
    /// report says so: one note per jurisdiction it concerns, so that an audit is told only
    /// of the law in its scope (`CheckRegistry.effective` keeps those).
    public var notes: [CheckNote] = []
    /// What the employer must have recorded for a "not recorded" violation of this check
    /// not to count, as the reports' note on such violations says it ("an explanation
    /// given"): English after "did not record", Chinese after "未记录". Every check whose
    /// `notRecordedIsViolation` holds names its own.
    public var notRecordedEnglish: String? = nil
    public var notRecordedChinese: String? = nil
    /// What the ids of the check's evidence list name: decisions, or (HR-03) reviewers, which
    /// the list words as such.
    public var evidenceNames: EvidenceNames = .decisions

    public enum EvidenceNames: Sendable, Equatable { case decisions, reviewers }

    /// The notes in `language`, one paragraph; nil when there are none.
    public func caveat(_ language: ReportLanguage) -> String? {
        notes.isEmpty ? nil : notes.map { language == .zh ? $0.chinese : $0.english }.joined(separator: language == .zh ? "" : " ")
    }

    /// What a "not recorded" violation of this check lacks, in `language`.
    public func notRecorded(_ language: ReportLanguage) -> String? {
        language == .zh ? notRecordedChinese : notRecordedEnglish
    }

    public func title(_ language: ReportLanguage) -> String {
        language == .zh ? titleChinese : titleEnglish
    }
}

/// A check's verdict on one record.
public enum CheckVerdict: Equatable {
    /// The record is outside the check's scope.
    case notApplicable
    case compliant
    /// A violation, with the values that prove it (the reports word them).
    case violation(FindingDetail)
    /// A violation that rests on some of the check's citations only, named by instrument
    /// and article (`PIPL 28`, `AIA 5(1)(f)`): its finding cites those of them in force (all
    /// in force when none of them is). A DM-01 finding on health data does not cite the
    /// AI Act's ban on emotion recognition.
    case violationCiting(FindingDetail, citations: Set<String>)
    /// A violation only under the citations named: where none of them is in force for the
    /// decision (its date, its jurisdiction), the record is outside the check's scope. An
    /// RC-01 reason that may stand for health is not held against a decision no rule on
    /// health data covers, whatever working-time rule covers it.
    case violationOnlyCiting(FindingDetail, citations: Set<String>)
    /// A violation because the employer did not record what would show compliance.
    case violationNotRecorded(FindingDetail)
    /// Cannot be judged: a field the check needed was not recorded.
    case unknown(UnknownReason)
}

/// Run-wide facts a check may need.
public struct CheckContext: Sendable {
    public var significantTypes: Set<DecisionType>
    public var assumeAutomated: Bool
    /// Local dates in the pipeline's time zone.
    public var calendar: LocalCalendar
    /// The pipeline's `checks.jurisdictions`; a record without its own `jurisdiction` is
    /// judged under these.
    public var jurisdictions: [String] = []
    /// The record's own jurisdiction as the legal bases name it (`CN`, `NL`, `US-NYC`; a country
    /// or city written out is read as its code), nil when it has none: blank, or a place
    /// `Places.jurisdictionCode` cannot read, judged as a blank one (DQ-04 names it). Set per record.
    public var recordJurisdiction: String? = nil
    /// The pipeline's protected attributes, in the order of `DecisionRecord.groups`.
    public var attributeNames: [String] = []
    /// The audit's as-of date as a local day, when known before the run (`--as-of` or
    /// `audit_date`). Checks that judge "still pending" need it; without it they say unknown.
    public var asOfDay: Int64?
    /// How reports show subjects (`report.subject_ids`): a check listing decisions by id leaves
    /// out an id that is the subject's own unless ids are kept (`SubjectInDecisionID`).
    public var subjectIDs: SubjectIDHandling = .pseudonymize
    public init(significantTypes: Set<DecisionType>, assumeAutomated: Bool, calendar: LocalCalendar, asOfDay: Int64? = nil) {
        self.significantTypes = significantTypes
        self.assumeAutomated = assumeAutomated
        self.calendar = calendar
        self.asOfDay = asOfDay
    }

    /// How a field the check needed is missing from `record`: empty, or marked not
    /// applicable (`N/A`) by the export.
    public func absence(of field: CanonicalField, in record: DecisionRecord) -> FindingDetail.Absence {
        record.notApplicable.contains(field) ? .markedNotApplicable : .empty
    }

    /// The applicable set of the HR/EX/AP rules: automated decisions of a significant type
    /// with an adverse outcome.
    public func isSignificantAdverseAutomated(_ record: DecisionRecord) -> Bool {
        guard record.outcome == .adverse, significantTypes.contains(record.decisionType) else { return false }
        return record.automated ?? assumeAutomated
    }
}

/// A rule judged one record at a time.
public protocol RecordCheck: Sendable {
    static var descriptor: CheckDescriptor { get }
    /// Settings a pipeline may give under `checks.<ID>`; none by default.
    static var parameters: [CheckParameter] { get }
    init(parameters: CheckParameters)
    /// Checks the parameters together (e.g. a start before an end) when the pipeline is
    /// loaded; returns why they cannot be used, or nil.
    static func validate(_ parameters: CheckParameters) -> String?
    func evaluate(_ record: DecisionRecord, context: CheckContext) -> CheckVerdict
}

extension RecordCheck {
    public static var parameters: [CheckParameter] { [] }
    public static func validate(_ parameters: CheckParameters) -> String? { nil }
}

/// A rule judged over the whole run (e.g. HR-03, reviewers who never depart from the
/// system): it sees every record, then gives its findings at the end.
public protocol RunCheck: Sendable {
    /// What the check saves with a shard's state: its own type, so a merge reads back
    /// exactly what was observed.
    associatedtype Observations: RunCheckObservations
    static var descriptor: CheckDescriptor { get }
    static var parameters: [CheckParameter] { get }
    init(parameters: CheckParameters)
    static func validate(_ parameters: CheckParameters) -> String?
    mutating func observe(_ record: DecisionRecord, context: CheckContext)
    /// The outcome once every record was seen. Throws only when what the check kept in
    /// TMPDIR (`SortedRuns`) cannot be read back.
    func conclude(context: CheckContext) throws(AuditError) -> RunCheckOutcome
    /// What the check has observed, saved with a shard's state so that a merge can judge
    /// the whole run as one.
    var observations: Observations { get throws(AuditError) }
    /// Adds another shard's observations; the reason when they are damaged (a count out of
    /// bounds or against another), so the merge refuses the state file.
    mutating func absorb(_ observations: Observations, context: CheckContext) -> String?
    /// Adds what the same check observed over a later part of the same file. By default
    /// through its observations; a check whose observations grow with the rows (HR-03's
    /// review times) joins them directly, without making them.
    mutating func join(_ later: Self, context: CheckContext) throws(AuditError) -> String?
}

/// A run check's saved observations (say, per reviewer: reviews, departures, review
/// durations, the first decision ids): plain values that encode to the same bytes for the
/// same observations. Whatever a state file holds is checked by `RunCheck.absorb`, counts
/// against `SelectionCounts.countLimit` (a state claiming more is damaged).
public protocol RunCheckObservations: Codable, Sendable, Equatable {
    /// How many records the observations cover (no more than one each): a state whose
    /// observations cover more records than it accepted is damaged. Never traps.
    var recordsObserved: Int { get }
    /// Where the observations disagree with the state's outcome counts of the same decisions
    /// (`counts`: decisions and unknown groups per type and attribute), or nil. Observations
    /// that count what the measure stage also counts must agree with it, so a forged state
    /// cannot change one without the other.
    func disagreement(with counts: SelectionCounts) -> String?
}

extension RunCheckObservations {
    public func disagreement(with counts: SelectionCounts) -> String? { nil }
}

extension RunCheck {
    public static var parameters: [CheckParameter] { [] }
    public static func validate(_ parameters: CheckParameters) -> String? { nil }

    public mutating func join(_ later: Self, context: CheckContext) throws(AuditError) -> String? {
        absorb(try later.observations, context: context)
    }

    /// Joins the same check of a later part (`join`), refused when it is another check.
    package mutating func join(any later: any RunCheck, context: CheckContext) throws(AuditError) -> String? {
        guard let typed = later as? Self else { return "\(Self.descriptor.id) was given another check to join" }
        return try join(typed, context: context)
    }

    /// Adds observations read from a state file or another runner, refused when they are
    /// another check's.
    package mutating func absorb(any observations: any RunCheckObservations, context: CheckContext) -> String? {
        guard let typed = observations as? Observations else { return "\(Self.descriptor.id) was given another check's observations" }
        return absorb(typed, context: context)
    }

    /// Reads this check's observations from a state file.
    package static func decodeObservations<Key: CodingKey>(from container: KeyedDecodingContainer<Key>, forKey key: Key) throws -> any RunCheckObservations {
        try container.decode(Observations.self, forKey: key)
    }
}

/// What a run-wide check found: how many units (e.g. reviewers) it judged and which broke the rule.
public struct RunCheckOutcome: Sendable, Equatable {
    public struct Violation: Sendable, Equatable {
        /// What the finding is about, e.g. reviewer R07.
        public var subject: FindingSubject
        public var detail: FindingDetail
        public init(subject: FindingSubject, detail: FindingDetail) {
            self.subject = subject
            self.detail = detail
        }
    }

    public var applicable: Int
    public var unknown: Int
    /// Why the units counted in `unknown` could not be judged.
    public var unknownReasons: [UnknownReason: Int]
    public var violations: [Violation]

    public init(applicable: Int, unknown: [UnknownReason: Int] = [:], violations: [Violation]) {
        self.applicable = applicable
        self.unknown = unknown.values.reduce(0, +)
        self.unknownReasons = unknown
        self.violations = violations
    }
}

