import Foundation

/// The protected attributes the decision exports give each subject, for the activity logs'
/// workers whose logs give none: a chat or login log seldom says a worker's sex, the HR
/// export does. Kept as the decisions are read, in sorted runs by worker (spilled to TMPDIR
/// when there are many), and read back in one merge with the logs' workers once every input
/// was read, whichever came first. Memory grows with neither.
///
/// A worker's group is the one the worker's decisions give, when every decision that gives one
/// gives the same: decisions that disagree (one row planted with another sex) leave the group
/// unknown, and are counted, so the order of the files cannot move a worker.
final class SubjectGroups {
    /// One decision's subject and group codes (the decision auditor's, `AttributeGroups.unknown`
    /// where unknown), for at most `attributeLimit` attributes.
    struct Entry: SortedRunElement {
        var worker: WorkerKey
        /// The decision's place in the input: file, then line.
        var order: Int64
        var codes: (Int32, Int32, Int32, Int32)

        static func precedes(_ a: Entry, _ b: Entry) -> Bool {
            a.worker != b.worker ? a.worker < b.worker : a.order < b.order
        }

        func code(_ attribute: Int) -> Int32 {
            switch attribute {
            case 0: codes.0
            case 1: codes.1
            case 2: codes.2
            default: codes.3
            }
        }
    }

    /// Attributes beyond these four take no group from the decisions.
    static let attributeLimit = 4

    private let entries = SortedRuns<Entry>(runLength: 1 << 16)

    /// An accepted decision, under the group codes it was counted in.
    func add(_ record: DecisionRecord) {
        guard !record.groups.isEmpty, let worker = WorkerKey.of(record.subjectID.bytes) else { return }
        let groups = record.groups
        let code = { (index: Int) in index < groups.count ? groups[index] : AttributeGroups.unknown }
        entries.append(Entry(worker: worker, order: Int64(record.fileIndex) << 40 | Int64(record.line),
                             codes: (code(0), code(1), code(2), code(3))))
    }

    /// For each worker in `wanted` (a key and the attributes it lacks), the label of the group
    /// the worker's decisions agree on for each, by `groups` (the decision auditor's, which
    /// named the codes); and the workers whose decisions disagree on some attribute.
    func labels(for wanted: [(key: WorkerKey, worker: Int32, attributes: [Int])],
                groups: [AttributeGroups]) throws(AuditError) -> (found: [Int32: [Int: String]], disagreeing: Int) {
        if let failure = entries.anyFailure { throw failure }
        let sorted = wanted.sorted { $0.key < $1.key }
        var found: [Int32: [Int: String]] = [:]
        var disagreeing = 0
        var merge = try entries.merged()
        var next = merge.next()
        for want in sorted {
            while let entry = next, entry.worker < want.key { next = merge.next() }
            var codes: [Int: Int32] = [:], split: Set<Int> = []
            while let entry = next, entry.worker == want.key {
                for attribute in want.attributes where attribute < Self.attributeLimit && attribute < groups.count {
                    let code = entry.code(attribute)
                    guard code >= 0, Int(code) < groups[attribute].labels.count else { continue }
                    if let first = codes[attribute], first != code { split.insert(attribute) } else { codes[attribute] = code }
                }
                next = merge.next()
            }
            if !split.isEmpty { disagreeing += 1 }
            var agreed: [Int: String] = [:]
            for (attribute, code) in codes where !split.contains(attribute) { agreed[attribute] = groups[attribute].labels[Int(code)] }
            if !agreed.isEmpty { found[want.worker] = agreed }
        }
        try merge.finish()
        return (found, disagreeing)
    }
}
