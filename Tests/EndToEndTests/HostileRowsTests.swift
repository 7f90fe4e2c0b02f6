import Foundation
import XCTest

/// The attacks on the rows themselves (`fixtures/hostile/stray-quote`, `docs/hostile-exports.md`),
/// through the inspector's path: `admaudit run` with no pipeline and no edit.
final class HostileRowsTests: BinaryTestCase {
    private static let folder = AdmAuditBinary.root.appendingPathComponent("fixtures/hostile/stray-quote")

    /// Audits `file` with no pipeline: its findings as `check,decision_id`, and report.json.
    private func audit(_ file: String, in folder: URL = folder) throws -> (findings: Set<String>, input: [String: Any], report: [String: Any], err: String) {
        let out = work.appendingPathComponent(file).path
        let run = try AdmAuditBinary.run(["run", "-o", out, "--as-of", "2025-06-30", folder.appendingPathComponent(file).path], in: work)
        XCTAssertEqual(run.status, 0, "\(file): \(run.err)")
        let rows = try AdmAuditBinary.csv(out + "/findings.csv")
        let header = try XCTUnwrap(rows.first)
        let check = try XCTUnwrap(header.firstIndex(of: "check_id")), id = try XCTUnwrap(header.firstIndex(of: "decision_id"))
        let report = try AdmAuditBinary.json(out + "/report.json")
        let input = try XCTUnwrap((report["inputs"] as? [[String: Any]])?.first)
        return (Set(rows.dropFirst().filter { $0.count == header.count }.map { $0[check] + "," + $0[id] }), input, report, run.err)
    }

    /// A stray quote merged rows: each copy must give the clean export's findings, account for
    /// every line, and say which lines it read one by one.
    func testRowsAStrayQuoteMergedAreAuditedAndTheRunSaysSo() throws {
        let copies = [("clean_en.csv", "stray_quote_en.csv", "lines 6–16"),
                      ("clean_en.csv", "stray_quote_and_multiline_en.csv", "lines 6–17"),
                      ("clean_zh.csv", "stray_quote_unterminated_zh.csv", "第 14–21 行")]
        for (clean, hostile, lines) in copies {
            let original = try audit(clean)
            XCTAssertTrue(original.findings.contains { $0.hasPrefix("HR-01,") }, "\(clean): the clean export has violations to hide")
            let attacked = try audit(hostile)
            XCTAssertEqual(attacked.findings, original.findings, "\(hostile): the merged rows must be audited")
            XCTAssertEqual(attacked.input["rows_read"] as? Int, original.input["rows_read"] as? Int, hostile)
            XCTAssertEqual(attacked.input["rejected"] as? Int, 0, hostile)
            XCTAssertEqual(attacked.input["quote_repairs"] as? Int, 1, hostile)
            XCTAssertEqual(attacked.input["reconciles"] as? Bool, true, hostile)
            XCTAssertEqual((attacked.input["line_account"] as? [String: Any])?["reconciles"] as? Bool, true, hostile)
            XCTAssertTrue(attacked.err.contains(lines), "\(hostile): the terminal summary names the lines: \(attacked.err)")
            XCTAssertTrue(try String(contentsOf: work.appendingPathComponent(hostile + "/report.md"), encoding: .utf8).contains(lines),
                          "\(hostile): report.md names the lines")
        }
    }

    /// Every summary states the physical lines beside the rows.
    func testTheTerminalSummaryStatesLinesBesideRows() throws {
        let attacked = try audit("stray_quote_and_multiline_en.csv")
        XCTAssertTrue(attacked.err.contains("32 lines = 1 header + 31 in 30 rows (1 inside quoted fields); 30 rows read = 30 accepted + 0 rejected, reconciled"),
                      attacked.err)
    }

    /// `female` written with a zero-width space, a Cyrillic `е` and full-width letters: one
    /// group, and a warning that shows what each spelling hid.
    func testSpellingsDisguisedAsAGroupAreMergedAndShown() throws {
        let out = work.appendingPathComponent("disguised").path
        let file = AdmAuditBinary.root.appendingPathComponent("fixtures/hostile/look-alike/disguised_groups_en.csv").path
        let run = try AdmAuditBinary.run(["run", "-o", out, "--as-of", "2025-06-30", file], in: work)
        XCTAssertEqual(run.status, 0, run.err)
        let report = try AdmAuditBinary.json(out + "/report.json")
        let groups = (report["selection"] as? [[String: Any]] ?? []).flatMap { ($0["groups"] as? [[String: Any]] ?? []).compactMap { $0["group"] as? String } }
        XCTAssertEqual(Set(groups), ["female", "male"])
        let expected = "fe[U+200B]male → female; F[U+0435]male → female; [U+FF46][U+FF45][U+FF4D][U+FF41][U+FF4C][U+FF45] → female"
        XCTAssertTrue(run.err.contains(expected), run.err)
        XCTAssertTrue(try String(contentsOfFile: out + "/report.md", encoding: .utf8).contains("3 spelling\\(s\\) written to look like another value"), "report.md lists them (Markdown-escaped)")
    }

    /// A Chinese export whose decision types, outcomes and yes/no answers are disguised
    /// (`fixtures/hostile/look-alike/make_disguised_values.py`): the plain copy's findings, and a
    /// warning that shows each disguise; the full-width brackets of `警告（书面）`, ordinary in
    /// Chinese, are in both copies and are not reported.
    func testDecisionTypesOutcomesAndAnswersDisguisedAreReadAndShown() throws {
        let folder = AdmAuditBinary.root.appendingPathComponent("fixtures/hostile/look-alike")
        let plain = try audit("plain_values_zh.csv", in: folder)
        let disguised = try audit("disguised_values_zh.csv", in: folder)
        XCTAssertTrue(plain.findings.contains("HR-01,A01"), "the plain export has a violation to hide")
        XCTAssertEqual(disguised.findings, plain.findings)
        XCTAssertFalse(plain.err.contains("伪装"), plain.err)
        // In the reader's words on the terminal; report.json keeps the codes.
        let shown = "解除[U+200B]劳动合同 → 辞退；降[U+2060]职 → 降职；Dism[U+0456]ssal → 辞退；不[U+00AD]利 → 不利；"
            + "[U+FF41][U+FF44][U+FF56][U+FF45][U+FF52][U+FF53][U+FF45] → 不利；否[U+200D] → 否；[U+200B]否 → 否"
        let coded = "解除[U+200B]劳动合同 → dismissal；降[U+2060]职 → demotion；Dism[U+0456]ssal → dismissal；不[U+00AD]利 → adverse；"
            + "[U+FF41][U+FF44][U+FF56][U+FF45][U+FF52][U+FF53][U+FF45] → adverse；否[U+200D] → no；[U+200B]否 → no"
        XCTAssertTrue(disguised.err.contains("决策类型、结果及是/否取值：有 7 种写法"), disguised.err)
        XCTAssertTrue(disguised.err.contains(shown), disguised.err)
        XCTAssertFalse(disguised.err.contains("[U+FF08]"), "full-width brackets are not a disguise")
        let diagnostics = (disguised.report["diagnostics"] as? [[String: Any]] ?? []).filter { $0["code"] as? String == "disguised_spellings" }
        // Each spelling beside the code it was read as, in two lists.
        let spellings = diagnostics.compactMap { diagnostic -> String? in
            let values = diagnostic["values"] as? [String: Any]
            guard let spelt = values?["spellings"] as? [String], let read = values?["read_as_values"] as? [String] else { return nil }
            return zip(spelt, read).map { "\($0) → \($1)" }.joined(separator: "；")
        }
        XCTAssertTrue(spellings.contains { $0.contains(coded) }, "report.json keeps the warning, by code: \(diagnostics)")
    }

    /// The same decisions again under ids that look like theirs (a zero-width space, full-width
    /// letters, a soft hyphen): rejected as duplicates, with what each id hid shown as its code,
    /// so no violation is counted twice; ids of invisible characters only are rejected as empty.
    func testIdsThatLookTheSameAreOneDecision() throws {
        let folder = AdmAuditBinary.root.appendingPathComponent("fixtures/hostile/look-alike")
        let run = try audit("disguised_ids_en.csv", in: folder)
        XCTAssertEqual(run.findings.filter { $0.hasPrefix("HR-01,") }.sorted(), ["HR-01,D1", "HR-01,D3"])
        XCTAssertEqual(run.input["accepted"] as? Int, 4)
        XCTAssertEqual(run.input["rejected"] as? Int, 5)
        let rejects = try AdmAuditBinary.csv(work.appendingPathComponent("disguised_ids_en.csv/rejects.csv").path)
        XCTAssertEqual(rejects.dropFirst().map { $0[3] }, ["duplicate_id", "duplicate_id", "duplicate_id", "missing_required", "missing_required"])
        XCTAssertEqual(rejects.dropFirst().map { $0[4] }, [
            "decision_id 'D[U+200B]1' already appeared on line 2; only the first is kept",
            "decision_id '[U+FF24]３' already appeared on line 4; only the first is kept",
            "decision_id 'D[U+00AD]2' already appeared on line 3; only the first is kept",
            "decision_id is empty", "decision_id is empty",
        ], "an id of invisible characters only is no id: neither accepted nor the duplicate of another")
    }

    /// A review left open behind a leading yes (`yes (pending)`, `已复核(未)`, a struck-through
    /// `y̶e̶s̶`) is no review: the rows are rejected with their reason and counted as adverse
    /// in the summary, never accepted as reviewed (which took them out of HR-01 unseen).
    func testAReviewLeftOpenBehindAYesIsRejectedAndSaid() throws {
        for (language, open) in [("en", "yes (pending)"), ("zh", "已复核(未)"), ("en", "y\u{336}e\u{336}s\u{336}")] {
            var lines = ["decision_id,employee_id,decision_type,outcome,automated,human_reviewed,decided_at,sex"]
            for row in 1...40 {
                let reviewed = row <= 4 ? open : "yes"
                lines.append("D\(row),E\(row),dismissal,dismissed,yes,\(reviewed),2025-03-\(10 + row % 20) 10:00,\(row % 2 == 0 ? "female" : "male")")
            }
            let file = work.appendingPathComponent("open-review-\(language)-\(open.unicodeScalars.count).csv")
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
            let out = file.path + ".out"
            let run = try AdmAuditBinary.run(["run", "-o", out, "--as-of", "2025-06-30", file.path], in: work)
            XCTAssertEqual(run.status, 0, run.err)
            let input = try XCTUnwrap((try AdmAuditBinary.json(out + "/report.json")["inputs"] as? [[String: Any]])?.first)
            XCTAssertEqual(input["accepted"] as? Int, 36, open)
            XCTAssertEqual(input["rejected"] as? Int, 4, open)
            XCTAssertEqual(input["rejected_adverse"] as? Int, 4, "\(open): the rejected rows are dismissals")
            XCTAssertTrue(run.err.contains("unknown_value ×4"), "\(open): the summary names the reason: \(run.err)")
        }
    }

    /// Unreviewed dismissals dated before the rules they break, among 2025 decisions: backdated
    /// (`2017-03-01`) or written as a number the date reader takes as an Excel day number or a
    /// Unix time (`43000`, `31425`, `1500000000`). Through `init` and `run` with no edit, in
    /// English and Chinese: no check counts them, and the summary and report.json say so.
    func testDecisionsDatedBeforeTheRulesAreSaid() throws {
        let exports = [
            ("en", "decision_id,employee_id,decision_type,outcome,automated,human_reviewed,decided_at,sex,site",
             [7: "43000", 19: "2017-03-01 09:00", 33: "1500000000"], "3 decisions are dated before the rules they would break",
             "(2017-03-01 to 2017-09-22; the first on line 8)"),
            ("zh", "决定编号,工号,决定类型,处理结果,是否系统自动,是否人工复核,决定时间,性别,城市",
             [7: "43000", 19: "2017/03/01 09:00", 33: "31425"], "3 项决定的日期早于其所违反的规则在作出地生效之时",
             "（1986-01-13 至 2017-09-22；首项在第 8 行）"),
        ]
        for (language, header, backdated, said, days) in exports {
            var lines = [header]
            for row in 1...60 {
                let unreviewed = backdated[row] != nil || row % 10 == 0
                let date = backdated[row] ?? (language == "en" ? "2025-0\(3 + row % 4)-\(10 + row % 18) 10:00" : "2025/0\(3 + row % 4)/\(10 + row % 18) 10:00")
                lines.append(language == "en"
                    ? "D\(row),E\(row),dismissal,dismissed,yes,\(unreviewed ? "no" : "yes"),\(date),\(row % 2 == 0 ? "male" : "female"),Berlin"
                    : "J\(row),G\(row),解除劳动合同,解除,是,\(unreviewed ? "否" : "是"),\(date),\(row % 2 == 0 ? "男" : "女"),上海")
            }
            let file = work.appendingPathComponent("backdated-\(language).csv")
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
            let proposed = try AdmAuditBinary.run(["init", file.path], in: work)
            XCTAssertEqual(proposed.status, 0, proposed.err)
            let pipeline = file.path + ".yaml"
            try proposed.out.write(toFile: pipeline, atomically: true, encoding: .utf8)
            let out = file.path + ".out"
            let run = try AdmAuditBinary.run(["run", "-p", pipeline, "-o", out, "--as-of", "2025-12-31", file.path], in: work)
            XCTAssertEqual(run.status, 0, run.err)
            let rows = try AdmAuditBinary.csv(out + "/findings.csv")
            let check = try XCTUnwrap(rows.first?.firstIndex(of: "check_id")), id = try XCTUnwrap(rows.first?.firstIndex(of: "decision_id"))
            let prefix = language == "en" ? "D" : "J"
            XCTAssertEqual(Set(rows.dropFirst().filter { $0[check] == "HR-01" }.map { $0[id] }), Set([10, 20, 30, 40, 50, 60].map { prefix + String($0) }),
                           "\(language): the 2025 decisions without review are found, the backdated ones not counted")
            XCTAssertTrue(run.err.contains(said) && run.err.contains(days), "\(language): \(run.err)")
            let report = try AdmAuditBinary.json(out + "/report.json")
            let warning = try XCTUnwrap((report["diagnostics"] as? [[String: Any]])?.first { $0["code"] as? String == "decisions_before_rules" })
            let values = try XCTUnwrap(warning["values"] as? [String: Any])
            XCTAssertEqual(values["rows"] as? Int, 3, language)
            XCTAssertEqual(values["line"] as? Int, 8, language)
            XCTAssertTrue((values["checks"] as? [String])?.contains("HR-01") ?? false, "\(values)")
        }
    }

    /// A decoy header above the real one swaps `automated` and `human_reviewed`: read by the
    /// decoy, ten dismissals without review were out of HR-01's scope, and the real header was
    /// one rejected row. Two headers that disagree stop the run, naming the line.
    func testTwoHeadersThatDisagreeStopTheRun() throws {
        let real = "decision_id,employee_id,decision_type,outcome,automated,human_reviewed,decided_at,sex"
        let decoy = "decision_id,employee_id,decision_type,outcome,human_reviewed,automated,decided_at,sex"
        let rows = (1...10).map { "D\($0),E\($0),dismissal,dismissed,yes,no,2025-03-\(10 + $0) 10:00,\($0 % 2 == 0 ? "female" : "male")" }
        // The decoy may also rename a column the pipeline does not read (`note` for `notes`).
        let renamed = decoy + ",note"
        for (name, lines) in [("decoy-above", [decoy, real] + rows), ("decoy-below", [real] + rows.prefix(5) + [decoy] + rows.suffix(5)),
                              ("decoy-renamed", [renamed, real + ",notes"] + rows.map { $0 + ",-" })] {
            let file = work.appendingPathComponent(name + ".csv")
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
            let run = try AdmAuditBinary.run(["run", "-o", file.path + ".out", "--as-of", "2025-06-30", file.path], in: work)
            XCTAssertEqual(run.status, 3, "\(name): \(run.err)")
            let line = name == "decoy-below" ? 7 : 2
            XCTAssertTrue(run.err.contains("line \(line) names the header's columns in another order"), "\(name): \(run.err)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: file.path + ".out/report.json"), "\(name): no report from a misread export")
        }
    }

    /// A decoy column named `human_reviewed`, all yes, before the real one: read alone, it
    /// took ten dismissals without review out of HR-01. The two are read together: a row
    /// where they disagree is rejected (`conflicting_columns`), counted, and said.
    func testTwoColumnsOfOneNameMustAgree() throws {
        let (run, input, out) = try auditWithDecoy(named: "human_reviewed")
        XCTAssertEqual(input["accepted"] as? Int, 30)
        XCTAssertTrue(run.err.contains("conflicting_columns ×10"), run.err)
        let rejects = try AdmAuditBinary.csv(out + "/rejects.csv")
        XCTAssertEqual(rejects[1][4], "the two columns named 'human_reviewed' disagree: 'yes' in column 6, 'no' in column 9; which one the export means cannot be told")
    }

    /// The same decoy spelled otherwise (`Human Reviewed`, `HumanReviewed`, `human-reviewed`):
    /// a reader takes them for one name, so must the run (a hostile review hid all 40 unreviewed
    /// decisions so, with nothing said).
    func testTwinsSpelledOtherwiseMustAgreeToo() throws {
        for decoy in ["Human Reviewed", "HumanReviewed", "human-reviewed"] {
            let (_, input, _) = try auditWithDecoy(named: decoy)
            XCTAssertEqual(input["accepted"] as? Int, 30, decoy)
        }
    }

    /// Forty dismissals, a decoy column (all yes) in column 6 and the real `human_reviewed` (no
    /// on the first ten) in column 9, run with an inferred pipeline; every disagreeing row must
    /// be a `conflicting_columns` reject counted as adverse. Returns the run, report.json's input
    /// and the output folder.
    private func auditWithDecoy(named decoy: String) throws -> (run: (status: Int32, out: String, err: String), input: [String: Any], out: String) {
        var lines = ["decision_id,employee_id,decision_type,outcome,automated,\(decoy),decided_at,sex,human_reviewed"]
        for row in 1...40 {
            let real = row <= 10 ? "no" : "yes"
            lines.append("D\(row),E\(row),dismissal,dismissed,yes,yes,2025-03-\(10 + row % 20) 10:00,\(row % 2 == 0 ? "female" : "male"),\(real)")
        }
        let file = work.appendingPathComponent("decoy-\(decoy.unicodeScalars.map { String($0.value) }.joined()).csv")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
        let run = try AdmAuditBinary.run(["run", "-o", file.path + ".out", "--as-of", "2025-06-30", file.path], in: work)
        XCTAssertEqual(run.status, 0, run.err)
        let input = try XCTUnwrap((try AdmAuditBinary.json(file.path + ".out/report.json")["inputs"] as? [[String: Any]])?.first)
        XCTAssertEqual(input["rejected_adverse"] as? Int, 10, decoy)
        XCTAssertEqual((input["rejects_by_reason"] as? [String: Int])?["conflicting_columns"], 10, decoy)
        return (run, input, file.path + ".out")
    }

    /// `see ticket` in a dozen of the contest dates: `init` left the column out (45 % of its
    /// values were dates), so the contest checks saw nothing and the late answers vanished.
    /// A plainly named column is kept, marked TODO, and its junk rows are rejected and said.
    func testJunkInAPlainlyNamedColumnDoesNotDropIt() throws {
        for (language, header, junk) in [("en", "contested_at", "see ticket"), ("zh", "申诉时间", "见工单")] {
            var lines = ["decision_id,employee_id,decision_type,outcome,automated,human_reviewed,decided_at,sex,\(header)"]
            for row in 1...40 {
                let contested = row <= 12 ? junk : row <= 22 ? "2025-03-\(12 + row % 10) 09:00" : ""
                lines.append("D\(row),E\(row),dismissal,dismissed,yes,yes,2025-03-\(10 + row % 10) 10:00,\(row % 2 == 0 ? "female" : "male"),\(contested)")
            }
            let file = work.appendingPathComponent("junk-\(language).csv")
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
            let initRun = try AdmAuditBinary.run(["init", file.path], in: work)
            XCTAssertTrue(initRun.out.contains("appeal_filed_at: [\"\(header)\"]   # TODO"), initRun.out)
            let run = try AdmAuditBinary.run(["run", "-o", file.path + ".out", "--as-of", "2025-06-30", file.path], in: work)
            XCTAssertEqual(run.status, 0, run.err)
            let input = try XCTUnwrap((try AdmAuditBinary.json(file.path + ".out/report.json")["inputs"] as? [[String: Any]])?.first)
            XCTAssertEqual((input["rejects_by_reason"] as? [String: Int])?["bad_timestamp"], 12, language)
            XCTAssertEqual(input["may_hide_violations"] as? Bool, true, language)
        }
    }

    /// One group written four ways (`hui`, `hui.`, `Hui (Muslim)`; `回族`, `回族人`, `回族（少数民族）`),
    /// each below the suppression threshold: its disparity vanished, with nothing said. The
    /// groups that read alike are named in the summary and report.json; nothing is merged.
    func testAGroupSplitIntoSpellingsIsNamed() throws {
        for (language, spellings, shown) in [("en", ["hui", "hui.", "Hui (Muslim)"], "'hui', 'hui.', 'Hui (Muslim)' differ only in case"),
                                             ("zh", ["回族", "回族人", "回族（少数民族）"], "“回族”、“回族人”、“回族（少数民族）” 各组仅在")] {
            var lines = [language == "en" ? "decision_id,employee_id,decision_type,outcome,decided_at,ethnicity"
                                          : "决策编号,员工编号,决策类型,结果,决策时间,民族"]
            for row in 1...60 {
                let group = row <= 12 ? spellings[row % 3] : (language == "en" ? "han" : "汉族")
                let outcome = row <= 12 && row % 2 == 0 || row % 10 == 0 ? (language == "en" ? "dismissed" : "辞退") : (language == "en" ? "retained" : "留用")
                lines.append("D\(row),E\(row),\(language == "en" ? "dismissal" : "解除劳动合同"),\(outcome),2025-03-\(10 + row % 10) 10:00,\(group)")
            }
            let file = work.appendingPathComponent("split-\(language).csv")
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
            let run = try AdmAuditBinary.run(["run", "-o", file.path + ".out", "--as-of", "2025-06-30", file.path], in: work)
            XCTAssertEqual(run.status, 0, run.err)
            XCTAssertTrue(run.err.contains(shown), "\(language): \(run.err)")
            let diagnostics = try AdmAuditBinary.json(file.path + ".out/report.json")["diagnostics"] as? [[String: Any]] ?? []
            XCTAssertEqual(diagnostics.filter { $0["code"] as? String == "groups_written_alike" }.count, 1, language)
        }
    }
}
