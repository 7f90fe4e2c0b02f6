import Foundation
import XCTest
@testable import AdmAudit

/// The catalogue of reject reasons (`ReportText.rejectReason`, `timestampProblem`): every
/// kind of reject and every way a timestamp fails is worded in both languages, English
/// without Chinese beyond the spellings it teaches (`2025年3月7日`, `上午/下午`), Chinese
/// without English sentences; the export's own text is quoted as written.
final class RejectWordsTests: XCTestCase {
    private let english = ReportText(language: .en)
    private let chinese = ReportText(language: .zh)

    /// One detail of every kind, and the variants that read differently.
    static let samples: [RejectDetail] = [
        .fieldTooLong(field: 3, bytes: 70_000, limit: 65_536),
        .rowTooLong(bytes: 2_000_000, limit: 1_048_576),
        .tooManyFields(count: 5000, kept: 4096, header: 12),
        .unterminatedQuote(firstLine: 6, lastLine: 8),
        .unterminatedQuote(firstLine: 6, lastLine: 6),
        .invalidEncoding(field: 2),
        .quoteMergedLines(header: "备注", firstLine: 4, lastLine: 9),
        .mergedLineNotARow(header: "备注", firstLine: 4, lastLine: 9, fields: 3, headerFields: 12),
        .mergedLineNotARow(header: "备注", firstLine: 4, lastLine: 9, fields: nil, headerFields: 12),
        .fieldCount(found: 11, header: 12),
        .fieldCount(found: 13, header: 12),
        .empty(.decisionID),
        .outcomeUnstated(decisionType: "调岗"),
        .outcomeUnderivable,
        .notANumber(.score, text: "0,73", decimalCommaHint: true),
        .notANumber(.score, text: "高", decimalCommaHint: false),
        .unknownValue(.decisionType, text: "调岗", expected: .decisionType),
        .unknownValue(.outcome, text: "待定", expected: .outcome),
        .unknownValue(.humanReviewed, text: "也许", expected: .yesNo),
        .unknownValue(.reviewResult, text: "再议", expected: .reviewResult),
        .unknownValue(.appealReviewer, text: "外包", expected: .appealReviewer),
        .badTimestamp(.decidedAt, text: "2025-02-29", problem: .dayOutOfRange(day: 29, month: 2, year: 2025)),
        .duplicateID(id: "B10", firstLine: 11, firstFile: nil),
        .duplicateID(id: "B10", firstLine: 11, firstFile: "first.csv"),
        .columnsDisagree(header: "human_reviewed", firstColumn: 5, first: "yes", secondColumn: 9, second: "no"),
        .decidedTwoWays(automated: "human", humanReviewed: "no (auto)"),
        .repeatedHeader,
        .totalsRow(label: "合计"),
        .activityValue(field: "worker_id", text: "", problem: .empty),
        .activityValue(field: "started_at", text: "昨天", problem: .timestamp(.notATimestamp)),
        .activityValue(field: "ended_at", text: "2025-03-03 08:00", problem: .endsBeforeStart),
        .activityValue(field: "duration_minutes", text: "半小时", problem: .notMinutes),
        .activityValue(field: "duration_minutes", text: "2000", problem: .tooLong(minutes: 2000)),
        .activityValue(field: "direction", text: "转发", problem: .unknownDirection),
        .activityValue(field: "reply_requested", text: "也许", problem: .unknownYesNo),
        .activityValue(field: "worker_id", text: "E…", problem: .idTooLong(bytes: 300)),
    ]

    /// One value for each way a timestamp can fail, with the date order it is read under.
    static let invalidTimestamps: [(String, DateOrder)] = [
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

    /// The kind of a detail. No `default`: a new kind fails to compile here until it has a sample.
    static func kind(_ detail: RejectDetail) -> String {
        switch detail {
        case .fieldTooLong: "fieldTooLong"
        case .rowTooLong: "rowTooLong"
        case .tooManyFields: "tooManyFields"
        case .unterminatedQuote: "unterminatedQuote"
        case .invalidEncoding: "invalidEncoding"
        case .quoteMergedLines: "quoteMergedLines"
        case .mergedLineNotARow: "mergedLineNotARow"
        case .fieldCount: "fieldCount"
        case .empty: "empty"
        case .outcomeUnstated: "outcomeUnstated"
        case .outcomeUnderivable: "outcomeUnderivable"
        case .notANumber: "notANumber"
        case .unknownValue: "unknownValue"
        case .badTimestamp: "badTimestamp"
        case .duplicateID: "duplicateID"
        case .columnsDisagree: "columnsDisagree"
        case .decidedTwoWays: "decidedTwoWays"
        case .repeatedHeader: "repeatedHeader"
        case .totalsRow: "totalsRow"
        case .activityValue: "activityValue"
        }
    }

    private static func problem(_ text: String, _ order: DateOrder) -> TimestampProblem? {
        var parser = TimestampParser(timeZone: TimeZone(identifier: "Asia/Shanghai")!, dateOrder: order)
        if case .invalid(let problem) = parser.parse(text) { return problem }
        return nil
    }

    /// English words with the Chinese the sentences teach or quote taken out.
    private static func englishWords(_ text: String) -> String {
        var text = text
        for spelling in ["弹性工作制", "标准工时制", "综合计算工时制", "不定时工作制", "2025年3月7日", "9时5分", "上午/下午", "是/否", "备注", "调岗", "待定", "也许", "再议", "外包", "合计", "高", "昨天", "半小时", "转发"] {
            text = text.replacingOccurrences(of: spelling, with: "")
        }
        return text
    }

    func testEveryKindHasASample() {
        XCTAssertEqual(Set(Self.samples.map(Self.kind)).count, 20)
    }

    func testEveryRejectIsWordedInBothLanguages() {
        var chineseReasons: Set<String> = []
        for sample in Self.samples {
            let en = english.rejectReason(sample), zh = chinese.rejectReason(sample)
            XCTAssertFalse(en.isEmpty, "\(sample)")
            XCTAssertFalse(Self.englishWords(en).unicodeScalars.contains(where: ChineseText.isCJK), en)
            ChineseText.assertChinese(zh, "\(sample)")
            chineseReasons.insert(zh)
        }
        XCTAssertEqual(chineseReasons.count, Self.samples.count, "each sample reads differently")
    }

    func testEveryTimestampFailureIsWordedInBothLanguages() throws {
        var chineseReasons: Set<String> = []
        for (text, order) in Self.invalidTimestamps {
            let problem = try XCTUnwrap(Self.problem(text, order), "'\(text)' should be invalid")
            let en = english.timestampProblem(problem), zh = chinese.timestampProblem(problem)
            XCTAssertFalse(Self.englishWords(en).unicodeScalars.contains(where: ChineseText.isCJK), en)
            ChineseText.assertChinese(zh, "'\(text)'")
            chineseReasons.insert(zh)
        }
        XCTAssertEqual(chineseReasons.count, Self.invalidTimestamps.count, "each failure has its own reason")
    }

    func testSentencesQuoteTheExport() throws {
        XCTAssertEqual(english.rejectReason(.badTimestamp(.decidedAt, text: "2025-02-29", problem: .dayOutOfRange(day: 29, month: 2, year: 2025))),
                       "decided_at '2025-02-29': day 29 does not exist in February 2025")
        XCTAssertEqual(chinese.rejectReason(.badTimestamp(.decidedAt, text: "2025-02-29", problem: .dayOutOfRange(day: 29, month: 2, year: 2025))),
                       "decided_at 的值“2025-02-29”：2025年2月没有第 29 日")
        XCTAssertEqual(chinese.timestampProblem(try XCTUnwrap(Self.problem("3/13/2025", .dmy))), "月份 13 不存在；应为 1–12（input.date_order 为 dmy）")
        XCTAssertEqual(Self.problem("7/3/2025", .ymd), .ambiguousDayMonth("7/3/2025"))
        XCTAssertEqual(english.rejectReason(.duplicateID(id: "B10", firstLine: 11, firstFile: "first.csv")),
                       "decision_id 'B10' already appeared on line 11 of first.csv; only the first is kept")
        XCTAssertEqual(chinese.rejectReason(.duplicateID(id: "B10", firstLine: 11, firstFile: nil)),
                       "decision_id 为“B10”的记录已在第 11 行出现过；只保留首次出现的记录")
        XCTAssertEqual(english.rejectReason(.unterminatedQuote(firstLine: 6, lastLine: 8)),
                       "a quoted field opened here is never closed; the rest of the file (lines 6–8) is this one rejected row. "
                        + "Close the quote or double the quote inside the field")
        XCTAssertEqual(english.rejectReason(.fieldCount(found: 11, header: 12)),
                       "the row has 11 fields, fewer than the header's 12; a delimiter or quote is probably missing or extra")
    }

    /// The code a reject is filed under comes from its detail.
    func testCodesFollowTheDetail() {
        XCTAssertEqual(RejectDetail.fieldCount(found: 1, header: 2).code, .raggedRow)
        XCTAssertEqual(RejectDetail.tooManyFields(count: 5000, kept: 4096, header: 2).code, .raggedRow)
        XCTAssertEqual(RejectDetail.outcomeUnderivable.code, .missingRequired)
        XCTAssertEqual(RejectDetail.mergedLineNotARow(header: "", firstLine: 1, lastLine: 2, fields: nil, headerFields: 3).code, .unbalancedQuote)
        XCTAssertEqual(Set(Self.samples.map(\.code)), Set(RejectCode.allCases), "every code has a detail")
    }
}
