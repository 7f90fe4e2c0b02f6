public enum ParameterValue: Sendable, Equatable, CustomStringConvertible {
    case integer(Int)
    case number(Double)
    case text(String)
    case list([String])
    case vocabulary([Term])
    case boolean(Bool)

    public struct Term: Sendable, Equatable {
        public var name: String
        public var synonyms: [String]
        public init(_ name: String, _ synonyms: [String]) {
            self.name = name
            self.synonyms = synonyms
        }
    }

    public var description: String {
        switch self {
        case .integer(let v): String(v)
        case .number(let v): String(v)
        case .text(let v): v
        case .list(let v): "[" + v.joined(separator: ", ") + "]"
        case .vocabulary(let terms): "{" + terms.map { "\($0.name): [\($0.synonyms.joined(separator: ", "))]" }.joined(separator: "; ") + "}"
        case .boolean(let v): v ? "true" : "false"
        }
    }
}
