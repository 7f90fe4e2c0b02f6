@testable import AdmAudit
import XCTest

/// `ParallelWork` and `BackgroundJob`: the order of the results and of the errors is the
/// items', however the work was shared between threads.
final class ParallelWorkTests: XCTestCase {
    func testResultsComeInTheItemsOrderWhateverTheirWeights() throws {
        let items = Array(0..<41)
        // Weights that put neighbours on different threads, and heavy items last.
        let squares = try ParallelWork.map(items, weight: { ($0 * 7919) % 13 + $0 }) { item throws(AuditError) -> Int in item * item }
        XCTAssertEqual(squares, items.map { $0 * $0 })
        XCTAssertEqual(try ParallelWork.map([Int](), weight: { $0 }) { item throws(AuditError) -> Int in item }, [])
        XCTAssertEqual(try ParallelWork.map([5], weight: { $0 }) { item throws(AuditError) -> Int in item + 1 }, [6])
    }

    func testTheFirstItemsErrorIsThrown() {
        // Items 3 and 8 fail; 8 is the heavier, so it is worked on first, on whichever thread.
        let items = Array(0..<10)
        XCTAssertThrowsError(try ParallelWork.map(items, weight: { $0 == 8 ? 1000 : 1 }) { item throws(AuditError) -> Int in
            if item == 3 || item == 8 { throw AuditError(.input, "item \(item) failed") }
            return item
        }) { error in
            XCTAssertEqual((error as? AuditError)?.message, "item 3 failed")
        }
    }

    func testABackgroundJobGivesItsValueOrItsError() throws {
        let job = BackgroundJob { () throws(AuditError) -> Int in (1...1000).reduce(0, +) }
        XCTAssertEqual(try job.value(), 500_500)
        XCTAssertEqual(try job.value(), 500_500, "a second wait returns at once, with the same value")
        let failing = BackgroundJob { () throws(AuditError) -> Int in throw AuditError(.output, "disk full") }
        failing.wait()
        XCTAssertThrowsError(try failing.value()) { XCTAssertEqual(($0 as? AuditError)?.message, "disk full") }
    }
}
