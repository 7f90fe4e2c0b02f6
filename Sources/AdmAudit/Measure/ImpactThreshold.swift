/// The four-fifths threshold (`bias.impact_threshold`) as an exact decimal fraction, and
/// the one comparison of an impact ratio with it that every output uses.
///
/// A group with `a` favourable of `n` against a reference with `b` of `m` is below the
/// threshold `t` when a/n < t · b/m, that is a·m < t·b·n, decided on the counts in exact
/// integer arithmetic. Dividing in floating point puts some ratios of exactly 4/5 (3/5
/// against 3/4) a hair below 0.8, and the four-fifths rule is about that boundary.
///
/// The threshold is read as the shortest decimal that reads back to the pipeline's number
/// (0.8 is 8/10, 0.85 is 85/100): what the pipeline file says.
public struct ImpactThreshold: Sendable, Equatable {
    /// The threshold is `significand` × 10^`exponent`.
    public let significand: UInt64
    public let exponent: Int
    /// An infinite threshold: every defined ratio is below it.
    private let unbounded: Bool

    public init(_ value: Double) {
        unbounded = value.isInfinite && value > 0
        // Zero, negative and NaN thresholds have nothing below them.
        guard value > 0, value.isFinite else {
            significand = 0
            exponent = 0
            return
        }
        (significand, exponent) = Self.decimal(value.description)
    }

    /// a/n < threshold · b/m, exactly. False when either group has no decisions or the
    /// reference's rate is 0 (the ratio is then undefined, and no ratio is below anything).
    public func isBelow(favorable a: Int, of n: Int, referenceFavorable b: Int, of m: Int) -> Bool {
        guard a >= 0, b > 0, n > 0, m > 0 else { return false }
        if unbounded { return true }
        // a·m·10^-e < s·b·n when e < 0, a·m < s·10^e·b·n otherwise.
        var left = Self.product([UInt64(a), UInt64(m)])
        var right = Self.product([significand, UInt64(b), UInt64(n)])
        for _ in 0..<abs(exponent) {
            if exponent < 0 { Self.multiply(&left, by: 10) } else { Self.multiply(&right, by: 10) }
        }
        return Self.compare(left, right) < 0
    }

    /// The digits and decimal exponent of Swift's shortest form of a positive finite
    /// double (`0.8`, `1.0`, `1e-05`, `1.5e-07`): at most 17 significant digits.
    static func decimal(_ text: String) -> (significand: UInt64, exponent: Int) {
        let parts = text.lowercased().split(separator: "e", maxSplits: 1)
        var exponent = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
        var significand: UInt64 = 0
        var afterPoint = false
        for character in parts[0] {
            if character == "." { afterPoint = true; continue }
            guard let digit = character.wholeNumberValue else { continue }
            significand = significand * 10 + UInt64(digit)
            if afterPoint { exponent -= 1 }
        }
        while significand != 0 && significand % 10 == 0 {
            significand /= 10
            exponent += 1
        }
        return (significand, exponent)
    }

    /// The exact product of the factors, as little-endian 64-bit limbs.
    private static func product(_ factors: [UInt64]) -> [UInt64] {
        var limbs: [UInt64] = [1]
        for factor in factors { multiply(&limbs, by: factor) }
        return limbs
    }

    private static func multiply(_ limbs: inout [UInt64], by factor: UInt64) {
        var carry: UInt64 = 0
        for index in limbs.indices {
            let (high, low) = limbs[index].multipliedFullWidth(by: factor)
            let (sum, overflow) = low.addingReportingOverflow(carry)
            limbs[index] = sum
            // high is at most 2^64 − 2, so adding the overflow bit cannot wrap.
            carry = high + (overflow ? 1 : 0)
        }
        if carry != 0 { limbs.append(carry) }
    }

    /// −1, 0 or 1 as `a` is less than, equal to or greater than `b`.
    private static func compare(_ a: [UInt64], _ b: [UInt64]) -> Int {
        let a = a.reversed().drop(while: { $0 == 0 }), b = b.reversed().drop(while: { $0 == 0 })
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        for (x, y) in zip(a, b) where x != y { return x < y ? -1 : 1 }
        return 0
    }
}

extension BiasSettings {
    /// `impact_threshold` as an exact fraction, for every comparison of a ratio with it.
    public var exactImpactThreshold: ImpactThreshold { ImpactThreshold(impactThreshold) }
}

extension SelectionStratum {
    /// The stratum's reference group, when it has one.
    public var reference: GroupSelection? { groups.first { $0.isReference } }

    /// Whether `group`'s impact ratio is below `threshold`, decided exactly on the counts;
    /// nil when the ratio is undefined (no reference group, or a reference rate of 0).
    public func isBelow(_ threshold: ImpactThreshold, _ group: GroupSelection) -> Bool? {
        guard let reference, reference.favorable > 0, group.n > 0 else { return nil }
        return threshold.isBelow(favorable: group.favorable, of: group.n, referenceFavorable: reference.favorable, of: reference.n)
    }
}
