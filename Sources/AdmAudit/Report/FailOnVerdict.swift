/// What `--fail-on` judges a finished run by: the findings, and the rejected rows.
///
/// A rejected row that may be a decision is one no check could judge, so it counts as a
/// finding of the most serious check that could have failed on it: the highest severity
/// among the record checks that ran (with HR-01 on, an error). An export cannot pass
/// `--fail-on error` by damaging the rows that break the rules. Rows whose reject reason
/// says they hold no decision (a repeated header, a totals or footer row) do not count;
/// nor do rejected rows when no record check ran (nothing could have failed on them).
public struct FailOnVerdict: Sendable, Equatable {
    /// The most severe level among the findings.
    public let worstFinding: Severity?
    /// Rejected rows that may be decisions, over every input.
    public let rejectedDecisions: Int
    /// The severity they count at: nil when there are none, or no record check ran.
    public let rejectedSeverity: Severity?

    public init(_ result: AuditResult) {
        worstFinding = result.worstSeverity
        rejectedDecisions = result.inputs.reduce(0) { $0 + $1.rejectedDecisions }
        let recordChecks = Set(result.recordCheckIDs)
        let severest = result.checks.filter { recordChecks.contains($0.descriptor.id) }.map(\.descriptor.severity).max()
        rejectedSeverity = rejectedDecisions > 0 ? severest : nil
    }

    /// The run fails `--fail-on threshold`.
    public func fails(at threshold: Severity) -> Bool {
        findingsFail(at: threshold) || rejectsFail(at: threshold)
    }

    /// The rejected rows alone make the run fail, the findings would not: the terminal says why.
    public func failsOnlyForRejects(at threshold: Severity) -> Bool {
        rejectsFail(at: threshold) && !findingsFail(at: threshold)
    }

    /// Why the run fails, when the rejected rows make it (one line for the terminal).
    public func rejectsReason(at threshold: Severity, language: ReportLanguage) -> String? {
        guard rejectsFail(at: threshold), let severity = rejectedSeverity else { return nil }
        return language.text(
            "exit 1 (--fail-on \(threshold.rawValue)): \(rejectedDecisions) rejected row(s) that may be decisions count as \(severity.rawValue) findings, since no check could judge them (see rejects.csv)",
            "退出码 1（--fail-on \(threshold.rawValue)）：\(rejectedDecisions) 个被拒收且可能是决策的行按 \(severity.rawValue) 级发现计，因为没有检查能评判它们（见 rejects.csv）")
    }

    private func findingsFail(at threshold: Severity) -> Bool { worstFinding.map { $0 >= threshold } ?? false }
    private func rejectsFail(at threshold: Severity) -> Bool { rejectedSeverity.map { $0 >= threshold } ?? false }
}
