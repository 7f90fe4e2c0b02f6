import AdmAudit
import Foundation
import GRDB

/// One audit kept on the workbench: what was read (the export's name and SHA-256), with which
/// pipeline, as of which date, by which admaudit, and its headline figures, so an inspector
/// can come back to it, run it again with a newer admaudit and compare the two.
public struct CaseRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "audit_case"

    public var id: Int64?
    /// When the case was opened, UTC (ISO 8601): the index's order, never in a report.
    public var opened: String
    /// The export's name in the served folder.
    public var input: String
    public var inputSHA256: String = ""
    public var pipelineSHA256: String
    public var asOf: String = ""
    public var toolVersion: String
    /// The report's language (`en`, `zh`): the case page's, unless asked otherwise.
    public var language: String = "en"
    /// `running`, `done` or `failed`.
    public var status: String
    public var rowsRead: Int = 0
    public var accepted: Int = 0
    public var rejected: Int = 0
    public var violations: Int = 0
    public var checksWithFindings: Int = 0
    /// The lowest impact ratio of a group shown (not suppressed), if any is defined.
    public var lowestImpactRatio: Double? = nil
    /// What admaudit said when the run failed.
    public var message: String = ""
    /// The case this one ran again.
    public var rerunOf: Int64? = nil

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// An impact ratio of one case, for comparing two runs (`ComparePage`).
public struct CaseRatio: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "impact_ratio"
    public var caseID: Int64
    public var decisionType: String
    public var attribute: String
    public var groupLabel: String
    public var ratio: Double
}

/// A check's count of violations in one case.
public struct CaseCheckCount: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "check_count"
    public var caseID: Int64
    public var checkID: String
    public var violations: Int
    public var unknown: Int
}

/// The cases of a served folder: an SQLite index (`cases.sqlite`, GRDB) and a folder per case
/// (`N/`: pipeline.yaml and the run's outputs in `out/`), every one owner-only. Kept outside the
/// served folder (`defaultFolder`): that folder holds what the employer sent, and a planted
/// `cases.sqlite`, case folder or symbolic link there could forge cases or send the outputs
/// elsewhere. The folder, the index and each case folder are refused when they are symbolic
/// links or another user's; a case folder is made new for each case.
public final class CaseStore: Sendable {
    public let folder: String
    private let database: DatabaseQueue

    /// `$XDG_DATA_HOME/admaudit/cases/<served folder's key>` (default `~/.local/share/…`): the
    /// key is the start of the SHA-256 of the served folder's real path, so each folder has its
    /// cases.
    public static func defaultFolder(serving root: String) -> String {
        let environment = ProcessInfo.processInfo.environment
        let data = environment["XDG_DATA_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return data + "/admaudit/cases/" + WorkbenchHash.sha256(root).prefix(16)
    }

    public init(folder: String) throws(WorkbenchError) {
        self.folder = folder
        do {
            try Self.ownerOnlyFolder(folder, parents: true)
            let path = folder + "/cases.sqlite"
            var status = stat()
            if lstat(path, &status) == 0 {
                guard status.st_mode & S_IFMT == S_IFREG, status.st_uid == geteuid() else {
                    throw WorkbenchError.failed("\(path) is not a file of this user's: the workbench does not open it")
                }
            } else {
                // Made owner-only before SQLite opens it; its journal takes the same mode.
                let descriptor = Glibc.open(path, O_CREAT | O_WRONLY | O_EXCL | O_NOFOLLOW, 0o600)
                guard descriptor >= 0 else { throw WorkbenchError.failed("cannot create \(path)") }
                close(descriptor)
            }
            database = try DatabaseQueue(path: path)
            try Self.migrator.migrate(database)
            // A run the last workbench did not finish (stopped, or killed) did not finish.
            try database.write { db in
                try db.execute(sql: "UPDATE audit_case SET status = 'failed', message = ? WHERE status = 'running'",
                               arguments: ["The workbench stopped before this run finished; run it again."])
            }
        } catch let error as WorkbenchError {
            throw error
        } catch {
            throw .failed("cannot open the case index in \(folder): \(error.localizedDescription)")
        }
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("cases v1") { db in
            try db.create(table: CaseRecord.databaseTableName) { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("opened", .text).notNull()
                table.column("input", .text).notNull()
                table.column("inputSHA256", .text).notNull()
                table.column("pipelineSHA256", .text).notNull()
                table.column("asOf", .text).notNull()
                table.column("toolVersion", .text).notNull()
                table.column("language", .text).notNull()
                table.column("status", .text).notNull()
                table.column("rowsRead", .integer).notNull()
                table.column("accepted", .integer).notNull()
                table.column("rejected", .integer).notNull()
                table.column("violations", .integer).notNull()
                table.column("checksWithFindings", .integer).notNull()
                table.column("lowestImpactRatio", .double)
                table.column("message", .text).notNull()
                table.column("rerunOf", .integer)
            }
            try db.create(table: CaseRatio.databaseTableName) { table in
                table.column("caseID", .integer).notNull().references(CaseRecord.databaseTableName, onDelete: .cascade)
                table.column("decisionType", .text).notNull()
                table.column("attribute", .text).notNull()
                table.column("groupLabel", .text).notNull()
                table.column("ratio", .double).notNull()
            }
            try db.create(table: CaseCheckCount.databaseTableName) { table in
                table.column("caseID", .integer).notNull().references(CaseRecord.databaseTableName, onDelete: .cascade)
                table.column("checkID", .text).notNull()
                table.column("violations", .integer).notNull()
                table.column("unknown", .integer).notNull()
            }
        }
        return migrator
    }

    /// Makes `path` owner-only, or checks that it is: an existing one must be a folder of this
    /// user's and not a symbolic link. `parents`: the folders above it are made as needed.
    static func ownerOnlyFolder(_ path: String, parents: Bool = false) throws(WorkbenchError) {
        var status = stat()
        if lstat(path, &status) != 0 {
            if parents {
                let above = (path as NSString).deletingLastPathComponent
                if !above.isEmpty, above != path, lstat(above, &status) != 0 { try ownerOnlyFolder(above, parents: true) }
            }
            guard mkdir(path, 0o700) == 0 else { throw .failed("cannot make the folder \(path): \(String(cString: strerror(errno)))") }
            return
        }
        guard status.st_mode & S_IFMT == S_IFDIR, status.st_uid == geteuid() else {
            throw .failed("\(path) is not a folder of this user's (a link, a file or another user's): the workbench does not use it")
        }
        chmod(path, 0o700)
    }

    /// A case's folder, made new: one already there (left by anything) is not used.
    static func newFolder(_ path: String) throws(WorkbenchError) {
        guard mkdir(path, 0o700) == 0 else { throw .failed("cannot make the case folder \(path): \(String(cString: strerror(errno)))") }
    }

    /// A new case, running; its folder made.
    public func open(input: String, pipelineSHA256: String, language: ReportLanguage = .en, rerunOf: Int64? = nil) throws(WorkbenchError) -> CaseRecord {
        let formatter = ISO8601DateFormatter()
        var record = CaseRecord(opened: formatter.string(from: Date()), input: input, pipelineSHA256: pipelineSHA256,
                                toolVersion: AdmAuditVersion.current, language: language.rawValue, status: "running", rerunOf: rerunOf)
        do {
            try database.write { db in try record.insert(db) }
        } catch {
            throw .failed("cannot open a case: \(error.localizedDescription)")
        }
        do {
            try Self.newFolder(caseFolder(record.id!))
        } catch {
            fail(record.id!, message: error.message)
            throw error
        }
        return record
    }

    public func caseFolder(_ id: Int64) -> String { folder + "/\(id)" }

    /// The case's figures from its run.
    public func finish(_ id: Int64, result: AuditResult) throws(WorkbenchError) {
        do {
            try database.write { db in
                guard var record = try CaseRecord.fetchOne(db, key: id) else { return }
                record.status = "done"
                record.inputSHA256 = result.inputs.map(\.sha256).joined(separator: " ")
                record.asOf = result.asOf?.description ?? ""
                record.rowsRead = result.inputs.reduce(0) { $0 + $1.rowsRead }
                record.accepted = result.inputs.reduce(0) { $0 + $1.accepted }
                record.rejected = result.inputs.reduce(0) { $0 + $1.rejected }
                record.violations = result.checks.reduce(0) { $0 + $1.violations }
                record.checksWithFindings = result.checksWithFindings.count
                let shown = result.selection.flatMap { stratum in stratum.groups.filter { !$0.suppressed }.map { (stratum, $0) } }
                record.lowestImpactRatio = shown.compactMap { $0.1.impactRatio.value }.min()
                try record.update(db)
                for (stratum, group) in shown {
                    guard let ratio = group.impactRatio.value else { continue }
                    try CaseRatio(caseID: id, decisionType: stratum.decisionType.rawValue, attribute: stratum.attribute,
                                  groupLabel: group.group, ratio: ratio).insert(db)
                }
                for tally in result.checks {
                    try CaseCheckCount(caseID: id, checkID: tally.descriptor.id, violations: tally.violations, unknown: tally.unknown).insert(db)
                }
            }
        } catch {
            throw .failed("cannot record the case: \(error)")
        }
    }

    public func fail(_ id: Int64, message: String) {
        try? database.write { db in
            guard var record = try CaseRecord.fetchOne(db, key: id) else { return }
            record.status = "failed"
            record.message = message
            try record.update(db)
        }
    }

    /// Every case, newest first.
    public func all() -> [CaseRecord] {
        (try? database.read { db in try CaseRecord.order(Column("id").desc).fetchAll(db) }) ?? []
    }

    public func record(_ id: Int64) -> CaseRecord? {
        try? database.read { db in try CaseRecord.fetchOne(db, key: id) }
    }

    public func ratios(_ id: Int64) -> [CaseRatio] {
        (try? database.read { db in try CaseRatio.filter(Column("caseID") == id).fetchAll(db) }) ?? []
    }

    public func checkCounts(_ id: Int64) -> [CaseCheckCount] {
        (try? database.read { db in try CaseCheckCount.filter(Column("caseID") == id).order(Column("checkID")).fetchAll(db) }) ?? []
    }
}
