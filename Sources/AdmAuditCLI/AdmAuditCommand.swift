import AdmAudit
import ArgumentParser
import Foundation

/// The `admaudit` command. Thin: parse arguments, call the library, print, exit.
struct AdmAuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admaudit",
        abstract: "Audit automated decisions about workers: which decisions broke which rule, and which groups bear the outcomes.",
        discussion: """
        Exit codes: 0 done; 1 findings at or above --fail-on; 2 bad invocation or pipeline file; \
        3 input unreadable or rejected as a whole.
        """,
        version: AdmAuditVersion.current,
        subcommands: [RunCommand.self, MergeCommand.self, ValidateCommand.self, InitCommand.self, ChecksCommand.self]
    )
}

/// Thrown by a command to end with a given exit code after printing what it had to say.
struct Exit: Error {
    let code: Int32
}

enum Terminal {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}

/// Maps every failure to an exit code in one place: 0 done, 1 a finding at or above
/// `--fail-on`, 2 bad invocation or pipeline file, 3 input unreadable or rejected.
@main
enum Main {
    static func main() {
        do {
            var command = try AdmAuditCommand.parseAsRoot()
            try command.run()
        } catch let error as AuditError {
            Terminal.error("admaudit: " + error.description)
            exit(error.exitCode)
        } catch let error as Exit {
            exit(error.code)
        } catch {
            // Help and --version are "errors" that exit 0; usage errors exit 2, not 64.
            if AdmAuditCommand.exitCode(for: error) == .success { AdmAuditCommand.exit(withError: error) }
            Terminal.error(AdmAuditCommand.fullMessage(for: error))
            exit(2)
        }
    }
}
