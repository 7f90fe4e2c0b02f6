import Foundation
import XCTest
@testable import AdmAudit

/// The cores a run may use come from the affinity mask (`taskset -c 0` gives one), never
/// more than Foundation's count.
final class AvailableCoresTests: XCTestCase {
    func testTheMaskIsCountedBitByBit() {
        XCTAssertEqual(AvailableCores.allowed(status: "Name:\tx\nCpus_allowed:\t1\nCpus_allowed_list:\t0\n"), 1)
        XCTAssertEqual(AvailableCores.allowed(status: "Cpus_allowed:\t3\n"), 2)
        XCTAssertEqual(AvailableCores.allowed(status: "Cpus_allowed:\tff,ffffffff\n"), 40)
        XCTAssertEqual(AvailableCores.allowed(status: "Cpus_allowed:\t00000000,00000005\n"), 2)
        XCTAssertNil(AvailableCores.allowed(status: "Cpus_allowed:\t0\n"), "an empty mask is no answer")
        XCTAssertNil(AvailableCores.allowed(status: "Cpus_allowed:\tzz\n"))
        XCTAssertNil(AvailableCores.allowed(status: "Name:\tx\n"))
    }

    func testTheCountIsThisProcesssAndWithinFoundations() throws {
        let count = AvailableCores.count
        XCTAssertGreaterThanOrEqual(count, 1)
        XCTAssertLessThanOrEqual(count, ProcessInfo.processInfo.activeProcessorCount)
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        XCTAssertEqual(count, min(AvailableCores.allowed(status: status) ?? count, ProcessInfo.processInfo.activeProcessorCount))
    }
}
