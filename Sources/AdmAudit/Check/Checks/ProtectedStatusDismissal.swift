/// LC-02: a dismissal, or a pay cut, of a worker in a protected status.
///
/// Applies to adverse decisions of type `dismissal`, automated or not, and to adverse
/// decisions of type `pay` (pay cuts, deductions) taken on or after the day the revised
/// Women's Rights and Interests Law applies (2023-01-01; a pay decision without a
/// decision date counts as within it, as the check runner does for citations).
/// - A dismissal is flagged when an item of `protected_status` names a term of the
///   `statuses` vocabulary: by default medical treatment period, pregnancy, maternity,
///   nursing, work injury and occupational-disease assessment (LCL 42), each with
///   English and Chinese synonyms.
/// - A pay cut is flagged when the status is one of `pay_cut_statuses`, names of
///   `statuses` checked when the pipeline loads (by default
///   pregnancy, maternity, nursing: WRPL 48 forbids cutting pay for them; LCL 42 says
///   nothing about pay). Other statuses on a pay cut are compliant.
///
/// A finding cites the rules that protect the statuses it found: LCL 42 bars dismissal for
/// every default status; WRPL 48 protects only marriage, pregnancy, maternity and nursing
/// (`womensRightsStatuses`, and any status a pipeline names in `pay_cut_statuses`). So a
/// dismissal in a medical treatment period, after a work injury or during an
/// occupational-disease assessment cites LCL 42 alone, one during pregnancy, maternity or
/// nursing cites both (WRPL 48 from 2023-01-01), and a pay cut cites WRPL 48 alone. A
/// status of the pipeline's own vocabulary counts as one of LCL 42 only, unless named in
/// `pay_cut_statuses`.
///
/// An empty `protected_status` is compliant, not unknown nor a violation: employers do
/// not record a status a worker does not have, so nothing recorded means no known
/// status. An export with no such column at all records no status for anyone: its
/// dismissals and pay cuts are unknown (`protected_status_not_in_export`), so the check
/// does not read as passed where nothing was looked at. A status outside the vocabulary
/// is not flagged. The detail names the canonical status only, not the employer's wording: protected status is health and
/// family data, processed minimally. LCL 42 bars dismissal under Art. 40 and 41, not
/// summary dismissal for serious misconduct under Art. 39; the export does not say which
/// ground was used, so a finding is a case to examine, and the caveat says so.
public struct ProtectedStatusDismissal: RecordCheck {
    public static let descriptor = CheckDescriptor(
        id: "LC-02",
        severity: .error,
        titleEnglish: "Dismissal or pay cut of a worker in a protected status",
        titleChinese: "解除特殊保护期劳动者的劳动合同或降低其工资",
        legalBasis: [Instruments.lcl.cite("42"), Instruments.wrpl.cite("48")],
        notRecordedIsViolation: false,
        notes: [
            CheckNote(jurisdictions: ["CN"],
                      english: "LCL Art. 42 bars dismissal under Art. 40 and 41 (no fault, redundancy), not dismissal for serious misconduct under Art. 39; the export does not say which ground was used. WRPL Art. 48 (dismissal or pay cuts for marriage, pregnancy, maternity, nursing) is cited for those statuses only, from 2023-01-01.",
                      chinese: "《劳动合同法》第42条禁止依第40条、第41条解除合同，不排除因严重违纪依第39条解除；导出数据未载明解除依据。《妇女权益保障法》第48条（不得因结婚、怀孕、产假、哺乳等情形辞退女职工或降低其工资）仅就上述情形引用，自2023年1月1日起。"),
        ]
    )

    public static let defaultStatuses: [ParameterValue.Term] = [
        .init("medical_treatment_period", ["medical_treatment_period", "medical_period", "sick_leave_period", "医疗期", "医疗期内"]),
        .init("pregnancy", ["pregnancy", "pregnant", "孕期", "怀孕"]),
        .init("maternity", ["maternity", "maternity_leave", "产期", "产假"]),
        .init("nursing", ["nursing", "breastfeeding", "lactation", "哺乳期", "哺乳"]),
        .init("work_injury", ["work_injury", "occupational_injury", "工伤"]),
        .init("occupational_disease_assessment", ["occupational_disease_assessment", "occupational_disease", "职业病", "疑似职业病", "职业病诊断"]),
    ]

    static let statuses = CheckSetting<CheckVocabulary>("statuses", default: CheckVocabulary(defaultStatuses),
                                   help: "protected statuses that bar dismissal: name → synonyms (extends the defaults; replace: true replaces them)",
                                   helpChinese: "禁止据以解除劳动合同的受保护状态：名称 → 同义写法（在默认值上增补；replace: true 则替换默认值）",
                                   validate: { value in
                                       guard case .vocabulary(let terms) = value, !terms.isEmpty else {
                                           return "name at least one status, e.g. {pregnancy: [pregnancy, 孕期]}"
                                       }
                                       return nil
                                   })
    static let payCutStatusesSetting = CheckSetting<[String]>("pay_cut_statuses", default: ["pregnancy", "maternity", "nursing"],
                                   help: "names from `statuses` that also bar a pay cut (WRPL); empty: pay decisions are not judged",
                                   helpChinese: "statuses 中同样禁止降薪的名称（《妇女权益保障法》）；为空则不评判薪酬决定")

    public static let parameters: [CheckParameter] = [statuses.declaration, payCutStatusesSetting.declaration]

    private let matcher: TermMatcher
    /// Canonical statuses that bar a pay cut.
    private let payCutStatuses: Set<String>
    /// Canonical statuses WRPL 48 protects: the women's-rights statuses and those the
    /// pipeline names as barring a pay cut.
    private let wrplStatuses: Set<String>

    /// The statuses WRPL 48 protects (marriage, pregnancy, maternity, nursing), by canonical name.
    static let womensRightsStatuses: Set<String> = ["marriage", "pregnancy", "maternity", "nursing"]
    /// First local day of the WRPL rule on pay cuts.
    private static let payRuleFirstDay: Int64 = AsOfDate(Instruments.wrpl.appliesFrom).map(LocalCalendar.day(of:)) ?? .min

    public init(parameters: CheckParameters) {
        matcher = TermMatcher(Self.statuses.value(in: parameters).terms)
        payCutStatuses = Set(Self.payCutStatusesSetting.value(in: parameters).map(TextKey.make))
        wrplStatuses = Self.womensRightsStatuses.union(payCutStatuses)
    }

    /// Every name in `pay_cut_statuses` is a canonical name of `statuses`.
    public static func validate(_ parameters: CheckParameters) -> String? {
        let names = Set(Self.statuses.value(in: parameters).terms.map { TextKey.make($0.name) })
        let unknown = Self.payCutStatusesSetting.value(in: parameters).filter { !names.contains(TextKey.make($0)) }
        if unknown.isEmpty { return nil }
        return "pay_cut_statuses names \(unknown.joined(separator: ", ")), not a status of `statuses`; use one of "
            + Self.statuses.value(in: parameters).terms.map(\.name).joined(separator: ", ")
    }

    public func evaluate(_ record: DecisionRecord, context: CheckContext) -> CheckVerdict {
        guard record.outcome == .adverse else { return .notApplicable }
        switch record.decisionType {
        case .dismissal:
            if record.unmapped.contains(.protectedStatus) { return .unknown(.protectedStatusNotInExport) }
            guard !ValueMaps.isBlank(record.protectedStatus) else { return .compliant }
            let statuses = matcher.matches(in: record.protectedStatus)
            if statuses.isEmpty { return .compliant }
            let citations: Set<String> = statuses.contains { wrplStatuses.contains(TextKey.make($0)) } ? ["LCL 42", "WRPL 48"] : ["LCL 42"]
            return .violationCiting(.protectedStatusDismissed(statuses: named(statuses)), citations: citations)
        case .pay:
            if payCutStatuses.isEmpty { return .notApplicable }
            if let decidedAt = record.decidedAt, context.calendar.day(of: decidedAt) < Self.payRuleFirstDay { return .notApplicable }
            if record.unmapped.contains(.protectedStatus) { return .unknown(.protectedStatusNotInExport) }
            guard !ValueMaps.isBlank(record.protectedStatus) else { return .compliant }
            let statuses = matcher.matches(in: record.protectedStatus).filter { payCutStatuses.contains(TextKey.make($0)) }
            if statuses.isEmpty { return .compliant }
            // LCL 42 says nothing about pay.
            return .violationCiting(.protectedStatusPayCut(statuses: named(statuses)), citations: ["WRPL 48"])
        default:
            return .notApplicable
        }
    }

    /// The default statuses in LCL 42's and WRPL 48's words (`孕期`); a status a pipeline
    /// adds under its first Chinese synonym, else its own name.
    static let chineseStatusNames: [String: String] = [
        "medical_treatment_period": "医疗期", "pregnancy": "孕期", "maternity": "产期", "nursing": "哺乳期",
        "work_injury": "工伤", "occupational_disease_assessment": "疑似职业病诊断或医学观察期间",
    ]

    private func named(_ statuses: [String]) -> [FindingDetail.MatchedTerm] {
        statuses.map { FindingDetail.MatchedTerm(name: $0, chineseName: Self.chineseStatusNames[$0] ?? matcher.chineseName(of: $0)) }
    }
}
