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
    /// Citations and file names met lately, with their cells (the texts are shared, so
    /// comparing one with itself is a pointer test).
    private var texts: [(text: String, cell: [UInt8])] = []
    private var nextText = 0

    /// Distinct details kept worded; past it the table starts again.
    static let detailLimit = 4096
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
        bytes.append(contentsOf: finding.notRecorded ? "yes".utf8 : "no".utf8)
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
        if details.count >= Self.detailLimit { details.removeAll(keepingCapacity: true) }
        details[detail] = cell
        bytes.append(contentsOf: cell)
    }

    /// Whether equal values of the detail are always worded alike: it holds no text (strings
    /// compare by canonical equivalence) and no fraction (`-0.0` equals `0.0`).
    static func isReusable(_ detail: FindingDetail) -> Bool {
        switch detail {
        case .notReviewed, .reviewNotRecorded, .reviewedAfterEffect, .notExplained, .explanationNotRecorded,
             .noAppealRoute, .appealRouteNotRecorded, .appealReviewedBySoftware, .appealReviewerNotRecorded,
             .appealUnanswered, .appealAnsweredLate, .aiNoticeNotRecorded, .aiNoticeAfterDecision, .aiNoticeTooShort,
             .timesOutOfOrder, .notifiedOffHours, .keptTooLong, .dismissalKeptTooLong, .unionNotNotified,
             .unionNotificationNotRecorded, .attritionRiskDecision:
            true
        case .rubberStamp, .sameAppealReviewer, .attributeOftenUnknown, .prohibitedData, .protectedStatusDismissed,
             .protectedStatusPayCut, .suspectReasons, .scoreOutOfRange, .attritionIndicators:
            false
        }
    }

    private mutating func appendText(_ text: String, to bytes: inout [UInt8]) {
        for entry in texts where Self.sameBytes(entry.text, text) {
            bytes.append(contentsOf: entry.cell)
            return
        }
        var cell: [UInt8] = []
        CSVText.append(cell: text, to: &cell)
        if texts.count < Self.textLimit {
            texts.append((text, cell))
        } else {
            texts[nextText] = (text, cell)
            nextText = (nextText + 1) % Self.textLimit
        }
        bytes.append(contentsOf: cell)
    }

    /// Whether two strings hold the same bytes; the same storage is one pointer test.
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        var (a, b) = (a, b)
        return a.withUTF8 { first in
            b.withUTF8 { second in
                first.count == second.count
                    && (first.baseAddress == second.baseAddress || first.count == 0
                        || memcmp(first.baseAddress!, second.baseAddress!, first.count) == 0)
            }
        }
    }

    /// A positive line number's decimal digits (a plain number: never neutralised).
    private static func appendDigits(_ value: Int, to bytes: inout [UInt8]) {
        var count = 1, power = 10
        while count < 19 && value >= power {
            count += 1
            power &*= 10
        }
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: count))
        bytes.withUnsafeMutableBufferPointer { buffer in
            var rest = value, index = buffer.count
            while rest > 0 {
                index -= 1
                buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
        }
    }
}
