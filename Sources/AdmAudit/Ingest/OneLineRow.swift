#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a row that begins and ends on one line into fields, exactly as libcsv would
/// (options `CSV_REPALL_NL | CSV_EMPTY_IS_NULL`, its default space test), without libcsv.
///
/// Almost every row of an export is such a line, and libcsv, which reads a byte at a time
/// and copies every field out through a callback, was a sixth of a run's time. A line this
/// type is unsure of (a quoted field that runs past the line or does not end cleanly, a CR,
/// too many fields) is left to libcsv, so the two never disagree about a row:
/// `OneLineRowTests` compares them on random lines and files.
///
/// libcsv's rules, which this follows:
/// - an unquoted field loses the spaces and tabs (unless the delimiter) before and after it;
///   left empty, it is missing (length -1); a quote inside it is an ordinary byte;
/// - a quoted field may follow spaces, holds delimiters and doubled quotes (one quote each),
///   and may be followed by spaces before the delimiter; empty, it is present (length 0);
/// - a line of nothing but spaces is a blank row (no fields).
package enum OneLineRow {
    /// How a line was split.
    package struct Split: Equatable {
        /// Fields in the row; 0: a blank line.
        package var count: Int
        /// The fields are in the buffer given, a copy of the line in which a quoted field
        /// with a doubled quote was unescaped; otherwise they are in the line itself. The
        /// offsets are the same either way: from the start of the line (or its copy).
        package var copied: Bool
    }

    /// Writes each field's offset and length (-1: missing) and says how many there are, or
    /// returns nil, having decided nothing, for libcsv to read the line. `copy` must hold
    /// `line.count` bytes. `line` is the bytes before the LF, less a CR just before it.
    package static func split(_ line: UnsafeRawBufferPointer, delimiter: UInt8, quote: UInt8,
                              starts: UnsafeMutablePointer<Int32>, lengths: UnsafeMutablePointer<Int32>,
                              maxFields: Int, copy: UnsafeMutablePointer<UInt8>) -> Split? {
        guard let base = line.baseAddress else {
            return Split(count: 0, copied: false)
        }
        let count = line.count
        let delimiters = ByteWord.repeating(delimiter)
        let quotes = ByteWord.repeating(quote)
        let returns = ByteWord.repeating(0x0D)
        var fields = 0
        var fieldStart = 0
        var offset = 0
        // Eight bytes at a time: a zero-byte test finds the delimiters, refuses the line at
        // a CR and hands it to the quote-aware split at a quote.
        while count - offset >= 8 {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            if ByteWord.zeroBytes(word ^ returns) != 0 { return nil }
            if ByteWord.zeroBytes(word ^ quotes) != 0 {
                return splitQuoted(line, delimiter: delimiter, quote: quote, starts: starts, lengths: lengths,
                                   maxFields: maxFields, copy: copy, fieldsBefore: fields, from: fieldStart)
            }
            var found = ByteWord.zeroBytes(word ^ delimiters)
            while found != 0 {
                let at = offset + found.trailingZeroBitCount >> 3
                guard fields < maxFields else { return nil }
                store(base, from: fieldStart, to: at, delimiter: delimiter, at: fields, starts: starts, lengths: lengths)
                fields += 1
                fieldStart = at + 1
                found &= found &- 1
            }
            offset += 8
        }
        while offset < count {
            let byte = base.load(fromByteOffset: offset, as: UInt8.self)
            if byte == 0x0D { return nil }
            if byte == quote {
                return splitQuoted(line, delimiter: delimiter, quote: quote, starts: starts, lengths: lengths,
                                   maxFields: maxFields, copy: copy, fieldsBefore: fields, from: fieldStart)
            }
            if byte == delimiter {
                guard fields < maxFields else { return nil }
                store(base, from: fieldStart, to: offset, delimiter: delimiter, at: fields, starts: starts, lengths: lengths)
                fields += 1
                fieldStart = offset + 1
            }
            offset += 1
        }
        guard fields < maxFields else { return nil }
        store(base, from: fieldStart, to: count, delimiter: delimiter, at: fields, starts: starts, lengths: lengths)
        // No delimiter and nothing but spaces: libcsv never began the row.
        if fields == 0 && lengths[0] < 0 { return Split(count: 0, copied: false) }
        return Split(count: fields + 1, copied: false)
    }

    /// The rest of a line holding a quote, from the start of field `fieldsBefore` at `from`
    /// (the fields before it are stored already, and the bytes before it hold no quote or CR),
    /// field by field. A field points into the line where it stands, a quoted one between
    /// its quotes; only a quoted field holding a doubled quote is rewritten, one quote for
    /// two, within its own bytes in `copy`, which then takes the whole line.
    private static func splitQuoted(_ line: UnsafeRawBufferPointer, delimiter: UInt8, quote: UInt8,
                                    starts: UnsafeMutablePointer<Int32>, lengths: UnsafeMutablePointer<Int32>,
                                    maxFields: Int, copy: UnsafeMutablePointer<UInt8>,
                                    fieldsBefore: Int, from lineOffset: Int) -> Split? {
        let base = line.baseAddress!
        let count = line.count
        if memchr(base + lineOffset, 0x0D, count - lineOffset) != nil { return nil }
        var copied = false
        var fields = fieldsBefore
        var position = lineOffset
        while true {
            guard fields < maxFields else { return nil }
            let first = afterSpaces(base, from: position, to: count, delimiter: delimiter)
            if first < count && base.load(fromByteOffset: first, as: UInt8.self) == quote {
                // Quoted: runs of bytes between quotes; a doubled quote is one quote. The value
                // is written from `start` on (in `copy`, once a doubled quote made it shorter
                // than the bytes it came from) and read from `from` on.
                let start = first + 1
                var write = start
                var from = start
                while true {
                    guard let found = memchr(base + from, Int32(quote), count - from) else { return nil }
                    let at = base.distance(to: UnsafeRawPointer(found))
                    let doubled = at + 1 < count && base.load(fromByteOffset: at + 1, as: UInt8.self) == quote
                    // Up to the quote; a doubled one keeps one quote and the field goes on.
                    let through = doubled ? at + 1 : at
                    if write != from { memmove(copy + write, copy + from, through - from) }
                    write += through - from
                    from = doubled ? at + 2 : at + 1
                    if !doubled { break }
                    if !copied {
                        copy.update(from: base.assumingMemoryBound(to: UInt8.self), count: count)
                        copied = true
                    }
                }
                starts[fields] = Int32(truncatingIfNeeded: start)
                lengths[fields] = Int32(truncatingIfNeeded: write - start)
                // After the closing quote: spaces, then the delimiter or the line's end.
                let after = afterSpaces(base, from: from, to: count, delimiter: delimiter)
                fields += 1
                if after == count { return Split(count: fields, copied: copied) }
                guard base.load(fromByteOffset: after, as: UInt8.self) == delimiter else { return nil }
                position = after + 1
            } else {
                // Unquoted, to the next delimiter; a quote in it is an ordinary byte.
                let end = memchr(base + first, Int32(delimiter), count - first).map { base.distance(to: UnsafeRawPointer($0)) } ?? count
                let last = beforeSpaces(base, from: first, to: end, delimiter: delimiter)
                starts[fields] = Int32(truncatingIfNeeded: first)
                lengths[fields] = last > first ? Int32(truncatingIfNeeded: last - first) : -1
                fields += 1
                if end == count { return Split(count: fields, copied: copied) }
                position = end + 1
            }
        }
    }

    /// One unquoted field, `from..<to`, trimmed of the spaces and tabs libcsv drops.
    @inline(__always)
    private static func store(_ base: UnsafeRawPointer, from: Int, to: Int, delimiter: UInt8, at index: Int,
                              starts: UnsafeMutablePointer<Int32>, lengths: UnsafeMutablePointer<Int32>) {
        let first = afterSpaces(base, from: from, to: to, delimiter: delimiter)
        let end = beforeSpaces(base, from: first, to: to, delimiter: delimiter)
        starts[index] = Int32(truncatingIfNeeded: first)
        lengths[index] = end > first ? Int32(truncatingIfNeeded: end - first) : -1
    }

    /// Where the spaces libcsv skips, from `from` on, end (at most `to`).
    @inline(__always)
    private static func afterSpaces(_ base: UnsafeRawPointer, from: Int, to: Int, delimiter: UInt8) -> Int {
        var index = from
        while index < to && isSpace(base.load(fromByteOffset: index, as: UInt8.self), delimiter: delimiter) { index += 1 }
        return index
    }

    /// Where `from..<to` ends without the spaces libcsv trims from its end.
    @inline(__always)
    private static func beforeSpaces(_ base: UnsafeRawPointer, from: Int, to: Int, delimiter: UInt8) -> Int {
        var index = to
        while index > from && isSpace(base.load(fromByteOffset: index - 1, as: UInt8.self), delimiter: delimiter) { index -= 1 }
        return index
    }

    /// libcsv's default space test, less the delimiter (a tab-separated file keeps its tabs).
    @inline(__always)
    private static func isSpace(_ byte: UInt8, delimiter: UInt8) -> Bool {
        (byte == 0x20 || byte == 0x09) && byte != delimiter
    }
}
