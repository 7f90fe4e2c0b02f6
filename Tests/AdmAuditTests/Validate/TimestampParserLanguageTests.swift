import Foundation
import XCTest
@testable import AdmAudit

/// The reasons an invalid timestamp gives, in a Chinese run: every kind of failure has
/// its Chinese reason, and the English reasons stay what they were.
final class TimestampParserLanguageTests: XCTestCase {
    /// One value for each way a timestamp can fail, with the date order it is read under.
    static let invalidValues: [(String, DateOrder)] = [
        ("", .ymd),                             // empty
        ("abc", .ymd),                          // not a timestamp
        ("19999", .ymd),                        // Excel serial out of range
        ("7/3/25", .dmy),                       // two-digit year
        ("7/3/2025", .ymd),                     // day/month order ambiguous
        ("1899-12-31", .ymd),                   // year out of range
        ("3/13/2025", .dmy),                    // month out of range, with the date order
        ("2025-13-01", .ymd),                   // month out of range
        ("2025-02-29", .ymd),                   // day out of range
        ("2025-03-07x09:05", .ymd),             // text after the date
        ("2025-03-07 9", .ymd),                 // malformed time
        ("2025-03-07 24:00:00", .ymd),          // hour out of range
        ("2025/3/7 13:05 PM", .ymd),            // hour with AM/PM
        ("2025/3/7 下午9:05 PM", .ymd),          // both meridiems
        ("2025-03-07 09:60", .ymd),             // minute out of range
        ("2025-03-07 09:05:60", .ymd),          // second out of range
        ("2025-03-07 09:05 +8", .ymd),          // malformed offset
        ("2025-03-07 09:05 +25:00", .ymd),      // offset out of range
        ("2025-03-07 09:05 foo", .ymd),         // text after the time
    ]

    private func reason(_ text: String, _ order: DateOrder, _ language: ReportLanguage?) -> String? {
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        var parser = language.map { TimestampParser(timeZone: zone, dateOrder: order, language: $0) }
            ?? TimestampParser(timeZone: zone, dateOrder: order)
        if case .invalid(let why) = parser.parse(text) { return why }
        return nil
    }

    func testEveryFailureHasAChineseReason() throws {
        var chinese: Set<String> = []
        for (text, order) in Self.invalidValues {
            let zh = try XCTUnwrap(reason(text, order, .zh), "'\(text)' should be invalid")
            ChineseText.assertChinese(zh, "'\(text)'")
            chinese.insert(zh)
        }
        XCTAssertEqual(chinese.count, Self.invalidValues.count, "each failure has its own reason")
    }

    func testEnglishReasonsAreTheDefault() throws {
        for (text, order) in Self.invalidValues {
            let english = try XCTUnwrap(reason(text, order, .en))
            XCTAssertEqual(english, reason(text, order, nil), text)
        }
        XCTAssertEqual(reason("2025-02-29", .ymd, .en), "day 29 does not exist in February 2025")
        XCTAssertEqual(reason("2025-02-29", .ymd, .zh), "2025年2月没有第 29 日")
        XCTAssertEqual(reason("3/13/2025", .dmy, .zh), "月份 13 不存在；应为 1–12（input.date_order 为 dmy）")
    }

    func testValidValuesParseTheSameInEitherLanguage() {
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        var english = TimestampParser(timeZone: zone)
        var chinese = TimestampParser(timeZone: zone, language: .zh)
        for text in ["2025-03-07", "2025年3月7日 9时5分", "2025/3/7 下午9:05", "45723.375", "2025-03-07T09:05:00+08:00"] {
            XCTAssertEqual(english.parse(text), chinese.parse(text), text)
        }
    }
}
