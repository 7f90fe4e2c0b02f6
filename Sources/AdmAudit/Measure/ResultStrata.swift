/// One check's compliance by group, in the selection tables' form (the compliance rate as
/// the selection rate, the violation-rate ratio as the adverse-rate ratio).
public struct CheckFairness: Sendable, Equatable {
    public var checkID: String
    public var strata: [SelectionStratum]

    package init(checkID: String, strata: [SelectionStratum]) {
        self.checkID = checkID
        self.strata = strata
    }
}

/// The selection strata within one level of a `bias.by` column (one site, say): rates and
/// ratios, as for a month; the tests and flags are the run's, across the levels.
public struct LevelSelection: Sendable, Equatable {
    /// The `bias.by` column, e.g. `site`.
    public var column: String
    /// The level, e.g. `Shenzhen`.
    public var level: String
    /// Every attribute and intersection but the column itself.
    public var strata: [SelectionStratum]
}

/// One month's selection strata (rates and ratios; tests and flags are the run's).
public struct MonthlySelection: Sendable, Equatable {
    /// `YYYY-MM`.
    public var month: String
    public var strata: [SelectionStratum]

    package init(month: String, strata: [SelectionStratum]) {
        self.month = month
        self.strata = strata
    }
}
