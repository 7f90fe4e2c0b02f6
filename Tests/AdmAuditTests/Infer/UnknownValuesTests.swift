import Foundation
import XCTest

@testable import AdmAudit

/// Values of a mapped column that no vocabulary reads, with the canonical value each most
/// resembles (`UnknownValues`): what `init` lists, since rows holding them would be rejected.
final class UnknownValuesTests: XCTestCase {

    func testUnreadValuesAreListedInOrderWithTheirRows() {
        let items = UnknownValues.find(field: .outcome, values: ["adverse", "Pending HR", "", "maybe", "Pending HR", "Not selected"])
        XCTAssertEqual(items.map(\.value), ["Pending HR", "maybe"])
        XCTAssertEqual(items.map(\.rows), [2, 1])
    }

    func testEachFieldIsReadWithItsOwnVocabulary() {
        XCTAssertEqual(UnknownValues.find(field: .humanReviewed, values: ["Y", "否（系统）", "N/A", "—", "Unclear"]).map(\.value), ["Unclear"],
                       "not-applicable spellings are read, not unknown")
        XCTAssertEqual(UnknownValues.find(field: .automated, values: ["系统", "人工", "HR", "Zhang Wei"]).map(\.value), ["Zhang Wei"])
        XCTAssertEqual(UnknownValues.find(field: .decisionType, values: ["解除劳动合同（严重违纪）", "Written Warning", "Badge update"])
            .map(\.value), ["Badge update"])
        XCTAssertEqual(UnknownValues.find(field: .appealResult, values: ["申诉成立", "驳回", "appeal denied", "pending", "escalated"]).map(\.value),
                       ["escalated"], "`pending` is a result not yet given: read as not recorded")
        XCTAssertEqual(UnknownValues.find(field: .reviewResult, values: ["核实后不予处理", "No violation found", "maybe"]).map(\.value),
                       ["maybe"], "a result written as an outcome is read against the decision's")
        XCTAssertEqual(UnknownValues.find(field: .reviewResult, values: ["维持", "撤销", "escalated"]).map(\.value), ["escalated"])
        XCTAssertEqual(UnknownValues.find(field: .appealReviewer, values: ["人工", "系统", "Committee", "someone"]).map(\.value), ["someone"])
    }

    func testFreeTextAndTimeFieldsHaveNoVocabulary() {
        XCTAssertEqual(UnknownValues.find(field: .decisionID, values: ["anything", "at all"]), [])
        XCTAssertEqual(UnknownValues.find(field: .decidedAt, values: ["not a date"]), [])
        XCTAssertEqual(UnknownValues.find(field: .reasonCodes, values: ["late"]), [])
    }

    func testTheListIsBounded() {
        let values = (0..<50).map { "unknown kind \($0)" } + ["unknown kind 3", "unknown kind 3", "unknown kind 45"]
        let items = UnknownValues.find(field: .decisionType, values: values)
        XCTAssertEqual(items.count, UnknownValues.listLimit)
        XCTAssertEqual(items.first { $0.value == "unknown kind 3" }?.rows, 3, "listed values keep counting")
        XCTAssertNil(items.first { $0.value == "unknown kind 45" })
    }

    func testProposalsNameTheNearestSpelling() throws {
        let typo = try XCTUnwrap(UnknownValues.find(field: .decisionType, values: ["Terminaton"]).first?.proposal)
        XCTAssertEqual(typo.canonical, "dismissal")
        XCTAssertTrue(typo.spelling.hasPrefix("terminat"), typo.spelling)
        let chinese = try XCTUnwrap(UnknownValues.find(field: .decisionType, values: ["劝辞"]).first?.proposal)
        XCTAssertEqual(chinese.canonical, "dismissal")
        let boolean = try XCTUnwrap(UnknownValues.find(field: .unionNotified, values: ["yess"]).first?.proposal)
        XCTAssertEqual(boolean.canonical, "true")
    }

    func testNothingCloseIsNoProposal() {
        XCTAssertNil(UnknownValues.nearest("qqqq", in: BuiltinVocabulary.decisionTypes.map { ($0.0.rawValue, $0.1) }))
        XCTAssertNil(UnknownValues.nearest("", in: [("x", ["xyz"])]))
        XCTAssertNil(UnknownValues.nearest("abc", in: [("x", [""])]))
    }

    func testNearestByCharacterPairs() {
        let lists = [("a", ["kitten"]), ("b", ["sitting"])]
        XCTAssertEqual(UnknownValues.nearest("kitchen", in: lists), UnknownValues.Proposal(canonical: "a", spelling: "kitten"))
        XCTAssertEqual(UnknownValues.nearest("SITTINGS", in: lists), UnknownValues.Proposal(canonical: "b", spelling: "sitting"),
                       "compared in normal form")
    }

    /// A kind's column holding an outcome (one `Action` column for both): no kind is proposed
    /// from a look-alike (`Cleared` was proposed as a dismissal, like `fired`); it is named an outcome.
    func testAnOutcomeInTheKindsColumnIsNamedSoNotGivenALookAlikeKind() {
        let items = UnknownValues.find(field: .decisionType, values: ["Written Warning", "Rescinded", "Cleared", "Cleared", "Tea party"])
        XCTAssertEqual(items.map(\.value), ["Rescinded", "Cleared", "Tea party"])
        XCTAssertEqual(items.map(\.outcome), [.favorable, .favorable, nil])
        XCTAssertNil(items[0].proposal)
        XCTAssertNil(items[1].proposal)
        XCTAssertEqual(items[1].rows, 2)
    }
}
