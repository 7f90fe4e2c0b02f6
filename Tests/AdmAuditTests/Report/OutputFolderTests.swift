import Foundation
import XCTest
@testable import AdmAudit

/// A run's outputs, all or nothing: written into a temporary folder beside the output
/// folder, swapped in whole, or deleted; a lock, and the folders a run may not replace.
final class OutputFolderTests: XCTestCase {
    private var parent: String!
    private var target: String { parent + "/out" }
    private let manager = FileManager.default

    override func setUpWithError() throws {
        parent = manager.temporaryDirectory.appendingPathComponent("admaudit-outputfolder-\(UUID().uuidString)").path
        try manager.createDirectory(atPath: parent, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
    }

    override func tearDownWithError() throws {
        try? manager.removeItem(atPath: parent)
    }

    private func write(_ output: OutputFolder, _ name: String, _ text: String) throws {
        let file = try OutputFile(folder: output.folder, name: name)
        try file.write(text)
        try file.commit()
    }

    private func contents(_ name: String) -> String? {
        try? String(contentsOfFile: target + "/" + name, encoding: .utf8)
    }

    /// What is beside the output folder: nothing but it once a run has ended.
    private func beside() throws -> [String] { try manager.contentsOfDirectory(atPath: parent).sorted() }

    func testACommittedRunReplacesTheFolderWhole() throws {
        let first = try OutputFolder.stage(target, inputs: [])
        try write(first, "report.md", "first")
        try write(first, "state.json", "{}")
        try first.commit()
        XCTAssertEqual(contents("report.md"), "first")

        let second = try OutputFolder.stage(target, inputs: [])
        try write(second, "report.md", "second")
        try second.commit()
        XCTAssertEqual(contents("report.md"), "second")
        XCTAssertNil(contents("state.json"), "a file of the previous run must not stay beside the new report")
        XCTAssertEqual(try beside(), ["out"])
        let mode = try manager.attributesOfItem(atPath: target)[.posixPermissions] as? NSNumber
        XCTAssertEqual(mode?.intValue, 0o700)
    }

    func testAnAbandonedRunLeavesTheFolderAsItWasAndNothingBeside() throws {
        let first = try OutputFolder.stage(target, inputs: [])
        try write(first, "report.md", "first")
        try first.commit()
        let second = try OutputFolder.stage(target, inputs: [])
        try write(second, "report.md", "half")
        try write(second, "findings.csv", "x")
        XCTAssertTrue(try beside().contains { $0.hasPrefix(".out.admaudit-tmp-") })
        second.abandon()
        XCTAssertEqual(contents("report.md"), "first")
        XCTAssertNil(contents("findings.csv"))
        XCTAssertEqual(try beside(), ["out"])
    }

    func testASecondRunIntoTheSameFolderIsRefusedWhileTheFirstGoes() throws {
        let first = try OutputFolder.stage(target, inputs: [])
        XCTAssertThrowsError(try OutputFolder.stage(target, inputs: [])) { error in
            XCTAssertTrue("\(error)".contains("another admaudit run"), "\(error)")
            XCTAssertEqual((error as? AuditError)?.exitCode, 3)
        }
        first.abandon()
        let third = try OutputFolder.stage(target, inputs: [])
        third.abandon()
    }

    func testTheFolderOfARunKilledOutrightIsDeletedByTheNext() throws {
        try manager.createDirectory(atPath: parent + "/.out.admaudit-tmp-KILLED", withIntermediateDirectories: false)
        try Data("half".utf8).write(to: URL(fileURLWithPath: parent + "/.out.admaudit-tmp-KILLED/report.html"))
        let run = try OutputFolder.stage(target, inputs: [])
        try run.commit()
        XCTAssertEqual(try beside(), ["out"])
    }

    func testAFolderHoldingOtherFilesIsRefusedAndKept() throws {
        try manager.createDirectory(atPath: target, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        try Data("mine".utf8).write(to: URL(fileURLWithPath: target + "/notes.txt"))
        try Data("old".utf8).write(to: URL(fileURLWithPath: target + "/.report.md.partial"))
        XCTAssertThrowsError(try OutputFolder.stage(target, inputs: [])) { error in
            XCTAssertTrue("\(error)".contains("notes.txt"), "\(error)")
            XCTAssertEqual((error as? AuditError)?.exitCode, 2)
        }
        XCTAssertEqual(contents("notes.txt"), "mine")
        // The hidden part files of older versions are a run's own, and go with the swap.
        try manager.removeItem(atPath: target + "/notes.txt")
        try OutputFolder.stage(target, inputs: []).commit()
        XCTAssertEqual(try manager.contentsOfDirectory(atPath: target), [])
    }

    func testAFileAddedDuringTheRunStopsTheSwap() throws {
        try OutputFolder.stage(target, inputs: []).commit()
        let run = try OutputFolder.stage(target, inputs: [])
        try write(run, "report.md", "new")
        try Data("mine".utf8).write(to: URL(fileURLWithPath: target + "/notes.txt"))
        XCTAssertThrowsError(try run.commit())
        XCTAssertEqual(contents("notes.txt"), "mine")
        XCTAssertNil(contents("report.md"))
        XCTAssertEqual(try beside(), ["out"])
    }

    func testAnInputInTheFolderIsRefusedButTheFoldersOwnPipelineIsKept() throws {
        let first = try OutputFolder.stage(target, inputs: [])
        try write(first, "state.json", "{\"shard\": 1}")
        try write(first, "pipeline.yaml", "admaudit: 1\n")
        try first.commit()
        XCTAssertThrowsError(try OutputFolder.stage(target, inputs: [target + "/state.json"])) { error in
            XCTAssertTrue("\(error)".contains("would be overwritten"), "\(error)")
        }
        // The same file by another name (a hard link) is the same input.
        try manager.linkItem(atPath: target + "/state.json", toPath: parent + "/linked.json")
        XCTAssertThrowsError(try OutputFolder.stage(target, inputs: [parent + "/linked.json"]))
        try manager.removeItem(atPath: parent + "/linked.json")

        let run = try OutputFolder.stage(target, inputs: [], keeping: target + "/pipeline.yaml")
        XCTAssertTrue(run.keptPipeline)
        try run.commit()
        XCTAssertEqual(contents("pipeline.yaml"), "admaudit: 1\n")
        XCTAssertNil(contents("state.json"))
    }

    func testFoldersOthersMayWriteAreRefusedAStickyParentIsNot() throws {
        try manager.createDirectory(atPath: target, withIntermediateDirectories: false)
        chmod(target, 0o777)
        XCTAssertThrowsError(try OutputFolder.stage(target, inputs: [])) { error in
            XCTAssertTrue("\(error)".contains("other users may write"), "\(error)")
            XCTAssertTrue("\(error)".contains("0777"), "\(error)")
        }
        chmod(target, 0o700)
        chmod(parent, 0o777)
        XCTAssertThrowsError(try OutputFolder.stage(target, inputs: []))
        chmod(parent, 0o1777)
        try OutputFolder.stage(target, inputs: []).commit()
        chmod(parent, 0o700)
    }

    func testTheTargetIsNamedAsGivenAndResolved() throws {
        XCTAssertEqual(try OutputTarget.resolve("out/").name, "out")
        XCTAssertEqual(try OutputTarget.resolve("out/").parent, ".")
        XCTAssertEqual(try OutputTarget.resolve("/a/b").parent, "/a")
        XCTAssertEqual(try OutputTarget.resolve("/b").parent, "/")
        XCTAssertThrowsError(try OutputTarget.resolve("/"))
        XCTAssertTrue(OutputTarget.isRunFile(".findings.csv.partial"))
        XCTAssertFalse(OutputTarget.isRunFile(".notes.partial"))
        let run = try OutputFolder.stage(target + "/", inputs: [])
        XCTAssertEqual(run.finalPath(of: "report.md"), target + "/report.md")
        run.abandon()
    }
}
