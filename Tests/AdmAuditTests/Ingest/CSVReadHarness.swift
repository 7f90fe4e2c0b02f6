import Foundation
import XCTest

@testable import AdmAudit

/// One row as the reader handed it over, copied out of the reader's buffers so it can
/// be compared after `read` returns.
struct ReadRowSnapshot: Equatable, CustomStringConvertible {
    var ordinal: Int
    var line: Int
    var endLine: Int
    var fieldCount: Int
    var defect: RowDefect?
    var strings: [String]
    /// Per stored field: an empty unquoted field (`isMissing`).
    var missing: [Bool]
    /// Per stored field: no bytes (`isEmpty`).
    var empty: [Bool]

    var description: String {
        "#\(ordinal) lines \(line)-\(endLine) n=\(fieldCount) defect=\(String(describing: defect)) \(strings.map { $0.debugDescription })"
    }
}

/// Everything one `CSVReader.read` produced.
struct ReadOutcome {
    var rows: [ReadRowSnapshot]
    var summary: ReaderSummary

    var header: ReadRowSnapshot? { rows.first }
    /// Rows after the header.
    var dataRows: [ReadRowSnapshot] { Array(rows.dropFirst()) }
}

/// Reads files and inline byte strings with `CSVReader`, for the reader tests.
enum CSVReadHarness {
    static func fixture(_ relative: String) -> String { TestSupport.fixture(relative) }

    /// Writes `bytes` to a fresh temporary file and returns its path.
    static func temporaryFile(_ bytes: [UInt8]) -> String {
        let url = TestSupport.scratchRoot.appendingPathComponent("ingest-\(UUID().uuidString).csv")
        FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
        return url.path
    }

    static func read(path: String, options: ReaderOptions = ReaderOptions()) throws -> ReadOutcome {
        var rows: [ReadRowSnapshot] = []
        let summary = try CSVReader(path: path, options: options).read { row in
            rows.append(snapshot(row))
            return true
        }
        return ReadOutcome(rows: rows, summary: summary)
    }

    /// Writes `bytes` to a temporary file, reads it, and removes the file.
    static func read(bytes: [UInt8], options: ReaderOptions = ReaderOptions()) throws -> ReadOutcome {
        let path = temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try read(path: path, options: options)
    }

    static func read(_ text: String, options: ReaderOptions = ReaderOptions()) throws -> ReadOutcome {
        try read(bytes: Array(text.utf8), options: options)
    }

    static func snapshot(_ row: RawRow) -> ReadRowSnapshot {
        let stored = row.strings.count
        return ReadRowSnapshot(
            ordinal: row.ordinal, line: row.line, endLine: row.endLine, fieldCount: row.fieldCount,
            defect: row.defect, strings: row.strings,
            missing: (0..<stored).map { row[$0].isMissing },
            empty: (0..<stored).map { row[$0].isEmpty }
        )
    }

    /// Physical lines of a byte string, counted independently of the reader: LF, CRLF and
    /// a lone CR each end one line; a last line without a line end counts.
    static func physicalLines(_ bytes: [UInt8]) -> Int {
        var lines = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D {
                lines += 1
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            } else if bytes[index] == 0x0A {
                lines += 1
            }
            index += 1
        }
        if let last = bytes.last, last != 0x0A, last != 0x0D { lines += 1 }
        return lines
    }
}

/// GB18030 bytes of the Chinese text the tests use, taken from Python's `gb18030` codec
/// (`'决策编号'.encode('gb18030')`), not from the iconv the reader uses.
enum GB18030Bytes {
    static let decisionID: [UInt8] = [0xBE, 0xF6, 0xB2, 0xDF, 0xB1, 0xE0, 0xBA, 0xC5]  // 决策编号
    static let result: [UInt8] = [0xBD, 0xE1, 0xB9, 0xFB]  // 结果
    static let sex: [UInt8] = [0xD0, 0xD4, 0xB1, 0xF0]  // 性别
    static let female: [UInt8] = [0xC5, 0xAE]  // 女
    static let male: [UInt8] = [0xC4, 0xD0]  // 男
    static let adverse: [UInt8] = [0xB2, 0xBB, 0xC0, 0xFB]  // 不利
    static let favorable: [UInt8] = [0xD3, 0xD0, 0xC0, 0xFB]  // 有利
    static let dismissal: [UInt8] = [0xBD, 0xE2, 0xB3, 0xFD, 0xC0, 0xCD, 0xB6, 0xAF, 0xBA, 0xCF, 0xCD, 0xAC]  // 解除劳动合同
    /// ß: a four-byte GB18030 sequence, not in GBK.
    static let sharpS: [UInt8] = [0x81, 0x30, 0x89, 0x38]
    /// U+20000 (𠀀): four bytes, outside the Basic Multilingual Plane.
    static let cjkExtB: [UInt8] = [0x95, 0x32, 0x82, 0x36]
}

extension CSVReadHarness {
    /// Limits small enough that random inputs reach every defect path.
    static var smallLimits: ReaderOptions {
        var options = ReaderOptions()
        options.maxFieldBytes = 8
        options.maxRowBytes = 24
        options.maxFields = 4
        return options
    }

    /// 300 random byte strings (seeded, so the same every run): quotes, delimiters, line
    /// ends, spaces, letters, NULs and high bytes. No 0xFE, so no input starts with a
    /// UTF-16 byte-order mark and the raw lines are the decoded lines.
    static func randomInputs(count: Int = 300, seed: UInt64 = 0xADA0_D17) -> [[UInt8]] {
        var random = SeededGenerator(seed: seed)
        let alphabet: [UInt8] = [0x22, 0x22, 0x2C, 0x2C, 0x3B, 0x09, 0x7C, 0x0D, 0x0D, 0x0A, 0x0A, 0x20,
                                 0x61, 0x62, 0x7A, 0x00, 0x80, 0xC3, 0xA9, 0xE5, 0xA5, 0xB3, 0xFF, 0xEF, 0xBB, 0xBF, 0x81, 0x30]
        return (0..<count).map { _ in
            let length = Int(random.next() % 400)
            return (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
        }
    }
}

/// Runs one test of `CSVReaderIsolatedProbes` in a child copy of the test process, so that
/// a reader that traps fails the one test that found it instead of ending the whole run.
enum IsolatedProbe {
    static let switchKey = "ADMAUDIT_ISOLATED_PROBE"
    static let pathKey = "ADMAUDIT_ISOLATED_PROBE_PATH"
    static let maxFieldBytesKey = "ADMAUDIT_ISOLATED_PROBE_MAX_FIELD_BYTES"
    /// A folder the parent removes afterwards: a child that traps cannot clean up after itself.
    static let scratchKey = "ADMAUDIT_ISOLATED_PROBE_SCRATCH"

    static var isChild: Bool { ProcessInfo.processInfo.environment[switchKey] == "1" }

    struct Outcome {
        /// The child died of a signal (a Swift trap is SIGILL or SIGTRAP).
        var crashed: Bool
        var status: Int32
        /// The child's standard output (probes print what they are about to read).
        var output: String

        var lastProgressLine: String {
            output.split(separator: "\n").last { $0.hasPrefix("PROBE ") }.map(String.init) ?? "(no progress printed)"
        }
    }

    static func run(_ test: String, environment: [String: String] = [:]) throws -> Outcome {
        #if os(Linux)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["AdmAuditTests.CSVReaderIsolatedProbes/\(test)"]
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("admaudit-probe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        var childEnvironment = ProcessInfo.processInfo.environment
        childEnvironment[switchKey] = "1"
        childEnvironment[scratchKey] = scratch.path
        for (key, value) in environment { childEnvironment[key] = value }
        process.environment = childEnvironment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(crashed: process.terminationReason == .uncaughtSignal, status: process.terminationStatus,
                       output: String(decoding: data, as: UTF8.self))
        #else
        throw XCTSkip("child-process probes run on Linux only")
        #endif
    }

    /// Reads `bytes` in a child process; nil when it finished, else how it died.
    static func crashReading(_ bytes: [UInt8], maxFieldBytes: Int) throws -> String? {
        let path = CSVReadHarness.temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let outcome = try run("testProbeReadFile", environment: [pathKey: path, maxFieldBytesKey: "\(maxFieldBytes)"])
        if outcome.crashed { return "the reader trapped (signal \(outcome.status))" }
        if outcome.status != 0 { return "the child exited with status \(outcome.status)" }
        return nil
    }
}

/// Not tests of their own: each does its work only when `IsolatedProbe` starts it in a
/// child process, and passes trivially otherwise.
final class CSVReaderIsolatedProbes: XCTestCase {
    func testProbeReadFile() throws {
        guard IsolatedProbe.isChild else { return }
        let environment = ProcessInfo.processInfo.environment
        var options = ReaderOptions()
        if let limit = environment[IsolatedProbe.maxFieldBytesKey].flatMap(Int.init) { options.maxFieldBytes = limit }
        FileHandle.standardOutput.write(Data("PROBE reading \(environment[IsolatedProbe.pathKey] ?? "?")\n".utf8))
        _ = try CSVReadHarness.read(path: environment[IsolatedProbe.pathKey] ?? "", options: options)
    }

    func testProbeRandomBytes() throws {
        guard IsolatedProbe.isChild else { return }
        let scratch = ProcessInfo.processInfo.environment[IsolatedProbe.scratchKey] ?? NSTemporaryDirectory()
        let path = URL(fileURLWithPath: scratch).appendingPathComponent("input.csv").path
        for (index, input) in CSVReadHarness.randomInputs().enumerated() {
            for (name, options) in [("default", ReaderOptions()), ("small", CSVReadHarness.smallLimits)] {
                let hex = input.map { String(format: "%02x", $0) }.joined(separator: " ")
                // Unbuffered, so the line is out before a trap.
                FileHandle.standardOutput.write(Data("PROBE case \(index) limits \(name) bytes [\(hex)]\n".utf8))
                FileManager.default.createFile(atPath: path, contents: Data(input))
                _ = try CSVReadHarness.read(path: path, options: options)
            }
        }
    }
}
