/// The words of the readable reports, in English and Chinese.
struct ReportText {
    let language: ReportLanguage

    /// Only the chosen text is built: a finding's detail, worded per finding, costs one sentence.
    func pick(_ en: @autoclosure () -> String, _ zh: @autoclosure () -> String) -> String { language == .zh ? zh() : en() }

    var title: String { pick("Audit of automated decisions about workers", "劳动者自动化决策审计报告") }
    var summary: String { pick("Summary", "摘要") }
    var pipeline: String { pick("Pipeline", "审计配置") }
    var asOf: String { pick("As of", "审计基准日") }
    var notSet: String { pick("not set", "未设定") }
    var decisionsAudited: String { pick("Decisions audited", "审计的决策") }
    var of: String { pick("of", "/") }
    var rowsRead: String { pick("rows read", "行已读取") }
    var rejected: String { pick("rejected (see rejects.csv)", "行被拒收（见 rejects.csv）") }
    /// The summary's heading over the run's warnings.
    func warningsAboutInput(_ count: Int) -> String {
        pick(count == 1 ? "1 warning about what was read (it may change the counts below; see Data quality and reconciliation):"
                        : "\(count) warnings about what was read (they may change the counts below; see Data quality and reconciliation):",
             "关于所读数据的警告 \(count) 条（可能影响下列数字；见“数据质量与核对”）：")
    }
    func moreWarnings(_ count: Int) -> String {
        pick("… and \(count) more under Data quality and reconciliation", "……另有 \(count) 条，见“数据质量与核对”")
    }
    var noFindings: String { pick("No check found a violation.", "未发现违规。") }
    var noFindingsInWhatWasJudged: String {
        pick("No check found a violation in the records it could judge; the records each check could not judge are under Checks.",
             "在可判断的记录中未发现违规；各项检查无法判断的记录见“合规检查”一节。")
    }
    /// Checks that judged nothing pending for want of an as-of date, as `AP-03 (3 of 3 records unknown)`.
    /// `jurisdictions` comes from the pipeline: the caller escapes it for its format.
    func notRunOutsideJurisdictions(_ ids: [String], jurisdictions: String) -> String {
        pick("Not run, as no rule they apply is in force in the jurisdictions audited (\(jurisdictions)): \(ids.joined(separator: ", ")). To judge the decisions by those rules anyway, list their jurisdictions under checks.jurisdictions (e.g. CN, EU).",
             "未运行，因其所依据的规则在本次审计的法域（\(jurisdictions)）均不适用：\(ids.joined(separator: "、"))。如仍需按这些规则评判，请在 checks.jurisdictions 中列出相应法域（如 CN、EU）。")
    }

    /// Checks the pipeline switched off, as `HR-01, EX-01`.
    func switchedOff(_ ids: [String]) -> String {
        pick("Switched off by the pipeline, so not judged: \(ids.joined(separator: ", ")). A pipeline turns a check off with `checks: {ID: false}`; remove that line to run it.",
             "审计配置已关闭以下检查，未予评判：\(ids.joined(separator: "、"))。审计配置以 `checks: {编号: false}` 关闭检查；删除该行即可运行。")
    }

    func notJudgedWithoutAsOfDate(_ checks: [CheckTally]) -> String {
        let list = checks.map { tally in
            pick("\(tally.descriptor.id) (\(tally.unknown) of \(tally.applicable) records unknown)",
                 "\(tally.descriptor.id)（\(tally.unknown) / \(tally.applicable) 条记录无法判断）")
        }
        return pick("Could not judge without an as-of date (--as-of or audit_date): " + list.joined(separator: ", ") + ".",
                    "因未给出审计基准日（--as-of 或 audit_date）而无法判断：" + list.joined(separator: "、") + "。")
    }
    /// The alarm the summaries open with when rejected rows could hide violations: one line
    /// per such input, then the reasons with what fixes each, then what could not see them.
    func hiddenRows(_ result: AuditResult) -> [String] {
        hiddenDecisionRows(result) + hiddenActivityRows(result)
    }

    /// Activity logs' rejected rows: events in no working time, so the figures may understate it.
    private func hiddenActivityRows(_ result: AuditResult) -> [String] {
        let inputs = result.activityInputsWithRejects
        guard !inputs.isEmpty else { return [] }
        var lines = inputs.map { input in
            let share = String(format: "%.1f%%", input.rejectedShare * 100)
            return pick("\(input.file): \(input.rejected) of \(input.rowsRead) activity rows (\(share)) were rejected and counted in no working time.",
                        "\(input.file)：\(input.rowsRead) 行活动记录中有 \(input.rejected) 行（\(share)）被拒收，未计入任何工作时间。")
        }
        var counts: [RejectCode: Int] = [:]
        for input in inputs { counts.merge(input.rejectsByCode, uniquingKeysWith: +) }
        let sorted = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { (code: $0.key, rows: $0.value) }
        lines.append(why(sorted, fix: activityFix) + pick(" The working time, off-hours minutes and contacts below may understate what the logs record.",
                                                            "下文的工作时间、工作时间外分钟数和联系次数可能少于日志实际记录。"))
        return lines
    }

    /// `Why: bad_timestamp ×2 (what to do); …. Each row, its line and reason are in rejects.csv.`
    private func why(_ reasons: [(code: RejectCode, rows: Int)], fix: (RejectCode) -> String) -> String {
        let named = reasons.map { pick("\(reject($0.code)) ×\($0.rows) (\(fix($0.code)))", "\(reject($0.code)) ×\($0.rows)（\(fix($0.code))）") }
        return pick("Why: " + named.joined(separator: "; ") + ". Each row, its line and reason are in rejects.csv.",
                    "原因：" + named.joined(separator: "；") + "。每一行及其行号和原因见 rejects.csv。")
    }

    /// What to do about an activity log's rejected rows, by their code.
    private func activityFix(_ code: RejectCode) -> String {
        switch code {
        case .badTimestamp: pick("check input.date_order and input.time_zone; an end before its start, or an event over a day, is the log's own error",
                                 "核对 input.date_order 和 input.time_zone；结束早于开始或单个事件超过一天，属日志本身的错误")
        case .badNumber: pick("durations are whole minutes, e.g. 45", "时长应为分钟数，如 45")
        case .unknownValue: pick("list the direction's spellings under activity.values.direction (contact, action or reply)",
                                 "在 activity.values.direction 下列出方向的写法（contact、action 或 reply）")
        case .missingRequired: pick("every event needs its worker and start time", "每个事件都须有劳动者编号和开始时间")
        case .fieldTooLong: pick("a worker id is at most 256 bytes; a longer one is text in the wrong column", "劳动者编号至多 256 字节；更长的是放错列的文字")
        default: fix(code)
        }
    }

    private func hiddenDecisionRows(_ result: AuditResult) -> [String] {
        let inputs = result.inputsHidingRows
        guard !inputs.isEmpty else { return [] }
        var lines: [String] = []
        for input in inputs {
            let share = String(format: "%.1f%%", input.rejectedShare * 100)
            let adverse = input.rejectedAdverse
            lines.append(pick(
                "\(input.file): \(input.rejectedDecisions) of \(input.rowsRead - input.rejectedNonDecisions) rows (\(share)) were rejected and audited by no check"
                    + (adverse > 0 ? "; \(adverse) of them may be adverse decisions" : "") + ".",
                "\(input.file)：\(input.rowsRead - input.rejectedNonDecisions) 行中有 \(input.rejectedDecisions) 行（\(share)）被拒收，未经任何检查"
                    + (adverse > 0 ? "；其中 \(adverse) 行可能为不利决定" : "") + "。"))
            if input.swallowedLines > 0 {
                lines.append(pick(
                    "The rejected rows span \(input.rejectedLines) physical lines: a quote or field left open swallowed \(input.swallowedLines) lines after it, each of which may have been a decision (their lines are in rejects.csv).",
                    "被拒收的行共占 \(input.rejectedLines) 个物理行：未闭合的引号或字段吞并了其后的 \(input.swallowedLines) 行，其中每一行都可能是一条决策（行号见 rejects.csv）。"))
            }
        }
        lines.append(why(result.hiddenRowReasons, fix: fix))
        let checks = result.recordCheckIDs.joined(separator: pick(", ", "、"))
        lines.append(pick("Not seen by the checks (\(checks)) nor by the group statistics: the findings below may understate the violations.",
                          "这些行未经各项检查（\(checks)）和群体统计：下文的发现可能少于实际违规。"))
        return lines
    }

    /// Before the alarm's headline on a terminal, and before each warning.
    var alarmPrefix: String { pick("WARNING: ", "警告：") }
    var warningPrefix: String { pick("warning: ", "警告：") }

    var hiddenRowsHeadline: String {
        pick("Rejected rows may hide violations", "被拒收的行可能隐藏违规")
    }

    /// An attribute or `bias.by` column as the reader names it: in Chinese its built-in Chinese
    /// name where admaudit knows the key (`sex` → `性别`), else the pipeline's key; in English the key.
    func attribute(_ key: String) -> String {
        language == .zh ? BuiltinVocabulary.chineseName(ofAttribute: key) ?? key : key
    }

    /// A reject reason as its reader names it: the code (as rejects.csv gives it) in English; in
    /// Chinese its name with the code beside it, so the rows can still be found in rejects.csv.
    func reject(_ code: RejectCode) -> String {
        guard language == .zh else { return code.rawValue }
        let name = switch code {
        case .raggedRow: "列数不符"
        case .invalidEncoding: "编码无效"
        case .fieldTooLong: "字段过长"
        case .rowTooLong: "行过长"
        case .unterminatedQuote: "引号未闭合"
        case .unbalancedQuote: "多余的引号"
        case .missingRequired: "缺少必填字段"
        case .duplicateID: "决策编号重复"
        case .badTimestamp: "时间无法识别"
        case .badNumber: "数字无法识别"
        case .unknownValue: "取值不在词表中"
        case .conflictingColumns: "同名列取值不一致"
        case .repeatedHeader: "重复的标题行"
        case .totalsRow: "合计行或表尾"
        }
        return "\(name)（\(code.rawValue)）"
    }

    /// What resolves rows rejected for `code`.
    func fix(_ code: RejectCode) -> String {
        switch code {
        case .unknownValue: pick("list the spelling under values: in the pipeline; init lists those it did not know",
                                 "在配置的 values: 下列出该写法；init 会列出它不认识的写法")
        case .badTimestamp: pick("check input.date_order and input.time_zone, or ask for dates as YYYY-MM-DD HH:MM",
                                 "核对 input.date_order 和 input.time_zone，或要求以 YYYY-MM-DD HH:MM 提供日期")
        case .badNumber: pick("check the score column, or set input.decimal_separator", "核对分数列，或设置 input.decimal_separator")
        case .missingRequired: pick("map the column under columns:, or ask the employer for the field", "在 columns: 下映射该列，或要求用人单位提供该字段")
        case .duplicateID: pick("ask the employer why one id holds two decisions", "向用人单位核实为何同一编号对应两条决策")
        case .conflictingColumns: pick("ask the employer which of the two columns is right (two of one name, or two that say who decided); the rows where they agree were audited",
                                       "向用人单位核实两列中哪一列为准（两列同名，或两列对决定者的说法不一）；两列一致的行已审计")
        case .unbalancedQuote: pick("a stray quote merged lines: remove it, or ask the employer for a clean export; the lines that read as rows were audited",
                                    "多余的引号把多行并成了一行：删去该引号，或要求用人单位重新导出；能单独成行的行已审计")
        case .raggedRow, .unterminatedQuote: pick("a delimiter or quote is missing or extra: ask the employer for a clean export",
                                                  "缺少或多出了分隔符或引号：要求用人单位重新导出")
        case .invalidEncoding: pick("set input.encoding (e.g. gb18030), or ask for UTF-8", "设置 input.encoding（如 gb18030），或要求提供 UTF-8 文件")
        case .fieldTooLong, .rowTooLong: pick("raise input.max_field_bytes or input.max_row_bytes if the text is genuine",
                                              "如内容属实，调高 input.max_field_bytes 或 input.max_row_bytes")
        case .repeatedHeader, .totalsRow: pick("nothing: not a decision", "无需处理：不是决策记录")
        }
    }

    /// How the pipeline came about, when admaudit inferred it.
    func inferredMapping(_ inference: Pipeline.Inference, file: String) -> String {
        let todos = inference.todos.count
        return pick("Columns mapped by admaudit from \(inference.input) (\(file), each setting with its evidence)"
                        + (todos > 0 ? "; \(todos) setting(s) marked TODO to check." : "."),
                    "各列含义由 admaudit 根据 \(inference.input) 推断（\(file)，每项设置注明依据）"
                        + (todos > 0 ? "；\(todos) 项标为 TODO，待核查。" : "。"))
    }

    var groupsBelowThreshold: String { pick("Groups with an impact ratio below the four-fifths threshold", "影响比低于五分之四阈值的群体") }
    var checks: String { pick("Checks", "合规检查") }
    var check: String { pick("Check", "检查项") }
    var severityHeader: String { pick("Severity", "严重程度") }
    var applicable: String { pick("Applicable", "适用") }
    var violations: String { pick("Violations", "违规") }
    var notRecorded: String { pick("Not recorded", "未记录") }
    var unknown: String { pick("Unknown", "无法判断") }
    var rate: String { pick("Rate", "违规率") }
    var legalBasis: String { pick("Legal basis", "法律依据") }
    var caveat: String { pick("Note", "说明") }
    var evidence: String { pick("found", "发现") }
    var moreInFindings: String { pick("more in findings.csv", "条，详见 findings.csv") }
    var groups: String { pick("Outcomes by group", "各群体结果") }
    var noAttributes: String { pick("The pipeline declares no protected attributes.", "审计配置未声明受保护属性。") }
    var group: String { pick("Group", "群体") }
    var favorable: String { pick("Favourable", "有利") }
    var selectionRate: String { pick("Selection rate", "选择率") }
    var confidenceInterval95: String { pick("95% CI", "95% 置信区间") }
    var impactRatio: String { pick("Impact ratio", "影响比") }
    var processFairness: String { pick("Compliance by group", "各群体的合规情况") }
    var processFairnessIntro: String {
        pick("For each check, its violations by group: a rule broken more often for one group is a finding in itself. The reference is the group with the fewest violations; the flag compares compliance rates as the four-fifths rule compares selection rates.",
             "每项检查按群体列出违规情况：某条规则对某一群体违反得更多，本身就是一项发现。参照组为违规最少的群体；标记按五分之四规则比较各群体的合规率。")
    }
    var couldFlip: String {
        pick("the verdict could flip with the unknowns: had they all been of one group, the impact ratio would lie in",
             "结论可能因属性未知的决策而改变：若这些决策全部属于某一群体，影响比将介于")
    }
    var appealOutcomes: String { pick("Contests overturned, by group", "各群体申诉被撤销的情况") }
    var appealOutcomesIntro: String {
        pick("Among contests with a recorded result: an overturned contest is the employer's own admission that the decision was wrong.",
             "仅统计有结果记录的申诉：申诉被撤销即用人单位自认原决定有误。")
    }
    var overturned: String { pick("Overturned", "被撤销") }
    var overturnRate: String { pick("Overturn rate", "撤销率") }
    var drift: String { pick("Drift by month", "按月变化") }
    var month: String { pick("Month", "月份") }
    func outcomesBy(_ column: String) -> String { pick("Outcomes within each \(column)", "按 \(column) 分列的各群体结果") }
    var scores: String { pick("Scores by group", "各群体评分") }
    var medianOfAll: String { pick("median of all", "总体中位数") }
    var mean: String { pick("Mean", "均值") }
    var median: String { pick("Median", "中位数") }
    var scoringRate: String { pick("Scoring rate", "评分率") }
    var judged: String { pick("Judged", "已评判") }
    var violationRate: String { pick("Violation rate", "违规率") }
    var violationRateRatio: String { pick("Violation-rate ratio", "违规率之比") }
    var adverseRatio: String { pick("Adverse-rate ratio", "不利结果率之比") }
    var adjustedP: String { pick("Adjusted p", "校正后p值") }
    var flag: String { pick("Flag", "标记") }
    var reference: String { pick("reference", "参照组") }
    var suppressed: String { pick("suppressed", "已隐藏") }
    /// Why a ratio or rate has no value, in the reader's words.
    func reason(_ reason: UndefinedReason) -> String {
        switch reason {
        case .referenceRateZero: return pick("the reference group's selection rate is 0", "参照组的选择率为 0")
        case .noReference: return pick("no reference group", "无参照组")
        case .referenceAdverseRateZero: return pick("the reference group's adverse rate is 0", "参照组的不利结果率为 0")
        case .namedReferenceAbsent(let name):
            return pick("the reference group '\(name)' has no decisions of this type", "参照组“\(name)”没有此类型的决策")
        case .namedReferenceSuppressed(let name, let suppressBelow):
            return pick("the reference group '\(name)' has fewer than \(suppressBelow) decisions (report.suppress_below): its rate is not shown, so no ratio to it is",
                        "参照组“\(name)”的决策少于 \(suppressBelow) 个（report.suppress_below）：其比率不予显示，因此也不显示与其相比的比率")
        case .noEligibleReference(let minimum, let share, let bySuppression):
            return pick("no group has at least \(minimum) decisions (bias.min_group_size\(bySuppression ? ", report.suppress_below" : "")) and \(share * 100)% of the stratum (bias.exclusion_share)",
                        "没有任何群体同时满足决策数至少 \(minimum) 个（bias.min_group_size\(bySuppression ? "、report.suppress_below" : "")）且占本层决策的 \(share * 100)%（bias.exclusion_share）")
        case .noEligibleScoringReference(let minimum, let share):
            return pick("no group has at least \(minimum) scored decisions (bias.min_group_size) and \(share * 100)% of them (bias.exclusion_share)",
                        "没有任何群体同时满足有评分的决策至少 \(minimum) 个（bias.min_group_size）且占其中的 \(share * 100)%（bias.exclusion_share）")
        case .highestScoringRateZero: return pick("the highest scoring rate is 0", "最高评分率为 0")
        case .notComputed: return pick("not computed", "未计算")
        case .noApplicableDecisions: return pick("no applicable decisions", "无适用的决策")
        case .noDecisionJudged: return pick("none could be judged", "均无法判断")
        }
    }

    /// Why a check could not judge a record, in the reader's words; report.json keeps the
    /// code. A code this version does not know (a state file's) is shown as it is.
    func unknownReason(_ code: String) -> String {
        guard let reason = UnknownReason(rawValue: code) else { return code }
        switch reason {
        case .noAsOfDate: return pick("no as-of date given (--as-of or audit_date)", "未给出审计基准日（--as-of 或 audit_date）")
        case .unusableSettings: return pick("the check's settings cannot be used (checks.DC-01)", "该检查的设置无法使用（checks.DC-01）")
        case .appealReviewerIDNotRecorded: return pick("appeal_reviewer_id not recorded", "未记录 appeal_reviewer_id")
        case .notifiedAtNotRecorded: return pick("notified_at empty: when the worker was told is not recorded", "notified_at 为空：未记录何时通知劳动者")
        case .decidedAtNotRecorded: return pick("decided_at not recorded", "未记录 decided_at")
        case .decidedAtDayOnly:
            return pick("decided_at gives the day only, and an unanswered off-hours contact came that day: whether before the decision is not recorded",
                        "决定时间（decided_at）只有日期，而当天有一次未回复的工作时间外联系：未记录其是否在决定之前")
        case .reviewedAtAndEffectiveAtNotRecorded: return pick("reviewed_at and effective_at not recorded", "未记录 reviewed_at 和 effective_at")
        case .reviewedAtNotRecorded: return pick("reviewed_at not recorded", "未记录 reviewed_at")
        case .reviewResultNotRecorded: return pick("review_result not recorded for any of the reviewer's reviews", "复核人的各次复核均未记录 review_result")
        case .effectiveAtNotRecorded: return pick("effective_at not recorded", "未记录 effective_at")
        case .dataCategoriesNotRecorded: return pick("data_categories not recorded", "未记录 data_categories")
        case .protectedStatusNotInExport:
            return pick("the export has no protected_status column (pregnancy, medical period, work injury…)",
                        "导出数据没有 protected_status 列（孕期、医疗期、工伤等）")
        case .dataCategoriesEmpty: return pick("data_categories holds no items", "data_categories 中没有任何条目")
        case .reasonCodesNotRecorded: return pick("reason_codes not recorded", "未记录 reason_codes")
        case .reasonCodesEmpty: return pick("reason_codes holds no items", "reason_codes 中没有任何条目")
        case .dataCategoriesAndReasonCodesNotRecorded: return pick("data_categories and reason_codes not recorded", "未记录 data_categories 和 reason_codes")
        case .dataCategoriesAndReasonCodesEmpty: return pick("data_categories and reason_codes hold no items", "data_categories 和 reason_codes 中没有任何条目")
        }
    }

    /// The group of values beyond `input.max_distinct_values` (its label is the English words).
    func overflowGroup(limit: Int) -> String {
        pick(AttributeGroups.overflowLabel(limit: limit), AttributeGroups.chineseOverflowLabel(limit: limit))
    }

    /// A group's flag in the reader's words; report.json keeps the code.
    func flag(_ flag: ImpactFlag) -> String {
        switch flag {
        case .adverseImpact: pick("adverse impact", "不利影响")
        case .possibleAdverseImpact: pick("possible adverse impact", "可能存在不利影响")
        case .significantDisparity: pick("significant disparity", "差异显著")
        case .insufficientData: pick("too few to judge", "数据不足")
        case .none: pick("none", "无")
        case .undefined: pick("no ratio", "无法计算")
        }
    }

    /// A decision type in the reader's words (`task allocation`, `辞退`); report.json keeps the code.
    func decisionType(_ type: DecisionType) -> String {
        pick(type.rawValue.replacingOccurrences(of: "_", with: " "), type.chineseName)
    }

    /// What a selection stratum compares: its decision type, or for the sanction ladder's
    /// pooled stratum the harshest sanction against the lighter ones. Codes, not escaped:
    /// the caller escapes for its format.
    func compared(_ stratum: SelectionStratum) -> String {
        guard let ladder = stratum.ladder else { return decisionType(stratum.decisionType) }
        let lighter = ladder.lighter.map(decisionType)
        let harsher = ladder.harsher.map(decisionType)
        let cut = harsher.isEmpty ? decisionType(ladder.harshest)
            : pick("\(decisionType(ladder.harshest)) or harsher (\(harsher.joined(separator: ", ")))",
                   "\(decisionType(ladder.harshest))或更重处分（\(harsher.joined(separator: "、"))）")
        return pick("\(cut) rather than a lighter sanction (\(lighter.joined(separator: ", ")))",
                    "\(cut)而非较轻处分（\(lighter.joined(separator: "、"))）")
    }

    /// How to read the sanction ladder's stratum, below its table.
    func ladderReading(_ ladder: SanctionLadder) -> String {
        let harshest = decisionType(ladder.harshest) + (ladder.harsher.isEmpty ? "" : pick(" or harsher", "或更重处分"))
        return pick("Every sanction that stood on the ladder (\(ladder.rungs.map(decisionType).joined(separator: " < "))) pooled, once per rung: "
                    + "favourable here means a sanction lighter than the rung, so the rate is the share of a group's sanctions that were not \(harshest), "
                    + "and an impact ratio below the threshold means the group, once sanctioned, got \(harshest) more often than the reference group. "
                    + "A stratum of one type compares only decisions of that type, so it cannot show this (bias.sanction_ladder sets the order of the sanctions).",
                    "以下按处分轻重（\(ladder.rungs.map(decisionType).joined(separator: " < "))）逐级合并所有成立的处分：此处“有利”指较该级更轻的处分，"
                    + "比率即该群体所受处分中不是\(harshest)的比例；影响比低于阈值，说明该群体一旦受处分，比参照组更常被处以\(harshest)。"
                    + "按单一类型分层只比较该类型的决定，无法显示这一差异（处分的轻重顺序由 bias.sanction_ladder 设定）。")
    }

    var unknownCount: String { pick("Decisions with this attribute unknown (not in any ratio)", "该属性未知的决策（不计入任何比率）") }
    var dataQuality: String { pick("Data quality and reconciliation", "数据质量与核对") }
    var file: String { pick("File", "文件") }
    var encoding: String { pick("Encoding", "编码") }
    var rowsReadHeader: String { pick("Rows read", "读取行数") }
    var linesHeader: String { pick("Lines", "物理行数") }

    /// Where an input's physical lines went: title lines, the header, blank lines and the
    /// rows (with the lines inside their quoted fields), so lines and rows reconcile too.
    func lineAccount(_ input: InputSummary) -> String {
        var parts: [String] = []
        if input.titleLines > 0 { parts.append(pick("\(input.titleLines) above the header", "表头上方 \(input.titleLines) 行")) }
        parts.append(pick("\(input.headerLines) header", "表头 \(input.headerLines) 行"))
        if input.linesInsideFields > 0 {
            parts.append(pick("\(input.rowLines) in \(input.rowsRead) rows (\(input.linesInsideFields) inside quoted fields)",
                              "数据 \(input.rowsRead) 行共占 \(input.rowLines) 行（其中 \(input.linesInsideFields) 行在带引号的字段内）"))
        } else {
            parts.append(pick("\(input.rowLines) rows", "数据 \(input.rowLines) 行"))
        }
        if input.blankLines > 0 { parts.append(pick("\(input.blankLines) blank", "空行 \(input.blankLines) 行")) }
        let account = pick("\(input.lines) lines = ", "共 \(input.lines) 行 = ") + parts.joined(separator: " + ")
        return input.linesReconcile ? account : account + pick(" (DOES NOT ADD UP: a bug, please report it)", "（对不上：程序错误，请报告）")
    }

    /// Said when lines and rows differ for another reason than the header.
    func explainsLines(_ input: InputSummary) -> Bool {
        input.lines != input.headerLines + input.rowsRead || input.quoteRepairs > 0
    }
    var accepted: String { pick("Accepted", "接受") }
    var rejectedHeader: String { pick("Rejected", "拒收") }
    var reconciles: String { pick("Reconciles", "核对一致") }
    var method: String { pick("Method", "方法") }
    var limitations: String { pick("Limitations", "局限") }
    func smallGroups(count: Int, minimum: Int, share: Double) -> String {
        pick("\(count) groups are too small to judge (fewer than \(minimum) decisions, or under \(ReportNumber.percent(share)) of their table): their rates are shown without a verdict (\(flag(.insufficientData))):",
             "\(count) 个群体人数过少，无法评判（决策少于 \(minimum) 个，或不足所在表的 \(ReportNumber.percent(share))）：列出其比率但不作结论（\(flag(.insufficientData))）：")
    }
    /// The tab delimiter, named.
    var tab: String { pick("tab", "制表符") }
    /// Between the items of a short list.
    var listComma: String { pick(", ", "、") }
    /// Between an item's sentence and the list that follows it.
    var listSeparator: String { pick(" ", "") }
    var unknownGroups: String {
        pick("Decisions whose group is unknown are counted apart and are in no ratio; where they are many, the ratios describe only the decisions with a known group:",
             "群体未知的决策单独计数，不计入任何比率；未知较多时，比率只反映群体已知的决策：")
    }
    func verdictsCouldFlip(_ count: Int) -> String {
        pick("For \(count) groups the four-fifths verdict could flip had the unknowns all been of one group (the bounds are beside their tables).",
             "有 \(count) 个群体的五分之四规则结论可能因群体未知的决策而改变（区间见各表下方）。")
    }
    func suppressedCells(_ count: Int, below: Int) -> String {
        pick("\(count) cells of fewer than \(below) people are suppressed: their counts and rates are not shown, to protect the people in them.",
             "\(count) 个少于 \(below) 人的单元格已隐藏，不显示其人数和比率，以保护其中的个人。")
    }
    func checksCouldNotJudge(_ list: String) -> String {
        pick("Some decisions could not be judged (unknown / applicable): \(list). The reasons are under Checks.",
             "部分决策无法判断（无法判断 / 适用）：\(list)。原因见“合规检查”一节。")
    }
    func violationsNotRecorded(_ count: Int) -> String {
        pick("\(count) violations rest on what the employer did not record: the law puts the burden of showing compliance on the employer, so a missing record counts against it.",
             "\(count) 项违规系因用人单位未作记录：法律要求用人单位证明其合规，缺少记录即按未合规计。")
    }
    var asOfFromData: String {
        pick("No as-of date was given (--as-of or audit_date): the date shown is the latest decision in the data, and the checks of what is still pending on a date (contests unanswered, records kept too long) could not judge: they count those records as unknown.",
             "未指定审计基准日（--as-of 或 audit_date）：所示日期为数据中最晚的决策日期；判断截至某日仍未处理事项的检查（逾期未答复的申诉、超期保存的记录）无法判断，相关记录计为无法判断。")
    }
    var noAsOf: String {
        pick("No as-of date was given and the data has no decision dates: checks of what is pending could not judge.",
             "未指定审计基准日，且数据中没有决策日期：无法判断待处理事项。")
    }
    var whatStatisticsShow: String {
        pick("The group statistics describe disparities in the employer's own records. They do not by themselves prove discrimination or show its cause; the tests treat decisions as independent, and adjusting p-values over every test of the run makes small disparities in small groups harder to show.",
             "群体统计描述的是用人单位自身记录中的差异，其本身并不证明存在歧视，也不说明原因；检验假定各决策相互独立，且在全部检验中校正 p 值，会使小群体中的较小差异更难显示为显著。")
    }

    // report.html: words for undefined values and the charts.
    var undefined: String { pick("undefined", "无法计算") }
    var noDecisions: String { pick("no decisions", "无决策") }
    var findingsChartTitle: String { pick("Violations per check", "各检查项的违规数") }
    var findingsChartCaption: String {
        pick("Bars: violations of each check (red: error, orange: warning, blue: info), with violations / applicable decisions.",
             "条形：各检查项的违规数（红色：严重，橙色：警告，蓝色：提示），旁注违规数 / 适用决策数。")
    }
    func selectionChartTitle(_ stratum: String) -> String { pick("Selection rate by group, with 95% intervals: \(stratum)", "各群体选择率及 95% 区间：\(stratum)") }
    func selectionChartCaption(_ threshold: Double) -> String {
        pick("Bars: selection rate (red: \(flag(.adverseImpact)), orange: \(flag(.possibleAdverseImpact)), grey: \(flag(.insufficientData)) or \(flag(.undefined))); whiskers: 95% Wilson interval; dashed line: \(threshold) × the reference group's rate. A bar ending left of the line is below the threshold.",
             "条形：选择率（红色：\(flag(.adverseImpact))，橙色：\(flag(.possibleAdverseImpact))，灰色：\(flag(.insufficientData))或\(flag(.undefined))）；须线：95% Wilson 区间；虚线：参照组选择率 × \(threshold)。条形止于虚线左侧即低于阈值。")
    }
    func thresholdOfReference(_ threshold: Double, _ value: String) -> String {
        pick("\(threshold) × reference rate = \(value)", "参照组选择率 × \(threshold) = \(value)")
    }
    var referenceSuppressed: String { pick("the reference group is suppressed: no threshold line", "参照组已隐藏：不画阈值线") }
    var noReferenceLine: String { pick("no reference group: no threshold line", "无参照组：不画阈值线") }
    func heatmapTitle(_ stratum: String) -> String { pick("Impact ratio of each intersectional group: \(stratum)", "各交叉群体的影响比：\(stratum)") }
    func heatmapCaption(_ threshold: Double) -> String {
        pick("Each cell: the impact ratio of one combination; red below \(threshold), blue at or above it; hatched: suppressed or undefined; a dash: no decisions.",
             "每格为一个组合的影响比；低于 \(threshold) 为红色，不低于为蓝色；斜线：已隐藏或无法计算；短横：无决策。")
    }
    func belowThreshold(_ threshold: Double) -> String { pick("below \(threshold)", "低于 \(threshold)") }
    func atOrAboveThreshold(_ threshold: Double) -> String { pick("\(threshold) or above", "不低于 \(threshold)") }
    var suppressedOrUndefined: String { pick("suppressed or undefined", "已隐藏或无法计算") }
    var noMonthShown: String { pick("no month has a ratio to show (suppressed, undefined or no decisions)", "没有可显示影响比的月份（已隐藏、无法计算或无决策）") }
    func driftChartTitle(_ stratum: String) -> String { pick("Impact ratio by month: \(stratum)", "各月影响比：\(stratum)") }
    func driftCaption(_ threshold: Double) -> String {
        pick("One line per group; dashed line: \(threshold). A gap is a month where the group had no decisions, was suppressed or its ratio was undefined.",
             "每条线为一个群体；虚线：\(threshold)。断开处为该群体当月无决策、已隐藏或影响比无法计算。")
    }

    func asOfSource(_ source: String) -> String {
        switch source {
        case "option": pick("from --as-of", "来自 --as-of 参数")
        case "pipeline": pick("from the pipeline's audit_date", "来自审计配置的 audit_date")
        // No date was given: say so first, as the warnings do, then what the date shown is.
        case "data": pick("none given: this is the latest decision date in the data", "未给出：此为数据中最晚的决策日期")
        case "shards": pick("the date the merged shards were judged on", "所合并分片的审计基准日")
        default: pick("no date available", "无可用日期")
        }
    }

    func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: pick("error", "严重")
        case .warning: pick("warning", "警告")
        case .info: pick("info", "提示")
        }
    }

    // NYC LL144 layout.
    var ll144Title: String { pick("Bias audit summary (NYC Local Law 144 style)", "偏差审计摘要（纽约市第144号地方法格式）") }
    func ll144Intro(share: Double) -> String {
        pick("Selection rates (or scoring rates, where decisions carry scores) and impact ratios by category, each against the category with the highest rate, as 6 RCNY § 5-301 asks. Categories with fewer than \(ReportNumber.percent(share)) of the people of their table are excluded from the impact ratios and their counts are shown. The full statistics (intervals, tests, flags) follow.",
             "按类别列出选择率（决策有评分时为评分率）及影响比，均与比率最高的类别比较，依纽约市规则 6 RCNY § 5-301。人数不足该表 \(ReportNumber.percent(share)) 的类别不计入影响比，但列出其人数。完整统计（区间、检验、标记）见后文。")
    }
    func categories(_ kind: String) -> String {
        switch kind {
        case "sex": pick("Sex categories", "性别类别")
        case "race/ethnicity": pick("Race/ethnicity categories", "种族/族裔类别")
        case "intersectional": pick("Intersectional categories", "交叉类别")
        default: pick("\(kind.prefix(1).uppercased() + kind.dropFirst()) categories", "\(kind) 类别")
        }
    }
    var category: String { pick("Category", "类别") }
    var applicants: String { pick("Number of applicants", "人数") }
    var selected: String { pick("Number selected", "获选人数") }
    var excluded: String { pick("excluded", "不计入") }
    var highest: String { pick("highest", "最高") }
    var unknownCategory: String { pick("People of unknown category (not in the rates or ratios)", "类别未知的人数（不计入比率）") }
    func excludedNote(share: Double) -> String {
        pick("Under \(ReportNumber.percent(share)) of the people of this table: excluded from the impact ratios (6 RCNY § 5-301).",
             "人数不足本表的 \(ReportNumber.percent(share))：不计入影响比（6 RCNY § 5-301）。")
    }
    /// The note under a check's evidence on its "not recorded" violations, naming what that
    /// check needs recorded (`CheckDescriptor.notRecordedEnglish`).
    func notRecordedNote(_ count: Int, _ check: CheckDescriptor) -> String {
        pick("\(count) of these are violations because the employer did not record \(check.notRecordedEnglish ?? "what would show compliance"): the law puts the burden of showing it on the employer.",
             "其中 \(count) 条因用人单位未记录\(check.notRecordedChinese ?? "能证明合规的信息")而计为违规：法律要求由用人单位对此举证。")
    }

    func methodText(_ pipeline: Pipeline) -> String {
        let types = pipeline.checks.significantTypes.sorted().map(decisionType).joined(separator: language == .zh ? "、" : ", ")
        let minimum = pipeline.bias.minGroupSize
        let threshold = pipeline.bias.impactThreshold
        let suppress = pipeline.report.suppressBelow
        if language == .zh {
            return """
            - 每一行要么成为一条记录，要么以原因写入 rejects.csv；每个文件均核对：读取行数 = 接受 + 拒收。
            - 适用范围：类型为 \(types) 的不利自动化决策。`automated` 为空时\(pipeline.input.assumeAutomated ? "视为自动化决策" : "不视为自动化决策")。
            - 选择率 = 有利结果数 / 决策数；影响比 = 群体选择率 / 参照组选择率。参照组为至少有 \(minimum) 个决策且占所在表 \(ReportNumber.percent(pipeline.bias.exclusionShare)) 以上的选择率最高的群体（或审计配置指定的群体）。每个群体与参照组比较：Fisher 精确检验（双侧）与两比例 z 统计量，p 值在本次运行的全部检验中以 \(pipeline.bias.correction.rawValue) 方法校正；影响比低于 \(threshold) 且校正后 p < \(pipeline.bias.alpha) 标记为“\(flag(.adverseImpact))”，仅影响比低于阈值为“\(flag(.possibleAdverseImpact))”，仅显著为“\(flag(.significantDisparity))”。选择率附 95% Wilson 区间，影响比附 95% 对数法区间。
            - 属性未知的决策单独计数，不计入任何比率。少于 \(suppress) 人的单元格予以隐藏。
            - 员工编号默认以带密钥的哈希假名化。
            """
        }
        return """
        - Every row is either a record or a line in rejects.csv with a reason; each file reconciles: rows read = accepted + rejected.
        - Applicable set: adverse automated decisions of the types \(types). An empty `automated` field \(pipeline.input.assumeAutomated ? "counts as automated" : "does not count as automated").
        - Selection rate = favourable / decisions; impact ratio = the group's rate / the reference group's rate. The reference is the highest-rate group with at least \(minimum) decisions and \(ReportNumber.percent(pipeline.bias.exclusionShare)) of its table (or the group the pipeline names). Each group is compared with the reference by a two-sided Fisher exact test and the two-proportion z statistic; p-values are adjusted over every test of the run (\(pipeline.bias.correction.rawValue)). A ratio below \(threshold) with adjusted p < \(pipeline.bias.alpha) is "\(flag(.adverseImpact))"; below the threshold alone, "\(flag(.possibleAdverseImpact))"; significant alone, "\(flag(.significantDisparity))". Selection rates carry 95% Wilson intervals, impact ratios 95% log-method intervals.
        - Decisions with an unknown attribute are counted apart and are in no ratio. Cells of fewer than \(suppress) people are suppressed.
        - Subject ids are pseudonymised with a keyed hash by default.
        """
    }
}
