import Foundation

/// The one-screen summary `run` and `merge` print on stderr at the end: the alarm when
/// rejected rows could hide violations, reconciliation per input, each check's count, the
/// checks that did not judge and why, the groups below the four-fifths threshold, the
/// warnings. It decides what is shown, as blocks of the report model; `TerminalText` writes
/// them, escaping what came from the export. A suppressed group's ratio is not shown, as in
/// the reports.
public enum TerminalSummary {
    /// At most this many flagged groups are listed; the rest are counted.
    static let flaggedLimit = 8

    public static func text(_ result: AuditResult) -> String {
        let context = ReportContext(result)
        return TerminalText.render(blocks(context), t: context.t)
    }

    static func blocks(_ context: ReportContext) -> [ReportBlock] {
        let (result, t) = (context.result, context.t)
        var blocks: [ReportBlock] = []
        if let alarm = SummarySection.alarm(context) { blocks.append(alarm) }
        blocks += result.inputs.map { .paragraph(reconciliation($0, t)) }
        if let work = result.workTime { blocks.append(.paragraph([.words(workTime(work, t))])) }
        if result.decisionInputs.isEmpty {
            blocks.append(.paragraph([.words(t.language.text("No decision export was read: the decision checks judged nothing.",
                                                             "未读取决策导出文件：各项决策检查均未作出判断。"))]))
        }
        blocks += result.checks.map { checkLine($0, t) }
        blocks.append(.list(ReportList(items: SummarySection.notJudged(context))))
        let flagged = result.groupsBelowThreshold
        let threshold = result.pipeline.bias.impactThreshold
        blocks += flagged.prefix(flaggedLimit).map { stratum, group in
            let ratio: ReportSpan = group.suppressed ? .suppressed : (group.impactRatio.value.map { .words(ReportNumber.short($0)) } ?? .undefined(nil))
            return .paragraph([.words(t.language.text("impact ratio below \(threshold): ", "影响比低于 \(threshold)：")), .text(t.compared(stratum)), .words(" / "),
                               context.attributeName(stratum.attribute), .words(" = "), .input(group.group), .words(t.language.text(": ", "：")), ratio,
                               .words(t.language.text(" (", "（")), .words(t.flag(group.flag)), .words(t.language.text(")", "）"))])
        }
        if flagged.count > flaggedLimit {
            blocks.append(.paragraph([.words(t.language.text("… and \(flagged.count - flaggedLimit) more groups in the report",
                                                    "……报告中另有 \(flagged.count - flaggedLimit) 个群体"))]))
        }
        blocks += warnings(result.diagnostics, t)
        return blocks
    }

    /// `HR-01 error: 3 of 40 applicable (7.5%); 1 not recorded`.
    private static func checkLine(_ tally: CheckTally, _ t: ReportText) -> ReportBlock {
        let rate: String
        switch tally.rate {
        case .value(let value): rate = ReportNumber.rate(value)
        case .undefined(.noDecisionJudged): rate = t.reason(.noDecisionJudged)
        case .undefined: rate = t.language.text("n/a", "无")
        }
        let severity = t.severity(tally.descriptor.severity)
        return .paragraph([.words(t.language.text(
            "\(tally.descriptor.id) \(severity): \(tally.violations) of \(tally.applicable) applicable (\(rate)); \(tally.notRecorded) not recorded",
            "\(tally.descriptor.id) \(severity)：适用 \(tally.applicable)，违规 \(tally.violations)（\(rate)），其中未记录 \(tally.notRecorded)"))])
    }

    /// The activity logs' headline: workers, hours, off-hours, contacts, weeks without rest.
    private static func workTime(_ work: WorkTimeResult, _ t: ReportText) -> String {
        let totals = work.totals
        let hours = { (seconds: Int64) in String(format: "%.1f", Double(seconds) / 3600) }
        let s = { (count: Int) in count == 1 ? "" : "s" }
        return t.language.text(
            "working time: \(totals.workers) worker\(s(totals.workers)), \(work.events) event\(s(work.events)), \(hours(totals.activeSeconds)) h active, \(hours(totals.offHoursSeconds)) h outside scheduled time; "
                + "\(totals.offHoursContacts) off-hours contact\(s(totals.offHoursContacts)) (\(totals.offHoursContactsExpectingReply) expecting a reply, \(totals.answeredOffHours) answered off-hours); "
                + "\(totals.weeksWithoutRestDay) worker-week\(s(totals.weeksWithoutRestDay)) without a day free of activity (worktime.csv)",
            "工作时间：劳动者 \(totals.workers) 人，事件 \(work.events) 条，在线 \(hours(totals.activeSeconds)) 小时，其中排定工作时间以外 \(hours(totals.offHoursSeconds)) 小时；"
                + "工作时间以外的联系 \(totals.offHoursContacts) 次（要求回复 \(totals.offHoursContactsExpectingReply) 次，在工作时间以外回复 \(totals.answeredOffHours) 次）；"
                + "没有一天无活动的劳动者·周 \(totals.weeksWithoutRestDay) 个（见 worktime.csv）")
    }

    /// `file: 42 lines = …; 40 rows read = 39 accepted + 1 rejected, reconciled [utf-8]`.
    private static func reconciliation(_ input: InputSummary, _ t: ReportText) -> ReportInline {
        let verdict = input.reconciles
            ? t.language.text("reconciled", "核对一致")
            : t.language.text("DOES NOT RECONCILE (a bug: please report it)", "核对不一致（程序错误，请报告）")
        return [.input(input.file), .words(t.language.text(
            ": \(t.lineAccount(input)); \(input.rowsRead) rows read = \(input.accepted) accepted + \(input.rejected) rejected, \(verdict) [\(input.encoding.rawValue)]",
            "：\(t.lineAccount(input))；读取 \(input.rowsRead) 行 = 接受 \(input.accepted) + 拒收 \(input.rejected)，\(verdict) [\(input.encoding.rawValue)]"))]
    }

    /// Each warning on a line of its own, its file first; notes are for the reports.
    static func warnings(_ diagnostics: [Diagnostic], _ t: ReportText) -> [ReportBlock] {
        diagnostics.filter { $0.level == .warning }.map { diagnostic in
            .paragraph([.words(t.warningPrefix)] + (diagnostic.file.map { [.input($0), .words(": ")] } ?? []) + [.text(t.message(diagnostic))])
        }
    }
}
