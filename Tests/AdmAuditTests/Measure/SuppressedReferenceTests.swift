import Foundation
import XCTest
@testable import AdmAudit

/// A group too small to be shown is never the reference: every ratio to it would give its
/// hidden rate away (an impact ratio and a shown rate give the reference's rate).
final class SuppressedReferenceTests: XCTestCase {
    /// x: 2 of 3 favourable; female 20 of 40; male 30 of 50.
    private func audit(reference: String?) throws -> SelectionStratum {
        let rows = [("x", 3, 2), ("female", 40, 20), ("male", 50, 30)].flatMap { group, n, favorable in
            (0..<n).map { i in (group, i < favorable) }
        }
        let csv = "decision_id,employee_id,decision_type,outcome,automated,sex\n" + rows.enumerated().map { i, row in
            "D\(i),E\(i),hiring,\(row.1 ? "favorable" : "adverse"),yes,\(row.0)"
        }.joined(separator: "\n") + "\n"
        var yaml = TestSupport.exactPipeline(attributes: ["sex: [sex]"]).replacingOccurrences(of: "suppress_below: 0", with: "suppress_below: 5")
        if let reference { yaml = yaml.replacingOccurrences(of: "bias:\n", with: "bias:\n  reference: {sex: \(reference)}\n") }
        let (result, _) = try TestSupport.audit(csv: csv, pipeline: yaml)
        return try XCTUnwrap(result.selection.first)
    }

    func testTheHighestRateGroupIsPassedOverWhenSuppressed() throws {
        let stratum = try audit(reference: nil)
        XCTAssertEqual(stratum.referenceGroup, "male", "x has the highest rate but is suppressed")
        XCTAssertTrue(stratum.groups.first { $0.group == "x" }!.suppressed)
    }

    func testANamedSuppressedReferenceLeavesEveryRatioUndefined() throws {
        let stratum = try audit(reference: "x")
        XCTAssertNil(stratum.referenceGroup)
        for group in stratum.groups {
            XCTAssertNil(group.impactRatio.value, group.group)
            XCTAssertNil(group.adverseRateRatio.value, group.group)
            XCTAssertNil(group.impactRatioInterval, group.group)
        }
        guard case .undefined(let reason) = stratum.groups[0].impactRatio else { return XCTFail() }
        XCTAssertEqual(reason.code, "named_reference_suppressed")
        let words = ReportText(language: .en).reason(reason)
        XCTAssertTrue(words.contains("report.suppress_below"), words)
    }
}
