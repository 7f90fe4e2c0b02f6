import AdmAudit
import Foundation
import Synchronization

/// The audits the workbench is running, each on a thread of its own, with its progress for
/// the case page. A finished run's figures go to the case index; its outputs stay in the
/// case's folder.
final class AuditJobs: Sendable {
    private let running = Mutex<[Int64: RunProgress]>([:])
    private let store: CaseStore

    init(store: CaseStore) { self.store = store }

    func progress(_ id: Int64) -> RunProgress.Snapshot? { running.withLock { $0[id]?.snapshot } }

    /// Starts the audit of `input` (a path in the folder, named `inputName`) with the pipeline
    /// text `yaml` in case `id`; returns at once. `wait`: for tests, returns when it is done.
    func start(_ id: Int64, input: String, inputName: String, yaml: String, wait: Bool = false) {
        let folder = store.caseFolder(id)
        let size = (try? FileManager.default.attributesOfItem(atPath: input)[.size] as? Int) ?? 0
        let progress = RunProgress(totalBytes: size)
        running.withLock { $0[id] = progress }
        let store = self.store
        let done = DispatchSemaphore(value: 0)
        let thread = Thread { [self] in
            defer {
                running.withLock { _ = $0.removeValue(forKey: id) }
                done.signal()
            }
            do {
                let result = try Self.audit(input: input, inputName: inputName, yaml: yaml, folder: folder, progress: progress)
                try store.finish(id, result: result)
            } catch let error as AuditError {
                store.fail(id, message: error.description)
            } catch let error as WorkbenchError {
                store.fail(id, message: error.message)
            } catch {
                store.fail(id, message: "\(error)")
            }
        }
        thread.stackSize = 8 << 20
        thread.start()
        if wait { done.wait() }
    }

    /// One run, as `admaudit run -p pipeline.yaml -o out export` would do it.
    static func audit(input: String, inputName: String, yaml: String, folder: String, progress: RunProgress) throws -> AuditResult {
        let pipelineFile = folder + "/pipeline.yaml"
        let file = try OutputFile(folder: folder, name: "pipeline.yaml")
        try file.write(yaml)
        try file.commit()
        var pipeline = try PipelineLoader.parse(yaml, file: pipelineFile)
        pipeline.sha256 = WorkbenchHash.sha256(yaml)
        let key = try Pseudonymizer.configuredKey(pipeline: pipeline, environment: ProcessInfo.processInfo.environment)
        let out = folder + "/out"
        try CaseStore.newFolder(out)
        let sources = try InputSources.open([input])
        defer { sources.remove() }
        let sink = try FileAuditSink(folder: out, language: pipeline.report.language)
        var run = AuditRun(pipeline: pipeline, pipelineFile: pipelineFile, inputs: [inputName], asOf: nil, pseudonymKey: key)
        run.sources = sources.paths
        run.progress = progress
        let result = try run.run(into: sink)
        try sink.commit()
        _ = try ReportWriter.write(result, to: out)
        return result
    }
}

import Crypto

/// SHA-256 in lower-case hex (the project's `hexString`): pipelines, the cases folder's key,
/// the cookie's name.
enum WorkbenchHash {
    static func sha256(_ text: String) -> String { SHA256.hash(data: Array(text.utf8)).hexString }
}
