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

    /// One decision type's scores, counted (`ScoreCounts`).
    struct ScoreColumn: Codable {
        var decisionType: DecisionType
        /// Per profile, its group code of each attribute (-1: unknown).
        var profiles: [[Int32]]
        /// Base64 of the counts, 16 bytes a (score, profile) pair in score then profile
        /// order: the score's Float64 bits, the profile's index (UInt32) and how many
        /// decisions had both (UInt32), little-endian. A pair of more than 2³² − 1 decisions
        /// comes more than once.
        var counts: String
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

    package init(_ state: MeasureState) throws(AuditError) {
        attributeNames = state.attributeNames
        labels = Array(state.labels.prefix(state.plainAttributeCount))
        // A group not spelled at the end of the list is as good as no entry: without the
        // trailing nils, a cut file's joined state is written as the one-piece run's is.
        spelled = state.spelled.map { spellings in Array(spellings[..<(spellings.lastIndex { $0 != nil }.map { $0 + 1 } ?? 0)]) }
        intersections = zip(state.intersectionComponents, state.intersectionMembers).map { Intersection(components: $0, members: $1) }
        counts = state.counts
        appeals = state.appeals
        monthly = state.monthly.keys.sorted().map { Month(month: $0, counts: state.monthly[$0]!) }
        by = state.byAttributes.enumerated().map { slot, attribute in
            ByColumn(attribute: attribute, levels: state.byLevels[slot].keys.sorted().map { Level(code: $0, counts: state.byLevels[slot][$0]!) })
        }
        fairness = state.fairness.map { CheckCounts(checkID: $0.checkID, counts: $0.counts) }
        scores = []
        for type in DecisionType.allCases where state.scores.columns[type.ordinal].count > 0 {
            let column = state.scores.columns[type.ordinal]
            scores.append(ScoreColumn(decisionType: type, profiles: column.profiles, counts: try Self.base64(column.counts)))
        }
    }

    /// The counts in order, as `ScoreColumn.counts` holds them.
    private static func base64(_ counts: ScoreCounts) throws(AuditError) -> String {
        var bytes: [UInt8] = []
        var sorted = try counts.sorted()
        while let entry = sorted.next() {
            var left = entry.count
            while left > 0 {
                let step = min(left, Int(UInt32.max))
                withUnsafeBytes(of: entry.value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
                withUnsafeBytes(of: UInt32(entry.profile).littleEndian) { bytes.append(contentsOf: $0) }
                withUnsafeBytes(of: UInt32(step).littleEndian) { bytes.append(contentsOf: $0) }
                left -= step
            }
        }
        try sorted.finish()
        return Data(bytes).base64EncodedString()
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
        // Each column its own (a column's runs are an object, not a value).
        var columns = DecisionType.allCases.map { _ in ScoreStore.Column() }
        for column in scores {
            let type = column.decisionType
            guard columns[type.ordinal].count == 0, columns[type.ordinal].profiles.isEmpty else {
                return problem("the scores of \(type.rawValue) are given twice")
            }
            var profileOf: [Int] = []
            for codes in column.profiles {
                guard codes.count == plain, codes.indices.allSatisfy({ a in
                    codes[a] == AttributeGroups.unknown || (0..<Int32(labels[a].count)).contains(codes[a])
                }) else {
                    return problem("a score profile of \(type.rawValue) names groups that do not exist")
                }
                profileOf.append(columns[type.ordinal].profile(for: codes))
            }
            guard let bytes = Data(base64Encoded: column.counts), bytes.count % 16 == 0 else {
                return problem("the score counts of \(type.rawValue) are not base64 of 16-byte entries")
            }
            var previous: (key: UInt64, profile: UInt32)? = nil
            var total = 0
            for offset in stride(from: 0, to: bytes.count, by: 16) {
                let (bits, profile, count) = bytes.withUnsafeBytes { raw in
                    (UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)),
                     UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)),
                     UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let value = Double(bitPattern: bits)
                let key = ScoreCount.key(value)
                guard value.isFinite, value.bitPattern == (value + 0.0).bitPattern, Int(profile) < profileOf.count, count > 0,
                      previous.map({ ($0.key, $0.profile) <= (key, profile) }) ?? true else {
                    return problem("the score counts of \(type.rawValue) are damaged (a score not finite, a profile that does not exist, or out of order)")
                }
                total += Int(count)
                guard total <= SelectionCounts.countLimit else { return problem("the scores of \(type.rawValue) are too many") }
                previous = (key, profile)
                columns[type.ordinal].append(value, profile: profileOf[Int(profile)], count: Int(count))
            }
        }
        state.scores = ScoreStore(attributeCount: plain, columns: columns)
        return .success(state)
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
