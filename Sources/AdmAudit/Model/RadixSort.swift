/// A stable least-significant-digit radix sort by bytes: no comparison per element, so no
/// branch the data decides, which is what sorting a buffer of scores or of id fingerprints
/// (a sixth of a reading's sorting, perf) cost in mispredicted branches.
///
/// One pass counts every digit's bytes at once; a digit all elements share is skipped
/// (scores written with few decimals share most of their bytes). Below `smallCount`
/// elements, the standard library's sort is faster and used instead by the callers.
package enum RadixSort {
    package static var smallCount: Int { 256 }

    /// Sorts `elements` stably by their digits, `digit(element, 0)` the least significant,
    /// `digitCount` of them.
    @inline(__always)
    package static func sort<Element: BitwiseCopyable>(_ elements: inout [Element], digitCount: Int,
                                                       digit: (Element, Int) -> UInt8) {
        let count = elements.count
        guard count > 1, digitCount > 0 else { return }
        var counts = [Int](repeating: 0, count: digitCount * 256)
        elements.withUnsafeBufferPointer { source in
            counts.withUnsafeMutableBufferPointer { counts in
                for element in source {
                    for position in 0..<digitCount { counts[position * 256 + Int(digit(element, position))] += 1 }
                }
            }
        }
        var scratch = [Element](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
        var sortedInScratch = false
        elements.withUnsafeMutableBufferPointer { elements in
            scratch.withUnsafeMutableBufferPointer { scratch in
                counts.withUnsafeMutableBufferPointer { counts in
                    for position in 0..<digitCount {
                        let bucket = counts.baseAddress! + position * 256
                        // Every element in one bucket: this digit does not change the order.
                        if (0..<256).contains(where: { bucket[$0] == count }) { continue }
                        var start = 0
                        for value in 0..<256 {
                            let size = bucket[value]
                            bucket[value] = start
                            start += size
                        }
                        let (from, to) = sortedInScratch ? (scratch, elements) : (elements, scratch)
                        for element in from {
                            let value = Int(digit(element, position))
                            to[bucket[value]] = element
                            bucket[value] += 1
                        }
                        sortedInScratch.toggle()
                    }
                }
                if sortedInScratch { _ = elements.update(fromContentsOf: scratch) }
            }
        }
    }
}
