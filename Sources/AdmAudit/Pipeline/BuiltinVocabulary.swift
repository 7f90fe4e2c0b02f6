/// The synonyms admaudit knows without being told: English and Chinese column headers
/// and values as HR systems export them.
///
/// A pipeline file's `columns` and `attributes` entries replace the built-in header list for
/// the field they name; its `values` entries are added to the built-in spellings (looked up
/// first), unless they say `replace: true`. Fields the pipeline does not mention keep these
/// defaults. This lets an inspector run a shipped pipeline on an unfamiliar export, and
/// `admaudit init` read values as a run will. Values are looked up as written (trimmed,
/// case-folded, see `TextKey`), then by meaning (`Vocabulary`, `KeywordIndex`): a spelling
/// here is also a keyword found inside longer values.
public enum BuiltinVocabulary {
    /// Canonical field → header synonyms.
    public static let columns: [(CanonicalField, [String])] = [
        (.decisionID, ["decision_id", "decision id", "decisionid", "id", "case_id", "case id", "record_id",
                       "决策编号", "决策id", "决策ID", "记录编号", "编号", "单号", "处理编号"]),
        (.subjectID, ["subject_id", "employee_id", "employee id", "worker_id", "worker id", "staff_id", "applicant_id",
                      "person_id", "员工编号", "员工id", "工号", "人员编号", "劳动者编号", "应聘者编号"]),
        (.decisionType, ["decision_type", "decision type", "type", "action", "action_type",
                         "决策类型", "处理类型", "处置类型", "类型", "措施类型", "事项"]),
        (.outcome, ["outcome", "result", "decision", "decision_outcome", "结果", "决策结果", "处理结果"]),
        (.score, ["score", "risk_score", "model_score", "rating", "评分", "分数", "得分", "风险评分"]),
        (.automated, ["automated", "is_automated", "automated_decision", "algorithmic",
                      "是否自动化", "自动化决策", "是否系统自动", "系统自动"]),
        (.system, ["system", "model", "system_name", "model_version", "系统", "系统名称", "算法", "模型"]),
        (.decidedAt, ["decided_at", "decision_date", "decision_time", "date", "决策时间", "决策日期", "处理时间", "日期"]),
        (.effectiveAt, ["effective_at", "effective_date", "生效时间", "生效日期", "执行时间"]),
        (.notifiedAt, ["notified_at", "notification_time", "notified", "通知时间", "告知时间", "送达时间"]),
        (.humanReviewed, ["human_reviewed", "human_review", "reviewed", "manual_review",
                          "是否人工复核", "人工复核", "是否复核", "人工审核"]),
        (.reviewerID, ["reviewer_id", "reviewer", "复核人", "复核人编号", "审核人"]),
        (.reviewedAt, ["reviewed_at", "review_time", "review_date", "复核时间", "审核时间"]),
        (.reviewResult, ["review_result", "review_outcome", "复核结果", "审核结果"]),
        (.explanationGiven, ["explanation_given", "explanation", "explained", "reason_given",
                             "是否说明理由", "是否说明", "说明理由", "是否告知理由"]),
        (.appealOffered, ["appeal_offered", "contest_offered", "appeal_available",
                          "是否提供申诉", "申诉渠道", "是否告知申诉"]),
        (.appealFiledAt, ["appeal_filed_at", "appeal_date", "contest_filed_at", "申诉时间", "申诉日期", "提出申诉时间"]),
        (.appealRespondedAt, ["appeal_responded_at", "appeal_response_date", "appeal_answered_at",
                              "申诉答复时间", "申诉处理时间", "答复时间"]),
        (.appealReviewer, ["appeal_reviewer", "appeal_reviewed_by", "申诉复核方式", "申诉处理方式"]),
        (.appealResult, ["appeal_result", "appeal_outcome", "申诉结果"]),
        (.appealReviewerID, ["appeal_reviewer_id", "appeal_decided_by", "appeal_handler", "申诉复核人", "申诉处理人"]),
        (.dataCategories, ["data_categories", "data_used", "inputs", "数据类别", "使用数据", "数据来源"]),
        (.unionNotified, ["union_notified", "union_notice", "是否通知工会", "通知工会"]),
        (.protectedStatus, ["protected_status", "特殊保护状态", "保护期状态"]),
        (.aiNoticeAt, ["ai_notice_at", "automation_notice_at", "算法告知时间", "自动化告知时间"]),
        (.reasonCodes, ["reason_codes", "reasons", "reason", "原因", "原因代码", "理由"]),
        (.jurisdiction, ["jurisdiction", "country", "法域", "管辖"]),
    ]

    /// Protected attribute name → header synonyms. Attributes a pipeline names that are not
    /// listed here match their own name only.
    public static let attributes: [(String, [String])] = [
        ("sex", ["sex", "gender", "性别"]),
        ("ethnicity", ["ethnicity", "race", "race_ethnicity", "race/ethnicity", "民族", "种族"]),
        ("age_band", ["age_band", "age_group", "age_cat", "age band", "年龄段", "年龄组"]),
        ("disability", ["disability", "disabled", "残疾", "是否残疾"]),
        ("hukou", ["hukou", "household_registration", "户籍", "户口"]),
        ("religion", ["religion", "religious_belief", "宗教信仰"]),
        ("nationality", ["nationality", "citizenship", "national_origin", "national origin", "国籍"]),
    ]

    /// An attribute or `bias.by` column as a Chinese reader names it: the built-in Chinese name
    /// of a key admaudit knows (`sex` → `性别`, `site` → `工作地点`), each part of an intersection
    /// (`sex × ethnicity` → `性别 × 民族`); nil when a part is a key it does not know. Taken from
    /// admaudit's own vocabulary, never from an export's header, so an employer cannot rename an
    /// attribute in the report.
    public static func chineseName(ofAttribute key: String) -> String? {
        let parts = key.components(separatedBy: " × ").map { part in
            part == "site" ? "工作地点" : part == "month" ? "月份"
                : attributes.first { $0.0 == part }?.1.first { $0.unicodeScalars.contains(where: MeaningText.isCJK) }
        }
        guard parts.allSatisfy({ $0 != nil }) else { return nil }
        return parts.map { $0! }.joined(separator: " × ")
    }

    public static let booleans: [(Bool, [String])] = [
        (true, ["true", "yes", "y", "1", "t", "是", "有", "已", "已复核", "已说明", "已提供", "已通知", "√", "✓", "✔", "对", "signed off", "signed",
                "已校准", "已签字", "已签核"]),
        (false, ["false", "no", "n", "0", "f", "否", "无", "未", "没有", "未复核", "未说明", "未提供", "未通知", "×", "✗", "✘", "not signed off", "unsigned",
                 "未校准", "未签字", "未签核",
                 // A review still to come when the decision stands is none yet (`审核状态: 待审核`).
                 "待审核", "待复核", "待审批", "pending review", "awaiting review"]),
    ]

    /// Whether software made the decision: yes/no, or who decided (`系统`/`人工`, `system`/`manual`).
    public static let automation: [(Bool, [String])] = [
        (true, ["true", "yes", "y", "1", "t", "是", "√", "✓", "automated", "automatic", "auto", "automation", "system", "algorithm",
                "algorithmic", "ai", "model", "software", "rule engine", "系统", "自动", "系统自动", "自动化", "算法", "系统判定",
                "算法判定", "机器", "模型", "系统生成", "自动判定", "bot", "robot", "rpa", "script", "机器人", "自动审批", "系统自动审批",
                "engine", "analytics", "scheduler", "batch", "batch job", "integration", "api", "引擎", "批处理", "接口", "aedt",
                "ai screening", "automated screening", "rules engine", "workflow automation", "auto review", "自动审核",
                // A chatbot answering for the employer (`智能客服` beside `客服专员`).
                "chatbot", "智能客服", "机器人客服", "ai客服", "自动回复",
                // A second hostile review: `人工智能` (AI) is no `人工` (manual); software named by what it does
                // (`manager (rule-based)`, `manager (scoring)`); a human in the loop of an automated decision.
                "人工智能", "rule-based", "rule based", "rules-based", "rules based", "scoring", "auto-scoring", "copilot",
                "human in the loop", "human-in-the-loop", "hitl"]),
        (false, ["false", "no", "n", "0", "f", "否", "×", "✗", "✘", "manual", "human", "person", "manager", "hr", "人工", "手工", "手动", "人工决定",
                 "人工判定", "人为", "人工处理", "人工作出", "manually", "人工发起", "主管发起", "hr发起", "manager initiated",
                 "hr initiated", "human decision", "recruiter", "supervisor", "team lead", "staff", "hrbp", "招聘专员", "招聘官", "面试官",
                 "主管", "经理", "组长", "agent", "ops agent", "operator", "ops", "dispatcher", "运营", "客服", "调度员", "manual review"]),
    ]

    /// The answers among who-decided's words, and the denials that answer too (`person: none`):
    /// read beside the kinds (`human`, `system`) to refuse a value saying both (`MixedSignals`).
    package static let automationAnswers: (yes: [String], no: [String]) = (
        ["true", "yes", "是", "√", "✓"],
        ["false", "no", "none", "nobody", "no one", "否", "无", "没有", "×", "✗", "✘"]
    )

    /// Outcome words that approve what was proposed. On a sanction (a warning, a dismissal) they
    /// mean the sanction was approved and stands, so the outcome is adverse, not favourable.
    public static let approvals: [String] = ["approved", "approve", "passed", "pass", "confirmed", "accepted", "agreed", "cleared",
                                            "通过", "批准", "同意", "审批通过", "已审批", "已批准", "已通过", "确认"]

    /// Outcome words that turn down what was proposed. On a sanction they mean it was turned
    /// down and does not stand, so the outcome is favourable, not adverse.
    public static let rejections: [String] = ["rejected", "denied", "declined", "not approved", "驳回", "不同意", "否决", "不批准",
                                             "未批准", "已驳回", "拒绝", "已拒绝"]

    /// Commendations: decisions about a worker of no type the checks single out, favourable in
    /// themselves, so a row naming only the kind is a decision, not a reject.
    static let commendations = ["commendation", "commended", "commend", "employee of the month", "recognition award",
                                "表彰", "嘉奖", "表扬", "通报表扬", "通报嘉奖", "评优", "评先", "评优评先", "优秀员工", "先进个人", "荣誉称号"]

    /// An honour taken away or refused: a sanction, and adverse where the outcome column repeats it.
    static let honourWithdrawals = ["撤销荣誉称号", "取消荣誉称号", "撤销荣誉", "取消荣誉", "撤销表彰", "取消表彰", "撤销嘉奖", "取消嘉奖",
                                    "取消优秀员工称号", "取消优秀员工", "取消评优资格", "取消评优", "取消评先", "取消评优评先资格", "不予评优",
                                    "不得评优", "一票否决", "评优评先一票否决", "commendation withdrawn", "commendation revoked",
                                    "award revoked", "award withdrawn"]

    public static let outcomes: [(Outcome, [String])] = [
        (.favorable, ["favorable", "favourable", "positive", "selected", "hired", "promoted", "retained", "approved", "pass", "passed",
                      "accepted", "advanced", "advance", "advance to interview", "shortlisted", "offer", "offer extended", "cleared",
                      "no action", "no action taken", "no further action", "no violation", "no violation found", "no sanction",
                      "no penalty", "kept", "successful", "qualified", "not flagged", "low risk",
                      "有利", "通过", "录用", "晋升", "保留", "批准", "合格", "入选", "进入面试", "通过初筛", "发放offer", "不予处理", "无需处理",
                      "不予处置", "无需处置",
                      "不予处分", "免予处分", "免于处分", "不予处罚", "免予处罚", "免于处罚", "无处罚", "不处罚", "无处理", "无需处罚",
                      "低风险", "正常", "留用", "续签", "已撤销", "撤销", "已撤回", "撤回", "已取消", "revoked", "rescinded", "cancelled",
                      "canceled", "withdrawn", "overturned", "reversed", "reverted", "rolled back", "granted", "awarded", "paid", "奖励",
                      "发放", "已发放", "加薪",
                      // Kept as things were: the position, pay or account the decision could have taken away.
                      "维持原职", "维持原岗", "维持原岗位", "维持原薪", "维持原级", "维持原职级", "维持现职", "保留原职", "保留岗位", "原岗留用",
                      "解封", "已解封", "恢复", "已恢复", "恢复接单", "恢复派单", "恢复账号", "恢复正常", "正常派单", "正常排班", "全额发放",
                      "continued employment", "employment continued", "remains employed", "kept on", "no measure", "no measures",
                      "no measure taken", "coaching only", "no sanction imposed", "reinstated", "restored", "cleared",
                      "reactivated", "reactivation", "account reactivated", "account restored",
                      "merit increase", "pay increase", "salary increase", "raise granted", "bonus paid", "paid in full",
                      "shift confirmed", "shift assigned", "lifted", "suspension lifted", "ban lifted", "unblocked", "unbanned",
                      "解冻", "已解冻", "waived", "penalty waived", "warning waived", "warning removed", "sanction removed",
                      "sanction reduction", "penalty reduction", "penalty decrease", "减轻处分",
                      // A deduction waived (免扣), a shift given, dispatch weight kept.
                      "免扣", "免予扣款", "allocated", "shift allocated", "未降权", "恢复权重",
                      // Pay, hours, shifts or a contract kept as they were: what the decision could have cut.
                      "pay unchanged", "pay maintained", "pay kept", "salary unchanged", "wage unchanged", "wages unchanged",
                      "pay rate unchanged", "bonus unchanged", "hours unchanged",
                      "hours maintained", "shift unchanged", "shifts unchanged", "shift maintained", "shifts maintained",
                      "schedule unchanged", "schedule maintained", "slots unchanged", "slots maintained", "allocation unchanged",
                      "allocation maintained", "contract continued", "contract continues", "contract maintained",
                      "employment maintained", "position unchanged", "role unchanged", "grade unchanged",
                      "薪资不变", "工资不变", "薪酬不变", "薪资维持不变", "单价不变", "排班不变", "班次不变", "维持原排班",
                      "派单不变", "岗位不变", "职级不变", "合同继续履行", "劳动合同继续履行", "继续履行劳动合同",
                      // A sanction named, then undone: the undoing verb comes after it here.
                      "处分解除", "处分取消", "警告取消", "处罚取消", "处罚撤销", "限制解除", "停职解除", "封号解除"] + commendations),
        (.adverse, honourWithdrawals + ["non-renewal", "contract non-renewal", "adverse", "negative", "rejected", "dismissed", "terminated", "disciplined", "demoted", "denied", "fail", "failed",
                    "declined", "reject", "screened out", "not selected", "not hired", "not advanced", "unsuccessful", "unfavorable", "unfavourable",
                    "docked", "deducted", "deduction", "pay docked", "pay cut", "reduced", "bonus reduced", "pay reduced", "salary reduced",
                    "withheld", "bonus withheld", "forfeited", "suspended", "deactivated", "warned", "flagged",
                    "high risk", "disqualified", "withdrawn offer", "let go", "laid off", "fired",
                    "不利", "不通过", "未通过", "拒绝", "已拒绝", "未录用", "不予录用", "不录用", "辞退", "解除", "解约", "已解约", "处分", "降级", "降职", "驳回", "不合格",
                    "淘汰", "初筛淘汰", "落选", "未入选", "扣减", "扣发", "扣除", "扣款", "扣薪", "扣绩效", "扣分", "罚款", "降薪", "警告",
                    "记过", "停职", "封号", "封禁", "封停", "开除", "高风险", "解雇", "优化", "劝退", "已执行", "执行", "已生效", "生效", "executed", "carried out",
                    "暂停发放", "停发", "暂缓发放", "暂缓", "withheld pay",
                    "in effect", "effective", "implemented", "enforced",
                    // Sanctions named by what they are: the sanction was imposed.
                    "warning", "written warning", "final warning", "final written warning", "reprimand", "dismissal", "termination",
                    "suspension", "suspension without pay", "demotion", "penalty", "reduction", "pay reduction",
                    "salary reduction", "decrease", "shift removed", "removed from schedule", "removed from shift", "shift cut", "fined",
                    "blocked", "banned",
                    "减少", "减少排班", "减少派单", "降低", "降低派单优先级", "降低优先级", "下调", "限制", "限制接单", "停单", "停止派单",
                    "暂停接单", "暂停派单", "冻结", "永久封号", "减薪", "降岗", "调岗降级",
                    // A rider's dispatch weight lowered (降权); a shift not given.
                    "降权", "已降权", "派单降权", "not allocated", "unallocated", "shift not allocated",
                    "未分配", "未分配优先班次", "未获分配", "未获优先班次", "不分配", "未上调", "未提高",
                    // A favourable decision taken back.
                    "bonus cut", "bonus cancelled", "bonus canceled", "offer withdrawn", "offer rescinded", "offer revoked",
                    "promotion rescinded", "promotion withdrawn", "promotion revoked", "录用取消", "撤销录用", "取消录用", "晋升撤销",
                    // A job, contract, account or pay rise taken away: `cancelled` and `revoked` alone undo a
                    // sanction, but here they undo what the worker had (a hostile review's `employment cancelled`,
                    // `contract revoked`, `撤销职务`).
                    "employment cancelled", "employment canceled", "employment revoked", "employment rescinded", "contract cancelled",
                    "contract canceled", "contract revoked", "contract rescinded", "account cancelled", "account canceled",
                    "account revoked", "account closed", "bonus revoked", "bonus rescinded", "raise cancelled", "raise canceled",
                    "raise revoked", "raise rescinded", "pay rise cancelled", "pay rise revoked", "job cancelled", "job canceled",
                    "job revoked", "position cancelled", "position canceled", "position revoked", "position eliminated", "access revoked",
                    "assignment cancelled", "assignment canceled", "shift cancelled", "shift canceled", "shifts cancelled",
                    "shifts canceled", "contract ended", "engagement ended", "assignment ended", "access withdrawn", "access removed",
                    "privileges revoked", "privileges withdrawn", "privileges removed", "employment withdrawn", "contract withdrawn",
                    "account withdrawn", "account removed", "account disabled",
                    "撤销职务", "撤销职位", "撤销岗位", "撤销聘任", "撤销聘用", "撤销合同", "撤销劳动合同", "撤职", "取消岗位", "取消职务",
                    "取消聘用", "取消聘任", "取消合同", "取消资格", "撤销资格", "取消排班", "取消班次", "注销账号", "注销账户",
                    // A pay decision said by how it moved.
                    "decreased", "lowered", "cut", "pay lowered", "rate lowered", "rate cut", "rate decreased",
                    // A contract not carried on (longer than the favourable `contract continued` it holds).
                    "contract not continued", "contract discontinued", "不再继续履行", "不再继续履行劳动合同", "不再履行劳动合同"]),
    ]

    /// Outcomes said by a word too loose to be found inside a value (`扣款上调` raises a
    /// deduction; `Suspension unchanged` keeps a suspension): read only as the whole value.
    /// Pay or terms left as they were or raised, a priority shift given (a pay and shift
    /// export's 处理结果: 下调 / 不变 / 上调, 分配优先班次 / 未分配优先班次); a hire, a
    /// promotion or a screen's recommendation, and their refusals (`No Hire`, `不推荐`).
    public static let wholeOutcomes: [(Outcome, [String])] = [
        (.favorable, ["不变", "维持不变", "保持不变", "无变化", "未变", "unchanged", "no change", "上调", "上浮", "提高", "涨薪",
                      "分配优先班次", "优先班次", "已分配", "获得优先班次",
                      // A screen's answer (too loose to find inside `Hire - declined`).
                      "hire", "recommended", "recommend", "hire recommended", "推荐", "推荐录用", "建议录用",
                      // Kept on, renewed, no action: inside a longer value they may stand beside a sanction
                      // (`Terminated - retain final pay`, `解除劳动合同，经济补偿暂不处理`).
                      "retain", "retain employee", "renewed", "contract renewed", "续订", "不处理", "暂不处理",
                      // A gig worker's rate kept (`rate_unchanged`): a deduction's rate kept would say so around it.
                      "rate unchanged", "rate maintained", "rate kept", "fare unchanged", "费率不变", "费率维持不变"]),
        (.adverse, ["do not retain", "not retained", "no hire", "do not hire", "not hire", "no rehire", "not eligible for rehire", "ineligible for rehire",
                    "no promotion", "do not promote", "not recommended", "do not recommend", "not recommend", "不推荐",
                    "不予推荐", "不建议录用"]),
    ]

    /// Decision kinds said by a word too loose to be found inside a value: `不处理` (no action)
    /// inside `解除劳动合同，经济补偿暂不处理` is no disciplinary decision.
    public static let wholeDecisionTypes: [(DecisionType, [String])] = [(.discipline, ["不处理", "暂不处理"])]

    /// An action log's entries that name what was done (`Hire`, `Promotion`; `录用` and `晋升`
    /// are outcome words already). `init` lists those it samples as favourable outcomes only
    /// in a log that also holds sanctions, where a row is an action taken; elsewhere a kind
    /// written so says nothing of its outcome, and beside a column of outcomes its blank
    /// cell is not read from the kind (`RecordBuilder.impliedOutcome`).
    public static let actionsTaken = ["hire", "new hire", "rehire", "re-hire", "promotion", "promote", "hire action", "promotion action"]

    /// A worker's own leaving (`Voluntary separation`, `Resigned`, `主动离职`): no decision about
    /// them, and never a dismissal, however a dismissal's word stands beside it (`separation`).
    /// A decision type holding one of these is not read by its keywords: unless the pipeline
    /// lists it as written, its rows are rejected (`unknown_value`) and `init` lists it to check.
    public static let workerLeaving = ["voluntary", "voluntarily", "resign", "resigned", "resigns", "resignation", "quit", "quits",
                                       "retire", "retired", "retirement", "辞职", "主动离职", "自愿离职", "主动辞职", "退休",
                                       "员工主动", "员工提出", "本人提出", "本人申请", "个人申请"]
    /// Words saying the employer made the worker leave (`Retirement - forced`, `Resigned in lieu
    /// of discharge`, `强制退休`): beside them a leaving word does not make the value the
    /// worker's own, and the value is read by its keywords as any other.
    public static let leavingForced = ["forced", "mandatory", "compulsory", "involuntary", "involuntarily", "in lieu", "强制", "被迫",
                                       "被动", "劝"]

    public static let decisionTypes: [(DecisionType, [String])] = [
        (.hiring, ["hiring", "hire", "new hire", "rehire", "re-hire", "recruitment", "recruiting", "application", "screening", "screen", "screened out", "cv screening",
                   "onboarding", "onboarding rejected", "background check", "入职", "背调",
                   "resume screening", "interview", "candidate", "applicant", "advance to interview", "shortlist", "offer",
                   "招聘", "录用", "聘用", "筛选", "初筛", "简历筛选", "面试", "招聘筛选", "应聘", "入职审批", "未录用", "不予录用", "淘汰"]),
        (.promotion, ["promotion", "promote", "promoted", "晋升", "升职", "晋级"]),
        (.dismissal, ["dismissal", "termination", "terminate", "terminated", "dismiss", "dismissed", "firing", "fired", "discharge",
                      // A second hostile review's `transfer to outplacement`.
                      "outplacement", "outplaced",
                      "involuntary termination", "termination involuntary", "separation", "involuntary separation", "layoff",
                      "laid off", "redundancy", "contract terminated", "let go", "separated", "involuntarily separated", "discharged",
                      "被动离职", "非自愿离职",
                      "permanent ban", "permanently banned", "permanent deactivation", "permanently deactivated",
                      "解除劳动合同", "解除合同", "解除劳动关系", "辞退", "解雇", "开除", "优化", "劝退", "裁员", "终止劳动合同", "除名",
                      "永久封号", "永久停用", "永久封禁", "清退", "末位淘汰", "淘汰出局", "劝离", "解除",
                      // A platform's rider or driver is under contract, not employed: the contract is ended.
                      "解约", "终止合作", "解除合作",
                      // Kept on: the other answer to whether to dismiss (the outcome vocabulary reads it favourable).
                      "留用", "继续留用", "retained", "retain",
                      // The employment contract: whether it goes on (续签) or ends (解除, 终止). Not renewing
                      // it ends the employment; renewing it alone is no decision about dismissal.
                      "劳动合同", "劳动关系", "不续签", "不予续签", "不再续签", "non-renewal", "contract non-renewal",
                      "contract not renewed"]),
        (.demotion, ["demotion", "demote", "demoted", "downgrade", "downgraded", "降职", "降级", "调岗降级", "降岗", "降等"]),
        (.discipline, ["discipline", "disciplinary", "warning", "written warning", "final warning", "verbal warning", "reprimand",
                       "write up", "write-up", "censure", "performance improvement plan", "pip", "coaching", "documented coaching",
                       "counseling", "counselling", "corrective action", "first written", "second written", "final written",
                       "纪律处分", "处分", "警告", "违纪处理", "书面警告", "口头警告", "记过", "记大过", "通报批评", "严重警告", "违纪",
                       "处罚", "通报", "扣罚", "惩处", "口头提醒", "书面提醒", "约谈",
                       // No sanction: a disciplinary decision that imposed none (its outcome, favourable, is the
                       // outcome vocabulary's reading of the same words).
                       "no action", "no action taken", "no further action", "no violation", "no violation found", "no sanction",
                       "no penalty", "不予处理", "无需处理", "不予处置", "无需处置", "不予处分", "免予处分", "免于处分", "不予处罚", "免予处罚", "免于处罚", "无处罚",
                       "不处罚", "无处理", "无需处罚"] + honourWithdrawals),
        (.transfer, ["transfer", "reassignment", "reassigned", "relocation", "lateral move", "lateral transfer", "job change",
                     "position change", "岗位调整", "岗位变动", "调岗", "调动", "调岗调薪", "轮岗", "调离", "劳动合同变更",
                     "合同变更"]),
        (.pay, ["pay", "pay_cut", "pay cut", "wage_deduction", "wage deduction", "bonus", "bonus cut", "pay docked", "docked pay",
                "deduction", "salary", "compensation", "fine", "pay adjustment", "fee", "fee adjustment", "rate adjustment", "earnings",
                "commission", "raise", "pay raise", "incentive", "奖励", "加薪", "调薪", "绩效奖金", "佣金", "激励", "降薪调岗", "调岗降薪",
                "扣减工资", "扣薪", "降薪", "扣发奖金", "薪酬调整", "扣绩效", "扣款", "罚款", "扣工资", "扣发", "扣除绩效", "绩效扣减",
                "奖金扣减", "扣罚", "工资扣减", "扣减", "扣减绩效", "扣减奖金", "薪酬", "薪资", "工资", "奖金", "绩效工资", "绩效奖励",
                "merit increase", "pay increase", "salary increase", "pay reduction", "salary reduction", "wage", "wages", "payroll",
                // A platform's rate per task (a gig log's `rate_cut`).
                "rate cut", "rate reduction", "rate decrease", "fare cut"]),
        (.scheduling, ["scheduling", "schedule", "shift", "roster", "排班", "班次", "调班", "换班", "轮班", "班表"]),
        (.taskAllocation, ["task_allocation", "task allocation", "dispatch", "order allocation", "派单", "任务分配", "分单", "派单调整",
                           "派单优先级", "接单", "订单分配", "降权", "派单降权", "降低派单优先级", "减少派单"]),
        (.performanceRating, ["performance_rating", "performance rating", "performance", "rating", "appraisal", "performance review",
                              "绩效评定", "绩效考核", "考核", "绩效评级", "绩效评估"]),
        (.suspension, ["suspension", "suspend", "suspended", "account_suspension", "account suspension", "deactivation",
                       "deactivated", "account deactivated", "account deactivation", "lockout", "停职", "封号", "封禁", "封禁账号", "账号封禁", "封停", "封停账号", "暂停账号", "停岗",
                       "冻结账号", "停止派单", "暂停接单", "停止接单", "限制接单", "待岗", "待岗培训", "停岗培训", "停单",
                       "suspension without pay", "unpaid suspension", "停工", "停工停薪", "停职停薪", "停薪停职",
                       // Taken off the rota (a second hostile review's `scheduling - removed from roster`).
                       "removed from roster", "removed from the roster", "taken off the roster", "removed from rota", "removed from the rota",
                       // The suspension lifted, written as the action (a gig log's `reactivated`): its
                       // outcome is the word's own, favourable.
                       "reactivated", "reactivation", "account reactivated", "account restored", "unblocked", "unbanned",
                       "解封", "已解封", "解除封禁", "恢复账号", "恢复接单"]),
        (.attritionRisk, ["attrition_risk", "attrition risk", "resignation_risk", "resignation risk", "flight_risk", "flight risk",
                          "attrition", "turnover risk", "retention risk", "离职风险", "离职倾向", "离职预测", "流失风险", "离职预警"]),
        (.other, ["other", "其他"] + commendations),
    ]

    /// What a reviewer did with the system's decision: kept it (`同意`, `approved`), changed
    /// it, or set it aside (`驳回`, `rejected`: the reviewer rejected the system's proposal).
    public static let reviewResults: [(ReviewResult, [String])] = [
        (.upheld, ["upheld", "confirmed", "maintained", "uphold", "agreed", "approved", "approve", "accepted", "accept", "no change",
                   "unchanged", "affirmed",
                   "sustained", "passed", "维持", "维持原决定", "确认", "同意", "维持原判", "无变更", "通过", "批准", "驳回申诉"]),
        (.modified, ["modified", "changed", "partially_upheld", "partially upheld", "amended", "reduced", "adjusted", "变更", "部分变更",
                     "修改", "调整", "减轻", "改为", "changed to", "reduced to"]),
        (.overturned, ["overturned", "reversed", "revoked", "rescinded", "overruled", "withdrawn", "cancelled", "canceled", "rejected",
                       "denied", "撤销", "推翻", "撤回", "取消", "改判", "驳回", "不同意", "否决"]),
    ]

    /// What became of the decision after a contest. `upheld` is the decision's fate: a contest
    /// rejected (`驳回`, `申诉不成立`, `appeal denied`) leaves the decision upheld; a contest
    /// granted (`申诉成立`, `appeal upheld`) overturns it. These spellings come before the
    /// review results', which they would otherwise contradict.
    public static let appealResults: [(ReviewResult, [String])] = [
        (.upheld, ["rejected", "denied", "dismissed", "appeal rejected", "appeal denied", "appeal dismissed", "appeal not upheld",
                   "not upheld", "unsuccessful", "驳回", "驳回申诉", "申诉不成立", "不予支持", "不成立", "维持原处理",
                   "appeal failed", "申诉失败", "申诉驳回"]),
        (.overturned, ["granted", "appeal granted", "appeal upheld", "appeal successful", "successful", "申诉成立", "支持申诉", "成立",
                       "予以撤销", "申诉成功", "appeal succeeded", "reinstated", "恢复", "已恢复", "恢复账号", "解封", "已解封"]),
    ] + reviewResults.map { result, spellings in
        (result, spellings.filter { !["rejected", "denied", "驳回", "驳回申诉"].contains($0) })
    }

    /// Result cells that say there is no result yet (`Pending`, `待处理`, `申诉中`): read as not
    /// recorded, as an empty cell is, in review and appeal results. The row is kept; the
    /// checks see a contest not yet answered.
    public static let pendingResults: [String] = [
        "pending", "pending review", "in progress", "under review", "open", "awaiting decision", "awaiting review",
        "awaiting response", "not yet decided", "undecided", "to be decided", "tbd", "in review",
        "待处理", "处理中", "审核中", "复核中", "待审核", "待复核", "待定", "未处理", "尚未处理", "受理中", "已受理", "待答复", "未答复",
        "未回复", "进行中", "申诉中", "审理中", "待审理",
    ]

    /// Appeal result cells saying the appeal was closed, and nothing more: the decision stands.
    /// Read only as whole values, never as keywords: `Closed - Overturned` is overturned.
    public static let closedAppeals: [(ReviewResult, [String])] = [
        (.upheld, ["closed", "auto-closed", "auto closed", "closed no change", "closed - no change", "closed without change",
                   "已关闭", "关闭", "已结案", "结案", "申诉关闭", "自动关闭", "系统关闭"]),
    ]

    /// Appeal result cells that say no appeal was made: the question does not arise.
    public static let noAppeal: [String] = ["no appeal", "not appealed", "none filed", "no contest", "未申诉", "无申诉", "没有申诉"]

    public static let appealReviewers: [(AppealReviewer, [String])] = [
        (.human, ["human", "manual", "person", "manager", "hr", "committee", "人工", "人工复核", "人工处理", "hr复核", "主管", "委员会",
                  "客服", "客服专员", "人工客服"]),
        (.automated, ["automated", "system", "software", "algorithm", "auto", "bot", "chatbot", "ai", "自动", "系统", "系统自动",
                      "算法", "机器人", "智能客服", "自动回复"]),
    ]

    /// Canonical attribute values, so a Chinese and an English export of the same
    /// decisions report the same groups. Values not listed keep the employer's spelling.
    public static let attributeValues: [String: [(String, [String])]] = [
        "sex": [
            ("female", ["female", "f", "woman", "women", "女", "女性"]),
            ("male", ["male", "m", "man", "men", "男", "男性"]),
        ],
        "ethnicity": [
            ("han", ["han", "汉", "汉族"]),
            ("hui", ["hui", "回", "回族"]),
            ("uyghur", ["uyghur", "uighur", "维吾尔", "维吾尔族"]),
            ("zhuang", ["zhuang", "壮", "壮族"]),
            ("tibetan", ["tibetan", "藏", "藏族"]),
            ("mongol", ["mongol", "mongolian", "蒙古", "蒙古族"]),
            ("manchu", ["manchu", "满", "满族"]),
            ("miao", ["miao", "苗", "苗族"]),
            ("yi", ["yi", "彝", "彝族"]),
            ("tujia", ["tujia", "土家", "土家族"]),
        ],
    ]
}
