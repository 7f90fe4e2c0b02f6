/// Writes the readable and machine reports of a finished run into the output folder.
public enum ReportWriter {
    /// Writes report.json, report.md and report.html as the pipeline asks; returns the
    /// paths written.
    public static func write(_ result: AuditResult, to folder: String) throws(AuditError) -> [String] {
        var written: [String] = []
        let formats = result.pipeline.report.formats
        let renderers: [(ReportFormat, String, (AuditResult) -> String)] = [
            (.json, "report.json", JSONReport.render),
            (.md, "report.md", MarkdownReport.render),
            (.html, "report.html", HTMLReport.render),
        ]
        for (format, name, render) in renderers where formats.contains(format) {
            let file = try OutputFile(folder: folder, name: name)
            try file.write(render(result))
            try file.commit()
            written.append(file.finalPath)
        }
        return written
    }
}

/// The sink of `admaudit validate`: counts, and keeps the first few rejects of each
/// reason as examples; findings are not its business.
public final class CountingAuditSink: AuditSink {
    public private(set) var examples: [RejectCode: [Reject]] = [:]
    public private(set) var findings = 0
    public let examplesPerCode: Int

    public init(examplesPerCode: Int = 3) { self.examplesPerCode = examplesPerCode }

    public func finding(_ finding: Finding) { findings += 1 }

    public func reject(_ reject: Reject) {
        if examples[reject.code, default: []].count < examplesPerCode { examples[reject.code, default: []].append(reject) }
    }

    public func restart() {
        examples = [:]
        findings = 0
    }
}
