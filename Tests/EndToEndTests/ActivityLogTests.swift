import Foundation
import XCTest

/// Activity logs on the inspector's path, on the real binary: `init LOG > p.yaml`, then
/// `run -p p.yaml LOG` with no edit, for a Chinese DingTalk export (GB18030, a title line,
/// China's holidays and a make-up working day) and an English one; worktime.csv's rows are
/// the hand-computed ones. A log whose late-night rows are written so they cannot be read
/// says so at the top; a state for a merge is refused rather than dropping the working time.
final class ActivityLogTests: BinaryTestCase {
    @discardableResult
    private func admaudit(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        try AdmAuditBinary.run(arguments, in: work)
    }

    private func write(_ name: String, _ text: String, gb18030: Bool = false) throws {
        let file = work.appendingPathComponent(name)
        guard gb18030 else { return try Data(text.utf8).write(to: file) }
        // As the HR system wrote it: GB18030, converted by the system's iconv.
        let source = work.appendingPathComponent(name + ".utf8")
        try Data(text.utf8).write(to: source)
        let iconv = Process()
        iconv.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        iconv.arguments = ["-f", "UTF-8", "-t", "GB18030", "-o", file.path, source.path]
        try iconv.run()
        iconv.waitUntilExit()
        XCTAssertEqual(iconv.terminationStatus, 0)
        try FileManager.default.removeItem(at: source)
    }

    /// init, then run with no edit; the worktime rows without the pseudonym.
    private func inspectorsPath(_ log: String) throws -> (rows: [[String]], err: String, status: Int32) {
        let initialized = try admaudit(["init", log])
        XCTAssertEqual(initialized.status, 0, initialized.err)
        try Data(initialized.out.utf8).write(to: work.appendingPathComponent("p.yaml"))
        let run = try admaudit(["run", "-p", "p.yaml", "-o", "out", log])
        let rows = try AdmAuditBinary.csv(work.appendingPathComponent("out/worktime.csv").path)
        return (rows.map { Array($0.dropFirst()) }, run.err, run.status)
    }

    func testAChineseDingTalkExportThroughInitAndRun() throws {
        try write("钉钉消息.csv", """
            钉钉工作消息导出（2025年9月）
            工号,消息时间,结束时间,渠道,方向,是否需回复
            1001,2025/9/26 22:40,,钉钉,上级发送,是
            1001,2025/9/26 22:55,2025/9/26 23:30,钉钉,员工回复,否
            1001,2025/9/28 10:00,2025/9/28 17:00,VPN,员工操作,
            1001,2025/10/2 14:00,2025/10/2 16:00,VPN,员工操作,
            1002,2025/9/29 08:00,2025/9/29 20:30,VPN,员工操作,
            1002,2025/9/30 23:50,2025/10/1 00:20,钉钉,员工操作,
            1003,2025/10/3 20:00,,飞书,上级发送,是
            1003,坏数据,,飞书,员工回复,否

            """, gb18030: true)
        let (rows, err, status) = try inspectorsPath("钉钉消息.csv")
        XCTAssertEqual(status, 0, err)
        // 28 September is a Sunday worked for National Day, 1–3 October are days off.
        XCTAssertEqual(rows, [
            ["week", "working_days", "scheduled_minutes", "days_active", "days_without_activity", "active_minutes", "off_hours_minutes",
             "rest_day_minutes", "overtime_minutes", "days_over_daily_overtime_limit", "longest_day_minutes", "off_hours_contacts",
             "off_hours_contacts_expecting_reply", "answered_off_hours", "mean_reply_minutes", "overtime_pay_estimate"],
            ["2025-09-22", "6", "3240", "2", "5", "455", "35", "0", "0", "0", "420", "1", "1", "1", "15", ""],
            ["2025-09-29", "2", "1080", "1", "6", "120", "120", "120", "120", "0", "120", "0", "0", "0", "", ""],
            ["2025-09-29", "2", "1080", "3", "4", "780", "240", "20", "290", "1", "750", "0", "0", "0", "", ""],
            ["2025-09-29", "2", "1080", "0", "7", "0", "0", "0", "0", "0", "0", "1", "1", "0", "", ""],
        ])
        XCTAssertTrue(err.contains("读取 8 行 = 接受 7 + 拒收 1，核对一致"), err)
        XCTAssertTrue(err.contains("工作时间：劳动者 3 人"), err)
        XCTAssertTrue(err.contains("被拒收的行可能隐藏违规"), err)
        XCTAssertFalse(err.contains("1001"), "worker ids are pseudonymised by default")
        let report = try String(contentsOf: work.appendingPathComponent("out/report.md"), encoding: .utf8)
        XCTAssertTrue(report.contains("## 活动日志中的工作时间"), report)
        XCTAssertTrue(report.contains("国务院公布的工作日历"), report)
        let json = try AdmAuditBinary.json(work.appendingPathComponent("out/report.json").path)
        let workTime = try XCTUnwrap(json["work_time"] as? [String: Any])
        XCTAssertEqual(workTime["off_hours_minutes"] as? Int, 35 + 120 + 240)
        XCTAssertEqual((json["inputs"] as? [[String: Any]])?.first?["kind"] as? String, "activity")
        // Two weeks with a contact asking for a reply after hours (WT-01), one Monday of 4.5 hours' overtime (WT-02).
        let findings = try AdmAuditBinary.csv(work.appendingPathComponent("out/findings.csv").path)
        XCTAssertEqual(findings.dropFirst().map { $0[2] }, ["WT-01", "WT-02", "WT-01"])
        XCTAssertEqual(findings[2][6], "2025-09-29 当周：有 1 个工作日的加班超过 3 小时")
        XCTAssertTrue(findings[1][8].contains("《劳动法》第41条"), findings[1][8])
        let rejects = try AdmAuditBinary.csv(work.appendingPathComponent("out/rejects.csv").path)
        XCTAssertEqual(rejects.count, 2)
        XCTAssertEqual(rejects[1][1], "10")
        XCTAssertTrue(rejects[1][4].contains("started_at"), rejects[1][4])
    }

    func testAnEnglishVPNAndTeamsLogThroughInitAndRun() throws {
        try write("vpn.csv", """
            Employee ID,Start,End,Channel,Direction,Reply Requested,Office
            u-17,2025-06-06 21:15,2025-06-06 22:05,VPN,worker action,No,New York
            u-17,2025-06-07 10:00,2025-06-07 11:30,VPN,worker action,No,New York
            u-18,2025-06-09 19:00,,Teams,manager to worker,Yes,New York
            u-18,2025-06-09 19:20,2025-06-09 19:50,Teams,worker reply,No,New York

            """)
        let (rows, err, status) = try inspectorsPath("vpn.csv")
        XCTAssertEqual(status, 0, err)
        XCTAssertEqual(Array(rows.dropFirst()), [
            ["2025-06-02", "5", "2700", "2", "5", "140", "140", "90", "90", "0", "90", "0", "0", "0", "", ""],
            ["2025-06-09", "5", "2700", "1", "6", "30", "30", "0", "0", "0", "30", "1", "1", "1", "20", ""],
        ])
        XCTAssertTrue(err.contains("working time: 2 workers, 4 events"), err)
        XCTAssertTrue(err.contains("No decision export was read"), err)
        // Under US law none of the working-time rules applies: the summary names those checks, and no decision check.
        XCTAssertTrue(err.contains("(US-NYC, US): WT-01, WT-02, WT-03, WT-04."), err)
        XCTAssertFalse(err.contains("HR-01"), err)
    }

    func testRowsWrittenSoTheyCannotBeReadAreNamedAtTheTop() throws {
        // The late-night rows carry a time no reader takes: rejected, and the summary says the hours may be understated.
        try write("log.csv", """
            worker_id,started_at,ended_at
            W1,2025-03-04 10:00,2025-03-04 12:00
            W1,2025-03-04 23:00 o'clock,2025-03-05 01:00
            W1,2025-03-05 23:00 o'clock,2025-03-06 01:00

            """)
        try write("p.yaml", "admaudit: 1\ninput: {time_zone: Asia/Shanghai}\nchecks: {jurisdictions: [CN]}\nactivity: {}\n")
        let run = try admaudit(["run", "-p", "p.yaml", "-o", "out", "log.csv"])
        XCTAssertEqual(run.status, 0, run.err)
        XCTAssertTrue(run.err.hasPrefix("WARNING: Rejected rows may hide violations"), run.err)
        XCTAssertTrue(run.err.contains("2 of 3 activity rows (66.7%) were rejected and counted in no working time"), run.err)
        let saved = try admaudit(["run", "-p", "p.yaml", "-o", "state", "--save-state", "log.csv"])
        XCTAssertEqual(saved.status, 2, saved.err)
        XCTAssertTrue(saved.err.contains("--save-state cannot carry the working time of activity logs"), saved.err)
    }
}

/// The fixture company (`fixtures/activity-company`: 200 workers, 12 weeks from 2025-09-15,
/// a Chinese chat log and an English login log, planted patterns, broken rows), through the
/// inspector's path with no edit: every worker-week of worktime.csv, every WT finding and
/// every reject are those the company's own oracle computed from docs/activity.md
/// (`expected_worktime.py`, written without the code).
final class ActivityCompanyTests: BinaryTestCase {
    private static let company = AdmAuditBinary.root.appendingPathComponent("fixtures/activity-company")

    private func expected(_ name: String) throws -> [[String]] {
        try AdmAuditBinary.csv(Self.company.appendingPathComponent(name).path)
    }

    func testTheCompanysWeeksFindingsAndRejectsAreTheOraclesExactly() throws {
        let chat = Self.company.appendingPathComponent("chat_zh.csv").path, login = Self.company.appendingPathComponent("login_en.csv").path
        let initialized = try AdmAuditBinary.run(["init", chat], in: work)
        XCTAssertEqual(initialized.status, 0, initialized.err)
        try Data(initialized.out.utf8).write(to: work.appendingPathComponent("p.yaml"))
        let run = try AdmAuditBinary.run(["run", "-p", "p.yaml", "-o", "out", "--lang", "en", chat, login], in: work)
        XCTAssertEqual(run.status, 0, run.err)
        XCTAssertTrue(run.err.contains("7138 rows read = 7136 accepted + 2 rejected, reconciled"), run.err)
        XCTAssertTrue(run.err.contains("11247 rows read = 11245 accepted + 2 rejected, reconciled"), run.err)

        // Worker ids are pseudonymised on this path: rows are compared in order, without the worker.
        let weeks = try AdmAuditBinary.csv(work.appendingPathComponent("out/worktime.csv").path)
        let oracle = try expected("expected_worktime.csv")
        XCTAssertEqual(weeks.count, 2396)
        XCTAssertEqual(weeks.map { Array($0.dropFirst().prefix(15)) }, oracle.map { Array($0.dropFirst()) })
        // The same worker on the same rows: where the oracle's worker changes, the pseudonym does.
        XCTAssertEqual(zip(weeks.dropFirst(), weeks.dropFirst(2)).map { $0[0] == $1[0] }, zip(oracle.dropFirst(), oracle.dropFirst(2)).map { $0[0] == $1[0] })

        let findings = try AdmAuditBinary.csv(work.appendingPathComponent("out/findings.csv").path).dropFirst()
        let periods = findings.map { [$0[2], Self.period($0[6])] }
        XCTAssertEqual(periods, try expected("expected_findings.csv").dropFirst().map { [$0[1], $0[2]] })

        let rejects = try AdmAuditBinary.csv(work.appendingPathComponent("out/rejects.csv").path).dropFirst()
        XCTAssertEqual(rejects.map { [URL(fileURLWithPath: $0[0]).lastPathComponent, $0[1]] },
                       try expected("expected_rejects.csv").dropFirst().map { [$0[0], $0[1]] })
    }

    /// The week's Monday, the month, or `first..last` Mondays, from a finding's English detail.
    private static func period(_ detail: String) -> String {
        let dates = detail.matches(of: /\d{4}-\d{2}-\d{2}/).map { String($0.output) }
        if detail.hasPrefix("off-hours work in") { return dates.joined(separator: "..") }
        if let date = dates.first { return date }
        return String(detail.prefix(7))
    }
}
