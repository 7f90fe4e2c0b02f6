import Foundation
import XCTest

@testable import AdmAudit

/// Activity logs through a run (`AuditRun`, `ActivityReading`): a Chinese and an English log
/// read by their headers with the built-in words, every row an event or a reject with its
/// reason, a log beside a decision export, the pipeline's `activity:` section and its mistakes.
final class ActivityRunTests: XCTestCase {
    private static let pipeline = """
        admaudit: 1
        input: {time_zone: Asia/Shanghai}
        checks: {jurisdictions: [CN]}
        report: {subject_ids: keep}
        activity:
          schedule: {work_start: "09:00", work_end: "18:00"}
        """

    private static let chineseLog = """
        员工工号,发送时间,结束时间,渠道,方向,是否需回复
        E001,2025-03-03 23:00,,钉钉,上级发送,是
        E001,2025-03-03 23:10,2025-03-04 00:40,钉钉,员工回复,否
        E001,2025-03-08 10:00,2025-03-08 12:00,VPN,员工操作,
        E002,2025-03-04 09:00,2025-03-04 19:00,VPN登录,员工操作,
        E002,昨天,,VPN,员工操作,
        E002,2025-03-05 09:00,2025-03-05 08:00,VPN,员工操作,
        E003,2025-03-05 20:00,,微信,上级发送,是
        E003,2025-03-05 20:05,,微信,转发,否
        """

    func testAChineseLogGivesEachWorkersWeekAndRejectsWhatIsNoEvent() throws {
        let (result, sink) = try TestSupport.audit([TestSupport.temporaryFile(Self.chineseLog, name: "聊天记录.csv")],
                                                   pipeline: TestSupport.pipeline(Self.pipeline))
        let work = try XCTUnwrap(result.workTime)
        XCTAssertEqual(work.workers, ["E001", "E002", "E003"])
        XCTAssertEqual(work.events, 5)
        let rows = try work.weeks.list().map { WorkTimeCSV.row($0, result: work) }
        XCTAssertEqual(rows, [
            ["E001", "2025-03-03", "5", "2700", "3", "4", "210", "210", "120", "210", "0", "120", "1", "1", "1", "10", "", "", "standard", "0", "", "", "90", "120", "0", "0"],
            ["E002", "2025-03-03", "5", "2700", "1", "6", "600", "60", "0", "120", "0", "600", "0", "0", "0", "", "", "", "standard", "0", "", "", "120", "0", "0", "0"],
            ["E003", "2025-03-03", "5", "2700", "0", "7", "0", "0", "0", "0", "0", "0", "1", "1", "0", "", "", "", "standard", "0", "", "", "0", "0", "0", "0"],
        ])
        let input = try XCTUnwrap(result.inputs.first)
        XCTAssertTrue(input.isActivityLog)
        XCTAssertEqual([input.rowsRead, input.accepted, input.rejected], [8, 5, 3])
        XCTAssertTrue(input.reconciles)
        XCTAssertEqual(sink.rejects.map(\.reject.line), [6, 7, 9])
        XCTAssertEqual(sink.rejects.map(\.reject.code), [.badTimestamp, .badTimestamp, .unknownValue])
        XCTAssertEqual(sink.rejects.map(\.reject.column), [2, 3, 5])
        XCTAssertEqual(sink.rejects[2].reason, "direction '转发' is not known; expected contact, action or reply, or a spelling listed under activity.values.direction")
        XCTAssertEqual(result.totalRead, 0, "no decision rows")
        XCTAssertTrue(result.inputsHidingRows.isEmpty)
        XCTAssertEqual(result.activityInputsWithRejects.map(\.file), [input.file])
        XCTAssertFalse(result.diagnostics.contains { $0.code == .noAsOfDate }, "no decision check waits for an as-of date")
        // E001's 210 off-hours minutes in its one active week, E002's 60; E003 was never active.
        XCTAssertEqual(work.workersByWeeklyOffHours, [0, 0, 1, 1, 0, 0])
        XCTAssertEqual([0, 1, 59, 60, 599, 600, 10_000].map { WorkTimeResult.bin(minutes: $0) }, [0, 1, 1, 2, 4, 5, 5])
        var checked = result
        checked.pipeline.sha256 = String(repeating: "a", count: 64)  // a pipeline parsed from text has no file to hash
        try ReportSchema.assertValid(JSONReport.render(checked), "a log's report", validator: ReportSchema.validator())

        // With a wage: E001's 1.5 hours online on Monday night at 150 % and 2 hours on a Saturday at 200 %,
        // E002's 2 hours past 8 on a Tuesday at 150 % (more than its hour outside the schedule).
        let paid = try TestSupport.audit([TestSupport.temporaryFile(Self.chineseLog, name: "聊天记录.csv")],
                                         pipeline: TestSupport.pipeline(Self.pipeline.replacingOccurrences(of: "work_end: \"18:00\"", with: "work_end: \"18:00\", hourly_wage: 40")))
        let paidWork = try XCTUnwrap(paid.0.workTime)
        XCTAssertEqual(try paidWork.weeks.list().map { WorkTimeCSV.row($0, result: paidWork)[16] }, ["250.00", "120.00", "0.00"])
        XCTAssertEqual(paidWork.overtimePayEstimate, 370)
    }

    func testAnEnglishLogWithDurationsBesideADecisionExport() throws {
        let log = """
            Employee ID,Timestamp,Duration (min),Channel,Direction,Reply required
            A-1,2025-03-10T19:30:00,45,Teams chat,worker action,no
            A-1,2025-03-11T07:00:00,,E-mail,to worker,yes
            A-1,2025-03-11T07:20:00,5,E-mail,reply,no
            A-2,2025-03-15T10:00:00,90,VPN,worker action,no
            A-2,2025-03-16T10:00:00,two hours,VPN,worker action,no

            """
        let decisions = """
            decision_id,subject_id,decided_at,decision_type,outcome,human_reviewed,sex
            D1,A-1,2025-03-12 10:00,discipline,adverse,no,female
            D2,A-2,2025-03-12 11:00,discipline,favorable,yes,male

            """
        let yaml = TestSupport.exactPipeline(attributes: ["sex: [sex]"], sections: """
            input: {time_zone: Asia/Shanghai}
            checks: {jurisdictions: [CN]}
            activity:
              columns: {duration_minutes: [Duration (min)]}
              schedule: {work_start: "08:30", work_end: "17:30", calendar: week}
            """)
        let (result, sink) = try TestSupport.audit([TestSupport.temporaryFile(decisions, name: "decisions.csv"),
                                                    TestSupport.temporaryFile(log, name: "activity.csv")],
                                                   pipeline: TestSupport.pipeline(yaml))
        XCTAssertEqual(result.inputs.map(\.isActivityLog), [false, true])
        XCTAssertEqual(result.totalAccepted, 2, "the decisions are audited as ever")
        XCTAssertEqual(result.checks.first { $0.descriptor.id == "HR-01" }?.violations, 1)
        let work = try XCTUnwrap(result.workTime)
        let rows = try work.weeks.list().map { WorkTimeCSV.row($0, result: work) }
        // A-1: 45 min from 19:30 (off-hours), 5 min reply at 07:20 (off-hours), answered in 20 min.
        // A-2: 90 min on a Saturday (the plain week: a rest day).
        XCTAssertEqual(rows, [
            ["A-1", "2025-03-10", "5", "2700", "2", "5", "50", "50", "0", "50", "0", "45", "1", "1", "1", "20", "", "", "standard", "0", "", "", "50", "0", "0", "0"],
            ["A-2", "2025-03-10", "5", "2700", "1", "6", "90", "90", "90", "90", "0", "90", "0", "0", "0", "", "", "", "standard", "0", "", "", "0", "90", "0", "0"],
        ])
        XCTAssertEqual(sink.rejects.map(\.reject.code), [.badNumber])
        XCTAssertEqual(sink.rejects.first?.reject.line, 6)
    }

    /// DC-02 joins the decisions to the logs, whichever input comes first: an adverse decision
    /// within seven days after an off-hours contact the worker left unanswered is flagged with
    /// the contact's time and channel; an answered contact, an older one, a favourable decision,
    /// a worker the logs do not name, and a decision without a date are not.
    func testAnAdverseDecisionAfterAnUnansweredOffHoursContactIsFlaggedWithTheContact() throws {
        let decisions = """
            decision_id,employee_id,decision_type,outcome,decided_at
            D1,E1,discipline,adverse,2025-03-06 10:00
            D2,E2,discipline,adverse,2025-03-06 10:00
            D3,E3,discipline,adverse,2025-03-06 10:00
            D4,E1,promotion,favorable,2025-03-07 10:00
            D5,E4,discipline,adverse,2025-03-06 10:00
            D6,Ｅ１,discipline,adverse,
            D7,E1,discipline,adverse,2025-03-20 10:00

            """
        let log = """
            worker_id,started_at,channel,direction,reply_requested
            E1,2025-03-04 23:00,wechat,contact,yes
            E1,2025-03-04 12:00,wechat,contact,yes
            E2,2025-03-04 23:00,wechat,contact,yes
            E2,2025-03-04 23:20,wechat,reply,no
            E3,2025-02-20 23:00,email,contact,no

            """
        let yaml = TestSupport.exactPipeline(attributes: [], sections: """
            input: {time_zone: Asia/Shanghai}
            checks: {jurisdictions: [CN]}
            activity: {}
            """)
        for order in [["decisions.csv", "log.csv"], ["log.csv", "decisions.csv"]] {
            let files = order.map { TestSupport.temporaryFile($0 == "log.csv" ? log : decisions, name: $0) }
            let (result, sink) = try TestSupport.audit(files, pipeline: TestSupport.pipeline(yaml))
            let tally = try XCTUnwrap(result.checks.first { $0.descriptor.id == "DC-02" }, "\(order)")
            // D1, D2, D3, D6 (unknown: no date) and D7 are about workers the logs name; D4 is favourable, D5's worker is not in the logs.
            XCTAssertEqual([tally.applicable, tally.violations, tally.unknown], [5, 1, 1], "\(order)")
            let found = sink.findings.filter { $0.finding.checkID == "DC-02" }
            XCTAssertEqual(found.map(\.finding.decisionID), ["D1"], "\(order): D7 is 15 days after")
            XCTAssertEqual(found.first?.finding.detail, .decisionAfterUnansweredContact(
                type: .discipline, contactAt: LocalTime(instant: 1_741_100_400, offset: 28_800), channel: "chat", replyRequested: true,
                hoursBefore: 35, withinDays: 7))
            XCTAssertEqual(found.first?.finding.line, 2)
        }
        // D5's worker is in no log: said, as a note (most decisions were matched).
        let (noted, _) = try TestSupport.audit([TestSupport.temporaryFile(decisions, name: "decisions.csv"), TestSupport.temporaryFile(log, name: "log.csv")],
                                               pipeline: TestSupport.pipeline(yaml))
        let sparse = try XCTUnwrap(noted.diagnostics.first { $0.code == .activityJoinSparse })
        XCTAssertEqual(sparse.level, .note)
        XCTAssertEqual(sparse.values["adverse_decisions"], .count(6))
        XCTAssertEqual(sparse.values["matched"], .count(5))
        // Without the log, DC-02 judges nothing and is not listed.
        let alone = try TestSupport.audit([TestSupport.temporaryFile(decisions, name: "decisions.csv")], pipeline: TestSupport.pipeline(yaml))
        XCTAssertNil(alone.0.checks.first { $0.descriptor.id == "DC-02" })
        // within_days: 30 reaches D7 too (the contact at 23:00 on the 4th is still the latest before it).
        let wide = yaml.replacingOccurrences(of: "checks: {jurisdictions: [CN]}", with: "checks: {jurisdictions: [CN], DC-02: {within_days: 30}}")
        let (widened, wideSink) = try TestSupport.audit([TestSupport.temporaryFile(decisions, name: "decisions.csv"), TestSupport.temporaryFile(log, name: "log.csv")],
                                                        pipeline: TestSupport.pipeline(wide))
        XCTAssertEqual(wideSink.findings.filter { $0.finding.checkID == "DC-02" }.map(\.finding.decisionID), ["D1", "D3", "D7"])
        XCTAssertEqual(widened.checks.first { $0.descriptor.id == "DC-02" }?.violations, 3)
    }

    /// A decision dated without a time reads as local midnight. An unanswered contact of the
    /// evening before is still judged (a finding); one later that same day may have come before
    /// the decision or after it: unknown, said why, never a finding and never clean; an answered
    /// one, or none, leaves the decision clean. A decision at a real time keeps its time.
    func testADecisionDatedWithoutATimeIsUnknownAfterAContactThatDay() throws {
        let decisions = """
            decision_id,employee_id,decision_type,outcome,decided_at
            D1,E1,discipline,adverse,2025-03-06
            D2,E2,discipline,adverse,2025-03-06
            D3,E3,discipline,adverse,2025-03-06
            D4,E4,discipline,adverse,2025-03-06
            D5,E2,discipline,adverse,2025-03-06 23:30
            D6,E5,discipline,adverse,2025-03-06

            """
        let log = """
            worker_id,started_at,channel,direction,reply_requested
            E1,2025-03-05 22:00,wechat,contact,yes
            E2,2025-03-06 20:00,wechat,contact,yes
            E3,2025-03-06 20:00,wechat,contact,yes
            E3,2025-03-06 20:05,wechat,reply,no
            E3,2025-03-06 21:00,wechat,contact,yes
            E4,2025-03-07 08:00,wechat,contact,yes
            E5,2025-03-06 19:00,wechat,reply,no

            """
        let yaml = TestSupport.exactPipeline(attributes: [], sections: """
            input: {time_zone: Asia/Shanghai}
            checks: {jurisdictions: [CN]}
            activity: {}
            """)
        let files = [TestSupport.temporaryFile(decisions, name: "decisions.csv"), TestSupport.temporaryFile(log, name: "log.csv")]
        let (result, sink) = try TestSupport.audit(files, pipeline: TestSupport.pipeline(yaml))
        let tally = try XCTUnwrap(result.checks.first { $0.descriptor.id == "DC-02" })
        // D1: the evening before, a finding. D2 and D3: contacts that day, unknown. D4: the next day's contact, clean.
        // D5: E2's decision at 23:30 comes after the 20:00 contact, a finding. D6: E5 has no contact, clean.
        XCTAssertEqual(sink.findings.filter { $0.finding.checkID == "DC-02" }.map(\.finding.decisionID), ["D1", "D5"])
        XCTAssertEqual([tally.applicable, tally.violations, tally.unknown], [6, 2, 2])
        XCTAssertEqual(tally.unknownReasons, ["decided_at_day_only": 2])
        XCTAssertTrue(ReportText(language: .zh).unknownReason("decided_at_day_only").contains("只有日期"))
    }

    /// A log with a protected attribute: each worker is counted once in the group of the
    /// worker's first row, and report.json's figures by group hold to the schema.
    func testALogsWorkersAreCountedByGroupOnce() throws {
        var lines = ["工号,性别,开始时间,结束时间"]
        for worker in 0..<12 {
            let sex = worker < 6 ? "女" : "男"
            for day in 3...7 {
                lines.append("W\(worker),\(sex),2025-03-0\(day) 09:00,2025-03-0\(day) 18:00")
                // Half the women work every evening; no man does.
                if worker < 3 { lines.append("W\(worker),\(sex),2025-03-0\(day) 20:00,2025-03-0\(day) 21:30") }
            }
        }
        // A later row naming another group does not move the worker.
        lines.append("W0,男,2025-03-08 10:00,2025-03-08 10:30")
        let yaml = TestSupport.exactPipeline(attributes: ["sex: [性别]"], sections: """
            input: {time_zone: Asia/Shanghai}
            checks: {jurisdictions: [CN]}
            activity: {}
            """)
        let (result, _) = try TestSupport.audit([TestSupport.temporaryFile(lines.joined(separator: "\n") + "\n", name: "log.csv")],
                                                pipeline: TestSupport.pipeline(yaml))
        let figures = try XCTUnwrap(result.workTime?.byGroup.first)
        XCTAssertEqual(figures.recurring.attribute, "sex")
        XCTAssertEqual(figures.recurring.groups.map(\.group), ["female", "male"])
        XCTAssertEqual(figures.shownNames, ["女", "男"])
        XCTAssertEqual(figures.recurring.groups.map(\.n), [6, 6])
        XCTAssertEqual(figures.recurring.groups.map { $0.n - $0.favorable }, [3, 0])
        XCTAssertEqual(figures.meanWeeklyOffHoursMinutes.map { $0.map { ($0 * 10).rounded() / 10 } }, [230, 0],
                       "3 of 6 women with 450 minutes in the week, W0 30 more on the Saturday: 1,380 / 6")
        var checked = result
        checked.pipeline.sha256 = String(repeating: "a", count: 64)
        try ReportSchema.assertValid(JSONReport.render(checked), "a log's figures by group", validator: ReportSchema.validator())
    }

    /// A chat log seldom gives a worker's sex; the HR export does. Workers whose log leaves the
    /// group unknown take the one their decisions agree on; decisions that disagree leave it
    /// unknown; a worker no decision names stays unknown. Either order of inputs.
    func testWorkersTakeTheGroupTheirDecisionsGiveWhereTheirLogGivesNone() throws {
        var log = ["工号,开始时间,结束时间"]
        for worker in 0..<8 {
            for day in 3...7 {
                log.append("W\(worker),2025-03-0\(day) 09:00,2025-03-0\(day) 18:00")
                if worker < 3 { log.append("W\(worker),2025-03-0\(day) 20:00,2025-03-0\(day) 21:30") }
            }
        }
        var decisions = ["decision_id,employee_id,decision_type,outcome,decided_at,sex"]
        // W0's first decision says nothing of the worker's sex, the second does.
        decisions.append("D0a,W0,discipline,adverse,2025-03-10 10:00,")
        for worker in 0..<6 {
            decisions.append("D\(worker),W\(worker),discipline,adverse,2025-03-11 10:00,\(worker < 3 ? "female" : "male")")
        }
        // A decision giving W1 another sex: W1's decisions disagree, and W1 stays unknown.
        decisions.append("D1b,W1,discipline,adverse,2025-03-12 10:00,male")
        let yaml = TestSupport.exactPipeline(attributes: ["sex: [sex]"], sections: """
            input: {time_zone: Asia/Shanghai}
            checks: {jurisdictions: [CN]}
            activity: {}
            """)
        for order in [["log.csv", "decisions.csv"], ["decisions.csv", "log.csv"]] {
            let files = order.map { TestSupport.temporaryFile(($0 == "log.csv" ? log : decisions).joined(separator: "\n") + "\n", name: $0) }
            let (result, _) = try TestSupport.audit(files, pipeline: TestSupport.pipeline(yaml))
            let work = try XCTUnwrap(result.workTime)
            XCTAssertEqual([work.workersGroupedFromDecisions, work.workersWithDisagreeingDecisionGroups], [5, 1], "\(order)")
            let figures = try XCTUnwrap(work.byGroup.first, "\(order)")
            XCTAssertEqual(figures.recurring.groups.map(\.group), ["female", "male"], "\(order)")
            XCTAssertEqual(figures.recurring.groups.map(\.n), [2, 3], "\(order): W1 disagrees, W6 and W7 are in no decision")
            XCTAssertEqual(figures.recurring.groups.map { $0.n - $0.favorable }, [2, 0], "\(order)")
        }
    }

    /// Words of real exports an inspector's probe met: a Slack-like export whose `channel` is a
    /// room beside the `platform`, UTC times under `timestamp_utc`, `response_requested`; and a
    /// DingTalk export whose direction is `上级发出` (the superior sent it).
    func testTheWordsOfChatPlatformsExports() throws {
        let slack = """
            employee_id,timestamp_utc,platform,channel,direction,response_requested
            E1,2025-03-04T15:00:00Z,Teams,#ops-berlin,to worker,TRUE
            E1,2025-03-04T15:30:00Z,Teams,#ops-berlin,worker action,FALSE

            """
        let yaml = TestSupport.exactPipeline(attributes: [], sections: """
            input: {time_zone: Asia/Shanghai}
            checks: {jurisdictions: [CN]}
            activity: {}
            """)
        let (result, sink) = try TestSupport.audit([TestSupport.temporaryFile(slack, name: "slack.csv")], pipeline: TestSupport.pipeline(yaml))
        XCTAssertEqual(result.inputs.first?.rejected, 0, "\(sink.rejects.map(\.reason))")
        let week = try XCTUnwrap(result.workTime?.weeks.list().first)
        XCTAssertEqual([week.offHoursContacts, week.offHoursContactsExpectingReply], [1, 1], "23:00 in Shanghai, asking for a reply")
        let dingtalk = """
            工号,发送时间,方向
            1001,2025-03-04 23:00,上级发出
            1001,2025-03-05 10:00,员工发出

            """
        let (chinese, _) = try TestSupport.audit([TestSupport.temporaryFile(dingtalk, name: "钉钉.csv")], pipeline: TestSupport.pipeline(yaml))
        let weeks = try XCTUnwrap(chinese.workTime?.weeks.list())
        XCTAssertEqual(weeks.map(\.offHoursContacts), [1], "上级发出 is the superior's message, not the worker's work")
        XCTAssertEqual(weeks.map(\.activeSeconds), [60])
    }

    func testATidyFirstColumnCannotHideTheRealTimesAndAHeaderAgainIsNamed() throws {
        // The employer puts a sanitised 发送时间 first and the real 消息时间 second.
        let log = """
            工号,发送时间,消息时间,方向
            E1,2025-03-04 10:05,2025-03-04 23:05,发送
            E1,2025-03-05 10:00,2025-03-05 10:00,发送
            工号,发送时间,消息时间,方向
            E1,2025-03-06 10:00,2025-03-06 10:00,收到
            """
        let (result, sink) = try TestSupport.audit([TestSupport.temporaryFile(log, name: "log.csv")], pipeline: TestSupport.pipeline(Self.pipeline))
        XCTAssertEqual(sink.rejects.map(\.reject.code), [.conflictingColumns, .repeatedHeader])
        XCTAssertEqual(sink.rejects.first?.reject.column, 3)
        XCTAssertTrue(sink.rejects[0].reason.contains("'2025-03-04 10:05'") && sink.rejects[0].reason.contains("'2025-03-04 23:05'"), sink.rejects[0].reason)
        XCTAssertEqual(result.activityInputsWithRejects.count, 1, "the summary says rows were rejected")
        // 发送 (sent) is the worker's own, 收到 (received) the employer's contact.
        let work = try XCTUnwrap(result.workTime)
        XCTAssertEqual(try work.weeks.list().map(\.activeSeconds), [60])
        XCTAssertEqual(work.totals.offHoursContacts, 0, "received at 10:00 on a working day")
    }

    /// From a hostile review: ways a log could have lost evenings, each now read or said.
    func testAStrayQuoteAVariantIdAnAmbiguousDirectionAndAnOldYear() throws {
        let log = """
            工号,发送时间,方向
            W1,2025-03-03 10:00,员工发送
            W2,"2025-03-03 22:00,员工发送
            W1,2025-03-04 22:00,员工发送
            Ｗ1,2025-03-05 22:00,员工发送
            W1\u{200B},2025-03-06 22:00,员工发送
            W1,2025-03-07 22:00,回复上级发送的消息
            W1,2019-10-01 10:00,员工发送
            """
        let (result, sink) = try TestSupport.audit([TestSupport.temporaryFile(log, name: "log.csv")], pipeline: TestSupport.pipeline(Self.pipeline))
        let input = try XCTUnwrap(result.inputs.first)
        XCTAssertEqual([input.rowsRead, input.accepted, input.rejected], [7, 6, 1])
        XCTAssertTrue(input.reconciles)
        XCTAssertEqual(input.quoteRepairs, 1, "the stray quote's lines were read one by one")
        XCTAssertTrue(result.diagnostics.contains { $0.code == .quoteSwallowedLines })
        XCTAssertEqual(sink.rejects.map(\.reject.code), [.unknownValue], "a direction naming both a reply and a contact is neither")
        let work = try XCTUnwrap(result.workTime)
        XCTAssertEqual(work.workers, ["W1", "W2"], "Ｗ1 and W1 with a zero-width space are W1")
        let lookAlike = try XCTUnwrap(result.diagnostics.first { $0.code == .lookAlikeWorkerIDs }, "and the log is told to have written them so")
        XCTAssertEqual(lookAlike.values, ["rows": .count(2), "line": .count(5), "characters": .text("U+FF37 FULLWIDTH LATIN CAPITAL LETTER W, U+200B ZERO WIDTH SPACE")])
        XCTAssertEqual(try work.weeks.list().filter { $0.worker == 0 }.map(\.daysActive), [1, 4], "2019's day, then four days of March")
        XCTAssertEqual(result.diagnostics.first { $0.code == .activityOutsideCalendar }?.values["first_year"], .count(2019),
                       "China's calendar holds no notice of 2019: said, not assumed")
    }

    /// An employer splitting a worker in two with ids that look alike (a Cyrillic `А`, a hyphen
    /// U+2010) keeps each half under the limits: the halves are one worker, in the weeks, in
    /// DC-02's join and in the pseudonym, and the log is said to have written them so. Ids in
    /// another script that differ in a letter of its own (`е`, `ё`) stay two, and an id written
    /// one way throughout is not warned of; an id of nothing but invisible characters is no id.
    func testIdsThatLookAlikeAreOneWorkerAndSaidToBe() throws {
        let log = """
            worker_id,started_at,ended_at,direction
            A01,2025-03-03 09:00,2025-03-03 18:00,action
            \u{0410}01,2025-03-03 19:00,2025-03-03 23:30,action
            D-1,2025-03-04 09:00,2025-03-04 18:00,action
            D\u{2010}1,2025-03-04 19:00,2025-03-04 23:30,action
            Семин-3,2025-03-05 09:00,2025-03-05 10:00,action
            Сёмин-3,2025-03-05 09:00,2025-03-05 10:00,action
            \u{200B},2025-03-05 09:00,2025-03-05 10:00,action
            A01,2025-03-06 23:00,,contact

            """
        let decisions = """
            decision_id,employee_id,decision_type,outcome,decided_at
            X1,\u{0410}01,discipline,adverse,2025-03-07 10:00

            """
        let yaml = TestSupport.exactPipeline(attributes: [], sections: """
            input: {time_zone: Asia/Shanghai}
            checks: {jurisdictions: [CN]}
            activity: {}
            """).replacingOccurrences(of: "subject_ids: keep", with: "subject_ids: pseudonymize")
        let files = [TestSupport.temporaryFile(log, name: "log.csv"), TestSupport.temporaryFile(decisions, name: "decisions.csv")]
        let (result, sink) = try TestSupport.audit(files, pipeline: TestSupport.pipeline(yaml))
        let work = try XCTUnwrap(result.workTime)
        XCTAssertEqual(work.workers.count, 4, "A01, D-1, Семин-3, Сёмин-3")
        let days = try work.weeks.list().map(\.longestDaySeconds)
        XCTAssertEqual(days.prefix(2), [810 * 60, 810 * 60], "each half's day is one worker's 13.5 hours")
        XCTAssertEqual(sink.rejects.map(\.reject.line), [8], "an invisible id is no id")
        XCTAssertEqual(sink.rejects.first?.reject.code, .missingRequired)
        let warning = try XCTUnwrap(result.diagnostics.first { $0.code == .lookAlikeWorkerIDs })
        XCTAssertEqual(warning.level, .warning)
        XCTAssertEqual(warning.values, ["rows": .count(2), "line": .count(3), "characters": .text("U+0410 CYRILLIC CAPITAL LETTER A, U+2010 HYPHEN")])
        XCTAssertEqual(warning.file, files[0])
        // The decision about `А01` is about the log's A01, and shows A01's pseudonym.
        let joined = sink.findings.filter { $0.finding.checkID == "DC-02" }
        XCTAssertEqual(joined.map(\.finding.decisionID), ["X1"])
        XCTAssertEqual(joined.first?.finding.subject, .worker(work.workers[0]))
    }

    /// A wage column gives each worker's wage: an hour's as written, a month's over 21.75 days
    /// of 8 hours; the highest that reads as an amount counts (a low row cannot price the
    /// overtime down), a worker without one is estimated at the schedule's wage, which is also
    /// a floor. worktime.csv gives the wage and the minutes at each multiplier.
    func testAWageColumnGivesEachWorkersOvertimePay() throws {
        let log = """
            工号,开始时间,结束时间,月工资
            W1,2025-03-03 09:00,2025-03-03 21:00,"8,700"
            W1,2025-03-09 10:00,2025-03-09 12:00,8000
            W2,2025-03-03 09:00,2025-03-03 19:00,面议
            W2,2025-03-04 09:00,2025-03-04 17:00,"¥17,400元"
            W3,2025-03-03 09:00,2025-03-03 18:00,
            W4,2025-03-03 09:00,2025-03-03 18:00,1740

            """
        let yaml = Self.pipeline.replacingOccurrences(of: "schedule: {work_start: \"09:00\", work_end: \"18:00\"}",
                                                      with: "schedule: {work_start: \"09:00\", work_end: \"18:00\", hourly_wage: 20}")
        let (result, sink) = try TestSupport.audit([TestSupport.temporaryFile(log, name: "log.csv")], pipeline: TestSupport.pipeline(yaml))
        XCTAssertTrue(sink.rejects.isEmpty, "a wage that is no amount leaves the event standing")
        let work = try XCTUnwrap(result.workTime)
        let rows = try work.weeks.list().map { WorkTimeCSV.row($0, result: work) }
        let wageColumns = WorkTimeCSV.header.firstIndex(of: "hourly_wage")!
        XCTAssertEqual(rows.map { [$0[0]] + [$0[16]] + Array($0[wageColumns...]) }, [
            // 4 hours past 8 on Monday at 150 %, Sunday's 2 hours at 200 %: 50 × (6 + 4).
            ["W1", "500.00", "50.00", "240", "120", "0", "0"],
            // The first wage that reads: 17,400 / 174 = 100 an hour; 2 hours at 150 %.
            ["W2", "300.00", "100.00", "120", "0", "0", "0"],
            // No wage in the log: the schedule's.
            ["W3", "30.00", "20.00", "60", "0", "0", "0"],
            // 1,740 / 174 = 10 an hour, below the schedule's 20: the employer's column cannot lower it.
            ["W4", "30.00", "20.00", "60", "0", "0", "0"],
        ])
        XCTAssertEqual(work.overtimePayEstimate, 860)
        XCTAssertEqual([work.workersWithWage, work.workersWithVaryingWage], [3, 1], "W1's lower second wage is not used, and said")
        XCTAssertTrue(work.wageColumn)
        XCTAssertNil(ActivityBuilder.amount(UnsafeRawBufferPointer(start: nil, count: 0)))
        // The period written in the cell: an hour's wage in a month's column is an hour's.
        XCTAssertEqual(Array("40元/小时".utf8).withUnsafeBytes { ActivityBuilder.amount($0)?.perMonth }, false)
        XCTAssertEqual(Array("8000/month".utf8).withUnsafeBytes { ActivityBuilder.amount($0)?.perMonth }, true)
        XCTAssertEqual(Array("8000".utf8).withUnsafeBytes { ActivityBuilder.amount($0)?.perMonth }, .some(nil))
        for (text, amount) in [("35.5", 35.5), ("RMB 8,000.50", 8000.5), ("８０００", 8000.0), ("2.450,50", nil), ("-5", nil), ("1e9", nil), ("12,34", nil),
                               ("40元/小时", 40), ("$45/hr", 45), ("45 USD per hour", 45), ("月薪8700", 8700), ("1.2万", 12_000), ("8 700", 8700),
                               ("8,700 / 月", 8700), ("¥45/小时", 45), ("面议", nil), ("nan", nil), ("inf", nil), ("100万", nil), ("8 70", nil),
                               ("8.000", nil), ("35²", nil), ("8元000", nil), ("1,234.5,678", nil), ("0.5", nil), ("￥40", 40), ("12.50", 12.5)] as [(String, Double?)] {
            XCTAssertEqual(Array(text.utf8).withUnsafeBytes { ActivityBuilder.amount($0)?.value }, amount, text)
        }
    }

    /// Labour Law Art. 44's three rates in one week: a working day's overtime at 150 %, a rest
    /// day moved around National Day (调休, 4 October 2025) at 200 %, and National Day itself, a
    /// statutory holiday, at 300 %. A pipeline can name statutory holidays of a year the
    /// calendar does not hold; under comprehensive hours the excess is all at 150 % (a floor).
    func testOvertimeOnAStatutoryHolidayIsPaidAtThreeHundredPercent() throws {
        let log = """
            工号,开始时间,结束时间
            W1,2025-09-29 09:00,2025-09-29 19:00
            W1,2025-10-01 10:00,2025-10-01 12:00
            W1,2025-10-04 10:00,2025-10-04 12:00
            W2,2027-10-01 10:00,2027-10-01 11:00

            """
        let yaml = Self.pipeline.replacingOccurrences(of: "schedule: {work_start: \"09:00\", work_end: \"18:00\"}",
                                                      with: "schedule: {work_start: \"09:00\", work_end: \"18:00\", hourly_wage: 20, statutory_holidays: [2027-10-01]}")
        let (result, _) = try TestSupport.audit([TestSupport.temporaryFile(log, name: "log.csv")], pipeline: TestSupport.pipeline(yaml))
        let work = try XCTUnwrap(result.workTime)
        let header = WorkTimeCSV.header
        let picked = ["rest_day_minutes", "overtime_minutes", "overtime_pay_estimate", "overtime_minutes_at_150pct", "overtime_minutes_at_200pct",
                      "statutory_holiday_minutes", "overtime_minutes_at_300pct"].map { header.firstIndex(of: $0)! }
        let rows = try work.weeks.list().map { row in picked.map { WorkTimeCSV.row(row, result: work)[$0] } }
        XCTAssertEqual(rows, [
            // Monday's 10 hours: 2 past 8 (more than its hour after 18:00) at 150 %; 20 × (1.5 × 2 + 2 × 2 + 3 × 2) = 260.
            ["240", "360", "260.00", "120", "120", "120", "120"],
            // The pipeline's statutory holiday of 2027: 20 × 3 × 1.
            ["60", "60", "60.00", "0", "0", "60", "60"],
        ])
        XCTAssertEqual(work.overtimePayEstimate, 320)
        let comprehensive = try TestSupport.audit([TestSupport.temporaryFile(log, name: "log.csv")],
                                                  pipeline: TestSupport.pipeline(yaml.replacingOccurrences(of: "hourly_wage: 20,", with: "hourly_wage: 20, hours: comprehensive,")))
        let weeks = try XCTUnwrap(comprehensive.0.workTime).weeks.list()
        XCTAssertEqual(weeks.map { $0.overtimeAtEachRate }, [OvertimeAtEachRate(workday: 0, restDay: 0, statutoryHoliday: 0),
                                                             OvertimeAtEachRate(workday: 0, restDay: 0, statutoryHoliday: 0)],
                       "16 hours in the week are within the period's 40")
    }

    func testALogOfNumberedTypedEventsWithAResultIsStillALog() throws {
        let log = """
            编号,工号,类型,结果,发送时间
            1,W1,派单,通过,2025-03-03 22:00
            2,W1,派单,通过,2025-03-04 23:00

            """
        let path = TestSupport.temporaryFile(log, name: "派单.csv")
        let inferred = try InferredPipeline.infer(path: path)
        XCTAssertTrue(inferred.yaml.contains("activity:"), inferred.yaml)
        let (result, _) = try TestSupport.audit([path], pipeline: try inferred.pipeline(file: "p.yaml"))
        XCTAssertEqual(result.inputs.map(\.isActivityLog), [true])
        XCTAssertEqual(result.workTime?.totals.offHoursSeconds, 2 * 60)
    }

    func testAChineseLogWrittenInUTCIsJudgedInBeijingTime() throws {
        let log = """
            工号,开始时间,结束时间
            W1,2025-03-03T13:00:00Z,2025-03-03T15:30:00Z

            """
        let path = TestSupport.temporaryFile(log, name: "utc.csv")
        let inferred = try InferredPipeline.infer(path: path)
        XCTAssertTrue(inferred.yaml.contains("time_zone: Asia/Shanghai"), inferred.yaml)
        let (result, _) = try TestSupport.audit([path], pipeline: try inferred.pipeline(file: "p.yaml"))
        XCTAssertEqual(result.workTime?.totals.offHoursSeconds, 150 * 60, "21:00–23:30 in Beijing")
    }

    func testDurationsArePlainMinutes() {
        func minutes(_ text: String) -> Int64? { Array(text.utf8).withUnsafeBytes { ActivityBuilder.minutes($0) } }
        XCTAssertEqual(minutes(" 45 "), 45)
        XCTAssertEqual(minutes("0.5"), 1, "a started minute is worked")
        for text in ["0x10", "-5", "inf", "nan", "1,5", "1:30", "", "2881"] { XCTAssertNil(minutes(text), text) }
    }

    func testSentAndReceivedReadFromTheWorkersAccount() {
        let directions = Vocabulary(ActivitySettings().directions, rule: .keywords)
        for (word, direction) in [("sent", ActivityDirection.action), ("Outgoing", .action), ("发送", .action), ("员工发送", .action),
                                  ("received", .contact), ("收到", .contact), ("上级发送", .contact), ("主管发送", .contact),
                                  ("回复", .reply), ("worker reply", .reply)] {
            XCTAssertEqual(directions.reading(word), .found(direction), word)
        }
    }

    func testTheActivitySectionsMistakesNameTheirPlace() {
        let cases: [(String, String)] = [
            ("activity:\n  schedule: {work_start: \"9am\"}", "activity.schedule.work_start must be a time of day HH:MM"),
            ("activity:\n  schedule: {work_start: \"18:00\", work_end: \"09:00\"}", "work_start must be before work_end"),
            ("activity:\n  schedule: {work_days: [mon, funday]}", "'funday' is not a day"),
            ("activity:\n  schedule: {hours: shift}", "activity.schedule.hours 'shift' is not known"),
            ("activity:\n  schedule: {session_gap_minutes: 100000}", "session_gap_minutes must be a whole number from 0 to 1440"),
            ("activity:\n  columns: {worker: [工号]}", "unknown key 'worker' in activity.columns"),
            ("activity:\n  values: {direction: {sideways: [横向]}}", "unknown key 'sideways' in activity.values.direction"),
            ("activity:\n  schedule: {holidays: [2025-13-01]}", "activity.schedule.holidays: write each date as YYYY-MM-DD"),
        ]
        for (section, message) in cases {
            XCTAssertThrowsError(try TestSupport.pipeline("admaudit: 1\n" + section), section) { error in
                let error = error as? AuditError
                XCTAssertTrue(error?.message.contains(message) == true, "\(section): \(error?.message ?? "")")
                XCTAssertNotNil(error?.line, section)
            }
        }
    }

    func testThePipelinesWordsComeBeforeTheBuiltIns() throws {
        let pipeline = try TestSupport.pipeline("""
            admaudit: 1
            activity:
              columns: {worker_id: [骑手]}
              values: {direction: {contact: [平台派单]}}
              schedule: {work_days: [mon, tue, wed, thu, fri, sat], holidays: [2025-03-12], workdays: [2025-03-16]}
            """)
        let activity = try XCTUnwrap(pipeline.activity)
        XCTAssertEqual(activity.columns[.workerID]?.first, "骑手")
        XCTAssertTrue(activity.columns[.workerID]!.contains("工号"), "the built-ins stay")
        XCTAssertEqual(activity.directions.first?.0, .contact)
        XCTAssertEqual(activity.directions.first?.1, ["平台派单"])
        XCTAssertEqual(activity.schedule.workDays, [1, 2, 3, 4, 5, 6])
        let calendar = activity.schedule.workingCalendar(jurisdictions: ["EU"])
        XCTAssertFalse(calendar.isWorkingDay(LocalCalendar.day(of: AsOfDate("2025-03-12")!)))
        XCTAssertTrue(calendar.isWorkingDay(LocalCalendar.day(of: AsOfDate("2025-03-16")!)))
        XCTAssertTrue(calendar.isWorkingDay(LocalCalendar.day(of: AsOfDate("2025-03-15")!)), "Saturday is a working day here")
        XCTAssertNil(calendar.coveredYears, "outside China: the plain week")
    }
}
