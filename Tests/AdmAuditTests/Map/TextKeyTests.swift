import Foundation
import XCTest

@testable import AdmAudit

/// The matching rule (exact after trimming and case-folding) on both of its paths: Strings
/// (`TextKey.make`) and field bytes (`ByteKeyTable`, value vocabularies, attribute groups).
final class TextKeyTests: XCTestCase {

    // MARK: Helpers

    /// Runs `body` with a field holding `text`'s UTF-8 bytes.
    private func withField<T>(_ text: String, missing: Bool = false, _ body: (FieldBytes) -> T) -> T {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { body(FieldBytes(bytes: $0, isMissing: missing)) }
    }

    private func lookup(_ table: ByteKeyTable, _ text: String) -> Int32? {
        Array(text.utf8).withUnsafeBytes { table.lookup(folding: $0) }
    }

    private func sexGroups() -> AttributeGroups {
        AttributeGroups(name: "sex", canonical: BuiltinVocabulary.attributeValues["sex"]!,
                        unknownSpellings: ValueVocabulary().unknown)
    }

    // MARK: TextKey.make

    func testMakeLowercasesASCII() {
        XCTAssertEqual(TextKey.make("Decision_ID"), "decision_id")
        XCTAssertEqual(TextKey.make("FEMALE"), "female")
    }

    func testMakeTrimsASCIIWhitespace() {
        XCTAssertEqual(TextKey.make(" \t decision_id \r\n"), "decision_id")
    }

    func testMakeTrimsNoBreakSpaceIdeographicSpaceAndBOM() {
        XCTAssertEqual(TextKey.make("\u{00A0}decision_id\u{00A0}"), "decision_id")
        XCTAssertEqual(TextKey.make("\u{3000}决策编号\u{3000}\u{3000}"), "决策编号")
        XCTAssertEqual(TextKey.make("\u{FEFF}decision_id"), "decision_id")
        XCTAssertEqual(TextKey.make("\u{FEFF}\u{3000} \u{00A0}Outcome\u{00A0} \u{3000}"), "outcome")
    }

    func testMakeKeepsInnerWhitespace() {
        // The ideographic space is a space in compatibility form: inner spaces stay, one for one.
        XCTAssertEqual(TextKey.make(" Decision\u{3000}ID "), "decision id")
        XCTAssertEqual(TextKey.make("decision  id"), "decision  id")
    }

    func testMakeFoldsLookAlikeSpellingsToOneKey() {
        // Full-width letters, zero-width characters, soft hyphens, direction marks and controls
        // do not make another value: one spelling, one group.
        for spelling in ["ｆｅｍａｌｅ", "fe\u{200B}male", "fe\u{00AD}male", "\u{202E}female", "FEMALE\u{FEFF}", "fe\u{0001}male",
                         "\u{2060}Female"] {
            XCTAssertEqual(TextKey.make(spelling), "female", spelling.debugDescription)
        }
        XCTAssertNotEqual(TextKey.make("fémale"), "female", "a letter with an accent is another letter")
    }

    func testMakeFoldsMixedScriptLookAlikesToOneKey() {
        XCTAssertEqual(TextKey.make("F\u{0435}male"), "female")
        XCTAssertEqual(TextKey.make(" \u{0421}hen Wei "), "chen wei", "a Cyrillic С at the start of a Latin name")
        XCTAssertEqual(TextKey.make("Иван"), "иван")
    }

    func testMakeTrimsSpacesThatInvisibleCharactersHid() {
        XCTAssertEqual(TextKey.make("\u{200B} female \u{200B}"), "female")
        XCTAssertEqual(TextKey.make("\u{202A}\u{3000}决策编号\u{202C}"), "决策编号")
        XCTAssertEqual(TextKey.make("\u{00AD}"), "", "an invisible character alone is nothing")
    }

    func testMakeFoldsFullWidthPunctuationAndDigits() {
        XCTAssertEqual(TextKey.make("ｄｅｃｉｓｉｏｎ＿ｉｄ"), "decision_id")
        XCTAssertEqual(TextKey.make("Ｎ／Ａ"), "n/a")
        XCTAssertEqual(TextKey.make("２０２５"), "2025")
        XCTAssertEqual(TextKey.make("是否人工复核（是/否）"), "是否人工复核(是/否)")
    }

    /// Full-width digits and punctuation, the ideographic space and no-break spaces are how
    /// Chinese and spreadsheet text is written: folded, never reported as a disguise.
    func testOrdinaryFullWidthFormsAreNoDisguise() {
        for text in ["警告（书面）", "第１２３号", "解除劳动合同　", "Black\u{00A0}British", "ｶﾀｶﾅ"] {
            XCTAssertFalse(TextKey.isDisguised(text), text)
        }
        for text in ["ｆｅｍａｌｅ", "fe\u{200B}male", "F\u{0435}male", "\u{0007}female", "ﬁred"] {
            XCTAssertTrue(TextKey.isDisguised(text), text)
        }
        XCTAssertEqual(TextKey.revealed("警告（书面）ｆ"), "警告（书面）[U+FF46]")
    }

    func testMakeLeavesChineseAsItIs() {
        XCTAssertEqual(TextKey.make("女"), "女")
        XCTAssertEqual(TextKey.make("决策ID"), "决策id")
    }

    func testMakeLowercasesNonASCIILetters() {
        XCTAssertEqual(TextKey.make("ÄRGER"), "ärger")
    }

    func testMakeOfOnlyWhitespaceIsEmpty() {
        XCTAssertEqual(TextKey.make(" \u{3000}\u{00A0}\u{FEFF}\t"), "")
        XCTAssertEqual(TextKey.make(""), "")
    }

    func testTrimmedRangeOnBytes() {
        let bytes = Array("\u{3000} ab \u{00A0}".utf8)
        let range = bytes.withUnsafeBytes { TextKey.trimmedRange($0) }
        XCTAssertEqual(range, 4..<6)
    }

    func testTrimmedRangeDoesNotSplitAMultiByteCharacter() {
        // 0xE3 0x80 0x81 (、) starts like U+3000 but is not a space.
        let bytes: [UInt8] = [0xE3, 0x80, 0x81, 0x61, 0xC2]
        let range = bytes.withUnsafeBytes { TextKey.trimmedRange($0) }
        XCTAssertEqual(range, 0..<5)
    }

    // MARK: ByteKeyTable

    func testByteKeyTableLookupFoldsASCIICase() {
        var table = ByteKeyTable()
        table.insert("female", value: 3)

        XCTAssertEqual(lookup(table, "female"), 3)
        XCTAssertEqual(lookup(table, "Female"), 3)
        XCTAssertEqual(lookup(table, "FEMALE"), 3)
        XCTAssertNil(lookup(table, "femal"))
        XCTAssertNil(lookup(table, "females"))
    }

    func testByteKeyTableInsertFoldsTheKeyToo() {
        var table = ByteKeyTable()
        table.insert("YES", value: 1)

        XCTAssertEqual(lookup(table, "yes"), 1)
    }

    func testByteKeyTableMatchesNonASCIIExactly() {
        var table = ByteKeyTable()
        table.insert("女", value: 0)
        table.insert("ärger", value: 1)

        XCTAssertEqual(lookup(table, "女"), 0)
        XCTAssertNil(lookup(table, "女性"))
        XCTAssertEqual(lookup(table, "ärger"), 1)
        XCTAssertNil(lookup(table, "ÄRGER"), "the byte path folds ASCII only")
        XCTAssertEqual(lookup(table, "äRGER"), 1, "ASCII letters around non-ASCII still fold")
    }

    func testByteKeyTableKeepsTheFirstValueForAKey() {
        var table = ByteKeyTable()
        XCTAssertEqual(table.insert("yes", value: 1), 1)
        XCTAssertEqual(table.insert("Yes", value: 2), 1)

        XCTAssertEqual(table.count, 1)
        XCTAssertEqual(lookup(table, "YES"), 1)
    }

    func testByteKeyTableEmptyKey() {
        var table = ByteKeyTable()
        XCTAssertNil(lookup(table, ""))
        table.insert("", value: 9)

        XCTAssertEqual(lookup(table, ""), 9)
        XCTAssertNil(lookup(table, " "))
    }

    func testByteKeyTableGrowsAndFindsEveryKey() {
        var table = ByteKeyTable()
        for index in 0..<5_000 {
            table.insert(index % 2 == 0 ? "key-\(index)" : "键\(index)", value: Int32(index))
        }

        XCTAssertEqual(table.count, 5_000)
        for index in 0..<5_000 {
            let key = index % 2 == 0 ? "KEY-\(index)" : "键\(index)"
            XCTAssertEqual(lookup(table, key), Int32(index), key)
        }
        XCTAssertNil(lookup(table, "key-5000"))
        XCTAssertNil(lookup(table, "键0"))
    }

    /// The table reads eight bytes at a time (its hash, its comparison, ASCII folding in a
    /// word): on random keys of every length from 0 to 40, made of letters of both cases, the
    /// bytes either side of them (`@`, `[`, `` ` ``, `{`) and bytes with the high bit set
    /// (0xC1–0xDA look like `A`–`Z` with it), it finds what a byte-at-a-time fold finds.
    func testByteKeyTableAgreesWithFoldingByteByByte() {
        func fold(_ bytes: [UInt8]) -> [UInt8] { bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } }
        let alphabet: [UInt8] = Array(0x40...0x5B) + Array(0x60...0x7B) + [0x20, 0x2D, 0x30, 0x39, 0x80, 0xC1, 0xC8, 0xDA, 0xE5, 0xFF]
        var generator = SeededGenerator(seed: 12)
        func randomKey() -> [UInt8] {
            (0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
        }
        var table = ByteKeyTable()
        var expected: [[UInt8]: Int32] = [:]
        var keys: [[UInt8]] = []
        for index in 0..<3_000 {
            let key = randomKey()
            keys.append(key)
            let stored = key.withUnsafeBytes { table.insert(folding: $0, value: Int32(index)) }
            if expected[fold(key)] == nil { expected[fold(key)] = Int32(index) }
            XCTAssertEqual(stored, expected[fold(key)], "insert \(key)")
        }
        XCTAssertEqual(table.count, expected.count)
        // Each key in another case (only ASCII letters change), and keys one byte off.
        for key in keys + (0..<3_000).map({ _ in randomKey() }) {
            let variant = key.map { byte -> UInt8 in
                guard (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) else { return byte }
                return Bool.random(using: &generator) ? byte ^ 0x20 : byte
            }
            XCTAssertEqual(variant.withUnsafeBytes { table.lookup(folding: $0) }, expected[fold(variant)], "\(variant)")
            if !key.isEmpty {
                var changed = key
                let at = Int.random(in: 0..<key.count, using: &generator)
                changed[at] = changed[at] == 0x21 ? 0x22 : 0x21
                XCTAssertEqual(changed.withUnsafeBytes { table.lookup(folding: $0) }, expected[fold(changed)], "\(changed)")
            }
        }
    }

    // MARK: Value vocabularies

    func testVocabularyFindsSpellingsAfterTrimmingAndFolding() {
        var booleans = Vocabulary(BuiltinVocabulary.booleans)

        XCTAssertEqual(withField(" YES ") { booleans.lookup($0) }, .found(true))
        XCTAssertEqual(withField("\u{3000}是\u{3000}") { booleans.lookup($0) }, .found(true))
        XCTAssertEqual(withField("否") { booleans.lookup($0) }, .found(false))
        XCTAssertEqual(withField("N") { booleans.lookup($0) }, .found(false))
    }

    func testVocabularyTellsMissingFromUnrecognized() {
        var outcomes = Vocabulary(BuiltinVocabulary.outcomes)

        XCTAssertEqual(withField("", missing: true) { outcomes.lookup($0) }, .missing)
        XCTAssertEqual(withField("") { outcomes.lookup($0) }, .missing, "a quoted empty value is not recorded either")
        XCTAssertEqual(withField(" \u{00A0} ") { outcomes.lookup($0) }, .missing)
        XCTAssertEqual(withField("maybe") { outcomes.lookup($0) }, .unrecognized)
        XCTAssertEqual(withField("辞退") { outcomes.lookup($0) }, .found(.adverse))
    }

    func testVocabularyFallsBackToUnicodeLowercasingForNonASCII() {
        var vocabulary = Vocabulary([(1, ["Ärger"]), (2, ["ÉCHEC"])])

        XCTAssertEqual(withField("ÄRGER") { vocabulary.lookup($0) }, .found(1))
        XCTAssertEqual(withField("échec") { vocabulary.lookup($0) }, .found(2))
    }

    // MARK: AttributeGroups

    func testAttributeGroupsCanonicaliseSpellingsOfOneGroup() {
        var groups = sexGroups()
        let codes = ["女", "Female", "F", " female ", "\u{3000}女性", "WOMAN"].map { text in
            withField(text) { groups.group(for: $0) }
        }

        XCTAssertEqual(Set(codes).count, 1, "\(codes)")
        XCTAssertEqual(groups.labels[Int(codes[0])], "female")
        XCTAssertEqual(groups.code(ofLabel: "female"), codes[0])
    }

    func testAttributeGroupsKeepGroupsApart() {
        var groups = sexGroups()
        let female = withField("女") { groups.group(for: $0) }
        let male = withField("男") { groups.group(for: $0) }
        let maleEnglish = withField("M") { groups.group(for: $0) }

        XCTAssertNotEqual(female, male)
        XCTAssertEqual(male, maleEnglish)
        XCTAssertEqual(groups.labels[Int(male)], "male")
    }

    func testAttributeGroupsMapUnknownSpellingsToUnknown() {
        var groups = sexGroups()
        for text in ["unknown", "Unknown", "N/A", "未知", "不详", " prefer not to say "] {
            XCTAssertEqual(withField(text) { groups.group(for: $0) }, AttributeGroups.unknown, text)
        }
        XCTAssertEqual(groups.labels, ["female", "male"], "unknown values never become a group")
    }

    func testAttributeGroupsMapEmptyCellsToUnknown() {
        var groups = sexGroups()

        XCTAssertEqual(withField("", missing: true) { groups.group(for: $0) }, AttributeGroups.unknown)
        XCTAssertEqual(withField("") { groups.group(for: $0) }, AttributeGroups.unknown)
        XCTAssertEqual(withField(" \u{3000} ") { groups.group(for: $0) }, AttributeGroups.unknown)
    }

    func testAttributeGroupsInternUnlistedValuesUnderTheirFirstSpelling() {
        var groups = sexGroups()
        let first = withField(" Nonbinary ") { groups.group(for: $0) }
        let again = withField("NONBINARY") { groups.group(for: $0) }
        let chinese = withField("其他") { groups.group(for: $0) }
        let chineseAgain = withField("\u{3000}其他") { groups.group(for: $0) }

        XCTAssertEqual(first, 2, "after the two canonical groups")
        XCTAssertEqual(again, first)
        XCTAssertEqual(chinese, 3)
        XCTAssertEqual(chineseAgain, chinese)
        XCTAssertEqual(groups.labels, ["female", "male", "Nonbinary", "其他"])
        XCTAssertEqual(groups.code(ofLabel: "nonbinary"), 2)
        XCTAssertNil(groups.code(ofLabel: "agender"))
    }

    func testAttributeGroupsInternNonASCIIValuesCaseInsensitively() {
        var groups = AttributeGroups(name: "site", canonical: [], unknownSpellings: [])
        let first = withField("Ärztehaus") { groups.group(for: $0) }
        let again = withField("ÄRZTEHAUS") { groups.group(for: $0) }

        XCTAssertEqual(first, again)
        XCTAssertEqual(groups.labels, ["Ärztehaus"])
    }

    func testADisguisedSpellingIsToldFromACaseOrSpaceVariantAndShown() {
        XCTAssertFalse(TextKey.isDisguised("  Female "))
        XCTAssertFalse(TextKey.isDisguised("女"))
        XCTAssertFalse(TextKey.isDisguised("Ärztin"))
        XCTAssertTrue(TextKey.isDisguised("fe\u{200B}male"))
        XCTAssertTrue(TextKey.isDisguised("F\u{0435}male"))
        XCTAssertTrue(TextKey.isDisguised("\u{FF46}emale"))
        XCTAssertEqual(TextKey.revealed("F\u{0435}ma\u{00AD}le"), "F[U+0435]ma[U+00AD]le")
        XCTAssertEqual(TextKey.revealed("女"), "女")
    }
}
