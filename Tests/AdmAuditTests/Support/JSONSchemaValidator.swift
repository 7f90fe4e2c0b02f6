import Foundation

/// A JSON document as the schema validator sees it: numbers are one kind (JSON has one),
/// and booleans are never numbers.
indirect enum JSONInstance: Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONInstance])
    case object([String: JSONInstance])

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    /// Parses JSON text with Foundation's `JSONSerialization`, which refuses `NaN` and
    /// `Infinity` (not JSON) and numbers a Double cannot hold.
    static func parse(_ data: Data) throws -> JSONInstance {
        let any: Any
        do {
            any = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw ParseError(description: "not valid JSON: \(error)")
        }
        return try JSONInstance(foundation: any)
    }

    static func parse(_ text: String) throws -> JSONInstance { try parse(Data(text.utf8)) }

    static func parse(contentsOf path: String) throws -> JSONInstance {
        try parse(Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// `JSONSerialization` gives booleans and numbers both as `NSNumber`, and `1 is Bool`
    /// holds for a number: a boolean is told apart by its class, which is the class of
    /// `NSNumber(value: true)` (`__NSCFBoolean`) on Linux and on Darwin alike. Numbers are
    /// read from their text, exactly (see below).
    init(foundation value: Any) throws {
        switch value {
        case is NSNull:
            self = .null
        case let number as NSNumber:
            if type(of: number) == type(of: NSNumber(value: true)) {
                self = .bool(number.boolValue)
            } else {
                // swift-corelibs-foundation gives many decimals as NSDecimalNumber, whose
                // `doubleValue` can be an ulp or two off; its text reads back exactly.
                let double = Double(number.stringValue) ?? number.doubleValue
                guard double.isFinite else { throw ParseError(description: "a number that is not finite: \(number)") }
                self = .number(double)
            }
        case let string as String:
            self = .string(string)
        case let array as [Any]:
            self = .array(try array.map(JSONInstance.init(foundation:)))
        case let object as [String: Any]:
            self = .object(try object.mapValues(JSONInstance.init(foundation:)))
        default:
            throw ParseError(description: "an unexpected value from JSONSerialization: \(type(of: value))")
        }
    }

    /// The JSON Schema type name; an integral number is an "integer" (JSON Schema 2020-12
    /// §6.1.1: 1.0 is an integer too, as it is in Python's jsonschema).
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number(let value): value == value.rounded() ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): String(value)
        case .number(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .string(let value): "\"\(value)\""
        case .array(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .object(let members): "{" + members.keys.sorted().map { "\"\($0)\": \(members[$0]!)" }.joined(separator: ", ") + "}"
        }
    }

    subscript(key: String) -> JSONInstance? {
        if case .object(let members) = self { return members[key] }
        return nil
    }
}

/// A JSON Schema (draft 2020-12) validator for the tests, supporting exactly the keywords
/// `docs/report.schema.json` uses, and refusing any other: a schema that used a keyword
/// this validator ignored would look stricter than it is.
///
/// Supported: boolean schemas; `type` (a name or a list; "integer" is an integral number);
/// `properties`, `required`, `additionalProperties`; `items`, `prefixItems`, `minItems`,
/// `maxItems`; `enum`, `const`; `$ref` to a JSON pointer within the document (such as
/// `#/$defs/group`); `allOf`, `anyOf`, `oneOf`, `not`; `if` / `then` / `else`; `minimum`,
/// `maximum`, `exclusiveMinimum`, `exclusiveMaximum`; `minLength`, `maxLength` (in Unicode
/// code points) and `pattern` (unanchored, as the standard says). Annotations (`$schema`,
/// `$id`, `$comment`, `title`, `description`) are allowed and have no effect; `$defs`
/// holds schemas for `$ref`.
///
/// The whole schema is checked when the validator is made: an unknown keyword, a keyword
/// with a value of the wrong shape, a `$ref` that points nowhere, a pattern that does not
/// compile, or `then`/`else` without `if` is a `SchemaError` naming where it is.
struct JSONSchemaValidator {
    /// One way the document breaks the schema.
    struct Violation: Equatable, CustomStringConvertible {
        /// Where in the document (RFC 6901 JSON pointer; "" is the whole document).
        var instancePointer: String
        /// Which keyword of the schema (a JSON pointer from the schema's root, after `#`).
        var schemaPointer: String
        var message: String

        var description: String {
            "\(instancePointer.isEmpty ? "(document)" : instancePointer): \(message) [schema #\(schemaPointer)]"
        }
    }

    struct SchemaError: Error, CustomStringConvertible {
        var pointer: String
        var message: String
        var description: String { "schema #\(pointer): \(message)" }
    }

    static let annotations: Set<String> = ["$schema", "$id", "$comment", "title", "description"]
    static let assertions: Set<String> = [
        "$defs", "$ref", "type", "properties", "required", "additionalProperties", "items", "prefixItems", "minItems",
        "maxItems", "enum", "const", "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "minimum", "maximum",
        "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "pattern",
    ]
    static let typeNames: Set<String> = ["null", "boolean", "integer", "number", "string", "array", "object"]

    let root: JSONInstance
    /// Compiled once, by pattern text.
    private let patterns: [String: NSRegularExpression]
    /// The schema each `$ref` names, resolved once.
    private let references: [String: JSONInstance]

    init(schema: JSONInstance) throws(SchemaError) {
        root = schema
        var found = Found()
        try Self.check(schema, at: "", root: schema, found: &found)
        patterns = found.patterns
        references = found.references
    }

    /// What checking the schema prepares for validating documents.
    private struct Found {
        var patterns: [String: NSRegularExpression] = [:]
        var references: [String: JSONInstance] = [:]
    }

    init(schemaFile path: String) throws {
        try self.init(schema: JSONInstance.parse(contentsOf: path))
    }

    /// The first `limit` violations, in document order as far as the schema allows; empty
    /// when the document is valid.
    func validate(_ instance: JSONInstance, limit: Int = 20) -> [Violation] {
        var violations: [Violation] = []
        evaluate(root, at: Pointer(), instance, at: Pointer(), into: &violations, limit: limit)
        return violations
    }

    // MARK: checking the schema

    private static func check(_ schema: JSONInstance, at pointer: String, root: JSONInstance, found: inout Found) throws(SchemaError) {
        if case .bool = schema { return }
        guard case .object(let keywords) = schema else {
            throw SchemaError(pointer: pointer, message: "a schema must be an object or a boolean, not \(schema)")
        }
        for (keyword, value) in keywords.sorted(by: { $0.key < $1.key }) {
            let here = pointer + "/" + escape(keyword)
            func fail(_ message: String) -> SchemaError { SchemaError(pointer: here, message: message) }
            func subschema(_ value: JSONInstance, _ place: String) throws(SchemaError) {
                try check(value, at: place, root: root, found: &found)
            }
            func schemaList(_ value: JSONInstance) throws(SchemaError) {
                guard case .array(let items) = value, !items.isEmpty else { throw fail("must be a non-empty array of schemas") }
                for (index, item) in items.enumerated() { try subschema(item, here + "/\(index)") }
            }
            func schemaMap(_ value: JSONInstance) throws(SchemaError) {
                guard case .object(let members) = value else { throw fail("must be an object of schemas") }
                for (name, member) in members { try subschema(member, here + "/" + escape(name)) }
            }
            func count(_ value: JSONInstance) throws(SchemaError) {
                guard case .number(let n) = value, n >= 0, n == n.rounded() else { throw fail("must be a non-negative integer") }
            }
            if annotations.contains(keyword) { continue }
            switch keyword {
            case "$defs", "properties":
                try schemaMap(value)
            case "additionalProperties", "items", "not", "if", "then", "else":
                try subschema(value, here)
            case "prefixItems", "allOf", "anyOf", "oneOf":
                try schemaList(value)
            case "minItems", "maxItems", "minLength", "maxLength":
                try count(value)
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum":
                guard case .number = value else { throw fail("must be a number") }
            case "const":
                break
            case "enum":
                guard case .array(let items) = value, !items.isEmpty else { throw fail("must be a non-empty array") }
            case "required":
                guard case .array(let items) = value,
                      items.allSatisfy({ if case .string = $0 { true } else { false } }),
                      Set(items.map(\.description)).count == items.count else { throw fail("must be an array of distinct strings") }
            case "type":
                let names: [JSONInstance]
                if case .array(let list) = value { names = list } else { names = [value] }
                for name in names {
                    guard case .string(let text) = name, typeNames.contains(text) else { throw fail("\(name) is not a JSON Schema type") }
                }
            case "$ref":
                guard case .string(let reference) = value else { throw fail("must be a string") }
                guard let target = resolve(reference, in: root) else { throw fail("\(reference) points to no schema in this document") }
                guard target.isSchemaShaped else { throw fail("\(reference) points to something that is not a schema") }
                found.references[reference] = target
            case "pattern":
                guard case .string(let text) = value else { throw fail("must be a string") }
                guard let compiled = try? NSRegularExpression(pattern: text) else { throw fail("\(text) is not a regular expression") }
                found.patterns[text] = compiled
            default:
                throw fail("unknown keyword '\(keyword)': this validator does not check it, so the schema must not use it")
            }
        }
        if keywords["if"] == nil && (keywords["then"] != nil || keywords["else"] != nil) {
            throw SchemaError(pointer: pointer, message: "'then' or 'else' without 'if' would never be applied")
        }
    }

    /// The schema a `$ref` names: `#` and a JSON pointer within this document.
    static func resolve(_ reference: String, in root: JSONInstance) -> JSONInstance? {
        guard reference.hasPrefix("#") else { return nil }
        var node = root
        for token in reference.dropFirst().split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            switch node {
            case .object(let members):
                guard let next = members[key] else { return nil }
                node = next
            case .array(let items):
                guard let index = Int(key), items.indices.contains(index) else { return nil }
                node = items[index]
            default:
                return nil
            }
        }
        return node
    }

    /// A JSON pointer token (RFC 6901: `~` → `~0`, `/` → `~1`).
    static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    // MARK: validating a document

    /// A JSON pointer built a token at a time and written out only for a violation: most
    /// of a document is valid, and spelling out every place visited would cost more than
    /// the checks themselves.
    struct Pointer {
        private final class Node {
            let parent: Node?
            let key: String?
            let index: Int
            init(parent: Node?, key: String?, index: Int) { (self.parent, self.key, self.index) = (parent, key, index) }
        }

        private let node: Node?
        /// Text before the first token (a `$ref` target's own pointer).
        private let base: String

        init(_ base: String = "") { (node, self.base) = (nil, base) }
        private init(node: Node?, base: String) { (self.node, self.base) = (node, base) }

        func appending(_ key: String) -> Pointer { Pointer(node: Node(parent: node, key: key, index: 0), base: base) }
        func appending(_ index: Int) -> Pointer { Pointer(node: Node(parent: node, key: nil, index: index), base: base) }
        func appending(_ key: String, _ index: Int) -> Pointer { appending(key).appending(index) }

        var text: String {
            var tokens: [String] = []
            var current = node
            while let here = current {
                tokens.append(here.key.map(JSONSchemaValidator.escape) ?? String(here.index))
                current = here.parent
            }
            return base + tokens.reversed().map { "/" + $0 }.joined()
        }
    }

    private func evaluate(_ schema: JSONInstance, at schemaPointer: Pointer, _ instance: JSONInstance, at pointer: Pointer,
                          into violations: inout [Violation], limit: Int) {
        func record(_ place: Pointer, _ schemaPlace: Pointer, _ message: String) {
            if violations.count < limit {
                violations.append(Violation(instancePointer: place.text, schemaPointer: schemaPlace.text, message: message))
            }
        }
        func report(_ keyword: String, _ message: String) { record(pointer, schemaPointer.appending(keyword), message) }
        /// Whether `subschema` accepts `instance`; its violations are kept apart.
        func accepts(_ subschema: JSONInstance, at place: Pointer) -> (Bool, [Violation]) {
            var found: [Violation] = []
            evaluate(subschema, at: place, instance, at: pointer, into: &found, limit: limit)
            return (found.isEmpty, found)
        }
        func summary(_ found: [Violation]) -> String { found.first.map { "first: \($0)" } ?? "" }

        switch schema {
        case .bool(true):
            return
        case .bool(false):
            record(pointer, schemaPointer, "no value is allowed here (the schema is false)")
            return
        default:
            break
        }
        guard case .object(let keywords) = schema else { return }

        if case .string(let reference) = keywords["$ref"], let target = references[reference] {
            evaluate(target, at: Pointer(String(reference.dropFirst())), instance, at: pointer, into: &violations, limit: limit)
        }

        if let type = keywords["type"] {
            let allowed: [String]
            if case .array(let names) = type { allowed = names.map { if case .string(let s) = $0 { s } else { "" } } }
            else if case .string(let name) = type { allowed = [name] } else { allowed = [] }
            let actual = instance.typeName
            if !(allowed.contains(actual) || (actual == "integer" && allowed.contains("number"))) {
                report("type", "expected \(allowed.joined(separator: " or ")), found \(actual) \(instance)")
            }
        }
        if let options = keywords["enum"], case .array(let values) = options, !values.contains(instance) {
            report("enum", "\(instance) is not one of \(options)")
        }
        if let constant = keywords["const"], constant != instance {
            report("const", "expected \(constant), found \(instance)")
        }

        switch instance {
        case .number(let value):
            if case .number(let bound) = keywords["minimum"], value < bound { report("minimum", "\(instance) is below the minimum \(bound)") }
            if case .number(let bound) = keywords["maximum"], value > bound { report("maximum", "\(instance) is above the maximum \(bound)") }
            if case .number(let bound) = keywords["exclusiveMinimum"], value <= bound {
                report("exclusiveMinimum", "\(instance) is not above \(bound)")
            }
            if case .number(let bound) = keywords["exclusiveMaximum"], value >= bound {
                report("exclusiveMaximum", "\(instance) is not below \(bound)")
            }
        case .string(let text):
            let length = text.unicodeScalars.count
            if case .number(let bound) = keywords["minLength"], Double(length) < bound { report("minLength", "\(instance) is shorter than \(Int(bound))") }
            if case .number(let bound) = keywords["maxLength"], Double(length) > bound { report("maxLength", "\(instance) is longer than \(Int(bound))") }
            if case .string(let pattern) = keywords["pattern"], let regex = patterns[pattern],
               regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
                report("pattern", "\(instance) does not match \(pattern)")
            }
        case .array(let items):
            if case .number(let bound) = keywords["minItems"], Double(items.count) < bound { report("minItems", "\(items.count) items, fewer than \(Int(bound))") }
            if case .number(let bound) = keywords["maxItems"], Double(items.count) > bound { report("maxItems", "\(items.count) items, more than \(Int(bound))") }
            var prefix = 0
            if case .array(let schemas) = keywords["prefixItems"] {
                prefix = min(schemas.count, items.count)
                for index in 0..<prefix {
                    evaluate(schemas[index], at: schemaPointer.appending("prefixItems", index), items[index], at: pointer.appending(index),
                             into: &violations, limit: limit)
                }
            }
            if let itemSchema = keywords["items"] {
                let place = schemaPointer.appending("items")
                for index in prefix..<items.count {
                    evaluate(itemSchema, at: place, items[index], at: pointer.appending(index), into: &violations, limit: limit)
                }
            }
        case .object(let members):
            if case .array(let names) = keywords["required"] {
                for case .string(let name) in names where members[name] == nil {
                    report("required", "the required property \"\(name)\" is missing")
                }
            }
            var declared: [String: JSONInstance] = [:]
            if case .object(let properties) = keywords["properties"] { declared = properties }
            let additional = keywords["additionalProperties"]
            // In key order, so the first violations are the same on every run.
            for name in members.keys.sorted() {
                let place = pointer.appending(name)
                if let propertySchema = declared[name] {
                    evaluate(propertySchema, at: schemaPointer.appending("properties").appending(name), members[name]!, at: place,
                             into: &violations, limit: limit)
                } else if case .bool(false) = additional {
                    record(place, schemaPointer.appending("additionalProperties"), "the property \"\(name)\" is not allowed here")
                } else if let additional {
                    evaluate(additional, at: schemaPointer.appending("additionalProperties"), members[name]!, at: place,
                             into: &violations, limit: limit)
                }
            }
        default:
            break
        }

        if case .array(let schemas) = keywords["allOf"] {
            for (index, subschema) in schemas.enumerated() {
                evaluate(subschema, at: schemaPointer.appending("allOf", index), instance, at: pointer, into: &violations, limit: limit)
            }
        }
        if case .array(let schemas) = keywords["anyOf"] {
            let results = schemas.enumerated().map { accepts($1, at: schemaPointer.appending("anyOf", $0)) }
            if !results.contains(where: \.0) {
                let closest = results.min { $0.1.count < $1.1.count }?.1 ?? []
                report("anyOf", "matches none of the \(schemas.count) alternatives; \(summary(closest))")
            }
        }
        if case .array(let schemas) = keywords["oneOf"] {
            let results = schemas.enumerated().map { accepts($1, at: schemaPointer.appending("oneOf", $0)) }
            let matching = results.indices.filter { results[$0].0 }
            if matching.isEmpty {
                let closest = results.min { $0.1.count < $1.1.count }?.1 ?? []
                report("oneOf", "matches none of the \(schemas.count) alternatives; \(summary(closest))")
            } else if matching.count > 1 {
                report("oneOf", "matches more than one alternative (\(matching.map(String.init).joined(separator: ", ")))")
            }
        }
        if let negated = keywords["not"], accepts(negated, at: schemaPointer.appending("not")).0 {
            report("not", "matches a schema it must not match")
        }
        if let condition = keywords["if"] {
            if accepts(condition, at: schemaPointer.appending("if")).0 {
                if let then = keywords["then"] { evaluate(then, at: schemaPointer.appending("then"), instance, at: pointer, into: &violations, limit: limit) }
            } else if let otherwise = keywords["else"] {
                evaluate(otherwise, at: schemaPointer.appending("else"), instance, at: pointer, into: &violations, limit: limit)
            }
        }
    }
}

private extension JSONInstance {
    var isSchemaShaped: Bool {
        switch self {
        case .bool, .object: true
        default: false
        }
    }
}
