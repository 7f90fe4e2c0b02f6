/// The measure stage: what it counts as records stream past (decisions and favourable
/// ones by type and group, by month, by level of each `bias.by` column; contests
/// overturned; each check's compliance by group; the scores), and the statistics it
/// makes of them at the end.
///
/// The state is mergeable. `labels` names every group code, so the state of one shard of
/// the data, saved to a file, merges with others by label (group codes are each run's
/// own, given in the order values first appear), and the merged state gives exactly the
/// numbers a single run over all the shards would: every count adds, the scores are kept
/// whole (`ScoreStore`), and the statistics are made from the state the same way in both.
public struct MeasureState: Sendable {
    /// The pipeline's attributes, then its intersections.
    public internal(set) var attributeNames: [String]
    public internal(set) var intersectionCount: Int
    /// Per attribute (then intersection), the label of each group code. An intersection's
    /// labels are made from its components' (`relabelIntersections`).
    var labels: [[String]]
    /// Per attribute (not intersection) and code, the group's first spelling in the data when
    /// the pipeline names it (`女` for `female`), else nil (`AttributeGroups.spelled`).
    var spelled: [[String?]] = []
    /// Per intersection, its components: indexes into the attributes.
    var intersectionComponents: [[Int]]
    /// Per intersection and code, the components' codes.
    var intersectionMembers: [[[Int32]]]
    package var counts: SelectionCounts
    /// Contests with a recorded result; favourable = not overturned. Attributes only.
    var appeals: SelectionCounts
    /// Per month (year × 12 + month − 1), for drift and for `bias.by: month`.
    var monthly: [Int: SelectionCounts] = [:]
    /// The `bias.by` columns that are attributes: index into the attributes, and counts by level (group code).
    var byAttributes: [Int]
    var byLevels: [[Int32: SelectionCounts]]
    /// Per record check: judged decisions by group, favourable = compliant.
    var fairness: [CheckCounts] = []
    var scores: ScoreStore

    struct CheckCounts: Sendable {
        var checkID: String
        var counts: SelectionCounts
    }

    var plainAttributeCount: Int { attributeNames.count - intersectionCount }

    /// An empty state for a run of `pipeline`; labels are filled in when the run ends.
    package init(pipeline: Pipeline) {
        let plain = pipeline.attributes.map(\.name)
        attributeNames = plain + pipeline.bias.intersections.map { $0.joined(separator: " × ") }
        intersectionCount = pipeline.bias.intersections.count
        labels = Array(repeating: [], count: attributeNames.count)
        intersectionComponents = pipeline.bias.intersections.map { names in names.compactMap { plain.firstIndex(of: $0) } }
        intersectionMembers = Array(repeating: [], count: intersectionComponents.count)
        counts = SelectionCounts(attributeCount: attributeNames.count)
        appeals = SelectionCounts(attributeCount: plain.count)
        byAttributes = pipeline.bias.by.compactMap { name in plain.firstIndex(of: name) }
        byLevels = Array(repeating: [:], count: byAttributes.count)
        scores = ScoreStore(attributeCount: plain.count)
    }

    /// Counts one accepted record; `codes` are its attribute codes then its intersection codes.
    package mutating func add(_ record: DecisionRecord, codes: [Int32], calendar: LocalCalendar) {
        counts.add(record, groups: codes)
        scores.add(record)
        if let result = record.appealResult { appeals.add(record, outcome: result == .overturned ? .adverse : .favorable) }
        for (slot, attribute) in byAttributes.enumerated() where record.groups[attribute] != AttributeGroups.unknown {
            Self.add(record, codes: codes, to: &byLevels[slot], at: record.groups[attribute])
        }
        if let decided = record.decidedAt {
            let date = LocalCalendar.date(ofDay: calendar.day(of: decided))
            Self.add(record, codes: codes, to: &monthly, at: date.year * 12 + date.month - 1)
        }
    }

    /// Counts a record in one level's counts, made when the level is new. Not through
    /// `subscript(_:default:)`, which allocated on every row (gdb, W at 100k rows).
    private static func add<Level: Hashable>(_ record: DecisionRecord, codes: [Int32], to levels: inout [Level: SelectionCounts],
                                             at level: Level) {
        if let index = levels.index(forKey: level) {
            levels.values[index].add(record, groups: codes)
        } else {
            var counts = SelectionCounts(attributeCount: codes.count)
            counts.add(record, groups: codes)
            levels[level] = counts
        }
    }

    /// Ends the run: names the group codes and takes the checks' compliance counts.
    package mutating func close(groups: [AttributeGroups], intersections: Intersections,
                        fairness: [(checkID: String, counts: SelectionCounts)]) {
        labels = groups.map(\.labels) + Array(repeating: [], count: intersections.count)
        spelled = groups.map(\.spelled)
        let definitions = intersections.definitionsForState
        intersectionComponents = definitions.map(\.components)
        intersectionMembers = definitions.map(\.members)
        relabelIntersections()
        self.fairness = fairness.map { CheckCounts(checkID: $0.checkID, counts: $0.counts) }
    }

    /// Labels each intersection code from its components' labels (`female × han`): after a
    /// merge, the components' labels are the merged ones, as a single run would have them.
    ///
    /// A component label that itself holds " × " is put in brackets, so that `a × b` with
    /// `c` and `a` with `b × c` stay two groups with two labels.
    mutating func relabelIntersections() {
        for (index, components) in intersectionComponents.enumerated() {
            labels[plainAttributeCount + index] = intersectionMembers[index].map { codes in
                zip(components, codes).map { component, code in
                    let label = labels[component][Int(code)]
                    return label.contains(" × ") ? "[\(label)]" : label
                }.joined(separator: " × ")
            }
        }
    }

    /// Decisions per type that has any.
    package var decisionsByType: [DecisionType: Int] { counts.decisionsByType }

    // MARK: Merging

    /// Adds another shard's state. Both must come from the same pipeline (the caller checks
    /// its hash); a difference in shape is still refused here, with the reason.
    package mutating func merge(_ other: MeasureState) -> String? {
        guard other.attributeNames == attributeNames, other.intersectionCount == intersectionCount else {
            return "its attributes (\(other.attributeNames.joined(separator: ", "))) differ from the first state's (\(attributeNames.joined(separator: ", ")))"
        }
        guard other.intersectionComponents == intersectionComponents else { return "its intersections differ from the first state's" }
        guard other.byAttributes == byAttributes else { return "its bias.by columns differ from the first state's" }
        guard other.fairness.map(\.checkID) == fairness.map(\.checkID) else { return "its checks differ from the first state's" }

        // Translate the other state's codes: same label (as values match: trimmed, case
        // folded) → this state's code; a new label → a new code here.
        // Keys are bytes, not Strings: Strings compare canonically equivalent spellings
        // (NFC `é`, NFD `e` + accent) as equal, and a run keeps them apart.
        var remap: [[Int32]] = []
        for attribute in 0..<plainAttributeCount {
            var known: [[UInt8]: Int32] = [:]
            for (code, label) in labels[attribute].enumerated() where known[Self.key(label)] == nil {
                known[Self.key(label)] = Int32(code)
            }
            remap.append(other.labels[attribute].map { label in
                if let code = known[Self.key(label)] { return code }
                let code = Int32(labels[attribute].count)
                labels[attribute].append(label)
                known[Self.key(label)] = code
                return code
            })
        }
        // An intersection code translates through its components' codes.
        for (index, components) in intersectionComponents.enumerated() {
            var known: [[Int32]: Int32] = [:]
            for (code, members) in intersectionMembers[index].enumerated() { known[members] = Int32(code) }
            remap.append(other.intersectionMembers[index].map { members in
                let translated = zip(components, members).map { remap[$0][Int($1)] }
                if let code = known[translated] { return code }
                let code = Int32(intersectionMembers[index].count)
                intersectionMembers[index].append(translated)
                known[translated] = code
                return code
            })
        }
        // Spellings: the first state's stand; a group it did not spell takes the other's.
        for attribute in 0..<plainAttributeCount {
            var mine = attribute < spelled.count ? spelled[attribute] : []
            mine += Array(repeating: nil, count: max(0, labels[attribute].count - mine.count))
            let theirs = attribute < other.spelled.count ? other.spelled[attribute] : []
            for (code, spelling) in theirs.enumerated() where spelling != nil && code < remap[attribute].count {
                let target = Int(remap[attribute][code])
                if mine[target] == nil { mine[target] = spelling }
            }
            if attribute < spelled.count { spelled[attribute] = mine } else { spelled.append(mine) }
        }
        labels.replaceSubrange(plainAttributeCount..., with: Array(repeating: [], count: intersectionCount))
        relabelIntersections()
        counts.merge(other.counts, remap: remap)
        appeals.merge(other.appeals, remap: remap)
        for (month, theirs) in other.monthly {
            monthly[month, default: SelectionCounts(attributeCount: attributeNames.count)].merge(theirs, remap: remap)
        }
        for (slot, attribute) in byAttributes.enumerated() {
            for (level, theirs) in other.byLevels[slot] {
                byLevels[slot][remap[attribute][Int(level)], default: SelectionCounts(attributeCount: attributeNames.count)]
                    .merge(theirs, remap: remap)
            }
        }
        for index in fairness.indices { fairness[index].counts.merge(other.fairness[index].counts, remap: remap) }
        do throws(AuditError) { try scores.merge(other.scores, remap: remap) } catch { return error.message }
        return nil
    }

    /// A label as values are matched: trimmed and lower-cased, compared by its bytes.
    static func key(_ label: String) -> [UInt8] { Array(TextKey.make(label).utf8) }

    // MARK: Statistics

    /// What the measure stage gives the report.
    package struct Results {
        package var selection: [SelectionStratum]
        package var processFairness: [CheckFairness]
        package var appealOutcomes: [SelectionStratum]
        package var scores: [ScoreStratum]
        package var drift: [MonthlySelection]
        package var byLevel: [LevelSelection]
        package var groupNames: GroupNames
    }

    /// The score tables: each attribute `bias.attributes` selects, then each intersection
    /// (LL144 asks for scoring rates of intersectional categories too).
    private func scoreGroupings(_ plain: [AttributeGroups], bias: BiasSettings) -> [ScoreStore.Grouping] {
        var groupings = ScoreStore.groupings(attributes: plain, bias: bias)
        for (index, components) in intersectionComponents.enumerated() {
            let codeOf = Dictionary(intersectionMembers[index].enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { $1 })
            groupings.append(ScoreStore.Grouping(name: attributeNames[plainAttributeCount + index],
                                                 labels: labels[plainAttributeCount + index]) { codes in
                let members = components.map { codes[$0] }
                return members.contains(AttributeGroups.unknown) ? nil : codeOf[members]
            })
        }
        return groupings
    }

    /// The statistics of the state, as `pipeline.bias` and `pipeline.report` ask.
    ///
    /// Two families of tests, each adjusted over the whole run: the outcomes by group, and
    /// the compliance by group. Kept apart so that the selection figures do not change with
    /// the number of checks that happen to find something.
    package func results(pipeline: Pipeline) throws(AuditError) -> Results {
        let bias = pipeline.bias
        let suppressBelow = pipeline.report.suppressBelow
        let all = attributeNames.indices.map { AttributeGroups(name: attributeNames[$0], labels: labels[$0]) }
        let plain = Array(all.prefix(plainAttributeCount))

        let selection = counts.strata(attributes: all, intersections: intersectionCount, bias: bias, suppressBelow: suppressBelow)
        let fairnessStrata = fairness.map { entry in
            CheckFairness(checkID: entry.checkID,
                          strata: entry.counts.strata(attributes: plain, bias: bias, suppressBelow: suppressBelow)
                            .filter { stratum in stratum.groups.contains { $0.favorable < $0.n } })
        }.filter { !$0.strata.isEmpty }

        // Levels in an order that does not depend on the run's codes: months in time
        // order, attribute levels by label.
        var columns: [(name: String, levels: [SelectionCounts])] = []
        var byLevel: [LevelSelection] = []
        for name in bias.by {
            if name == "month" {
                columns.append((name, monthly.keys.sorted().map { monthly[$0]! }))
            } else if let slot = byAttributes.firstIndex(where: { attributeNames[$0] == name }) {
                let attribute = byAttributes[slot]
                let levels = byLevels[slot].keys.sorted { labels[attribute][Int($0)].precedesByBytes(labels[attribute][Int($1)]) }
                columns.append((name, levels.map { byLevels[slot][$0]! }))
                // Within each level (each site), the outcomes by the other attributes.
                byLevel += levels.map { level in
                    LevelSelection(column: name, level: labels[attribute][Int(level)],
                                   strata: byLevels[slot][level]!.strata(attributes: all, intersections: intersectionCount, bias: bias,
                                                                         suppressBelow: suppressBelow)
                                       .filter { $0.attribute != name })
                }
            }
        }
        // The sanctions pooled by severity, after the per-type strata and adjusted with them
        // (one family: the outcomes by group); within each level, pooled the same way.
        let ladders = SanctionLadder.cuts(in: counts, order: bias.sanctionLadder)
        let pooled: [[SelectionStratum]] = ladders.map { ladder in
            counts.onLadder(ladder).strata(attributes: all, intersections: intersectionCount, bias: bias,
                                           suppressBelow: suppressBelow)
                .map { stratum -> SelectionStratum in
                    var stratum = stratum
                    stratum.ladder = ladder
                    return stratum
                }
        }
        var judgedBoth = SelectionCounts.judge(selection + pooled.flatMap { $0 }, bias: bias)[...]
        var judgedSelection = AcrossStrata.apply(to: Array(judgedBoth.prefix(selection.count)), attributes: all, by: columns)
        judgedBoth = judgedBoth.dropFirst(selection.count)
        for (ladder, strata) in zip(ladders, pooled) {
            judgedSelection += AcrossStrata.apply(to: Array(judgedBoth.prefix(strata.count)), attributes: all,
                                                  by: columns.map { ($0.name, $0.levels.map { $0.onLadder(ladder) }) })
            judgedBoth = judgedBoth.dropFirst(strata.count)
        }
        var judged = SelectionCounts.judge(fairnessStrata.flatMap(\.strata), bias: bias)[...]
        let judgedFairness = fairnessStrata.map { entry -> CheckFairness in
            defer { judged = judged.dropFirst(entry.strata.count) }
            return CheckFairness(checkID: entry.checkID, strata: Array(judged.prefix(entry.strata.count)))
        }

        return Results(
            selection: judgedSelection,
            processFairness: judgedFairness,
            appealOutcomes: appeals.strata(attributes: plain, bias: bias, suppressBelow: suppressBelow)
                .filter { stratum in stratum.groups.contains { $0.favorable < $0.n } },
            scores: try scores.strata(groupings: scoreGroupings(plain, bias: bias), bias: bias, suppressBelow: suppressBelow),
            drift: monthly.keys.sorted().map { key in
                let month = key % 12 + 1
                return MonthlySelection(
                    month: "\(key / 12)-\(month < 10 ? "0" : "")\(month)",
                    strata: monthly[key]!.strata(attributes: all, intersections: intersectionCount,
                                                 bias: bias, suppressBelow: suppressBelow))
            },
            byLevel: byLevel,
            groupNames: GroupNames(self)
        )
    }
}

// MARK: Groups written alike

extension MeasureState {
    /// At most this many groups are named in one warning, and this many warnings given an attribute.
    static let alikeGroupLimit = 16
    static let alikeWarningLimit = 8

    /// Per attribute, each set of its groups whose labels read alike (`alikeKey`): one group
    /// split into spellings (`hui`, `hui.`, `Hui (Muslim)`) is counted as several, each small
    /// enough to be suppressed, and a disparity vanishes. A warning names them; nothing is merged,
    /// as only the reader can say they are one. Made from the state, so a merge of shards gives
    /// the warnings of one run over them.
    package func alikeGroupWarnings() -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for attribute in 0..<min(plainAttributeCount, labels.count) {
            var sets: [String: [String]] = [:]
            var order: [String] = []
            for (code, label) in labels[attribute].enumerated() {
                // A group the pipeline names (`hui`) reads as the export first spelt it (`回族`).
                let spelling = attribute < spelled.count && code < spelled[attribute].count ? spelled[attribute][code] : nil
                let key = Self.alikeKey(spelling ?? label)
                guard key.unicodeScalars.contains(where: \.properties.isAlphabetic) else { continue }
                if sets[key] == nil { order.append(key) }
                sets[key, default: []].append(label)
            }
            for key in order.filter({ sets[$0]!.count > 1 }).prefix(Self.alikeWarningLimit) {
                warnings.append(Diagnostic(level: .warning, file: nil, code: .groupsWrittenAlike, values: [
                    "attribute": .text(attributeNames[attribute]), "groups": .list(Array(sets[key]!.prefix(Self.alikeGroupLimit))),
                ]))
            }
        }
        return warnings
    }

    /// A label as it reads once case, spaces, punctuation and bracketed remarks are set aside,
    /// and a trailing `人`: `Hui (Muslim)`, `hui.` and `HUI` read `hui`; `回族（少数民族）` and
    /// `回族人` read `回族`. Not prefixes (`han` and `hani` are two peoples).
    static func alikeKey(_ label: String) -> String {
        var depth = 0
        var kept: [Unicode.Scalar] = []
        for scalar in MeaningText.normalize(label).unicodeScalars {
            switch scalar {
            case "(", "[", "{", "（", "【", "［", "〔": depth += 1
            case ")", "]", "}", "）", "】", "］", "〕": depth = max(depth - 1, 0)
            default:
                if depth == 0, scalar.properties.isAlphabetic || scalar.properties.numericType != nil { kept.append(scalar) }
            }
        }
        if kept.count > 2, kept.last == "人" { kept.removeLast() }
        var key = ""
        key.unicodeScalars.append(contentsOf: kept)
        return key
    }
}
