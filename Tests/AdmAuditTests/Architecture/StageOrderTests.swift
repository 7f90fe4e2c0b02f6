import Foundation
import XCTest
@testable import AdmAudit

/// The stages of `Sources/AdmAudit` depend one way: a stage's files name no type declared
/// by a later stage. The order is docs/architecture.md's and the README's; a new folder
/// must take its place in it. (A type is named here by its top-level declaration; the
/// compiler will enforce the same once the stages are SwiftPM targets of their own.)
final class StageOrderTests: XCTestCase {
    /// Earliest first: each stage may use the ones before it.
    static let stages = ["Model", "Ingest", "Pipeline", "Map", "Validate", "Measure", "Check", "Load", "Infer", "Audit", "Report"]

    private var sources: URL { TestSupport.packageRoot.appendingPathComponent("Sources/AdmAudit") }

    func testEveryFolderIsAStage() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { !$0.hasPrefix(".") }
        XCTAssertEqual(Set(folders), Set(Self.stages))
    }

    func testNoStageNamesATypeOfALaterStage() throws {
        let files = try swiftFiles()
        var declaredIn: [String: String] = [:]
        let declaration = /^(?:public |private |fileprivate |internal |package |final |indirect )*(?:struct|enum|class|protocol|typealias|actor) +([A-Z]\w*)/
            .anchorsMatchLineEndings()
        for (stage, _, text) in files {
            for match in text.matches(of: declaration) where declaredIn[String(match.1)] == nil { declaredIn[String(match.1)] = stage }
        }
        XCTAssertGreaterThan(declaredIn.count, 150, "the scan found the types")
        var backward: [String] = []
        for (stage, file, text) in files {
            let rank = Self.stages.firstIndex(of: stage)!
            for name in Set(Self.identifiers(in: text)) {
                guard let owner = declaredIn[name], owner != stage, Self.stages.firstIndex(of: owner)! > rank else { continue }
                backward.append("\(file) uses \(name) of \(owner)")
            }
        }
        XCTAssertEqual(backward.sorted(), [], "a stage depends on a later one")
    }

    /// The README and docs/architecture.md show the stages in this order.
    func testTheDocumentsShowTheOrder() throws {
        let line = Self.stages.joined(separator: " → ")
        for document in ["README.md", "docs/architecture.md"] {
            let text = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent(document), encoding: .utf8)
            XCTAssertTrue(text.contains(line), "\(document) shows the stages as \(line)")
        }
    }

    /// The capitalised identifiers of Swift source, comments and string literals left out.
    static func identifiers(in text: String) -> [String] {
        var code = text.replacing(/\/\/[^\n]*/, with: "")
        code = code.replacing(/"""[\s\S]*?"""/, with: "\"\"")
        code = code.replacing(/"(?:\\.|[^"\\\n])*"/, with: "\"\"")
        return code.matches(of: /\b[A-Z]\w*\b/).map { String($0.output) }
    }

    private func swiftFiles() throws -> [(stage: String, file: String, text: String)] {
        var files: [(String, String, String)] = []
        let enumerator = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            let relative = String(url.path.dropFirst(sources.path.count + 1))
            let stage = String(relative.prefix { $0 != "/" })
            files.append((stage, relative, try String(contentsOf: url, encoding: .utf8)))
        }
        return files
    }
}
