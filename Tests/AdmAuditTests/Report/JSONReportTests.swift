import Foundation
import XCTest
@testable import AdmAudit

/// What report.json says where a number is missing: the reason beside each undefined
/// statistic is the right one, and a suppressed group shows nothing but its label.
final class JSONReportTests: XCTestCase {
    /// `groups` as (label, decisions, favourable) → a CSV of hiring decisions by sex.
    private func csv(_ groups: [(String, Int, Int)]) -> String {
        var text = "decision_id,decision_type,outcome,sex\n"
        var id = 0
        for (label, n, favorable) in groups {
            for index in 0..<n {
                id += 1
                text += "D\(id),hiring,\(index < favorable ? "favorable" : "adverse"),\(label)\n"
            }
        }
        return text
    }

    /// The selection groups of the report's only stratum, by label.
    private func selectionGroups(_ csv: String, pipeline: String = TestSupport.plainPipeline) throws -> [String: JSONInstance] {
        let (result, _) = try TestSupport.audit(csv: csv, pipeline: pipeline)
        let report = try JSONInstance.parse(JSONReport.render(result))
        let groups = try XCTUnwrap(report["selection"]?[0]?["groups"]?.items)
        var byLabel: [String: JSONInstance] = [:]
        for group in groups {
            guard case .string(let label)? = group["group"] else { continue }
            byLabel[label] = group
        }
        return byLabel
    }

    private func reason(_ group: JSONInstance?, _ name: String) -> String? {
        if case .string(let text)? = group?[name + "_undefined_reason"] { return text }
        return nil
    }

    func testTheReferenceIsNotComparedWithItselfAndTheOthersAre() throws {
        let groups = try selectionGroups(csv([("female", 10, 5), ("male", 10, 9)]))
        let male = groups["male"], female = groups["female"]
        XCTAssertEqual(male?["is_reference"], .bool(true))
        for name in ["fisher_p", "z", "adjusted_p"] {
            XCTAssertEqual(male?[name], .null, name)
            XCTAssertEqual(reason(male, name), "the reference group is not compared with itself", name)
            XCTAssertEqual(female?[name]?.isNumber, true, name)
            XCTAssertNil(reason(female, name), name)
        }
        XCTAssertEqual(reason(female, "impact_ratio_bounds_with_unknowns"), "no decision has this attribute unknown")
        XCTAssertEqual(female?["impact_ratio_ci95"]?.items.count, 2)
    }

    func testWithoutAReferenceGroupEveryComparisonSaysSo() throws {
        let pipeline = TestSupport.plainPipeline.replacingOccurrences(of: "min_group_size: 1", with: "min_group_size: 50")
        let groups = try selectionGroups(csv([("female", 10, 5), ("male", 10, 9)]), pipeline: pipeline)
        for (label, group) in groups {
            XCTAssertTrue(reason(group, "impact_ratio")?.hasPrefix("no group has at least 50 decisions (bias.min_group_size)") ?? false, label)
            for name in ["impact_ratio_ci95", "fisher_p", "z", "adjusted_p"] {
                XCTAssertEqual(reason(group, name), "no reference group to compare with", "\(label) \(name)")
            }
        }
    }

    func testEveryoneSelectedLeavesZAndTheAdverseRatioUndefined() throws {
        let groups = try selectionGroups(csv([("female", 6, 6), ("male", 8, 8)]))
        let female = groups["female"]
        XCTAssertEqual(female?["fisher_p"], .number(1))
        XCTAssertEqual(reason(female, "z"), "the pooled selection rate of the group and the reference is 0 or 1: the z statistic is undefined")
        XCTAssertEqual(reason(female, "adverse_rate_ratio"), "the reference group's adverse rate is 0")
    }

    func testAGroupTooSmallToJudgeIsNotAmongTheAdjustedTests() throws {
        let pipeline = TestSupport.plainPipeline.replacingOccurrences(of: "min_group_size: 1", with: "min_group_size: 5")
        let groups = try selectionGroups(csv([("female", 3, 1), ("male", 10, 9)]), pipeline: pipeline)
        let female = groups["female"]
        XCTAssertEqual(female?["flag"], .string("insufficient_data"))
        XCTAssertEqual(female?["fisher_p"]?.isNumber, true)
        XCTAssertEqual(reason(female, "adjusted_p"), "too few decisions to judge (insufficient_data): not among the tests adjusted")
    }

    func testASuppressedGroupHasTheKeysOfAShownOneAndNoNumbers() throws {
        let pipeline = TestSupport.plainPipeline.replacingOccurrences(of: "suppress_below: 0", with: "suppress_below: 5")
        let csv = "decision_id,decision_type,outcome,score,decided_at,appeal_filed_at,appeal_result,sex\n"
            + (1...12).map { "D\($0),dismissal,\($0 % 3 == 0 ? "favorable" : "adverse"),0.\($0),2025-0\($0 % 2 + 1)-10 10:00,2025-03-01 10:00,\($0 % 2 == 0 ? "overturned" : "upheld"),\($0 <= 2 ? "female" : "male")" }
                .joined(separator: "\n") + "\n"
        let (result, _) = try TestSupport.audit(csv: csv, pipeline: pipeline)
        let report = try JSONInstance.parse(JSONReport.render(result))
        let tables: [(String, JSONInstance?)] = [
            ("selection", report["selection"]?[0]), ("scores", report["scores"]?[0]),
            ("appeal_outcomes", report["appeal_outcomes"]?[0]), ("drift_by_month", report["drift_by_month"]?[0]?["strata"]?[0]),
        ]
        for (table, stratum) in tables {
            let groups = try XCTUnwrap(stratum?["groups"]?.items, table)
            let hidden = try XCTUnwrap(groups.first { $0["group"] == .string("female") }, table)
            let shown = try XCTUnwrap(groups.first { $0["group"] == .string("male") }, table)
            guard case .object(let hiddenMembers) = hidden, case .object(let shownMembers) = shown else { return XCTFail(table) }
            XCTAssertEqual(hidden["suppressed"], .bool(true), table)
            XCTAssertEqual(Set(hiddenMembers.keys), Set(shownMembers.keys.filter { !$0.hasSuffix("_undefined_reason") }), table)
            let kept: Set = ["group", "suppressed", "is_reference", "flag"]
            for (key, value) in hiddenMembers where !kept.contains(key) {
                XCTAssertEqual(value, .null, "\(table) \(key)")
            }
        }
    }
}
