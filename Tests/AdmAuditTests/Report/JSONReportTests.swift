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

    /// report.json has no language: the same run in English and in Chinese gives the same
    /// bytes but for `language`, check texts in both languages, reasons and diagnostics as codes.
    func testTheSameRunInEitherLanguageWritesTheSameJSON() throws {
        var pipeline = try PipelineLoader.load(path: TestSupport.packageRoot.appendingPathComponent("pipelines/labor-inspection.yaml").path)
        var outputs: [ReportLanguage: [String]] = [:]
        for language in [ReportLanguage.en, .zh] {
            pipeline.report.language = language
            let result = try TestSupport.audit([TestSupport.fixture("sample/decisions_zh_gb18030.csv")], pipeline: pipeline,
                                               asOf: AsOfDate("2025-06-30")).0
            XCTAssertFalse(result.diagnostics.isEmpty)
            outputs[language] = JSONReport.render(result).components(separatedBy: "\n")
        }
        let english = try XCTUnwrap(outputs[.en]), chinese = try XCTUnwrap(outputs[.zh])
        XCTAssertEqual(english.count, chinese.count)
        let differing = zip(english, chinese).filter { $0 != $1 }
        XCTAssertEqual(differing.map(\.0), ["  \"language\": \"en\","])
        XCTAssertTrue(english.contains { $0.contains("\"zh\": \"重大自动化决策未经人工复核\"") }, "titles in both languages")
    }

    /// Every code report.json can hold is explained in docs/report-json.md: the undefined
    /// reasons written, every unknown reason, and every diagnostic code in the sources.
    func testEveryCodeIsDocumented() throws {
        let docs = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("docs/report-json.md"), encoding: .utf8)
        let undefined: [UndefinedReason] = [
            .referenceRateZero, .noReference, .referenceAdverseRateZero, .namedReferenceAbsent("x"), .namedReferenceSuppressed("x", suppressBelow: 5),
            .noEligibleReference(minimum: 5, share: 0.02, bySuppression: false), .noEligibleScoringReference(minimum: 5, share: 0.02),
            .highestScoringRateZero, .notComputed, .noApplicableDecisions, .noDecisionJudged,
        ]
        let codes = Set(UnknownReason.allCases.map(\.code) + Diagnostic.Code.allCases.map(\.rawValue)
                        + JSONReport.StatisticReason.allCases.map(\.rawValue) + undefined.map(\.code))
        XCTAssertGreaterThan(codes.count, 40, "the scan found the codes")
        for code in codes.sorted() { XCTAssertTrue(docs.contains("`\(code)`"), "\(code) is not in docs/report-json.md") }
        // The schema allows exactly the reasons a statistic can have.
        let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: TestSupport.packageRoot.appendingPathComponent("docs/report.schema.json"))) as? [String: Any]
        let reasons = ((schema?["$defs"] as? [String: Any])?["reason"] as? [String: Any])?["enum"] as? [String]
        XCTAssertEqual(Set(reasons ?? []), Set(undefined.map(\.code) + JSONReport.StatisticReason.allCases.map(\.rawValue)))
    }

    func testTheReferenceIsNotComparedWithItselfAndTheOthersAre() throws {
        let groups = try selectionGroups(csv([("female", 10, 5), ("male", 10, 9)]))
        let male = groups["male"], female = groups["female"]
        XCTAssertEqual(male?["is_reference"], .bool(true))
        for name in ["fisher_p", "z", "adjusted_p"] {
            XCTAssertEqual(male?[name], .null, name)
            XCTAssertEqual(reason(male, name), "is_reference", name)
            XCTAssertEqual(female?[name]?.isNumber, true, name)
            XCTAssertNil(reason(female, name), name)
        }
        XCTAssertEqual(reason(female, "impact_ratio_bounds_with_unknowns"), "no_unknown_decisions")
        XCTAssertEqual(female?["impact_ratio_ci95"]?.items.count, 2)
    }

    func testWithoutAReferenceGroupEveryComparisonSaysSo() throws {
        let pipeline = TestSupport.plainPipeline.replacingOccurrences(of: "min_group_size: 1", with: "min_group_size: 50")
        let groups = try selectionGroups(csv([("female", 10, 5), ("male", 10, 9)]), pipeline: pipeline)
        for (label, group) in groups {
            XCTAssertEqual(reason(group, "impact_ratio"), "no_eligible_reference", label)
            for name in ["impact_ratio_ci95", "fisher_p", "z", "adjusted_p"] {
                XCTAssertEqual(reason(group, name), "no_reference", "\(label) \(name)")
            }
        }
    }

    func testEveryoneSelectedLeavesZAndTheAdverseRatioUndefined() throws {
        let groups = try selectionGroups(csv([("female", 6, 6), ("male", 8, 8)]))
        let female = groups["female"]
        XCTAssertEqual(female?["fisher_p"], .number(1))
        XCTAssertEqual(reason(female, "z"), "pooled_rate_zero_or_one")
        XCTAssertEqual(reason(female, "adverse_rate_ratio"), "reference_adverse_rate_zero")
    }

    func testAGroupTooSmallToJudgeIsNotAmongTheAdjustedTests() throws {
        let pipeline = TestSupport.plainPipeline.replacingOccurrences(of: "min_group_size: 1", with: "min_group_size: 5")
        let groups = try selectionGroups(csv([("female", 3, 1), ("male", 10, 9)]), pipeline: pipeline)
        let female = groups["female"]
        XCTAssertEqual(female?["flag"], .string("insufficient_data"))
        XCTAssertEqual(female?["fisher_p"]?.isNumber, true)
        XCTAssertEqual(reason(female, "adjusted_p"), "insufficient_data")
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
