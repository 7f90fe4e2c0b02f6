/// The bytes of one field, borrowed from the reader's row buffer.
///
/// Valid only while the row handler runs: copy what you keep. `isMissing` is an empty
/// unquoted field (libcsv's `CSV_EMPTY_IS_NULL`), distinct from a quoted empty `""`.
public struct FieldBytes {
    public let bytes: UnsafeRawBufferPointer
    public let isMissing: Bool

    public var isEmpty: Bool { bytes.isEmpty }

    /// Makes a String; use only for values that are kept or reported.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    package init(bytes: UnsafeRawBufferPointer, isMissing: Bool) {
        self.bytes = bytes
        self.isMissing = isMissing
    }
}

/// Why the reader could not produce a usable row. The row still reaches the handler,
/// so it can be rejected with its line and fields: nothing is dropped silently.
public enum RowDefect: Equatable, Sendable {
    /// Field `index` (0-based) was longer than the limit; its content is not kept.
    case fieldTooLong(index: Int, bytes: Int, limit: Int)
    /// The row's fields together were longer than the limit; fields past it are not kept.
    case rowTooLong(bytes: Int, limit: Int)
    /// More fields than the reader keeps; fields past the limit are not kept.
    case tooManyFields(count: Int, limit: Int)
    /// The file ended inside a quoted field that opened in this row.
    case unterminatedQuote
    /// Field `index` holds bytes that are not valid in the file's encoding.
    case invalidEncoding(index: Int)
}

/// One row as libcsv produced it, with where it came from.
///
/// A view into the reader's buffers: valid only inside the handler passed to
/// `CSVReader.read`, so that no String or array is made per field on the hot path.
public struct RawRow {
    /// 0 for the header (the first non-blank row), then 1, 2, … for data rows.
    public let ordinal: Int
    /// Physical line (1-based) on which the row starts, counting blank lines and
    /// lines inside quoted fields.
    public let line: Int
    /// Physical line on which the row ends (differs from `line` when a quoted field spans lines).
    public let endLine: Int
    public let fieldCount: Int
    public let defect: RowDefect?
    /// The file's delimiter, to read a damaged row's lines again one by one (`SwallowedLines`).
    public let delimiter: UInt8

    let base: UnsafePointer<UInt8>
    let starts: UnsafePointer<Int32>
    /// -1 marks a missing (empty, unquoted) field.
    let lengths: UnsafePointer<Int32>
    /// How many of the fields are stored (fewer than `fieldCount` when too many).
    package let storedCount: Int
    /// Bytes from `base` that hold every field (the fields one after another, or the whole
    /// line a field points into, with what stands between them).
    let byteCount: Int

    public subscript(index: Int) -> FieldBytes {
        guard index < storedCount else {
            return FieldBytes(bytes: UnsafeRawBufferPointer(start: nil, count: 0), isMissing: true)
        }
        let length = lengths[index]
        if length < 0 {
            return FieldBytes(bytes: UnsafeRawBufferPointer(start: nil, count: 0), isMissing: true)
        }
        return FieldBytes(
            bytes: UnsafeRawBufferPointer(start: base + Int(starts[index]), count: Int(length)),
            isMissing: false
        )
    }

    /// The fields as Strings, for rejects and headers (slow path).
    public var strings: [String] {
        (0..<storedCount).map { self[$0].string }
    }

    package init(ordinal: Int, line: Int, endLine: Int, fieldCount: Int, defect: RowDefect?, delimiter: UInt8, base: UnsafePointer<UInt8>, starts: UnsafePointer<Int32>, lengths: UnsafePointer<Int32>, storedCount: Int, byteCount: Int) {
        self.ordinal = ordinal
        self.line = line
        self.endLine = endLine
        self.fieldCount = fieldCount
        self.defect = defect
        self.delimiter = delimiter
        self.base = base
        self.starts = starts
        self.lengths = lengths
        self.storedCount = storedCount
        self.byteCount = byteCount
    }
}
