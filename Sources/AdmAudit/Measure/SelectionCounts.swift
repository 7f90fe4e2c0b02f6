/// The measure stage's running state: per decision type, attribute and group, how many
/// decisions and how many favourable, counted as records stream past. Group codes are
/// the run's own (`AttributeGroups`); `MeasureState` merges counts of separate runs by
/// group label (`merge(_:remap:)`).
public struct SelectionCounts: Sendable, Codable {
    /// The largest count a state file may hold (a trillion): sums of many shards stay far
    /// from overflow, and a state claiming more is damaged.
    public static let countLimit = 1 << 40

    public struct Cell: Sendable, Equatable, Codable {
        public var n = 0
        public var favorable = 0

        /// favorable / n (only for cells with decisions).
        var rate: Double { Double(favorable) / Double(n) }

        mutating func add(_ other: Cell) {
            n += other.n
            favorable += other.favorable
        }
    }

    package let attributeCount: Int
    /// Per decision type and attribute (`type.ordinal * attributeCount + attribute`), the
    /// cells by group code + 1; index 0 holds the unknowns. Arrays, not a dictionary:
    /// this is done for every record and attribute.
    private var cells: [[Cell]]
    /// Decisions per type (all records, whatever their attributes), by `type.ordinal`.
    private var totals: [Cell]

    public init(attributeCount: Int) {
        self.attributeCount = attributeCount
        cells = Array(repeating: [], count: DecisionType.allCases.count * attributeCount)
        totals = Array(repeating: Cell(), count: DecisionType.allCases.count)
    }

    /// Counts a record under `groups`: its attribute codes, then its intersection codes.
    mutating func add(_ record: DecisionRecord, groups: [Int32]) {
        count(record.decisionType, favorable: record.outcome == .favorable, groups: groups)
    }

    /// Counts a record under its own attribute codes with `outcome` standing for its
    /// outcome: process fairness counts a compliant decision as favourable.
    package mutating func add(_ record: DecisionRecord, outcome: Outcome) {
        count(record.decisionType, favorable: outcome == .favorable, groups: record.groups)
    }

    /// Counts one unit that is no decision (a worker of the activity logs), favourable or not,
    /// under `groups`, filed under `type`: the same rates, intervals, ratios and flags.
    package mutating func add(unitOf type: DecisionType, favorable: Bool, groups: [Int32]) {
        count(type, favorable: favorable, groups: groups)
    }

    private mutating func count<Groups: Collection<Int32>>(_ decisionType: DecisionType, favorable: Bool, groups: Groups) {
        let one = Cell(n: 1, favorable: favorable ? 1 : 0)
        let type = decisionType.ordinal
        totals[type].add(one)
        let first = type * attributeCount
        // The buffer is not bounds-checked in a release build: more groups than attributes
        // must stop here, not write into the next type's counts.
        precondition(groups.count <= attributeCount, "a record counted under more groups than attributes")
        // Through the outer array's buffer: `cells[stratum][index]` checked both arrays'
        // uniqueness and bounds for every record and attribute, twice as costly as the counting.
        cells.withUnsafeMutableBufferPointer { cells in
            var stratum = first
            for group in groups {
                let index = Int(group) + 1
                if index >= cells[stratum].count {
                    cells[stratum].append(contentsOf: repeatElement(Cell(), count: index + 1 - cells[stratum].count))
                }
                cells[stratum].withUnsafeMutableBufferPointer { $0[index].add(one) }
                stratum += 1
            }
        }
    }

    /// Adds another run's counts, its group codes translated by `remap[attribute][code]`
    /// (group codes are each run's own; `MeasureState` builds the translation by label).
    package mutating func merge(_ other: SelectionCounts, remap: [[Int32]]) {
        precondition(other.attributeCount == attributeCount, "merging counts of different attributes")
        for type in totals.indices { totals[type].add(other.totals[type]) }
        for stratum in other.cells.indices {
            let attribute = stratum % attributeCount
            for (index, cell) in other.cells[stratum].enumerated() where cell.n > 0 {
                let target = index == 0 ? 0 : Int(remap[attribute][index - 1]) + 1
                if target >= cells[stratum].count {
                    cells[stratum].append(contentsOf: repeatElement(Cell(), count: target + 1 - cells[stratum].count))
                }
                cells[stratum][target].add(cell)
            }
        }
    }

    /// True when these counts fit attributes with `labelCounts` labels each: what a state
    /// file read back must satisfy before it is used (it may have been edited or damaged).
    func fits(attributeCount expected: Int, labelCounts: [Int]) -> Bool {
        guard attributeCount == expected, labelCounts.count == expected,
              totals.count == DecisionType.allCases.count,
              cells.count == DecisionType.allCases.count * attributeCount else { return false }
        let sane = { (cell: Cell) in
            cell.n >= 0 && cell.n <= SelectionCounts.countLimit && cell.favorable >= 0 && cell.favorable <= cell.n
        }
        guard totals.allSatisfy(sane) else { return false }
        for (stratum, row) in cells.enumerated() {
            guard row.count <= labelCounts[stratum % attributeCount] + 1, row.allSatisfy(sane) else { return false }
        }
        return true
    }

    /// The first decision type and attribute whose cells (groups and unknowns) do not add
    /// up to the decisions of the type, or nil: every record is counted once under each
    /// attribute, so a state file that breaks this was edited.
    func unbalanced() -> (type: DecisionType, attribute: Int, counted: Int)? {
        for type in DecisionType.allCases {
            for attribute in 0..<attributeCount {
                let counted = cells[type.ordinal * attributeCount + attribute].reduce(0) { $0 + $1.n }
                if counted != totals[type.ordinal].n { return (type, attribute, counted) }
            }
        }
        return nil
    }

    /// Decisions of a type.
    package func decisions(_ type: DecisionType) -> Int { totals[type.ordinal].n }

    /// Decisions of a type whose outcome was adverse.
    func adverseDecisions(_ type: DecisionType) -> Int { totals[type.ordinal].n - totals[type.ordinal].favorable }

    /// Counts in which `ladder.harshest` (the rung cut at) stands for every adverse decision
    /// on the ladder's rungs, favourable when the sanction was below the cut; nothing else is
    /// counted. The pooled stratum is then judged like any other (`SanctionLadder`).
    func onLadder(_ ladder: SanctionLadder) -> SelectionCounts {
        var pooled = SelectionCounts(attributeCount: attributeCount)
        let target = ladder.harshest.ordinal
        for rung in ladder.rungs {
            let isLighter = ladder.lighter.contains(rung)
            func imposed(_ cell: Cell) -> Cell {
                let adverse = cell.n - cell.favorable
                return Cell(n: adverse, favorable: isLighter ? adverse : 0)
            }
            pooled.totals[target].add(imposed(totals[rung.ordinal]))
            for attribute in 0..<attributeCount {
                let row = cells[rung.ordinal * attributeCount + attribute]
                let stratum = target * attributeCount + attribute
                if pooled.cells[stratum].count < row.count {
                    pooled.cells[stratum].append(contentsOf: repeatElement(Cell(), count: row.count - pooled.cells[stratum].count))
                }
                for (index, cell) in row.enumerated() { pooled.cells[stratum][index].add(imposed(cell)) }
            }
        }
        return pooled
    }

    /// Decisions per type that has any.
    var decisionsByType: [DecisionType: Int] {
        var result: [DecisionType: Int] = [:]
        for type in DecisionType.allCases where totals[type.ordinal].n > 0 { result[type] = totals[type.ordinal].n }
        return result
    }

    package func cell(_ type: DecisionType, _ attribute: Int, group: Int32) -> Cell? {
        let row = cells[type.ordinal * attributeCount + attribute]
        let index = Int(group) + 1
        return index < row.count && row[index].n > 0 ? row[index] : nil
    }
}

/// The three states of a ratio (Aequitas): a number, or undefined with the reason.
public enum Ratio: Sendable, Equatable {
    case value(Double)
    case undefined(UndefinedReason)

    public var value: Double? {
        if case .value(let v) = self { return v }
        return nil
    }
}

/// A group's verdict: the four-fifths rule and significance together.
public enum ImpactFlag: String, Sendable, Codable {
    /// The impact ratio is below the threshold, significant or not: worth a reader's eye.
    public var isBelowThreshold: Bool { self == .adverseImpact || self == .possibleAdverseImpact }

    /// Impact ratio below the threshold and the adjusted p below alpha.
    case adverseImpact = "adverse_impact"
    /// Impact ratio below the threshold, not significant.
    case possibleAdverseImpact = "possible_adverse_impact"
    /// Adjusted p below alpha, impact ratio at or above the threshold.
    case significantDisparity = "significant_disparity"
    case insufficientData = "insufficient_data"
    case none
    /// The ratio is undefined, so no verdict can be given.
    case undefined
}

public struct GroupSelection: Sendable, Equatable {
    public var group: String
    public var n: Int
    public var favorable: Int
    public var selectionRate: Double
    public var impactRatio: Ratio
    public var isReference: Bool
    /// Fewer members than `report.suppress_below`: counts and rates are not shown.
    public var suppressed: Bool
    public var flag: ImpactFlag
    /// 95% Wilson interval of the selection rate.
    public var selectionInterval: Interval?
    /// 95% interval of the impact ratio (log method); nil when either rate is 0.
    public var impactRatioInterval: Interval?
    /// Adverse-rate ratio (1 − SR) / (1 − SR_ref): the four-fifths rule on selection
    /// rates hides a doubled dismissal rate.
    public var adverseRateRatio: Ratio
    /// Against the reference group (nil for the reference itself, or with no reference).
    public var fisherP: Double?
    public var z: Double?
    /// Fisher p adjusted over every test of the run (`bias.correction`); nil when the
    /// group is not tested (the reference, or too small to judge).
    public var adjustedP: Double?
    /// Cochran–Mantel–Haenszel tests of this group against the reference across the
    /// levels of each `bias.by` column (site, month, …): is the disparity there within
    /// every level, or an artefact of mixing them?
    public var acrossStrata: [StratifiedComparison] = []
    /// The impact ratio's lowest and highest value had the unknowns all been of one group.
    public var impactRatioBounds: Interval? = nil
    /// Those bounds fall on both sides of the threshold: the verdict could flip.
    public var belowThresholdCouldFlip: Bool = false
}

/// A group against the reference, across the levels of one column (CMH, no continuity
/// correction), with the Mantel–Haenszel common odds ratio of being favoured.
public struct StratifiedComparison: Sendable, Equatable {
    public var by: String
    public var levels: Int
    public var statistic: Double
    public var p: Double
    public var commonOddsRatio: Double?
}

/// A confidence interval.
public struct Interval: Sendable, Equatable {
    public var lower: Double
    public var upper: Double

    package init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }
}

/// Selection rates for one attribute within one decision type.
public struct SelectionStratum: Sendable, Equatable {
    /// The type decided; for a sanction ladder's pooled stratum, its harshest rung.
    public var decisionType: DecisionType
    /// Set on the stratum that pools a run's sanctions: there a group's favourable decisions
    /// are its lighter sanctions, and its rate the share of its sanctions that were lighter.
    public var ladder: SanctionLadder? = nil
    public var attribute: String
    public var decisions: Int
    /// Decisions whose attribute is unknown or missing: counted, not in any ratio.
    public var unknown: Int
    public var referenceGroup: String?
    public var groups: [GroupSelection]
}

extension SelectionCounts {
    /// Turns counts into rates, ratios and flags. Groups are ordered by label so the
    /// output does not depend on the order rows arrived in.
    ///
    /// The reference is the named group (`bias.reference`) or the highest-rate group
    /// among those with at least `minGroupSize` members: a 1-of-1 group must not set
    /// the bar for everyone. With no eligible reference, or a reference rate of 0,
    /// every ratio is undefined with the reason.
    /// `attributes` are the pipeline's attributes followed by its intersections, in the
    /// order the records were counted with; `bias.attributes` selects among the first.
    public func strata(attributes: [AttributeGroups], intersections: Int = 0, bias: BiasSettings, suppressBelow: Int) -> [SelectionStratum] {
        var result: [SelectionStratum] = []
        let plain = attributes.count - intersections
        for type in DecisionType.allCases.sorted() where totals[type.ordinal].n > 0 {
            for (index, groups) in attributes.enumerated()
            where index >= plain || bias.attributes.isEmpty || bias.attributes.contains(groups.name) {
                var unknown = 0
                var members: [(label: String, cell: Cell)] = []
                for (code, label) in groups.labels.enumerated() {
                    if let cell = cell(type, index, group: Int32(code)) {
                        members.append((label, cell))
                    }
                }
                let unknownCell = cell(type, index, group: AttributeGroups.unknown)
                if let unknownCell { unknown = unknownCell.n }
                members.sort { $0.label.precedesByBytes($1.label) }

                let (reference, missingReason) = Self.reference(among: members, attribute: groups.name, bias: bias,
                                                                suppressBelow: suppressBelow)
                var undefinedReason = missingReason
                if let reference, reference.cell.favorable == 0 { undefinedReason = .referenceRateZero }
                let noReference = UndefinedReason.noReference
                let referenceAdverseRateZero = UndefinedReason.referenceAdverseRateZero
                let known = members.reduce(0) { $0 + $1.cell.n }

                let bounds = UnknownBounds.all(among: members, unknown: unknownCell, attribute: groups.name, bias: bias,
                                               suppressBelow: suppressBelow)
                let rows = members.indices.map { index -> GroupSelection in
                    let member = members[index]
                    let selection = member.cell.rate
                    let ratio: Ratio
                    if let undefinedReason {
                        ratio = .undefined(undefinedReason)
                    } else {
                        ratio = .value(selection / reference!.cell.rate)
                    }
                    let small = member.cell.n < bias.minGroupSize
                        || Double(member.cell.n) < bias.exclusionShare * Double(known)
                    let isReference = reference.map { member.label.hasSameBytes(as: $0.label) } ?? false
                    var group = GroupSelection(
                        group: member.label, n: member.cell.n, favorable: member.cell.favorable,
                        selectionRate: selection, impactRatio: ratio,
                        isReference: isReference,
                        suppressed: member.cell.n < suppressBelow, flag: small ? .insufficientData : .none,
                        selectionInterval: Statistics.wilsonInterval(successes: member.cell.favorable, n: member.cell.n)
                            .map { Interval(lower: $0.lower, upper: $0.upper) },
                        impactRatioInterval: nil, adverseRateRatio: .undefined(noReference),
                        fisherP: nil, z: nil, adjustedP: nil
                    )
                    if let reference {
                        let (x, n, xr, nr) = (member.cell.favorable, member.cell.n, reference.cell.favorable, reference.cell.n)
                        group.impactRatioInterval = Statistics.ratioInterval(successes1: x, n1: n, successes2: xr, n2: nr)
                            .map { Interval(lower: $0.lower, upper: $0.upper) }
                        group.adverseRateRatio = xr == nr
                            ? .undefined(referenceAdverseRateZero)
                            : .value((1 - selection) / (1 - reference.cell.rate))
                        if !isReference {
                            group.fisherP = Statistics.fisherExactTwoSided(a: x, b: n - x, c: xr, d: nr - xr)
                            group.z = Statistics.twoProportionZ(successes1: x, n1: n, successes2: xr, n2: nr)
                        }
                    }
                    if let bounds = bounds[index] {
                        group.impactRatioBounds = bounds.interval
                        if group.flag != .insufficientData { group.belowThresholdCouldFlip = bounds.couldFlip }
                    }
                    return group
                }
                result.append(SelectionStratum(
                    decisionType: type, attribute: groups.name, decisions: totals[type.ordinal].n,
                    unknown: unknown, referenceGroup: reference?.label, groups: rows
                ))
            }
        }
        return result
    }

    /// The reference group: the named one, or the highest-rate group with at least
    /// `min_group_size` decisions and the exclusion share of the stratum (ties to the
    /// larger group, then the label, for determinism). Without one, the reason.
    ///
    /// A group too small to be shown (`suppressBelow`) is never the reference either: every
    /// ratio to it would give its hidden rate away.
    static func reference(among members: [(label: String, cell: Cell)], attribute: String,
                          bias: BiasSettings, suppressBelow: Int = 0) -> ((label: String, cell: Cell)?, UndefinedReason?) {
        switch bias.reference {
        case .groups(let named) where named[attribute] != nil:
            let wanted = TextKey.make(named[attribute]!)
            let found = members.first { TextKey.make($0.label) == wanted }
            guard let found else { return (nil, .namedReferenceAbsent(named[attribute]!)) }
            guard found.cell.n >= suppressBelow else { return (nil, .namedReferenceSuppressed(named[attribute]!, suppressBelow: suppressBelow)) }
            return (found, nil)
        default:
            // Eligible: large enough to judge (the same test as the insufficient_data flag),
            // so a category under the exclusion share never sets the bar for the others;
            // and large enough to be shown.
            let known = members.reduce(0) { $0 + $1.cell.n }
            let minimum = max(bias.minGroupSize, suppressBelow)
            let found = members.filter { $0.cell.n >= minimum && Double($0.cell.n) >= bias.exclusionShare * Double(known) }.max { a, b in
                let (ra, rb) = (a.cell.rate, b.cell.rate)
                if ra != rb { return ra < rb }
                if a.cell.n != b.cell.n { return a.cell.n < b.cell.n }
                return b.label.precedesByBytes(a.label)
            }
            return (found, found == nil
                ? .noEligibleReference(minimum: minimum, share: bias.exclusionShare, bySuppression: suppressBelow > bias.minGroupSize) : nil)
        }
    }

    /// Adjusts the p-values over every test of the strata given (one family: all the
    /// selection strata of a run, or all its compliance strata) and gives each group its flag.
    /// Tested: every group with a p-value that is not too small to judge (its flag is
    /// already `insufficient_data`); the reference is not tested against itself.
    public static func judge(_ strata: [SelectionStratum], bias: BiasSettings) -> [SelectionStratum] {
        var strata = strata
        var tested: [(stratum: Int, group: Int)] = []
        for (s, stratum) in strata.enumerated() {
            for (g, group) in stratum.groups.enumerated() where group.fisherP != nil && group.flag != .insufficientData {
                tested.append((s, g))
            }
        }
        let raw = tested.map { strata[$0.stratum].groups[$0.group].fisherP! }
        let adjusted: [Double]
        switch bias.correction {
        case .holm: adjusted = Statistics.holmAdjusted(raw)
        case .benjaminiHochberg: adjusted = Statistics.benjaminiHochbergAdjusted(raw)
        case .none: adjusted = raw
        }
        for (index, place) in tested.enumerated() { strata[place.stratum].groups[place.group].adjustedP = adjusted[index] }
        let threshold = bias.exactImpactThreshold
        for s in strata.indices {
            for g in strata[s].groups.indices where strata[s].groups[g].flag != .insufficientData {
                let group = strata[s].groups[g]
                guard group.impactRatio.value != nil, let below = strata[s].isBelow(threshold, group) else {
                    strata[s].groups[g].flag = .undefined
                    continue
                }
                let significant = (group.adjustedP ?? 1) < bias.alpha
                strata[s].groups[g].flag = below ? (significant ? .adverseImpact : .possibleAdverseImpact)
                    : (significant ? .significantDisparity : .none)
            }
        }
        return strata
    }
}
