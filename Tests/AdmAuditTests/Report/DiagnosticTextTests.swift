import XCTest
@testable import AdmAudit

/// Every diagnostic is worded from its code and values alone, in both languages: each value it
/// carries appears in its words, and a Chinese reader reads Chinese.
final class DiagnosticTextTests: XCTestCase {
    private let samples: [Diagnostic.Code: [String: DiagnosticValue]] = [
        .pipelineInferred: ["input": .text("导出.csv"), "pipeline": .text("p.yaml"), "settings_to_check": .count(3)],
        .fieldsWithoutColumn: ["fields": .list(["notified_at", "reason_codes"])],
        .decisionsNamedByLine: [:],
        .columnMatchesTwoFields: ["column": .text("工号"), "field": .text("subject_id")],
        .attributeWithoutColumn: ["attribute": .text("sex")],
        .lineAboveHeaderHoldsValues: ["line": .count(2), "values": .count(7)],
        .quoteSwallowedLines: ["first_line": .count(3), "last_line": .count(7), "column": .text("备注"), "accepted": .count(4), "rejected": .count(1)],
        .moreQuoteRepairs: ["rows": .count(12)],
        .activityJoinSparse: ["adverse_decisions": .count(40), "matched": .count(3), "log_workers": .count(200)],
        .lookAlikeWorkerIDs: ["rows": .count(12), "line": .count(40), "characters": .text("U+0410 CYRILLIC CAPITAL LETTER A")],
        .unpairedPunches: ["clock_ins": .count(3), "clock_outs": .count(1), "workers": .count(2)],
        .activityOutsideCalendar: ["first_year": .count(2019), "last_year": .count(2025), "covered_from": .count(2020), "covered_to": .count(2026)],
        .emptyFile: [:],
        .distinctValuesOverLimit: ["attribute": .text("site"), "limit": .count(4096), "rows": .count(9), "group": .text("[其余]")],
        .disguisedSpellings: ["read_as": .text("attribute"), "attribute": .text("sex"), "spellings": .list(["fe[U+200B]male"]),
                              "read_as_values": .list(["female"]), "more": .count(2)],
        .groupsWrittenAlike: ["attribute": .text("ethnicity"), "groups": .list(["回族（少数民族）", "回族人", "回族"])],
        .noAsOfDate: [:],
        .decisionsBeforeRules: ["rows": .count(40), "line": .count(4), "checks": .list(["HR-01", "EX-01"]),
                                "first_day": .text("1986-01-13"), "last_day": .text("2017-09-22")],
        .noPseudonymKey: [:],
        .assumeAutomated: [:],
        .mergedShards: ["shards": .count(3)],
        .shardFileMissing: ["name": .text("findings.csv")],
        .decisionIDsCompared: ["ids": .count(600), "shards": .count(3)],
        .decisionIDsNotCompared: [:],
        .decisionIDsRepeatedAcrossShards: ["rows": .count(2), "line": .count(14), "first_file": .text("一月.csv"), "first_line": .count(40)],
        .shardFileOtherHeader: ["name": .text("rejects.csv")],
        .shardFileShared: ["name": .text("findings.csv")],
        .shardFileMismatch: ["name": .text("rejects.csv")],
        .pseudonymsDifferAcrossShards: [:],
    ]

    func testEveryCodeIsWordedWithItsValuesInBothLanguages() throws {
        XCTAssertEqual(Set(samples.keys), Set(Diagnostic.Code.allCases), "a sample for every code")
        for code in Diagnostic.Code.allCases {
            let diagnostic = Diagnostic(level: .warning, file: nil, code: code, values: samples[code] ?? [:])
            XCTAssertNil(diagnostic.damage, "\(code)")
            let english = diagnostic.message(.en), chinese = diagnostic.message(.zh)
            XCTAssertTrue(chinese.unicodeScalars.contains(where: MeaningText.isCJK), "\(code): \(chinese)")
            let shown = diagnostic.values.values.flatMap { value -> [String] in
                switch value {
                case .count(let count): [String(count)]
                case .text(let text): [text]
                case .list(let list): list
                }
            }
            // The English words hold no Chinese but what the values brought.
            let ownWords = shown.reduce(english) { $0.replacingOccurrences(of: $1, with: "") }
            XCTAssertFalse(ownWords.unicodeScalars.contains(where: MeaningText.isCJK), "\(code): \(english)")
            for text in shown where !(code == .disguisedSpellings && text == "attribute") {
                XCTAssertTrue(english.contains(text), "\(code) en lacks \(text): \(english)")
                // A disguise warning names a known attribute in Chinese (`sex` → `性别`); the
                // others name the pipeline key the reader may have to edit.
                let named = code == .disguisedSpellings && diagnostic.values["attribute"] == .text(text) ? ReportText(language: .zh).attribute(text) : text
                XCTAssertTrue(chinese.contains(named), "\(code) zh lacks \(named): \(chinese)")
            }
        }
    }

    /// Spellings disguised as a coded value are shown with the value as the reader names it;
    /// an arrow inside the spelling itself stays the spelling's.
    func testDisguisedCodedValuesAreNamedForTheReader() {
        let diagnostic = Diagnostic(level: .warning, file: nil, code: .disguisedSpellings,
                                    values: ["read_as": .text("coded_values"), "spellings": .list(["a → b[U+200B]"]),
                                             "read_as_values": .list(["dismissal"]), "more": .count(0)])
        XCTAssertNil(diagnostic.damage)
        XCTAssertTrue(diagnostic.message(.zh).contains("a → b[U+200B] → \(DecisionType.dismissal.chineseName)"), diagnostic.message(.zh))
        XCTAssertTrue(diagnostic.message(.zh).hasPrefix("决策类型、结果及是/否取值：有 1 种写法"), diagnostic.message(.zh))
        XCTAssertTrue(diagnostic.message(.en).contains("a → b[U+200B] → dismissal"), diagnostic.message(.en))
        XCTAssertTrue(diagnostic.message(.en).hasSuffix("from the checks that would judge it"), diagnostic.message(.en))
    }

    /// A diagnostic read from a state file is refused when a value its code words is missing,
    /// of another kind, out of bounds or beyond what admaudit writes; the wording never traps.
    func testDamagedDiagnosticsAreNamed() {
        let cases: [(Diagnostic.Code, [String: DiagnosticValue])] = [
            (.quoteSwallowedLines, ["first_line": .count(Int.min), "last_line": .count(1), "column": .text("a"), "accepted": .count(1), "rejected": .count(0)]),
            (.quoteSwallowedLines, ["first_line": .count(9), "last_line": .count(3), "column": .text("a"), "accepted": .count(1), "rejected": .count(0)]),
            (.disguisedSpellings, ["read_as": .text("coded_values"), "spellings": .list([]), "read_as_values": .list([]), "more": .count(Int.max)]),
            (.disguisedSpellings, ["read_as": .text("coded_values"), "attribute": .text("sex"), "spellings": .list([]), "read_as_values": .list([]), "more": .count(0)]),
            (.disguisedSpellings, ["read_as": .text("attribute"), "attribute": .text("sex"), "spellings": .list(["a"]), "read_as_values": .list([]), "more": .count(0)]),
            (.quoteSwallowedLines, ["first_line": .count(3), "last_line": .count(9), "column": .text("a"), "accepted": .count(1), "rejected": .count(0),
                                    "stray_quote_lines": .list(["5", "<script>"])]),
            (.quoteSwallowedLines, ["first_line": .count(3), "last_line": .count(9), "column": .text("a"), "accepted": .count(1), "rejected": .count(0),
                                    "stray_quote_lines": .list(Array(repeating: "5", count: 9))]),
            (.quoteSwallowedLines, ["first_line": .count(3), "last_line": .count(9), "column": .text("a"), "accepted": .count(1), "rejected": .count(0),
                                    "more_stray_quotes": .count(-1)]),
            (.mergedShards, [:]),
            (.columnMatchesTwoFields, ["column": .count(1), "field": .text("x")]),
            (.emptyFile, ["extra": .text("x")]),
        ]
        for (code, values) in cases {
            let diagnostic = Diagnostic(level: .warning, file: nil, code: code, values: values)
            XCTAssertNotNil(diagnostic.damage, "\(code) \(values)")
            for language in [ReportLanguage.en, .zh] { _ = ReportText(language: language).message(diagnostic) }
        }
        // The optional values are optional: a repair without further stray quotes, and one with them.
        let plain: [String: DiagnosticValue] = ["first_line": .count(3), "last_line": .count(9), "column": .text("a"), "accepted": .count(1), "rejected": .count(0)]
        XCTAssertNil(Diagnostic(level: .warning, file: nil, code: .quoteSwallowedLines, values: plain).damage)
        let strays = plain.merging(["stray_quote_lines": .list(["5", "7"]), "more_stray_quotes": .count(3)]) { $1 }
        XCTAssertNil(Diagnostic(level: .warning, file: nil, code: .quoteSwallowedLines, values: strays).damage)
    }
}
