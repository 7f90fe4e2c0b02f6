import Foundation
import XCTest
@testable import AdmAudit

/// Cochran–Mantel–Haenszel across the levels of a `bias.by` column, end to end, against
/// the reference of fixtures/reference/rank_and_stratified.py.
final class AcrossStrataTests: XCTestCase {
    func testCOMPASSexAcrossAgeBandsAgreesWithTheReference() throws {
        let path = TestSupport.sharedData("compas_for_aequitas.csv")
        try XCTSkipUnless(FileManager.default.fileExists(atPath: path), "../shared/data is not beside the clone")
        let pipeline = try TestSupport.pipeline("""
        admaudit: 1
        input:
          default_decision_type: other
        columns:
          decision_id: [entity_id]
          score: [score]
        derive:
          outcome: {adverse_if: score >= 1}
        attributes:
          sex: [sex]
          age_band: [age_cat]
        values:
          attributes:
            sex: {replace: true}
        bias:
          attributes: [sex]
          by: [age_band]
          min_group_size: 1
          exclusion_share: 0
        report:
          suppress_below: 0
        """)
        let (result, _) = try TestSupport.audit([path], pipeline: pipeline)
        let stratum = try XCTUnwrap(result.selection.first { $0.attribute == "sex" })
        XCTAssertEqual(stratum.referenceGroup, "Female")
        let male = try XCTUnwrap(stratum.groups.first { $0.group == "Male" })
        let test = try XCTUnwrap(male.acrossStrata.first)
        XCTAssertEqual(test.by, "age_band")
        XCTAssertEqual(test.levels, 3)
        // Reference compas_sex_by_age: Female vs Male; here Male vs Female, so the odds
        // ratio is the reciprocal and the statistic and p are the same.
        XCTAssertEqual(test.statistic, 9.628667182384463, accuracy: 1e-9)
        XCTAssertEqual(test.p, 0.0019156357178744853, accuracy: 1e-6)
        XCTAssertEqual(test.commonOddsRatio ?? .nan, 1 / 1.2164998681654384, accuracy: 1e-9)
        XCTAssertTrue(stratum.groups.first { $0.group == "Female" }?.acrossStrata.isEmpty ?? false, "the reference is not tested")
    }

    func testByMustNameAnAttributeOrMonth() {
        let yaml = TestSupport.plainPipeline.replacingOccurrences(of: "exclusion_share: 0", with: "exclusion_share: 0\n  by: [site]")
        XCTAssertThrowsError(try TestSupport.pipeline(yaml)) { error in
            XCTAssertTrue((error as! AuditError).message.contains("bias.by names 'site'"))
        }
        let month = TestSupport.plainPipeline.replacingOccurrences(of: "exclusion_share: 0", with: "exclusion_share: 0\n  by: [month]")
        XCTAssertNoThrow(try TestSupport.pipeline(month))
    }
}
