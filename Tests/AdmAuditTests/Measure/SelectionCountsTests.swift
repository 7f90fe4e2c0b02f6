import XCTest
@testable import AdmAudit

/// Selection rates, impact ratios and flags on small hand-checked exports.
final class SelectionCountsTests: XCTestCase {
    private let header = "decision_id,decision_type,outcome,sex\n"

    private func rows(_ type: String, _ sex: String, favorable: Int, adverse: Int, start: Int) -> String {
        var out = ""
        for i in 0..<(favorable + adverse) {
            out += "D\(start + i),\(type),\(i < favorable ? "favorable" : "adverse"),\(sex)\n"
        }
        return out
    }

    private func stratum(_ csv: String, pipeline: String = TestSupport.plainPipeline, type: DecisionType = .hiring) throws -> SelectionStratum {
        let (result, _) = try TestSupport.audit(csv: header + csv, pipeline: pipeline)
        return try XCTUnwrap(result.selection.first { $0.decisionType == type && $0.attribute == "sex" })
    }

    func testRatesAndRatiosAgainstTheHighestGroup() throws {
        let s = try stratum(rows("hiring", "female", favorable: 3, adverse: 5, start: 0) + rows("hiring", "male", favorable: 5, adverse: 1, start: 100))
        XCTAssertEqual(s.referenceGroup, "male")
        let female = try XCTUnwrap(s.groups.first { $0.group == "female" })
        XCTAssertEqual(female.n, 8)
        XCTAssertEqual(female.favorable, 3)
        XCTAssertEqual(female.selectionRate, 3.0 / 8.0, accuracy: 1e-12)
        XCTAssertEqual(female.impactRatio.value!, (3.0 / 8.0) / (5.0 / 6.0), accuracy: 1e-12)
        XCTAssertEqual(female.flag, .possibleAdverseImpact)
        let male = try XCTUnwrap(s.groups.first { $0.group == "male" })
        XCTAssertTrue(male.isReference)
        XCTAssertEqual(male.impactRatio, .value(1))
        XCTAssertEqual(male.flag, .none)
    }

    func testZeroReferenceRateMakesRatiosUndefinedNotNaN() throws {
        let s = try stratum(rows("hiring", "female", favorable: 0, adverse: 3, start: 0) + rows("hiring", "male", favorable: 0, adverse: 4, start: 100))
        for group in s.groups {
            guard case .undefined(let reason) = group.impactRatio else { return XCTFail("ratio should be undefined") }
            XCTAssertEqual(reason, .referenceRateZero)
            XCTAssertEqual(group.flag, .undefined)
        }
    }

    func testUnknownAttributeIsCountedApartAndNotInRatios() throws {
        let s = try stratum(rows("hiring", "female", favorable: 2, adverse: 2, start: 0) + rows("hiring", "", favorable: 3, adverse: 0, start: 50)
            + rows("hiring", "unknown", favorable: 1, adverse: 0, start: 70))
        XCTAssertEqual(s.unknown, 4)
        XCTAssertEqual(s.groups.map(\.group), ["female"])
        XCTAssertEqual(s.decisions, 8)
    }

    func testMinimumGroupSizeKeepsTinyGroupsFromBeingTheReference() throws {
        let pipeline = TestSupport.plainPipeline.replacingOccurrences(of: "min_group_size: 1", with: "min_group_size: 5")
        let s = try stratum(rows("hiring", "female", favorable: 3, adverse: 3, start: 0) + rows("hiring", "male", favorable: 1, adverse: 0, start: 100), pipeline: pipeline)
        XCTAssertEqual(s.referenceGroup, "female")
        XCTAssertEqual(s.groups.first { $0.group == "male" }?.flag, .insufficientData)
    }

    func testNamedReferenceGroup() throws {
        let pipeline = TestSupport.plainPipeline.replacingOccurrences(
            of: "exclusion_share: 0", with: "exclusion_share: 0\n  reference: {sex: female}")
        let s = try stratum(rows("hiring", "female", favorable: 2, adverse: 2, start: 0) + rows("hiring", "male", favorable: 1, adverse: 3, start: 100),
                            pipeline: pipeline)
        XCTAssertEqual(s.referenceGroup, "female")
        XCTAssertEqual(s.groups.first { $0.group == "male" }?.impactRatio.value ?? -1, 0.5, accuracy: 1e-12)
    }

    func testSmallCellsAreSuppressed() throws {
        let pipeline = TestSupport.plainPipeline.replacingOccurrences(of: "suppress_below: 0", with: "suppress_below: 5")
        let s = try stratum(rows("hiring", "female", favorable: 1, adverse: 2, start: 0) + rows("hiring", "male", favorable: 3, adverse: 3, start: 100), pipeline: pipeline)
        XCTAssertEqual(s.groups.first { $0.group == "female" }?.suppressed, true)
        XCTAssertEqual(s.groups.first { $0.group == "male" }?.suppressed, false)
    }

    func testDecisionTypesAreNeverMixed() throws {
        let (result, _) = try TestSupport.audit(csv: header + rows("hiring", "female", favorable: 1, adverse: 1, start: 0) + rows("dismissal", "female", favorable: 0, adverse: 2, start: 10))
        XCTAssertEqual(Set(result.selection.map(\.decisionType)), [.hiring, .dismissal])
        XCTAssertEqual(result.selection.first { $0.decisionType == .dismissal }?.groups.first?.n, 2)
    }

    func testSplittingTheInputAcrossFilesGivesTheSameStatistics() throws {
        let all = rows("hiring", "female", favorable: 3, adverse: 5, start: 0) + rows("hiring", "male", favorable: 5, adverse: 1, start: 100)
        let (whole, _) = try TestSupport.audit(csv: header + all)
        let lines = all.split(separator: "\n")
        let pipeline = try TestSupport.pipeline(TestSupport.plainPipeline)
        let first = TestSupport.temporaryFile(header + lines[..<5].joined(separator: "\n") + "\n")
        let second = TestSupport.temporaryFile(header + lines[5...].joined(separator: "\n") + "\n")
        let (split, _) = try TestSupport.audit([first, second], pipeline: pipeline)
        XCTAssertEqual(whole.selection, split.selection)
    }
}
