import XCTest
@testable import AdmAudit

final class DecisionIDRegistryTests: XCTestCase {
    private func claim(_ registry: inout DecisionIDRegistry, _ id: String, file: Int = 0, line: Int) -> DecisionIDRegistry.FirstSeen? {
        var bytes = Array(id.utf8)
        return bytes.withUnsafeMutableBytes { registry.claim(UnsafeRawBufferPointer($0), fileIndex: file, line: line) }
    }

    func testFirstClaimWinsAndLaterClaimsNameTheFirstPlace() {
        var registry = DecisionIDRegistry(files: ["a.csv", "b.csv"])
        XCTAssertNil(claim(&registry, "D1", line: 2))
        let again = claim(&registry, "D1", file: 1, line: 9)
        XCTAssertEqual(again?.line, 2)
        XCTAssertEqual(again?.file, "a.csv")
        XCTAssertNil(claim(&registry, "d1", line: 3), "ids are case-sensitive")
    }

    /// Ids that look the same are one decision: a zero-width space, a full-width letter or a
    /// Cyrillic letter among Latin ones cannot make a second. Case still tells ids apart; ids
    /// wholly in another script (`Сёмин-3`, `Семин-3`) stay distinct, as do distinct Chinese ids.
    func testIdsThatLookTheSameAreOneDecision() {
        var registry = DecisionIDRegistry(files: ["a.csv"])
        XCTAssertNil(claim(&registry, "CE7", line: 2))
        for (line, disguised) in ["C\u{0415}7", "C\u{200B}E7", "\u{FF23}E7", "CE7\u{00AD}", "\u{FEFF}CE7", "CE\u{1BCA0}7"].enumerated() {
            XCTAssertEqual(claim(&registry, disguised, line: 3 + line)?.line, 2, disguised.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
        }
        XCTAssertNil(claim(&registry, "ce7", line: 20), "ids are case-sensitive")
        XCTAssertNil(claim(&registry, "\u{0421}\u{0415}7", line: 21), "an id wholly in Cyrillic is its own")
        XCTAssertNil(claim(&registry, "Семин-3", line: 22))
        XCTAssertNil(claim(&registry, "Сёмин-3", line: 23), "ё is not е")
        XCTAssertNil(claim(&registry, "记录001", line: 24))
        XCTAssertNil(claim(&registry, "记录002", line: 25))
        XCTAssertEqual(claim(&registry, "记录\u{2060}001", line: 26)?.line, 24)
    }

    /// Past many table growths every id is still found, with its first line.
    func testManyIdsSurviveGrowth() {
        var registry = DecisionIDRegistry(files: ["a.csv"], tableLimit: 1 << 17)
        for i in 0..<50_000 { XCTAssertNil(claim(&registry, "ID-\(i)", line: i + 2)) }
        for i in stride(from: 0, to: 50_000, by: 997) {
            XCTAssertEqual(claim(&registry, "ID-\(i)", line: 999_999)?.line, i + 2)
        }
        XCTAssertNil(claim(&registry, "ID-50000", line: 1))
    }

    /// Beyond the table, ids go into sorted runs: a repeat there is not found at once, but
    /// after the reading, with where the id was first seen, and a second reading that knows
    /// it rejects every later copy (one the first reading took for new, and one a part's
    /// table took for the first) and takes the first.
    func testRepeatsBeyondTheTableAreFoundAfterTheReading() throws {
        var first = DecisionIDRegistry(files: ["a.csv", "b.csv"], tableLimit: 2, runLength: 2)
        XCTAssertNil(claim(&first, "T1", line: 2))
        XCTAssertNil(claim(&first, "T2", line: 3))
        XCTAssertEqual(claim(&first, "T1", line: 4)?.line, 2, "in the table: found at once")
        XCTAssertNil(claim(&first, "R1", line: 5))
        XCTAssertNil(claim(&first, "R2", line: 6))
        XCTAssertNil(claim(&first, "R1", file: 1, line: 7), "beyond the table: not found at once")
        XCTAssertNil(claim(&first, "R3", line: 8))
        var later = DecisionIDRegistry(files: ["a.csv", "b.csv"], tableLimit: 2, runLength: 2)
        XCTAssertNil(claim(&later, "T2", file: 1, line: 20))
        XCTAssertEqual(claim(&later, "T2", file: 1, line: 21)?.line, 20, "the later part's table")
        first.join(later)

        let repeats = try first.repeatsFound()
        // Every later copy, in data order, with its id's first place (file index << 48 | line):
        // the table's own repeat (T1), a copy the later part's table took for the first (T2)
        // and the copy after it, and the copy beyond the table (R1).
        XCTAssertEqual(repeats.count, 4)
        var walk = try repeats.cursor()
        XCTAssertEqual(walk.firstPlace(ifRepeatAt: 3), nil)
        XCTAssertEqual(walk.firstPlace(ifRepeatAt: 4), 2)
        XCTAssertEqual(walk.firstPlace(ifRepeatAt: 1 << 48 | 7), 5)
        XCTAssertEqual(walk.firstPlace(ifRepeatAt: 1 << 48 | 20), 3)
        XCTAssertEqual(walk.firstPlace(ifRepeatAt: 1 << 48 | 21), 3)
        XCTAssertEqual(walk.firstPlace(ifRepeatAt: 1 << 48 | 22), nil)
        try repeats.finish()

        var second = DecisionIDRegistry(files: ["a.csv", "b.csv"], tableLimit: 2, runLength: 2)
        second.knownRepeats = try repeats.cursor()
        for (id, line) in [("T1", 2), ("T2", 3)] { XCTAssertNil(claim(&second, id, line: line)) }
        XCTAssertEqual(claim(&second, "T1", line: 4)?.line, 2)
        XCTAssertNil(claim(&second, "R1", line: 5), "the first copy is taken")
        XCTAssertNil(claim(&second, "R2", line: 6))
        let again = claim(&second, "R1", file: 1, line: 7)
        XCTAssertEqual([again?.file, again.map { String($0.line) }], ["a.csv", "5"])
        XCTAssertNil(claim(&second, "R3", line: 8))
        var secondLater = DecisionIDRegistry(files: ["a.csv", "b.csv"], tableLimit: 2, runLength: 2)
        secondLater.knownRepeats = try repeats.cursor()
        XCTAssertEqual(claim(&secondLater, "T2", file: 1, line: 20)?.line, 3, "the first part holds it")
        XCTAssertEqual(claim(&secondLater, "T2", file: 1, line: 21)?.line, 3)
        second.join(secondLater)
        XCTAssertTrue(try second.repeatsFound().isEmpty, "the second reading leaves no repeat")
        XCTAssertEqual(second.claimedCount, 5)
    }

    /// Past a few ranges of `holdsARepeat`: one repeat, in each quarter of the fingerprints
    /// (so in each range and on each thread), is found; none, none is.
    func testOneRepeatIsFoundInWhicheverRangeItsFingerprintFalls() throws {
        let count = 4 * DecisionIDRegistry.idsPerRange + 100
        let ids = (0..<count).map { "ID-\($0)" }
        // Ids past the table whose fingerprints fall in each quarter of the high word.
        var chosen: [Int] = []
        for quarter in 0..<4 {
            chosen.append(ids.indices.dropFirst(1000).first { index in
                var bytes = Array(ids[index].utf8)
                let high = bytes.withUnsafeMutableBytes { DecisionIDRegistry.fingerprint(UnsafeRawBufferPointer($0)).high }
                return high >> 62 == UInt64(quarter)
            }!)
        }
        for repeated in [nil] + chosen + [count - 1] {
            var registry = DecisionIDRegistry(files: ["a.csv"], tableLimit: 64, runLength: 4096)
            for (line, id) in ids.enumerated() { _ = claim(&registry, id, line: line + 2) }
            if let repeated { _ = claim(&registry, ids[repeated], line: count + 2) }
            let repeats = try registry.repeatsFound()
            XCTAssertEqual(repeats.count, repeated == nil ? 0 : 1, "repeat of \(String(describing: repeated))")
        }
    }

    /// One id repeated past the most a range of the sweep holds (a range can be split no
    /// finer than one fingerprint): the search goes on by a merge, with memory bounded, and
    /// every later copy is found.
    func testAFloodOfOneIdPastTheRangeLimitIsFoundByAMerge() throws {
        var registry = DecisionIDRegistry(files: ["a.csv"], tableLimit: 4, runLength: 4096)
        for index in 0..<10 { _ = claim(&registry, "ID-\(index)", line: index + 2) }
        let copies = DecisionIDRegistry.rangeLimit + 10
        for copy in 0..<copies { _ = claim(&registry, "FLOOD", line: copy + 20) }
        XCTAssertEqual(try registry.repeatsFound().count, copies - 1)
    }

    /// A run that cannot be written (TMPDIR missing) is an error when the repeats are
    /// sought, even when the ids beyond the table filled whole runs and none is left in
    /// memory: a repeat among the lost ids must not pass unseen.
    func testARunThatCouldNotBeWrittenIsAnErrorNotAnEmptyList() {
        let saved = getenv("TMPDIR").map { String(cString: $0) }
        setenv("TMPDIR", "/nonexistent-admaudit-folder", 1)
        defer { if let saved { setenv("TMPDIR", saved, 1) } else { unsetenv("TMPDIR") } }
        var registry = DecisionIDRegistry(files: ["a.csv"], tableLimit: 1, runLength: 2)
        XCTAssertNil(claim(&registry, "A1", line: 2))
        XCTAssertNil(claim(&registry, "B1", line: 3))
        XCTAssertNil(claim(&registry, "B1", line: 4))
        XCTAssertThrowsError(try registry.repeatsFound()) { error in
            XCTAssertTrue((error as? AuditError)?.message.contains("cannot make a temporary file") == true, "\(error)")
        }
    }

    /// The ids come out of the table and the runs in fingerprint order, each once.
    func testSortedEntriesCoverTableAndRuns() throws {
        var registry = DecisionIDRegistry(files: ["a.csv"], tableLimit: 100, runLength: 7)
        for i in 0..<1000 { XCTAssertNil(claim(&registry, "ID-\(i)", line: i + 2)) }
        var merge = try registry.sortedEntries()
        var entries: [DecisionIDRegistry.Entry] = []
        while let entry = merge.next() { entries.append(entry) }
        try merge.finish()
        XCTAssertEqual(entries.count, 1000)
        XCTAssertEqual(registry.claimedCount, 1000)
        XCTAssertTrue(zip(entries, entries.dropFirst()).allSatisfy { DecisionIDRegistry.Entry.precedes($0, $1) })
        XCTAssertEqual(Set(entries.map(\.place)), Set((0..<1000).map { UInt64($0 + 2) }))
    }

    /// Two ids whose FNV-1a hashes are equal (found by a cycle search in minutes, as an
    /// employer could): with the keyed fingerprint they are two decisions.
    func testIdsThatCollideUnderFNVAreDifferentDecisions() {
        let (a, b) = HostileIDs.fnvCollision
        XCTAssertEqual(HostileIDs.fnv1a(a), HostileIDs.fnv1a(b), "the pair collides under FNV-1a")
        var registry = DecisionIDRegistry(files: ["a.csv"])
        XCTAssertNil(claim(&registry, a, line: 2))
        XCTAssertNil(claim(&registry, b, line: 3))
    }

    /// The fingerprint is keyed: the same id under two keys gives two unrelated values.
    func testTheFingerprintDependsOnTheKey() {
        let bytes = Array("D0001".utf8)
        bytes.withUnsafeBytes { id in
            let one = SipHash(key: (1, 2)).hash128(id), other = SipHash(key: (3, 4)).hash128(id)
            XCTAssertNotEqual(one.low, other.low)
            XCTAssertNotEqual(one.high, other.high)
            let process = DecisionIDRegistry.fingerprint(id)
            let keyed = SipHash(key: SipHash.processKey).hash128(id)
            XCTAssertEqual([process.high, process.low], [keyed.high, keyed.low])
        }
    }
}

/// Ids an employer could choose to make an unkeyed hash collide.
enum HostileIDs {
    /// FNV-1a (64-bit) agrees on these two ids; fixtures/hostile/fnv-colliding-ids.csv holds them.
    static let fnvCollision = ("Dce9216614725cf31", "D598e489522c94553")

    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}
