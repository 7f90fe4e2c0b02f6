#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The output folder a run was asked for (`-o`), and whether a run may replace it.
///
/// A run replaces the folder whole (`OutputFolder`), so the folder must be admaudit's:
/// - it holds nothing but the files a run writes (no other file, no subfolder): a run never
///   deletes what it did not write;
/// - no input of the run is in it (the exports, the pipeline file, the state files of a
///   merge), except the pipeline file `-p` names when it is the folder's own `pipeline.yaml`,
///   which the new folder keeps;
/// - no other user may write into it, or into the folder it sits in (unless that folder is
///   sticky, as /tmp is, where no one may rename or delete another's entries): someone else
///   could have put a "previous report" there, or swap the folder as the run ends. A group
///   that is the owner's own private group (Debian and Ubuntu's default) is not another user.
struct OutputTarget {
    /// The folder holding the output folder, and the output folder's name in it.
    let parent: String
    let name: String

    var path: String { parent == "/" ? "/" + name : parent + "/" + name }

    /// Every name a run writes into its folder, parts included.
    static let runFileNames = ["report.json", "report.md", "report.html", "findings.csv", "rejects.csv", "pipeline.yaml", "state.json",
                               "decision-ids.bin", "findings.part.csv", "rejects.part.csv", "worktime.csv", "worktime_months.csv"]

    /// A name a run (of this version, or the hidden `.NAME.partial` of an older one) may have written.
    static func isRunFile(_ name: String) -> Bool {
        if runFileNames.contains(name) { return true }
        guard name.hasPrefix("."), name.hasSuffix(".partial") else { return false }
        return runFileNames.contains(String(name.dropFirst().dropLast(".partial".count)))
    }

    /// The folder named `given`, as a parent and a name: trailing slashes dropped; a symbolic
    /// link, `.` or `..` resolved, so the real folder is the one replaced.
    static func resolve(_ given: String) throws(AuditError) -> OutputTarget {
        var path = given
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        guard !path.isEmpty else {
            throw AuditError(.invocation, "no output folder given", hint: "name a folder with -o, e.g. -o out")
        }
        var status = stat()
        let last = path.split(separator: "/").last.map(String.init) ?? path
        if last == "." || last == ".." || (lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK) {
            guard let real = realpath(path, nil) else {
                throw AuditError(.output, "cannot find the output folder: \(String(cString: strerror(errno)))", file: given,
                                 hint: "name a folder with -o")
            }
            path = String(cString: real)
            free(real)
        }
        guard path != "/" else {
            throw AuditError(.invocation, "the output folder cannot be /", file: given, hint: "name a folder of its own with -o, e.g. -o out")
        }
        guard let slash = path.lastIndex(of: "/") else { return OutputTarget(parent: ".", name: path) }
        let parent = slash == path.startIndex ? "/" : String(path[..<slash])
        return OutputTarget(parent: parent, name: String(path[path.index(after: slash)...]))
    }

    /// Checks the parent folder, and the output folder when it exists; returns whether it does.
    func check(inputs: [String], keeping kept: String?, given: String) throws(AuditError) -> Bool {
        var parentStatus = stat()
        guard stat(parent, &parentStatus) == 0, parentStatus.st_mode & S_IFMT == S_IFDIR else {
            throw AuditError(.output, "the folder the output folder goes in does not exist: \(parent)", file: given,
                             hint: "create \(parent) first, or choose another output folder with -o")
        }
        if Self.othersMayWrite(parentStatus) && parentStatus.st_mode & S_ISVTX == 0 {
            throw AuditError(.invocation, "other users may write into \(parent) (mode \(Self.mode(parentStatus))), where the output folder is swapped in",
                             file: given, hint: "chmod go-w \(parent), or choose an output folder elsewhere with -o")
        }
        var status = stat()
        guard lstat(path, &status) == 0 else { return false }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            throw AuditError(.output, "the output path exists and is not a folder", file: given, hint: "name a folder with -o")
        }
        guard status.st_uid == geteuid() else {
            throw AuditError(.invocation, "the output folder belongs to another user", file: given, hint: "choose a folder of your own with -o")
        }
        if Self.othersMayWrite(status) {
            throw AuditError(.invocation, "other users may write into the output folder (mode \(Self.mode(status))): anyone could have changed what is in it",
                             file: given, hint: "check its files, then chmod 700 \(given); or choose another output folder with -o")
        }
        try checkInputs(inputs, keeping: kept, given: given)
        let foreign = foreignEntries()
        if !foreign.isEmpty {
            let shown = foreign.prefix(3).map { TerminalText.safe($0) }.joined(separator: ", ") + (foreign.count > 3 ? ", …" : "")
            throw AuditError(.invocation, "the output folder holds \(foreign.count) file(s) admaudit did not write (\(shown)); a run replaces the folder whole and never deletes what it did not write",
                             file: given, hint: "choose a new or empty folder with -o, or move those files out")
        }
        return true
    }

    /// No input may be a file of the output folder (by identity, so links count), but the
    /// kept pipeline file.
    private func checkInputs(_ inputs: [String], keeping kept: String?, given: String) throws(AuditError) {
        var entries: [(name: String, device: UInt64, inode: UInt64)] = []
        for name in entryNames() {
            var status = stat()
            if stat(path + "/" + name, &status) == 0 { entries.append((name, UInt64(status.st_dev), UInt64(status.st_ino))) }
        }
        let keptIdentity = kept.flatMap(Self.identity)
        for input in inputs {
            guard let identity = Self.identity(input) else { continue }
            for entry in entries where entry.device == identity.device && entry.inode == identity.inode {
                if entry.name == "pipeline.yaml", let keptIdentity, keptIdentity == identity { continue }
                throw AuditError(.invocation, "the input \(input) would be overwritten: it is \(entry.name) in the output folder, which a run replaces whole",
                                 file: input, hint: "choose another output folder with -o (or copy the input out of it first)")
            }
        }
    }

    /// Entries that are not a run's files, or are folders.
    func foreignEntries() -> [String] {
        entryNames().filter { name in
            var status = stat()
            guard lstat(path + "/" + name, &status) == 0 else { return false }
            return !Self.isRunFile(name) || status.st_mode & S_IFMT == S_IFDIR
        }.sorted()
    }

    /// The names in the output folder, `.` and `..` aside.
    func entryNames() -> [String] { Self.entryNames(of: path) }

    static func entryNames(of folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    static func identity(_ path: String) -> Identity? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Identity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }

    struct Identity: Equatable {
        var device: UInt64
        var inode: UInt64
    }

    /// Writable by someone other than the owner: by others, or by a group that is not the
    /// owner's private group (a group of the owner's name with no other member).
    static func othersMayWrite(_ status: stat) -> Bool {
        if status.st_mode & S_IWOTH != 0 { return true }
        guard status.st_mode & S_IWGRP != 0 else { return false }
        return !isPrivateGroup(gid: status.st_gid, ofOwner: status.st_uid)
    }

    private static func isPrivateGroup(gid: gid_t, ofOwner uid: uid_t) -> Bool {
        guard let user = getpwuid(uid), let group = getgrgid(gid) else { return false }
        let userName = String(cString: user.pointee.pw_name)
        guard String(cString: group.pointee.gr_name) == userName, user.pointee.pw_gid == gid else { return false }
        var member = group.pointee.gr_mem
        while let name = member?.pointee {
            if String(cString: name) != userName { return false }
            member = member?.advanced(by: 1)
        }
        return true
    }

    static func mode(_ status: stat) -> String {
        let bits = String(status.st_mode & 0o7777, radix: 8)
        return String(repeating: "0", count: max(0, 4 - bits.count)) + bits
    }
}
