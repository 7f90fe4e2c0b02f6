import AdmAudit
import ArgumentParser

struct MethodCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "method",
        abstract: "Print how admaudit computes what it reports (Markdown), as docs/method.md holds it.",
        discussion: "Example: admaudit method > docs/method.md"
    )

    func run() throws {
        Terminal.data(MethodDocument.markdown())
    }
}
