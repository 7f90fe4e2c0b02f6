/// Why a check could not judge a record: a code, as report.json and the state files hold
/// it. The words are the readable reports' (`ReportText.unknownReason`), in their language;
/// the checks hold none.
public enum UnknownReason: String, CaseIterable, Sendable {
    /// The check judges what is pending on the as-of date, and none was given.
    case noAsOfDate = "no_as_of_date"
    /// The check's own settings cannot be used (the pipeline loader refuses such settings,
    /// so only a pipeline built in code meets it).
    case unusableSettings = "unusable_settings"
    case appealReviewerIDNotRecorded = "appeal_reviewer_id_not_recorded"
    case notifiedAtNotRecorded = "notified_at_not_recorded"
    case decidedAtNotRecorded = "decided_at_not_recorded"
    /// DC-02: decided_at gives the day only (local midnight), and an unanswered off-hours
    /// contact came that day: whether it came before the decision the export does not say.
    case decidedAtDayOnly = "decided_at_day_only"
    case reviewedAtAndEffectiveAtNotRecorded = "reviewed_at_and_effective_at_not_recorded"
    case reviewedAtNotRecorded = "reviewed_at_not_recorded"
    /// HR-03: a reviewer with enough reviews, none with its result recorded.
    case reviewResultNotRecorded = "review_result_not_recorded"
    case effectiveAtNotRecorded = "effective_at_not_recorded"
    case dataCategoriesNotRecorded = "data_categories_not_recorded"
    /// LC-02: the export has no column of protected statuses, so none is recorded for anyone
    /// (an empty cell in such a column is read as no status).
    case protectedStatusNotInExport = "protected_status_not_in_export"
    case dataCategoriesEmpty = "data_categories_empty"
    case reasonCodesNotRecorded = "reason_codes_not_recorded"
    case reasonCodesEmpty = "reason_codes_empty"
    case dataCategoriesAndReasonCodesNotRecorded = "data_categories_and_reason_codes_not_recorded"
    case dataCategoriesAndReasonCodesEmpty = "data_categories_and_reason_codes_empty"

    public var code: String { rawValue }
}
