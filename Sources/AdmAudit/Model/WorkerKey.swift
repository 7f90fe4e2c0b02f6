/// A worker as an id names it, for telling workers apart and finding one worker in two
/// inputs (an activity log's `worker_id`, a decision export's `subject_id`): the fingerprint
/// of the id as written (trimmed), or, for an id with bytes outside printable ASCII, of its
/// `TextKey.skeleton` (full-width forms and invisible characters set aside, dashes read as
/// `-`, look-alike letters of another script as Latin): one worker however an export writes
/// the id, lest a Cyrillic `А` split `A01` into two workers under each limit. The id itself is not kept.
package struct WorkerKey: Hashable, Sendable, BitwiseCopyable {
    package var high: UInt64
    package var low: UInt64

    /// The key of an id's bytes; nil when the id is blank (or invisible).
    package static func of(_ bytes: UnsafeRawBufferPointer) -> WorkerKey? {
        let range = TextKey.trimmedRange(bytes)
        if range.isEmpty { return nil }
        let id = UnsafeRawBufferPointer(rebasing: bytes[range])
        let fingerprint: (high: UInt64, low: UInt64)
        if id.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) {
            fingerprint = SipHash.fingerprint(id)
        } else {
            var skeleton = TextKey.skeleton(String(decoding: id, as: UTF8.self))
            // Nothing but invisible characters: no id.
            if skeleton.isEmpty { return nil }
            fingerprint = skeleton.withUTF8 { SipHash.fingerprint(UnsafeRawBufferPointer($0)) }
        }
        return WorkerKey(high: fingerprint.high, low: fingerprint.low)
    }

    /// The fingerprint of the bytes as written, whatever they read as: to remember a spelling
    /// already read (`of` makes a String for an id beyond ASCII).
    package static func spelling(_ bytes: UnsafeRawBufferPointer) -> WorkerKey {
        let fingerprint = SipHash.fingerprint(bytes)
        return WorkerKey(high: fingerprint.high, low: fingerprint.low)
    }

    package static func < (a: WorkerKey, b: WorkerKey) -> Bool { (a.high, a.low) < (b.high, b.low) }
}
