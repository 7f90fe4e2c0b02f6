/// The day an audit is "as of": deadlines and retention are judged against it, never
/// against the wall clock, so a report can be rerun byte for byte.
public struct AsOfDate: Sendable, Equatable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Parses `YYYY-MM-DD`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1900...2200).contains(year), (1...12).contains(month),
              day >= 1, day <= AsOfDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The UTC day holding `instant` (seconds since 1970).
    public init(instant: Int64) {
        let days = Int(instant >= 0 ? instant / 86_400 : (instant - 86_399) / 86_400)
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    public var description: String {
        // Written digit by digit (a finding's date is written for every finding); a year
        // outside four digits the slow way, as it always was.
        guard (1000...9999).contains(year) else {
            let m = month < 10 ? "0\(month)" : "\(month)"
            let d = day < 10 ? "0\(day)" : "\(day)"
            return "\(year)-\(m)-\(d)"
        }
        return String(unsafeUninitializedCapacity: 10) { bytes in
            write(to: bytes.baseAddress!)
            return 10
        }
    }

    /// Writes `YYYY-MM-DD` (ten bytes) for a year of four digits (1000 to 9999).
    func write(to bytes: UnsafeMutablePointer<UInt8>) {
        ISOTime.digits(year, count: 4, to: bytes)
        bytes[4] = UInt8(ascii: "-")
        ISOTime.digits(month, count: 2, to: bytes + 5)
        bytes[7] = UInt8(ascii: "-")
        ISOTime.digits(day, count: 2, to: bytes + 8)
    }

    public static func < (a: AsOfDate, b: AsOfDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
