import Foundation
import XCTest

/// An export that tries to write settings into the pipeline `init` proposes
/// (`fixtures/hostile/init-injection`, `docs/hostile-exports.md`): a header, a cell and an
/// unknown decision type holding line breaks libyaml obeys inside a comment (U+2028, U+2029,
/// U+0085), then `checks: {HR-01: false}` or a `values:` mapping. Through `init` and `run` with
/// no edit it must give its clean twin's findings, switch no check off, and the pipeline must
/// hold none of those line breaks as they were written.
final class HostileInitTests: BinaryTestCase {
    private static let folder = AdmAuditBinary.root.appendingPathComponent("fixtures/hostile/init-injection")

    private func initAndRun(_ name: String) throws -> (pipeline: String, findings: Set<String>, report: [String: Any], err: String) {
        let export = Self.folder.appendingPathComponent(name).path
        let proposed = try AdmAuditBinary.run(["init", export], in: work)
        XCTAssertEqual(proposed.status, 0, "\(name): \(proposed.err)")
        let pipeline = work.appendingPathComponent(name + ".yaml").path
        try proposed.out.write(toFile: pipeline, atomically: true, encoding: .utf8)
        let out = work.appendingPathComponent(name + "-out").path
        let run = try AdmAuditBinary.run(["run", "-p", pipeline, "-o", out, "--as-of", "2025-06-30", export], in: work)
        XCTAssertEqual(run.status, 0, "\(name): \(run.err)")
        let rows = try AdmAuditBinary.csv(out + "/findings.csv")
        let header = try XCTUnwrap(rows.first)
        let check = try XCTUnwrap(header.firstIndex(of: "check_id")), id = try XCTUnwrap(header.firstIndex(of: "decision_id"))
        return (proposed.out, Set(rows.dropFirst().map { $0[check] + "," + $0[id] }), try AdmAuditBinary.json(out + "/report.json"), run.err)
    }

    func testAHeaderOrValueCannotWriteSettingsIntoTheProposedPipeline() throws {
        let clean = try initAndRun("clean.csv")
        let injected = try initAndRun("injected.csv")
        XCTAssertTrue(clean.findings.contains("HR-01,D1"), "the clean export has violations to hide")
        XCTAssertEqual(injected.findings, clean.findings)
        XCTAssertEqual(injected.report["checks_switched_off"] as? [String], [])
        let ran = { (report: [String: Any]) in ((report["checks"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String } }
        XCTAssertEqual(ran(injected.report), ran(clean.report))
        for breaking in ["\u{2028}", "\u{2029}", "\u{0085}"] {
            XCTAssertFalse(injected.pipeline.contains(breaking), "a raw \(breaking.unicodeScalars.first!.value) in the pipeline")
        }
        XCTAssertTrue(injected.pipeline.contains(#"internal_note\u2028checks: {HR-01: false, HR-02: false}\u2028values:"#), injected.pipeline)
        XCTAssertTrue(injected.pipeline.contains(#"probation review\u2028checks: {AP-01: false}\u0085values:"#), injected.pipeline)
        XCTAssertFalse(injected.err.contains("Switched off"), injected.err)
    }

    /// A pipeline that does switch checks off says so in every summary and in report.json.
    func testChecksSwitchedOffAreNamedInEverySummary() throws {
        let export = Self.folder.appendingPathComponent("clean.csv").path
        let proposed = try AdmAuditBinary.run(["init", export], in: work)
        let pipeline = work.appendingPathComponent("off.yaml").path
        try proposed.out.replacingOccurrences(of: "checks:\n", with: "checks:\n  HR-01: false\n  EX-01: false\n")
            .write(toFile: pipeline, atomically: true, encoding: .utf8)
        let out = work.appendingPathComponent("off").path
        let run = try AdmAuditBinary.run(["run", "-p", pipeline, "-o", out, "--as-of", "2025-06-30", export], in: work)
        XCTAssertEqual(run.status, 0, run.err)
        let said = "Switched off by the pipeline, so not judged: HR-01, EX-01."
        XCTAssertTrue(run.err.contains(said), run.err)
        XCTAssertTrue(try String(contentsOfFile: out + "/report.md", encoding: .utf8).contains(said))
        XCTAssertTrue(try String(contentsOfFile: out + "/report.html", encoding: .utf8).contains(said))
        XCTAssertEqual(try AdmAuditBinary.json(out + "/report.json")["checks_switched_off"] as? [String], ["HR-01", "EX-01"])
    }
}

extension HostileInitTests {
    /// A row of another width (a field too many): `init` samples the rows it can use and says,
    /// on the terminal as in the pipeline's first line, how many it did not use, in the
    /// export's language, so that "3 rows read" is never taken for the whole file. (Rows a
    /// stray quote joined are read one line at a time: `testAStrayQuoteDoesNotCutInitsSampleShort`.)
    func testInitSaysHowManyRowsItDidNotUse() throws {
        let exports = [
            ("en.csv", "decision_id,employee_id,decision_type,outcome,human_reviewed\nD1,E1,dismissal,adverse,no\nD2,E2,hiring,favorable,yes\n"
                + "D3,E3,discipline,adverse,no,extra\nD4,E4,hiring,favorable,yes\n",
             "1 not used: damaged, of another width, or totals and footers"),
            ("zh.csv", "决策编号,员工工号,处理类型,处理结果,是否人工复核\nD1,E1,辞退,不利,否\nD2,E2,录用,有利,是\n"
                + "D3,E3,警告,不利,否,多余\nD4,E4,录用,有利,是\n",
             "另有 1 行未采用：已损坏、列数不符，或为合计行、表尾"),
        ]
        for (name, text, said) in exports {
            let export = work.appendingPathComponent(name).path
            try text.write(toFile: export, atomically: true, encoding: .utf8)
            let proposed = try AdmAuditBinary.run(["init", export], in: work)
            XCTAssertEqual(proposed.status, 0, proposed.err)
            XCTAssertTrue(proposed.err.contains(said), "\(name): \(proposed.err)")
            XCTAssertTrue(proposed.out.split(separator: "\n").first?.contains(said) == true, "\(name): \(proposed.out.prefix(300))")
        }
    }

    /// A stray quote on line 4 of an English export of month-first dates: init's sample ended
    /// at it, guessed the date order from the three rows above (day first, no day past 12
    /// yet), and the run rejected every later row whose day is past 12. The sample now reads
    /// the merged lines one by one, as the run does.
    func testAStrayQuoteDoesNotCutInitsSampleShort() throws {
        var lines = ["Case #,Agent ID,Flag Raised,Action Taken,Supervisor Review (Y/N),Gender"]
        for row in 1...40 {
            let agent = row == 3 ? "\"AG\(row)" : "AG\(row)"
            lines.append("C\(row),\(agent),3/\(row % 28 + 1)/2025 9:00 AM,Termination,\(row % 5 == 0 ? "N" : "Y"),\(row % 2 == 0 ? "Female" : "Male")")
        }
        let file = work.appendingPathComponent("stray-quote-month-first.csv")
        try Data((lines.joined(separator: "\r\n") + "\r\n").utf8).write(to: file)
        let proposed = try AdmAuditBinary.run(["init", file.path], in: work)
        XCTAssertTrue(proposed.out.contains("date_order: mdy"), proposed.out)
        XCTAssertTrue(proposed.err.contains("(40 rows read)"), proposed.err)
        let pipeline = work.appendingPathComponent("stray-quote.yaml")
        try proposed.out.write(to: pipeline, atomically: true, encoding: .utf8)
        let run = try AdmAuditBinary.run(["run", "-p", pipeline.path, "-o", file.path + ".out", "--as-of", "2025-06-30", file.path], in: work)
        XCTAssertEqual(run.status, 0, run.err)
        XCTAssertTrue(run.err.contains("40 rows read = 40 accepted + 0 rejected"), run.err)
        XCTAssertTrue(run.err.contains("a quote opened in column 'Agent ID'"), run.err)
    }
}
