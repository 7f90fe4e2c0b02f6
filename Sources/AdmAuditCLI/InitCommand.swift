import AdmAudit
import ArgumentParser

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Print a pipeline inferred from an export's headers and values, with the evidence for each setting.",
        discussion: "Example: admaudit init export.csv > my-pipeline.yaml; then admaudit run -p my-pipeline.yaml export.csv. "
            + "`admaudit run export.csv` without -p infers the same pipeline and writes it beside the report. "
            + "Given a decision export and activity logs (admaudit init decisions.csv chat.csv), one pipeline reads them all: "
            + "the decision export's, with the first log's activity section."
    )

    @Argument(help: "A CSV export; with activity logs after it, one pipeline for them all.")
    var inputs: [String]

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("name a CSV export") }
    }

    func run() throws {
        let sources = try InputSources.open(inputs)
        defer { sources.remove() }
        var parts: [InferredPipeline] = []
        for (path, name) in zip(sources.paths, inputs) { parts.append(try InferredPipeline.infer(path: path, inputName: name)) }
        let inferred = InferredPipeline.combining(parts)
        // The YAML is data, escaped by its writer; the summary on stderr goes through the terminal rule.
        Terminal.data(inferred.yaml)
        Terminal.error(InitCommand.summary(inferred))
    }

    /// One line for the terminal, and the TODOs, in `language` (`run --lang`), else the export's.
    static func summary(_ inferred: InferredPipeline, language: ReportLanguage? = nil) -> String {
        let language = language ?? inferred.language
        let rows = inferred.rowsText(language)
        var lines = [language.text(
            "admaudit init: \(inferred.mappedColumns) of \(inferred.columns) columns mapped (\(rows)); \(inferred.todos.count) to check (TODO)",
            "admaudit init：\(inferred.columns) 列中映射了 \(inferred.mappedColumns) 列（\(rows)）；\(inferred.todos.count) 项待核查（TODO）")]
        for todo in inferred.todos { lines.append("  TODO " + TerminalText.safe(todo)) }
        return lines.joined(separator: "\n")
    }
}
