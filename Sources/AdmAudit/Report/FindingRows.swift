#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// findings.csv's lines, written straight into the file's buffer: each cell escaped and
/// neutralised as `CSVText` does every cell, without making the cells' strings.
///
/// A full audit writes several findings a row (three million lines a million rows), and
/// most of their cells repeat: one sentence for every decision not reviewed, one set of
/// citations a check, one source file. A detail is worded and escaped once per distinct
/// value (a bounded table, emptied when full: details that differ per record, such as
/// times, pay the table and gain nothing, and hold no more memory); citations and the
/// file name once per text.
///
/// Only what is compared byte for byte is reused. Swift compares and hashes strings by
/// canonical equivalence (`é` written as one code point equals `e` and an accent), so a
/// detail holding the export's text (a reviewer's name, the items it matched) is worded
/// every time: the export's spelling is evidence. Texts are matched by their bytes.
struct FindingRows {
    let words: ReportText
    private var details: [FindingDetail: [UInt8]] = [:]
    private var detailBytes = 0
    /// Citations and file names met lately: their bytes one after another in `textBytes`,
    /// where each is, and its cell. Plain integers and bytes, compared with `memcmp`: no
    /// string is copied or counted (retained) to find one.
    private var textBytes: [UInt8] = []
    private var textSpans: [Range<Int>] = []
    private var textCells: [[UInt8]] = []

    /// Distinct details kept worded, and their cells' bytes; past either the table starts
    /// again. The details kept hold no text of the export (`isReusable`), so a cell is a
    /// sentence with numbers and dates; the bytes are bounded all the same.
    static let detailLimit = 4096
    static let detailByteLimit = 4 << 20
    /// Distinct citation texts and file names kept.
    static let textLimit = 32

    init(words: ReportText) {
        self.words = words
    }

    mutating func append(_ finding: Finding, to bytes: inout [UInt8]) {
        let comma = UInt8(ascii: ",")
        CSVText.append(cell: finding.decisionID, to: &bytes)
        bytes.append(comma)
        CSVText.append(cell: words.subject(finding.subject), to: &bytes)
        bytes.append(comma)
        CSVText.append(cell: finding.checkID, to: &bytes)
        bytes.append(comma)
        CSVText.append(cell: finding.severity.rawValue, to: &bytes)
        bytes.append(comma)
        CSVText.append(cell: finding.decisionType?.rawValue ?? "", to: &bytes)
        bytes.append(comma)
        CSVText.append(cell: finding.decidedAt, to: &bytes)
        bytes.append(comma)
        appendDetail(finding.detail, to: &bytes)
        bytes.append(comma)
        // Byte by byte: appending a literal's `utf8` went through the generic sequence path.
        if finding.notRecorded {
            bytes.append(UInt8(ascii: "y"))
            bytes.append(UInt8(ascii: "e"))
            bytes.append(UInt8(ascii: "s"))
        } else {
            bytes.append(UInt8(ascii: "n"))
            bytes.append(UInt8(ascii: "o"))
        }
        bytes.append(comma)
        appendText(finding.legalBasis.text(words.language), to: &bytes)
        bytes.append(comma)
        appendText(finding.file, to: &bytes)
        bytes.append(comma)
        if finding.line > 0 { Self.appendDigits(finding.line, to: &bytes) }
        bytes.append(0x0A)
    }

    private mutating func appendDetail(_ detail: FindingDetail, to bytes: inout [UInt8]) {
        guard Self.isReusable(detail) else {
            CSVText.append(cell: words.detail(detail), to: &bytes)
            return
        }
        if let cell = details[detail] {
            bytes.append(contentsOf: cell)
            return
        }
        var cell: [UInt8] = []
        CSVText.append(cell: words.detail(detail), to: &cell)
        if details.count >= Self.detailLimit || detailBytes + cell.count > Self.detailByteLimit {
            details.removeAll(keepingCapacity: true)
            detailBytes = 0
        }
        details[detail] = cell
        detailBytes += cell.count
        bytes.append(contentsOf: cell)
    }

    /// Whether equal values of the detail are always worded alike: it holds no text (strings
    /// compare by canonical equivalence) and no fraction (`-0.0` equals `0.0`).
    static func isReusable(_ detail: FindingDetail) -> Bool {
        switch detail {
        case .notReviewed, .reviewNotRecorded, .reviewedBySoftware, .reviewedAfterEffect, .notExplained, .explanationNotRecorded,
             .noAppealRoute, .appealRouteNotRecorded, .appealReviewedBySoftware, .appealReviewerNotRecorded,
             .appealUnanswered, .appealAnsweredLate, .aiNoticeNotRecorded, .aiNoticeAfterDecision, .aiNoticeTooShort,
             .timesOutOfOrder, .notifiedOffHours, .keptTooLong, .dismissalKeptTooLong, .unionNotNotified,
             .unionNotificationNotRecorded, .attritionRiskDecision, .offHoursContacts, .dailyOvertimeOverLimit, .monthlyOvertimeOverLimit,
             .noRestDay, .recurringOffHours, .shortDailyRest, .averageWeekOverLimit, .decisionAfterUnansweredContact:
            true
        case .rubberStamp, .sameAppealReviewer, .attributeOftenUnknown, .prohibitedData, .protectedStatusDismissed,
             .protectedStatusPayCut, .suspectReasons, .scoreOutOfRange, .attritionIndicators, .placeUnknown, .placeOutsideAudit:
            false
        }
    }

    private mutating func appendText(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        let found = text.withUTF8 { utf8 -> Int? in
            textBytes.withUnsafeBufferPointer { arena in
                textSpans.firstIndex { span in
                    span.count == utf8.count && (span.isEmpty || memcmp(arena.baseAddress! + span.lowerBound, utf8.baseAddress!, span.count) == 0)
                }
            }
        }
        if let found {
            bytes.append(contentsOf: textCells[found])
            return
        }
        var cell: [UInt8] = []
        CSVText.append(cell: text, to: &cell)
        bytes.append(contentsOf: cell)
        // Full: the texts start again (a run has a handful: its files and its checks' citations).
        if textSpans.count >= Self.textLimit {
            textBytes.removeAll(keepingCapacity: true)
            textSpans.removeAll(keepingCapacity: true)
            textCells.removeAll(keepingCapacity: true)
        }
        textSpans.append(textBytes.count..<(textBytes.count + text.utf8.count))
        textBytes.append(contentsOf: text.utf8)
        textCells.append(cell)
    }

    /// A positive line number's decimal digits (a plain number: never neutralised), made on
    /// the stack and appended at once.
    private static func appendDigits(_ value: Int, to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var rest = value.magnitude
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(truncatingIfNeeded: rest % 10) &+ UInt8(ascii: "0")
                rest /= 10
            } while rest > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }
}
