import Foundation
import XCTest

/// The inspector's path on exports written by people who had not read admaudit's code
/// (`fixtures/unseen`, see its README): each goes through `admaudit init` and `admaudit run`
/// with no edit. For the checks whose violations its writer planted (`case.yaml`'s
/// `exact_checks`), the findings are exactly the planted ones (`planted.csv`, mapped from the
/// writer's `ANSWER.md`); the rows are all accounted for; the checks no rule of the export's
/// places calls for are named as not run; the groups the writer disadvantaged are flagged.
/// Each hostile copy (one row changed as an employer might) gives the same findings: a
/// look-alike or control character changes nothing, and the rows a stray quote merged are
/// read again line by line, with a warning that says so.
final class UnseenExportTests: BinaryTestCase {
    private static let unseen = AdmAuditBinary.root.appendingPathComponent("fixtures/unseen")

    /// `case.yaml`: `key: value` lines; lists are comma- or semicolon-separated.
    private struct Case {
        let name: String
        let folder: URL
        let facts: [String: String]

        func list(_ key: String, separator: Character = ",") -> [String] {
            (facts[key] ?? "").split(separator: separator).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    private func cases() throws -> [Case] {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.unseen.path).filter { $0.first?.isNumber == true }.sorted()
        return try names.map { name in
            let folder = Self.unseen.appendingPathComponent(name)
            var facts: [String: String] = [:]
            for line in try String(contentsOf: folder.appendingPathComponent("case.yaml"), encoding: .utf8).split(separator: "\n")
            where !line.hasPrefix("#") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                facts[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            return Case(name: name, folder: folder, facts: facts)
        }
    }

    /// `run -p` on `file` of the case: the findings as `check,decision_id`, the decision id and
    /// subject of each row of findings.csv in order, and report.json.
    private func audit(_ export: Case, file: String,
                       pipeline: URL) throws -> (findings: Set<String>, ids: [String], subjects: [String], report: [String: Any]) {
        let out = work.appendingPathComponent(export.name + "-" + pipeline.deletingPathExtension().lastPathComponent + "-" + file).path
        let run = try AdmAuditBinary.run(["run", "-p", pipeline.path, "-o", out, "--as-of", try XCTUnwrap(export.facts["as_of"]),
                                          export.folder.appendingPathComponent(file).path], in: work)
        XCTAssertEqual(run.status, 0, "\(export.name) \(file): \(run.err)")
        let rows = try AdmAuditBinary.csv(out + "/findings.csv")
        let header = try XCTUnwrap(rows.first)
        let check = try XCTUnwrap(header.firstIndex(of: "check_id")), id = try XCTUnwrap(header.firstIndex(of: "decision_id"))
        let subject = try XCTUnwrap(header.firstIndex(of: "subject"))
        let whole = rows.dropFirst().filter { $0.count == header.count }
        return (Set(whole.map { $0[check] + "," + $0[id] }), whole.map { $0[id] }, whole.map { $0[subject] },
                try AdmAuditBinary.json(out + "/report.json"))
    }

    /// Every group's decisions and favourable ones, by decision type and attribute.
    private static func groups(_ report: [String: Any]) -> [String] {
        (report["selection"] as? [[String: Any]] ?? []).flatMap { stratum in
            (stratum["groups"] as? [[String: Any]] ?? []).map { group in
                "\(stratum["decision_type"] ?? "") \(stratum["attribute"] ?? "") \(group["group"] ?? "") \(group["n"] ?? "-") \(group["favorable"] ?? "-")"
            }
        }.sorted()
    }

    func testEveryUnseenExportIsAuditedRightWithNoEdit() throws {
        let all = try cases()
        XCTAssertGreaterThanOrEqual(all.count, 6)
        for export in all { try check(export) }
    }

    private func check(_ export: Case) throws {
        let name = export.name
        let initResult = try AdmAuditBinary.run(["init", export.folder.appendingPathComponent("export.csv").path], in: work)
        XCTAssertEqual(initResult.status, 0, "\(name): \(initResult.err)")
        let pipeline = work.appendingPathComponent(name + ".yaml")
        try initResult.out.write(to: pipeline, atomically: true, encoding: .utf8)
        // The planted findings name decisions by the writer's ids, which are the workers' own
        // where an export has no id column of its own: they are compared in a run keeping ids.
        let kept = work.appendingPathComponent(name + "-kept.yaml")
        XCTAssertTrue(initResult.out.contains("subject_ids: pseudonymize"), name)
        try initResult.out.replacingOccurrences(of: "subject_ids: pseudonymize", with: "subject_ids: keep")
            .write(to: kept, atomically: true, encoding: .utf8)

        let (findings, _, keptSubjects, report) = try audit(export, file: "export.csv", pipeline: kept)
        // The run as init wrote it names no worker, as a subject or as a decision id: the same
        // rows, each worker's id (where the two runs differ) replaced by a pseudonym.
        let shown = try audit(export, file: "export.csv", pipeline: pipeline)
        XCTAssertEqual(shown.subjects.count, keptSubjects.count, name)
        let workers = Set(zip(keptSubjects, shown.subjects).filter { $0 != $1 }.map(\.0))
        XCTAssertFalse(workers.isEmpty, name)
        XCTAssertEqual(Set(shown.ids).intersection(workers).sorted(), [], "\(name): a worker's own id printed as a decision id")
        XCTAssertEqual(Set(shown.subjects).intersection(workers).sorted(), [], "\(name): a worker's id printed as the subject")
        XCTAssertEqual(report["language"] as? String, export.facts["language"], name)
        let input = try XCTUnwrap((report["inputs"] as? [[String: Any]])?.first)
        XCTAssertEqual(input["accepted"] as? Int, Int(export.facts["accepted"] ?? ""), "\(name): accepted rows")
        XCTAssertEqual(input["rejected"] as? Int, Int(export.facts["rejected"] ?? ""), "\(name): rejected rows")
        XCTAssertEqual(input["may_hide_violations"] as? Bool, false, "\(name): the clean export hides nothing")

        let planted = Set(try AdmAuditBinary.csv(export.folder.appendingPathComponent("planted.csv").path).dropFirst()
            .filter { $0.count == 3 }.map { $0[0] + "," + $0[1] })
        for check in export.list("exact_checks") {
            let found = findings.filter { $0.hasPrefix(check + ",") }, wanted = planted.filter { $0.hasPrefix(check + ",") }
            XCTAssertEqual(found.subtracting(wanted).sorted(), [], "\(name): \(check) findings the writer did not plant")
            XCTAssertEqual(wanted.subtracting(found).sorted(), [], "\(name): \(check) violations missed")
        }
        let notRun = Set(report["checks_outside_jurisdictions"] as? [String] ?? [])
        for check in export.list("not_run") { XCTAssertTrue(notRun.contains(check), "\(name): \(check) should be named as not run") }

        let strata = report["selection"] as? [[String: Any]] ?? []
        for flagged in export.list("flagged", separator: ";") {
            let parts = flagged.split(separator: "/").map(String.init)
            let stratum = strata.first { $0["decision_type"] as? String == parts[0] && $0["attribute"] as? String == parts[1] }
            let group = (stratum?["groups"] as? [[String: Any]])?.first { $0["group"] as? String == parts[2] }
            XCTAssertTrue(["adverse_impact", "possible_adverse_impact"].contains(group?["flag"] as? String ?? ""), "\(name): \(flagged) not flagged")
        }

        for (key, verdict) in export.facts where key.hasPrefix("hostile ") {
            let file = String(key.dropFirst("hostile ".count))
            let (hostileFindings, _, _, hostileReport) = try audit(export, file: file, pipeline: kept)
            let hostileInput = try XCTUnwrap((hostileReport["inputs"] as? [[String: Any]])?.first)
            switch verdict {
            case "same":
                XCTAssertEqual(hostileFindings, findings, "\(name) \(file): a look-alike or control character changed the findings")
                XCTAssertEqual(Self.groups(hostileReport), Self.groups(report), "\(name) \(file): a look-alike moved someone to another group")
                XCTAssertEqual(hostileInput["may_hide_violations"] as? Bool, false, "\(name) \(file)")
            case "repaired":
                // A stray quote merged rows: each line is read again on its own, so nothing the
                // original showed is lost, and the run says which lines it read that way.
                XCTAssertEqual(hostileFindings, findings, "\(name) \(file): the rows the stray quote swallowed must be audited")
                XCTAssertEqual(Self.groups(hostileReport), Self.groups(report), "\(name) \(file): the swallowed rows must be counted in their groups")
                XCTAssertGreaterThanOrEqual(hostileInput["quote_repairs"] as? Int ?? 0, 1, "\(name) \(file): the repair must be reported")
                XCTAssertEqual((hostileInput["line_account"] as? [String: Any])?["reconciles"] as? Bool, true, "\(name) \(file): lines reconcile")
                XCTAssertEqual(hostileInput["rows_read"] as? Int, input["rows_read"] as? Int, "\(name) \(file): as many rows as the original")
                let warnings = (hostileReport["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
                XCTAssertTrue(warnings.contains("quote_swallowed_lines"), "\(name) \(file): a warning names the lines")
            default:
                XCTFail("\(name): unknown hostile verdict \(verdict)")
            }
        }
    }
}
