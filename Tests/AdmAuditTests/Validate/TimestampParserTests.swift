import Foundation
import XCTest

@testable import AdmAudit

/// Expected instants were computed independently with Python's `datetime` and `zoneinfo`
/// (fold=0 for gaps and overlaps), never with the parser under test.
final class TimestampParserTests: XCTestCase {

    // MARK: Helpers

    /// The parser's answer, a problem worded as the English report words it.
    private enum Parsed: Equatable {
        case instant(Int64)
        case invalid(String)
    }

    private func parse(_ text: String, zone: String = "UTC", order: DateOrder = .ymd) -> Parsed {
        var parser = TimestampParser(timeZone: TimeZone(identifier: zone)!, dateOrder: order)
        switch parser.parse(text) {
        case .instant(let seconds): return .instant(seconds)
        case .invalid(let problem): return .invalid(ReportText(language: .en).timestampProblem(problem))
        }
    }

    private func assertInstant(
        _ text: String, _ expected: Int64, zone: String = "UTC", order: DateOrder = .ymd,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(parse(text, zone: zone, order: order), .instant(expected), "\(text) in \(zone)", file: file, line: line)
    }

    /// Asserts the value is rejected and the reason contains `fragment` (the whole reason when it is exact).
    private func assertInvalid(
        _ text: String, _ fragment: String, zone: String = "UTC", order: DateOrder = .ymd,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        switch parse(text, zone: zone, order: order) {
        case .instant(let seconds):
            XCTFail("\(text) parsed as \(seconds), expected invalid", file: file, line: line)
        case .invalid(let reason):
            XCTAssertTrue(reason.contains(fragment), "\(text): reason \"\(reason)\" lacks \"\(fragment)\"", file: file, line: line)
            XCTAssertFalse(reason.isEmpty, file: file, line: line)
        }
    }

    private func isInvalid(_ result: TimestampParseResult) -> Bool {
        if case .invalid = result { return true }
        return false
    }

    // MARK: ISO 8601

    func testISODateOnlyIsLocalMidnight() {
        assertInstant("2025-03-07", 1_741_305_600)
    }

    func testISODateTimes() {
        assertInstant("2025-03-07T09:05", 1_741_338_300)
        assertInstant("2025-03-07T09:05:00", 1_741_338_300)
        assertInstant("2025-03-07 09:05:00", 1_741_338_300)
        assertInstant("2025-03-07t09:05:30", 1_741_338_330)
        assertInstant("2025-03-07  09:05", 1_741_338_300)
    }

    func testFractionalSecondsTruncateToEarlierSecond() {
        assertInstant("2025-03-07 09:05:00.123", 1_741_338_300)
        assertInstant("2025-03-07T09:05:59.999", 1_741_338_359)
        assertInstant("2025-03-07T09:05:59,999999", 1_741_338_359)
        assertInstant("2025-03-07T09:05:00.5Z", 1_741_338_300)
        assertInstant("2025-03-07 09:05:00." + String(repeating: "9", count: 1000), 1_741_338_300)
    }

    func testExplicitOffsets() {
        assertInstant("2025-03-07T09:05:00Z", 1_741_338_300)
        assertInstant("2025-03-07T09:05:00z", 1_741_338_300)
        assertInstant("2025-03-07T09:05:00+08:00", 1_741_309_500)
        assertInstant("2025-03-07T09:05:00+0800", 1_741_309_500)
        assertInstant("2025-03-07T09:05:00+08", 1_741_309_500)
        assertInstant("2025-03-07T09:05:00-05", 1_741_356_300)
        assertInstant("2025-03-07T09:05:00-05:00", 1_741_356_300)
        assertInstant("2025-03-07 09:05:00 +08:00", 1_741_309_500)
        assertInstant("2025-03-07 09:05 Z", 1_741_338_300)
        assertInstant("2025-03-07T09:05+05:30", 1_741_318_500)
        assertInstant("2025-03-07T09:05-0930", 1_741_372_500)
        assertInstant("2025-03-07T09:05:00.123+08:00", 1_741_309_500)
    }

    func testExplicitOffsetOverridesTimeZone() {
        assertInstant("2025-03-07 09:05+00:00", 1_741_338_300, zone: "Asia/Shanghai")
        assertInstant("2025-03-07T09:05Z", 1_741_338_300, zone: "Europe/Berlin")
        assertInstant("2025-03-07T09:05:00+08:00", 1_741_309_500, zone: "America/New_York")
        // Inside Berlin's spring-forward gap, but the offset makes the instant exact.
        assertInstant("2025-03-30T02:30:00+02:00", 1_743_294_600, zone: "Europe/Berlin")
    }

    /// The fixed-place reading of `YYYY-MM-DD[T| ]HH:MM:SS[Z]` (the shape most exports write)
    /// gives every value the whole grammar's answer: the same instant, or the same problem.
    /// Values are drawn near that shape: digits out of range (month 13, 30 February, hour
    /// 24, year 1899), other separators and lengths, in zones with and without summer time.
    func testPlainISOShortcutReadsAsTheGrammarDoes() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        func two(_ low: Int, _ high: Int) -> String {
            let value = low + next(high - low + 1)
            return value < 10 ? "0\(value)" : "\(value)"
        }
        let separators = ["T", "t", " ", "_", "  "]
        let ends = ["", "Z", "z", "+08:00", " ", "x", ".5Z"]
        var accepted = 0
        for zone in ["UTC", "Asia/Shanghai", "Europe/Berlin", "America/New_York"] {
            var fast = TimestampParser(timeZone: TimeZone(identifier: zone)!)
            var grammar = TimestampParser(timeZone: TimeZone(identifier: zone)!)
            for _ in 0..<20_000 {
                let year = [1899, 1900, 1970, 2000, 2024, 2025, 2100, 2200, 2201][next(9)]
                var text = "\(year)-\(two(0, 13))-\(two(0, 32))"
                if next(8) > 0 {
                    text += separators[next(separators.count)] + "\(two(0, 24)):\(two(0, 60)):\(two(0, 60))" + ends[next(ends.count)]
                }
                if next(16) == 0 { text = String(text.dropLast()) }
                let bytes = Array(text.utf8)
                let expected = bytes.withUnsafeBytes { grammar.parseByGrammar($0) }
                XCTAssertEqual(bytes.withUnsafeBytes { fast.parse($0) }, expected, "\(text) in \(zone)")
                if case .instant = expected { accepted += 1 }
            }
        }
        XCTAssertGreaterThan(accepted, 20_000, "most drawn values should be timestamps")
    }

    // MARK: Short and slashed forms

    func testSingleDigitAndSlashedForms() {
        assertInstant("2025-3-7 9:05", 1_741_338_300)
        assertInstant("2025/3/7 9:05", 1_741_338_300)
        assertInstant("2025/3/7 9:05:30", 1_741_338_330)
        assertInstant("2025/03/07", 1_741_305_600)
        assertInstant("2025.3.7", 1_741_305_600)
        assertInstant("2025.03.07 09:05", 1_741_338_300)
    }

    func testSurroundingBlanksAreTolerated() {
        assertInstant("  2025-03-07 09:05  ", 1_741_338_300)
        assertInstant("\t2025-03-07\t", 1_741_305_600)
        assertInstant(" 45723 ", 1_741_305_600)
    }

    // MARK: Chinese

    func testChineseDates() {
        assertInstant("2025年3月7日", 1_741_305_600)
        assertInstant("2025年3月7日 9:05", 1_741_338_300)
        assertInstant("2025年3月7日9时5分", 1_741_338_300)
        assertInstant("2025年3月7日 9时5分30秒", 1_741_338_330)
        assertInstant("2025年03月07日 09:05:00", 1_741_338_300)
        assertInstant("2025年3月7日 下午3时5分", 1_741_359_900)
        assertInstant("2025年3月7日下午9:05", 1_741_381_500)
    }

    // MARK: 12-hour clocks

    func testAMPMSuffix() {
        assertInstant("2025/3/7 9:05 PM", 1_741_381_500)
        assertInstant("2025/3/7 9:05 pm", 1_741_381_500)
        assertInstant("2025/3/7 9:05PM", 1_741_381_500)
        assertInstant("2025/3/7 9:05 am", 1_741_338_300)
        assertInstant("2025/3/7 9:05 AM", 1_741_338_300)
        assertInstant("2025/3/7 9:05:30 Am", 1_741_338_330)
        assertInstant("2025-03-07 9:05 PM +08:00", 1_741_352_700)
    }

    func testChineseMeridiemPrefix() {
        assertInstant("2025/3/7 下午9:05", 1_741_381_500)
        assertInstant("2025/3/7 上午9:05", 1_741_338_300)
        assertInstant("2025/3/7 下午 9:05", 1_741_381_500)
        assertInstant("2025/3/7下午9:05", 1_741_381_500)
        assertInstant("2025年3月7日 下午9:05", 1_741_352_700, zone: "Asia/Shanghai")
    }

    func testTwelveOClockEdges() {
        assertInstant("2025/3/7 12:00 AM", 1_741_305_600)
        assertInstant("2025/3/7 12:30 am", 1_741_307_400)
        assertInstant("2025/3/7 12:00 PM", 1_741_348_800)
        assertInstant("2025/3/7 上午12:00", 1_741_305_600)
        assertInstant("2025/3/7 下午12:00", 1_741_348_800)
    }

    // MARK: Year-last dates

    func testYearLastDatesFollowDateOrder() {
        assertInstant("7/3/2025", 1_741_305_600, order: .dmy)  // 7 March
        assertInstant("7/3/2025", 1_751_500_800, order: .mdy)  // 3 July
        assertInstant("07-03-2025 09:05", 1_741_338_300, order: .dmy)
        assertInstant("07-03-2025 09:05", 1_751_533_500, order: .mdy)
        assertInstant("7.3.2025", 1_741_305_600, order: .dmy)
        assertInstant("13/03/2025", 1_741_824_000, order: .dmy)
        assertInstant("3/13/2025", 1_741_824_000, order: .mdy)
        assertInstant("7/3/2025 9:05 PM", 1_741_381_500, order: .dmy)
    }

    func testYearLastDatesAreAmbiguousWithoutDateOrder() {
        let expected =
            "the day/month order of 7/3/2025 is ambiguous; set input.date_order to dmy or mdy in the pipeline file"
        XCTAssertEqual(parse("7/3/2025"), .invalid(expected))
        assertInvalid("07-03-2025 09:05", "07-03-2025 is ambiguous")
        assertInvalid("13/03/2025", "input.date_order")
        // Year-first dates do not depend on the setting.
        for order in DateOrder.allCases {
            assertInstant("2025-03-07", 1_741_305_600, order: order)
            assertInstant("2025年3月7日", 1_741_305_600, order: order)
        }
    }

    func testYearLastValidationMentionsDateOrder() {
        assertInvalid("3/13/2025", "month 13 does not exist; expected 1–12 (input.date_order is dmy)", order: .dmy)
        assertInvalid("13/03/2025", "(input.date_order is mdy)", order: .mdy)
        assertInvalid("31/4/2025", "day 31 does not exist in April 2025", order: .dmy)
        assertInvalid("7/3/25", "two-digit years", order: .dmy)
    }

    // MARK: Excel serial numbers

    func testExcelSerials() {
        assertInstant("45723", 1_741_305_600)
        assertInstant("45723.375", 1_741_338_000)
        assertInstant("45723.", 1_741_305_600)
        assertInstant("20000", -481_161_600)  // 1954-10-03
        assertInstant("80000", 4_702_838_400)  // 2119-01-11
        assertInstant("80000.000", 4_702_838_400)
    }

    func testExcelFractionRoundsToNearestSecond() {
        // 0.5000058 day = 43200.501 s → 43201 s.
        assertInstant("45723.5000058", 1_741_348_801)
        // 0.99999999 day = 86399.999 s → the next midnight.
        assertInstant("45723.99999999", 1_741_392_000)
        // 0.375 day written with binary noise.
        assertInstant("45723.374999999999", 1_741_338_000)
    }

    func testExcelSerialsAreLocalTimes() {
        assertInstant("45723.375", 1_741_309_200, zone: "Asia/Shanghai")
        // 45746.1041666667 is 2025-03-30 02:30, inside Berlin's gap: same rule as text.
        assertInstant("45746.1041666667", 1_743_298_200, zone: "Europe/Berlin")
    }

    func testExcelSerialsOutOfRange() {
        let reason = "a plain number is read as an Excel serial date, which must be between 20000 (1954) and 80000 (2119)"
        XCTAssertEqual(parse("19999"), .invalid(reason))
        assertInvalid("80001", "Excel serial")
        assertInvalid("80000.5", "Excel serial")
        assertInvalid("2025", "Excel serial")
        assertInvalid("20251307", "Excel serial")  // no 13th month: not a day written as one number
        assertInvalid("20250230", "Excel serial")
        assertInvalid("0", "Excel serial")
        assertInvalid("2025.3", "Excel serial")
    }

    // MARK: A day written as one number

    /// `yyyyMMdd` as Chinese systems and SAP export it, a local day whatever the date order;
    /// with a time after a space, or run on as `yyyyMMddHHmmss`.
    func testADayWrittenAsOneNumber() {
        assertInstant("20250307", 1_741_305_600)
        assertInstant("20250307", 1_741_276_800, zone: "Asia/Shanghai")
        assertInstant("20250307", 1_741_305_600, order: .dmy)
        assertInstant("20240229", 1_709_164_800)
        assertInstant("20250307 14:30", 1_741_357_800)
        assertInstant("20250307T14:30:00", 1_741_357_800)
        assertInstant("20250307143000", 1_741_329_000, zone: "Asia/Shanghai")
        var parser = TimestampParser(timeZone: TimeZone(identifier: "UTC")!)
        _ = parser.parse("20250307")
        XCTAssertTrue(parser.lastWasDayOnly)
        _ = parser.parse("20250307143000")
        XCTAssertFalse(parser.lastWasDayOnly)
        assertInvalid("20250307-14:30", "after the date")
        assertInvalid("20250307250000", "Excel serial")  // no 25th hour
        assertInvalid("20250307.5", "Excel serial")
    }

    // MARK: Unix epoch

    func testEpochSecondsAreUTC() {
        assertInstant("1736759400", 1_736_759_400)  // 2025-01-13T09:10:00Z
        assertInstant("1736759400", 1_736_759_400, zone: "Asia/Shanghai")
        assertInstant("1736759400", 1_736_759_400, zone: "America/New_York", order: .mdy)
        assertInstant("1000000000", 1_000_000_000)  // 2001-09-09, the first 10-digit second
        assertInstant("9999999999", 9_999_999_999)  // 2286-11-20
        assertInstant(" 1736759400 ", 1_736_759_400)
    }

    func testEpochMillisecondsTruncateToTheSecond() {
        assertInstant("1736759400123", 1_736_759_400)
        assertInstant("1736759400999", 1_736_759_400)
        assertInstant("1736759400000", 1_736_759_400, zone: "Europe/Berlin")
    }

    func testOtherDigitCountsAreNotEpochs() {
        // 9, 11, 12 and 14 digits: neither seconds nor milliseconds; too long for an Excel serial.
        for text in ["173675940", "17367594001", "173675940012", "17367594001234", "173675940012345"] {
            assertInvalid(text, "Excel serial")
        }
        assertInvalid("0999999999", "Excel serial")  // ten digits below 1e9: not a second since 2001
        assertInvalid("1736759400.5", "Excel serial")  // epochs are whole numbers
        assertInvalid("-1736759400", "not a date or time")
    }

    // MARK: Month names

    func testDayMonthNameYear() {
        assertInstant("13-JAN-2025 09:10", 1_736_759_400)
        assertInstant("13-Jan-2025", 1_736_726_400)
        assertInstant("13 Jan 2025", 1_736_726_400)
        assertInstant("13 January 2025", 1_736_726_400)
        assertInstant("13/jan/2025", 1_736_726_400)
        assertInstant("13-JAN-2025 09:10:00", 1_736_759_400)
        assertInstant("13-JAN-2025 09:10", 1_736_730_600, zone: "Asia/Shanghai")
    }

    func testMonthNameDayYear() {
        assertInstant("Jan 13, 2025", 1_736_726_400)
        assertInstant("Jan 13 2025", 1_736_726_400)
        assertInstant("January 13, 2025", 1_736_726_400)
        assertInstant("JANUARY 13 2025", 1_736_726_400)
        assertInstant("Jan 13, 2025 9:10 AM", 1_736_759_400)
        assertInstant("Mar 1, 2025 9:05 pm", 1_740_863_100)
        assertInstant("Jan 13, 2025 09:10", 1_736_777_400, zone: "America/New_York")
    }

    func testMonthNamesNeedNoDateOrder() {
        // A month written as a word is never ambiguous, whatever input.date_order says.
        for order in DateOrder.allCases {
            assertInstant("13-JAN-2025", 1_736_726_400, order: order)
            assertInstant("Jan 13, 2025", 1_736_726_400, order: order)
        }
    }

    func testEveryMonthAndSept() {
        let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let firsts: [Int64] = [1_735_689_600, 1_738_368_000, 1_740_787_200, 1_743_465_600, 1_746_057_600, 1_748_736_000,
                               1_751_328_000, 1_754_006_400, 1_756_684_800, 1_759_276_800, 1_761_955_200, 1_764_547_200]
        for (name, instant) in zip(names, firsts) {
            assertInstant("01-\(name.uppercased())-2025", instant)
        }
        assertInstant("13-SEPT-2025", 1_757_721_600)
        assertInstant("Sept 13, 2025", 1_757_721_600)
        assertInstant("13 September 2025", 1_757_721_600)
        assertInstant("May 5, 2025", 1_746_403_200)
    }

    func testUnknownMonthNamesAreNotDates() {
        for text in ["13-FOO-2025", "13-JA-2025", "13-JANU-2025", "Janu 13, 2025", "13-JANUARYX-2025", "Foo 13, 2025", "13-MÄR-2025"] {
            assertInvalid(text, "not a date or time")
        }
    }

    func testMonthNameDatesAreValidated() {
        assertInvalid("31-FEB-2025", "day 31 does not exist in February 2025")
        assertInvalid("Feb 29, 2025", "day 29 does not exist in February 2025")
        assertInstant("Feb 29, 2024", 1_709_164_800)
        assertInvalid("0-JAN-2025", "day 0 does not exist")
        assertInvalid("13-JAN-1850", "year 1850 is outside")
        assertInvalid("13-JAN-2025 25:00", "hour 25")
        assertInvalid("13-JAN-2025 09:10 foo", "unexpected text after the time")
        assertInvalid("Jan 123, 2025", "not a date or time")
    }

    func testTwoDigitYearsWithMonthNamesAreRejected() {
        assertInvalid("13-JAN-25", "two-digit years")
        assertInvalid("Jan 13, 25", "two-digit years")
        assertInvalid("13 Jan 25 09:10", "two-digit years")
        assertInvalid("13-JAN-202", "not a date or time")
    }

    /// With `input.two_digit_years`, the century is the pipeline's; the year's digits are
    /// two or four, never one or three, and the day/month order is still needed.
    func testTwoDigitYearsInTheCenturyThePipelineGives() {
        func read(_ text: String, _ order: DateOrder, _ years: TwoDigitYears) -> TimestampParseResult {
            var parser = TimestampParser(timeZone: TimeZone(identifier: "UTC")!, dateOrder: order, twoDigitYears: years)
            return parser.parse(text)
        }
        XCTAssertEqual(read("10/23/25", .mdy, .twoThousands), .instant(1_761_177_600))  // 2025-10-23
        XCTAssertEqual(read("23/10/25 09:10", .dmy, .twoThousands), .instant(1_761_210_600))
        XCTAssertEqual(read("13-JAN-25", .ymd, .twoThousands), .instant(1_736_726_400))  // 2025-01-13
        XCTAssertEqual(read("Jan 13, 25", .ymd, .twoThousands), .instant(1_736_726_400))
        XCTAssertEqual(read("3/5/85", .mdy, .nineteenHundreds), .instant(478_828_800))  // 1985-03-05
        XCTAssertEqual(read("10/23/2025", .mdy, .nineteenHundreds), .instant(1_761_177_600), "four digits are the year as written")
        XCTAssertEqual(read("10/23/5", .mdy, .twoThousands), .invalid(.notATimestamp))
        XCTAssertEqual(read("10/23/025", .mdy, .twoThousands), .invalid(.notATimestamp))
        XCTAssertEqual(read("2/29/25", .mdy, .twoThousands), .invalid(.dayOutOfRange(day: 29, month: 2, year: 2025)))
        if case .invalid(.ambiguousDayMonth) = read("10/3/25", .ymd, .twoThousands) {} else { XCTFail("the order is still needed") }
        // After dashes, the year may come first (`25-10-01`): refused whatever the setting.
        XCTAssertEqual(read("25-10-01", .dmy, .twoThousands), .invalid(.twoDigitYear))
        XCTAssertEqual(read("23.10.25", .dmy, .twoThousands), .instant(1_761_177_600))
        // Without the setting, as before.
        assertInvalid("10/23/25", "two-digit years", order: .mdy)
    }

    // MARK: Time zones

    func testShanghaiLocalTime() {
        assertInstant("2025-03-07 09:05", 1_741_309_500, zone: "Asia/Shanghai")
        assertInstant("2025年3月7日 9时5分", 1_741_309_500, zone: "Asia/Shanghai")
    }

    func testBerlinSpringForwardGapUsesOffsetBeforeGap() {
        // 02:30 does not exist on 2025-03-30; read with CET (+01:00), it is 01:30Z = 03:30 CEST.
        assertInstant("2025-03-30 02:30", 1_743_298_200, zone: "Europe/Berlin")
        assertInstant("2025-03-30 01:59:59", 1_743_296_399, zone: "Europe/Berlin")
        assertInstant("2025-03-30 03:00", 1_743_296_400, zone: "Europe/Berlin")
    }

    func testBerlinFallBackOverlapUsesEarlierInstant() {
        // 02:30 happens twice on 2025-10-26; the CEST reading (00:30Z) comes first.
        assertInstant("2025-10-26 02:30", 1_761_438_600, zone: "Europe/Berlin")
        assertInstant("2025-10-26 01:59:59", 1_761_436_799, zone: "Europe/Berlin")
        assertInstant("2025-10-26 03:00", 1_761_444_000, zone: "Europe/Berlin")
    }

    func testNewYorkGapAndOverlap() {
        assertInstant("2025-03-09 02:30", 1_741_505_400, zone: "America/New_York")
        assertInstant("2025-11-02 01:30", 1_762_061_400, zone: "America/New_York")
    }

    func testBerlinSummerWinterAndOtherEras() {
        assertInstant("2025-07-01 12:00", 1_751_364_000, zone: "Europe/Berlin")
        assertInstant("2025-01-15 12:00", 1_736_938_800, zone: "Europe/Berlin")
        assertInstant("1960-01-01", -315_622_800, zone: "Europe/Berlin")
        assertInstant("2150-07-01 12:00", 5_695_956_000, zone: "Europe/Berlin")
        assertInstant("2150-01-01 12:00", 5_680_321_200, zone: "Europe/Berlin")
    }

    /// Walks four years of Berlin days (more than the cache holds) forwards and backwards,
    /// so cached, evicted and recomputed days all agree with the published DST dates.
    func testBerlinSweepAcrossCacheEvictions() {
        // Last Sundays of March and October (Python zoneinfo): summer time runs from the first to the second.
        let summer: [Int: (start: (Int, Int), end: (Int, Int))] = [
            2024: ((3, 31), (10, 27)), 2025: ((3, 30), (10, 26)),
            2026: ((3, 29), (10, 25)), 2027: ((3, 28), (10, 31)),
        ]
        var days: [(y: Int, m: Int, d: Int, epochDay: Int64)] = []
        var epochDay: Int64 = 19_723  // 2024-01-01
        for year in 2024...2027 {
            for month in 1...12 {
                let length = [31, year % 4 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
                for day in 1...length {
                    days.append((year, month, day, epochDay))
                    epochDay += 1
                }
            }
        }
        XCTAssertEqual(days.last?.epochDay, 21_183)  // 2027-12-31

        var parser = TimestampParser(timeZone: TimeZone(identifier: "Europe/Berlin")!)
        for pass in [days, days.reversed()] {
            for entry in pass {
                let rule = summer[entry.y]!
                let key = entry.m * 100 + entry.d
                let isSummer = key >= rule.start.0 * 100 + rule.start.1 && key < rule.end.0 * 100 + rule.end.1
                let offset: Int64 = isSummer ? 7200 : 3600
                for (text, secondsIntoDay) in [("12:00", Int64(43_200)), ("23:30:15", Int64(84_615))] {
                    let input = String(format: "%04d-%02d-%02d %@", entry.y, entry.m, entry.d, text)
                    let expected = entry.epochDay * 86_400 + secondsIntoDay - offset
                    XCTAssertEqual(parser.parse(input), .instant(expected), input)
                }
            }
        }
    }

    func testUTCBoundaries() {
        assertInstant("1969-12-31 23:59:59", -1)
        assertInstant("1900-01-01", -2_208_988_800)
        assertInstant("2200-12-31 23:59:59", 7_289_654_399)
        assertInstant("2024-02-29", 1_709_164_800)
        assertInstant("2000-02-29", 951_782_400)
    }

    func testCopiesKeepIndependentCaches() {
        var original = TimestampParser(timeZone: TimeZone(identifier: "Europe/Berlin")!)
        XCTAssertEqual(original.parse("2025-07-01 12:00"), .instant(1_751_364_000))
        var copy = original
        XCTAssertEqual(copy.parse("2025-01-15 12:00"), .instant(1_736_938_800))
        XCTAssertEqual(original.parse("2025-07-01 12:00"), .instant(1_751_364_000))
        XCTAssertEqual(copy.parse("2025-07-01 12:00"), .instant(1_751_364_000))
    }

    func testParserIsSendable() {
        let parser = TimestampParser(timeZone: TimeZone(identifier: "UTC")!, dateOrder: .dmy)
        let sendable: any Sendable = parser
        XCTAssertNotNil(sendable)
        XCTAssertEqual(DateOrder(rawValue: "dmy"), .dmy)
        XCTAssertEqual(DateOrder.allCases, [.ymd, .dmy, .mdy])
    }

    // MARK: Byte interface

    func testParsesBytesFromASlice() {
        let line = Array("id,2025-03-07 09:05,x".utf8)
        var parser = TimestampParser(timeZone: TimeZone(identifier: "Asia/Shanghai")!)
        let result = line.withUnsafeBytes { parser.parse(UnsafeRawBufferPointer(rebasing: $0[3..<19])) }
        XCTAssertEqual(result, .instant(1_741_309_500))

        let ambiguous = Array("a,7/3/2025,b".utf8)
        let reason = ambiguous.withUnsafeBytes { parser.parse(UnsafeRawBufferPointer(rebasing: $0[2..<10])) }
        XCTAssertEqual(reason, .invalid(.ambiguousDayMonth("7/3/2025")))
    }

    func testEmptyBufferWithoutBaseAddress() {
        var parser = TimestampParser(timeZone: TimeZone(identifier: "UTC")!)
        XCTAssertTrue(isInvalid(parser.parse(UnsafeRawBufferPointer(start: nil, count: 0))))
    }

    // MARK: Validation failures

    func testCalendarValidation() {
        XCTAssertEqual(parse("2025-13-01"), .invalid("month 13 does not exist; expected 1–12"))
        XCTAssertEqual(parse("2025-02-29"), .invalid("day 29 does not exist in February 2025"))
        XCTAssertEqual(parse("2025-04-31"), .invalid("day 31 does not exist in April 2025"))
        assertInvalid("2025-00-07", "month 0 does not exist")
        assertInvalid("2025-03-00", "day 0 does not exist in March 2025")
        assertInvalid("2025-03-32", "day 32 does not exist in March 2025")
        assertInvalid("1900-02-29", "day 29 does not exist in February 1900")
        assertInvalid("2025年2月30日", "day 30 does not exist in February 2025")
        XCTAssertEqual(parse("1899-12-31"), .invalid("year 1899 is outside the supported range 1900–2200"))
        assertInvalid("2201-01-01", "year 2201 is outside the supported range 1900–2200")
        assertInvalid("0000-01-01", "year 0")
    }

    func testClockValidation() {
        XCTAssertEqual(parse("2025-03-07 24:00:00"), .invalid("hour 24 does not exist; expected 0–23"))
        assertInvalid("2025-03-07 24:00", "hour 24")
        assertInvalid("2025-03-07 09:60", "minute 60 does not exist; expected 0–59")
        assertInvalid("2025-03-07 09:05:60", "second 60 does not exist")
        assertInvalid("2025-03-07 99:05", "hour 99")
        assertInvalid("2025年3月7日 9时60分", "minute 60")
        assertInvalid("2025年3月7日 9时5分60秒", "second 60")
        assertInvalid("2025/3/7 13:05 PM", "hour 13 cannot be used with AM/PM")
        assertInvalid("2025/3/7 0:05 AM", "hour 0 cannot be used with AM/PM")
        assertInvalid("2025/3/7 下午13:05", "hour 13 cannot be used")
        assertInvalid("2025/3/7 下午9:05 PM", "both 上午/下午 and AM/PM")
    }

    func testMalformedTimesAndOffsets() {
        assertInvalid("2025-03-07T", "time is incomplete")
        assertInvalid("2025-03-07 9", "time is incomplete")
        assertInvalid("2025-03-07 09:5", "time is incomplete")
        assertInvalid("2025-03-07 09:05:0", "time is incomplete")
        assertInvalid("2025-03-07 09:05:00.", "time is incomplete")
        assertInvalid("2025-03-07 123:05", "time is incomplete")
        assertInvalid("2025年3月7日 9时", "time is incomplete")
        assertInvalid("2025年3月7日 9时5分30", "time is incomplete")
        assertInvalid("2025-03-07 foo", "time is incomplete")
        assertInvalid("2025-03-07x09:05", "unexpected text after the date")
        assertInvalid("2025-03-0709:05", "not a date or time")
        assertInvalid("2025-03-07Z", "unexpected text after the date")
        assertInvalid("2025-03-07 09:05 +25:00", "UTC offset is out of range")
        assertInvalid("2025-03-07 09:05 +18:30", "UTC offset is out of range")
        assertInvalid("2025-03-07 09:05 +08:60", "UTC offset is out of range")
        assertInvalid("2025-03-07 09:05 +8", "malformed UTC offset")
        assertInvalid("2025-03-07 09:05 +08:0", "malformed UTC offset")
        assertInvalid("2025-03-07 09:05 +" + String(repeating: "1", count: 200), "malformed UTC offset")
        assertInvalid("2025-03-07 09:05 foo", "unexpected text after the time")
        assertInvalid("2025-03-07 09:05Z extra", "unexpected text after the time")
        assertInvalid("2025-03-07 09:05 Z+08:00", "unexpected text after the time")
    }

    func testNotATimestamp() {
        let generic = "not a date or time; expected e.g. 2025-03-07 09:05 or 2025年3月7日"
        XCTAssertEqual(parse("hello"), .invalid(generic))
        XCTAssertEqual(parse("２０２５-03-07"), .invalid(generic))  // full-width digits
        XCTAssertEqual(parse("2025-03/07"), .invalid(generic))
        XCTAssertEqual(parse("2025年3月7"), .invalid(generic))
        XCTAssertEqual(parse("25年3月7日"), .invalid(generic))
        XCTAssertEqual(parse("2025-003-07"), .invalid(generic))
        XCTAssertEqual(parse("-45723"), .invalid(generic))
        XCTAssertEqual(parse("1e5"), .invalid(generic))
        XCTAssertEqual(parse("N/A"), .invalid(generic))
        assertInvalid("", "empty")
        assertInvalid("   ", "empty")
    }

    // MARK: Robustness

    func testLongDigitStringsDoNotCrash() {
        let nines = String(repeating: "9", count: 10_000)
        assertInvalid(nines, "Excel serial")
        assertInvalid(nines + "." + nines, "Excel serial")
        assertInvalid("2025-03-" + nines, "not a date or time")
        assertInvalid("2025-03-07 " + nines, "time is incomplete")
        // A valid serial with an endless fraction: 45723.999… rounds up to the next midnight.
        assertInstant("45723." + nines, 1_741_392_000)
    }

    func testGarbageNeverCrashes() {
        // Deterministic xorshift so failures reproduce.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        // Fragments of valid values make the generator reach deep into the grammar.
        let fragments: [[UInt8]] = [
            "2025", "-", "/", ".", ":", " ", "T", "Z", "+", "08", "3", "7", "12", "99", "45723",
            "年", "月", "日", "时", "分", "秒", "上午", "下午", "AM", "pm", "２", "\u{0}", "\u{FF}",
        ].map { Array($0.utf8) }
        var parser = TimestampParser(timeZone: TimeZone(identifier: "Europe/Berlin")!, dateOrder: .dmy)
        for round in 0..<20_000 {
            var bytes: [UInt8] = []
            let pieces = Int(next() % 12)
            for _ in 0..<pieces {
                if round % 2 == 0 {
                    bytes += fragments[Int(next() % UInt64(fragments.count))]
                } else {
                    bytes.append(UInt8(truncatingIfNeeded: next()))
                }
            }
            let result = bytes.withUnsafeBytes { parser.parse($0) }
            if case .invalid(let problem) = result { XCTAssertFalse(ReportText(language: .en).timestampProblem(problem).isEmpty) }
            // Cut a multi-byte glyph in half: the parser must never read past the end.
            if bytes.count > 1 {
                _ = bytes.withUnsafeBytes { parser.parse(UnsafeRawBufferPointer(rebasing: $0[0..<(bytes.count - 1)])) }
            }
        }
        let truncatedGlyph: [UInt8] = Array("2025".utf8) + [0xE5, 0xB9]
        XCTAssertTrue(isInvalid(truncatedGlyph.withUnsafeBytes { parser.parse($0) }))
    }
}
