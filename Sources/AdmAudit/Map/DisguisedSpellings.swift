/// Spellings read as a known value only once invisible characters, look-alike letters of
/// another script or compatibility forms were set aside (`fe​male`, `Fеmale`, `解除劳动合同` with
/// a zero-width space): evidence that an export was spelled to split a group or to slip a
/// decision past a vocabulary. Each distinct spelling is noted once, when first met; the
/// first few are kept with what they were read as, the rest only counted.
struct DisguisedSpellings: Sendable {
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

    /// The warning naming them, each with what was set aside shown as its code
    /// (`F[U+0435]male → female`), or nil when there are none. `subject` names what was read
    /// (an attribute, or the coded values), in the run's language; `attribute` is the attribute for report.json
    /// (none: the coded values); `purpose` says what such spellings could hide.
    /// `readerName` words a value read as the reader reads it (`dismissal` → `解除劳动合同`);
    /// report.json keeps the code.
    func warning(subject: String, attribute: String?, purpose: (en: String, zh: String), language: ReportLanguage,
                 readerName: (String) -> String = { $0 }) -> Diagnostic? {
        guard count > 0 else { return nil }
        let coded = listed.map { "\(TextKey.revealed($0.spelling)) → \($0.readAs)" }
        let shown = listed.map { "\(TextKey.revealed($0.spelling)) → \(readerName($0.readAs))" }
        let more = count - listed.count
        return Diagnostic(level: .warning, file: nil, code: .disguisedSpellings,
                          values: ["read_as": .text(attribute ?? "coded_values"), "spellings": .list(coded), "more": .count(more)], message: language.text(
            "\(subject): \(count) spelling(s) written to look like another value (invisible characters, letters of another script or full-width forms) were read as it: \(shown.joined(separator: "; "))\(more > 0 ? "; and \(more) more" : ""). \(purpose.en)",
            "\(subject)：有 \(count) 种写法以隐形字符、其他文字的形近字母或全角字符伪装成另一个取值，已按该取值读取：\(shown.joined(separator: "；"))\(more > 0 ? "；另有 \(more) 种" : "")。\(purpose.zh)"))
    }
}
