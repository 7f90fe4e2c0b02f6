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
}
