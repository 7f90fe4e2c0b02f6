import AdmAuditStageReport
import Foundation
import XCTest

/// The stages as SwiftPM targets of their own (Package.swift's layering build): this test
/// target depends on the last stage, so it does not compile unless every stage compiles
/// seeing only the stages before it (docs/architecture.md, "The stages and their order"). Here the package graph is checked to say so: each stage
/// target depends on the stages before it and on nothing later, each is built from the
/// stage's own folder, and no source file imports a stage but through its stage's imports
/// file.
final class StageTargetTests: XCTestCase {
    /// Earliest first, as docs/architecture.md and the README show them.
    static let stages = ["Model", "Ingest", "Pipeline", "Map", "Validate", "Measure", "Check", "Load", "Infer", "Audit", "Report"]
    /// What a stage may use from outside the package.
    static let outside: [String: Set<String>] = ["Ingest": ["CLibCSV"], "Validate": ["Crypto"], "Load": ["Yams"]]

    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `swift package dump-package`: the manifest as SwiftPM reads it. In a scratch folder of
    /// its own: the running `swift test` holds the lock of the package's `.build`.
    private func manifest() throws -> [String: Any] {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("admaudit-manifest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "package", "--package-path", Self.root.path, "--scratch-path", scratch.path, "dump-package"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The names a target depends on, whatever form the manifest gives them in.
    private static func dependencyNames(_ target: [String: Any]) -> Set<String> {
        var names: Set<String> = []
        for dependency in target["dependencies"] as? [[String: Any]] ?? [] {
            for (_, value) in dependency {
                if let list = value as? [Any], let name = list.first as? String { names.insert(name) }
            }
        }
        return names
    }

    func testEachStageDependsOnTheOnesBeforeItOnly() throws {
        let targets = try XCTUnwrap(manifest()["targets"] as? [[String: Any]])
        let byName = Dictionary(targets.compactMap { target in (target["name"] as? String).map { ($0, target) } }, uniquingKeysWith: { first, _ in first })
        for (index, stage) in Self.stages.enumerated() {
            let target = try XCTUnwrap(byName["AdmAuditStage\(stage)"], "no target for the stage \(stage)")
            XCTAssertEqual(target["path"] as? String, "Sources/Stages/\(stage)")
            // The whole folder, compiled as the admaudit module compiles it but for the define.
            XCTAssertEqual((target["exclude"] as? [Any])?.count, 0, "\(stage) excludes nothing")
            XCTAssertTrue(target["sources"] == nil || target["sources"] is NSNull, "\(stage) lists no sources of its own")
            let settings = try JSONSerialization.data(withJSONObject: target["settings"] ?? [], options: [.sortedKeys])
            XCTAssertEqual(String(decoding: settings, as: UTF8.self), #"[{"kind":{"define":{"_0":"ADMAUDIT_STAGES"}},"tool":"swift"}]"#)
            var allowed = Self.outside[stage] ?? []
            allowed.formUnion(Self.stages[..<index].map { "AdmAuditStage\($0)" })
            XCTAssertEqual(Self.dependencyNames(target), allowed, "\(stage) depends on")
        }
        let stageTargets = byName.keys.filter { $0.hasPrefix("AdmAuditStage") }
        XCTAssertEqual(Set(stageTargets), Set(Self.stages.map { "AdmAuditStage\($0)" }), "every stage target is a stage")
    }

    /// A stage target is built from the very files of the admaudit module: its folder links
    /// to the stage's folder, and every folder of Sources/AdmAudit is a stage.
    func testEachStageTargetIsTheStagesFolder() throws {
        let manager = FileManager.default
        for stage in Self.stages {
            let link = Self.root.appendingPathComponent("Sources/Stages/\(stage)").path
            XCTAssertEqual(try manager.destinationOfSymbolicLink(atPath: link), "../AdmAudit/\(stage)")
        }
        let folders = try manager.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Sources/AdmAudit").path).filter { !$0.hasPrefix(".") }
        XCTAssertEqual(Set(folders), Set(Self.stages))
        XCTAssertEqual(Set(try manager.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Sources/Stages").path)), Set(Self.stages))
    }

    /// A stage sees the earlier ones through its imports file (re-exporting the stage before
    /// it) and imports no stage anywhere else; and no other file tells the two builds apart, so
    /// no code is hidden from the layering build (`#if !ADMAUDIT_STAGES`).
    func testStagesAreImportedOnlyByTheImportsFiles() throws {
        let sources = Self.root.appendingPathComponent("Sources/AdmAudit")
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var imports: [String: [String]] = [:]
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in text.matches(of: /import\s+(AdmAuditStage\w+)/) {
                imports[url.lastPathComponent, default: []].append(String(match.1))
            }
            if !url.lastPathComponent.hasSuffix("StageImports.swift") {
                XCTAssertFalse(text.contains("ADMAUDIT_STAGES") || text.contains("canImport(AdmAuditStage"),
                               "\(url.lastPathComponent) tells the layering build apart")
            }
        }
        var expected: [String: [String]] = [:]
        for (index, stage) in Self.stages.enumerated() where index > 0 {
            expected["\(stage)StageImports.swift"] = ["AdmAuditStage\(Self.stages[index - 1])"]
        }
        XCTAssertEqual(imports, expected)
    }

    /// The README and docs/architecture.md show the stages in this order.
    func testTheDocumentsShowTheOrder() throws {
        let line = Self.stages.joined(separator: " → ")
        for document in ["README.md", "docs/architecture.md"] {
            let text = try String(contentsOf: Self.root.appendingPathComponent(document), encoding: .utf8)
            XCTAssertTrue(text.contains(line), "\(document) shows the stages as \(line)")
        }
    }

    /// The layering build is this test's own dependency: what it compiled is here to use.
    func testTheLastStageCompiledAndSeesTheFirst() {
        XCTAssertEqual(ReportLanguage(rawValue: "zh"), .zh)
        XCTAssertEqual(ShardState.format, "admaudit-shard-state")
    }
}
