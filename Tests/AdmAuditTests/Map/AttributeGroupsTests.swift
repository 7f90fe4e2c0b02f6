import Foundation
import XCTest
@testable import AdmAudit

/// Attribute values become groups by one rule, in a run and in a merge: trimmed and
/// lower-cased (fully, for non-ASCII letters), the first spelling as the label.
final class AttributeGroupsTests: XCTestCase {
    func testNonASCIICapitalsMakeOneGroupPerValueNotPerRow() throws {
        // Ờ (U+1EDC) is outside the lead bytes the quick lookup knows to fold.
        let values = ["Kinh", "KHỜ", "khờ", "KHỜ ", "Khờ", "KINH"]
        let csv = "decision_id,employee_id,decision_type,outcome,automated,ethnicity\n" + (0..<40).map { i in
            "D\(i),E\(i),hiring,\(i % 3 == 0 ? "adverse" : "favorable"),yes,\(values[i % values.count])"
        }.joined(separator: "\n") + "\n"
        let (result, _) = try TestSupport.audit(csv: csv, pipeline: TestSupport.exactPipeline(attributes: ["ethnicity: [ethnicity]"]))
        let stratum = try XCTUnwrap(result.selection.first { $0.attribute == "ethnicity" })
        XCTAssertEqual(stratum.groups.map(\.group), ["KHỜ", "Kinh"])
        XCTAssertEqual(stratum.groups.map(\.n), [27, 13])
    }
    func testAnswersThatDeclineAreUnknownNeverAGroup() {
        for text in ["I do not wish to self-identify", "Prefer not to say", "Decline to answer", "Not disclosed", "Rather not say",
                     "本人不愿透露", "拒绝回答", "未填", "保密", "Unknown / not provided"] {
            XCTAssertTrue(AttributeGroups.declinesToAnswer(text), text)
        }
        for text in ["Female", "Two or more races", "Hispanic or Latino", "汉族", "Not Hispanic or Latino", "Declan"] {
            XCTAssertFalse(AttributeGroups.declinesToAnswer(text), text)
        }
    }

    func testADecliningAnswerSeenForTheFirstTimeCountsAsUnknown() {
        var groups = AttributeGroups(name: "ethnicity", canonical: [], unknownSpellings: [])
        let bytes = Array("I don't wish to answer".utf8)
        let code = bytes.withUnsafeBytes { groups.group(for: FieldBytes(bytes: $0, isMissing: false)) }
        let again = bytes.withUnsafeBytes { groups.group(for: FieldBytes(bytes: $0, isMissing: false)) }
        XCTAssertEqual(code, AttributeGroups.unknown)
        XCTAssertEqual(again, AttributeGroups.unknown)
        XCTAssertEqual(groups.labels, [], "never a group of its own")
    }

    private func group(_ groups: inout AttributeGroups, _ text: String) -> Int32 {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { groups.group(for: FieldBytes(bytes: $0, isMissing: false)) }
    }

    /// Past the limit, new values share one labelled group; known values keep theirs, and
    /// a spelling that folds to a known value (full-width) is still that value.
    func testValuesPastTheLimitShareOneOverflowGroup() {
        var groups = AttributeGroups(name: "sex", canonical: [("female", ["f"])], unknownSpellings: ["unknown"], distinctLimit: 3)
        let codes = ["a", "b", "c"].map { group(&groups, $0) }
        XCTAssertEqual(codes, [1, 2, 3])
        XCTAssertNil(groups.overflowCode)
        let overflow = group(&groups, "d")
        XCTAssertEqual(group(&groups, "e"), overflow)
        XCTAssertEqual(group(&groups, "B"), 2, "a value seen before the limit keeps its group")
        XCTAssertEqual(group(&groups, "ｆｅｍａｌｅ"), 0)
        XCTAssertEqual(group(&groups, "unknown"), AttributeGroups.unknown)
        XCTAssertEqual(group(&groups, AttributeGroups.overflowLabel(limit: 3)), overflow,
                       "a value spelt as the overflow label is counted in it: one label, one group")
        XCTAssertEqual(groups.labels, ["female", "a", "b", "c", "[values beyond the first 3]"])
        XCTAssertEqual(groups.overflowRows, 2)
        let warning = groups.overflowWarning()
        XCTAssertEqual(warning?.level, .warning)
        XCTAssertTrue(warning?.message(.en).contains("'sex' has more than 3 distinct values") ?? false)
        XCTAssertTrue(warning?.message(.en).contains("the 2 decision(s)") ?? false)
        var one = AttributeGroups(name: "sex", canonical: [], unknownSpellings: [], distinctLimit: 1)
        _ = ["a", "b"].map { group(&one, $0) }
        XCTAssertEqual(one.labels.last, "[values beyond the first 1]", "the label is the same in every run; reports word it")
    }

    /// Two parts of a file join only when the groups would be those of a run in one piece.
    func testPartsJoinOnlyWithinTheLimit() {
        var first = AttributeGroups(name: "sex", canonical: [], unknownSpellings: [], distinctLimit: 3)
        var second = AttributeGroups(name: "sex", canonical: [], unknownSpellings: [], distinctLimit: 3)
        _ = ["a", "b"].map { group(&first, $0) }
        _ = ["B", "c"].map { group(&second, $0) }
        XCTAssertTrue(first.canJoin(second))
        _ = group(&second, "d")
        XCTAssertFalse(first.canJoin(second), "a, b, c, d: four values, over the limit of three")
    }
}
