/// HR-03: a reviewer who (almost) never departs from the system over many reviews —
/// human review in name only ("rubber-stamping").
///
/// Looks at every record with a human review by a named reviewer (`reviewer_id`
/// recorded, and `human_reviewed` not no) of an automated decision. Per reviewer it
/// counts the reviews whose `review_result` is recorded, the share that departed from
/// the system (`modified` or `overturned`), and, where `decided_at` and `reviewed_at`
/// are both recorded, the median time taken and the share of reviews faster than
/// `fast_review_seconds`. It flags a reviewer with at least `min_reviews` judged reviews
/// whose departure share is at most `max_departure_share`. A reviewer below
/// `min_reviews` is not judged; one whose results were never recorded is unknown.
/// The finding names the decisions it rests on: the decision ids of the reviewer's
/// judged reviews, the first `listedDecisions` in data order (across shards too, merged
/// in the order of the data), then how many more.
/// Does not judge whether any single review was right, and does not flag reviews that
/// are merely fast: the numbers are in the finding for the inspector to weigh.
/// Reviewer ids are shown as recorded: they are the employer's decision makers.
/// Review times are counted per reviewer and time (`ScoreCounts`, spilled to TMPDIR past a
/// table), so the medians are exact in memory that does not grow with reviews.
public struct RubberStampReview: RunCheck {
    public static let descriptor = CheckDescriptor(
        id: "HR-03",
        severity: .warning,
        titleEnglish: "Rubber-stamp review: reviewer almost never departs from the system",
        titleChinese: "形式化复核：复核人几乎从不改变系统决定",
        legalBasis: [Instruments.pipl.cite("24", policy: true), Instruments.gdprInstrument.cite("22", policy: true),
                     Instruments.aiActInstrument.cite("14")],
        notRecordedIsViolation: false,
        notes: [
            CheckNote(jurisdictions: [],
                      english: "A reading, not a rule: the law requires a human review that can change the outcome; token involvement is not one. The thresholds are this audit's, not the law's.",
                      chinese: "属法律解读而非明文规定：法律要求人工复核须能改变结果，象征性参与不构成人工复核；阈值由本次审计设定，并非法律规定。"),
            CheckNote(jurisdictions: ["EU"],
                      english: "So reads the EDPB on GDPR Art. 22 (WP251rev.01).",
                      chinese: "欧盟数据保护委员会（WP251rev.01）对GDPR第22条即作此解读。"),
            CheckNote(jurisdictions: ["CN"],
                      english: "So reads PIPL Art. 24(3).",
                      chinese: "《个人信息保护法》第24条第3款亦作此解读。"),
        ],
        evidenceNames: .reviewers
    )

    static let minReviews = CheckSetting<Int>("min_reviews", default: 20, help: "reviews a reviewer needs before being judged",
                                   helpChinese: "复核人至少需有多少次复核才予评判")
    static let maxDepartureShare = CheckSetting<Double>("max_departure_share", default: 0.02,
                                   help: "a reviewer who departs from the system in at most this share of reviews is flagged",
                                   helpChinese: "改变系统决定的比例不超过此值的复核人将被标记",
                                   validate: { value in
                                       if case .number(let v) = value, v < 0 || v > 1 { return "must be from 0 to 1" }
                                       return nil
                                   })
    static let fastReviewSeconds = CheckSetting<Int>("fast_review_seconds", default: 60, help: "reviews faster than this are reported as fast",
                                   helpChinese: "短于此秒数的复核记为快速复核")

    public static let parameters: [CheckParameter] = [minReviews.declaration, maxDepartureShare.declaration, fastReviewSeconds.declaration]

    /// One reviewer as first spelt: judged reviews (result recorded), departures from the
    /// system, reviews whose result is not recorded, review durations, first decision ids.
    public struct Reviewer: Codable, Sendable, Equatable {
        var label: String
        var judged = 0
        var departed = 0
        var unrecorded = 0
        /// Review durations in seconds, each with how many reviews took it, ascending (in a
        /// state; during a run they are counted in `RubberStampReview.times`).
        var durations: [ReviewTime] = []
        /// The decision ids of the first judged reviews, at most `listedDecisions`.
        var decisionIDs: [String] = []
    }

    /// A review duration and how many reviews took it.
    public struct ReviewTime: Codable, Sendable, Equatable {
        var seconds: Int32
        var reviews: Int
    }

    /// What HR-03 saves with a shard's state: every reviewer, ordered by the bytes of the
    /// label. Labels stay as spelt: canonically equivalent spellings (NFC and NFD) are
    /// different reviewers here, as they are during the run.
    public struct Observations: RunCheckObservations {
        var reviewers: [Reviewer]
        /// Every judged or unrecorded review is one record's.
        public var recordsObserved: Int { reviewers.flatMap { [$0.judged, $0.unrecorded] }.saturatingSum }
    }

    /// How many decision ids a finding names; the rest are counted.
    static let listedDecisions = 20

    private let minReviews: Int
    private let maxDepartureShare: Double
    private let fastSeconds: Int
    private var codes = ByteKeyTable()
    private var reviewers: [Reviewer] = []
    /// Review durations: the seconds as the score, the reviewer's code as the profile.
    private var times = ScoreCounts()

    public init(parameters: CheckParameters) {
        minReviews = Self.minReviews.value(in: parameters)
        maxDepartureShare = Self.maxDepartureShare.value(in: parameters)
        fastSeconds = Self.fastReviewSeconds.value(in: parameters)
    }

    public mutating func observe(_ record: DecisionRecord, context: CheckContext) {
        guard record.automated ?? context.assumeAutomated, record.humanReviewed != false else { return }
        let range = TextKey.trimmedRange(record.reviewerID.bytes)
        guard !range.isEmpty else { return }
        let id = UnsafeRawBufferPointer(rebasing: record.reviewerID.bytes[range])
        // Reviewer ids match as every value does: trimmed, ASCII case folded.
        let code = Int(codes.insert(folding: id, value: Int32(reviewers.count)))
        if code == reviewers.count { reviewers.append(Reviewer(label: String(decoding: id, as: UTF8.self))) }
        switch record.reviewResult {
        case .upheld?: reviewers[code].judged += 1
        case .modified?, .overturned?:
            reviewers[code].judged += 1
            reviewers[code].departed += 1
        case nil: reviewers[code].unrecorded += 1
        }
        // An id that is the subject's own is not listed unless ids are kept: it would name the
        // worker (the count of the rest says how many were left out).
        if record.reviewResult != nil && reviewers[code].decisionIDs.count < Self.listedDecisions
            && (context.subjectIDs == .keep || record.subjectInDecisionID == nil) {
            reviewers[code].decisionIDs.append(record.decisionID.string)
        }
        if let decided = record.decidedAt, let reviewed = record.reviewedAt, reviewed >= decided {
            times.add(Double(Int32(clamping: reviewed - decided)), profile: code)
        }
    }

    public var observations: Observations {
        get throws(AuditError) {
            var saved = reviewers
            var sorted = try times.sorted()
            while let entry = sorted.next() { saved[entry.profile].durations.append(ReviewTime(seconds: Int32(entry.value), reviews: entry.count)) }
            try sorted.finish()
            return Observations(reviewers: saved.sorted { $0.label.utf8.lexicographicallyPrecedes($1.label.utf8) })
        }
    }

    /// A later part's reviewers and review times, added without making its observations:
    /// its times are read in order from its counts.
    public mutating func join(_ later: RubberStampReview, context: CheckContext) throws(AuditError) -> String? {
        var codeHere: [Int] = []
        for reviewer in later.reviewers {
            let code = add(Reviewer(label: reviewer.label, judged: reviewer.judged, departed: reviewer.departed,
                                    unrecorded: reviewer.unrecorded, decisionIDs: reviewer.decisionIDs))
            codeHere.append(code)
        }
        var sorted = try later.times.sorted()
        while let entry = sorted.next() { times.add(entry.value, profile: codeHere[entry.profile], count: entry.count) }
        try sorted.finish()
        return nil
    }

    /// Adds a reviewer's counts and first ids to the reviewer of the same label (ASCII case
    /// folded, as during the run); returns its code.
    private mutating func add(_ saved: Reviewer) -> Int {
        let bytes = Array(saved.label.utf8)
        let code = Int(bytes.withUnsafeBytes { codes.insert(folding: $0, value: Int32(reviewers.count)) })
        if code == reviewers.count { reviewers.append(Reviewer(label: saved.label)) }
        reviewers[code].judged += saved.judged
        reviewers[code].departed += saved.departed
        reviewers[code].unrecorded += saved.unrecorded
        // The first ids in the order of the data: this part's or shard's follow the earlier ones.
        reviewers[code].decisionIDs += saved.decisionIDs.prefix(Self.listedDecisions - reviewers[code].decisionIDs.count)
        return code
    }

    public mutating func absorb(_ observations: Observations, context: CheckContext) -> String? {
        if let damage = Self.damage(observations) { return damage }
        for saved in observations.reviewers {
            let code = add(saved)
            for time in saved.durations { times.add(Double(time.seconds), profile: code, count: time.reviews) }
        }
        return nil
    }

    /// What is wrong with saved observations, as a run never writes them: a label empty, not
    /// trimmed, out of byte order or folding into another; counts out of bounds or against each
    /// other (departures beyond reviews, more review times or listed ids than reviews, a
    /// negative time).
    private static func damage(_ observations: Observations) -> String? {
        let limit = SelectionCounts.countLimit
        var folded = ByteKeyTable()
        var previous: [UInt8]? = nil
        for (index, saved) in observations.reviewers.enumerated() {
            let bytes = Array(saved.label.utf8)
            guard !bytes.isEmpty, bytes.withUnsafeBytes({ TextKey.trimmedRange($0) }) == bytes.indices else { return "HR-03 saved a reviewer without a trimmed label" }
            guard previous.map({ $0.lexicographicallyPrecedes(bytes) }) ?? true,
                  bytes.withUnsafeBytes({ folded.insert(folding: $0, value: Int32(index)) }) == Int32(index) else {
                return "HR-03 saved reviewer '\(saved.label)' twice or out of order"
            }
            previous = bytes
            let timed = saved.durations.reduce(0) { $0 + max($1.reviews, 0) }
            guard [saved.judged, saved.departed, saved.unrecorded].allSatisfy({ (0...limit).contains($0) }), saved.departed <= saved.judged,
                  saved.durations.allSatisfy({ $0.seconds >= 0 && (1...limit).contains($0.reviews) }),
                  zip(saved.durations, saved.durations.dropFirst()).allSatisfy({ $0.seconds < $1.seconds }),
                  timed <= saved.judged + saved.unrecorded,
                  saved.decisionIDs.count <= min(saved.judged, Self.listedDecisions) else {
                return "HR-03's counts for reviewer '\(saved.label)' are damaged"
            }
        }
        return nil
    }

    public func conclude(context: CheckContext) throws(AuditError) -> RunCheckOutcome {
        let durations = try medianTimes()
        var applicable = 0
        var unknown = 0
        var violations: [RunCheckOutcome.Violation] = []
        for (code, reviewer) in reviewers.enumerated().sorted(by: { $0.element.label < $1.element.label }) {
            if reviewer.judged == 0 && reviewer.unrecorded >= minReviews {
                applicable += 1
                unknown += 1
                continue
            }
            guard reviewer.judged >= minReviews else { continue }
            applicable += 1
            let share = Double(reviewer.departed) / Double(reviewer.judged)
            guard share <= maxDepartureShare else { continue }
            var medianSeconds: Double?, fastShare: Double?
            if let timed = durations[code] {
                medianSeconds = timed.median
                fastShare = Double(timed.fast) / Double(timed.reviews)
            }
            let record = FindingDetail.ReviewerRecord(judged: reviewer.judged, departed: reviewer.departed, medianSeconds: medianSeconds,
                                                      fastShare: fastShare, fastSeconds: fastSeconds, decisionIDs: reviewer.decisionIDs)
            violations.append(.init(subject: .reviewer(reviewer.label), detail: .rubberStamp(reviewer: record)))
        }
        return RunCheckOutcome(applicable: applicable, unknown: unknown == 0 ? [:] : [.reviewResultNotRecorded: unknown], violations: violations)
    }

    /// Per reviewer code with timed reviews: their median duration (the middle one, or the
    /// mean of the middle two) and how many were faster than `fast_review_seconds`, read
    /// from the counts in order.
    private func medianTimes() throws(AuditError) -> [Int: (median: Double, fast: Int, reviews: Int)] {
        var seen: [Int] = Array(repeating: 0, count: reviewers.count)
        var lower: [Double?] = Array(repeating: nil, count: reviewers.count)
        var upper: [Double?] = Array(repeating: nil, count: reviewers.count)
        var fast: [Int] = Array(repeating: 0, count: reviewers.count)
        var sorted = try times.sorted()
        while let entry = sorted.next() {
            let code = entry.profile
            let reviews = times.perProfile[code]
            // The middle positions: (n − 1) / 2 and n / 2, one position when n is odd.
            let (low, high) = ((reviews - 1) / 2, reviews / 2)
            let end = seen[code] + entry.count
            if lower[code] == nil && low < end { lower[code] = entry.value }
            if upper[code] == nil && high < end { upper[code] = entry.value }
            if entry.value < Double(fastSeconds) { fast[code] += entry.count }
            seen[code] = end
        }
        try sorted.finish()
        var result: [Int: (median: Double, fast: Int, reviews: Int)] = [:]
        for code in reviewers.indices {
            guard let low = lower[code], let high = upper[code] else { continue }
            let reviews = times.perProfile[code]
            result[code] = (reviews % 2 == 1 ? high : (low + high) / 2, fast[code], reviews)
        }
        return result
    }
}
