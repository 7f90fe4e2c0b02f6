import Foundation
import XCTest

/// Runs the real `admaudit` binary, then opens its `report.html` in headless Chromium and
/// reads the DOM the browser built: the charts and tables are there, no script ran or
/// exists, and hostile values from the export stayed text.
///
/// Without a `chromium` binary the tests skip, except in CI (`CI` set), where `.ci/run`
/// installs it and its absence is a failure.
final class HTMLReportInBrowserTests: BinaryTestCase {
    private static let root = AdmAuditBinary.root

    /// Stops a test whose browser is missing in CI (the failure says why).
    private struct ChromiumMissing: Error {}

    private func path(_ relative: String) -> String { Self.root.appendingPathComponent(relative).path }

    private var binary: URL { AdmAuditBinary.url }

    /// Chromium on the PATH; in CI its absence fails the test, elsewhere it skips it.
    private func chromium() throws -> URL {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for folder in folders {
            for name in ["chromium", "chromium-browser"] {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        if ProcessInfo.processInfo.environment["CI"] != nil {
            XCTFail("chromium is not installed: .ci/run should have installed it (apt-get install -y chromium)")
            throw ChromiumMissing()
        }
        throw XCTSkip("chromium is not installed (apt-get install chromium); the browser checks of report.html are skipped")
    }

    /// Runs a program in the work folder; stdout is returned, stderr kept for messages.
    /// A run longer than `timeout` seconds is ended and fails the test.
    private func run(_ executable: URL, _ arguments: [String], timeout: TimeInterval = 120) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = work
        let errFile = work.appendingPathComponent("stderr-\(UUID().uuidString).txt")
        FileManager.default.createFile(atPath: errFile.path, contents: nil)
        let err = try FileHandle(forWritingTo: errFile)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        try err.close()
        let errors = (try? String(contentsOf: errFile, encoding: .utf8)) ?? ""
        if process.terminationReason == .uncaughtSignal {
            XCTFail("\(executable.lastPathComponent) did not finish within \(Int(timeout)) s: \(errors.suffix(2000))")
        }
        return (process.terminationStatus, String(decoding: data, as: UTF8.self), errors)
    }

    /// The DOM Chromium builds from the file, serialised.
    private func renderedDOM(_ file: URL) throws -> String {
        let browser = try chromium()
        let profile = work.appendingPathComponent("chromium-profile").path
        let result = try run(browser, ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile)",
                                       "--dump-dom", file.absoluteString])
        XCTAssertEqual(result.status, 0, result.err.suffix(2000).description)
        XCTAssertTrue(result.out.contains("</html>"), "no DOM from chromium: \(result.err.suffix(2000))")
        return result.out
    }

    private func count(_ pattern: String, in text: String) -> Int {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        return regex.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
    }

    func testTheSampleReportShowsItsChartsAndTablesInTheBrowser() throws {
        _ = try chromium()
        let audit = try run(binary, ["run", "-p", path("pipelines/nyc-ll144.yaml"), "-o", "out", "--as-of", "2025-06-30",
                                     path("fixtures/sample/decisions_en.csv")])
        XCTAssertEqual(audit.status, 0, audit.err)
        XCTAssertTrue(audit.err.contains("report.html"), audit.err)
        let file = work.appendingPathComponent("out/report.html")
        let source = try String(contentsOf: file, encoding: .utf8)
        let dom = try renderedDOM(file)

        // The LL144 sample: 5 decision types × (sex, race/ethnicity, their intersection), and its
        // sanctions (discipline, dismissal) pooled by severity × the same three.
        let expected = ["chart-selection": 18, "chart-heatmap": 6, "chart-findings": 1, "chart-drift": 15]
        for (kind, number) in expected {
            XCTAssertEqual(count("<svg class=\"chart \(kind)\" role=\"img\" aria-label=\"[^\"]+\"", in: dom), number, kind)
            XCTAssertEqual(count("<svg class=\"chart \(kind)\"", in: source), number, kind)
        }
        XCTAssertEqual(count("<svg[ >]", in: dom), 40, "only the charts are SVG")
        XCTAssertEqual(count("<table[ >]", in: dom), count("<table[ >]", in: source))
        XCTAssertGreaterThan(count("<table class=\"selection\"", in: dom), 0)
        XCTAssertEqual(count("<tr>", in: dom), count("<tr>", in: source), "every row survived parsing")
        XCTAssertEqual(count("<script", in: dom), 0)
        XCTAssertTrue(dom.contains("<html lang=\"en\">"))
    }

    /// The fixture company's logs through init and run: the working-time section, its table and
    /// its heat map of 168 hours as Chromium builds them, in Chinese.
    func testTheWorkingTimeSectionAndItsHeatMapInTheBrowser() throws {
        _ = try chromium()
        let chat = path("fixtures/activity-company/chat_zh.csv"), login = path("fixtures/activity-company/login_en.csv")
        let initialized = try run(binary, ["init", chat])
        XCTAssertEqual(initialized.status, 0, initialized.err)
        try Data(initialized.out.utf8).write(to: work.appendingPathComponent("p.yaml"))
        let audit = try run(binary, ["run", "-p", work.appendingPathComponent("p.yaml").path, "-o", "out", chat, login])
        XCTAssertEqual(audit.status, 0, audit.err)
        let dom = try renderedDOM(work.appendingPathComponent("out/report.html"))
        XCTAssertTrue(dom.contains("<section id=\"work-time\">"), String(dom.prefix(2000)))
        XCTAssertEqual(count("<svg class=\"chart chart-hour-of-week\" role=\"img\" aria-label=\"[^\"]+\"", in: dom), 1)
        let heatmap = dom.components(separatedBy: "chart-hour-of-week")[1].components(separatedBy: "</svg>")[0]
        XCTAssertEqual(count("<rect ", in: heatmap), 168)
        XCTAssertEqual(count("<table class=\"work-time\"", in: dom), 1)
        XCTAssertTrue(dom.contains("活动日志中的工作时间"))
        XCTAssertEqual(count("<script", in: dom), 0)
    }

    func testHostileValuesAreTextInTheBrowserAndNeutralisedInTheCSVFiles() throws {
        _ = try chromium()
        // The export under a hostile file name: it reaches every output as source_file.
        let input = "=1+1<img src=x onerror=alert(1)>.csv"
        try FileManager.default.copyItem(atPath: path("fixtures/hostile/hostile.csv"), toPath: work.appendingPathComponent(input).path)
        let audit = try run(binary, ["run", "-p", path("fixtures/hostile/hostile.yaml"), "-o", "out", input])
        XCTAssertEqual(audit.status, 0, audit.err)
        let file = work.appendingPathComponent("out/report.html")
        let source = try String(contentsOf: file, encoding: .utf8)
        let dom = try renderedDOM(file)

        XCTAssertEqual(count("<script", in: dom), 0)
        XCTAssertEqual(count("<img", in: dom), 0)
        XCTAssertEqual(count("<b>", in: dom), 0)
        XCTAssertEqual(count("<[^>]*\\son[a-z]+=", in: dom), 0, "no event handler attribute")
        XCTAssertFalse(dom.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) })
        // The values are the text of the elements the report put them in.
        XCTAssertTrue(dom.contains("<h1><bdi>&lt;script&gt;alert('title')&lt;/script&gt; =HYPERLINK(\"http://evil\",\"click\") www.evil.example [U+202E]evil</bdi></h1>"))
        XCTAssertTrue(dom.contains("<tr><td><bdi>&lt;script&gt;alert(1)&lt;/script&gt;</bdi></td>"))
        XCTAssertTrue(dom.contains("<code><bdi>reviewer &lt;img src=x onerror=alert(1)&gt;</bdi></code>"))
        XCTAssertTrue(dom.contains("<td><bdi>=1+1&lt;img src=x onerror=alert(1)&gt;.csv</bdi></td>"))
        XCTAssertTrue(dom.contains("<title>&lt;img src=x onerror=alert(1)&gt;</title>"), "in the SVG charts too")
        XCTAssertEqual(count("<bdi>", in: dom), count("<bdi>", in: source), "the browser kept the report's structure")
        XCTAssertEqual(count("<svg[ >]", in: dom), count("<svg[ >]", in: source))

        // The CSV files: the file name, ids and subjects that look like formulas start with '.
        let rejects = try String(contentsOf: work.appendingPathComponent("out/rejects.csv"), encoding: .utf8)
        let rejectLines = rejects.split(separator: "\n").filter { !$0.hasPrefix("source_file,") && $0.contains(".csv,") }
        XCTAssertEqual(rejectLines.count, 3, rejects)
        XCTAssertTrue(rejectLines.allSatisfy { $0.hasPrefix("'=1+1<img") }, rejects)
        let findings = try String(contentsOf: work.appendingPathComponent("out/findings.csv"), encoding: .utf8)
        XCTAssertTrue(findings.contains(",'=1+1<img src=x onerror=alert(1)>.csv,"), findings)
        XCTAssertFalse(findings.contains(",=1+1"), findings)
        XCTAssertTrue(findings.contains("\n'+cmd|' /C calc'!A0,'-2+3,"), findings)
        XCTAssertTrue(findings.contains("\n-2.5,E12,"), "a plain number stays a number")
    }
}
