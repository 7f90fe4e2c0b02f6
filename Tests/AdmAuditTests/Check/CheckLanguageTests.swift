import Foundation
import XCTest
@testable import AdmAudit

/// Checks speak no language: a verdict carries a code (`UnknownReason`) or the values
/// that prove it (`FindingDetail`), and the reports word them (`FindingWordsTests`). The
/// paths an export cannot reach (settings the loader refuses) are tested here; every path
/// an export can reach is in RunLanguageTests.
final class CheckLanguageTests: XCTestCase {
    private let chinese = ReportText(language: .zh)

    /// Unusable working hours leave every record unknown, with a code the reports word in
    /// the reader's language (the loader refuses such settings; a pipeline built in code may not).
    func testUnusableWorkingHoursAreUnknownWithACode() {
        let check = NotifiedOutsideWorkingHours(parameters: CheckParameters(["work_start": .text("18:00"), "work_end": .text("09:00")]))
        var record = CheckRecordFixture.adverseAutomated()
        record.notifiedAt = 1_741_168_800
        XCTAssertEqual(check.problem, "work_start 18:00 is not before work_end 09:00")
        XCTAssertEqual(check.evaluate(record, context: CheckRecordFixture.context), .unknown(.unusableSettings))
        ChineseText.assertChinese(chinese.unknownReason(UnknownReason.unusableSettings.code))
    }

    /// Every unknown reason has words in both languages, and a code of its own.
    func testEveryUnknownReasonIsWordedInBothLanguages() {
        let english = ReportText(language: .en)
        for reason in UnknownReason.allCases {
            XCTAssertNotEqual(english.unknownReason(reason.code), reason.code)
            ChineseText.assertChinese(chinese.unknownReason(reason.code))
            XCTAssertNotNil(reason.code.range(of: "^[a-z_]+$", options: .regularExpression))
        }
        XCTAssertEqual(Set(UnknownReason.allCases.map(\.code)).count, UnknownReason.allCases.count)
        XCTAssertEqual(english.unknownReason("an older state's text"), "an older state's text")
    }

    func testProtectedStatusesAreNamedInTheLawsWords() {
        let check = ProtectedStatusDismissal(parameters: CheckParameters(declared: ProtectedStatusDismissal.parameters, given: [:]))
        var text = Array("孕期;work_injury;职业病".utf8)
        let verdict = text.withUnsafeMutableBytes { bytes -> CheckVerdict in
            var record = CheckRecordFixture.adverseAutomated()
            record.protectedStatus = FieldBytes(bytes: UnsafeRawBufferPointer(bytes), isMissing: false)
            return check.evaluate(record, context: CheckRecordFixture.context)
        }
        guard case .violationCiting(let detail, let citations) = verdict else { return XCTFail("\(verdict)") }
        XCTAssertEqual(citations, ["LCL 42", "WRPL 48"])
        XCTAssertEqual(chinese.detail(detail), "解除处于特殊保护期的劳动者的劳动合同：孕期、工伤、疑似职业病诊断或医学观察期间")
        XCTAssertEqual(ReportText(language: .en).detail(detail),
                       "dismissal of a worker in a protected status: pregnancy, work_injury, occupational_disease_assessment")
    }
}
