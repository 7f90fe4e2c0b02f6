import XCTest
@testable import AdmAudit

/// Instants in finding details: the wall-clock time in the run's zone, with its offset.
final class LocalCalendarTests: XCTestCase {
    private func calendar(_ zone: String) -> LocalCalendar { LocalCalendar(timeZone: TimeZone(identifier: zone)!) }

    func testAnInstantShowsAsLocalTimeWithItsOffset() {
        // 2025-04-29T16:00:00Z
        XCTAssertEqual(calendar("Asia/Shanghai").localText(1_745_942_400), "2025-04-30 00:00+08:00")
        XCTAssertEqual(calendar("UTC").localText(1_745_942_400), "2025-04-29 16:00+00:00")
    }

    func testSecondsShowOnlyWhenNotZero() {
        XCTAssertEqual(calendar("Asia/Shanghai").localText(1_745_942_415), "2025-04-30 00:00:15+08:00")
    }

    func testAZoneWestOfUTCFollowsDaylightSaving() {
        let newYork = calendar("America/New_York")
        // 2025-01-15T15:30:00Z and 2025-07-15T15:30:00Z
        XCTAssertEqual(newYork.localText(1_736_955_000), "2025-01-15 10:30-05:00")
        XCTAssertEqual(newYork.localText(1_752_593_400), "2025-07-15 11:30-04:00")
    }

    /// Offsets are cached in an array over the years around the first instant asked and in a
    /// dictionary beyond them: both give Foundation's offset, hour by hour, in either order.
    func testCachedOffsetsAreFoundationsInsideAndOutsideTheWindow() {
        let zone = TimeZone(identifier: "Europe/Berlin")!
        let berlin = LocalCalendar(timeZone: zone)
        let start: Int64 = 1_735_689_600  // 2025-01-01T00:00Z: the window runs from about 2023 to 2029
        var instants: [Int64] = stride(from: start - 3 * 366 * 86_400, to: start + 6 * 366 * 86_400, by: 7 * 3600 + 1).map { $0 }
        instants += [-2_208_988_800, 7_289_654_399, .max, .min + 3600]  // 1900, 2200 and the extremes
        for order in [instants, instants.reversed()] {
            for instant in order where instant > -10_000_000_000 && instant < 10_000_000_000 {
                let hour = instant >= 0 ? instant / 3600 : (instant - 3599) / 3600
                XCTAssertEqual(berlin.offset(at: instant), zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(hour * 3600))), "\(instant)")
            }
        }
        _ = berlin.offset(at: .max)
        _ = berlin.offset(at: .min + 3600)
    }

    func testAnOffsetOfPartHoursKeepsItsMinutes() {
        // 2025-03-01T00:00:00Z in India (UTC+5:30)
        XCTAssertEqual(calendar("Asia/Kolkata").localText(1_740_787_200), "2025-03-01 05:30+05:30")
    }

    /// The bounds a state file's times are held to are the years 1 to 9999, as the civil
    /// calendar of `LocalCalendar.day(of:)` counts them.
    func testTheShownTimesAreTheYearsOneToNineThousandNineHundredNinetyNine() {
        func date(_ instant: Int64) -> String { AsOfDate(instant: instant).description }
        XCTAssertEqual(date(LocalTime.instants.lowerBound), "1-01-01")
        XCTAssertEqual(date(LocalTime.instants.lowerBound - 1), "0-12-31")
        XCTAssertEqual(date(LocalTime.instants.upperBound), "9999-12-31")
        XCTAssertEqual(date(LocalTime.instants.upperBound + 1), "10000-01-01")
        XCTAssertEqual(LocalTime.days.lowerBound * 86_400, LocalTime.instants.lowerBound)
        XCTAssertEqual((LocalTime.days.upperBound + 1) * 86_400 - 1, LocalTime.instants.upperBound)
    }
}
