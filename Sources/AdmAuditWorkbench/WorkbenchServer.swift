import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The workbench on Hummingbird: bound to 127.0.0.1 only, every request handed to
/// `Workbench.respond`, every answer sent with the security headers (the Content-Security-
/// Policy, no sniffing, no referrer beyond the workbench, no caching). Stops cleanly on SIGINT and SIGTERM.
public struct WorkbenchServer: Sendable {
    public let workbench: Workbench
    /// 0: any free port (printed when bound).
    public let port: Int
    /// Request bodies above this are refused (a form, not an upload).
    public static let bodyLimit = 1 << 20

    public init(workbench: Workbench, port: Int) {
        self.workbench = workbench
        self.port = port
    }

    /// Serves until interrupted; `ready` gets the URL to open, with the token, once bound.
    public func run(ready: @escaping @Sendable (String) -> Void) async throws {
        let workbench = self.workbench
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            try await Self.answer(request, workbench: workbench)
        }
        let app = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port), serverName: nil),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? 0
                ready("http://127.0.0.1:\(bound)/?token=\(workbench.token.text)")
            },
            logger: Self.quietLogger
        )
        try await app.runService(gracefulShutdownSignals: [.sigint, .sigterm])
    }

    private static var quietLogger: Logger {
        var logger = Logger(label: "admaudit-serve")
        logger.logLevel = .error
        return logger
    }

    static func answer(_ request: Request, workbench: Workbench) async throws -> Response {
        var request = request
        var fields = WorkbenchRequest.formFields(Substring(request.uri.query ?? ""))
        let method = request.method == .post ? "POST" : request.method == .get || request.method == .head ? "GET" : request.method.rawValue
        if method == "POST" {
            let body: ByteBuffer
            do { body = try await request.collectBody(upTo: bodyLimit) } catch {
                return respond(.html(workbench.errorPage(.tooLarge("The form is larger than \(bodyLimit) bytes."), language: workbench.language), status: 413))
            }
            fields += WorkbenchRequest.formFields(Substring(String(buffer: body)))
        }
        let cookie = request.cookies[workbench.cookieName]?.value
        let header = request.headers[HTTPField.Name("X-Admaudit-Token")!]
        let given = WorkbenchRequest(method: method, path: request.uri.path, fields: fields, token: cookie ?? header,
                                     host: request.head.authority)
        let origin = request.headers[.origin]
        // Off the event loop: a page may validate a whole export, and the loop serves the others.
        let answer = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: workbench.respond(given, origin: origin)) }
        }
        return respond(answer)
    }

    static func respond(_ answer: WorkbenchResponse) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = answer.contentType
        headers[.contentSecurityPolicy] = answer.policy
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        // same-origin, not no-referrer: under no-referrer a browser sends `Origin: null` with a form, and the POST check could not tell it from a foreign one.
        headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        headers[.cacheControl] = "no-store"
        for (name, value) in answer.headers {
            if let field = HTTPField.Name(name) { headers.append(HTTPField(name: field, value: value)) }
        }
        return Response(status: HTTPResponse.Status(code: answer.status), headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}
