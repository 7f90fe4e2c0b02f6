/// Order of day and month in numeric dates whose year comes last (`7/3/2025`).
public enum DateOrder: String, Sendable, CaseIterable { case ymd, dmy, mdy }

/// The century of a year written with two digits (`3/5/25`), as `input.two_digit_years` says:
/// without it such a date is refused, as `25` could be 1925 or 2025.
public enum TwoDigitYears: String, Sendable, CaseIterable {
    case nineteenHundreds = "19xx"
    case twoThousands = "20xx"

    /// The year a two-digit year `yy` stands for.
    public func year(_ yy: Int) -> Int { (self == .nineteenHundreds ? 1900 : 2000) + yy }
}
