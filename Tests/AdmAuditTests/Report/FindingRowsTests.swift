import Foundation
import XCTest
@testable import AdmAudit

/// findings.csv's lines written without the cells' strings (`FindingRows`): byte for byte
/// the line `CSVText` makes of the cells, whatever the cells hold (commas, quotes, line
/// ends, formula starts, Chinese), in both languages, and whatever the tables of worded
/// details and texts hold or have let go.
final class FindingRowsTests: XCTestCase {
    /// The line as `CSVText.row` makes it of findings.csv's cells.
    private func expectedLine(_ finding: Finding, _ words: ReportText) -> String {
        CSVText.row([finding.decisionID, words.subject(finding.subject), finding.checkID, finding.severity.rawValue,
                     finding.decisionType?.rawValue ?? "", finding.decidedAt, words.detail(finding.detail),
                     finding.notRecorded ? "yes" : "no", finding.legalBasis.text(words.language), finding.file,
                     finding.line > 0 ? String(finding.line) : ""])
    }

    /// Bytes, not strings: Swift's `==` on strings takes canonically equivalent spellings as equal.
    private func assertSameBytes(_ written: [UInt8], _ expected: String, _ message: String = "", line: UInt = #line) {
        let expectedBytes = Array(expected.utf8)
        guard written != expectedBytes else { return }
        let writtenLines = written.split(separator: 0x0A, omittingEmptySubsequences: false)
        let expectedLines = expectedBytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        let index = zip(writtenLines, expectedLines).enumerated().first { !$0.element.0.elementsEqual($0.element.1) }?.offset
            ?? min(writtenLines.count, expectedLines.count)
        let show = { (lines: [ArraySlice<UInt8>]) in index < lines.count ? "\(Array(lines[index]))" : "(none)" }
        XCTFail("\(message) line \(index + 1) differs: written \(show(writtenLines)), expected \(show(expectedLines))", line: line)
    }

    private static let hostile = ["D-1", "Jos\u{E9}", "Jose\u{301}", "=HYPERLINK(\"x\")", "a,b", "say \"hi\"", "two\nlines", "-42", "+1", "@cmd", "员工 7", " ", "", "\u{202E}evil", "x\r"]

    private func finding(_ random: inout SystemRandomNumberGenerator, details: [FindingDetail], texts: [String]) -> Finding {
        let subject: FindingSubject = switch Int.random(in: 0..<3, using: &random) {
        case 0: .worker(Self.hostile.randomElement(using: &random)!)
        case 1: .reviewer(Self.hostile.randomElement(using: &random)!)
        default: .decisions(.hiring, attribute: Self.hostile.randomElement(using: &random)!)
        }
        return Finding(decisionID: Self.hostile.randomElement(using: &random)!, subject: subject,
                       checkID: ["HR-01", "DM-02", "NT-01"].randomElement(using: &random)!,
                       severity: Bool.random(using: &random) ? .error : .warning,
                       decisionType: Bool.random(using: &random) ? nil : DecisionType.allCases.randomElement(using: &random)!,
                       decidedAt: Bool.random(using: &random) ? "" : "2025-03-01T09:30:00Z",
                       detail: details.randomElement(using: &random)!, notRecorded: Bool.random(using: &random),
                       legalBasis: CitedText(english: texts.randomElement(using: &random)!, chinese: texts.randomElement(using: &random)!),
                       file: texts.randomElement(using: &random)!,
                       line: [0, 1, 9, 10, 99, 1_000_000, Int.max].randomElement(using: &random)!)
    }

    func testLinesAreTheCellsAsCSVTextWritesThem() {
        var random = SystemRandomNumberGenerator()
        let texts = Self.hostile + ["PIPL Art. 24; GDPR Art. 22(3)", "《个人信息保护法》第二十四条", "/data/导出 2025,v2.csv"]
        for language in [ReportLanguage.en, .zh] {
            let words = ReportText(language: language)
            var rows = FindingRows(words: words)
            var written: [UInt8] = []
            var expected = ""
            for _ in 0..<3000 {
                let finding = finding(&random, details: FindingWordsTests.samples, texts: texts)
                rows.append(finding, to: &written)
                expected += expectedLine(finding, words)
            }
            assertSameBytes(written, expected, "\(language)")
        }
    }

    /// More distinct details and texts than the tables keep: they start again, and every
    /// line is still the one worded afresh.
    func testLinesStayRightPastTheTablesLimits() {
        var random = SystemRandomNumberGenerator()
        let details = (0..<(FindingRows.detailLimit + 500)).map {
            FindingDetail.keptTooLong(decidedDay: Int64($0), asOfDay: 30_000, limitDays: 180)
        }
        let texts = (0..<(FindingRows.textLimit * 3)).map { "basis \($0), \"quoted\"" }
        let words = ReportText(language: .en)
        var rows = FindingRows(words: words)
        var written: [UInt8] = []
        var expected = ""
        for round in 0..<3 {
            for index in 0..<details.count {
                let detail = round == 1 ? details.randomElement(using: &random)! : details[index]
                var finding = finding(&random, details: [detail], texts: texts)
                finding.file = texts[index % texts.count]
                rows.append(finding, to: &written)
                expected += expectedLine(finding, words)
            }
        }
        assertSameBytes(written, expected)
    }
}

extension FindingRowsTests {
    /// Spellings Swift counts as one string (canonical equivalence) and numbers it counts as
    /// one (`-0.0`, `0.0`) keep their own bytes: the export's spelling is evidence.
    func testEquivalentSpellingsKeepTheirOwnBytes() {
        let composed = "Jos\u{E9}", decomposed = "Jose\u{301}"
        XCTAssertEqual(composed, decomposed)
        let words = ReportText(language: .en)
        var rows = FindingRows(words: words)
        var written: [UInt8] = []
        var expected = ""
        let term = { (item: String) in FindingDetail.MatchedTerm(name: "health", chineseName: "健康", items: [item]) }
        let details: [FindingDetail] = [
            .sameAppealReviewer(type: .dismissal, reviewer: composed), .sameAppealReviewer(type: .dismissal, reviewer: decomposed),
            .prohibitedData(categories: [term(composed)]), .prohibitedData(categories: [term(decomposed)]),
            .attributeOftenUnknown(type: .hiring, attribute: composed, unknown: 3, decisions: 9, maxShare: 0.2),
            .attributeOftenUnknown(type: .hiring, attribute: decomposed, unknown: 3, decisions: 9, maxShare: 0.2),
            .scoreOutOfRange(score: 0.0, low: 0.5, high: 1), .scoreOutOfRange(score: -0.0, low: 0.5, high: 1),
        ]
        for round in 0..<2 {
            for (index, detail) in details.enumerated() {
                let finding = Finding(decisionID: "D\(index)", subject: .reviewer(index % 2 == 0 ? composed : decomposed), checkID: "AP-05",
                                      severity: .error, decidedAt: "", detail: detail, notRecorded: false,
                                      legalBasis: CitedText(english: index % 2 == 0 ? composed : decomposed, chinese: ""),
                                      file: (index + round) % 2 == 0 ? "/data/\(composed).csv" : "/data/\(decomposed).csv", line: index + 1)
                rows.append(finding, to: &written)
                expected += expectedLine(finding, words)
            }
        }
        assertSameBytes(written, expected)
    }
}

extension FindingRowsTests {
    /// Details whose cells are large (many times out of order) fill the table's bytes before
    /// its count: it starts again, and every line is still right.
    func testLinesStayRightPastTheTablesBytes() {
        let time = { (seconds: Int64) in LocalTime(instant: 1_740_792_600 + seconds, offset: 8 * 3600) }
        let details = (0..<30).map { index in
            FindingDetail.timesOutOfOrder(problems: (0..<3000).map { _ in
                .init(later: .reviewedAt, laterAt: time(Int64(index)), earlier: .decidedAt, earlierAt: time(86_400))
            })
        }
        XCTAssertTrue(details.allSatisfy(FindingRows.isReusable))
        let words = ReportText(language: .zh)
        var rows = FindingRows(words: words)
        var written: [UInt8] = []
        var expected = ""
        for detail in details + details.reversed() + details {
            let finding = Finding(decisionID: "D", subject: .worker("S-1"), checkID: "DQ-01", severity: .warning, decidedAt: "",
                                  detail: detail, notRecorded: false, legalBasis: CitedText(english: "x", chinese: "y"), file: "f.csv", line: 2)
            rows.append(finding, to: &written)
            expected += expectedLine(finding, words)
        }
        assertSameBytes(written, expected)
    }
}

extension FindingRowsTests {
    /// Every detail found by position (`FindingRows.slot`: a decision type and an `Absence` at
    /// most) has a position of its own, and its line is the one worded afresh, in any order.
    func testDetailsFoundByPositionAreWordedAsTheirOwn() {
        let types: [DecisionType?] = [nil] + DecisionType.allCases
        var details: [FindingDetail] = [.unionNotNotified, .attritionRiskDecision]
        for absence in [FindingDetail.Absence.empty, .markedNotApplicable] {
            details.append(.unionNotificationNotRecorded(unionNotified: absence))
            for case let type? in types {
                details += [.notReviewed(type: type), .reviewNotRecorded(type: type, humanReviewed: absence),
                            .reviewedBySoftware(type: type), .notExplained(type: type),
                            .explanationNotRecorded(type: type, explanationGiven: absence),
                            .appealRouteNotRecorded(type: type, appealOffered: absence), .aiNoticeNotRecorded(type: type)]
            }
        }
        details = Array(Set(details))
        let slots = details.compactMap(FindingRows.slot)
        XCTAssertEqual(slots.count, details.count, "every such detail has a position")
        XCTAssertEqual(Set(slots).count, slots.count, "no two details share a position")
        XCTAssertTrue(slots.allSatisfy { (0..<FindingRows.slotCount).contains($0) })
        XCTAssertNil(FindingRows.slot(.keptTooLong(decidedDay: 1, asOfDay: 2, limitDays: 3)))

        var random = SystemRandomNumberGenerator()
        for language in [ReportLanguage.en, .zh] {
            let words = ReportText(language: language)
            var rows = FindingRows(words: words)
            var written: [UInt8] = []
            var expected = ""
            for detail in details.shuffled(using: &random) + details.shuffled(using: &random) {
                let finding = finding(&random, details: [detail], texts: ["PIPL Art. 24"])
                rows.append(finding, to: &written)
                expected += expectedLine(finding, words)
            }
            assertSameBytes(written, expected, "\(language)")
        }
    }
}
