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
    /// Cells of the details `slot` places, once worded (a few hundred at most).
    private var slotCells = [[UInt8]?](repeating: nil, count: FindingRows.slotCount)
    /// Citations and file names met lately: their bytes one after another in `textBytes`,
    /// where each is, and its cell. Plain integers and bytes, compared with `memcmp`: no
    /// string is copied or counted (retained) to find one.
    private var textBytes: [UInt8] = []
    private var textSpans: [Range<Int>] = []
    private var textCells: [[UInt8]] = []
    /// `check_id,severity,` of each check met, escaped once: two cells of every line that
    /// are the same for all a check's findings (check ids are the catalogue's ASCII names).
    /// Kept apart, and searched through their buffers, so that finding one copies (retains) nothing.
    private var checkIDs: [String] = []
    private var checkSeverities: [Severity] = []
    private var checkCells: [[UInt8]] = []
    /// Each decision type's cell, by ordinal, once escaped.
    private var typeCells = [[UInt8]?](repeating: nil, count: DecisionType.allCases.count)

    /// Distinct details kept worded, and their cells' bytes; past either the table starts
    /// again. The details kept hold no text of the export (`isReusable`), so a cell is a
    /// sentence with numbers and dates; the bytes are bounded all the same.
    static let detailLimit = 4096
    static let detailByteLimit = 4 << 20
    /// Distinct citation texts and file names kept.
    static let textLimit = 32
    /// Checks whose cells are kept: the catalogue has fewer.
    static let checkCellLimit = 64

    init(words: ReportText) {
        self.words = words
    }

    mutating func append(_ finding: Finding, to bytes: inout [UInt8]) {
        let comma = UInt8(ascii: ",")
        CSVText.append(cell: finding.decisionID, to: &bytes)
        bytes.append(comma)
        CSVText.append(cell: words.subject(finding.subject), to: &bytes)
        bytes.append(comma)
        appendCheckCells(finding.checkID, finding.severity, to: &bytes)
        if let type = finding.decisionType { appendTypeCell(type, to: &bytes) }
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

    /// `check_id,severity,`: escaped once per check (a cell escaped each time cost about 270
    /// instructions, a twentieth of a line's, callgrind on full.yaml).
    private mutating func appendCheckCells(_ checkID: String, _ severity: Severity, to bytes: inout [UInt8]) {
        let found = checkIDs.withUnsafeBufferPointer { ids in
            checkSeverities.withUnsafeBufferPointer { severities in
                ids.indices.first { severities[$0] == severity && ids[$0] == checkID }
            }
        }
        if let found {
            checkCells[found].withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
            return
        }
        var cells: [UInt8] = []
        CSVText.append(cell: checkID, to: &cells)
        cells.append(UInt8(ascii: ","))
        CSVText.append(cell: severity.rawValue, to: &cells)
        cells.append(UInt8(ascii: ","))
        if checkCells.count < Self.checkCellLimit {
            checkIDs.append(checkID)
            checkSeverities.append(severity)
            checkCells.append(cells)
        }
        bytes.append(contentsOf: cells)
    }

    private mutating func appendTypeCell(_ type: DecisionType, to bytes: inout [UInt8]) {
        if typeCells[type.ordinal] != nil {
            typeCells[type.ordinal]!.withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
            return
        }
        var cell: [UInt8] = []
        CSVText.append(cell: type.rawValue, to: &cell)
        typeCells[type.ordinal] = cell
        bytes.append(contentsOf: cell)
    }

    private mutating func appendDetail(_ detail: FindingDetail, to bytes: inout [UInt8]) {
        guard Self.isReusable(detail) else {
            CSVText.append(cell: words.detail(detail), to: &bytes)
            return
        }
        // The commonest details say only which kind of decision and how a field was left
        // empty: their cells are found by position, with no hashing of the detail (which, with
        // the copies of the value it makes, cost a sixth of a findings line, callgrind).
        let slot = Self.slot(detail)
        if let slot, let cell = slotCells[slot] {
            bytes.append(contentsOf: cell)
            return
        }
        if slot == nil, let cell = details[detail] {
            bytes.append(contentsOf: cell)
            return
        }
        var cell: [UInt8] = []
        CSVText.append(cell: words.detail(detail), to: &cell)
        if let slot {
            slotCells[slot] = cell
            bytes.append(contentsOf: cell)
            return
        }
        if details.count >= Self.detailLimit || detailBytes + cell.count > Self.detailByteLimit {
            details.removeAll(keepingCapacity: true)
            detailBytes = 0
        }
        details[detail] = cell
        detailBytes += cell.count
        bytes.append(contentsOf: cell)
    }

    /// The position of a detail that holds no more than a decision type and an `Absence`
    /// (reusable, and worded the same whenever these are), in `slotCells`; nil for the others.
    static func slot(_ detail: FindingDetail) -> Int? {
        func at(_ kind: Int, _ type: DecisionType?, _ absence: FindingDetail.Absence = .empty) -> Int {
            ((kind * (DecisionType.allCases.count + 1)) + (type.map { $0.ordinal + 1 } ?? 0)) * 2 + (absence == .empty ? 0 : 1)
        }
        switch detail {
        case .notReviewed(let type): return at(0, type)
        case .reviewNotRecorded(let type, let absence): return at(1, type, absence)
        case .reviewedBySoftware(let type): return at(2, type)
        case .notExplained(let type): return at(3, type)
        case .explanationNotRecorded(let type, let absence): return at(4, type, absence)
        case .appealRouteNotRecorded(let type, let absence): return at(5, type, absence)
        case .aiNoticeNotRecorded(let type): return at(6, type)
        case .unionNotNotified: return at(7, nil)
        case .unionNotificationNotRecorded(let absence): return at(8, nil, absence)
        case .attritionRiskDecision: return at(9, nil)
        default: return nil
        }
    }

    static let slotCount = 10 * (DecisionType.allCases.count + 1) * 2

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
             .protectedStatusPayCut, .suspectReasons, .scoreOutOfRange, .attritionIndicators, .placeUnknown, .placeOutsideAudit,
             .placeUnderNoRule, .placeNamesSeveral:
            false
        }
    }

    private mutating func appendText(_ text: String, to bytes: inout [UInt8]) {
        // Read in place (as `CSVText` reads a cell), not through a copy made mutable.
        let search = { (utf8: UnsafeBufferPointer<UInt8>) -> Int? in
            self.textBytes.withUnsafeBufferPointer { arena in
                self.textSpans.firstIndex { span in
                    span.count == utf8.count && (span.isEmpty || memcmp(arena.baseAddress! + span.lowerBound, utf8.baseAddress!, span.count) == 0)
                }
            }
        }
        let found: Int?
        if let inPlace = text.utf8.withContiguousStorageIfAvailable(search) {
            found = inPlace
        } else {
            var copy = text
            found = copy.withUTF8(search)
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
    /// the stack and appended at once. (Counting the digits first for `ISOTime.digits` took
    /// half again as many instructions, callgrind.)
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
