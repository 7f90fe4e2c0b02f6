public enum ReportLanguage: String, Sendable, CaseIterable {
    case en, zh
}
