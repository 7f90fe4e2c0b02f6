import Foundation
import XCTest

/// The inspector's path in a real browser (headless Chromium over the DevTools protocol):
/// open the workbench's URL, open an export, change one column's mapping with its select,
/// run the audit, and find the expected findings in the report as the browser renders it; in
/// Chinese and in English. And the refusals a browser meets without the token, with a wrong
/// one, and with `../` in a path.
final class WorkbenchBrowserTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (fixture, name) in [("01-beisen-dismissals", "北森导出.csv"), ("11-workday-nyc-hiring", "workday.csv")] {
            try FileManager.default.copyItem(at: WorkbenchPageTests.root.appendingPathComponent("fixtures/exports/\(fixture)/export.csv"),
                                             to: folder.appendingPathComponent(name))
        }
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func escaped(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text }

    /// Opens the export's mapping, sets column `column` to `choice` as a person would (the
    /// select changed, the page's script submitting the form), runs the audit, waits for the
    /// case page, and returns the report's text as the browser renders it.
    private func audit(_ export: String, column: Int, choice: String, language: String, browser: ChromiumPipe, server: ServeProcess) throws -> (casePage: String, report: String) {
        let base = "http://127.0.0.1:\(server.port)"
        try browser.navigate("\(base)/map?file=\(escaped(export))&ui=\(language)")
        try browser.wait(for: "document.getElementById('counts') !== null")
        try browser.evaluate("""
            (() => { const s = document.querySelector('select[name="col.\(column)"]'); s.value = '\(choice)';
                     s.dispatchEvent(new Event('change', { bubbles: true })); })()
            """)
        // The script submits the form: the page comes back with the choice in its address and its select.
        try browser.wait(for: "location.search.includes('col.\(column)=\(choice)') && document.querySelector('select[name=\"col.\(column)\"]').value === '\(choice)'")
        try browser.evaluate("document.getElementById('run').click()")
        try browser.wait(for: "location.pathname.startsWith('/case/') && document.getElementById('figures') !== null", timeout: 120)
        let casePage = try browser.text()
        // The report as the case page's frame shows it (sandboxed, so in a process of its own).
        let frame = try XCTUnwrap(try browser.frameSession(showing: "/out/report.html"), "no report frame in the case page")
        let deadline = Date().addingTimeInterval(30)
        var framed = ""
        while Date() < deadline, !(framed.contains("HR-01") || framed.contains("NT-01")) {
            framed = (try browser.evaluate("document.body ? document.body.innerText : ''", session: frame) as? String) ?? ""
            usleep(100_000)
        }
        XCTAssertTrue(framed.contains("HR-01") || framed.contains("NT-01"), "the report in the frame: \(framed.prefix(300))")
        let path = (try browser.evaluate("location.pathname") as? String) ?? ""
        try browser.navigate(base + path + "/out/report.html")
        try browser.wait(for: "document.querySelector('h1') !== null")
        return (casePage, try browser.text())
    }

    func testAChineseExportMappedRunAndReadInTheBrowser() throws {
        let server = try ServeProcess(folder: folder, arguments: ["--lang", "zh"])
        defer { _ = server.interrupt() }
        let browser = try ChromiumPipe()
        try browser.navigate(server.url)
        try browser.wait(for: "location.pathname === '/' && document.body.innerText.includes('北森导出.csv')")
        XCTAssertFalse(try (browser.evaluate("location.href") as? String ?? "").contains("token"), "the token leaves the address")
        // 部门 (the department) as the workplace: a group of its own in the report.
        let (casePage, report) = try audit("北森导出.csv", column: 4, choice: "site", language: "zh", browser: browser, server: server)
        XCTAssertTrue(casePage.contains("47 = 46 接受 + 1 拒收"), casePage)
        XCTAssertTrue(report.contains("NT-01"), "the notification check's findings")
        XCTAssertTrue(report.contains("装配一线"), "the chosen column's workplaces are in the report")
        XCTAssertTrue(report.contains("违规"))
    }

    func testAnEnglishExportMappedRunAndReadInTheBrowser() throws {
        let server = try ServeProcess(folder: folder)
        defer { _ = server.interrupt() }
        let browser = try ChromiumPipe()
        try browser.navigate(server.url)
        try browser.wait(for: "document.body.innerText.includes('workday.csv')")
        // Veteran Status as a protected attribute (disability stands for it here): its groups are measured.
        let (casePage, report) = try audit("workday.csv", column: 14, choice: "attribute.disability", language: "en", browser: browser, server: server)
        XCTAssertTrue(casePage.contains("Violations"), casePage)
        XCTAssertTrue(report.contains("disability"), "the chosen attribute's groups")
        XCTAssertTrue(report.contains("HR-01") || report.contains("NT-01"))
        XCTAssertTrue(report.contains("Local Law 144") || report.contains("LL144"), "the NYC hiring audit")
    }

    func testABrowserWithoutTheTokenIsRefused() throws {
        let server = try ServeProcess(folder: folder)
        defer { _ = server.interrupt() }
        let browser = try ChromiumPipe()
        let base = "http://127.0.0.1:\(server.port)"
        try browser.navigate(base + "/")
        try browser.wait(for: "document.body.innerText.includes('token')")
        XCTAssertFalse(try browser.text().contains("workday.csv"))
        try browser.navigate(base + "/?token=" + String(repeating: "0", count: 64))
        try browser.wait(for: "document.body.innerText.includes('token')")
        XCTAssertFalse(try browser.text().contains("workday.csv"))
        // With the token, a path out of the folder is still refused.
        try browser.navigate(server.url)
        try browser.wait(for: "document.body.innerText.includes('workday.csv')")
        try browser.navigate(base + "/map?file=..%2F..%2Fetc%2Fpasswd")
        try browser.wait(for: "document.body.innerText.includes('named by its place in the folder')")
        XCTAssertFalse(try browser.text().contains("root:"))
    }
}
