import Foundation
import XCTest

@testable import AdmAudit

/// Regressions found while writing the unit tests, each fixed in the source it names: the
/// input, the expectation, and where it went wrong.
final class InferenceRegressionTests: XCTestCase {

    private func locale(_ text: String) throws -> LocaleInference {
        let sample = try ExportSample.read(path: TestSupport.temporaryFile(text))
        let profiles = sample.headers.indices.map { ColumnProfile(index: $0, header: sample.headers[$0], values: sample.columns[$0]) }
        return LocaleInference(sample: sample, profiles: profiles, assignment: ColumnAssignment(profiles: profiles))
    }

    // 1. AuditRun.run never copies pipeline.input.headerLine into ReaderOptions.headerLine.
    func testHeaderLineInThePipelineIsUsedByARun() throws {
        let csv = "Report,2025-07-01\n\ndecision_id,employee_id,decision_type,outcome\nD1,E1,dismissal,adverse\n"
        let (result, _) = try TestSupport.audit(csv: csv, pipeline: TestSupport.plainPipeline + "\ninput:\n  header_line: 3\n")
        XCTAssertEqual(result.totalAccepted, 1)
    }

    // 2. LocaleInference lists every zoned place (up to 200); PipelineLoader allows 64.
    func testAnInferredPipelineWithManyPlacesLoads() throws {
        let states = ["IL", "CA", "NY", "TX", "CO"]
        let rows = (0..<80).map { "D\($0),dismissal,adverse,2025-01-13 09:00,\"Store \($0), \(states[$0 % states.count])\"" }
        let path = TestSupport.temporaryFile((["Decision ID,Decision Type,Outcome,Decision Date,Location"] + rows).joined(separator: "\n") + "\n")
        let inferred = try InferredPipeline.infer(path: path, inputName: "export.csv")
        XCTAssertNoThrow(try inferred.pipeline(file: "pipeline.yaml"))
    }

    // 3. RecordBuilder.ageBand takes the UTC calendar date of decided_at, not the local date.
    func testAgeOnTheLocalDateOfTheDecision() throws {
        func band(_ zone: String, decided: String, born: String) throws -> String? {
            let csv = "decision_id,decision_type,outcome,sex,decided_at,dob\nD1,dismissal,adverse,F,\(decided),\(born)\n"
            let yaml = TestSupport.exactPipeline(attributes: ["sex: [sex]", "age_band: {from_birth_date: [dob]}"],
                                                 sections: "input:\n  time_zone: \(zone)\n")
            let (result, _) = try TestSupport.audit(csv: csv, pipeline: yaml)
            return result.selection.first { $0.attribute == "age_band" }?.groups.first { $0.n > 0 }?.group
        }
        XCTAssertEqual(try band("Asia/Shanghai", decided: "2025-03-15 01:00", born: "1995-03-15"), "30-39", "the 30th birthday, in Shanghai")
        XCTAssertEqual(try band("America/New_York", decided: "2025-03-14 20:00", born: "1995-03-15"), "<30", "the day before, in New York")
    }

    // 4. LocaleInference.mentions compares single words with multi-word tokens; `UTC+08:00` is no token.
    func testZoneNamesOfSeveralWordsInAHeader() throws {
        for (hint, zone) in [("Beijing Time", "Asia/Shanghai"), ("China Standard Time", "Asia/Shanghai"), ("Eastern Time", "America/New_York"),
                             ("UTC+08:00", "Asia/Shanghai")] {
            let l = try locale("Decision ID,Outcome,Decision Time (\(hint))\nD1,adverse,2025-03-03 09:00\nD2,favorable,2025-03-04 09:00\n")
            XCTAssertEqual(l.timeZone.value, zone, hint)
        }
    }

    // 5. LocaleInference.init puts China-from-currency/hukou/ethnic-groups before the zone a header names.
    func testAZoneNamedInAHeaderBeatsAnEmployerInChina() throws {
        let l = try locale("Decision ID,Outcome,Decision Time (UTC),Amount (CNY)\nD1,adverse,2025-03-03 09:00,100\nD2,favorable,2025-03-04 09:00,200\n")
        XCTAssertEqual(l.timeZone.value, "UTC")
    }

    // 6. Vocabulary.meaningCode: NotApplicable matches whole values only, then LeadingAnswer reads `n`/`不` as no.
    func testNotApplicableWithARemarkIsNeverFalse() {
        var booleans = ValueMaps(ValueVocabulary()).booleans
        for value in ["N/A (manager)", "n/a - not required", "N.A. see notes", "不适用（试用期）"] {
            let bytes = Array(value.utf8)
            let result = bytes.withUnsafeBytes { booleans.lookup(FieldBytes(bytes: $0, isMissing: false)) }
            XCTAssertNotEqual(result, .found(false), value)
        }
    }

    // 7. Places.place tries city keywords before the `, ST` state suffix.
    func testAnAmericanCityByItsStateEvenWhenAForeignCityHasItsName() {
        XCTAssertEqual(Places.place("Birmingham, AL"), Places.Place(jurisdiction: "US", timeZone: "America/Chicago"))
        XCTAssertEqual(Places.place("Dublin, OH"), Places.Place(jurisdiction: "US", timeZone: "America/New_York"))
        XCTAssertEqual(Places.place("Portland, ME"), Places.Place(jurisdiction: "US", timeZone: "America/New_York"))
        XCTAssertEqual(Places.place("Brooklyn Park, MN"), Places.Place(jurisdiction: "US", timeZone: "America/Chicago"))
    }

    // 8. LeadingAnswer's doc: a value that starts with neither kind of word (`see notes`) is left unrecognised;
    // one that starts with a yes word (`reviewed on appeal`) is yes.
    func testAValueStartingWithNeitherKindOfWordIsUnrecognised() {
        XCTAssertNil(LeadingAnswer.read(MeaningText.normalize("see notes")))
        XCTAssertEqual(LeadingAnswer.read(MeaningText.normalize("reviewed on appeal")), true)
    }

    // 10. The mirror of an approved sanction: a sanction turned down does not stand.
    func testARejectedSanctionIsFavourableAndARejectedCandidateAdverse() throws {
        let csv = "decision_id,decision_type,outcome,decided_at\nD1,written warning,Rejected,2025-01-10 10:00\nD2,hiring,Rejected,2025-01-10 10:00\n"
        let (result, sink) = try TestSupport.audit(csv: csv)
        XCTAssertEqual(result.recordsByType[.discipline], 1)
        // HR-01 judges adverse decisions only: the rejected candidate, not the warning turned down.
        XCTAssertEqual(sink.findings.filter { $0.checkID == "HR-01" }.map(\.decisionID), ["D2"])
    }

    // 9. DecisionRecord.notApplicable's doc: not-applicable fields are "named so in the checks' details"; no check reads it.
    func testHR01NamesANotApplicableReview() throws {
        let (_, sink) = try TestSupport.audit(csv: "decision_id,decision_type,outcome,human_reviewed,decided_at\nD1,dismissal,adverse,N/A,2025-01-10 10:00\n")
        let detail = sink.findings.first { $0.checkID == "HR-01" }?.detail ?? ""
        XCTAssertFalse(detail.contains("all empty"), detail)
    }
}
