import Foundation
import XCTest
@testable import AdmAudit

/// Intersectional groups: every combination its own group, however many components, and
/// labels that cannot be mistaken for one another.
final class IntersectionsTests: XCTestCase {
    func testFourComponentsKeepEveryCombination() throws {
        let csv = "decision_id,employee_id,decision_type,outcome,automated,a,b,c,d\n" + (0..<30).map { i in
            let a = ["x", "y", "z"][i / 10]
            return "D\(i),E\(i),hiring,\(a == "z" ? "adverse" : "favorable"),yes,\(a),b,c,d"
        }.joined(separator: "\n") + "\n"
        let yaml = TestSupport.exactPipeline(attributes: ["a: [a]", "b: [b]", "c: [c]", "d: [d]"])
            .replacingOccurrences(of: "bias:\n", with: "bias:\n  intersections: [[a, b, c, d]]\n")
        let (result, _) = try TestSupport.audit(csv: csv, pipeline: yaml)
        let stratum = try XCTUnwrap(result.selection.first { $0.attribute == "a × b × c × d" })
        XCTAssertEqual(stratum.groups.map(\.group), ["x × b × c × d", "y × b × c × d", "z × b × c × d"])
        XCTAssertEqual(stratum.groups.map(\.n), [10, 10, 10])
        XCTAssertEqual(stratum.groups.map(\.favorable), [10, 10, 0])
    }

    func testComponentLabelsHoldingTheSeparatorAreBracketed() throws {
        let csv = "decision_id,employee_id,decision_type,outcome,automated,sex,eth\n" + (0..<40).map { i in
            i < 20 ? "D\(i),E\(i),hiring,favorable,yes,a × b,c" : "D\(i),E\(i),hiring,\(i % 4 == 0 ? "favorable" : "adverse"),yes,a,b × c"
        }.joined(separator: "\n") + "\n"
        let yaml = TestSupport.exactPipeline(attributes: ["sex: [sex]", "eth: [eth]"])
            .replacingOccurrences(of: "bias:\n", with: "bias:\n  intersections: [[sex, eth]]\n")
        let (result, _) = try TestSupport.audit(csv: csv, pipeline: yaml)
        let stratum = try XCTUnwrap(result.selection.first { $0.attribute == "sex × eth" })
        XCTAssertEqual(stratum.groups.map(\.group), ["[a × b] × c", "a × [b × c]"])
        XCTAssertEqual(stratum.groups.filter(\.isReference).count, 1)
    }
}
