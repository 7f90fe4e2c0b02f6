#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output file written safely: created readable by the owner only (0600), under a
/// temporary name in the same folder, and renamed into place only when complete, so a
/// crash never leaves a half report where a whole one is expected.
final class OutputFile {
    let finalPath: String
    let temporaryPath: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []

    init(folder: String, name: String) throws(AuditError) {
        finalPath = folder + "/" + name
        temporaryPath = folder + "/." + name + ".partial"
        unlink(temporaryPath)
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_TRUNC, 0o600)
        guard descriptor >= 0 else {
            throw AuditError(.output, "cannot create an output file: \(String(cString: strerror(errno)))", file: temporaryPath,
                             hint: "choose an output folder you may write to with -o")
        }
        buffer.reserveCapacity(1 << 16)
    }

    func write(_ text: String) throws(AuditError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    func write(bytes: [UInt8]) throws(AuditError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Writes one CSV line, escaped and neutralised (`CSVText`), straight into the buffer.
    func writeRow(_ values: [String]) throws(AuditError) {
        CSVText.append(row: values, to: &buffer)
        if buffer.count >= 1 << 16 { try flush() }
    }

    func flush() throws(AuditError) {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw AuditError(.output, "cannot write: \(String(cString: strerror(errno)))", file: temporaryPath)
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, then adds the bytes written to `other` so far (a part of the same run).
    func append(contentsOf other: OutputFile) throws(AuditError) {
        try flush()
        try other.flush()
        let source = open(other.temporaryPath, O_RDONLY)
        guard source >= 0 else {
            throw AuditError(.output, "cannot read back a part: \(String(cString: strerror(errno)))", file: other.temporaryPath)
        }
        defer { close(source) }
        var piece = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = piece.withUnsafeMutableBytes { Glibc.read(source, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw AuditError(.output, "cannot read back a part: \(String(cString: strerror(errno)))", file: other.temporaryPath) }
            if n == 0 { break }
            buffer.append(contentsOf: piece[0..<n])
            try flush()
        }
    }

    /// Empties the file (and what is buffered), to write it again from the start.
    func truncate() throws(AuditError) {
        buffer.removeAll(keepingCapacity: true)
        guard ftruncate(descriptor, 0) == 0, lseek(descriptor, 0, SEEK_SET) == 0 else {
            throw AuditError(.output, "cannot empty an output file: \(String(cString: strerror(errno)))", file: temporaryPath)
        }
    }

    /// Closes and deletes the file without putting it in place.
    func abandon() {
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        unlink(temporaryPath)
    }

    /// Flushes, syncs and renames into place.
    func commit() throws(AuditError) {
        try flush()
        fsync(descriptor)
        close(descriptor)
        descriptor = -1
        guard rename(temporaryPath, finalPath) == 0 else {
            throw AuditError(.output, "cannot rename into place: \(String(cString: strerror(errno)))", file: finalPath)
        }
    }

    deinit {
        if descriptor >= 0 {
            close(descriptor)
            unlink(temporaryPath)
        }
    }
}

/// The output folder of a run: created (0700) if missing; files go in through `OutputFile`.
public enum OutputFolder {
    public static func prepare(_ path: String, inputs: [String]) throws(AuditError) {
        var status = stat()
        if stat(path, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else {
                throw AuditError(.output, "the output path exists and is not a folder", file: path, hint: "name a folder with -o")
            }
        } else if mkdir(path, 0o700) != 0 {
            throw AuditError(.output, "cannot create the output folder: \(String(cString: strerror(errno)))", file: path,
                             hint: "create its parent folder first, or choose another with -o")
        }
        // Never overwrite an input: refuse an output folder that holds one by a report's name.
        let reportNames = ["report.json", "report.md", "report.html", "findings.csv", "rejects.csv", "pipeline.yaml", "state.json"]
        for input in inputs {
            let resolvedInput = realPath(input)
            for name in reportNames where resolvedInput != nil && resolvedInput == realPath(path + "/" + name) {
                throw AuditError(.invocation, "the input \(input) would be overwritten by the report file \(name)", file: input,
                                 hint: "choose another output folder with -o")
            }
        }
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// The sink of `admaudit run`: findings.csv and rejects.csv, streamed as the run goes.
public final class FileAuditSink: AuditSink {
    private let folder: String
    private let findings: OutputFile
    private let rejects: OutputFile
    private static let findingsHeader = CSVText.row([
        "decision_id", "subject", "check_id", "severity", "decision_type", "decided_at",
        "detail", "not_recorded", "legal_basis", "source_file", "line",
    ])
    private static let rejectsHeader = CSVText.row(["source_file", "line", "column", "reason_code", "reason", "fields"])

    public init(folder: String) throws(AuditError) {
        self.folder = folder
        findings = try OutputFile(folder: folder, name: "findings.csv")
        rejects = try OutputFile(folder: folder, name: "rejects.csv")
        try findings.write(Self.findingsHeader)
        try rejects.write(Self.rejectsHeader)
    }

    /// A part's files: hidden, owner-only, no header; appended or deleted, never kept.
    private init(partOf folder: String) throws(AuditError) {
        self.folder = folder
        findings = try OutputFile(folder: folder, name: "findings.part.csv")
        rejects = try OutputFile(folder: folder, name: "rejects.part.csv")
    }

    public func makePart() throws(AuditError) -> (any AuditSink)? {
        try FileAuditSink(partOf: folder)
    }

    public func appendPart(_ part: any AuditSink) throws(AuditError) {
        guard let part = part as? FileAuditSink else { return }
        defer { part.abandonFiles() }
        try findings.append(contentsOf: part.findings)
        try rejects.append(contentsOf: part.rejects)
    }

    public func discard(part: any AuditSink) throws(AuditError) {
        (part as? FileAuditSink)?.abandonFiles()
        try findings.truncate()
        try rejects.truncate()
        try findings.write(Self.findingsHeader)
        try rejects.write(Self.rejectsHeader)
    }

    private func abandonFiles() {
        findings.abandon()
        rejects.abandon()
    }

    public func finding(_ finding: Finding) throws(AuditError) {
        try findings.writeRow([
            finding.decisionID, finding.subject, finding.checkID, finding.severity.rawValue,
            finding.decisionType?.rawValue ?? "", finding.decidedAt, finding.detail,
            finding.notRecorded ? "yes" : "no", finding.legalBasis, finding.file, finding.line > 0 ? String(finding.line) : "",
        ])
    }

    /// The original fields go into one cell, re-encoded as a CSV line, so a ragged row
    /// keeps every field it had and the file keeps a fixed shape.
    public func reject(_ reject: Reject) throws(AuditError) {
        let original = reject.fields.map(CSVText.cell).joined(separator: ",")
        try rejects.writeRow([
            reject.file, String(reject.line), reject.column.map(String.init) ?? "", reject.code.rawValue, reject.reason, original,
        ])
    }

    public func commit() throws(AuditError) {
        try findings.commit()
        try rejects.commit()
    }
}
