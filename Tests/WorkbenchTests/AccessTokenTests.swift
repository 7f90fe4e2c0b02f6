import AdmAuditWorkbench
import XCTest

final class AccessTokenTests: XCTestCase {
    func testTokensAreLongRandomAndHex() {
        let tokens = (0..<50).map { _ in AccessToken().text }
        XCTAssertEqual(Set(tokens).count, 50)
        for token in tokens {
            XCTAssertEqual(token.count, 64)
            XCTAssertTrue(token.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        }
    }

    func testOnlyTheTokenItselfMatches() {
        let token = AccessToken(text: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")
        XCTAssertTrue(token.matches(token.text))
        XCTAssertFalse(token.matches(nil))
        XCTAssertFalse(token.matches(""))
        XCTAssertFalse(token.matches(String(token.text.dropLast())), "a prefix")
        XCTAssertFalse(token.matches(token.text + "0"), "longer")
        XCTAssertFalse(token.matches(token.text.uppercased()))
        var flipped = Array(token.text)
        flipped[63] = "e"
        XCTAssertFalse(token.matches(String(flipped)), "the last character differs")
    }
}
