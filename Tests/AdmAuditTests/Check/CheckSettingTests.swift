import XCTest
@testable import AdmAudit

/// Check parameters are declared once, typed: the value a check reads is the pipeline's or
/// the default, never a trap, and every declaration has help in both languages.
final class CheckSettingTests: XCTestCase {
    func testAValueIsThePipelinesOrTheDefault() {
        let setting = CheckSetting<Int>("deadline_days", default: 14, help: "days", helpChinese: "天数")
        XCTAssertEqual(setting.value(in: CheckParameters()), 14)
        XCTAssertEqual(setting.value(in: CheckParameters(["deadline_days": .integer(30)])), 30)
        // A value of another kind (the loader refuses it; a pipeline built in code may not) is not read.
        XCTAssertEqual(setting.value(in: CheckParameters(["deadline_days": .text("30")])), 14)
        XCTAssertEqual(setting.declaration.kind, .integer)
        XCTAssertEqual(setting.declaration.defaultValue, .integer(14))
    }

    func testANumberAcceptsAWholeNumber() {
        let share = CheckSetting<Double>("max_unknown_share", default: 0.05, help: "share", helpChinese: "比例")
        XCTAssertEqual(share.value(in: CheckParameters(["max_unknown_share": .integer(1)])), 1)
        XCTAssertEqual(share.value(in: CheckParameters(["max_unknown_share": .number(0.5)])), 0.5)
    }

    func testEveryTypeReadsItsOwnKind() {
        XCTAssertEqual(String(.text("09:00")), "09:00")
        XCTAssertNil(String(.list(["09:00"])))
        XCTAssertEqual([String](.list(["mon"])), ["mon"])
        XCTAssertEqual(Bool(.boolean(true)), true)
        XCTAssertEqual(CheckVocabulary(.vocabulary([.init("health", ["健康"])]))?.terms.first?.synonyms, ["健康"])
        XCTAssertNil(CheckVocabulary(.list(["health"])))
    }

    /// Every check's parameters: one name each, help in English and in Chinese, a default of
    /// the declared kind, and the check built from the defaults alone.
    func testEveryDeclarationIsWholeInBothLanguages() {
        var declared = 0
        for check in CheckRegistry.all {
            let id = check.descriptor.id
            let names = check.parameters.map(\.name)
            XCTAssertEqual(Set(names).count, names.count, id)
            XCTAssertNil(CheckRegistry.validate(id, given: [:]), "\(id): the defaults together are valid")
            for parameter in check.parameters {
                declared += 1
                XCTAssertFalse(parameter.help.isEmpty, "\(id).\(parameter.name)")
                ChineseText.assertChinese(parameter.helpChinese, "\(id).\(parameter.name)")
                XCTAssertNil(parameter.validate(parameter.defaultValue), "\(id).\(parameter.name): the default is valid")
            }
        }
        XCTAssertGreaterThanOrEqual(declared, 20)
    }
}
