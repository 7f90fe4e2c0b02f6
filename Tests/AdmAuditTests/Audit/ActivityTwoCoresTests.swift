import Foundation
import XCTest
@testable import AdmAudit

/// An activity log's workers' weeks made on two cores (the later workers on another thread,
/// from their own merge of the same runs, into a part of the sink) give, byte for byte, every
/// output of one thread: worktime.csv, findings.csv with DC-02's joins, the reports.
final class ActivityTwoCoresTests: XCTestCase {
    /// The fixture company through `init` with no edit: decisions joined, groups taken from
    /// them, Chinese and English logs, National Day's statutory holidays.
    func testTheFixtureCompanyOnTwoCoresIsTheOneThreadRun() throws {
        let files = ["decisions_zh.csv", "chat_zh.csv", "login_en.csv"].map { "fixtures/activity-company/" + $0 }
        let yaml = InferredPipeline.combining(try files.map { file in
            try InferredPipeline.infer(path: TestSupport.packageRoot.appendingPathComponent(file).path, inputName: file)
        }).yaml
        let pipeline = TestSupport.temporaryFile(yaml, name: "activity-company.yaml")
        try assertTwoCoresAreOneThread(FixtureRun(name: "activity-company", inputs: files, pipeline: .file(pipeline), asOf: "2026-01-01"))
    }

    /// A log written to be awkward: places in two zones and laws (a worker naming both), wages
    /// by the month and the hour, a sex column with an unknown, flexible hours, contacts asking
    /// for replies, events across midnight and on statutory holidays, and a stray quote.
    func testAnAwkwardLogOnTwoCoresIsTheOneThreadRun() throws {
        var lines = ["工号,开始时间,结束时间,方向,是否需回复,工作地点,月工资,性别,工时制度"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let sites = ["上海", "Berlin", ""], directions = ["员工操作", "上级发送", "员工回复", "上班", "下班"], sexes = ["女", "男", "", "未知"]
        for event in 0..<6_000 {
            let worker = next(event < 3_000 ? 40 : 90)
            let day = 1 + next(60), hour = next(24), minute = next(60), length = next(300)
            let start = Calendar(identifier: .gregorian).date(byAdding: .day, value: day, to: Date(timeIntervalSince1970: 1_757_635_200))!
            let formatter = DateFormatter()
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "yyyy-MM-dd"
            let date = formatter.string(from: start)
            let end = hour * 60 + minute + length
            let endText = end < 1440 ? String(format: "%@ %02d:%02d", date, end / 60, end % 60) : ""
            let site = worker % 7 == 0 ? sites[next(2)] : sites[worker % 3]
            let wage = worker % 5 == 0 ? "" : worker % 5 == 1 ? "\(40 + worker)元/小时" : "\(8000 + 100 * worker)"
            let system = worker % 11 == 0 ? "不定时工作制" : ""
            lines.append(String(format: "W%03d,%@ %02d:%02d,%@,%@,%@,%@,%@,%@,%@", worker, date, hour, minute, endText,
                                directions[next(5)], next(2) == 0 ? "是" : "否", site, wage, sexes[worker % 4], system))
            if event == 4_321 { lines.append("W001,\"2025-10-02 22:00,,员工操作,否,上海,,女,") }
        }
        let log = TestSupport.temporaryFile(lines.joined(separator: "\n") + "\n", name: "awkward-log.csv")
        let yaml = """
            admaudit: 1
            input: {time_zone: Asia/Shanghai}
            checks: {jurisdictions: [CN, EU]}
            attributes: {sex: [性别]}
            bias: {attributes: [sex]}
            report: {subject_ids: pseudonymize, formats: [json, md, html]}
            activity:
              schedule: {work_start: "09:00", work_end: "18:00", hourly_wage: 25}
            """
        let pipeline = TestSupport.temporaryFile(yaml, name: "awkward-log.yaml")
        try assertTwoCoresAreOneThread(FixtureRun(name: "awkward-log", inputs: [log], pipeline: .file(pipeline), asOf: "2026-01-01"))
    }

    /// The run's working time (the weeks are made on two cores only where the sink can make a part).
    private static func workTime(of run: FixtureRun) throws -> WorkTimeResult {
        try XCTUnwrap(try run.auditIntoFolder().workTime)
    }

    private func assertTwoCoresAreOneThread(_ run: FixtureRun, file: StaticString = #filePath, line: UInt = #line) throws {
        var one = run
        one.splitActivityEvents = .max
        var two = run
        two.splitActivityEvents = 1
        let whole = try one.writeOutputs(), halves = try two.writeOutputs()
        // Where there is a second core, the weeks were made on it.
        XCTAssertEqual(try Self.workTime(of: two).weeksMadeOnTwoCores, AvailableCores.count > 1, "\(run)", file: file, line: line)
        XCTAssertFalse(try Self.workTime(of: one).weeksMadeOnTwoCores, "\(run)", file: file, line: line)
        XCTAssertTrue(whole.keys.contains("worktime.csv"), "\(run)", file: file, line: line)
        XCTAssertEqual(Set(halves.keys), Set(whole.keys), "\(run)", file: file, line: line)
        for (name, bytes) in whole.sorted(by: { $0.key < $1.key }) {
            if let difference = GoldenReportTests.firstDifference(expected: bytes, actual: halves[name] ?? Data()) {
                XCTFail("\(run) on two cores: \(name) differs from one thread's:\n\(difference)", file: file, line: line)
            }
        }
    }
}
