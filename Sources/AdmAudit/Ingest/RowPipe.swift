import Foundation

/// Rows handed from the parsing thread to the thread that validates and measures them,
/// a few thousand at a time, so the two cores work on the same file at once.
///
/// A batch owns copies of its rows' bytes (libcsv's and the reader's buffers are reused
/// as parsing goes on); `RowPipe` recycles a fixed number of batches, so memory stays
/// bounded and a slow consumer makes the parser wait rather than queue the whole file.
final class RowBatch {
    struct Meta {
        var ordinal: Int
        var line: Int
        var endLine: Int
        var fieldCount: Int
        var storedCount: Int
        var fieldOffset: Int
        var defect: RowDefect?
        var delimiter: UInt8
    }

    private static let targetRows = 4096
    private static let targetBytes = 2 << 20

    // Fixed buffers, not arrays: every field of every row passes through here, and
    // array appends on a class's properties pay an exclusivity check each.
    private let byteCapacity: Int
    private let fieldCapacity: Int
    private let bytes: UnsafeMutablePointer<UInt8>
    private let starts: UnsafeMutablePointer<Int32>
    private let lengths: UnsafeMutablePointer<Int32>
    private let metas: UnsafeMutablePointer<Meta>
    private var byteCount = 0
    private var fieldCount = 0
    private var rowCount = 0

    /// Room for the target size plus one largest possible row, so a fresh batch always
    /// takes a row.
    init(maxRowBytes: Int, maxFields: Int) {
        byteCapacity = Self.targetBytes + maxRowBytes
        fieldCapacity = Self.targetRows * 32 + maxFields
        bytes = .allocate(capacity: byteCapacity)
        starts = .allocate(capacity: fieldCapacity)
        lengths = .allocate(capacity: fieldCapacity)
        metas = .allocate(capacity: Self.targetRows)
    }

    deinit {
        bytes.deallocate()
        starts.deallocate()
        lengths.deallocate()
        metas.deallocate()
    }

    var isEmpty: Bool { rowCount == 0 }

    /// True when `row` can be added; false when the batch should be sent first.
    func fits(_ row: RawRow) -> Bool {
        rowCount < Self.targetRows
            && byteCount + row.byteCount <= byteCapacity
            && fieldCount + row.storedCount <= fieldCapacity
            && (rowCount == 0 || byteCount < Self.targetBytes)
    }

    func removeAll() {
        byteCount = 0
        fieldCount = 0
        rowCount = 0
    }

    /// Copies a row in (call `fits` first); its view into the reader's buffers is not kept.
    func append(_ row: RawRow) {
        let (offset, firstField, index) = (byteCount, fieldCount, rowCount)
        (bytes + offset).update(from: row.base, count: row.byteCount)
        let shift = Int32(offset)
        for field in 0..<row.storedCount {
            starts[firstField + field] = row.starts[field] + shift
            lengths[firstField + field] = row.lengths[field]
        }
        (metas + index).initialize(to: Meta(
            ordinal: row.ordinal, line: row.line, endLine: row.endLine, fieldCount: row.fieldCount,
            storedCount: row.storedCount, fieldOffset: firstField, defect: row.defect, delimiter: row.delimiter))
        byteCount = offset + row.byteCount
        fieldCount = firstField + row.storedCount
        rowCount = index + 1
    }

    /// Calls `body` with a view of each row, in order, until it returns false.
    /// Returns false when `body` stopped early.
    func forEach(_ body: (RawRow) -> Bool) -> Bool {
        for index in 0..<rowCount {
            let meta = metas[index]
            let row = RawRow(
                ordinal: meta.ordinal, line: meta.line, endLine: meta.endLine,
                fieldCount: meta.fieldCount, defect: meta.defect, delimiter: meta.delimiter,
                base: UnsafePointer(bytes),
                starts: UnsafePointer(starts + meta.fieldOffset),
                lengths: UnsafePointer(lengths + meta.fieldOffset),
                storedCount: meta.storedCount, byteCount: 0
            )
            if !body(row) { return false }
        }
        return true
    }
}

final class RowPipe: @unchecked Sendable {
    private let condition = NSCondition()
    private var free: [RowBatch]
    private var filled: [RowBatch] = []
    private var finished = false
    private var stopRequested = false

    init(batches: Int = 3, maxRowBytes: Int, maxFields: Int) {
        free = (0..<batches).map { _ in RowBatch(maxRowBytes: maxRowBytes, maxFields: maxFields) }
    }

    // MARK: producer side

    /// A batch to fill, waiting while all are in use; nil once the consumer asked to stop.
    func emptyBatch() -> RowBatch? {
        condition.lock()
        defer { condition.unlock() }
        while free.isEmpty && !stopRequested { condition.wait() }
        return stopRequested ? nil : free.removeLast()
    }

    func send(_ batch: RowBatch) {
        condition.lock()
        filled.append(batch)
        condition.signal()
        condition.unlock()
    }

    /// No more batches will come.
    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    // MARK: consumer side

    /// The next filled batch in order; nil when the producer has finished and all were taken.
    func next() -> RowBatch? {
        condition.lock()
        defer { condition.unlock() }
        while filled.isEmpty && !finished { condition.wait() }
        return filled.isEmpty ? nil : filled.removeFirst()
    }

    func recycle(_ batch: RowBatch) {
        batch.removeAll()
        condition.lock()
        free.append(batch)
        condition.signal()
        condition.unlock()
    }

    func requestStop() {
        condition.lock()
        stopRequested = true
        condition.broadcast()
        condition.unlock()
    }
}
