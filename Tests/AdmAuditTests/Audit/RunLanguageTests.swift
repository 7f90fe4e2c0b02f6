import Foundation
import XCTest
@testable import AdmAudit

/// `report.language` (and `--lang`, which sets it) reaches every text a run makes, not
/// only the reports' frame: finding details, unknown reasons, run-wide findings, the
/// reasons of undefined ratios, diagnostics and reject reasons. A zh run writes them in
/// Chinese; an en run writes exactly what it wrote before (the golden files in
/// fixtures/golden were made from the English-only code and must not change).
///
/// The runs: the planted export (every check fires), rows that take each check down each
/// of its violation and unknown paths (with and without an as-of date), statistics whose
/// ratios cannot be computed, every malformed fixture and more bad values, the mapping
/// and run diagnostics, and a merge of shard states.
final class RunLanguageTests: XCTestCase {
    static let asOf = AsOfDate("2025-06-30")!

    // MARK: the runs

    static func planted(_ language: ReportLanguage) throws -> (AuditResult, MemorySink) {
        var pipeline = try PipelineLoader.load(path: TestSupport.fixture("planted/planted.yaml"))
        pipeline.report.language = language
        return try TestSupport.audit([TestSupport.fixture("planted/planted.csv")], pipeline: pipeline)
    }

    static func pipeline(_ yaml: String, _ language: ReportLanguage) throws -> Pipeline {
        var pipeline = try TestSupport.pipeline(yaml)
        pipeline.report.language = language
        return pipeline
    }

    static let pathColumns = [
        "decision_id", "employee_id", "decision_type", "outcome", "automated", "human_reviewed", "reviewer_id", "reviewed_at",
        "review_result", "decided_at", "effective_at", "notified_at", "explanation_given", "appeal_offered", "appeal_filed_at",
        "appeal_responded_at", "appeal_reviewer", "appeal_reviewer_id", "appeal_result", "data_categories", "reason_codes",
        "protected_status", "union_notified", "ai_notice_at", "jurisdiction", "score", "sex",
    ]

    /// A compliant adverse automated dismissal, on Wednesday 2025-03-05 in Shanghai.
    static let compliant: [String: String] = [
        "decision_type": "dismissal", "outcome": "adverse", "automated": "yes", "human_reviewed": "yes",
        "reviewed_at": "2025-03-05 11:00", "decided_at": "2025-03-05 10:00", "effective_at": "2025-03-05 12:00",
        "notified_at": "2025-03-05 14:00", "explanation_given": "yes", "appeal_offered": "yes",
        "data_categories": "performance", "reason_codes": "late_delivery", "union_notified": "yes",
        "ai_notice_at": "2025-01-02 09:00", "sex": "female",
    ]

    /// A contest filed, answered in time by a person.
    static let contest: [String: String] = [
        "appeal_filed_at": "2025-03-06 09:00", "appeal_responded_at": "2025-03-10 09:00",
        "appeal_reviewer": "human", "appeal_reviewer_id": "A1",
    ]

    /// Each row takes a check down one of its paths (the label says which); the rest of
    /// the row is compliant, though a row may also trip another check on the way.
    static let pathRows: [(String, [String: String])] = [
        ("HR-01 violation", ["human_reviewed": "no", "reviewed_at": ""]),
        ("HR-01 not recorded", ["human_reviewed": "", "reviewed_at": ""]),
        ("HR-02 unknown: neither time", ["reviewed_at": "", "effective_at": ""]),
        ("HR-02 unknown: no review time", ["reviewed_at": ""]),
        ("HR-02 unknown: no effect time", ["effective_at": ""]),
        ("HR-02 violation", ["reviewed_at": "2025-03-07 15:30"]),
        ("EX-01 violation", ["explanation_given": "no"]),
        ("EX-01 not recorded", ["explanation_given": ""]),
        ("AP-01 violation, contested anyway", contest.merging(["appeal_offered": "no"]) { $1 }),
        ("AP-01 violation", ["appeal_offered": "no"]),
        ("AP-01 not recorded", ["appeal_offered": ""]),
        ("AP-02 violation", contest.merging(["appeal_reviewer": "automated", "appeal_reviewer_id": ""]) { $1 }),
        ("AP-02 not recorded", contest.merging(["appeal_reviewer": "", "appeal_reviewer_id": ""]) { $1 }),
        ("AP-03 violation (unknown without an as-of date)", contest.merging(["appeal_responded_at": ""]) { $1 }),
        ("AP-03 violation with a result", contest.merging(["appeal_responded_at": "", "appeal_result": "upheld"]) { $1 }),
        ("AP-04 violation", contest.merging(["appeal_responded_at": "2025-04-30 09:00"]) { $1 }),
        ("AP-05 unknown", contest.merging(["reviewer_id": "R1", "appeal_reviewer_id": ""]) { $1 }),
        ("AP-05 violation", contest.merging(["reviewer_id": "R1", "appeal_reviewer_id": "r1"]) { $1 }),
        ("DM-01 unknown: not recorded", ["data_categories": ""]),
        ("DM-01 unknown: no items", ["data_categories": ";"]),
        ("DM-01 violation", ["data_categories": "health;病历"]),
        ("DM-02 unknown; NT-01 unknown", ["decided_at": ""]),
        ("DM-02 violation", ["decided_at": "2024-01-10 10:00", "decision_type": "discipline"]),
        ("DM-03 violation: the type", ["decision_type": "attrition_risk"]),
        ("DM-03 unknown: not recorded", ["data_categories": "", "reason_codes": ""]),
        ("DM-03 unknown: no items", ["data_categories": ";", "reason_codes": "，"]),
        ("DM-03 violation: the fields", ["data_categories": "job_site_visits", "reason_codes": "flight_risk"]),
        ("DC-01 unknown", ["notified_at": ""]),
        ("DC-01 violation: a holiday", ["notified_at": "2025-05-01 10:00"]),
        ("DC-01 violation: a Saturday", ["notified_at": "2025-03-08 10:00"]),
        ("DC-01 violation: at night", ["notified_at": "2025-03-05 22:00"]),
        ("LC-01 violation", ["union_notified": "no"]),
        ("LC-01 not recorded", ["union_notified": ""]),
        ("LC-02 violation: dismissal", ["protected_status": "孕期"]),
        ("LC-02 violation: pay cut", ["decision_type": "pay", "protected_status": "maternity;nursing"]),
        ("NT-01 not recorded", ["ai_notice_at": ""]),
        ("NT-01 violation: after", ["ai_notice_at": "2025-03-06 09:00"]),
        ("NT-01 violation: NYC lead time", ["ai_notice_at": "2025-03-03 09:00", "jurisdiction": "US-NYC"]),
        ("NT-01 violation: the pipeline's lead time", ["ai_notice_at": "2025-03-05 08:00"]),
        ("RC-01 unknown: not recorded", ["reason_codes": ""]),
        ("RC-01 unknown: no items", ["reason_codes": ";"]),
        ("RC-01 violation", ["reason_codes": "toilet_breaks;non_response"]),
        ("DQ-01 violation", contest.merging(["reviewed_at": "2025-03-04 10:00", "appeal_responded_at": "2025-03-05 09:00"]) { $1 }),
        ("DQ-02 violation", ["sex": ""]),
        ("DQ-03 violation", ["score": "1.5"]),
        ("DQ-04 violation", ["jurisdiction": "Atlantis"]),
        ("HR-03 violation", ["reviewer_id": "RS1", "review_result": "upheld"]),
        ("HR-03 violation", ["reviewer_id": "RS1", "review_result": "upheld", "reviewed_at": "2025-03-05 10:00:30"]),
        ("HR-03 violation", ["reviewer_id": "rs1", "review_result": "upheld", "reviewed_at": "2025-03-05 10:05"]),
        ("DM-02 violation: a dismissal record past the two years of LCL Art. 50", ["decided_at": "2023-01-10 10:00"]),
    ]

    static let pathPipeline = """
        admaudit: 1
        name: paths
        input:
          time_zone: Asia/Shanghai
          delimiter: ","
        attributes:
          sex: [sex]
        bias:
          min_group_size: 1
          exclusion_share: 0
        checks:
          jurisdictions: [CN, EU, US-NYC]
          HR-03:
            min_reviews: 3
          DQ-02:
            max_unknown_share: 0.01
          DQ-03:
            range: [0, 1]
          DC-01:
            holidays: [2025-05-01]
          NT-01:
            business_days_before: 1
        report:
          subject_ids: keep
          suppress_below: 0
        """

    static func quoted(_ fields: [String]) -> String {
        fields.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") + "\n"
    }

    static let pathCSV: String = {
        var csv = quoted(pathColumns)
        for (index, (_, changes)) in pathRows.enumerated() {
            var row = compliant.merging(changes) { $1 }
            row["decision_id"] = String(format: "X%02d", index + 1)
            row["employee_id"] = String(format: "E%02d", index + 1)
            csv += quoted(pathColumns.map { row[$0] ?? "" })
        }
        return csv
    }()

    static func paths(_ language: ReportLanguage, asOf: AsOfDate?) throws -> (AuditResult, MemorySink) {
        try TestSupport.audit([TestSupport.temporaryFile(pathCSV, name: "paths.csv")], pipeline: pipeline(pathPipeline, language), asOf: asOf)
    }

    /// Statistics whose ratios cannot be computed, each for its own reason.
    static func undefinedRuns(_ language: ReportLanguage) throws -> [(String, AuditResult)] {
        let header = "decision_id,employee_id,decision_type,outcome,automated,decided_at,score,sex\n"
        func rows(_ specs: [(String, String, String)]) -> String {
            header + specs.enumerated().map { index, spec in
                "U\(index + 1),E\(index + 1),hiring,\(spec.0),yes,2025-03-0\(index % 9 + 1) 10:00,\(spec.1),\(spec.2)\n"
            }.joined()
        }
        func run(_ name: String, _ csv: String, _ bias: String) throws -> (String, AuditResult) {
            let yaml = """
                admaudit: 1
                name: \(name)
                input:
                  time_zone: Asia/Shanghai
                attributes:
                  sex: [sex]
                bias:
                \(bias)
                report:
                  subject_ids: keep
                  suppress_below: 0
                """
            let (result, _) = try TestSupport.audit([TestSupport.temporaryFile(csv, name: name + ".csv")],
                                                    pipeline: pipeline(yaml, language), asOf: asOf)
            return (name, result)
        }
        return [
            // Every group too small to be the reference; scores likewise.
            try run("small-groups", rows([("favorable", "0.2", "female"), ("adverse", "0.9", "male"), ("favorable", "0.4", "male")]),
                    "  min_group_size: 5"),
            // The reference (highest rate) selects nobody: every decision adverse; every score the same.
            try run("nobody-selected", rows([("adverse", "0.5", "female"), ("adverse", "0.5", "male"), ("adverse", "0.5", "male")]),
                    "  min_group_size: 1\n  exclusion_share: 0"),
            // The reference selects everybody: its adverse rate is 0.
            try run("everybody-selected", rows([("favorable", "", "female"), ("favorable", "", "female"), ("adverse", "", "male"),
                                                ("favorable", "", "male")]),
                    "  min_group_size: 1\n  exclusion_share: 0"),
            // The named reference group has no decisions.
            try run("named-reference-absent", rows([("favorable", "", "female"), ("adverse", "", "female")]),
                    "  min_group_size: 1\n  exclusion_share: 0\n  reference: {sex: male}"),
        ]
    }

    /// Every undefined ratio of a result, with where it is, in the words its reports give it
    /// (the result holds a reason code; the words are the report's).
    static func undefinedReasons(_ result: AuditResult) -> [(String, String)] {
        var found: [(String, String)] = []
        let t = ReportText(language: result.pipeline.report.language)
        func add(_ place: String, _ ratio: Ratio) {
            if case .undefined(let reason) = ratio { found.append((place, t.reason(reason))) }
        }
        func strata(_ kind: String, _ strata: [SelectionStratum]) {
            for stratum in strata {
                for group in stratum.groups {
                    let place = "\(kind) \(stratum.decisionType.rawValue) \(stratum.attribute)=\(group.group)"
                    add(place + " impact", group.impactRatio)
                    add(place + " adverse", group.adverseRateRatio)
                }
            }
        }
        strata("selection", result.selection)
        for fairness in result.processFairness { strata("compliance \(fairness.checkID)", fairness.strata) }
        strata("appeals", result.appealOutcomes)
        for month in result.drift { strata("drift \(month.month)", month.strata) }
        for stratum in result.scores {
            for group in stratum.groups {
                add("scores \(stratum.decisionType.rawValue) \(stratum.attribute)=\(group.group)", group.scoringImpactRatio)
            }
        }
        for tally in result.checks { add("rate \(tally.descriptor.id)", tally.rate) }
        return found
    }

    /// Reject reasons the malformed fixtures do not give.
    static func moreRejects(_ language: ReportLanguage) throws -> MemorySink {
        let header = "decision_id,employee_id,decision_type,outcome,automated,human_reviewed,review_result,appeal_reviewer,decided_at,score,sex\n"
        let first = header
            + "B1,E1,,adverse,yes,yes,upheld,human,2025-03-05 10:00,,female\n"       // decision_type empty
            + "B2,E2,tea party,adverse,yes,yes,upheld,human,2025-03-05 10:00,,female\n"  // unknown decision type
            + "B3,E3,dismissal,,yes,yes,upheld,human,2025-03-05 10:00,,female\n"      // outcome empty
            + "B4,E4,dismissal,perhaps,yes,yes,upheld,human,2025-03-05 10:00,,female\n" // unknown outcome
            + "B5,E5,dismissal,adverse,maybe,yes,upheld,human,2025-03-05 10:00,,female\n"  // unknown yes/no
            + "B6,E6,dismissal,adverse,yes,yes,meh,human,2025-03-05 10:00,,female\n"   // unknown review result
            + "B7,E7,dismissal,adverse,yes,yes,upheld,robot?,2025-03-05 10:00,,female\n" // unknown appeal reviewer
            + "B8,E8,dismissal,adverse,yes,yes,upheld,human,7/3/2025,,female\n"       // ambiguous date
            + "B9,E9,dismissal,adverse,yes,yes,upheld,human,2025-03-05 10:00,lots,female\n" // bad number
            + "B10,E10,dismissal,adverse,yes,yes,upheld,human,2025-03-05 10:00,,female\n"
        let second = header
            + "B10,E11,dismissal,adverse,yes,yes,upheld,human,2025-03-05 10:00,,female\n" // duplicate of the first file's
            + "B12,E12,dismissal,adverse,yes,yes,upheld,human,2025-03-05 10:00\n"         // ragged: fewer
            + header                                                                        // the header again
            + "合计,,,,,,,,,,\n"                                                            // a totals row
            + "B13,\"E13,dismissal,adverse\n"                                                // a stray quote: this line is not a row,
            + "B14,E14\",dismissal,adverse,yes,yes,upheld,human,2025-03-05 10:00,,female\n"  // this one is
            + "B15,E15,dismissal,adverse,yes,yes,upheld,human,2025-03-05 10:00,,\"female\nno row here\n" // a quote never closed
        let sink = MemorySink(language: language)
        let plain = try pipeline(TestSupport.plainPipeline + "\ninput:\n  delimiter: \",\"\n", language)
        _ = try AuditRun(pipeline: plain, pipelineFile: "test.yaml",
                         inputs: [TestSupport.temporaryFile(first, name: "first.csv"), TestSupport.temporaryFile(second, name: "second.csv")],
                         pseudonymKey: Array("test-key".utf8)).run(into: sink)
        // An outcome to derive, without the score to derive it from.
        let derived = try pipeline(TestSupport.plainPipeline + "\nderive:\n  outcome:\n    adverse_if: score >= 0.7\n", language)
        let (_, derivedSink) = try TestSupport.audit(
            [TestSupport.temporaryFile(header + "C1,E1,dismissal,,yes,yes,upheld,human,2025-03-05 10:00,,female\n", name: "derived.csv")],
            pipeline: derived)
        sink.rejects += derivedSink.rejects
        // Two columns of one name that disagree.
        let twice = "decision_id,decision_type,outcome,human_reviewed,decided_at,human_reviewed\n"
            + "D1,dismissal,adverse,yes,2025-03-05 10:00,no\n"
        let (_, twiceSink) = try TestSupport.audit([TestSupport.temporaryFile(twice, name: "twice.csv")], pipeline: plain)
        sink.rejects += twiceSink.rejects
        return sink
    }

    static let malformedFiles = [
        "blank_lines.csv", "quoted_newlines.csv", "unterminated_quote.csv", "ragged.csv", "invalid_utf8.csv", "duplicates.csv",
        "bad_values.csv", "long_field.csv", "row_too_long.csv", "empty.csv", "header_only.csv",
    ]

    static func malformed(_ language: ReportLanguage) throws -> [(String, AuditResult, MemorySink)] {
        let yaml = TestSupport.plainPipeline + "\ninput:\n  max_field_bytes: 65536\n  max_row_bytes: 100000\n"
        return try malformedFiles.map { name in
            let (result, sink) = try TestSupport.audit([TestSupport.fixture("malformed/" + name)], pipeline: pipeline(yaml, language))
            return (name, result, sink)
        }
    }

    /// Diagnostics of the mapping and the run: a missing attribute column, a column
    /// matching a field already taken, absent optional fields, `automated` assumed, no
    /// as-of date for the checks that need one, an empty file.
    static func diagnosed(_ language: ReportLanguage) throws -> AuditResult {
        let yaml = """
            admaudit: 1
            name: diagnosed
            input:
              assume_automated: true
            attributes:
              sex: [sex]
              age_band: [age_band]
            """
        let csv = "decision_id,employee_id,decision_type,outcome,decided_at,outcome_code,sex\n"
            + "D1,E1,dismissal,adverse,2025-03-05 10:00,adverse,female\n"
        let pipeline = try pipeline(yaml + "\ncolumns:\n  outcome: [outcome, outcome_code]\n", language)
        let (result, _) = try TestSupport.audit([TestSupport.temporaryFile(csv, name: "diagnosed.csv"),
                                                 TestSupport.fixture("malformed/empty.csv")], pipeline: pipeline)
        return result
    }

    /// A merge of three shard states.
    static func merged(_ language: ReportLanguage) throws -> AuditResult {
        var pipeline = try PipelineLoader.load(path: TestSupport.fixture("shards/shards.yaml"))
        pipeline.report.language = language
        let inputs = [1, 2, 3].map { TestSupport.fixture("shards/shard_\($0).csv") }
        let states = try inputs.map { input in
            let (result, _) = try TestSupport.audit([input], pipeline: pipeline, asOf: AsOfDate("2025-07-31")!)
            return TestSupport.temporaryFile(Data(try result.shard.encoded()), name: "state.json")
        }
        return try AuditMerge.merge(statePaths: states, pipeline: pipeline, pipelineFile: "shards.yaml")
    }

    // MARK: every text, one a line

    /// Every human-readable text the runs above make, one a line, paths shortened to file
    /// names: the goldens' content.
    static func texts(_ language: ReportLanguage) throws -> [String] {
        var lines: [String] = []
        func tally(_ result: AuditResult) {
            for check in result.checks {
                for (reason, count) in check.unknownReasons.sorted(by: { $0.key < $1.key }) {
                    lines.append("unknown \(check.descriptor.id) ×\(count): \(ReportText(language: language).unknownReason(reason))")
                }
            }
            for diagnostic in result.diagnostics {
                let file = diagnostic.file.map { URL(fileURLWithPath: $0).lastPathComponent + ": " } ?? ""
                lines.append("diagnostic \(diagnostic.level.rawValue) \(file)\(diagnostic.message(language))")
            }
            // Each distinct reason once, with how many ratios give it, in the order first met.
            var counts: [String: Int] = [:]
            var order: [String] = []
            for (_, reason) in undefinedReasons(result) {
                if counts[reason] == nil { order.append(reason) }
                counts[reason, default: 0] += 1
            }
            for reason in order { lines.append("undefined ×\(counts[reason]!): \(reason)") }
        }
        func findings(_ sink: MemorySink) {
            for finding in sink.findings {
                let key = finding.decisionID.isEmpty ? finding.subject : finding.decisionID
                lines.append("finding \(finding.checkID) \(key)\(finding.notRecorded ? " (not recorded)" : ""): \(finding.detail)")
            }
        }
        func rejects(_ sink: MemorySink) {
            for reject in sink.rejects {
                lines.append("reject \(URL(fileURLWithPath: reject.file).lastPathComponent):\(reject.line) \(reject.code.rawValue): \(reject.reason)")
            }
        }

        lines.append("# planted")
        let (planted, plantedSink) = try planted(language)
        findings(plantedSink)
        tally(planted)
        for asOf in [Self.asOf, nil] {
            lines.append("# paths, as of \(asOf?.description ?? "no date")")
            let (result, sink) = try paths(language, asOf: asOf)
            findings(sink)
            rejects(sink)
            tally(result)
        }
        for (name, result) in try undefinedRuns(language) {
            lines.append("# undefined: \(name)")
            tally(result)
        }
        lines.append("# more rejects")
        rejects(try moreRejects(language))
        for (name, result, sink) in try malformed(language) {
            lines.append("# malformed/\(name)")
            rejects(sink)
            tally(result)
        }
        lines.append("# diagnostics")
        tally(try diagnosed(language))
        lines.append("# merge")
        tally(try merged(language))
        // Paths of files under the package or in the temporary folder become their names.
        return lines.map { line in
            var line = line
            // …/admaudit-tests-PID-UUID/UUID/name.csv → name.csv
            for root in [TestSupport.packageRoot.path + "/fixtures/", TestSupport.scratchRoot.path + "/"] {
                while let range = line.range(of: root) {
                    var end = range.upperBound
                    if root.hasSuffix("/fixtures/") == false {
                        end = line[range.upperBound...].firstIndex(of: "/").map { line.index(after: $0) } ?? range.upperBound
                    }
                    line.replaceSubrange(range.lowerBound..<end, with: "")
                }
            }
            return line
        }
    }

    // MARK: Chinese

    func testTheCheckerTellsEnglishProseFromChineseWithIdentifiers() {
        XCTAssertFalse(ChineseText.problems("no reference group").isEmpty)
        XCTAssertFalse(ChineseText.problems("参照组 is missing").isEmpty, "a function word")
        XCTAssertFalse(ChineseText.problems("human_reviewed=no for an adverse dismissal decision").isEmpty)
        XCTAssertFalse(ChineseText.problems("2025-03-05T02:00:00Z").isEmpty, "no Chinese at all")
        XCTAssertEqual(ChineseText.problems("不利的自动化辞退决定未经人工复核（human_reviewed=否）"), [])
        XCTAssertEqual(ChineseText.problems("data_categories 含有禁止使用的数据：health [病历, sick_leave]"), [])
        XCTAssertEqual(ChineseText.problems("小时 13 不能与 AM/PM 或 上午/下午 同用；应为 1–12"), [])
        XCTAssertEqual(ChineseText.problems("`automated` 字段为空或缺失的决策视为自动化决策（input.assume_automated）"), [])
    }

    func testEveryFindingOfThePlantedExportIsInChinese() throws {
        let (_, sink) = try Self.planted(.zh)
        XCTAssertEqual(Set(sink.findings.map(\.checkID)), Set(ScenarioTests.catalogue), "the planted export trips every check")
        for finding in sink.findings {
            ChineseText.assertChinese(finding.detail, "\(finding.checkID) \(finding.decisionID) detail")
            if !finding.legalBasis.isEmpty { ChineseText.assertChinese(finding.legalBasis, "\(finding.checkID) legal basis") }
            if finding.decisionID.isEmpty && finding.checkID == "HR-03" {
                ChineseText.assertChinese(finding.subject, "HR-03 subject")
            }
        }
        let hr01 = try XCTUnwrap(sink.findings.first { $0.checkID == "HR-01" && $0.decisionID == "P01" })
        XCTAssertEqual(hr01.detail, "不利的自动化纪律处分决定未经人工复核（human_reviewed=否）")
    }

    func testAChineseRunFindsExactlyWhatAnEnglishRunFinds() throws {
        let runs: [(String, () throws -> (AuditResult, MemorySink), () throws -> (AuditResult, MemorySink))] = [
            ("planted", { try Self.planted(.en) }, { try Self.planted(.zh) }),
            ("paths", { try Self.paths(.en, asOf: Self.asOf) }, { try Self.paths(.zh, asOf: Self.asOf) }),
            ("paths without as-of", { try Self.paths(.en, asOf: nil) }, { try Self.paths(.zh, asOf: nil) }),
        ]
        for (name, english, chinese) in runs {
            let (en, enSink) = try english()
            let (zh, zhSink) = try chinese()
            let shape = { (finding: WordedFinding) in
                "\(finding.checkID) \(finding.decisionID) \(finding.severity) \(finding.notRecorded) \(finding.line) \(finding.decidedAt)"
            }
            XCTAssertEqual(zhSink.findings.map(shape), enSink.findings.map(shape), name)
            XCTAssertEqual(zh.checks.map(\.descriptor.id), en.checks.map(\.descriptor.id), name)
            for (z, e) in zip(zh.checks, en.checks) {
                XCTAssertEqual([z.applicable, z.violations, z.notRecorded, z.unknown], [e.applicable, e.violations, e.notRecorded, e.unknown],
                               "\(name) \(z.descriptor.id)")
                // One Chinese reason for each English one, counting the same records.
                XCTAssertEqual(z.unknownReasons.values.sorted(), e.unknownReasons.values.sorted(), "\(name) \(z.descriptor.id)")
                XCTAssertEqual(z.firstDecisionIDs.count, e.firstDecisionIDs.count, "\(name) \(z.descriptor.id)")
            }
            XCTAssertEqual(zh.selection.map(\.groups.count), en.selection.map(\.groups.count), name)
        }
    }

    func testEveryViolationAndUnknownPathOfEveryCheckSpeaksChinese() throws {
        // Distinct unknown reasons each check gives on the path rows, with and without an as-of date.
        let unknownPaths: [String: Int] = [
            "HR-02": 3, "AP-05": 1, "DM-01": 2, "DM-03": 2, "DC-01": 1, "NT-01": 1, "RC-01": 2,
        ]
        let withoutAsOf: [String: Int] = ["AP-03": 1, "DM-02": 2]
        for asOf in [Self.asOf, nil] {
            let (result, sink) = try Self.paths(.zh, asOf: asOf)
            XCTAssertEqual(sink.rejects.map(\.reason), [])
            for finding in sink.findings {
                ChineseText.assertChinese(finding.detail, "\(finding.checkID) \(finding.decisionID)")
                if finding.checkID == "HR-03" { XCTAssertEqual(finding.subject, "复核人 RS1") }
            }
            var expected = unknownPaths
            if asOf == nil { expected.merge(withoutAsOf) { $0 + $1 } } else { expected["DM-02"] = 1 }
            for tally in result.checks {
                for reason in tally.unknownReasons.keys { ChineseText.assertChinese(ReportText(language: .zh).unknownReason(reason), "\(tally.descriptor.id) unknown") }
                XCTAssertEqual(tally.unknownReasons.count, expected[tally.descriptor.id] ?? 0, "\(tally.descriptor.id) unknown reasons")
            }
            // Each violation path gave its own detail.
            let details = Dictionary(grouping: sink.findings, by: \.checkID).mapValues { Set($0.map(\.detail)).count }
            let violationPaths: [String: Int] = [
                "HR-01": 2, "HR-02": 1, "HR-03": 1, "EX-01": 2, "AP-01": 3, "AP-02": 2, "AP-04": 1, "AP-05": 1, "DM-01": 1,
                "DM-03": 2, "DC-01": 3, "LC-01": 2, "LC-02": 2, "NT-01": 4, "RC-01": 1, "DQ-01": 1, "DQ-02": 1, "DQ-03": 1,
                "DQ-04": 1,
            ]
            for (check, count) in violationPaths {
                XCTAssertGreaterThanOrEqual(details[check] ?? 0, count, "\(check) violation paths, as of \(asOf?.description ?? "none")")
            }
            XCTAssertEqual(details["AP-03"] ?? 0, asOf == nil ? 0 : 2)
            XCTAssertEqual(details["DM-02"] ?? 0, asOf == nil ? 0 : 2)
        }
    }

    func testUndefinedRatiosGiveTheirReasonsInChinese() throws {
        var reasons: Set<String> = []
        for (name, result) in try Self.undefinedRuns(.zh) {
            let found = Self.undefinedReasons(result)
            XCTAssertFalse(found.isEmpty, name)
            for (place, reason) in found {
                ChineseText.assertChinese(reason, "\(name) \(place)")
                reasons.insert(reason)
            }
        }
        let english = Set(try Self.undefinedRuns(.en).flatMap { Self.undefinedReasons($0.1).map(\.1) })
        XCTAssertEqual(reasons.count, english.count, "one Chinese reason for each English one")
        // Every kind of reason is there: no reference (selection, scores), reference rate 0
        // (selection, adverse, scores), the named reference absent, no applicable decisions.
        XCTAssertGreaterThanOrEqual(reasons.count, 8, "\(reasons.sorted())")
        XCTAssertTrue(reasons.contains("参照组的选择率为 0"), "\(reasons)")
        XCTAssertTrue(reasons.contains("无适用的决策"), "\(reasons)")
        XCTAssertTrue(reasons.contains("参照组“male”没有此类型的决策"), "\(reasons)")
    }

    func testRejectReasonsAreInChinese() throws {
        var codes: Set<RejectCode> = []
        for (name, _, sink) in try Self.malformed(.zh) {
            for reject in sink.rejects {
                ChineseText.assertChinese(reject.reason, "\(name):\(reject.line) \(reject.code.rawValue)")
                codes.insert(reject.code)
            }
        }
        let more = try Self.moreRejects(.zh)
        XCTAssertEqual(more.rejects.count, 17)
        for reject in more.rejects {
            ChineseText.assertChinese(reject.reason, "\(reject.line) \(reject.code.rawValue)")
            codes.insert(reject.code)
        }
        XCTAssertEqual(codes, Set(RejectCode.allCases), "every reject code's reason was seen")
        let duplicate = try XCTUnwrap(more.rejects.first { $0.code == .duplicateID })
        XCTAssertTrue(duplicate.reason.hasPrefix("decision_id 为“B10”的记录已在 ") && duplicate.reason.contains("first.csv 第 11 行"), duplicate.reason)
    }

    func testDiagnosticsAreInChinese() throws {
        let result = try Self.diagnosed(.zh)
        XCTAssertGreaterThanOrEqual(result.diagnostics.count, 5, "\(result.diagnostics)")
        for diagnostic in result.diagnostics { ChineseText.assertChinese(diagnostic.message(.zh), "diagnostic") }
        let merged = try Self.merged(.zh)
        XCTAssertTrue(merged.diagnostics.contains { $0.message(.zh).hasPrefix("由 3 个分片状态合并而成") }, "\(merged.diagnostics)")
        for diagnostic in merged.diagnostics { ChineseText.assertChinese(diagnostic.message(.zh), "merge diagnostic") }
        // A merge speaks the merging run's language: the tallies' undefined rates too (a code,
        // worded by the report).
        XCTAssertTrue(merged.checks.contains { $0.rate == .undefined(.noApplicableDecisions) })
    }

    // MARK: goldens

    /// fixtures/golden/run-texts.<lang>.txt; `ADMAUDIT_UPDATE_GOLDEN=1` writes them anew.
    private func assertGolden(_ language: ReportLanguage, file: StaticString = #filePath, line: UInt = #line) throws {
        let text = try Self.texts(language).joined(separator: "\n") + "\n"
        let path = TestSupport.fixture("golden/run-texts.\(language.rawValue).txt")
        if ProcessInfo.processInfo.environment["ADMAUDIT_UPDATE_GOLDEN"] == "1" {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOfFile: path, encoding: .utf8)
        let (got, want) = (text.split(separator: "\n", omittingEmptySubsequences: false), golden.split(separator: "\n", omittingEmptySubsequences: false))
        for (index, pair) in zip(got, want).enumerated() where pair.0 != pair.1 {
            XCTFail("\(path) line \(index + 1):\n got: \(pair.0)\nwant: \(pair.1)", file: file, line: line)
            return
        }
        XCTAssertEqual(got.count, want.count, "\(path): lines", file: file, line: line)
    }

    /// The English texts are those of the English-only code, byte for byte.
    func testEnglishTextsAreUnchanged() throws {
        try assertGolden(.en)
    }

    /// The Chinese texts as reviewed; a change shows up here for review.
    func testChineseTextsMatchTheirGolden() throws {
        try assertGolden(.zh)
        for line in try Self.texts(.zh) where !line.hasPrefix("#") {
            guard let colon = line.range(of: ": ") else { continue }
            ChineseText.assertChinese(String(line[colon.upperBound...]), line)
        }
    }
}
