import Foundation

/// The one way the readable reports write a number: ratios and statistics with four
/// decimals, rates as percentages with one decimal, p-values, intervals and shares. The
/// same in both languages; report.json keeps the numbers themselves.
enum ReportNumber {
    /// Four decimals; a value that is not a finite number (scores near the limits of a
    /// double can overflow a quartile) shows as a dash, never as inf or nan. From 1e15 up,
    /// where four decimals are beyond a double's precision (and 1e308 × 10⁴ overflows),
    /// in scientific notation with four decimals: `1.0000e+308`.
    static func fixed(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        guard abs(value) < 1e15 else { return String(format: "%.4e", value) }
        // + 0: a value that rounds to zero from below prints 0.0000, not -0.0000.
        let scaled = (value * 10_000).rounded() / 10_000 + 0
        var text = "\(scaled)"
        if let dot = text.firstIndex(of: ".") {
            let decimals = text.distance(from: dot, to: text.endIndex) - 1
            if decimals < 4 { text += String(repeating: "0", count: 4 - decimals) }
        } else {
            text += ".0000"
        }
        return text
    }

    /// An interval of ratios, as ` [0.4012, 0.7420]`; nothing when there is none.
    static func interval(_ interval: Interval?) -> String {
        guard let interval, interval.lower.isFinite, interval.upper.isFinite else { return "" }
        return " [\(fixed(interval.lower)), \(fixed(interval.upper))]"
    }

    /// p-values: four decimals, or "< 0.0001"; a dash when there is none.
    static func pValue(_ p: Double?) -> String {
        guard let p, p.isFinite else { return "—" }
        return p < 0.0001 ? "< 0.0001" : fixed(p)
    }

    /// A rate as the reader reads it: a percentage with one decimal (`58.3%`), a dash when
    /// it is not a number.
    static func rate(_ share: Double) -> String {
        percent(share, places: 1)
    }

    /// A rate's interval, as ` [40.1%, 74.2%]`; nothing when there is none.
    static func rateInterval(_ interval: Interval?) -> String {
        guard let interval, interval.lower.isFinite, interval.upper.isFinite else { return "" }
        return " [\(rate(interval.lower)), \(rate(interval.upper))]"
    }

    /// A share of a setting as a percentage to two decimals, without needless ones: 2%,
    /// 2.5%, 0.25% (a setting of 0.0025 is not shown as 0.3%).
    static func percent(_ share: Double) -> String {
        guard share.isFinite else { return "—" }
        let text = String(format: "%.\(percentPlaces(share))f", share * 100)
        return (text == "-0" ? "0" : text) + "%"
    }

    /// The decimals `percent` shows for `share`: two at most, none that would be zeros.
    static func percentPlaces(_ share: Double) -> Int {
        let hundredths = Int((share * 10_000).rounded().magnitude.truncatingRemainder(dividingBy: 100))
        return hundredths == 0 ? 0 : hundredths % 10 == 0 ? 1 : 2
    }

    /// A share of data as a percentage with `places` decimals (one at least), rounded half
    /// away from zero as `rate` rounds: `rate(x)` is `percent(x, places: 1)`.
    static func percent(_ share: Double, places: Int) -> String {
        guard share.isFinite else { return "—" }
        let places = min(max(places, 1), 2), scale = places == 1 ? 10.0 : 100.0
        return String(format: "%.\(places)f%%", (share * (scale * 100)).rounded() / scale)
    }

    /// A ratio in a line of the terminal summary: three decimals.
    static func short(_ value: Double) -> String {
        String(format: "%.3f", value)
    }
}
