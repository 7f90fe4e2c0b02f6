/// A finding: one record that broke one rule. Plain values, ready for every output.
public struct Finding: Sendable, Equatable {
    public var decisionID: String
    /// The subject as reports show it (pseudonym, id, or empty when dropped).
    public var subject: String
    public var checkID: String
    public var severity: Severity
    /// nil for findings about the run rather than one decision (e.g. a reviewer, HR-03).
    public var decisionType: DecisionType?
    /// ISO 8601 UTC, or empty when not recorded.
    public var decidedAt: String
    public var detail: String
    public var notRecorded: Bool
    public var legalBasis: String
    public var file: String
    public var line: Int
}
