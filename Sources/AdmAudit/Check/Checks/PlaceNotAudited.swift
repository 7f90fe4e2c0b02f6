/// DQ-04: a decision whose place the audit cannot read, or places outside the jurisdictions
/// it selects.
///
/// Applies to every record whose `jurisdiction` is written (a blank one is the run's, and
/// not flagged). Flags one whose value `Places.jurisdictionCode` cannot read (`Atlantis`,
/// `D u b l i n`, `SZ`): such a decision is judged as if its place were blank, under every
/// jurisdiction the pipeline selects, so no rule is lost by spoiling a place, and the
/// finding says the judgement rests on that; so is one naming places of two jurisdictions
/// apart (`Berlin / New York`, `Dublin → NYC`: read as the one named last, a Berlin decision
/// was under no human-review rule), and the finding names both. Flags one whose place is read but lies in no
/// jurisdiction `checks.jurisdictions` covers (`Shanghai` in an audit of `[EU]`, a site the
/// export lists only after init's sample): no rule citing a law judged it, and the finding
/// says so rather than a smaller applicable count alone. Flags one whose place the pipeline
/// lists but where no check's rule is in force (`GB` for a Glasgow office, which init lists
/// as the export's place): the decision is measured, and judged by no law, and an
/// inspector running init's pipeline unedited was told so only in its comments (a helper's
/// UK export lost 19 of 38 unreviewed dismissals that way, with a summary that said nothing).
public struct PlaceNotAudited: RecordCheck {
    public static let descriptor = CheckDescriptor(
        id: "DQ-04",
        severity: .warning,
        titleEnglish: "Place unknown, or outside the audited jurisdictions",
        titleChinese: "地点无法识别或不在审计法域之内",
        legalBasis: [],
        notRecordedIsViolation: false
    )

    /// What each unreadable place names apart, read once per spelling: every row of an export
    /// may write one.
    private let apartReadings = PlacesApartReadings()

    public init(parameters: CheckParameters = CheckParameters()) {}

    public func evaluate(_ record: DecisionRecord, context: CheckContext) -> CheckVerdict {
        guard !ValueMaps.isBlank(record.jurisdiction) else { return .notApplicable }
        // Written, yet no code: a place the run could not read (`CheckContext.recordJurisdiction`).
        guard let code = context.recordJurisdiction else {
            let place = Self.place(record)
            let apart = apartReadings.jurisdictionsApart(in: record.jurisdiction, place: place)
            return .violation(apart.isEmpty ? .placeUnknown(place: place) : .placeNamesSeveral(place: place, jurisdictions: apart))
        }
        if !context.jurisdictions.isEmpty, !context.jurisdictions.contains(where: { CheckRunner.covers($0, code) }) {
            return .violation(.placeOutsideAudit(place: Self.place(record), jurisdiction: code))
        }
        if !Self.citedJurisdictions.contains(where: { CheckRunner.covers($0, code) }) {
            return .violation(.placeUnderNoRule(place: Self.place(record), jurisdiction: code))
        }
        return .compliant
    }

    /// The jurisdictions of every record check's rules (`CN`, `EU`, `US-NYC`…).
    private static let citedJurisdictions: [String] = {
        var codes: [String] = []
        for check in CheckRegistry.recordChecks {
            for citation in check.descriptor.legalBasis where !codes.contains(citation.jurisdiction) { codes.append(citation.jurisdiction) }
        }
        return codes
    }()

    private static func place(_ record: DecisionRecord) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: record.jurisdiction.bytes[TextKey.trimmedRange(record.jurisdiction.bytes)]), as: UTF8.self)
    }
}

/// `Places.jurisdictionsApart` of each spelling of a place (`LearnedReadings`), in a class so
/// that a check's `evaluate`, which cannot mutate, can remember. Each auditor makes its own
/// checks, so one instance is used from one thread only.
final class PlacesApartReadings: @unchecked Sendable {
    private var learned = LearnedReadings<[String]>()

    /// `place`: `field` trimmed, as text.
    func jurisdictionsApart(in field: FieldBytes, place: String) -> [String] {
        let bytes = UnsafeRawBufferPointer(rebasing: field.bytes[TextKey.trimmedRange(field.bytes)])
        if let known = learned.lookup(bytes) { return known }
        let apart = Places.jurisdictionsApart(in: place)
        learned.remember(bytes, apart)
        return apart
    }
}
