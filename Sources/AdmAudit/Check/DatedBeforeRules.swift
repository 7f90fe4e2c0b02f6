/// The decisions the record checks did not judge because they are dated before the rules
/// they would break were in force where they were made: how many, which checks they would
/// have broken, the first (file and line) and the range of their days.
///
/// Such a decision is rightly outside those checks: a rule does not reach back. But its date
/// is the employer's to write, and a summary that counts only the decisions judged looks
/// clean when the unreviewed dismissals of 2025 were written as 2017, or as `43000` (an
/// Excel day number, 2017-09-22) among ISO dates: a hostile review hid 40 of 40 that way.
/// The run says how many there are and where the first is, so that a reader can check
/// those dates; it counts none of them against the checks.
///
/// Only rules the input's latest decision falls under count: an export that ends before a
/// rule began (a 2025 export and the Platform Work Directive of December 2026) is simply
/// older than that rule, and says nothing odd. As the latest decision is known only at the
/// end, decisions are kept apart by the first day any rule they escaped began (a day of the
/// catalogue's, so a handful of tallies), and each check by the first such day of its own.
struct DatedBeforeRules: Sendable {
    /// Decisions with the same first rule day: how many, the first read, their days.
    private struct Tally: Sendable {
        var count: Int
        /// The first decision: its place among all noted here (reading order), file and line.
        var first: (order: Int, file: String, line: Int)
        var earliestDay: Int64
        var latestDay: Int64
    }

    private var tallies: [(ruleStart: Int64, tally: Tally)] = []
    /// Per record check (its position in the runner), the first day a rule it was escaped
    /// under began; `.max` when none was. Made whole at the start: the runner's loop over the
    /// checks makes it unique once per record, and an empty array, shared, was copied each time.
    private var checkRuleStarts: [Int64]
    /// Decisions noted, to order the first of each tally.
    private var noted = 0

    /// For a runner of `checks` record checks.
    init(checks: Int) {
        checkRuleStarts = Array(repeating: .max, count: max(checks, 1))
    }

    /// The check at `position` (below the runner's count) was escaped by a decision's date,
    /// under rules that began on `ruleStart` at the earliest (the decision itself is noted
    /// once, by `note`).
    mutating func escaped(check position: Int, ruleStart: Int64) {
        checkRuleStarts[position] = min(checkRuleStarts[position], ruleStart)
    }

    /// A decision of local `day` that escaped checks by its date (each told to `escaped`), the
    /// first of whose rules began on `ruleStart`.
    mutating func note(day: Int64, ruleStart: Int64, file: String, line: Int) {
        if let index = tallies.firstIndex(where: { $0.ruleStart == ruleStart }) {
            tallies[index].tally.count += 1
            tallies[index].tally.earliestDay = min(tallies[index].tally.earliestDay, day)
            tallies[index].tally.latestDay = max(tallies[index].tally.latestDay, day)
        } else {
            tallies.append((ruleStart, Tally(count: 1, first: (noted, file, line), earliestDay: day, latestDay: day)))
        }
        noted += 1
    }

    /// Adds a later part of the same input: its decisions come after this one's.
    mutating func add(_ later: DatedBeforeRules) {
        for (position, ruleStart) in later.checkRuleStarts.enumerated() where position < checkRuleStarts.count {
            escaped(check: position, ruleStart: ruleStart)
        }
        for (ruleStart, tally) in later.tallies {
            var moved = tally
            moved.first.order += noted
            if let index = tallies.firstIndex(where: { $0.ruleStart == ruleStart }) {
                tallies[index].tally.count += moved.count
                tallies[index].tally.earliestDay = min(tallies[index].tally.earliestDay, moved.earliestDay)
                tallies[index].tally.latestDay = max(tallies[index].tally.latestDay, moved.latestDay)
            } else {
                tallies.append((ruleStart, moved))
            }
        }
        noted += later.noted
    }

    /// The warning, naming the checks by their ids (`checkIDs`, in the runner's order): the
    /// decisions that escaped a rule the input's latest decision (`latestDecisionDay`) falls
    /// under, and those checks. nil when there are none.
    func warning(checks checkIDs: [String], latestDecisionDay: Int64) -> Diagnostic? {
        let counted = tallies.filter { $0.ruleStart <= latestDecisionDay }.map(\.tally)
        guard let first = counted.min(by: { $0.first.order < $1.first.order })?.first else { return nil }
        let named = checkIDs.indices.filter { $0 < checkRuleStarts.count && checkRuleStarts[$0] <= latestDecisionDay }
            .map { checkIDs[$0] }.sorted { CheckRegistry.precedes($0, $1) }
        return Diagnostic(level: .warning, file: first.file, code: .decisionsBeforeRules, values: [
            "rows": .count(counted.reduce(0) { $0 + $1.count }), "line": .count(first.line), "checks": .list(named),
            "first_day": .text(LocalCalendar.date(ofDay: counted.map(\.earliestDay).min()!).description),
            "last_day": .text(LocalCalendar.date(ofDay: counted.map(\.latestDay).max()!).description),
        ])
    }
}

extension CheckVerdict {
    /// A violation of any kind (whatever it cites, recorded or not).
    var isViolation: Bool {
        switch self {
        case .violation, .violationCiting, .violationOnlyCiting, .violationNotRecorded: true
        case .notApplicable, .compliant, .unknown: false
        }
    }
}
