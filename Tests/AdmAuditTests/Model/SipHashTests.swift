import XCTest
@testable import AdmAudit

/// SipHash against the reference implementation's published vectors.
final class SipHashTests: XCTestCase {
    /// SipHash-2-4, key 00 01 … 0f, messages 00 01 … (n−1) bytes long: the reference's
    /// `vectors.h` (64-bit output) for n = 0, 1, 7, 8 and 15.
    func testSipHash24VectorsOfTheReference() {
        let key = (UInt64(0x0706_0504_0302_0100), UInt64(0x0f0e_0d0c_0b0a_0908))
        let expected: [Int: UInt64] = [
            0: 0x726f_db47_dd0e_0e31, 1: 0x74f8_39c5_93dc_67fd, 7: 0xab02_00f5_8b01_d137,
            8: 0x93f5_f579_9a93_2462, 15: 0xa129_ca61_49be_45e5,
        ]
        let hasher = SipHash(key: key, compressionRounds: 2, finalizationRounds: 4)
        for (length, value) in expected {
            let message = (0..<length).map { UInt8($0) }
            XCTAssertEqual(message.withUnsafeBytes { hasher.hash64($0) }, value, "\(length) bytes")
        }
    }

    func testTheProcessKeyIsDrawnOnceAndIsNotZero() {
        XCTAssertTrue(SipHash.processKey == SipHash.processKey)
        XCTAssertFalse(SipHash.processKey == (0, 0))
    }
}
