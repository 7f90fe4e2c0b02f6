import Foundation

/// ISO 8601 text for instants, without Foundation formatters (deterministic, fast).
public enum ISOTime {
    public static func utc(_ seconds: Int64) -> String {
        let day = AsOfDate(instant: seconds)
        let secondOfDay = Int(((seconds % 86_400) + 86_400) % 86_400)
        let (h, m, s) = (secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(day)T\(two(h)):\(two(m)):\(two(s))Z"
    }
}
