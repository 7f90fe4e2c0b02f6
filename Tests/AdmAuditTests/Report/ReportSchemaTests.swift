import Foundation
import XCTest
@testable import AdmAudit

/// Every report.json the fixture runs produce follows docs/report.schema.json; reports
/// that break it are caught; and the schema asks for what a report must carry (chain of
/// custody, per-check counts, every statistic with its flag or its reason).
final class ReportSchemaTests: XCTestCase {
    private var validator: JSONSchemaValidator!

    override func setUpWithError() throws {
        validator = try ReportSchema.validator()
    }

    /// Runs each fixture run in memory and validates its report.json; returns the reports.
    @discardableResult
    private func assertReportsValid(_ runs: [FixtureRun], file: StaticString = #filePath, line: UInt = #line) throws -> [JSONInstance] {
        XCTAssertFalse(runs.isEmpty, "no runs", file: file, line: line)
        return try runs.map { run in
            let json = JSONReport.render(try run.audit(into: MemorySink()))
            ReportSchema.assertValid(json, run.name, validator: validator, file: file, line: line)
            return try JSONInstance.parse(json)
        }
    }

    // MARK: every report the fixtures produce

    func testSampleAndPlantedExportsUnderEveryShippedPipeline() throws {
        let runs = FixtureRun.shippedPipelinesOverTheSamples
        XCTAssertEqual(runs.count, 24)
        try assertReportsValid(runs)
    }

    func testGoldenRunsGiveValidReports() throws {
        try assertReportsValid([.sampleEnglish, .sampleChinese, .planted, .toiletBreaks, .malformedMix])
    }

    func testEveryScenario() throws {
        let runs = FixtureRun.scenarios
        XCTAssertGreaterThanOrEqual(runs.count, 5, "fixtures/scenarios has five press cases")
        try assertReportsValid(runs)
    }

    func testEveryMalformedExport() throws {
        let runs = FixtureRun.malformed
        XCTAssertGreaterThanOrEqual(runs.count, 19)
        let reports = try assertReportsValid(runs)
        // The empty file has no header: still a report, with a warning and nothing measured.
        let empty = try XCTUnwrap(zip(runs, reports).first { $0.0.name.hasSuffix("/empty.csv") }?.1)
        XCTAssertEqual(empty["reconciliation"]?["rows_read"], .number(0))
    }

    func testCOMPAS() throws {
        let run = FixtureRun.compas
        try XCTSkipUnless(run.inputsExist, "../shared/data is not beside the clone")
        let report = try XCTUnwrap(assertReportsValid([run]).first)
        XCTAssertEqual(report["inputs"]?[0]?["sha256"], .string("91e245a5d267e082daf500443c4672a5cb00e089974d53527929fba0ab030580"))
        XCTAssertEqual(report["reconciliation"]?["accepted"], .number(7214))
    }

    func testLL144AndShardFixtures() throws {
        var runs = [FixtureRun(name: "ll144", inputs: ["fixtures/ll144/applicants.csv"], pipeline: .file("pipelines/nyc-ll144.yaml"), asOf: nil)]
        for input in ["whole", "shard_1", "shard_2", "shard_3"] {
            runs.append(FixtureRun(name: "shards " + input, inputs: ["fixtures/shards/\(input).csv"],
                                   pipeline: .file("fixtures/shards/shards.yaml"), asOf: "2025-07-31"))
        }
        try assertReportsValid(runs)
    }

    /// `admaudit merge`: a report from saved shard states, not from reading the exports.
    func testAMergedReport() throws {
        let pipelineFile = TestSupport.fixture("shards/shards.yaml")
        let pipeline = try PipelineLoader.load(path: pipelineFile)
        let states = try (1...3).map { shard in
            let (result, _) = try TestSupport.audit([TestSupport.fixture("shards/shard_\(shard).csv")], pipeline: pipeline,
                                                    asOf: AsOfDate("2025-07-31"))
            return TestSupport.temporaryFile(Data(try result.shard.encoded()), name: "state.json")
        }
        let merged = try AuditMerge.merge(statePaths: states, pipeline: pipeline, pipelineFile: pipelineFile)
        ReportSchema.assertValid(JSONReport.render(merged), "merged shards", validator: validator)
    }

    /// No shipped pipeline sets bias.by: this run does (sites and months), with an
    /// intersection, so the schema's across-strata shape is checked on real output.
    func testAcrossStrataAndIntersections() throws {
        let run = FixtureRun(name: "by site and month", inputs: ["fixtures/sample/decisions_en.csv"], pipeline: .text("""
            admaudit: 1
            name: by-site-and-month
            input:
              time_zone: Asia/Shanghai
            attributes:
              sex: [sex]
              ethnicity: [ethnicity]
              site: [site]
            bias:
              attributes: [sex, ethnicity]
              intersections: [[sex, ethnicity]]
              by: [site, month]
              min_group_size: 1
              exclusion_share: 0
            report:
              suppress_below: 2
            """), asOf: "2025-06-30")
        let report = try XCTUnwrap(assertReportsValid([run]).first)
        var comparisons = 0
        for stratum in report["selection"]?.items ?? [] {
            for group in stratum["groups"]?.items ?? [] { comparisons += group["across_strata"]?.items.count ?? 0 }
        }
        XCTAssertGreaterThan(comparisons, 0, "the run compares groups across sites and months")
    }

    /// Scores a double cannot average: the summaries are null with a reason, never NaN,
    /// infinity or a bare null.
    func testScoresTooLargeForDoublesAreNullWithAReason() throws {
        let csv = """
        decision_id,decision_type,outcome,score,sex
        D1,hiring,adverse,1e308,f
        D2,hiring,adverse,1.5e308,f
        D3,hiring,favorable,-1e308,m
        D4,hiring,favorable,1e308,m

        """
        let run = FixtureRun(name: "huge scores", inputs: [TestSupport.temporaryFile(csv)],
                             pipeline: .text(TestSupport.plainPipeline), asOf: nil)
        let json = JSONReport.render(try run.audit(into: MemorySink()))
        ReportSchema.assertValid(json, run.name, validator: validator)
        let groups = try XCTUnwrap(JSONInstance.parse(json)["scores"]?[0]?["groups"]?.items)
        let female = try XCTUnwrap(groups.first { $0["group"] == .string("female") })
        // A mean of finite scores is finite, though their sum overflows (Statistics.mean scales them).
        guard case .number(let mean)? = female["mean"] else { return XCTFail("female mean: \(String(describing: female["mean"]))") }
        XCTAssertEqual(mean, 1.25e308, accuracy: 1e293)
        XCTAssertNil(female["mean_undefined_reason"])
        let male = try XCTUnwrap(groups.first { $0["group"] == .string("male") })
        XCTAssertEqual(male["q1"], .null, "interpolating between -1e308 and 1e308 overflows")
        XCTAssertNotNil(male["q1_undefined_reason"])
    }

    /// Seeded random exports under every shipped pipeline: whatever the data, the report
    /// follows the schema.
    func testRandomExportsGiveValidReports() throws {
        var random = SeededGenerator(seed: 5_2025)
        let pipelines = ["labor-inspection", "nyc-ll144", "research", "self-assessment"]
        let columns = ["decision_id", "employee_id", "decision_type", "outcome", "score", "automated", "human_reviewed",
                       "decided_at", "appeal_filed_at", "appeal_result", "sex", "race", "ethnicity", "site"]
        let values: [String: [String]] = [
            "decision_type": ["dismissal", "hiring", "pay", "discipline", "promotion"],
            "outcome": ["adverse", "favorable"],
            "score": ["", "0", "0.5", "1", "0.99", "1e308", "-1e308", "NaN", "7"],
            "automated": ["", "yes", "no"], "human_reviewed": ["", "yes", "no"],
            "decided_at": ["", "2025-01-15 10:00", "2025-02-20 23:30", "2025-03-07 09:05", "not a date"],
            "appeal_filed_at": ["", "2025-03-09 10:00"], "appeal_result": ["", "upheld", "overturned"],
            "sex": ["", "female", "male", "unknown"], "race": ["", "White", "Black", "Asian"],
            "ethnicity": ["", "Han", "Uyghur"], "site": ["", "Shenzhen", "Lyon"],
        ]
        for round in 0..<24 {
            var text = columns.joined(separator: ",") + "\n"
            for row in 0..<Int.random(in: 0...60, using: &random) {
                text += columns.map { column in
                    switch column {
                    case "decision_id": "D\(row)"
                    case "employee_id": "E\(row % 9)"
                    default: values[column]!.randomElement(using: &random)!
                    }
                }.joined(separator: ",") + "\n"
            }
            let run = FixtureRun(name: "round \(round)", inputs: [TestSupport.temporaryFile(text)],
                                 pipeline: .file("pipelines/\(pipelines[round % pipelines.count]).yaml"),
                                 asOf: round % 3 == 0 ? nil : "2025-06-30")
            ReportSchema.assertValid(JSONReport.render(try run.audit(into: MemorySink())), run.name, validator: validator)
        }
    }

    // MARK: bad reports are caught

    private func sampleReport() throws -> JSONInstance {
        try JSONInstance.parse(JSONReport.render(FixtureRun.sampleEnglish.audit(into: MemorySink())))
    }

    /// The first violation's pointer and schema keyword for `report`.
    private func firstViolation(_ report: JSONInstance) -> JSONSchemaValidator.Violation? {
        validator.validate(report).first
    }

    func testTheUnchangedSampleReportIsValid() throws {
        XCTAssertEqual(validator.validate(try sampleReport()), [])
    }

    func testNaNOrInfinityInPlaceOfANumberIsRejected() throws {
        let json = JSONReport.render(try FixtureRun.sampleEnglish.audit(into: MemorySink()))
        let rate = try XCTUnwrap(json.range(of: #""selection_rate": 0.5,"#))
        for token in ["NaN", "Infinity", "-Infinity", "nan", "inf"] {
            let broken = json.replacingCharacters(in: rate, with: "\"selection_rate\": \(token),")
            XCTAssertFalse(ReportSchema.problems(broken, validator: validator).isEmpty, token)
        }
        let quoted = json.replacingCharacters(in: rate, with: #""selection_rate": "NaN","#)
        XCTAssertTrue(ReportSchema.problems(quoted, validator: validator).first?.contains("expected number") ?? false)
    }

    func testANullStatisticWithoutItsReasonIsRejected() throws {
        let report = try sampleReport()
        let pointer = try XCTUnwrap(report.firstPointer { $0["impact_ratio_undefined_reason"] != nil }, "the sample has an undefined ratio")
        let broken = report.replacing(pointer + "/impact_ratio_undefined_reason", with: nil)
        let violation = try XCTUnwrap(firstViolation(broken))
        XCTAssertEqual(violation.instancePointer, pointer)
        XCTAssertTrue(violation.message.contains("impact_ratio_undefined_reason"), violation.description)
    }

    func testANumberWithAReasonBesideItIsRejected() throws {
        let report = try sampleReport()
        let pointer = try XCTUnwrap(report.firstPointer { $0["suppressed"] == .bool(false) && $0["impact_ratio"]?.isNumber == true })
        let broken = report.replacing(pointer + "/impact_ratio_undefined_reason", with: .string("not_computed"))
        XCTAssertEqual(firstViolation(broken)?.instancePointer, pointer)
    }

    func testAMissingRequiredFieldIsRejected() throws {
        let report = try sampleReport()
        for (pointer, field) in [("/inputs/0", "sha256"), ("/pipeline", "sha256"), ("/tool", "version"), ("", "as_of"),
                                 ("/checks/0", "violations"), ("/selection/0/groups/0", "flag")] {
            let violation = firstViolation(report.replacing(pointer + "/" + field, with: nil))
            XCTAssertEqual(violation?.instancePointer, pointer, field)
            XCTAssertTrue(violation?.message.contains("\"\(field)\"") ?? false, violation?.description ?? field)
        }
    }

    func testAnUnknownFieldOrAWrongTypeIsRejected() throws {
        let report = try sampleReport()
        XCTAssertEqual(firstViolation(report.replacing("/inputs/0/path", with: .string("/home/x")))?.instancePointer, "/inputs/0/path")
        XCTAssertEqual(firstViolation(report.replacing("/inputs/0/bytes", with: .number(6415.5)))?.instancePointer, "/inputs/0/bytes")
        XCTAssertEqual(firstViolation(report.replacing("/inputs/0/sha256", with: .string("F7420BCC")))?.instancePointer, "/inputs/0/sha256")
        XCTAssertEqual(firstViolation(report.replacing("/as_of", with: .string("30/06/2025")))?.instancePointer, "/as_of")
        XCTAssertEqual(firstViolation(report.replacing("/checks/0/severity", with: .string("fatal")))?.instancePointer, "/checks/0/severity")
        let group = try XCTUnwrap(report.firstPointer { $0["flag"] != nil && $0["suppressed"] == .bool(false) })
        XCTAssertEqual(firstViolation(report.replacing(group + "/flag", with: .string("adverse")))?.instancePointer, group + "/flag")
        XCTAssertEqual(firstViolation(report.replacing(group + "/selection_rate", with: .number(1.5)))?.instancePointer, group + "/selection_rate")
    }

    func testASuppressedGroupThatShowsACountIsRejected() throws {
        let report = try sampleReport()
        let pointer = try XCTUnwrap(report.firstPointer { $0["suppressed"] == .bool(true) }, "self-assessment suppresses small groups")
        XCTAssertEqual(firstViolation(report.replacing(pointer + "/n", with: .number(3)))?.instancePointer, pointer + "/n")
    }

    func testAnAsOfDateWithoutItsSourceIsRejected() throws {
        let report = try sampleReport()
        XCTAssertEqual(firstViolation(report.replacing("/as_of_source", with: .string("none")))?.instancePointer, "/as_of_source")
        XCTAssertNotNil(firstViolation(report.replacing("/as_of", with: .null)))
    }

    func testBrokenInvariantsAreCaught() throws {
        let report = try sampleReport()
        XCTAssertFalse(ReportSchema.invariantProblems(report.replacing("/inputs/0/accepted", with: .number(39))).isEmpty)
        XCTAssertFalse(ReportSchema.invariantProblems(report.replacing("/reconciliation/rows_read", with: .number(41))).isEmpty)
        let interval = try XCTUnwrap(report.firstPointer { $0["selection_rate_ci95"]?.items.count == 2 })
        let reversed = report.replacing(interval + "/selection_rate_ci95", with: .array([.number(0.9), .number(0.1)]))
        XCTAssertEqual(ReportSchema.invariantProblems(reversed), ["\(interval)/selection_rate_ci95: lower > upper"])
    }

    // MARK: the schema asks for what a report must carry

    /// Issue 5: inputs with SHA-256, size, rows, accepted and rejected; the pipeline's name
    /// and SHA-256; the tool version; the as-of date; per-check counts; every statistic
    /// with its flag. Dropping one of them from the schema fails here.
    func testTheSchemaRequiresTheChainOfCustodyAndTheCounts() throws {
        let schema = validator.root
        func required(_ pointer: String) -> Set<String> {
            guard case .array(let names)? = JSONSchemaValidator.resolve("#" + pointer + "/required", in: schema) else { return [] }
            return Set(names.compactMap { if case .string(let s) = $0 { s } else { nil } })
        }
        XCTAssertTrue(required("").isSuperset(of: ["tool", "pipeline", "as_of", "as_of_source", "inputs", "checks", "selection", "reconciliation"]))
        XCTAssertTrue(required("/$defs/tool").isSuperset(of: ["version"]))
        XCTAssertTrue(required("/$defs/pipeline").isSuperset(of: ["name", "sha256"]))
        XCTAssertTrue(required("/$defs/input").isSuperset(of: ["file", "sha256", "bytes", "rows_read", "accepted", "rejected"]))
        XCTAssertTrue(required("/$defs/check").isSuperset(of: ["id", "applicable", "violations", "not_recorded", "unknown", "rate"]))
        for shape in ["shownSelectionGroup", "suppressedSelectionGroup"] {
            XCTAssertTrue(required("/$defs/\(shape)").isSuperset(of: ["n", "favorable", "selection_rate", "impact_ratio", "adjusted_p", "flag"]), shape)
        }
    }

    /// Every closed set of values the model has is the schema's enum, in both directions.
    func testTheSchemasEnumsAreTheModels() throws {
        let schema = validator.root
        func enumeration(_ pointer: String) -> Set<String> {
            guard case .array(let values)? = JSONSchemaValidator.resolve("#" + pointer + "/enum", in: schema) else { return [] }
            return Set(values.compactMap { if case .string(let s) = $0 { s } else { nil } })
        }
        XCTAssertEqual(enumeration("/$defs/decisionType"), Set(DecisionType.allCases.map(\.rawValue)))
        XCTAssertEqual(enumeration("/$defs/severity"), Set(Severity.allCases.map(\.rawValue)))
        XCTAssertEqual(enumeration("/$defs/input/properties/encoding"), Set(InputEncoding.allCases.map(\.rawValue)))
        XCTAssertEqual(enumeration("/$defs/settings/properties/date_order"), Set(DateOrder.allCases.map(\.rawValue)))
        XCTAssertEqual(enumeration("/$defs/settings/properties/two_digit_years"), Set(TwoDigitYears.allCases.map(\.rawValue)))
        XCTAssertEqual(enumeration("/$defs/settings/properties/correction"), Set(BiasSettings.Correction.allCases.map(\.rawValue)))
        XCTAssertEqual(enumeration("/$defs/settings/properties/subject_ids"), Set(SubjectIDHandling.allCases.map(\.rawValue)))
        XCTAssertEqual(enumeration("/properties/language"), Set(ReportLanguage.allCases.map(\.rawValue)))
        let rejectCodes = try XCTUnwrap(JSONSchemaValidator.resolve("#/$defs/input/properties/rejects_by_reason/properties", in: schema))
        guard case .object(let codes) = rejectCodes else { return XCTFail("rejects_by_reason lists the codes") }
        XCTAssertEqual(Set(codes.keys), Set(RejectCode.allCases.map(\.rawValue)))
        XCTAssertEqual(enumeration("/$defs/flag"), Set(Self.everyFlag.map(\.rawValue)))
        XCTAssertEqual(enumeration("/$defs/diagnostic/properties/level"), Set(Self.everyDiagnosticLevel.map(\.rawValue)))
    }

    /// ImpactFlag is not CaseIterable: the switch stops compiling when a case is added.
    private static var everyFlag: [ImpactFlag] {
        let all: [ImpactFlag] = [.adverseImpact, .possibleAdverseImpact, .significantDisparity, .insufficientData, .none, .undefined]
        for flag in all {
            switch flag {
            case .adverseImpact, .possibleAdverseImpact, .significantDisparity, .insufficientData, .none, .undefined: break
            }
        }
        return all
    }

    private static var everyDiagnosticLevel: [Diagnostic.Level] {
        let all: [Diagnostic.Level] = [.note, .warning]
        for level in all {
            switch level {
            case .note, .warning: break
            }
        }
        return all
    }

    // MARK: numbers as the writer prints them

    /// Whatever double the writer prints reads back as the same double, as JSON. (Read
    /// through `JSONInstance`, which works around `NSDecimalNumber.doubleValue` being an
    /// ulp or two off on Linux: 0.18761630648265054 would read as 0.18761630648265046.)
    func testNumbersRoundTripThroughTheWriter() throws {
        let values: [Double] = [0, 1, 0.5, 0.1, 1e-05, .leastNonzeroMagnitude, 2.2250738585072014e-308, 1.7976931348623157e308, -1e308,
                                123_456_789_012_345, 1e15, 1e16, 0.5882352941176471, 2.0 / 3.0, -0.0, 1.0000000000000002]
        for value in values {
            let text = JSONValue.number(value).serialized()
            XCTAssertEqual(try JSONInstance.parse(text), .number(value), text)
        }
        XCTAssertEqual(JSONValue.number(3).serialized(), "3", "whole doubles print as integers")
        XCTAssertEqual(JSONValue.number(1e-05).serialized(), "1e-05")
    }
}

extension JSONInstance {
    var items: [JSONInstance] {
        if case .array(let list) = self { return list }
        return []
    }

    var isNumber: Bool {
        if case .number = self { return true }
        return false
    }

    subscript(index: Int) -> JSONInstance? {
        if case .array(let list) = self, list.indices.contains(index) { return list[index] }
        return nil
    }

    /// The JSON pointer of the first object (depth first, keys in order) for which
    /// `predicate` holds.
    func firstPointer(where predicate: (JSONInstance) -> Bool, at pointer: String = "") -> String? {
        switch self {
        case .object(let members):
            if predicate(self) { return pointer }
            for key in members.keys.sorted() {
                if let found = members[key]!.firstPointer(where: predicate, at: pointer + "/" + JSONSchemaValidator.escape(key)) { return found }
            }
        case .array(let list):
            for (index, item) in list.enumerated() {
                if let found = item.firstPointer(where: predicate, at: pointer + "/\(index)") { return found }
            }
        default:
            break
        }
        return nil
    }

    /// A copy with the value at `pointer` replaced, added (an object member), or removed (nil).
    func replacing(_ pointer: String, with value: JSONInstance?) -> JSONInstance {
        let tokens = pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
            .map { $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~") }
        return replacing(tokens[...], with: value)
    }

    private func replacing(_ tokens: ArraySlice<String>, with value: JSONInstance?) -> JSONInstance {
        guard let token = tokens.first else { return value ?? .null }
        switch self {
        case .object(var members):
            if tokens.count == 1 {
                members[token] = value
            } else if let member = members[token] {
                members[token] = member.replacing(tokens.dropFirst(), with: value)
            }
            return .object(members)
        case .array(var list):
            guard let index = Int(token), list.indices.contains(index) else { return self }
            if tokens.count == 1, value == nil {
                list.remove(at: index)
            } else {
                list[index] = list[index].replacing(tokens.dropFirst(), with: value)
            }
            return .array(list)
        default:
            return self
        }
    }
}
