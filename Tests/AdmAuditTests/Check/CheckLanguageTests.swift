import Foundation
import XCTest
@testable import AdmAudit

/// How a check picks its language: `CheckContext.language`, set from the pipeline's
/// `report.language`, and `context.text(english, chinese)`. The paths an export cannot
/// reach (settings the loader refuses) and the small formatters are tested here; every
/// path an export can reach is in RunLanguageTests.
final class CheckLanguageTests: XCTestCase {
    private var chinese: CheckContext {
        var context = CheckRecordFixture.context
        context.language = .zh
        return context
    }

    func testTheContextIsEnglishUnlessThePipelineSaysOtherwise() throws {
        XCTAssertEqual(CheckRecordFixture.context.language, .en)
        XCTAssertEqual(CheckRecordFixture.context.text("en", "中文"), "en")
        XCTAssertEqual(chinese.text("en", "中文"), "中文")
        var pipeline = try TestSupport.pipeline(TestSupport.plainPipeline)
        XCTAssertEqual(AuditRun.checkContext(pipeline: pipeline, asOf: nil).language, .en)
        pipeline.report.language = .zh
        XCTAssertEqual(AuditRun.checkContext(pipeline: pipeline, asOf: nil).language, .zh)
    }

    func testOnlyTheChosenTextIsBuilt() {
        var built: [String] = []
        func make(_ text: String) -> String { built.append(text); return text }
        _ = chinese.text(make("english"), make("中文"))
        _ = CheckRecordFixture.context.text(make("english"), make("中文"))
        XCTAssertEqual(built, ["中文", "english"])
    }

    /// Unusable working hours leave every record unknown, with a code the reports word in
    /// the reader's language (the loader refuses such settings; a pipeline built in code may not).
    func testUnusableWorkingHoursAreUnknownWithACode() {
        let check = NotifiedOutsideWorkingHours(parameters: CheckParameters(["work_start": .text("18:00"), "work_end": .text("09:00")]))
        var record = CheckRecordFixture.adverseAutomated()
        record.notifiedAt = 1_741_168_800
        XCTAssertEqual(check.problem, "work_start 18:00 is not before work_end 09:00")
        XCTAssertEqual(check.evaluate(record, context: CheckRecordFixture.context), .unknown(.unusableSettings))
        XCTAssertEqual(check.evaluate(record, context: chinese), .unknown(.unusableSettings))
        ChineseText.assertChinese(ReportText(language: .zh).unknownReason(UnknownReason.unusableSettings.code))
    }

    /// Every unknown reason has words in both languages, and a code of its own.
    func testEveryUnknownReasonIsWordedInBothLanguages() {
        let english = ReportText(language: .en), chinese = ReportText(language: .zh)
        for reason in UnknownReason.allCases {
            XCTAssertNotEqual(english.unknownReason(reason.code), reason.code)
            ChineseText.assertChinese(chinese.unknownReason(reason.code))
            XCTAssertNotNil(reason.code.range(of: "^[a-z_]+$", options: .regularExpression))
        }
        XCTAssertEqual(Set(UnknownReason.allCases.map(\.code)).count, UnknownReason.allCases.count)
        XCTAssertEqual(english.unknownReason("an older state's text"), "an older state's text")
    }

    func testDurationsInChinese() {
        XCTAssertEqual(HumanReviewAfterEffect.lag(2 * 86_400 + 3 * 3600), "2 d 3 h")
        XCTAssertEqual(HumanReviewAfterEffect.lag(2 * 86_400 + 3 * 3600, .zh), "2天3小时")
        XCTAssertEqual(HumanReviewAfterEffect.lag(86_400, .zh), "1天")
        XCTAssertEqual(HumanReviewAfterEffect.lag(3 * 3600 + 15 * 60, .zh), "3小时15分钟")
        XCTAssertEqual(HumanReviewAfterEffect.lag(3600, .zh), "1小时")
        XCTAssertEqual(HumanReviewAfterEffect.lag(45 * 60, .zh), "45分钟")
        XCTAssertEqual(HumanReviewAfterEffect.lag(20, .zh), "20秒")
    }

    func testProtectedStatusesAreNamedInTheLawsWords() {
        let check = ProtectedStatusDismissal(parameters: CheckParameters(declared: ProtectedStatusDismissal.parameters, given: [:]))
        var text = Array("孕期;work_injury;职业病".utf8)
        let verdict = text.withUnsafeMutableBytes { bytes -> CheckVerdict in
            var record = CheckRecordFixture.adverseAutomated()
            record.protectedStatus = FieldBytes(bytes: UnsafeRawBufferPointer(bytes), isMissing: false)
            return check.evaluate(record, context: chinese)
        }
        XCTAssertEqual(verdict, .violationCiting("解除处于特殊保护期的劳动者的劳动合同：孕期、工伤、疑似职业病诊断或医学观察期间",
                                                 citations: ["LCL 42", "WRPL 48"]))
    }
}
