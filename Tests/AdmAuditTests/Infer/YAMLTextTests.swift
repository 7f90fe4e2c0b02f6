import Foundation
import XCTest

@testable import AdmAudit

/// Text from an export made safe for the YAML `init` writes (`YAMLText`): quoted scalars read
/// back as exactly the text, comments never end early.
final class YAMLTextTests: XCTestCase {

    /// Scalars libyaml ends a comment (or a line) at.
    private static let lineBreaks: Set<Unicode.Scalar> = ["\n", "\r", "\u{0085}", "\u{2028}", "\u{2029}"]

    /// Header names an employer could write to break out of a quoted string or a comment.
    private static let hostile: [String] = [
        "plain", "", "say \"hi\"", "back\\slash", "\\\"", "trailing\\", "line\nbreak", "cr\rlf\r\n", "tab\there",
        "ls\u{2028}checks: {HR-01: false}", "ps\u{2029}x: 1", "nel\u{0085}y: 2", "rtl\u{202E}txt", "nul\u{0000}byte", "bell\u{0007}",
        "# not a comment", "key: value", "- item", "[a, b]", "{a: b}", "&anchor", "*alias", "!tag", "|", ">", "'single'", "%directive",
        "---", "...", "\u{FEFF}bom", "zero\u{200B}width", "private\u{E000}use", "plane15\u{F0000}", "c1\u{009B}csi", "emoji 😀",
        "决策编号（是/否）", "  spaces  ", "\u{00A0}nbsp", "del\u{007F}",
    ]

    private func parsedName(_ quoted: String) throws -> String {
        try PipelineLoader.parse("admaudit: 1\nname: \(quoted)\n", file: "test.yaml").name
    }

    // MARK: quoted

    func testQuotedScalarsReadBackAsExactlyTheText() throws {
        for text in Self.hostile where !text.hasPrefix("\u{FEFF}") {
            let quoted = YAMLText.quoted(text)
            XCTAssertEqual(try parsedName(quoted).unicodeScalars.map(\.value), text.unicodeScalars.map(\.value),
                           "\(text.debugDescription) written as \(quoted)")
        }
    }

    func testQuotedScalarsReadBackInAFlowList() throws {
        for text in Self.hostile where !text.isEmpty && !text.hasPrefix("\u{FEFF}") {
            let yaml = "admaudit: 1\ncolumns:\n  decision_id: [\(YAMLText.quoted(text)), \"other\"]\n"
            let pipeline = try PipelineLoader.parse(yaml, file: "test.yaml")
            XCTAssertEqual(pipeline.columns[.decisionID]?.first?.unicodeScalars.map(\.value), text.unicodeScalars.map(\.value),
                           text.debugDescription)
            XCTAssertEqual(pipeline.columns[.decisionID]?.count, 2, text.debugDescription)
        }
    }

    func testALeadingByteOrderMarkReadsBackAsTheSameKey() throws {
        // The YAML reader (Yams over libyaml) drops a byte-order mark that starts a scalar, even
        // escaped; a header is matched in `TextKey` form, which drops it too, so it still maps.
        let text = "\u{FEFF}Outcome"
        XCTAssertEqual(TextKey.make(try parsedName(YAMLText.quoted(text))), TextKey.make(text))
        XCTAssertEqual(try parsedName(YAMLText.quoted("a\u{FEFF}b")).unicodeScalars.map(\.value), [0x61, 0xFEFF, 0x62])
    }

    func testQuotedScalarsHoldNoRawLineBreakOrControl() {
        for text in Self.hostile {
            let quoted = YAMLText.quoted(text)
            XCTAssertFalse(quoted.unicodeScalars.contains { Self.lineBreaks.contains($0) }, text.debugDescription)
            XCTAssertFalse(quoted.unicodeScalars.contains { $0.properties.generalCategory == .control }, text.debugDescription)
            XCTAssertTrue(quoted.hasPrefix("\"") && quoted.hasSuffix("\""))
        }
    }

    func testQuotedEscapes() {
        XCTAssertEqual(YAMLText.quoted("a\"b"), #""a\"b""#)
        XCTAssertEqual(YAMLText.quoted("a\\b"), #""a\\b""#)
        XCTAssertEqual(YAMLText.quoted("a\nb\rc\td"), #""a\nb\rc\td""#)
        XCTAssertEqual(YAMLText.quoted("\u{2028}"), #""\u2028""#)
        XCTAssertEqual(YAMLText.quoted("\u{0085}"), #""\u0085""#)
        XCTAssertEqual(YAMLText.quoted("\u{0000}"), #""\u0000""#)
        XCTAssertEqual(YAMLText.quoted("\u{F0000}"), #""\U000F0000""#)
        XCTAssertEqual(YAMLText.quoted("决策 😀"), "\"决策 😀\"", "printable text stays as it is")
    }

    // MARK: comment

    func testCommentsAreOneLine() {
        for text in Self.hostile {
            let comment = YAMLText.comment(text)
            XCTAssertFalse(comment.unicodeScalars.contains { Self.lineBreaks.contains($0) }, text.debugDescription)
            XCTAssertFalse(comment.unicodeScalars.contains { YAMLText.needsEscape($0) }, text.debugDescription)
        }
    }

    func testCommentsShowWhatTheyHide() {
        XCTAssertEqual(YAMLText.comment("a\u{2028}b"), "a<U+2028>b")
        XCTAssertEqual(YAMLText.comment("a\nb"), "a<U+000A>b")
        XCTAssertEqual(YAMLText.comment("a\rb\tc"), "a<U+000D>b<U+0009>c")
        XCTAssertEqual(YAMLText.comment("\u{202E}x"), "<U+202E>x")
        XCTAssertEqual(YAMLText.comment("\u{F0000}"), "<U+F0000>")
        XCTAssertEqual(YAMLText.comment("checks: {HR-01: false} # 决策"), "checks: {HR-01: false} # 决策", "visible text is kept")
    }

    func testACommentCannotBecomeASetting() throws {
        for text in Self.hostile {
            let yaml = "admaudit: 1\n# \(YAMLText.comment(text))\nname: kept\n"
            let pipeline = try PipelineLoader.parse(yaml, file: "test.yaml")
            XCTAssertEqual(pipeline.name, "kept", text.debugDescription)
            XCTAssertTrue(pipeline.checks.overrides.isEmpty, text.debugDescription)
        }
    }

    // MARK: needsEscape

    func testWhatNeedsEscaping() {
        for scalar: Unicode.Scalar in ["\u{0000}", "\u{001B}", "\u{007F}", "\u{0085}", "\u{009B}", "\u{200B}", "\u{200E}", "\u{202E}",
                                       "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{E000}", "\u{F0000}", "\u{0378}"] {
            XCTAssertTrue(YAMLText.needsEscape(scalar), "U+\(String(scalar.value, radix: 16))")
        }
        for scalar: Unicode.Scalar in ["a", " ", "#", ":", "\"", "决", "😀", "\u{00A0}", "\u{3000}"] {
            XCTAssertFalse(YAMLText.needsEscape(scalar), "U+\(String(scalar.value, radix: 16))")
        }
    }
}
