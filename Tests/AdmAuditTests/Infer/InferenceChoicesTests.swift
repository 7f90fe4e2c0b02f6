import Foundation
import XCTest

@testable import AdmAudit

/// A person's choices (`InferenceChoices`, the workbench's selects) over what `init` infers:
/// a column takes the chosen target or none, the rest are assigned around it, the settings
/// follow, and a pipeline read back gives the same choices.
final class InferenceChoicesTests: XCTestCase {
    private let lines = [
        "Decision ID,Employee,Action,Result,Decided At,Reviewed By Human,Gender,Team,Shift Code",
        "D1,E1,dismissal,dismissed,2025-03-01 10:00,yes,female,Packing,A",
        "D2,E2,discipline,warning,2025-03-02 11:00,no,male,Packing,B",
        "D3,E3,dismissal,dismissed,2025-03-03 12:00,no,female,Loading,A",
        "D4,E4,discipline,warning,2025-03-04 09:00,yes,male,Loading,B",
    ]

    private func infer(_ choices: InferenceChoices = InferenceChoices()) throws -> (InferredPipeline, Pipeline) {
        let path = TestSupport.temporaryFile(lines.joined(separator: "\n") + "\n")
        let inferred = try InferredPipeline.infer(path: path, inputName: "export.csv", choices: choices)
        return (inferred, try inferred.pipeline(file: "pipeline.yaml"))
    }

    private func choice(_ inferred: InferredPipeline, _ header: String) -> ColumnChoiceKey? {
        inferred.proposals.first { $0.header == header }?.choice
    }

    func testWithoutChoicesTheProposalsAreInitsOwn() throws {
        let (inferred, pipeline) = try infer()
        XCTAssertEqual(inferred.proposals.map(\.header), lines[0].split(separator: ",").map(String.init))
        XCTAssertEqual(choice(inferred, "Decision ID")?.rawValue, "decision_id")
        XCTAssertEqual(choice(inferred, "Gender")?.rawValue, "attribute.sex")
        XCTAssertNil(choice(inferred, "Shift Code"))
        XCTAssertEqual(pipeline.columns[.decisionID], ["Decision ID"])
        // Samples: distinct, first seen first, at most ten.
        XCTAssertEqual(inferred.proposals.first { $0.header == "Team" }?.samples, ["Packing", "Loading"])
    }

    func testAChosenColumnTakesItsTargetAndTheOthersAreAssignedAroundIt() throws {
        var choices = InferenceChoices()
        choices.columns[7] = ColumnChoiceKey("site")     // Team as the workplace
        choices.columns[6] = .some(nil)                   // Gender not used
        let (inferred, pipeline) = try infer(choices)
        XCTAssertEqual(choice(inferred, "Team"), .site)
        XCTAssertNil(choice(inferred, "Gender"))
        XCTAssertTrue(inferred.proposals.first { $0.header == "Team" }!.evidence.contains("chosen by the inspector"))
        XCTAssertFalse(pipeline.attributes.contains { $0.name == "sex" }, "Gender was chosen as not used")
        XCTAssertTrue(pipeline.attributes.contains { $0.name == "site" && $0.headers.first == "Team" }, "\(pipeline.attributes)")
        // The other columns are still init's.
        XCTAssertEqual(pipeline.columns[.decisionID], ["Decision ID"])
        XCTAssertEqual(pipeline.columns[.decidedAt], ["Decided At"])
    }

    func testAFieldChosenForAnotherColumnLeavesInitsColumn() throws {
        var choices = InferenceChoices()
        choices.columns[1] = ColumnChoiceKey("decision_id")   // Employee as the decision id
        let (inferred, pipeline) = try infer(choices)
        XCTAssertEqual(pipeline.columns[.decisionID], ["Employee"])
        XCTAssertNotEqual(choice(inferred, "Decision ID")?.rawValue, "decision_id", "a field is never mapped twice")
    }

    func testTheSettingsFollowTheChoices() throws {
        var choices = InferenceChoices()
        choices.auditDate = AsOfDate("2025-06-30")
        choices.language = .zh
        choices.timeZone = "Europe/Dublin"
        choices.jurisdictions = ["IE", "EU"]
        let (inferred, pipeline) = try infer(choices)
        XCTAssertEqual(pipeline.auditDate, "2025-06-30")
        XCTAssertEqual(pipeline.report.language, .zh)
        XCTAssertEqual(pipeline.input.timeZone, "Europe/Dublin")
        XCTAssertEqual(pipeline.checks.jurisdictions, ["IE", "EU"])
        XCTAssertEqual(inferred.language, .zh, "the pipeline's comments follow the chosen language")
        XCTAssertTrue(inferred.yaml.contains("由检查人员选定"))
    }

    func testAnUnknownZoneIsNotTaken() throws {
        var choices = InferenceChoices()
        choices.timeZone = "Mars/Olympus"
        let (_, pipeline) = try infer(choices)
        XCTAssertNotEqual(pipeline.input.timeZone, "Mars/Olympus")
    }

    func testAPipelineReadBackGivesTheSameChoices() throws {
        var choices = InferenceChoices()
        choices.columns[7] = ColumnChoiceKey("attribute.ethnicity")
        choices.columns[6] = .some(nil)
        choices.columns[8] = ColumnChoiceKey("system")
        choices.auditDate = AsOfDate("2025-06-30")
        choices.language = .zh
        let (inferred, pipeline) = try infer(choices)
        let read = InferenceChoices.reading(pipeline, headers: inferred.proposals.map(\.header))
        for proposal in inferred.proposals {
            XCTAssertEqual(read.columns[proposal.index], .some(proposal.choice), proposal.header)
        }
        XCTAssertEqual(read.auditDate, choices.auditDate)
        XCTAssertEqual(read.language, .zh)
        // Inferred again with what was read, the same pipeline.
        let (again, _) = try infer(read)
        XCTAssertEqual(again.proposals.map(\.choice), inferred.proposals.map(\.choice))
    }

    func testAgeKeysRoundTrip() throws {
        let path = TestSupport.temporaryFile("Decision ID,Action,Result,Decided At,Age\nD1,dismissal,dismissed,2025-03-01,34\nD2,dismissal,kept,2025-03-02,51\n")
        var choices = InferenceChoices()
        choices.columns[4] = .age
        let inferred = try InferredPipeline.infer(path: path, inputName: "x.csv", choices: choices)
        let pipeline = try inferred.pipeline(file: "pipeline.yaml")
        XCTAssertEqual(pipeline.ageBands["age_band"]?.source, .years)
        XCTAssertEqual(InferenceChoices.reading(pipeline, headers: inferred.proposals.map(\.header)).columns[4], .some(.age))
    }

    func testAValueGivenAMeaningIsReadAndReadBack() throws {
        let path = TestSupport.temporaryFile("""
            Decision ID,Employee,Decision,Result,Decided At,Gender
            D1,E1,Termination,Separated – misconduct,2025-03-01 10:00,female
            D2,E2,Termination,Kept on,2025-03-02 10:00,male
            D3,E3,Termination,Separated – misconduct,2025-03-03 10:00,female

            """)
        var choices = InferenceChoices()
        choices.columns[3] = ColumnChoiceKey("outcome")
        let before = try InferredPipeline.infer(path: path, inputName: "x.csv", choices: choices)
        let unknown = try XCTUnwrap(before.proposals[3].unknownValues.first)
        XCTAssertEqual(unknown.value, "Separated – misconduct")
        XCTAssertEqual(unknown.rows, 2)
        XCTAssertEqual(unknown.suggestion, "adverse")
        XCTAssertNil(unknown.chosen)
        XCTAssertEqual(before.proposals[3].valueField, .outcome)
        XCTAssertTrue(before.yaml.contains("Separated – misconduct"), "listed as a TODO")

        choices.values[.outcome] = ["Separated – misconduct": "adverse"]
        let after = try InferredPipeline.infer(path: path, inputName: "x.csv", choices: choices)
        let pipeline = try after.pipeline(file: "pipeline.yaml")
        XCTAssertTrue(pipeline.values.outcomes.contains { $0.0 == .adverse && $0.1.contains("Separated – misconduct") })
        XCTAssertEqual(after.proposals[3].unknownValues.first?.chosen, "adverse", "still listed, with its meaning")
        XCTAssertFalse(after.todos.contains { $0.contains("no vocabulary knows") }, "no longer a TODO")
        XCTAssertEqual(InferenceChoices.reading(pipeline, headers: after.proposals.map(\.header)).values, choices.values)
        XCTAssertEqual(InferenceChoices.canonicalValues(for: .outcome), ["favorable", "adverse"])
        XCTAssertEqual(InferenceChoices.canonicalValues(for: .humanReviewed), ["true", "false"])
        XCTAssertEqual(InferenceChoices.canonicalValues(for: .decidedAt), [])
    }

    func testKeys() {
        XCTAssertNil(ColumnChoiceKey("attribute.shoe_size"))
        XCTAssertNil(ColumnChoiceKey("../decision_id"))
        XCTAssertEqual(ColumnChoiceKey.all.count, Set(ColumnChoiceKey.all).count)
        for key in ColumnChoiceKey.all { XCTAssertEqual(ColumnChoiceKey(key.rawValue), key) }
        XCTAssertEqual(ColumnChoiceKey.all.count, CanonicalField.allCases.count + ColumnChoiceKey.attributes.count + 3)
    }
}
