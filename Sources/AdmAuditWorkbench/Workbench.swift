import AdmAudit
import Foundation

/// The workbench: a served folder's exports, their mapping, their audits and the cases kept
/// of them, answered request by request (`respond`), whatever server carries the requests
/// (`WorkbenchServer`, Hummingbird; the tests call `respond` directly too).
///
/// Every request needs the token (`AccessToken`): the URL `admaudit serve` prints carries it
/// once, and the answer sets it as an HttpOnly, SameSite=Strict cookie and sends the browser
/// on to the same page without it, so it stays out of history and of every link. A `Host`
/// other than 127.0.0.1 or localhost is refused (a page elsewhere rebinding a name to
/// 127.0.0.1), and so is a POST from another origin.
public final class Workbench: Sendable {
    public let folder: FolderGuard
    public let token: AccessToken
    /// The pages' language unless a page asks for the other (`ui=`).
    public let language: ReportLanguage
    let store: CaseStore
    let jobs: AuditJobs
    /// Runs finish before their answer (tests).
    let waitsForRuns: Bool

    /// The cookie's name, this server's own: two workbenches on one machine (cookies are not
    /// kept apart by port) do not overwrite each other's token.
    public var cookieName: String { Self.cookieName(for: token) }

    public static func cookieName(for token: AccessToken) -> String {
        "admaudit_" + WorkbenchHash.sha256(token.text).prefix(12)
    }

    /// `cases`: where the cases are kept (default `CaseStore.defaultFolder`, outside the served
    /// folder, which holds the employer's files).
    public init(folder: String, cases: String? = nil, token: AccessToken = AccessToken(), language: ReportLanguage = .en,
                waitsForRuns: Bool = false) throws(WorkbenchError) {
        self.folder = try FolderGuard(folder: folder)
        self.token = token
        self.language = language
        store = try CaseStore(folder: cases ?? CaseStore.defaultFolder(serving: self.folder.root))
        jobs = AuditJobs(store: store)
        self.waitsForRuns = waitsForRuns
    }

    /// The answer to one request; never throws: a refusal is a page saying why.
    public func respond(_ request: WorkbenchRequest, origin: String? = nil) -> WorkbenchResponse {
        guard Self.isLocal(request.host) else {
            return .html(errorPage(.refused("This workbench answers on 127.0.0.1 only."), language: language), status: 421)
        }
        if let given = request.field("token") {
            guard token.matches(given) else { return .html(errorPage(.unauthorised, language: language), status: 403) }
            // The token once, into a cookie; on to the same page without it.
            let rest = request.fields.filter { $0.name != "token" }
            let query = rest.isEmpty ? "" : "?" + rest.map { WorkbenchRequest.escaped($0.name) + "=" + WorkbenchRequest.escaped($0.value) }.joined(separator: "&")
            guard request.method == "GET", request.path.hasPrefix("/"), !request.path.hasPrefix("//"), !request.path.contains("\\") else {
                return .html(errorPage(.refused("The token is taken on a page's address only."), language: language), status: 400)
            }
            var response = WorkbenchResponse.redirect(request.path + query)
            response.headers.append(("Set-Cookie", "\(cookieName)=\(token.text); Path=/; HttpOnly; SameSite=Strict"))
            return response
        }
        guard token.matches(request.token) else { return .html(errorPage(.unauthorised, language: language), status: 403) }
        // A form from this very workbench only: its scheme, host and port.
        if request.method == "POST", let origin, origin != "http://" + (request.host ?? "") {
            return .html(errorPage(.refused("A form from another site was refused."), language: language), status: 403)
        }
        // The language a page was asked in (the switch on every page); else a mapping page and a
        // case follow their report's language, and the other pages the workbench's.
        let asked = request.field("ui").flatMap(ReportLanguage.init(rawValue:))
        do {
            return try route(request, asked: asked)
        } catch {
            return .html(errorPage(error, language: asked ?? language), status: error.status)
        }
    }

    private func route(_ request: WorkbenchRequest, asked: ReportLanguage?) throws(WorkbenchError) -> WorkbenchResponse {
        let language = asked ?? self.language
        let parts = request.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        let get = request.method == "GET", post = request.method == "POST"
        if get && parts.isEmpty { return .html(StartPage(workbench: self, language: language).render()) }
        if get && parts == ["assets", "workbench.css"] {
            return WorkbenchResponse(contentType: "text/css; charset=utf-8", body: Array(WorkbenchAssets.stylesheet.utf8))
        }
        if get && parts == ["assets", "workbench.js"] {
            return WorkbenchResponse(contentType: "text/javascript; charset=utf-8", body: Array(WorkbenchAssets.script.utf8))
        }
        if get && parts == ["map"] { return .html(try MappingPage(workbench: self, form: try form(request), asked: asked).render()) }
        if get && parts == ["pipeline.yaml"] {
            let yaml = try MappingPage.inferred(workbench: self, form: try form(request)).yaml
            var response = WorkbenchResponse(contentType: "application/yaml; charset=utf-8", body: Array(yaml.utf8))
            response.headers.append(("Content-Disposition", "attachment; filename=\"pipeline.yaml\""))
            return response
        }
        if post && parts == ["run"] { return .redirect(caseLink(try startRun(form: try form(request)), asked)) }
        if get && parts == ["compare"] {
            guard let a = request.field("a"), let b = request.field("b") else { throw .refused("name two cases (a= and b=)") }
            return .html(try ComparePage(workbench: self, a: try caseID(a), b: try caseID(b), language: language).render())
        }
        if parts.count >= 2, parts[0] == "case" {
            let id = try caseID(parts[1])
            if get && parts.count == 2 {
                let shown = asked ?? store.record(id).flatMap { ReportLanguage(rawValue: $0.language) } ?? language
                return .html(try CasePage(workbench: self, id: id, language: shown).render())
            }
            if post && parts.count == 3 && parts[2] == "rerun" { return .redirect(caseLink(try rerun(id), asked)) }
            if get && parts.count == 4 && parts[2] == "out" { return try output(case: id, name: parts[3]) }
        }
        throw .notFound("no page \(request.path)")
    }

    private func caseLink(_ id: Int64, _ asked: ReportLanguage?) -> String { "/case/\(id)" + (asked.map { "?ui=\($0.rawValue)" } ?? "") }

    private func form(_ request: WorkbenchRequest) throws(WorkbenchError) -> MappingForm {
        var form = try MappingForm(request)
        _ = try folder.file(form.file)
        if let pipeline = form.pipeline {
            // Start from the pipeline's choices; the form's own choices go over them.
            let path = try folder.file(pipeline)
            let loaded: Pipeline
            do { loaded = try PipelineLoader.load(path: path) } catch { throw .failed(error.description) }
            let headers = try MappingPage.inferred(workbench: self, form: MappingForm(file: form.file)).proposals.map(\.header)
            var choices = try fewest(InferenceChoices.reading(loaded, headers: headers), file: form.file)
            choices.columns.merge(form.choices.columns) { $1 }
            if let date = form.choices.auditDate { choices.auditDate = date }
            if let language = form.choices.language { choices.language = language }
            if let zone = form.choices.timeZone { choices.timeZone = zone }
            if let codes = form.choices.jurisdictions { choices.jurisdictions = codes }
            for (field, meanings) in form.choices.values { choices.values[field, default: [:]].merge(meanings) { $1 } }
            form.choices = choices
            form.pipeline = nil
        }
        return form
    }

    /// The fewest choices that make the same pipeline as `all` (a loaded pipeline's): a column
    /// whose target is what init gives it, given the other choices, is not a choice, nor a
    /// setting init infers the same. So a pipeline downloaded and loaded back shows as chosen
    /// what was chosen, and its YAML comes back the same.
    private func fewest(_ all: InferenceChoices, file: String) throws(WorkbenchError) -> InferenceChoices {
        var kept = InferenceChoices()
        var inferred = try MappingPage.inferred(workbench: self, form: MappingForm(file: file))
        // Each pass keeps the columns init would not give their target; a few passes settle it.
        for _ in 0..<4 {
            var next = InferenceChoices()
            for proposal in inferred.proposals {
                guard let wanted = all.columns[proposal.index], wanted != proposal.choice || kept.columns[proposal.index] != nil else { continue }
                next.columns[proposal.index] = wanted
            }
            if next.columns == kept.columns { break }
            kept.columns = next.columns
            inferred = try MappingPage.inferred(workbench: self, form: MappingForm(file: file, choices: kept))
        }
        guard let pipeline = try? inferred.pipeline(file: "pipeline.yaml") else { return all }
        if all.auditDate?.description != pipeline.auditDate { kept.auditDate = all.auditDate }
        if all.language != pipeline.report.language { kept.language = all.language }
        if all.timeZone != pipeline.input.timeZone { kept.timeZone = all.timeZone }
        if let codes = all.jurisdictions, codes != pipeline.checks.jurisdictions { kept.jurisdictions = codes }
        let own = InferenceChoices.pipelineValues(pipeline)
        for (field, meanings) in all.values {
            let chosen = meanings.filter { own[field]?[$0.key] != $0.value }
            if !chosen.isEmpty { kept.values[field] = chosen }
        }
        return kept
    }

    private func caseID(_ text: String) throws(WorkbenchError) -> Int64 {
        guard let id = Int64(text), id > 0, store.record(id) != nil else { throw .notFound("no case \(text)") }
        return id
    }

    func startRun(form: MappingForm, rerunOf: Int64? = nil) throws(WorkbenchError) -> Int64 {
        let input = try folder.file(form.file)
        let inferred = try MappingPage.inferred(workbench: self, form: form)
        let yaml = inferred.yaml
        let record = try store.open(input: form.file, pipelineSHA256: WorkbenchHash.sha256(yaml), language: inferred.language, rerunOf: rerunOf)
        jobs.start(record.id!, input: input, inputName: form.file, yaml: yaml, wait: waitsForRuns)
        return record.id!
    }

    /// The case's export and pipeline again, with this admaudit, as a new case.
    private func rerun(_ id: Int64) throws(WorkbenchError) -> Int64 {
        guard let record = store.record(id) else { throw .notFound("no case \(id)") }
        let input = try folder.file(record.input)
        guard let yaml = try? String(contentsOfFile: store.caseFolder(id) + "/pipeline.yaml", encoding: .utf8) else {
            throw .failed("case \(id) has no pipeline.yaml")
        }
        let new = try store.open(input: record.input, pipelineSHA256: WorkbenchHash.sha256(yaml),
                                 language: ReportLanguage(rawValue: record.language) ?? language, rerunOf: id)
        jobs.start(new.id!, input: input, inputName: record.input, yaml: yaml, wait: waitsForRuns)
        return new.id!
    }

    /// The names a case's outputs may be served under, with their types.
    static let outputTypes: [(name: String, type: String)] = [
        ("report.html", "text/html; charset=utf-8"), ("report.md", "text/markdown; charset=utf-8"), ("report.json", "application/json"),
        ("findings.csv", "text/csv; charset=utf-8"), ("rejects.csv", "text/csv; charset=utf-8"), ("worktime.csv", "text/csv; charset=utf-8"),
        ("worktime_months.csv", "text/csv; charset=utf-8"), ("pipeline.yaml", "application/yaml; charset=utf-8"),
    ]

    func outputPath(case id: Int64, name: String) -> String {
        name == "pipeline.yaml" ? store.caseFolder(id) + "/pipeline.yaml" : store.caseFolder(id) + "/out/" + name
    }

    private func output(case id: Int64, name: String) throws(WorkbenchError) -> WorkbenchResponse {
        guard let type = Self.outputTypes.first(where: { $0.name == name })?.type else { throw .notFound("no output \(name)") }
        guard let data = FileManager.default.contents(atPath: outputPath(case: id, name: name)) else { throw .notFound("case \(id) has no \(name)") }
        var response = WorkbenchResponse(contentType: type, body: Array(data))
        if name == "report.html" {
            response.policy = WorkbenchResponse.reportPolicy
        } else {
            response.headers.append(("Content-Disposition", "attachment; filename=\"\(name)\""))
        }
        return response
    }

    static func isLocal(_ host: String?) -> Bool {
        guard let host else { return false }
        let name = host.hasPrefix("[") ? String(host.prefix { $0 != "]" }) + "]" : String(host.prefix { $0 != ":" })
        return name == "127.0.0.1" || name == "localhost"
    }

    func errorPage(_ error: WorkbenchError, language: ReportLanguage) -> String {
        var page = Page(language: language)
        page.add("<p class=\"alarm\">\(page.input(error.message))</p>\n<p><a href=\"\(page.link("/"))\">\(page.words("Back to the start", "返回首页"))</a></p>\n")
        return page.document(title: language.text("Not done", "未能完成"))
    }
}
