import Foundation
import XCTest

/// `docs/report.schema.json` and the checks every produced report.json must pass: it is
/// JSON (no NaN, no infinity), it follows the schema, and it holds the few facts a
/// schema cannot state (rows reconcile, favourable ≤ n, an interval's lower ≤ upper).
enum ReportSchema {
    static var path: String { TestSupport.packageRoot.appendingPathComponent("docs/report.schema.json").path }

    static func validator() throws -> JSONSchemaValidator {
        try JSONSchemaValidator(schemaFile: path)
    }

    /// The problems with `json` as a report.json: schema violations (JSON pointers first),
    /// then broken invariants; empty when it is a good report.
    static func problems(_ json: String, validator: JSONSchemaValidator) -> [String] {
        let document: JSONInstance
        do {
            document = try JSONInstance.parse(json)
        } catch {
            return ["\(error)"]
        }
        let violations = validator.validate(document)
        if !violations.isEmpty { return violations.map(\.description) }
        return invariantProblems(document)
    }

    /// Fails the test with the first problems of `json`, naming the run.
    static func assertValid(_ json: String, _ run: String, validator: JSONSchemaValidator,
                            file: StaticString = #filePath, line: UInt = #line) {
        let found = problems(json, validator: validator)
        XCTAssertTrue(found.isEmpty, "\(run): report.json breaks docs/report.schema.json:\n" + found.prefix(10).joined(separator: "\n"),
                      file: file, line: line)
    }

    /// What a JSON Schema cannot say: sums and orderings between fields.
    static func invariantProblems(_ report: JSONInstance) -> [String] {
        var problems: [String] = []
        func number(_ value: JSONInstance?) -> Double? {
            if case .number(let n) = value { return n }
            return nil
        }
        func items(_ value: JSONInstance?) -> [JSONInstance] {
            if case .array(let list) = value { return list }
            return []
        }
        var totals = (read: 0.0, accepted: 0.0, rejected: 0.0)
        for (index, input) in items(report["inputs"]).enumerated() {
            let (read, accepted, rejected) = (number(input["rows_read"]) ?? -1, number(input["accepted"]) ?? -1, number(input["rejected"]) ?? -1)
            if read != accepted + rejected { problems.append("/inputs/\(index): rows_read ≠ accepted + rejected") }
            if case .object(let reasons) = input["rejects_by_reason"], reasons.values.compactMap(number).reduce(0, +) != rejected {
                problems.append("/inputs/\(index)/rejects_by_reason: the counts do not add up to rejected")
            }
            // The reconciliation sums the decision exports; an activity log's rows are events.
            if case .string("activity")? = input["kind"] { continue }
            totals = (totals.read + read, totals.accepted + accepted, totals.rejected + rejected)
        }
        let reconciliation = report["reconciliation"]
        if number(reconciliation?["rows_read"]) != totals.read || number(reconciliation?["accepted"]) != totals.accepted
            || number(reconciliation?["rejected"]) != totals.rejected {
            problems.append("/reconciliation: not the sum of the inputs")
        }
        for (index, check) in items(report["checks"]).enumerated() {
            if (number(check["violations"]) ?? 0) > (number(check["applicable"]) ?? 0) {
                problems.append("/checks/\(index): more violations than applicable decisions")
            }
        }
        // Every group object anywhere: favourable ≤ n, and intervals in order.
        func visit(_ value: JSONInstance, _ pointer: String) {
            switch value {
            case .object(let members):
                if let n = number(members["n"]), let favorable = number(members["favorable"]), favorable > n {
                    problems.append("\(pointer): favorable > n")
                }
                for (key, member) in members {
                    if case .array(let pair) = member, pair.count == 2, let lower = number(pair[0]), let upper = number(pair[1]),
                       key.hasSuffix("_ci95") || key.hasSuffix("_with_unknowns"), lower > upper {
                        problems.append("\(pointer)/\(key): lower > upper")
                    }
                    visit(member, pointer + "/" + JSONSchemaValidator.escape(key))
                }
            case .array(let list):
                for (index, item) in list.enumerated() { visit(item, pointer + "/\(index)") }
            default:
                break
            }
        }
        visit(report, "")
        return problems
    }
}
