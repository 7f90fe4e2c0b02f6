@testable import AdmAudit

extension Diagnostic {
    /// Its words for a reader of `language`, as the readable outputs give them.
    func message(_ language: ReportLanguage) -> String { ReportText(language: language).message(self) }
}
