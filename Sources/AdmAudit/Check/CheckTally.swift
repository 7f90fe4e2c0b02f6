/// Per check: how many records it looked at and what it found.
public struct CheckTally: Sendable, Equatable {
    public var descriptor: CheckDescriptor
    public var applicable = 0
    public var violations = 0
    /// Violations because the employer did not record what would show compliance.
    public var notRecorded = 0
    public var unknown = 0
    /// Why records could not be judged: reason → count, for the first few distinct reasons.
    public var unknownReasons: [String: Int] = [:]
    public static let unknownReasonLimit = 10
    /// The first decision ids found (bounded), for the evidence list in readable reports.
    public var firstDecisionIDs: [String] = []
    /// The finding's detail for each of them, in the same order (the list words them); a
    /// state file holds one per id or is refused.
    public var firstDetails: [FindingDetail] = []
    public static let evidenceListLimit = 50
    /// The ids with their details.
    public var evidence: [(id: String, detail: FindingDetail)] {
        Array(zip(firstDecisionIDs, firstDetails))
    }
    /// Violations per applicable decision; undefined when there were none, or when none
    /// could be judged (every one unknown), as 0 % would then say more than was shown.
    public var rate: Ratio {
        if applicable == 0 { return .undefined(.noApplicableDecisions) }
        if violations == 0, unknown >= applicable { return .undefined(.noDecisionJudged) }
        return .value(Double(violations) / Double(applicable))
    }

    /// Nothing counted yet; the counts' starting values are their declarations'.
    package init(descriptor: CheckDescriptor) {
        self.descriptor = descriptor
    }
}

extension CheckTally {
    /// Adds another shard's counts. The evidence list and the unknown reasons keep their
    /// bounds: the first ids in shard order, and counts for the first reasons seen.
    package mutating func add(_ other: CheckTally) {
        applicable += other.applicable
        violations += other.violations
        notRecorded += other.notRecorded
        unknown += other.unknown
        for (reason, count) in other.unknownReasons.sorted(by: { $0.key < $1.key }) {
            if unknownReasons[reason] != nil {
                unknownReasons[reason]! += count
            } else if unknownReasons.count < Self.unknownReasonLimit {
                unknownReasons[reason] = count
            }
        }
        firstDetails = Array((firstDetails + other.firstDetails).prefix(Self.evidenceListLimit))
        firstDecisionIDs = Array((firstDecisionIDs + other.firstDecisionIDs).prefix(Self.evidenceListLimit))
    }
}
