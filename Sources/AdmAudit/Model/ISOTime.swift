import Foundation

/// ISO 8601 text for instants, without Foundation formatters (deterministic, fast).
public enum ISOTime {
    public static func utc(_ seconds: Int64) -> String {
        let day = AsOfDate(instant: seconds)
        let secondOfDay = Int(((seconds % 86_400) + 86_400) % 86_400)
        let (h, m, s) = (secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60)
        guard (1000...9999).contains(day.year) else {
            func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
            return "\(day)T\(two(h)):\(two(m)):\(two(s))Z"
        }
        // Digit by digit: every finding carries its decision's time.
        return String(unsafeUninitializedCapacity: 20) { bytes in
            let base = bytes.baseAddress!
            day.write(to: base)
            base[10] = UInt8(ascii: "T")
            digits(h, count: 2, to: base + 11)
            base[13] = UInt8(ascii: ":")
            digits(m, count: 2, to: base + 14)
            base[16] = UInt8(ascii: ":")
            digits(s, count: 2, to: base + 17)
            base[19] = UInt8(ascii: "Z")
            return 20
        }
    }

    /// Writes `value` (not negative) as `count` decimal digits, zeros first.
    @inline(__always)
    package static func digits(_ value: Int, count: Int, to bytes: UnsafeMutablePointer<UInt8>) {
        var rest = value
        for index in stride(from: count - 1, through: 0, by: -1) {
            bytes[index] = UInt8(truncatingIfNeeded: 0x30 + rest % 10)
            rest /= 10
        }
    }
}
