/// A reviewer cell that names nobody: `unassigned`, `TBD`, `#N/A`, `null`, `0`, `待分配`, `无`.
///
/// HR-01 takes a recorded reviewer as a sign of a review when `human_reviewed` is empty; a
/// placeholder left in that column is no reviewer (a hostile review hid every unreviewed
/// dismissal behind `reviewer_id = unassigned`). Not-applicable spellings (`N/A`, `—`) are
/// placeholders too, and so is a queue or a wait (`HR queue`, `awaiting reviewer`). A name, an
/// employee number or a team is not.
package enum PlaceholderReviewer {
    private static let spellings: Set<String> = Set([
        "unassigned", "not assigned", "pending", "none", "no one", "noone", "nobody", "tbd", "tba", "todo", "to be assigned",
        "to be determined", "unknown", "null", "nil", "nan", "#n/a", "#na", "#value!", "#ref!", "0", "00", "000", "?", "??", "x", "xx",
        "xxx", "unnamed", "empty", "blank", "(blank)", "vacant", "open", "na", "n/a", "n.n.", "n.n", "nn", "test", "tester", "admin",
        "administrator", "root", "user", "default", "tbc", "to be confirmed", "later", "inbox", "待确认", "稍后",
        "待定", "待分配", "未分配", "暂无", "无", "空", "无人", "未指定", "待指派", "未指派", "未知", "不详",
        // An account, not a person: `管理员` as the reviewer of a hostile factory export.
        "管理员", "系统管理员", "超级管理员", "admin账号", "测试", "测试账号", "默认",
    ].map(TextKey.make))

    /// Words that make a cell a queue or a wait, not a person (`HR queue`, `awaiting reviewer`, `待分配复核人`).
    private static let waiting = KeywordIndex([(0, ["queue", "queued", "awaiting", "pending", "unassigned", "not assigned", "to be assigned",
                                                    "not yet assigned", "tbd", "待分配", "待指派", "待定", "排队", "队列", "未分配", "未指派",
                                                    // Nobody reviewed: skipped, the requester themself, an approver who has left
                                                    // (`（跳过）`, `发起人本人`, `审批人已离职`: a second hostile review).
                                                    "skipped", "skip", "self", "requester", "跳过", "已跳过", "本人", "自己", "已离职", "离职"])])

    package static func names(_ field: FieldBytes) -> Bool {
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: field.bytes[TextKey.trimmedRange(field.bytes)]), as: UTF8.self)
        let key = TextKey.make(text)
        // Nothing but zeros and marks (`0000`, `---`, `#`): no one is named.
        if !key.unicodeScalars.contains(where: { ($0.properties.isAlphabetic || $0.properties.numericType != nil) && $0 != "0" }) {
            return true
        }
        let normalized = MeaningText.normalize(text)
        if spellings.contains(key) || NotApplicable.matches(trimmed: text, normalized: normalized) { return true }
        if case .found = waiting.best(in: Array(normalized.unicodeScalars)) { return true }
        return false
    }
}
