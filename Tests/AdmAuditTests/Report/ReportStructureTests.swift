import Foundation
import XCTest
@testable import AdmAudit

/// The shape of the report code: every section in `Sections/` is one of the document's
/// builders (listed by the build, placed by its own `place`), and no function of `Report/`
/// grows past 60 lines (a section that does is two sections, or a table that wants its own
/// function).
final class ReportStructureTests: XCTestCase {
    private var reportFolder: URL { TestSupport.packageRoot.appendingPathComponent("Sources/AdmAudit/Report") }

    func testEverySectionFileIsABuilderOfTheDocument() throws {
        let folder = reportFolder.appendingPathComponent("Sections")
        var declared: Set<String> = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("enum ") && line.contains(": ReportSectionBuilder") {
                declared.insert(String(line.dropFirst(5).prefix { $0 != ":" }))
            }
        }
        XCTAssertGreaterThanOrEqual(declared.count, 12)
        XCTAssertEqual(declared, Set(ReportDocument.builders.map { String(describing: $0) }))
        XCTAssertEqual(ReportDocument.builders.count, declared.count, "each section listed once")
        let places = ReportDocument.builders.map { $0.place }
        XCTAssertEqual(Set(places).count, places.count, "no two sections share a place")
        XCTAssertEqual(places, places.sorted())
        XCTAssertEqual(ReportDocument.builders.first.map { String(describing: $0) }, "SummarySection")
        XCTAssertEqual(ReportDocument.builders.last.map { String(describing: $0) }, "LimitationsSection")
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
