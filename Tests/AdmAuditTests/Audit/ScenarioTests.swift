import Foundation
import XCTest
@testable import AdmAudit

/// The five press-case scenarios (fixtures/scenarios) and the planted-violation export
/// (fixtures/planted) end to end through the library, each with its own pipeline file.
///
/// For every check of the catalogue the test compares the set of flagged decision ids
/// (for the run-wide HR-03 and DQ-02, the finding's subject) with the set written down in
/// the fixture's EXPECTED.md, so a missing finding and an unexpected extra one both fail.
/// It also compares which findings are "not recorded", which checks ran at all (a
/// check with no legal basis in the pipeline's jurisdictions does not run), and that every
/// row was accepted (a rejected row would silently drop a decision from the evidence).
final class ScenarioTests: XCTestCase {
    /// The check catalogue admaudit promises (README, `Check` stage). Every one must be registered.
    static let catalogue = [
        "HR-01", "HR-02", "HR-03", "EX-01", "AP-01", "AP-02", "AP-03", "AP-04", "AP-05",
        "DM-01", "DM-02", "DM-03", "DC-01", "LC-01", "LC-02", "NT-01", "RC-01", "DQ-01", "DQ-02", "DQ-03", "DQ-04",
    ]
    /// The checks with a basis in CN law: every one (the contest checks AP-01, AP-03,
    /// AP-04 and AP-05 through readings of PIPL Art. 24 and 50).
    static let chineseChecks = Set(catalogue)

    private struct Expected {
        var rows: Int
        /// Check id → flagged decision ids (or subjects for run-wide checks). Absent: none.
        var flagged: [String: Set<String>]
        /// Check id → the flagged ids whose finding is "not recorded". Absent: none.
        var notRecorded: [String: Set<String>] = [:]
        var checksRun: Set<String> = Set(ScenarioTests.catalogue)
    }

    private func audit(_ csv: String, _ yaml: String) throws -> (AuditResult, MemorySink) {
        let pipeline = try PipelineLoader.load(path: TestSupport.fixture(yaml))
        return try TestSupport.audit([TestSupport.fixture(csv)], pipeline: pipeline)
    }

    /// The key a finding is listed under in EXPECTED.md: the decision id, or the subject
    /// for findings about the run (HR-03 reviewers, DQ-02 type / attribute pairs).
    private static func key(_ finding: WordedFinding) -> String {
        finding.decisionID.isEmpty ? finding.subject : finding.decisionID
    }

    private func assertOutcome(_ name: String, _ result: AuditResult, _ sink: MemorySink, _ expected: Expected,
                               file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(result.totalRead, expected.rows, "\(name): rows read", file: file, line: line)
        XCTAssertEqual(result.totalAccepted, expected.rows, "\(name): rows accepted", file: file, line: line)
        XCTAssertEqual(sink.rejects.map { "\($0.line) \($0.code.rawValue) \($0.reason)" }, [], "\(name): rejects", file: file, line: line)
        XCTAssertEqual(Set(result.checks.map(\.descriptor.id)), expected.checksRun, "\(name): checks run", file: file, line: line)

        var flagged: [String: [String]] = [:]
        var notRecorded: [String: Set<String>] = [:]
        for finding in sink.findings {
            flagged[finding.checkID, default: []].append(Self.key(finding))
            if finding.notRecorded { notRecorded[finding.checkID, default: []].insert(Self.key(finding)) }
        }
        let ids = Set(Self.catalogue).union(flagged.keys).union(expected.flagged.keys)
        for id in ids.sorted() {
            let found = flagged[id] ?? []
            XCTAssertEqual(Set(found), expected.flagged[id] ?? [], "\(name): \(id) flagged", file: file, line: line)
            XCTAssertEqual(found.count, Set(found).count, "\(name): \(id) flags a decision twice", file: file, line: line)
            XCTAssertEqual(notRecorded[id] ?? [], expected.notRecorded[id] ?? [], "\(name): \(id) not recorded", file: file, line: line)
            // The tally agrees with the findings handed to the sink.
            if let tally = result.checks.first(where: { $0.descriptor.id == id }) {
                XCTAssertEqual(tally.violations, found.count, "\(name): \(id) tally", file: file, line: line)
            }
        }
    }

    // MARK: (a) resignation propensity

    func testResignationPropensityScoringFromJobSiteVisits() throws {
        let (result, sink) = try audit("scenarios/resignation_propensity.csv", "scenarios/resignation_propensity.yaml")
        XCTAssertEqual(result.inputs.first?.encoding, .gb18030)
        let jobSites: Set = ["A01", "A02", "A03", "A04", "A05", "A06", "A07", "A10", "A11", "A12", "A13", "A14",
                             "A15", "A18", "A19", "A20"]
        let all = Set((1...21).map { String(format: "A%02d", $0) })
        assertOutcome("resignation_propensity", result, sink, Expected(
            rows: 21,
            flagged: ["DM-01": jobSites, "DM-03": all, "NT-01": ["A07", "A16"]],
            notRecorded: ["NT-01": ["A07", "A16"]],
            checksRun: Self.chineseChecks))

        // The bias: attrition_risk × sex, by hand from EXPECTED.md.
        let stratum = try XCTUnwrap(result.selection.first { $0.decisionType == .attritionRisk && $0.attribute == "sex" })
        XCTAssertEqual(stratum.decisions, 21)
        XCTAssertEqual(stratum.unknown, 1)  // A21, sex 未填写
        XCTAssertEqual(stratum.referenceGroup, "male")
        let female = try XCTUnwrap(stratum.groups.first { $0.group == "female" })
        let male = try XCTUnwrap(stratum.groups.first { $0.group == "male" })
        XCTAssertEqual(Set(stratum.groups.map(\.group)), ["female", "male"])
        XCTAssertEqual([female.n, female.favorable, male.n, male.favorable], [10, 4, 10, 8])
        // Women: 4 of 10 scored 低风险 (favourable): SR = 4/10 = 0.4.
        XCTAssertEqual(female.selectionRate, 4.0 / 10.0, accuracy: 1e-12)
        // Men: 8 of 10: SR = 8/10 = 0.8.
        XCTAssertEqual(male.selectionRate, 8.0 / 10.0, accuracy: 1e-12)
        // Impact ratio of women against men (the highest rate): (4/10) / (8/10) = 1/2.
        XCTAssertEqual(female.impactRatio.value ?? .nan, 0.5, accuracy: 1e-12)
        XCTAssertEqual(male.impactRatio.value ?? .nan, 1.0, accuracy: 1e-12)
        XCTAssertTrue(male.isReference)
        XCTAssertEqual(female.flag, .possibleAdverseImpact)
        XCTAssertEqual(male.flag, .none)
        // Flagged 高风险 (adverse) rates: women 6/10, men 2/10; ratio (6/10) / (2/10) = 3.
        XCTAssertEqual((1 - female.selectionRate) / (1 - male.selectionRate), 3.0, accuracy: 1e-12)
    }

    // MARK: (b) toilet breaks

    func testDismissalForToiletBreaksDuringMedicalTreatment() throws {
        let (result, sink) = try audit("scenarios/toilet_breaks.csv", "scenarios/toilet_breaks.yaml")
        assertOutcome("toilet_breaks", result, sink, Expected(
            rows: 8,
            flagged: [
                "HR-01": ["B03"], "AP-04": ["B03"], "LC-01": ["B03"], "LC-02": ["B03"],
                "RC-01": ["B01", "B02", "B03", "B07"],
            ]))
    }

    // MARK: (c) screenshot absence

    func testPayDockedFromScreenshotCountsWithoutExplanationOrAppeal() throws {
        let (result, sink) = try audit("scenarios/screenshot_absence.csv", "scenarios/screenshot_absence.yaml")
        let docked: Set = ["C01", "C02", "C04", "C05", "C06", "C07", "C09", "C10"]
        assertOutcome("screenshot_absence", result, sink, Expected(
            rows: 12,
            flagged: ["EX-01": docked, "AP-01": docked],
            notRecorded: ["EX-01": ["C04", "C09"], "AP-01": ["C06", "C09"]]))
    }

    // MARK: (d) seat cushions

    func testSeatCushionsCamerasAndARubberStampManager() throws {
        let (result, sink) = try audit("scenarios/seat_cushions.csv", "scenarios/seat_cushions.yaml")
        XCTAssertEqual(result.inputs.first?.encoding, .gb18030)
        assertOutcome("seat_cushions", result, sink, Expected(
            rows: 22,
            flagged: [
                // The pipeline reports in Chinese, so the run-wide finding's subject is too.
                "HR-03": ["复核人 M01"],
                "DM-01": ["D01", "D03", "D05", "D07", "D09", "D11", "D14", "D18"],
            ],
            checksRun: Self.chineseChecks))
        let hr03 = try XCTUnwrap(result.checks.first { $0.descriptor.id == "HR-03" })
        XCTAssertEqual(hr03.applicable, 2)  // M01 (12 reviews) and M02 (10) are judged
    }

    // MARK: (e) late chat

    func testDisciplineForNotAnsweringTheWorkChatAtNight() throws {
        let (result, sink) = try audit("scenarios/late_chat.csv", "scenarios/late_chat.yaml")
        assertOutcome("late_chat", result, sink, Expected(
            rows: 10,
            flagged: [
                "DC-01": ["E01", "E02", "E04", "E06", "E09"],
                "RC-01": ["E01", "E02", "E04", "E05", "E06"],
            ],
            checksRun: Self.chineseChecks))
    }

    // MARK: planted violations

    func testEveryCheckOfTheCatalogueIsRegistered() {
        let registered = Set(CheckRegistry.all.map(\.descriptor.id))
        XCTAssertEqual(Set(Self.catalogue).subtracting(registered), [], "checks of the catalogue missing from the registry")
    }

    func testPlantedViolationsAreFoundExactly() throws {
        let (result, sink) = try audit("planted/planted.csv", "planted/planted.yaml")
        assertOutcome("planted", result, sink, Expected(
            rows: 37,
            flagged: [
                "HR-01": ["P01", "P03"], "HR-02": ["P02"], "HR-03": ["reviewer RS1"],
                "EX-01": ["P04", "P05"], "AP-01": ["P06"], "AP-02": ["P07"], "AP-03": ["P08"], "AP-04": ["P09"],
                "AP-05": ["P22"], "DM-01": ["P10"], "DM-02": ["P11", "P23"], "DM-03": ["P12"], "DC-01": ["P13"],
                "LC-01": ["P14"], "LC-02": ["P15"], "NT-01": ["P16", "P21"], "RC-01": ["P17", "P23"],
                "DQ-01": ["P18"], "DQ-02": ["transfer / sex"], "DQ-03": ["P20"],
                "DQ-04": ["P20"],
            ],
            notRecorded: ["HR-01": ["P03"], "EX-01": ["P05"], "AP-03": ["P08"]]))

        // Each finding names its source line: row n of the file is on line n + 1 (no field spans lines).
        let text = try String(contentsOfFile: TestSupport.fixture("planted/planted.csv"), encoding: .utf8)
        let ids = text.split(separator: "\n").dropFirst().map { String($0.prefix { $0 != "," }) }
        for finding in sink.findings where !finding.decisionID.isEmpty {
            XCTAssertEqual(finding.line, (ids.firstIndex(of: finding.decisionID) ?? -2) + 2, "\(finding.checkID) \(finding.decisionID) line")
            XCTAssertTrue(finding.file.hasSuffix("planted/planted.csv"), finding.file)
        }
        XCTAssertEqual(sink.findings.first { $0.decisionID == "P23" }?.line, 24)

        // Applicable and unknown counts from planted/EXPECTED.md.
        let expected: [String: (applicable: Int, unknown: Int)] = [
            "HR-01": (28, 0), "HR-02": (26, 0), "HR-03": (2, 0), "EX-01": (28, 0), "AP-01": (28, 0),
            "AP-02": (6, 0), "AP-03": (6, 0), "AP-04": (4, 0), "AP-05": (5, 2),
            "DM-01": (35, 0), "DM-02": (36, 0), "DM-03": (35, 0), "DC-01": (33, 0),
            "LC-01": (7, 0), "LC-02": (10, 0), "NT-01": (35, 0), "RC-01": (33, 0),
            "DQ-01": (37, 0), "DQ-02": (10, 0), "DQ-03": (37, 0), "DQ-04": (3, 0),
        ]
        for (id, counts) in expected.sorted(by: { $0.key < $1.key }) {
            let tally = try XCTUnwrap(result.checks.first { $0.descriptor.id == id }, id)
            XCTAssertEqual(tally.applicable, counts.applicable, "\(id) applicable")
            XCTAssertEqual(tally.unknown, counts.unknown, "\(id) unknown")
        }
    }
}
