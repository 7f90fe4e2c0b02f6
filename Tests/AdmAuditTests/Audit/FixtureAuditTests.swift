import Foundation
import XCTest
@testable import AdmAudit

/// The bundled fixtures end to end through the library: every malformed case, the
/// sample against its hand-computed expectations, and the English and Chinese exports
/// of the same decisions against each other.
final class FixtureAuditTests: XCTestCase {
    /// fixtures/malformed/EXPECTED.md, as data: file → (read, accepted, [line: reason]).
    private let malformed: [(String, Int, Int, [(Int, RejectCode)])] = [
        ("bom_crlf.csv", 5, 5, []),
        ("semicolon.csv", 5, 5, []),
        ("tab.tsv", 5, 5, []),
        ("pipe.csv", 5, 5, []),
        ("blank_lines.csv", 5, 4, [(9, .badTimestamp)]),
        ("no_final_newline.csv", 5, 5, []),
        ("quoted_newlines.csv", 6, 5, [(10, .unknownValue)]),
        ("unterminated_quote.csv", 6, 6, []),
        ("ragged.csv", 6, 4, [(3, .raggedRow), (5, .raggedRow)]),
        ("invalid_utf8.csv", 5, 4, [(4, .invalidEncoding)]),
        ("duplicates.csv", 7, 5, [(4, .duplicateID), (7, .duplicateID)]),
        ("bad_values.csv", 7, 3, [(3, .badTimestamp), (5, .badNumber), (6, .unknownValue), (7, .missingRequired)]),
        ("long_field.csv", 5, 4, [(4, .fieldTooLong)]),
        ("row_too_long.csv", 5, 4, [(3, .rowTooLong)]),
        ("gbk_auto.csv", 5, 5, []),
        ("utf16le.csv", 5, 5, []),
        ("cr_only.csv", 5, 5, []),
        ("empty.csv", 0, 0, []),
        ("header_only.csv", 0, 0, []),
    ]

    private func malformedPipeline() throws -> Pipeline {
        try TestSupport.pipeline(TestSupport.plainPipeline + "\ninput:\n  max_field_bytes: 65536\n  max_row_bytes: 100000\n")
    }

    func testEveryMalformedFixtureGivesItsWrittenDownOutcome() throws {
        let pipeline = try malformedPipeline()
        for (name, read, accepted, rejects) in malformed {
            let (result, sink) = try TestSupport.audit([TestSupport.fixture("malformed/" + name)], pipeline: pipeline)
            let input = try XCTUnwrap(result.inputs.first)
            XCTAssertEqual(input.rowsRead, read, name)
            XCTAssertEqual(input.accepted, accepted, name)
            XCTAssertEqual(input.rejected, rejects.count, name)
            XCTAssertTrue(input.reconciles, name)
            XCTAssertEqual(sink.rejects.map(\.line), rejects.map(\.0), name)
            XCTAssertEqual(sink.rejects.map(\.code), rejects.map(\.1), name)
            for reject in sink.rejects {
                XCTAssertFalse(reject.reason.isEmpty, name)
                XCTAssertTrue(reject.file.hasSuffix(name), name)
            }
        }
    }

    func testRejectsKeepTheOriginalFields() throws {
        let (_, sink) = try TestSupport.audit([TestSupport.fixture("malformed/bad_values.csv")], pipeline: malformedPipeline())
        let badNumber = try XCTUnwrap(sink.rejects.first { $0.code == .badNumber })
        XCTAssertTrue(badNumber.fields.contains("high"))
        XCTAssertEqual(badNumber.column, 5)
        // A quote left open over lines that are not rows: one reject, naming every line it swallowed.
        let csv = (try String(contentsOfFile: TestSupport.fixture("malformed/unterminated_quote.csv"), encoding: .utf8))
            .replacingOccurrences(of: "D006,", with: "D006 ") + "free text\n"
        let unterminated = try TestSupport.audit([TestSupport.temporaryFile(csv)], pipeline: malformedPipeline()).1.rejects
        XCTAssertEqual(unterminated.map(\.code), [.unterminatedQuote])
        XCTAssertTrue(unterminated.first?.reason.contains("lines 6–8") ?? false, unterminated.first?.reason ?? "")
    }

    func testEncodingsAndDelimitersAreDetected() throws {
        let pipeline = try malformedPipeline()
        let cases: [(String, InputEncoding, String)] = [
            ("gbk_auto.csv", .gb18030, ","), ("utf16le.csv", .utf16le, "\t"), ("bom_crlf.csv", .utf8, ","),
            ("semicolon.csv", .utf8, ";"), ("tab.tsv", .utf8, "\t"), ("pipe.csv", .utf8, "|"),
        ]
        for (name, encoding, delimiter) in cases {
            let (result, _) = try TestSupport.audit([TestSupport.fixture("malformed/" + name)], pipeline: pipeline)
            XCTAssertEqual(result.inputs.first?.encoding, encoding, name)
            XCTAssertEqual(result.inputs.first.map { String(UnicodeScalar($0.delimiter)) }, delimiter, name)
        }
    }

    // MARK: the sample

    private struct Expected: Decodable {
        struct Rows: Decodable { let read: Int; let accepted: Int; let rejected: Int }
        struct HR01: Decodable { let applicable: Int; let violations: [String]; let not_recorded: [String] }
        struct Cell: Decodable { let n: Int; let favorable: Int; let rate: Double; let impact_ratio: Double? }
        let rows: Rows
        let hr01: HR01
        let selection: [String: [String: [String: Cell]]]
        let source_lines: [String: Int]
    }

    private func expected() throws -> Expected {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestSupport.fixture("sample/expected.json")))
        return try JSONDecoder().decode(Expected.self, from: data)
    }

    private func samplePipeline() throws -> Pipeline {
        try TestSupport.pipeline(TestSupport.exactPipeline(
            attributes: ["sex: [sex, 性别]", "ethnicity: [ethnicity, 民族]", "age_band: [age_band, 年龄段]"],
            sections: "input:\n  time_zone: Asia/Shanghai"))
    }

    func testSampleMatchesTheHandComputedExpectations() throws {
        let expected = try expected()
        for file in ["sample/decisions_en.csv", "sample/decisions_zh_gb18030.csv"] {
            let (result, sink) = try TestSupport.audit([TestSupport.fixture(file)], pipeline: samplePipeline())
            XCTAssertEqual(result.totalRead, expected.rows.read, file)
            XCTAssertEqual(result.totalAccepted, expected.rows.accepted, file)
            XCTAssertEqual(result.totalRejected, expected.rows.rejected, file)
            let hr01 = try XCTUnwrap(result.checks.first { $0.descriptor.id == "HR-01" })
            XCTAssertEqual(hr01.applicable, expected.hr01.applicable, file)
            let hr01Findings = sink.findings.filter { $0.checkID == "HR-01" }
            XCTAssertEqual(hr01Findings.map(\.decisionID).sorted(), expected.hr01.violations, file)
            XCTAssertEqual(hr01Findings.filter(\.notRecorded).map(\.decisionID).sorted(), expected.hr01.not_recorded, file)
            for finding in sink.findings where !finding.decisionID.isEmpty {
                XCTAssertEqual(finding.line, expected.source_lines[finding.decisionID], "\(file) \(finding.decisionID)")
            }
            var compared = 0
            for (type, attributes) in expected.selection {
                for (attribute, groups) in attributes {
                    let stratum = try XCTUnwrap(result.selection.first { $0.decisionType.rawValue == type && $0.attribute == attribute }, "\(type) \(attribute)")
                    XCTAssertEqual(Set(stratum.groups.map(\.group)), Set(groups.keys), "\(file) \(type) \(attribute)")
                    for (label, cell) in groups {
                        let group = try XCTUnwrap(stratum.groups.first { $0.group == label })
                        XCTAssertEqual(group.n, cell.n)
                        XCTAssertEqual(group.favorable, cell.favorable)
                        XCTAssertEqual(group.selectionRate, cell.rate, accuracy: 1e-9)
                        if let ratio = cell.impact_ratio {
                            XCTAssertEqual(group.impactRatio.value ?? .nan, ratio, accuracy: 1e-9, "\(type) \(attribute) \(label)")
                        } else {
                            XCTAssertNil(group.impactRatio.value)
                        }
                        compared += 1
                    }
                }
            }
            XCTAssertGreaterThan(compared, 20)
        }
    }

    func testEnglishAndChineseExportsGiveTheSameFindingsAndStatistics() throws {
        let pipeline = try samplePipeline()
        let (english, englishSink) = try TestSupport.audit([TestSupport.fixture("sample/decisions_en.csv")], pipeline: pipeline)
        let (chinese, chineseSink) = try TestSupport.audit([TestSupport.fixture("sample/decisions_zh_gb18030.csv")], pipeline: pipeline)
        XCTAssertEqual(english.selection, chinese.selection)
        XCTAssertEqual(english.checks, chinese.checks)
        func comparable(_ f: WordedFinding) -> [String] {
            [f.decisionID, f.subject, f.checkID, f.decisionType?.rawValue ?? "", f.decidedAt, f.detail, String(f.notRecorded), String(f.line)]
        }
        XCTAssertEqual(englishSink.findings.map(comparable), chineseSink.findings.map(comparable))
        XCTAssertEqual(englishSink.findings.filter { $0.checkID == "HR-01" }.count, 10)
        XCTAssertGreaterThan(englishSink.findings.count, 10, "the other checks find more in the sample")
    }

    // MARK: real data (../shared/data)

    func testCOMPASSelectionRatesAgreeWithTheReference() throws {
        let path = TestSupport.sharedData("compas_for_aequitas.csv")
        try XCTSkipUnless(FileManager.default.fileExists(atPath: path), "../shared/data is not beside the clone")
        let pipeline = try PipelineLoader.load(path: TestSupport.fixture("pipelines/compas.yaml"))
        let (result, sink) = try TestSupport.audit([path], pipeline: pipeline)
        XCTAssertEqual(result.totalRead, 7214)
        XCTAssertEqual(result.totalAccepted, 7214)
        XCTAssertTrue(sink.rejects.isEmpty)
        XCTAssertEqual(result.inputs.first?.sha256, "91e245a5d267e082daf500443c4672a5cb00e089974d53527929fba0ab030580")
        struct Cell: Decodable { let n: Int; let favorable: Int; let selection_rate: Double; let impact_ratio: Double }
        let data = try Data(contentsOf: URL(fileURLWithPath: TestSupport.fixture("reference/compas_selection.json")))
        let reference = try JSONDecoder().decode([String: [String: Cell]].self, from: data)
        for (attribute, groups) in reference {
            let stratum = try XCTUnwrap(result.selection.first { $0.attribute == attribute })
            XCTAssertEqual(stratum.groups.count, groups.count)
            for (label, cell) in groups {
                let group = try XCTUnwrap(stratum.groups.first { $0.group == label }, label)
                XCTAssertEqual(group.n, cell.n)
                XCTAssertEqual(group.favorable, cell.favorable)
                XCTAssertEqual(group.selectionRate, cell.selection_rate, accuracy: 1e-9)
                XCTAssertEqual(group.impactRatio.value ?? .nan, cell.impact_ratio, accuracy: 1e-9)
            }
        }
    }

    func testNYCFileWithCRLFAndNoFinalNewlineReconciles() throws {
        let path = TestSupport.sharedData("nyc_sqf_for_aequitas_multi.csv")
        try XCTSkipUnless(FileManager.default.fileExists(atPath: path), "../shared/data is not beside the clone")
        // model_id repeats per model, so most rows are duplicates: the point is that every
        // one of the 11,296 data rows (11,297 lines, the last without a newline) is accounted for.
        let pipelineWithOutcome = try TestSupport.pipeline("""
        admaudit: 1
        input:
          default_decision_type: other
        columns:
          decision_id: [model_id]
          score: [score]
        derive:
          outcome: {adverse_if: score >= 1}
        attributes:
          race: [race]
          sex: [sex]
        """)
        let (result, sink) = try TestSupport.audit([path], pipeline: pipelineWithOutcome)
        let input = try XCTUnwrap(result.inputs.first)
        XCTAssertEqual(input.rowsRead, 11296)
        XCTAssertTrue(input.reconciles)
        XCTAssertEqual(input.lines, 11297)
        XCTAssertEqual(input.accepted + sink.rejects.count, 11296)
        XCTAssertEqual(sink.rejects.last?.line, 11297)
        XCTAssertEqual(sink.rejects.last?.code, .duplicateID)
        XCTAssertEqual(input.sha256, "3d25165a5fea2d4e8000dc9328cf675ad08a3febf90ea0ee0709f3abab2ff554")
    }
}
