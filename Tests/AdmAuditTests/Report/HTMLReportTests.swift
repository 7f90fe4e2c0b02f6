import Foundation
import XCTest
@testable import AdmAudit

/// `report.html`: its charts, what it hides and how it words what it cannot compute,
/// its languages, and that it is one self-contained, deterministic file.
final class HTMLReportTests: XCTestCase {
    private func shippedPipeline(_ name: String) throws -> Pipeline {
        try PipelineLoader.load(path: TestSupport.packageRoot.appendingPathComponent("pipelines/\(name)").path)
    }

    /// The sample under the LL144 pipeline: sex, race/ethnicity and their intersection, six months.
    private func ll144Sample() throws -> AuditResult {
        try TestSupport.audit([TestSupport.fixture("sample/decisions_en.csv")], pipeline: shippedPipeline("nyc-ll144.yaml"),
                              asOf: AsOfDate("2025-06-30")).0
    }

    func testEveryChartKindIsDrawnWithATitleAndALabel() throws {
        let result = try ll144Sample()
        let html = HTMLReport.render(result)

        XCTAssertEqual(OutputInspection.charts(html, kind: "chart-selection").count, result.selection.count)
        let intersections = result.selection.filter { $0.attribute == "sex × race_ethnicity" }.count
        XCTAssertGreaterThan(intersections, 0)
        XCTAssertEqual(OutputInspection.charts(html, kind: "chart-heatmap").count, intersections)
        XCTAssertEqual(OutputInspection.charts(html, kind: "chart-findings").count, 1)
        XCTAssertGreaterThanOrEqual(result.drift.count, 2)
        let driftStrata = Set(result.drift.flatMap { $0.strata.map { "\($0.decisionType.rawValue)/\($0.attribute)" } })
        XCTAssertEqual(OutputInspection.charts(html, kind: "chart-drift").count, driftStrata.count)

        let all = OutputInspection.charts(html, kind: "chart-[a-z]+")
        XCTAssertEqual(all.count, result.selection.count + intersections + 1 + driftStrata.count)
        for svg in all {
            XCTAssertTrue(svg.contains("role=\"img\""), svg)
            XCTAssertFalse(OutputInspection.matches("^<svg [^>]*aria-label=\"[^\"]+\"[^>]*><title>[^<]+</title>", in: svg).isEmpty,
                           String(svg.prefix(300)))
        }
        // The heat map's cells: female × White etc., each a ratio, hatched or a dash.
        let heatmap = OutputInspection.charts(html, kind: "chart-heatmap")[0]
        XCTAssertTrue(heatmap.contains(">female</text>"), heatmap)
        XCTAssertTrue(heatmap.contains("class=\"cell\""), heatmap)
        // One table per selection stratum, with the same groups as the chart.
        XCTAssertEqual(OutputInspection.matches("<table class=\"selection\">", in: html).count, result.selection.count)
    }

    func testTheThresholdLineSitsAtFourFifthsOfTheReferenceRate() throws {
        let result = try ll144Sample()
        let stratum = try XCTUnwrap(result.selection.first { $0.decisionType == .dismissal && $0.attribute == "sex" })
        let reference = try XCTUnwrap(stratum.groups.first(where: \.isReference))
        let svg = SVGCharts.selectionRates(stratum, threshold: 0.8, id: 1, text: ReportText(language: .en))
        let x = 230 + 0.8 * reference.selectionRate * 380
        XCTAssertTrue(svg.contains("<line class=\"threshold\" x1=\"\(SVGCharts.n(x))\""), svg)
        XCTAssertTrue(svg.contains("0.8 × reference rate = \(ReportNumber.rate(0.8 * reference.selectionRate))"), svg)
    }

    func testTheReportIsOneSelfContainedPageThatPrints() throws {
        let html = HTMLReport.render(try ll144Sample())
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        XCTAssertTrue(html.contains("<meta charset=\"utf-8\">"))
        XCTAssertTrue(html.contains("@media print"))
        XCTAssertTrue(html.contains("break-inside: avoid"))
        for forbidden in ["<script", "<link", "<img", "<iframe", "<object", "<embed", " src=", "href=", "url(http", "@import", "javascript:"] {
            XCTAssertFalse(html.lowercased().contains(forbidden), forbidden)
        }
        XCTAssertTrue(OutputInspection.elementNames(html).isSubset(of: OutputInspection.reportElements),
                      "\(OutputInspection.elementNames(html).subtracting(OutputInspection.reportElements))")
        // Sections in the Markdown report's order.
        let order = ["summary", "checks", "ll144", "groups", "drift", "data-quality", "method", "limitations"].map { id in
            html.range(of: "<section id=\"\(id)\">")?.lowerBound
        }
        XCTAssertFalse(order.contains(nil), "\(order)")
        XCTAssertEqual(order.compactMap { $0 }, order.compactMap { $0 }.sorted())
    }

    func testNoDriftChartWithOneMonth() throws {
        let csv = """
        decision_id,employee_id,decision_type,outcome,decided_at,sex
        D1,E1,hiring,favorable,2025-03-01 10:00,female
        D2,E2,hiring,adverse,2025-03-02 10:00,male
        D3,E3,hiring,favorable,2025-03-03 10:00,male

        """
        let (result, _) = try TestSupport.audit(csv: csv)
        XCTAssertEqual(result.drift.count, 1)
        let html = HTMLReport.render(result)
        XCTAssertTrue(OutputInspection.charts(html, kind: "chart-drift").isEmpty)
        XCTAssertFalse(html.contains("<section id=\"drift\">"))
        XCTAssertEqual(OutputInspection.charts(html, kind: "chart-selection").count, 1)
        XCTAssertTrue(OutputInspection.charts(html, kind: "chart-heatmap").isEmpty, "no intersections declared")
    }

    /// Women: 3 decisions (1 favourable), under `suppress_below: 5`; men: 10 (5). Neither the
    /// women's count, rate (0.3333), interval (0.0615–0.7923), ratio (0.6667) nor their
    /// monthly ratio (0.8333) may appear anywhere.
    func testSuppressedGroupsShowNoCountsOrRates() throws {
        var rows = ["decision_id,employee_id,decision_type,outcome,decided_at,sex"]
        let men = ["favorable", "favorable", "favorable", "adverse", "adverse", "favorable", "favorable", "adverse", "adverse", "adverse"]
        for (index, outcome) in men.enumerated() {
            rows.append("M\(index),EM\(index),hiring,\(outcome),2025-0\(index < 5 ? 1 : 2)-1\(index % 5) 10:00,male")
        }
        rows += ["F1,EF1,hiring,favorable,2025-01-20 10:00,female", "F2,EF2,hiring,adverse,2025-01-21 10:00,female",
                 "F3,EF3,hiring,adverse,2025-02-20 10:00,female"]
        let yaml = """
        admaudit: 1
        name: test
        attributes:
          sex: [sex]
        bias:
          min_group_size: 1
          exclusion_share: 0
        report:
          subject_ids: keep
          suppress_below: 5
        """
        let (result, _) = try TestSupport.audit(csv: rows.joined(separator: "\n") + "\n", pipeline: yaml)
        let women = try XCTUnwrap(result.selection.first?.groups.first { $0.group == "female" })
        XCTAssertTrue(women.suppressed)
        XCTAssertTrue(women.flag.isBelowThreshold, "the summary lists the group, without its ratio")
        XCTAssertEqual(result.drift.count, 2)

        let html = HTMLReport.render(result)
        for hidden in ["0.3333", "0.6667", "0.0615", "0.7923", "0.8333"] {
            XCTAssertFalse(html.contains(hidden), hidden)
        }
        let row = try XCTUnwrap(OutputInspection.matches("<tr><td><bdi>female</bdi>.*?</tr>", in: html).first)
        XCTAssertFalse(row.contains(where: \.isNumber), row)
        XCTAssertTrue(row.contains("suppressed"), row)
        let summary = try XCTUnwrap(OutputInspection.matches("<li class=\"flag-[a-z_]+\">hiring · <bdi>sex</bdi> = <bdi>female</bdi>.*?</li>", in: html).first)
        XCTAssertTrue(summary.contains("suppressed"), summary)
        let chart = try XCTUnwrap(OutputInspection.charts(html, kind: "chart-selection").first)
        XCTAssertTrue(chart.contains("<rect class=\"suppressed\""), chart)
        XCTAssertEqual(OutputInspection.matches("<path class=\"whisker\"", in: chart).count, 1, "only the men's interval is drawn")
        let drift = try XCTUnwrap(OutputInspection.matches("<table class=\"drift\">.*?</table>", in: html).first)
        XCTAssertEqual(OutputInspection.matches(">suppressed<", in: drift).count, 2, drift)
    }

    /// Every decision adverse: the reference rate is 0, so every ratio is undefined.
    func testUndefinedRatiosShowTheWordAndTheReasonNeverNaN() throws {
        let csv = """
        decision_id,employee_id,decision_type,outcome,decided_at,sex,ethnicity
        D1,E1,dismissal,adverse,2025-03-01 10:00,female,han
        D2,E2,dismissal,adverse,2025-03-02 10:00,male,han
        D3,E3,dismissal,adverse,2025-04-03 10:00,male,hui
        D4,E4,dismissal,adverse,2025-04-04 10:00,female,hui

        """
        let yaml = TestSupport.exactPipeline(attributes: ["sex: [sex]", "ethnicity: [ethnicity]"])
            .replacingOccurrences(of: "bias:\n", with: "bias:\n  intersections: [[sex, ethnicity]]\n")
        let (result, _) = try TestSupport.audit(csv: csv, pipeline: yaml)
        XCTAssertTrue(result.selection.allSatisfy { $0.groups.allSatisfy { $0.impactRatio.value == nil } })
        let html = HTMLReport.render(result)

        XCTAssertTrue(html.contains("undefined (<bdi>the reference group&#39;s selection rate is 0</bdi>)"), html)
        XCTAssertTrue(OutputInspection.matches("(?i)\\b(nan|-?inf(inity)?)\\b", in: html).isEmpty,
                      "\(OutputInspection.matches("(?i).{20}\\b(nan|-?inf(inity)?)\\b.{20}", in: html))")
        let heatmap = try XCTUnwrap(OutputInspection.charts(html, kind: "chart-heatmap").first)
        XCTAssertEqual(OutputInspection.matches("<rect class=\"hatched\"", in: heatmap).count, 4, heatmap)
        XCTAssertEqual(OutputInspection.matches(">undefined</text>", in: heatmap).count, 4, heatmap)
        XCTAssertTrue(heatmap.contains("undefined (the reference group&#39;s selection rate is 0)</title>"), heatmap)
        // The drift chart has no point to draw, and says so.
        let drift = try XCTUnwrap(OutputInspection.charts(html, kind: "chart-drift").first)
        XCTAssertFalse(drift.contains("<circle"))
        XCTAssertTrue(drift.contains(ReportText(language: .en).noMonthShown), drift)
    }

    func testChineseReportIsInChinese() throws {
        var pipeline = try shippedPipeline("labor-inspection.yaml")
        let input = [TestSupport.fixture("sample/decisions_zh_gb18030.csv")]
        let chinese = HTMLReport.render(try TestSupport.audit(input, pipeline: pipeline, asOf: AsOfDate("2025-06-30")).0)
        XCTAssertTrue(chinese.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh\">"))
        for text in ["<title>劳动者自动化决策合规审查报告</title>", "<h2>摘要</h2>", "<h2>合规检查</h2>", "<h2>方法</h2>", "<h2>局限</h2>",
                     "各检查项的违规数", "《个人信息保护法》第24条", "参照组选择率 × 0.8"] {
            XCTAssertTrue(chinese.contains(text), text)
        }
        XCTAssertFalse(chinese.contains("<h2>Summary</h2>"))

        // What --lang does: the same run in English.
        pipeline.report.language = .en
        let english = HTMLReport.render(try TestSupport.audit(input, pipeline: pipeline, asOf: AsOfDate("2025-06-30")).0)
        XCTAssertTrue(english.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        XCTAssertTrue(english.contains("<h2>Summary</h2>"))
        XCTAssertTrue(english.contains("Violations per check"))
        XCTAssertFalse(english.contains("<h2>摘要</h2>"))
    }

    func testTheSameRunGivesTheSameBytes() throws {
        let first = try ll144Sample()
        XCTAssertEqual(HTMLReport.render(first), HTMLReport.render(first))
        XCTAssertEqual(HTMLReport.render(first), HTMLReport.render(try ll144Sample()))
    }

    func testHTMLIsAFormatThatIsWrittenByDefaultAndCanBeLeftOut() throws {
        XCTAssertEqual(try TestSupport.pipeline("admaudit: 1\n").report.formats, [.json, .md, .html])
        XCTAssertEqual(try TestSupport.pipeline("admaudit: 1\nreport:\n  formats: [html]\n").report.formats, [.html])
        XCTAssertThrowsError(try TestSupport.pipeline("admaudit: 1\nreport:\n  formats: [pdf]\n")) { error in
            XCTAssertTrue("\(error)".contains("json, md or html"), "\(error)")
        }

        let (result, _) = try TestSupport.audit(csv: "decision_id,employee_id,decision_type,outcome,sex\nD1,E1,hiring,favorable,female\n")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("admaudit-html-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = try OutputFolder.stage(folder, inputs: [])
        let written = try ReportWriter.write(result, to: output.folder)
        try output.commit()
        XCTAssertEqual(written.map { ($0 as NSString).lastPathComponent }, ["report.json", "report.md", "report.html"])
        let html = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        XCTAssertEqual(html, HTMLReport.render(result))
        let mode = try FileManager.default.attributesOfItem(atPath: folder + "/report.html")[.posixPermissions] as? NSNumber
        XCTAssertEqual(mode?.intValue, 0o600)

        var jsonOnly = result
        jsonOnly.pipeline.report.formats = [.json]
        let other = try OutputFolder.stage(folder + "-json-only", inputs: [])
        defer { try? FileManager.default.removeItem(atPath: folder + "-json-only") }
        XCTAssertEqual(try ReportWriter.write(jsonOnly, to: other.folder).map { ($0 as NSString).lastPathComponent }, ["report.json"])
        try other.commit()
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "-json-only/report.html"))
    }

    func testAnOutputFolderHoldingAnInputNamedReportHTMLIsRefused() throws {
        let input = TestSupport.temporaryFile("decision_id\n", name: "report.html")
        XCTAssertThrowsError(try OutputFolder.stage((input as NSString).deletingLastPathComponent, inputs: [input]))
    }

    // MARK: Pieces

    func testEscapingCoversTextAttributesControlsAndBidiMarks() {
        XCTAssertEqual(HTMLText.escape("<a href=\"x\" title='y'>&</a>"), "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;")
        XCTAssertEqual(HTMLText.escape("a\nb\tc\u{01}d\u{85}"), "a b c\u{FFFD}d\u{FFFD}")
        XCTAssertEqual(HTMLText.escape("\u{202E}exe.pdf\u{2066}\u{200F}"), "[U+202E]exe.pdf[U+2066][U+200F]")
        XCTAssertEqual(HTMLText.isolated("<b>"), "<bdi>&lt;b&gt;</bdi>")
        XCTAssertEqual(HTMLText.escape("女性 · ethnicity"), "女性 · ethnicity")
    }

    func testIntersectionLabelsSplitIntoRowsAndColumnsOrFallBackToOneColumn() {
        let split = SVGCharts.grid(["female × han", "female × hui", "male × han"], components: 2)
        XCTAssertEqual(split.rows, ["female", "male"])
        XCTAssertEqual(split.columns, ["han", "hui"])
        XCTAssertEqual(split.place[.init(row: 1, column: 0)], 2)
        XCTAssertNil(split.place[.init(row: 1, column: 1)], "male × hui has no decisions")
        // A value holding " × " cannot be split safely: one column of whole labels.
        let whole = SVGCharts.grid(["a × b × c", "d × e"], components: 2)
        XCTAssertEqual(whole.rows, ["a × b × c", "d × e"])
        XCTAssertEqual(whole.columns, [""])
    }

    func testLabelsAreCutByWidthAndCoordinatesHaveOneDecimal() {
        XCTAssertEqual(SVGCharts.clipped("short", units: 10), "short")
        XCTAssertEqual(SVGCharts.clipped("abcdefghijkl", units: 10), "abcdefghi…")
        XCTAssertEqual(SVGCharts.clipped("重大自动化决策未经人工复核", units: 10), "重大自动…")
        XCTAssertEqual(SVGCharts.label("\u{202E}abcdefghijkl<", units: 10), "[U+202E]a…")
        XCTAssertEqual(SVGCharts.n(12.34), "12.3")
        XCTAssertEqual(SVGCharts.n(-0.06), "-0.1")
        XCTAssertEqual(SVGCharts.n(7), "7")
        XCTAssertEqual(SVGCharts.n(.nan), "0")
    }

    /// The LL144 layout opens the groups with the published audit's tables, as report.md does.
    func testLL144LayoutTablesMatchTheMarkdownOnes() throws {
        let result = try TestSupport.audit([TestSupport.fixture("ll144/applicants.csv")], pipeline: shippedPipeline("nyc-ll144.yaml")).0
        let html = HTMLReport.render(result)
        let tables = LL144Tables(result, ReportText(language: .en))
        XCTAssertEqual(tables.tables.count, 6)
        XCTAssertEqual(html.components(separatedBy: "<table class=\"ll144\">").count - 1, tables.tables.count)
        // The under-2% category is marked in the HTML as in the Markdown.
        XCTAssertTrue(html.contains("<bdi>Native Hawaiian or Pacific Islander</bdi> <sup>1</sup></td>"), "excluded category marked")
        XCTAssertTrue(MarkdownReport.render(result).contains("| Native Hawaiian or Pacific Islander ¹ | 16 | 9 | 0.5625 | excluded |"))
        var standard = result
        standard.pipeline.report.layout = .standard
        XCTAssertFalse(HTMLReport.render(standard).contains("<section id=\"ll144\">"))
    }
}

/// The working-time section's heat map of off-hours activity by hour of the week.
final class HourOfWeekChartTests: XCTestCase {
    func testEveryHourOfTheWeekIsACellWithItsHoursInItsTitle() {
        var seconds = [Int64](repeating: 0, count: 168)
        seconds[6 * 24 + 23] = 5400   // Sunday 23:00
        seconds[2 * 24 + 21] = 1800   // Wednesday 21:00
        let english = SVGCharts.hourOfWeek(seconds, text: ReportText(language: .en))
        XCTAssertEqual(english.components(separatedBy: "<rect ").count - 1, 168)
        XCTAssertTrue(english.contains("<title>Sun 23:00–24:00: 1.5 h off-hours</title>"), english)
        XCTAssertTrue(english.contains("fill=\"#b2182b\""), "the busiest cell is the deepest")
        XCTAssertEqual(english.components(separatedBy: "fill=\"#ffffff\"").count - 1, 166, "an hour with none is blank")
        let chinese = SVGCharts.hourOfWeek(seconds, text: ReportText(language: .zh))
        XCTAssertTrue(chinese.contains("<title>周三 21:00–22:00：工作时间以外 0.5 小时</title>"), chinese)
    }
}
