/// Why a request was not served, mapped to its HTTP status in one place (`status`).
public enum WorkbenchError: Error, Sendable, Equatable {
    /// No token, or a wrong one.
    case unauthorised
    /// A path or a value the workbench does not take (outside the folder, malformed).
    case refused(String)
    case notFound(String)
    /// A body over the limit.
    case tooLarge(String)
    /// The audit or the inference failed: what admaudit said.
    case failed(String)

    public var status: Int {
        switch self {
        case .unauthorised: 403
        case .refused: 400
        case .notFound: 404
        case .tooLarge: 413
        case .failed: 422
        }
    }

    public var message: String {
        switch self {
        case .unauthorised: "This address needs the workbench's token: open the URL admaudit serve printed."
        case .refused(let why), .notFound(let why), .tooLarge(let why), .failed(let why): why
        }
    }
}
