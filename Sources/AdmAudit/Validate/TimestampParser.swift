import Foundation

public enum TimestampParseResult: Equatable, Sendable {
    /// Seconds since 1970-01-01T00:00:00Z.
    case instant(Int64)
    /// Why the text is not a timestamp; the report words it (`ReportText.timestampProblem`).
    case invalid(TimestampProblem)
}

/// Turns the timestamp fields of an employer's decision export into UTC instants.
///
/// The exports we audit come out of HR systems by way of Chinese- and English-language Excel,
/// so the same column can hold any of the shapes those tools produce:
///
/// - ISO 8601: `2025-03-07`, `2025-03-07T09:05`, `2025-03-07 09:05:00.123`, with an optional
///   offset `Z`, `+08:00`, `+0800` or `-05` (a space before the offset is allowed).
/// - Year-first dates with `-`, `/` or `.` and one- or two-digit parts: `2025/3/7 9:05:30`, `2025.3.7`.
/// - Chinese dates and times: `2025年3月7日`, `2025年3月7日9时5分`, `2025年3月7日 9时5分30秒`.
/// - 12-hour clocks: `9:05 PM`, `9:05 am`, or the Chinese prefix `上午`/`下午` (`下午9:05`).
/// - Year-last dates `7/3/2025`, `07-03-2025 09:05`. Whether that is 7 March or 3 July depends on
///   the locale the file was exported in, so it is only accepted when `dateOrder` is `.dmy` or `.mdy`;
///   with `.ymd` the value is rejected and the user is told to set `input.date_order`.
/// - Excel serial day numbers (1900 date system), which appear when a column was never formatted
///   as a date: a plain number from 20000 to 80000, e.g. `45723.375` is 2025-03-07 09:00 local.
/// - Unix epoch seconds (10 digits) or milliseconds (13 digits), as logging systems write them: UTC.
/// - A day written as one number, `20250307` (8 digits), perhaps with a time after it
///   (`20250307 14:30`), or run on as `20250307143000` (14 digits): a local time.
///
/// Values without an explicit offset are wall-clock times in `timeZone`; a date alone means
/// midnight. Fractional seconds are dropped (the instant is truncated to the earlier second);
/// an Excel day fraction is rounded to the nearest second, because it is a binary approximation
/// of a whole-second time. A local time skipped by a spring-forward change is read with the offset
/// in force before the change (02:30 in Berlin on 2025-03-30 becomes 03:30 CEST, as Python's
/// `fold=0` and Java's `ZonedDateTime` do); a time repeated by a fall-back change resolves to the
/// earlier of its two instants.
///
/// Parsing works directly on the UTF-8 bytes and does not allocate when the value is valid:
/// exports run to millions of rows. Foundation is only asked for UTC offsets, and its answers are
/// cached per local day. The parser is a value type; each copy carries its own cache, which is why
/// `parse` is `mutating`.
public struct TimestampParser: Sendable {
    private let dateOrder: DateOrder
    /// nil: a two-digit year is refused (`TimestampProblem.twoDigitYear`).
    private let twoDigitYears: TwoDigitYears?
    private var localTime: LocalTimeResolver
    /// The last value parsed was a date alone (`2025-03-01`, `2025年3月1日`): read as that day's
    /// midnight, it says the day, not the time of day.
    public private(set) var lastWasDayOnly = false

    public init(timeZone: TimeZone, dateOrder: DateOrder = .ymd, twoDigitYears: TwoDigitYears? = nil) {
        self.dateOrder = dateOrder
        self.twoDigitYears = twoDigitYears
        self.localTime = LocalTimeResolver(timeZone: timeZone)
    }

    /// Parses a trimmed field's UTF-8 bytes. A valid value allocates nothing (no `String`, no
    /// Foundation formatters); Foundation is asked for UTC offsets only when the value's local day
    /// is not cached yet. Only an ambiguous day/month order builds a `String`: the date it quotes.
    public mutating func parse(_ bytes: UnsafeRawBufferPointer) -> TimestampParseResult {
        if let reading = Self.readPlainISO(bytes) {
            lastWasDayOnly = !reading.hasTime
            return .instant(reading.utcOffset == nil ? localTime.utcSeconds(forLocal: reading.localSeconds) : reading.localSeconds)
        }
        return parseByGrammar(bytes)
    }

    /// `parse` without the plain ISO shortcut: the whole grammar for every value.
    mutating func parseByGrammar(_ bytes: UnsafeRawBufferPointer) -> TimestampParseResult {
        var cursor = Cursor(trimming: bytes)
        do throws(TimestampProblem) {
            let reading = try Self.read(&cursor, dateOrder: dateOrder, twoDigitYears: twoDigitYears)
            lastWasDayOnly = !reading.hasTime
            if let offset = reading.utcOffset {
                return .instant(reading.localSeconds - offset)
            }
            return .instant(localTime.utcSeconds(forLocal: reading.localSeconds))
        } catch {
            return .invalid(error)
        }
    }

    /// Convenience for tests and slow paths.
    public mutating func parse(_ text: String) -> TimestampParseResult {
        var text = text
        return text.withUTF8 { parse(UnsafeRawBufferPointer($0)) }
    }
}

// MARK: - Grammar

// Helpers are nested in TimestampParser so their short names cannot collide with other files in the module.
extension TimestampParser {
    /// A value before time-zone resolution: the wall clock as seconds since 1970 (as if it were UTC),
    /// and the offset east of UTC if the text named one.
    private struct Reading {
        var localSeconds: Int64
        var utcOffset: Int64?
        /// False for a date written without a time of day.
        var hasTime = true
    }

    private struct CivilDate {
        var year: Int
        var month: Int
        var day: Int
        /// Chinese dates may run straight into the time (`2025年3月7日9时5分`); numeric ones need a space or `T`.
        var isChinese: Bool
        /// Set for year-last dates, so a bad month can point at the `input.date_order` setting.
        var yearLastOrder: DateOrder?
    }

    private enum Meridiem { case am, pm }

    /// The shape most exports write, read at fixed places: `YYYY-MM-DD`, then `T` or a space
    /// and `HH:MM:SS`, then `Z` or nothing. nil for anything else, and for a value out of
    /// range, which the whole grammar then reads (and words the problem of): it reads every
    /// value this accepts to the same instant, only more slowly (`TimestampParserTests`).
    private static func readPlainISO(_ bytes: UnsafeRawBufferPointer) -> Reading? {
        let count = bytes.count
        guard count == 10 || count == 19 || count == 20 else { return nil }
        @inline(__always) func digit(_ index: Int) -> Int? {
            let value = bytes[index] &- ASCII.zero
            return value < 10 ? Int(value) : nil
        }
        @inline(__always) func pair(_ index: Int) -> Int? {
            guard let tens = digit(index), let ones = digit(index + 1) else { return nil }
            return tens * 10 + ones
        }
        guard bytes[4] == ASCII.hyphen, bytes[7] == ASCII.hyphen,
              let century = pair(0), let yearInCentury = pair(2), let month = pair(5), let day = pair(8) else { return nil }
        let year = century * 100 + yearInCentury
        guard (1900...2200).contains(year), (1...12).contains(month), day >= 1,
              day <= CivilCalendar.daysInMonth(year: year, month: month) else { return nil }
        let midnight = CivilCalendar.daysFromCivil(year: year, month: month, day: day) * 86_400
        if count == 10 { return Reading(localSeconds: midnight, utcOffset: nil, hasTime: false) }
        let separator = bytes[10]
        guard separator == ASCII.upperT || separator == ASCII.lowerT || separator == ASCII.space,
              bytes[13] == ASCII.colon, bytes[16] == ASCII.colon,
              let hour = pair(11), let minute = pair(14), let second = pair(17),
              hour <= 23, minute <= 59, second <= 59 else { return nil }
        let local = midnight + Int64(hour * 3600 + minute * 60 + second)
        if count == 19 { return Reading(localSeconds: local, utcOffset: nil) }
        guard bytes[19] == ASCII.upperZ || bytes[19] == ASCII.lowerZ else { return nil }
        return Reading(localSeconds: local, utcOffset: 0)
    }

    /// The whole grammar: `excel-serial | date [separator time [AM/PM] [offset]]`.
    private static func read(_ c: inout Cursor, dateOrder: DateOrder, twoDigitYears: TwoDigitYears?) throws(TimestampProblem) -> Reading {
        if c.atEnd { throw .empty }
        if let epoch = readUnixEpoch(c) {
            return Reading(localSeconds: epoch, utcOffset: 0)
        }
        let date: CivilDate
        switch readCompact(&c) {
        case .date(let compact): date = compact
        case .instant(let reading): return reading
        case nil:
            if let serial = try readExcelSerial(c) { return Reading(localSeconds: serial, utcOffset: nil) }
            date = try readDate(&c, dateOrder: dateOrder, twoDigitYears: twoDigitYears)
            try validate(date)
        }
        return try readRest(&c, date: date)
    }

    /// After a valid date: the end, or a separator, a time, an optional offset and the end.
    private static func readRest(_ c: inout Cursor, date: CivilDate) throws(TimestampProblem) -> Reading {
        let midnight = CivilCalendar.daysFromCivil(year: date.year, month: date.month, day: date.day) * 86_400
        if c.atEnd { return Reading(localSeconds: midnight, utcOffset: nil, hasTime: false) }

        try readDateTimeSeparator(&c, after: date)
        let secondsIntoDay = try readTime(&c)
        c.skipSpaces()
        let offset = try readOffset(&c)
        c.skipSpaces()
        guard c.atEnd else { throw .trailingText }
        return Reading(localSeconds: midnight + secondsIntoDay, utcOffset: offset)
    }

    /// A date written as one number, as Chinese systems and SAP export it: `20250314`
    /// (`yyyyMMdd`, year first whatever `input.date_order` says), perhaps with a time after a
    /// space or `T`, or with its time run on: `20250314143000` (`yyyyMMddHHmmss`). Only a real
    /// day in 1900–2200 (and a real time) is read so; any other number goes on to be read as
    /// an Excel serial or refused. The cursor moves past the number only when it is read.
    private enum Compact { case date(CivilDate), instant(Reading) }

    private static func readCompact(_ c: inout Cursor) -> Compact? {
        var probe = c
        var value: Int64 = 0
        var count = 0
        while let byte = probe.peek(), ASCII.isDigit(byte), count <= 14 {
            value = value * 10 + Int64(byte &- ASCII.zero)
            count += 1
            probe.advance()
        }
        guard count == 8 || count == 14, probe.peek() != ASCII.dot else { return nil }
        let day = count == 8 ? value : value / 1_000_000
        let date = CivilDate(year: Int(day / 10_000), month: Int(day / 100 % 100), day: Int(day % 100), isChinese: false)
        guard (1900...2200).contains(date.year), (1...12).contains(date.month), date.day >= 1,
              date.day <= CivilCalendar.daysInMonth(year: date.year, month: date.month) else { return nil }
        if count == 8 {
            c = probe
            return .date(date)
        }
        let time = value % 1_000_000
        let (hour, minute, second) = (time / 10_000, time / 100 % 100, time % 100)
        guard probe.atEnd, hour <= 23, minute <= 59, second <= 59 else { return nil }
        c = probe
        let midnight = CivilCalendar.daysFromCivil(year: date.year, month: date.month, day: date.day) * 86_400
        return .instant(Reading(localSeconds: midnight + hour * 3600 + minute * 60 + second, utcOffset: nil))
    }

    /// Seconds since 1970-01-01 UTC as exporting systems write them: a plain whole number of
    /// 10 digits (seconds) or 13 digits (milliseconds, truncated to the second), from
    /// 2001-09-09 to 2286. No other date shape has that many digits, so no setting is needed.
    private static func readUnixEpoch(_ c: Cursor) -> Int64? {
        var probe = c
        var value: Int64 = 0
        var count = 0
        while let byte = probe.peek(), ASCII.isDigit(byte), count < 14 {
            value = value * 10 + Int64(byte &- ASCII.zero)
            count += 1
            probe.advance()
        }
        guard probe.atEnd, value >= 1_000_000_000 else { return nil }
        switch count {
        case 10: return value
        case 13: return value >= 1_000_000_000_000 ? value / 1000 : nil
        default: return nil
        }
    }

    /// A plain number is an Excel serial date: whole days since 1899-12-30 (Excel's 1900 system,
    /// which already absorbs its fictitious 1900-02-29 for serials this large) plus a day fraction.
    /// Returns nil when the text is not a plain number, so date parsing can take over.
    private static func readExcelSerial(_ c: Cursor) throws(TimestampProblem) -> Int64? {
        var probe = c
        let whole = probe.digits()
        guard whole.count > 0 else { return nil }
        // Keep 12 fraction digits: far below a second (1e-12 day ≈ 1e-7 s) and safe from overflow below.
        var numerator: Int64 = 0
        var denominator: Int64 = 1
        if probe.take(ASCII.dot) {
            while let byte = probe.peek(), ASCII.isDigit(byte) {
                if denominator < 1_000_000_000_000 {
                    numerator = numerator * 10 + Int64(byte &- ASCII.zero)
                    denominator *= 10
                }
                probe.advance()
            }
        }
        guard probe.atEnd else { return nil }
        guard whole.count <= 5, (20_000...80_000).contains(whole.value),
              !(whole.value == 80_000 && numerator > 0)
        else { throw .excelSerialOutOfRange }
        // Round the day fraction to the nearest second, halves up: (n/d · 86400 + ½) floored.
        let seconds = (numerator * 172_800 + denominator) / (2 * denominator)
        let excelEpochOffsetDays: Int64 = 25_569  // 1899-12-30 is 25569 days before 1970-01-01
        return (Int64(whole.value) - excelEpochOffsetDays) * 86_400 + seconds
    }

    /// `YYYY-M-D` (with `-`, `/` or `.`), `YYYY年M月D日`, a year-last `D/M/YYYY` / `M/D/YYYY`,
    /// or a month by name: `13-JAN-2025` (Oracle), `13 Jan 2025`, `Jan 13, 2025`, `January 13 2025`.
    private static func readDate(_ c: inout Cursor, dateOrder: DateOrder, twoDigitYears: TwoDigitYears?) throws(TimestampProblem) -> CivilDate {
        /// A year of four digits, or of two where the pipeline gives their century.
        func fullYear(_ year: (value: Int, count: Int)) throws(TimestampProblem) -> Int {
            if year.count == 4 { return year.value }
            guard year.count == 2 else { throw .notATimestamp }
            guard let twoDigitYears else { throw .twoDigitYear }
            return twoDigitYears.year(year.value)
        }
        let start = c.index
        if let month = c.monthName() {
            // `Jan 13, 2025`: the month's name first, then the day and the year.
            guard c.skipSpaces() || c.take(ASCII.hyphen) else { throw .notATimestamp }
            let day = c.digits()
            guard (1...2).contains(day.count) else { throw .notATimestamp }
            _ = c.take(ASCII.comma)
            guard c.skipSpaces() || c.take(ASCII.hyphen) else { throw .notATimestamp }
            let year = try fullYear(c.digits())
            return CivilDate(year: year, month: month, day: day.value, isChinese: false)
        }
        let first = c.digits()
        guard first.count > 0 else { throw .notATimestamp }
        // `13-JAN-2025`, `13 Jan 2025`: the day, the month's name, the year.
        var named = c
        if (1...2).contains(first.count), named.take(ASCII.hyphen) || named.skipSpaces() || named.take(ASCII.slash),
           let month = named.monthName() {
            guard named.take(ASCII.hyphen) || named.skipSpaces() || named.take(ASCII.slash) else { throw .notATimestamp }
            let year = try fullYear(named.digits())
            c = named
            return CivilDate(year: year, month: month, day: first.value, isChinese: false)
        }

        if c.take(Glyph.year) {
            let month = c.digits()
            guard first.count == 4, (1...2).contains(month.count), c.take(Glyph.month) else { throw .notATimestamp }
            let day = c.digits()
            guard (1...2).contains(day.count), c.take(Glyph.day) else { throw .notATimestamp }
            return CivilDate(year: first.value, month: month.value, day: day.value, isChinese: true)
        }

        guard let separator = c.peek(), separator == ASCII.hyphen || separator == ASCII.slash || separator == ASCII.dot
        else { throw .notATimestamp }
        c.advance()
        let second = c.digits()
        guard c.take(separator) else { throw .notATimestamp }
        let third = c.digits()

        if first.count == 4, (1...2).contains(second.count), (1...2).contains(third.count) {
            return CivilDate(year: first.value, month: second.value, day: third.value, isChinese: false)
        }
        guard (1...2).contains(first.count), (1...2).contains(second.count) else { throw .notATimestamp }
        // `25-10-01` may be 2025-10-01 as well as 25 October 2001: a two-digit year after dashes
        // is refused whatever the pipeline says (slashes and dots are not written year first).
        if third.count == 2, separator == ASCII.hyphen { throw .twoDigitYear }
        let year = try fullYear(third)
        switch dateOrder {
        case .ymd:
            // Only this failure quotes the input, so only it builds a String.
            throw .ambiguousDayMonth(String(decoding: UnsafeRawBufferPointer(rebasing: c.bytes[start..<c.index]), as: UTF8.self))
        case .dmy:
            return CivilDate(year: year, month: second.value, day: first.value,
                             isChinese: false, yearLastOrder: .dmy)
        case .mdy:
            return CivilDate(year: year, month: first.value, day: second.value,
                             isChinese: false, yearLastOrder: .mdy)
        }
    }

    private static func validate(_ date: CivilDate) throws(TimestampProblem) {
        guard (1900...2200).contains(date.year) else { throw .yearOutOfRange(date.year) }
        guard (1...12).contains(date.month) else { throw .monthOutOfRange(date.month, date.yearLastOrder) }
        guard date.day >= 1, date.day <= CivilCalendar.daysInMonth(year: date.year, month: date.month) else {
            throw .dayOutOfRange(day: date.day, month: date.month, year: date.year)
        }
    }

    /// Between date and time: spaces or `T`; nothing at all after a Chinese date or before `上午`/`下午`.
    private static func readDateTimeSeparator(_ c: inout Cursor, after date: CivilDate) throws(TimestampProblem) {
        if c.skipSpaces() || c.take(ASCII.upperT) || c.take(ASCII.lowerT) { return }
        if date.isChinese || c.peek(Glyph.morning) || c.peek(Glyph.afternoon) { return }
        throw .unexpectedAfterDate
    }

    /// `[上午|下午] H:MM[:SS[.fff]] [AM|PM]` or `[上午|下午] H时M分[S秒]`; returns seconds since midnight.
    private static func readTime(_ c: inout Cursor) throws(TimestampProblem) -> Int64 {
        var meridiem: Meridiem?
        if c.take(Glyph.morning) {
            meridiem = .am
        } else if c.take(Glyph.afternoon) {
            meridiem = .pm
        }
        if meridiem != nil { c.skipSpaces() }

        let hour = c.digits()
        guard (1...2).contains(hour.count) else { throw .malformedTime }
        var minute = 0
        var second = 0
        if c.take(ASCII.colon) {
            let m = c.digits()
            guard m.count == 2 else { throw .malformedTime }
            minute = m.value
            if c.take(ASCII.colon) {
                let s = c.digits()
                guard s.count == 2 else { throw .malformedTime }
                second = s.value
                // Fractional seconds are dropped: truncation keeps the earlier second.
                if c.take(ASCII.dot) || c.take(ASCII.comma) {
                    guard c.digits().count > 0 else { throw .malformedTime }
                }
            }
        } else if c.take(Glyph.hour) {
            let m = c.digits()
            guard (1...2).contains(m.count), c.take(Glyph.minute) else { throw .malformedTime }
            minute = m.value
            let s = c.digits()
            if s.count > 0 {
                guard s.count <= 2, c.take(Glyph.second) else { throw .malformedTime }
                second = s.value
            }
        } else {
            throw .malformedTime
        }

        c.skipSpaces()
        if let suffix = c.takeLatinMeridiem() {
            guard meridiem == nil else { throw .conflictingMeridiem }
            meridiem = suffix
        }

        let hour24: Int
        if let meridiem {
            guard (1...12).contains(hour.value) else { throw .hourOutOfRangeForMeridiem(hour.value) }
            // 12 AM is midnight and 12 PM is noon.
            hour24 = hour.value % 12 + (meridiem == .pm ? 12 : 0)
        } else {
            guard hour.value <= 23 else { throw .hourOutOfRange(hour.value) }
            hour24 = hour.value
        }
        guard minute <= 59 else { throw .minuteOutOfRange(minute) }
        guard second <= 59 else { throw .secondOutOfRange(second) }
        return Int64(hour24 * 3600 + minute * 60 + second)
    }

    /// `Z`, `±HH`, `±HH:MM` or `±HHMM`, as seconds east of UTC; nil when there is no offset.
    private static func readOffset(_ c: inout Cursor) throws(TimestampProblem) -> Int64? {
        guard let sign = c.peek() else { return nil }
        if sign == ASCII.upperZ || sign == ASCII.lowerZ {
            c.advance()
            return 0
        }
        guard sign == ASCII.plus || sign == ASCII.hyphen else { return nil }
        c.advance()
        let digits = c.digits()
        let hours: Int
        var minutes = 0
        switch digits.count {
        case 2:
            hours = digits.value
            if c.take(ASCII.colon) {
                let m = c.digits()
                guard m.count == 2 else { throw .malformedOffset }
                minutes = m.value
            }
        case 4:
            hours = digits.value / 100
            minutes = digits.value % 100
        default:
            throw .malformedOffset
        }
        // ±18:00 is the widest offset ISO tools accept; real zones stay within -12:00…+14:00.
        guard minutes <= 59, hours * 60 + minutes <= 18 * 60 else { throw .offsetOutOfRange }
        let seconds = Int64(hours * 3600 + minutes * 60)
        return sign == ASCII.hyphen ? -seconds : seconds
    }
}

// MARK: - Calendar arithmetic

extension TimestampParser {
    private enum CivilCalendar {
        /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`),
        /// used instead of `Calendar` because it is exact, allocation-free and a few integer operations.
        static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
            let y = Int64(month <= 2 ? year - 1 : year)
            let era = (y >= 0 ? y : y - 399) / 400
            let yearOfEra = y - era * 400
            let m = Int64(month)
            let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
            let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
            return era * 146_097 + dayOfEra - 719_468
        }

        static func isLeapYear(_ year: Int) -> Bool {
            year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        }

        static func daysInMonth(year: Int, month: Int) -> Int {
            switch month {
            case 2: return isLeapYear(year) ? 29 : 28
            case 4, 6, 9, 11: return 30
            default: return 31
            }
        }
    }
}

// MARK: - Time-zone resolution

extension TimestampParser {
    /// Maps wall-clock seconds in one zone to UTC. Foundation is asked for offsets once per local day
    /// (plus a short binary search on days with a change), and the answer is kept in a fixed-size,
    /// direct-mapped table so that repeated days cost only integer arithmetic and no allocation.
    ///
    /// Assumes a zone changes its offset at most once in the three UTC days around any local day,
    /// which holds for real zones in the supported years.
    private struct LocalTimeResolver: Sendable {
        /// How the local times of one local day map to UTC.
        private struct DayRule: Sendable {
            /// The local day (days since 1970) this rule describes; `Int64.min` marks an empty slot.
            var localDay: Int64
            var offsetBefore: Int64
            var offsetAfter: Int64
            /// First UTC second that uses `offsetAfter`; `Int64.max` when the offset does not change.
            var transition: Int64

            static let empty = DayRule(localDay: .min, offsetBefore: 0, offsetAfter: 0, transition: .max)
        }

        /// A power of two, so the slot is a mask; 1024 days covers almost three years of dates.
        private static let slotCount = 1024

        private let timeZone: TimeZone
        private var slots: [DayRule]

        init(timeZone: TimeZone) {
            self.timeZone = timeZone
            self.slots = Array(repeating: .empty, count: Self.slotCount)
        }

        mutating func utcSeconds(forLocal local: Int64) -> Int64 {
            let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400  // floor division
            let slot = Int(truncatingIfNeeded: day) & (Self.slotCount - 1)
            if slots[slot].localDay != day {
                slots[slot] = rule(forLocalDay: day)
            }
            return Self.resolve(local, slots[slot])
        }

        /// Finds local = utc + offset(utc). Each offset is a candidate only on its side of the transition.
        private static func resolve(_ local: Int64, _ rule: DayRule) -> Int64 {
            let earlierOffsetUTC = local - rule.offsetBefore
            let laterOffsetUTC = local - rule.offsetAfter
            let earlierFits = earlierOffsetUTC < rule.transition
            let laterFits = laterOffsetUTC >= rule.transition
            switch (earlierFits, laterFits) {
            case (true, true): return min(earlierOffsetUTC, laterOffsetUTC)  // fall-back overlap: the earlier instant
            case (true, false): return earlierOffsetUTC
            case (false, true): return laterOffsetUTC
            case (false, false): return earlierOffsetUTC  // spring-forward gap: the offset before the gap
            }
        }

        private func rule(forLocalDay day: Int64) -> DayRule {
            // Any UTC instant that can show this local day lies within a day (the largest offset) of it.
            let windowStart = day * 86_400 - 86_400
            let windowEnd = day * 86_400 + 2 * 86_400
            let before = offset(at: windowStart)
            let after = offset(at: windowEnd)
            if before == after {
                return DayRule(localDay: day, offsetBefore: before, offsetAfter: after, transition: .max)
            }
            // Binary search for the first second with the new offset: about 18 lookups, once per change.
            var low = windowStart  // offset(low) == before
            var high = windowEnd  // offset(high) != before
            while high - low > 1 {
                let middle = low + (high - low) / 2
                if offset(at: middle) == before { low = middle } else { high = middle }
            }
            return DayRule(localDay: day, offsetBefore: before, offsetAfter: after, transition: high)
        }

        private func offset(at utc: Int64) -> Int64 {
            Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utc))))
        }
    }
}

// MARK: - Byte reading

extension TimestampParser {
    /// A read position in the field's bytes; every read is bounds-checked and nothing allocates.
    private struct Cursor {
        let bytes: UnsafeRawBufferPointer
        /// Index into `bytes` (not into the trimmed range), so error messages can quote the input.
        var index: Int
        let end: Int

        /// Callers trim already, but a stray space or tab must not make a value invalid.
        init(trimming bytes: UnsafeRawBufferPointer) {
            var start = 0
            var end = bytes.count
            while start < end, ASCII.isBlank(bytes[start]) { start += 1 }
            while end > start, ASCII.isBlank(bytes[end - 1]) { end -= 1 }
            self.bytes = bytes
            self.index = start
            self.end = end
        }

        var atEnd: Bool { index >= end }

        func peek() -> UInt8? { index < end ? bytes[index] : nil }

        func peek(_ glyph: Glyph) -> Bool {
            index + 2 < end && bytes[index] == glyph.b0 && bytes[index + 1] == glyph.b1 && bytes[index + 2] == glyph.b2
        }

        mutating func advance() { index += 1 }

        mutating func take(_ byte: UInt8) -> Bool {
            guard peek() == byte else { return false }
            index += 1
            return true
        }

        mutating func take(_ glyph: Glyph) -> Bool {
            guard peek(glyph) else { return false }
            index += 3
            return true
        }

        /// `上午` / `下午` are two glyphs each; `午` is shared.
        mutating func take(_ pair: (Glyph, Glyph)) -> Bool {
            let saved = index
            if take(pair.0), take(pair.1) { return true }
            index = saved
            return false
        }

        func peek(_ pair: (Glyph, Glyph)) -> Bool {
            var probe = self
            return probe.take(pair)
        }

        /// `AM`/`PM` in any letter case.
        mutating func takeLatinMeridiem() -> Meridiem? {
            guard index + 1 < end, bytes[index + 1] | 0x20 == UInt8(ascii: "m") else { return nil }
            let meridiem: Meridiem
            switch bytes[index] | 0x20 {
            case UInt8(ascii: "a"): meridiem = .am
            case UInt8(ascii: "p"): meridiem = .pm
            default: return nil
            }
            index += 2
            return meridiem
        }

        /// Returns whether anything was skipped.
        @discardableResult
        mutating func skipSpaces() -> Bool {
            let start = index
            while let byte = peek(), ASCII.isBlank(byte) { index += 1 }
            return index > start
        }

        /// Reads a run of ASCII digits. `count` is exact; `value` stops growing after nine digits so a
        /// long run cannot overflow; callers check `count` before trusting `value`.
        /// An English month's name or its first three letters, any case (`JAN`, `Sept`, `March`): 1…12.
        mutating func monthName() -> Int? {
            var letters: [UInt8] = []
            var probe = self
            while let byte = probe.peek(), letters.count < 10, (byte | 0x20) >= UInt8(ascii: "a"), (byte | 0x20) <= UInt8(ascii: "z") {
                letters.append(byte | 0x20)
                probe.advance()
            }
            guard letters.count >= 3 else { return nil }
            let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                         "november", "december"]
            for (index, name) in names.enumerated() {
                let full = Array(name.utf8)
                if letters == full || letters == Array(full.prefix(3)) || (index == 8 && letters == Array("sept".utf8)) {
                    self = probe
                    return index + 1
                }
            }
            return nil
        }

        mutating func digits() -> (value: Int, count: Int) {
            var value = 0
            var count = 0
            while let byte = peek(), ASCII.isDigit(byte) {
                if count < 9 { value = value * 10 + Int(byte &- ASCII.zero) }
                count += 1
                index += 1
            }
            return (value, count)
        }
    }

    /// A three-byte UTF-8 character (every CJK marker we accept is one).
    private struct Glyph {
        let b0: UInt8, b1: UInt8, b2: UInt8

        static let year = Glyph(b0: 0xE5, b1: 0xB9, b2: 0xB4)  // 年
        static let month = Glyph(b0: 0xE6, b1: 0x9C, b2: 0x88)  // 月
        static let day = Glyph(b0: 0xE6, b1: 0x97, b2: 0xA5)  // 日
        static let hour = Glyph(b0: 0xE6, b1: 0x97, b2: 0xB6)  // 时
        static let minute = Glyph(b0: 0xE5, b1: 0x88, b2: 0x86)  // 分
        static let second = Glyph(b0: 0xE7, b1: 0xA7, b2: 0x92)  // 秒
        static let morning = (Glyph(b0: 0xE4, b1: 0xB8, b2: 0x8A), noon)  // 上午
        static let afternoon = (Glyph(b0: 0xE4, b1: 0xB8, b2: 0x8B), noon)  // 下午
        private static let noon = Glyph(b0: 0xE5, b1: 0x8D, b2: 0x88)  // 午
    }

    /// The ASCII bytes the grammar uses. A private namespace rather than a `UInt8` extension, so the
    /// names cannot clash with `UInt8.zero` or with helpers other files add to `UInt8`.
    private enum ASCII {
        static let zero = UInt8(ascii: "0")
        static let nine = UInt8(ascii: "9")
        static let hyphen = UInt8(ascii: "-")
        static let slash = UInt8(ascii: "/")
        static let dot = UInt8(ascii: ".")
        static let comma = UInt8(ascii: ",")
        static let colon = UInt8(ascii: ":")
        static let plus = UInt8(ascii: "+")
        static let upperT = UInt8(ascii: "T")
        static let lowerT = UInt8(ascii: "t")
        static let upperZ = UInt8(ascii: "Z")
        static let lowerZ = UInt8(ascii: "z")
        static let space: UInt8 = 0x20
        static let tab: UInt8 = 0x09

        static func isDigit(_ byte: UInt8) -> Bool { byte >= zero && byte <= nine }
        static func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab }
    }
}
