import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a UTF-8 file can be cut in two so that each part is audited on its own core
/// (`SplitAudit`): at a line end near the middle that is most likely a row boundary.
///
/// Likely, not certain: a quoted field may hold line ends, and only a parse from the start
/// knows whether a given one is inside quotes. So the cut is taken at a line end whose
/// line before and line after each hold an even number of quotes, and the first part's
/// reader confirms it (`ReaderSummary.endedAtRowBoundary`); when it does not, the run
/// audits the file again in one piece.
package struct SplitPlan: Sendable, Equatable {
    /// Byte offset of the second part: just after a line feed.
    package var split: Int
    package var size: Int
    package var encoding: InputEncoding
    package var delimiter: UInt8
}

package enum FileSplitter {
    /// How far past the middle a cut is looked for.
    static let window = 256 * 1024

    /// A plan for `path`, or nil when the file is smaller than `minimumBytes`, is not
    /// UTF-8 (a transcoded file has no byte offsets to cut at), or has no good cut.
    package static func plan(path: String, options: ReaderOptions, minimumBytes: Int) -> SplitPlan? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        guard size >= max(minimumBytes, 2) else { return nil }

        // The encoding and the delimiter, found from the first chunk exactly as the reader finds them.
        let first = read(fd, at: 0, count: min(max(options.chunkBytes, 64 * 1024), size))
        let encoding = options.encoding == .auto
            ? first.withUnsafeBytes { InputEncoding.detect(sample: $0, isWholeFile: first.count == size) }
            : options.encoding
        guard encoding == .utf8 else { return nil }
        let delimiter = first.withUnsafeBytes { raw in
            let body = raw.starts(with: [0xEF, 0xBB, 0xBF]) ? UnsafeRawBufferPointer(rebasing: raw[3...]) : raw
            return HeaderLocator.locate(body, delimiter: options.delimiter, headerLine: options.headerLine, quote: options.quote).delimiter
        }

        guard let split = cut(fd: fd, size: size, quote: options.quote) else { return nil }
        return SplitPlan(split: split, size: size, encoding: encoding, delimiter: delimiter)
    }

    /// Just after the first line feed from the middle on whose line before and line after
    /// both hold an even number of quotes (within the window).
    private static func cut(fd: Int32, size: Int, quote: UInt8) -> Int? {
        let middle = size / 2
        let start = max(middle - window / 4, 0)
        let bytes = read(fd, at: start, count: min(window, size - start))
        let feeds = bytes.indices.filter { bytes[$0] == 0x0A }
        func evenQuotes(_ range: Range<Int>) -> Bool { bytes[range].reduce(0) { $0 + ($1 == quote ? 1 : 0) } % 2 == 0 }
        for (k, feed) in feeds.enumerated() where k > 0 && k + 1 < feeds.count && start + feed >= middle {
            let before = (feeds[k - 1] + 1)..<feed
            let after = (feed + 1)..<feeds[k + 1]
            if evenQuotes(before) && evenQuotes(after) && start + feed + 1 < size { return start + feed + 1 }
        }
        return nil
    }

    /// Line ends (LF, CRLF or a lone CR, each once, as the reader counts them) before `end`:
    /// the second part of a file cut at `end` starts on the line after them. Counted by the
    /// thread that audits that part, while the first part is already being read; nil when
    /// the file cannot be read that far.
    package static func lineEnds(path: String, upTo end: Int) -> Int? {
        var count = 0
        var previousEndedWithCR = false
        let read = try? FilePieces.read(path: path, name: path, upTo: end) { piece in
            count += LineCounter.count(piece)
            // A CR at the end of one piece and an LF at the start of the next are one line end.
            if previousEndedWithCR && piece[0] == 0x0A { count -= 1 }
            previousEndedWithCR = piece[piece.count - 1] == 0x0D
        }
        return read == end ? count : nil
    }

    private static func read(_ fd: Int32, at offset: Int, count: Int) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: max(count, 0))
        var filled = 0
        while filled < buffer.count {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + filled, $0.count - filled, off_t(offset + filled)) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            filled += n
        }
        return Array(buffer.prefix(filled))
    }
}
