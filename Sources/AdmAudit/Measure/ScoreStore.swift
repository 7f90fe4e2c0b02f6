import Foundation

/// The scores of a run, kept exactly, in 4 bytes a scored decision, so that medians,
/// quartiles and rank tests are exact and shards merge without approximation.
///
/// Two things keep it small:
/// - A decision's groups are not stored beside its score. Scores are kept in one column
///   per *profile*: the combination of the decision's group codes (female × han × under
///   40 …), of which an export has a handful, so group membership costs nothing a row.
/// - A score is kept as a 32-bit integer m with its decision type's decimal scale k,
///   standing for m / 10ᵏ. Exports write scores with a few decimals (0.73, 7, 61.5), and
///   m / 10ᵏ computed in doubles is the correctly rounded value of that decimal, so it
///   gives back the very double that was parsed. The scale grows when a score needs more
///   decimals. A score that no scale up to 10⁻⁹ holds in 32 bits (1e-12, 3e10, an
///   unrounded float) moves its decision type to 8-byte doubles, and `isWide` says so.
struct ScoreStore: Sendable {
    /// Scores of one decision type.
    struct Column: Sendable {
        /// Per profile, the group code of each attribute (`AttributeGroups.unknown` too).
        var profiles: [[Int32]] = []
        var profileIndex: [[Int32]: Int] = [:]
        /// Per profile, the scores as m with value m / 10^scale.
        var scaled: [[Int32]] = []
        /// Per profile, the scores as doubles, once one did not fit the scaled form.
        var wide: [[Double]]? = nil
        var scale = 0
        /// The largest |m| held, to know whether a larger scale still fits in 32 bits.
        var largestMagnitude: Int64 = 0
        var count = 0

        static let powersOfTen: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9]

        /// m with m / 10^scale == value exactly, if |m| fits in 32 bits.
        static func scaled(_ value: Double, scale: Int) -> Int32? {
            let power = powersOfTen[scale]
            let m = (value * power).rounded()
            guard abs(m) <= Double(Int32.max), m / power == value else { return nil }
            return Int32(m)
        }

        func value(_ m: Int32) -> Double { Double(m) / Self.powersOfTen[scale] }

        mutating func profile(for codes: [Int32]) -> Int {
            if let found = profileIndex[codes] { return found }
            profileIndex[codes] = profiles.count
            profiles.append(codes)
            scaled.append([])
            wide?.append([])
            return profiles.count - 1
        }

        mutating func append(_ value: Double, profile: Int) {
            count += 1
            if wide != nil {
                wide![profile].append(value)
                return
            }
            if let m = Self.scaled(value, scale: scale) {
                scaled[profile].append(m)
                largestMagnitude = max(largestMagnitude, abs(Int64(m)))
                return
            }
            for finer in stride(from: scale + 1, through: Self.powersOfTen.count - 1, by: 1) {
                guard let m = Self.scaled(value, scale: finer) else { continue }
                let factor = Int64(Self.powersOfTen[finer - scale])
                // Larger scales only make the held values larger: stop at the first that holds this one.
                guard largestMagnitude * factor <= Int64(Int32.max) else { break }
                let step = Int32(factor)
                for p in scaled.indices {
                    for i in scaled[p].indices { scaled[p][i] *= step }
                }
                largestMagnitude *= factor
                scale = finer
                scaled[profile].append(m)
                largestMagnitude = max(largestMagnitude, abs(Int64(m)))
                return
            }
            let power = Self.powersOfTen[scale]
            wide = scaled.map { held in held.map { Double($0) / power } }
            scaled = Array(repeating: [], count: profiles.count)
            wide![profile].append(value)
        }

        /// The scores of one profile, as doubles.
        func values(ofProfile p: Int) -> [Double] {
            wide?[p] ?? scaled[p].map(value)
        }

        /// The scores of these profiles together, ascending. Scaled scores are 32-bit
        /// integers in the scores' order, so they are sorted by radix, in passes over the
        /// data rather than a comparison sort, and made doubles after; wide ones by comparison.
        func sortedValues(ofProfiles chosen: some Sequence<Int>) -> [Double] {
            if let wide { return chosen.flatMap { wide[$0] }.sorted() }
            var held = chosen.flatMap { scaled[$0] }
            ScoreStore.radixSort(&held)
            return held.map(value)
        }
    }

    let attributeCount: Int
    /// By decision type ordinal.
    private(set) var columns: [Column]
    /// The current record's group codes, reused so that a lookup allocates nothing.
    private var key: [Int32]

    init(attributeCount: Int) {
        self.attributeCount = attributeCount
        columns = Array(repeating: Column(), count: DecisionType.allCases.count)
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
    mutating func merge(_ other: ScoreStore, remap: [[Int32]]) {
        for type in columns.indices {
            let source = other.columns[type]
            for (p, codes) in source.profiles.enumerated() {
                let translated = codes.enumerated().map { attribute, code in
                    code == AttributeGroups.unknown ? code : remap[attribute][Int(code)]
                }
                let profile = columns[type].profile(for: translated)
                for value in source.values(ofProfile: p) { columns[type].append(value, profile: profile) }
            }
        }
    }

    /// Sorts 32-bit integers ascending by their bytes, least significant first (four
    /// counting passes; a pass whose byte is the same in every value is skipped, as the high
    /// bytes of small scaled scores are).
    static func radixSort(_ values: inout [Int32]) {
        guard values.count > 1 else { return }
        // Flipping the sign bit orders negatives before positives as unsigned keys.
        var keys = values.map { UInt32(bitPattern: $0) ^ 0x8000_0000 }
        var other = [UInt32](repeating: 0, count: keys.count)
        for shift in stride(from: 0, to: 32, by: 8) {
            var counts = [Int](repeating: 0, count: 257)
            for key in keys { counts[Int((key >> UInt32(shift)) & 0xFF) + 1] += 1 }
            if counts.contains(keys.count) { continue }
            for byte in 1...256 { counts[byte] += counts[byte - 1] }
            for key in keys {
                let byte = Int((key >> UInt32(shift)) & 0xFF)
                other[counts[byte]] = key
                counts[byte] += 1
            }
            swap(&keys, &other)
        }
        for index in values.indices { values[index] = Int32(bitPattern: keys[index] ^ 0x8000_0000) }
    }

    /// True when some decision type's scores are held as 8-byte doubles.
    var isWide: Bool { columns.contains { $0.wide != nil } }

    /// Bytes held for the scores themselves (not counting array slack): 4 a score, or 8 once wide.
    var scoreBytes: Int {
        columns.reduce(0) { $0 + $1.count * ($1.wide == nil ? 4 : 8) }
    }

    /// Per decision type with scores and per attribute: each group's score summary, its
    /// LL144 scoring rate (the share above the median of all the type's scores) and that
    /// rate's impact ratio against the highest, and a Mann–Whitney test against the rest.
    ///
    /// Each group's scores are sorted before they are summed, so the figures do not
    /// depend on the order the decisions arrived in, or on how the run was sharded.
    /// How the scores are grouped for one table: an attribute, or an intersection.
    struct Grouping {
        var name: String
        var labels: [String]
        /// The group of a profile (its attributes' codes), or nil when unknown.
        var group: ([Int32]) -> Int32?
    }

    /// Per attribute (those `bias.attributes` selects), by its own codes.
    static func groupings(attributes: [AttributeGroups], bias: BiasSettings) -> [Grouping] {
        attributes.enumerated().filter { bias.attributes.isEmpty || bias.attributes.contains($0.element.name) }.map { index, groups in
            Grouping(name: groups.name, labels: groups.labels) { codes in codes[index] == AttributeGroups.unknown ? nil : codes[index] }
        }
    }

    func strata(groupings: [Grouping], bias: BiasSettings, suppressBelow: Int) -> [ScoreStratum] {
        var result: [ScoreStratum] = []
        for type in DecisionType.allCases.sorted() where columns[type.ordinal].count > 0 {
            let column = columns[type.ordinal]
            let all = column.sortedValues(ofProfiles: column.profiles.indices)
            guard let overall = Statistics.quartiles(all) else { continue }
            for groups in groupings {
                var profilesOfGroup = [[Int]](repeating: [], count: groups.labels.count)
                var unknown = 0
                for (p, codes) in column.profiles.enumerated() {
                    if let code = groups.group(codes) {
                        profilesOfGroup[Int(code)].append(p)
                    } else {
                        unknown += column.wide?[p].count ?? column.scaled[p].count
                    }
                }
                let byGroup = profilesOfGroup.map { column.sortedValues(ofProfiles: $0) }
                // Each group against the rest, all ranked at once: once per group would cost groups × scores.
                let againstRest = Statistics.mannWhitneyUEachAgainstRest(byGroup)
                var rows: [GroupScores] = []
                for (code, label) in groups.labels.enumerated() where !byGroup[code].isEmpty {
                    let values = byGroup[code]
                    let quartiles = Statistics.quartiles(values)!
                    rows.append(GroupScores(
                        group: label, n: values.count, mean: Statistics.mean(values) ?? .nan,
                        q1: quartiles.q1, median: quartiles.median, q3: quartiles.q3,
                        scoringRate: Statistics.scoringRate(values, median: overall.median),
                        scoringImpactRatio: .undefined(.notComputed),
                        mannWhitneyP: againstRest[code]?.p,
                        suppressed: values.count < suppressBelow
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
                result.append(ScoreStratum(decisionType: type, attribute: groups.name, scored: all.count,
                                           median: overall.median, unknown: unknown, groups: rows))
            }
        }
        return result
    }
}
