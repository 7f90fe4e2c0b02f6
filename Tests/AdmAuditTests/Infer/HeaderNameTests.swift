import Foundation
import XCTest

@testable import AdmAudit

/// A header as a person reads it (`HeaderName`): words outside brackets, hints inside them.
final class HeaderNameTests: XCTestCase {

    // MARK: Brackets to hints

    func testChineseBracketsHoldAHint() {
        let header = HeaderName("是否人工复核（是/否）")
        XCTAssertEqual(header.words, ["是否人工复核"])
        XCTAssertEqual(header.compact, "是否人工复核")
        XCTAssertEqual(header.hints, ["是/否"])
        XCTAssertEqual(header.raw, "是否人工复核（是/否）")
    }

    func testDateFormatHint() {
        let header = HeaderName("Effective Date (MM/DD/YYYY)")
        XCTAssertEqual(header.words, ["effective", "date"])
        XCTAssertEqual(header.hints, ["mm/dd/yyyy"])
    }

    func testTimeZoneHint() {
        let header = HeaderName("处理时间(UTC+8)")
        XCTAssertEqual(header.words, ["处理时间"])
        XCTAssertEqual(header.hints, ["utc+8"])
    }

    func testYesNoHint() {
        let header = HeaderName("Reviewed by Human (Y/N)")
        XCTAssertEqual(header.words, ["reviewed", "by", "human"])
        XCTAssertEqual(header.hints, ["y/n"])
    }

    func testEveryKindOfBracketAndSeveralHints() {
        XCTAssertEqual(HeaderName("Score [0-1]").hints, ["0 1"])
        XCTAssertEqual(HeaderName("处理时间【北京时间】").hints, ["北京时间"])
        XCTAssertEqual(HeaderName("Amount {CNY}").hints, ["cny"])
        XCTAssertEqual(HeaderName("金额《元》").hints, ["元"])
        let two = HeaderName("Decided (local) At (UTC+1)")
        XCTAssertEqual(two.words, ["decided", "at"])
        XCTAssertEqual(two.hints, ["local", "utc+1"])
    }

    func testEmptyBracketsGiveNoHint() {
        let header = HeaderName("Outcome ()")
        XCTAssertEqual(header.words, ["outcome"])
        XCTAssertEqual(header.hints, [])
    }

    func testAnUnclosedBracketIsReadAsWords() {
        let header = HeaderName("Score (0-1")
        XCTAssertEqual(header.words, ["score", "0", "1"])
        XCTAssertEqual(header.hints, [])
    }

    func testAStrayClosingBracketIsIgnored() {
        XCTAssertEqual(HeaderName("Outcome)").words, ["outcome"])
    }

    // MARK: Words

    func testCamelCaseIsSplit() {
        XCTAssertEqual(HeaderName("EffectiveDate").words, ["effective", "date"])
        XCTAssertEqual(HeaderName("EffectiveDate(MM/DD/YYYY)").hints, ["mm/dd/yyyy"])
        XCTAssertEqual(HeaderName("employeeID").words, ["employee", "id"])
        XCTAssertEqual(HeaderName("HRReviewer").words, ["hr", "reviewer"])
        XCTAssertEqual(HeaderName("isAutomated").words, ["is", "automated"])
        XCTAssertEqual(HeaderName("URL").words, ["url"])
    }

    func testPunctuationSplitsWords() {
        XCTAssertEqual(HeaderName("decision_id").words, ["decision", "id"])
        XCTAssertEqual(HeaderName("appeal-filed.at").words, ["appeal", "filed", "at"])
        XCTAssertEqual(HeaderName("Race/Ethnicity").words, ["race", "ethnicity"])
        XCTAssertEqual(HeaderName("Status: Final").words, ["status", "final"])
    }

    func testHashIsAWordCharacter() {
        XCTAssertEqual(HeaderName("Employee #").words, ["employee", "#"])
        XCTAssertEqual(HeaderName("Case#").words, ["case#"])
    }

    func testCJKRunsAreOneWordAndScriptChangesSplit() {
        XCTAssertEqual(HeaderName("记录ID").words, ["记录", "id"])
        XCTAssertEqual(HeaderName("记录ID").compact, "记录id")
        XCTAssertEqual(HeaderName("HR审批人").words, ["hr", "审批人"])
        XCTAssertEqual(HeaderName("申诉 处理 时间").words, ["申诉", "处理", "时间"])
        XCTAssertEqual(HeaderName("申诉 处理 时间").compact, "申诉处理时间")
    }

    func testFullWidthFormsAndInvisibleCharactersAreFolded() {
        XCTAssertEqual(HeaderName("ＤｅｃｉｓｉｏｎＩＤ").words, ["decision", "id"])
        XCTAssertEqual(HeaderName("Decision\u{200B} ID").words, ["decision", "id"])
        XCTAssertEqual(HeaderName("\u{FEFF}Outcome").words, ["outcome"])
        XCTAssertEqual(HeaderName("Out\u{00AD}come").words, ["outcome"])
    }

    // MARK: contains

    func testLatinTermsAreWholeConsecutiveWords() {
        let header = HeaderName("Reviewed by Human (Y/N)")
        XCTAssertTrue(header.contains("reviewed"))
        XCTAssertTrue(header.contains("reviewed by"))
        XCTAssertTrue(header.contains("by human"))
        XCTAssertTrue(header.contains("reviewed by human"))
        XCTAssertFalse(header.contains("human reviewed"), "the order of the words matters")
        XCTAssertFalse(header.contains("review"), "a word is not found inside a longer word")
        XCTAssertFalse(header.contains("y"), "hints are not words")
        XCTAssertFalse(HeaderName("Notice Sent").contains("no"))
        XCTAssertFalse(HeaderName("Date").contains("date of birth"), "a term longer than the header")
        XCTAssertFalse(HeaderName("Date").contains(""))
    }

    func testCJKTermsAreSubstrings() {
        let header = HeaderName("申诉处理时间")
        XCTAssertTrue(header.contains("申诉"))
        XCTAssertTrue(header.contains("处理"))
        XCTAssertTrue(header.contains("时间"))
        XCTAssertTrue(header.contains("处理时间"))
        XCTAssertFalse(header.contains("结果"))
        XCTAssertTrue(HeaderName("申诉 处理时间").contains("申诉处理"), "spaces do not separate CJK terms")
        XCTAssertFalse(HeaderName("处理时间(北京时间)").contains("北京"), "hints are not searched")
    }

    func testMixedScriptTerms() {
        let header = HeaderName("HR审批人工号")
        XCTAssertTrue(header.contains("hr审批人"), "a term holding CJK is a substring of the compact form")
        XCTAssertTrue(header.contains("hr"))
        XCTAssertTrue(header.contains("审批人"))
    }

    // MARK: isNamed

    func testIsNamedIgnoresSpacesUnderscoresAndCase() {
        for raw in ["Decision ID", "decision_id", "DecisionId", "DECISION-ID", "decisionID", "  decision   id ", "ＤｅｃｉｓｉｏｎＩＤ"] {
            XCTAssertTrue(HeaderName(raw).isNamed("decision id"), raw)
            XCTAssertTrue(HeaderName(raw).isNamed("decisionid"), raw)
        }
        XCTAssertFalse(HeaderName("Decision ID 2").isNamed("decision id"))
        XCTAssertFalse(HeaderName("Decision").isNamed("decision id"))
        XCTAssertTrue(HeaderName("是否人工复核（是/否）").isNamed("是否人工复核"), "the brackets' hint is not part of the name")
        XCTAssertTrue(HeaderName("记录 ID").isNamed("记录id"))
    }
}
