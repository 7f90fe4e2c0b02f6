import XCTest
@testable import AdmAudit

/// A summary that reads clean must be clean: without an as-of date, the checks of what is
/// still pending (AP-03, DM-02) judge nothing, and every summary says which and why.
final class SummaryHeadlineTests: XCTestCase {
    /// Favourable hiring decisions by people, with their data and reasons recorded: every
    /// check but DM-02 is clean or not applicable, and DM-02 needs the as-of date.
    private let clean = """
        decision_id,decision_type,outcome,automated,decided_at,data_categories,reason_codes,sex
        D1,hiring,favorable,no,2025-03-03 10:00,attendance,punctuality,female
        D2,hiring,favorable,no,2025-03-04 10:00,attendance,punctuality,male
        D3,hiring,favorable,no,2025-03-05 10:00,attendance,punctuality,female
        D4,hiring,favorable,no,2025-03-06 10:00,attendance,punctuality,male

        """

    private func audit(_ csv: String, language: ReportLanguage, asOf: AsOfDate? = nil) throws -> AuditResult {
        let yaml = TestSupport.plainPipeline.replacingOccurrences(of: "report:\n", with: "report:\n  language: \(language.rawValue)\n")
        return try TestSupport.audit([TestSupport.temporaryFile(csv)], pipeline: TestSupport.pipeline(yaml), asOf: asOf).0
    }

    /// The summary section of report.md and of report.html, and the terminal summary.
    private func summaries(_ result: AuditResult) throws -> [String] {
        let checks = ReportText(language: result.pipeline.report.language).checks
        let markdown = try XCTUnwrap(MarkdownReport.render(result).components(separatedBy: "## \(checks)\n").first)
        let html = HTMLReport.render(result)
        let start = try XCTUnwrap(html.range(of: "<section id=\"summary\">"))
        let end = try XCTUnwrap(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
        return [markdown, String(html[start.lowerBound..<end.upperBound]), TerminalSummary.text(result)]
    }

    func testWithoutAnAsOfDateTheSummariesSayDM02CouldNotJudge() throws {
        let result = try audit(clean, language: .en)
        XCTAssertTrue(result.checksWithFindings.isEmpty)
        XCTAssertEqual(result.checksWithoutAsOfDate.map(\.descriptor.id), ["DM-02"])
        for summary in try summaries(result) {
            XCTAssertTrue(summary.contains("Could not judge without an as-of date (--as-of or audit_date): DM-02 (4 of 4 records unknown)."), summary)
            XCTAssertFalse(summary.contains("No check found a violation."), summary)
        }
        XCTAssertTrue(MarkdownReport.render(result).contains("- No check found a violation in the records it could judge"))
    }

    func testWithoutAnAsOfDateTheChineseSummariesSayDM02CouldNotJudge() throws {
        let result = try audit(clean, language: .zh)
        for summary in try summaries(result) {
            XCTAssertTrue(summary.contains("因未给出审计基准日（--as-of 或 audit_date）而无法判断：DM-02（4 / 4 条记录无法判断）。"), summary)
            XCTAssertFalse(summary.contains("未发现违规。"), summary)
        }
        XCTAssertTrue(MarkdownReport.render(result).contains("- 在可判断的记录中未发现违规"))
    }

    func testWithAnAsOfDateACleanRunReadsClean() throws {
        let result = try audit(clean, language: .en, asOf: AsOfDate("2025-06-30"))
        XCTAssertTrue(result.isClean)
        XCTAssertTrue(result.checksWithoutAsOfDate.isEmpty)
        let markdown = try summaries(result)[0]
        XCTAssertTrue(markdown.contains("- No check found a violation.\n"), markdown)
        XCTAssertFalse(markdown.contains("as-of date (--as-of"), markdown)
    }

    /// With findings the checks that could not judge are named beside them: an unanswered
    /// contest is AP-03's to judge, and it cannot tell whether the deadline has passed.
    func testBesideFindingsTheSummariesNameEveryCheckThatCouldNotJudge() throws {
        let csv = """
            decision_id,decision_type,outcome,automated,decided_at,appeal_filed_at,sex
            D1,hiring,favorable,no,2025-03-03 10:00,,female
            D2,dismissal,adverse,yes,2025-03-04 10:00,2025-03-05 10:00,male

            """
        let result = try audit(csv, language: .en)
        XCTAssertFalse(result.checksWithFindings.isEmpty)
        for summary in try summaries(result) {
            XCTAssertTrue(summary.contains("Could not judge without an as-of date (--as-of or audit_date): AP-03 (1 of 1 records unknown), DM-02 (2 of 2 records unknown)."), summary)
        }
    }

    /// A US export under US rules alone: the checks of EU and Chinese law are not run, and
    /// every summary and report.json say which, so the short list of checks does not read
    /// as a clean audit.
    func testTheSummariesNameTheChecksOutsideTheJurisdictionsAudited() throws {
        func result(_ language: ReportLanguage, jurisdictions: String?) throws -> AuditResult {
            var yaml = TestSupport.plainPipeline.replacingOccurrences(of: "report:\n", with: "report:\n  language: \(language.rawValue)\n")
            if let jurisdictions { yaml += "checks:\n  jurisdictions: [\(jurisdictions)]\n" }
            return try TestSupport.audit([TestSupport.temporaryFile(clean)], pipeline: TestSupport.pipeline(yaml),
                                         asOf: AsOfDate("2025-06-30")).0
        }
        let english = try result(.en, jurisdictions: "US")
        XCTAssertTrue(english.checksOutsideJurisdictions.contains("HR-01"))
        XCTAssertTrue(english.checksOutsideJurisdictions.contains("DM-02"))
        XCTAssertFalse(english.checksOutsideJurisdictions.contains { $0.hasPrefix("DQ") }, "data-quality checks cite no law and always run")
        XCTAssertFalse(english.checks.contains { $0.descriptor.id == "HR-01" })
        for summary in try summaries(english) {
            XCTAssertTrue(summary.contains("Not run, as no rule they apply is in force in the jurisdictions audited"), summary)
            XCTAssertTrue(summary.contains("HR-01, HR-02"), summary)
        }
        let json = try JSONSerialization.jsonObject(with: Data(JSONReport.render(english).utf8)) as? [String: Any]
        XCTAssertEqual((json?["checks_outside_jurisdictions"] as? [String])?.first, "HR-01")

        for summary in try summaries(try result(.zh, jurisdictions: "US")) {
            XCTAssertTrue(summary.contains("未运行，因其所依据的规则在本次审计的法域（US）均不适用：HR-01、HR-02"), summary)
        }
        let everywhere = try result(.en, jurisdictions: nil)
        XCTAssertEqual(everywhere.checksOutsideJurisdictions, [])
        for summary in try summaries(everywhere) { XCTAssertFalse(summary.contains("Not run"), summary) }
    }

    /// A stray quote and a disguised spelling: the export is read whole and the counts are
    /// clean, but every summary names the warnings beside the rows read, not only the
    /// diagnostics at the end of the report.
    func testTheSummariesNameTheWarningsAboutWhatWasRead() throws {
        let csv = """
            decision_id,decision_type,outcome,automated,decided_at,data_categories,reason_codes,sex
            D1,hiring,favorable,no,2025-03-03 10:00,attendance,"punctuality,female
            D2,hiring,favorable,no,2025-03-04 10:00,attendance,punctuality,male
            D3,hiring,favorable,no,2025-03-05 10:00,attendance,punctuality,f\u{0435}male

            """
        for (language, quote) in [(ReportLanguage.en, "a quote opened in column"), (.zh, "引号")] {
            let result = try audit(csv, language: language, asOf: AsOfDate("2025-06-30"))
            XCTAssertEqual(result.diagnostics.filter { $0.level == .warning }.map(\.code), [.quoteSwallowedLines, .disguisedSpellings])
            let heading = language == .en ? "2 warnings about what was read" : "关于所读数据的警告 2 条"
            let summaries = try summaries(result)
            for summary in summaries.prefix(2) {
                XCTAssertTrue(summary.contains(heading), summary)
                XCTAssertTrue(summary.contains(quote), summary)
                XCTAssertTrue(summary.contains("male → female") || summary.contains("male → Female"), summary)
                XCTAssertTrue(summary.contains("U+0435"), summary)
            }
            let markdown = summaries[0]
            let warnings = try XCTUnwrap(markdown.range(of: heading))
            let firstCheck = markdown.range(of: "- **")?.lowerBound ?? markdown.endIndex
            XCTAssertLessThan(warnings.lowerBound, firstCheck, "the warnings come before the checks' counts")
        }
    }

    /// More warnings than the summary lists: ten, then the rest counted.
    func testTheSummaryListsTenWarningsAndCountsTheRest() throws {
        var result = try audit(clean, language: .en, asOf: AsOfDate("2025-06-30"))
        // A column missing in twelve files comes first in the run's list; the title line, a
        // warning about what the rows held, is listed before them all the same.
        result.diagnostics = (1...12).map { file in
            Diagnostic(level: .warning, file: "export\(file).csv", code: .attributeWithoutColumn, values: ["attribute": .text("ethnicity")])
        } + [Diagnostic(level: .note, file: "export.csv", code: .noPseudonymKey),
             Diagnostic(level: .warning, file: "export.csv", code: .lineAboveHeaderHoldsValues, values: ["line": .count(2), "values": .count(3)])]
        // A disguised spelling after them all is listed first.
        result.diagnostics.append(Diagnostic(level: .warning, file: nil, code: .disguisedSpellings, values: [
            "read_as": .text("coded_values"), "spellings": .list(["Dism[U+0456]ssal"]), "read_as_values": .list(["dismissal"]), "more": .count(0)]))
        let markdown = try summaries(result)[0]
        XCTAssertTrue(markdown.contains("14 warnings about what was read"), markdown)
        let disguise = try XCTUnwrap(markdown.range(of: "Dism"), markdown)
        XCTAssertLessThan(disguise.lowerBound, try XCTUnwrap(markdown.range(of: "export.csv: line 2")).lowerBound)
        XCTAssertEqual(markdown.components(separatedBy: "\n  - export").count - 1, 9, markdown)
        XCTAssertTrue(markdown.contains("\n  - export.csv: line 2"), markdown)
        XCTAssertTrue(markdown.contains("… and 4 more under Data quality and reconciliation"), markdown)
    }
}
