import Foundation
import XCTest

/// Exports in which every row is a sanction that stood (`fixtures/ladder/`, written by
/// `make_ladder.py`): through `init` and `run` with no edit, the pooled stratum of the
/// sanctions flags the group that got the harshest one, with the numbers the script computed
/// from the rows a second way (scipy), rates and ratios to 1e-9 and p to 1e-6.
final class SanctionLadderExportTests: BinaryTestCase {
    private func admaudit(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        try AdmAuditBinary.run(arguments, in: work)
    }

    func testEachExportFlagsTheGroupGivenTheHarshestSanction() throws {
        let folder = AdmAuditBinary.root.appendingPathComponent("fixtures/ladder")
        let reference = try AdmAuditBinary.json(folder.appendingPathComponent("reference.json").path)
        XCTAssertEqual(reference.keys.sorted(), ["couriers.csv", "kouf.csv"])
        for (name, expected) in reference {
            let expected = try XCTUnwrap(expected as? [String: Any])
            let export = folder.appendingPathComponent(name).path
            let proposed = try admaudit(["init", export])
            XCTAssertEqual(proposed.status, 0, "\(name): \(proposed.err)")
            let pipeline = work.appendingPathComponent(name + ".yaml").path
            try proposed.out.write(toFile: pipeline, atomically: true, encoding: .utf8)
            let out = work.appendingPathComponent(name + "-out").path
            let run = try admaudit(["run", "-p", pipeline, "-o", out, "--as-of", "2026-11-30", export])
            XCTAssertEqual(run.status, 0, "\(name): \(run.err)")
            // The summary names the group as the export spells it, and in a Chinese run the
            // attribute by the export's header too; report.json keeps the label.
            let spelled = name == "kouf.csv" ? "性别 = 女" : "sex = Woman"
            XCTAssertTrue(run.err.contains(spelled), "\(name): the summary names the group\n\(run.err)")

            let report = try AdmAuditBinary.json(out + "/report.json")
            let strata = try XCTUnwrap(report["selection"] as? [[String: Any]])
            let pooled = try XCTUnwrap(strata.first { $0["ladder"] != nil && $0["attribute"] as? String == "sex" }, name)
            let ladder = try XCTUnwrap(pooled["ladder"] as? [String: Any])
            let expectedLadder = try XCTUnwrap(expected["ladder"] as? [String: Any])
            XCTAssertEqual(ladder["harshest"] as? String, expectedLadder["harshest"] as? String, name)
            XCTAssertEqual(ladder["lighter"] as? [String], expectedLadder["lighter"] as? [String], name)
            XCTAssertEqual(pooled["decision_type"] as? String, expectedLadder["harshest"] as? String, name)
            XCTAssertEqual(pooled["reference_group"] as? String, expected["reference_group"] as? String, name)

            let groups = try XCTUnwrap(pooled["groups"] as? [[String: Any]])
            let expectedGroups = try XCTUnwrap(expected["groups"] as? [String: [String: Any]])
            XCTAssertEqual(Set(groups.compactMap { $0["group"] as? String }), Set(expectedGroups.keys), name)
            for group in groups {
                let label = try XCTUnwrap(group["group"] as? String)
                let want = try XCTUnwrap(expectedGroups[label])
                let what = "\(name) \(label)"
                XCTAssertEqual(group["n"] as? Int, want["n"] as? Int, what)
                XCTAssertEqual(group["favorable"] as? Int, want["favorable"] as? Int, what)
                for key in ["selection_rate", "impact_ratio", "adverse_rate_ratio"] {
                    XCTAssertEqual(try number(group[key]), try number(want[key]), accuracy: 1e-9, "\(what) \(key)")
                }
                for key in ["selection_rate_ci95", "impact_ratio_ci95"] {
                    let got = try XCTUnwrap(group[key] as? [Double], "\(what) \(key)")
                    let wanted = try XCTUnwrap(want[key] as? [Double], "\(what) \(key)")
                    XCTAssertEqual(got.count, 2)
                    for i in 0..<2 { XCTAssertEqual(got[i], wanted[i], accuracy: 1e-9, "\(what) \(key)") }
                }
                if let p = want["fisher_p"] {
                    XCTAssertEqual(try number(group["fisher_p"]), try number(p), accuracy: 1e-6, "\(what) fisher_p")
                    XCTAssertEqual(group["flag"] as? String, "adverse_impact", what)
                } else {
                    XCTAssertEqual(group["is_reference"] as? Bool, true, what)
                }
            }
        }
    }

    private func number(_ value: Any?) throws -> Double {
        if let value = value as? Double { return value }
        if let value = value as? Int { return Double(value) }
        return try XCTUnwrap(nil as Double?, "not a number: \(String(describing: value))")
    }
}
