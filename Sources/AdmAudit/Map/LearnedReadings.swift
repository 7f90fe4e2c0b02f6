/// What spellings were read to mean, by their bytes (trimmed, ASCII case-folded), so each
/// distinct spelling is read by meaning once. At most `limit` are kept; past that nothing
/// more is remembered and misses are read again each time, so an export of endless distinct
/// values costs time, not memory.
package struct LearnedReadings<Reading: Sendable>: Sendable {
    static var limit: Int { 4096 }
    /// Bytes beyond which a value is not read by meaning: no vocabulary word is this long,
    /// so it is a remark, not a category, and reading it would cost time for nothing.
    package static var longestMeaningful: Int { 256 }

    private var table = ByteKeyTable()
    private var readings: [Reading] = []

    var count: Int { readings.count }

    package func lookup(_ bytes: UnsafeRawBufferPointer) -> Reading? {
        table.lookup(folding: bytes).map { readings[Int($0)] }
    }

    package mutating func remember(_ bytes: UnsafeRawBufferPointer, _ reading: Reading) {
        guard readings.count < Self.limit, table.insert(folding: bytes, value: Int32(readings.count)) == Int32(readings.count) else { return }
        readings.append(reading)
    }

    package init() {}
}
