import Foundation
import XCTest

/// The built `admaudit-serve` over HTTP: bound to 127.0.0.1, the token on every request, the
/// security headers on every answer, refusals for other hosts and for paths out of the folder,
/// and a clean stop on Ctrl-C.
final class WorkbenchServerTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: WorkbenchPageTests.root.appendingPathComponent("fixtures/exports/11-workday-nyc-hiring/export.csv"),
                                         to: folder.appendingPathComponent("workday.csv"))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func testTheServerNeedsItsTokenAndStopsOnCtrlC() throws {
        let server = try ServeProcess(folder: folder)
        XCTAssertTrue(server.url.hasPrefix("http://127.0.0.1:"))
        XCTAssertEqual(server.token.count, 64)
        let port = server.port

        let none = try RawHTTP.request(port: port, "/")
        XCTAssertEqual(none.status, 403)
        XCTAssertNotNil(none.header("Content-Security-Policy"))
        XCTAssertEqual(try RawHTTP.request(port: port, "/?token=" + String(repeating: "0", count: 64)).status, 403)
        XCTAssertEqual(try RawHTTP.request(port: port, "/", headers: ["Cookie": server.cookie.components(separatedBy: "=")[0] + "=wrong"]).status, 403)

        let entry = try RawHTTP.request(port: port, "/?token=\(server.token)")
        XCTAssertEqual(entry.status, 303)
        XCTAssertEqual(entry.header("Location"), "/")
        let cookie = server.cookie
        XCTAssertTrue(entry.header("Set-Cookie")?.hasPrefix(cookie + ";") ?? false)

        let start = try RawHTTP.request(port: port, "/", headers: ["Cookie": cookie])
        XCTAssertEqual(start.status, 200)
        XCTAssertTrue(start.body.contains("workday.csv"))
        XCTAssertEqual(start.header("Content-Security-Policy")?.contains("script-src 'self'"), true)
        XCTAssertEqual(start.header("X-Content-Type-Options"), "nosniff")
        XCTAssertEqual(start.header("Referrer-Policy"), "same-origin")

        XCTAssertEqual(try RawHTTP.request(port: port, "/", headers: ["Cookie": cookie, "Host": "attacker.example:\(port)"]).status, 421)
        XCTAssertEqual(try RawHTTP.request(port: port, "/map?file=..%2Fsecret.csv", headers: ["Cookie": cookie]).status, 400)
        XCTAssertEqual(try RawHTTP.request(port: port, "/map?file=%2Fetc%2Fpasswd", headers: ["Cookie": cookie]).status, 400)
        XCTAssertEqual(try RawHTTP.request(port: port, "/../../etc/passwd", headers: ["Cookie": cookie]).status / 100, 4)
        let foreign = try RawHTTP.request(port: port, method: "POST", "/run", headers: ["Cookie": cookie, "Origin": "http://attacker.example"], body: "file=workday.csv")
        XCTAssertEqual(foreign.status, 403)
        let large = try RawHTTP.request(port: port, method: "POST", "/run", headers: ["Cookie": cookie], body: "file=workday.csv&x=" + String(repeating: "a", count: 2 << 20))
        XCTAssertEqual(large.status, 413)

        XCTAssertEqual(server.interrupt(), 0, "Ctrl-C stops it cleanly")
        XCTAssertThrowsError(try RawHTTP.request(port: port, "/"), "nothing listens any more")
    }

    func testAdmauditServeRunsTheWorkbench() throws {
        let admaudit = ServeProcess.binary.deletingLastPathComponent().appendingPathComponent("admaudit")
        let server = try ServeProcess(folder: folder, executable: admaudit, arguments: ["serve"])
        XCTAssertEqual(try RawHTTP.request(port: server.port, "/?token=\(server.token)").status, 303)
        XCTAssertEqual(server.interrupt(), 0)
    }

    func testTheServerListensOnLoopbackOnly() throws {
        let server = try ServeProcess(folder: folder)
        defer { _ = server.interrupt() }
        // Every address of the machine but loopback: nothing answers there.
        let listening = try String(contentsOfFile: "/proc/net/tcp", encoding: .utf8)
        let hexPort = String(format: "%04X", server.port)
        let lines = listening.split(separator: "\n").filter { $0.contains(":\(hexPort) ") && $0.contains(" 0A ") }
        XCTAssertFalse(lines.isEmpty)
        for line in lines { XCTAssertTrue(line.contains("0100007F:\(hexPort)"), String(line)) }
    }
}
