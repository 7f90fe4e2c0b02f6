@testable import AdmAudit
import XCTest

/// `LineCounter` counts eight bytes at a time; a walk byte by byte is the reference.
final class LineCounterTests: XCTestCase {
    /// LF, CRLF and a lone CR each once, as the reader numbers lines.
    private func walked(_ bytes: [UInt8]) -> Int {
        var lines = 0
        var previousCR = false
        for byte in bytes {
            if byte == 0x0A {
                if !previousCR { lines += 1 }
            } else if byte == 0x0D {
                lines += 1
            }
            previousCR = byte == 0x0D
        }
        return lines
    }

    private func counted(_ bytes: [UInt8]) -> Int { bytes.withUnsafeBytes { LineCounter.count($0) } }

    func testEveryShapeOfLineEnd() {
        XCTAssertEqual(counted([]), 0)
        XCTAssertEqual(counted(Array("abc".utf8)), 0)
        XCTAssertEqual(counted(Array("a\nb\r\nc\rd\n\r".utf8)), 5)
        XCTAssertEqual(counted(Array("\r\n\r\n\r\r\n\n".utf8)), 5)
        // A CRLF pair across the boundary of two eight-byte words, and at the very end.
        XCTAssertEqual(counted(Array("1234567\r\n2345678\r\n".utf8)), 2)
        XCTAssertEqual(counted(Array("12345678\r\n".utf8)), 1)
        // Bytes that are near a line end but are not one (0x8A, 0x8D, 0x0B, 0x0C, 0x1A).
        XCTAssertEqual(counted([0x8A, 0x8D, 0x0B, 0x0C, 0x1A, 0x0E, 0x09, 0xFF, 0x8A, 0x0D]), 1)
    }

    func testRandomBuffersAgreeWithAWalk() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0x0A, 0x0D, 0x0D, 0x41, 0x8A, 0x8D, 0x00, 0xFF, 0x2C]
        for length in Array(0...80) + [255, 256, 257, 4096, 70_001] {
            for _ in 0..<20 {
                let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
                XCTAssertEqual(counted(bytes), walked(bytes), "\(bytes)")
            }
        }
    }
}
