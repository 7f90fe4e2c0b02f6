import Foundation
import XCTest

/// Bounds, fingerprints and merge, against the built binary: each hostile file of
/// `fixtures/hostile/` named in docs/hostile-exports.md ("Bounds, fingerprints and merge")
/// gives its documented outcome. Large inputs are written by the tests themselves.
final class HostileBoundsTests: BinaryTestCase {
    private func admaudit(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        try AdmAuditBinary.run(arguments, in: work)
    }

    private func path(_ relative: String) -> String { AdmAuditBinary.root.appendingPathComponent(relative).path }

    private func write(_ text: String, _ name: String) throws -> String {
        let url = work.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    private func timed<T>(_ body: () throws -> T) rethrows -> (T, TimeInterval) {
        let started = Date()
        let result = try body()
        return (result, Date().timeIntervalSince(started))
    }

    // MARK: Distinct values

    /// Past `input.max_distinct_values`, values share one labelled group: every row is
    /// still counted, and a warning names the attribute and the limit.
    func testValuesPastTheLimitAreCountedInOneGroupWithAWarning() throws {
        let result = try admaudit(["run", "-p", path("fixtures/hostile/distinct-values-overflow.yaml"), "-o", "out",
                                   path("fixtures/hostile/distinct-values-overflow.csv")])
        XCTAssertEqual(result.status, 0, result.err)
        XCTAssertTrue(result.err.contains("40 rows read = 40 accepted"), result.err)
        let report = try AdmAuditBinary.json(work.appendingPathComponent("out/report.json").path)
        let diagnostics = try XCTUnwrap(report["diagnostics"] as? [[String: Any]])
        let warning = try XCTUnwrap(diagnostics.first { $0["code"] as? String == "distinct_values_over_limit" })
        XCTAssertEqual(warning["level"] as? String, "warning")
        let values = try XCTUnwrap(warning["values"] as? [String: Any])
        XCTAssertEqual(values["attribute"] as? String, "sex")
        XCTAssertEqual(values["limit"] as? Int, 3)
        XCTAssertEqual(values["rows"] as? Int, 12)
        XCTAssertTrue(result.err.contains("attribute 'sex' has more than 3 distinct values"), result.err)
        XCTAssertTrue(result.err.contains("the 12 decision(s)"), result.err)
        let selection = try XCTUnwrap(report["selection"] as? [[String: Any]])
        let sex = try XCTUnwrap(selection.first { $0["attribute"] as? String == "sex" })
        let groups = try XCTUnwrap(sex["groups"] as? [[String: Any]])
        let overflow = try XCTUnwrap(groups.first { $0["group"] as? String == "[values beyond the first 3]" })
        XCTAssertEqual(overflow["n"] as? Int, 12)
        XCTAssertEqual(groups.reduce(0) { $0 + ($1["n"] as? Int ?? 0) }, 40, "no row is dropped")
    }

    /// 20,000 distinct values in one attribute, with scores, unknowns and strata: bounded
    /// groups and no work quadratic in them (a thousand groups with unknowns took minutes).
    func testTwentyThousandDistinctValuesFinishQuickly() throws {
        var csv = "decision_id,employee_id,decision_type,outcome,score,automated,decided_at,sex,site\n"
        for i in 0..<40_000 {
            let sex = i % 50 == 0 ? "unknown" : "s\(i % 20_000)"
            csv += "D\(i),E\(i),dismissal,\(i % 7 < 2 ? "adverse" : "favorable"),0.\(i % 97),yes,2025-\(1 + i % 12 < 10 ? "0" : "")\(1 + i % 12)-0\(1 + i % 9) 10:00,\(sex),site\(i % 5)\n"
        }
        let input = try write(csv, "distinct.csv")
        let pipeline = try write("admaudit: 1\nname: distinct\nattributes:\n  sex: [sex]\n  site: [site]\nbias:\n  by: [month, site]\nreport:\n  suppress_below: 0\n", "distinct.yaml")
        let (result, seconds) = try timed { try admaudit(["run", "-p", pipeline, "-o", "out", input]) }
        XCTAssertEqual(result.status, 0, result.err)
        XCTAssertLessThan(seconds, 120, "the run took \(seconds) s")
        let report = try AdmAuditBinary.json(work.appendingPathComponent("out/report.json").path)
        let selection = try XCTUnwrap(report["selection"] as? [[String: Any]])
        let sex = try XCTUnwrap(selection.first { $0["attribute"] as? String == "sex" })
        let groups = try XCTUnwrap(sex["groups"] as? [[String: Any]])
        XCTAssertLessThanOrEqual(groups.count, 1000 + 1 + 10, "the data's values, the overflow group and the built-in groups")
        XCTAssertEqual(groups.reduce(0) { $0 + ($1["n"] as? Int ?? 0) } + (sex["unknown"] as? Int ?? 0), 40_000)
        XCTAssertTrue(result.err.contains("more than 1000 distinct values"), result.err)
    }

    // MARK: Pipeline files

    /// An integer past its range is an error naming the file, line and column, not a crash.
    func testAHugeIntegerSettingIsAnErrorAtItsPosition() throws {
        let file = path("fixtures/hostile/huge-integer-setting.yaml")
        let result = try admaudit(["run", "-p", file, "-o", "out", path("fixtures/hostile/distinct-values-overflow.csv")])
        XCTAssertEqual(result.status, 2, result.err)
        XCTAssertTrue(result.err.contains("huge-integer-setting.yaml:5:20"), result.err)
        XCTAssertTrue(result.err.contains("input.max_field_bytes must be a whole number from 1 to 16777216"), result.err)
        XCTAssertFalse(result.err.contains("Backtrace") || result.err.contains("Fatal error"), result.err)
    }

    /// Anchors and aliases are refused at once: an alias as a mapping key hung the loader,
    /// and a billion laughs would compose a billion nodes.
    func testAnchorsAndAliasesAreRefusedAtOnce() throws {
        for (name, position, what) in [("yaml-alias-key.yaml", ":6:6", "anchor (&a)"), ("yaml-billion-laughs.yaml", ":5:6", "anchor (&a)")] {
            let (result, seconds) = try timed {
                try admaudit(["run", "-p", path("fixtures/hostile/\(name)"), "-o", "out", path("fixtures/hostile/distinct-values-overflow.csv")])
            }
            XCTAssertEqual(result.status, 2, "\(name): \(result.err)")
            XCTAssertTrue(result.err.contains(name + position), result.err)
            XCTAssertTrue(result.err.contains(what) && result.err.contains("not allowed"), result.err)
            XCTAssertLessThan(seconds, 10, name)
        }
    }

    func testAPipelineFileOverOneMebibyteIsRefused() throws {
        let big = try write("admaudit: 1\nname: big\ndescription: " + String(repeating: "x", count: 1 << 20) + "\n", "big.yaml")
        let result = try admaudit(["run", "-p", big, "-o", "out", path("fixtures/hostile/distinct-values-overflow.csv")])
        XCTAssertEqual(result.status, 2, result.err)
        XCTAssertTrue(result.err.contains("larger than 1024 KiB"), result.err)
    }

    /// A header wider than `input.max_columns` stops the run with the count and the setting.
    func testAHeaderWithTooManyColumnsIsAnError() throws {
        let pipeline = try write("admaudit: 1\nname: columns\n", "columns.yaml")
        let result = try admaudit(["run", "-p", pipeline, "-o", "out", path("fixtures/hostile/too-many-columns.csv")])
        XCTAssertEqual(result.status, 3, result.err)
        XCTAssertTrue(result.err.contains("the header has 1103 columns; at most 1024 are read (input.max_columns)"), result.err)
        let wider = try write("admaudit: 1\nname: columns\ninput:\n  max_columns: 2000\n", "wider.yaml")
        XCTAssertEqual(try admaudit(["run", "-p", wider, "-o", "wide", path("fixtures/hostile/too-many-columns.csv")]).status, 0)
    }

    // MARK: Fingerprints

    /// Two ids chosen so that FNV-1a gives them one hash: the second is a decision of its
    /// own (a violation), not a "duplicate" of the first.
    func testIdsCollidingUnderAnUnkeyedHashAreTwoDecisions() throws {
        let pipeline = try write("admaudit: 1\nname: ids\n", "ids.yaml")
        let result = try admaudit(["run", "-p", pipeline, "-o", "out", "--as-of", "2025-06-30", path("fixtures/hostile/fnv-colliding-ids.csv")])
        XCTAssertTrue([0, 1].contains(result.status), result.err)
        XCTAssertTrue(result.err.contains("2 rows read = 2 accepted + 0 rejected"), result.err)
        let rejects = try AdmAuditBinary.csv(work.appendingPathComponent("out/rejects.csv").path)
        XCTAssertEqual(rejects.count, 1, "the header only: \(rejects)")
    }

    // MARK: Merge

    /// A shard's state with its input counts inflated (and its content hash computed
    /// again), and the same shard under another input hash: merge refuses both, naming the
    /// file and what disagrees.
    func testMergeRefusesForgedStates() throws {
        let pipeline = path("fixtures/shards/shards.yaml")
        let shard = try admaudit(["run", "--save-state", "-p", pipeline, "-o", "shard", "--as-of", "2025-07-31", path("fixtures/shards/shard_3.csv")])
        XCTAssertEqual(shard.status, 0, shard.err)
        for (name, message) in [
            ("merge-inflated-counts.json", "its statistics count 200 decisions, its inputs 205 accepted rows"),
            ("merge-same-shard-renamed.json", "identical, count for count, to those of shard/state.json"),
        ] {
            let result = try admaudit(["merge", "-p", pipeline, "-o", "merged-\(name)", "shard/state.json", path("fixtures/hostile/\(name)")])
            XCTAssertEqual(result.status, name.contains("inflated") ? 3 : 2, "\(name): \(result.err)")
            XCTAssertTrue(result.err.contains(name), result.err)
            XCTAssertTrue(result.err.contains(message), "\(name): \(result.err)")
        }
        // Edited by hand, without sealing it again: its content hash gives it away.
        var text = try String(contentsOfFile: work.appendingPathComponent("shard/state.json").path, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"accepted\":200", with: "\"accepted\":205")
        let edited = try write(text, "edited.json")
        let result = try admaudit(["merge", "-p", pipeline, "-o", "merged-edited", edited])
        XCTAssertEqual(result.status, 3, result.err)
        XCTAssertTrue(result.err.contains("changed after it was written"), result.err)
    }
}
