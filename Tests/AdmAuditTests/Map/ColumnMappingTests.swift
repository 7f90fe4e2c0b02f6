import Foundation
import XCTest

@testable import AdmAudit

/// Which export column is which canonical field or attribute.
final class ColumnMappingTests: XCTestCase {

    // MARK: Helpers

    private func pipeline(_ yaml: String = "admaudit: 1\n") throws -> Pipeline {
        try PipelineLoader.parse(yaml, file: "test.yaml")
    }

    /// A pipeline that declares `sex` with the built-in synonyms.
    private func pipelineWithSex() throws -> Pipeline {
        try pipeline("admaudit: 1\nattributes:\n  sex:\n")
    }

    private func match(_ header: String, _ column: Int) -> ColumnMapping.Match {
        ColumnMapping.Match(header: header, column: column)
    }

    // MARK: Built-in synonyms

    func testChineseHeadersMapThroughBuiltinSynonyms() throws {
        let headers = ["决策编号", "员工编号", "决策类型", "结果", "是否人工复核", "决策时间", "性别"]
        let mapping = ColumnMapping(headers: headers, pipeline: try pipelineWithSex())

        XCTAssertEqual(mapping.fields[.decisionID], match("决策编号", 0))
        XCTAssertEqual(mapping.fields[.subjectID], match("员工编号", 1))
        XCTAssertEqual(mapping.fields[.decisionType], match("决策类型", 2))
        XCTAssertEqual(mapping.fields[.outcome], match("结果", 3))
        XCTAssertEqual(mapping.fields[.humanReviewed], match("是否人工复核", 4))
        XCTAssertEqual(mapping.fields[.decidedAt], match("决策时间", 5))
        XCTAssertEqual(mapping.attributes.map(\.name), ["sex"])
        XCTAssertEqual(mapping.attributes.first?.match, match("性别", 6))
        XCTAssertEqual(mapping.unmapped, [])
        XCTAssertTrue(mapping.duplicates.isEmpty)
    }

    func testEnglishHeadersMapThroughBuiltinSynonyms() throws {
        let headers = ["decision_id", "employee_id", "decision_type", "outcome", "automated", "human_reviewed", "decided_at", "gender"]
        let mapping = ColumnMapping(headers: headers, pipeline: try pipelineWithSex())

        XCTAssertEqual(mapping.fields[.decisionID]?.column, 0)
        XCTAssertEqual(mapping.fields[.subjectID]?.column, 1)
        XCTAssertEqual(mapping.fields[.decisionType]?.column, 2)
        XCTAssertEqual(mapping.fields[.outcome]?.column, 3)
        XCTAssertEqual(mapping.fields[.automated]?.column, 4)
        XCTAssertEqual(mapping.fields[.humanReviewed]?.column, 5)
        XCTAssertEqual(mapping.fields[.decidedAt]?.column, 6)
        XCTAssertEqual(mapping.attributes.first?.match, match("gender", 7))
        XCTAssertEqual(mapping.unmapped, [])
    }

    func testAttributeHeaderIsUnmappedWhenTheAttributeIsNotDeclared() throws {
        let mapping = ColumnMapping(headers: ["decision_id", "性别"], pipeline: try pipeline())

        XCTAssertTrue(mapping.attributes.isEmpty)
        XCTAssertEqual(mapping.unmapped, [match("性别", 1)])
    }

    func testDeclaredAttributeMissingFromTheExportHasNoMatch() throws {
        let mapping = ColumnMapping(headers: ["decision_id"], pipeline: try pipeline("admaudit: 1\nattributes:\n  sex:\n  ethnicity:\n"))

        XCTAssertEqual(mapping.attributes.map(\.name), ["sex", "ethnicity"])
        XCTAssertNil(mapping.attributes[0].match)
        XCTAssertNil(mapping.attributes[1].match)
    }

    func testAttributeWithoutBuiltinSynonymsMatchesItsOwnName() throws {
        let mapping = ColumnMapping(headers: ["decision_id", "Site"], pipeline: try pipeline("admaudit: 1\nattributes:\n  site:\n"))

        XCTAssertEqual(mapping.attributes.first?.match, match("Site", 1))
    }

    func testBuiltinColumnSynonymsNameOneFieldEach() {
        var owner: [String: CanonicalField] = [:]
        for (field, synonyms) in BuiltinVocabulary.columns {
            for synonym in synonyms {
                let key = TextKey.make(synonym)
                if let other = owner[key], other != field {
                    XCTFail("'\(synonym)' is a synonym of both \(other.rawValue) and \(field.rawValue)")
                }
                owner[key] = field
            }
        }
        XCTAssertEqual(Set(BuiltinVocabulary.columns.map(\.0)), Set(CanonicalField.allCases), "every field has built-in synonyms")
    }

    // MARK: Trimming and case-folding

    func testHeadersAreTrimmedOfFullWidthSpaceNoBreakSpaceAndBOM() throws {
        let headers = ["\u{FEFF}decision_id", "\u{3000}决策类型\u{3000}", "\u{00A0}outcome\u{00A0}", " \t结果时间 "]
        let mapping = ColumnMapping(headers: headers, pipeline: try pipeline())

        XCTAssertEqual(mapping.fields[.decisionID], match("\u{FEFF}decision_id", 0), "the match keeps the header as written")
        XCTAssertEqual(mapping.fields[.decisionType]?.column, 1)
        XCTAssertEqual(mapping.fields[.outcome]?.column, 2)
        XCTAssertEqual(mapping.unmapped, [match(" \t结果时间 ", 3)])
    }

    func testHeadersAreCaseFolded() throws {
        let mapping = ColumnMapping(headers: ["Decision_ID", "DECISION TYPE", "Outcome", "Human_Reviewed"], pipeline: try pipeline())

        XCTAssertEqual(mapping.fields[.decisionID], match("Decision_ID", 0))
        XCTAssertEqual(mapping.fields[.decisionType]?.column, 1)
        XCTAssertEqual(mapping.fields[.outcome]?.column, 2)
        XCTAssertEqual(mapping.fields[.humanReviewed]?.column, 3)
    }

    func testInnerSpacesAndPunctuationMustMatchExactly() throws {
        let mapping = ColumnMapping(headers: ["decision  id", "decision-id", "决策 编号"], pipeline: try pipeline())

        XCTAssertNil(mapping.fields[.decisionID])
        XCTAssertEqual(mapping.unmapped.map(\.column), [0, 1, 2])
    }

    // MARK: Pipeline synonyms

    func testPipelineSynonymsReplaceTheBuiltinsForThatField() throws {
        let custom = try pipeline("admaudit: 1\ncolumns:\n  decision_id: [case_no, 案件号]\n")
        let mapping = ColumnMapping(headers: ["decision_id", "案件号", "outcome"], pipeline: custom)

        XCTAssertEqual(mapping.fields[.decisionID], match("案件号", 1))
        XCTAssertEqual(mapping.unmapped, [match("decision_id", 0)], "the built-in spelling no longer maps")
        XCTAssertEqual(mapping.fields[.outcome]?.column, 2, "fields the pipeline does not name keep their built-ins")
    }

    func testPipelineSynonymBeatsAnotherFieldsBuiltinSynonym() throws {
        // The export's `result` column is a numeric score and `decision` the outcome; the
        // pipeline says so. `result` is also a built-in outcome synonym, but the explicit
        // mapping is what the pipeline's author meant.
        let custom = try pipeline("admaudit: 1\ncolumns:\n  score: [result]\n")
        let mapping = ColumnMapping(headers: ["decision_id", "decision_type", "decision", "result"], pipeline: custom)

        XCTAssertEqual(mapping.fields[.outcome], match("decision", 2))
        XCTAssertEqual(mapping.fields[.score], match("result", 3))
        XCTAssertTrue(mapping.duplicates.isEmpty, "duplicates: \(mapping.duplicates.map { "\($0.match.header)→\($0.field)" })")
    }

    func testDeclaredAttributeWinsOverACanonicalFieldSynonym() throws {
        // `system` is a built-in synonym of the canonical `system` field; a pipeline that
        // declares it as an attribute means the attribute.
        let custom = try pipeline("admaudit: 1\nattributes:\n  platform: [system]\n")
        let mapping = ColumnMapping(headers: ["decision_id", "system"], pipeline: custom)

        XCTAssertEqual(mapping.attributes.first?.match, match("system", 1))
        XCTAssertNil(mapping.fields[.system])
    }

    func testAHeaderListedUnderSeveralFieldsFeedsEach() throws {
        // A contest's handler column names the system or the person who decided it.
        let custom = try pipeline("""
            admaudit: 1
            columns:
              appeal_reviewer: [申诉处理方]
              appeal_reviewer_id: [申诉处理方]
            """)
        let mapping = ColumnMapping(headers: ["decision_id", "申诉处理方", "outcome"], pipeline: custom)

        XCTAssertEqual(mapping.fields[.appealReviewer], match("申诉处理方", 1))
        XCTAssertEqual(mapping.fields[.appealReviewerID], match("申诉处理方", 1))
        XCTAssertTrue(mapping.duplicates.isEmpty, "feeding two fields is no duplicate")
        XCTAssertEqual(mapping.unmapped, [])
    }

    func testASiteAttributeAndTheJurisdictionFromOneColumn() throws {
        let custom = try pipeline("""
            admaudit: 1
            columns:
              jurisdiction: [Location]
            attributes:
              site: [Location]
            """)
        let mapping = ColumnMapping(headers: ["decision_id", "Location"], pipeline: custom)

        XCTAssertEqual(mapping.fields[.jurisdiction], match("Location", 1))
        XCTAssertEqual(mapping.attributes.first?.match, match("Location", 1))
        XCTAssertEqual(Set(mapping.sources.map { "\($0.field)@\($0.header)" }), ["decision_id@decision_id", "jurisdiction@Location", "site@Location"])
    }

    func testLookAlikeHeadersMapAsTheirPlainSpelling() throws {
        let headers = ["ｄｅｃｉｓｉｏｎ＿ｉｄ", "out\u{00AD}come", "决策\u{200B}类型", "\u{202A}human_reviewed\u{202C}"]
        let mapping = ColumnMapping(headers: headers, pipeline: try pipeline())

        XCTAssertEqual(mapping.fields[.decisionID], match("ｄｅｃｉｓｉｏｎ＿ｉｄ", 0))
        XCTAssertEqual(mapping.fields[.outcome]?.column, 1)
        XCTAssertEqual(mapping.fields[.decisionType]?.column, 2)
        XCTAssertEqual(mapping.fields[.humanReviewed]?.column, 3)
    }

    // MARK: Unmapped and duplicate headers

    func testUnmappedHeadersAreListedInOrder() throws {
        let mapping = ColumnMapping(headers: ["decision_id", "备注", "outcome", "internal_flag", ""], pipeline: try pipeline())

        XCTAssertEqual(mapping.unmapped, [match("备注", 1), match("internal_flag", 3), match("", 4)])
    }

    func testSecondHeaderForATakenFieldIsReportedAsDuplicate() throws {
        let mapping = ColumnMapping(headers: ["decision_id", "outcome", "决策编号", "结果"], pipeline: try pipeline())

        XCTAssertEqual(mapping.fields[.decisionID], match("decision_id", 0), "the first column keeps the field")
        XCTAssertEqual(mapping.fields[.outcome], match("outcome", 1))
        XCTAssertEqual(mapping.duplicates.map(\.match), [match("决策编号", 2), match("结果", 3)])
        XCTAssertEqual(mapping.duplicates.map(\.field), ["decision_id", "outcome"])
        XCTAssertEqual(mapping.unmapped, [])
    }

    func testSecondHeaderForAnAttributeIsReportedAsDuplicate() throws {
        let mapping = ColumnMapping(headers: ["性别", "decision_id", "Gender"], pipeline: try pipelineWithSex())

        XCTAssertEqual(mapping.attributes.first?.match, match("性别", 0))
        XCTAssertEqual(mapping.duplicates.map(\.match), [match("Gender", 2)])
        XCTAssertEqual(mapping.duplicates.map(\.field), ["sex"])
    }

    // MARK: Required fields

    func testMissingRequiredListsEveryAbsentRequiredField() throws {
        let mapping = ColumnMapping(headers: ["employee_id", "score"], pipeline: try pipeline())

        XCTAssertEqual(mapping.missingRequired(canDeriveOutcome: false), [.decisionType, .outcome])
    }

    /// An export with no decision id names each row by its line: nothing stops the run, and the
    /// mapping says so (a note, with the fields that have no column).
    func testNoDecisionIDColumnNamesDecisionsByLine() throws {
        let mapping = ColumnMapping(headers: ["employee_id", "decision_type", "outcome"], pipeline: try pipeline())
        XCTAssertTrue(mapping.namesDecisionsByLine)
        XCTAssertEqual(mapping.missingRequired(canDeriveOutcome: false), [])
        XCTAssertEqual(mapping.diagnostics(file: "a.csv").first?.code, .decisionsNamedByLine)
        let withID = ColumnMapping(headers: ["decision_id", "decision_type", "outcome"], pipeline: try pipeline())
        XCTAssertFalse(withID.namesDecisionsByLine)
        XCTAssertFalse(withID.diagnostics(file: "a.csv").contains { $0.code == .decisionsNamedByLine })
        // A pipeline naming the id's column was written for an export that has one.
        let named = ColumnMapping(headers: ["employee_id", "decision_type", "outcome"],
                                  pipeline: try pipeline("admaudit: 1\ncolumns:\n  decision_id: [Case Number]\n"))
        XCTAssertFalse(named.namesDecisionsByLine)
        XCTAssertEqual(named.missingRequired(canDeriveOutcome: false), [.decisionID])
        // `decision_id: []` says the export has none.
        let none = ColumnMapping(headers: ["employee_id", "decision_type", "outcome"], pipeline: try pipeline("admaudit: 1\ncolumns:\n  decision_id: []\n"))
        XCTAssertTrue(none.namesDecisionsByLine)
        XCTAssertEqual(none.missingRequired(canDeriveOutcome: false), [])
    }

    func testMissingOutcomeIsFineWhenItCanBeDerivedFromAScore() throws {
        let mapping = ColumnMapping(headers: ["decision_id", "decision_type", "risk_score"], pipeline: try pipeline())

        XCTAssertEqual(mapping.missingRequired(canDeriveOutcome: true), [])
        XCTAssertEqual(mapping.missingRequired(canDeriveOutcome: false), [.outcome])
    }

    func testMissingOutcomeIsStillMissingWhenThereIsNoScoreToDeriveFrom() throws {
        let mapping = ColumnMapping(headers: ["decision_id", "decision_type"], pipeline: try pipeline())

        XCTAssertEqual(mapping.missingRequired(canDeriveOutcome: true), [.outcome])
    }

    func testMissingDecisionTypeIsFineWithADefaultType() throws {
        let mapping = ColumnMapping(headers: ["decision_id", "outcome"], pipeline: try pipeline())

        XCTAssertEqual(mapping.missingRequired(canDeriveOutcome: false, hasDefaultDecisionType: true), [])
        XCTAssertEqual(mapping.missingRequired(canDeriveOutcome: false), [.decisionType])
    }

    func testMissingOutcomeIsFineWhenReadFromTheDecisionType() throws {
        let withType = ColumnMapping(headers: ["decision_id", "decision_type"], pipeline: try pipeline())
        XCTAssertEqual(withType.missingRequired(canDeriveOutcome: false, outcomeFromDecisionType: true), [])
        let withDefault = ColumnMapping(headers: ["decision_id"], pipeline: try pipeline())
        XCTAssertEqual(withDefault.missingRequired(canDeriveOutcome: false, hasDefaultDecisionType: true, outcomeFromDecisionType: true), [])
        XCTAssertEqual(withDefault.missingRequired(canDeriveOutcome: false, outcomeFromDecisionType: true), [.decisionType, .outcome],
                       "no kind to read the outcome from")
    }

    // MARK: Fixture headers

    func testSampleFixtureHeadersMapTheSameInEnglishAndChinese() throws {
        let declared = try pipeline("admaudit: 1\nattributes:\n  sex:\n  ethnicity:\n  age_band:\n")
        var mapped: [[String]] = []
        for file in ["decisions_en.csv", "decisions_zh_gb18030.csv"] {
            var header: [String] = []
            try CSVReader(path: CSVReadHarness.fixture("sample/\(file)")).read { row in
                header = row.strings
                return false
            }
            let mapping = ColumnMapping(headers: header, pipeline: declared)
            XCTAssertEqual(mapping.missingRequired(canDeriveOutcome: false), [], file)
            XCTAssertTrue(mapping.attributes.allSatisfy { $0.match != nil }, "\(file): \(mapping.attributes.map(\.name))")
            XCTAssertTrue(mapping.duplicates.isEmpty, file)
            mapped.append(CanonicalField.allCases.map { field in mapping.fields[field].map { "\(field.rawValue)@\($0.column)" } ?? "-" })
        }
        XCTAssertEqual(mapped.first, mapped.last, "both files map the same fields to the same columns")
    }
}
