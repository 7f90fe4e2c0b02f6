/// Cochran–Mantel–Haenszel tests across the levels of the `bias.by` columns: for each
/// group against its stratum's reference, one 2×2 table (favourable, not) per level
/// (each site, each month), so a disparity that holds within every level is not taken
/// for a mix of levels, and a mix is not taken for a disparity.
enum AcrossStrata {
    /// `levels` per `by` column: the run's counts restricted to each level, in a fixed order.
    static func apply(to strata: [SelectionStratum], attributes: [AttributeGroups],
                      by columns: [(name: String, levels: [SelectionCounts])]) -> [SelectionStratum] {
        guard !columns.isEmpty else { return strata }
        var strata = strata
        // Per attribute, the code of each label by its bytes (the first code, as a search
        // would find it): looked up once per group, so a search each time would cost groups².
        var codes: [[[UInt8]: Int]?] = Array(repeating: nil, count: attributes.count)
        func code(_ attribute: Int, _ label: String) -> Int? {
            if codes[attribute] == nil {
                var table: [[UInt8]: Int] = [:]
                for (code, label) in attributes[attribute].labels.enumerated() where table[Array(label.utf8)] == nil {
                    table[Array(label.utf8)] = code
                }
                codes[attribute] = table
            }
            return codes[attribute]![Array(label.utf8)]
        }
        for s in strata.indices {
            let stratum = strata[s]
            guard let attribute = attributes.firstIndex(where: { $0.name == stratum.attribute }),
                  let referenceLabel = stratum.referenceGroup,
                  let referenceCode = code(attribute, referenceLabel) else { continue }
            for g in stratum.groups.indices where !stratum.groups[g].isReference {
                guard let code = code(attribute, stratum.groups[g].group) else { continue }
                for column in columns {
                    var tables: [(a: Int, b: Int, c: Int, d: Int)] = []
                    for level in column.levels {
                        let group = level.cell(stratum.decisionType, attribute, group: Int32(code)) ?? SelectionCounts.Cell()
                        let reference = level.cell(stratum.decisionType, attribute, group: Int32(referenceCode)) ?? SelectionCounts.Cell()
                        guard group.n + reference.n > 0 else { continue }
                        tables.append((group.favorable, group.n - group.favorable, reference.favorable, reference.n - reference.favorable))
                    }
                    guard let test = Statistics.cochranMantelHaenszel(tables) else { continue }
                    strata[s].groups[g].acrossStrata.append(StratifiedComparison(
                        by: column.name, levels: tables.count, statistic: test.statistic, p: test.p,
                        commonOddsRatio: test.commonOddsRatio))
                }
            }
        }
        return strata
    }
}
