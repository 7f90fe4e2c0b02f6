#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The outputs of one run, all or nothing.
///
/// A run writes every file into a fresh owner-only temporary folder beside the output folder
/// (`.NAME.admaudit-tmp-XXXXXX`), and `commit` swaps it in whole when every file is complete:
/// the previous outputs (the folder as it was) are replaced in one rename and then deleted,
/// so no report of this run ever sits beside a file of an earlier one. A run that fails
/// (disk full), is refused, or is interrupted leaves the folder exactly as it was, and
/// `abandon` deletes the temporary folder. While a run goes, `OutputLock` keeps any other
/// run out of the same folder. Which folders a run may replace: `OutputTarget`.
///
/// A run killed outright (SIGKILL, power loss) leaves its temporary folder; the next run
/// into the same output folder deletes it.
public final class OutputFolder {
    /// The output folder as it was named (`-o`): where the files will be, for messages and reports.
    public let target: String
    /// The temporary folder this run writes into.
    public let folder: String
    /// The lock file beside the output folder, held until the run ends.
    public var lockFile: String { lock.path }
    /// Every name a run may write into `folder`.
    public static let fileNames = OutputTarget.runFileNames

    /// The output folder's pipeline.yaml was the pipeline file given, and the new folder keeps it.
    public private(set) var keptPipeline = false

    private let resolved: OutputTarget
    private let lock: OutputLock
    private var finished = false

    private init(target: String, folder: String, resolved: OutputTarget, lock: OutputLock) {
        self.target = target
        self.folder = folder
        self.resolved = resolved
        self.lock = lock
    }

    /// Checks the output folder (`OutputTarget`), takes its lock and makes the temporary
    /// folder. `kept`: the pipeline file given with `-p`; when it is the output folder's own
    /// `pipeline.yaml`, the new folder keeps it (the same file, linked).
    public static func stage(_ target: String, inputs: [String], keeping kept: String? = nil) throws(AuditError) -> OutputFolder {
        let resolved = try OutputTarget.resolve(target)
        _ = try resolved.check(inputs: inputs + (kept.map { [$0] } ?? []), keeping: kept, given: target)
        let lock: OutputLock
        switch OutputLock.take(resolved.parent + "/." + resolved.name + ".admaudit-lock") {
        case .success(let taken): lock = taken
        case .failure(.busy):
            throw AuditError(.output, "another admaudit run is writing into this output folder", file: target,
                             hint: "wait for it to finish, or choose another output folder with -o")
        case .failure(.cannot(let reason)):
            throw AuditError(.output, "cannot lock the output folder: \(reason)", file: target,
                             hint: "choose an output folder in a folder you may write to with -o")
        }
        // Under the lock: check again (the folder may have changed meanwhile), and clear
        // what runs killed outright left.
        let exists = try resolved.check(inputs: inputs + (kept.map { [$0] } ?? []), keeping: kept, given: target)
        removeLeftovers(of: resolved)
        var template = Array((resolved.parent + "/." + resolved.name + ".admaudit-tmp-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw AuditError(.output, "cannot create a temporary folder beside the output folder: \(String(cString: strerror(errno)))",
                             file: target, hint: "choose an output folder in a folder you may write to with -o")
        }
        let staged = OutputFolder(target: target, folder: String(cString: made), resolved: resolved, lock: lock)
        if exists, let kept, let keptIdentity = OutputTarget.identity(kept),
           OutputTarget.identity(resolved.path + "/pipeline.yaml") == keptIdentity {
            try staged.keep(resolved.path + "/pipeline.yaml", as: "pipeline.yaml")
            staged.keptPipeline = true
        }
        return staged
    }

    /// Where the file `name` of this run will be once the folder is swapped in.
    public func finalPath(of name: String) -> String {
        (target.hasSuffix("/") ? target : target + "/") + name
    }

    /// Swaps the temporary folder in as the output folder; the previous one is deleted.
    public func commit() throws(AuditError) {
        guard !finished else { return }
        // The folder is checked again: a file put there during the run is never deleted.
        var status = stat()
        let exists = lstat(resolved.path, &status) == 0
        if exists {
            let foreign = resolved.foreignEntries()
            guard foreign.isEmpty, status.st_mode & S_IFMT == S_IFDIR, !OutputTarget.othersMayWrite(status) else {
                abandon()
                throw AuditError(.output, "the output folder changed during the run (\(foreign.prefix(3).map { TerminalText.safe($0) }.joined(separator: ", "))); the new outputs were not put in place",
                                 file: target, hint: "choose a new or empty folder with -o")
            }
        }
        Self.sync(folder)
        if !exists {
            guard rename(folder, resolved.path) == 0 else { return try failSwap() }
        } else if Self.exchange(folder, resolved.path) {
            // The previous outputs are now at the temporary name.
            Self.removeRunFiles(in: folder)
        } else {
            let previous = folder + ".previous"
            guard rename(resolved.path, previous) == 0 else { return try failSwap() }
            guard rename(folder, resolved.path) == 0 else {
                rename(previous, resolved.path)
                return try failSwap()
            }
            Self.removeRunFiles(in: previous)
        }
        Self.sync(resolved.parent)
        finished = true
        lock.release()
    }

    /// Deletes the temporary folder and lets go of the lock; the output folder is as it was.
    public func abandon() {
        guard !finished else { return }
        finished = true
        for name in OutputTarget.entryNames(of: folder) { unlink(folder + "/" + name) }
        rmdir(folder)
        lock.release()
    }

    deinit { abandon() }

    private func failSwap() throws(AuditError) {
        let reason = String(cString: strerror(errno))
        abandon()
        throw AuditError(.output, "cannot put the new outputs in place: \(reason)", file: target,
                         hint: "check that you may write to the output folder and its parent; the previous outputs are untouched")
    }

    /// Puts `source` into the temporary folder as `name`: a hard link, else a copy.
    private func keep(_ source: String, as name: String) throws(AuditError) {
        let destination = folder + "/" + name
        if link(source, destination) == 0 { return }
        let file = try OutputFile(folder: folder, name: name)
        guard let bytes = Self.contents(source) else {
            throw AuditError(.output, "cannot read the pipeline file to keep it: \(String(cString: strerror(errno)))", file: source)
        }
        try file.write(bytes: bytes)
        try file.commit()
    }

    private static func contents(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = [], piece = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = piece.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return nil }
            if n == 0 { return bytes }
            bytes += piece[0..<n]
        }
    }

    /// Deletes a run's files in `folder`, then the folder if nothing else is in it.
    private static func removeRunFiles(in folder: String) {
        for name in OutputTarget.entryNames(of: folder) where OutputTarget.isRunFile(name) {
            var status = stat()
            if lstat(folder + "/" + name, &status) == 0, status.st_mode & S_IFMT != S_IFDIR { unlink(folder + "/" + name) }
        }
        rmdir(folder)
    }

    /// Temporary folders (and set-aside previous folders) of earlier runs into the same
    /// output folder that were killed before they could delete them.
    private static func removeLeftovers(of target: OutputTarget) {
        let prefix = "." + target.name + ".admaudit-tmp-"
        for name in OutputTarget.entryNames(of: target.parent) where name.hasPrefix(prefix) {
            let path = target.parent + "/" + name
            var status = stat()
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR, status.st_uid == geteuid() else { continue }
            removeRunFiles(in: path)
        }
    }

    /// Exchanges two paths in one step (Linux `renameat2` with `RENAME_EXCHANGE`); false
    /// where the system or the file system cannot.
    private static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(nil, "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 2
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #else
        return false
        #endif
    }

    /// Syncs a folder's entries to disk, so the swap survives a crash.
    private static func sync(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
