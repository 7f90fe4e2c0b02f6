/// SipHash (Aumasson and Bernstein), a keyed hash of byte strings: without the key, inputs
/// that collide cannot be chosen in advance, as they can for an unkeyed hash such as FNV-1a.
///
/// `SipHash.fingerprint` gives the 128-bit output of SipHash-1-3 (one compression round,
/// three finalisation rounds, as Rust's standard hasher) under a key drawn once per process
/// from the system's random generator. Equal fingerprints are equal inputs but for a chance
/// of about n²/2¹²⁹ among n inputs. The key never reaches an output: it decides only which
/// inputs are equal, so a run's results do not depend on it.
///
/// Does not keep anything: a caller that needs fingerprints to agree across processes
/// (files written by one run and read by another) must not use this key.
public struct SipHash {
    public let key: (UInt64, UInt64)
    let compressionRounds: Int
    let finalizationRounds: Int

    /// SipHash-c-d under `key`.
    public init(key: (UInt64, UInt64), compressionRounds: Int = 1, finalizationRounds: Int = 3) {
        self.key = key
        self.compressionRounds = compressionRounds
        self.finalizationRounds = finalizationRounds
    }

    /// This process's key, drawn on first use.
    public static let processKey: (UInt64, UInt64) = {
        var generator = SystemRandomNumberGenerator()
        return (generator.next(), generator.next())
    }()

    /// SipHash-1-3, 128-bit output, under the process's key.
    public static func fingerprint(_ bytes: UnsafeRawBufferPointer) -> (high: UInt64, low: UInt64) {
        SipHash(key: processKey).hash128(bytes)
    }

    /// The 64-bit output.
    public func hash64(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var state = State(key: key, wide: false)
        compress(&state, bytes)
        state.v2 ^= 0xff
        state.rounds(finalizationRounds)
        return state.v0 ^ state.v1 ^ state.v2 ^ state.v3
    }

    /// The 128-bit output: (bytes 8–15, bytes 0–7) of the reference's output as little-endian words.
    public func hash128(_ bytes: UnsafeRawBufferPointer) -> (high: UInt64, low: UInt64) {
        var state = State(key: key, wide: true)
        compress(&state, bytes)
        state.v2 ^= 0xee
        state.rounds(finalizationRounds)
        let low = state.v0 ^ state.v1 ^ state.v2 ^ state.v3
        state.v1 ^= 0xdd
        state.rounds(finalizationRounds)
        let high = state.v0 ^ state.v1 ^ state.v2 ^ state.v3
        return (high, low)
    }

    private func compress(_ state: inout State, _ bytes: UnsafeRawBufferPointer) {
        let whole = bytes.count / 8 * 8
        var offset = 0
        while offset < whole {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            state.v3 ^= word
            state.rounds(compressionRounds)
            state.v0 ^= word
            offset += 8
        }
        var last = UInt64(truncatingIfNeeded: bytes.count) << 56
        for index in whole..<bytes.count { last |= UInt64(bytes[index]) << (8 * UInt64(index - whole)) }
        state.v3 ^= last
        state.rounds(compressionRounds)
        state.v0 ^= last
    }

    private struct State {
        var v0, v1, v2, v3: UInt64

        init(key: (UInt64, UInt64), wide: Bool) {
            v0 = 0x736f_6d65_7073_6575 ^ key.0
            v1 = 0x646f_7261_6e64_6f6d ^ key.1 ^ (wide ? 0xee : 0)
            v2 = 0x6c79_6765_6e65_7261 ^ key.0
            v3 = 0x7465_6462_7974_6573 ^ key.1
        }

        @inline(__always)
        mutating func rounds(_ count: Int) {
            for _ in 0..<count {
                v0 &+= v1; v1 = v1.rotated(13); v1 ^= v0; v0 = v0.rotated(32)
                v2 &+= v3; v3 = v3.rotated(16); v3 ^= v2
                v0 &+= v3; v3 = v3.rotated(21); v3 ^= v0
                v2 &+= v1; v1 = v1.rotated(17); v1 ^= v2; v2 = v2.rotated(32)
            }
        }
    }
}

private extension UInt64 {
    @inline(__always)
    func rotated(_ bits: UInt64) -> UInt64 { self << bits | self >> (64 - bits) }
}
