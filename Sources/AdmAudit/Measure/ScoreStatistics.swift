/// Scores by group within one decision type (NYC LL144 "scoring rate" tables).
public struct ScoreStratum: Sendable, Equatable {
    public var decisionType: DecisionType
    public var attribute: String
    public var scored: Int
    /// Median of every score of the decision type: the LL144 scoring-rate cut.
    public var median: Double
    public var unknown: Int
    public var groups: [GroupScores]
}

public struct GroupScores: Sendable, Equatable {
    public var group: String
    public var n: Int
    public var mean: Double
    public var q1: Double
    public var median: Double
    public var q3: Double
    /// Share of the group's scores above the decision type's median.
    public var scoringRate: Double
    /// Against the group with the highest scoring rate (at least `min_group_size` scores).
    public var scoringImpactRatio: Ratio
    /// Mann–Whitney U two-sided p (normal approximation, tie and continuity corrected)
    /// of the group against the other groups of the stratum.
    public var mannWhitneyP: Double?
    public var suppressed: Bool
}
