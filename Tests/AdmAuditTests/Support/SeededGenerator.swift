/// The tests' one seeded generator (SplitMix64), so random cases are the same on every
/// run and a failing one can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number below `bound`, by modulo (fine for tests; not uniform for huge bounds).
    mutating func next(upTo bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// A double in [0, 1) from the top 53 bits.
    mutating func nextUnit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
