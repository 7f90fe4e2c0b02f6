import Foundation
import XCTest

/// Runs the real `admaudit` binary in a temporary folder, as users do.
final class CommandLineTests: BinaryTestCase {
    private static let root = AdmAuditBinary.root

    private func path(_ relative: String) -> String { Self.root.appendingPathComponent(relative).path }

    @discardableResult
    private func admaudit(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
        try AdmAuditBinary.run(arguments, in: work, environment: environment)
    }

    private func read(_ folder: String, _ name: String) throws -> String {
        try String(contentsOf: work.appendingPathComponent(folder).appendingPathComponent(name), encoding: .utf8)
    }

    func testRunWritesEveryOutputOwnerOnlyAndReconciles() throws {
        let result = try admaudit(["run", "-p", path("pipelines/labor-inspection.yaml"), "-o", "out", "--as-of", "2025-06-30",
                                   path("fixtures/sample/decisions_en.csv")])
        XCTAssertEqual(result.status, 0, result.err)
        // labor-inspection.yaml writes Chinese: the summary on stderr too.
        XCTAssertTrue(result.err.contains("读取 40 行 = 接受 40 + 拒收 0，核对一致"), result.err)
        XCTAssertTrue(result.err.contains("报告："), result.err)
        for name in ["report.json", "report.md", "report.html", "findings.csv", "rejects.csv"] {
            let file = work.appendingPathComponent("out/" + name).path
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600, name)
        }
        let findings = try read("out", "findings.csv").split(separator: "\n")
        XCTAssertEqual(findings.filter { $0.contains(",HR-01,") }.count, 10)  // fixtures/sample/EXPECTED.md
        XCTAssertTrue(findings[0].hasPrefix("decision_id,subject,check_id,severity"))
        XCTAssertFalse(try read("out", "findings.csv").contains("E0"), "subject ids must be pseudonymised by default")
        let report = try JSONSerialization.jsonObject(with: Data(try read("out", "report.json").utf8)) as! [String: Any]
        XCTAssertEqual(report["as_of"] as? String, "2025-06-30")
        XCTAssertEqual((report["reconciliation"] as? [String: Any])?["holds"] as? Bool, true)
        XCTAssertTrue(try read("out", "report.md").contains("劳动者自动化决策"))
    }

    /// With no as-of date given, the report's is the day of the latest decision in the
    /// pipeline's zone: 02:00 on 11 July in Shanghai is 11 July, not 10 July (UTC).
    func testTheDataAsOfDateIsTheLatestDecisionsLocalDay() throws {
        try Data("admaudit: 1\ninput:\n  time_zone: Asia/Shanghai\n".utf8).write(to: work.appendingPathComponent("shanghai.yaml"))
        try Data("""
            decision_id,decision_type,outcome,decided_at
            D1,dismissal,adverse,2025-07-10 09:00
            D2,dismissal,adverse,2025-07-11 02:00

            """.utf8).write(to: work.appendingPathComponent("late-night.csv"))
        let result = try admaudit(["run", "-p", "shanghai.yaml", "-o", "out", "late-night.csv"])
        XCTAssertEqual(result.status, 0, result.err)
        let report = try JSONSerialization.jsonObject(with: Data(try read("out", "report.json").utf8)) as! [String: Any]
        XCTAssertEqual(report["as_of"] as? String, "2025-07-11")
        XCTAssertEqual(report["as_of_source"] as? String, "data")
    }

    func testSameInputsGiveTheSameBytes() throws {
        let arguments = ["-p", path("pipelines/labor-inspection.yaml"), "--as-of", "2025-06-30", path("fixtures/sample/decisions_zh_gb18030.csv")]
        try admaudit(["run", "-o", "a"] + arguments)
        try admaudit(["run", "-o", "b"] + arguments)
        for name in ["report.json", "report.md", "findings.csv", "rejects.csv"] {
            XCTAssertEqual(try read("a", name), try read("b", name), name)
        }
    }

    /// On one core (`taskset -c 0`) the reader parses on the thread that audits; on two it
    /// parses beside it, in one piece or in each part of a file cut in two. Each way of
    /// reading writes the bytes of the others.
    func testOneCoreTwoPartsAndOnePieceWriteTheSameBytes() throws {
        let taskset = "/usr/bin/taskset"
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: taskset), "taskset (util-linux) is not installed")
        let key = ["ADMAUDIT_PSEUDONYM_KEY": "e2e-key"]
        for (pipeline, input) in [("pipelines/self-assessment.yaml", "fixtures/sample/decisions_en.csv"),
                                  ("pipelines/self-assessment.yaml", "fixtures/sample/decisions_zh_gb18030.csv"),
                                  ("fixtures/hostile/hostile.yaml", "fixtures/hostile/hostile.csv"),
                                  ("pipelines/self-assessment.yaml", "fixtures/hostile/stray-quote/stray_quote_and_multiline_en.csv")] {
            let arguments = ["-p", path(pipeline), "--as-of", "2025-06-30", path(input)]
            // One piece on two cores (the file is below the split size), and two parts (the split size lowered).
            let whole = try admaudit(["run", "-o", "whole"] + arguments, environment: key)
            let split = try admaudit(["run", "-o", "split"] + arguments, environment: key.merging(["ADMAUDIT_SPLIT_BYTES": "1"]) { $1 })
            let process = Process()
            process.executableURL = URL(fileURLWithPath: taskset)
            process.arguments = ["-c", "0", AdmAuditBinary.url.path, "run", "-o", "one"] + arguments
            process.currentDirectoryURL = work
            process.environment = ProcessInfo.processInfo.environment.merging(key) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            XCTAssertEqual(split.status, whole.status, input)
            XCTAssertEqual(process.terminationStatus, whole.status, input)
            for name in ["report.json", "report.md", "findings.csv", "rejects.csv"] {
                let expected = try read("whole", name)
                XCTAssertEqual(try read("split", name), expected, "\(input): \(name), two parts")
                XCTAssertEqual(try read("one", name), expected, "\(input): \(name), one core")
            }
            for folder in ["whole", "split", "one"] { try FileManager.default.removeItem(at: work.appendingPathComponent(folder)) }
        }
    }

    func testEnglishAndChineseExportsGiveTheSameFindings() throws {
        let key = ["ADMAUDIT_PSEUDONYM_KEY": "e2e-key"]
        try admaudit(["run", "-p", path("pipelines/self-assessment.yaml"), "-o", "en", path("fixtures/sample/decisions_en.csv")], environment: key)
        try admaudit(["run", "-p", path("pipelines/self-assessment.yaml"), "-o", "zh", path("fixtures/sample/decisions_zh_gb18030.csv")], environment: key)
        func withoutSource(_ text: String) -> [String] {
            text.split(separator: "\n").map { line in line.split(separator: ",", omittingEmptySubsequences: false).dropLast(2).joined(separator: ",") }
        }
        XCTAssertEqual(withoutSource(try read("en", "findings.csv")), withoutSource(try read("zh", "findings.csv")))
    }

    func testFailOnErrorExitsOneWhenAnErrorFindingExists() throws {
        let result = try admaudit(["run", "-p", path("pipelines/self-assessment.yaml"), "-o", "out", "--fail-on", "error",
                                   path("fixtures/sample/decisions_en.csv")])
        XCTAssertEqual(result.status, 1, result.err)
        let compliant = work.appendingPathComponent("compliant.csv")
        try "decision_id,decision_type,outcome,human_reviewed,explanation_given,appeal_offered,union_notified\nD1,dismissal,adverse,yes,yes,yes,yes\nD2,hiring,favorable,no,,,\n"
            .write(to: compliant, atomically: true, encoding: .utf8)
        let clean = try admaudit(["run", "-p", path("pipelines/self-assessment.yaml"), "-o", "out2", "--fail-on", "error", compliant.path])
        XCTAssertEqual(clean.status, 0, clean.err)
    }

    func testBadPipelineExitsTwoNamingTheLine() throws {
        let pipeline = work.appendingPathComponent("bad.yaml")
        try "admaudit: 1\nchekcs:\n  HR-01: true\n".write(to: pipeline, atomically: true, encoding: .utf8)
        let result = try admaudit(["run", "-p", pipeline.path, "-o", "out", path("fixtures/sample/decisions_en.csv")])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.err.contains("bad.yaml:2:1"), result.err)
        XCTAssertTrue(result.err.contains("chekcs"), result.err)
        XCTAssertTrue(result.err.contains("did you mean 'checks'"), result.err)
        XCTAssertFalse(result.err.contains("Backtrace"), result.err)
    }

    func testUsageErrorsExitTwo() throws {
        XCTAssertEqual(try admaudit(["run"]).status, 2)
        XCTAssertEqual(try admaudit(["frobnicate"]).status, 2)
        XCTAssertEqual(try admaudit(["run", "-p", path("pipelines/labor-inspection.yaml"), "--as-of", "yesterday", "x.csv"]).status, 2)
        XCTAssertEqual(try admaudit(["--help"]).status, 0)
    }

    func testMissingInputExitsThreeNamingTheFile() throws {
        let result = try admaudit(["run", "-p", path("pipelines/labor-inspection.yaml"), "-o", "out", "no-such-file.csv"])
        XCTAssertEqual(result.status, 3)
        XCTAssertTrue(result.err.contains("no-such-file.csv"), result.err)
    }

    func testInputWithoutRequiredColumnsExitsThree() throws {
        let input = work.appendingPathComponent("odd.csv")
        try "foo,bar\n1,2\n".write(to: input, atomically: true, encoding: .utf8)
        let result = try admaudit(["run", "-p", path("pipelines/labor-inspection.yaml"), "-o", "out", input.path])
        XCTAssertEqual(result.status, 3)
        XCTAssertTrue(result.err.contains("odd.csv:1"), result.err)
        XCTAssertTrue(result.err.contains("decision_type"), result.err)
    }

    /// A bundled pipeline reads an export with no decision id by line; a pipeline that names the
    /// id's column stops on a file without it (another export), naming the field.
    func testADecisionIDIsRequiredOnlyWhereThePipelineNamesItsColumn() throws {
        let input = work.appendingPathComponent("actions.csv")
        try "工号,处理类型,处理结果,处理时间,是否人工复核\nG1,解除劳动合同,不利,2025-03-13 09:00,否\nG1,警告,不利,2025-03-14 09:00,否\n"
            .write(to: input, atomically: true, encoding: .utf8)
        let byLine = try admaudit(["run", "-p", path("pipelines/labor-inspection.yaml"), "-o", "byline", input.path])
        XCTAssertEqual(byLine.status, 0, byLine.err)
        let findings = try read("byline", "findings.csv")
        XCTAssertTrue(findings.contains("\n第2行,S-"), findings)
        XCTAssertTrue(findings.contains("\n第3行,S-"), findings)
        let named = work.appendingPathComponent("named.yaml")
        try "admaudit: 1\ncolumns:\n  decision_id: [Case Number]\n".write(to: named, atomically: true, encoding: .utf8)
        let other = try admaudit(["run", "-p", named.path, "--lang", "en", "-o", "named", input.path])
        XCTAssertEqual(other.status, 3)
        XCTAssertTrue(other.err.contains("actions.csv:1: error: no column found for decision_id"), other.err)
    }

    /// A run whose language is Chinese (its pipeline's, or --lang zh) tells a Chinese reader
    /// what stopped it in Chinese: a header the pipeline does not fit, an input that is missing.
    func testAnInputErrorIsInTheRunsLanguage() throws {
        let input = work.appendingPathComponent("odd.csv")
        try "foo,bar\n1,2\n".write(to: input, atomically: true, encoding: .utf8)
        // labor-inspection.yaml's reports are in Chinese.
        let chinese = try admaudit(["run", "-p", path("pipelines/labor-inspection.yaml"), "-o", "out", input.path])
        XCTAssertEqual(chinese.status, 3)
        XCTAssertTrue(chinese.err.contains("odd.csv:1: 错误：找不到 decision_type、outcome 的列"), chinese.err)
        XCTAssertTrue(chinese.err.contains("表头为：foo，bar"), chinese.err)
        XCTAssertTrue(chinese.err.contains("提示："), chinese.err)
        XCTAssertFalse(chinese.err.contains("no column found"), chinese.err)
        let missing = try admaudit(["run", "-p", path("pipelines/labor-inspection.yaml"), "-o", "out", "no-such-file.csv"])
        XCTAssertEqual(missing.status, 3)
        XCTAssertTrue(missing.err.contains("no-such-file.csv: 错误：无法打开输入文件"), missing.err)
        let english = try admaudit(["run", "-p", path("pipelines/labor-inspection.yaml"), "--lang", "en", "-o", "out", input.path])
        XCTAssertTrue(english.err.contains("odd.csv:1: error: no column found for decision_type, outcome"), english.err)
    }

    func testValidateShowsMappingCountsAndReasons() throws {
        let result = try admaudit(["validate", "-p", path("pipelines/self-assessment.yaml"), path("fixtures/malformed/bad_values.csv")])
        XCTAssertEqual(result.status, 0, result.err)
        XCTAssertTrue(result.out.contains("decision_id ← decision_id"), result.out)
        XCTAssertTrue(result.out.contains("7 rows read = 3 accepted + 4 rejected (reconciled)"), result.out)
        XCTAssertTrue(result.out.contains("bad_timestamp: 1 (check input.date_order and input.time_zone"), result.out)
        XCTAssertTrue(result.out.contains("bad_values.csv:3:"), result.out)
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("admaudit-report").path))
    }

    /// A Chinese pipeline: the frame is Chinese too, not English around Chinese reasons.
    func testValidateSpeaksThePipelinesLanguage() throws {
        let result = try admaudit(["validate", "-p", path("pipelines/labor-inspection.yaml"), path("fixtures/malformed/bad_values.csv")])
        XCTAssertEqual(result.status, 0, result.err)
        for said in ["使用的列映射：", "读取 7 行 = 接受 3 + 拒收 4（核对一致）", "主要拒收原因：", "时间无法识别（bad_timestamp）：1（核对 input.date_order", "警告："] {
            XCTAssertTrue(result.out.contains(said), "\(said) in:\n\(result.out)")
        }
        for english in ["rows read", "mapping used", "top reject reasons", "warning:", "lines =", "encoding utf-8"] {
            XCTAssertFalse(result.out.contains(english), "\(english) in:\n\(result.out)")
        }
        // --lang overrides the pipeline's language, as for run.
        let english = try admaudit(["validate", "--lang", "en", "-p", path("pipelines/labor-inspection.yaml"), path("fixtures/malformed/bad_values.csv")])
        XCTAssertEqual(english.status, 0, english.err)
        XCTAssertTrue(english.out.contains("top reject reasons:") && english.out.contains("bad_timestamp: 1 (check input.date_order"), english.out)
        let chinese = try admaudit(["validate", "--lang", "zh", "-p", path("pipelines/self-assessment.yaml"), path("fixtures/malformed/bad_values.csv")])
        XCTAssertTrue(chinese.out.contains("主要拒收原因："), chinese.out)
        XCTAssertEqual(try admaudit(["validate", "--lang", "fr", "-p", path("pipelines/self-assessment.yaml"), path("fixtures/malformed/bad_values.csv")]).status, 2)
    }

    func testInitMapsEveryChineseColumnItShould() throws {
        let result = try admaudit(["init", path("fixtures/sample/decisions_zh_gb18030.csv")])
        XCTAssertEqual(result.status, 0, result.err)
        for line in ["decision_id: [\"决策编号\"]", "subject_id: [\"员工编号\"]", "decision_type: [\"决策类型\"]", "outcome: [\"结果\"]",
                     "score: [\"评分\"]", "automated: [\"是否自动化\"]", "decided_at: [\"决策时间\"]", "human_reviewed: [\"是否人工复核\"]",
                     "reviewer_id: [\"复核人\"]", "reviewed_at: [\"复核时间\"]", "review_result: [\"复核结果\"]",
                     "explanation_given: [\"是否说明理由\"]", "appeal_offered: [\"是否提供申诉\"]", "appeal_filed_at: [\"申诉时间\"]",
                     "appeal_responded_at: [\"申诉答复时间\"]", "appeal_reviewer: [\"申诉复核方式\"]", "appeal_result: [\"申诉结果\"]",
                     "sex: [\"性别\"]", "ethnicity: [\"民族\"]", "age_band: [\"年龄段\"]", "site: [\"工作地点\"]",
                     "encoding: gb18030", "time_zone: Asia/Shanghai", "jurisdictions: [CN]", "language: zh"] {
            XCTAssertTrue(result.out.contains(line), "missing \(line) in:\n\(result.out)")
        }
        XCTAssertFalse(result.out.contains("TODO:"), "nothing to check on this export")
        // The starter pipeline is itself a valid pipeline that runs.
        let starter = work.appendingPathComponent("starter.yaml")
        try result.out.write(to: starter, atomically: true, encoding: .utf8)
        let run = try admaudit(["run", "-p", starter.path, "-o", "out", path("fixtures/sample/decisions_zh_gb18030.csv")])
        XCTAssertEqual(run.status, 0, run.err)
        XCTAssertTrue(run.err.contains("读取 40 行 = 接受 40 + 拒收 0"), run.err)
    }

    func testChecksListsTheCatalogueInBothLanguages() throws {
        let english = try admaudit(["checks"])
        XCTAssertEqual(english.status, 0, english.err)
        XCTAssertTrue(english.out.contains("HR-01  error   Significant automated decision without human review"), english.out)
        XCTAssertTrue(english.out.contains("basis: PIPL Art. 24 (CN, from 2021-11-01)"), english.out)
        XCTAssertTrue(english.out.contains("min_reviews = 20 (default)"), english.out)
        let chinese = try admaudit(["checks", "--lang", "zh"])
        XCTAssertTrue(chinese.out.contains("重大自动化决策未经人工复核"), chinese.out)
        XCTAssertTrue(chinese.out.contains("《个人信息保护法》第24条"), chinese.out)
    }

    func testChecksEffectiveShowsWhatThePipelineMakesOfEachCheck() throws {
        let pipeline = work.appendingPathComponent("p.yaml")
        try "admaudit: 1\nchecks:\n  jurisdictions: [EU]\n  HR-01: {severity: warning}\n  HR-03: {min_reviews: 7}\n  DQ-01: false\n"
            .write(to: pipeline, atomically: true, encoding: .utf8)
        let result = try admaudit(["checks", "--effective", "-p", pipeline.path])
        XCTAssertEqual(result.status, 0, result.err)
        XCTAssertTrue(result.out.contains("HR-01  warning"), result.out)
        XCTAssertFalse(result.out.contains("PIPL Art. 24 (CN"), "CN bases are not selected")
        XCTAssertTrue(result.out.contains("min_reviews = 7 (pipeline)"), result.out)
        XCTAssertTrue(result.out.contains("Impossible time order in the record  [off]"), result.out)
        XCTAssertEqual(try admaudit(["checks", "--effective"]).status, 2)
    }

    func testLaborInspectionRunsEveryCheckInChinese() throws {
        let result = try admaudit(["run", "-p", path("pipelines/labor-inspection.yaml"), "-o", "out", "--as-of", "2025-06-30",
                                   path("fixtures/sample/decisions_zh_gb18030.csv")])
        XCTAssertEqual(result.status, 0, result.err)
        let report = try JSONSerialization.jsonObject(with: Data(try read("out", "report.json").utf8)) as! [String: Any]
        let checks = (report["checks"] as? [[String: Any]]) ?? []
        XCTAssertEqual(checks.count, 21, "every check of the catalogue runs under CN law")
        XCTAssertEqual((checks.first?["title"] as? [String: String])?["zh"], "重大自动化决策未经人工复核")
        let markdown = try read("out", "report.md")
        XCTAssertTrue(markdown.contains("《个人信息保护法》第24条"), markdown)
        XCTAssertTrue(markdown.contains("形式化复核"), markdown)
    }

    func testSelfAssessmentFailsTheRunOnAnErrorFinding() throws {
        let result = try admaudit(["run", "-p", path("pipelines/self-assessment.yaml"), "-o", "out", "--fail-on", "error",
                                   "--as-of", "2025-06-30", path("fixtures/planted/planted.csv")])
        XCTAssertEqual(result.status, 1, result.err)
        XCTAssertTrue(result.err.contains("HR-01 error"), result.err)
    }

    func testTheLL144PipelineReportsSexRaceAndTheirIntersection() throws {
        let result = try admaudit(["run", "-p", path("pipelines/nyc-ll144.yaml"), "-o", "out", path("fixtures/sample/decisions_en.csv")])
        XCTAssertEqual(result.status, 0, result.err)
        let report = try JSONSerialization.jsonObject(with: Data(try read("out", "report.json").utf8)) as! [String: Any]
        let attributes = Set(((report["selection"] as? [[String: Any]]) ?? []).compactMap { $0["attribute"] as? String })
        XCTAssertEqual(attributes, ["sex", "race_ethnicity", "sex × race_ethnicity"])
        let settings = report["settings"] as? [String: Any]
        XCTAssertEqual(settings?["exclusion_share"] as? Double, 0.02)
    }

    // MARK: Shards

    func testShardStatesMergeIntoTheReportOfOneRun() throws {
        let pipeline = path("fixtures/shards/shards.yaml")
        for k in 1...3 {
            let shard = try admaudit(["run", "--save-state", "-p", pipeline, "-o", "shard\(k)", "--as-of", "2025-07-31",
                                      path("fixtures/shards/shard_\(k).csv")])
            XCTAssertEqual(shard.status, 0, shard.err)
            let state = work.appendingPathComponent("shard\(k)/state.json").path
            let mode = try FileManager.default.attributesOfItem(atPath: state)[.posixPermissions] as? Int
            XCTAssertEqual(mode, 0o600, "the state names decisions: owner-only")
        }
        let whole = try admaudit(["run", "-p", pipeline, "-o", "whole", "--as-of", "2025-07-31", path("fixtures/shards/whole.csv")])
        XCTAssertEqual(whole.status, 0, whole.err)
        let merged = try admaudit(["merge", "-p", pipeline, "-o", "merged", "shard1/state.json", "shard2/state.json", "shard3/state.json"])
        XCTAssertEqual(merged.status, 0, merged.err)
        XCTAssertTrue(merged.err.contains("merged 3 shard states"), merged.err)

        // Everything but the inputs, the diagnostics that name them, and where the as-of date came from.
        func numbers(_ folder: String) throws -> [String: Any] {
            var report = try JSONSerialization.jsonObject(with: Data(read(folder, "report.json").utf8)) as! [String: Any]
            for key in ["inputs", "diagnostics", "as_of_source"] { report.removeValue(forKey: key) }
            return report
        }
        XCTAssertEqual(try numbers("merged") as NSDictionary, try numbers("whole") as NSDictionary)
    }

    /// The merge gathers each shard's findings.csv and rejects.csv in shard order: with a
    /// pseudonym key given, the bytes one run over the same files writes. A shard whose
    /// folder lacks one keeps that file from being gathered, and the merge says so.
    func testMergeGathersTheShardsFindingsAndRejects() throws {
        let pipeline = path("fixtures/shards/shards.yaml")
        let key = ["ADMAUDIT_PSEUDONYM_KEY": "an inspector's own key"]
        // The last shard with two rows the run rejects, so that rejects.csv has rows to gather.
        let damaged = work.appendingPathComponent("shard_3_damaged.csv")
        try (String(contentsOfFile: path("fixtures/shards/shard_3.csv"), encoding: .utf8) + "ragged,row\n\"a quoted\nline end\",x\n")
            .write(to: damaged, atomically: true, encoding: .utf8)
        let shards = [path("fixtures/shards/shard_1.csv"), path("fixtures/shards/shard_2.csv"), damaged.path]
        for (k, shard) in shards.enumerated() {
            let run = try admaudit(["run", "--save-state", "-p", pipeline, "-o", "shard\(k)", "--as-of", "2025-07-31", shard], environment: key)
            XCTAssertEqual(run.status, 0, run.err)
        }
        let single = try admaudit(["run", "-p", pipeline, "-o", "single", "--as-of", "2025-07-31"] + shards, environment: key)
        XCTAssertEqual(single.status, 0, single.err)
        let merged = try admaudit(["merge", "-p", pipeline, "-o", "merged", "shard0/state.json", "shard1/state.json", "shard2/state.json"])
        XCTAssertEqual(merged.status, 0, merged.err)
        for name in ["findings.csv", "rejects.csv"] {
            XCTAssertEqual(try read("merged", name), try read("single", name), name)
            let mode = try FileManager.default.attributesOfItem(atPath: work.appendingPathComponent("merged/" + name).path)[.posixPermissions] as? Int
            XCTAssertEqual(mode, 0o600, name)
        }
        XCTAssertGreaterThan(try read("single", "findings.csv").split(separator: "\n").count, 10, "the fixture has findings to gather")
        XCTAssertGreaterThan(try read("single", "rejects.csv").split(separator: "\n").count, 2, "and rejects")

        try FileManager.default.removeItem(at: work.appendingPathComponent("shard1/rejects.csv"))
        let partial = try admaudit(["merge", "-p", pipeline, "-o", "partial", "shard0/state.json", "shard1/state.json", "shard2/state.json"])
        XCTAssertEqual(partial.status, 0, partial.err)
        XCTAssertTrue(partial.err.contains("rejects.csv was not gathered"), partial.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("partial/rejects.csv").path), "no file of some shards' rows")
        XCTAssertEqual(try read("partial", "findings.csv"), try read("single", "findings.csv"))

        // Another shard's file in a shard's folder, or two states in one folder: not gathered, and said.
        try FileManager.default.removeItem(at: work.appendingPathComponent("shard1/findings.csv"))
        try FileManager.default.copyItem(at: work.appendingPathComponent("shard0/findings.csv"), to: work.appendingPathComponent("shard1/findings.csv"))
        let swapped = try admaudit(["merge", "-p", pipeline, "-o", "swapped", "shard0/state.json", "shard1/state.json", "shard2/state.json"])
        XCTAssertEqual(swapped.status, 0, swapped.err)
        XCTAssertTrue(swapped.err.contains("findings.csv was not gathered: this shard's holds another number of rows than its state counts"), swapped.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("swapped/findings.csv").path))
        try FileManager.default.copyItem(at: work.appendingPathComponent("shard2/state.json"), to: work.appendingPathComponent("shard0/state2.json"))
        let shared = try admaudit(["merge", "-p", pipeline, "-o", "shared", "shard0/state.json", "shard0/state2.json"])
        XCTAssertEqual(shared.status, 0, shared.err)
        XCTAssertTrue(shared.err.contains("this state shares its folder with another shard's"), shared.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("shared/findings.csv").path))
    }

    /// An id in two shards: each shard leaves its ids beside its state, and the merge names
    /// the first row of a later shard whose id an earlier one holds. A shard that left none
    /// makes the merge say the ids were not compared.
    func testMergeNamesADecisionIdInTwoShards() throws {
        let pipeline = path("fixtures/shards/shards.yaml")
        let first = try String(contentsOfFile: path("fixtures/shards/shard_1.csv"), encoding: .utf8)
        let lines = first.split(separator: "\n")
        // The second shard repeats the first shard's row on line 3, as its own line 4.
        let second = try String(contentsOfFile: path("fixtures/shards/shard_2.csv"), encoding: .utf8)
        var secondLines = second.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        secondLines.insert(String(lines[2]), at: 3)
        try secondLines.joined(separator: "\n").write(to: work.appendingPathComponent("second.csv"), atomically: true, encoding: .utf8)
        for (name, input) in [("s1", path("fixtures/shards/shard_1.csv")), ("s2", "second.csv")] {
            let run = try admaudit(["run", "--save-state", "-p", pipeline, "-o", name, "--as-of", "2025-07-31", input])
            XCTAssertEqual(run.status, 0, run.err)
            let mode = try FileManager.default.attributesOfItem(atPath: work.appendingPathComponent(name + "/decision-ids.bin").path)[.posixPermissions] as? Int
            XCTAssertEqual(mode, 0o600)
        }
        let merged = try admaudit(["merge", "-p", pipeline, "-o", "merged", "s1/state.json", "s2/state.json"])
        XCTAssertEqual(merged.status, 0, merged.err)
        XCTAssertTrue(merged.err.contains("second.csv: 1 row(s) of later shards hold a decision id an earlier shard holds (the first: line 4 of this file, first seen on line 3 of "),
                      merged.err)
        let report = try AdmAuditBinary.json(work.appendingPathComponent("merged/report.json").path)
        let codes = (report["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        XCTAssertTrue(codes.contains("decision_ids_repeated_across_shards"), "\(codes)")
        // These shards were run with no pseudonym key: the gathered findings say one worker may have two.
        XCTAssertTrue(codes.contains("pseudonyms_differ_across_shards"), "\(codes)")

        try FileManager.default.removeItem(at: work.appendingPathComponent("s2/decision-ids.bin"))
        let blind = try admaudit(["merge", "-p", pipeline, "-o", "blind", "s1/state.json", "s2/state.json"])
        XCTAssertEqual(blind.status, 0, blind.err)
        XCTAssertTrue(blind.err.contains("decision ids were not compared across shards"), blind.err)
    }

    func testMergeRefusesADamagedStateWithExitThree() throws {
        try Data("{\"format\": \"admaudit-shard-state\"".utf8).write(to: work.appendingPathComponent("state.json"))
        let result = try admaudit(["merge", "-p", path("fixtures/shards/shards.yaml"), "-o", "merged", "state.json"])
        XCTAssertEqual(result.status, 3, result.err)
        XCTAssertTrue(result.err.contains("state.json"), result.err)
        XCTAssertTrue(result.err.contains("hint:"), result.err)
    }

    /// `--lang` sets the language of every readable output: the summary, the reports and the
    /// texts of findings.csv, whatever the pipeline says.
    func testLangOverridesThePipelinesLanguageEverywhere() throws {
        let result = try admaudit(["run", "-p", path("pipelines/labor-inspection.yaml"), "-o", "out", "--as-of", "2025-06-30",
                                   "--lang", "en", path("fixtures/sample/decisions_en.csv")])
        XCTAssertEqual(result.status, 0, result.err)
        XCTAssertTrue(result.err.contains("40 rows read = 40 accepted + 0 rejected, reconciled"), result.err)
        XCTAssertTrue(result.err.contains("report:"), result.err)
        XCTAssertTrue(try read("out", "report.md").contains("## Summary"))
        XCTAssertTrue(try read("out", "report.html").hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        XCTAssertTrue(try read("out", "findings.csv").contains("human_reviewed=no for an adverse dismissal decision"))

        let chinese = try admaudit(["run", "-p", path("pipelines/self-assessment.yaml"), "-o", "zh", "--as-of", "2025-06-30",
                                    "--lang", "zh", path("fixtures/sample/decisions_en.csv")])
        XCTAssertEqual(chinese.status, 0, chinese.err)
        XCTAssertTrue(try read("zh", "report.md").contains("## 摘要"))
        XCTAssertTrue(try read("zh", "findings.csv").contains("不利的自动化辞退决定未经人工复核（human_reviewed=否）"))
        XCTAssertTrue(chinese.err.contains("核对一致"), chinese.err)
    }
}
