import Foundation

/// The scores of a run, kept exactly, so that medians, quartiles and rank tests are exact
/// and shards merge without approximation, in memory that does not grow with the scores.
///
/// - A decision's groups are not stored beside its score. Scores are counted per
///   *profile*: the combination of the decision's group codes (female × han × under 40 …),
///   of which an export has a handful, so group membership costs nothing a row.
/// - Per decision type, how many decisions of each profile had each score (`ScoreCounts`):
///   a score is the very double that was parsed, and equal scores are one count. Past a
///   table's worth of distinct pairs, the counts go to sorted runs in TMPDIR.
///
/// The statistics read each type's counts in score order, as a sort of every score would
/// give them, once: the quartiles of all its scores and each group's figures in one reading
/// (`ScoreFigures.read`).
struct ScoreStore: Sendable {
    /// Scores of one decision type.
    struct Column: Sendable {
        /// Per profile, the group code of each attribute (`AttributeGroups.unknown` too).
        var profiles: [[Int32]] = []
        /// Each profile's index, by its codes packed side by side where they fit (a record's
        /// lookup without hashing an array), else by the codes themselves.
        private var packedIndex = PackedCodeTable()
        private var profileIndex: [[Int32]: Int] = [:]
        var counts: ScoreCounts

        init(tableLimit: Int = ScoreCounts.defaultTableLimit) { counts = ScoreCounts(tableLimit: tableLimit) }

        /// Scores counted.
        var count: Int { counts.total }

        mutating func profile(for codes: [Int32]) -> Int {
            let packed = PackedCodeTable.pack(codes)
            if let packed, let found = packedIndex.value(for: packed) { return Int(found) }
            if packed == nil, let found = profileIndex[codes] { return found }
            if let packed { packedIndex.insert(packed, Int32(profiles.count)) } else { profileIndex[codes] = profiles.count }
            profiles.append(codes)
            return profiles.count - 1
        }

        mutating func append(_ value: Double, profile: Int, count: Int = 1) {
            counts.add(value, profile: profile, count: count)
        }

        /// Decisions of a profile with a score.
        func scored(profile: Int) -> Int { profile < counts.perProfile.count ? counts.perProfile[profile] : 0 }

        /// Every score of one profile, ascending (for tests and small columns).
        func values(ofProfile p: Int) throws(AuditError) -> [Double] {
            var sorted = try counts.sorted()
            var values: [Double] = []
            while let entry = sorted.next() {
                if entry.profile == p { values += Array(repeating: entry.value, count: entry.count) }
            }
            try sorted.finish()
            return values
        }
    }

    let attributeCount: Int
    /// By decision type ordinal.
    private(set) var columns: [Column]
    /// The current record's group codes, reused so that a lookup allocates nothing.
    private var key: [Int32]

    init(attributeCount: Int) {
        self.attributeCount = attributeCount
        // Each column its own: a column's runs are an object, which two columns made from one
        // value would share (and two threads reading two types would both touch).
        columns = DecisionType.allCases.map { _ in Column() }
        key = Array(repeating: AttributeGroups.unknown, count: attributeCount)
    }

    init(attributeCount: Int, columns: [Column]) {
        self.init(attributeCount: attributeCount)
        self.columns = columns
    }

    mutating func add(_ record: DecisionRecord) {
        guard let score = record.score else { return }
        for attribute in 0..<attributeCount { key[attribute] = record.groups[attribute] }
        let type = record.decisionType.ordinal
        let profile = columns[type].profile(for: key)
        columns[type].append(score, profile: profile)
    }

    /// Adds another store's scores, its group codes translated by `remap[attribute][code]`.
    mutating func merge(_ other: ScoreStore, remap: [[Int32]]) throws(AuditError) {
        let types = columns.indices.filter { other.columns[$0].count > 0 }
        let current = columns
        // Each type's column on its own: two at a time with a second core.
        let merged = try ParallelWork.map(types, weight: { other.columns[$0].count }) { type throws(AuditError) -> Column in
            var column = current[type]
            let source = other.columns[type]
            let translated = source.profiles.map { codes in
                column.profile(for: codes.enumerated().map { attribute, code in
                    code == AttributeGroups.unknown ? code : remap[attribute][Int(code)]
                })
            }
            var sorted = try source.counts.sorted()
            while let entry = sorted.next() { column.append(entry.value, profile: translated[entry.profile], count: entry.count) }
            try sorted.finish()
            return column
        }
        for (type, column) in zip(types, merged) { columns[type] = column }
    }

    /// How the scores are grouped for one table: an attribute, or an intersection.
    struct Grouping {
        var name: String
        var labels: [String]
        /// The group of a profile (its attributes' codes), or nil when unknown.
        var group: @Sendable ([Int32]) -> Int32?
    }

    /// Per attribute (those `bias.attributes` selects), by its own codes.
    static func groupings(attributes: [AttributeGroups], bias: BiasSettings) -> [Grouping] {
        attributes.enumerated().filter { bias.attributes.isEmpty || bias.attributes.contains($0.element.name) }.map { index, groups in
            Grouping(name: groups.name, labels: groups.labels) { codes in codes[index] == AttributeGroups.unknown ? nil : codes[index] }
        }
    }

    func strata(groupings: [Grouping], bias: BiasSettings, suppressBelow: Int) throws(AuditError) -> [ScoreStratum] {
        var result: [ScoreStratum] = []
        let columns = self.columns
        let types = DecisionType.allCases.sorted().filter { columns[$0.ordinal].count > 0 }
        // Each type's scores are read on their own: two types at a time with a second core.
        let read = try ParallelWork.map(types, weight: { columns[$0.ordinal].count }) { type throws(AuditError) -> TypeFigures in
            let read = try ScoreFigures.read(columns[type.ordinal], groupings: groupings)
            return TypeFigures(median: read.overall.median, groupings: read.figures)
        }
        for (type, typeFigures) in zip(types, read) {
            let column = columns[type.ordinal]
            let figures = typeFigures.groupings
            for (index, groups) in groupings.enumerated() {
                let read = figures[index]
                var rows: [GroupScores] = []
                for (code, label) in groups.labels.enumerated() where read.n[code] > 0 {
                    rows.append(GroupScores(
                        group: label, n: read.n[code], mean: read.mean(code),
                        q1: read.quartiles(code).q1, median: read.quartiles(code).median, q3: read.quartiles(code).q3,
                        scoringRate: Double(read.above[code]) / Double(read.n[code]),
                        scoringImpactRatio: .undefined(.notComputed),
                        mannWhitneyP: read.mannWhitney(code)?.p,
                        suppressed: read.n[code] < suppressBelow
                    ))
                }
                rows.sort { $0.group.precedesByBytes($1.group) }
                let known = rows.reduce(0) { $0 + $1.n }
                let eligible = rows.filter { $0.n >= bias.minGroupSize && Double($0.n) >= bias.exclusionShare * Double(known) }
                let best = eligible.map(\.scoringRate).max()
                for i in rows.indices {
                    if let best, best > 0 {
                        rows[i].scoringImpactRatio = .value(rows[i].scoringRate / best)
                    } else {
                        rows[i].scoringImpactRatio = .undefined(best == nil
                            ? .noEligibleScoringReference(minimum: bias.minGroupSize, share: bias.exclusionShare)
                            : .highestScoringRateZero)
                    }
                }
                result.append(ScoreStratum(decisionType: type, attribute: groups.name, scored: column.count,
                                           median: typeFigures.median, unknown: read.unknown, groups: rows))
            }
        }
        return result
    }

    /// A type's median, and its figures per grouping.
    private struct TypeFigures: Sendable {
        var median: Double
        var groupings: [ScoreFigures]
    }
}
