import AdmAudit
import Foundation
import Synchronization

/// SIGINT, SIGTERM and SIGHUP while a run writes its outputs: the run's temporary folder
/// (`OutputFolder`) is deleted, its lock let go, and admaudit exits 128 + the signal
/// (130 for Ctrl-C); the output folder stays as it was.
///
/// The handler does only what is safe in a signal handler (`unlink`, `rmdir`, `write`,
/// `_exit`) on paths prepared before it is installed; it may run on any thread (the audit
/// reads on a second one). It never races the swap: `finish` runs the commit (or the
/// abandon) in a phase where a signal only waits, and is raised again once it is done.
enum Interrupts {
    private static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// `running`: a signal cleans up; `finishing`: the swap is under way, a signal waits;
    /// `cleaning`: a signal is cleaning up, the swap must not start; `idle`: nothing to clean.
    private enum Phase: Int {
        case idle, running, finishing, cleaning
    }
    private static let phase = Atomic<Int>(Phase.idle.rawValue)
    private static let pendingSignal = Atomic<Int32>(0)

    /// What the handler removes, as C strings made before it is installed (plain pointers:
    /// reading them retains nothing).
    nonisolated(unsafe) private static var files: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
    nonisolated(unsafe) private static var fileCount = 0
    nonisolated(unsafe) private static var folder: UnsafeMutablePointer<CChar>? = nil
    nonisolated(unsafe) private static var lock: UnsafeMutablePointer<CChar>? = nil
    nonisolated(unsafe) private static var message: UnsafeMutablePointer<CChar>? = nil
    nonisolated(unsafe) private static var messageLength = 0

    /// Stages the output folder with the signals held back, so that none can come between
    /// the temporary folder's creation and the handler that deletes it.
    static func stage(_ target: String, inputs: [String], keeping kept: String? = nil,
                      language: ReportLanguage) throws(AuditError) -> OutputFolder {
        var held = sigset_t(), previous = sigset_t()
        sigemptyset(&held)
        for number in signals { sigaddset(&held, number) }
        pthread_sigmask(SIG_BLOCK, &held, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        let output = try OutputFolder.stage(target, inputs: inputs, keeping: kept)
        protect(output, language: language)
        return output
    }

    private static func protect(_ output: OutputFolder, language: ReportLanguage) {
        let message = language.text("admaudit: interrupted; the output folder \(TerminalText.safe(output.target)) is as it was\n",
                                    "admaudit：已中断；输出文件夹 \(TerminalText.safe(output.target)) 保持原样\n")
        let names = OutputFolder.fileNames
        let list = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: names.count)
        for (index, name) in names.enumerated() { list[index] = strdup(output.folder + "/" + name) }
        (files, fileCount) = (list, names.count)
        (folder, lock) = (strdup(output.folder), strdup(output.lockFile))
        (Self.message, messageLength) = (strdup(message), message.utf8.count)
        _ = pendingSignal.load(ordering: .sequentiallyConsistent)
        phase.store(Phase.running.rawValue, ordering: .sequentiallyConsistent)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handle
        sigemptyset(&action.sa_mask)
        for number in signals { sigaddset(&action.sa_mask, number) }
        action.sa_flags = 0
        for number in signals { sigaction(number, &action, nil) }
    }

    /// Runs `body` (the commit or the abandon) where a signal cannot cut in; a signal that
    /// came meanwhile is raised again afterwards, with the default action.
    static func finish(_ body: () throws -> Void) rethrows {
        if !phase.compareExchange(expected: Phase.running.rawValue, desired: Phase.finishing.rawValue, ordering: .sequentiallyConsistent).exchanged,
           phase.load(ordering: .sequentiallyConsistent) == Phase.cleaning.rawValue {
            // A signal is cleaning up on another thread and will end the process.
            while true { pause() }
        }
        defer {
            phase.store(Phase.idle.rawValue, ordering: .sequentiallyConsistent)
            for number in signals { signal(number, SIG_DFL) }
            let pending = pendingSignal.exchange(0, ordering: .sequentiallyConsistent)
            if pending != 0 { raise(pending) }
        }
        try body()
    }

    private static let handle: @convention(c) (Int32) -> Void = { signal in
        let running = Phase.running.rawValue, cleaning = Phase.cleaning.rawValue
        guard Interrupts.phase.compareExchange(expected: running, desired: cleaning, ordering: .sequentiallyConsistent).exchanged else {
            if Interrupts.phase.load(ordering: .sequentiallyConsistent) == Phase.finishing.rawValue {
                Interrupts.pendingSignal.store(signal, ordering: .sequentiallyConsistent)
            }
            return
        }
        // The audit may still create a file on another thread: delete until the folder goes.
        var attempts = 0
        while attempts < 64 {
            var index = 0
            while index < Interrupts.fileCount {
                unlink(Interrupts.files![index]!)
                index += 1
            }
            if rmdir(Interrupts.folder!) == 0 || errno == ENOENT { break }
            attempts += 1
        }
        unlink(Interrupts.lock!)
        _ = write(2, Interrupts.message!, Interrupts.messageLength)
        _exit(128 + signal)
    }
}
