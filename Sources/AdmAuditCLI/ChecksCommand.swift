import AdmAudit
import ArgumentParser

struct ChecksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checks",
        abstract: "List the compliance checks with their legal bases and parameters.",
        discussion: "Examples: admaudit checks --lang zh; admaudit checks --effective -p pipelines/labor-inspection.yaml; admaudit checks --format md > docs/checks.md"
    )

    @Option(name: .customLong("lang"), help: "en or zh.")
    var language: String?

    @Flag(name: .customLong("effective"), help: "Show what a pipeline makes of each check (needs -p).")
    var effective = false

    @Option(name: .shortAndLong, help: "The pipeline file (YAML), with --effective.")
    var pipeline: String?

    @Option(name: .customLong("format"), help: "text (default) or md: the catalogue as Markdown, as docs/checks.md holds it.")
    var format: String?

    func run() throws {
        var loaded: Pipeline? = nil
        if effective {
            guard let pipeline else {
                throw AuditError(.invocation, "--effective needs a pipeline", hint: "add -p PIPELINE.yaml")
            }
            loaded = try PipelineLoader.load(path: pipeline)
        }
        let chosen = try language.map { text throws(AuditError) -> ReportLanguage in
            guard let value = ReportLanguage(rawValue: text) else {
                throw AuditError(.invocation, "--lang '\(text)' is not supported", hint: "use en or zh")
            }
            return value
        } ?? loaded?.report.language ?? .en
        switch format ?? "text" {
        case "text": Terminal.out(CheckCatalogue.text(language: chosen, pipeline: loaded))
        case "md" where loaded == nil: Terminal.data(CheckCatalogue.markdown(language: chosen))
        case "md": throw AuditError(.invocation, "--format md shows the catalogue, not a pipeline's settings", hint: "leave out --effective")
        default: throw AuditError(.invocation, "--format '\(format ?? "")' is not supported", hint: "use text or md")
        }
    }
}
