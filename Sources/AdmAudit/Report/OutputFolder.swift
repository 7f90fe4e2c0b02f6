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

    private func flush() throws(AuditError) {
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
        let reportNames = ["report.json", "report.md", "report.html", "findings.csv", "rejects.csv"]
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
    private let findings: OutputFile
    private let rejects: OutputFile

    public init(folder: String) throws(AuditError) {
        findings = try OutputFile(folder: folder, name: "findings.csv")
        rejects = try OutputFile(folder: folder, name: "rejects.csv")
        try findings.write(CSVText.row([
            "decision_id", "subject", "check_id", "severity", "decision_type", "decided_at",
            "detail", "not_recorded", "legal_basis", "source_file", "line",
        ]))
        try rejects.write(CSVText.row(["source_file", "line", "column", "reason_code", "reason", "fields"]))
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
