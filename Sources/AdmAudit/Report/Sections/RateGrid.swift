/// Rates by row (a month, a site), one grid per decision type and attribute: the model
/// behind the drift and by-level tables of report.md and report.html.
struct RateGrid {
    var decisionType: DecisionType
    var attribute: String
    /// The columns: every group seen in any row, by label.
    var groups: [String]
    /// Every row, with its stratum of this type and attribute when it has one.
    var rows: [(label: String, stratum: SelectionStratum?)]
    /// Per row, per column of `groups`, the row's group of that label: placed once by a
    /// table of labels, as a search per cell would cost groups² a row.
    var cells: [[GroupSelection?]]

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
            var seen = Set<[UInt8]>()
            var groups: [String] = []
            for label in found.flatMap({ $0.1?.groups.map(\.group) ?? [] }) where seen.insert(Array(label.utf8)).inserted {
                groups.append(label)
            }
            groups.sort { $0.precedesByBytes($1) }
            var column: [[UInt8]: Int] = [:]
            for (index, label) in groups.enumerated() { column[Array(label.utf8)] = index }
            let cells = found.map { _, stratum -> [GroupSelection?] in
                var row = [GroupSelection?](repeating: nil, count: groups.count)
                for group in stratum?.groups ?? [] {
                    if let index = column[Array(group.group.utf8)], row[index] == nil { row[index] = group }
                }
                return row
            }
            return RateGrid(decisionType: type, attribute: attribute, groups: groups, rows: found, cells: cells)
        }
    }
}
