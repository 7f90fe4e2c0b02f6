#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The lock that keeps two runs out of one output folder: an owner-only file beside the
/// folder (`.NAME.admaudit-lock`), held with `flock` for the whole run.
///
/// `flock` goes with the process: a run that is killed (even with SIGKILL) leaves the lock
/// free. The file is removed when the run ends; a run that opened it just before it went
/// finds its lock on a file no longer at that path and opens the new one instead.
/// It does not wait: a second run is refused at once (`busy`).
final class OutputLock {
    let path: String
    private var descriptor: Int32

    enum Failure: Error {
        case busy
        case cannot(String)
    }

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    static func take(_ path: String) -> Result<OutputLock, Failure> {
        for _ in 0..<8 {
            let descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { return .failure(.cannot(String(cString: strerror(errno)))) }
            if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                let busy = errno == EWOULDBLOCK
                let reason = String(cString: strerror(errno))
                close(descriptor)
                return .failure(busy ? .busy : .cannot(reason))
            }
            // Held; but the file may have been removed by the run before ours as it ended.
            var held = stat(), named = stat()
            if fstat(descriptor, &held) == 0, lstat(path, &named) == 0, held.st_dev == named.st_dev, held.st_ino == named.st_ino {
                guard held.st_uid == geteuid() else {
                    close(descriptor)
                    return .failure(.cannot("the lock file belongs to another user"))
                }
                return .success(OutputLock(path: path, descriptor: descriptor))
            }
            close(descriptor)
        }
        return .failure(.cannot("the lock file keeps changing"))
    }

    /// Removes the lock file and lets go of it. Removing first, while it is held, keeps a
    /// run that is waiting to open it from locking a file no one else can see.
    func release() {
        guard descriptor >= 0 else { return }
        unlink(path)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
