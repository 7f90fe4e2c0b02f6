/// A row that passed validation, in canonical form.
///
/// Text fields borrow the reader's row buffer (valid while the row is processed); the
/// checks and measures read what they need and copy only what becomes a finding.
/// Optional values are nil when the export did not record them.
public struct DecisionRecord {
    /// Index of the input file in the run, and where the row starts in it.
    public var fileIndex: Int
    public var line: Int

    public var decisionID: FieldBytes
    /// The export has no decision id: `decisionID` is the row's line (`line 12`), made by the
    /// builder, so it names nobody.
    public var decisionIDIsLine = false
    public var subjectID: FieldBytes
    public var system: FieldBytes
    public var reviewerID: FieldBytes
    /// Who decided the contest, when the export says.
    public var appealReviewerID: FieldBytes
    public var jurisdiction: FieldBytes
    public var dataCategories: FieldBytes
    public var protectedStatus: FieldBytes
    public var reasonCodes: FieldBytes

    public var decisionType: DecisionType
    public var outcome: Outcome
    /// True when the outcome came from `derive` rather than the export.
    public var outcomeDerived: Bool
    public var score: Double?

    /// nil: the export does not say (see `InputSettings.assumeAutomated`).
    public var automated: Bool?
    public var humanReviewed: Bool?
    public var explanationGiven: Bool?
    public var appealOffered: Bool?
    public var unionNotified: Bool?
    public var reviewResult: ReviewResult?
    public var appealResult: ReviewResult?
    public var appealReviewer: AppealReviewer?

    /// Instants in seconds since 1970-01-01 UTC.
    public var decidedAt: Int64?
    public var effectiveAt: Int64?
    public var notifiedAt: Int64?
    public var reviewedAt: Int64?
    public var appealFiledAt: Int64?
    public var appealRespondedAt: Int64?
    public var aiNoticeAt: Int64?

    /// Group code per pipeline attribute (`AttributeGroups.unknown` when not known).
    public var groups: UnsafeBufferPointer<Int32>

    /// Fields the export marked not applicable (`N/A`, `不适用`, `—`): nil above, like a
    /// field not recorded, and named so in the checks' details.
    public var notApplicable = FieldSet()

    /// Times the export wrote as a date alone (`2025-03-01`): read as that day's midnight,
    /// they say the day only, so a check compares them with other times by day.
    public var dayOnly = FieldSet()

    /// Fields the pipeline reads from no column of this record's file: not recorded for any
    /// row, where an empty cell is recorded empty (LC-02 reads an empty status as none).
    public var unmapped = FieldSet()

    /// Index of the row's time zone (`PlaceZones`): 0, the pipeline's `time_zone`, unless the
    /// export's sites are in several zones.
    public var zone = 0

    /// A record of nothing read, for a reader that fills one record row after row
    /// (`RecordBuilder.build(_:ids:into:)`).
    package static var blank: DecisionRecord {
        let none = FieldBytes(bytes: UnsafeRawBufferPointer(start: nil, count: 0), isMissing: true)
        return DecisionRecord(fileIndex: 0, line: 0, decisionID: none, subjectID: none, system: none, reviewerID: none,
                              appealReviewerID: none, jurisdiction: none, dataCategories: none, protectedStatus: none,
                              reasonCodes: none, decisionType: .hiring, outcome: .favorable, outcomeDerived: false,
                              groups: UnsafeBufferPointer(start: nil, count: 0))
    }
}

/// A set of canonical fields, as bits (no allocation on the hot path).
public struct FieldSet: Sendable, Equatable {
    private var bits: UInt32 = 0

    public init() {}

    public func contains(_ field: CanonicalField) -> Bool { bits & (1 << UInt32(field.ordinal)) != 0 }
    public mutating func insert(_ field: CanonicalField) { bits |= 1 << UInt32(field.ordinal) }
    public var isEmpty: Bool { bits == 0 }
}

