import Foundation
import XCTest

/// The test-side JSON Schema validator on small schemas: each keyword accepts what it
/// should and rejects what it should, at the right JSON pointer; the JSON reader tells
/// booleans from numbers and refuses NaN; a schema with a keyword the validator does not
/// know is refused.
final class JSONSchemaValidatorTests: XCTestCase {
    /// The violations of `document` against `schema` (both JSON text).
    private func violations(_ schema: String, _ document: String, file: StaticString = #filePath, line: UInt = #line)
        throws -> [JSONSchemaValidator.Violation] {
        let validator = try JSONSchemaValidator(schema: JSONInstance.parse(schema))
        return validator.validate(try JSONInstance.parse(document))
    }

    private func assertValid(_ schema: String, _ documents: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        for document in documents {
            let found = try violations(schema, document)
            XCTAssertEqual(found, [], "\(document) should be valid against \(schema)", file: file, line: line)
        }
    }

    /// Each document is invalid, and the first violation is at `pointer` with `keyword`.
    private func assertInvalid(_ schema: String, _ documents: [String], at pointer: String = "", keyword: String,
                               file: StaticString = #filePath, line: UInt = #line) throws {
        for document in documents {
            let found = try violations(schema, document)
            XCTAssertEqual(found.first?.instancePointer, pointer, "\(document): \(found)", file: file, line: line)
            XCTAssertTrue(found.first?.schemaPointer.hasSuffix(keyword) ?? false, "\(document): \(found)", file: file, line: line)
        }
    }

    private func assertSchemaRefused(_ schema: String, mentioning text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try JSONSchemaValidator(schema: JSONInstance.parse(schema)), schema, file: file, line: line) { error in
            XCTAssertTrue("\(error)".contains(text), "\(error)", file: file, line: line)
        }
    }

    // MARK: reading JSON

    func testBooleansAreNotNumbersAndIntegersAreIntegralNumbers() throws {
        XCTAssertEqual(try JSONInstance.parse("true"), .bool(true))
        XCTAssertEqual(try JSONInstance.parse("0"), .number(0))
        XCTAssertEqual(try JSONInstance.parse("1").typeName, "integer")
        XCTAssertEqual(try JSONInstance.parse("1.0").typeName, "integer", "2020-12: an integral number is an integer")
        XCTAssertEqual(try JSONInstance.parse("1e-05").typeName, "number")
        XCTAssertEqual(try JSONInstance.parse("false").typeName, "boolean")
        XCTAssertEqual(try JSONInstance.parse(#"{"a": [1, "x", null]}"#), .object(["a": .array([.number(1), .string("x"), .null])]))
    }

    /// JSONSerialization on Linux hands these over as NSDecimalNumber, whose doubleValue
    /// is off by an ulp or two; the reader must not be.
    func testNumbersAreReadExactly() throws {
        for value in [0.18761630648265054, 1.0000000000000002, 0.8123836935173494, 0.9999999999999999] {
            XCTAssertEqual(try JSONInstance.parse("[\(value)]"), .array([.number(value)]), "\(value)")
        }
        let found = try violations(#"{"maximum": 1}"#, "0.9999999999999999")
        XCTAssertEqual(found, [], "a probability just below 1 must not read as above it")
    }

    func testNaNAndInfinityAreNotJSON() {
        for text in [#"{"p": NaN}"#, #"{"p": Infinity}"#, #"{"p": -Infinity}"#, #"{"p": 1e400}"#, #"{"p": nan}"#] {
            XCTAssertThrowsError(try JSONInstance.parse(text), text)
        }
    }

    // MARK: keywords

    func testType() throws {
        try assertValid(#"{"type": "integer"}"#, ["3", "-2", "3.0"])
        try assertInvalid(#"{"type": "integer"}"#, ["3.5", "true", "\"3\"", "null"], keyword: "type")
        try assertValid(#"{"type": "number"}"#, ["3", "0.25", "-1e-300"])
        try assertInvalid(#"{"type": "number"}"#, ["false", "\"0.5\"", "[]"], keyword: "type")
        try assertValid(#"{"type": ["string", "null"]}"#, ["\"a\"", "null"])
        try assertInvalid(#"{"type": ["string", "null"]}"#, ["0", "{}"], keyword: "type")
        try assertValid(#"{"type": "boolean"}"#, ["true", "false"])
        try assertInvalid(#"{"type": "boolean"}"#, ["0", "1"], keyword: "type")
        try assertValid(#"{"type": "object"}"#, ["{}"])
        try assertValid(#"{"type": "array"}"#, ["[]"])
    }

    func testPropertiesRequiredAndAdditionalProperties() throws {
        let schema = #"{"type": "object", "required": ["n"], "properties": {"n": {"type": "integer"}, "a/b": {"type": "string"}}, "additionalProperties": false}"#
        try assertValid(schema, [#"{"n": 1}"#, #"{"n": 1, "a/b": "x"}"#])
        try assertInvalid(schema, [#"{}"#, #"{"a/b": "x"}"#], keyword: "required")
        try assertInvalid(schema, [#"{"n": 1.5}"#], at: "/n", keyword: "properties/n/type")
        try assertInvalid(schema, [#"{"n": 1, "a/b": 2}"#], at: "/a~1b", keyword: "type")
        try assertInvalid(schema, [#"{"n": 1, "extra": 2}"#], at: "/extra", keyword: "additionalProperties")
        let mapOfStrings = #"{"type": "object", "additionalProperties": {"type": "string"}}"#
        try assertValid(mapOfStrings, [#"{"x": "1", "y": "2"}"#])
        try assertInvalid(mapOfStrings, [#"{"x": "1", "y": 2}"#], at: "/y", keyword: "additionalProperties/type")
    }

    func testItemsPrefixItemsAndCounts() throws {
        let pair = #"{"type": "array", "prefixItems": [{"type": "string"}], "items": {"type": "number"}, "minItems": 2, "maxItems": 3}"#
        try assertValid(pair, [#"["a", 1]"#, #"["a", 1, 2.5]"#])
        try assertInvalid(pair, [#"["a"]"#], keyword: "minItems")
        try assertInvalid(pair, [#"["a", 1, 2, 3]"#], keyword: "maxItems")
        try assertInvalid(pair, [#"[1, 1]"#], at: "/0", keyword: "prefixItems/0/type")
        try assertInvalid(pair, [#"["a", 1, "b"]"#], at: "/2", keyword: "items/type")
    }

    func testEnumAndConst() throws {
        try assertValid(#"{"enum": ["a", 1, null]}"#, ["\"a\"", "1", "1.0", "null"])
        try assertInvalid(#"{"enum": ["a", 1, null]}"#, ["\"b\"", "true", "2"], keyword: "enum")
        try assertValid(#"{"const": {"x": [1, 2]}}"#, [#"{"x": [1, 2]}"#])
        try assertInvalid(#"{"const": {"x": [1, 2]}}"#, [#"{"x": [2, 1]}"#, #"{"x": [1, 2], "y": 0}"#], keyword: "const")
        try assertInvalid(#"{"const": 1}"#, ["true"], keyword: "const")
    }

    func testNumberBounds() throws {
        let probability = #"{"type": "number", "minimum": 0, "maximum": 1}"#
        try assertValid(probability, ["0", "1", "0.5"])
        try assertInvalid(probability, ["-0.1"], keyword: "minimum")
        try assertInvalid(probability, ["1.0000000000000002"], keyword: "maximum")
        let open = #"{"exclusiveMinimum": 0, "exclusiveMaximum": 1}"#
        try assertValid(open, ["0.5", "\"not a number\""])
        try assertInvalid(open, ["0"], keyword: "exclusiveMinimum")
        try assertInvalid(open, ["1"], keyword: "exclusiveMaximum")
    }

    func testStringLengthAndPattern() throws {
        let hash = #"{"type": "string", "pattern": "^[0-9a-f]{4}$"}"#
        try assertValid(hash, ["\"00af\""])
        try assertInvalid(hash, ["\"00AF\"", "\"00af0\"", "\"\""], keyword: "pattern")
        try assertValid(#"{"pattern": "b"}"#, ["\"abc\""])   // unanchored, as the standard says
        let short = #"{"minLength": 1, "maxLength": 2}"#
        try assertValid(short, ["\"性别\"", "\"a\""])         // code points, not bytes
        try assertInvalid(short, ["\"\""], keyword: "minLength")
        try assertInvalid(short, ["\"abc\""], keyword: "maxLength")
    }

    func testRefsToDefinitions() throws {
        let schema = #"""
        {"$defs": {"count": {"type": "integer", "minimum": 0}, "a~b/c": {"const": 1}},
         "type": "object",
         "properties": {"n": {"$ref": "#/$defs/count"}, "x": {"$ref": "#/$defs/a~0b~1c"}}}
        """#
        try assertValid(schema, [#"{"n": 3, "x": 1}"#])
        let found = try violations(schema, #"{"n": -1}"#)
        XCTAssertEqual(found.first?.instancePointer, "/n")
        XCTAssertEqual(found.first?.schemaPointer, "/$defs/count/minimum", "the violation names the definition it broke")
        try assertInvalid(schema, [#"{"x": 2}"#], at: "/x", keyword: "const")
    }

    func testAllOfAnyOfOneOfAndNot() throws {
        let all = #"{"allOf": [{"type": "integer"}, {"minimum": 2}]}"#
        try assertValid(all, ["2", "3"])
        try assertInvalid(all, ["1"], keyword: "allOf/1/minimum")
        let any = #"{"anyOf": [{"type": "string"}, {"minimum": 2}]}"#
        try assertValid(any, ["\"a\"", "5"])
        try assertInvalid(any, ["1"], keyword: "anyOf")
        let one = #"{"oneOf": [{"type": "integer"}, {"minimum": 2}]}"#
        try assertValid(one, ["1", "2.5"])
        try assertInvalid(one, ["3"], keyword: "oneOf")        // both
        try assertInvalid(one, ["1.5"], keyword: "oneOf")      // neither
        let not = #"{"not": {"required": ["reason"]}}"#
        try assertValid(not, [#"{"value": 1}"#])
        try assertInvalid(not, [#"{"reason": "x"}"#], keyword: "not")
    }

    func testIfThenElse() throws {
        // The report's rule: a null statistic has a reason beside it, a number has none.
        let schema = #"""
        {"if": {"properties": {"p": {"type": "null"}}},
         "then": {"required": ["p_undefined_reason"]},
         "else": {"not": {"required": ["p_undefined_reason"]}}}
        """#
        try assertValid(schema, [#"{"p": 0.5}"#, #"{"p": null, "p_undefined_reason": "why"}"#])
        try assertInvalid(schema, [#"{"p": null}"#], keyword: "then/required")
        try assertInvalid(schema, [#"{"p": 0.5, "p_undefined_reason": "why"}"#], keyword: "else/not")
    }

    func testBooleanSchemas() throws {
        try assertValid(#"{"properties": {"a": true}}"#, [#"{"a": [1, {}]}"#])
        try assertInvalid(#"{"properties": {"a": false}}"#, [#"{"a": 1}"#], at: "/a", keyword: "properties/a")
    }

    func testTheFirstViolationsAreReportedUpToTheLimit() throws {
        let validator = try JSONSchemaValidator(schema: JSONInstance.parse(#"{"items": {"type": "integer"}}"#))
        let found = validator.validate(try JSONInstance.parse("[0, \"a\", 2, \"b\", \"c\"]"), limit: 2)
        XCTAssertEqual(found.map(\.instancePointer), ["/1", "/3"])
    }

    // MARK: the schema itself

    func testUnknownKeywordsAreRefused() {
        assertSchemaRefused(#"{"type": "object", "propertyNames": {"pattern": "^a"}}"#, mentioning: "unknown keyword 'propertyNames'")
        assertSchemaRefused(#"{"properties": {"a": {"uniqueItems": true}}}"#, mentioning: "/properties/a/uniqueItems")
        assertSchemaRefused(#"{"$defs": {"x": {"format": "date"}}}"#, mentioning: "format")
        assertSchemaRefused(#"{"additionalProperties": {"requried": ["a"]}}"#, mentioning: "requried")
    }

    func testMalformedSchemasAreRefused() {
        assertSchemaRefused(##"{"$ref": "#/$defs/missing"}"##, mentioning: "points to no schema")
        assertSchemaRefused(##"{"$ref": "other.json#/a"}"##, mentioning: "points to no schema")
        assertSchemaRefused(#"{"type": "float"}"#, mentioning: "not a JSON Schema type")
        assertSchemaRefused(#"{"required": "a"}"#, mentioning: "distinct strings")
        assertSchemaRefused(#"{"pattern": "("}"#, mentioning: "not a regular expression")
        assertSchemaRefused(#"{"then": {"required": ["a"]}}"#, mentioning: "without 'if'")
        assertSchemaRefused(#"{"oneOf": []}"#, mentioning: "non-empty")
        assertSchemaRefused(#"{"minLength": -1}"#, mentioning: "non-negative integer")
        assertSchemaRefused(#"{"properties": {"a": 3}}"#, mentioning: "object or a boolean")
    }

    func testAnnotationsAreAllowed() throws {
        try assertValid(#"{"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "x", "title": "t", "description": "d", "$comment": "c"}"#, ["1"])
    }
}
