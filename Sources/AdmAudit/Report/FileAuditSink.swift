/// The sink of `admaudit run`: findings.csv and rejects.csv, streamed as the run goes into
/// the run's temporary folder (`OutputFolder.folder`). A finding's subject, detail and legal
/// basis are worded here, in the report's language: the edge where the run's values meet
/// the reader.
public final class FileAuditSink: AuditSink {
    private let folder: String
    private let words: ReportText
    /// Unchecked exclusivity: one thread writes a sink (a part of a cut file has its own),
    /// and this check and the output file's (`OutputFile.buffer`) were a tenth of a findings
    /// line's instructions (callgrind, full.yaml).
    @exclusivity(unchecked) private var rows: FindingRows
    private let findings: OutputFile
    private let rejects: OutputFile
    static let findingsHeader = CSVText.row([
        "decision_id", "subject", "check_id", "severity", "decision_type", "decided_at",
        "detail", "not_recorded", "legal_basis", "source_file", "line",
    ])
    static let rejectsHeader = CSVText.row(["source_file", "line", "column", "reason_code", "reason", "fields"])

    public init(folder: String, language: ReportLanguage) throws(AuditError) {
        self.folder = folder
        words = ReportText(language: language)
        rows = FindingRows(words: words)
        findings = try OutputFile(folder: folder, name: "findings.csv")
        rejects = try OutputFile(folder: folder, name: "rejects.csv")
        try findings.write(Self.findingsHeader)
        try rejects.write(Self.rejectsHeader)
    }

    /// A part's files: owner-only, no header; appended or deleted, never kept.
    private init(partOf folder: String, words: ReportText) throws(AuditError) {
        self.folder = folder
        self.words = words
        rows = FindingRows(words: words)
        findings = try OutputFile(folder: folder, name: "findings.part.csv", isPart: true)
        rejects = try OutputFile(folder: folder, name: "rejects.part.csv", isPart: true)
    }

    public func makePart() throws(AuditError) -> (any AuditSink)? {
        try FileAuditSink(partOf: folder, words: words)
    }

    public func appendPart(_ part: any AuditSink) throws(AuditError) {
        guard let part = part as? FileAuditSink else { return }
        defer { part.abandonFiles() }
        try findings.append(contentsOf: part.findings)
        try rejects.append(contentsOf: part.rejects)
    }

    public func discard(part: any AuditSink) throws(AuditError) {
        (part as? FileAuditSink)?.abandonFiles()
        try restart()
    }

    public func restart() throws(AuditError) {
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
        try findings.write { rows.append(finding, to: &$0) }
    }

    /// The original fields go into one cell, re-encoded as a CSV line, so a ragged row
    /// keeps every field it had and the file keeps a fixed shape.
    public func reject(_ reject: Reject) throws(AuditError) {
        let original = reject.fields.map(CSVText.cell).joined(separator: ",")
        try rejects.writeRow([
            reject.file, String(reject.line), reject.column.map(String.init) ?? "", reject.code.rawValue, words.rejectReason(reject.detail), original,
        ])
    }

    public func readingEnded() throws(AuditError) {
        try findings.handWrittenToDisk()
        try rejects.handWrittenToDisk()
    }

    public func commit() throws(AuditError) {
        try findings.commit()
        try rejects.commit()
    }
}
