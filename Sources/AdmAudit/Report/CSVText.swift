#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CSV cells for files people open in spreadsheets.
///
/// Every cell is quoted when it holds a delimiter, quote or line break. A cell that a
/// spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, tab or CR) gets a
/// leading apostrophe, unless it is a plain number such as `-0.5`: an export that reached
/// an inspector must not run code on the inspector's machine (CSV injection).
///
/// Characters that would hide or reorder what a reader sees are shown as their code, as in
/// report.md and report.html: bidirectional controls (`[U+202E]`), and NUL and the other
/// controls but tab, line feed and carriage return (which quoting keeps) — a NUL ends the
/// text in many programs, so a cell could hide what follows it. report.json keeps every
/// value exactly as written.
///
/// Works on UTF-8 bytes: every character that matters is ASCII, and findings files can
/// hold millions of rows.
public enum CSVText {
    public static func cell(_ value: String) -> String {
        var bytes: [UInt8] = []
        append(cell: value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func row(_ values: [String]) -> String {
        var bytes: [UInt8] = []
        append(row: values, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `values` as one CSV line, with its line end.
    public static func append(row values: [String], to bytes: inout [UInt8]) {
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            append(cell: value, to: &bytes)
        }
        bytes.append(0x0A)
    }

    public static func append(cell value: String, to bytes: inout [UInt8]) {
        // Most cells are printable ASCII with no delimiter or quote: copied as they are. Read
        // in place (a native string's bytes are contiguous), not through a copy made mutable
        // for `withUTF8`: a findings line has six such cells, and the copy's retain and
        // release cost as much as the rest of the cell.
        let copied = value.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            let raw = UnsafeRawBufferPointer(utf8)
            guard isPlain(raw) else { return false }
            if let first = raw.first, isFormulaStart(first), !isPlainNumber(raw) { bytes.append(UInt8(ascii: "'")) }
            bytes.append(contentsOf: utf8)
            return true
        } ?? false
        if !copied { appendEscaping(cell: value, to: &bytes) }
    }

    /// Printable ASCII (`0x20`–`0x7E`) but the delimiter and the quote: a cell that needs no
    /// quotes and holds nothing `neutralised` would show as a code.
    private static func isPlain(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = printableWords(bytes, norDelimiting: true)
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte &- 0x20 > 0x5E || byte == 0x2C || byte == 0x22 { return false }
            offset += 1
        }
        return true
    }

    /// How many leading bytes, in whole words of eight, are printable ASCII (`0x20`–`0x7E`),
    /// and (`norDelimiting`) neither a comma nor a quote. Eight bytes at a time: findings
    /// files run to hundreds of megabytes. Each test is exact for "some byte of the word".
    private static func printableWords(_ bytes: UnsafeRawBufferPointer, norDelimiting: Bool) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var offset = 0
        while bytes.count - offset >= 8 {
            let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            // A byte below 0x20; a byte from 0x7F up (0x7F + 1 sets the high bit).
            var stops = ((word &- 0x20 &* ones) & ~word) | word | (word &+ ones)
            if norDelimiting {
                let comma = word ^ (0x2C &* ones)
                let quote = word ^ (0x22 &* ones)
                stops |= ((comma &- ones) & ~comma) | ((quote &- ones) & ~quote)
            }
            if stops & highs != 0 { break }
            offset += 8
        }
        return offset
    }

    /// Every cell may take this way; `append(cell:)` takes it for those not plain.
    static func appendEscaping(cell value: String, to bytes: inout [UInt8]) {
        var value = mayNeedNeutralising(value) ? neutralised(value) : value
        value.withUTF8 { utf8 in
            let raw = UnsafeRawBufferPointer(utf8)
            let formula = raw.first.map { isFormulaStart($0) && !isPlainNumber(raw) } ?? false
            let needsQuotes = raw.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            if needsQuotes { bytes.append(0x22) }
            if formula { bytes.append(UInt8(ascii: "'")) }
            if needsQuotes {
                // Up to and including each quote, then the quote again.
                var start = 0
                while start < raw.count, let found = memchr(raw.baseAddress! + start, 0x22, raw.count - start) {
                    let quote = raw.baseAddress!.distance(to: UnsafeRawPointer(found))
                    bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[start...quote]))
                    bytes.append(0x22)
                    start = quote + 1
                }
                bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[start...]))
                bytes.append(0x22)
            } else {
                bytes.append(contentsOf: raw)
            }
        }
    }

    /// Whether the cell holds a character `neutralised` shows as its code, told from its
    /// UTF-8 bytes: C0 controls but tab, LF and CR; DEL; C1 controls (`C2 80`–`C2 9F`);
    /// the bidirectional controls U+061C (`D8 9C`), U+200E/F (`E2 80 8E/8F`), U+202A–E
    /// (`E2 80 AA`–`AE`) and U+2066–9 (`E2 81 A6`–`A9`). Exact, so cells with `§` or `–`
    /// (every legal basis) stay on the fast path.
    private static func mayNeedNeutralising(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { utf8 in
            let count = utf8.count
            // Printable ASCII words are passed over eight bytes at a time.
            var index = printableWords(UnsafeRawBufferPointer(utf8), norDelimiting: false)
            while index < count {
                let byte = utf8[index]
                if byte < 0x80 {
                    if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F { return true }
                } else if index + 1 < count {
                    let next = utf8[index + 1]
                    switch byte {
                    case 0xC2 where (0x80...0x9F).contains(next): return true
                    case 0xD8 where next == 0x9C: return true
                    case 0xE2 where index + 2 < count:
                        let third = utf8[index + 2]
                        if next == 0x80 && (third == 0x8E || third == 0x8F || (0xAA...0xAE).contains(third)) { return true }
                        if next == 0x81 && (0xA6...0xA9).contains(third) { return true }
                    default: break
                    }
                }
                index += 1
            }
            return false
        }
    }

    /// Controls (but tab, LF and CR) and bidirectional controls as `[U+XXXX]`.
    static func neutralised(_ value: String) -> String {
        value.showingAsCode { scalar in
            (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || (0x7F...0x9F).contains(scalar.value)
                || scalar.isBidiControl
        }
    }

    private static func isFormulaStart(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "@") || byte == 0x09 || byte == 0x0D
    }

    /// An optional sign, digits, at most one dot, at least one digit.
    static func isPlainNumber(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var sawDigit = false
        var sawDot = false
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigit = true
            case UInt8(ascii: "-"), UInt8(ascii: "+"): if index != 0 { return false }
            case UInt8(ascii: "."): if sawDot { return false }; sawDot = true
            default: return false
            }
        }
        return sawDigit
    }
}

extension OutputFile {
    /// Writes one CSV line, escaped and neutralised (`CSVText`), straight into the buffer.
    func writeRow(_ values: [String]) throws(AuditError) {
        try write { CSVText.append(row: values, to: &$0) }
    }
}
