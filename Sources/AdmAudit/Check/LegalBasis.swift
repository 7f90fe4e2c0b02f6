/// One citation: an article of an instrument, with where and from when it applies.
/// Legal bases are data so that a pipeline can select jurisdictions and an audit of
/// past decisions cites only rules in force on their dates.
public struct LegalCitation: Sendable, Equatable, Codable {
    /// Instrument key (`Instruments` below: PIPL, GDPR, PWD, …).
    public var instrument: String
    public var article: String
    public var jurisdiction: String
    /// First day the rule applies (ISO date).
    public var appliesFrom: String
    public var english: String
    public var chinese: String
    /// Policy or secondary reading rather than statute; the report says so.
    public var isPolicy: Bool = false

    public func text(_ language: ReportLanguage) -> String {
        language == .zh ? chinese : english
    }

    /// In force for a decision on `day` (ISO date text compares in date order).
    public func applies(onDay day: String) -> Bool { day >= appliesFrom }
}

extension CitedText {
    /// Citations as every output lists them: `PIPL Art. 24; GDPR Art. 22`, in both languages.
    public init(citing citations: [LegalCitation]) {
        self.init(english: citations.map(\.english).joined(separator: "; "), chinese: citations.map(\.chinese).joined(separator: "; "))
    }
}

/// A law or regulation: what it is called, where and from when it applies.
public struct Instrument: Sendable {
    public var key: String
    public var english: String
    public var chinese: String
    public var jurisdiction: String
    public var appliesFrom: String
    /// How an article is written in each language, e.g. "Art. 24" / "第24条".
    public var englishArticle: @Sendable (String) -> String = { "Art. \($0)" }
    public var chineseArticle: @Sendable (String) -> String = { "第\($0)条" }

    public func cite(_ article: String, from date: String? = nil, policy: Bool = false) -> LegalCitation {
        LegalCitation(instrument: key, article: article, jurisdiction: jurisdiction, appliesFrom: date ?? appliesFrom,
                      english: "\(english) \(englishArticle(article))",
                      chinese: "\(chinese)\(chineseArticle(article))", isPolicy: policy)
    }
}

/// The instruments the checks cite. Dates are the day from which each applies; where a
/// date is uncertain (a postponement proposed, not yet law), the check's caveat says so.
public enum Instruments {
    public static let pipl = Instrument(key: "PIPL", english: "PIPL", chinese: "《个人信息保护法》", jurisdiction: "CN", appliesFrom: "2021-11-01")
    public static let lcl = Instrument(key: "LCL", english: "Labour Contract Law", chinese: "《劳动合同法》", jurisdiction: "CN", appliesFrom: "2008-01-01")
    public static let labourLaw = Instrument(key: "LL", english: "Labour Law", chinese: "《劳动法》", jurisdiction: "CN", appliesFrom: "1995-01-01")
    public static let epl = Instrument(key: "EPL", english: "Employment Promotion Law", chinese: "《就业促进法》", jurisdiction: "CN", appliesFrom: "2008-01-01")
    public static let wrpl = Instrument(key: "WRPL", english: "Women's Rights and Interests Law", chinese: "《妇女权益保障法》", jurisdiction: "CN", appliesFrom: "2023-01-01")
    public static let civilCode = Instrument(key: "CC", english: "Civil Code", chinese: "《民法典》", jurisdiction: "CN", appliesFrom: "2021-01-01")
    public static let gdprInstrument = Instrument(key: "GDPR", english: "GDPR", chinese: "《通用数据保护条例》", jurisdiction: "EU", appliesFrom: "2018-05-25")
    public static let pwdInstrument = Instrument(key: "PWD", english: "Platform Work Directive (EU) 2024/2831", chinese: "《平台工作指令》", jurisdiction: "EU", appliesFrom: "2026-12-02")
    /// AI Act: Art. 5 from 2025-02-02; the Annex III (workplace) duties from 2026-08-02,
    /// reported as possibly moved to 2027-12-02 (proposed, uncertain).
    public static let aiActInstrument = Instrument(key: "AIA", english: "AI Act (EU) 2024/1689", chinese: "《人工智能法》", jurisdiction: "EU", appliesFrom: "2026-08-02")
    public static let ll144 = Instrument(key: "LL144", english: "NYC Local Law 144 / 6 RCNY", chinese: "纽约市第144号地方法", jurisdiction: "US-NYC", appliesFrom: "2023-07-05",
                                         englishArticle: { "§ \($0)" }, chineseArticle: { "第\($0)节" })
    public static let ugesp = Instrument(key: "UGESP", english: "Uniform Guidelines, 29 CFR", chinese: "美国《雇员甄选程序统一指南》", jurisdiction: "US", appliesFrom: "1978-08-25",
                                         englishArticle: { "§ \($0)" }, chineseArticle: { "第\($0)节" })
    public static let fairWork = Instrument(key: "FWA", english: "Fair Work Act 2009 (Cth)", chinese: "澳大利亚《公平工作法》", jurisdiction: "AU", appliesFrom: "2024-08-26",
                                            englishArticle: { "s \($0)" }, chineseArticle: { "第\($0)条" })
    public static let codeDuTravail = Instrument(key: "CT", english: "Code du travail", chinese: "法国《劳动法典》", jurisdiction: "FR", appliesFrom: "2017-01-01",
                                                 englishArticle: { "art. \($0)" }, chineseArticle: { "第\($0)条" })

    public static let workingHoursProvisions = Instrument(key: "SCWH", english: "State Council Provisions on Working Hours", chinese: "《国务院关于职工工作时间的规定》",
                                                          jurisdiction: "CN", appliesFrom: "1995-05-01")
    public static let workingTimeDirective = Instrument(key: "WTD", english: "Working Time Directive 2003/88/EC", chinese: "《工作时间指令》（2003/88/EC）",
                                                        jurisdiction: "EU", appliesFrom: "2004-08-02")

    public static func pipl(_ article: String) -> LegalCitation { pipl.cite(article) }

    /// PIPL Art. 50 (a mechanism to accept and handle individuals' requests, reasons for a
    /// refusal) read as the Chinese basis of a route to contest and its answer: a reading,
    /// not words of the statute, so marked as such.
    public static let piplRequestHandling: LegalCitation = pipl.cite("50", policy: true)
    /// The right to disconnect: in China a reading of Labour Law Art. 36 and 41 (working
    /// time, overtime) and Civil Code Art. 1032 (peace of private life), not statute; France's
    /// Code du travail L2242-17; Australia's Fair Work Act s 333M.
    public static let rightToDisconnect: [LegalCitation] = [
        labourLaw.cite("36", policy: true),
        labourLaw.cite("41", policy: true),
        civilCode.cite("1032", policy: true),
        codeDuTravail.cite("L2242-17"),
        fairWork.cite("333M"),
    ]

    public static func gdpr(_ article: String) -> LegalCitation { gdprInstrument.cite(article) }
    public static func pwd(_ article: String) -> LegalCitation { pwdInstrument.cite(article) }
    public static func aiAct(_ article: String, from date: String = "2026-08-02") -> LegalCitation { aiActInstrument.cite(article, from: date) }
}
