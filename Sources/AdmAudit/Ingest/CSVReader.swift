import CLibCSV
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a file is to be read. Every command builds its reader from these, so every
/// command reads CSV the same way.
public struct ReaderOptions: Sendable, Equatable {
    public var encoding: InputEncoding = .auto
    /// nil: sniff from the header line.
    public var delimiter: UInt8? = nil
    /// Physical line (1-based) of the header; nil: found by `HeaderLocator` (the first line,
    /// unless title lines stand above the header).
    public var headerLine: Int? = nil
    public var quote: UInt8 = UInt8(ascii: "\"")
    /// A field longer than this is a rejected row (`field_too_long`), not an out-of-memory.
    public var maxFieldBytes: Int = 64 * 1024
    /// All fields of a row together.
    public var maxRowBytes: Int = 1024 * 1024
    /// Fields kept per row; more make the row ragged anyway.
    public var maxFields: Int = 1024
    /// Bytes read from disk at a time.
    public var chunkBytes: Int = 1 << 20
    /// Read only this part of the file (a file split to be audited on both cores); nil: all of it.
    public var part: FilePart? = nil
    /// Split rows on one line without libcsv (`OneLineRow`); false only in tests that compare
    /// the two ways of reading.
    package var splitsOneLineRows = true
    /// Parse on a thread of its own, handing rows to the calling thread (`RowPipe`): the
    /// parse then runs beside the audit, on a core the audit leaves idle. False where there
    /// is no other core (`taskset -c 0`), so that rows are not copied into batches and handed
    /// over for nothing.
    public var parsesOnItsOwnThread = true

    public init() {}
}

/// A part of a file split at a line end for a parallel audit (`SplitAudit`): bytes
/// `start..<end`, whose first line is `firstLine`. A part after the first has no header,
/// no byte-order mark, and is read with the encoding and delimiter set in the options.
public struct FilePart: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var firstLine: Int
    /// The part runs to the end of the file: an open quote there is the file's last row.
    public var isFileEnd: Bool

    var isContinuation: Bool { start > 0 }

    package init(start: Int, end: Int, firstLine: Int, isFileEnd: Bool) {
        self.start = start
        self.end = end
        self.firstLine = firstLine
        self.isFileEnd = isFileEnd
    }
}

/// Facts about a file learnt while reading it, for the report's chain of custody.
public struct ReaderSummary: Sendable, Equatable {
    public var encoding: InputEncoding
    public var delimiter: UInt8
    public var bytesRead: Int
    /// Physical lines in the file (a last line without a newline counts); for a part,
    /// the last line it reached.
    public var lines: Int
    /// Blank lines among them (between rows, and after the last).
    public var blankLines: Int = 0
    /// The reading ended between rows: always at the end of a file; for a part that stops
    /// before the end, whether its end was really a row boundary (not inside a quote).
    public var endedAtRowBoundary: Bool = true
    /// Rows above the header (title lines), not read as data: their lines and text.
    public var linesAboveHeader: [LineAboveHeader] = []
}

/// A row standing above the header: a title line such as `导出时间：2025-07-01`.
public struct LineAboveHeader: Sendable, Equatable {
    public var line: Int
    /// Where it ends (a quoted field may span lines).
    public var endLine: Int
    /// Its non-blank fields joined by a space, cut at `textLimit` characters.
    public var text: String
    /// How many non-blank fields it had: more than one looks like data, and the report says so.
    public var values: Int
    public static let textLimit = 200

    public init(line: Int, endLine: Int, text: String, values: Int) {
        self.line = line
        self.endLine = endLine
        self.text = text
        self.values = values
    }
}

/// Streams a CSV file and hands each row, with its line numbers, to a handler.
///
/// The file is read in fixed-size chunks and transcoded to UTF-8 when needed; memory does
/// not grow with the file. A row on one line is split by `OneLineRow`, any other by
/// `csv_parse`, with the same rules. libcsv's callbacks reach the reader's
/// state through a raw pointer to a struct (not a class through `Unmanaged`, which costs a
/// quarter of the speed) and copy field bytes into one reusable row buffer: no String or
/// array is made per field. libcsv reports no line numbers and skips blank lines, so the
/// parser runs with `CSV_REPALL_NL` and the reader counts line ends itself, including those
/// inside quoted fields.
public struct CSVReader {
    public let path: String
    public let options: ReaderOptions

    public init(path: String, options: ReaderOptions = ReaderOptions()) {
        self.path = path
        self.options = options
    }

    /// Reads the whole file. `handler` sees the header as ordinal 0, then every data row;
    /// it returns false to stop reading (for example when the header is unusable).
    /// Throws only when the file cannot be read at all. `observe` sees the file's raw
    /// bytes as they are read (for its SHA-256), so the file is read once.
    ///
    /// Reading, hashing, transcoding and parsing run on a second thread (unless
    /// `options.parsesOnItsOwnThread` is false); `handler` runs on the calling thread, on the
    /// rows in file order (see `RowPipe`). `observe` runs on the parsing thread, before `read`
    /// returns.
    @discardableResult
    public func read(observingBytes observe: ((UnsafeRawBufferPointer) -> Void)? = nil,
                     _ handler: (RawRow) -> Bool) throws(AuditError) -> ReaderSummary {
        guard options.parsesOnItsOwnThread else { return try parse(observe: observe, handler) }
        let pipe = RowPipe(maxRowBytes: max(options.maxRowBytes, 1), maxFields: max(options.maxFields, 1))
        let job = ParseJob(reader: self, observe: observe, pipe: pipe)
        let thread = Thread { job.run() }
        thread.stackSize = 1 << 20
        thread.start()
        var stopped = false
        while let batch = pipe.next() {
            // After a stop, batches already parsed are drained without being handled.
            if !stopped && !batch.forEach(handler) {
                stopped = true
                pipe.requestStop()
            }
            pipe.recycle(batch)
        }
        // `next()` returned nil: the parser called `finish()`, after storing its result.
        return try job.result!.get()
    }

    /// The parsing thread's work: parse the file, shipping rows to `pipe` in batches.
    fileprivate func parse(observe: ((UnsafeRawBufferPointer) -> Void)?, into pipe: RowPipe) throws(AuditError) -> ReaderSummary {
        // `batch` holds the batch being filled; each row reaches it through `filling`, a
        // reference that is not counted: counting one for every row cost a retain and a
        // release of an object the reading thread then takes over.
        var batch = pipe.emptyBatch()
        var filling = batch.map(Unmanaged.passUnretained)
        defer {
            if let batch, !batch.isEmpty { pipe.send(batch) }
        }
        return try parse(observe: observe) { row in
            guard let current = filling else { return false }
            if !current._withUnsafeGuaranteedRef({ $0.fits(row) }) {
                pipe.send(batch!)
                batch = pipe.emptyBatch()
                filling = batch.map(Unmanaged.passUnretained)
                guard let fresh = filling else { return false }
                fresh._withUnsafeGuaranteedRef { $0.append(row) }
                return true
            }
            current._withUnsafeGuaranteedRef { $0.append(row) }
            return true
        }
    }

    private func parse(observe: ((UnsafeRawBufferPointer) -> Void)?, _ handler: (RawRow) -> Bool) throws(AuditError) -> ReaderSummary {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            let reason = AuditError.systemReason(errno)
            throw AuditError(.input, "cannot open the input file: \(reason.english)", file: path,
                             hint: "check the path and that you may read the file")
                .inChinese("无法打开输入文件：\(reason.chinese)", hint: "检查路径，以及是否有权读取该文件")
        }
        defer { close(fd) }
        let part = options.part
        if let part, part.start > 0, lseek(fd, off_t(part.start), SEEK_SET) < 0 {
            throw AuditError(.input, "cannot read the input file: \(String(cString: strerror(errno)))", file: path)
        }
        /// Bytes of the part still to read (the whole file: unlimited).
        var remaining = part.map { $0.end - $0.start } ?? Int.max

        var chunk = [UInt8](repeating: 0, count: max(options.chunkBytes, 64 * 1024))
        let firstCount = try readFully(fd, into: &chunk, limit: &remaining)
        let atEOFAfterFirst = firstCount < chunk.count || remaining == 0

        var encoding = options.encoding
        if encoding == .auto {
            encoding = chunk.withUnsafeBytes {
                InputEncoding.detect(sample: UnsafeRawBufferPointer(rebasing: $0[0..<firstCount]), isWholeFile: atEOFAfterFirst)
            }
        }
        var transcoder: Transcoder? = nil
        if let name = encoding.iconvName {
            guard let made = Transcoder(from: name) else {
                throw AuditError(.input, "this system's iconv cannot convert from \(name)", file: path,
                                 hint: "convert the file to UTF-8 first, or set input.encoding")
                    .inChinese("本系统的 iconv 无法从 \(name) 转换", hint: "先把文件转为 UTF-8，或设置 input.encoding")
            }
            transcoder = made
        }

        let state = UnsafeMutablePointer<ParseState>.allocate(capacity: 1)
        state.initialize(to: ParseState(options: options))
        if let part, part.isContinuation {
            // Rows of a later part: numbered on from the part's first line, never the header.
            state.pointee.nextLine = part.firstLine
            state.pointee.linesSeen = part.firstLine - 1
            state.pointee.rowOrdinal = 1
        }
        defer {
            state.pointee.release()
            state.deinitialize(count: 1)
            state.deallocate()
        }

        var parser = csv_parser()
        guard csv_init(&parser, UInt8(CSV_REPALL_NL | CSV_EMPTY_IS_NULL)) == 0 else {
            throw AuditError(.input, "libcsv could not start", file: path)
        }
        defer { csv_free(&parser) }
        csv_set_quote(&parser, options.quote)
        // Grow libcsv's field buffer in larger steps than its default 128 bytes.
        csv_set_blk_size(&parser, 4096)

        var delimiter = options.delimiter
        var bytesRead = 0
        var isFirstDecoded = !(part?.isContinuation ?? false)
        if !isFirstDecoded {
            // A later part: the first part's delimiter, given in the options.
            csv_set_delim(&parser, delimiter ?? UInt8(ascii: ","))
            state.pointee.delimiter = delimiter ?? UInt8(ascii: ",")
        }
        var isLast = atEOFAfterFirst
        var count = firstCount

        return try withoutActuallyEscaping(handler) { (escapable) throws(AuditError) -> ReaderSummary in
            state.pointee.handler = escapable
            // The closure must not outlive this block (withoutActuallyEscaping checks).
            defer { state.pointee.handler = nil }
            while true {
                bytesRead += count
                let feed: (UnsafeRawBufferPointer) -> Void = { decoded in
                    var bytes = decoded
                    if isFirstDecoded {
                        isFirstDecoded = false
                        // libcsv would keep a UTF-8 BOM in the first header field.
                        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                            bytes = UnsafeRawBufferPointer(rebasing: bytes[3...])
                        }
                        let location = HeaderLocator.locate(bytes, delimiter: delimiter, headerLine: options.headerLine,
                                                            quote: options.quote)
                        delimiter = location.delimiter
                        state.pointee.delimiter = location.delimiter
                        state.pointee.headerLine = location.headerLine
                        csv_set_delim(&parser, location.delimiter)
                    }
                    Self.parse(bytes, parser: &parser, state: state)
                }
                chunk.withUnsafeBytes { raw in
                    let input = UnsafeRawBufferPointer(rebasing: raw[0..<count])
                    observe?(input)
                    if let transcoder {
                        transcoder.convert(input, isLast: isLast)
                        transcoder.output.withUnsafeBytes { feed($0) }
                    } else {
                        feed(input)
                    }
                }
                if state.pointee.parserFailed {
                    throw AuditError(.input, "out of memory while parsing near line \(state.pointee.nextLine)", file: path,
                                     hint: "lower input.max_field_bytes or free memory, then run again")
                }
                if state.pointee.stopped || isLast { break }
                count = try readFully(fd, into: &chunk, limit: &remaining)
                isLast = count < chunk.count || remaining == 0
            }
            if let part, !part.isFileEnd {
                // A part that stops before the end of the file: no end-of-file handling; say
                // whether it stopped between rows (else the split fell inside a quoted field).
                return ReaderSummary(
                    encoding: encoding, delimiter: delimiter ?? UInt8(ascii: ","), bytesRead: bytesRead,
                    lines: state.pointee.linesSeen,
                    blankLines: state.pointee.blankLines,
                    endedAtRowBoundary: state.pointee.stopped
                        || (parser.pstate == 0 /* ROW_NOT_BEGUN */ && state.pointee.fieldCount == 0 && state.pointee.rowLength == 0),
                    linesAboveHeader: state.pointee.linesAboveHeader
                )
            }
            if isFirstDecoded {
                // Empty file: nothing was fed.
                delimiter = delimiter ?? UInt8(ascii: ",")
            }
            if !state.pointee.stopped {
                // An opening quote never closed: libcsv would hand the tail over as if it were
                // a field; mark the row so it is rejected whole rather than read as data.
                if parser.pstate == 2 /* FIELD_BEGUN */ && parser.quoted != 0 {
                    state.pointee.pendingDefect = .unterminatedQuote
                }
                Self.trimOversizedField(&parser, state: state)
                csv_fini(&parser, fieldCallback, rowCallback, state)
            }
            return ReaderSummary(
                encoding: encoding,
                delimiter: delimiter ?? UInt8(ascii: ","),
                bytesRead: bytesRead,
                lines: state.pointee.linesSeen,
                blankLines: state.pointee.blankLines,
                linesAboveHeader: state.pointee.linesAboveHeader
            )
        }
    }

    /// Feeds decoded bytes to the parser (`feed`).
    ///
    /// A CR not directly followed by LF is cut at: libcsv skips spaces before a row, so in
    /// `CR spaces LF` the LF would look like the second half of a CRLF and its line would
    /// go uncounted. After such a CR the reader is told it was no CRLF.
    private static func parse(_ bytes: UnsafeRawBufferPointer, parser: inout csv_parser, state: UnsafeMutablePointer<ParseState>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        if state.pointee.endedOnCR {
            state.pointee.endedOnCR = false
            if bytes[0] != 0x0A { state.pointee.lastTerminatorWasCR = false }
        }
        var start = 0
        while start < bytes.count, !state.pointee.stopped {
            guard let found = memchr(base + start, 0x0D, bytes.count - start) else {
                feed(UnsafeRawBufferPointer(rebasing: bytes[start...]), parser: &parser, state: state)
                return
            }
            let cr = base.distance(to: UnsafeRawPointer(found))
            if cr + 1 < bytes.count && bytes[cr + 1] == 0x0A {
                // CRLF, the common case: on to the next CR.
                feed(UnsafeRawBufferPointer(rebasing: bytes[start..<(cr + 2)]), parser: &parser, state: state)
                start = cr + 2
                continue
            }
            feed(UnsafeRawBufferPointer(rebasing: bytes[start...cr]), parser: &parser, state: state)
            if cr + 1 < bytes.count {
                state.pointee.lastTerminatorWasCR = false
            } else {
                state.pointee.endedOnCR = true
            }
            start = cr + 1
        }
    }

    /// Reads the bytes line by line: a row on one line is split here (`OneLineRow`), any
    /// other line goes to libcsv.
    private static func feed(_ bytes: UnsafeRawBufferPointer, parser: inout csv_parser, state: UnsafeMutablePointer<ParseState>) {
        guard let base = bytes.baseAddress else { return }
        guard state.pointee.splitsOneLineRows else {
            return feedLibcsv(bytes, from: 0, to: bytes.count, parser: &parser, state: state)
        }
        var offset = 0
        while offset < bytes.count, !state.pointee.stopped {
            guard let found = memchr(base + offset, lineFeed, bytes.count - offset) else {
                feedLibcsv(bytes, from: offset, to: bytes.count, parser: &parser, state: state)
                return
            }
            let lineFeedAt = base.distance(to: UnsafeRawPointer(found))
            if parser.pstate == 0 /* ROW_NOT_BEGUN */ {
                let endsWithCR = lineFeedAt > offset && bytes[lineFeedAt - 1] == 0x0D
                let line = UnsafeRawBufferPointer(rebasing: bytes[offset..<(endsWithCR ? lineFeedAt - 1 : lineFeedAt)])
                if state.pointee.takeOneLineRow(line, endsWithCR: endsWithCR, quote: parser.quote_char) {
                    offset = lineFeedAt + 1
                    continue
                }
            }
            feedLibcsv(bytes, from: offset, to: lineFeedAt + 1, parser: &parser, state: state)
            offset = lineFeedAt + 1
        }
    }

    /// Feeds `bytes[from..<to]` to libcsv. A field over the limit is trimmed (its bytes
    /// dropped) every 64 KiB of `bytes` and at its end, wherever the feeding is cut: so that a
    /// runaway field is caught within 64 KiB of the limit, and always at the same places, as
    /// where the bytes are dropped decides whether an unquoted field's trailing spaces are
    /// counted (a hostile review found a row accepted or rejected by its line's position).
    private static func feedLibcsv(_ bytes: UnsafeRawBufferPointer, from: Int, to: Int,
                                   parser: inout csv_parser, state: UnsafeMutablePointer<ParseState>) {
        guard let base = bytes.baseAddress else { return }
        let piece = 64 * 1024
        var offset = from
        while offset < to, !state.pointee.stopped {
            let boundary = (offset / piece + 1) * piece
            let end = min(to, boundary)
            let done = csv_parse(&parser, base + offset, end - offset, fieldCallback, rowCallback, state)
            if done < end - offset {
                // libcsv stops short only when it cannot grow its field buffer; fields are
                // trimmed long before that, so this is the machine running out of memory.
                state.pointee.parserFailed = true
                state.pointee.stopped = true
                return
            }
            if end == boundary || end == bytes.count { trimOversizedField(&parser, state: state) }
            offset = end
        }
    }

    private static func trimOversizedField(_ parser: inout csv_parser, state: UnsafeMutablePointer<ParseState>) {
        // Only inside a field (FIELD_BEGUN): after a quote (FIELD_MIGHT_HAVE_ENDED) libcsv
        // still holds that quote and subtracts it on submit, so the field is left to
        // arrive whole and be rejected as too long in `appendField`.
        if parser.pstate == 2, parser.entry_pos > state.pointee.maxFieldBytes {
            state.pointee.dropFieldBytes(&parser)
        }
    }

    /// Fills `buffer` from `fd`, reading at most `limit` bytes (which it lowers).
    private func readFully(_ fd: Int32, into buffer: inout [UInt8], limit: inout Int) throws(AuditError) -> Int {
        var filled = 0
        let capacity = min(buffer.count, limit)
        defer { limit -= filled }
        while filled < capacity {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, capacity - filled) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                throw AuditError(.input, "cannot read the input file: \(reason)", file: path)
            }
            filled += n
        }
        return filled
    }
}

/// What the parsing thread needs and gives back; shared with the calling thread only
/// through `RowPipe`'s lock (the result is written before `finish()`).
private final class ParseJob: @unchecked Sendable {
    let reader: CSVReader
    let observe: ((UnsafeRawBufferPointer) -> Void)?
    let pipe: RowPipe
    var result: Result<ReaderSummary, AuditError>? = nil

    init(reader: CSVReader, observe: ((UnsafeRawBufferPointer) -> Void)?, pipe: RowPipe) {
        self.reader = reader
        self.observe = observe
        self.pipe = pipe
    }

    func run() {
        do throws(AuditError) {
            result = .success(try reader.parse(observe: observe, into: pipe))
        } catch {
            result = .failure(error)
        }
        pipe.finish()
    }
}

private let lineFeed: Int32 = 0x0A
private let carriageReturn: Int32 = 0x0D

/// libcsv's per-field callback: copy the field into the row buffer.
private func fieldCallback(_ field: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    context.unsafelyUnwrapped.assumingMemoryBound(to: ParseState.self).pointee.appendField(field, length)
}

/// libcsv's per-row callback: count lines, then hand the row over.
private func rowCallback(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    context.unsafelyUnwrapped.assumingMemoryBound(to: ParseState.self).pointee.endRow(terminator: terminator)
}

/// The reader's state, reached from libcsv's callbacks through a raw pointer.
struct ParseState {
    var handler: ((RawRow) -> Bool)? = nil
    var stopped = false
    /// libcsv could not grow its buffer (out of memory).
    var parserFailed = false

    let maxFieldBytes: Int
    let maxRowBytes: Int
    let maxFields: Int
    let splitsOneLineRows: Bool

    var rowBytes: UnsafeMutablePointer<UInt8>
    var rowLength = 0
    var starts: UnsafeMutablePointer<Int32>
    var lengths: UnsafeMutablePointer<Int32>
    var fieldCount = 0
    /// Bytes of the row, including what was not kept.
    var rowTotalBytes = 0

    var defect: RowDefect? = nil
    /// The row's kept bytes reached `maxRowBytes`.
    var rowOverflow = false
    /// Set when a field in progress lost bytes; applied when libcsv submits it.
    var droppedFieldBytes = 0
    /// Trailing spaces of an unquoted field taken out of libcsv's buffer (`dropFieldBytes`),
    /// and how many bytes libcsv held before them: they count only if content follows.
    var spacesSetAside = 0
    var contentBeforeSpacesSetAside = 0
    var pendingDefect: RowDefect? = nil
    /// The last dropped piece of a field ended with CR: an LF next is the same line end.
    var droppedPieceEndedWithCR = false
    var lastDroppedByte: UInt8 = 0
    /// The last byte of the row's last field, kept or not (a line end there, at the end of
    /// a file inside an open quote, is the file's last line end).
    var lastFieldByte: UInt8? = nil

    /// The line on which the next row starts.
    var nextLine = 1
    /// Line ends inside the current row that are not in the row buffer (dropped bytes).
    var uncountedLineBreaks = 0
    var lastTerminatorWasCR = false
    /// The last byte fed was a CR: whether an LF follows is for the next feed to say.
    var endedOnCR = false
    var rowOrdinal = 0
    var linesSeen = 0
    /// Blank lines between rows (not rows, but physical lines the summary accounts for).
    var blankLines = 0
    /// The file's delimiter, once known.
    var delimiter = UInt8(ascii: ",")
    /// Rows starting before this line are title lines above the header, not data.
    var headerLine = 0
    var linesAboveHeader: [LineAboveHeader] = []

    init(options: ReaderOptions) {
        maxFieldBytes = options.maxFieldBytes
        maxRowBytes = options.maxRowBytes
        maxFields = options.maxFields
        splitsOneLineRows = options.splitsOneLineRows
        rowBytes = .allocate(capacity: max(options.maxRowBytes, 1))
        starts = .allocate(capacity: max(options.maxFields, 1))
        lengths = .allocate(capacity: max(options.maxFields, 1))
    }

    func release() {
        rowBytes.deallocate()
        starts.deallocate()
        lengths.deallocate()
    }

    mutating func appendField(_ field: UnsafeMutableRawPointer?, _ length: Int) {
        let index = fieldCount
        fieldCount += 1
        if let field, length > 0 {
            lastFieldByte = field.load(fromByteOffset: length - 1, as: UInt8.self)
        } else {
            lastFieldByte = droppedFieldBytes > 0 ? lastDroppedByte : nil
        }
        // Spaces set aside count when content came after them; libcsv trimmed any after.
        let aside = length > contentBeforeSpacesSetAside ? spacesSetAside : 0
        let fieldBytes = droppedFieldBytes + aside + length
        droppedFieldBytes = 0
        spacesSetAside = 0
        contentBeforeSpacesSetAside = 0
        rowTotalBytes += fieldBytes
        let tooLong = fieldBytes > maxFieldBytes
        if tooLong && defect == nil { defect = .fieldTooLong(index: index, bytes: fieldBytes, limit: maxFieldBytes) }
        let overflowsRow = rowLength + length > maxRowBytes
        if overflowsRow && !tooLong { rowOverflow = true }
        guard index < maxFields, !tooLong, !overflowsRow else {
            // Not kept; its line breaks must still be counted.
            if let field { uncountedLineBreaks += countContinuingBreaks(UnsafeRawBufferPointer(start: field, count: length)) }
            droppedPieceEndedWithCR = false
            if index < maxFields {
                starts[index] = Int32(rowLength)
                lengths[index] = 0
            }
            return
        }
        starts[index] = Int32(rowLength)
        guard let field else {
            lengths[index] = -1
            return
        }
        if length > 0 {
            (rowBytes + rowLength).update(from: field.assumingMemoryBound(to: UInt8.self), count: length)
            rowLength += length
        }
        lengths[index] = Int32(length)
    }

    /// Drops the bytes libcsv holds for a field over the limit, keeping its parse state, so
    /// memory stays bounded and the row is still rejected.
    ///
    /// An unquoted field's trailing spaces are not its bytes unless more follows them
    /// (libcsv trims them), so they are set aside (`spacesSetAside`), not counted: the field
    /// is too long by its content alone, wherever the drop falls (a hostile review found a
    /// field of 16 bytes and 8 spaces rejected or not by its position). When only such
    /// spaces took it over the limit, its content is kept and only the spaces dropped.
    mutating func dropFieldBytes(_ parser: inout csv_parser) {
        let held = parser.entry_pos
        let quoted = parser.quoted != 0
        let content = quoted ? held : held - parser.spaces
        if !quoted {
            // Content after spaces set aside makes them the field's own.
            let aside = content > contentBeforeSpacesSetAside ? spacesSetAside : 0
            if droppedFieldBytes + aside + content <= maxFieldBytes {
                // Within the limit but for trailing spaces (aside is then 0: spaces set aside
                // took the field over the limit once, so content after them would again).
                spacesSetAside += parser.spaces
                contentBeforeSpacesSetAside = content
                parser.entry_pos = content
                parser.spaces = 0
                return
            }
            droppedFieldBytes += aside
            spacesSetAside = (aside > 0 ? 0 : spacesSetAside) + parser.spaces
            contentBeforeSpacesSetAside = 0
        }
        if content > 0, let buffer = parser.entry_buf {
            let piece = UnsafeRawBufferPointer(start: buffer, count: content)
            uncountedLineBreaks += countContinuingBreaks(piece)
            droppedPieceEndedWithCR = piece[content - 1] == 0x0D
            lastDroppedByte = piece[content - 1]
        }
        droppedFieldBytes += content
        parser.entry_pos = 0
        parser.spaces = 0
    }

    /// Line breaks in a piece of a dropped field, not counting twice a CRLF that the
    /// cut between two pieces split.
    private func countContinuingBreaks(_ piece: UnsafeRawBufferPointer) -> Int {
        let breaks = LineCounter.count(piece)
        return droppedPieceEndedWithCR && piece.first == 0x0A ? breaks - 1 : breaks
    }

    mutating func endRow(terminator: Int32) {
        if fieldCount == 0 {
            // A blank line (reported because of CSV_REPALL_NL), or the LF of a CRLF pair.
            if !(terminator == lineFeed && lastTerminatorWasCR) {
                nextLine += 1
                linesSeen = nextLine - 1
                if !stopped { blankLines += 1 }
            }
            lastTerminatorWasCR = terminator == carriageReturn
            return
        }
        lastTerminatorWasCR = terminator == carriageReturn
        let startLine = nextLine
        var breaks = LineCounter.count(UnsafeRawBufferPointer(start: rowBytes, count: rowLength)) + uncountedLineBreaks
        // At end of file inside an open quote, the file's final line end is in the field:
        // it ends the last line rather than starting a new one.
        if terminator == -1, pendingDefect == .unterminatedQuote, lastFieldByte == 0x0A || lastFieldByte == 0x0D {
            breaks -= 1
        }
        let endLine = startLine + breaks
        nextLine = endLine + 1
        linesSeen = endLine

        if rowOverflow && defect == nil { defect = .rowTooLong(bytes: rowTotalBytes, limit: maxRowBytes) }
        if fieldCount > maxFields, defect == nil { defect = .tooManyFields(count: fieldCount, limit: maxFields) }
        if let pendingDefect {
            defect = pendingDefect
            self.pendingDefect = nil
        }
        deliver(line: startLine, endLine: endLine, base: UnsafePointer(rowBytes), byteCount: rowLength)
    }

    /// Takes a row that begins and ends on one line (`line`: its bytes before the LF, less a
    /// CR ending it) as libcsv would take it (`OneLineRow`). A row is not copied unless a
    /// quoted field holds a doubled quote: it points into `line`. False, and nothing done,
    /// when the line is not that simple or could reach a limit; libcsv then reads it.
    mutating func takeOneLineRow(_ line: UnsafeRawBufferPointer, endsWithCR: Bool, quote: UInt8) -> Bool {
        // A quote libcsv reads first as a space or a line end, a quote that is the delimiter,
        // a delimiter that is a line end (only through the API: a pipeline allows none of
        // these): libcsv's to read.
        guard !Self.isSpaceOrLineEnd(quote), quote != delimiter, delimiter != 0x0D, delimiter != 0x0A,
              line.count <= min(maxFieldBytes, maxRowBytes),
              let split = OneLineRow.split(line, delimiter: delimiter, quote: quote, starts: starts, lengths: lengths,
                                           maxFields: maxFields, copy: rowBytes)
        else { return false }
        if split.count == 0 {
            endRow(terminator: endsWithCR ? carriageReturn : lineFeed)
        } else {
            fieldCount = split.count
            lastTerminatorWasCR = endsWithCR
            let startLine = nextLine
            nextLine = startLine + 1
            linesSeen = startLine
            if split.copied {
                deliver(line: startLine, endLine: startLine, base: UnsafePointer(rowBytes), byteCount: line.count)
            } else {
                deliver(line: startLine, endLine: startLine, base: line.baseAddress!.assumingMemoryBound(to: UInt8.self),
                        byteCount: line.count)
            }
        }
        // libcsv ends the row at the CR and reads the LF after it as a blank row, which
        // `endRow` knows for the second half of a CRLF.
        if endsWithCR { endRow(terminator: lineFeed) }
        return true
    }

    /// A space, tab, CR or LF: libcsv tests for these before it tests for a quote.
    private static func isSpaceOrLineEnd(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }

    /// Hands a row whose fields are in `starts` and `lengths` (offsets from `base`) over,
    /// or keeps it as a title line, then readies the state for the next row.
    private mutating func deliver(line startLine: Int, endLine: Int, base: UnsafePointer<UInt8>, byteCount: Int) {
        if defect == nil, let bad = invalidField(base: base, byteCount: byteCount) { defect = .invalidEncoding(index: bad) }

        // Only a row that ends above the header is a title line: one that reaches the header's
        // line (a quote in a title running on) is read as the header, so nothing vanishes.
        if endLine < headerLine, rowOrdinal == 0 {
            linesAboveHeader.append(aboveHeader(line: startLine, endLine: endLine, base: base))
        } else if !stopped, let handler {
            let row = RawRow(
                ordinal: rowOrdinal, line: startLine, endLine: endLine,
                fieldCount: fieldCount, defect: defect, delimiter: delimiter,
                base: base, starts: UnsafePointer(starts), lengths: UnsafePointer(lengths),
                storedCount: min(fieldCount, maxFields), byteCount: byteCount
            )
            if !handler(row) { stopped = true }
            rowOrdinal += 1
        }
        rowLength = 0
        rowTotalBytes = 0
        fieldCount = 0
        defect = nil
        rowOverflow = false
        uncountedLineBreaks = 0
    }

    /// A title line's text, for the report; bad bytes are replaced, as the text is only shown.
    private func aboveHeader(line: Int, endLine: Int, base: UnsafePointer<UInt8>) -> LineAboveHeader {
        var values: [String] = []
        for index in 0..<min(fieldCount, maxFields) where lengths[index] > 0 {
            let field = UnsafeRawBufferPointer(start: base + Int(starts[index]), count: Int(lengths[index]))
            let text = String(decoding: UnsafeRawBufferPointer(rebasing: field[TextKey.trimmedRange(field)]), as: UTF8.self)
            if !text.isEmpty { values.append(text) }
        }
        return LineAboveHeader(line: line, endLine: endLine, text: String(values.joined(separator: " ").prefix(LineAboveHeader.textLimit)),
                               values: values.count)
    }

    /// Index of the first field that is not valid UTF-8, checking the whole row first
    /// because almost every row is valid.
    private func invalidField(base: UnsafePointer<UInt8>, byteCount: Int) -> Int? {
        let whole = UnsafeRawBufferPointer(start: base, count: byteCount)
        if UTF8Validation.isASCII(whole) { return nil }
        // Field by field: a sequence cut between two fields is valid glued, invalid apart.
        for index in 0..<min(fieldCount, maxFields) {
            let start = Int(starts[index])
            let length = max(Int(lengths[index]), 0)
            if UTF8Validation.firstInvalidOffset(UnsafeRawBufferPointer(start: base + start, count: length)) != nil {
                return index
            }
        }
        return nil
    }
}

/// Counts line ends in field bytes: LF, CRLF and a lone CR each count once.
///
/// By counting bytes, not by walking a state: every LF and every CR, less the LFs that
/// follow a CR, eight bytes at a time (a zero-byte test on a 64-bit word). The planner of a
/// cut file (`FileSplitter`) counts the lines of half a gigabyte this way in a few
/// hundredths of a second.
package enum LineCounter {
    package static func count(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return 0 }
        // A field rarely holds a line end: two library scans say so at once.
        if memchr(base, 0x0A, bytes.count) == nil && memchr(base, 0x0D, bytes.count) == nil { return 0 }
        let (feeds, returns, pairs) = tally(bytes)
        return feeds + returns - pairs
    }

    /// LFs, CRs, and LFs that follow a CR. Each byte of three words counts its own matches
    /// (up to 255 words, then the lanes are added up): no population count per word, which
    /// the baseline x86-64 target lacks.
    private static func tally(_ bytes: UnsafeRawBufferPointer) -> (feeds: Int, returns: Int, pairs: Int) {
        let allLF = ByteWord.repeating(0x0A)
        let allCR = ByteWord.repeating(0x0D)
        var (feeds, returns, pairs) = (0, 0, 0)
        var previousWasCR: UInt64 = 0
        var offset = 0
        while bytes.count - offset >= 8 {
            var (lfLanes, crLanes, pairLanes): (UInt64, UInt64, UInt64) = (0, 0, 0)
            var words = min((bytes.count - offset) / 8, 255)
            while words > 0 {
                let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                let lf = ByteWord.zeroBytes(word ^ allLF)
                let cr = ByteWord.zeroBytes(word ^ allCR)
                lfLanes &+= lf >> 7
                crLanes &+= cr >> 7
                // Byte k a CR and byte k + 1 an LF; and a CR ending the word before this one.
                pairLanes &+= (cr & (lf >> 8)) >> 7
                pairs &+= Int(previousWasCR & (lf >> 7) & 1)
                previousWasCR = cr >> 63
                offset += 8
                words -= 1
            }
            feeds += laneSum(lfLanes)
            returns += laneSum(crLanes)
            pairs += laneSum(pairLanes)
        }
        var afterCR = previousWasCR != 0
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == 0x0A {
                feeds += 1
                if afterCR { pairs += 1 }
            } else if byte == 0x0D {
                returns += 1
            }
            afterCR = byte == 0x0D
            offset += 1
        }
        return (feeds, returns, pairs)
    }

    /// The sum of a word's eight byte lanes.
    private static func laneSum(_ lanes: UInt64) -> Int {
        let pairs = (lanes & 0x00FF_00FF_00FF_00FF) &+ ((lanes >> 8) & 0x00FF_00FF_00FF_00FF)
        return Int((pairs &* 0x0001_0001_0001_0001) >> 48)
    }

}

extension LineAboveHeader {
    /// A line above the header holding several values may be a decision the header hid:
    /// the inspector is asked to look. A one-value title (`导出时间：2025-07-01`) is not.
    package func warning(file: String) -> Diagnostic? {
        guard values > 1 else { return nil }
        return Diagnostic(level: .warning, file: file, code: .lineAboveHeaderHoldsValues,
                          values: ["line": .count(line), "values": .count(values)])
    }
}
