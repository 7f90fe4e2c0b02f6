@testable import AdmAuditWorkbench
import Foundation
import XCTest

/// The workbench's pages, answered directly (`Workbench.respond`, no server): the token and
/// the host on every request, the mapping of a Chinese and an English export with a choice
/// changed, a run kept as a case, its outputs, a second run compared, and hostile names and
/// values kept as text.
final class WorkbenchPageTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private var folder: URL!
    private var workbench: Workbench!
    private let token = AccessToken(text: String(repeating: "ab", count: 32))

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("workbench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (fixture, name) in [("01-beisen-dismissals", "北森导出.csv"), ("11-workday-nyc-hiring", "workday.csv")] {
            try FileManager.default.copyItem(at: Self.root.appendingPathComponent("fixtures/exports/\(fixture)/export.csv"), to: folder.appendingPathComponent(name))
        }
        workbench = try Workbench(folder: folder.path, cases: cases.path, token: token, waitsForRuns: true)
    }

    private var cases: URL { folder.appendingPathExtension("cases") }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
        try? FileManager.default.removeItem(at: cases)
    }

    private func get(_ path: String, _ fields: [(String, String)] = [], token: String? = nil, host: String = "127.0.0.1:8080") -> WorkbenchResponse {
        workbench.respond(WorkbenchRequest(method: "GET", path: path, fields: fields.map { (name: $0.0, value: $0.1) }, token: token ?? self.token.text, host: host))
    }

    private func post(_ path: String, _ fields: [(String, String)], origin: String? = "http://127.0.0.1:8080") -> WorkbenchResponse {
        workbench.respond(WorkbenchRequest(method: "POST", path: path, fields: fields.map { (name: $0.0, value: $0.1) }, token: token.text, host: "127.0.0.1:8080"),
                          origin: origin)
    }

    private func text(_ response: WorkbenchResponse) -> String { String(decoding: response.body, as: UTF8.self) }

    private func header(_ response: WorkbenchResponse, _ name: String) -> String? { response.headers.first { $0.name == name }?.value }

    // MARK: access

    func testEveryPageNeedsTheToken() {
        for path in ["/", "/map", "/case/1", "/assets/workbench.css", "/compare"] {
            XCTAssertEqual(get(path, token: "").status, 403, path)
            XCTAssertEqual(get(path, token: "0" + token.text.dropFirst()).status, 403, path)
        }
        XCTAssertTrue(text(get("/", token: "")).contains("token"))
    }

    func testTheTokenInTheURLBecomesACookieAndLeavesTheAddress() {
        let response = workbench.respond(WorkbenchRequest(method: "GET", path: "/map", fields: [(name: "token", value: token.text)], host: "localhost:9"))
        XCTAssertEqual(response.status, 303)
        XCTAssertEqual(header(response, "Location"), "/map")
        let cookie = header(response, "Set-Cookie") ?? ""
        XCTAssertTrue(cookie.hasPrefix("\(Workbench.cookieName(for: token))=\(token.text);"))
        XCTAssertNotEqual(Workbench.cookieName(for: token), Workbench.cookieName(for: AccessToken()), "each server its own cookie")
        XCTAssertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
        let deep = workbench.respond(WorkbenchRequest(method: "GET", path: "/map", fields: [(name: "file", value: "导出 1.csv"), (name: "token", value: token.text)],
                                                      host: "localhost"))
        XCTAssertEqual(header(deep, "Location"), "/map?file=%E5%AF%BC%E5%87%BA%201.csv", "the rest of the address is kept")
        let wrong = workbench.respond(WorkbenchRequest(method: "GET", path: "/", fields: [(name: "token", value: "guess")], host: "localhost"))
        XCTAssertEqual(wrong.status, 403)
        XCTAssertNil(header(wrong, "Set-Cookie"))
    }

    func testARunningCaseShowsItsProgressAndReloadsItself() throws {
        let record = try workbench.store.open(input: "workday.csv", pipelineSHA256: "")
        let page = text(get("/case/\(record.id!)"))
        XCTAssertTrue(page.contains("<meta http-equiv=\"refresh\" content=\"1\">"))
        XCTAssertTrue(page.contains("<progress max=\"100\" value=\"0\"></progress>"))
        XCTAssertTrue(page.contains("0 rows, 0 rejected so far"))
        XCTAssertTrue(text(get("/")).contains("running"))
    }

    func testARunTheLastWorkbenchDidNotFinishIsMarkedFailedOnTheNextStart() throws {
        let record = try workbench.store.open(input: "workday.csv", pipelineSHA256: "")
        let again = try Workbench(folder: folder.path, cases: cases.path, token: token, waitsForRuns: true)
        XCTAssertEqual(again.store.record(record.id!)?.status, "failed")
        XCTAssertTrue(again.store.record(record.id!)?.message.contains("stopped before this run finished") ?? false)
    }

    func testOtherHostsAndOriginsAreRefused() {
        XCTAssertEqual(get("/", host: "evil.example:8080").status, 421, "a name rebound to 127.0.0.1")
        XCTAssertEqual(get("/", host: "127.0.0.1.evil.example").status, 421)
        XCTAssertEqual(get("/").status, 200)
        XCTAssertEqual(get("/", host: "localhost:1234").status, 200)
        XCTAssertEqual(post("/run", [("file", "workday.csv")], origin: "http://evil.example").status, 403)
        XCTAssertTrue(workbench.store.all().isEmpty, "nothing ran")
    }

    func testPathsOutsideTheFolderAreRefused() {
        for name in ["../secret.csv", "/etc/passwd", "admaudit-cases/cases.sqlite/..", "%2e%2e/x"] {
            let response = get("/map", [("file", name)])
            XCTAssertTrue([400, 404].contains(response.status), name)
        }
        XCTAssertEqual(get("/map", [("file", "../secret.csv")]).status, 400)
        XCTAssertEqual(get("/map", [("file", "workday.csv"), ("pipeline", "../../etc/passwd")]).status, 400)
        XCTAssertEqual(get("/map", [("file", "workday.csv"), ("col.2", "../../x")]).status, 400)
        XCTAssertEqual(get("/map", [("file", "workday.csv"), ("tz", "Mars/Olympus")]).status, 400)
    }

    // MARK: the inspector's path

    func testTheStartPageListsTheExports() {
        let page = text(get("/"))
        XCTAssertTrue(page.contains("北森导出.csv") && page.contains("workday.csv"))
        XCTAssertTrue(page.contains("No audit yet."))
        XCTAssertTrue(text(get("/", [("ui", "zh")])).contains("尚无审计"))
    }

    func testTheMappingPageShowsEveryColumnWithItsChoiceSamplesAndCounts() throws {
        let page = text(get("/map", [("file", "北森导出.csv"), ("ui", "zh")]))
        XCTAssertTrue(page.contains("<select name=\"col.1\" aria-label=\"记录ID\"><option value=\"-\">不使用</option><option value=\"decision_id\" selected>"), "record id proposed as decision_id")
        XCTAssertTrue(page.contains("ER2024111200041"), "sample values")
        XCTAssertTrue(page.contains("接受 46 行，拒收 1 行"), "validate's counts")
        XCTAssertTrue(page.contains("totals_row"), "the reject reason")
        XCTAssertTrue(page.contains("name=\"audit_date\" value=\"2025-09-30\""), "the export's own date")
    }

    func testThePagesFollowTheReportLanguageUnlessSwitched() throws {
        // The workbench speaks English; a Chinese export's mapping is in Chinese, as its report.
        XCTAssertTrue(text(get("/")).contains("Exports in the folder"))
        XCTAssertTrue(text(get("/")).contains("<a href=\"/map?file=%E5%8C%97"), "an export's mapping follows its report's language")
        let chinese = text(get("/map", [("file", "北森导出.csv")]))
        XCTAssertTrue(chinese.contains("<html lang=\"zh\">") && chinese.contains("列映射"))
        XCTAssertFalse(chinese.contains("name=\"ui\""), "nothing fixes the page's language")
        // The report language chosen on the page: the page follows it.
        XCTAssertTrue(text(get("/map", [("file", "北森导出.csv"), ("lang", "en")])).contains("<html lang=\"en\">"))
        // Switched: the page stays in the language asked for, whatever the report's.
        let switched = text(get("/map", [("file", "北森导出.csv"), ("ui", "en")]))
        XCTAssertTrue(switched.contains("<html lang=\"en\">") && switched.contains("<input type=\"hidden\" name=\"ui\" value=\"en\">"))
        // A case follows its report's language.
        XCTAssertEqual(header(post("/run", [("file", "北森导出.csv")]), "Location"), "/case/1")
        XCTAssertTrue(text(get("/case/1")).contains("<html lang=\"zh\">"))
        XCTAssertTrue(text(get("/case/1", [("ui", "en")])).contains("<html lang=\"en\">"))
    }

    func testChangingAColumnChangesThePipelineAndTheCounts() throws {
        // The English export: Gender not used; the counts and the pipeline follow.
        let before = text(get("/map", [("file", "workday.csv")]))
        XCTAssertTrue(before.contains("value=\"attribute.sex\" selected"))
        let yaml = text(get("/pipeline.yaml", [("file", "workday.csv"), ("col.12", "-")]))
        XCTAssertFalse(yaml.contains("sex: [\"Gender\"]"))
        XCTAssertTrue(text(get("/pipeline.yaml", [("file", "workday.csv")])).contains("sex: [\"Gender\"]"))
        // A select left as the page showed it is not a choice: init's evidence stays.
        let same = text(get("/map", [("file", "workday.csv"), ("col.0", "decision_id"), ("shown.col.0", "decision_id")]))
        XCTAssertFalse(same.contains("chosen by the inspector"))
        let changed = text(get("/map", [("file", "workday.csv"), ("col.12", "-"), ("col.14", "attribute.disability")]))
        XCTAssertTrue(changed.contains("chosen by the inspector"))
        XCTAssertTrue(changed.contains("<select name=\"col.12\" aria-label=\"Gender\"><option value=\"-\" selected>"))
    }

    func testADownloadedPipelineLoadedBackShowsTheSameChoices() throws {
        let fields = [("file", "workday.csv"), ("col.12", "-"), ("col.14", "attribute.disability"), ("audit_date", "2025-10-01"), ("lang", "zh")]
        let yaml = get("/pipeline.yaml", fields)
        XCTAssertEqual(header(yaml, "Content-Disposition"), "attachment; filename=\"pipeline.yaml\"")
        try Data(yaml.body).write(to: folder.appendingPathComponent("confirmed.yaml"))
        XCTAssertTrue(text(get("/")).contains("confirmed.yaml"))
        let chosen = text(get("/map", fields))
        let loaded = text(get("/map", [("file", "workday.csv"), ("pipeline", "confirmed.yaml")]))
        func selected(_ page: String) -> [String] {
            page.components(separatedBy: "<select ").dropFirst().map { select in
                select.components(separatedBy: "</select>")[0].components(separatedBy: "<option ").first { $0.contains(" selected") } ?? ""
            }
        }
        XCTAssertEqual(selected(loaded), selected(chosen))
        XCTAssertTrue(loaded.contains("value=\"2025-10-01\""))
        // And the pipeline it gives is the same file.
        XCTAssertEqual(text(get("/pipeline.yaml", [("file", "workday.csv"), ("pipeline", "confirmed.yaml")])), text(yaml))
    }

    func testARunIsKeptAsACaseWithItsOutputsAndCanBeComparedWithARunAgain() throws {
        let started = post("/run", [("file", "北森导出.csv"), ("ui", "zh")])
        XCTAssertEqual(started.status, 303)
        XCTAssertEqual(header(started, "Location"), "/case/1?ui=zh")
        let record = try XCTUnwrap(workbench.store.record(1))
        XCTAssertEqual(record.status, "done", record.message)
        XCTAssertEqual(record.rowsRead, 47)
        XCTAssertEqual(record.rejected, 1)
        XCTAssertGreaterThan(record.violations, 0)
        XCTAssertEqual(record.asOf, "2025-09-30")
        XCTAssertEqual(record.inputSHA256.count, 64)
        let page = text(get("/case/1", [("ui", "zh")]))
        XCTAssertTrue(page.contains("47 = 46 接受 + 1 拒收"))
        XCTAssertTrue(page.contains("<iframe class=\"report\""))
        // The report is served under a policy of its own: no script, sandboxed.
        let report = get("/case/1/out/report.html")
        XCTAssertEqual(report.status, 200)
        XCTAssertTrue(report.policy.contains("sandbox") && !report.policy.contains("script-src"))
        XCTAssertEqual(header(get("/case/1/out/findings.csv"), "Content-Disposition"), "attachment; filename=\"findings.csv\"")
        XCTAssertEqual(get("/case/1/out/cases.sqlite").status, 404)
        XCTAssertEqual(get("/case/1/out/..").status, 404)
        XCTAssertEqual(get("/case/99").status, 404)
        // Owner-only, as every output of admaudit.
        let attributes = try FileManager.default.attributesOfItem(atPath: workbench.store.caseFolder(1) + "/out/report.json")
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        // Run again, then compare: the same export and pipeline give the same findings.
        XCTAssertEqual(post("/case/1/rerun", []).status, 303)
        XCTAssertEqual(workbench.store.record(2)?.rerunOf, 1)
        let compare = text(get("/compare", [("a", "1"), ("b", "2")]))
        XCTAssertTrue(compare.contains("0 added in case 2, 0 no longer found"), compare)
        XCTAssertTrue(compare.contains("None: every impact ratio is the same in both."))
        let start = text(get("/"))
        XCTAssertTrue(start.contains("<a href=\"/case/2\">2</a>") && start.contains("<a href=\"/case/1\">1</a>"))
    }

    func testTheDownloadedPipelineRunByTheCommandLineGivesTheCasesFindings() throws {
        let fields = [("file", "workday.csv"), ("col.13", "-"), ("col.14", "attribute.disability")]
        XCTAssertEqual(post("/run", fields).status, 303)
        XCTAssertEqual(workbench.store.record(1)?.status, "done")
        let pipeline = folder.appendingPathComponent("confirmed.yaml")
        try Data(get("/pipeline.yaml", fields).body).write(to: pipeline)
        let out = folder.appendingPathComponent("cli-out")
        let process = Process()
        process.executableURL = ServeProcess.binary.deletingLastPathComponent().appendingPathComponent("admaudit")
        // In the folder, so that findings.csv names the export as the case does (source_file).
        process.currentDirectoryURL = folder
        process.arguments = ["run", "-p", pipeline.path, "-o", out.path, "workday.csv"]
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        for name in ["findings.csv", "rejects.csv"] {
            let fromCase = try Data(contentsOf: URL(fileURLWithPath: workbench.store.caseFolder(1) + "/out/" + name))
            let fromCLI = try Data(contentsOf: out.appendingPathComponent(name))
            XCTAssertEqual(fromCase, fromCLI, name)
        }
    }

    func testAComparisonShowsWhatAChoiceChanged() throws {
        _ = post("/run", [("file", "workday.csv")])
        _ = post("/run", [("file", "workday.csv"), ("col.13", "-")])   // Race/Ethnicity not used
        XCTAssertEqual(workbench.store.record(2)?.status, "done")
        let compare = text(get("/compare", [("a", "1"), ("b", "2")]))
        XCTAssertTrue(compare.contains("id=\"ratios-moved\""))
        XCTAssertFalse(compare.contains("None: every impact ratio"), "the ethnicity ratios are gone in case 2")
    }

    func testAValueNoVocabularyKnowsIsGivenAMeaningWithAClick() throws {
        try """
            Decision ID,Employee,Decision,Result,Decided At,Gender
            D1,E1,Termination,Separated – misconduct,2025-03-01 10:00,female
            D2,E2,Termination,Kept on,2025-03-02 10:00,male
            D3,E3,Termination,Separated – misconduct,2025-03-03 10:00,female

            """.write(to: folder.appendingPathComponent("values.csv"), atomically: true, encoding: .utf8)
        let mapped = [("file", "values.csv"), ("col.3", "outcome")]
        let page = text(get("/map", mapped))
        let name = MappingForm.valueName(.outcome, "Separated – misconduct")
        XCTAssertTrue(page.contains("<select name=\"\(name)\" aria-label=\"Separated – misconduct\"><option value=\"-\" selected>not read: rows rejected</option>"))
        XCTAssertTrue(page.contains("<option value=\"adverse\">adverse (suggested)</option>"))
        XCTAssertTrue(page.contains("1 rows accepted, 2 rejected"))
        let meant = mapped + [(name, "adverse")]
        let chosen = text(get("/map", meant))
        XCTAssertTrue(chosen.contains("3 rows accepted, 0 rejected"))
        XCTAssertTrue(chosen.contains("<option value=\"adverse\" selected>adverse (suggested)</option>"))
        XCTAssertEqual(get("/map", mapped + [(name, "maybe")]).status, 400, "a meaning not in the select")
        XCTAssertEqual(get("/map", mapped + [("val.outcome.zz", "adverse")]).status, 400, "not hex")
        // Two digits a byte, nothing else: `+f` would read as 0x0F with a sign Swift accepts.
        XCTAssertEqual(get("/map", mapped + [("val.outcome.+f", "adverse")]).status, 400, "a sign is no hex digit")
        XCTAssertEqual(MappingForm.spelling(hex: "4B65707420"), "Kept ")
        XCTAssertEqual(MappingForm.spelling(hex: "e28093"), "–")
        XCTAssertNil(MappingForm.spelling(hex: "e280"), "not UTF-8")
        XCTAssertNil(MappingForm.spelling(hex: "4"), "half a byte")
        // Downloaded and loaded back: the meaning is still chosen.
        try Data(get("/pipeline.yaml", meant).body).write(to: folder.appendingPathComponent("values.yaml"))
        let loaded = text(get("/map", [("file", "values.csv"), ("pipeline", "values.yaml")]))
        XCTAssertTrue(loaded.contains("<option value=\"adverse\" selected>adverse (suggested)</option>"))
        XCTAssertTrue(loaded.contains("3 rows accepted, 0 rejected"))
    }

    /// The form as a browser sends it: every hidden input, each select's selected option, each
    /// checked box, the values unescaped.
    private func formFields(_ page: String) -> [(String, String)] {
        func unescaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        }
        let form = page.components(separatedBy: "<form id=\"mapping\"")[1].components(separatedBy: "</form>")[0]
        var fields: [(String, String)] = []
        let input = try! NSRegularExpression(pattern: "<input type=\"(hidden|checkbox|date)\" name=\"([^\"]*)\" value=\"([^\"]*)\"( checked)?")
        for match in input.matches(in: form, range: NSRange(form.startIndex..., in: form)) {
            let kind = String(form[Range(match.range(at: 1), in: form)!])
            if kind == "checkbox" && match.range(at: 4).location == NSNotFound { continue }
            fields.append((unescaped(String(form[Range(match.range(at: 2), in: form)!])), unescaped(String(form[Range(match.range(at: 3), in: form)!]))))
        }
        for select in form.components(separatedBy: "<select name=\"").dropFirst() {
            let name = String(select.prefix { $0 != "\"" })
            let body = select.components(separatedBy: "</select>")[0]
            let selected = body.components(separatedBy: "<option value=\"").dropFirst().first { $0.contains("\" selected>") }
            fields.append((unescaped(name), unescaped(String((selected ?? "").prefix { $0 != "\"" }))))
        }
        return fields
    }

    func testSubmittingThePageRunsWhatTheDownloadGives() throws {
        // Site not used: init then guesses the zone and the jurisdictions. Those guesses, shown on
        // the page and sent back with it, stay init's, not the inspector's.
        let first = text(get("/map", [("file", "workday.csv"), ("col.3", "-")]))
        let download = text(get("/pipeline.yaml", [("file", "workday.csv"), ("col.3", "-")]))
        let submitted = formFields(first)
        XCTAssertTrue(submitted.contains { $0.0 == "shown.tz" })
        XCTAssertEqual(text(get("/pipeline.yaml", submitted)), download, "the page sent back is the pipeline downloaded")
        let again = text(get("/map", submitted))
        XCTAssertFalse(again.contains("chosen by the inspector"), "the zone and jurisdictions are still init's guesses")
        XCTAssertTrue(again.contains("To check (TODO)"), "and still marked for checking")
        XCTAssertEqual(post("/run", submitted).status, 303)
        XCTAssertEqual(try String(contentsOfFile: workbench.store.caseFolder(1) + "/pipeline.yaml", encoding: .utf8), download)
    }

    func testJurisdictionsInitFindsCanBeSubmitted() throws {
        let hongKong = try String(contentsOf: folder.appendingPathComponent("workday.csv"), encoding: .utf8)
            .replacingOccurrences(of: "\"New York, NY\"", with: "Hong Kong")
        try hongKong.write(to: folder.appendingPathComponent("hk.csv"), atomically: true, encoding: .utf8)
        let page = text(get("/map", [("file", "hk.csv")]))
        XCTAssertTrue(page.contains("value=\"HK\" checked"))
        XCTAssertEqual(get("/map", formFields(page)).status, 200)
        XCTAssertEqual(get("/map", [("file", "hk.csv"), ("jur", "HK"), ("jur", "HK"), ("jur", "EU")]).status, 200)
        for bad in ["NYC]\n  DM-01: off", "us", "X", "US-NYC-1"] {
            XCTAssertEqual(get("/map", [("file", "hk.csv"), ("jur", bad)]).status, 400, bad)
        }
    }

    func testAFieldChosenForTwoColumnsIsRefusedWithWhatToDo() {
        let response = get("/map", [("file", "workday.csv"), ("col.2", "decided_at"), ("col.8", "decided_at")])
        XCTAssertEqual(response.status, 400)
        XCTAssertTrue(text(response).contains("decided_at is chosen for two columns (3 and 9)"))
    }

    func testAValueWithControlsAndDirectionMarksCanBeGivenAMeaning() throws {
        try "Decision ID,Decision,Result,Decided At\nD1,dismissal,\"Ter\u{202E}min\tated\",2025-03-01\nD2,dismissal,kept,2025-03-02\n"
            .write(to: folder.appendingPathComponent("marks.csv"), atomically: true, encoding: .utf8)
        let base = [("file", "marks.csv"), ("col.1", "decision_type"), ("col.2", "outcome")]
        XCTAssertTrue(text(get("/map", base)).contains("1 rows accepted, 1 rejected"))
        let meant = base + [(MappingForm.valueName(.outcome, "Ter\u{202E}min\tated"), "adverse")]
        XCTAssertTrue(text(get("/map", meant)).contains("2 rows accepted, 0 rejected"))
    }

    func testACaseFolderThatIsALinkIsNotUsed() throws {
        let elsewhere = folder.appendingPathExtension("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let linked = folder.appendingPathExtension("linked")
        try FileManager.default.createSymbolicLink(at: linked, withDestinationURL: elsewhere)
        defer { try? FileManager.default.removeItem(at: linked) }
        XCTAssertThrowsError(try Workbench(folder: folder.path, cases: linked.path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path), [])
        // The index a link: refused too.
        let planted = folder.appendingPathExtension("planted")
        try FileManager.default.createDirectory(at: planted, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: planted) }
        try FileManager.default.createSymbolicLink(atPath: planted.path + "/cases.sqlite", withDestinationPath: elsewhere.path + "/x.db")
        XCTAssertThrowsError(try Workbench(folder: folder.path, cases: planted.path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: elsewhere.path + "/x.db"))
        // A case folder already there (left by anything) is not used: the case fails.
        try FileManager.default.createDirectory(atPath: cases.path + "/1", withIntermediateDirectories: false)
        XCTAssertEqual(post("/run", [("file", "workday.csv")]).status, 422)
        XCTAssertEqual(workbench.store.record(1)?.status, "failed")
    }

    func testHostileNamesAndValuesStayText() throws {
        let hostile = "Decision ID,Outcome <script>alert(1)</script>,Decided At,Gender\n"
            + "\"<img src=x onerror=alert(2)>\",dismissed,2025-03-01,\"female\"\"><script>alert(3)</script>\"\n"
            + "D2,kept,2025-03-02,male\n"
        let name = "<i>x<i>\"'&.csv"
        try hostile.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        for page in [text(get("/")), text(get("/map", [("file", name)]))] {
            XCTAssertFalse(page.contains("<script>alert"), page)
            XCTAssertFalse(page.contains("<img src=x"))
            XCTAssertFalse(page.contains("<i>x<i>"))
            XCTAssertEqual(page.components(separatedBy: "<script").count - 1, 1, "our own script tag only")
        }
        _ = post("/run", [("file", name)])
        let record = try XCTUnwrap(workbench.store.record(1))
        XCTAssertNotEqual(record.status, "running")
        for page in [text(get("/case/1")), text(get("/"))] {
            XCTAssertFalse(page.contains("<i>x<i>"))
            XCTAssertFalse(page.contains("<script>alert"))
        }
    }
}
