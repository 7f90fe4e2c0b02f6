/// The sanctions of a run on a ladder, from the lightest to the harshest one imposed, cut at
/// one rung.
///
/// A decision type whose every decision is adverse (every row a warning, every row a
/// dismissal) gives every group the same selection rate, 0, and so no ratio: the
/// per-type strata cannot show that one group is dismissed where another is warned. The
/// ladder pools the adverse decisions of its rungs into one stratum per cut, counted under
/// the rung cut at, in which a sanction below the cut counts as the favourable outcome: its
/// impact ratio compares the groups' chances of getting off lighter once sanctioned, and its
/// adverse-rate ratio their chances of a sanction at the cut or harsher.
///
/// Only sanctions that stand are counted: a sanction turned down or overturned (an
/// outcome read as favourable) was not imposed. Types off the ladder (`pay`, …) are
/// never pooled; `bias.sanction_ladder` puts them on it.
public struct SanctionLadder: Sendable, Equatable {
    /// The rung the sanctions are cut at: it and the harsher ones are the adverse side, and
    /// the pooled stratum is counted under it.
    public var harshest: DecisionType
    /// The lighter rungs with decisions, lightest first: the favourable side.
    public var lighter: [DecisionType]
    /// The rungs harsher than the cut with decisions, lightest first (none at the top cut).
    public var harsher: [DecisionType] = []

    /// The default order, lightest first: a warning, a suspension, a demotion, a dismissal.
    public static let defaultOrder: [DecisionType] = BiasSettings().sanctionLadder

    package var rungs: [DecisionType] { lighter + [harshest] + harsher }

    /// The cuts `counts` show on `order` (lightest first), the harshest first: at each rung
    /// with adverse decisions above the lightest such rung, that rung and those above it
    /// against those below. One cut per rung, so that a disparity between two lighter
    /// sanctions does not vanish when one harsher sanction joins the run. Empty with fewer
    /// than two rungs imposed (nothing to compare).
    static func cuts(in counts: SelectionCounts, order: [DecisionType]) -> [SanctionLadder] {
        let imposed = order.filter { counts.adverseDecisions($0) > 0 }
        guard imposed.count >= 2 else { return [] }
        return (1..<imposed.count).reversed().map { index in
            SanctionLadder(harshest: imposed[index], lighter: Array(imposed[..<index]), harsher: Array(imposed[(index + 1)...]))
        }
    }
}
