/// A finding: one record that broke one rule. Plain values, ready for every output.
public struct Finding: Sendable, Equatable {
    public var decisionID: String
    /// The worker (pseudonym, id, or empty when dropped), or what a run-wide finding is about.
    public var subject: FindingSubject
    public var checkID: String
    public var severity: Severity
    /// nil for findings about the run rather than one decision (e.g. a reviewer, HR-03).
    public var decisionType: DecisionType?
    /// ISO 8601 UTC, or empty when not recorded.
    public var decidedAt: String
    /// The values that prove it; the outputs word them in the reader's language.
    public var detail: FindingDetail
    public var notRecorded: Bool
    /// The citations in force for the record, in both languages (the outputs pick one).
    public var legalBasis: CitedText
    public var file: String
    public var line: Int

    package init(decisionID: String, subject: FindingSubject, checkID: String, severity: Severity, decisionType: DecisionType? = nil, decidedAt: String, detail: FindingDetail, notRecorded: Bool, legalBasis: CitedText, file: String, line: Int) {
        self.decisionID = decisionID
        self.subject = subject
        self.checkID = checkID
        self.severity = severity
        self.decisionType = decisionType
        self.decidedAt = decidedAt
        self.detail = detail
        self.notRecorded = notRecorded
        self.legalBasis = legalBasis
        self.file = file
        self.line = line
    }
}

/// The citations a finding rests on, joined with `; `, as an English and a Chinese reader
/// name them: made once per set of citations, so a finding carries it without building text.
public struct CitedText: Sendable, Equatable {
    public var english: String
    public var chinese: String

    public init(english: String, chinese: String) {
        self.english = english
        self.chinese = chinese
    }

    public func text(_ language: ReportLanguage) -> String { language == .zh ? chinese : english }
}
