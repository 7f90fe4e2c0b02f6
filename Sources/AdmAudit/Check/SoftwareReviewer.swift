/// Whether a reviewer's cell names software rather than a person: `系统`, `系统自动审核`,
/// `AI复核助手`, `自动审批`, `SYSTEM`, `Auto-Approval Bot`, `AI Reviewer`, `RPA`. A review
/// by software is no human review, however the review's status column reads (HR-01), and a
/// contest answered by it was not re-examined by a human (AP-02): an employer under
/// inspection could otherwise clear both by writing `系统` where a reviewer's name goes.
///
/// Reads words, not letters: `ai` and `bot` only as words of their own (`Kai`, `Abbott`
/// are people), `auto` also at a word's start (`AutoApprove`); Chinese words anywhere in
/// the cell. Look-alike letters and full-width forms are folded first (`ЅYSTEM`, `ＡＩ`).
/// Does not read a person's title (`System Administrator` reads as software: a person
/// would be named) nor a cell that names both (`系统+人工`, read as software: the law asks
/// that a human decide, and the cell does not say one did).
package enum SoftwareReviewer {
    /// Latin words that name software, as whole words (lower case).
    static let latinWords: [[UInt8]] = ["ai", "bot", "bots", "chatbot", "robot", "system", "software", "algorithm", "algorithmic",
                                        "automated", "automatic", "automation", "rpa", "engine", "model"].map { Array($0.utf8) }
    /// Chinese words that name software, anywhere in the cell.
    static let chineseWords: [String] = ["系统", "自动", "算法", "机器人", "智能", "机器", "模型", "引擎"]

    /// Whether `field` names software (false for a blank cell).
    package static func names(_ field: FieldBytes) -> Bool {
        let bytes = field.bytes
        if bytes.allSatisfy({ $0 < 0x80 }) { return namesInLatin(bytes) }
        let text = MeaningText.normalize(String(decoding: bytes, as: UTF8.self))
        if chineseWords.contains(where: text.contains) { return true }
        return text.utf8.withContiguousStorageIfAvailable { namesInLatin(UnsafeRawBufferPointer($0)) } ?? false
    }

    /// ASCII words, letters and digits, lower-cased on the fly; no allocation.
    private static func namesInLatin(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var start = 0
        while start < bytes.count {
            guard isWordByte(bytes[start]) else { start += 1; continue }
            var end = start
            while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
            if isSoftwareWord(UnsafeRawBufferPointer(rebasing: bytes[start..<end])) { return true }
            start = end
        }
        return false
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func isSoftwareWord(_ word: UnsafeRawBufferPointer) -> Bool {
        func lowered(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        if word.count >= 4, zip(word.prefix(4), "auto".utf8).allSatisfy({ lowered($0) == $1 }) { return true }
        return latinWords.contains { listed in listed.count == word.count && zip(word, listed).allSatisfy { lowered($0) == $1 } }
    }
}
