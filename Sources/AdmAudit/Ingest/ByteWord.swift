/// Tests on eight bytes at once, in a 64-bit word, for the readers that scan input a word at
/// a time (`LineCounter`, `OneLineRow`).
enum ByteWord {
    /// `byte` in each of a word's eight bytes.
    @inline(__always)
    static func repeating(_ byte: UInt8) -> UInt64 {
        UInt64(byte) &* 0x0101_0101_0101_0101
    }

    /// The high bit of each byte of `word` that is zero, and no other bit: exact for every
    /// byte (no carry crosses from one byte into the next), so the bits may be counted.
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((word & low7) &+ low7) | word | low7)
    }
}
