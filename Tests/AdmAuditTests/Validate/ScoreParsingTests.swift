import Foundation
import XCTest

@testable import AdmAudit

/// A score read without strtod (`RecordBuilder.plainDecimal`) is the very double strtod
/// reads, and a score it cannot read is left to strtod.
final class ScoreParsingTests: XCTestCase {
    func testPlainDecimalsAreTheDoublesStrtodReads() {
        var random = SeededGenerator(seed: 0x5EED_0005)
        var read = 0
        for _ in 0..<200_000 {
            let integerDigits = Int(random.next() % 9)
            let fractionDigits = Int(random.next() % 9)
            var text = random.next() % 4 == 0 ? "-" : ""
            for _ in 0..<integerDigits { text += String(random.next() % 10) }
            if random.next() % 5 != 0 { text += "." }
            for _ in 0..<fractionDigits { text += String(random.next() % 10) }
            let fast = Array(text.utf8).withUnsafeBytes { RecordBuilder.plainDecimal($0, separator: UInt8(ascii: ".")) }
            guard let fast else { continue }
            read += 1
            let slow = strtod(text, nil) + 0.0
            XCTAssertEqual(fast.bitPattern, slow.bitPattern, text)
        }
        XCTAssertGreaterThan(read, 150_000)
    }

    func testHardCasesAreReadAsStrtodReadsThem() {
        for text in ["0.1", "0.3", "-0", "-0.0", "123456789012345", "0.00000000000001", "900719925474.099",
                     "1.", ".5", "-.5", "999999999999999", "0.9849", "61.5"] {
            let fast = Array(text.utf8).withUnsafeBytes { RecordBuilder.plainDecimal($0, separator: UInt8(ascii: ".")) }
            XCTAssertEqual(fast?.bitPattern, (strtod(text, nil) + 0.0).bitPattern, text)
        }
        XCTAssertEqual(Array("0,25".utf8).withUnsafeBytes { RecordBuilder.plainDecimal($0, separator: UInt8(ascii: ",")) }, 0.25)
        // Left to strtod: more than 15 digits, exponents, signs other than a leading minus,
        // two separators, no digit.
        for text in ["1234567890123456", "1e5", "+1", "1.2.3", "-", ".", "1-", "0x10", "inf", "1,5"] {
            XCTAssertNil(Array(text.utf8).withUnsafeBytes { RecordBuilder.plainDecimal($0, separator: UInt8(ascii: ".")) }, text)
        }
    }
}
