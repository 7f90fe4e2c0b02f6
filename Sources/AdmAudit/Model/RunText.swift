/// The only text made before the report stage is `init`'s: the comments of the pipeline it
/// writes, in the export's language. Reject reasons, finding details, unknown and undefined
/// reasons and diagnostics are codes and values that the report stage words (`ReportText`).
/// Identifiers stay as they are in both languages: check ids, reject codes, flags, field
/// names such as `human_reviewed`, and the export's own values.
extension ReportLanguage {
    /// The English or the Chinese text. Both are autoclosures, so only the chosen one is
    /// built: a detail costs what it cost before, and a literal costs nothing.
    @inline(__always)
    public func text(_ english: @autoclosure () -> String, _ chinese: @autoclosure () -> String) -> String {
        self == .zh ? chinese() : english()
    }
}

extension DecisionType {
    /// The decision type in a Chinese sentence, as in "不利的辞退决定": the words an
    /// inspector uses (the built-in vocabulary's first Chinese spelling, by and large).
    package var chineseName: String {
        switch self {
        case .hiring: "招聘"
        case .promotion: "晋升"
        case .dismissal: "辞退"
        case .demotion: "降职"
        case .discipline: "纪律处分"
        case .transfer: "调岗"
        case .pay: "薪酬"
        case .scheduling: "排班"
        case .taskAllocation: "任务分配"
        case .performanceRating: "绩效评定"
        case .suspension: "停职"
        case .attritionRisk: "离职风险评估"
        case .other: "其他"
        }
    }
}


