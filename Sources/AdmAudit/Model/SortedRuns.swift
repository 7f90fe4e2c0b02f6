import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A value kept in sorted runs: plain bytes (written to a file and read back as they are),
/// with its order.
package protocol SortedRunElement: BitwiseCopyable {
    static func precedes(_ a: Self, _ b: Self) -> Bool
}

/// Values a run must see all of, in order, without holding them all in memory: decision
/// ids (to find one repeated anywhere in the input) and scores (ranks and quartiles).
///
/// Values are gathered in a buffer of `runLength`; a full buffer is sorted and written to
/// a spill file as one run, as an external sort does. `merged()` then reads every run at
/// once, a block at a time, with what is still in the buffer, in order. Memory is the
/// buffer and a block per run, not the values.
///
/// The spill file is made in TMPDIR owner-only and unlinked at once, and read through its
/// descriptor: the system frees it however admaudit ends (an error, Ctrl-C, a crash). A
/// write that fails (a full TMPDIR) is kept as `failure`, and whoever reads the runs throws it.
package final class SortedRuns<Element: SortedRunElement>: @unchecked Sendable {
    package let runLength: Int
    private var buffer: [Element] = []
    private var descriptor: Int32 = -1
    /// Runs written, as (first element's index in the file, count).
    private var written: [(start: Int, count: Int)] = []
    private var elementsWritten = 0
    /// Runs joined from another instance (a later part of the same file), merged with these.
    private var joined: [SortedRuns] = []
    private(set) var failure: AuditError? = nil

    /// Elements read from the spill file per run at a time, during a merge.
    static var blockLength: Int { 1024 }

    package init(runLength: Int) {
        self.runLength = max(runLength, 1)
        buffer.reserveCapacity(min(self.runLength, 1 << 12))
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Elements added, here and in the joined parts.
    package var count: Int { buffer.count + elementsWritten + joined.reduce(0) { $0 + $1.count } }

    /// True when no element was added (here or in a joined part).
    package var isEmpty: Bool { buffer.isEmpty && elementsWritten == 0 && joined.allSatisfy(\.isEmpty) }

    /// True when some run went to the spill file (here or in a joined part).
    package var hasSpilled: Bool { elementsWritten > 0 || joined.contains(where: \.hasSpilled) }

    package func append(_ element: Element) {
        buffer.append(element)
        if buffer.count >= runLength { spill() }
    }

    /// Writes what the buffer holds as a run now.
    package func flush() {
        if !buffer.isEmpty { spill() }
    }

    /// A view of the runs as they are now, which later appends here do not change (the
    /// file's runs are never rewritten; the view reads them through its own descriptor).
    package func frozen() -> SortedRuns {
        let view = SortedRuns(runLength: Int.max)
        view.buffer = buffer
        view.written = written
        view.elementsWritten = elementsWritten
        view.joined = joined.map { $0.frozen() }
        view.failure = failure
        if descriptor >= 0 {
            view.descriptor = dup(descriptor)
            if view.descriptor < 0 { view.failure = Self.failure("cannot keep a temporary file open: \(String(cString: strerror(errno)))") }
        }
        return view
    }

    /// Takes another instance's runs (a later part of the same input) into the merge.
    package func join(_ other: SortedRuns) { joined.append(other) }

    /// The first failure to write here or in a joined part.
    package var anyFailure: AuditError? { failure ?? joined.lazy.compactMap(\.anyFailure).first }

    private func spill() {
        buffer.sort(by: Element.precedes)
        defer { buffer.removeAll(keepingCapacity: true) }
        guard failure == nil else { return }
        if descriptor < 0 {
            let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
            var template = Array((base + "/admaudit-runs-XXXXXX").utf8CString)
            descriptor = template.withUnsafeMutableBufferPointer { name -> Int32 in
                let made = mkstemp(name.baseAddress!)  // 0600
                if made >= 0 { unlink(name.baseAddress!) }
                return made
            }
            guard descriptor >= 0 else {
                failure = Self.failure("cannot make a temporary file in \(base): \(String(cString: strerror(errno)))")
                return
            }
        }
        let start = elementsWritten
        let ok = buffer.withUnsafeBytes { bytes -> Bool in
            var done = 0
            while done < bytes.count {
                let n = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done,
                               off_t(start * MemoryLayout<Element>.stride + done))
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return false }
                done += n
            }
            return true
        }
        guard ok else {
            failure = Self.failure("cannot write a temporary file: \(String(cString: strerror(errno)))")
            return
        }
        written.append((start, buffer.count))
        elementsWritten += buffer.count
    }

    private static func failure(_ what: String) -> AuditError {
        AuditError(.input, what,
                   hint: "a large input keeps sorted runs in TMPDIR while it is audited: make room there or point TMPDIR elsewhere")
    }

    /// Every element added, here and in the joined parts, in order (equal elements in no
    /// particular order). A failure to write is thrown here, before anything is read; one
    /// to read back, by `Merge.finish()`.
    package func merged() throws(AuditError) -> Merge {
        if let failure = anyFailure { throw failure }
        var sources: [Merge.Source] = []
        gatherSources(into: &sources)
        return Merge(sources: sources)
    }

    private func gatherSources(into sources: inout [Merge.Source]) {
        buffer.sort(by: Element.precedes)
        if !buffer.isEmpty { sources.append(Merge.Source(memory: buffer)) }
        for run in written { sources.append(Merge.Source(descriptor: descriptor, start: run.start, count: run.count)) }
        for part in joined { part.gatherSources(into: &sources) }
    }

    /// The runs read at once, smallest head first (a binary heap of sources).
    package struct Merge: IteratorProtocol {
        final class Source {
            var block: [Element]
            var position = 0
            let descriptor: Int32
            var next: Int
            let end: Int
            var failed = false

            init(memory: [Element]) {
                block = memory
                descriptor = -1
                next = 0
                end = 0
            }

            init(descriptor: Int32, start: Int, count: Int) {
                block = []
                self.descriptor = descriptor
                next = start
                end = start + count
            }

            var head: Element? { position < block.count ? block[position] : nil }

            /// Moves past the head; reads the next block when this one is done.
            func advance() {
                position += 1
                if position >= block.count { fill() }
            }

            func fill() {
                block.removeAll(keepingCapacity: true)
                position = 0
                guard descriptor >= 0, next < end else { return }
                let count = min(SortedRuns.blockLength, end - next)
                let stride = MemoryLayout<Element>.stride
                let got = [Element](unsafeUninitializedCapacity: count) { elements, initialized in
                    let raw = UnsafeMutableRawBufferPointer(elements)
                    var done = 0
                    while done < count * stride {
                        let n = pread(descriptor, raw.baseAddress! + done, count * stride - done, off_t(next * stride + done))
                        if n < 0 && errno == EINTR { continue }
                        // The file was written by this process and is read back whole: a short
                        // read is a broken disk, and the merge cannot go on with it.
                        guard n > 0 else {
                            initialized = 0
                            return
                        }
                        done += n
                    }
                    initialized = count
                }
                // The file was written by this process: a short read is a broken disk.
                guard got.count == count else {
                    failed = true
                    return
                }
                block = got
                next += count
            }
        }

        private var heap: [Source]
        private let sources: [Source]

        init(sources: [Source]) {
            self.sources = sources
            for source in sources where source.descriptor >= 0 { source.fill() }
            heap = sources.filter { $0.head != nil }
            for index in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(index) }
        }

        package mutating func next() -> Element? {
            guard let top = heap.first, let element = top.head else { return nil }
            top.advance()
            if top.head == nil {
                heap.swapAt(0, heap.count - 1)
                heap.removeLast()
            }
            if !heap.isEmpty { siftDown(0) }
            return element
        }

        /// Throws when a run could not be read back whole: what `next()` gave is then incomplete.
        package func finish() throws(AuditError) {
            if sources.contains(where: \.failed) {
                throw SortedRuns.failure("cannot read back a temporary file: \(String(cString: strerror(errno)))")
            }
        }

        private mutating func siftDown(_ start: Int) {
            var index = start
            while true {
                let left = 2 * index + 1
                guard left < heap.count else { return }
                var least = left
                if left + 1 < heap.count, Element.precedes(heap[left + 1].head!, heap[left].head!) { least = left + 1 }
                guard Element.precedes(heap[least].head!, heap[index].head!) else { return }
                heap.swapAt(index, least)
                index = least
            }
        }
    }
}
