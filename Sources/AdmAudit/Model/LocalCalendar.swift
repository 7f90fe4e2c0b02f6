import Foundation

/// Local dates and times in the pipeline's time zone, for deadlines, working hours and
/// the as-of date. Instants are seconds since 1970 UTC; local days are days since
/// 1970-01-01 in the zone. Offsets are cached per UTC hour, so a run asks Foundation
/// once an hour of data, not once a record: in an array over the six years around the
/// first instant asked (an index, not a hash, on the hot path; 210 KB), in a dictionary
/// outside them.
///
/// Used from one thread (the audit thread), hence `@unchecked Sendable`.
public final class LocalCalendar: @unchecked Sendable {
    public let timeZone: TimeZone
    // The caches are read twice a record, by no access that overlaps another: not checked at
    // run time (the checks cost about twice the lookup itself; callgrind, W at 100k rows).
    @exclusivity(unchecked) private var offsets: [Int64: Int] = [:]
    /// The first hour of `window`; per hour from it, its offset, or `unknown`.
    @exclusivity(unchecked) private var windowStart: Int64 = 0
    @exclusivity(unchecked) private var window: [Int32] = []
    private static let unknown = Int32.min
    private static let windowHours: Int64 = 6 * 366 * 24

    public init(timeZone: TimeZone) { self.timeZone = timeZone }

    /// Seconds east of UTC at `instant`.
    public func offset(at instant: Int64) -> Int {
        let hour = instant >= 0 ? instant / 3600 : (instant - 3599) / 3600
        if window.isEmpty {
            windowStart = hour &- Self.windowHours / 3
            window = Array(repeating: Self.unknown, count: Int(Self.windowHours))
        }
        let (index, outside) = hour.subtractingReportingOverflow(windowStart)
        if !outside, index >= 0, index < Self.windowHours {
            let cached = window[Int(index)]
            if cached != Self.unknown { return Int(cached) }
            let offset = foundationOffset(hour: hour)
            window[Int(index)] = Int32(offset)
            return offset
        }
        if let cached = offsets[hour] { return cached }
        let offset = foundationOffset(hour: hour)
        offsets[hour] = offset
        return offset
    }

    private func foundationOffset(hour: Int64) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(hour * 3600)))
    }

    private func local(_ instant: Int64) -> Int64 { instant + Int64(offset(at: instant)) }

    /// The local day holding `instant`.
    public func day(of instant: Int64) -> Int64 {
        let seconds = local(instant)
        return seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    }

    /// Seconds since local midnight.
    public func secondOfDay(of instant: Int64) -> Int {
        Int(local(instant) - day(of: instant) * 86_400)
    }

    /// An instant as the wall-clock time it was in the zone, with the zone's offset then.
    public func localTime(_ instant: Int64) -> LocalTime {
        LocalTime(instant: instant, offset: offset(at: instant))
    }

    /// `localTime(instant).text`: `2025-04-30 00:00+08:00`.
    public func localText(_ instant: Int64) -> String { localTime(instant).text }

    package static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// ISO weekday of the local day: 1 Monday … 7 Sunday.
    public func weekday(of instant: Int64) -> Int {
        Self.weekday(ofDay: day(of: instant))
    }

    public static func weekday(ofDay day: Int64) -> Int {
        // 1970-01-01 was a Thursday (4).
        Int(((day + 3) % 7 + 7) % 7) + 1
    }

    /// The local day of a calendar date.
    public static func day(of date: AsOfDate) -> Int64 {
        // Howard Hinnant's days_from_civil.
        let y = Int64(date.month <= 2 ? date.year - 1 : date.year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(date.month)
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + Int64(date.day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The calendar date of a local day (for messages).
    public static func date(ofDay day: Int64) -> AsOfDate {
        AsOfDate(instant: day * 86_400)
    }

    /// The local calendar date holding `instant`: a decision at 02:00 on 11 July in Shanghai
    /// is of 11 July, though it was 10 July in UTC.
    public func date(of instant: Int64) -> AsOfDate { Self.date(ofDay: day(of: instant)) }
}

/// An instant with the offset of its zone then: the wall-clock time a finding shows,
/// beside the export's own local times (the machine columns, `decided_at` in findings.csv
/// and report.json, stay ISO UTC).
public struct LocalTime: Sendable, Hashable, Codable {
    /// Instants shown as dates (`AsOfDate` writes years 1 to 9999), in seconds since 1970 UTC.
    public static let instants: ClosedRange<Int64> = -62_135_596_800...253_402_300_799
    /// Local days of the same years, in days since 1970-01-01.
    public static let days: ClosedRange<Int64> = -719_162...2_932_896

    /// Seconds since 1970 UTC.
    public var instant: Int64
    /// Seconds east of UTC at `instant`.
    public var offset: Int

    public init(instant: Int64, offset: Int) {
        self.instant = instant
        self.offset = offset
    }

    /// The local day it fell on.
    public var day: Int64 {
        let local = instant + Int64(offset)
        return local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
    }

    /// `2025-04-30 00:00+08:00`, seconds only when not zero (`2025-04-30 00:00:15+08:00`).
    /// The same in every language: digits and ISO punctuation.
    public var text: String {
        let second = Int(instant + Int64(offset) - day * 86_400)
        let two = LocalCalendar.two
        var text = "\(LocalCalendar.date(ofDay: day)) \(two(second / 3600)):\(two(second / 60 % 60))"
        if second % 60 != 0 { text += ":\(two(second % 60))" }
        let magnitude = abs(offset)
        text += "\(offset < 0 ? "-" : "+")\(two(magnitude / 3600)):\(two(magnitude / 60 % 60))"
        if magnitude % 60 != 0 { text += ":\(two(magnitude % 60))" }
        return text
    }
}
