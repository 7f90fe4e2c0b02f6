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

    package init(_ work: @escaping @Sendable () throws(AuditError) -> Value) {
        let thread = Thread { [self] in
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
