import Foundation
import XCTest
@testable import AdmAudit

/// A Chinese run speaks Chinese: report.md, report.html and the terminal summary of the
/// Chinese sample hold no English word but those the reader brought or that name a thing
/// (the pipeline's and the export's own words, field and setting names, reject codes, the
/// statistics' names, file names); an English run holds no Chinese at all.
final class ReaderLanguageTests: XCTestCase {
    /// Names of things, not sentences: statistics, formats, instruments, units.
    private static let names: Set<String> = [
        "Fisher", "Mann", "Whitney", "Wilson", "holm", "bh", "none", "CMH", "Cochran", "Mantel", "Haenszel",
        "csv", "json", "md", "html", "yaml", "svg", "utf", "gb18030", "gbk", "UTC", "ISO", "SHA",
        "PIPL", "GDPR", "EDPB", "WP251rev", "RCNY", "LL144", "AEDT", "admaudit", "init", "run", "fixtures", "sample",
        "rejects", "findings", "report", "pipeline", "lt", "gt", "amp", "quot",
    ]

    private func words(_ text: String) -> [String] {
        let plain = text.replacingOccurrences(of: "\\_", with: "_").replacingOccurrences(of: "\\", with: "")
        let regex = try! NSRegularExpression(pattern: "[A-Za-z][A-Za-z0-9_]*")
        return regex.matches(in: plain, range: NSRange(plain.startIndex..., in: plain)).map { String(plain[Range($0.range, in: plain)!]) }
    }

    /// What the Chinese reader may meet in Latin letters.
    private func allowed(pipeline: String, inputs: [String]) throws -> Set<String> {
        var allowed = Self.names
        allowed.formUnion(words(try String(contentsOfFile: pipeline, encoding: .utf8)))
        for input in inputs {
            let data = try Data(contentsOf: URL(fileURLWithPath: input))
            let text = String(data: data, encoding: .utf8) ?? String(decoding: data, as: UTF8.self)
            allowed.formUnion(words(text))
            allowed.formUnion(words(input))
        }
        allowed.formUnion(CanonicalField.allCases.map(\.rawValue))
        allowed.formUnion(RejectCode.allCases.map(\.rawValue))
        allowed.formUnion(CheckRegistry.all.flatMap { $0.parameters.map(\.name) })
        // Settings the texts name so the reader can change them.
        allowed.formUnion(["sanction_ladder", "assume_automated", "suppress_below", "min_group_size", "jurisdictions",
                           "values", "columns", "checks", "bias", "input", "report", "attributes", "encoding", "time_zone",
                           "date_order", "decimal_separator", "max_field_bytes", "max_row_bytes", "max_distinct_values"])
        return allowed
    }

    func testTheChineseSampleHasNoEnglishSentence() throws {
        let run = FixtureRun.sampleChinese
        let outputs = try run.writeOutputs()
        let root = TestSupport.packageRoot.path + "/"
        var allowed = try allowed(pipeline: root + "pipelines/labor-inspection.yaml", inputs: run.inputs.map { root + $0 })
        // The GB18030 export read as it is read.
        let gb = try Data(contentsOf: URL(fileURLWithPath: root + run.inputs[0]))
        allowed.formUnion(words(String(decoding: gb, as: UTF8.self)))
        let html = String(decoding: try XCTUnwrap(outputs["report.html"]), as: UTF8.self)
        let page = html.replacingOccurrences(of: "<style>[\\s\\S]*?</style>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
        let result = try FixtureRun.inPackageRoot { try run.audit(into: CountingAuditSink(), relativePaths: true) }
        for (name, text) in [("report.md", String(decoding: try XCTUnwrap(outputs["report.md"]), as: UTF8.self)), ("report.html", page),
                             ("terminal", TerminalSummary.text(result))] {
            // Hashes, ids and numbers with letters (`S-3fa…`, `D002`) are not words.
            let english = Set(words(text).filter { $0.count > 2 && !$0.contains(where: \.isNumber) && !allowed.contains($0) })
            XCTAssertEqual(english.sorted(), [], "\(name) of the Chinese sample has English words")
        }
    }

    func testTheEnglishSampleHasNoChinese() throws {
        let outputs = try FixtureRun.sampleEnglish.writeOutputs()
        let result = try FixtureRun.inPackageRoot { try FixtureRun.sampleEnglish.audit(into: CountingAuditSink(), relativePaths: true) }
        for (name, text) in [("report.md", String(decoding: try XCTUnwrap(outputs["report.md"]), as: UTF8.self)),
                             ("report.html", String(decoding: try XCTUnwrap(outputs["report.html"]), as: UTF8.self)),
                             ("terminal", TerminalSummary.text(result))] {
            let chinese = text.unicodeScalars.filter { MeaningText.isCJK($0) }
            XCTAssertTrue(chinese.isEmpty, "\(name) of the English sample has \(String(String.UnicodeScalarView(chinese.prefix(40))))")
        }
    }

    /// Every bundled export (fixtures/exports, with its hand-written pipeline), run in
    /// Chinese and in English: the Chinese reports, terminal summary and validate output
    /// hold no English word but names and identifiers (a word with `_` names a field, a
    /// setting or a code), the English ones no Chinese character the export or its pipeline
    /// did not bring (a group shown as the export spells it, 女, is the export's).
    func testEveryExportReadsInTheReadersLanguage() throws {
        let root = TestSupport.packageRoot.appendingPathComponent("fixtures/exports")
        let cases = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { !$0.contains(".") }.sorted()
        XCTAssertGreaterThanOrEqual(cases.count, 16)
        for name in cases {
            let folder = root.appendingPathComponent(name)
            let export = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix("export.") })
            // Its hand pipeline names an outcome column the export lacks (the case's own script adds it).
            guard name != "08-ops-dashboard-riders" else { continue }
            let input = folder.appendingPathComponent(export).path, pipelineFile = folder.appendingPathComponent("hand.yaml").path
            var pipeline = try PipelineLoader.load(path: pipelineFile)
            var allowed = try allowed(pipeline: pipelineFile, inputs: [input])
            allowed.formUnion(DecisionType.allCases.map(\.rawValue))
            allowed.formUnion(["YYYY", "UTF", "TODO"])
            let brought = try Set(Self.text(of: input).unicodeScalars).union(String(contentsOfFile: pipelineFile, encoding: .utf8).unicodeScalars)
            for language in [ReportLanguage.zh, .en] {
                pipeline.report.language = language
                let result = try TestSupport.audit([input], pipeline: pipeline, asOf: AsOfDate("2025-09-30")).0
                let html = HTMLReport.render(result).replacingOccurrences(of: "<style>[\\s\\S]*?</style>", with: " ", options: .regularExpression)
                    .replacingOccurrences(of: "<svg[\\s\\S]*?</svg>", with: " ", options: .regularExpression)
                    .replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
                for (output, text) in [("report.md", MarkdownReport.render(result)), ("report.html", html), ("terminal", TerminalSummary.text(result)),
                                       ("validate", ValidateSummary.text(result, examples: [:]))] {
                    if language == .zh {
                        let english = Set(words(text).filter { $0.count > 2 && !$0.contains(where: \.isNumber) && !$0.contains("_") && !allowed.contains($0) })
                        XCTAssertEqual(english.sorted(), [], "\(name) \(output) in Chinese has English words")
                    } else {
                        let chinese = text.unicodeScalars.filter { MeaningText.isCJK($0) && !brought.contains($0) }
                        XCTAssertTrue(chinese.isEmpty, "\(name) \(output) in English has \(String(String.UnicodeScalarView(chinese.prefix(40))))")
                    }
                }
            }
        }
    }

    /// A file's text as UTF-8, else GB18030.
    private static func text(of path: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        if let text = String(data: data, encoding: .utf8) { return text }
        let iconv = Process()
        iconv.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        iconv.arguments = ["-f", "GB18030", "-t", "UTF-8", path]
        let output = Pipe()
        iconv.standardOutput = output
        try iconv.run()
        let converted = output.fileHandleForReading.readDataToEndOfFile()
        iconv.waitUntilExit()
        return String(decoding: converted, as: UTF8.self)
    }
}
