import Foundation
import XCTest
@testable import AdmAudit

/// The shape of the report code: every section in `Sections/` is one of the document's
/// builders (listed by the build, placed by its own `place`), and no function of `Report/`
/// grows past 60 lines (a section that does is two sections, or a table that wants its own
/// function).
final class ReportStructureTests: XCTestCase {
    private var reportFolder: URL { TestSupport.packageRoot.appendingPathComponent("Sources/AdmAudit/Report") }

    /// The build lists `<Name>Section.swift` as the section `<Name>Section`: every file that
    /// declares a builder is named so, and every section is in the document, once, in its place.
    func testEverySectionFileIsABuilderOfTheDocument() throws {
        let folder = reportFolder.appendingPathComponent("Sections")
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
        var sectionFiles: Set<String> = []
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            let name = url.deletingPathExtension().lastPathComponent
            if text.contains("ReportSectionBuilder") {
                XCTAssertTrue(name.hasSuffix("Section"), "\(url.lastPathComponent) declares a section: name it <Name>Section.swift")
                XCTAssertEqual(url.deletingLastPathComponent().lastPathComponent, "Sections", "\(name) is in a subfolder the build does not list")
            }
            if name.hasSuffix("Section") { sectionFiles.insert(name) }
        }
        XCTAssertGreaterThanOrEqual(sectionFiles.count, 12)
        let listed = ReportDocument.builders.map { String(describing: $0) }
        XCTAssertEqual(Set(listed), sectionFiles)
        XCTAssertEqual(listed.count, sectionFiles.count, "each section listed once")
        let places = ReportDocument.builders.map { $0.place }
        XCTAssertEqual(Set(places).count, places.count, "no two sections share a place")
        XCTAssertEqual(listed.first, "SummarySection")
        XCTAssertEqual(listed.last, "LimitationsSection")
    }

    func testNoFunctionOfTheReportStageReachesSixtyLines() throws {
        var longest: [(Int, String)] = []
        let files = FileManager.default.enumerator(at: reportFolder, includingPropertiesForKeys: nil)!
        for case let file as URL in files where file.pathExtension == "swift" {
            let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
            for (start, line) in lines.enumerated() where Self.opensFunction(line) {
                let length = Self.length(of: lines, from: start)
                longest.append((length, "\(file.lastPathComponent):\(start + 1)"))
            }
        }
        XCTAssertGreaterThan(longest.count, 50, "the scan found the functions")
        for (length, place) in longest where length >= 60 {
            XCTFail("\(place) is \(length) lines long: split it")
        }
    }

    /// A line that declares a function or an initialiser (not a comment, not a call).
    static func opensFunction(_ line: String) -> Bool {
        let code = line.trimmingCharacters(in: .whitespaces)
        guard !code.hasPrefix("//") else { return false }
        return code.range(of: #"^((public|private|fileprivate|static|mutating|override|@\w+) )*(func \w+|init)\b"#, options: .regularExpression) != nil
    }

    /// Lines from the declaration to the brace that closes it; string literals are blanked
    /// first, so a brace inside one does not count.
    static func length(of lines: [String], from start: Int) -> Int {
        var depth = 0
        var opened = false
        for index in start..<lines.count {
            let code = lines[index].replacingOccurrences(of: #""(\\.|[^"\\])*""#, with: "\"\"", options: .regularExpression)
            for character in code {
                if character == "{" { depth += 1; opened = true }
                if character == "}" { depth -= 1 }
            }
            if opened && depth <= 0 { return index - start + 1 }
        }
        return lines.count - start
    }
}
