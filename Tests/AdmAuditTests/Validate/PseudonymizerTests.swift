import Foundation
import XCTest
@testable import AdmAudit

final class PseudonymizerTests: XCTestCase {
    private func shown(_ id: String, by pseudonymizer: Pseudonymizer) -> String {
        Array(id.utf8).withUnsafeBytes { pseudonymizer.display(FieldBytes(bytes: $0, isMissing: false)) }
    }

    /// A pseudonym is `S-` and the first 8 bytes of HMAC-SHA256(key, id) in hex (the values
    /// from Python's `hmac.new(key, id, hashlib.sha256).hexdigest()[:16]`), with a short key
    /// and one longer than a block (hashed first).
    func testAPseudonymIsTheStartOfTheIdsHMAC() throws {
        XCTAssertEqual(shown("A01", by: try Pseudonymizer(handling: .pseudonymize, key: Array("k".utf8), inputs: [])), "S-9511332663d29b09")
        let long = Array(String(repeating: "k", count: 100).utf8)
        XCTAssertEqual(shown("E0337434", by: try Pseudonymizer(handling: .pseudonymize, key: long, inputs: [])), "S-da2d7633c810437a")
    }

    /// A `separate` pseudonymizer (one per thread of a cut file) shows every worker as the one
    /// it was made from does, with a key given and with one derived from the inputs, and after
    /// either has been used.
    func testASeparateOneGivesTheSamePseudonyms() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pseudonymizer-\(UUID().uuidString).csv")
        try Data("decision_id\nD1\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        for original in [try Pseudonymizer(handling: .pseudonymize, key: Array("k".utf8), inputs: []),
                         try Pseudonymizer(handling: .pseudonymize, key: nil, inputs: [file.path])] {
            let before = shown("A01", by: original)
            let separate = original.separate()
            for id in ["A01", "E0337434", "张三", "\u{0410}01", String(repeating: "x", count: 200)] {
                XCTAssertEqual(shown(id, by: separate), shown(id, by: original), id)
            }
            XCTAssertEqual(shown("A01", by: original), before)
        }
        let derived = try Pseudonymizer(handling: .pseudonymize, key: nil, inputs: [file.path])
        XCTAssertNotEqual(shown("A01", by: derived), "S-9511332663d29b09", "a key derived from the inputs is not the given one")
    }
}
