import XCTest
@testable import AdmAudit

/// Hostile input values arrive inert in every output this version writes.
final class OutputSafetyTests: XCTestCase {
    func testFormulaCellsAreNeutralisedButNumbersAreNot() {
        XCTAssertEqual(CSVText.cell("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"")
        XCTAssertEqual(CSVText.cell("+1+1"), "'+1+1")
        XCTAssertEqual(CSVText.cell("@SUM(A1)"), "'@SUM(A1)")
        XCTAssertEqual(CSVText.cell("\tcmd"), "'\tcmd")
        XCTAssertEqual(CSVText.cell("-0.5"), "-0.5")
        XCTAssertEqual(CSVText.cell("-"), "'-")
        XCTAssertEqual(CSVText.cell("a,b"), "\"a,b\"")
        XCTAssertEqual(CSVText.cell("two\nlines"), "\"two\nlines\"")
    }

    func testMarkdownEscapingKeepsTablesAndMarkupInert() {
        let escaped = Markdown.escape("<script>alert(1)</script> | *x* [l](http://e) `c`\n# h \u{202E}evil")
        XCTAssertFalse(escaped.contains("<script>"))
        XCTAssertFalse(escaped.contains("\n"))
        XCTAssertFalse(escaped.contains("\u{202E}"))
        XCTAssertTrue(escaped.contains("\\|"))
        XCTAssertTrue(escaped.contains("\\["))
        XCTAssertFalse(escaped.replacingOccurrences(of: "\\|", with: "").contains("|"))
    }

    /// Each escaped character alone in a text, and amid plain text: a text with nothing to
    /// escape is copied whole, so the test for "nothing to escape" must miss none of them.
    func testJSONEscapesEveryMarkWhereverItStands() {
        let marks: [Unicode.Scalar] = (0x00...0x1F).map { Unicode.Scalar($0)! } + ["\u{7F}", "\u{2028}", "\u{2029}", "\u{200E}", "\u{200F}"]
            + (0x202A...0x202E).map { Unicode.Scalar($0)! } + (0x2066...0x2069).map { Unicode.Scalar($0)! }
        for mark in marks {
            for text in [String(mark), "女 \(mark) x", "label\(mark)"] {
                let serialized = JSONValue.string(text).serialized()
                XCTAssertFalse(serialized.unicodeScalars.dropFirst().dropLast().contains(mark), "U+\(String(mark.value, radix: 16)) in \(serialized)")
                XCTAssertTrue(serialized.contains("\\"), serialized)
            }
        }
        // Text of other scripts, and marks near the escaped ones (U+2027, U+2030, U+206A), pass as they are.
        for text in ["female × han", "回族（少数民族）", "a\u{2027}b\u{2030}c\u{206A}", "café"] {
            XCTAssertEqual(JSONValue.string(text).serialized(), "\"" + text + "\"")
        }
    }

    func testJSONEscapesControlsAndBidiMarks() {
        let text = JSONValue.string("a\"b\\c\n\u{202E}\u{01}").serialized()
        XCTAssertEqual(text, "\"a\\\"b\\\\c\\n\\u202e\\u0001\"")
        XCTAssertEqual(JSONValue.number(.nan).serialized(), "null")
        XCTAssertEqual(JSONValue.number(0.45).serialized(), "0.45")
        XCTAssertEqual(JSONValue.number(1).serialized(), "1")
    }

    func testHostileValuesFromAnExportArriveInertInEveryOutput() throws {
        let csv = """
        decision_id,employee_id,decision_type,outcome,human_reviewed,sex
        "=HYPERLINK(""http://evil"")",<script>x</script>,dismissal,adverse,no,"a|b"
        "D2 | **bold**",E2,dismissal,adverse,no,\u{202E}male
        D3,E3,dismissal,favorable,yes,female

        """
        let yaml = TestSupport.plainPipeline.replacingOccurrences(of: "subject_ids: keep", with: "subject_ids: keep\n  title: \"<b>t</b>\"")
        let (result, sink) = try TestSupport.audit(csv: csv, pipeline: yaml)
        let folder = TestSupport.scratchRoot.appendingPathComponent("safety-\(UUID().uuidString)").path
        let output = try OutputFolder.stage(folder, inputs: [])
        let fileSink = try FileAuditSink(folder: output.folder, language: .en)
        for finding in sink.findings { try fileSink.finding(finding.finding) }
        try fileSink.commit()
        _ = try ReportWriter.write(result, to: output.folder)
        try output.commit()

        let findings = try String(contentsOfFile: folder + "/findings.csv", encoding: .utf8)
        XCTAssertTrue(findings.contains("\"'=HYPERLINK("), findings)
        XCTAssertFalse(findings.contains(",=HYPERLINK"), findings)
        let markdown = try String(contentsOfFile: folder + "/report.md", encoding: .utf8)
        XCTAssertFalse(markdown.contains("<script>"))
        XCTAssertFalse(markdown.contains("<b>"))
        XCTAssertFalse(markdown.contains("**bold**"))
        XCTAssertFalse(markdown.contains("\u{202E}"))
        XCTAssertTrue(markdown.contains("a\\|b"), markdown)
        let json = try String(contentsOfFile: folder + "/report.json", encoding: .utf8)
        XCTAssertFalse(json.contains("\u{202E}"))
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(json.utf8)))
    }

    // MARK: The hostile fixture through every output

    /// `fixtures/hostile` (see its EXPECTED.md) audited and written as `admaudit run` does.
    private func writeHostileOutputs() throws -> (folder: String, result: AuditResult) {
        let pipeline = try PipelineLoader.load(path: TestSupport.fixture("hostile/hostile.yaml"))
        let folder = TestSupport.scratchRoot.appendingPathComponent("hostile-\(UUID().uuidString)").path
        let output = try OutputFolder.stage(folder, inputs: [])
        let sink = try FileAuditSink(folder: output.folder, language: pipeline.report.language)
        let result = try AuditRun(pipeline: pipeline, pipelineFile: "hostile.yaml", inputs: [TestSupport.fixture("hostile/hostile.csv")])
            .run(into: sink)
        try sink.commit()
        XCTAssertEqual(try ReportWriter.write(result, to: output.folder).count, 3)
        try output.commit()
        return (folder, result)
    }

    private static let script = "<script>alert(1)</script>"
    private static let image = "<img src=x onerror=alert(1)>"
    private static let hyperlink = "=HYPERLINK(\"http://evil\",\"click\")"

    func testTheHostileFixtureReachesEveryOutput() throws {
        let (folder, result) = try writeHostileOutputs()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        XCTAssertEqual(result.totalRead, 16)
        XCTAssertEqual(result.totalRejected, 3)
        let sex = try XCTUnwrap(result.selection.first { $0.attribute == "sex" })
        XCTAssertEqual(Set(sex.groups.map(\.group)), [Self.script, "a | b", "female"])
        let ethnicity = try XCTUnwrap(result.selection.first { $0.attribute == "ethnicity" })
        XCTAssertEqual(Set(ethnicity.groups.map(\.group)), [Self.image, "[link](http://x)", "`code`", "line\nbreak | x", "\u{202E}kazakh"])
        let evidence = result.checks.first { $0.descriptor.id == "HR-01" }?.firstDecisionIDs ?? []
        XCTAssertTrue(evidence.contains(Self.script) && evidence.contains("a | b") && evidence.contains("`tick`"), "\(evidence)")
        let reviewers = result.checks.first { $0.descriptor.id == "HR-03" }?.firstDecisionIDs ?? []
        XCTAssertEqual(reviewers, [Self.image, Self.hyperlink], "reviewers as the export spells them; the reports word them")
    }

    func testHostileValuesAreExactJSONStrings() throws {
        let (folder, _) = try writeHostileOutputs()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = try String(contentsOfFile: folder + "/report.json", encoding: .utf8)
        XCTAssertFalse(text.unicodeScalars.contains { $0.isBidiControl || ($0.value < 0x20 && $0 != "\n") })
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let pipeline = report["pipeline"] as? [String: Any]
        XCTAssertEqual(pipeline?["name"] as? String, "<b>hostile</b> | `pipeline` [x](http://x)")
        let labels = ((report["selection"] as? [[String: Any]]) ?? []).flatMap { ($0["groups"] as? [[String: Any]]) ?? [] }
            .compactMap { $0["group"] as? String }
        for label in [Self.script, Self.image, "a | b", "line\nbreak | x", "\u{202E}kazakh", "`code`", "[link](http://x)",
                      "<script>alert(1)</script> × \u{202E}kazakh"] {
            XCTAssertTrue(labels.contains(label), label)
        }
    }

    func testHostileValuesCannotBreakMarkdownTablesOrBecomeLinksOrHTML() throws {
        let (folder, _) = try writeHostileOutputs()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let markdown = try String(contentsOfFile: folder + "/report.md", encoding: .utf8)
        let prose = OutputInspection.outsideCode(markdown)
        XCTAssertTrue(OutputInspection.matches("<[A-Za-z/!?]", in: prose).isEmpty, "\(OutputInspection.matches(".{20}<[A-Za-z/!?].{20}", in: prose))")
        XCTAssertTrue(OutputInspection.matches("(?<!\\\\)\\]\\(", in: prose).isEmpty, "a link's ]( is left unescaped")
        XCTAssertFalse(prose.contains("http://"), "GitHub would link a bare URL")
        XCTAssertFalse(prose.contains("www.evil"), "GitHub would link a bare www. address")
        XCTAssertFalse(markdown.unicodeScalars.contains { $0.isBidiControl })
        XCTAssertFalse(markdown.contains("&#x202E;"), "an entity becomes the control again once rendered")
        XCTAssertTrue(markdown.contains("\\[U+202E\\]kazakh"))
        XCTAssertFalse(markdown.contains("two\nlines"))
        let tables = OutputInspection.tables(markdown)
        XCTAssertGreaterThan(tables.count, 5)
        for table in tables {
            let widths = Set(table.map(OutputInspection.cellBreaks))
            XCTAssertEqual(widths.count, 1, "a row has a different number of cells:\n" + table.joined(separator: "\n"))
        }
        // The hostile values are there, as text.
        XCTAssertTrue(markdown.contains("&lt;script&gt;alert\\(1\\)&lt;/script&gt;"))
        XCTAssertTrue(markdown.contains("a \\| b"))
    }

    func testHostileValuesAreEscapedTextInHTML() throws {
        let (folder, result) = try writeHostileOutputs()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let html = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        XCTAssertTrue(OutputInspection.elementNames(html).isSubset(of: OutputInspection.reportElements),
                      "\(OutputInspection.elementNames(html).subtracting(OutputInspection.reportElements))")
        for tag in OutputInspection.startTags(html) {
            XCTAssertTrue(OutputInspection.matches("\\son[a-z]+\\s*=", in: tag).isEmpty, tag)
            XCTAssertFalse(tag.dropFirst().contains("<"), tag)
        }
        XCTAssertFalse(html.unicodeScalars.contains { $0.isBidiControl })
        XCTAssertFalse(html.contains("&#x202"), "an entity becomes the control again")
        // Labels, ids, reviewers, the pipeline's name and title: there as text, in tables and in charts.
        let script = "&lt;script&gt;alert(1)&lt;/script&gt;"
        XCTAssertTrue(html.contains("<title>&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; =HYPERLINK(&quot;http://evil&quot;,&quot;click&quot;) www.evil.example [U+202E]evil</title>"))
        XCTAssertTrue(html.contains("<code><bdi>&lt;b&gt;hostile&lt;/b&gt; | `pipeline` [x](http://x)</bdi></code>"))
        XCTAssertTrue(html.contains("<tr><td><bdi>\(script)</bdi></td>"))
        XCTAssertTrue(html.contains("<code><bdi>reviewer &lt;img src=x onerror=alert(1)&gt;</bdi></code>"))
        XCTAssertTrue(html.contains("<bdi>[U+202E]kazakh</bdi>"))
        XCTAssertTrue(html.contains("<bdi>line break | x</bdi>"))
        let heatmap = try XCTUnwrap(OutputInspection.charts(html, kind: "chart-heatmap").first)
        XCTAssertTrue(heatmap.contains("<title>\(script)</title>"), heatmap)
        XCTAssertTrue(heatmap.contains("<title>&lt;img src=x onerror=alert(1)&gt;</title>"), heatmap)
        let selection = OutputInspection.charts(html, kind: "chart-selection")
        XCTAssertEqual(selection.count, result.selection.count)
        XCTAssertTrue(selection.joined().contains("[U+202E]kazakh</text>"))
    }

    func testHostileCellsCannotRunAsFormulasInTheCSVFiles() throws {
        let (folder, _) = try writeHostileOutputs()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["findings.csv", "rejects.csv"] {
            let records = OutputInspection.csvRecords(try String(contentsOfFile: folder + "/" + name, encoding: .utf8))
            XCTAssertGreaterThan(records.count, 3, name)
            XCTAssertEqual(Set(records.map(\.count)).count, 1, "\(name): every record has the header's width")
            for cell in records.joined() {
                XCTAssertFalse(OutputInspection.isFormula(cell), "\(name): \(cell)")
            }
        }
        let findings = OutputInspection.csvRecords(try String(contentsOfFile: folder + "/findings.csv", encoding: .utf8))
        let ids = Set(findings.map { $0[0] })
        for neutralised in ["'" + Self.hyperlink, "'+cmd|' /C calc'!A0", "'@SUM(A1)", "'-2+3"] {
            XCTAssertTrue(ids.contains(neutralised), neutralised)
        }
        XCTAssertTrue(ids.contains("-2.5"), "a plain number stays a number")
        XCTAssertTrue(ids.contains("two\nlines"), "a line break stays inside its quoted cell")
        XCTAssertTrue(findings.contains { $0[1] == "'" + Self.hyperlink }, "subject ids are neutralised too")
        let rejects = OutputInspection.csvRecords(try String(contentsOfFile: folder + "/rejects.csv", encoding: .utf8))
        XCTAssertEqual(rejects.map { $0[3] }, ["reason_code", "unknown_value", "duplicate_id", "ragged_row"])
        XCTAssertTrue(rejects[1][5].hasPrefix("'=1+2,"), rejects[1][5])
        XCTAssertTrue(rejects[3][5].hasPrefix("'@SUM(A1),"), rejects[3][5])
    }
}
