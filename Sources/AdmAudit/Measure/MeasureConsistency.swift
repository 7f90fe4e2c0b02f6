extension MeasureState {
    /// Why the state's counts cannot be those of a run that accepted `accepted` records, or
    /// nil when they can: the decisions counted are the records accepted; under every
    /// attribute, groups and unknowns add up to the decisions; contests, months, levels,
    /// compliance counts and scores count no more decisions of a type than there are.
    ///
    /// A state read from a file is checked so (`ShardState.read`): each count may be in
    /// range and still disagree with the others, and a merge would add them up unseen.
    /// Does not check ranges or labels: `MeasureStateRecord.state()` does.
    package func inconsistency(accepted: Int) -> String? {
        let decisions = DecisionType.allCases.reduce(0) { $0 + counts.decisions($1) }
        guard decisions == accepted else {
            return "its statistics count \(decisions) decisions, its inputs \(accepted) accepted rows"
        }
        func name(_ attribute: Int) -> String { attributeNames.indices.contains(attribute) ? attributeNames[attribute] : "#\(attribute)" }
        func check(_ part: SelectionCounts, _ what: String) -> String? {
            if let (type, attribute, counted) = part.unbalanced() {
                return "in \(what), the groups of '\(name(attribute))' count \(counted) \(type.rawValue) decisions, not the \(part.decisions(type)) counted in all"
            }
            for type in DecisionType.allCases where part.decisions(type) > counts.decisions(type) {
                return "\(what) count \(part.decisions(type)) \(type.rawValue) decisions, more than the \(counts.decisions(type)) there are"
            }
            return nil
        }
        func sum(_ parts: some Sequence<SelectionCounts>, _ what: String) -> String? {
            var totals: [DecisionType: Int] = [:]
            for part in parts {
                for type in DecisionType.allCases { totals[type, default: 0] += part.decisions(type) }
            }
            for type in DecisionType.allCases where totals[type, default: 0] > counts.decisions(type) {
                return "\(what) together count \(totals[type]!) \(type.rawValue) decisions, more than the \(counts.decisions(type)) there are"
            }
            return nil
        }
        var problems: [String?] = [check(counts, "the outcome counts"), check(appeals, "the contest counts")]
        problems += monthly.keys.sorted().map { check(monthly[$0]!, "the counts of month \($0)") }
        problems.append(sum(monthly.values, "the months"))
        for (slot, levels) in byLevels.enumerated() {
            problems += levels.keys.sorted().map { check(levels[$0]!, "the counts of a level of '\(name(byAttributes[slot]))'") }
            problems.append(sum(levels.values, "the levels of '\(name(byAttributes[slot]))'"))
        }
        problems += fairness.map { check($0.counts, "the compliance counts of \($0.checkID)") }
        for type in DecisionType.allCases where scores.columns[type.ordinal].count > counts.decisions(type) {
            problems.append("it holds \(scores.columns[type.ordinal].count) scores of \(type.rawValue) decisions, more than the \(counts.decisions(type)) there are")
        }
        return problems.lazy.compactMap { $0 }.first
    }
}
