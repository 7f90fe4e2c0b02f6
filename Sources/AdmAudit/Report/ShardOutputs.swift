import Foundation

/// The findings and rejects of shards run separately, gathered by `admaudit merge` into the
/// merged output as one run over all the shards' inputs in that order writes them: the
/// header, every shard's rows in shard order, then the findings of the run-wide checks
/// (HR-03, DQ-02) judged on the merged observations. A shard's own run-wide findings judged
/// its part alone, so they are left out.
///
/// Each file is taken from the folder of its shard's `state.json`. A file is gathered only
/// when every shard has it and every copy starts with the header admaudit writes; otherwise
/// it is not written and a warning names the shard that kept it from being gathered, so a
/// merged folder never holds the rows of some shards as if they were all. Rows keep the
/// words of the run that wrote them (a shard run in English keeps English details); the
/// header is the same in every language.
public enum ShardOutputs {
    public struct Gathered: Sendable {
        /// The files written into the merged folder.
        public var written: [String] = []
        /// Why a file was not gathered: a warning each.
        public var diagnostics: [Diagnostic] = []
    }

    public static func gather(statePaths: [String], into folder: String, runCheckFindings: [Finding],
                              language: ReportLanguage) throws(AuditError) -> Gathered {
        var gathered = Gathered()
        for (name, header) in [("findings.csv", FileAuditSink.findingsHeader), ("rejects.csv", FileAuditSink.rejectsHeader)] {
            let sources = statePaths.map { (state: $0, file: (($0 as NSString).deletingLastPathComponent as NSString).appendingPathComponent(name)) }
            var refusal: (shard: String, code: Diagnostic.Code)? = nil
            for source in sources {
                guard FileManager.default.fileExists(atPath: source.file) else { refusal = (source.state, .shardFileMissing); break }
                guard try headerLine(of: source.file) == Array(header.utf8) else { refusal = (source.state, .shardFileOtherHeader); break }
            }
            if let refusal {
                gathered.diagnostics.append(Diagnostic(level: .warning, file: refusal.shard, code: refusal.code, values: ["name": .text(name)]))
                continue
            }
            let output = try OutputFile(folder: folder, name: name)
            try output.write(header)
            let findings = name == "findings.csv"
            for source in sources { try copyRows(source.file, into: output, keepingRunFindings: !findings) }
            if findings {
                let words = ReportText(language: language)
                for finding in runCheckFindings { try output.writeRow(FileAuditSink.row(finding, words: words)) }
            }
            try output.commit()
            gathered.written.append(name)
        }
        return gathered
    }

    /// The bytes up to and including the first line end (admaudit's header holds none
    /// inside quotes), at most 64 KiB.
    private static func headerLine(of path: String) throws(AuditError) -> [UInt8] {
        let handle = try open(path)
        defer { try? handle.close() }
        let start = [UInt8]((try? handle.read(upToCount: 1 << 16)) ?? Data())
        guard let end = start.firstIndex(of: 0x0A) else { return start }
        return Array(start[...end])
    }

    /// Copies the rows after the header, record by record (a quoted cell may hold line ends).
    /// A run-wide finding is the one kind of row with no decision id, so its record starts
    /// with the comma that ends the empty first cell; it is dropped unless kept.
    private static func copyRows(_ path: String, into output: OutputFile, keepingRunFindings: Bool) throws(AuditError) {
        let handle = try open(path)
        defer { try? handle.close() }
        var inHeader = true, inQuotes = false, atRecordStart = false, dropping = false
        var kept: [UInt8] = []
        kept.reserveCapacity(1 << 20)
        while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: 1 << 20) ?? Data() } catch {
                throw AuditError(.input, "cannot read the shard's file: \(error.localizedDescription)", file: path,
                                 hint: "check the shard's output folder, or run the shard again")
            }
            if chunk.isEmpty { break }
            for byte in chunk {
                if atRecordStart {
                    atRecordStart = false
                    dropping = !keepingRunFindings && byte == UInt8(ascii: ",")
                }
                if !inHeader && !dropping { kept.append(byte) }
                if byte == UInt8(ascii: "\"") {
                    inQuotes.toggle()
                } else if byte == 0x0A && !inQuotes {
                    inHeader = false
                    atRecordStart = true
                    dropping = false
                }
            }
            try output.write(bytes: kept)
            kept.removeAll(keepingCapacity: true)
        }
    }

    private static func open(_ path: String) throws(AuditError) -> FileHandle {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw AuditError(.input, "cannot open the shard's file", file: path, hint: "check the shard's output folder, or run the shard again")
        }
        return handle
    }
}
