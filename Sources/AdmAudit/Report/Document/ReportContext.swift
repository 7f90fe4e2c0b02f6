/// What every section of the report is built from: the result in the reader's terms, the
/// words of the reader's language, and the pieces several sections write alike.
struct ReportContext {
    /// Groups as the export spells them (`AuditResult.inReadersTerms`).
    let result: AuditResult
    /// Groups under the pipeline's labels: the LL144 tables name the EEO categories as
    /// published audits do.
    let labelled: AuditResult
    let t: ReportText

    init(_ result: AuditResult) {
        t = ReportText(language: result.pipeline.report.language)
        labelled = result.inLabels(t)
        self.result = result.inReadersTerms(t)
    }

    var language: ReportLanguage { t.language }
    var threshold: Double { result.pipeline.bias.impactThreshold }

    /// A ratio with four decimals, or why it has none.
    func ratio(_ ratio: Ratio) -> ReportSpan {
        switch ratio {
        case .value(let value) where value.isFinite: .words(ReportNumber.fixed(value))
        case .value: .undefined(nil)
        case .undefined(let reason): .undefined(t.reason(reason))
        }
    }

    /// A rate as a percentage, or why it has none.
    func rate(_ rate: Ratio) -> ReportSpan {
        switch rate {
        case .value(let value) where value.isFinite: .words(ReportNumber.rate(value))
        case .value: .undefined(nil)
        case .undefined(let reason): .undefined(t.reason(reason))
        }
    }

    /// A group's flag in the reader's words, styled by its code.
    func flag(_ flag: ImpactFlag) -> ReportSpan {
        .styled("flag-\(flag.rawValue)", [.text(t.flag(flag))])
    }

    /// A group's label, with "(reference)" after the reference group's.
    func groupLabel(_ group: GroupSelection) -> ReportInline {
        guard group.isReference else { return [.input(group.group)] }
        return [.input(group.group), .words(" "), .styled("reference", [.words("(\(t.reference))")])]
    }

    /// `dismissal · sex`: a stratum's decision type and attribute.
    func stratumName(_ type: DecisionType, _ attribute: String) -> ReportInline {
        [.text(t.decisionType(type)), .words(" · "), attributeName(attribute)]
    }

    /// An attribute or `bias.by` column as the reader names it (`ReportText.attribute`).
    func attributeName(_ name: String) -> ReportSpan {
        .input(t.attribute(name))
    }

    /// A paragraph of a count: `Decisions with this attribute unknown (…): 3`.
    func unknownCount(_ count: Int) -> ReportBlock {
        .paragraph([.words("\(t.unknownCount): \(count)")])
    }
}

/// A part of the report: the sections it adds, none when it has nothing to show. Each is a
/// file of Report/Sections; the build lists them (`declaredSections`, written by the
/// ReportSectionList plugin), so a new section touches no other file of Report/.
protocol ReportSectionBuilder: Sendable {
    /// Where the reader meets it: sections come in ascending `place` (Summary 10 … Limitations
    /// 120; a section between two takes a number between theirs). No two share one.
    static var place: Int { get }
    static func sections(_ context: ReportContext) -> [ReportSection]
}

extension ReportDocument {
    /// The report's parts, in the order a reader meets them.
    static let builders: [any ReportSectionBuilder.Type] = declaredSections.sorted { $0.place < $1.place }

    init(_ result: AuditResult) {
        let context = ReportContext(result)
        language = context.language
        title = result.pipeline.report.title ?? context.t.title
        sections = Self.builders.flatMap { $0.sections(context) }
    }
}
