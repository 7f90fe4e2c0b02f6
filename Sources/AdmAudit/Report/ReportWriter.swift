/// Writes the readable and machine reports of a finished run into the output folder.
public enum ReportWriter {
    /// Writes report.json, report.md and report.html as the pipeline asks, and worktime.csv and
    /// worktime_months.csv when the run read activity logs; returns the paths written.
    public static func write(_ result: AuditResult, to folder: String) throws(AuditError) -> [String] {
        let names: [(ReportFormat, String)] = [(.json, "report.json"), (.md, "report.md"), (.html, "report.html")]
        let chosen = names.filter { result.pipeline.report.formats.contains($0.0) }
        // Each report is rendered on its own, two at a time with a second core; written in order.
        let texts = try ParallelWork.map(chosen.map(\.0), weight: { $0 == .json ? 1 : 2 }) { format throws(AuditError) -> String in
            switch format {
            case .json: JSONReport.render(result)
            case .md: MarkdownReport.render(result)
            case .html: HTMLReport.render(result)
            }
        }
        var written: [String] = []
        for (name, text) in zip(chosen.map(\.1), texts) {
            let file = try OutputFile(folder: folder, name: name)
            try file.write(text)
            try file.commit()
            written.append(file.finalPath)
        }
        if let workTime = result.workTime {
            let file = try OutputFile(folder: folder, name: "worktime.csv")
            try WorkTimeCSV.write(workTime, to: file)
            try file.commit()
            written.append(file.finalPath)
            let months = try OutputFile(folder: folder, name: "worktime_months.csv")
            try WorkMonthsCSV.write(workTime, to: months)
            try months.commit()
            written.append(months.finalPath)
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
