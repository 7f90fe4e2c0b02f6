/// DM-01: the decision used data that must not feed a decision about a worker.
///
/// Applies to every decision, automated or not, whose `data_categories` is recorded. Flags
/// the record when any item of `data_categories` (items separated by `;` `,` `|` `；` `，`
/// or `、`, matched after trimming and case-folding) names a category of the `categories`
/// vocabulary: by default health, biometric, private communications, off-duty activity,
/// emotional state, union activity, job search and location outside work, each with
/// English and Chinese synonyms. The detail names the canonical categories and the items
/// as the export wrote them, e.g. `health [病历, sick_leave]`.
///
/// A finding cites what forbids the categories it found (`basisByCategory`): health data
/// is not held against the AI Act's ban on emotion recognition.
///
/// An empty `data_categories` (or one of separators only) is unknown, not a violation: the export does not say what
/// the decision used. Items outside the vocabulary are not flagged, however sensitive
/// they sound; a pipeline extends the vocabulary under `checks.DM-01.categories`
/// (its terms and synonyms are added to the defaults; `replace: true` replaces them).
/// Does not judge whether the employer had consent or a necessity for the data (PIPL 28
/// allows sensitive data with both; the caveat says so), nor how long it is kept (DM-02),
/// nor attrition scoring as such (DM-03).
public struct ProhibitedDataUsed: RecordCheck {
    public static let descriptor = CheckDescriptor(
        id: "DM-01",
        severity: .error,
        titleEnglish: "Decision used prohibited data",
        titleChinese: "决策使用了禁止使用的数据",
        legalBasis: [
            Instruments.pipl("6"), Instruments.pipl("28"), Instruments.pwd("7"), Instruments.gdpr("9"),
            // Emotion recognition at work (Art. 5 applies from 2025-02-02).
            Instruments.aiAct("5(1)(f)", from: "2025-02-02"),
        ],
        notRecordedIsViolation: false,
        notes: [
            CheckNote(jurisdictions: ["CN"],
                      english: "PIPL Art. 28 allows sensitive data (health, biometric) with a specific purpose, necessity and separate consent; the finding shows that the data was used, and the employer may show the rest.",
                      chinese: "《个人信息保护法》第28条允许在具有特定目的、充分必要性并取得单独同意时处理敏感个人信息（健康、生物识别）；本项发现表明决策使用了该类数据，用人单位可就其余条件举证。"),
            CheckNote(jurisdictions: ["EU"],
                      english: "The Platform Work Directive forbids these categories outright for platform work; the AI Act bans emotion recognition at work only.",
                      chinese: "《平台工作指令》对平台工作一概禁止处理这些类别；《人工智能法》仅禁止在工作场所进行情绪识别。"),
        ]
    )

    public static let defaultCategories: [ParameterValue.Term] = [
        .init("health", ["health", "medical", "medical_records", "sick_leave", "diagnosis", "健康", "病历", "医疗", "病假记录", "体检"]),
        .init("biometric", ["biometric", "face", "fingerprint", "facial_recognition", "voiceprint", "生物识别", "人脸", "人脸识别", "指纹", "声纹"]),
        .init("private_communications", ["private_messages", "private_chat", "personal_email", "私人通讯", "私人聊天", "私人邮件", "私信"]),
        .init("off_duty_activity", ["off_duty", "off_hours_activity", "social_media", "下班后活动", "非工作时间", "社交媒体"]),
        .init("emotional_state", ["emotion", "sentiment", "mood", "emotion_recognition", "情绪", "情感", "情绪识别"]),
        .init("union_activity", ["union", "union_activity", "union_membership", "工会活动", "工会会员"]),
        .init("job_search", ["job_site_visits", "job_search", "求职网站", "求职", "招聘网站浏览"]),
        .init("location_outside_work", ["home_location", "gps_off_duty", "下班位置", "住址定位", "下班后定位"]),
    ]

    static let categories = CheckSetting<CheckVocabulary>("categories", default: CheckVocabulary(defaultCategories),
                                   help: "prohibited data categories: canonical name → synonyms as exports write them (extends the defaults; replace: true replaces them)",
                                   helpChinese: "禁止使用的数据类别：规范名称 → 导出文件中的同义写法（在默认值上增补；replace: true 则替换默认值）",
                                   validate: { value in
                                       guard case .vocabulary(let terms) = value, !terms.isEmpty else {
                                           return "name at least one category, e.g. {health: [health, 健康]}; to turn DM-01 off write `DM-01: false`"
                                       }
                                       return nil
                                   })

    public static let parameters: [CheckParameter] = [categories.declaration]

    private let matcher: TermMatcher

    public init(parameters: CheckParameters) {
        matcher = TermMatcher(Self.categories.value(in: parameters).terms)
    }

    public func evaluate(_ record: DecisionRecord, context: CheckContext) -> CheckVerdict {
        guard !ValueMaps.isBlank(record.dataCategories) else {
            return .unknown(.dataCategoriesNotRecorded)
        }
        if !matcher.anyMatch(in: record.dataCategories) {
            return TermMatcher.hasItem(in: record.dataCategories)
                ? .compliant : .unknown(.dataCategoriesEmpty)
        }
        let matched = matcher.matchedItems(in: record.dataCategories)
        let detail = FindingDetail.prohibitedData(categories: matched.map { matcher.matchedTerm($0.term, items: $0.items) })
        // The finding cites what forbids the categories found; a category of the pipeline's
        // own vocabulary, which this check cannot place, keeps every citation.
        var citations: Set<String> = []
        for (term, _) in matched {
            guard let basis = Self.basisByCategory[term] else { return .violation(detail) }
            citations.formUnion(basis)
        }
        return .violationCiting(detail, citations: citations)
    }

    /// Which of the check's citations forbid each default category: PIPL 6
    /// (minimum necessary) all; PIPL 28 the sensitive ones (health, biometric, location
    /// tracking); PWD 7 those it lists for platform work; GDPR 9 the special categories;
    /// AI Act 5(1)(f) emotion recognition only.
    static let basisByCategory: [String: Set<String>] = [
        "health": ["PIPL 6", "PIPL 28", "PWD 7", "GDPR 9"],
        "biometric": ["PIPL 6", "PIPL 28", "PWD 7", "GDPR 9"],
        "private_communications": ["PIPL 6", "PWD 7"],
        "off_duty_activity": ["PIPL 6", "PWD 7"],
        "emotional_state": ["PIPL 6", "PWD 7", "AIA 5(1)(f)"],
        "union_activity": ["PIPL 6", "PWD 7", "GDPR 9"],
        "job_search": ["PIPL 6"],
        "location_outside_work": ["PIPL 6", "PIPL 28", "PWD 7"],
    ]
}
