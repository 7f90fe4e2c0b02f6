/// Where a decision id names the worker the decision is about: reports show the worker's
/// pseudonym there, not the id as written.
///
/// An export with no id column of its own has its person's column read as the decision id
/// too (`init`), and employers build ids from the worker's (`W5009-1`) or copy it into an id
/// column in another spelling (`w5001`, full-width `Ｗ５００５`, `5007.0` from a spreadsheet,
/// `05008`). Printed as written, each names the worker beside their pseudonym. Found:
/// - the whole id: the worker's id as written, in another case, in another form
///   (`TextKey.skeleton`: full-width, look-alike letters, invisible characters), or the same
///   number (leading zeros, a decimal part of zeros);
/// - a part of it: the worker's id (3 bytes or more, any case) standing between the id's
///   ends, or characters other than ASCII letters and digits (`W5009-1`, `2026/W5009`).
///
/// Does not find an id that holds the worker's inside a longer run of letters or digits
/// (`XW5009`), nor one whose digits only resemble it.
public enum SubjectInDecisionID: Equatable {
    case whole
    /// The id around the worker's, in the id's skeleton: shown with the pseudonym between them.
    case within(before: String, after: String)

    /// Where `decisionID` names `subjectID`, nil when it does not (or the subject is blank).
    static func find(decisionID: UnsafeRawBufferPointer, subjectID: UnsafeRawBufferPointer) -> SubjectInDecisionID? {
        let subjectRange = TextKey.trimmedRange(subjectID), idRange = TextKey.trimmedRange(decisionID)
        guard !subjectRange.isEmpty, !idRange.isEmpty else { return nil }
        let subject = UnsafeRawBufferPointer(rebasing: subjectID[subjectRange])
        let id = UnsafeRawBufferPointer(rebasing: decisionID[idRange])
        // ASCII, nearly every id: compared in place, with nothing allocated until found.
        if isPrintableASCII(id) && isPrintableASCII(subject) { return find(id: id, subject: subject) }
        var idSkeleton = TextKey.skeleton(String(decoding: id, as: UTF8.self))
        var subjectSkeleton = TextKey.skeleton(String(decoding: subject, as: UTF8.self))
        guard !subjectSkeleton.isEmpty else { return nil }
        return idSkeleton.withUTF8 { idBytes in
            subjectSkeleton.withUTF8 { subjectBytes in
                find(id: UnsafeRawBufferPointer(idBytes), subject: UnsafeRawBufferPointer(subjectBytes))
            }
        }
    }

    /// `id` and `subject` as written (ASCII) or their skeletons.
    private static func find(id: UnsafeRawBufferPointer, subject: UnsafeRawBufferPointer) -> SubjectInDecisionID? {
        if equalIgnoringASCIICase(id, subject) || sameNumber(id, subject) { return .whole }
        guard subject.count >= 3, id.count > subject.count else { return nil }
        for start in 0...(id.count - subject.count) {
            let end = start + subject.count
            guard start == 0 || !isASCIIAlphanumeric(id[start - 1]), end == id.count || !isASCIIAlphanumeric(id[end]),
                  equalIgnoringASCIICase(UnsafeRawBufferPointer(rebasing: id[start..<end]), subject) else { continue }
            return .within(before: String(decoding: UnsafeRawBufferPointer(rebasing: id[0..<start]), as: UTF8.self),
                           after: String(decoding: UnsafeRawBufferPointer(rebasing: id[end...]), as: UTF8.self))
        }
        return nil
    }

    private static func isPrintableASCII(_ bytes: UnsafeRawBufferPointer) -> Bool { bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static func equalIgnoringASCIICase(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { ByteKeyTable.fold($0) == ByteKeyTable.fold($1) }
    }

    /// Both are numbers of digits, the same once leading zeros and a decimal part of zeros go.
    private static func sameNumber(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard let a = integerDigits(a), let b = integerDigits(b) else { return false }
        return a.elementsEqual(b)
    }

    /// The digits of a whole number written `0042`, `42` or `42.00`, without leading zeros; nil otherwise.
    private static func integerDigits(_ bytes: UnsafeRawBufferPointer) -> Slice<UnsafeRawBufferPointer>? {
        var end = bytes.count
        if let dot = bytes.firstIndex(of: UInt8(ascii: ".")) {
            guard bytes[(dot + 1)...].allSatisfy({ $0 == UInt8(ascii: "0") }) else { return nil }
            end = dot
        }
        let digits = bytes[0..<end]
        guard !digits.isEmpty, digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        let firstNonZero = digits.firstIndex { $0 != UInt8(ascii: "0") } ?? end
        return bytes[firstNonZero..<end]
    }
}

extension DecisionRecord {
    /// Where this record's decision id names its subject (`SubjectInDecisionID`).
    public var subjectInDecisionID: SubjectInDecisionID? {
        decisionIDIsLine ? nil : SubjectInDecisionID.find(decisionID: decisionID.bytes, subjectID: subjectID.bytes)
    }

    /// The decision id as reports show it: where it names the worker, `shownSubject` (the
    /// subject as reports show it: a pseudonym, unless ids are kept) stands in the worker's
    /// id's place, so that no report names a worker through it.
    public func shownDecisionID(subject shownSubject: @autoclosure () -> String) -> String {
        switch subjectInDecisionID {
        case nil: decisionID.string
        case .whole?: shownSubject()
        case .within(let before, let after)?: before + shownSubject() + after
        }
    }
}
