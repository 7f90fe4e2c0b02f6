import Crypto
import Foundation

/// Shows subject ids as reports should: a keyed pseudonym by default (privacy by
/// design), the id itself only when the pipeline says `keep`.
///
/// A pseudonym is `S-` and the first 16 hex digits of HMAC-SHA256(key, id): the same
/// worker gets the same pseudonym across all findings, and without the key nobody can
/// test a guessed employee number against it. 64 bits keep collisions unlikely
/// (about 3 in a million at 10 million workers).
public struct Pseudonymizer {
    public let handling: SubjectIDHandling
    /// HMAC-SHA256 (RFC 2104) with the padded key already absorbed into the inner and
    /// outer hashes; each id then costs two hash finalisations, not a key setup.
    private var inner: SHA256
    private var outer: SHA256
    /// The key the states were made from, for `separate`.
    private let key: [UInt8]

    /// `key` nil: derived from the inputs (their sizes and the SHA-256 of their first
    /// MiB), so the same inputs always give the same pseudonyms and a reader without the
    /// export cannot recompute them. Give a key to link pseudonyms across exports.
    public init(handling: SubjectIDHandling, key: [UInt8]?, inputs: [String]) throws(AuditError) {
        self.handling = handling
        if let key {
            self.key = key
            (inner, outer) = Self.keyedHashes(key)
            return
        }
        var seed = SHA256()
        seed.update(data: Array("admaudit pseudonym key v1".utf8))
        for path in inputs {
            guard let handle = FileHandle(forReadingAtPath: path) else { continue }
            let head = (try? handle.read(upToCount: 1 << 20)) ?? Data()
            let size = (try? handle.seekToEnd()) ?? 0
            try? handle.close()
            seed.update(data: Array("\(size):".utf8))
            seed.update(data: Array(SHA256.hash(data: head)))
        }
        self.key = Array(seed.finalize())
        (inner, outer) = Self.keyedHashes(self.key)
    }

    /// The same pseudonyms from hash states of its own. A copy of this value shares its
    /// states (objects), and every pseudonym counts a reference to them: two threads each
    /// with a `separate` one do not fight over those counts.
    package func separate() -> Pseudonymizer {
        var copy = self
        (copy.inner, copy.outer) = Self.keyedHashes(key)
        return copy
    }

    /// The subject as reports show it.
    public func display(_ subject: FieldBytes) -> String {
        let range = TextKey.trimmedRange(subject.bytes)
        if range.isEmpty { return "" }
        let id = UnsafeRawBufferPointer(rebasing: subject.bytes[range])
        switch handling {
        case .keep: return String(decoding: id, as: UTF8.self)
        case .drop: return ""
        case .pseudonymize:
            // One worker, one pseudonym, however the id is written (`WorkerKey`): `A01`
            // and `А01` with a Cyrillic `А`, in a decision export and in a log alike.
            guard !id.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return Self.mac(id, inner: inner, outer: outer, after: "S-") }
            var skeleton = TextKey.skeleton(String(decoding: id, as: UTF8.self))
            return skeleton.withUTF8 { Self.mac(UnsafeRawBufferPointer($0), inner: inner, outer: outer, after: "S-") }
        }
    }

    /// `prefix`, then the first 8 bytes of HMAC-SHA256 of `message` in hex, from the keyed hash states.
    private static func mac(_ message: UnsafeRawBufferPointer, inner: SHA256, outer: SHA256, after prefix: StaticString) -> String {
        var innerHash = inner
        innerHash.update(bufferPointer: message)
        var outerHash = outer
        innerHash.finalize().withUnsafeBytes { outerHash.update(bufferPointer: $0) }
        return outerHash.finalize().withUnsafeBytes { UnsafeRawBufferPointer(rebasing: $0.prefix(8)).hexString(after: prefix) }
    }

    /// A check value of the key, kept in a shard's state so that a merge can tell shards
    /// keyed alike from shards keyed otherwise (whose pseudonyms of one worker differ): the
    /// first 8 bytes of HMAC-SHA-256 under the key of a fixed text, which says nothing of the
    /// key. nil when subjects are not pseudonymised or no key was given.
    public static func keyCheck(handling: SubjectIDHandling, key: [UInt8]?) -> String? {
        guard handling == .pseudonymize, let key else { return nil }
        let (inner, outer) = keyedHashes(key)
        return Array("admaudit pseudonym key check v1".utf8).withUnsafeBytes { mac($0, inner: inner, outer: outer, after: "hmac-sha256:") }
    }

    /// SHA-256 states after absorbing the key XOR ipad and XOR opad (RFC 2104; a key longer
    /// than the 64-byte block is hashed first).
    static func keyedHashes(_ key: [UInt8]) -> (SHA256, SHA256) {
        var block = key.count > 64 ? Array(SHA256.hash(data: key)) : key
        block += [UInt8](repeating: 0, count: 64 - block.count)
        var inner = SHA256()
        var outer = SHA256()
        inner.update(data: block.map { $0 ^ 0x36 })
        outer.update(data: block.map { $0 ^ 0x5c })
        return (inner, outer)
    }

    /// The key named by the pipeline (`report.pseudonym_key_file`) or the environment
    /// (`ADMAUDIT_PSEUDONYM_KEY`); nil when neither is set.
    public static func configuredKey(pipeline: Pipeline, environment: [String: String]) throws(AuditError) -> [UInt8]? {
        if let path = pipeline.report.pseudonymKeyFile {
            guard let data = FileManager.default.contents(atPath: path), !data.isEmpty else {
                throw AuditError(.invocation, "cannot read the pseudonym key file", file: path,
                                 hint: "create it with e.g. `head -c 32 /dev/urandom > \(path)` and keep it private")
            }
            return Array(data)
        }
        if let text = environment["ADMAUDIT_PSEUDONYM_KEY"], !text.isEmpty { return Array(text.utf8) }
        return nil
    }
}
