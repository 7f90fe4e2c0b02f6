import Foundation
import XCTest

@testable import AdmAudit

/// A worker named by an id (`WorkerKey`, `TextKey.skeleton`): one worker however an export
/// writes the id, two workers when the ids are two, and the characters that made an id look
/// like another named without the id.
final class WorkerKeyTests: XCTestCase {
    private func key(_ id: String) -> WorkerKey? {
        Array(id.utf8).withUnsafeBytes { WorkerKey.of($0) }
    }

    func testIdsThatLookAlikeAreOneWorker() {
        let a01 = key("A01")
        XCTAssertNotNil(a01)
        for spelling in ["\u{0410}01", "Ａ01", "A\u{200B}01", " A01\u{3000}", "A０1", "\u{0391}01"] {
            XCTAssertEqual(key(spelling), a01, spelling.unicodeScalars.map(\.codePoint).joined(separator: " "))
        }
        let d1 = key("D-1")
        for dash in ["\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}", "\u{FE63}", "\u{FF0D}"] {
            XCTAssertEqual(key("D\(dash)1"), d1, dash.unicodeScalars.first!.codePoint)
        }
        XCTAssertEqual(key("КА-7"), key("KA-7"), "letters of another script that all look Latin are read as Latin")
    }

    func testIdsThatAreTwoStayTwo() {
        XCTAssertNotEqual(key("A01"), key("a01"), "case is kept")
        XCTAssertNotEqual(key("A01"), key("A001"))
        XCTAssertNotEqual(key("D-1"), key("D_1"))
        XCTAssertNotEqual(key("D-1"), key("D1"))
        XCTAssertNotEqual(key("Семин-3"), key("Сёмин-3"), "an id in its own script's letters is itself")
        XCTAssertEqual(TextKey.skeleton("Семин-3"), "Семин-3")
        XCTAssertEqual(TextKey.skeleton("张三"), "张三")
        XCTAssertNotEqual(key("张三"), key("张叁"))
        XCTAssertNil(key("   "))
        XCTAssertNil(key("\u{200B}\u{2060}"), "nothing but invisible characters is no id")
    }

    func testTheCharactersThatMadeAnIdLookLikeAnotherAreNamed() {
        XCTAssertEqual(TextKey.lookAlikeCharacters(in: "\u{0410}0\u{2010}1"), ["\u{0410}", "\u{2010}"])
        XCTAssertEqual(TextKey.lookAlikeCharacters(in: "A\u{200B}01"), ["\u{200B}"])
        XCTAssertEqual(TextKey.lookAlikeCharacters(in: "Ａ01"), ["Ａ"])
        // How Chinese and spreadsheet text is written, not a disguise.
        XCTAssertEqual(TextKey.lookAlikeCharacters(in: "E０１２"), [])
        XCTAssertEqual(TextKey.lookAlikeCharacters(in: " E012\u{3000}"), [])
        XCTAssertEqual(TextKey.lookAlikeCharacters(in: "张三"), [])
        XCTAssertEqual(TextKey.lookAlikeCharacters(in: "Семин-3"), [])
        XCTAssertEqual(TextKey.lookAlikeCharacters(in: "A01"), [])
        XCTAssertEqual(TextKey.lookAlikeCharacters(in: "\u{0410}\u{0412}\u{0421}\u{0415}\u{041D}1", limit: 2).count, 2)
    }

    /// One worker, one pseudonym: the decision export's `A01` and the log's `А01` are shown alike.
    func testOneWorkerHasOnePseudonym() throws {
        let pseudonymizer = try Pseudonymizer(handling: .pseudonymize, key: Array("k".utf8), inputs: [])
        func shown(_ id: String) -> String {
            Array(id.utf8).withUnsafeBytes { pseudonymizer.display(FieldBytes(bytes: $0, isMissing: false)) }
        }
        XCTAssertEqual(shown("\u{0410}01"), shown("A01"))
        XCTAssertEqual(shown("Ａ01"), shown("A01"))
        XCTAssertEqual(shown("D\u{2010}1"), shown("D-1"))
        XCTAssertNotEqual(shown("A01"), shown("a01"))
        XCTAssertNotEqual(shown("Семин-3"), shown("Сёмин-3"))
        let kept = try Pseudonymizer(handling: .keep, key: nil, inputs: [])
        XCTAssertEqual(Array("\u{0410}01".utf8).withUnsafeBytes { kept.display(FieldBytes(bytes: $0, isMissing: false)) }, "\u{0410}01",
                       "an id kept is shown as written")
    }
}
