import Foundation
import XCTest

/// The inspector's path on the employer exports of `fixtures/exports` (see its README): each
/// export, as its HR system wrote it, goes through `admaudit init` and `admaudit run` with no
/// edit, and must give exactly the findings a careful auditor wrote down by hand
/// (`expected.csv`), the accepted and rejected rows (`case.yaml`), the report language, and
/// the groups' counts (`expected_groups.csv`). `admaudit run` without a pipeline must give
/// the same findings as `init` then `run -p`.
final class ExportAuditTests: BinaryTestCase {
    private static let root = AdmAuditBinary.root
    private static let exports = root.appendingPathComponent("fixtures/exports")

    private func admaudit(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        try AdmAuditBinary.run(arguments, in: work)
    }

    private struct Case {
        let name: String
        let export: URL
        let asOf: String
        let language: String
        let accepted: Int
        let rejected: Int
    }

    private func cases() throws -> [Case] {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.exports.path).filter { $0.first?.isNumber == true }.sorted()
        return try folders.map { name in
            let folder = Self.exports.appendingPathComponent(name)
            let facts = try String(contentsOf: folder.appendingPathComponent("case.yaml"), encoding: .utf8)
            var values: [String: String] = [:]
            for line in facts.split(separator: "\n") where line.contains(":") && !line.hasPrefix("#") {
                let parts = line.split(separator: ":", maxSplits: 1)
                values[parts[0].trimmingCharacters(in: .whitespaces)] = parts[1].split(separator: "#").first?.trimmingCharacters(in: .whitespaces)
            }
            let export = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix("export.") })
            return Case(name: name, export: folder.appendingPathComponent(export), asOf: try XCTUnwrap(values["as_of"]),
                        language: try XCTUnwrap(values["language"]), accepted: Int(values["accepted"] ?? "") ?? -1,
                        rejected: Int(values["rejected"] ?? "") ?? -1)
        }
    }

    func testEveryExportIsAuditedRightWithNoEdit() throws {
        let all = try cases()
        XCTAssertGreaterThanOrEqual(all.count, 15)
        for export in all {
            try audit(export)
        }
    }

    private func audit(_ export: Case) throws {
        let name = export.name
        let initResult = try admaudit(["init", export.export.path])
        XCTAssertEqual(initResult.status, 0, "\(name): \(initResult.err)")
        let pipeline = work.appendingPathComponent("\(name).yaml")
        try initResult.out.write(to: pipeline, atomically: true, encoding: .utf8)

        let folder = work.appendingPathComponent(name).path
        let run = try admaudit(["run", "-p", pipeline.path, "-o", folder, "--as-of", export.asOf, export.export.path])
        XCTAssertEqual(run.status, 0, "\(name): \(run.err)")
        let findings = try Self.findingKeys(folder + "/findings.csv")
        let expected = try Self.expectedKeys(Self.exports.appendingPathComponent(name).appendingPathComponent("expected.csv").path)
        XCTAssertEqual(findings.subtracting(expected).sorted(), [], "\(name): findings no auditor expects")
        XCTAssertEqual(expected.subtracting(findings).sorted(), [], "\(name): findings missed")

        let report = try Self.json(folder + "/report.json")
        XCTAssertEqual(report["language"] as? String, export.language, name)
        let input = try XCTUnwrap((report["inputs"] as? [[String: Any]])?.first, name)
        XCTAssertEqual(input["accepted"] as? Int, export.accepted, "\(name): accepted rows")
        XCTAssertEqual(input["rejected"] as? Int, export.rejected, "\(name): rejected rows")
        try compareGroups(report, name: name)

        // The one command: no pipeline given, the same pipeline inferred, written beside the report, the same findings.
        let oneCommand = work.appendingPathComponent(name + "-direct").path
        let direct = try admaudit(["run", "-o", oneCommand, "--as-of", export.asOf, export.export.path])
        XCTAssertEqual(direct.status, 0, "\(name): \(direct.err)")
        XCTAssertEqual(try Self.findingKeys(oneCommand + "/findings.csv"), findings, "\(name): run without -p")
        XCTAssertEqual(try String(contentsOfFile: oneCommand + "/pipeline.yaml", encoding: .utf8), initResult.out, name)
        let directReport = try Self.json(oneCommand + "/report.json")
        XCTAssertEqual((directReport["pipeline"] as? [String: Any])?["inferred_from"] as? String, export.export.path, name)
    }

    /// `expected_groups.csv`: per decision type, attribute and group, the accepted records and
    /// the favourable ones. Group names are matched loosely (`black` names `Black or African
    /// American (Not Hispanic or Latino)`, `two_or_more_races` names `Two or More Races`).
    private func compareGroups(_ report: [String: Any], name: String) throws {
        let path = Self.exports.appendingPathComponent(name).appendingPathComponent("expected_groups.csv").path
        guard FileManager.default.fileExists(atPath: path) else { return }
        let strata = (report["selection"] as? [[String: Any]]) ?? []
        for row in try Self.csv(path).dropFirst() where row.count == 5 {
            let (type, attribute, group) = (row[0], row[1], row[2])
            let stratum = strata.first { $0["decision_type"] as? String == type && $0["attribute"] as? String == attribute }
            let groups = (stratum?["groups"] as? [[String: Any]]) ?? []
            let found = groups.first { Self.names($0["group"] as? String ?? "", group) }
            XCTAssertNotNil(found, "\(name): no group \(type) / \(attribute) = \(group)")
            // Small groups are suppressed (report.suppress_below 5): only that they are is shown.
            if found?["suppressed"] as? Bool == true {
                XCTAssertLessThan(Int(row[3]) ?? .max, 5, "\(name): \(type) / \(attribute) = \(group) suppressed")
                continue
            }
            XCTAssertEqual(found?["n"] as? Int, Int(row[3]), "\(name): \(type) / \(attribute) = \(group): records")
            XCTAssertEqual(found?["favorable"] as? Int, Int(row[4]), "\(name): \(type) / \(attribute) = \(group): favourable")
        }
    }

    private static func names(_ label: String, _ expected: String) -> Bool {
        let before = label.lowercased().split(separator: "(").first.map(String.init) ?? ""
        let words = before.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        return words.joined(separator: "_") == expected || words.first == expected
    }

    func testTheHostileExportSaysWhatItCouldNotSee() throws {
        let export = try XCTUnwrap(try cases().first { $0.name.contains("hostile") })
        let folder = work.appendingPathComponent("hostile").path
        let run = try admaudit(["run", "-o", folder, "--as-of", export.asOf, export.export.path])
        XCTAssertEqual(run.status, 0, run.err)
        XCTAssertTrue(run.err.contains("被拒收的行可能隐藏违规"), run.err)
        let report = try Self.json(folder + "/report.json")
        let input = try XCTUnwrap((report["inputs"] as? [[String: Any]])?.first)
        XCTAssertEqual(input["may_hide_violations"] as? Bool, true)
        XCTAssertGreaterThan(input["rejected_adverse"] as? Int ?? 0, 0)
        let markdown = try String(contentsOfFile: folder + "/report.md", encoding: .utf8)
        let summary = markdown.components(separatedBy: "## ").dropFirst().first ?? ""
        XCTAssertTrue(summary.contains("被拒收的行可能隐藏违规"), "the summary opens with the rejected rows")
        // The labour-inspection limit of 1 %: the reports are written, and the run exits 3.
        let limited = try admaudit(["run", "-o", folder + "-limited", "--max-rejected", "0.01", "--as-of", export.asOf, export.export.path])
        XCTAssertEqual(limited.status, 3, limited.err)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "-limited/report.md"))
    }

    // MARK: reading the outputs

    /// `check_id,key` of each finding: the decision id, the reviewer for HR-03, `type/attribute` for DQ-02.
    private static func findingKeys(_ path: String) throws -> Set<String> {
        let rows = try csv(path)
        guard let header = rows.first else { return [] }
        let id = header.firstIndex(of: "decision_id")!, subject = header.firstIndex(of: "subject")!, check = header.firstIndex(of: "check_id")!
        var keys = Set<String>()
        for row in rows.dropFirst() where row.count == header.count {
            var key = row[id]
            if row[check] == "HR-03" {
                key = row[subject].replacingOccurrences(of: "reviewer ", with: "").replacingOccurrences(of: "复核人 ", with: "")
            } else if key.isEmpty {
                key = row[subject].replacingOccurrences(of: " / ", with: "/")
            }
            keys.insert(row[check] + "," + key)
        }
        return keys
    }

    private static func expectedKeys(_ path: String) throws -> Set<String> {
        Set(try csv(path).dropFirst().filter { $0.count == 2 }.map { $0[0] + "," + $0[1] })
    }

    private static func json(_ path: String) throws -> [String: Any] { try AdmAuditBinary.json(path) }

    private static func csv(_ path: String) throws -> [[String]] { try AdmAuditBinary.csv(path) }
}
