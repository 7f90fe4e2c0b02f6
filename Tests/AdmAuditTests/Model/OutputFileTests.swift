import Foundation
import XCTest
@testable import AdmAudit

/// An output file and the parts added to it (`OutputFile.append`): a part's bytes land after
/// what was written before it and before what is written after, while the copy goes on
/// beside; a file emptied or abandoned meanwhile waits for it.
final class OutputFileTests: XCTestCase {
    private var folder: String!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("admaudit-outputfile-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
    }

    private func pattern(_ count: Int, seed: UInt8) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31) &+ seed }
    }

    /// A file holding `content` and a file holding `head`, opened to copy the first into the second.
    private func openSourceAndTarget(_ content: [UInt8]) -> (source: Int32, target: Int32, targetPath: String) {
        let sourcePath = folder + "/source", targetPath = folder + "/target"
        FileManager.default.createFile(atPath: sourcePath, contents: Data(content))
        FileManager.default.createFile(atPath: targetPath, contents: Data("head".utf8))
        return (open(sourcePath, O_RDONLY), open(targetPath, O_WRONLY), targetPath)
    }

    func testPartsLandBetweenWhatCameBeforeAndAfter() throws {
        let file = try OutputFile(folder: folder, name: "findings.csv")
        var expected: [UInt8] = []
        // Parts of several sizes: empty, under and over the buffer, over the copy's chunk in the fallback.
        for (index, size) in [0, 10, 70_000, 3 << 20].enumerated() {
            let before = pattern(1000 + index, seed: UInt8(index))
            try file.write(bytes: before)
            expected += before
            let part = try OutputFile(folder: folder, name: "part\(index).csv")
            let content = pattern(size, seed: UInt8(100 + index))
            try part.write(bytes: content)
            try file.append(contentsOf: part)
            // The part's file may go at once: the copy reads it by its own descriptor.
            part.abandon()
            expected += content
            let after = pattern(200_000, seed: UInt8(200 + index))
            try file.write(bytes: after)
            expected += after
        }
        try file.commit()
        XCTAssertEqual(try bytes("findings.csv"), expected)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["findings.csv"])
    }

    func testAFileEmptiedWhileAPartIsAddedStartsAgainEmpty() throws {
        let file = try OutputFile(folder: folder, name: "findings.csv")
        try file.write(bytes: pattern(5000, seed: 1))
        let part = try OutputFile(folder: folder, name: "part.csv")
        try part.write(bytes: pattern(4 << 20, seed: 2))
        try file.append(contentsOf: part)
        part.abandon()
        try file.truncate()
        try file.write("header\n")
        try file.commit()
        XCTAssertEqual(try bytes("findings.csv"), Array("header\n".utf8))
    }

    func testAnAbandonedFileWaitsForItsPartAndGoes() throws {
        let file = try OutputFile(folder: folder, name: "findings.csv")
        let part = try OutputFile(folder: folder, name: "part.csv")
        try part.write(bytes: pattern(4 << 20, seed: 3))
        try file.append(contentsOf: part)
        part.abandon()
        file.abandon()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [])
    }
}

extension OutputFileTests {
    /// Where the kernel cannot copy between files, the part is read and written, in pieces.
    func testThePartIsCopiedByReadingAndWritingWhereTheKernelCannot() throws {
        let content = pattern((3 << 20) + 12_345, seed: 9)
        let (source, target, targetPath) = openSourceAndTarget(content)
        defer { close(source); close(target) }
        for inKernel in [false, true] {
            try OutputFile.copy(from: source, to: target, at: inKernel ? 4 + Int64(content.count) : 4, length: Int64(content.count),
                                path: targetPath, inKernel: inKernel)
        }
        XCTAssertEqual(try bytes("target"), Array("head".utf8) + content + content)
        XCTAssertThrowsError(try OutputFile.copy(from: source, to: target, at: 0, length: Int64(content.count) + 1, path: targetPath, inKernel: false))
    }
}

extension OutputFileTests {
    /// Sent to disk a window at a time as it is written and copied (`WriteBehind`), the file
    /// holds every byte; the part added keeps its place.
    func testAFileSentToDiskAsItIsWrittenHoldsEveryByte() throws {
        let window: Int64 = 8192
        let file = try OutputFile(folder: folder, name: "findings.csv", window: window)
        var expected: [UInt8] = []
        for round in 0..<40 {
            let piece = pattern(70_001 + round, seed: UInt8(round))
            try file.write(bytes: piece)
            expected += piece
        }
        let part = try OutputFile(folder: folder, name: "part.csv", isPart: true)
        let content = pattern(1 << 20, seed: 77)
        try part.write(bytes: content)
        try file.append(contentsOf: part)
        part.abandon()
        expected += content
        for round in 0..<10 {
            let piece = pattern(100_003, seed: UInt8(round + 50))
            try file.write(bytes: piece)
            expected += piece
        }
        try file.commit()
        XCTAssertEqual(try bytes("findings.csv"), expected)

        // Emptied after windows were sent, it is sent again from its start.
        let other = try OutputFile(folder: folder, name: "rejects.csv", window: window)
        try other.write(bytes: pattern(500_000, seed: 5))
        try other.truncate()
        let again = pattern(300_000, seed: 99)
        try other.write(bytes: again)
        try other.commit()
        XCTAssertEqual(try bytes("rejects.csv"), again)
    }
}

/// A full disk (a file-size limit here: EFBIG where a disk gives ENOSPC) during the copy,
/// in the kernel and in the fallback; parts of parts; a part emptied.
extension OutputFileTests {
    /// Runs `body` with the process's file-size limit at `limit` bytes (a full disk, as far
    /// as a write is concerned: EFBIG instead of ENOSPC), SIGXFSZ ignored.
    private func withFileSizeLimit<T>(_ limit: Int, _ body: () throws -> T) rethrows -> T {
        var old = rlimit()
        getrlimit(Int32(RLIMIT_FSIZE.rawValue), &old)
        let oldHandler = signal(SIGXFSZ, SIG_IGN)
        var new = old
        new.rlim_cur = rlim_t(limit)
        setrlimit(Int32(RLIMIT_FSIZE.rawValue), &new)
        defer {
            setrlimit(Int32(RLIMIT_FSIZE.rawValue), &old)
            signal(SIGXFSZ, oldHandler)
        }
        return try body()
    }

    /// The background copy runs out of room: the run must fail with the copy's error, at
    /// the latest when the file is committed.
    func testACopyThatRunsOutOfRoomFailsTheCommit() throws {
        let file = try OutputFile(folder: folder, name: "findings.csv")
        try file.write(bytes: pattern(1 << 20, seed: 1))
        let part = try OutputFile(folder: folder, name: "findings.part.csv", isPart: true)
        try part.write(bytes: pattern(3 << 20, seed: 2))
        try part.flush()
        var thrown: AuditError? = nil
        withFileSizeLimit(2 << 20) {
            do throws(AuditError) {
                try file.append(contentsOf: part)
                part.abandon()
                try file.commit()
            } catch {
                thrown = error
            }
        }
        XCTAssertNotNil(thrown, "a part copied only in part was committed")
        if let thrown { XCTAssertTrue("\(thrown)".contains("too large") || "\(thrown)".contains("space"), "\(thrown)") }
    }

    /// The same in the fallback (pread/pwrite).
    func testTheFallbackCopyThatRunsOutOfRoomThrows() throws {
        let content = pattern(3 << 20, seed: 9)
        let (source, target, targetPath) = openSourceAndTarget(content)
        defer { close(source); close(target) }
        for inKernel in [false, true] {
            var thrown = false
            withFileSizeLimit(1 << 20) {
                do throws(AuditError) {
                    try OutputFile.copy(from: source, to: target, at: 4, length: Int64(content.count), path: targetPath, inKernel: inKernel)
                } catch {
                    thrown = true
                }
            }
            XCTAssertTrue(thrown, "inKernel \(inKernel)")
        }
    }

    /// A file that was given a part and is itself added to another before that copy ends:
    /// its size read then (`fstat`) leaves out the reserved range not yet written, and the
    /// copy reads a range still being written.
    func testAFileWithAPartStillBeingCopiedIsAddedWhole() throws {
        let outer = try OutputFile(folder: folder, name: "findings.csv")
        let middle = try OutputFile(folder: folder, name: "middle.csv", isPart: true)
        let inner = try OutputFile(folder: folder, name: "inner.csv", isPart: true)
        let head = pattern(100, seed: 1), content = pattern(16 << 20, seed: 2)
        try middle.write(bytes: head)
        try inner.write(bytes: content)
        try middle.append(contentsOf: inner)
        inner.abandon()
        try outer.append(contentsOf: middle)
        middle.abandon()
        try outer.commit()
        let written = try bytes("findings.csv")
        XCTAssertEqual(written.count, head.count + content.count)
        XCTAssertTrue(written == head + content, "the part's part is missing or torn")
    }

    /// A part emptied (`truncate`) with nothing written after: appending it adds nothing.
    func testAnEmptiedPartAddsNothing() throws {
        let file = try OutputFile(folder: folder, name: "findings.csv")
        try file.write("h\n")
        let part = try OutputFile(folder: folder, name: "part.csv", isPart: true)
        try part.write(bytes: pattern(10_000, seed: 3))
        try part.truncate()
        try file.append(contentsOf: part)
        try file.append(contentsOf: part)
        part.abandon()
        try file.write("t\n")
        try file.commit()
        XCTAssertEqual(try bytes("findings.csv"), Array("h\nt\n".utf8))
    }
}
