/// Picks the delimiter from the header line: the candidate (`,` `;` tab `|`) that occurs
/// most often outside quotes. Headers are short and regular, so this is reliable where
/// sniffing data rows (full of commas in free text) is not. Ties go to the earlier
/// candidate in that order; a header with none of them is a one-column comma file.
public enum DelimiterSniffer {
    public static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]

    public static func sniff(_ bytes: UnsafeRawBufferPointer, quote: UInt8 = UInt8(ascii: "\"")) -> UInt8 {
        var counts = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        var sawContent = false
        for byte in bytes {
            if byte == quote { inQuotes.toggle(); sawContent = true; continue }
            if inQuotes { continue }
            if byte == 0x0A || byte == 0x0D {
                if sawContent { break }  // end of the header line; skip leading blank lines
                continue
            }
            sawContent = true
            if let index = candidates.firstIndex(of: byte) { counts[index] += 1 }
        }
        var best = 0
        for index in counts.indices where counts[index] > counts[best] { best = index }
        return candidates[best]
    }

    /// The delimiter of the line after the first `skippingLines` physical lines (a header
    /// below title lines; physical lines, as the reader numbers them).
    public static func sniff(skippingLines: Int, in bytes: UnsafeRawBufferPointer, quote: UInt8 = UInt8(ascii: "\"")) -> UInt8 {
        var index = 0
        var skipped = 0
        while skipped < skippingLines, index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == 0x0D, index < bytes.count, bytes[index] == 0x0A { index += 1 }
            if byte == 0x0A || byte == 0x0D { skipped += 1 }
        }
        return sniff(UnsafeRawBufferPointer(rebasing: bytes[index...]), quote: quote)
    }
}
