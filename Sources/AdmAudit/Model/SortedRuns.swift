import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A value kept in sorted runs: plain bytes (written to a file and read back as they are),
/// with its order.
package protocol SortedRunElement: BitwiseCopyable {
    static func precedes(_ a: Self, _ b: Self) -> Bool
    /// Puts `elements` in `precedes` order (equal ones in any order); a type may do it
    /// faster than a comparison sort (`RadixSort`).
    static func sortInPlace(_ elements: inout [Self])
}

extension SortedRunElement {
    package static func sortInPlace(_ elements: inout [Self]) { elements.sort(by: precedes) }
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
    /// Touched by the appending thread alone (a full buffer leaves it whole), and by no
    /// access that overlaps another: not checked at run time, as `append` is on the hot path.
    @exclusivity(unchecked) private var buffer: [Element] = []
    private var descriptor: Int32 = -1
    /// Runs written, as (first element's index in the file, count).
    private var written: [(start: Int, count: Int)] = []
    private var elementsWritten = 0
    /// Elements a failed write could not keep (`failure` says why).
    private var elementsLost = 0
    /// Runs joined from another instance (a later part of the same file), merged with these.
    private var joined: [SortedRuns] = []
    private var failure: AuditError? = nil
    /// Whether a full buffer is sorted and written on a thread of its own while appends go on
    /// (where there is a second core), and the run being so written: one at a time, so memory
    /// is two buffers at most. Everything but `append` waits for it first.
    private let sortsBehind: Bool
    private var writingBehind: BackgroundJob<Bool>? = nil

    /// Elements read from the spill file per run at a time, during a merge or a sweep, at
    /// most: with many runs (a very large input), fewer, so that the blocks together stay
    /// within `blockBudget` bytes (but never fewer than 64 elements).
    static var blockLength: Int { 1024 }
    static var blockBudget: Int { 4 << 20 }

    /// The block length for reading `runs` runs at once.
    static func blockLength(runs: Int) -> Int {
        max(64, min(blockLength, blockBudget / max(runs * MemoryLayout<Element>.stride, 1)))
    }

    package init(runLength: Int, sortsBehind: Bool = false) {
        self.runLength = max(runLength, 1)
        self.sortsBehind = sortsBehind && AvailableCores.count > 1
    }

    deinit {
        writingBehind?.wait()
        if descriptor >= 0 { close(descriptor) }
    }

    /// Waits for the run being written behind, if any: before anything reads the runs. Writes
    /// only when a run was being written: once settled, readers on two threads change nothing.
    private func settle() {
        guard let job = writingBehind else { return }
        job.wait()
        writingBehind = nil
    }

    /// Elements added, here and in the joined parts (those a failed write lost too).
    package var count: Int {
        settle()
        return buffer.count + elementsWritten + elementsLost + joined.reduce(0) { $0 + $1.count }
    }

    /// True when no element was added (here or in a joined part). Never true after a failed
    /// write: what it lost must not pass for nothing.
    package var isEmpty: Bool { count == 0 && anyFailure == nil }

    /// True when some run went to the spill file (here or in a joined part).
    package var hasSpilled: Bool {
        settle()
        return elementsWritten > 0 || joined.contains(where: \.hasSpilled)
    }

    package func append(_ element: Element) {
        // Room for a whole run at once: grown by doubling, a run would briefly cost half again.
        if buffer.capacity == 0 { buffer.reserveCapacity(min(runLength, 1 << 16)) }
        buffer.append(element)
        if buffer.count >= runLength { spill() }
    }

    /// A view of the runs as they are now, which later appends here do not change (the
    /// file's runs are never rewritten; the view reads them through its own descriptor).
    package func frozen() -> SortedRuns {
        settle()
        let view = SortedRuns(runLength: Int.max)
        view.buffer = buffer
        view.written = written
        view.elementsWritten = elementsWritten
        view.elementsLost = elementsLost
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
    package var anyFailure: AuditError? {
        settle()
        return failure ?? joined.lazy.compactMap(\.anyFailure).first
    }

    /// Writes what the buffer holds as a run and frees it, when it holds more than `count`:
    /// a merge then reads it a block at a time, as the other runs, where it would otherwise
    /// sort a copy of it (per merge: merges of two ranges on two threads would make two).
    package func spill(ifMoreThan count: Int) {
        settle()
        guard buffer.count > count else { return }
        Element.sortInPlace(&buffer)
        write(run: buffer)
        buffer = []
    }

    private func spill() {
        settle()
        guard sortsBehind else {
            Element.sortInPlace(&buffer)
            write(run: buffer)
            buffer.removeAll(keepingCapacity: true)
            return
        }
        // The buffer moves to the writing thread whole (the box its only owner: sorting it
        // copies nothing); appends go on into a new one.
        let run = RunBehind(elements: buffer)
        buffer = []
        buffer.reserveCapacity(runLength)
        writingBehind = BackgroundJob { [self] in
            Element.sortInPlace(&run.elements)
            write(run: run.elements)
            run.elements = []
            return true
        }
    }

    /// A full buffer on its way to the spill file, owned by the thread that sorts and writes it.
    private final class RunBehind: @unchecked Sendable {
        var elements: [Element]
        init(elements: [Element]) { self.elements = elements }
    }

    /// Writes elements already in order as one run, without keeping them.
    package func write(sortedRun run: [Element]) {
        settle()
        if !run.isEmpty { write(run: run) }
    }

    private func write(run: [Element]) {
        guard failure == nil else {
            elementsLost += run.count
            return
        }
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
                elementsLost += run.count
                return
            }
        }
        let start = elementsWritten
        let ok = run.withUnsafeBytes { bytes -> Bool in
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
            elementsLost += run.count
            return
        }
        written.append((start, run.count))
        elementsWritten += run.count
    }

    private static func failure(_ what: String) -> AuditError {
        AuditError(.input, what,
                   hint: "a large input keeps sorted runs in TMPDIR while it is audited: make room there or point TMPDIR elsewhere")
    }

    /// Every element added, here and in the joined parts, in order (equal elements in no
    /// particular order). A failure to write is thrown here, before anything is read; one
    /// to read back, by `Merge.finish()`.
    package func merged() throws(AuditError) -> Merge {
        try merged(from: nil, below: nil)
    }

    /// The elements not preceding `lower` and preceding `upper` (nil: no bound), in order:
    /// merges of adjoining ranges may be read on two threads at once.
    package func merged(from lower: Element?, below upper: Element?) throws(AuditError) -> Merge {
        settle()
        if let failure = anyFailure { throw failure }
        var sources: [Merge.Source] = []
        gatherSources(from: lower, below: upper, into: &sources)
        return Merge(sources: sources)
    }

    /// The elements not preceding `lower` and preceding `upper` (nil: no bound), range by
    /// range and not in order within a range (`Sweep`): where only equal elements matter (a
    /// repeated id), a range's elements are compared in a table, with no merge's comparison
    /// per element. Sweeps of adjoining ranges may be read on two threads at once.
    package func swept(from lower: Element?, below upper: Element?) throws(AuditError) -> Sweep {
        settle()
        if let failure = anyFailure { throw failure }
        var sources: [Merge.Source] = []
        gatherSources(from: lower, below: upper, into: &sources)
        return Sweep(sources: sources)
    }

    /// Reading changes nothing here (the buffer is sorted as a copy): runs shared by two
    /// values (a state copied), or one range of them and another, may be read on two
    /// threads at once.
    private func gatherSources(from lower: Element?, below upper: Element?, into sources: inout [Merge.Source]) {
        settle()
        if !buffer.isEmpty {
            var sorted = buffer
            Element.sortInPlace(&sorted)
            let first = lower.map { Self.firstIndex(notPreceding: $0, in: sorted[...]) } ?? 0
            let end = upper.map { Self.firstIndex(notPreceding: $0, in: sorted[...]) } ?? sorted.count
            if first < end { sources.append(Merge.Source(memory: Array(sorted[first..<end]))) }
        }
        for run in written {
            guard let first = lower.map({ firstIndex(notPreceding: $0, in: run) }) ?? run.start,
                  let end = upper.map({ firstIndex(notPreceding: $0, in: run) }) ?? run.start + run.count
            else {
                // The run could not be read: the merge says so when it finishes.
                sources.append(Merge.Source(unreadable: ()))
                continue
            }
            if first < end { sources.append(Merge.Source(reading: self, descriptor: descriptor, start: first, count: end - first)) }
        }
        for part in joined { part.gatherSources(from: lower, below: upper, into: &sources) }
    }

    /// Where in sorted elements the first not preceding `bound` is (their end if none), as
    /// an index of the array they are a slice of.
    static func firstIndex(notPreceding bound: Element, in sorted: ArraySlice<Element>) -> Int {
        var (low, high) = (sorted.startIndex, sorted.endIndex)
        while low < high {
            let middle = low + (high - low) / 2
            if Element.precedes(sorted[middle], bound) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Where in a written run the first element not preceding `bound` is (the run's end if
    /// none), found by reading single elements; nil when the file cannot be read.
    private func firstIndex(notPreceding bound: Element, in run: (start: Int, count: Int)) -> Int? {
        var (low, high) = (run.start, run.start + run.count)
        let stride = MemoryLayout<Element>.stride
        while low < high {
            let middle = low + (high - low) / 2
            var element: Element? = nil
            withUnsafeTemporaryAllocation(of: Element.self, capacity: 1) { slot in
                if pread(descriptor, slot.baseAddress!, stride, off_t(middle * stride)) == stride {
                    element = slot[0]
                }
            }
            guard let element else { return nil }
            if Element.precedes(element, bound) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The runs read at once a range at a time: each call to `take` gives the elements
    /// that precede a bound higher than the last, each run's in order, one run after another.
    package struct Sweep {
        private let sources: [Merge.Source]

        init(sources: [Merge.Source]) {
            self.sources = sources
            Merge.Source.start(sources)
        }

        /// Appends to `elements` every element left that precedes `bound` (nil: every one
        /// left), up to `limit` elements in all; false when the limit stopped it (the sweep
        /// is then of no further use).
        @discardableResult
        package func take(below bound: Element?, into elements: inout [Element], limit: Int = .max) -> Bool {
            for source in sources where !source.take(below: bound, into: &elements, limit: limit) { return false }
            return true
        }

        /// Throws when a run could not be read back whole: what `take` gave is then incomplete.
        package func finish() throws(AuditError) {
            if sources.contains(where: \.failed) {
                throw SortedRuns.failure("cannot read back a temporary file (the disk or TMPDIR failed while the run went on)")
            }
        }
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
            /// Elements read at a time (`SortedRuns.blockLength(runs:)`).
            var blockLength = SortedRuns.blockLength

            init(memory: [Element]) {
                owner = nil
                block = memory
                descriptor = -1
                next = 0
                end = 0
            }

            /// A run that could not be read: no elements, and the merge fails when it finishes.
            init(unreadable: ()) {
                owner = nil
                block = []
                descriptor = -1
                next = 0
                end = 0
                failed = true
            }

            /// Keeps the descriptor open for as long as the merge reads it.
            private let owner: SortedRuns?

            init(reading owner: SortedRuns, descriptor: Int32, start: Int, count: Int) {
                block = []
                self.owner = owner
                self.descriptor = descriptor
                next = start
                end = start + count
            }

            var head: Element? { position < block.count ? block[position] : nil }

            /// Reads the first block of every run, the blocks sized to the number of runs.
            static func start(_ sources: [Source]) {
                let reading = sources.filter { $0.descriptor >= 0 }
                let length = SortedRuns.blockLength(runs: reading.count)
                for source in reading {
                    source.blockLength = length
                    source.fill()
                }
            }

            /// Appends the elements from the head on that precede `bound` (nil: all of them),
            /// reading blocks as needed, while `elements` holds fewer than `limit`; false when
            /// the limit stopped it.
            func take(below bound: Element?, into elements: inout [Element], limit: Int) -> Bool {
                while position < block.count {
                    // The block is sorted: the first element not preceding the bound ends it.
                    let end = bound.map { SortedRuns.firstIndex(notPreceding: $0, in: block[position...]) } ?? block.count
                    guard elements.count + (end - position) <= limit else { return false }
                    elements.append(contentsOf: block[position..<end])
                    position = end
                    guard end == block.count else { return true }
                    fill()
                }
                return true
            }

            /// Moves past the head; reads the next block when this one is done.
            func advance() {
                position += 1
                if position >= block.count { fill() }
            }

            func fill() {
                block.removeAll(keepingCapacity: true)
                position = 0
                guard descriptor >= 0, next < end else { return }
                let count = min(blockLength, end - next)
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

        /// The heap: each slot's source and its current head, kept beside it so that a
        /// comparison reads no class.
        private var owners: [Source]
        private var heads: [Element]
        private let sources: [Source]

        init(sources: [Source]) {
            self.sources = sources
            Source.start(sources)
            owners = sources.filter { $0.head != nil }
            heads = owners.map { $0.head! }
            for index in stride(from: owners.count / 2 - 1, through: 0, by: -1) { siftDown(index) }
        }

        package mutating func next() -> Element? {
            guard !heads.isEmpty else { return nil }
            let element = heads[0]
            let top = owners[0]
            top.advance()
            if let head = top.head {
                heads[0] = head
            } else {
                let last = heads.count - 1
                heads.swapAt(0, last)
                owners.swapAt(0, last)
                heads.removeLast()
                owners.removeLast()
            }
            if heads.count > 1 { siftDown(0) }
            return element
        }

        /// Throws when a run could not be read back whole: what `next()` gave is then incomplete.
        package func finish() throws(AuditError) {
            if sources.contains(where: \.failed) {
                throw SortedRuns.failure("cannot read back a temporary file (the disk or TMPDIR failed while the run went on)")
            }
        }

        private mutating func siftDown(_ start: Int) {
            let count = heads.count
            heads.withUnsafeMutableBufferPointer { heads in
                var index = start
                while true {
                    let left = 2 * index + 1
                    guard left < count else { break }
                    var least = left
                    if left + 1 < count, Element.precedes(heads[left + 1], heads[left]) { least = left + 1 }
                    guard Element.precedes(heads[least], heads[index]) else { break }
                    heads.swapAt(index, least)
                    owners.swapAt(index, least)
                    index = least
                }
            }
        }
    }
}
