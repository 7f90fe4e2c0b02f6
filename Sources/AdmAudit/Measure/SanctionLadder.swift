/// The sanctions of a run, from the lightest to the harshest one that was imposed.
///
/// A decision type whose every decision is adverse (every row a warning, every row a
/// dismissal) gives every group the same selection rate, 0, and so no ratio: the
/// per-type strata cannot show that one group is dismissed where another is warned. The
/// ladder pools the adverse decisions of its rungs into one stratum of the harshest type,
/// in which a lighter sanction counts as the favourable outcome: its impact ratio compares
/// the groups' chances of getting off lighter once sanctioned, and its adverse-rate ratio
/// their chances of the harshest sanction.
///
/// Only sanctions that stand are counted: a sanction turned down or overturned (an
/// outcome read as favourable) was not imposed. Types off the ladder (`pay`, …) are
/// never pooled; `bias.sanction_ladder` puts them on it.
public struct SanctionLadder: Sendable, Equatable {
    /// The harshest rung with decisions: what the pooled stratum is counted under.
    public var harshest: DecisionType
    /// The lighter rungs with decisions, lightest first.
    public var lighter: [DecisionType]

    /// The default order, lightest first: a warning, a suspension, a demotion, a dismissal.
    public static let defaultOrder: [DecisionType] = [.discipline, .suspension, .demotion, .dismissal]

    var rungs: [DecisionType] { lighter + [harshest] }

    /// The ladder `counts` show on `order` (lightest first): the rungs with adverse
    /// decisions, or nil when fewer than two have any (nothing to compare).
    static func present(in counts: SelectionCounts, order: [DecisionType]) -> SanctionLadder? {
        let imposed = order.filter { counts.adverseDecisions($0) > 0 }
        guard imposed.count >= 2, let harshest = imposed.last else { return nil }
        return SanctionLadder(harshest: harshest, lighter: Array(imposed.dropLast()))
    }
}
