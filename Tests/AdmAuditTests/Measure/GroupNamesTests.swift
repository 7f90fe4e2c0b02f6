import Foundation
import XCTest
@testable import AdmAudit

/// Groups shown as the export spells them (`GroupNames`, `AttributeGroups.spelled`,
/// `AuditResult.inReadersTerms`): the readable reports say `女` where the pipeline says
/// `female`; the result and report.json keep the labels.
final class GroupNamesTests: XCTestCase {
    private let header = "decision_id,decision_type,outcome,sex,eth\n"
    private let yaml = TestSupport.exactPipeline(attributes: ["sex: [sex]", "eth: [eth]"])
        .replacingOccurrences(of: "bias:\n", with: "bias:\n  intersections: [[sex, eth]]\n")
        + "values:\n  attributes:\n    eth: {han: [汉族, 汉]}\n"

    private func rows(_ sex: String, _ eth: String, _ count: Int, start: Int, outcome: String = "adverse") -> String {
        (0..<count).map { "D\(start + $0),hiring,\(outcome),\(sex),\(eth)\n" }.joined()
    }

    func testTheFirstSpellingInTheDataIsShownAndTheLabelKept() throws {
        let csv = rows("女", "汉族", 3, start: 0) + rows("F", "汉", 2, start: 10, outcome: "favorable")
            + rows("男", "汉族", 4, start: 20, outcome: "favorable") + rows("女\u{200B}", "汉族", 1, start: 30)
        let (result, _) = try TestSupport.audit(csv: header + csv, pipeline: yaml)
        let labels = try XCTUnwrap(result.selection.first { $0.attribute == "sex" && $0.ladder == nil }).groups.map(\.group)
        XCTAssertEqual(labels, ["female", "male"], "the result keeps the labels")
        XCTAssertEqual(result.groupNames.shown("female", in: "sex"), "女", "the first spelling, not a later one or a disguised one")
        XCTAssertEqual(result.groupNames.shown("male", in: "sex"), "男")
        XCTAssertEqual(result.groupNames.shown("han", in: "eth"), "汉族")
        XCTAssertEqual(result.groupNames.shown("female × han", in: "sex × eth"), "女 × 汉族")
        XCTAssertEqual(result.groupNames.shown("other", in: "sex"), "other", "a label with no spelling is itself")

        let shown = result.inReadersTerms(ReportText(language: .en))
        XCTAssertEqual(shown.selection.first { $0.attribute == "sex × eth" }?.groups.map(\.group), ["女 × 汉族", "男 × 汉族"])
        XCTAssertEqual(shown.selection.first { $0.attribute == "sex" }?.referenceGroup, "男")
        XCTAssertTrue(MarkdownReport.render(result).contains("| 女 |"))
        XCTAssertTrue(TerminalSummary.text(result).contains("sex = 女"))
        let json = JSONReport.render(result)
        XCTAssertTrue(json.contains("\"group\": \"female\"") || json.contains("\"group\":\"female\""), "report.json keeps the label")
        XCTAssertFalse(json.contains("\"女\""), "report.json has no spelling")
    }

    /// Rows that spell a group only in disguise come first: the first plain spelling is shown,
    /// and each disguise is listed once however many rows repeat it.
    func testADisguisedSpellingMetFirstIsNeverShown() throws {
        let csv = rows("女\u{200B}", "汉族", 20, start: 0) + rows("女性", "汉族", 2, start: 100) + rows("男", "汉族", 3, start: 200)
        let (result, _) = try TestSupport.audit(csv: header + csv, pipeline: yaml)
        XCTAssertEqual(result.groupNames.shown("female", in: "sex"), "女性")
        let warning = try XCTUnwrap(result.diagnostics.first { $0.message(.en).hasPrefix("sex:") })
        XCTAssertTrue(warning.message(.en).contains("1 spelling(s)"), warning.message(.en))
        // The disguise is named as read: the group as the export spells it in the readable
        // outputs, its label in report.json.
        XCTAssertTrue(TerminalSummary.text(result).contains("女[U+200B] → 女性"), TerminalSummary.text(result))
        XCTAssertTrue(MarkdownReport.render(result).contains("200B\\] → 女性"))
        XCTAssertEqual(warning.values["spellings"], .list(["女[U+200B]"]))
        XCTAssertEqual(warning.values["read_as_values"], .list(["female"]))
        XCTAssertTrue(ValidateSummary.text(result, examples: [:]).contains("女[U+200B] → 女性"), "validate names the group as the run does")
    }

    /// Two groups never read alike: where a named group's spelling is another group's label
    /// (`female` spelled `Woman` beside a group from the data labelled `Woman`), both are
    /// shown by their labels.
    func testTwoGroupsNeverReadAlike() {
        var state = MeasureState(attributeNames: ["sex"], labels: [["female", "male", "Woman"]], intersections: [],
                                 counts: SelectionCounts(attributeCount: 1), appeals: SelectionCounts(attributeCount: 1))
        state.spelled = [["Woman", "M", nil]]
        let names = GroupNames(state)
        XCTAssertEqual(names.shown("female", in: "sex"), "female")
        XCTAssertEqual(names.shown("Woman", in: "sex"), "Woman")
        XCTAssertEqual(names.shown("male", in: "sex"), "M")
    }

    /// A state file carries the spellings; a merge keeps the first shard's, and one read back
    /// gives the same bytes.
    func testSpellingsSurviveTheStateFileAndAMerge() throws {
        let pipeline = try TestSupport.pipeline(yaml)
        let (first, _) = try TestSupport.audit([TestSupport.temporaryFile(header + rows("女", "汉族", 3, start: 0))], pipeline: pipeline)
        let (second, _) = try TestSupport.audit([TestSupport.temporaryFile(header + rows("F", "汉", 3, start: 100) + rows("男", "汉", 2, start: 200))],
                                                pipeline: pipeline)
        let paths = try [first, second].map { TestSupport.temporaryFile(Data(try $0.shard.encoded()), name: "state.json") }
        XCTAssertEqual(try ShardState.read(path: paths[0], pipeline: pipeline).encoded(), try first.shard.encoded())
        let merged = try AuditMerge.merge(statePaths: paths, pipeline: pipeline, pipelineFile: "test.yaml")
        XCTAssertEqual(merged.groupNames.shown("female", in: "sex"), "女")
        XCTAssertEqual(merged.groupNames.shown("male", in: "sex"), "男", "a group only the second shard met takes its spelling")
    }

    /// A Chinese reader meets an attribute by admaudit's Chinese name for its key (`sex` → `性别`,
    /// `sex × eth` → `性别 × eth`), whatever the export's header says (the employer writes it);
    /// a key admaudit does not know, and every English run, keep the pipeline's name, as does
    /// report.json.
    func testAttributesAreNamedInChineseByTheirKeyNotByTheHeader() throws {
        let header = "decision_id,decision_type,outcome,员工类别 × 民族,eth\n"
        let chineseYAML = TestSupport.exactPipeline(attributes: ["sex: [\"员工类别 × 民族\"]", "eth: [eth]"])
            .replacingOccurrences(of: "bias:\n", with: "bias:\n  intersections: [[sex, eth]]\n")
            .replacingOccurrences(of: "report:\n", with: "report:\n  language: zh\n")
        let csv = rows("女", "汉族", 6, start: 0) + rows("男", "汉族", 6, start: 20, outcome: "favorable")
        let (result, _) = try TestSupport.audit(csv: header + csv, pipeline: chineseYAML)
        let t = ReportText(language: .zh)
        XCTAssertEqual(t.attribute("sex"), "性别")
        XCTAssertEqual(t.attribute("eth"), "eth", "a key admaudit does not know stays the pipeline's")
        XCTAssertEqual(t.attribute("sex × ethnicity"), "性别 × 民族")
        XCTAssertEqual(t.attribute("site"), "工作地点")
        XCTAssertEqual(ReportText(language: .en).attribute("sex"), "sex")
        let markdown = MarkdownReport.render(result)
        XCTAssertTrue(markdown.contains("· 性别"), markdown)
        XCTAssertFalse(markdown.contains("员工类别"), "the header, written by the employer, never names the attribute")
        let json = JSONReport.render(result)
        XCTAssertTrue(json.contains("\"attribute\": \"sex\"") || json.contains("\"attribute\":\"sex\""), "report.json keeps the pipeline's name")
    }

    /// The group of values beyond `input.max_distinct_values` has one label in every run
    /// (report.json, merges); a Chinese report words it in Chinese, in its tables, its
    /// intersections and the warning that names it, unless a group from the data reads so.
    func testTheGroupBeyondTheLimitIsWordedInTheReadersLanguage() throws {
        let limited = yaml.replacingOccurrences(of: "report:\n", with: "report:\n  language: zh\n")
            + "input:\n  max_distinct_values: 2\n"
        let csv = rows("a", "汉族", 6, start: 0) + rows("b", "汉族", 6, start: 20, outcome: "favorable")
            + rows("c", "汉族", 6, start: 40) + rows("d", "汉族", 6, start: 60, outcome: "favorable")
        let (result, _) = try TestSupport.audit(csv: header + csv, pipeline: limited)
        let label = AttributeGroups.overflowLabel(limit: 2)
        func groups(_ result: AuditResult, _ attribute: String) -> Set<String> {
            Set(result.selection.first { $0.attribute == attribute && $0.ladder == nil }?.groups.map(\.group) ?? [])
        }
        XCTAssertEqual(groups(result, "sex"), ["a", "b", label])
        let shown = result.inReadersTerms(ReportText(language: .zh))
        XCTAssertEqual(groups(shown, "sex"), ["a", "b", "[前 2 个取值之外的值]"])
        XCTAssertEqual(groups(shown, "sex × eth"), ["a × 汉族", "b × 汉族", "[前 2 个取值之外的值] × 汉族"])
        let warning = try XCTUnwrap(shown.diagnostics.first { $0.code == .distinctValuesOverLimit })
        ChineseText.assertChinese(warning.message(.zh))
        XCTAssertTrue(warning.message(.zh).contains("“[前 2 个取值之外的值]”组"), warning.message(.zh))
        let markdown = MarkdownReport.render(result)
        XCTAssertFalse(markdown.contains("values beyond"), "no English label in a Chinese report")
        XCTAssertTrue(JSONReport.render(result).contains(label), "report.json keeps the label")
        XCTAssertEqual(groups(result.inReadersTerms(ReportText(language: .en)), "sex"), ["a", "b", label])

        // The LL144 tables name groups by their labels, and this one in the reader's words too.
        let ll144 = MarkdownReport.render(try TestSupport.audit(csv: header + csv, pipeline: limited.replacingOccurrences(of: "report:\n", with: "report:\n  layout: ll144\n")).0)
        XCTAssertFalse(ll144.contains("values beyond"), "no English label in a Chinese LL144 report")
        XCTAssertTrue(ll144.contains("前 2 个取值之外的值"))

        // After the limit, a value spelt as the Chinese words joins the group; before it, a
        // group spelt so (or so but for a no-break space) keeps its own name, and the group
        // beyond the limit keeps its label: two groups never read alike.
        let spelt = rows("a", "汉族", 6, start: 0) + rows("b", "汉族", 6, start: 20) + rows("c", "汉族", 6, start: 40)
            + rows("[前 2 个取值之外的值]", "汉族", 6, start: 60)
        let joined = try TestSupport.audit(csv: header + spelt, pipeline: limited).0
        XCTAssertEqual(groups(joined, "sex"), ["a", "b", label])
        for spelling in ["[前 2 个取值之外的值]", "[前\u{00A0}2 个取值之外的值]"] {
            let first = rows(spelling, "汉族", 6, start: 0) + rows("a", "汉族", 6, start: 20) + rows("c", "汉族", 6, start: 40)
            let taken = try TestSupport.audit(csv: header + first, pipeline: limited).0
            let names = groups(taken.inReadersTerms(ReportText(language: .zh)), "sex").map { TextKey.make($0) }
            XCTAssertEqual(Set(names).count, 3, "\(names)")
            XCTAssertTrue(groups(taken.inReadersTerms(ReportText(language: .zh)), "sex").contains(label))
        }

        // A group from the data spelled as the Chinese words keeps them; the group beyond the limit keeps its label.
        var state = MeasureState(attributeNames: ["sex"], labels: [["[前 2 个取值之外的值]", "b", label]], intersections: [],
                                 counts: SelectionCounts(attributeCount: 1), appeals: SelectionCounts(attributeCount: 1))
        state.spelled = [[nil, nil, nil]]
        var names = GroupNames(state)
        names.show(label, in: "sex", as: "[前 2 个取值之外的值]")
        XCTAssertEqual(names.shown(label, in: "sex"), label)
        XCTAssertEqual(names.shown("[前 2 个取值之外的值]", in: "sex"), "[前 2 个取值之外的值]")
    }
}
