import Foundation

/// `MeasureState` as it is written to a shard's state file: plain, ordered values (no
/// dictionaries, so the bytes are the same on every run), scores as base64 of their
/// little-endian bytes. Reading one back checks every index against the labels before
/// the state is used: the file may have been damaged or edited.
package struct MeasureStateRecord: Codable {
    struct Month: Codable {
        var month: Int
        var counts: SelectionCounts
    }

    struct Level: Codable {
        var code: Int32
        var counts: SelectionCounts
    }

    struct ByColumn: Codable {
        var attribute: Int
        var levels: [Level]
    }

    struct CheckCounts: Codable {
        var checkID: String
        var counts: SelectionCounts
    }

    struct ScoreProfile: Codable {
        var codes: [Int32]
        /// Base64 of the scores: Int32 m (value m / 10^scale) or, when `wide`, Float64 bits.
        var scores: String
    }

    struct ScoreColumn: Codable {
        var decisionType: DecisionType
        var scale: Int
        var wide: Bool
        var profiles: [ScoreProfile]
    }

    struct Intersection: Codable {
        /// Indexes into the attributes.
        var components: [Int]
        /// Per code, the components' codes.
        var members: [[Int32]]
    }

    var attributeNames: [String]
    /// Per attribute (not intersection), the label of each group code.
    var labels: [[String]]
    /// Per attribute and code, the group's first spelling in the data (`GroupNames`); absent
    /// in states written before it was kept.
    package var spelled: [[String?]]?
    var intersections: [Intersection]
    var counts: SelectionCounts
    var appeals: SelectionCounts
    var monthly: [Month]
    var by: [ByColumn]
    var fairness: [CheckCounts]
    var scores: [ScoreColumn]

    package init(_ state: MeasureState) {
        attributeNames = state.attributeNames
        labels = Array(state.labels.prefix(state.plainAttributeCount))
        spelled = state.spelled
        intersections = zip(state.intersectionComponents, state.intersectionMembers).map { Intersection(components: $0, members: $1) }
        counts = state.counts
        appeals = state.appeals
        monthly = state.monthly.keys.sorted().map { Month(month: $0, counts: state.monthly[$0]!) }
        by = state.byAttributes.enumerated().map { slot, attribute in
            ByColumn(attribute: attribute, levels: state.byLevels[slot].keys.sorted().map { Level(code: $0, counts: state.byLevels[slot][$0]!) })
        }
        fairness = state.fairness.map { CheckCounts(checkID: $0.checkID, counts: $0.counts) }
        scores = DecisionType.allCases.compactMap { type in
            let column = state.scores.columns[type.ordinal]
            guard column.count > 0 else { return nil }
            return ScoreColumn(
                decisionType: type, scale: column.scale, wide: column.wide != nil,
                profiles: column.profiles.indices.map { p in
                    ScoreProfile(codes: column.profiles[p],
                                 scores: column.wide.map { Self.base64($0[p].map(\.bitPattern)) } ?? Self.base64(column.scaled[p].map(UInt32.init(bitPattern:))))
                })
        }
    }

    /// The state, or why the record cannot be one. `recordCheckIDs`: the checks whose
    /// compliance counts a state may hold (the record checks).
    package func state(recordCheckIDs: Set<String>) -> Result<MeasureState, StateFileProblem> {
        func problem(_ text: String) -> Result<MeasureState, StateFileProblem> { .failure(StateFileProblem(text)) }
        let attributeCount = attributeNames.count
        let plain = attributeCount - intersections.count
        guard plain >= 0, labels.count == plain else {
            return problem("the attribute names, intersections and labels do not agree")
        }
        for intersection in intersections {
            guard !intersection.components.isEmpty, intersection.components.allSatisfy({ (0..<plain).contains($0) }),
                  intersection.members.allSatisfy({ members in
                      members.count == intersection.components.count
                          && zip(intersection.components, members).allSatisfy { (0..<Int32(labels[$0].count)).contains($1) }
                  }), Set(intersection.members).count == intersection.members.count else {
                return problem("an intersection names groups that do not exist")
            }
        }
        let labelCounts = labels.map(\.count) + intersections.map(\.members.count)
        guard counts.fits(attributeCount: attributeCount, labelCounts: labelCounts),
              appeals.fits(attributeCount: plain, labelCounts: Array(labelCounts.prefix(plain))) else {
            return problem("the counts do not fit the labels")
        }
        var state = MeasureState(attributeNames: attributeNames, labels: labels, intersections: intersections.map { ($0.components, $0.members) },
                                 counts: counts, appeals: appeals)
        if let spelled {
            guard spelled.count == plain, zip(spelled, labels).allSatisfy({ $0.count <= $1.count }) else {
                return problem("the spellings do not fit the labels")
            }
            state.spelled = spelled
        }
        // Years 1 to 9999, as dates are read.
        let months = 12...(9999 * 12 + 11)
        for entry in monthly {
            guard months.contains(entry.month), entry.counts.fits(attributeCount: attributeCount, labelCounts: labelCounts), state.monthly[entry.month] == nil else {
                return problem("month \(entry.month) is damaged or given twice")
            }
            state.monthly[entry.month] = entry.counts
        }
        for column in by {
            guard (0..<plain).contains(column.attribute), !state.byAttributes.contains(column.attribute) else {
                return problem("a bias.by column names no attribute, or one twice")
            }
            var levels: [Int32: SelectionCounts] = [:]
            for level in column.levels {
                guard (0..<Int32(labels[column.attribute].count)).contains(level.code), levels[level.code] == nil,
                      level.counts.fits(attributeCount: attributeCount, labelCounts: labelCounts) else {
                    return problem("a level of bias.by column '\(attributeNames[column.attribute])' is damaged")
                }
                levels[level.code] = level.counts
            }
            state.byAttributes.append(column.attribute)
            state.byLevels.append(levels)
        }
        for entry in fairness {
            guard recordCheckIDs.contains(entry.checkID), entry.counts.fits(attributeCount: plain, labelCounts: Array(labelCounts.prefix(plain))) else {
                return problem("the compliance counts of \(entry.checkID) do not fit the labels")
            }
            state.fairness.append(.init(checkID: entry.checkID, counts: entry.counts))
        }
        var columns = Array(repeating: ScoreStore.Column(), count: DecisionType.allCases.count)
        for column in scores {
            guard (0..<ScoreStore.Column.powersOfTen.count).contains(column.scale), columns[column.decisionType.ordinal].count == 0 else {
                return problem("the scores of \(column.decisionType.rawValue) are damaged or given twice")
            }
            for profile in column.profiles {
                guard profile.codes.count == plain,
                      profile.codes.indices.allSatisfy({ a in
                          profile.codes[a] == AttributeGroups.unknown || (0..<Int32(labels[a].count)).contains(profile.codes[a])
                      }) else {
                    return problem("a score profile of \(column.decisionType.rawValue) names groups that do not exist")
                }
                let values: [Double]
                if column.wide {
                    guard let bits = Self.words(profile.scores, as: UInt64.self) else { return problem("scores are not base64 of 8-byte values") }
                    values = bits.map(Double.init(bitPattern:))
                    guard values.allSatisfy(\.isFinite) else { return problem("a score is not a finite number") }
                } else {
                    guard let words = Self.words(profile.scores, as: UInt32.self) else { return problem("scores are not base64 of 4-byte values") }
                    let power = ScoreStore.Column.powersOfTen[column.scale]
                    values = words.map { Double(Int32(bitPattern: $0)) / power }
                }
                // Appended afresh: the store finds its own scale, so nothing in the file is trusted.
                let p = columns[column.decisionType.ordinal].profile(for: profile.codes)
                for value in values { columns[column.decisionType.ordinal].append(value, profile: p) }
            }
        }
        state.scores = ScoreStore(attributeCount: plain, columns: columns)
        return .success(state)
    }

    private static func base64<Word: FixedWidthInteger>(_ words: [Word]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(words.count * MemoryLayout<Word>.size)
        for word in words {
            withUnsafeBytes(of: word.littleEndian) { bytes.append(contentsOf: $0) }
        }
        return Data(bytes).base64EncodedString()
    }

    private static func words<Word: FixedWidthInteger>(_ text: String, as: Word.Type) -> [Word]? {
        guard let data = Data(base64Encoded: text), data.count % MemoryLayout<Word>.size == 0 else { return nil }
        return data.withUnsafeBytes { raw in
            stride(from: 0, to: raw.count, by: MemoryLayout<Word>.size).map { offset in
                Word(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: Word.self))
            }
        }
    }
}

/// Why a state file cannot be read.
package struct StateFileProblem: Error {
    package var text: String
    package init(_ text: String) { self.text = text }
}

extension MeasureState {
    /// A state from its parts (reading a state file); the rest starts empty.
    init(attributeNames: [String], labels: [[String]], intersections: [(components: [Int], members: [[Int32]])],
         counts: SelectionCounts, appeals: SelectionCounts) {
        self.attributeNames = attributeNames
        intersectionCount = intersections.count
        self.labels = labels + Array(repeating: [], count: intersections.count)
        intersectionComponents = intersections.map(\.components)
        intersectionMembers = intersections.map(\.members)
        self.counts = counts
        self.appeals = appeals
        byAttributes = []
        byLevels = []
        scores = ScoreStore(attributeCount: attributeNames.count - intersectionCount)
        relabelIntersections()
    }
}
