import Foundation
import XCTest

@testable import AdmAudit

/// What a column's values look like (`ColumnProfile`) and what its timestamps say about the
/// export's locale (`TimestampEvidence`).
final class ColumnProfileTests: XCTestCase {

    private func profile(_ values: [String], header: String = "column") -> ColumnProfile {
        ColumnProfile(index: 0, header: header, values: values)
    }

    private func evidence(_ values: [String]) -> TimestampEvidence {
        var evidence = TimestampEvidence()
        for value in values { evidence.add(value) }
        return evidence
    }

    // MARK: Counts

    func testBlankCellsAreNotCounted() {
        let column = profile(["a", "", "b", "", "a"])
        XCTAssertEqual(column.filled, 3)
        XCTAssertEqual(column.distinct, 2)
        XCTAssertFalse(column.isEmpty)
        XCTAssertTrue(profile(["", ""]).isEmpty)
        XCTAssertTrue(profile([]).isEmpty)
    }

    func testDistinctValuesAreCountedInTextKeyForm() {
        XCTAssertEqual(profile(["Female", "female", " FEMALE", "ｆｅｍａｌｅ"]).distinct, 1)
    }

    func testCommonValuesMostFrequentFirst() {
        let column = profile(["b", "a", "b", "c", "b", "a"])
        XCTAssertEqual(column.common.map(\.value), ["b", "a", "c"])
        XCTAssertEqual(column.common.map(\.count), [3, 2, 1])
        XCTAssertEqual(profile((0..<50).map { "v\($0)" }).common.count, 12, "at most twelve")
    }

    func testUniqueColumns() {
        XCTAssertTrue(profile((0..<40).map { "D\($0)" }).isUnique)
        XCTAssertTrue(profile((0..<40).map { "D\($0)" } + ["D0"]).isUnique, "one repeat in forty is still an id")
        XCTAssertFalse(profile((0..<40).map { "D\($0 % 30)" }).isUnique)
        XCTAssertFalse(profile(["D1"]).isUnique, "one value proves nothing")
    }

    // MARK: Shares

    func testYesNoAndNotApplicable() {
        let column = profile(["是", "否", "N/A", "是（人工）", "maybe"])
        XCTAssertEqual(column.booleanShare, 0.8, accuracy: 1e-9, "N/A counts for a yes/no column")
        XCTAssertEqual(column.notApplicableCount, 1)
    }

    func testDecisionKindsAndOutcomes() {
        let column = profile(["解除劳动合同", "警告", "警告", "降级", "hello world"])
        XCTAssertEqual(column.decisionTypeShare, 0.8, accuracy: 1e-9)
        XCTAssertEqual(column.decisionTypes, [.dismissal: 1, .discipline: 2, .demotion: 1])
        let outcomes = profile(["adverse", "favorable", "Not selected", "hello"])
        XCTAssertEqual(outcomes.outcomeShare, 0.75, accuracy: 1e-9)
    }

    func testSexesPlacesAndWhoDecided() {
        XCTAssertEqual(profile(["女", "男", "F", "x"]).sexShare, 0.75, accuracy: 1e-9)
        XCTAssertEqual(profile(["Germany", "CN", "Shanghai", "Atlantis"]).placeShare, 0.75, accuracy: 1e-9)
        XCTAssertEqual(profile(["深圳总部", "Berlin Office", "Sales"]).placeShare, 2.0 / 3.0, accuracy: 1e-9)
        XCTAssertEqual(profile(["系统", "人工", "AI", "Zhang Wei"]).automationShare, 0.75, accuracy: 1e-9)
    }

    func testCJKShareIsOverScalars() {
        XCTAssertEqual(profile(["女女", "ab"]).cjkShare, 0.5, accuracy: 1e-9)
        XCTAssertEqual(profile(["abc"]).cjkShare, 0)
        XCTAssertEqual(profile([]).cjkShare, 0)
    }

    func testTimestampAndNumberShares() {
        let times = profile(["2025-01-13 09:10", "2025/1/14", "13-JAN-2025", "soon"])
        XCTAssertEqual(times.timestampShare, 0.75, accuracy: 1e-9)
        let numbers = profile(["0.73", "0,5", "12", "-3", "n/a"])
        XCTAssertEqual(numbers.numberShare, 0.8, accuracy: 1e-9)
        XCTAssertEqual(numbers.numberRange, -3...12)
        XCTAssertTrue(numbers.decimalComma)
        XCTAssertFalse(profile(["0.73", "1"]).decimalComma)
        XCTAssertNil(profile(["high", "low"]).numberRange)
    }

    // MARK: Numbers

    func testNumbers() {
        XCTAssertEqual(ColumnProfile.number("0.73")?.value, 0.73)
        XCTAssertEqual(ColumnProfile.number("0.73")?.decimalComma, false)
        XCTAssertEqual(ColumnProfile.number("0,73")?.value, 0.73)
        XCTAssertEqual(ColumnProfile.number("0,73")?.decimalComma, true)
        XCTAssertEqual(ColumnProfile.number("-3")?.value, -3)
        XCTAssertEqual(ColumnProfile.number("+3")?.value, 3)
        XCTAssertEqual(ColumnProfile.number("73")?.value, 73)
        XCTAssertEqual(ColumnProfile.number(".5")?.value, 0.5)
    }

    func testNotNumbers() {
        for text in ["", "-", ".", "1.234,5", "1,234,567", "3-", "1e5", "0x10", "inf", "nan", "12 kg", "１２", String(repeating: "9", count: 40)] {
            XCTAssertNil(ColumnProfile.number(text), text)
        }
    }

    // MARK: TimestampEvidence

    func testYearLastDatesShowTheirOrder() {
        let dayFirst = evidence(["13/01/2025", "02/01/2025"])
        XCTAssertEqual(dayFirst.dayFirst, 1)
        XCTAssertEqual(dayFirst.monthFirst, 0)
        XCTAssertEqual(dayFirst.yearLast, 2)
        XCTAssertEqual(dayFirst.parsed, 2)
        XCTAssertEqual(dayFirst.yearLastOrder, .dmy)

        let monthFirst = evidence(["01/13/2025 09:10", "01/02/2025"])
        XCTAssertEqual(monthFirst.monthFirst, 1)
        XCTAssertEqual(monthFirst.yearLastOrder, .mdy)

        XCTAssertNil(evidence(["01/02/2025", "03/04/2025"]).yearLastOrder, "nothing over 12: no order shown")
        XCTAssertNil(evidence(["13/01/2025", "01/13/2025"]).yearLastOrder, "both: the dates disagree")
        XCTAssertEqual(evidence(["2025-01-13"]).yearLast, 0)
        // A date valid in neither order (an employer's one bad row) is no evidence for either.
        let oneBadRow = evidence(["7/14/2025 23:05", "13/13/2025 10:00", "7/15/2025 09:00"])
        XCTAssertEqual([oneBadRow.dayFirst, oneBadRow.monthFirst], [0, 2])
        XCTAssertEqual(oneBadRow.yearLastOrder, .mdy)
        XCTAssertEqual(evidence(["31/02/2025"]).dayFirst, 0, "no 31 February: not day first either")
    }

    func testYearLastParts() {
        XCTAssertEqual(TimestampEvidence.yearLastParts("4/3/2025 9:05").map { [$0.0, $0.1] }, [4, 3])
        XCTAssertEqual(TimestampEvidence.yearLastParts("13-01-2025").map { [$0.0, $0.1] }, [13, 1])
        XCTAssertEqual(TimestampEvidence.yearLastParts("13.01.2025").map { [$0.0, $0.1] }, [13, 1])
        XCTAssertNil(TimestampEvidence.yearLastParts("2025/01/13"))
        // Two-digit years are evidence of the order, and counted (`input.two_digit_years`).
        XCTAssertEqual(TimestampEvidence.yearLastParts("13/01/25").map { [$0.0, $0.1, $0.yearDigits] }, [13, 1, 2])
        XCTAssertEqual(TimestampEvidence.yearLastParts("1/13/25 9:05").map { [$0.0, $0.1, $0.yearDigits] }, [1, 13, 2])
        XCTAssertNil(TimestampEvidence.yearLastParts("13/01/250"))
        XCTAssertNil(TimestampEvidence.yearLastParts("25-10-01"), "after dashes the year may come first")
        XCTAssertEqual(evidence(["25-10-01", "25-11-13"]).dayFirst, 0, "no evidence of day first, nor dates")
        XCTAssertNil(TimestampEvidence.yearLastParts("13/01/2"))
        let twoDigit = evidence(["10/23/25", "13-JAN-25", "1/5/2025", "2025-01-05"])
        XCTAssertEqual([twoDigit.parsed, twoDigit.twoDigitYears, twoDigit.monthFirst], [4, 2, 1])
        XCTAssertEqual(twoDigit.twoDigitYearExample, "10/23/25")
        XCTAssertNil(TimestampEvidence.yearLastParts("13/JAN/2025"))
    }

    func testOffsetsWrittenInValues() {
        XCTAssertEqual(TimestampEvidence.offset("2025-01-13T09:10:00+08:00"), 480)
        XCTAssertEqual(TimestampEvidence.offset("2025-01-13 09:10 +0800"), 480)
        XCTAssertEqual(TimestampEvidence.offset("2025-01-13T09:10:00-05:00"), -300)
        XCTAssertEqual(TimestampEvidence.offset("2025-01-13T09:10-05"), -300)
        XCTAssertEqual(TimestampEvidence.offset("2025-01-13T09:10+05:30"), 330)
        XCTAssertEqual(TimestampEvidence.offset("2025-01-13T09:10:00Z"), 0)
        XCTAssertNil(TimestampEvidence.offset("2025-01-13"), "the date's hyphens are no offset")
        XCTAssertNil(TimestampEvidence.offset("2025-01-13 09:10"))
        XCTAssertNil(TimestampEvidence.offset("2025-01-13 09:10+8"))
        XCTAssertNil(TimestampEvidence.offset("Z"))

        let counted = evidence(["2025-01-13T09:10:00+08:00", "2025-01-14T09:10:00+08:00", "2025-01-15T09:10:00Z"])
        XCTAssertEqual(counted.offsets, [480: 2, 0: 1])
    }

    func testEpochsAndExcelSerialsAreCounted() {
        let numeric = evidence(["1736759400", "1736759400123", "45723.375", "45723"])
        XCTAssertEqual(numeric.parsed, 4)
        XCTAssertEqual(numeric.epoch, 2)
        XCTAssertEqual(numeric.excelSerial, 2)
        let notTimes = evidence(["173675940", "hello", ""])
        XCTAssertEqual(notTimes.parsed, 0)
        XCTAssertEqual(notTimes.epoch, 0)
    }
}
