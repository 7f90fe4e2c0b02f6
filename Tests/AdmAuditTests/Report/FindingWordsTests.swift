import Foundation
import XCTest
@testable import AdmAudit

/// The catalogue of finding details (`ReportText.detail`): every kind a check makes is worded
/// in both languages, English without Chinese and Chinese without English sentences; times
/// show the record's wall clock with its offset; and a detail read from a state file is
/// refused when it holds values no check makes.
final class FindingWordsTests: XCTestCase {
    private let english = ReportText(language: .en)
    private let chinese = ReportText(language: .zh)

    /// 2025-03-01 09:30 in Shanghai (+08:00).
    private static let morning = LocalTime(instant: 1_740_792_600, offset: 8 * 3600)
    /// 2025-03-02 11:45:30 in Shanghai.
    private static let nextDay = LocalTime(instant: 1_740_887_130, offset: 8 * 3600)
    private static let days = FindingDetail.AppealDays(filedDay: 20_000, answeredDay: 20_030, deadlineDays: 14)
    private static let health = FindingDetail.MatchedTerm(name: "health", chineseName: "健康", items: ["sick leave", "病假"])

    /// One detail of every kind, and the notRecorded variants that read differently.
    static let samples: [FindingDetail] = [
        .notReviewed(type: .dismissal),
        .reviewNotRecorded(type: .dismissal, humanReviewed: .empty),
        .reviewNotRecorded(type: .pay, humanReviewed: .markedNotApplicable),
        .reviewedBySoftware(type: .suspension),
        .reviewedAfterEffect(type: .dismissal, reviewedAt: nextDay, effectiveAt: morning),
        .rubberStamp(reviewer: .init(judged: 25, departed: 0, medianSeconds: 14, fastShare: 0.92, fastSeconds: 30, decisionIDs: ["D1", "D2"])),
        .rubberStamp(reviewer: .init(judged: 12, departed: 1, medianSeconds: nil, fastShare: nil, fastSeconds: 30, decisionIDs: [])),
        .notExplained(type: .discipline),
        .explanationNotRecorded(type: .discipline, explanationGiven: .empty),
        .noAppealRoute(type: .dismissal, appealFiledAt: morning),
        .noAppealRoute(type: .dismissal, appealFiledAt: nil),
        .appealRouteNotRecorded(type: .dismissal, appealOffered: .markedNotApplicable),
        .appealReviewedBySoftware(type: .pay, appealFiledAt: morning),
        .appealReviewerNotRecorded(type: .pay, appealFiledAt: morning),
        .appealUnanswered(days: days, appealResult: nil),
        .appealUnanswered(days: days, appealResult: .upheld),
        .appealAnsweredLate(days: days),
        .sameAppealReviewer(type: .dismissal, reviewer: "R07"),
        .aiNoticeNotRecorded(type: .hiring),
        .aiNoticeAfterDecision(type: .hiring, aiNoticeAt: nextDay, decidedAt: morning),
        .aiNoticeTooShort(type: .hiring, aiNoticeAt: morning, decidedAt: nextDay, businessDays: 1, required: 10, nyc: true),
        .aiNoticeTooShort(type: .hiring, aiNoticeAt: morning, decidedAt: nextDay, businessDays: 0, required: 2, nyc: false),
        .timesOutOfOrder(problems: [.init(later: .reviewedAt, laterAt: morning, earlier: .decidedAt, earlierAt: nextDay),
                          .init(later: .appealRespondedAt, laterAt: morning, earlier: .appealFiledAt, earlierAt: nextDay)]),
        .attributeOftenUnknown(type: .hiring, attribute: "ethnicity", unknown: 30, decisions: 100, maxShare: 0.2),
        .notifiedOffHours(type: .discipline, notifiedAt: morning, why: .holiday, workStart: 9 * 3600, workEnd: 18 * 3600),
        .notifiedOffHours(type: .discipline, notifiedAt: morning, why: .restDay, workStart: 9 * 3600, workEnd: 18 * 3600),
        .notifiedOffHours(type: .discipline, notifiedAt: nextDay, why: .outsideHours, workStart: 9 * 3600, workEnd: 11 * 3600 + 1800),
        .prohibitedData(categories: [health]),
        .keptTooLong(decidedDay: 19_000, asOfDay: 20_200, limitDays: 1095),
        .dismissalKeptTooLong(decidedDay: 19_000, asOfDay: 20_200, limitDays: 1095, retentionDays: 365),
        .unionNotNotified,
        .unionNotificationNotRecorded(unionNotified: .empty),
        .protectedStatusDismissed(statuses: [.init(name: "pregnancy", chineseName: "孕期")]),
        .protectedStatusPayCut(statuses: [.init(name: "nursing", chineseName: "哺乳期")]),
        .suspectReasons(type: .discipline, health: [health], offline: [.init(name: "offline", chineseName: "离线", items: ["app offline"])]),
        .scoreOutOfRange(score: 1.5, low: 0, high: 1),
        .placeUnknown(place: "Dub lin"),
        .placeNamesSeveral(place: "Berlin / New York", jurisdictions: ["DE", "US-NYC"]),
        .placeOutsideAudit(place: "Shanghai", jurisdiction: "CN"),
        .placeUnderNoRule(place: "Glasgow Ops", jurisdiction: "GB"),
        .attritionRiskDecision,
        .attritionIndicators(dataCategories: ["flight_risk"], reasonCodes: ["离职倾向"]),
        .offHoursContacts(monday: 20_150, contacts: 5, expectingReply: 3, answered: 2),
        .dailyOvertimeOverLimit(monday: 20_150, days: 2, limitHours: 3),
        .monthlyOvertimeOverLimit(firstDay: 20_148, overtimeMinutes: 2_250, limitHours: 36),
        .noRestDay(monday: 20_150, activeMinutes: 3_000),
        .recurringOffHours(firstMonday: 20_150, lastMonday: 20_213, weeks: 7, activeWeeks: 10, offHoursMinutes: 1_261),
        .shortDailyRest(monday: 20_150, stretches: 2, longestMinutes: 900),
        .averageWeekOverLimit(firstMonday: 20_150, lastMonday: 20_262, weeks: 17, meanMinutes: 3_030, limitHours: 48),
        .decisionAfterUnansweredContact(type: .discipline, contactAt: LocalTime(instant: 1_741_100_400, offset: 28_800), channel: "chat",
                                        replyRequested: true, hoursBefore: 35, withinDays: 7),
    ]

    /// The kind of a detail. No `default`: a new kind fails to compile here until it has a sample.
    static func kind(_ detail: FindingDetail) -> String {
        switch detail {
        case .notReviewed: "notReviewed"
        case .reviewNotRecorded: "reviewNotRecorded"
        case .reviewedBySoftware: "reviewedBySoftware"
        case .reviewedAfterEffect: "reviewedAfterEffect"
        case .rubberStamp: "rubberStamp"
        case .notExplained: "notExplained"
        case .explanationNotRecorded: "explanationNotRecorded"
        case .noAppealRoute: "noAppealRoute"
        case .appealRouteNotRecorded: "appealRouteNotRecorded"
        case .appealReviewedBySoftware: "appealReviewedBySoftware"
        case .appealReviewerNotRecorded: "appealReviewerNotRecorded"
        case .appealUnanswered: "appealUnanswered"
        case .appealAnsweredLate: "appealAnsweredLate"
        case .sameAppealReviewer: "sameAppealReviewer"
        case .aiNoticeNotRecorded: "aiNoticeNotRecorded"
        case .aiNoticeAfterDecision: "aiNoticeAfterDecision"
        case .aiNoticeTooShort: "aiNoticeTooShort"
        case .timesOutOfOrder: "timesOutOfOrder"
        case .attributeOftenUnknown: "attributeOftenUnknown"
        case .notifiedOffHours: "notifiedOffHours"
        case .prohibitedData: "prohibitedData"
        case .keptTooLong: "keptTooLong"
        case .dismissalKeptTooLong: "dismissalKeptTooLong"
        case .unionNotNotified: "unionNotNotified"
        case .unionNotificationNotRecorded: "unionNotificationNotRecorded"
        case .protectedStatusDismissed: "protectedStatusDismissed"
        case .protectedStatusPayCut: "protectedStatusPayCut"
        case .suspectReasons: "suspectReasons"
        case .scoreOutOfRange: "scoreOutOfRange"
        case .placeUnknown: "placeUnknown"
        case .placeNamesSeveral: "placeNamesSeveral"
        case .placeOutsideAudit: "placeOutsideAudit"
        case .placeUnderNoRule: "placeUnderNoRule"
        case .attritionRiskDecision: "attritionRiskDecision"
        case .attritionIndicators: "attritionIndicators"
        case .offHoursContacts: "offHoursContacts"
        case .dailyOvertimeOverLimit: "dailyOvertimeOverLimit"
        case .monthlyOvertimeOverLimit: "monthlyOvertimeOverLimit"
        case .noRestDay: "noRestDay"
        case .recurringOffHours: "recurringOffHours"
        case .shortDailyRest: "shortDailyRest"
        case .averageWeekOverLimit: "averageWeekOverLimit"
        case .decisionAfterUnansweredContact: "decisionAfterUnansweredContact"
        }
    }

    func testEveryKindHasASample() {
        XCTAssertEqual(Set(Self.samples.map(Self.kind)).count, 43)
    }

    func testEveryDetailIsWordedInBothLanguages() {
        for sample in Self.samples {
            let en = english.detail(sample), zh = chinese.detail(sample)
            // English words, with the sample's own Chinese spellings (离职倾向, 病假) taken out.
            let englishWords = en.replacingOccurrences(of: "离职倾向", with: "").replacingOccurrences(of: "病假", with: "")
            XCTAssertFalse(englishWords.unicodeScalars.contains(where: ChineseText.isCJK), en)
            XCTAssertNotEqual(en, zh)
            ChineseText.assertChinese(zh)
        }
    }

    func testTimesAreTheRecordsWallClockWithItsOffset() {
        let detail = FindingDetail.reviewedAfterEffect(type: .dismissal, reviewedAt: Self.nextDay, effectiveAt: Self.morning)
        XCTAssertEqual(english.detail(detail),
                       "reviewed_at 2025-03-02 11:45:30+08:00 is 1 d 2 h after effective_at 2025-03-01 09:30+08:00 for an adverse dismissal decision")
        XCTAssertEqual(chinese.detail(detail),
                       "不利的自动化辞退决定生效后才进行人工复核：复核时间（reviewed_at）2025-03-02 11:45:30+08:00 比生效时间（effective_at）2025-03-01 09:30+08:00 晚 1天2小时")
        XCTAssertEqual(LocalTime(instant: 0, offset: -(5 * 3600 + 1800)).text, "1969-12-31 18:30-05:30")
        XCTAssertEqual(LocalTime(instant: 0, offset: -(5 * 3600 + 1800)).day, -1)
    }

    func testTheWeekdayIsTheLocalOne() {
        let saturday = FindingDetail.notifiedOffHours(type: .pay, notifiedAt: Self.morning, why: .restDay, workStart: 32_400, workEnd: 64_800)
        XCTAssertEqual(english.detail(saturday), "adverse pay decision notified at 2025-03-01 09:30+08:00 (Saturday), not a working day")
        XCTAssertEqual(chinese.detail(saturday), "不利的薪酬决定于本地时间 2025-03-01 09:30+08:00（星期六）通知劳动者，当日不是工作日")
        // 2025-03-01 23:30 UTC: Saturday in London, Sunday morning in Shanghai.
        let late: Int64 = 1_740_871_800
        for (offset, expected) in [(0, "2025-03-01 23:30+00:00 (Saturday)"), (8 * 3600, "2025-03-02 07:30+08:00 (Sunday)")] {
            let detail = FindingDetail.notifiedOffHours(type: .pay, notifiedAt: LocalTime(instant: late, offset: offset),
                                                        why: .outsideHours, workStart: 32_400, workEnd: 64_800)
            XCTAssertEqual(english.detail(detail), "adverse pay decision notified at \(expected), outside working hours 09:00–18:00")
        }
    }

    func testWorkTimeDetailsNameTheWeekByItsMonday() {
        // Day 20,150 is Monday 2025-03-03; 20,148 is 2025-03-01.
        XCTAssertEqual(english.detail(.monthlyOvertimeOverLimit(firstDay: 20_148, overtimeMinutes: 2_250, limitHours: 36)),
                       "2025-03: 37:30 hours of overtime, over the monthly limit of 36 hours")
        XCTAssertEqual(chinese.detail(.noRestDay(monday: 20_150, activeMinutes: 3_000)), "2025-03-03 当周：七天均有工作活动（共 50 小时），没有休息日")
        XCTAssertEqual(english.detail(.recurringOffHours(firstMonday: 20_150, lastMonday: 20_213, weeks: 7, activeWeeks: 10, offHoursMinutes: 1_261)),
                       "off-hours work in 7 of 10 active weeks, from the week of 2025-03-03 to that of 2025-05-05, 21:01 hours in all")
        XCTAssertNotNil(FindingDetail.offHoursContacts(monday: 20_150, contacts: 1, expectingReply: 2, answered: 0).damage(for: "WT-01"),
                        "more asking for a reply than contacts")
        XCTAssertNotNil(FindingDetail.monthlyOvertimeOverLimit(firstDay: 20_148, overtimeMinutes: 60, limitHours: 36).damage(for: "WT-02"))
        XCTAssertNil(FindingDetail.noRestDay(monday: 20_150, activeMinutes: 3_000).damage(for: "WT-03"))
    }

    func testDurationsInBothLanguages() {
        XCTAssertEqual(english.lag(2 * 86_400 + 3 * 3600), "2 d 3 h")
        XCTAssertEqual(chinese.lag(2 * 86_400 + 3 * 3600), "2天3小时")
        XCTAssertEqual(chinese.lag(86_400), "1天")
        XCTAssertEqual(chinese.lag(3 * 3600 + 15 * 60), "3小时15分钟")
        XCTAssertEqual(chinese.lag(3600), "1小时")
        XCTAssertEqual(chinese.lag(45 * 60), "45分钟")
        XCTAssertEqual(chinese.lag(20), "20秒")
        XCTAssertEqual(english.lag(20), "20 s")
    }

    func testSubjects() {
        XCTAssertEqual(english.subject(.worker("P-3f2a")), "P-3f2a")
        XCTAssertEqual(english.subject(.reviewer("R07")), "reviewer R07")
        XCTAssertEqual(chinese.subject(.reviewer("R07")), "复核人 R07")
        XCTAssertEqual(chinese.subject(.decisions(.hiring, attribute: "ethnicity")), "hiring / ethnicity")
    }

    /// What a check makes passes; a state file's detail with values no check makes, or under
    /// another check, is damage, and the words of what passes never trap.
    func testDamageIsNamed() {
        for sample in Self.samples {
            XCTAssertNil(sample.damage(for: sample.checkID), "\(sample)")
            XCTAssertNotNil(sample.damage(for: sample.checkID == "HR-01" ? "HR-02" : "HR-01"), "\(sample) under another check")
        }
        let damaged: [FindingDetail] = [
            .reviewedAfterEffect(type: .pay, reviewedAt: LocalTime(instant: .max, offset: 0), effectiveAt: Self.morning),
            .reviewedAfterEffect(type: .pay, reviewedAt: LocalTime(instant: Self.nextDay.instant, offset: .max), effectiveAt: Self.morning),
            .reviewedAfterEffect(type: .pay, reviewedAt: LocalTime(instant: Self.nextDay.instant, offset: .min), effectiveAt: Self.morning),
            .reviewedAfterEffect(type: .pay, reviewedAt: LocalTime(instant: Self.nextDay.instant, offset: 86_399), effectiveAt: Self.morning),
            .reviewedAfterEffect(type: .pay, reviewedAt: LocalTime(instant: 253_402_300_799, offset: 64_800), effectiveAt: Self.morning),
            .reviewedAfterEffect(type: .pay, reviewedAt: Self.morning, effectiveAt: Self.nextDay),
            .rubberStamp(reviewer: .init(judged: 5, departed: 6, medianSeconds: nil, fastShare: nil, fastSeconds: 30, decisionIDs: [])),
            .rubberStamp(reviewer: .init(judged: 0, departed: 0, medianSeconds: nil, fastShare: nil, fastSeconds: 30, decisionIDs: [])),
            .rubberStamp(reviewer: .init(judged: 5, departed: 0, medianSeconds: .nan, fastShare: 0.5, fastSeconds: 30, decisionIDs: [])),
            .rubberStamp(reviewer: .init(judged: 5, departed: 0, medianSeconds: 1e300, fastShare: 0.5, fastSeconds: 30, decisionIDs: [])),
            .rubberStamp(reviewer: .init(judged: 5, departed: 0, medianSeconds: 3, fastShare: nil, fastSeconds: 30, decisionIDs: [])),
            .rubberStamp(reviewer: .init(judged: 5, departed: 0, medianSeconds: 3, fastShare: 1.5, fastSeconds: 30, decisionIDs: [])),
            .rubberStamp(reviewer: .init(judged: 1, departed: 0, medianSeconds: nil, fastShare: nil, fastSeconds: 30, decisionIDs: ["a", "b"])),
            .appealAnsweredLate(days: .init(filedDay: .min, answeredDay: 0, deadlineDays: 14)),
            .appealAnsweredLate(days: .init(filedDay: 0, answeredDay: 20, deadlineDays: -1)),
            .appealAnsweredLate(days: .init(filedDay: 20_000, answeredDay: 20_010, deadlineDays: 14)),
            .appealUnanswered(days: .init(filedDay: 20_000, answeredDay: 20_014, deadlineDays: 14), appealResult: nil),
            .aiNoticeAfterDecision(type: .hiring, aiNoticeAt: Self.morning, decidedAt: Self.nextDay),
            .aiNoticeTooShort(type: .hiring, aiNoticeAt: Self.morning, decidedAt: Self.nextDay, businessDays: 9, required: 1, nyc: false),
            .timesOutOfOrder(problems: []),
            .timesOutOfOrder(problems: [.init(later: .reviewedAt, laterAt: Self.nextDay, earlier: .decidedAt, earlierAt: Self.morning)]),
            .timesOutOfOrder(problems: [.init(later: .score, laterAt: Self.morning, earlier: .decidedAt, earlierAt: Self.nextDay)]),
            .attributeOftenUnknown(type: .hiring, attribute: "sex", unknown: 5, decisions: 0, maxShare: 0.1),
            .attributeOftenUnknown(type: .hiring, attribute: "sex", unknown: 5, decisions: 4, maxShare: 0.1),
            .attributeOftenUnknown(type: .hiring, attribute: "sex", unknown: 0, decisions: 1, maxShare: 1),
            .notifiedOffHours(type: .pay, notifiedAt: Self.morning, why: .holiday, workStart: -1, workEnd: 3600),
            .notifiedOffHours(type: .pay, notifiedAt: Self.morning, why: .holiday, workStart: 86_400, workEnd: 0),
            .notifiedOffHours(type: .pay, notifiedAt: Self.morning, why: .outsideHours, workStart: 32_400, workEnd: 64_800),
            .prohibitedData(categories: []),
            .prohibitedData(categories: [.init(name: "health", chineseName: "健康", items: [])]),
            .prohibitedData(categories: [.init(name: "health", chineseName: "健康", items: [""])]),
            .prohibitedData(categories: [.init(name: "health", chineseName: "健康", items: [" sick"])]),
            .prohibitedData(categories: [.init(name: "health", chineseName: "健康", items: Array(repeating: "x", count: FindingDetail.itemLimit + 1))]),
            .suspectReasons(type: .pay, health: [], offline: []),
            .keptTooLong(decidedDay: .max, asOfDay: 0, limitDays: 1),
            .keptTooLong(decidedDay: 20_000, asOfDay: 20_100, limitDays: 365),
            .dismissalKeptTooLong(decidedDay: 19_000, asOfDay: 20_200, limitDays: 300, retentionDays: 365),
            .scoreOutOfRange(score: .infinity, low: 0, high: 1),
            .scoreOutOfRange(score: 2, low: 1, high: 0),
            .scoreOutOfRange(score: 0.5, low: 0, high: 1),
            .placeUnknown(place: ""), .placeUnknown(place: " Atlantis"), .placeOutsideAudit(place: "Tokyo", jurisdiction: ""),
            .placeOutsideAudit(place: "Tokyo", jurisdiction: "jp\u{1B}"),
            .attritionIndicators(dataCategories: [], reasonCodes: []),
            .attritionIndicators(dataCategories: ["", ""], reasonCodes: []),
            .sameAppealReviewer(type: .pay, reviewer: String(repeating: "x", count: FindingDetail.textLimit + 1)),
        ]
        for detail in damaged { XCTAssertNotNil(detail.damage(for: detail.checkID), "\(detail)") }
    }

    /// The state file's form of every kind: a renamed case or label changes state files, so
    /// the change must be meant (`ADMAUDIT_UPDATE_GOLDEN=1` writes the file anew, and the state
    /// format version should then change too).
    func testTheEncodingOfEveryKindIsItsGolden() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let lines = try Self.samples.map { String(decoding: try encoder.encode($0), as: UTF8.self) }.joined(separator: "\n") + "\n"
        let path = TestSupport.fixture("golden/finding-details.jsonl")
        if ProcessInfo.processInfo.environment[GoldenReportTests.updateVariable] == "1" {
            try lines.write(toFile: path, atomically: true, encoding: .utf8)
        }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), lines, "ADMAUDIT_UPDATE_GOLDEN=1 writes it anew if the change is meant")
        for line in lines.split(separator: "\n") {
            let decoded = try JSONDecoder().decode(FindingDetail.self, from: Data(line.utf8))
            XCTAssertNil(decoded.damage(for: decoded.checkID))
        }
    }
}

extension FindingWordsTests {
    /// The bound on deadlines and notice days a state may hold is the loader's own.
    func testTheSettingLimitIsTheLoaders() {
        XCTAssertEqual(FindingDetail.settingLimit, PipelineLimits.checkInteger.upperBound)
        let late = FindingDetail.appealAnsweredLate(days: .init(filedDay: 20_000, answeredDay: 60_001, deadlineDays: 40_000))
        XCTAssertNil(late.damage(for: "AP-04"), "a deadline of 40,000 days, as a pipeline may set")
    }

    /// A limit below a tenth of a percent and the share above it read with the same decimals.
    func testTheUnknownShareAndItsLimitReadAlike() {
        let detail = FindingDetail.attributeOftenUnknown(type: .hiring, attribute: "sex", unknown: 5, decisions: 2040, maxShare: 0.0024)
        XCTAssertEqual(english.detail(detail), "sex unknown for 5 of 2040 hiring decisions (0.25%), above 0.24%")
    }
}
