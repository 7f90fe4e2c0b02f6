import Foundation
import XCTest
@testable import AdmAudit

/// Shared helpers: where fixtures are, temp files, and an audit run held in memory.
enum TestSupport {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ relative: String) -> String {
        packageRoot.appendingPathComponent("fixtures").appendingPathComponent(relative).path
    }

    /// ../shared/data, beside the clone (CI puts shared/ there).
    static func sharedData(_ name: String) -> String {
        packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data").appendingPathComponent(name).path
    }

    static func temporaryFile(_ contents: String, name: String = "input.csv") -> String {
        temporaryFile(Data(contents.utf8), name: name)
    }

    /// One folder per test process, removed when the process exits: tests write thousands
    /// of temporary inputs, and a machine running the suite often should not keep them.
    static let scratchRoot: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("admaudit-tests-\(getpid())-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: TestSupport.scratchRoot) }
        return root
    }()

    static func temporaryFile(_ contents: Data, name: String = "input.csv") -> String {
        let folder = scratchRoot.appendingPathComponent(UUID().uuidString)
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try! contents.write(to: url)
        return url.path
    }

    static func pipeline(_ yaml: String) throws -> Pipeline {
        try PipelineLoader.parse(yaml, file: "test.yaml")
    }

    /// A pipeline with no suppression, no minimum group size and ids kept, so
    /// hand-computed numbers and ids compare exactly. `attributes` are YAML lines under
    /// `attributes:`; `sections` are further top-level sections.
    static func exactPipeline(attributes: [String], sections: String = "") -> String {
        """
        admaudit: 1
        name: test
        attributes:
        \(attributes.map { "  " + $0 }.joined(separator: "\n"))
        bias:
          min_group_size: 1
          exclusion_share: 0
        report:
          subject_ids: keep
          suppress_below: 0
        \(sections)
        """
    }

    /// Measures sex only.
    static let plainPipeline = exactPipeline(attributes: ["sex: [sex, 性别]"])

    /// Runs an audit, keeping findings and rejects in memory.
    static func audit(_ inputs: [String], pipeline: Pipeline, asOf: AsOfDate? = nil) throws -> (AuditResult, MemorySink) {
        let sink = MemorySink(language: pipeline.report.language)
        let result = try AuditRun(pipeline: pipeline, pipelineFile: "test.yaml", inputs: inputs, asOf: asOf,
                                  pseudonymKey: Array("test-key".utf8)).run(into: sink)
        return (result, sink)
    }

    static func audit(csv: String, pipeline yaml: String = plainPipeline) throws -> (AuditResult, MemorySink) {
        try audit([temporaryFile(csv)], pipeline: pipeline(yaml))
    }
}

/// Findings and rejects held in memory; each finding worded as findings.csv words it, in
/// the language given (the pipeline's, for `TestSupport.audit`).
final class MemorySink: AuditSink {
    var findings: [WordedFinding] = []
    var rejects: [WordedReject] = []
    private let words: ReportText
    init(language: ReportLanguage = .en) { words = ReportText(language: language) }
    func finding(_ finding: Finding) {
        findings.append(WordedFinding(finding: finding, subject: words.subject(finding.subject), detail: words.detail(finding.detail),
                                      legalBasis: finding.legalBasis.text(words.language)))
    }
    func reject(_ reject: Reject) { rejects.append(WordedReject(reject: reject, reason: words.rejectReason(reject.detail))) }
    func restart() {
        findings = []
        rejects = []
    }
}

/// A reject with its reason in words; its other fields as they are.
@dynamicMemberLookup
struct WordedReject {
    let reject: Reject
    let reason: String
    subscript<Value>(dynamicMember path: KeyPath<Reject, Value>) -> Value { reject[keyPath: path] }
}

extension Reject {
    /// The reason in `language`'s words, as rejects.csv gives it.
    func reason(_ language: ReportLanguage = .en) -> String { ReportText(language: language).rejectReason(detail) }
}

/// A finding with its subject, detail and legal basis in words; its other fields as they are.
@dynamicMemberLookup
struct WordedFinding {
    let finding: Finding
    let subject: String
    let detail: String
    let legalBasis: String
    subscript<Value>(dynamicMember path: KeyPath<Finding, Value>) -> Value { finding[keyPath: path] }
}
