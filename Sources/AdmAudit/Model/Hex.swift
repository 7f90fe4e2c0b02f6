extension Sequence<UInt8> {
    /// Lower-case hex, two digits a byte: digests in reports, pseudonyms.
    package var hexString: String { hexString(after: "") }

    /// `prefix`, then the bytes in lower-case hex: one string made, and no copy of bytes
    /// that lie in memory already (a pseudonym is made for every decision with a finding).
    package func hexString(after prefix: StaticString) -> String {
        withContiguousStorageIfAvailable { Self.hex($0, after: prefix) } ?? Array(self).withUnsafeBufferPointer { Self.hex($0, after: prefix) }
    }

    private static func hex(_ bytes: UnsafeBufferPointer<UInt8>, after prefix: StaticString) -> String {
        let digits: StaticString = "0123456789abcdef"
        let start = prefix.utf8CodeUnitCount
        return String(unsafeUninitializedCapacity: start + bytes.count * 2) { buffer in
            prefix.withUTF8Buffer { prefix in
                for (index, byte) in prefix.enumerated() { buffer[index] = byte }
            }
            digits.withUTF8Buffer { digits in
                for (index, byte) in bytes.enumerated() {
                    buffer[start + 2 * index] = digits[Int(byte >> 4)]
                    buffer[start + 2 * index + 1] = digits[Int(byte & 0x0F)]
                }
            }
            return start + bytes.count * 2
        }
    }
}
