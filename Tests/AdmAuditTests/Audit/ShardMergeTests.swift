import Foundation
import XCTest
@testable import AdmAudit

/// Shard and merge (`run --save-state`, `merge`): the states of a fixture split three ways,
/// written to files and merged, give exactly the numbers of one run over the whole.
final class ShardMergeTests: XCTestCase {
    private let asOf = AsOfDate("2025-07-31")!

    private func shardPipeline() throws -> Pipeline {
        try PipelineLoader.load(path: TestSupport.fixture("shards/shards.yaml"))
    }

    /// Runs each input on its own, saves its state to a file, and returns the files.
    private func saveStates(_ inputs: [String], pipeline: Pipeline, asOf: AsOfDate?) throws -> [String] {
        try inputs.map { input in
            let (result, _) = try TestSupport.audit([input], pipeline: pipeline, asOf: asOf)
            return TestSupport.temporaryFile(Data(try result.shard.encoded()), name: "state.json")
        }
    }

    /// Every number of the report that does not name the files.
    private func assertSameNumbers(_ merged: AuditResult, _ single: AuditResult, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(merged.selection, single.selection, "selection", file: file, line: line)
        XCTAssertEqual(merged.processFairness, single.processFairness, "process fairness", file: file, line: line)
        XCTAssertEqual(merged.appealOutcomes, single.appealOutcomes, "appeal outcomes", file: file, line: line)
        XCTAssertEqual(merged.scores, single.scores, "scores", file: file, line: line)
        XCTAssertEqual(merged.drift, single.drift, "drift", file: file, line: line)
        XCTAssertEqual(merged.byLevel, single.byLevel, "by level", file: file, line: line)
        XCTAssertEqual(merged.checks, single.checks, "check tallies", file: file, line: line)
        XCTAssertEqual(merged.recordsByType, single.recordsByType, file: file, line: line)
        XCTAssertEqual(merged.asOf, single.asOf, file: file, line: line)
        XCTAssertEqual(merged.totalRead, single.totalRead, file: file, line: line)
        XCTAssertEqual(merged.totalAccepted, single.totalAccepted, file: file, line: line)
        XCTAssertEqual(merged.totalRejected, single.totalRejected, file: file, line: line)
    }

    func testThreeShardsMergeToTheSingleRun() throws {
        let pipeline = try shardPipeline()
        let shards = (1...3).map { TestSupport.fixture("shards/shard_\($0).csv") }
        let states = try saveStates(shards, pipeline: pipeline, asOf: asOf)
        let merged = try AuditMerge.merge(statePaths: states, pipeline: pipeline, pipelineFile: "shards.yaml")
        let (single, _) = try TestSupport.audit([TestSupport.fixture("shards/whole.csv")], pipeline: pipeline, asOf: asOf)

        // The fixture must exercise what a merge can get wrong, or the equality proves little.
        XCTAssertTrue(single.selection.contains { $0.attribute == "sex × ethnicity" && $0.groups.contains { $0.group == "female × Tibetan" } },
                      "an intersection group seen in the last shard only")
        XCTAssertFalse(single.scores.isEmpty)
        XCTAssertFalse(single.processFairness.isEmpty)
        XCTAssertFalse(single.appealOutcomes.isEmpty)
        XCTAssertGreaterThan(single.drift.count, 1)
        XCTAssertTrue(single.selection.contains { $0.groups.contains { !$0.acrossStrata.isEmpty } }, "CMH across site and month")
        XCTAssertTrue(single.checks.contains { $0.descriptor.id == "HR-03" && $0.applicable > 0 }, "a run-wide check with reviewers in every shard")
        XCTAssertEqual(merged.inputs.map(\.rowsRead), [200, 200, 200])
        assertSameNumbers(merged, single)
    }

    /// HR-03's finding names the reviewer's first 20 judged decisions: split three ways
    /// (8, 10 and 7 reviews), saved, read back and merged in the order of the data, the
    /// observations give the finding of one run over the whole, ids and all.
    func testTheRubberStampFindingNamesTheSameDecisionsAfterAMerge() throws {
        let header = "decision_id,decision_type,outcome,automated,human_reviewed,reviewer_id,review_result,decided_at,reviewed_at,sex\n"
        func reviews(_ range: Range<Int>) -> String {
            range.map { "D\($0),discipline,adverse,yes,yes,R1,upheld,2025-03-07 09:00,2025-03-07 09:01,f\n" }.joined()
        }
        let pipeline = try TestSupport.pipeline(TestSupport.plainPipeline)
        let shards = [0..<8, 8..<18, 18..<25].map { TestSupport.temporaryFile(header + reviews($0)) }
        let states = try saveStates(shards, pipeline: pipeline, asOf: nil)
        var merged = RubberStampReview(parameters: CheckParameters(declared: RubberStampReview.parameters, given: [:]))
        let context = AuditRun.checkContext(pipeline: pipeline, asOf: nil)
        for path in states {
            let observed = try XCTUnwrap(ShardState.read(path: path, pipeline: pipeline).runChecks["HR-03"])
            XCTAssertNil(merged.absorb(any: observed, context: context))
        }
        let (_, sink) = try TestSupport.audit([TestSupport.temporaryFile(header + reviews(0..<25))], pipeline: pipeline)
        let single = try XCTUnwrap(sink.findings.first { $0.checkID == "HR-03" })
        let outcome = try merged.conclude(context: context)
        XCTAssertEqual(outcome.violations.map { ReportText(language: .en).detail($0.detail) }, [single.detail])
        XCTAssertTrue(single.detail.hasSuffix("; decisions: " + (0..<20).map { "D\($0)" }.joined(separator: ", ") + " and 5 more"), single.detail)
        XCTAssertEqual(try merged.observations.reviewers.map(\.decisionIDs.count), [RubberStampReview.listedDecisions], "bounded per reviewer")
    }

    func testAMergedStateMergesAgain() throws {
        let pipeline = try shardPipeline()
        let shards = (1...3).map { TestSupport.fixture("shards/shard_\($0).csv") }
        let states = try saveStates(shards, pipeline: pipeline, asOf: asOf)
        let firstTwo = try AuditMerge.merge(statePaths: Array(states.prefix(2)), pipeline: pipeline, pipelineFile: "shards.yaml")
        let partial = TestSupport.temporaryFile(Data(try firstTwo.shard.encoded()), name: "state.json")
        let merged = try AuditMerge.merge(statePaths: [partial, states[2]], pipeline: pipeline, pipelineFile: "shards.yaml")
        let (single, _) = try TestSupport.audit([TestSupport.fixture("shards/whole.csv")], pipeline: pipeline, asOf: asOf)
        assertSameNumbers(merged, single)
        // The first merge's own note is made again for this one, not kept beside it.
        XCTAssertEqual(merged.diagnostics.filter { $0.code == .mergedShards }.count, 1)
    }

    func testTheStateFileIsTheSameBytesWhenReadAndWrittenAgain() throws {
        let pipeline = try shardPipeline()
        let (result, _) = try TestSupport.audit([TestSupport.fixture("shards/shard_3.csv")], pipeline: pipeline, asOf: asOf)
        let bytes = try result.shard.encoded()
        let path = TestSupport.temporaryFile(Data(bytes), name: "state.json")
        let read = try ShardState.read(path: path, pipeline: pipeline)
        XCTAssertEqual(try read.encoded(), bytes)
        let (again, _) = try TestSupport.audit([TestSupport.fixture("shards/shard_3.csv")], pipeline: pipeline, asOf: asOf)
        XCTAssertEqual(try again.shard.encoded(), bytes, "the same run gives the same state bytes")
    }

    func testRealDataSplitThreeWaysMergesToTheSingleRun() throws {
        let path = TestSupport.sharedData("compas_for_aequitas.csv")
        try XCTSkipUnless(FileManager.default.fileExists(atPath: path), "../shared/data is not beside the clone")
        let pipeline = try PipelineLoader.load(path: TestSupport.fixture("pipelines/compas.yaml"))
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let header = lines[0]
        let rows = lines.dropFirst().filter { !$0.isEmpty }
        let cut = [0, rows.count / 3, rows.count * 2 / 3, rows.count]
        let shards = (0..<3).map { k in
            TestSupport.temporaryFile(([header] + rows[(rows.startIndex + cut[k])..<(rows.startIndex + cut[k + 1])]).joined(separator: "\n") + "\n",
                                      name: "compas_\(k).csv")
        }
        let states = try saveStates(shards, pipeline: pipeline, asOf: nil)
        let merged = try AuditMerge.merge(statePaths: states, pipeline: pipeline, pipelineFile: "compas.yaml")
        let (single, _) = try TestSupport.audit([path], pipeline: pipeline)
        XCTAssertEqual(single.totalAccepted, 7214)
        assertSameNumbers(merged, single)
    }

    func testAStateFromAnotherPipelineIsRefused() throws {
        let pipeline = try shardPipeline()
        let states = try saveStates([TestSupport.fixture("shards/shard_1.csv")], pipeline: pipeline, asOf: asOf)
        var other = pipeline
        other.sha256 = String(repeating: "0", count: 64)
        XCTAssertThrowsError(try AuditMerge.merge(statePaths: states, pipeline: other, pipelineFile: "other.yaml")) { error in
            let error = error as! AuditError
            XCTAssertEqual(error.exitCode, 2)
            XCTAssertEqual(error.file, states[0])
            XCTAssertTrue(error.description.contains("very pipeline"), error.description)
        }
    }

    func testShardsJudgedOnDifferentDatesAreRefused() throws {
        let pipeline = try shardPipeline()
        let first = try saveStates([TestSupport.fixture("shards/shard_1.csv")], pipeline: pipeline, asOf: asOf)
        let second = try saveStates([TestSupport.fixture("shards/shard_2.csv")], pipeline: pipeline, asOf: AsOfDate("2025-08-31"))
        XCTAssertThrowsError(try AuditMerge.merge(statePaths: first + second, pipeline: pipeline, pipelineFile: "shards.yaml")) { error in
            XCTAssertTrue((error as! AuditError).description.contains("--as-of"))
        }
    }

    /// Shards keyed otherwise (or one keyed, one not) give one worker two pseudonyms: the
    /// per-worker checks would count one worker as two. Refused, naming the key to give.
    func testShardsWithOtherPseudonymKeysAreRefused() throws {
        let pipeline = try shardPipeline()
        func state(_ input: String, key: String?) throws -> String {
            let result = try AuditRun(pipeline: pipeline, pipelineFile: "shards.yaml", inputs: [TestSupport.fixture(input)], asOf: asOf,
                                      pseudonymKey: key.map { Array($0.utf8) }).run(into: MemorySink())
            return TestSupport.temporaryFile(Data(try result.shard.encoded()), name: "state.json")
        }
        let keyed = try state("shards/shard_1.csv", key: "key one")
        for (other, expected) in [(try state("shards/shard_2.csv", key: "key two"), "another key"),
                                  (try state("shards/shard_2.csv", key: nil), "without a pseudonym key")] {
            XCTAssertThrowsError(try AuditMerge.merge(statePaths: [keyed, other], pipeline: pipeline, pipelineFile: "shards.yaml")) { error in
                let error = error as! AuditError
                XCTAssertEqual(error.exitCode, 2)
                XCTAssertTrue(error.description.contains(expected) && error.hint?.contains("ADMAUDIT_PSEUDONYM_KEY") == true, error.description)
            }
        }
        XCTAssertNoThrow(try AuditMerge.merge(statePaths: [keyed, try state("shards/shard_2.csv", key: "key one")],
                                              pipeline: pipeline, pipelineFile: "shards.yaml"))
        // The check value says nothing of the key, and differs between keys.
        let check = Pseudonymizer.keyCheck(handling: .pseudonymize, key: Array("key one".utf8))!
        XCTAssertFalse(check.contains("key one"))
        XCTAssertNotEqual(check, Pseudonymizer.keyCheck(handling: .pseudonymize, key: Array("key two".utf8)))
        XCTAssertNil(Pseudonymizer.keyCheck(handling: .keep, key: Array("key one".utf8)))
    }

    func testTheSameInputInTwoShardsIsRefused() throws {
        let pipeline = try shardPipeline()
        let states = try saveStates([TestSupport.fixture("shards/shard_1.csv"), TestSupport.fixture("shards/shard_1.csv")],
                                    pipeline: pipeline, asOf: asOf)
        XCTAssertThrowsError(try AuditMerge.merge(statePaths: states, pipeline: pipeline, pipelineFile: "shards.yaml")) { error in
            let error = error as! AuditError
            XCTAssertEqual(error.exitCode, 2)
            XCTAssertTrue(error.description.contains("would count twice"), error.description)
        }
    }

    /// A state holds no words: shards run in English merge into a Chinese report that reads
    /// as a Chinese run over the whole does.
    func testShardsOfOneLanguageMergeIntoAReportOfAnother() throws {
        let pipeline = try shardPipeline()
        let shards = (1...3).map { TestSupport.fixture("shards/shard_\($0).csv") }
        let states = try saveStates(shards, pipeline: pipeline, asOf: asOf)
        var chinese = pipeline
        chinese.report.language = .zh
        let merged = try AuditMerge.merge(statePaths: states, pipeline: chinese, pipelineFile: "shards.yaml")
        let (single, _) = try TestSupport.audit([TestSupport.fixture("shards/whole.csv")], pipeline: chinese, asOf: asOf)
        assertSameNumbers(merged, single)
        let report = MarkdownReport.render(merged)
        XCTAssertTrue(report.contains("劳动者自动化决策审计报告"), "the merge's language, not the shards'")
        // The lines that differ name the inputs (three shards, one whole file) or the merge (分片),
        // or head the summary's warnings, which the merge's own warning joins; nothing else.
        let singleLines = Set(MarkdownReport.render(single).split(separator: "\n"))
        let differing = report.split(separator: "\n").filter { !singleLines.contains($0) }
        XCTAssertFalse(differing.isEmpty, "the inputs are named")
        for line in differing {
            XCTAssertTrue(line.contains("shard\\_") || line.contains("分片") || line.hasPrefix("- 关于所读数据的警告 "), String(line.prefix(300)))
        }
    }

    /// A damaged or edited state file is an input error naming the file, never a crash.
    func testDamagedStateFilesAreInputErrors() throws {
        let pipeline = try shardPipeline()
        let (result, _) = try TestSupport.audit([TestSupport.fixture("shards/shard_3.csv")], pipeline: pipeline, asOf: asOf)
        let good = String(decoding: try result.shard.encoded(), as: UTF8.self)
        var damaged: [String: String] = [
            "truncated": String(good.prefix(good.count / 2)),
            "not json": "hello",
            "empty": "",
            "other format": good.replacingOccurrences(of: "\"admaudit-shard-state\"", with: "\"something-else\""),
            "bad base64": good.replacingOccurrences(of: "\"counts\":\"", with: "\"counts\":\"!!"),
            "score counts cut": good.replacingOccurrences(of: "\"counts\":\"", with: "\"counts\":\"AAAA"),
            "negative count": good.replacingOccurrences(of: "{\"favorable\":0,\"n\":1}", with: "{\"favorable\":0,\"n\":-1}"),
            "favourable above n": good.replacingOccurrences(of: "{\"favorable\":1,\"n\":1}", with: "{\"favorable\":5,\"n\":1}"),
            "unknown check": good.replacingOccurrences(of: "\"checkID\":\"HR-01\"", with: "\"checkID\":\"XX-99\""),
            "huge count": good.replacingOccurrences(of: "{\"favorable\":0,\"n\":1}", with: "{\"favorable\":0,\"n\":4611686018427387904}"),
            "DQ-02 attributes": good.replacingOccurrences(of: #""unknownByAttribute":[22,19,0]"#, with: #""unknownByAttribute":[1]"#),
            "rows do not reconcile": good.replacingOccurrences(of: "\"rowsRead\":200", with: "\"rowsRead\":201"),
            "month out of range": good.replacingOccurrences(of: "\"month\":24301", with: "\"month\":-9223372036854775808"),
        ]
        // A group code beyond the labels: cut the first attribute's labels to one.
        if let range = good.range(of: #""labels":\[\[[^\]]*\]"#, options: .regularExpression) {
            damaged["code beyond the labels"] = good.replacingCharacters(in: range, with: #""labels":[["x"]"#)
        }
        XCTAssertEqual(damaged.count, 14)
        for (name, text) in damaged.sorted(by: { $0.key < $1.key }) {
            XCTAssertTrue(text != good, "\(name): the damage must change the file")
            let path = TestSupport.temporaryFile(text, name: "state.json")
            XCTAssertThrowsError(try AuditMerge.merge(statePaths: [path], pipeline: pipeline, pipelineFile: "shards.yaml"), name) { error in
                let error = error as! AuditError
                XCTAssertEqual(error.exitCode, 3, name)
                XCTAssertEqual(error.file, path, name)
            }
        }
    }

    // MARK: What a merge checks

    private func mergeError(_ texts: [String], pipeline: Pipeline) -> AuditError? {
        let paths = texts.map { TestSupport.temporaryFile($0, name: "state.json") }
        do {
            _ = try AuditMerge.merge(statePaths: paths, pipeline: pipeline, pipelineFile: "shards.yaml")
            return nil
        } catch {
            XCTAssertEqual(error.file, paths.last)
            return error
        }
    }

    private func resealed(_ text: String) -> String {
        String(decoding: ShardStateRecord.resealed(Array(text.utf8)) ?? [], as: UTF8.self)
    }

    /// A state edited after it was written is refused for its content hash, before any count is used.
    func testAnEditedStateFailsItsContentHash() throws {
        let pipeline = try shardPipeline()
        let (result, _) = try TestSupport.audit([TestSupport.fixture("shards/shard_3.csv")], pipeline: pipeline, asOf: asOf)
        let good = String(decoding: try result.shard.encoded(), as: UTF8.self)
        XCTAssertEqual(resealed(good), good, "sealing again changes nothing")
        let edited = good.replacingOccurrences(of: "\"accepted\":", with: "\"accepted\":1")
        let error = try XCTUnwrap(mergeError([edited], pipeline: pipeline))
        XCTAssertTrue(error.message.contains("changed after it was written"), error.message)
        XCTAssertEqual(error.exitCode, 3)
    }

    /// Counts that disagree with the statistics are refused even when the editor sealed the
    /// file again, with what disagrees.
    func testCountsThatDisagreeWithTheStatisticsAreRefused() throws {
        let pipeline = try shardPipeline()
        let (result, _) = try TestSupport.audit([TestSupport.fixture("shards/shard_3.csv")], pipeline: pipeline, asOf: asOf)
        let good = String(decoding: try result.shard.encoded(), as: UTF8.self)
        let accepted = try XCTUnwrap(result.shard.inputs.first?.accepted)
        let rowsRead = try XCTUnwrap(result.shard.inputs.first?.rowsRead)
        let rejected = rowsRead - accepted
        // More rows accepted and read than the statistics hold.
        let inflated = good.replacingOccurrences(of: "\"accepted\":\(accepted)", with: "\"accepted\":\(accepted + 5)")
            .replacingOccurrences(of: "\"rowsRead\":\(rowsRead)", with: "\"rowsRead\":\(rowsRead + 5)")
        XCTAssertNotEqual(inflated, good)
        let error = try XCTUnwrap(mergeError([resealed(inflated)], pipeline: pipeline))
        XCTAssertTrue(error.message.contains("count \(accepted) decisions, its inputs \(accepted + 5) accepted"), error.message)
        _ = rejected
        // A group's count raised: its attribute no longer adds up to the decisions.
        let first = try XCTUnwrap(good.range(of: #"\{"favorable":([0-9]+),"n":([0-9]+)\}"#, options: .regularExpression))
        let cell = String(good[first])
        let n = Int(cell.split(separator: ":").last!.dropLast())!
        let raised = good.replacingCharacters(in: first, with: cell.replacingOccurrences(of: "\"n\":\(n)}", with: "\"n\":\(n + 1)}"))
        let unbalanced = try XCTUnwrap(mergeError([resealed(raised)], pipeline: pipeline))
        XCTAssertTrue(unbalanced.message.contains("damaged"), unbalanced.message)
    }

    /// The same shard given twice under another input hash (sealed again) is refused: its
    /// statistics are those of the first, count for count.
    func testTheSameShardUnderAnotherHashIsRefused() throws {
        let pipeline = try shardPipeline()
        let (result, _) = try TestSupport.audit([TestSupport.fixture("shards/shard_3.csv")], pipeline: pipeline, asOf: asOf)
        let good = String(decoding: try result.shard.encoded(), as: UTF8.self)
        let hash = try XCTUnwrap(result.shard.inputs.first?.sha256)
        let renamed = resealed(good.replacingOccurrences(of: hash, with: String(repeating: "0", count: 64)))
        let error = try XCTUnwrap(mergeError([good, renamed], pipeline: pipeline))
        XCTAssertTrue(error.message.contains("identical, count for count"), error.message)
        // Under its own hash it is refused as the same input.
        let same = try XCTUnwrap(mergeError([good, good], pipeline: pipeline))
        XCTAssertTrue(same.message.contains("is in two shards"), same.message)
    }

    /// The run checks' observations are each check's own type in the file; a resealed file
    /// whose observations break a check's bounds, name a check admaudit does not know, or are
    /// of another version, is refused with what is wrong.
    func testDamagedRunCheckObservationsAreRefused() throws {
        let pipeline = try shardPipeline()
        let (result, _) = try TestSupport.audit([TestSupport.fixture("shards/shard_3.csv")], pipeline: pipeline, asOf: asOf)
        let good = String(decoding: try result.shard.encoded(), as: UTF8.self)
        XCTAssertTrue(good.contains(#""HR-03":{"reviewers":[{"decisionIDs":["#), "HR-03 saves its reviewers")
        XCTAssertTrue(good.contains(#""DQ-02":{"types":[{"decisionType":"hiring","decisions":"#), "DQ-02 saves its types")
        let cases: [(edit: (String) -> String, message: String)] = [
            ({ $0.replacingOccurrences(of: #""departed":8,"#, with: #""departed":80,"#) }, "HR-03's counts for reviewer 'R0' are damaged"),
            ({ $0.replacingOccurrences(of: #""label":"R0""#, with: #""label":"""#) }, "HR-03 saved a reviewer without a trimmed label"),
            ({ $0.replacingOccurrences(of: #""label":"R0""#, with: #""label":" R0""#) }, "HR-03 saved a reviewer without a trimmed label"),
            ({ $0.replacingOccurrences(of: #""label":"R1""#, with: #""label":"r0""#) }, "HR-03 saved reviewer 'r0' twice or out of order"),
            ({ $0.replacingOccurrences(of: #""label":"R0""#, with: #""label":"R9""#) }, "HR-03 saved reviewer 'R1' twice or out of order"),
            ({ $0.replacingOccurrences(of: #""judged":29,"label":"R0","unrecorded":0}"#, with: #""judged":29000,"label":"R0","unrecorded":0}"#) },
             "HR-03 observed 29081 records, more than the 200 accepted"),
            ({ $0.replacingOccurrences(of: #""types":[{"decisionType":"hiring""#, with: #""types":[{"decisionType":"dismissal""#) },
             "DQ-02 counts 0 hiring decisions, the outcome counts 105"),
            ({ $0.replacingOccurrences(of: #""decisionType":"hiring","decisions":105,"#, with: #""decisionType":"hiring","decisions":1000000000000,"#) },
             "DQ-02 counts 1000000000000 hiring decisions, the outcome counts 105"),
            ({ $0.replacingOccurrences(of: #""unknownByAttribute":[22,19,0]"#, with: #""unknownByAttribute":[0,19,0]"#) },
             "DQ-02 counts 0 hiring decisions of unknown group under attribute 1, the outcome counts 22"),
            ({ $0.replacingOccurrences(of: #""level":"note","values":{}"#, with: #""level":"note","values":{"line":{"count":{"_0":1}}}"#) },
             "a diagnostic is damaged: assume_automated has a value 'line' it does not word"),
            ({ $0.replacingOccurrences(of: #""unknownByAttribute":[22,19,0]"#, with: #""unknownByAttribute":[22,19]"#) },
             "DQ-02 counts 2 attributes for hiring; the pipeline has 3"),
            ({ $0.replacingOccurrences(of: #""unknownByAttribute":[22,19,0]"#, with: #""unknownByAttribute":[220,19,0]"#) },
             "DQ-02 counts 220 hiring decisions of unknown group under attribute 1, the outcome counts 22"),
            ({ $0.replacingOccurrences(of: #""DQ-02":{"types""#, with: #""DQ-99":{"types""#) },
             "observations of a check this admaudit does not know at .runChecks.DQ-99"),
            ({ $0.replacingOccurrences(of: #""decisionType":"hiring""#, with: #""decisionType":"hanging""#) }, "a wrong value at .runChecks.DQ-02.types[0].decisionType"),
        ]
        for (edit, message) in cases {
            let edited = edit(good)
            XCTAssertNotEqual(edited, good, message)
            // What cannot be read cannot be sealed again either; it is refused before its hash is.
            let sealed = resealed(edited)
            let error = try XCTUnwrap(mergeError([sealed.isEmpty ? edited : sealed], pipeline: pipeline), message)
            XCTAssertTrue(error.message.contains(message), error.message)
            XCTAssertEqual(error.exitCode, 3, message)
        }
        let older = good.replacingOccurrences(of: #""version":\#(ShardState.version)"#, with: #""version":2"#)
        let error = try XCTUnwrap(mergeError([older], pipeline: pipeline))
        XCTAssertTrue(error.message.contains("version 2; this admaudit reads 'admaudit-shard-state' version \(ShardState.version)"), error.message)
    }

    /// Reviewer labels are kept as spelt through a state file: NFC and NFD spellings of one
    /// name stay two reviewers, as in one run; ASCII case folds to the first spelling.
    func testReviewerLabelsKeepTheirSpellingThroughAStateFile() throws {
        var check = RubberStampReview(parameters: CheckParameters(declared: RubberStampReview.parameters, given: [:]))
        let context = AuditRun.checkContext(pipeline: try shardPipeline(), asOf: nil)
        // As a shard saves them: in byte order, each folded label once.
        let saved = RubberStampReview.Observations(reviewers: [
            .init(label: "Jose\u{301}", judged: 3, departed: 0),
            .init(label: "Jos\u{E9}", judged: 2, departed: 1, decisionIDs: ["D1", "D2"]),
            .init(label: "ZED", judged: 1),
        ])
        let bytes = try JSONEncoder().encode(saved)
        XCTAssertNil(check.absorb(try JSONDecoder().decode(RubberStampReview.Observations.self, from: bytes), context: context))
        // Another shard's `zed` is the same reviewer, ASCII case folded.
        XCTAssertNil(check.absorb(RubberStampReview.Observations(reviewers: [.init(label: "zed", judged: 4, departed: 4)]), context: context))
        let folded = RubberStampReview.Observations(reviewers: [.init(label: "ZED", judged: 1), .init(label: "zed", judged: 1)])
        XCTAssertEqual(check.absorb(folded, context: context), "HR-03 saved reviewer 'zed' twice or out of order", "one shard never saves a reviewer twice")
        let labels = try check.observations.reviewers.map { Array($0.label.utf8) }
        XCTAssertEqual(labels, [Array("Jose\u{301}".utf8), Array("Jos\u{E9}".utf8), Array("ZED".utf8)])
        XCTAssertEqual(try check.observations.reviewers.map(\.judged), [3, 2, 5])
        XCTAssertEqual(try check.observations.reviewers.map(\.departed), [0, 1, 4])
        XCTAssertNotNil(check.absorb(any: MissingAttributeShare.Observations(types: []), context: context), "another check's observations")
    }

    /// DQ-02 refuses saved types repeated or out of catalogue order, and unknowns beyond the
    /// decisions, whatever a state file's other counts say.
    func testMissingAttributeObservationsAreCheckedWhenAbsorbed() throws {
        var check = MissingAttributeShare(parameters: CheckParameters(declared: MissingAttributeShare.parameters, given: [:]))
        let context = AuditRun.checkContext(pipeline: try shardPipeline(), asOf: nil)
        let hiring = MissingAttributeShare.TypeCounts(decisionType: .hiring, decisions: 10, unknownByAttribute: [1, 2, 3])
        let promotion = MissingAttributeShare.TypeCounts(decisionType: .promotion, decisions: 5, unknownByAttribute: [0, 0, 0])
        XCTAssertEqual(check.absorb(.init(types: [promotion, hiring]), context: context), "DQ-02 saved a decision type twice or out of order")
        XCTAssertEqual(check.absorb(.init(types: [hiring, hiring]), context: context), "DQ-02 saved a decision type twice or out of order")
        var beyond = hiring
        beyond.unknownByAttribute = [11, 0, 0]
        XCTAssertEqual(check.absorb(.init(types: [beyond]), context: context), "DQ-02's counts for hiring are negative, too large, or more unknowns than decisions")
        XCTAssertNil(check.absorb(.init(types: [hiring, promotion]), context: context))
        XCTAssertEqual(check.observations, .init(types: [hiring, promotion]))
    }

    // MARK: The hostile merge fixtures

    /// fixtures/hostile/merge-*.json are the states above as files, for the end-to-end test
    /// of `admaudit merge` (HostileBoundsTests): shard 3 run as `admaudit run --save-state
    /// --as-of 2025-07-31 fixtures/shards/shard_3.csv` would, then inflated or renamed and
    /// sealed again. They must be what this admaudit writes; `ADMAUDIT_UPDATE_GOLDEN=1`
    /// writes them anew (after a change of the state format, say).
    func testTheHostileMergeFixturesAreCurrent() throws {
        let run = FixtureRun(name: "shard-3", inputs: ["fixtures/shards/shard_3.csv"], pipeline: .file("fixtures/shards/shards.yaml"),
                             asOf: "2025-07-31")
        let result = try FixtureRun.inPackageRoot { try run.audit(into: MemorySink(), relativePaths: true) }
        let good = String(decoding: try result.shard.encoded(), as: UTF8.self)
        let input = try XCTUnwrap(result.shard.inputs.first)
        let inflated = good.replacingOccurrences(of: "\"accepted\":\(input.accepted)", with: "\"accepted\":\(input.accepted + 5)")
            .replacingOccurrences(of: "\"rowsRead\":\(input.rowsRead)", with: "\"rowsRead\":\(input.rowsRead + 5)")
        let renamed = good.replacingOccurrences(of: input.sha256, with: String(repeating: "0", count: 64))
        for (name, text) in [("merge-inflated-counts.json", inflated), ("merge-same-shard-renamed.json", renamed)] {
            XCTAssertNotEqual(text, good)
            let expected = resealed(text)
            let path = TestSupport.fixture("hostile/" + name)
            if ProcessInfo.processInfo.environment[GoldenReportTests.updateVariable] == "1" {
                try expected.write(toFile: path, atomically: true, encoding: .utf8)
            }
            XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), expected,
                           "\(name) is not what this admaudit writes: ADMAUDIT_UPDATE_GOLDEN=1 writes it anew")
        }
    }
}
