import AdmAudit
import ArgumentParser

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Ingest, map and validate only: show the mapping used, the counts and the top reject reasons. Writes nothing."
    )

    @Option(name: .shortAndLong, help: "The pipeline file (YAML).")
    var pipeline: String

    @Argument(help: "One or more CSV exports.")
    var inputs: [String]

    func run() throws {
        var loaded = try PipelineLoader.load(path: pipeline)
        // Validation is about the rows; checks still run so their counts show, but nothing is written.
        loaded.report.subjectIDs = .drop
        let sink = CountingAuditSink()
        let sources = try InputSources.open(inputs)
        defer { sources.remove() }
        var run = AuditRun(pipeline: loaded, pipelineFile: pipeline, inputs: inputs)
        run.sources = sources.paths
        let result = try run.run(into: sink)
        // Every piece of input-derived text escaped whole (`TerminalSummary.safe`): a line
        // feed in a header or a value shows as its code and cannot fake a line of this output.
        let safe = { (text: String) in TerminalSummary.safe(text) }
        var out: [String] = []
        for input in result.inputs {
            out.append(safe(input.file))
            out.append("  encoding \(input.encoding.rawValue), delimiter \(input.delimiter == 9 ? "tab" : String(UnicodeScalar(input.delimiter))), \(input.lines) lines, \(input.bytes) bytes")
            out.append("  mapping used:")
            for entry in input.mapping { out.append("    \(safe(entry.field)) ← \(safe(entry.header))") }
            if !input.unmappedHeaders.isEmpty { out.append("  not used: \(input.unmappedHeaders.map(safe).joined(separator: ", "))") }
            out.append("  " + TerminalSummary.lineAccount(input, language: .en))
            out.append("  \(input.rowsRead) rows read = \(input.accepted) accepted + \(input.rejected) rejected (\(input.reconciles ? "reconciled" : "DOES NOT RECONCILE"))")
        }
        let codes = sink.examples.keys.sorted { a, b in
            let (ca, cb) = (result.inputs.reduce(0) { $0 + ($1.rejectsByCode[a] ?? 0) }, result.inputs.reduce(0) { $0 + ($1.rejectsByCode[b] ?? 0) })
            return ca != cb ? ca > cb : a < b
        }
        if !codes.isEmpty { out.append("top reject reasons:") }
        for code in codes {
            let total = result.inputs.reduce(0) { $0 + ($1.rejectsByCode[code] ?? 0) }
            out.append("  \(code.rawValue): \(total)")
            for example in sink.examples[code] ?? [] {
                out.append("    \(safe(example.file)):\(example.line)\(example.column.map { ":\($0)" } ?? ""): \(safe(example.reason))")
            }
        }
        for diagnostic in result.diagnostics where diagnostic.level == .warning {
            out.append("warning: \(diagnostic.file.map { safe($0) + ": " } ?? "")\(safe(diagnostic.message))")
        }
        Terminal.out(out.joined(separator: "\n"))
    }
}
