import Foundation

/// The findings and rejects of shards run separately, gathered by `admaudit merge` into the
/// merged output as one run over all the shards' inputs in that order writes them: the
/// header, every shard's rows in shard order, then the findings of the run-wide checks
/// (HR-03, DQ-02) judged on the merged observations. A shard's own run-wide findings judged
/// its part alone, so they are left out.
///
/// Each file is taken from the folder of its shard's `state.json`. A file is gathered only
/// when every shard has it, every copy starts with the header admaudit writes, no two
/// states share a folder, and each copy holds as many rows as its state counts (violations
/// of record checks, rejected rows); otherwise it is not written and a warning names the
/// shard that kept it from being gathered, so a merged folder never holds the rows of some
/// shards, or another shard's, as if they were all. Rows keep the
/// words of the run that wrote them (a shard run in English keeps English details); the
/// header is the same in every language.
public enum ShardOutputs {
    public struct Gathered: Sendable {
        /// The files written into the merged folder.
        public var written: [String] = []
        /// Why a file was not gathered: a warning each.
        public var diagnostics: [Diagnostic] = []
    }

    /// `unkeyed`: the shards were run with no pseudonym key (the merged `no_pseudonym_key` note).
    public static func gather(statePaths: [String], into folder: String, byproducts: AuditMerge.Byproducts,
                              language: ReportLanguage, unkeyed: Bool) throws(AuditError) -> Gathered {
        var gathered = Gathered()
        // Two states in one folder would gather that folder's files twice, and the other's never.
        let folders = statePaths.map { URL(fileURLWithPath: ($0 as NSString).deletingLastPathComponent).resolvingSymlinksInPath().path }
        if let shared = folders.indices.first(where: { folders.firstIndex(of: folders[$0]) != $0 }) {
            for (name, _) in files { gathered.diagnostics.append(notGathered(.shardFileShared, name, statePaths[shared])) }
            return gathered
        }
        for (name, header) in files {
            let sources = statePaths.map { (state: $0, file: (($0 as NSString).deletingLastPathComponent as NSString).appendingPathComponent(name)) }
            var refusal: (shard: String, code: Diagnostic.Code)? = nil
            for source in sources {
                // Only a regular file: a FIFO would block the merge for ever.
                guard (try? FileManager.default.attributesOfItem(atPath: source.file)[.type] as? FileAttributeType) == .typeRegular else {
                    refusal = (source.state, .shardFileMissing)
                    break
                }
                guard try headerLine(of: source.file) == Array(header.utf8) else { refusal = (source.state, .shardFileOtherHeader); break }
            }
            if let refusal {
                gathered.diagnostics.append(notGathered(refusal.code, name, refusal.shard))
                continue
            }
            let output = try OutputFile(folder: folder, name: name)
            try output.write(header)
            let findings = name == "findings.csv"
            var mismatch: String? = nil
            for (index, source) in sources.enumerated() {
                let rows = try copyRows(source.file, into: output, keepingRunFindings: !findings)
                let expected = index < byproducts.shardRows.count ? (findings ? byproducts.shardRows[index].findings : byproducts.shardRows[index].rejects) : rows
                // Rows that are not the shard's (a file copied from another shard's folder) would pass for its.
                if rows != expected, mismatch == nil { mismatch = source.state }
            }
            if let mismatch {
                output.abandon()
                gathered.diagnostics.append(notGathered(.shardFileMismatch, name, mismatch))
                continue
            }
            if findings {
                var rows = FindingRows(words: ReportText(language: language))
                for finding in byproducts.runCheckFindings { try output.write { rows.append(finding, to: &$0) } }
            }
            try output.commit()
            gathered.written.append(name)
        }
        // Without a key each shard keyed its pseudonyms by its own inputs (`no_pseudonym_key`).
        if statePaths.count > 1, gathered.written.contains("findings.csv"), unkeyed {
            gathered.diagnostics.append(Diagnostic(level: .warning, file: nil, code: .pseudonymsDifferAcrossShards))
        }
        return gathered
    }

    private static let files = [("findings.csv", FileAuditSink.findingsHeader), ("rejects.csv", FileAuditSink.rejectsHeader)]

    private static func notGathered(_ code: Diagnostic.Code, _ name: String, _ shard: String) -> Diagnostic {
        Diagnostic(level: .warning, file: shard, code: code, values: ["name": .text(name)])
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
    /// Returns how many rows it copied.
    private static func copyRows(_ path: String, into output: OutputFile, keepingRunFindings: Bool) throws(AuditError) -> Int {
        let handle = try open(path)
        defer { try? handle.close() }
        var inHeader = true, inQuotes = false, atRecordStart = false, dropping = false, copied = 0
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
                    if !dropping { copied += 1 }
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
        return copied
    }

    private static func open(_ path: String) throws(AuditError) -> FileHandle {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw AuditError(.input, "cannot open the shard's file", file: path, hint: "check the shard's output folder, or run the shard again")
        }
        return handle
    }
}
