/// The impact ratio's bounds had the decisions with an unknown attribute all belonged to
/// one group (each group in turn takes them all), for every group of a stratum at once.
///
/// Published bias audits have hidden four-fifths failures behind missing data. For each
/// group `g` the answer is the lowest and highest ratio of `g` over every receiver `r`, and
/// whether some receiver puts `g` below the threshold while another does not (compared
/// exactly, as the flag is). Trying every receiver for every group, each time choosing the
/// reference afresh, costs G³ in the number of groups; this gives the same numbers in
/// O(G log G):
/// - The reference when `r` receives the unknowns is the best eligible group other than `r`
///   (the best or second best of the unchanged groups) or `r` itself enlarged, so every
///   receiver's reference is found from the top two.
/// - For `g`, the ratio falls as the reference's rate rises, and "below the threshold"
///   holds from some reference rate up; so only the receivers giving the highest and the
///   lowest reference rate (again the top two and bottom two, so that `g` itself can be
///   left out) and `g` receiving the unknowns itself matter.
///
/// Does not choose the stratum's own reference or flag anything: `SelectionCounts.strata` does.
enum UnknownBounds {
    typealias Member = (label: String, cell: SelectionCounts.Cell)

    /// Per member (same order): the interval and whether the verdict could flip, or nil when
    /// nothing is unknown or no receiver gives a defined ratio.
    static func all(among members: [Member], unknown: SelectionCounts.Cell?, attribute: String,
                    bias: BiasSettings, suppressBelow: Int = 0) -> [(interval: Interval, couldFlip: Bool)?] {
        guard let unknown, unknown.n > 0, !members.isEmpty else { return Array(repeating: nil, count: members.count) }
        let references = referencePerReceiver(members, unknown: unknown, attribute: attribute, bias: bias, suppressBelow: suppressBelow)
        // Receivers with a usable reference (a rate above 0), ordered by that rate exactly.
        let usable = references.indices.filter { references[$0].map { $0.favorable > 0 } ?? false }
        let ascending = usable.sorted { a, b in
            let (x, y) = (references[a]!, references[b]!)
            let order = compareRates(x, y)
            return order != 0 ? order < 0 : a < b
        }
        let lowest = Array(ascending.prefix(2))
        let highest = Array(ascending.suffix(2).reversed())
        let threshold = bias.exactImpactThreshold

        return members.indices.map { g -> (interval: Interval, couldFlip: Bool)? in
            var low = Double.infinity
            var high = -Double.infinity
            var anyBelow = false
            var anyAtOrAbove = false
            func consider(_ group: SelectionCounts.Cell, _ reference: SelectionCounts.Cell) {
                let ratio = group.rate / reference.rate
                low = min(low, ratio)
                high = max(high, ratio)
                if threshold.isBelow(favorable: group.favorable, of: group.n, referenceFavorable: reference.favorable, of: reference.n) {
                    anyBelow = true
                } else {
                    anyAtOrAbove = true
                }
            }
            // Another group receives the unknowns: g is unchanged, and the extremes of the
            // reference's rate give the extremes of the ratio and of the verdict.
            if let top = highest.first(where: { $0 != g }) { consider(members[g].cell, references[top]!) }
            if let bottom = lowest.first(where: { $0 != g }) { consider(members[g].cell, references[bottom]!) }
            // g receives them.
            if let own = references[g], own.favorable > 0 {
                var enlarged = members[g].cell
                enlarged.add(unknown)
                consider(enlarged, own)
            }
            return low.isFinite ? (Interval(lower: low, upper: high), anyBelow && anyAtOrAbove) : nil
        }
    }

    /// Per receiver, the reference's cell when that receiver takes the unknowns, or nil
    /// when there is none: the rule of `SelectionCounts.reference`, without trying each.
    private static func referencePerReceiver(_ members: [Member], unknown: SelectionCounts.Cell, attribute: String,
                                             bias: BiasSettings, suppressBelow: Int) -> [SelectionCounts.Cell?] {
        func enlarged(_ r: Int) -> SelectionCounts.Cell {
            var cell = members[r].cell
            cell.add(unknown)
            return cell
        }
        switch bias.reference {
        case .groups(let named) where named[attribute] != nil:
            let wanted = TextKey.make(named[attribute]!)
            guard let found = members.firstIndex(where: { TextKey.make($0.label) == wanted }) else {
                return Array(repeating: nil, count: members.count)
            }
            return members.indices.map { r in
                let cell = r == found ? enlarged(r) : members[found].cell
                return cell.n >= suppressBelow ? cell : nil
            }
        default:
            // Every receiver adds the same unknowns, so the stratum's total is the same for all.
            let known = members.reduce(0) { $0 + $1.cell.n } + unknown.n
            let minimum = max(bias.minGroupSize, suppressBelow)
            func eligible(_ cell: SelectionCounts.Cell) -> Bool {
                cell.n >= minimum && Double(cell.n) >= bias.exclusionShare * Double(known)
            }
            // The order of `SelectionCounts.reference`: rate, then size, then the earlier label.
            func better(_ a: Member, than b: Member) -> Bool {
                let (ra, rb) = (a.cell.rate, b.cell.rate)
                if ra != rb { return ra > rb }
                if a.cell.n != b.cell.n { return a.cell.n > b.cell.n }
                return a.label.precedesByBytes(b.label)
            }
            var first: Int? = nil
            var second: Int? = nil
            for index in members.indices where eligible(members[index].cell) {
                if first == nil || better(members[index], than: members[first!]) {
                    second = first
                    first = index
                } else if second == nil || better(members[index], than: members[second!]) {
                    second = index
                }
            }
            return members.indices.map { r in
                var best: Member? = nil
                if let other = first == r ? second : first { best = members[other] }
                let own: Member = (label: members[r].label, cell: enlarged(r))
                if eligible(own.cell), best == nil || better(own, than: best!) { best = own }
                return best?.cell
            }
        }
    }

    /// −1, 0 or 1 as a's rate is below, equal to or above b's, exactly (a.f·b.n against b.f·a.n).
    private static func compareRates(_ a: SelectionCounts.Cell, _ b: SelectionCounts.Cell) -> Int {
        let left = UInt64(a.favorable).multipliedFullWidth(by: UInt64(b.n))
        let right = UInt64(b.favorable).multipliedFullWidth(by: UInt64(a.n))
        if left.high != right.high { return left.high < right.high ? -1 : 1 }
        if left.low != right.low { return left.low < right.low ? -1 : 1 }
        return 0
    }
}
