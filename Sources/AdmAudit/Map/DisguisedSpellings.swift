/// Spellings read as a known value only once invisible characters, look-alike letters of
/// another script or compatibility forms were set aside (`fe​male`, `Fеmale`, `解除劳动合同` with
/// a zero-width space): evidence that an export was spelled to split a group or to slip a
/// decision past a vocabulary. Each distinct spelling is noted once, when first met; the
/// first few are kept with what they were read as, the rest only counted.
struct DisguisedSpellings: Sendable {
    /// What `read_as` names when the spellings were read as decision types, outcomes and answers.
    static let codedValues = "coded_values"

    private(set) var listed: [(spelling: String, readAs: String)] = []
    private(set) var count = 0
    static let listLimit = 10

    var isEmpty: Bool { count == 0 }

    mutating func note(_ spelling: String, readAs: String) {
        count += 1
        if listed.count < Self.listLimit { listed.append((spelling, readAs)) }
    }

    /// Adds those another part of the same file, or another file of the run, met: a spelling
    /// both met is counted once when both listed it.
    mutating func add(_ other: DisguisedSpellings) {
        for (spelling, readAs) in other.listed where !listed.contains(where: { $0.spelling == spelling }) {
            note(spelling, readAs: readAs)
        }
        // Those past the other's list cannot be told apart from these: counted as more.
        count += other.count - other.listed.count
    }

    /// The warning naming them, each as what was set aside shown as its code, then the value it
    /// was read as (`F[U+0435]male → female`), or nil when there are none. `attribute` is what
    /// was read: an attribute, or none for the coded values (`codedValues`). Worded by
    /// `ReportText.message`.
    func warning(attribute: String?) -> Diagnostic? {
        guard count > 0 else { return nil }
        let coded = listed.map { "\(TextKey.revealed($0.spelling)) → \($0.readAs)" }
        let more = count - listed.count
        return Diagnostic(level: .warning, file: nil, code: .disguisedSpellings,
                          values: ["read_as": .text(attribute ?? Self.codedValues), "spellings": .list(coded), "more": .count(more)])
    }
}
