import AdmAudit
import ArgumentParser
import Foundation

/// `admaudit serve`: runs `admaudit-serve`, the workbench, which is a program of its own (a web
/// server admaudit itself does not carry). Found beside admaudit, else on the PATH.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "A local workbench in the browser (admaudit-serve): open an export, confirm its mapping, run the audit, keep and compare cases.",
        discussion: "Serves on 127.0.0.1 only and prints one URL with a one-time token. Options are admaudit-serve's: [--port N] [--lang en|zh] [FOLDER]."
    )

    @Argument(parsing: .captureForPassthrough, help: "admaudit-serve's options and folder.")
    var arguments: [String] = []

    func run() throws {
        guard let program = Self.locate() else {
            throw AuditError(.invocation, "admaudit-serve, the workbench, is not installed beside admaudit or on the PATH",
                             hint: "build it with `swift build -c release --product admaudit-serve`, or install the Debian package")
        }
        let argv = [program] + arguments
        var cArguments = argv.map { strdup($0) } + [nil]
        execv(program, &cArguments)
        throw AuditError(.invocation, "cannot run \(program): \(String(cString: strerror(errno)))", hint: "check that it is executable")
    }

    static func locate() -> String? {
        let own = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("admaudit-serve").path
        if FileManager.default.isExecutableFile(atPath: own) { return own }
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = String(folder) + "/admaudit-serve"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
