/// DM-03 (informational): the employer scores workers' propensity to resign.
///
/// Applies to every decision, automated or not. Flags the record when its
/// `decision_type` is `attrition_risk`, or when an item of `data_categories` or of
/// `reason_codes` names a term of the `indicators` vocabulary (by default resignation or
/// flight risk and job-search monitoring, in English and Chinese). The detail says which
/// field showed it and names the items as the export wrote them.
///
/// When the decision type is another one and both `data_categories` and `reason_codes`
/// are empty (or hold separators only), the verdict is unknown: nothing shows what the decision drew on. An
/// `attrition_risk` decision is flagged whatever its outcome (the scoring is the practice
/// in question, not what followed it). This is information, not a breach: the literature
/// discusses resignation-propensity monitoring as overreach under PIPL's
/// minimum-necessary rule, and the caveat says so. Job-site visits used as input are
/// also prohibited data under DM-01, which judges the data, not the practice.
public struct AttritionScoring: RecordCheck {
    public static let descriptor = CheckDescriptor(
        id: "DM-03",
        severity: .info,
        titleEnglish: "Attrition / resignation-propensity scoring of workers",
        titleChinese: "对劳动者进行离职倾向评分",
        legalBasis: [Instruments.pipl.cite("6", policy: true)],
        notRecordedIsViolation: false,
        notes: [
            CheckNote(jurisdictions: [],
                      english: "Informational: resignation-propensity scoring is discussed in the literature as overreach under PIPL Art. 6 (minimum necessary); no statute names it as a breach.",
                      chinese: "提示性检查：离职倾向评分在研究文献中被认为超出《个人信息保护法》第6条的最小必要原则；目前没有法律条文明确将其列为违法行为。"),
        ]
    )

    public static let defaultIndicators: [ParameterValue.Term] = [
        .init("resignation_propensity", ["resignation_risk", "flight_risk", "attrition", "attrition_risk", "turnover_risk",
                                         "离职倾向", "离职风险", "离职预测", "流失风险"]),
        .init("job_search_monitoring", ["job_site_visits", "job_search", "求职网站", "求职网站访问", "求职"]),
    ]

    static let indicators = CheckSetting<CheckVocabulary>("indicators", default: CheckVocabulary(defaultIndicators),
                                   help: "data categories or reason codes that show attrition scoring: name → synonyms (extends the defaults; replace: true replaces them)",
                                   helpChinese: "表明存在离职倾向评分的数据类别或原因代码：名称 → 同义写法（在默认值上增补；replace: true 则替换默认值）",
                                   validate: { value in
                                       guard case .vocabulary(let terms) = value, !terms.isEmpty else {
                                           return "name at least one indicator, e.g. {resignation_propensity: [flight_risk, 离职倾向]}"
                                       }
                                       return nil
                                   })

    public static let parameters: [CheckParameter] = [indicators.declaration]

    private let matcher: TermMatcher

    public init(parameters: CheckParameters) {
        matcher = TermMatcher(Self.indicators.value(in: parameters).terms)
    }

    public func evaluate(_ record: DecisionRecord, context: CheckContext) -> CheckVerdict {
        if record.decisionType == .attritionRisk {
            return .violation(.attritionRiskDecision)
        }
        let noCategories = ValueMaps.isBlank(record.dataCategories)
        let noReasons = ValueMaps.isBlank(record.reasonCodes)
        if noCategories && noReasons {
            return .unknown(.dataCategoriesAndReasonCodesNotRecorded)
        }
        // The items are gathered only when something matched: most records name no indicator.
        let categories = !noCategories && matcher.anyMatch(in: record.dataCategories) ? indicators(in: record.dataCategories) : []
        let reasons = !noReasons && matcher.anyMatch(in: record.reasonCodes) ? indicators(in: record.reasonCodes) : []
        if categories.isEmpty && reasons.isEmpty {
            let anyItem = (!noCategories && TermMatcher.hasItem(in: record.dataCategories)) || (!noReasons && TermMatcher.hasItem(in: record.reasonCodes))
            return anyItem ? .compliant : .unknown(.dataCategoriesAndReasonCodesEmpty)
        }
        return .violation(.attritionIndicators(dataCategories: categories, reasonCodes: reasons))
    }

    /// The items of `field` naming an indicator, each once, the first `FindingDetail.itemLimit`.
    private func indicators(in field: FieldBytes) -> [String] {
        var items: [String] = []
        for item in matcher.matchedItems(in: field).flatMap(\.items) where items.count < FindingDetail.itemLimit && !items.contains(item) {
            items.append(item)
        }
        return items
    }
}
