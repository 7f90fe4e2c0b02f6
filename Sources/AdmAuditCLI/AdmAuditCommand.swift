import AdmAudit
import ArgumentParser
import Foundation

/// The `admaudit` command. Thin: parse arguments, call the library, print, exit.
struct AdmAuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admaudit",
        abstract: "Audit automated decisions about workers: which decisions broke which rule, and which groups bear the outcomes.",
        discussion: """
        Exit codes: 0 done; 1 findings (rejected rows that may be decisions included) at or above --fail-on; \
        2 bad invocation or pipeline file, or an output folder a run may not replace; \
        3 input unreadable or rejected as a whole, or the outputs cannot be written (disk full, another run \
        writing into the same folder); 130/143 interrupted (SIGINT/SIGTERM), the output folder left as it was.
        """,
        version: AdmAuditVersion.current,
        subcommands: [RunCommand.self, MergeCommand.self, ValidateCommand.self, InitCommand.self, ChecksCommand.self, MethodCommand.self, ServeCommand.self]
    )
}

/// Thrown by a command to end with a given exit code after printing what it had to say.
struct Exit: Error {
    let code: Int32
}

/// Where every command prints. Text for the terminal goes through the one terminal rule
/// (`TerminalText.safe`, line feeds kept): no escape sequence, control, direction mark
/// or invisible character from an export reaches the screen, whatever message carries it.
enum Terminal {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data(lines(text).utf8))
    }

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(lines(text).utf8))
    }

    /// Data written as it is: the YAML `init` prints, whose every input-derived string its
    /// writer has quoted and escaped for YAML already.
    static func data(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// An error as the terminal shows it: the message, the file and the hint each escaped
    /// whole (a line feed in a header name shows as its code, and cannot fake a line).
    static func error(_ error: AuditError) {
        var shown = error
        shown.message = TerminalText.safe(error.message)
        shown.file = error.file.map { TerminalText.safe($0) }
        shown.hint = error.hint.map { TerminalText.safe($0) }
        shown.chinese = error.chinese.map { AuditError.Chinese(message: TerminalText.safe($0.message), hint: $0.hint.map { TerminalText.safe($0) }) }
        Terminal.error("admaudit: " + shown.description(in: language))
    }

    /// The language errors are shown in: the run's, once its pipeline and `--lang` settle it
    /// (`ReportOptions.withOptions`); English before. Set on the main thread before any
    /// error is shown.
    nonisolated(unsafe) static var language: ReportLanguage = .en

    private static func lines(_ text: String) -> String {
        let safe = TerminalText.safe(text, keepingLineBreaks: true)
        return safe.hasSuffix("\n") ? safe : safe + "\n"
    }
}

#if canImport(Glibc)
/// glibc's `mallopt` (malloc.h, which the Glibc module does not bring in); two C ints.
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif

/// Maps every failure to an exit code in one place: 0 done, 1 a finding at or above
/// `--fail-on`, 2 bad invocation or pipeline file (or an output folder a run may not
/// replace), 3 input unreadable or rejected, or outputs that cannot be written.
/// Interrupted runs exit 128 + the signal (`Interrupts`).
@main
enum Main {
    static func main() {
        // A file-size limit (ulimit -f) is then a write error like a full disk, reported
        // and cleaned up, not a signal that kills the run and leaves its temporary folder.
        signal(SIGXFSZ, SIG_IGN)
        #if canImport(Glibc)
        // Blocks of 128 KiB and more (sort buffers, runs written to TMPDIR, read-back
        // blocks) are mapped and given back when freed. glibc otherwise raises this bound
        // each time one is freed and then carves such blocks from its arenas, which a long
        // run leaves fragmented: the peak grew with rows (176 against 61 MB, 10M against 1M rows).
        _ = glibcMallopt(-3 /* M_MMAP_THRESHOLD, malloc.h */, 128 << 10)
        #endif
        do {
            var command = try AdmAuditCommand.parseAsRoot()
            try command.run()
        } catch let error as AuditError {
            Terminal.error(error)
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
