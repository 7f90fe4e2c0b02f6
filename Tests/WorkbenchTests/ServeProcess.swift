import AdmAuditWorkbench
import Foundation
import XCTest

/// The built `admaudit-serve`, started on a folder on any free port, as an inspector starts it;
/// stopped with SIGINT, as Ctrl-C stops it.
final class ServeProcess {
    let process = Process()
    let url: String
    let port: Int
    let token: String
    /// Where its cases are kept (beside the folder, removed with it by the test).
    let cases: URL
    /// The cookie that carries the token.
    var cookie: String { Workbench.cookieName(for: AccessToken(text: token)) + "=" + token }

    static var binary: URL {
        var folder = Bundle(for: ServeProcess.self).bundleURL.deletingLastPathComponent()
        if !FileManager.default.fileExists(atPath: folder.appendingPathComponent("admaudit-serve").path) {
            folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        }
        return folder.appendingPathComponent("admaudit-serve")
    }

    /// `executable`: admaudit-serve, or admaudit with `serve` first in `arguments`.
    init(folder: URL, executable: URL = ServeProcess.binary, arguments: [String] = []) throws {
        process.executableURL = executable
        cases = folder.appendingPathExtension("cases")
        process.arguments = arguments + ["--port", "0", "--cases", cases.path, folder.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The one line it prints: the URL with the token.
        var line = Data()
        let deadline = Date().addingTimeInterval(30)
        while !line.contains(UInt8(ascii: "\n")), Date() < deadline {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let range = text.range(of: "http://127.0.0.1:") else {
            process.terminate()
            throw XCTSkip("admaudit-serve printed no URL: \(text)")
        }
        url = String(text[range.lowerBound...].prefix { !$0.isWhitespace })
        port = Int(url.dropFirst("http://127.0.0.1:".count).prefix { $0.isNumber }) ?? 0
        token = String(url.components(separatedBy: "token=").last ?? "")
    }

    /// Ctrl-C; the exit status, or nil when it did not stop within `timeout` seconds.
    func interrupt(timeout: TimeInterval = 20) -> Int32? {
        kill(process.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(50_000) }
        if process.isRunning { process.terminate(); return nil }
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(at: cases)
    }
}

/// HTTP/1.1 over a plain socket, so a test says exactly what is sent (a Host of its choosing,
/// no redirect followed).
enum RawHTTP {
    struct Answer {
        var status: Int
        var headers: [(String, String)]
        var body: String
        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    }

    static func request(port: Int, method: String = "GET", _ target: String, headers: [String: String] = [:], body: String = "") throws -> Answer {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EIO) }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        var all = ["Host": "127.0.0.1:\(port)", "Connection": "close"]
        all.merge(headers) { $1 }
        if !body.isEmpty { all["Content-Length"] = "\(body.utf8.count)"; all["Content-Type"] = "application/x-www-form-urlencoded" }
        let text = "\(method) \(target) HTTP/1.1\r\n" + all.map { "\($0.key): \($0.value)\r\n" }.sorted().joined() + "\r\n" + body
        _ = Array(text.utf8).withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        let response = String(decoding: received, as: UTF8.self)
        let parts = response.components(separatedBy: "\r\n\r\n")
        let lines = parts[0].components(separatedBy: "\r\n")
        let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        let headers = lines.dropFirst().compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
        }
        return Answer(status: status, headers: headers, body: parts.dropFirst().joined(separator: "\r\n\r\n"))
    }
}
