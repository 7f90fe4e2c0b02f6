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
        // Each letter that looks Latin, whatever else the id holds; other scripts' look-alikes
        // too, and dashes and spaces too narrow to see.
        let pairs = [("José-A1", "José-\u{0410}1"), ("A01-3", "\u{0410}01-\u{0417}"), ("O01", "\u{0555}01"), ("A01", "\u{13AA}01"),
                     ("A01", "\u{1D00}01"), ("J01", "\u{037F}01"), ("a01", "\u{0251}01"), ("C01", "\u{03F9}01"),
                     ("D-1", "D\u{058A}1"), ("D-1", "D\u{2E17}1"), ("D-1", "D\u{301C}1"), ("A01", "A\u{200A}01"), ("A01", "A\u{2009}01"),
                     ("A01", "A\u{202F}01")]
        for (plain, disguised) in pairs {
            XCTAssertEqual(key(disguised), key(plain), disguised.unicodeScalars.map(\.codePoint).joined(separator: " "))
        }
    }

    func testIdsThatAreTwoStayTwo() {
        XCTAssertNotEqual(key("A01"), key("a01"), "case is kept")
        XCTAssertNotEqual(key("A01"), key("A001"))
        XCTAssertNotEqual(key("D-1"), key("D_1"))
        XCTAssertNotEqual(key("D-1"), key("D1"))
        XCTAssertNotEqual(key("Семин-3"), key("Сёмин-3"), "ё is a letter of its own, not a look-alike of e")
        XCTAssertNotEqual(key("Сёмов-3"), key("Семов-3"))
        XCTAssertNotEqual(key("u01"), key("μ01"))
        XCTAssertNotEqual(key("E01"), key("Ё01"))
        XCTAssertNotEqual(key("Иванов"), key("Иваноа"))
        XCTAssertNotEqual(key("Сулейменов"), key("Сүлейменов"), "ү is a Kazakh letter, not у")
        XCTAssertNotEqual(key("Зара-1"), key("зара-1"), "case is kept")
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
        XCTAssertEqual(TextKey.lookAlikeCharacters(in: "D\u{058A}1"), ["\u{058A}"])
        XCTAssertEqual(TextKey.lookAlikeCharacters(in: "A\u{200A}01"), ["\u{200A}"])
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
        XCTAssertEqual(shown("\u{13AA}01"), shown("A01"))
        let kept = try Pseudonymizer(handling: .keep, key: nil, inputs: [])
        XCTAssertEqual(Array("\u{0410}01".utf8).withUnsafeBytes { kept.display(FieldBytes(bytes: $0, isMissing: false)) }, "\u{0410}01",
                       "an id kept is shown as written")
    }
}
