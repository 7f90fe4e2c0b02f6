import Foundation
import XCTest
@testable import AdmAudit

/// The outputs of a few fixture runs, byte for byte against fixtures/golden/<case>/.
///
/// Each run is what `admaudit run` writes from the package root with a fixed as-of date
/// (`--as-of` or the pipeline's `audit_date`) and a fixed pseudonym key, so the files hold
/// no machine-specific path or date. A difference fails with the first differing line;
/// `ADMAUDIT_UPDATE_GOLDEN=1 swift test --filter GoldenReportTests` rewrites the files
/// instead (see fixtures/golden/README.md), for a change meant to alter the outputs.
final class GoldenReportTests: XCTestCase {
    /// The output files compared, in this order. A new output is one more line here.
    static let comparedOutputs = [
        "report.json",
        "report.md",
        "report.html",
        "findings.csv",
        "rejects.csv",
    ]

    /// The runs with golden files, each in fixtures/golden/<name>/.
    static let cases: [FixtureRun] = [.sampleEnglish, .sampleChinese, .toiletBreaks, .planted, .malformedMix]

    static let updateVariable = "ADMAUDIT_UPDATE_GOLDEN"

    private var updating: Bool { ProcessInfo.processInfo.environment[Self.updateVariable] == "1" }

    func testSampleEnglish() throws { try assertGolden(.sampleEnglish) }

    func testSampleChinese() throws { try assertGolden(.sampleChinese) }

    func testScenarioToiletBreaks() throws { try assertGolden(.toiletBreaks) }

    func testPlanted() throws { try assertGolden(.planted) }

    func testMalformedMix() throws { try assertGolden(.malformedMix) }

    /// Every folder under fixtures/golden is one of the cases above: a renamed case
    /// must not leave stale files behind that nothing compares.
    func testEveryGoldenFolderIsACase() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: TestSupport.fixture("golden"))
            .filter { var isFolder: ObjCBool = false
                return FileManager.default.fileExists(atPath: TestSupport.fixture("golden/" + $0), isDirectory: &isFolder) && isFolder.boolValue }
        XCTAssertEqual(Set(folders), Set(Self.cases.map(\.name)))
    }

    /// Golden files hold nothing of the machine that wrote them.
    func testGoldenFilesHoldNoAbsolutePath() throws {
        let root = TestSupport.packageRoot.path
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        let temporary = FileManager.default.temporaryDirectory.path
        for run in Self.cases {
            for name in Self.comparedOutputs {
                let path = TestSupport.fixture("golden/\(run.name)/\(name)")
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
                for marker in [root, temporary, home + "/"] where !marker.isEmpty && marker != "/" {
                    XCTAssertFalse(text.contains(marker), "\(run.name)/\(name) holds \(marker)")
                }
            }
        }
    }

    // MARK: comparing

    private func assertGolden(_ run: FixtureRun, file: StaticString = #filePath, line: UInt = #line) throws {
        let outputs = try run.writeOutputs()
        let folder = TestSupport.fixture("golden/\(run.name)")
        for name in Self.comparedOutputs {
            let actual = try XCTUnwrap(outputs[name], "\(run.name): the run wrote no \(name)", file: file, line: line)
            let path = folder + "/" + name
            if updating {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try actual.write(to: URL(fileURLWithPath: path))
                print("\(Self.updateVariable): wrote fixtures/golden/\(run.name)/\(name)")
                continue
            }
            guard let expected = FileManager.default.contents(atPath: path) else {
                XCTFail("\(run.name): no golden \(path); run with \(Self.updateVariable)=1 to write it", file: file, line: line)
                continue
            }
            if let difference = Self.firstDifference(expected: expected, actual: actual) {
                XCTFail("\(run.name)/\(name) differs from fixtures/golden (\(Self.updateVariable)=1 rewrites it if the change is meant):\n\(difference)",
                        file: file, line: line)
            }
        }
    }

    /// Nil when the bytes are equal; otherwise the first differing line of each.
    static func firstDifference(expected: Data, actual: Data) -> String? {
        guard expected != actual else { return nil }
        let expectedLines = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        func shown(_ lines: [Substring], _ index: Int) -> String {
            guard index < lines.count else { return "(end of file)" }
            let text = String(lines[index])
            return text.count > 400 ? String(text.prefix(400)) + "…" : text
        }
        let common = min(expectedLines.count, actualLines.count)
        let index = (0..<common).first { expectedLines[$0] != actualLines[$0] } ?? common
        if index == common && expectedLines.count == actualLines.count {
            return "the text is equal but the bytes are not (invalid UTF-8 differs)"
        }
        return """
        line \(index + 1) (expected \(expectedLines.count) lines, got \(actualLines.count)):
          expected: \(shown(expectedLines, index))
          actual:   \(shown(actualLines, index))
        """
    }

    func testTheFirstDifferenceNamesTheLine() {
        XCTAssertNil(Self.firstDifference(expected: Data("a\nb\n".utf8), actual: Data("a\nb\n".utf8)))
        let difference = Self.firstDifference(expected: Data("a\nb\nc\n".utf8), actual: Data("a\nB\nc\n".utf8)) ?? ""
        XCTAssertTrue(difference.hasPrefix("line 2 "), difference)
        XCTAssertTrue(difference.contains("expected: b\n"), difference)
        XCTAssertTrue(difference.contains("actual:   B"), difference)
        let shorter = Self.firstDifference(expected: Data("a\nb\n".utf8), actual: Data("a\n".utf8)) ?? ""
        XCTAssertTrue(shorter.hasPrefix("line 2 (expected 3 lines, got 2)"), shorter)
        let longer = Self.firstDifference(expected: Data("a".utf8), actual: Data("a\nmore".utf8)) ?? ""
        XCTAssertTrue(longer.contains("expected: (end of file)"), longer)
    }
}
