import Foundation
import XCTest

/// Headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`:
/// the browser reads commands on fd 3 and writes answers on fd 4, each a JSON object ended by
/// a NUL), so the tests click through the workbench in a real browser with nothing but
/// Debian's `chromium`. (Foundation's WebSocket client is not built with libcurl's WebSockets
/// here, and the pipe needs no port.)
final class ChromiumPipe {
    private var pid: pid_t = 0
    private let toBrowser: Int32
    private let fromBrowser: Int32
    private var pending: [UInt8] = []
    private var nextID = 0
    private let profile: URL
    /// The session of the page being driven.
    private(set) var session = ""

    struct Missing: Error {}

    /// Chromium on the PATH; in CI its absence fails the test, elsewhere it skips it.
    static func binary() throws -> String {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let candidate = String(folder) + "/" + name
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        if ProcessInfo.processInfo.environment["CI"] != nil {
            XCTFail("chromium is not installed: .ci/run should have installed it (apt-get install -y chromium)")
            throw Missing()
        }
        throw XCTSkip("chromium is not installed (apt-get install chromium); the workbench's browser tests are skipped")
    }

    init() throws {
        let browser = try Self.binary()
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString)")
        var commands: [Int32] = [0, 0], answers: [Int32] = [0, 0]
        guard pipe(&commands) == 0, pipe(&answers) == 0 else { throw POSIXError(.EMFILE) }
        // Only the copies made on fds 3 and 4 reach the browser.
        for descriptor in commands + answers { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, commands[0], 3)
        posix_spawn_file_actions_adddup2(&actions, answers[1], 4)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let arguments = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                         "--user-data-dir=\(profile.path)", "--remote-debugging-pipe", "about:blank"]
        var argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let spawned = posix_spawn(&pid, browser, &actions, nil, &argv, environ)
        close(commands[0])
        close(answers[1])
        toBrowser = commands[1]
        fromBrowser = answers[0]
        guard spawned == 0 else { throw POSIXError(.ENOENT) }
        let targets = try call("Target.getTargets", [:], inSession: false)
        let infos = (targets["targetInfos"] as? [[String: Any]]) ?? []
        guard let page = infos.first(where: { $0["type"] as? String == "page" })?["targetId"] as? String else { throw Missing() }
        session = try call("Target.attachToTarget", ["targetId": page, "flatten": true], inSession: false)["sessionId"] as? String ?? ""
    }

    deinit {
        close(toBrowser)
        close(fromBrowser)
        if pid > 0 { kill(pid, SIGKILL); var status: Int32 = 0; waitpid(pid, &status, 0) }
        try? FileManager.default.removeItem(at: profile)
    }

    /// Sends a command and waits for its answer (events on the way are passed over).
    @discardableResult
    func call(_ method: String, _ params: [String: Any] = [:], inSession: Bool = true, timeout: TimeInterval = 60) throws -> [String: Any] {
        nextID += 1
        var message: [String: Any] = ["id": nextID, "method": method, "params": params]
        if inSession { message["sessionId"] = session }
        var bytes = Array(try JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { write(toBrowser, $0.baseAddress, $0.count) }
            guard count > 0 else { throw POSIXError(.EPIPE) }
            sent += count
        }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let answer = try readMessage(until: deadline)
            guard answer["id"] as? Int == nextID else { continue }
            if let error = answer["error"] { XCTFail("\(method): \(error)"); return [:] }
            return answer["result"] as? [String: Any] ?? [:]
        }
    }

    private func readMessage(until deadline: Date) throws -> [String: Any] {
        while true {
            if let end = pending.firstIndex(of: 0) {
                let message = Array(pending[..<end])
                pending.removeFirst(end + 1)
                return (try JSONSerialization.jsonObject(with: Data(message)) as? [String: Any]) ?? [:]
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { throw POSIXError(.ETIMEDOUT) }
            var poller = pollfd(fd: fromBrowser, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(min(left, 5) * 1000)) >= 0 else { throw POSIXError(.EIO) }
            guard poller.revents != 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            let count = read(fromBrowser, &buffer, buffer.count)
            guard count > 0 else { throw POSIXError(.EPIPE) }
            pending += buffer[0..<count]
        }
    }

    /// The value of a JavaScript expression in the page, or in the frame `session` is attached to.
    func evaluate(_ expression: String, session other: String? = nil) throws -> Any? {
        let saved = session
        if let other { session = other }
        defer { session = saved }
        let result = try call("Runtime.evaluate", ["expression": expression, "returnByValue": true, "awaitPromise": true])
        return (result["result"] as? [String: Any])?["value"]
    }

    /// A session on the page's frame showing `urlPart` (a frame of its own process, such as a
    /// sandboxed one), once it is there.
    func frameSession(showing urlPart: String, timeout: TimeInterval = 30) throws -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let infos = (try call("Target.getTargets", inSession: false)["targetInfos"] as? [[String: Any]]) ?? []
            if let frame = infos.first(where: { $0["type"] as? String == "iframe" && ($0["url"] as? String)?.contains(urlPart) == true }),
               let id = frame["targetId"] as? String {
                return try call("Target.attachToTarget", ["targetId": id, "flatten": true], inSession: false)["sessionId"] as? String
            }
            usleep(100_000)
        }
        return nil
    }

    func navigate(_ url: String) throws { try call("Page.navigate", ["url": url]) }

    /// Waits until `condition` (a JavaScript expression) is true in a loaded page.
    func wait(for condition: String, timeout: TimeInterval = 60, file: StaticString = #filePath, line: UInt = #line) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if (try? evaluate("document.readyState === 'complete' && (\(condition))")) as? Bool == true { return }
            usleep(100_000)
        }
        XCTFail("the page never showed \(condition): \((try? evaluate("location.href + ' ' + document.documentElement.outerHTML.slice(0, 3000)")) ?? "")", file: file, line: line)
        throw POSIXError(.ETIMEDOUT)
    }

    func text() throws -> String { (try evaluate("document.body.innerText") as? String) ?? "" }
}
