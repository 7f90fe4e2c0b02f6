/// A check's parameter declared once, with its type: its name, default, help in both
/// languages and what else a value must satisfy. The pipeline loader and `admaudit checks`
/// read its `declaration`; the check reads its value with `value(in:)`, which cannot name
/// a parameter that does not exist or read it as another type.
public struct CheckSetting<Value: CheckSettingValue>: Sendable {
    public let declaration: CheckParameter
    public let defaultValue: Value

    /// `validate` checks a value beyond its kind, as the pipeline gives it; nil: fine.
    public init(_ name: String, default value: Value, help: String, helpChinese: String,
                validate: @escaping @Sendable (ParameterValue) -> String? = { _ in nil }) {
        defaultValue = value
        declaration = CheckParameter(name, Value.kind, default: value.parameterValue, help: help, helpChinese: helpChinese, validate: validate)
    }

    public var name: String { declaration.name }

    /// The value a run uses: the pipeline's where it gives one (the loader has checked its
    /// kind), else the default.
    public func value(in parameters: CheckParameters) -> Value {
        parameters.values[declaration.name].flatMap(Value.init) ?? defaultValue
    }
}

/// A type a check parameter can have, and how it is written in a pipeline.
public protocol CheckSettingValue: Sendable {
    static var kind: CheckParameter.Kind { get }
    init?(_ value: ParameterValue)
    var parameterValue: ParameterValue { get }
}

extension Int: CheckSettingValue {
    public static var kind: CheckParameter.Kind { .integer }
    public init?(_ value: ParameterValue) {
        guard case .integer(let number) = value else { return nil }
        self = number
    }
    public var parameterValue: ParameterValue { .integer(self) }
}

extension Double: CheckSettingValue {
    public static var kind: CheckParameter.Kind { .number }
    /// A whole number is a number too (`max_unknown_share: 1`).
    public init?(_ value: ParameterValue) {
        switch value {
        case .number(let number): self = number
        case .integer(let number): self = Double(number)
        default: return nil
        }
    }
    public var parameterValue: ParameterValue { .number(self) }
}

extension String: CheckSettingValue {
    public static var kind: CheckParameter.Kind { .text }
    public init?(_ value: ParameterValue) {
        guard case .text(let text) = value else { return nil }
        self = text
    }
    public var parameterValue: ParameterValue { .text(self) }
}

extension Bool: CheckSettingValue {
    public static var kind: CheckParameter.Kind { .boolean }
    public init?(_ value: ParameterValue) {
        guard case .boolean(let flag) = value else { return nil }
        self = flag
    }
    public var parameterValue: ParameterValue { .boolean(self) }
}

extension Array: CheckSettingValue where Element == String {
    public static var kind: CheckParameter.Kind { .list }
    public init?(_ value: ParameterValue) {
        guard case .list(let items) = value else { return nil }
        self = items
    }
    public var parameterValue: ParameterValue { .list(self) }
}

/// Canonical terms with their synonyms (`{health: [health, 健康]}`).
public struct CheckVocabulary: CheckSettingValue, Equatable {
    public var terms: [ParameterValue.Term]

    public init(_ terms: [ParameterValue.Term]) { self.terms = terms }

    public static var kind: CheckParameter.Kind { .vocabulary }
    public init?(_ value: ParameterValue) {
        guard case .vocabulary(let terms) = value else { return nil }
        self.terms = terms
    }
    public var parameterValue: ParameterValue { .vocabulary(terms) }
}
