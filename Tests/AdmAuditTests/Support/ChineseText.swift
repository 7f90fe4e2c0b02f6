import Foundation
import XCTest
@testable import AdmAudit

/// Is a text Chinese, as a zh run must write it? It holds Chinese characters, and no
/// English sentence is left in it. Identifiers are allowed: field names (`human_reviewed`,
/// `input.date_order`), values (`appeal_reviewer=automated`, `2025-03-07`), check ids,
/// the export's own words, anything in backticks. What is not allowed is English prose:
/// three or more plain words in a row separated by spaces only ("no reference group"),
/// or one of the little words prose cannot do without ("the", "of", "is"...).
enum ChineseText {
    /// Small English words that never name a field or a value in our texts.
    static let englishFunctionWords: Set<String> = [
        "the", "of", "for", "is", "are", "was", "and", "an", "with", "by", "than", "not", "after", "before",
        "has", "have", "into", "from", "only", "when", "which", "there", "this", "that", "its", "but",
    ]

    /// Why `text` is not acceptable Chinese output; empty when it is.
    static func problems(_ text: String) -> [String] {
        var problems: [String] = []
        if !text.unicodeScalars.contains(where: isCJK) { problems.append("no Chinese character") }
        // Drop `code` spans: they name things as they are.
        var plain = ""
        var inCode = false
        for character in text {
            if character == "`" { inCode.toggle(); continue }
            if !inCode { plain.append(character) }
        }
        // Tokens: maximal runs of identifier characters. A word is a token of letters only.
        var run: [String] = []
        var token = ""
        var separatedBySpacesOnly = true
        func endToken() {
            defer { token = "" }
            guard !token.isEmpty else { return }
            let isWord = token.unicodeScalars.allSatisfy { ($0.value >= 0x41 && $0.value <= 0x5A) || ($0.value >= 0x61 && $0.value <= 0x7A) }
            if isWord && englishFunctionWords.contains(token.lowercased()) {
                problems.append("English word '\(token)'")
            }
            if isWord && separatedBySpacesOnly {
                run.append(token)
            } else {
                endRun()
                if isWord { run = [token] }
            }
            separatedBySpacesOnly = true
        }
        func endRun() {
            if run.count >= 3 { problems.append("English words '\(run.joined(separator: " "))'") }
            run = []
        }
        for scalar in plain.unicodeScalars {
            if isIdentifierScalar(scalar) {
                token.unicodeScalars.append(scalar)
            } else {
                endToken()
                if scalar != " " {
                    separatedBySpacesOnly = false
                    endRun()
                }
            }
        }
        endToken()
        endRun()
        return problems
    }

    static func assertChinese(_ text: String, _ what: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line) {
        let found = problems(text)
        XCTAssertTrue(found.isEmpty, "\(what()): \(found.joined(separator: "; ")) in: \(text)", file: file, line: line)
    }

    /// Letters, digits and the characters identifiers and values are made of
    /// (`appeal_reviewer=automated`, `input.date_order`, `2025-03-07T09:00:00Z`, `US-NYC`).
    private static func isIdentifierScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        default: "_.=-:+/%'".unicodeScalars.contains(scalar)
        }
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }
}
