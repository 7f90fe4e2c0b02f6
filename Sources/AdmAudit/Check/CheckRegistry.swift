/// Every check admaudit knows, in catalogue order, with its defaults; pipeline files
/// enable, disable, re-grade and parameterise them (`checks:`).
public enum CheckRegistry {
    /// Checks judged record by record, in catalogue order (HR, EX, AP, DM, DC, LC, NT,
    /// RC, DQ): reports list findings in this order.
    public static let recordChecks: [any RecordCheck.Type] = [
        HumanReviewMissing.self,
        ImpossibleTimeOrder.self,
        ScoreOutOfRange.self,
        PlaceNotAudited.self,
        HumanReviewAfterEffect.self,
        ExplanationMissing.self,
        AppealRouteMissing.self,
        AppealReviewedBySoftware.self,
        AppealSameReviewer.self,
        AutomationNoticeMissing.self,
        AppealUnansweredPastDeadline.self,
        AppealAnsweredLate.self,
        RetentionLimitExceeded.self,
        NotifiedOutsideWorkingHours.self,
        ProhibitedDataUsed.self,
        AttritionScoring.self,
        UnionNotNotified.self,
        ProtectedStatusDismissal.self,
        SuspectReasonCodes.self,
        // record checks: add new types here
    ]

    /// Checks judged over the whole run.
    public static let runChecks: [any RunCheck.Type] = [
        RubberStampReview.self,
        MissingAttributeShare.self,
        // run checks: add new types here
    ]

    /// Checks of working time, judged from the activity logs per worker (only when a run read one).
    public static let workTimeChecks: [any WorkTimeCheck.Type] = [
        OffHoursContactExpectingReply.self,
        OvertimeOverLimit.self,
        NoWeeklyRestDay.self,
        RecurringOffHoursWork.self,
        ShortDailyRest.self,
        AverageWeekOverLimit.self,
        // work-time checks: add new types here
    ]

    /// The ids of the working-time checks, which the summaries name only when a run read an activity log.
    public static var workTimeCheckIDs: Set<String> { Set(workTimeChecks.map { $0.descriptor.id }) }

    /// A check's catalogue entry.
    public struct Entry: Sendable {
        public var descriptor: CheckDescriptor
        public var parameters: [CheckParameter]
    }

    /// Every check, ordered by id in catalogue order (HR, EX, AP, DM, DC, LC, NT, RC, DQ).
    public static var all: [Entry] {
        let entries = recordChecks.map { Entry(descriptor: $0.descriptor, parameters: $0.parameters) }
            + runChecks.map { Entry(descriptor: $0.descriptor, parameters: $0.parameters) }
            + workTimeChecks.map { Entry(descriptor: $0.descriptor, parameters: $0.parameters) }
            + [Entry(descriptor: DecisionAfterUnansweredContact.descriptor, parameters: DecisionAfterUnansweredContact.parameters)]
        return entries.sorted { catalogueRank($0.descriptor.id) < catalogueRank($1.descriptor.id) }
    }

    public static func entry(_ id: String) -> Entry? { all.first { $0.descriptor.id == id } }

    /// Why a check's parameters, taken together, cannot be used; nil when they can.
    package static func validate(_ id: String, given: [String: ParameterValue]) -> String? {
        if let type = recordChecks.first(where: { $0.descriptor.id == id }) {
            return type.validate(CheckParameters(declared: type.parameters, given: given))
        }
        if let type = runChecks.first(where: { $0.descriptor.id == id }) {
            return type.validate(CheckParameters(declared: type.parameters, given: given))
        }
        if let type = workTimeChecks.first(where: { $0.descriptor.id == id }) {
            return type.validate(CheckParameters(declared: type.parameters, given: given))
        }
        if id == DecisionAfterUnansweredContact.descriptor.id {
            return DecisionAfterUnansweredContact.validate(CheckParameters(declared: DecisionAfterUnansweredContact.parameters, given: given))
        }
        return nil
    }

    /// Catalogue order of two check ids (HR before EX before AP …, then by id).
    public static func precedes(_ a: String, _ b: String) -> Bool { catalogueRank(a) < catalogueRank(b) }

    private static func catalogueRank(_ id: String) -> (Int, String) {
        let families = ["HR", "EX", "AP", "DM", "DC", "WT", "LC", "NT", "RC", "DQ"]
        return (families.firstIndex(of: String(id.prefix(2))) ?? families.count, id)
    }

    /// The effective descriptor of a check under a pipeline's settings: severity
    /// overridden, legal bases narrowed to the selected jurisdictions.
    public static func effective(_ descriptor: CheckDescriptor, _ settings: CheckSettings) -> CheckDescriptor {
        var descriptor = descriptor
        if let severity = settings.overrides[descriptor.id]?.severity { descriptor.severity = severity }
        descriptor.legalBasis = descriptor.legalBasis.filter { settings.jurisdictions.contains($0.jurisdiction) }
        descriptor.notes = descriptor.notes.filter { $0.concerns(settings.jurisdictions) }
        return descriptor
    }

    package static func isEnabled(_ id: String, _ settings: CheckSettings) -> Bool {
        settings.overrides[id]?.enabled != false
    }

    /// The record checks a pipeline runs, made with their parameters.
    /// A check whose every legal basis lies outside the selected jurisdictions has nothing
    /// to enforce in this audit; data-quality checks, which cite none, always run.
    public static func isEnabled(_ descriptor: CheckDescriptor, _ settings: CheckSettings) -> Bool {
        isEnabled(descriptor.id, settings)
            && (descriptor.legalBasis.isEmpty || !effective(descriptor, settings).legalBasis.isEmpty)
    }

    static func enabledRecordChecks(_ settings: CheckSettings) -> [(check: any RecordCheck, descriptor: CheckDescriptor)] {
        recordChecks.filter { isEnabled($0.descriptor, settings) }.map { type in
            let given = settings.overrides[type.descriptor.id]?.parameters ?? [:]
            return (type.init(parameters: CheckParameters(declared: type.parameters, given: given)), effective(type.descriptor, settings))
        }
    }

    /// The working-time checks a pipeline runs, made with their parameters.
    package static func enabledWorkTimeChecks(_ settings: CheckSettings) -> [(check: any WorkTimeCheck, descriptor: CheckDescriptor)] {
        workTimeChecks.filter { isEnabled($0.descriptor, settings) }.map { type in
            let given = settings.overrides[type.descriptor.id]?.parameters ?? [:]
            return (type.init(parameters: CheckParameters(declared: type.parameters, given: given)), effective(type.descriptor, settings))
        }
    }

    /// The run checks a pipeline runs, made with their parameters.
    package static func enabledRunChecks(_ settings: CheckSettings) -> [(check: any RunCheck, descriptor: CheckDescriptor)] {
        runChecks.filter { isEnabled($0.descriptor, settings) }.map { type in
            let given = settings.overrides[type.descriptor.id]?.parameters ?? [:]
            return (type.init(parameters: CheckParameters(declared: type.parameters, given: given)), effective(type.descriptor, settings))
        }
    }
}
