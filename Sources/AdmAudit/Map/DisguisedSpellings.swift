/// Spellings read as a known value only once invisible characters, look-alike letters of
/// another script or compatibility forms were set aside (`fe​male`, `Fеmale`, `解除劳动合同` with
/// a zero-width space): evidence that an export was spelled to split a group or to slip a
/// decision past a vocabulary. Each distinct spelling is noted once, when first met; the
/// first few are kept with what they were read as, the rest only counted.
package struct DisguisedSpellings: Sendable {

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
    package mutating func add(_ other: DisguisedSpellings) {
        for (spelling, readAs) in other.listed where !listed.contains(where: { $0.spelling == spelling }) {
            note(spelling, readAs: readAs)
        }
        // Those past the other's list cannot be told apart from these: counted as more.
        count += other.count - other.listed.count
    }

    /// The warning naming them: each spelling with what was set aside shown as its code
    /// (`F[U+0435]male`) and, in a list beside it, the value it was read as (`female`); nil
    /// when there are none. `read_as` says what was read, an `attribute` (named) or the
    /// `coded_values` (decision types, outcomes, answers). Worded by `ReportText.message`.
    func warning(attribute: String?) -> Diagnostic? {
        guard count > 0 else { return nil }
        var values: [String: DiagnosticValue] = [
            "read_as": .text(attribute == nil ? "coded_values" : "attribute"),
            "spellings": .list(listed.map { TextKey.revealed($0.spelling) }),
            "read_as_values": .list(listed.map(\.readAs)),
            "more": .count(count - listed.count),
        ]
        if let attribute { values["attribute"] = .text(attribute) }
        return Diagnostic(level: .warning, file: nil, code: .disguisedSpellings, values: values)
    }

    package init() {}
}
