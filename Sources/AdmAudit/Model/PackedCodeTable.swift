/// A map from 64-bit keys the run packs itself (group codes side by side) to small
/// integers, for a lookup on every record where a Swift dictionary would hash with SipHash:
/// open addressing in a power-of-two table, Fibonacci hashing.
///
/// Only for keys the run makes from its own codes, which the export cannot choose: group
/// codes are given in the order values first appear, and there are at most
/// `input.max_distinct_values` of them an attribute. Bytes from the export go through keyed
/// hashes instead (`DecisionIDRegistry`).
package struct PackedCodeTable: Sendable {
    private var keys: [UInt64]
    /// The value of each slot, `empty` when the slot is free.
    private var values: [Int32]
    private var shift: UInt64
    package private(set) var count = 0
    private static let empty = Int32.min

    package init() {
        keys = Array(repeating: 0, count: 16)
        values = Array(repeating: Self.empty, count: 16)
        shift = 64 - 4
    }

    /// Up to three group codes side by side, 21 bits each, from `AttributeGroups.unknown` (-1)
    /// to 2²¹ − 2; nil when there are more codes or one does not fit (the caller then keeps
    /// a dictionary keyed by the codes themselves).
    package static func pack<Codes: Sequence<Int32>>(_ codes: Codes) -> UInt64? {
        var key: UInt64 = 0
        var count = 0
        for code in codes {
            let biased = Int64(code) + 1
            count += 1
            guard count <= 3, biased >= 0, biased < 1 << 21 else { return nil }
            key = key << 21 | UInt64(biased)
        }
        return key
    }

    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The value stored for `key`, if any.
    package func value(for key: UInt64) -> Int32? {
        keys.withUnsafeBufferPointer { keys in
            values.withUnsafeBufferPointer { values in
                let mask = keys.count - 1
                var index = slot(key)
                while values[index] != Self.empty {
                    if keys[index] == key { return values[index] }
                    index = (index + 1) & mask
                }
                return nil
            }
        }
    }

    /// Stores `value` (not `Int32.min`) for `key`, which is not in the table yet.
    package mutating func insert(_ key: UInt64, _ value: Int32) {
        precondition(value != Self.empty, "Int32.min marks a free slot")
        if (count + 1) * 2 > keys.count { grow() }
        place(key, value)
        count += 1
    }

    private mutating func place(_ key: UInt64, _ value: Int32) {
        let mask = keys.count - 1
        var index = slot(key)
        while values[index] != Self.empty { index = (index + 1) & mask }
        keys[index] = key
        values[index] = value
    }

    private mutating func grow() {
        let (oldKeys, oldValues) = (keys, values)
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: Self.empty, count: oldKeys.count * 2)
        shift -= 1
        for (key, value) in zip(oldKeys, oldValues) where value != Self.empty { place(key, value) }
    }
}
