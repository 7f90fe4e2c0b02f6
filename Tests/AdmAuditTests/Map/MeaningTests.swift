import Foundation
import XCTest

@testable import AdmAudit

/// Reading values by meaning (`Meaning.swift`): the normal form text is matched in, keywords
/// found inside values, the spellings of "not applicable", and yes/no by the leading word.
final class MeaningTests: XCTestCase {

    // MARK: Helpers

    private func scalars(_ text: String) -> [Unicode.Scalar] {
        Array(MeaningText.normalize(text).unicodeScalars)
    }

    private func best(_ index: KeywordIndex, _ text: String) -> KeywordIndex.Best {
        index.best(in: scalars(text))
    }

    private func code(_ index: KeywordIndex, _ text: String) -> Int32? {
        if case .found(let match) = best(index, text) { return match.code }
        return nil
    }

    private func isNotApplicable(_ text: String) -> Bool {
        NotApplicable.matches(trimmed: TextKey.make(text), normalized: MeaningText.normalize(text))
    }

    private func answer(_ text: String) -> Bool? {
        LeadingAnswer.read(MeaningText.normalize(text))
    }

    // MARK: MeaningText

    func testNormalizeFoldsCompatibilityFormsAndCase() {
        XCTAssertEqual(MeaningText.normalize("ＦＥＭＡＬＥ"), "female")
        XCTAssertEqual(MeaningText.normalize("Ｎｏｔ Ｓｅｌｅｃｔｅｄ"), "not selected")
        XCTAssertEqual(MeaningText.normalize("（人工）"), "(人工)", "full-width brackets are brackets")
        XCTAssertEqual(MeaningText.normalize("１２"), "12")
    }

    func testNormalizeRemovesInvisibleCharacters() {
        for spelling in ["dis\u{200B}missed", "dis\u{00AD}missed", "\u{FEFF}dismissed", "dismissed\u{200E}", "\u{202E}dismissed",
                         "dis\u{2060}missed", "dis\u{0007}missed", "dis\u{FE0F}missed"] {
            XCTAssertEqual(MeaningText.normalize(spelling), "dismissed", spelling.debugDescription)
        }
    }

    /// A Cyrillic or Greek look-alike inside a Latin word is the Latin letter; a word wholly
    /// in another script is left alone.
    func testNormalizeReadsMixedScriptLookAlikesAsLatin() {
        XCTAssertEqual(MeaningText.normalize("F\u{0435}male"), "female", "Cyrillic е")
        XCTAssertEqual(MeaningText.normalize("R\u{0435}jected - AEDT Threshold"), "rejected aedt threshold")
        XCTAssertEqual(MeaningText.normalize("\u{041C}\u{0410}LE"), "male", "Cyrillic М and А beside a Latin L")
        XCTAssertEqual(MeaningText.normalize("dism\u{03B9}ssed"), "dismissed", "Greek ι")
        XCTAssertEqual(MeaningText.normalize("мужской"), "мужской", "Russian stays Russian")
        XCTAssertEqual(MeaningText.normalize("Ελένη"), "ελένη", "Greek stays Greek")
        XCTAssertEqual(MeaningText.normalize("male мужской"), "male мужской", "each word by itself")
    }

    func testNormalizeMakesRunsOfSeparatorsOneSpace() {
        XCTAssertEqual(MeaningText.normalize("Termination - Involuntary"), "termination involuntary")
        XCTAssertEqual(MeaningText.normalize("Termination \u{2013} Involuntary"), "termination involuntary", "en dash")
        XCTAssertEqual(MeaningText.normalize("not__selected"), "not selected")
        XCTAssertEqual(MeaningText.normalize("  not \t selected  "), "not selected", "no space at either end")
        XCTAssertEqual(MeaningText.normalize("未\u{3000}录用"), "未 录用")
        XCTAssertEqual(MeaningText.normalize("a\u{00A0}b"), "a b")
    }

    func testNormalizeKeepsPunctuationThatIsNotASeparator() {
        XCTAssertEqual(MeaningText.normalize("N/A"), "n/a")
        XCTAssertEqual(MeaningText.normalize("n.a."), "n.a.")
    }

    func testNormalizeOfSeparatorsAloneIsEmpty() {
        XCTAssertEqual(MeaningText.normalize("-"), "")
        XCTAssertEqual(MeaningText.normalize(" _ - "), "")
        XCTAssertEqual(MeaningText.normalize("\u{200B}"), "")
    }

    func testInvisibleKeepsTabAndLineEnds() {
        XCTAssertTrue(MeaningText.isInvisible("\u{0000}"))
        XCTAssertTrue(MeaningText.isInvisible("\u{0085}"), "NEL is a C1 control")
        XCTAssertTrue(MeaningText.isInvisible("\u{E0041}"), "tag characters")
        XCTAssertFalse(MeaningText.isInvisible("\t"))
        XCTAssertFalse(MeaningText.isInvisible("\n"))
        XCTAssertFalse(MeaningText.isInvisible("\r"))
        XCTAssertFalse(MeaningText.isInvisible("a"))
        XCTAssertFalse(MeaningText.isInvisible("是"))
    }

    func testCJKScalars() {
        for scalar: Unicode.Scalar in ["是", "录", "ア", "ひ", "한", "\u{20000}"] {
            XCTAssertTrue(MeaningText.isCJK(scalar), "\(scalar)")
        }
        for scalar: Unicode.Scalar in ["a", "é", "1", "(", "\u{FF08}", "\u{3000}"] {
            XCTAssertFalse(MeaningText.isCJK(scalar), "\(scalar)")
        }
    }

    // MARK: KeywordIndex: the longest keyword decides

    func testLongestKeywordWins() {
        let index = KeywordIndex([(0, ["录用"]), (1, ["未录用"])])
        XCTAssertEqual(code(index, "录用"), 0)
        XCTAssertEqual(code(index, "未录用"), 1)
        XCTAssertEqual(code(index, "经面试后未录用（名额已满）"), 1)
        guard case .found(let match) = best(index, "经面试后未录用") else { return XCTFail("not found") }
        XCTAssertEqual(match.keyword, "未录用")
        XCTAssertEqual(match.offset, 4, "scalar offset in the normalised value")
    }

    func testLongestWinsWhateverTheOrderTheListsCameIn() {
        let first = KeywordIndex([(1, ["not selected"]), (0, ["selected"])])
        let second = KeywordIndex([(0, ["selected"]), (1, ["not selected"])])
        for index in [first, second] {
            XCTAssertEqual(code(index, "Candidate not selected"), 1)
            XCTAssertEqual(code(index, "Candidate selected"), 0)
        }
    }

    func testTheKeywordEndingLastDecidesAsTheHeadOfAPhrase() {
        let latin = KeywordIndex([(0, ["warning"]), (1, ["dismiss"])])
        XCTAssertEqual(code(latin, "warning then dismiss"), 1)
        XCTAssertEqual(code(latin, "dismiss then warning"), 0)
        XCTAssertEqual(code(latin, "warning only"), 0)
        let chinese = KeywordIndex([(0, ["警告"]), (1, ["降级"])])
        XCTAssertEqual(code(chinese, "降级并警告"), 0)
        // What follows a bracket or `for` qualifies the head, and is read only when the head names nothing.
        XCTAssertEqual(code(latin, "dismiss (after a warning)"), 1)
        XCTAssertEqual(code(latin, "dismiss for warning ignored"), 1)
        XCTAssertEqual(code(latin, "notice (warning)"), 0)
    }

    func testKeywordsEndingTogetherAndAsLongButMeaningDifferentThingsAreAmbiguous() {
        let index = KeywordIndex([(0, ["warn it"]), (1, ["dismiss it"]), (2, ["miss it"])])
        XCTAssertEqual(best(index, "we warn it"), .found(KeywordIndex.Match(code: 0, keyword: "warn it", offset: 3)))
        let tie = KeywordIndex([(0, ["aa bb"]), (1, ["cc bb"])])
        XCTAssertEqual(best(tie, "aa bb"), .found(KeywordIndex.Match(code: 0, keyword: "aa bb", offset: 0)))
        let chinese = KeywordIndex([(0, ["甲乙"]), (1, ["丙乙"])])
        XCTAssertEqual(best(chinese, "甲乙"), .found(KeywordIndex.Match(code: 0, keyword: "甲乙", offset: 0)))
        let both = KeywordIndex([(0, ["甲乙"]), (1, ["甲乙"])])
        XCTAssertEqual(best(both, "甲乙"), .found(KeywordIndex.Match(code: 0, keyword: "甲乙", offset: 0)), "the first listed keeps a spelling")
        let crossing = KeywordIndex([(0, ["乙丙"]), (1, ["甲丙"])])
        XCTAssertEqual(best(crossing, "甲乙丙"), .found(KeywordIndex.Match(code: 0, keyword: "乙丙", offset: 1)))
        let same = KeywordIndex([(0, ["乙丙"]), (1, ["丁丙"])])
        XCTAssertEqual(best(same, "乙丙丁丙"), .found(KeywordIndex.Match(code: 1, keyword: "丁丙", offset: 2)))
        let longer = KeywordIndex([(0, ["乙丙"]), (1, ["x乙丙"])])
        XCTAssertEqual(code(longer, "x乙丙"), 1, "ending together, the longer decides")
    }

    func testEqualLengthKeywordsOfOneMeaningAreNotAmbiguous() {
        let index = KeywordIndex([(0, ["警告", "记过"])])
        XCTAssertEqual(code(index, "警告并记过"), 0)
    }

    func testALongerKeywordSettlesWhatShorterOnesLeaveAmbiguous() {
        let index = KeywordIndex([(0, ["warning"]), (1, ["dismiss"]), (2, ["final warning and dismiss"])])
        XCTAssertEqual(code(index, "Final warning and dismiss"), 2)
    }

    func testNothingFound() {
        let index = KeywordIndex([(0, ["dismissal"])])
        XCTAssertEqual(best(index, "promotion"), KeywordIndex.Best.none)
        XCTAssertEqual(KeywordIndex().best(in: scalars("dismissal")), KeywordIndex.Best.none, "an empty index finds nothing")
        XCTAssertEqual(best(index, ""), KeywordIndex.Best.none)
    }

    // MARK: KeywordIndex: whole words and substrings

    func testLatinKeywordsMatchWholeWordsOnly() {
        let index = KeywordIndex([(0, ["no"])], shortestWord: 2)
        XCTAssertNil(code(index, "notice"), "`no` is not in `notice`")
        XCTAssertNil(code(index, "piano"))
        XCTAssertEqual(code(index, "no reply"), 0)
        XCTAssertEqual(code(index, "answer: no"), 0)
        XCTAssertEqual(code(index, "no."), 0)
    }

    func testKeywordIsFoundAsAWordInsideALongerValue() {
        let index = KeywordIndex([(0, ["firing"]), (1, ["fire"])])
        XCTAssertEqual(code(index, "Firing - Involuntary"), 0)
        XCTAssertEqual(code(index, "Involuntary (firing)"), 0)
        XCTAssertEqual(code(index, "fire drill"), 1)
        XCTAssertNil(code(index, "firings"), "a longer word is another word")
        XCTAssertNil(code(index, "misfire"))
    }

    func testDigitsAreWordCharacters() {
        let index = KeywordIndex([(0, ["pip"])])
        XCTAssertEqual(code(index, "pip 2"), 0)
        XCTAssertNil(code(index, "pip2"))
        XCTAssertNil(code(index, "2pip"))
    }

    func testCJKKeywordsMatchAsSubstrings() {
        let index = KeywordIndex([(0, ["解除劳动合同"]), (1, ["hr复核"])])
        XCTAssertEqual(code(index, "解除劳动合同（严重违纪）"), 0)
        XCTAssertEqual(code(index, "经研究决定解除劳动合同"), 0)
        XCTAssertEqual(code(index, "已由HR复核"), 1, "a keyword holding CJK is matched as a substring")
    }

    func testLatinKeywordNextToCJKIsAWholeWord() {
        let index = KeywordIndex([(0, ["termination"])])
        XCTAssertEqual(code(index, "termination解除"), 0, "CJK is not a word character for Latin keywords")
    }

    func testKeywordsAreNormalisedLikeValues() {
        let index = KeywordIndex([(0, ["Screened_Out"])])
        XCTAssertEqual(code(index, "SCREENED-OUT at stage 2"), 0)
        XCTAssertEqual(code(index, "ｓｃｒｅｅｎｅｄ ｏｕｔ"), 0)
    }

    func testShortKeywordsAreLeftToTheExactLookup() {
        let index = KeywordIndex([(0, ["是", "y", "no", "hr"]), (1, ["women"])])
        XCTAssertNil(code(index, "是的"), "a single CJK character is never found inside a value")
        XCTAssertNil(code(index, "是"), "nor as a whole value: the exact lookup answers that")
        XCTAssertNil(code(index, "y"))
        XCTAssertNil(code(index, "no"))
        XCTAssertNil(code(index, "hr decided"), "two letters are below the default shortest word")
        XCTAssertEqual(code(index, "women"), 1)
    }

    func testShortestWordCanAdmitTwoLetterWords() {
        let index = KeywordIndex([(0, ["hr", "ai"])], shortestWord: 2)
        XCTAssertEqual(code(index, "HR decided"), 0)
        XCTAssertEqual(code(index, "by AI"), 0)
        XCTAssertNil(code(index, "three"))
        XCTAssertNil(code(index, "said"))
        let single = KeywordIndex([(0, ["a"])], shortestWord: 1)
        XCTAssertNil(code(single, "a"), "never fewer than two letters")
    }

    func testAFirstSpellingKeepsItsMeaning() {
        let index = KeywordIndex([(0, ["approved"]), (1, ["approved", "denied"])])
        XCTAssertEqual(code(index, "Approved by HR"), 0, "a keyword listed twice keeps the first list's meaning")
        XCTAssertEqual(code(index, "Denied by HR"), 1)
    }

    func testEmptySpellingsAreIgnored() {
        let index = KeywordIndex([(0, ["", " - ", "\u{200B}"]), (1, ["dismissal"])])
        XCTAssertEqual(code(index, "dismissal"), 1)
        XCTAssertEqual(best(index, "anything"), KeywordIndex.Best.none)
    }

    func testAllCodesFindsEveryMeaning() {
        let index = KeywordIndex([(0, ["health", "健康"]), (1, ["face scan", "人脸"]), (2, ["location"])])
        XCTAssertEqual(Set(index.allCodes(in: scalars("Face scan; health data"))), [0, 1])
        XCTAssertEqual(index.allCodes(in: scalars("健康数据、健康码")), [0], "each code once")
        XCTAssertEqual(Set(index.allCodes(in: scalars("人脸识别+健康+location"))), [0, 1, 2])
        XCTAssertEqual(index.allCodes(in: scalars("payroll")), [])
    }

    // MARK: NotApplicable

    func testNotApplicableSpellings() {
        for spelling in ["N/A", "n/a", "NA", "n.a.", "N.A", "Not applicable", "NOT_APPLICABLE", "does not apply", "不适用", "不涉及",
                         "无需", "不需要", "—", "——", "-", "–", "--", "/", "／", "－", "―", " N/A ", "Ｎ／Ａ", "N\u{200B}/A"] {
            XCTAssertTrue(isNotApplicable(spelling), spelling.debugDescription)
        }
    }

    func testNotApplicableIsNeverAnAnswer() {
        for spelling in ["No", "none", "无", "否", "Not reviewed", "n", "", " ", "0", "不", "nationals", "不适用于"] {
            XCTAssertFalse(isNotApplicable(spelling), spelling.debugDescription)
        }
        // With a remark after it, still not applicable.
        for spelling in ["N/A (manager)", "n/a - not required", "不适用（试用期）"] {
            XCTAssertTrue(isNotApplicable(spelling), spelling.debugDescription)
        }
    }

    // MARK: LeadingAnswer

    func testLeadingYes() {
        for value in ["是（人工）", "是", "已人工复核", "有", "Yes - by manager", "YES", "y (manager)", "True", "√ 已复核", "✓",
                      "Reviewed by HR", "Done", "Completed 2025-01-02", "provided in writing"] {
            XCTAssertEqual(answer(value), true, value)
        }
    }

    func testLeadingNo() {
        for value in ["否，系统自动", "否", "未复核", "没有", "没复核", "不需要复核", "No (auto-approved)", "no", "N", "NO - system",
                      "not reviewed", "Not Reviewed", "none", "never", "Pending review", "missing", "without review", "×", "false"] {
            XCTAssertEqual(answer(value), false, value)
        }
    }

    /// A no whose remark names software says software decided (what `automated = human` beside
    /// it contradicts); a remark that denies software, or names none, does not.
    func testANoNamingSoftware() {
        for value in ["no (auto)", "No (auto-approved)", "NO - system", "否，系统自动", "否（机审）", "no, AI decision"] {
            XCTAssertTrue(LeadingAnswer.noNamingSoftware(MeaningText.normalize(value)), value)
        }
        for value in ["no", "否", "no (manager only)", "no (not automated)", "否（非系统）", "no - no system involved", "yes (auto)", "autonomy"] {
            XCTAssertFalse(LeadingAnswer.noNamingSoftware(MeaningText.normalize(value)), value)
        }
    }

    /// `未知` and `不详` say the answer is not known: not a no (a row's review flag of 未知 was
    /// worded human_reviewed=否 in a finding), but a value the run rejects and counts, as `unknown`.
    func testAnswersThatAreNotKnownAreNeither() {
        for value in ["未知", "不详", "不明", "不清楚", "不确定（待核）", "Unknown", "not known", "unsure"] {
            XCTAssertNil(answer(value), value)
        }
        XCTAssertEqual(answer("未复核"), false)
        XCTAssertEqual(answer("不需要复核"), false)
    }

    func testLatinLeadingWordMustEndAtAWordBoundary() {
        XCTAssertNil(answer("notice"), "`notice` is not `no`")
        XCTAssertNil(answer("nothing to add"))
        XCTAssertNil(answer("yesterday"))
        XCTAssertNil(answer("yellow"))
        XCTAssertNil(answer("tbd"))
        XCTAssertNil(answer("never1"), "a digit continues the word")
    }

    func testLongestLeadingWordDecides() {
        // `not` (no) over `n` (no) is the same answer; `none` over `no`: still no; `没有` over `没`.
        XCTAssertEqual(answer("not"), false)
        XCTAssertEqual(answer("没有复核"), false)
        XCTAssertEqual(answer("Yes"), true)
    }

    /// An export under inspection hides an open review behind a leading yes: `yes (pending)`
    /// read as yes took ten dismissals without review out of HR-01, and no row was rejected.
    func testAYesTakenBackOrLeftOpenIsNeither() {
        for value in ["yes (pending)", "yes - not yet", "yes?", "Yes？", "yes, no", "Yes (TBD)", "y (planned)",
                      "已复核(未)", "是（待定）", "是，否", "是?", "已复核（待补录）", "是（拟复核）", "有（尚未）",
                      "y\u{336}e\u{336}s\u{336}", "是\u{336}",
                      // A hostile review's second round: statuses, machines and crosses after the yes.
                      "Yes (in progress)", "Yes (queued)", "Yes (overdue)", "Yes (skipped)", "Yes (cancelled)", "Yes (by system)",
                      "Yes — declined", "Yes ❌", "Yes ✖", "是（审核中）", "是（进行中）", "是（系统自动）", "是（逾期）", "是（已取消）",
                      "是（超时）", "是（排队）", "是 ❌"] {
            XCTAssertNil(answer(value), value.debugDescription)
        }
    }

    func testANoContradictedIsNeither() {
        for value in ["no, yes", "No (yes)", "否（是）", "no?", "否？"] {
            XCTAssertNil(answer(value), value)
        }
        // What follows a no that only says why stays a no.
        XCTAssertEqual(answer("No (auto-approved)"), false)
        XCTAssertEqual(answer("not reviewed"), false)
    }

    func testAYesWithAPlainQualifierStaysYes() {
        for value in ["Yes - by N. Smith", "是（张三）", "Y (manager)", "yes, by HR on 2025-03-02", "已复核（人资部）", "是，无问题",
                      "Yes, no issues", "已复核（无异议）"] {
            XCTAssertEqual(answer(value), true, value)
        }
    }

    func testNeitherLeadingWordIsUnrecognised() {
        XCTAssertNil(answer("manager"))
        XCTAssertNil(answer("人工"))
        XCTAssertNil(answer(""))
        XCTAssertNil(answer("maybe yes"))
    }
}
