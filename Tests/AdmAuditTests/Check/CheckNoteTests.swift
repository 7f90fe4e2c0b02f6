import XCTest
@testable import AdmAudit

/// A check's notes are for the jurisdictions they concern: an audit is told only of the law
/// in its scope (`CheckNote`, `CheckRegistry.effective`).
final class CheckNoteTests: XCTestCase {
    private func effective(_ descriptor: CheckDescriptor, _ jurisdictions: [String]) -> CheckDescriptor {
        var settings = CheckSettings()
        settings.jurisdictions = jurisdictions
        return CheckRegistry.effective(descriptor, settings)
    }

    func testAChineseAuditIsToldOnlyOfChineseLaw() throws {
        let deadline = try XCTUnwrap(effective(AppealUnansweredPastDeadline.descriptor, ["CN"]).caveat(.zh))
        XCTAssertTrue(deadline.contains("第50条"), deadline)
        XCTAssertTrue(deadline.contains("本地日期"), "the note for every audit stays")
        XCTAssertFalse(deadline.contains("平台工作指令") || deadline.contains("通用数据保护条例"), deadline)

        let disconnect = try XCTUnwrap(effective(NotifiedOutsideWorkingHours.descriptor, ["CN"]).caveat(.en))
        XCTAssertTrue(disconnect.contains("Labour Law Art. 36"), disconnect)
        XCTAssertFalse(disconnect.contains("France") || disconnect.contains("Australia"), disconnect)
        XCTAssertNil(effective(ExplanationMissing.descriptor, ["CN"]).caveat(.en), "its only note is on EU law")
    }

    func testEachJurisdictionGetsItsOwnNotes() throws {
        let eu = try XCTUnwrap(effective(AppealUnansweredPastDeadline.descriptor, ["EU"]).caveat(.en))
        XCTAssertTrue(eu.contains("Platform Work Directive Art. 11(2)") && eu.contains("GDPR Art. 12(3)"), eu)
        XCTAssertFalse(eu.contains("PIPL"), eu)
        let france = try XCTUnwrap(effective(NotifiedOutsideWorkingHours.descriptor, ["EU", "FR"]).caveat(.en))
        XCTAssertTrue(france.contains("France") && !france.contains("Australia") && !france.contains("China"), france)
        let nyc = try XCTUnwrap(effective(AutomationNoticeMissing.descriptor, ["US-NYC"]).caveat(.en))
        XCTAssertTrue(nyc.contains("6 RCNY") && !nyc.contains("AI Act"), nyc)
    }

    /// `admaudit checks` with no pipeline lists every note.
    func testTheCatalogueShowsEveryNote() {
        let all = AppealUnansweredPastDeadline.descriptor.caveat(.en) ?? ""
        XCTAssertTrue(all.contains("PIPL Art. 50") && all.contains("Platform Work Directive"), all)
    }
}
