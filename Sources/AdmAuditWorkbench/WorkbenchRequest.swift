/// A request as the workbench reads it, whatever server carried it: method, path, the
/// query's and the form's fields (decoded), and the token it brought.
public struct WorkbenchRequest: Sendable {
    public var method: String
    public var path: String
    /// The query's and, for a POST, the form body's fields, in order; a name may repeat.
    public var fields: [(name: String, value: String)]
    /// From the `admaudit_token` cookie, the `token` field, or the `X-Admaudit-Token` header.
    public var token: String?
    /// The `Host` header: a name other than 127.0.0.1 or localhost is refused (DNS rebinding).
    public var host: String?

    public init(method: String, path: String, fields: [(name: String, value: String)] = [], token: String? = nil, host: String? = nil) {
        self.method = method
        self.path = path
        self.fields = fields
        self.token = token
        self.host = host
    }

    public func field(_ name: String) -> String? { fields.first { $0.name == name }?.value }
    public func all(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    /// `a=1&b=x+y&c=%E4%B8%AD` as fields; a malformed escape is kept as written.
    public static func formFields(_ text: Substring) -> [(name: String, value: String)] {
        text.split(separator: "&").compactMap { pair in
            guard !pair.isEmpty else { return nil }
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (decoded(parts[0]), parts.count > 1 ? decoded(parts[1]) : "")
        }
    }

    private static func decoded(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "+") { bytes.append(UInt8(ascii: " ")); continue }
            if byte == UInt8(ascii: "%"), iterator.count >= 2,
               let high = hex(iterator[iterator.startIndex]), let low = hex(iterator[iterator.startIndex + 1]) {
                bytes.append(high << 4 | low)
                iterator = iterator.dropFirst(2)
                continue
            }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// A value for a URL's query (RFC 3986 unreserved characters kept, the rest %-escaped).
    public static func escaped(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789ABCDEF")
                out += "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 15)])
            }
        }
        return out
    }
}

/// What the workbench answers: a status, a body and its type, and headers beyond the ones
/// every answer carries (`WorkbenchServer` adds the security headers).
public struct WorkbenchResponse: Sendable {
    public var status: Int
    public var contentType: String
    public var body: [UInt8]
    public var headers: [(name: String, value: String)] = []
    /// The Content-Security-Policy: the workbench's own pages, or a report shown in a frame.
    public var policy: String = WorkbenchResponse.pagePolicy

    public init(status: Int = 200, contentType: String, body: [UInt8], headers: [(name: String, value: String)] = []) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.headers = headers
    }

    public static func html(_ text: String, status: Int = 200) -> WorkbenchResponse {
        WorkbenchResponse(status: status, contentType: "text/html; charset=utf-8", body: Array(text.utf8))
    }

    public static func redirect(_ location: String) -> WorkbenchResponse {
        WorkbenchResponse(status: 303, contentType: "text/plain; charset=utf-8", body: [], headers: [("Location", location)])
    }

    /// Pages: nothing but the workbench's own stylesheet, script and frames; no inline script.
    public static let pagePolicy = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; frame-src 'self'; "
        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    /// A report admaudit wrote, shown in the case page's frame: its inline styles and SVG, no
    /// script at all, and sandboxed.
    public static let reportPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
        + "form-action 'none'; frame-ancestors 'self'; sandbox"
}
