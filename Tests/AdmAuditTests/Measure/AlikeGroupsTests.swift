import XCTest
@testable import AdmAudit

/// One group split into spellings, each too small to show (`hui`, `hui.`, `Hui (Muslim)`),
/// hid a disparity: `MeasureState.alikeGroupWarnings` names such groups, and merges nothing.
final class AlikeGroupsTests: XCTestCase {
    func testLabelsReadAlikeOnceCasePunctuationAndRemarksAreSetAside() {
        for (a, b) in [("hui", "hui."), ("hui", "Hui (Muslim)"), ("HUI", " hui "), ("回族", "回族人"), ("回族", "回族（少数民族）"),
                       ("Black", "black/"), ("prefer-not", "Prefer not")] {
            XCTAssertEqual(MeasureState.alikeKey(a), MeasureState.alikeKey(b), "\(a) and \(b)")
        }
        for (a, b) in [("han", "hani"), ("汉族", "回族"), ("hui", "hui-cn"), ("Asian", "Asian American"), ("人", "")] {
            XCTAssertNotEqual(MeasureState.alikeKey(a), MeasureState.alikeKey(b), "\(a) and \(b)")
        }
    }

    private static func group(_ text: String, in groups: inout AttributeGroups) -> Int32 {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { groups.group(for: FieldBytes(bytes: $0, isMissing: false)) }
    }

    func testEachSetOfAlikeGroupsIsNamedOnce() throws {
        let pipeline = try PipelineLoader.parse("admaudit: 1\nattributes:\n  ethnicity: [ethnicity]\n  age: [age]\n", file: "test.yaml")
        var state = MeasureState(pipeline: pipeline)
        var ethnicity = AttributeGroups(name: "ethnicity", canonical: [], unknownSpellings: [])
        for label in ["han", "hui", "hui.", "Hui (Muslim)", "hani", "回族", "回族人"] { _ = Self.group(label, in: &ethnicity) }
        var age = AttributeGroups(name: "age", canonical: [], unknownSpellings: [])
        for label in ["30", "30.", "<30"] { _ = Self.group(label, in: &age) }
        state.close(groups: [ethnicity, age], intersections: Intersections([], attributes: ["ethnicity", "age"]), fairness: [])
        let warnings = state.alikeGroupWarnings()
        XCTAssertEqual(warnings.map(\.values["groups"]), [.list(["hui", "hui.", "Hui (Muslim)"]), .list(["回族", "回族人"])],
                       "numbers alone are not labels read alike")
        XCTAssertEqual(Set(warnings.map(\.values["attribute"])), [.text("ethnicity")])
    }
}
