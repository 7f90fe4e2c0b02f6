import Foundation
import XCTest
@testable import AdmAudit

extension Int64: SortedRunElement {
    public static func precedes(_ a: Int64, _ b: Int64) -> Bool { a < b }
}

extension UInt32: SortedRunElement {
    public static func precedes(_ a: UInt32, _ b: UInt32) -> Bool { a < b }
}

final class SortedRunsTests: XCTestCase {
    /// Values in runs of 100 spilled to TMPDIR, some still in the buffer, and a joined
    /// instance's: merged, they come out sorted, every one of them.
    func testTheMergeGivesEveryValueInOrder() throws {
        var generator = SystemRandomNumberGenerator()
        let values = (0..<10_050).map { _ in Int64.random(in: -500...500, using: &generator) }
        let runs = SortedRuns<Int64>(runLength: 100)
        let joined = SortedRuns<Int64>(runLength: 33)
        for (index, value) in values.enumerated() { (index % 3 == 0 ? joined : runs).append(value) }
        runs.join(joined)
        XCTAssertTrue(runs.hasSpilled)
        XCTAssertEqual(runs.count, values.count)
        var merge = try runs.merged()
        var out: [Int64] = []
        while let value = merge.next() { out.append(value) }
        try merge.finish()
        XCTAssertEqual(out, values.sorted())
    }

    /// Runs sorted and written behind the appends (on another thread where there is a second
    /// core), with a joined instance doing the same, and a range merged: the same values in the
    /// same order as sorted in place; a TMPDIR that cannot be written is still an error.
    func testRunsWrittenBehindTheAppendsMergeAsTheOthers() throws {
        var generator = SystemRandomNumberGenerator()
        let values = (0..<20_011).map { _ in Int64.random(in: -5_000...5_000, using: &generator) }
        let runs = SortedRuns<Int64>(runLength: 97, sortsBehind: true)
        let joined = SortedRuns<Int64>(runLength: 50, sortsBehind: true)
        for (index, value) in values.enumerated() { (index % 4 == 0 ? joined : runs).append(value) }
        runs.join(joined)
        XCTAssertEqual(runs.count, values.count)
        XCTAssertTrue(runs.hasSpilled)
        for (lower, upper) in [(nil, nil), (Int64(-100), Int64(2_000))] as [(Int64?, Int64?)] {
            var merge = try runs.merged(from: lower, below: upper)
            var out: [Int64] = []
            while let value = merge.next() { out.append(value) }
            try merge.finish()
            XCTAssertEqual(out, values.filter { value in value >= (lower ?? .min) && (upper.map { value < $0 } ?? true) }.sorted())
        }
        runs.spill(ifMoreThan: 0)
        var merge = try runs.merged()
        var count = 0
        while merge.next() != nil { count += 1 }
        XCTAssertEqual(count, values.count)

        let restore = Self.settingTMPDIR("/nonexistent-admaudit-folder")
        defer { restore() }
        let failing = SortedRuns<UInt32>(runLength: 2, sortsBehind: true)
        for value in 0..<9 { failing.append(UInt32(value)) }
        XCTAssertThrowsError(try failing.merged())
    }

    /// Two ranges merged on two threads at once from runs written behind: each gives its values,
    /// and neither writes anything the other reads (scripts/tsan runs this under the sanitizer;
    /// a review found `settle` writing on every call).
    func testTwoRangesMergeAtOnceOnTwoThreads() throws {
        let runs = SortedRuns<Int64>(runLength: 1000, sortsBehind: true)
        for value in 0..<5_500 { runs.append(Int64((value * 7919) % 5_500)) }
        runs.spill(ifMoreThan: 100)
        /// What one thread counted: a box of its own, so the threads share nothing they write.
        final class Count: @unchecked Sendable { var value = 0 }
        for _ in 0..<50 {
            let counts = [Count(), Count()]
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                guard var merge = try? runs.merged(from: index == 0 ? nil : 2_750, below: index == 0 ? 2_750 : nil) else { return }
                while merge.next() != nil { counts[index].value += 1 }
            }
            XCTAssertEqual(counts.map(\.value), [2_750, 2_750])
        }
    }

    /// A sweep gives each range's values (in no order), each once, runs on disk, in the
    /// buffer and joined alike, from any lower bound.
    func testASweepGivesEachRangesValues() throws {
        var generator = SystemRandomNumberGenerator()
        let values = (0..<4_001).map { _ in Int64.random(in: -200...200, using: &generator) }
        let runs = SortedRuns<Int64>(runLength: 100)
        let joined = SortedRuns<Int64>(runLength: 70)
        for (index, value) in values.enumerated() { (index % 5 == 0 ? joined : runs).append(value) }
        runs.join(joined)
        let sweeps: [(lower: Int64?, bounds: [Int64?])] = [(nil, [-150, -3, -3, 0, 199, nil]), (-3, [5, 500, nil]), (100, [nil]),
                                                           (nil, [-3]), (-3, [nil])]
        // Two at a time, on two threads where there are two cores.
        let ranges = try ParallelWork.map(sweeps, weight: { _ in 1 }) { (sweep) throws(AuditError) -> [[Int64]] in
            let reading = try runs.swept(from: sweep.lower, below: sweep.bounds.last!)
            var ranges: [[Int64]] = []
            for bound in sweep.bounds {
                var range: [Int64] = []
                reading.take(below: bound, into: &range)
                ranges.append(range)
            }
            try reading.finish()
            return ranges
        }
        for (sweep, got) in zip(sweeps, ranges) {
            var previous = sweep.lower
            for (bound, range) in zip(sweep.bounds, got) {
                let expected = values.filter { value in previous.map { value >= $0 } ?? true }
                    .filter { value in bound.map { value < $0 } ?? true }
                XCTAssertEqual(range.sorted(), expected.sorted(), "range \(String(describing: previous))..<\(String(describing: bound))")
                previous = bound ?? previous
            }
        }
    }

    /// Reading many runs at once, each reads smaller blocks: memory stays within the budget
    /// however large the input, down to a floor.
    func testBlocksShrinkWithTheNumberOfRuns() {
        XCTAssertEqual(SortedRuns<Int64>.blockLength(runs: 1), SortedRuns<Int64>.blockLength)
        XCTAssertEqual(SortedRuns<DecisionIDRegistry.Entry>.blockLength(runs: 150), 1024)
        let many = SortedRuns<DecisionIDRegistry.Entry>.blockLength(runs: 1500)
        XCTAssertLessThan(many, 1024)
        XCTAssertLessThanOrEqual(many * 1500 * MemoryLayout<DecisionIDRegistry.Entry>.stride, SortedRuns<Int64>.blockBudget)
        XCTAssertEqual(SortedRuns<Int64>.blockLength(runs: 1_000_000), 64)
    }

    /// The spill file is unlinked as soon as it is made: nothing is left in TMPDIR, even
    /// while the runs are held.
    func testTheSpillFileIsNeverSeenInTMPDIR() throws {
        let folder = TestSupport.scratchRoot.appendingPathComponent("sorted-runs-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let restore = Self.settingTMPDIR(folder)
        defer { restore() }
        let runs = SortedRuns<UInt32>(runLength: 10)
        for value in (0..<1000).reversed() { runs.append(UInt32(value)) }
        XCTAssertTrue(runs.hasSpilled)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [])
        var merge = try runs.merged()
        XCTAssertEqual(merge.next(), 0)
    }

    /// A TMPDIR that cannot be written: the failure is kept and thrown when the runs are read.
    func testAFolderThatCannotBeWrittenIsAnError() {
        let restore = Self.settingTMPDIR("/nonexistent-admaudit-folder")
        defer { restore() }
        let runs = SortedRuns<UInt32>(runLength: 2)
        for value in 0..<5 { runs.append(UInt32(value)) }
        XCTAssertThrowsError(try runs.merged()) { error in
            XCTAssertTrue((error as? AuditError)?.hint?.contains("TMPDIR") == true, "\(error)")
        }
    }

    /// Sets TMPDIR; returns what puts it back.
    private static func settingTMPDIR(_ folder: String) -> () -> Void {
        let saved = getenv("TMPDIR").map { String(cString: $0) }
        setenv("TMPDIR", folder, 1)
        return { if let saved { setenv("TMPDIR", saved, 1) } else { unsetenv("TMPDIR") } }
    }
}
