import Foundation

/// The folder `admaudit serve` was given, and the only files the browser may name: a path
/// from a request is taken relative to it, and refused when it is absolute, holds `..`, a
/// backslash or a control character, or resolves (through a symbolic link) outside the
/// folder or to anything but a regular file. The page lists the folder's own exports and
/// pipelines; a request may name a file in a subfolder too.
public struct FolderGuard: Sendable {
    /// The folder, its symbolic links resolved.
    public let root: String

    public init(folder: String) throws(WorkbenchError) {
        let resolved = URL(fileURLWithPath: folder).resolvingSymlinksInPath().standardizedFileURL.path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isFolder), isFolder.boolValue else {
            throw WorkbenchError.notFound("no folder \(folder)")
        }
        root = resolved
    }

    /// The real path of the regular file `name` in the folder, or an error saying why not.
    public func file(_ name: String) throws(WorkbenchError) -> String {
        guard !name.isEmpty, name.utf8.count <= 1024 else { throw .refused("no file named") }
        guard !name.hasPrefix("/"), !name.contains("\\"), !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw .refused("a file is named by its place in the folder")
        }
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard !parts.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) else { throw .refused("a file is named by its place in the folder") }
        let resolved = URL(fileURLWithPath: root + "/" + name).resolvingSymlinksInPath().standardizedFileURL.path
        guard resolved.hasPrefix(root + "/") else { throw .refused("the file is outside the folder") }
        // A regular file only: a FIFO or a device would block or never end.
        var status = stat()
        guard stat(resolved, &status) == 0 else { throw .notFound("no file \(name) in the folder") }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .refused("\(name) is not a regular file") }
        return resolved
    }

    /// The exports and pipelines in the folder (not in subfolders, not hidden):
    /// names ending .csv, .tsv, .txt, .yaml or .yml, sorted.
    public func listed() -> (exports: [String], pipelines: [String]) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        var exports: [String] = [], pipelines: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            guard (try? file(name)) != nil else { continue }
            let lower = name.lowercased()
            if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { pipelines.append(name) }
            else if lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") || lower.hasSuffix(".txt") { exports.append(name) }
        }
        return (exports, pipelines)
    }
}
