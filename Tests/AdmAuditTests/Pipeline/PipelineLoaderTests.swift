import Foundation
import XCTest

@testable import AdmAudit

/// Pipeline files: every section read into `Pipeline`, and every mistake an error that
/// names the key with its line (and column) in the YAML.
final class PipelineLoaderTests: XCTestCase {

    // MARK: Helpers

    private func parse(_ yaml: String) throws -> Pipeline {
        try PipelineLoader.parse(yaml, file: "test.yaml")
    }

    /// Parses `yaml`, expecting a pipeline error at `line` (and `column` when given) whose
    /// message contains every one of `mentions`.
    private func assertError(
        _ yaml: String, line expectedLine: Int, column expectedColumn: Int? = nil, mentions: [String],
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let error: AuditError
        do {
            _ = try PipelineLoader.parse(yaml, file: "test.yaml")
            XCTFail("parsed without an error", file: file, line: line)
            return
        } catch let caught {
            error = caught
        }
        XCTAssertEqual(error.kind, .pipeline, file: file, line: line)
        XCTAssertEqual(error.exitCode, 2, file: file, line: line)
        XCTAssertEqual(error.file, "test.yaml", file: file, line: line)
        XCTAssertEqual(error.line, expectedLine, "line of: \(error.message)", file: file, line: line)
        if let expectedColumn {
            XCTAssertEqual(error.column, expectedColumn, "column of: \(error.message)", file: file, line: line)
        }
        for fragment in mentions {
            XCTAssertTrue(error.message.contains(fragment), "message \"\(error.message)\" lacks \"\(fragment)\"", file: file, line: line)
        }
    }

    private func spellings<T>(_ lists: [(T, [String])], _ name: (T) -> String) -> [String] {
        lists.map { "\(name($0.0))=\($0.1.joined(separator: "|"))" }
    }

    // MARK: Valid pipelines

    private let fullPipeline = """
        admaudit: 1
        name: labour-inspection-test
        description: every section set
        audit_date: 2025-06-30
        input:
          encoding: gbk
          delimiter: tab
          time_zone: Asia/Shanghai
          date_order: dmy
          two_digit_years: 20xx
          max_field_bytes: 4096
          max_row_bytes: 65536
          assume_automated: no
          default_decision_type: dismissal
        columns:
          decision_id: [单号, case_no]
          outcome: 处理结论
        attributes:
          sex:
          site: [工作地点, site_name]
        values:
          boolean:
            true: [是的]
            false: [不是]
          outcome:
            favorable: [留用]
            adverse: [淘汰]
          decision_type:
            dismissal: [劝退]
          review_result:
            replace: true
            upheld: [维持]
            modified: [改]
            overturned: [撤]
          appeal_reviewer:
            human: [人]
            automated: [机]
          unknown: [保密]
          attributes:
            site:
              north: [北区, N]
        derive:
          outcome:
            adverse_if: score >= 0.7
            override: true
        checks:
          jurisdictions: [cn, eu]
          significant_types: [dismissal, pay]
          HR-01:
            enabled: true
            severity: warning
        bias:
          attributes: [sex, site]
          intersections: [[sex, site]]
          reference: {sex: male}
          min_group_size: 10
          exclusion_share: 0.05
          impact_threshold: 0.75
        report:
          formats: [json, md]
          language: zh
          subject_ids: keep
          suppress_below: 3
          pseudonym_key_file: /tmp/key
          title: 劳动监察
        """

    func testFullPipelineTopLevelValues() throws {
        let pipeline = try parse(fullPipeline)

        XCTAssertEqual(pipeline.name, "labour-inspection-test")
        XCTAssertEqual(pipeline.auditDate, "2025-06-30")
    }

    func testFullPipelineInputSection() throws {
        let input = try parse(fullPipeline).input

        XCTAssertEqual(input.encoding, .gbk)
        XCTAssertEqual(input.delimiter, UInt8(ascii: "\t"))
        XCTAssertEqual(input.timeZone, "Asia/Shanghai")
        XCTAssertEqual(input.dateOrder, .dmy)
        XCTAssertEqual(input.twoDigitYears, .twoThousands)
        XCTAssertEqual(input.maxFieldBytes, 4096)
        XCTAssertEqual(input.maxRowBytes, 65536)
        XCTAssertEqual(input.assumeAutomated, false)
        XCTAssertEqual(input.defaultDecisionType, .dismissal)
    }

    func testFullPipelineColumnsReplaceBuiltinsOnlyForTheFieldsNamed() throws {
        let pipeline = try parse(fullPipeline)

        XCTAssertEqual(pipeline.columns[.decisionID], ["单号", "case_no"])
        XCTAssertEqual(pipeline.columns[.outcome], ["处理结论"], "a single scalar is a list of one")
        XCTAssertEqual(pipeline.columns[.subjectID], BuiltinVocabulary.columns.first { $0.0 == .subjectID }?.1)
        XCTAssertEqual(pipeline.columns.count, CanonicalField.allCases.count)
    }

    func testFullPipelineAttributes() throws {
        let attributes = try parse(fullPipeline).attributes

        XCTAssertEqual(attributes.map(\.name), ["sex", "site"])
        XCTAssertEqual(attributes[0].headers, ["sex", "gender", "性别"], "an empty entry takes the built-in synonyms")
        XCTAssertEqual(attributes[1].headers, ["工作地点", "site_name", "site"], "the attribute's own name always matches")
    }

    func testFullPipelineValues() throws {
        let values = try parse(fullPipeline).values

        // A pipeline's lists come first (they win where a spelling is in both) and extend the built-ins.
        XCTAssertEqual(spellings(values.booleans) { "\($0)" },
                       ["true=是的", "false=不是"] + spellings(BuiltinVocabulary.booleans) { "\($0)" })
        XCTAssertEqual(spellings(values.outcomes) { $0.rawValue },
                       ["favorable=留用", "adverse=淘汰"] + spellings(BuiltinVocabulary.outcomes) { $0.rawValue })
        XCTAssertEqual(values.decisionTypes.first?.0, .dismissal)
        XCTAssertEqual(values.decisionTypes.first?.1, ["劝退"])
        XCTAssertEqual(values.decisionTypes.count, DecisionType.allCases.count + 1, "the built-in dismissal spellings stay")
        XCTAssertEqual(values.decisionTypes.first { $0.0 == .hiring }?.1, BuiltinVocabulary.decisionTypes.first { $0.0 == .hiring }?.1)
        XCTAssertEqual(spellings(values.reviewResults) { $0.rawValue }, ["upheld=维持", "modified=改", "overturned=撤"],
                       "replace: true drops the built-ins")
        XCTAssertEqual(spellings(values.appealReviewers) { $0.rawValue },
                       ["human=人", "automated=机"] + spellings(BuiltinVocabulary.appealReviewers) { $0.rawValue })
        XCTAssertEqual(values.unknown.first, "保密")
        XCTAssertEqual(values.unknown.count, ValueVocabulary().unknown.count + 1)
        XCTAssertEqual(spellings(values.attributeValues["site"] ?? []) { $0 }, ["north=北区|N"])

        let replaced = try parse("admaudit: 1\nvalues:\n  unknown: {replace: true, values: [保密]}\n  outcome: {replace: true, adverse: [x]}\n")
        XCTAssertEqual(replaced.values.unknown, ["保密"])
        XCTAssertEqual(spellings(replaced.values.outcomes) { $0.rawValue }, ["adverse=x"])
        XCTAssertEqual(spellings(values.attributeValues["sex"] ?? []) { $0 }, spellings(BuiltinVocabulary.attributeValues["sex"]!) { $0 })
    }

    func testFullPipelineDerive() throws {
        let derive = try parse(fullPipeline).derive

        XCTAssertEqual(derive, OutcomeDerivation(adverseWhen: .atLeast, threshold: 0.7, overrideRecorded: true))
        XCTAssertEqual(derive?.outcome(for: 0.7), .adverse)
        XCTAssertEqual(derive?.outcome(for: 0.69), .favorable)
    }

    func testFullPipelineChecks() throws {
        let checks = try parse(fullPipeline).checks

        XCTAssertEqual(checks.jurisdictions, ["CN", "EU"])
        XCTAssertEqual(checks.significantTypes, [.dismissal, .pay])
        XCTAssertEqual(checks.overrides, ["HR-01": CheckSettings.Override(enabled: true, severity: .warning)])
    }

    func testFullPipelineBias() throws {
        let bias = try parse(fullPipeline).bias

        XCTAssertEqual(bias.attributes, ["sex", "site"])
        XCTAssertEqual(bias.intersections, [["sex", "site"]])
        XCTAssertEqual(bias.reference, .groups(["sex": "male"]))
        XCTAssertEqual(bias.minGroupSize, 10)
        XCTAssertEqual(bias.exclusionShare, 0.05)
        XCTAssertEqual(bias.impactThreshold, 0.75)
    }

    func testFullPipelineReport() throws {
        let report = try parse(fullPipeline).report

        XCTAssertEqual(report.formats, [.json, .md])
        XCTAssertEqual(report.language, .zh)
        XCTAssertEqual(report.subjectIDs, .keep)
        XCTAssertEqual(report.suppressBelow, 3)
        XCTAssertEqual(report.pseudonymKeyFile, "/tmp/key")
        XCTAssertEqual(report.title, "劳动监察")
    }

    func testVersionOnlyPipelineKeepsEveryDefault() throws {
        let pipeline = try parse("admaudit: 1\n")

        XCTAssertEqual(pipeline.input.encoding, .auto)
        XCTAssertNil(pipeline.input.delimiter)
        XCTAssertEqual(pipeline.input.timeZone, "UTC")
        XCTAssertEqual(pipeline.input.dateOrder, .ymd)
        XCTAssertNil(pipeline.input.twoDigitYears, "two-digit years are refused unless the pipeline gives their century")
        XCTAssertTrue(pipeline.input.assumeAutomated)
        XCTAssertEqual(pipeline.columns[.decisionID], BuiltinVocabulary.columns.first { $0.0 == .decisionID }?.1)
        XCTAssertTrue(pipeline.attributes.isEmpty)
        XCTAssertNil(pipeline.derive)
        XCTAssertEqual(pipeline.checks.significantTypes, DecisionType.defaultSignificant)
        XCTAssertEqual(pipeline.bias.reference, .highest)
        XCTAssertEqual(pipeline.bias.minGroupSize, 5)
        XCTAssertEqual(pipeline.report.formats, ReportFormat.allCases)
        XCTAssertEqual(pipeline.report.subjectIDs, .pseudonymize)
    }

    func testDelimiterSpellings() throws {
        let cases: [(String, UInt8?)] = [
            ("\"\\t\"", 0x09), ("'\\t'", 0x09), ("tab", 0x09), ("\",\"", 0x2C), ("\";\"", 0x3B), ("\"|\"", 0x7C), ("auto", nil),
        ]
        for (spelling, expected) in cases {
            let pipeline = try parse("admaudit: 1\ninput:\n  delimiter: \(spelling)\n")
            XCTAssertEqual(pipeline.input.delimiter, expected, spelling)
        }
    }

    func testMaxRowBytesIsRaisedToMaxFieldBytes() throws {
        let input = try parse("admaudit: 1\ninput:\n  max_field_bytes: 4096\n  max_row_bytes: 100\n").input

        XCTAssertEqual(input.maxRowBytes, 4096)
    }

    func testCheckGivenAsABooleanEnablesOrDisablesIt() throws {
        let checks = try parse("admaudit: 1\nchecks:\n  HR-01: off\n").checks

        XCTAssertEqual(checks.overrides["HR-01"], CheckSettings.Override(enabled: false, severity: nil))
    }

    func testShippedPipelinesParse() throws {
        let folder = TestSupport.packageRoot.appendingPathComponent("pipelines")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        XCTAssertFalse(files.isEmpty)
        for name in files {
            let pipeline = try PipelineLoader.load(path: folder.appendingPathComponent(name).path)
            XCTAssertEqual(pipeline.sha256.count, 64, name)
        }
    }

    // MARK: Version and structure errors

    func testMissingVersionIsAnError() {
        assertError("""
            name: no-version
            input:
              encoding: utf-8
            """, line: 1, column: 1, mentions: ["admaudit: 1"])
    }

    func testUnsupportedVersionIsAnError() {
        assertError("admaudit: 2\n", line: 1, column: 11, mentions: ["version 1"])
    }

    func testEmptyFileIsAnError() {
        assertError("", line: 1, mentions: ["empty"])
        do {
            _ = try PipelineLoader.parse("", file: "test.yaml")
        } catch {
            XCTAssertTrue(error.hint?.contains("admaudit: 1") ?? false, "the hint says how to start the file")
        }
    }

    func testUnknownTopLevelKeyIsNamedWithItsPlaceAndASuggestion() {
        assertError("""
            admaudit: 1
            name: test
            chekcs:
              jurisdictions: [CN]
            """, line: 3, column: 1, mentions: ["'chekcs'", "did you mean 'checks'"])
    }

    func testUnknownKeyInInput() {
        assertError("""
            admaudit: 1
            input:
              encoding: utf-8
              time_zones: Asia/Shanghai
            """, line: 4, column: 3, mentions: ["'time_zones'", "input", "did you mean 'time_zone'"])
    }

    func testUnknownKeyInColumns() {
        assertError("""
            admaudit: 1
            columns:
              decision_idd: [单号]
            """, line: 3, column: 3, mentions: ["'decision_idd'", "columns", "did you mean 'decision_id'"])
    }

    func testUnknownKeyInChecks() {
        assertError("""
            admaudit: 1
            checks:
              jurisdictions: [CN]
              significant_type: [pay]
            """, line: 4, column: 3, mentions: ["'significant_type'", "checks", "did you mean 'significant_types'"])
    }

    func testUnknownKeyInBias() {
        assertError("""
            admaudit: 1
            bias:
              min_grup_size: 5
            """, line: 3, column: 3, mentions: ["'min_grup_size'", "bias", "did you mean 'min_group_size'"])
    }

    func testUnknownKeyInReport() {
        assertError("""
            admaudit: 1
            report:
              formats: [json]
              langauge: zh
            """, line: 4, column: 3, mentions: ["'langauge'", "report", "did you mean 'language'"])
    }

    func testUnknownKeyInValues() {
        assertError("""
            admaudit: 1
            values:
              outcome:
                neutral: [中性]
            """, line: 4, column: 5, mentions: ["'neutral'", "values.outcome"])
    }

    func testYAMLSyntaxErrorGivesItsLine() {
        assertError("""
            admaudit: 1
            name: test
            input: encoding: utf-8
            """, line: 3, column: 16, mentions: ["not valid YAML"])
    }

    func testDuplicateTopLevelKeyIsAnErrorAtTheSecondOccurrence() {
        assertError("""
            admaudit: 1
            input:
              encoding: utf-8
            input:
              delimiter: ";"
            """, line: 4, column: 1, mentions: ["'input'"])
    }

    func testDuplicateKeyInsideASectionIsAnErrorAtTheSecondOccurrence() {
        assertError("""
            admaudit: 1
            input:
              encoding: utf-8
              encoding: gbk
            """, line: 4, column: 3, mentions: ["'encoding'"])
    }

    func testAttributeNamedLikeACanonicalFieldIsAnError() {
        assertError("""
            admaudit: 1
            attributes:
              outcome: [结果]
            """, line: 3, column: 3, mentions: ["'outcome'"])
    }

    // MARK: Bad values

    func testUnknownEncoding() {
        assertError("""
            admaudit: 1
            input:
              encoding: latin9
            """, line: 3, column: 13, mentions: ["input.encoding", "'latin9'"])
    }

    func testUnsupportedDelimiter() {
        assertError("""
            admaudit: 1
            input:
              delimiter: "::"
            """, line: 3, column: 14, mentions: ["input.delimiter", "'::'"])
    }

    func testUnknownTimeZone() {
        assertError("""
            admaudit: 1
            input:
              time_zone: Mars/Base
            """, line: 3, column: 14, mentions: ["input.time_zone", "'Mars/Base'"])
    }

    func testUnknownDateOrder() {
        assertError("""
            admaudit: 1
            input:
              date_order: ydm
            """, line: 3, column: 15, mentions: ["input.date_order", "'ydm'"])
    }

    func testUnknownCenturyOfTwoDigitYears() {
        assertError("""
            admaudit: 1
            input:
              two_digit_years: 2000
            """, line: 3, column: 20, mentions: ["input.two_digit_years", "'2000'", "20xx"])
    }

    func testInvalidAuditDate() {
        assertError("""
            admaudit: 1
            audit_date: 2025-02-30
            """, line: 2, column: 13, mentions: ["audit_date"])
    }

    func testMinGroupSizeZero() {
        assertError("""
            admaudit: 1
            bias:
              min_group_size: 0
            """, line: 3, column: 19, mentions: ["bias.min_group_size"])
    }

    func testExclusionShareAboveOne() {
        assertError("""
            admaudit: 1
            bias:
              exclusion_share: 2
            """, line: 3, column: 20, mentions: ["bias.exclusion_share"])
    }

    func testDeriveWithAnUnknownComparison() {
        assertError("""
            admaudit: 1
            derive:
              outcome:
                adverse_if: score => 3
            """, line: 4, column: 17, mentions: ["derive.outcome.adverse_if", "'score => 3'"])
    }

    func testUnknownCheckID() {
        assertError("""
            admaudit: 1
            checks:
              HR-99: false
            """, line: 3, column: 3, mentions: ["'HR-99'", "checks", "did you mean 'HR-01'"])
    }

    func testUnknownCheckSeverity() {
        assertError("""
            admaudit: 1
            checks:
              HR-01:
                severity: fatal
            """, line: 4, column: 15, mentions: ["checks.HR-01.severity", "'fatal'"])
    }

    func testUnknownDecisionTypeInSignificantTypes() {
        assertError("""
            admaudit: 1
            checks:
              significant_types: [hiring, firing]
            """, line: 3, column: 31, mentions: ["'firing'", "significant_types"])
    }

    func testBiasAttributeNotDeclared() {
        assertError("""
            admaudit: 1
            attributes:
              sex: [性别]
            bias:
              attributes: [sex, ethnic]
            """, line: 5, column: 15, mentions: ["bias.attributes", "'ethnic'"])
    }

    func testBiasIntersectionOfOneAttribute() {
        assertError("""
            admaudit: 1
            attributes:
              sex:
            bias:
              intersections: [[sex]]
            """, line: 5, column: 19, mentions: ["intersection"])
    }

    func testUnknownReportLanguage() {
        assertError("""
            admaudit: 1
            report:
              language: fr
            """, line: 3, column: 13, mentions: ["report.language", "'fr'"])
    }

    // MARK: Reading exports as they come

    func testHeaderLine() throws {
        XCTAssertEqual(try parse("admaudit: 1\ninput:\n  header_line: 3\n").input.headerLine, 3)
        XCTAssertEqual(try parse("admaudit: 1\ninput:\n  header_line: 40\n").input.headerLine, 40)
        XCTAssertNil(try parse("admaudit: 1\ninput:\n  header_line: auto\n").input.headerLine)
        XCTAssertNil(try parse("admaudit: 1\n").input.headerLine, "found by the reader unless given")
        for bad in ["0", "41", "-1", "three", "2.5"] {
            assertError("admaudit: 1\ninput:\n  header_line: \(bad)\n", line: 3, column: 16, mentions: ["input.header_line", "1 to 40"])
        }
    }

    func testDecimalSeparator() throws {
        XCTAssertEqual(try parse("admaudit: 1\ninput:\n  decimal_separator: \",\"\n").input.decimalSeparator, .comma)
        XCTAssertEqual(try parse("admaudit: 1\ninput:\n  decimal_separator: \".\"\n").input.decimalSeparator, .point)
        XCTAssertEqual(try parse("admaudit: 1\n").input.decimalSeparator, .point)
        assertError("admaudit: 1\ninput:\n  decimal_separator: \";\"\n", line: 3, column: 22,
                    mentions: ["input.decimal_separator", "';'", "\",\" (0,73)"])
    }

    func testMaxRejected() throws {
        XCTAssertEqual(try parse("admaudit: 1\ninput:\n  max_rejected: 0.05\n").input.maxRejectedShare, 0.05)
        XCTAssertEqual(try parse("admaudit: 1\ninput:\n  max_rejected: 0\n").input.maxRejectedShare, 0)
        XCTAssertNil(try parse("admaudit: 1\n").input.maxRejectedShare)
        assertError("admaudit: 1\ninput:\n  max_rejected: 1.5\n", line: 3, column: 17, mentions: ["input.max_rejected", "0 to 1"])
        assertError("admaudit: 1\ninput:\n  max_rejected: 5%\n", line: 3, column: 17, mentions: ["input.max_rejected"])
    }

    func testTimeZonesByPlaceKeepTheirOrder() throws {
        let input = try parse("""
            admaudit: 1
            input:
              time_zone: UTC
              time_zones_by_place:
                上海: Asia/Shanghai
                "Berlin Office": Europe/Berlin
                Shenzhen: Asia/Shanghai
            """).input
        XCTAssertEqual(input.timeZonesByPlace.map(\.place), ["上海", "Berlin Office", "Shenzhen"])
        XCTAssertEqual(input.timeZonesByPlace.map(\.zone), ["Asia/Shanghai", "Europe/Berlin", "Asia/Shanghai"])
        XCTAssertTrue(try parse("admaudit: 1\n").input.timeZonesByPlace.isEmpty)
    }

    func testTimeZonesByPlaceNeedZones() {
        assertError("""
            admaudit: 1
            input:
              time_zones_by_place:
                Berlin: Mars/Olympus
            """, line: 4, column: 13, mentions: ["input.time_zones_by_place.Berlin", "'Mars/Olympus'", "IANA"])
        assertError("""
            admaudit: 1
            input:
              time_zones_by_place: [Berlin]
            """, line: 3, column: 24, mentions: ["input.time_zones_by_place", "mapping"])
        let many = (0..<(PlaceZones.placeLimit + 1)).map { "    P\($0): UTC" }.joined(separator: "\n")
        assertError("admaudit: 1\ninput:\n  time_zones_by_place:\n\(many)\n", line: 4, mentions: ["at most \(PlaceZones.placeLimit)"])
    }

    // MARK: Age bands

    func testAgeBandsFromAgesAndBirthDates() throws {
        let pipeline = try parse("""
            admaudit: 1
            attributes:
              sex:
              age_band: {from_age: [年龄, Age]}
              birth_band: {from_birth_date: [出生日期], bands: [25, 45, 60]}
            """)
        XCTAssertEqual(pipeline.attributes.map(\.name), ["sex", "age_band", "birth_band"])
        XCTAssertEqual(pipeline.attributes[1].headers, ["年龄", "Age", "age_band"])
        XCTAssertEqual(pipeline.attributes[2].headers, ["出生日期", "birth_band"])
        XCTAssertEqual(pipeline.ageBands["age_band"], AgeBanding(source: .years))
        XCTAssertEqual(pipeline.ageBands["birth_band"], AgeBanding(source: .birthDate, bounds: [25, 45, 60]))
        XCTAssertNil(pipeline.ageBands["sex"])
        XCTAssertEqual(pipeline.ageBands["age_band"]?.labels, ["<30", "30-39", "40-49", "50+"])
        XCTAssertEqual(pipeline.ageBands["birth_band"]?.labels, ["<25", "25-44", "45-59", "60+"])
    }

    func testAgeBandsNeedOneSourceAndAscendingBounds() {
        assertError("admaudit: 1\nattributes:\n  age_band: {from_age: [Age], from_birth_date: [DOB]}\n", line: 3,
                    mentions: ["attributes.age_band", "one of from_age"])
        assertError("admaudit: 1\nattributes:\n  age_band: {bands: [30, 40]}\n", line: 3, mentions: ["attributes.age_band", "one of from_age"])
        assertError("admaudit: 1\nattributes:\n  age_band: {from_age: [Age], bands: [40, 30]}\n", line: 3,
                    mentions: ["attributes.age_band.bands", "ascending"])
        assertError("admaudit: 1\nattributes:\n  age_band: {from_age: [Age], bands: [30, 130]}\n", line: 3,
                    mentions: ["attributes.age_band.bands"])
        assertError("admaudit: 1\nattributes:\n  age_band: {from_age: [Age], bands: [30, 30]}\n", line: 3,
                    mentions: ["attributes.age_band.bands"])
        assertError("admaudit: 1\nattributes:\n  age_band: {from_age: [Age], bands: [0, 30]}\n", line: 3,
                    mentions: ["attributes.age_band.bands", "from 1 to 120"])
        assertError("admaudit: 1\nattributes:\n  age_band: {from_ages: [Age]}\n", line: 3,
                    mentions: ["unknown key 'from_ages'", "did you mean 'from_age'"])
    }

    // MARK: Outcome from the decision type

    func testDeriveOutcomeFromTheDecisionType() throws {
        let pipeline = try parse("admaudit: 1\nderive:\n  outcome:\n    from: decision_type\n")
        XCTAssertTrue(pipeline.outcomeFromDecisionType)
        XCTAssertNil(pipeline.derive, "no score rule")
        XCTAssertFalse(try parse("admaudit: 1\n").outcomeFromDecisionType)

        let both = try parse("admaudit: 1\nderive:\n  outcome:\n    from: decision_type\n    adverse_if: score > 0.5\n")
        XCTAssertTrue(both.outcomeFromDecisionType)
        XCTAssertEqual(both.derive, OutcomeDerivation(adverseWhen: .above, threshold: 0.5))
    }

    func testDeriveOutcomeFromAnythingElseIsAnError() {
        assertError("admaudit: 1\nderive:\n  outcome:\n    from: score\n", line: 4, column: 11,
                    mentions: ["derive.outcome.from", "decision_type"])
        assertError("admaudit: 1\nderive:\n  outcome:\n    override: true\n", line: 4, mentions: ["adverse_if", "from: decision_type"])
    }

    // MARK: Vocabularies extend the built-ins

    func testValueListsExtendTheBuiltinsUnlessReplaced() throws {
        let extended = try parse("admaudit: 1\nvalues:\n  automated:\n    false: [经理决定]\n  appeal_result:\n    upheld: [维持处理]\n").values
        XCTAssertEqual(extended.automation.first.map { "\($0.0)=\($0.1)" }, "false=[\"经理决定\"]")
        XCTAssertEqual(extended.automation.count, BuiltinVocabulary.automation.count + 1)
        XCTAssertEqual(extended.appealResults.count, BuiltinVocabulary.appealResults.count + 1)

        let replaced = try parse("admaudit: 1\nvalues:\n  automated:\n    replace: true\n    true: [系统]\n    false: [人]\n").values
        XCTAssertEqual(spellings(replaced.automation) { "\($0)" }, ["true=系统", "false=人"])

        let attributes = try parse("admaudit: 1\nvalues:\n  attributes:\n    sex: {replace: true, female: [W]}\n").values
        XCTAssertEqual(spellings(attributes.attributeValues["sex"] ?? []) { $0 }, ["female=W"])
    }

    func testExtendedSpellingsAreReadFirst() throws {
        var maps = ValueMaps(try parse("admaudit: 1\nvalues:\n  outcome:\n    adverse: [retained with warning]\n").values)
        let bytes = Array("Retained with warning".utf8)
        XCTAssertEqual(bytes.withUnsafeBytes { maps.outcomes.lookup(FieldBytes(bytes: $0, isMissing: false)) }, .found(.adverse),
                       "the pipeline's spelling wins over the built-in `retained`")
    }

    func testCheckVocabulariesExtendTheDefaultsUnlessReplaced() throws {
        func terms(_ yaml: String) throws -> [ParameterValue.Term] {
            guard case .vocabulary(let terms)? = try parse(yaml).checks.overrides["DM-01"]?.parameters["categories"] else {
                XCTFail("no vocabulary")
                return []
            }
            return terms
        }
        let extended = try terms("admaudit: 1\nchecks:\n  DM-01:\n    categories: {health: [体检报告], genetics: [基因]}\n")
        XCTAssertEqual(extended.map(\.name), ["health", "genetics"] + ProhibitedDataUsed.defaultCategories.map(\.name).filter { $0 != "health" })
        XCTAssertEqual(extended.first?.synonyms, ["体检报告"] + ProhibitedDataUsed.defaultCategories[0].synonyms,
                       "a term named in both gains the synonyms")

        let replaced = try terms("admaudit: 1\nchecks:\n  DM-01:\n    categories: {replace: true, genetics: [基因]}\n")
        XCTAssertEqual(replaced, [ParameterValue.Term("genetics", ["基因"])])
    }

    // MARK: Bounds

    /// Every number a pipeline sets is range-checked where it is read, with its position:
    /// `max_field_bytes: 9223372036854775807` crashed the reader.
    func testEveryNumberIsRangeChecked() {
        assertError("admaudit: 1\ninput:\n  max_field_bytes: 9223372036854775807\n", line: 3, column: 20,
                    mentions: ["input.max_field_bytes", "from 1 to 16777216"])
        assertError("admaudit: 1\ninput:\n  max_row_bytes: 99999999999999999999\n", line: 3, column: 18,
                    mentions: ["input.max_row_bytes", "from 1 to 67108864"])
        assertError("admaudit: 1\ninput:\n  max_columns: 0\n", line: 3, column: 16, mentions: ["input.max_columns", "from 1 to 16384"])
        assertError("admaudit: 1\ninput:\n  max_distinct_values: 1000001\n", line: 3, column: 24,
                    mentions: ["input.max_distinct_values", "from 1 to 100000"])
        assertError("admaudit: 1\nbias:\n  min_group_size: 9223372036854775807\n", line: 3, column: 19,
                    mentions: ["bias.min_group_size", "from 1 to 1000000000"])
        assertError("admaudit: 1\nreport:\n  suppress_below: -1\n", line: 3, column: 19, mentions: ["report.suppress_below", "from 0 to"])
        assertError("admaudit: 1\nchecks:\n  AP-03: {deadline_days: 9223372036854775807}\n", line: 3, column: 26,
                    mentions: ["checks.AP-03.deadline_days", "from 0 to 1000000"])
        assertError("admaudit: 1\nchecks:\n  DQ-02: {max_unknown_share: 1e300}\n", line: 3,
                    mentions: ["checks.DQ-02.max_unknown_share", "number from"])
    }

    func testLimitsWithinRangeAreRead() throws {
        let pipeline = try PipelineLoader.parse("admaudit: 1\ninput:\n  max_columns: 2000\n  max_distinct_values: 50\n", file: "test.yaml")
        XCTAssertEqual(pipeline.input.maxColumns, 2000)
        XCTAssertEqual(pipeline.input.maxDistinctValues, 50)
        XCTAssertEqual(Pipeline().input.maxDistinctValues, 1000)
    }

    /// Anchors and aliases are refused before the tree is built: a billion laughs, and an
    /// alias as a mapping key (which hung the loader), are errors at once.
    func testAnchorsAndAliasesAreRefused() {
        var laughs = "admaudit: 1\ndescription:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            laughs += "  \(name): &\(name) [*\(previous), *\(previous), *\(previous), *\(previous), *\(previous), *\(previous), *\(previous), *\(previous), *\(previous)]\n"
            previous = name
        }
        assertError(laughs, line: 3, column: 6, mentions: ["anchor (&a)", "not allowed"])
        assertError("admaudit: 1\nname: x\nvalues:\n  boolean:\n    *k : [y]\n", line: 5, column: 5, mentions: ["alias (*k)"])
        let started = Date()
        assertError("admaudit: 1\nbias: &k {attributes: [sex]}\nreport:\n  ? *k\n  : 1\n", line: 2, column: 7, mentions: ["anchor (&k)"])
        XCTAssertLessThan(Date().timeIntervalSince(started), 1)
    }

    /// Invalid YAML is still reported by the composer, with its position.
    func testTheAnchorScanLeavesYAMLErrorsToTheComposer() {
        XCTAssertNil(YAMLAnchorGuard.firstAnchorOrAlias(in: "a: [1, 2\n"))
        XCTAssertNil(YAMLAnchorGuard.firstAnchorOrAlias(in: "title: R&D *draft* & more\nnote: 'a &b *c'\n"),
                     "& and * inside values are text, not anchors")
        assertError("admaudit: 1\ninput: [1, 2\n", line: 3, mentions: ["not valid YAML"])
    }

    func testAPipelineFileOverOneMebibyteIsRefused() throws {
        let path = TestSupport.temporaryFile("admaudit: 1\n# " + String(repeating: "x", count: PipelineLimits.fileBytes) + "\n", name: "big.yaml")
        XCTAssertThrowsError(try PipelineLoader.load(path: path)) { error in
            let error = error as! AuditError
            XCTAssertEqual(error.kind, .pipeline)
            XCTAssertTrue(error.description.contains("larger than 1024 KiB"), error.description)
        }
    }
}
