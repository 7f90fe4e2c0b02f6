/// RC-01: an adverse decision whose stated reasons may stand for health or a protected
/// status, or punish being offline.
///
/// Applies to every decision with an adverse outcome, automated or not, of any type.
/// Flags the record when an item of `reason_codes` names a term of either vocabulary:
/// - `health_reasons`, reasons that may stand for health, disability, pregnancy or
///   another protected status: toilet breaks, idle time, rate shortfall, sickness;
/// - `offline_reasons`, reasons that punish not answering or being offline: non-response.
/// Each comes with English and Chinese synonyms, matched as written or inside a longer
/// reason (`如厕超时（3次）`); a pipeline extends either vocabulary (`{replace: true}` with no
/// terms turns that group off).
/// The detail names the canonical reasons of each group and the items as the export
/// wrote them, e.g. `may stand for health or a protected status: toilet_breaks [如厕]`.
///
/// An adverse decision with empty `reason_codes` (or separators only) is unknown (nothing states the reasons),
/// not a violation. Favourable decisions are not applicable. The reasons are suspect,
/// not proof: a rate shortfall may be just that, and the check does not know whether
/// a non-response was out of hours (DC-01 judges notification times); the caveat says so.
///
/// A finding cites the rules of the kinds of reason it found (both sets when both kinds
/// are there): health reasons PIPL 28, PWD 7 and, on a dismissal, LCL 42 (which bars
/// dismissing a worker in a medical treatment period; other decisions do not breach it);
/// offline reasons the right-to-disconnect bases DC-01 cites (`Instruments.rightToDisconnect`):
/// Labour Law Art. 36 and 41 and Civil Code Art. 1032 as readings, not statute, Code du
/// travail L2242-17, Fair Work Act s 333M. Each basis is cited only when the pipeline
/// selects its jurisdiction (FR, AU for the last two) and it is in force on the decision's
/// date. A reason is not held against a decision none of its own bases covers: a health
/// reason on a Chinese discipline before the PIPL applied (2021-11-01) is not applicable,
/// though the Labour Law covers the decision.
public struct SuspectReasonCodes: RecordCheck {
    public static let descriptor = CheckDescriptor(
        id: "RC-01",
        severity: .warning,
        titleEnglish: "Adverse decision on reasons that may stand for health or punish being offline",
        titleChinese: "不利决策理由可能指向健康状况、特殊保护状态或惩罚离线",
        legalBasis: [Instruments.pipl("28"), Instruments.pwd("7"), Instruments.lcl.cite("42")] + Instruments.rightToDisconnect,
        notRecordedIsViolation: false,
        notes: [
            CheckNote(jurisdictions: [],
                      english: "These reasons are suspect, not proof: toilet breaks, idle time, a rate shortfall or sickness may stand for health, disability or pregnancy, and penalising non-response may punish being offline; each case needs examining.",
                      chinese: "这些理由只是可疑信号，并非证据：如厕、空闲时间、效率不达标或病假可能反映健康、残疾或怀孕状况，因未回复而处罚可能是在惩罚离线；每一案件都需具体审查。"),
            CheckNote(jurisdictions: ["AU"],
                      english: "The right to disconnect is statute in Australia (FWA s 333M).",
                      chinese: "离线权在澳大利亚（《公平工作法》第333M条）有法律规定。"),
            CheckNote(jurisdictions: ["FR"],
                      english: "The right to disconnect is statute in France (Code du travail L2242-17).",
                      chinese: "离线权在法国（《劳动法典》L2242-17条）有法律规定。"),
            CheckNote(jurisdictions: ["CN"],
                      english: "In China the right to disconnect is argued from Labour Law Art. 36, 41 and Civil Code Art. 1032, not yet statute.",
                      chinese: "在中国，离线权仅依据《劳动法》第36条、第41条和《民法典》第1032条进行论证，尚无明文规定。"),
        ]
    )

    public static let defaultHealthReasons: [ParameterValue.Term] = [
        .init("toilet_breaks", ["toilet_breaks", "bathroom_breaks", "restroom_breaks", "如厕", "上厕所", "如厕次数"]),
        .init("idle_time", ["idle_time", "inactivity", "空闲时间", "摸鱼", "闲置时间"]),
        .init("rate_shortfall", ["rate_shortfall", "productivity_shortfall", "效率不达标", "未达标"]),
        .init("absence_sick", ["absence_sick", "sick", "sick_leave", "illness", "病假", "生病"]),
    ]

    public static let defaultOfflineReasons: [ParameterValue.Term] = [
        .init("non_response", ["non_response", "offline", "unanswered_messages", "unanswered", "no response", "not responding",
                               "did not respond", "failed to respond", "missed calls", "missed pings", "未回复", "未及时回复", "离线",
                               "未响应", "未及时响应", "未应答", "未接听", "失联", "未读消息"]),
    ]

    static let healthReasons = CheckSetting<CheckVocabulary>("health_reasons", default: CheckVocabulary(defaultHealthReasons),
                                   help: "reason codes that may stand for health or a protected status: name → synonyms (extends the defaults; replace: true replaces them)",
                                   helpChinese: "可能指向健康状况或受保护状态的原因代码：名称 → 同义写法（在默认值上增补；replace: true 则替换默认值）")
    static let offlineReasons = CheckSetting<CheckVocabulary>("offline_reasons", default: CheckVocabulary(defaultOfflineReasons),
                                   help: "reason codes that punish being offline: name → synonyms (extends the defaults; replace: true replaces them)",
                                   helpChinese: "惩罚离线的原因代码：名称 → 同义写法（在默认值上增补；replace: true 则替换默认值）")

    public static let parameters: [CheckParameter] = [healthReasons.declaration, offlineReasons.declaration]

    private let health: TermMatcher
    private let offline: TermMatcher

    public init(parameters: CheckParameters) {
        health = TermMatcher(Self.healthReasons.value(in: parameters).terms)
        offline = TermMatcher(Self.offlineReasons.value(in: parameters).terms)
    }

    public func evaluate(_ record: DecisionRecord, context: CheckContext) -> CheckVerdict {
        guard record.outcome == .adverse else { return .notApplicable }
        guard !ValueMaps.isBlank(record.reasonCodes) else { return .unknown(.reasonCodesNotRecorded) }
        let healthMatched = health.anyMatch(in: record.reasonCodes)
        let offlineMatched = offline.anyMatch(in: record.reasonCodes)
        if !healthMatched && !offlineMatched {
            return TermMatcher.hasItem(in: record.reasonCodes)
                ? .compliant : .unknown(.reasonCodesEmpty)
        }
        let healthTerms = healthMatched ? health.matchedItems(in: record.reasonCodes).map { health.matchedTerm($0.term, items: $0.items) } : []
        let offlineTerms = offlineMatched ? offline.matchedItems(in: record.reasonCodes).map { offline.matchedTerm($0.term, items: $0.items) } : []
        var citations: Set<String> = []
        if healthMatched { citations.formUnion(record.decisionType == .dismissal ? Self.healthDismissalBasis : Self.healthBasis) }
        if offlineMatched { citations.formUnion(Self.offlineBasis) }
        return .violationOnlyCiting(.suspectReasons(type: record.decisionType, health: healthTerms, offline: offlineTerms), citations: citations)
    }

    /// What reasons of each kind are held against (instrument and article, as the runner
    /// names citations): sensitive data and its use, and, for a dismissal, the bar on
    /// dismissing a worker in a medical treatment period; the right to disconnect.
    static let healthBasis: Set<String> = ["PIPL 28", "PWD 7"]
    static let healthDismissalBasis: Set<String> = healthBasis.union(["LCL 42"])
    static let offlineBasis: Set<String> = Set(Instruments.rightToDisconnect.map { "\($0.instrument) \($0.article)" })
}
