import Foundation
import XCTest
@testable import AdmAudit

/// UTF-16 without a byte-order mark is recognised by its NUL bytes.
final class InputEncodingTests: XCTestCase {
    private func detect(_ bytes: [UInt8]) -> InputEncoding {
        bytes.withUnsafeBytes { InputEncoding.detect(sample: $0, isWholeFile: true) }
    }

    func testUTF16WithoutAMarkIsDetectedInBothByteOrders() {
        let text = "decision_id,sex\nD1,女\n"
        XCTAssertEqual(detect(Array(text.data(using: .utf16LittleEndian)!)), .utf16le)
        XCTAssertEqual(detect(Array(text.data(using: .utf16BigEndian)!)), .utf16be)
        // Chinese text with few ASCII characters still has them in every line (delimiters, digits).
        XCTAssertEqual(detect(Array("员工编号,性别,结果\n1,女,辞退\n".data(using: .utf16LittleEndian)!)), .utf16le)
    }

    func testUTF8AndAFewNULsAreNotUTF16() {
        XCTAssertEqual(detect(Array("decision_id,sex\nD1,female\n".utf8)), .utf8)
        XCTAssertEqual(detect(Array("decision_id,sex\nD1\u{0},female\n".utf8)), .utf8)
        XCTAssertEqual(detect([0, 0, 0, 0]), .utf8)
        XCTAssertEqual(detect([0xFF, 0xFE, 0x61, 0x00]), .utf16le)
    }
}
