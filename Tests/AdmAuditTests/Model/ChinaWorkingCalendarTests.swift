import Foundation
import XCTest
@testable import AdmAudit

/// The State Council holiday notices of 2020–2026 (ChinaHolidays) and the working calendar
/// built from them (WorkingCalendar): the table's shape, spot checks against each notice,
/// working-day arithmetic, and every day of 2020–2026 against a second, independent source
/// (fixtures/reference/china_calendar.json, made by china_calendar.py next to it from the
/// chinesecalendar package and checked there against the holidays package).
final class ChinaWorkingCalendarTests: XCTestCase {
    private let china = WorkingCalendar.china

    private func day(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Int64 {
        guard let date = AsOfDate(text) else {
            XCTFail("'\(text)' is not a date", file: file, line: line)
            return 0
        }
        return LocalCalendar.day(of: date)
    }

    private func notice(_ year: Int) throws -> ChinaHolidays.Notice {
        try XCTUnwrap(ChinaHolidays.notices.first { $0.year == year })
    }

    // MARK: - The table

    func testOneNoticeForEachYearInOrder() {
        XCTAssertEqual(ChinaHolidays.notices.map(\.year), Array(ChinaHolidays.years))
        XCTAssertEqual(ChinaHolidays.years, 2020...2026)
    }

    func testEachNoticeNamesItsTitleNumberIssueDateAndAddress() throws {
        for notice in ChinaHolidays.notices {
            let year = notice.year
            XCTAssertEqual(notice.title, "国务院办公厅关于\(year)年部分节假日安排的通知")
            // Each year's notice is issued in the year before, and numbered in it.
            XCTAssertTrue(notice.documentNumber.hasPrefix("国办发明电〔\(year - 1)〕"), notice.documentNumber)
            XCTAssertTrue(notice.documentNumber.hasSuffix("号"), notice.documentNumber)
            let issued = try XCTUnwrap(AsOfDate(notice.issued), notice.issued)
            XCTAssertEqual(issued.year, year - 1, notice.issued)
            XCTAssertTrue(notice.url.hasPrefix("https://www.gov.cn/zhengce/content/"), notice.url)
        }
    }

    /// A malformed date would be skipped by `WorkingCalendar.china`; this is where it shows.
    func testEveryDateParsesAndListsAscendWithoutRepeats() {
        for notice in ChinaHolidays.notices {
            for (name, list) in [("daysOff", notice.daysOff), ("makeUpWorkdays", notice.makeUpWorkdays)] {
                for text in list {
                    XCTAssertNotNil(AsOfDate(text), "\(notice.year) \(name): '\(text)' is not a YYYY-MM-DD date")
                    XCTAssertEqual(AsOfDate(text)?.description, text, "\(notice.year) \(name): '\(text)' is not in canonical form")
                }
                XCTAssertEqual(list, list.sorted(), "\(notice.year) \(name) is not ascending")
                XCTAssertEqual(Set(list).count, list.count, "\(notice.year) \(name) repeats a date")
            }
        }
        let all = ChinaHolidays.notices.flatMap { $0.daysOff + $0.makeUpWorkdays }
        XCTAssertEqual(Set(all).count, all.count, "a date is in two lists or two notices")
        XCTAssertEqual(china.holidays.count, ChinaHolidays.notices.map(\.daysOff.count).reduce(0, +))
        XCTAssertEqual(china.makeUpWorkdays.count, ChinaHolidays.notices.map(\.makeUpWorkdays.count).reduce(0, +))
    }

    /// A date outside the notice's year must belong to a holiday block that crosses the
    /// year boundary: a run of consecutive days off that reaches into the notice's year.
    func testDatesAreInTheNoticeYearOrInABlockCrossingIntoIt() {
        for notice in ChinaHolidays.notices {
            let off = Set(notice.daysOff.map { day($0) })
            for text in notice.daysOff where AsOfDate(text)?.year != notice.year {
                var run = day(text)
                let step: Int64 = (AsOfDate(text)?.year ?? 0) < notice.year ? 1 : -1
                while off.contains(run), LocalCalendar.date(ofDay: run).year != notice.year { run += step }
                XCTAssertTrue(off.contains(run), "\(notice.year): \(text) is outside the year and not in a block reaching into it")
            }
            for text in notice.makeUpWorkdays {
                XCTAssertEqual(AsOfDate(text)?.year, notice.year, "\(notice.year): make-up day \(text) is in another year")
            }
        }
        // The two blocks that do cross: New Year 2023 from Saturday 2022-12-31, New Year 2024
        // ("1月1日放假，与周末连休") from Saturday 2023-12-30.
        let crossing = ChinaHolidays.notices.flatMap { notice in notice.daysOff.filter { AsOfDate($0)?.year != notice.year } }
        XCTAssertEqual(crossing, ["2022-12-31", "2023-12-30", "2023-12-31"])
    }

    func testEveryMakeUpWorkdayIsASaturdayOrSunday() {
        for notice in ChinaHolidays.notices {
            for text in notice.makeUpWorkdays {
                XCTAssertTrue([6, 7].contains(LocalCalendar.weekday(ofDay: day(text))), "\(notice.year): \(text) is a weekday")
            }
        }
    }

    func testNoDateIsBothOffAndMakeUp() {
        XCTAssertTrue(china.holidays.isDisjoint(with: china.makeUpWorkdays))
        for notice in ChinaHolidays.notices {
            XCTAssertTrue(Set(notice.daysOff).isDisjoint(with: notice.makeUpWorkdays), "\(notice.year)")
        }
    }

    /// Days off include the weekend days inside each block (and 2020's COVID extension).
    func testNumberOfDaysOffAndMakeUpDaysPerYear() {
        let daysOff = Dictionary(uniqueKeysWithValues: ChinaHolidays.notices.map { ($0.year, $0.daysOff.count) })
        let makeUp = Dictionary(uniqueKeysWithValues: ChinaHolidays.notices.map { ($0.year, $0.makeUpWorkdays.count) })
        // 2020: 1 + 7 + 3 (extension) + 3 + 5 + 3 + 8; 2023: 3 + 7 + 1 + 5 + 3 + 8;
        // 2024: 3 + 8 + 3 + 5 + 3 + 3 + 7; 2025: 1 + 8 + 3 + 5 + 3 + 8; 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7.
        XCTAssertEqual(daysOff, [2020: 30, 2021: 31, 2022: 31, 2023: 27, 2024: 32, 2025: 28, 2026: 33])
        XCTAssertEqual(makeUp, [2020: 6, 2021: 7, 2022: 7, 2023: 7, 2024: 8, 2025: 5, 2026: 6])
    }

    // MARK: - Spot checks against each notice

    private func assertDays(_ expected: [String: Bool], file: StaticString = #filePath, line: UInt = #line) {
        for (text, working) in expected.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(china.isWorkingDay(day(text)), working, "\(text) should \(working ? "" : "not ")be a working day",
                           file: file, line: line)
        }
    }

    func testNotice2020WithTheSpringFestivalExtension() throws {
        let notice = try notice(2020)
        XCTAssertEqual(notice.documentNumber, "国办发明电〔2019〕16号")
        // 1月19日（星期日）上班; the other make-up day, 2月1日（星期六）, fell in the extension to 2 February.
        assertDays(["2020-01-19": true, "2020-01-24": false, "2020-01-30": false, "2020-01-31": false,
                    "2020-02-01": false, "2020-02-02": false, "2020-02-03": true])
        XCTAssertFalse(notice.makeUpWorkdays.contains("2020-02-01"))
        XCTAssertEqual(china.restReason(day("2020-02-01")), .holiday)
        // 国庆节、中秋节：10月1日至8日; 9月27日（星期日）、10月10日（星期六）上班.
        assertDays(["2020-09-27": true, "2020-10-08": false, "2020-10-09": true, "2020-10-10": true])
    }

    func testNotice2021() {
        // 春节：2月7日（星期日）、2月20日（星期六）上班; 中秋节 9月18日（星期六）; 国庆节 9月26日（星期日）、10月9日（星期六）.
        assertDays(["2021-02-07": true, "2021-02-11": false, "2021-02-17": false, "2021-02-20": true,
                    "2021-09-18": true, "2021-09-21": false, "2021-09-26": true, "2021-10-07": false, "2021-10-09": true])
    }

    func testNotice2022() {
        // 春节：1月29日（星期六）、1月30日（星期日）上班; 国庆节：10月8日（星期六）、10月9日（星期日）上班.
        assertDays(["2022-01-29": true, "2022-01-30": true, "2022-01-31": false, "2022-02-04": false,
                    "2022-04-02": true, "2022-10-07": false, "2022-10-08": true, "2022-10-09": true])
    }

    func testNotice2023() {
        // 元旦：2022年12月31日至2023年1月2日; 春节：1月28日（星期六）、1月29日（星期日）上班;
        // 中秋节、国庆节：9月29日至10月6日, 10月7日（星期六）、10月8日（星期日）上班.
        assertDays(["2022-12-30": true, "2023-01-02": false, "2023-01-28": true, "2023-01-29": true,
                    "2023-04-05": false, "2023-09-29": false, "2023-10-06": false, "2023-10-07": true, "2023-10-08": true])
    }

    func testNotice2024() {
        // 春节：2月4日（星期日）、2月18日（星期日）上班; the eve, 2月9日 (a Friday), is a working day
        // (the notice only encourages employers to let staff rest). 国庆节：9月29日（星期日）、10月12日（星期六）上班.
        assertDays(["2024-01-01": false, "2024-02-04": true, "2024-02-09": true, "2024-02-16": false,
                    "2024-02-18": true, "2024-06-10": false, "2024-09-14": true, "2024-09-29": true, "2024-10-12": true])
    }

    /// From 2025 the eve of the Spring Festival and 2 May are statutory holidays.
    func testNotice2025() {
        // 春节：1月28日（农历除夕）至2月4日, 1月26日（周日）、2月8日（周六）上班; 劳动节 4月27日（周日）上班;
        // 国庆节、中秋节：9月28日（周日）、10月11日（周六）上班.
        assertDays(["2025-01-26": true, "2025-01-28": false, "2025-02-04": false, "2025-02-08": true,
                    "2025-04-27": true, "2025-05-02": false, "2025-09-28": true, "2025-10-08": false, "2025-10-11": true])
    }

    func testNotice2026() {
        // 元旦 1月4日（周日）上班; 春节：2月15日至23日, 2月14日（周六）、2月28日（周六）上班; 劳动节 5月9日（周六）;
        // 国庆节：9月20日（周日）、10月10日（周六）上班.
        assertDays(["2026-01-02": false, "2026-01-04": true, "2026-02-14": true, "2026-02-16": false, "2026-02-23": false,
                    "2026-02-28": true, "2026-05-09": true, "2026-09-20": true, "2026-10-10": true])
    }

    // MARK: - WorkingCalendar

    func testWorkingDayAndRestReason() {
        let monday = day("2024-03-04"), saturday = day("2024-03-09")
        let holidayMonday = day("2024-09-16"), makeUpSunday = day("2024-09-29"), saturdayInBlock = day("2024-10-05")
        XCTAssertTrue(china.isWorkingDay(monday))
        XCTAssertNil(china.restReason(monday))
        XCTAssertFalse(china.isWorkingDay(saturday))
        XCTAssertEqual(china.restReason(saturday), .restDay)
        XCTAssertFalse(china.isWorkingDay(holidayMonday))
        XCTAssertEqual(china.restReason(holidayMonday), .holiday)
        XCTAssertTrue(china.isWorkingDay(makeUpSunday))
        XCTAssertNil(china.restReason(makeUpSunday))
        XCTAssertEqual(china.restReason(saturdayInBlock), .holiday)
        // A plain week knows no holidays.
        let plain = WorkingCalendar()
        XCTAssertTrue(plain.isWorkingDay(holidayMonday))
        XCTAssertEqual(plain.restReason(makeUpSunday), .restDay)
    }

    func testCoveredYears() {
        XCTAssertEqual(china.coveredYears, 2020...2026)
        XCTAssertNil(WorkingCalendar().coveredYears)
    }

    /// 2024: Sunday 09-29 is a make-up day, 10-01 to 10-07 are off, Saturday 10-12 is a make-up day.
    func testWorkingDaysAcrossNationalDayWeek() {
        XCTAssertEqual(china.workingDays(from: day("2024-09-28"), to: day("2024-10-09")), 3)  // 09-29, 09-30, 10-08
        XCTAssertEqual(china.workingDays(from: day("2024-10-01"), to: day("2024-10-08")), 0)
        // Mon 09-23 to Sun 10-13: 5 + 09-29 + 09-30 + 10-08…10-11 + 10-12.
        XCTAssertEqual(china.workingDays(from: day("2024-09-23"), to: day("2024-10-14")), 12)
        XCTAssertEqual(WorkingCalendar().workingDays(from: day("2024-09-23"), to: day("2024-10-14")), 15)
        XCTAssertEqual(china.workingDays(from: day("2024-10-08"), to: day("2024-10-08")), 0)
        XCTAssertEqual(china.workingDays(from: day("2024-10-09"), to: day("2024-10-08")), 0)
    }

    func testAddingWorkingDaysAcrossNationalDayWeek() {
        let add = { (n: Int, date: String) in LocalCalendar.date(ofDay: self.china.addingWorkingDays(n, to: self.day(date))).description }
        XCTAssertEqual(add(0, "2024-09-30"), "2024-09-30")  // a working day is itself
        XCTAssertEqual(add(0, "2024-10-03"), "2024-10-08")  // a holiday rolls forward
        XCTAssertEqual(add(1, "2024-09-30"), "2024-10-08")
        XCTAssertEqual(add(1, "2024-09-28"), "2024-09-29")  // the make-up Sunday counts
        XCTAssertEqual(add(5, "2024-09-30"), "2024-10-12")  // 10-08…10-11, then the make-up Saturday
        XCTAssertEqual(add(6, "2024-09-30"), "2024-10-14")
        XCTAssertEqual(add(-3, "2024-10-03"), "2024-10-08")  // negative counts as 0
        // A plain week: 1 working day after Friday and after Saturday is Monday.
        let plain = WorkingCalendar()
        XCTAssertEqual(LocalCalendar.date(ofDay: plain.addingWorkingDays(1, to: day("2024-10-04"))).description, "2024-10-07")
        XCTAssertEqual(LocalCalendar.date(ofDay: plain.addingWorkingDays(1, to: day("2024-10-05"))).description, "2024-10-07")
    }

    /// Both functions against a day-by-day walk, over every day of 2020–2026.
    func testArithmeticMatchesADayByDayWalk() {
        let first = day("2019-12-01"), last = day("2027-01-31")
        var prefix: [Int] = [0]  // prefix[i] = working days in [first, first + i)
        for d in first...last { prefix.append(prefix.last! + (china.isWorkingDay(d) ? 1 : 0)) }
        let index = { (d: Int64) in Int(d - first) }
        for start in stride(from: day("2020-01-01"), through: day("2026-12-31"), by: 1) {
            for length: Int64 in [1, 6, 7, 30] {
                XCTAssertEqual(china.workingDays(from: start, to: start + length), prefix[index(start + length)] - prefix[index(start)])
            }
            for n in [0, 1, 2, 3, 10] {
                // The walk: the first working day on or after `start` with n working days in (start, that day].
                var expected = start
                while !(china.isWorkingDay(expected) && prefix[index(expected + 1)] - prefix[index(start + 1)] >= n) { expected += 1 }
                let got = china.addingWorkingDays(n, to: start)
                if got != expected {
                    XCTFail("\(n) working days after \(LocalCalendar.date(ofDay: start)): \(LocalCalendar.date(ofDay: got)), walk gives \(LocalCalendar.date(ofDay: expected))")
                    return
                }
            }
        }
    }

    func testAbsurdInputStaysBounded() {
        let never = WorkingCalendar(workDays: [])
        XCTAssertEqual(never.addingWorkingDays(1, to: 0), WorkingCalendar.supportedDays.upperBound)
        XCTAssertEqual(never.workingDays(from: .min, to: .max), 0)
        XCTAssertEqual(china.addingWorkingDays(.max, to: .max), WorkingCalendar.supportedDays.upperBound)
        XCTAssertEqual(china.addingWorkingDays(.max, to: .min), WorkingCalendar.supportedDays.upperBound)
        let earliest = china.addingWorkingDays(0, to: .min)
        XCTAssertTrue(china.isWorkingDay(earliest))
        XCTAssertLessThan(earliest - WorkingCalendar.supportedDays.lowerBound, 3)
        // Two billion days of five working days a week, less the holidays that fall on weekdays.
        let all = china.workingDays(from: .min, to: .max)
        let plainAll = WorkingCalendar().workingDays(from: .min, to: .max)
        XCTAssertGreaterThan(plainAll, 1_400_000_000)
        XCTAssertEqual(all, plainAll - china.holidays.filter { WorkingCalendar().isWorkingDay($0) }.count
                       + china.makeUpWorkdays.count)
        // Outside the notices, China is a plain week.
        XCTAssertEqual(china.workingDays(from: day("2030-01-01"), to: day("2031-01-01")),
                       WorkingCalendar().workingDays(from: day("2030-01-01"), to: day("2031-01-01")))
        // A lone make-up day near the end of the range is found.
        let lone = WorkingCalendar(workDays: [], makeUpWorkdays: [WorkingCalendar.supportedDays.upperBound - 5])
        XCTAssertEqual(lone.addingWorkingDays(1, to: 0), WorkingCalendar.supportedDays.upperBound - 5)
        XCTAssertEqual(lone.addingWorkingDays(2, to: 0), WorkingCalendar.supportedDays.upperBound)
    }

    func testAddingDays() {
        let companyDay = day("2024-10-12"), regionalHoliday = day("2024-10-15"), extraSaturday = day("2024-10-19")
        let adjusted = china.adding(holidays: [companyDay, regionalHoliday], makeUpWorkdays: [extraSaturday])
        // An added holiday on a make-up Saturday makes it a day off.
        XCTAssertFalse(adjusted.isWorkingDay(companyDay))
        XCTAssertEqual(adjusted.restReason(regionalHoliday), .holiday)
        XCTAssertTrue(adjusted.isWorkingDay(extraSaturday))
        XCTAssertEqual(adjusted.coveredYears, china.coveredYears)
        XCTAssertEqual(adjusted.workingDays(from: day("2024-10-08"), to: day("2024-10-21")),
                       china.workingDays(from: day("2024-10-08"), to: day("2024-10-21")) - 2 + 1)
        // An added make-up day on a holiday makes it working again.
        XCTAssertTrue(china.adding(holidays: [], makeUpWorkdays: [day("2024-10-07")]).isWorkingDay(day("2024-10-07")))
        XCTAssertEqual(china.adding(holidays: [], makeUpWorkdays: []), china)
        XCTAssertNotEqual(adjusted, china)
        // Changing a property re-derives the counts.
        var edited = WorkingCalendar()
        edited.holidays = [day("2024-10-08")]
        XCTAssertEqual(edited.workingDays(from: day("2024-10-07"), to: day("2024-10-14")), 4)
        edited.workDays = [1, 2, 3, 4, 5, 6]
        XCTAssertEqual(edited.workingDays(from: day("2024-10-07"), to: day("2024-10-14")), 5)
    }

    /// Statutory holidays: 11 a year until 2024 (10 dates in 2020, when Mid-Autumn fell on
    /// National Day), 13 from 2025; every one a day off in its year's notice, ascending.
    func testStatutoryHolidaysAreDaysOffOfTheLawsNumberEachYear() {
        let dates = ChinaHolidays.statutoryDays
        XCTAssertEqual(dates, dates.sorted())
        XCTAssertEqual(Set(dates).count, dates.count)
        let daysOff = Set(ChinaHolidays.notices.flatMap(\.daysOff))
        XCTAssertEqual(dates.filter { !daysOff.contains($0) }, [])
        let perYear = Dictionary(grouping: dates, by: { $0.prefix(4) }).mapValues(\.count)
        XCTAssertEqual(perYear, ["2020": 10, "2021": 11, "2022": 11, "2023": 11, "2024": 11, "2025": 13, "2026": 13])
        // 2025's National Day block: 1–3 October and Mid-Autumn (the 6th) are statutory; 4, 5, 7, 8 are rest days moved (调休).
        let block = (1...8).map { day(String(format: "2025-10-%02d", $0)) }
        XCTAssertEqual(block.map(china.isStatutoryHoliday), [true, true, true, false, false, true, false, false])
        XCTAssertTrue(block.allSatisfy { !china.isWorkingDay($0) })
        // The eve of the Spring Festival from 2025, not before; 2 May likewise.
        XCTAssertTrue(china.isStatutoryHoliday(day("2025-01-28")))
        XCTAssertFalse(china.isStatutoryHoliday(day("2024-02-09")))
        XCTAssertTrue(china.isStatutoryHoliday(day("2025-05-02")))
        XCTAssertFalse(china.isStatutoryHoliday(day("2024-05-02")))
        // The 2020 extension for COVID-19 added rest days, not statutory holidays.
        XCTAssertFalse(china.isStatutoryHoliday(day("2020-01-31")))
        XCTAssertFalse(WorkingCalendar().isStatutoryHoliday(day("2025-10-01")), "a plain week has none")
    }

    /// A pipeline's statutory holidays are days off too; a make-up day added over one makes it working, and not statutory.
    func testAddingStatutoryHolidays() {
        let nextYear = day("2027-10-01")
        let added = china.adding(holidays: [], makeUpWorkdays: [], statutoryHolidays: [nextYear])
        XCTAssertTrue(added.isStatutoryHoliday(nextYear))
        XCTAssertEqual(added.restReason(nextYear), .holiday)
        XCTAssertNotEqual(added, china)
        let worked = china.adding(holidays: [], makeUpWorkdays: [day("2025-10-02")])
        XCTAssertTrue(worked.isWorkingDay(day("2025-10-02")))
        XCTAssertFalse(worked.isStatutoryHoliday(day("2025-10-02")))
    }

    // MARK: - A second source

    private struct Reference: Decodable {
        var versions: [String: String]
        var firstDay: String
        var lastDay: String
        var working: [String: String]
        var daysOff: [String]
        var makeUpWorkdays: [String]
    }

    private func loadReference() throws -> Reference {
        let url = TestSupport.packageRoot.appendingPathComponent("fixtures/reference/china_calendar.json")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Reference.self, from: Data(contentsOf: url))
    }

    /// Every day of 2020–2026: working or not, as the chinesecalendar package says (the
    /// script stops unless the holidays package agrees). The sources agree on every day.
    func testEveryDayMatchesTheReference() throws {
        let reference = try loadReference()
        XCTAssertEqual(reference.firstDay, "2020-01-01")
        XCTAssertEqual(reference.lastDay, "2026-12-31")
        var compared = 0
        for year in ChinaHolidays.years {
            let flags = Array(try XCTUnwrap(reference.working[String(year)], "no reference for \(year)"))
            let january1 = day(String(format: "%04d-01-01", year))
            XCTAssertEqual(Int64(flags.count), day(String(format: "%04d-01-01", year + 1)) - january1, "\(year)")
            for (offset, flag) in flags.enumerated() {
                let d = january1 + Int64(offset)
                XCTAssertEqual(china.isWorkingDay(d), flag == "1", "\(LocalCalendar.date(ofDay: d)): the reference says \(flag == "1" ? "working" : "not working")")
                compared += 1
            }
        }
        XCTAssertEqual(compared, 2557)
    }

    /// The lists themselves. The notices win where they differ: the 2024 notice takes the
    /// Dragon Boat Festival, Monday 10 June, "与周末连休" (together with the weekend), so
    /// ChinaHolidays lists the block as 8–10 June; chinesecalendar lists only 10 June,
    /// though it lists both weekend days of the 2024 New Year block, worded the same way.
    /// The weekend is not a working day either way.
    func testDayListsMatchTheReferenceExceptTheDragonBoatWeekend2024() throws {
        let reference = try loadReference()
        let daysOff = Set(ChinaHolidays.notices.flatMap(\.daysOff))
        XCTAssertEqual(daysOff.subtracting(reference.daysOff), ["2024-06-08", "2024-06-09"])
        XCTAssertEqual(Set(reference.daysOff).subtracting(daysOff), [])
        XCTAssertEqual(ChinaHolidays.notices.flatMap(\.makeUpWorkdays), reference.makeUpWorkdays)
        XCTAssertEqual(reference.versions["chinesecalendar"], "1.11.0")
    }

    private struct StatutoryReference: Decodable {
        struct Day: Decodable { var date: String; var holidays: [String] }
        var sourceVersions: [String: String]
        var firstDay: String
        var lastDay: String
        var statutoryDays: [Day]
    }

    /// The statutory holidays against fixtures/reference/china_statutory_days.json, computed
    /// from the law's lunar and solar-term dates (lunardate, ephem) and checked there against
    /// holidays.China and chinesecalendar: the same dates, with each holiday's days.
    func testStatutoryHolidaysMatchTheReference() throws {
        let url = TestSupport.packageRoot.appendingPathComponent("fixtures/reference/china_statutory_days.json")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let reference = try decoder.decode(StatutoryReference.self, from: Data(contentsOf: url))
        XCTAssertEqual([reference.firstDay, reference.lastDay], ["2020-01-01", "2026-12-31"])
        XCTAssertEqual(ChinaHolidays.statutoryDays, reference.statutoryDays.map(\.date))
        XCTAssertEqual(reference.statutoryDays.map(\.holidays.count).reduce(0, +), 5 * 11 + 2 * 13)
        XCTAssertEqual(reference.sourceVersions["lunardate"], "0.3.0")
    }
}
