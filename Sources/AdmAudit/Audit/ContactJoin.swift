import Foundation

/// DC-02's join of the decision exports to the activity logs: the adverse decisions (as the
/// exports are read), and the off-hours contacts and the workers' off-hours answers to them (as
/// the ledger finds them), wait in sorted runs by worker and time, spilled to TMPDIR when there are many,
/// and are read back in one merge once every input was read, whichever came first. Memory
/// grows with neither.
final class ContactJoin {
    /// An adverse decision about a worker: enough to write its finding.
    struct Decision: SortedRunElement {
        var worker: WorkerKey
        /// `Int64.min` when the decision has no `decided_at` (unknown).
        var decidedAt: Int64
        var line: Int64
        var fileIndex: Int32
        var type: UInt8
        var id: InlineID

        static func precedes(_ a: Decision, _ b: Decision) -> Bool {
            if a.worker != b.worker { return a.worker < b.worker }
            if a.decidedAt != b.decidedAt { return a.decidedAt < b.decidedAt }
            return (a.fileIndex, a.line) < (b.fileIndex, b.line)
        }
    }

    /// An off-hours contact, or (`channel` `answer`) the worker's first own event outside
    /// scheduled time after one: every contact before it is answered.
    struct Contact: SortedRunElement {
        var worker: WorkerKey
        var start: Int64
        var channel: UInt8
        var replyRequested: Bool

        /// The channel code of an answer: after every `ActivityChannel`.
        static let answer = UInt8.max
        var isAnswer: Bool { channel == Self.answer }

        /// At one instant, the contact before the answer: it is answered.
        static func precedes(_ a: Contact, _ b: Contact) -> Bool {
            if a.worker != b.worker { return a.worker < b.worker }
            if a.start != b.start { return a.start < b.start }
            return (a.channel, a.replyRequested ? 1 : 0) < (b.channel, b.replyRequested ? 1 : 0)
        }
    }

    /// A decision found after an unanswered contact, with the contact: kept until every one is
    /// found, then written in the order of the decisions' files and lines (worker keys are
    /// fingerprints under a key drawn per process: their order is not the same from run to run).
    struct Violation: SortedRunElement {
        var decision: Decision
        var contact: Contact

        static func precedes(_ a: Violation, _ b: Violation) -> Bool {
            (a.decision.fileIndex, a.decision.line) < (b.decision.fileIndex, b.decision.line)
        }
    }

    let check: DecisionAfterUnansweredContact
    let descriptor: CheckDescriptor
    private let decisions = SortedRuns<Decision>(runLength: 1 << 16)
    /// The contacts and answers the ledger finds.
    let contacts = Contacts()

    /// Off-hours contacts and answers as the ledger finds them; a later range of workers'
    /// (made on another thread) are gathered apart and joined after.
    final class Contacts: @unchecked Sendable {
        fileprivate let runs = SortedRuns<Contact>(runLength: 1 << 16)

        /// An off-hours contact, or (`channel` nil) an off-hours answer.
        func add(worker: WorkerKey, time: Int64, channel: ActivityChannel?, replyRequested: Bool) {
            let code = channel.map { UInt8(ActivityChannel.allCases.firstIndex(of: $0)!) } ?? Contact.answer
            runs.append(Contact(worker: worker, start: time, channel: code, replyRequested: replyRequested))
        }

        func join(_ later: Contacts) { runs.join(later.runs) }
    }

    init(check: DecisionAfterUnansweredContact, descriptor: CheckDescriptor) {
        self.check = check
        self.descriptor = descriptor
    }

    /// The check as the pipeline sets it, when it is on and a rule of it is in force in the
    /// selected jurisdictions; nil otherwise.
    static func enabled(_ settings: CheckSettings) -> ContactJoin? {
        let descriptor = DecisionAfterUnansweredContact.descriptor
        guard CheckRegistry.isEnabled(descriptor, settings) else { return nil }
        let given = settings.overrides[descriptor.id]?.parameters ?? [:]
        return ContactJoin(check: DecisionAfterUnansweredContact(parameters: CheckParameters(declared: DecisionAfterUnansweredContact.parameters, given: given)),
                           descriptor: CheckRegistry.effective(descriptor, settings))
    }

    /// An accepted decision: kept when it is adverse and names its worker.
    func add(_ record: DecisionRecord) {
        guard record.outcome == .adverse, let worker = WorkerKey.of(record.subjectID.bytes) else { return }
        let idBytes = record.decisionID.bytes
        decisions.append(Decision(worker: worker, decidedAt: record.decidedAt ?? .min, line: Int64(record.line),
                                  fileIndex: Int32(record.fileIndex), type: UInt8(DecisionType.allCases.firstIndex(of: record.decisionType)!),
                                  id: InlineID(UnsafeRawBufferPointer(rebasing: idBytes[TextKey.trimmedRange(idBytes)]))))
    }


    /// Judges every kept decision about a worker the logs name (`worker` gives the worker's
    /// pseudonym, nil for a worker the logs do not name) against the latest unanswered contact
    /// before it; each violation goes to the sink. The check's tally.
    /// Adverse decisions kept, and those about a worker the logs name (after `judge`).
    private(set) var adverseDecisions = 0
    private(set) var matchedDecisions = 0

    /// Said when some adverse decisions are about no worker the logs name (`logWorkers` of
    /// them): a warning when fewer than half are, a note otherwise. Ids written differently
    /// (`E-0042`, `E0042`) keep a decision from the join; so does a log that covers fewer workers.
    func sparseWarning(logWorkers: Int) -> Diagnostic? {
        guard adverseDecisions > matchedDecisions else { return nil }
        return Diagnostic(level: matchedDecisions * 2 < adverseDecisions ? .warning : .note, file: nil, code: .activityJoinSparse, values: [
            "adverse_decisions": .count(adverseDecisions), "matched": .count(matchedDecisions), "log_workers": .count(logWorkers)])
    }

    /// A worker as the logs name them: the pseudonym, the zone of the worker's place, and the
    /// jurisdiction the worker is judged under (nil: every one of the run).
    struct LogWorker {
        var name: String
        var zone: String
        var jurisdiction: String?
    }

    /// Judges every kept decision about a worker the logs name (`worker`: nil for a worker
    /// they do not name) against the latest contact before it the worker left unanswered; each
    /// violation goes to the sink, the contact's time shown in the zone of the worker's place and
    /// the citations narrowed to its law. The check's tally.
    func judge(worker: (WorkerKey) -> LogWorker?, files: [String], into sink: any AuditSink) throws(AuditError) -> CheckTally {
        if let failure = decisions.anyFailure ?? contacts.runs.anyFailure { throw failure }
        var tally = CheckTally(descriptor: descriptor)
        let found = SortedRuns<Violation>(runLength: 1 << 14)
        // One calendar a zone (each holds caches), the first time a worker of the zone is met.
        var calendars: [String: LocalCalendar] = [:]
        func calendar(_ zone: String) -> LocalCalendar {
            if let known = calendars[zone] { return known }
            let made = LocalCalendar(timeZone: TimeZone(identifier: zone) ?? TimeZone(identifier: "UTC")!)
            calendars[zone] = made
            return made
        }
        var decisionMerge = try decisions.merged()
        var contactMerge = try contacts.runs.merged()
        var next = contactMerge.next()
        // Contacts read past `next` to see the day of a decision dated without a time; read again from here.
        var ahead: [Contact] = []
        func advance() { next = ahead.isEmpty ? contactMerge.next() : ahead.removeFirst() }
        var latest: Contact? = nil
        var current: WorkerKey? = nil
        var name: LogWorker? = nil
        while let decision = decisionMerge.next() {
            adverseDecisions += 1
            if decision.worker != current {
                current = decision.worker
                latest = nil
                name = worker(decision.worker)
                while let contact = next, contact.worker < decision.worker { advance() }
            }
            guard let name else { continue }
            matchedDecisions += 1
            tally.applicable += 1
            guard decision.decidedAt != .min else {
                tally.unknown += 1
                tally.unknownReasons[UnknownReason.decidedAtNotRecorded.code, default: 0] += 1
                continue
            }
            // The latest contact before the decision, unless the worker answered it off-hours before the decision.
            while let contact = next, contact.worker == decision.worker, contact.start < decision.decidedAt {
                latest = contact.isAnswer ? nil : contact
                advance()
            }
            let local = calendar(name.zone)
            guard let contact = latest, detail(decision, contact, local) != nil else {
                // A decision dated without a time reads as local midnight: an off-hours contact
                // the worker left unanswered later that day may have come before it, or not.
                if local.secondOfDay(of: decision.decidedAt) == 0,
                   Self.firstContact(from: next, then: &ahead, of: decision.worker, before: decision.decidedAt + 86_400,
                                     reading: &contactMerge) != nil {
                    tally.unknown += 1
                    tally.unknownReasons[UnknownReason.decidedAtDayOnly.code, default: 0] += 1
                }
                continue
            }
            found.append(Violation(decision: decision, contact: contact))
        }
        try decisionMerge.finish()
        try contactMerge.finish()
        if let failure = found.anyFailure { throw failure }
        var violations = try found.merged()
        while let violation = violations.next() {
            let decision = violation.decision
            let type = DecisionType.allCases[Int(decision.type)]
            guard let name = worker(decision.worker), case let local = calendar(name.zone),
                  let detail = detail(decision, violation.contact, local) else { continue }
            tally.violations += 1
            let id = decision.id.text
            if tally.firstDecisionIDs.count < CheckTally.evidenceListLimit {
                tally.firstDecisionIDs.append(id)
                tally.firstDetails.append(detail)
            }
            var cited = CheckRunner.citationsInForce(descriptor, endDay: local.day(of: decision.decidedAt))
            if let jurisdiction = name.jurisdiction {
                let covering = cited.filter { CheckRunner.covers($0.jurisdiction, jurisdiction) }
                if !covering.isEmpty { cited = covering }
            }
            try sink.finding(Finding(
                decisionID: id, subject: .worker(name.name), checkID: descriptor.id, severity: descriptor.severity, decisionType: type,
                decidedAt: ISOTime.utc(decision.decidedAt), detail: detail, notRecorded: false, legalBasis: CitedText(citing: cited),
                file: Int(decision.fileIndex) < files.count ? files[Int(decision.fileIndex)] : "", line: Int(decision.line)))
        }
        try violations.finish()
        return tally
    }

    /// The first contact (not an answer) of `worker` from `head` on, before `end`, reading the
    /// merge ahead into `ahead` as far as needed. An answer is only ever given after a contact,
    /// so at most one answer is read ahead before a contact is found.
    private static func firstContact(from head: Contact?, then ahead: inout [Contact], of worker: WorkerKey, before end: Int64,
                                     reading merge: inout SortedRuns<Contact>.Merge) -> Contact? {
        var index = -1
        while true {
            let contact: Contact?
            if index < 0 {
                contact = head
            } else {
                if index == ahead.count, let more = merge.next() { ahead.append(more) }
                contact = index < ahead.count ? ahead[index] : nil
            }
            guard let contact, contact.worker == worker, contact.start < end else { return nil }
            if !contact.isAnswer { return contact }
            index += 1
        }
    }

    private func detail(_ decision: Decision, _ contact: Contact, _ calendar: LocalCalendar) -> FindingDetail? {
        check.judge(decidedAt: decision.decidedAt, type: DecisionType.allCases[Int(decision.type)],
                    latestContact: (contact.start, ActivityChannel.allCases[Int(contact.channel)], contact.replyRequested), calendar: calendar)
    }
}

/// A decision id kept in a fixed-size element: its first 62 bytes, cut at a character's
/// start, with `…` when it is longer (the finding's file and line still point at the row).
struct InlineID: BitwiseCopyable {
    private var storage: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    private static let capacity = 62

    init(_ bytes: UnsafeRawBufferPointer) {
        var count = min(bytes.count, Self.capacity)
        // Not inside a character: back to the start of the one the cut would split.
        if count < bytes.count { while count > 0 && bytes[count] & 0xC0 == 0x80 { count -= 1 } }
        let cut = count < bytes.count
        withUnsafeMutableBytes(of: &storage) { raw in
            raw.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[..<count]))
            raw[62] = UInt8(count)
            raw[63] = cut ? 1 : 0
        }
    }

    var text: String {
        withUnsafeBytes(of: storage) { raw in
            String(decoding: UnsafeRawBufferPointer(rebasing: raw[..<Int(raw[62])]), as: UTF8.self) + (raw[63] == 1 ? "…" : "")
        }
    }
}
