import Foundation

/// Runs the enabled checks: record checks on each accepted record as it passes, run
/// checks at the end. Counts what each check looked at and found, and hands every
/// violation to the sink as a finding.
///
/// A record is judged only by rules in force for it: a check whose citations (narrowed to
/// the pipeline's jurisdictions, and to the record's own `jurisdiction` when the export
/// has one) all apply from a later date than the decision does not apply to it. Whether it
/// would have broken the check is still asked, and such decisions are counted apart
/// (`DatedBeforeRules`): the date is the employer's to write.
///
/// Every record passes through here once per check, and an export without, say, a notice
/// column yields a finding per record: per check, what does not change is computed once
/// (ids, severities, the legal-basis texts for each set of citations in force), and per
/// record, the strings a finding needs are made once, on its first finding.
package struct CheckRunner {
    /// One enabled record check and what its findings repeat. A class, so that looking
    /// an entry up per record costs one reference, not a copy of its arrays.
    private final class RecordEntry {
        let check: any RecordCheck
        let id: String
        let severity: Severity
        let inForceOnAsOfDate: Bool
        /// Local day from which each citation applies, and its jurisdiction.
        let fromDays: [Int64]
        let jurisdictions: [String]
        /// `instrument article` of each citation, for verdicts that name theirs.
        let citationKeys: [String]
        /// Legal-basis text by bit set of citations in force (at most 8 citations a check).
        let basisTexts: [CitedText]

        init(check: any RecordCheck, id: String, severity: Severity, inForceOnAsOfDate: Bool,
             fromDays: [Int64], jurisdictions: [String], citationKeys: [String], basisTexts: [CitedText]) {
            self.check = check
            self.id = id
            self.severity = severity
            self.inForceOnAsOfDate = inForceOnAsOfDate
            self.fromDays = fromDays
            self.jurisdictions = jurisdictions
            self.citationKeys = citationKeys
            self.basisTexts = basisTexts
        }

        /// Bit set of the citations a verdict names (`instrument article`).
        func namedMask(_ citations: Set<String>) -> Int {
            var mask = 0
            for (bit, key) in citationKeys.enumerated() where citations.contains(key) { mask |= 1 << bit }
            return mask
        }

        /// Bit set of the citations in force for a decision of local `day` (nil: not
        /// recorded, so assumed) in `jurisdiction` (nil: not given, so every selected one).
        func citationsInForce(day: Int64?, jurisdiction: String?) -> Int {
            var mask = 0
            // Plain comparisons first, through the buffer: this runs for every record and check.
            // (Written as an `if let day` over an all-citations mask it took 10 % more, callgrind.)
            fromDays.withUnsafeBufferPointer { fromDays in
                for index in fromDays.indices where day.map({ $0 >= fromDays[index] }) ?? true { mask |= 1 << index }
            }
            guard let jurisdiction, mask != 0 else { return mask }
            for index in jurisdictions.indices where mask & (1 << index) != 0 && !CheckRunner.covers(jurisdictions[index], jurisdiction) {
                mask &= ~(1 << index)
            }
            return mask
        }

        /// The first local day any citation covering `jurisdiction` (nil: every selected one)
        /// applies from; nil when none covers it.
        func firstDayInForce(jurisdiction: String?) -> Int64? {
            var first: Int64? = nil
            for index in fromDays.indices where jurisdiction.map({ CheckRunner.covers(jurisdictions[index], $0) }) ?? true {
                first = min(first ?? .max, fromDays[index])
            }
            return first
        }
    }

    /// The strings of the current record's findings, made on its first finding.
    private struct RecordStrings {
        let decisionID: String
        let subject: String
        let decidedAt: String
    }

    private let recordChecks: [RecordEntry]
    private var runChecks: [(check: any RunCheck, descriptor: CheckDescriptor)]
    /// The run's context: the pipeline's time zone.
    package let context: CheckContext
    /// One context per time zone of `PlaceZones` (the first is `context`): a record is
    /// judged by the local time of its place.
    private let zoneContexts: [CheckContext]
    private var jurisdictionCodes = JurisdictionCodes()
    private let pseudonymizer: Pseudonymizer
    /// Record checks first, then run checks; the run sorts them into catalogue order. The
    /// unknown verdicts' reasons are counted apart (`unknowns`) and added in here.
    package var tallies: [CheckTally] { unknowns.added(to: counted) }
    private var counted: [CheckTally]
    private var unknowns: UnknownCounts
    private let descriptors: [CheckDescriptor]
    /// Per record check, judged decisions and compliant ones by decision type and group:
    /// is a violation (say, missing human review) concentrated on one group?
    package private(set) var fairness: [SelectionCounts]
    /// The decisions dated before the rules they would break were in force where they were
    /// made: not judged by those checks, and said (`beforeRulesWarning`).
    private var beforeRules: DatedBeforeRules

    package init(pipeline: Pipeline, context: CheckContext, pseudonymizer: Pseudonymizer) {
        let enabled = CheckRegistry.enabledRecordChecks(pipeline.checks)
        recordChecks = enabled.map { check, descriptor in
            let citations = Array(descriptor.legalBasis.prefix(8))
            return RecordEntry(
                check: check, id: descriptor.id, severity: descriptor.severity,
                inForceOnAsOfDate: descriptor.inForceOnAsOfDate,
                fromDays: citations.map { AsOfDate($0.appliesFrom).map(LocalCalendar.day(of:)) ?? .min },
                jurisdictions: citations.map(\.jurisdiction),
                citationKeys: citations.map { "\($0.instrument) \($0.article)" },
                basisTexts: (0..<(1 << citations.count)).map { mask in
                    CitedText(citing: citations.indices.filter { mask & (1 << $0) != 0 }.map { citations[$0] })
                }
            )
        }
        runChecks = CheckRegistry.enabledRunChecks(pipeline.checks)
        descriptors = enabled.map(\.descriptor) + runChecks.map(\.descriptor)
        self.context = context
        current = context
        zoneContexts = PlaceZones(input: pipeline.input).zones.enumerated().map { index, zone in
            guard index > 0 else { return context }
            var local = context
            local.calendar = LocalCalendar(timeZone: TimeZone(identifier: zone) ?? context.calendar.timeZone)
            return local
        }
        // One runner per thread: states of its own (`Pseudonymizer.separate`).
        self.pseudonymizer = pseudonymizer.separate()
        counted = descriptors.map { CheckTally(descriptor: $0) }
        unknowns = UnknownCounts(checks: recordChecks.count)
        fairness = Array(repeating: SelectionCounts(attributeCount: pipeline.attributes.count), count: recordChecks.count)
        beforeRules = DatedBeforeRules(checks: recordChecks.count)
    }

    /// True when an enabled check needs the as-of date.
    package var needsAsOfDate: Bool { descriptors.contains { $0.usesAsOfDate } }

    /// The latest decision day seen, for the citations of run-wide findings.
    private var latestDecisionDay: Int64? = nil

    /// The context of the zone of the record last judged (`currentZone`), its jurisdiction
    /// the record's: kept in place, rather than the zone's context copied and changed for
    /// every record (an outlined copy of the whole value; retains on two cores fell from 3.5 %
    /// to 2.2 % of the CPU at 10M rows with this and `judge`).
    private var current: CheckContext
    private var currentZone = 0

    package mutating func run(_ record: DecisionRecord, file: String, into sink: any AuditSink) throws(AuditError) {
        let zone = min(record.zone, zoneContexts.count - 1)
        if zone != currentZone {
            current = zoneContexts[zone]
            currentZone = zone
        }
        let jurisdiction = jurisdictionCodes.code(of: record.jurisdiction)
        if current.recordJurisdiction != jurisdiction { current.recordJurisdiction = jurisdiction }
        try Self.judge(record, context: current, jurisdiction: jurisdiction, file: file, into: sink, recordChecks: recordChecks,
                       runChecks: &runChecks, tallies: &counted, unknowns: &unknowns, fairness: &fairness,
                       beforeRules: &beforeRules, latestDecisionDay: &latestDecisionDay, pseudonymizer: pseudonymizer)
    }

    /// One record through the run checks' observations and the record checks. Static, so that
    /// `current` is passed beside the tallies it does not alias.
    private static func judge(_ record: DecisionRecord, context: CheckContext, jurisdiction: String?, file: String, into sink: any AuditSink,
                              recordChecks: [RecordEntry], runChecks: inout [(check: any RunCheck, descriptor: CheckDescriptor)],
                              tallies: inout [CheckTally], unknowns: inout UnknownCounts, fairness: inout [SelectionCounts],
                              beforeRules: inout DatedBeforeRules, latestDecisionDay: inout Int64?,
                              pseudonymizer: Pseudonymizer) throws(AuditError) {
        for index in runChecks.indices { runChecks[index].check.observe(record, context: context) }
        let decisionDay = record.decidedAt.map { context.calendar.day(of: $0) }
        if let decisionDay, decisionDay > latestDecisionDay ?? .min { latestDecisionDay = decisionDay }
        var strings: RecordStrings? = nil
        // The first day a rule this decision escaped by its date began (`.max`: none escaped).
        var escapedRuleStart = Int64.max
        for index in recordChecks.indices {
            let entry = recordChecks[index]
            let day = entry.inForceOnAsOfDate ? (context.asOfDay ?? decisionDay) : decisionDay
            let inForce = entry.citationsInForce(day: day, jurisdiction: jurisdiction)
            // No citation in force for this decision: the check does not apply to it. Where its
            // rules cover the place but came into force after the decision's date (and by the
            // as-of date: a rule yet to begin binds nothing the audit judges), a violation is
            // counted apart and said: a date is the employer's to write, and backdating a
            // decision (or writing a number that reads as a day in 1986) would hide it.
            if inForce == 0 && !entry.fromDays.isEmpty {
                if let decisionDay, !entry.inForceOnAsOfDate || context.asOfDay == nil,
                   let ruleStart = entry.firstDayInForce(jurisdiction: jurisdiction), decisionDay < ruleStart,
                   ruleStart <= context.asOfDay ?? .max,
                   entry.check.evaluate(record, context: context).isViolation {
                    beforeRules.escaped(check: index, ruleStart: ruleStart)
                    escapedRuleStart = min(escapedRuleStart, ruleStart)
                }
                continue
            }
            let detail: FindingDetail
            var notRecorded = false
            var cited = inForce
            let verdict = entry.check.evaluate(record, context: context)
            // A violation only under citations none of which is in force: outside the check's scope.
            if case .violationOnlyCiting(_, let citations) = verdict, inForce & entry.namedMask(citations) == 0 { continue }
            switch verdict {
            case .notApplicable:
                continue
            case .compliant:
                tallies[index].applicable += 1
                fairness[index].add(record, outcome: .favorable)
                continue
            case .unknown(let reason):
                tallies[index].applicable += 1
                tallies[index].unknown += 1
                unknowns.count(reason, check: index, in: &tallies[index])
                continue
            case .violation(let text):
                detail = text
            case .violationCiting(let text, let citations), .violationOnlyCiting(let text, let citations):
                detail = text
                let named = entry.namedMask(citations)
                if inForce & named != 0 { cited = inForce & named }
            case .violationNotRecorded(let text):
                detail = text
                notRecorded = true
                tallies[index].notRecorded += 1
            }
            tallies[index].applicable += 1
            tallies[index].violations += 1
            fairness[index].add(record, outcome: .adverse)
            if strings == nil {
                let subject = pseudonymizer.display(record.subjectID)
                strings = RecordStrings(decisionID: record.shownDecisionID(subject: subject), subject: subject,
                                        decidedAt: record.decidedAt.map(ISOTime.utc) ?? "")
            }
            if tallies[index].firstDecisionIDs.count < CheckTally.evidenceListLimit {
                tallies[index].firstDecisionIDs.append(strings!.decisionID)
                tallies[index].firstDetails.append(detail)
            }
            try sink.finding(Finding(
                decisionID: strings!.decisionID, subject: .worker(strings!.subject),
                checkID: entry.id, severity: entry.severity,
                decisionType: record.decisionType, decidedAt: strings!.decidedAt,
                detail: detail, notRecorded: notRecorded,
                legalBasis: entry.basisTexts[cited], file: file, line: record.line
            ))
        }
        if escapedRuleStart != .max, let decisionDay { beforeRules.note(day: decisionDay, ruleStart: escapedRuleStart, file: file, line: record.line) }
    }

    /// A warning when decisions escaped checks by their dates while others of the input are
    /// dated after those checks' rules came into force (`DatedBeforeRules`).
    package var beforeRulesWarning: Diagnostic? {
        guard let latestDecisionDay else { return nil }
        return beforeRules.warning(checks: recordChecks.map(\.id), latestDecisionDay: latestDecisionDay)
    }

    /// The record checks' ids, in the order of `fairness`.
    package var recordCheckIDs: [String] { recordChecks.map(\.id) }

    /// Ends the run: the run checks give their findings. A run-wide finding is about the
    /// whole period, so it cites the rules in force at its end: the as-of date, or else
    /// the latest decision.
    package mutating func finish(into sink: any AuditSink) throws(AuditError) {
        let endDay = context.asOfDay ?? latestDecisionDay
        for (offset, entry) in runChecks.enumerated() {
            let index = recordChecks.count + offset
            let outcome = try entry.check.conclude(context: context)
            Self.record(outcome, in: &counted[index])
            for finding in Self.findings(of: outcome, descriptor: entry.descriptor, endDay: endDay) { try sink.finding(finding) }
        }
    }

    /// A run check's violations as findings (no decision, no line: they are about the run).
    package static func findings(of outcome: RunCheckOutcome, descriptor: CheckDescriptor, endDay: Int64?) -> [Finding] {
        let basis = CitedText(citing: citationsInForce(descriptor, endDay: endDay))
        return outcome.violations.map { violation in
            Finding(decisionID: "", subject: violation.subject, checkID: descriptor.id, severity: descriptor.severity,
                    decisionType: nil, decidedAt: "", detail: violation.detail, notRecorded: false, legalBasis: basis, file: "", line: 0)
        }
    }

    /// Adds what another runner of the same pipeline counted and observed (the later part
    /// of a split file): the record checks' counts, the run checks' observations. The
    /// compliance counts by group go through the measure state, which merges by label.
    package mutating func absorb(_ other: CheckRunner) -> String? {
        let others = other.tallies
        for index in counted.indices where index < recordChecks.count { counted[index].add(others[index]) }
        beforeRules.add(other.beforeRules)
        for index in runChecks.indices {
            do throws(AuditError) {
                if let problem = try runChecks[index].check.join(any: other.runChecks[index].check, context: context) { return problem }
            } catch {
                return error.message
            }
        }
        if let day = other.latestDecisionDay, day > latestDecisionDay ?? .min { latestDecisionDay = day }
        return nil
    }

    /// What the run checks observed, by check id, for the shard state.
    package var runCheckObservations: [String: any RunCheckObservations] {
        get throws(AuditError) {
            var observed: [String: any RunCheckObservations] = [:]
            for entry in runChecks { observed[entry.descriptor.id] = try entry.check.observations }
            return observed
        }
    }

    /// A run check's outcome as its tally: units judged, unknown, violating (their subjects as the evidence list).
    package static func record(_ outcome: RunCheckOutcome, in tally: inout CheckTally) {
        tally.applicable = outcome.applicable
        tally.unknown = outcome.unknown
        tally.unknownReasons = Dictionary(uniqueKeysWithValues: outcome.unknownReasons.map { ($0.key.code, $0.value) })
        tally.violations = outcome.violations.count
        tally.firstDecisionIDs = Array(outcome.violations.prefix(CheckTally.evidenceListLimit).map(\.subject.label))
        tally.firstDetails = Array(outcome.violations.prefix(CheckTally.evidenceListLimit).map(\.detail))
    }

    /// A run-wide finding is about the whole period, so it cites the rules in force at its
    /// end: the as-of date, or else the latest decision.
    package static func citationsInForce(_ descriptor: CheckDescriptor, endDay: Int64?) -> [LegalCitation] {
        descriptor.legalBasis.filter { citation in
            guard let endDay, let from = AsOfDate(citation.appliesFrom) else { return true }
            return endDay >= LocalCalendar.day(of: from)
        }
    }

    /// A citation of `citation` jurisdiction covers a record of `record` jurisdiction:
    /// the same, or a part of it (`US` covers `US-NYC`), or an EU member state or a part of
    /// one (`DE-BY`) for EU law.
    package static func covers(_ citation: String, _ record: String) -> Bool {
        record == citation || record.hasPrefix(citation + "-")
            || (citation == "EU" && euMembers.contains(String(record.prefix { $0 != "-" })))
    }

    /// EU member states (ISO 3166 codes, as exports write them): EU law covers them.
    package static let euMembers: Set<String> = [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "EL", "HU", "IE", "IT",
        "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
    ]
}

/// A record's `jurisdiction` as the legal bases name it: a code as written (`CN`, `DE`,
/// `US-NYC`), or the code of a country or city written out (`China`, `Netherlands`, `深圳`,
/// see `Places.jurisdictionCode`). Remembered per spelling, up to `limit` spellings.
///
/// A value that names no place known (`Dub"lin`, `Atlantis`) gives no code, as a blank does,
/// so the run's jurisdictions judge the decision: an export under inspection cannot take a
/// decision out of every rule by misspelling its place (DQ-04 names it).
struct JurisdictionCodes {
    private var table = ByteKeyTable()
    private var codes: [String?] = []
    /// Enough for every place of a real export; past it, a spelling is read each time it comes.
    static let limit = 16_384

    mutating func code(of field: FieldBytes) -> String? {
        if ValueMaps.isBlank(field) { return nil }
        if let known = ValueMaps.code(in: table, for: field) { return codes[Int(known)] }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: field.bytes[TextKey.trimmedRange(field.bytes)]), as: UTF8.self)
        let code = Places.jurisdictionCode(of: text)
        if codes.count < Self.limit {
            table.insert(TextKey.make(text), value: Int32(codes.count))
            codes.append(code)
        }
        return code
    }
}

/// Unknown verdicts counted by record check and reason, by position. Looking the reason's
/// text up in the tally's dictionary for every record and check that could not judge it was
/// 2 % of a run of every check (three a record, callgrind). A tally's dictionary still holds
/// the first `CheckTally.unknownReasonLimit` reasons met, in the order met; their counts are
/// added in when the tallies are read.
struct UnknownCounts {
    private static let reasons = UnknownReason.allCases
    private var counts: [Int]
    /// Per check and reason: 0 not met yet, 1 kept in the tally, 2 past the tally's bound.
    private var state: [UInt8]

    init(checks: Int) {
        counts = Array(repeating: 0, count: checks * Self.reasons.count)
        state = Array(repeating: 0, count: checks * Self.reasons.count)
    }

    mutating func count(_ reason: UnknownReason, check: Int, in tally: inout CheckTally) {
        let slot = check * Self.reasons.count + Self.reasons.firstIndex(of: reason)!
        if state[slot] == 0 {
            if tally.unknownReasons[reason.code] == nil, tally.unknownReasons.count < CheckTally.unknownReasonLimit {
                tally.unknownReasons[reason.code] = 0
            }
            state[slot] = tally.unknownReasons[reason.code] == nil ? 2 : 1
        }
        counts[slot] += 1
    }

    /// `tallies` with the counts of the reasons they keep added in.
    func added(to tallies: [CheckTally]) -> [CheckTally] {
        var tallies = tallies
        for slot in state.indices where state[slot] == 1 {
            let check = slot / Self.reasons.count
            tallies[check].unknownReasons[Self.reasons[slot % Self.reasons.count].code, default: 0] += counts[slot]
        }
        return tallies
    }
}
