import Foundation
import XCTest

@testable import AdmAudit

/// The built-in vocabularies as inference reads values (`InferenceVocabulary`): the same
/// readings a run makes, so that what `init` proposes is what `run` accepts.
final class InferenceVocabularyTests: XCTestCase {

    private let vocabulary = InferenceVocabulary.shared

    func testReadingsOfOneValueInEveryVocabulary() {
        let dismissal = vocabulary.read("解除劳动合同")
        XCTAssertEqual(dismissal.decisionType, .dismissal)
        XCTAssertEqual(dismissal.outcome, .adverse, "解除 is also an adverse outcome")
        XCTAssertNil(dismissal.boolean)

        let system = vocabulary.read("系统")
        XCTAssertEqual(system.automated, true)
        XCTAssertEqual(system.appealReviewer, .automated)
        XCTAssertNil(system.sex)

        XCTAssertEqual(vocabulary.read("是（人工）").boolean, true)
        XCTAssertEqual(vocabulary.read("维持").reviewResult, .upheld)
        XCTAssertEqual(vocabulary.read("女").sex, "female")
        XCTAssertEqual(vocabulary.read("Ｆｅｍａｌｅ").sex, "female")
        XCTAssertNil(vocabulary.read("female staff").sex, "sexes are read exactly")
    }

    func testNotApplicableIsNoAnswer() {
        let reading = vocabulary.read("N/A")
        XCTAssertTrue(reading.isNotApplicable)
        XCTAssertNil(reading.boolean)
        XCTAssertFalse(vocabulary.read("no").isNotApplicable)
        XCTAssertEqual(vocabulary.read("no").boolean, false)
    }

    func testTheReadingsAreThoseOfARun() {
        var run = ValueMaps(ValueVocabulary())
        let values = ["Termination - Involuntary", "未录用", "Not promoted", "Approved", "是", "No (auto-approved)", "N/A", "系统自动",
                      "HR decided", "驳回", "maybe", "", "人工复核", "Written Warning", "不适用", "—"]
        for value in values {
            let bytes = Array(value.utf8)
            func lookup<Value>(_ vocabulary: inout Vocabulary<Value>) -> Value? {
                if case .found(let found) = bytes.withUnsafeBytes({ vocabulary.lookup(FieldBytes(bytes: $0, isMissing: false)) }) { return found }
                return nil
            }
            let reading = vocabulary.read(value)
            XCTAssertEqual(reading.decisionType, lookup(&run.decisionTypes), value)
            XCTAssertEqual(reading.outcome, lookup(&run.outcomes), value)
            XCTAssertEqual(reading.boolean, lookup(&run.booleans), value)
            XCTAssertEqual(reading.automated, lookup(&run.automation), value)
            XCTAssertEqual(reading.reviewResult, lookup(&run.reviewResults), value)
            XCTAssertEqual(reading.appealReviewer, lookup(&run.appealReviewers), value)
        }
    }
}
