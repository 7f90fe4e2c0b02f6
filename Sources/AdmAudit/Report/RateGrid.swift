/// Rates by row (a month, a site), one grid per decision type and attribute: the model
/// behind the drift and by-level tables of report.md and report.html.
struct RateGrid {
    var decisionType: DecisionType
    var attribute: String
    /// The columns: every group seen in any row, by label.
    var groups: [String]
    /// Every row, with its stratum of this type and attribute when it has one.
    var rows: [(label: String, stratum: SelectionStratum?)]

    /// The grids of `rows`, by decision type, then attribute.
    static func grids(_ rows: [(label: String, strata: [SelectionStratum])]) -> [RateGrid] {
        var keys: [(DecisionType, String)] = []
        for row in rows {
            for stratum in row.strata where !keys.contains(where: { $0 == (stratum.decisionType, stratum.attribute) }) {
                keys.append((stratum.decisionType, stratum.attribute))
            }
        }
        return keys.sorted(by: { ($0.0.rawValue, $0.1) < ($1.0.rawValue, $1.1) }).map { type, attribute in
            let found = rows.map { row in (row.label, row.strata.first { $0.decisionType == type && $0.attribute == attribute }) }
            var groups: [String] = []
            for label in found.flatMap({ $0.1?.groups.map(\.group) ?? [] }) where !groups.contains(where: { $0.hasSameBytes(as: label) }) {
                groups.append(label)
            }
            groups.sort { $0.precedesByBytes($1) }
            return RateGrid(decisionType: type, attribute: attribute, groups: groups, rows: found)
        }
    }

    /// A row's group of that label, if the row has it.
    static func group(_ label: String, in stratum: SelectionStratum?) -> GroupSelection? {
        stratum?.groups.first { $0.group.hasSameBytes(as: label) }
    }
}
