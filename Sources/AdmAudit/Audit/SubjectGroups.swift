import Foundation

/// The protected attributes the decision exports give each subject, for the activity logs'
/// workers whose logs give none: a chat or login log seldom says a worker's sex, the HR
/// export does. Kept as the decisions are read, in sorted runs by worker (spilled to TMPDIR
/// when there are many), and read back in one merge with the logs' workers once every input
/// was read, whichever came first. Memory grows with neither.
///
/// A worker's group is the first known one the worker's decisions give, in the order of the
/// files and lines: the same export can be read in any order of its inputs' names only if its
/// files are given in the same order, as every other first-seen rule of a run.
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

    /// For each worker in `wanted` (a key and the attributes it lacks), the label of the first
    /// known group the worker's decisions give for each (nil: none), by `groups` (the decision
    /// auditor's, which named the codes).
    func labels(for wanted: [(key: WorkerKey, worker: Int32, attributes: [Int])],
                groups: [AttributeGroups]) throws(AuditError) -> [Int32: [Int: String]] {
        if let failure = entries.anyFailure { throw failure }
        let sorted = wanted.sorted { $0.key < $1.key }
        var found: [Int32: [Int: String]] = [:]
        var merge = try entries.merged()
        var next = merge.next()
        for want in sorted {
            while let entry = next, entry.worker < want.key { next = merge.next() }
            var labels: [Int: String] = [:]
            while let entry = next, entry.worker == want.key {
                for attribute in want.attributes where attribute < Self.attributeLimit && labels[attribute] == nil && attribute < groups.count {
                    let code = entry.code(attribute)
                    if code >= 0, Int(code) < groups[attribute].labels.count { labels[attribute] = groups[attribute].labels[Int(code)] }
                }
                next = merge.next()
            }
            if !labels.isEmpty { found[want.worker] = labels }
        }
        try merge.finish()
        return found
    }
}
