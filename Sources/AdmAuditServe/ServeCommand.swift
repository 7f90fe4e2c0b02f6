import AdmAudit
import AdmAuditWorkbench
import ArgumentParser
import Foundation

/// `admaudit-serve` (also `admaudit serve`, which runs it): the workbench on 127.0.0.1.
/// A program of its own, so `admaudit` neither carries a web server nor builds one for those
/// who never serve.
@main
@available(macOS 10.15, *)
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admaudit-serve",
        abstract: "A local workbench in the browser (also run as `admaudit serve`): open an export, confirm its mapping, run the audit, keep and compare cases.",
        discussion: """
        Serves on 127.0.0.1 only and prints one URL carrying a one-time token; open it in a browser on this machine. \
        The cases are kept outside FOLDER, in --cases (an SQLite index and a folder per case, owner-only). Ctrl-C stops it.
        """,
        version: AdmAuditVersion.current
    )

    @Option(name: .long, help: "The port (default: any free port).")
    var port: Int = 0

    @Option(name: .customLong("lang"), help: "The pages' language: en or zh (switchable on every page).")
    var language: String = "en"

    @Option(name: .long, help: "Where the cases are kept (default: ~/.local/share/admaudit/cases/, a folder for each served folder).")
    var cases: String?

    @Argument(help: "The folder holding the exports (default: the current folder).")
    var folder: String = "."

    func run() async throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port \(port) is not a port") }
        guard let language = ReportLanguage(rawValue: language) else { throw ValidationError("--lang '\(language)': use en or zh") }
        umask(0o077)
        let workbench: Workbench
        do { workbench = try Workbench(folder: folder, cases: cases, language: language) } catch {
            FileHandle.standardError.write(Data("admaudit serve: \(error.message)\n".utf8))
            throw ExitCode(3)
        }
        let server = WorkbenchServer(workbench: workbench, port: port)
        try await server.run { url in
            FileHandle.standardOutput.write(Data((language.text("Open in a browser on this machine: ", "请在本机浏览器中打开：") + url + "\n").utf8))
        }
    }
}

