import Foundation
import XCTest
@testable import AdmAudit

/// Lower-case hex, two digits a byte, after an optional prefix: from bytes in memory and from
/// bytes made one at a time alike.
final class HexTests: XCTestCase {
    func testBytesInHexAfterAPrefix() {
        let bytes: [UInt8] = [0x00, 0x0f, 0x10, 0xab, 0xff]
        XCTAssertEqual(bytes.hexString, "000f10abff")
        XCTAssertEqual(bytes.hexString(after: "S-"), "S-000f10abff")
        XCTAssertEqual(bytes.lazy.map { $0 }.hexString(after: "hmac-sha256:"), "hmac-sha256:000f10abff")
        XCTAssertEqual([UInt8]().hexString(after: "S-"), "S-")
        XCTAssertEqual((0...255).map(UInt8.init).hexString, (0...255).map { String(format: "%02x", $0) }.joined())
        bytes.withUnsafeBytes { XCTAssertEqual(UnsafeRawBufferPointer(rebasing: $0.prefix(2)).hexString(after: "S-"), "S-000f") }
    }
}
