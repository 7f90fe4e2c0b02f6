/// The day an export was taken, when a title line above its header says so
/// (`导出时间：2026年11月28日 17:42`, `Exported on 2026-11-28`): the natural as-of date of an
/// audit of it, since the export shows what was pending on that day, not on the day it is read.
///
/// Only a date that follows an export word is taken (`数据范围：2026/1/1至2026/11/27` is the
/// period, not the export), and only a year-first one (`2026-11-28`, `2026/11/28`,
/// `2026.11.28`, `2026年11月28日`), which no date order can misread.
enum ExportDate {
    static let words = ["导出时间", "导出日期", "导出于", "生成时间", "生成日期", "报表日期", "打印时间", "打印日期", "exported on",
                        "exported at", "exported", "export date", "export time", "generated on", "generated at", "generated",
                        "report date", "run date", "printed on", "printed", "created on"]

    /// The first export date in `lines`, and the text it was read from.
    static func find(in lines: [String]) -> (date: AsOfDate, text: String)? {
        for line in lines {
            let lowered = line.lowercased()
            for word in words {
                guard let found = lowered.range(of: word) else { continue }
                // Up to 40 characters after the word: `导出时间：`, `Exported on: `.
                let after = lowered[found.upperBound...].prefix(40)
                if let date = firstDate(in: Array(after.unicodeScalars)) { return (date, line) }
            }
        }
        return nil
    }

    /// The first year-first date in `text`: four digits, a separator, one or two digits, the
    /// same separator (or `月` after `年`), one or two digits; a valid day of the calendar.
    static func firstDate(in text: [Unicode.Scalar]) -> AsOfDate? {
        func digit(_ at: Int) -> Int? {
            guard at >= 0, at < text.count, text[at].properties.numericType == .decimal, let value = text[at].properties.numericValue else { return nil }
            return Int(value)
        }
        /// The number of up to `most` digits starting at `start`, and where it ends.
        func number(at start: Int, most: Int) -> (value: Int, end: Int)? {
            var end = start, value = 0
            while end - start < most, let next = digit(end) {
                value = value * 10 + next
                end += 1
            }
            return end > start ? (value, end) : nil
        }
        for start in text.indices where digit(start - 1) == nil {
            guard let year = number(at: start, most: 4), year.end - start == 4, year.end < text.count else { continue }
            let separator = text[year.end]
            guard ["-", "/", ".", "年"].contains(separator), let month = number(at: year.end + 1, most: 2),
                  month.end < text.count, text[month.end] == (separator == "年" ? "月" : separator),
                  let day = number(at: month.end + 1, most: 2), digit(day.end) == nil else { continue }
            func padded(_ value: Int, _ width: Int) -> String {
                let digits = String(value)
                return String(repeating: "0", count: max(0, width - digits.count)) + digits
            }
            if let date = AsOfDate("\(padded(year.value, 4))-\(padded(month.value, 2))-\(padded(day.value, 2))") { return date }
        }
        return nil
    }
}
