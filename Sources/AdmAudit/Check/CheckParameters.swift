/// A setting a check takes from the pipeline (`checks.<ID>.<name>`), with its default: the
/// declaration the pipeline loader and `admaudit checks` read. A check declares it through a
/// typed `CheckSetting` and reads its value there.
public struct CheckParameter: Sendable {
    public enum Kind: String, Sendable {
        /// A whole number of at least 0.
        case integer
        /// A number.
        case number
        /// One word or value, e.g. a time of day `09:00`.
        case text
        /// A list of values, e.g. `[sat, sun]`.
        case list
        /// Canonical term → synonyms, e.g. `{health: [health, 健康]}`.
        case vocabulary
        case boolean
    }

    public var name: String
    public var kind: Kind
    public var defaultValue: ParameterValue
    public var help: String
    /// The help in Chinese, for `admaudit checks --lang zh`.
    public var helpChinese: String
    /// Checks a value beyond its kind; returns why it is wrong, or nil.
    public var validate: @Sendable (ParameterValue) -> String? = { _ in nil }

    public init(_ name: String, _ kind: Kind, default value: ParameterValue, help: String, helpChinese: String,
                validate: @escaping @Sendable (ParameterValue) -> String? = { _ in nil }) {
        self.name = name
        self.kind = kind
        self.defaultValue = value
        self.help = help
        self.helpChinese = helpChinese
        self.validate = validate
    }
}

/// The values a check runs with: the pipeline's where given, else the defaults.
public struct CheckParameters: Sendable, Equatable {
    public private(set) var values: [String: ParameterValue]

    public init(_ values: [String: ParameterValue] = [:]) { self.values = values }

    /// Defaults of `declared`, overridden by `given`.
    public init(declared: [CheckParameter], given: [String: ParameterValue]) {
        var values: [String: ParameterValue] = [:]
        for parameter in declared { values[parameter.name] = given[parameter.name] ?? parameter.defaultValue }
        self.values = values
    }
}
