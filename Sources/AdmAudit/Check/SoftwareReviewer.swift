/// Whether a reviewer's cell names software rather than a person: `系统`, `系统自动审核`,
/// `AI复核助手`, `自动审批`, `系统自动通过`, `SYSTEM`, `Auto-Approval Bot`, `AI Reviewer`, `RPA`. A review
/// by software is no human review, however the review's status column reads (HR-01), and a
/// contest answered by it was not re-examined by a human (AP-02): an employer under
/// inspection could otherwise clear both by writing `系统` where a reviewer's name goes.
///
/// The whole cell must be software: every word a software word (`ai`, `bot`, `system`,
/// `auto…`, `系统`, `算法`…) or a word for what it does (`reviewer`, `approval`, `审核`,
/// `助手`), and one of them software. A cell that also holds anything else names a person
/// or a team of people and is not read as software: `Ai Tanaka`, `Marjan Bot`, `王智能`,
/// `系统管理员王伟`, `信息系统部-李娜`, `RPA Team - Sam Ortiz`, `AI-0042`. So software
/// written beside a name (`Bot (J. Park)`) is missed, as are names this list lacks; those rows
/// keep whatever `human_reviewed` says. HR products named as the reviewer (`Workday Scoring`,
/// `HireVue`, `北森`) are software. Look-alike letters inside a Latin word and full-width forms
/// are folded first (`ЅYSTEM`, `ＡＩ`), and so is a cell wholly of letters that look like Latin
/// ones (`АІ` in Cyrillic), where it then reads as software.
package enum SoftwareReviewer {
    /// Latin words that name software (lower case); a word starting `auto` does too.
    static let softwareWords: [[UInt8]] = ["ai", "bot", "bots", "chatbot", "robot", "system", "systems", "software", "algorithm",
                                           "algorithmic", "rpa", "engine", "model", "llm", "gpt", "chatgpt", "copilot",
                                           // `rules v2`, `HRBot`, `Workflow Bot` (a second hostile review).
                                           "rule", "rules", "hrbot", "workflow",
                                           // HR products as the reviewer (`Workday Scoring`, a second hostile review).
                                           "workday", "successfactors", "hirevue", "pymetrics", "kronos", "taleo", "icims", "peoplesoft",
                                           "dayforce"].map { Array($0.utf8) }
    /// Latin words for what the software does, which may stand beside it.
    static let roleWords: [[UInt8]] = ["reviewer", "review", "reviewed", "approval", "approver", "approve", "approved", "assistant",
                                       "checker", "check", "checked", "service", "account", "user", "agent", "by", "screening",
                                       "screener", "scoring"].map { Array($0.utf8) }
    /// Chinese words that name software; longest first, so `人工智能` goes before `人工` could be read.
    static let chineseSoftware = ["人工智能", "机器人", "系统", "自动", "算法", "智能", "机器", "模型", "引擎", "机审", "程序", "规则",
                                  // The workflow platforms themselves (`钉钉机器人`, `飞书审批助手`).
                                  "钉钉", "飞书", "企业微信", "企微", "北森"]
    /// Chinese words for what the software does.
    static let chineseRoles = ["自动化", "审核", "复核", "审批", "助手", "处理", "客服", "判定", "核验", "校验", "审查", "筛选", "评估", "生成",
                               "执行", "账号", "账户", "服务", "平台",
                               // An approval workflow's own approver: `系统自动通过`, `自动批准` (Feishu, DingTalk).
                               "通过", "批准", "同意", "放行", "确认",
                               // `超时自动通过`, `流程自动流转` (a second hostile review).
                               "超时", "流程", "流转"]

    /// Whether `field` names software (false for a blank cell).
    package static func names(_ field: FieldBytes) -> Bool {
        let bytes = field.bytes
        if bytes.allSatisfy({ $0 < 0x80 }) { return isSoftwareOnly(latin: bytes, softwareSeen: false) }
        if isPlainChineseWithoutSoftware(bytes) { return false }
        // Letters of another script that look like Latin ones, the whole cell (`АІ` in Cyrillic):
        // read as those when they then name software. A name stays a name (`Анна` is no software).
        // Only a cell with a Greek or Cyrillic letter (UTF-8 lead bytes 0xCE–0xD4) is read so: this
        // runs for every reviewed decision.
        if bytes.contains(where: { $0 >= 0xCE && $0 <= 0xD4 }) {
            var lookAlike = TextKey.skeleton(String(decoding: bytes, as: UTF8.self))
            if lookAlike.utf8.allSatisfy({ $0 < 0x80 }),
               lookAlike.withUTF8({ isSoftwareOnly(latin: UnsafeRawBufferPointer($0), softwareSeen: false) }) {
                return true
            }
        }
        var text = MeaningText.normalize(String(decoding: bytes, as: UTF8.self))
        var softwareSeen = false
        for word in chineseSoftware where text.contains(word) {
            softwareSeen = true
            text = text.replacingOccurrences(of: word, with: " ")
        }
        for word in chineseRoles { text = text.replacingOccurrences(of: word, with: " ") }
        // Any other letter outside ASCII (a name, a department) is no software's.
        if text.unicodeScalars.contains(where: { !$0.isASCII && $0.properties.isAlphabetic }) { return false }
        return text.utf8.withContiguousStorageIfAvailable { isSoftwareOnly(latin: UnsafeRawBufferPointer($0), softwareSeen: softwareSeen) }
            ?? false
    }

    /// The UTF-8 of the Chinese software words, for `isPlainChineseWithoutSoftware`.
    private static let chineseSoftwareBytes: [[UInt8]] = chineseSoftware.map { Array($0.utf8) }

    /// Whether the cell is plain ideographs (U+4000–U+9FFF) and ASCII without letters, and holds
    /// no Chinese software word: a person's name (`李娜`), decided on its bytes. A column of
    /// Chinese reviewers' names is read on every reviewed row; normalising each cell there cost
    /// strings for nothing. Anything else (a letter, a full-width or look-alike form, an
    /// invisible character between two ideographs) goes the normalising way.
    private static func isPlainChineseWithoutSoftware(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A { return false }
                index += 1
                continue
            }
            guard byte >= 0xE4, byte <= 0xE9, index + 2 < bytes.count,
                  bytes[index + 1] & 0xC0 == 0x80, bytes[index + 2] & 0xC0 == 0x80 else { return false }
            index += 3
        }
        return !chineseSoftwareBytes.contains { word in
            bytes.count >= word.count && (0...(bytes.count - word.count)).contains { start in
                word.indices.allSatisfy { bytes[start + $0] == word[$0] }
            }
        }
    }

    /// Every ASCII word is a software or role word, and software was named; no allocation.
    private static func isSoftwareOnly(latin bytes: UnsafeRawBufferPointer, softwareSeen: Bool) -> Bool {
        var seen = softwareSeen
        var start = 0
        while start < bytes.count {
            guard isWordByte(bytes[start]) else { start += 1; continue }
            var end = start
            while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
            let word = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
            if isSoftware(word) {
                seen = true
            } else if !roleWords.contains(where: { equalsLowered(word, $0) }) && !isVersion(word) {
                return false
            }
            start = end
        }
        return seen
    }

    /// A version beside the software's name (`v2`, `V3`): no person's. A bare number is not
    /// one (`AI-0042` is an employee's number).
    private static func isVersion(_ word: UnsafeRawBufferPointer) -> Bool {
        guard word.count >= 2, word[0] | 0x20 == 0x76 else { return false }
        return word.dropFirst().allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// `auto…` (`autoapproved`, `AutoReview`): made once, not an array a word.
    private static let autoPrefix = Array("auto".utf8)

    private static func isSoftware(_ word: UnsafeRawBufferPointer) -> Bool {
        if word.count >= 4, equalsLowered(UnsafeRawBufferPointer(rebasing: word.prefix(4)), autoPrefix) { return true }
        return softwareWords.contains { equalsLowered(word, $0) }
    }

    private static func equalsLowered(_ word: UnsafeRawBufferPointer, _ listed: [UInt8]) -> Bool {
        listed.count == word.count && zip(word, listed).allSatisfy { ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1 }
    }
}
