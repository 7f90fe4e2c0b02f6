import Foundation

/// Work done on a thread of its own while the caller goes on; `value()` waits for it.
///
/// The run uses it where two pieces of work touch nothing in common: the second part of
/// a cut file beside the first, the file's SHA-256 beside both, and the search for
/// repeated ids beside the statistics. Whoever starts a job waits for it on every path,
/// a thrown error included, so no job outlives the run that started it.
package final class BackgroundJob<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written once by the job's thread before `done` is signalled; read only after the wait.
    private var result: Result<Value, AuditError>? = nil

    /// Starts `work` on a thread of its own. `yielding`: the thread runs at the lowest
    /// priority (nice 19), for work whose result is wanted only at the end: it then takes
    /// what the other threads leave of the cores, not a share of them.
    package init(yielding: Bool = false, _ work: @escaping @Sendable () throws(AuditError) -> Value) {
        let thread = Thread { [self] in
            if yielding { Self.yieldToOtherThreads() }
            do throws(AuditError) {
                result = .success(try work())
            } catch {
                result = .failure(error)
            }
            done.signal()
        }
        // The main thread's 8 MiB: a job may render a report, whatever its depth. Reserved,
        // not used: the pages a thread does not touch cost no memory.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Lowers the calling thread's priority. On Linux a nice value is a thread's own, and
    /// `who` 0 names the calling thread (setpriority(2), "Bugs").
    private static func yieldToOtherThreads() {
        #if os(Linux)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
        #endif
    }

    /// Waits for the job (every later call returns at once) and gives its result.
    package func value() throws(AuditError) -> Value {
        wait()
        return try result!.get()
    }

    /// Waits for the job and gives its result, an error as a value.
    package func outcome() -> Result<Value, AuditError> {
        wait()
        return result!
    }

    /// Waits for the job, leaving its result (or error) unread.
    package func wait() {
        done.wait()
        done.signal()
    }
}
