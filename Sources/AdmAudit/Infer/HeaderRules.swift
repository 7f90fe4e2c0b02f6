/// What a column can be mapped to.
enum ColumnTarget: Hashable, Sendable, Comparable {
    case field(CanonicalField)
    /// A protected attribute with plain values (`sex`, `ethnicity`, `age_band` written as bands…).
    case attribute(String)
    /// Ages in years, banded into `age_band`.
    case age
    /// Birth dates, banded into `age_band` by the age on the decision's date.
    case birthDate
    /// Where the worker works: an attribute `site`, also used for outcomes by site.
    case site

    var name: String {
        switch self {
        case .field(let field): field.rawValue
        case .attribute(let name): name
        case .age, .birthDate: "age_band"
        case .site: "site"
        }
    }

    static func < (a: ColumnTarget, b: ColumnTarget) -> Bool { a.name < b.name }
}

/// How HR systems name the columns of each field: exact names, then keyword rules, in
/// English and Chinese, as the suites name them (北森, Moka, 钉钉, 飞书, 企业微信; SAP
/// SuccessFactors, Workday, Oracle HCM, ADP, BambooHR) and as home-grown exports do.
///
/// A rule names groups of terms: each group must have one of its terms in the header
/// (`HeaderName.contains`), and none of the `unless` terms may be there. `记录ID` is a
/// decision id (`记录` and `id`); `员工ID` is not (`员工`). The score ranks the rules:
/// an exact name 100, two groups of terms 85–90, a single generic word 50–70; content
/// then confirms or overrules (`ColumnAssignment`).
enum HeaderRules {
    struct Rule: Sendable {
        var target: ColumnTarget
        var score: Int
        var groups: [[String]]
        var unless: [String] = []
    }

    struct Match: Sendable, Equatable {
        var target: ColumnTarget
        var score: Int
        /// The terms that matched, for the evidence.
        var terms: [String]
        /// The header is one of the field's usual names (`exactNames`, `personAlone`), not terms found in it.
        var isUsualName = false
    }

    /// Every target the header may name, best first, one match per target.
    static func matches(_ header: HeaderName) -> [Match] {
        var best: [ColumnTarget: Match] = [:]
        let denies = deniesWhatItNames(header)
        for (target, names) in exactNames where !(denies && answersYesOrNo(target)) && names.contains(where: header.isNamed) {
            best[target] = Match(target: target, score: 100, terms: [header.raw], isUsualName: true)
        }
        if best[.field(.subjectID)] == nil, personAlone.contains(where: header.isNamed) {
            best[.field(.subjectID)] = Match(target: .field(.subjectID), score: personAloneScore, terms: [header.raw], isUsualName: true)
        }
        for rule in rules where (best[rule.target]?.score ?? 0) < rule.score {
            guard !rule.unless.contains(where: header.contains), !(denies && answersYesOrNo(rule.target)) else { continue }
            var terms: [String] = []
            for group in rule.groups {
                guard let term = group.first(where: header.contains) else { terms = []; break }
                terms.append(term)
            }
            if !terms.isEmpty { best[rule.target] = Match(target: rule.target, score: rule.score, terms: terms) }
        }
        return best.values.sorted { ($0.score, $1.target) > ($1.score, $0.target) }
    }

    /// Words that turn a yes/no header into its opposite (`not_human_reviewed`,
    /// `human_review_bypassed`, `未人工复核`, `免人工复核`): read as the field, every yes would be
    /// a no (a hostile review hid every unreviewed dismissal so, and flagged the reviewed ones).
    /// Such a column is left to the reader, not taken as the field the wrong way round.
    /// (`no` is left out: `Human Reviewed (Yes/No)` names its answers.)
    private static let denials = ["not", "non", "without", "bypassed", "bypass", "skipped", "skip", "waived", "waive", "exempt",
                                  "exempted", "never", "lacking", "missing", "未", "免", "跳过", "无需", "无须", "不", "非", "豁免", "省略",
                                  "缺少", "没有"]

    static func deniesWhatItNames(_ header: HeaderName) -> Bool { denials.contains(where: header.contains) }

    /// The fields a column answers with yes or no, whose yes a denial would reverse.
    private static func answersYesOrNo(_ target: ColumnTarget) -> Bool {
        guard case .field(let field) = target else { return false }
        return [.humanReviewed, .automated, .explanationGiven, .appealOffered, .unionNotified].contains(field)
    }

    /// Headers that say only "an id" or "a number" (`ID`, `No.`, `编号`, `序号`): the column may
    /// be the rows' numbers, the workers' ids or the decisions', so its values must say which.
    private static let bareIDNames = ["id", "no", "nr", "nbr", "num", "number", "#", "ref", "reference", "key", "code", "sn", "serial",
                                      "serial no", "serial number", "row", "row no", "row number", "line", "line no", "编号", "编码",
                                      "序号", "号码", "代码", "序列号", "行号"]

    static func namesOnlyAnID(_ header: HeaderName) -> Bool { bareIDNames.contains(where: header.isNamed) }

    // MARK: words shared by rules

    static let idWords = ["id", "no", "nr", "nbr", "num", "number", "#", "ref", "reference", "key", "uuid", "login", "username",
                          "编号", "编码", "号码",
                          "流水号", "单号", "工单号", "序列号", "代码"]
    private static let recordWords = ["decision", "record", "case", "action", "event", "incident", "ticket", "request", "transaction",
                                      "log", "entry", "alert", "application", "决策", "记录", "处理", "事件", "案件", "审批", "单据", "工单",
                                      "处分", "流水", "预警", "告警", "违规", "考勤异常", "申请", "投递"]
    private static let personWords = ["employee", "emp", "worker", "staff", "person", "personnel", "applicant", "candidate", "user",
                                      "driver", "rider", "courier", "associate", "member", "badge", "员工", "人员", "劳动者", "应聘",
                                      "候选", "骑手", "司机", "职工", "用户", "账号", "雇员"]
    private static let reviewerWords = ["reviewer", "approver", "reviewed by", "approved by", "checked by", "assessed by",
                                        "confirmed by", "signed off by", "manager", "supervisor", "复核人", "审核人", "审批人", "审核员",
                                        "复核员", "审批员", "经办人", "处理人", "确认人", "主管", "经理",
                                        "recruiter", "hiring manager", "interviewer", "招聘专员", "面试官"]
    static let timeWords = ["date", "time", "timestamp", "datetime", "at", "on", "when", "ts", "ms", "epoch", "unix", "时间", "日期",
                            "时刻", "日", "dt"]
    private static let reviewWords = ["review", "reviewed", "reviewing", "check", "checked", "oversight", "approval", "approved",
                                      "vetted", "confirmed", "confirmation", "sign off", "signed off", "audit", "audited", "reviewer", "复核", "审核",
                                      "审查", "核查", "核实", "calibrated", "calibration", "校准",
                                      "干预", "审批", "确认"]
    private static let humanWords = ["human", "manual", "manually", "person", "people", "manager", "supervisor", "team lead", "hitl",
                                     // A platform's support staff (`agent_reviewed`, `ops_reviewed`).
                                     "agent", "ops", "operator",
                                     "人工", "人员", "人为", "主管", "经理",
                                     // People whose review a hiring export records (`Recruiter Reviewed (1/0)`).
                                     "recruiter", "hiring manager", "interviewer", "招聘专员", "面试官"]
    private static let appealWords = ["appeal", "appealed", "contest", "contested", "grievance", "dispute", "objection", "challenge",
                                      "reconsideration", "申诉", "异议", "复议", "投诉", "救济"]
    private static let resultWords = ["result", "outcome", "decision", "conclusion", "verdict", "disposition", "opinion", "结果",
                                      "结论", "意见", "决定"]
    /// A yes/no column saying whether the person got what was decided on (`Advanced (1/0)`,
    /// `是否录用`): its yes is the favourable outcome. `selectionAgainst`: whether they were
    /// turned down or sanctioned (`Rejected (Y/N)`, `是否淘汰`): its yes is adverse.
    private static let selectionFor = ["advanced", "selected", "hired", "passed", "shortlisted", "promoted", "offer made", "offered job",
                               "retained", "录用", "入选", "晋升", "进入面试", "通过初筛", "是否通过"]
    private static let selectionAgainst = ["rejected", "screened out", "dismissed", "terminated", "disqualified", "淘汰", "辞退", "被拒"]
    private static let negations = ["not", "non", "never", "un", "without", "failed", "fail"]
    /// Words that make a reviewer a machine (`AI Interviewer Reviewed`, `AI面试官审核`): no human review.
    private static let machineWords = ["ai", "auto", "automated", "automatic", "bot", "robot", "system", "algorithm", "algorithmic", "model",
                               "virtual", "llm", "gpt", "chatbot", "copilot", "系统", "智能", "机器", "算法", "自动", "模型", "虚拟"]

    /// Whether a yes in the column `header` is a favourable outcome (true), an adverse one
    /// (false), or neither word is there (nil).
    static func yesMeansFavorable(_ header: HeaderName) -> Bool? {
        // `Not Advanced`, `未录用`, `Non-selected`: which way a yes points is left to the reader.
        if negations.contains(where: header.contains) || header.compact.contains(where: { "未不非没无".contains($0) }) { return nil }
        if selectionAgainst.contains(where: header.contains) { return false }
        if selectionFor.contains(where: header.contains) { return true }
        return nil
    }

    private static let responseWords = ["response", "responded", "answer", "answered", "reply", "replied", "resolved", "resolution",
                                        "closed", "decided", "completed", "handled", "done", "finished", "答复", "回复", "办结", "结案",
                                        "处理", "反馈", "裁决", "完成"]
    private static let completionWords = ["completed", "complete", "done", "finished", "performed", "conducted", "完成", "已完成",
                                          "完毕"]
    private static let notApplicableToDecisionTime = ["effective", "notified", "notification", "notice", "review", "reviewed", "appeal",
                                                      "response", "responded", "birth", "hire", "hired", "start", "end", "deleted",
                                                      "deletion", "retention", "purge", "expiry", "生效", "通知", "告知", "送达",
                                                      "复核", "审核", "审批", "申诉", "答复", "回复", "出生", "入职", "开始", "结束",
                                                      "删除", "保存", "到期", "执行"]

    /// Headers of columns that hold names, remarks or organisation, never a field: their
    /// values are free text, which content alone must not map.
    static let freeText = ["name", "姓名", "名字", "remark", "remarks", "note", "notes", "comment", "comments", "memo", "备注", "描述",
                           "description", "details", "详情", "内容", "摘要", "department", "dept", "部门", "team", "团队", "job title",
                           "position", "岗位", "职位", "title", "phone", "电话", "email", "邮箱", "manager name", "直属上级"]

    static func isFreeText(_ header: HeaderName) -> Bool { freeText.contains(where: header.contains) }

    /// Whether the header speaks of a contest (`申诉`, `appeal`, `grievance`).
    static func namesAContest(_ header: HeaderName) -> Bool { appealWords.contains(where: header.contains) }

    /// Headers naming a person or a name (`Employee`, `Employee Name`, `员工`): never the
    /// decision id by content or position, as a decision id is printed as it is written and
    /// a person's id or name must be pseudonymised.
    static func namesAPerson(_ header: HeaderName) -> Bool { isFreeText(header) || personWords.contains(where: header.contains) }

    // MARK: exact names (compared without spaces and case)

    /// The person alone names the subject's column as often (`Employee`, `Associate`, `员工`):
    /// its values are who the decision is about, by id or by name, and are pseudonymised.
    /// Scored below a header naming the person's id (`Employee #`, `Emp No`: 90), by more
    /// than a rival's margin, so that beside one the id is the subject, not the names: seven
    /// workers named Smith are not one worker.
    static let personAlone = ["employee", "associate", "worker", "staff member", "team member", "员工", "雇员", "职工", "劳动者"]
    static let personAloneScore = 84

    static let exactNames: [(ColumnTarget, [String])] = [
        (.field(.decisionID), ["decision id", "decisionid", "record id", "case id", "action id", "event id", "incident id",
                               "ticket id", "request id", "决策编号", "决策id", "记录id", "记录编号", "记录号", "处理编号", "事件编号",
                               "事件id", "案件编号", "流水号", "单号", "单据编号", "工单号", "审批编号", "审批单号", "处分编号",
                               "预警编号", "编号", "id", "单据号", "单据id", "工单id"]),
        (.field(.subjectID), ["subject id", "employee id", "employee number", "employee no", "emp id", "emp no", "empno", "worker id",
                              "staff id", "person id", "personnel number", "applicant id", "candidate id", "user id", "driver id",
                              "rider id", "courier id", "associate id", "badge id", "工号", "员工编号", "员工id", "员工工号", "人员编号",
                              "人员id", "劳动者编号", "应聘者编号", "候选人编号", "候选人id", "骑手id", "骑手编号", "司机id", "工号id",
                              "职工编号", "骑手工号", "司机工号", "司机编号", "配送员工号", "配送员编号", "快递员工号", "快递员编号", "外卖员工号",
                              "worker number", "rider number", "driver number", "courier number"]),
        (.field(.decisionType), ["decision type", "action type", "event type", "type", "category", "kind", "事件类型", "决策类型",
                                 "决定类型", "决定种类",
                                 "处理类型", "处置类型", "类型", "措施类型", "处理措施", "处置措施", "处分类型", "扣罚类型", "处罚类型", "奖惩类型", "事项", "操作类型", "业务类型", "措施",
                                 "action", "action taken", "disciplinary action", "decision kind", "处理决定", "处理事项", "预警类型"]),
        (.field(.outcome), ["outcome", "result", "decision outcome", "decision result", "决策结果", "结果", "筛选结果", "面试结果",
                            "录用结果", "结论", "系统结论", "系统决定", "recommendation", "system recommendation", "disposition",
                            "评估结果", "判定结果", "status", "状态", "decision"]),
        (.field(.score), ["score", "risk score", "model score", "评分", "分数", "得分", "风险评分", "风险分", "系统评分", "模型评分",
                          "预测分", "倾向分", "离职倾向分", "probability", "propensity", "rating score"]),
        (.field(.automated), ["automated", "is automated", "automated decision", "auto", "algorithmic", "是否自动化", "自动化决策",
                              "是否系统自动", "系统自动", "决策方式", "decision mode", "decision method", "决策来源", "判定方式",
                              "是否自动", "自动判定"]),
        (.field(.system), ["system", "model", "system name", "model version", "algorithm", "tool", "系统", "系统名称", "算法", "模型",
                           "模型版本", "算法名称", "来源系统", "算法版本", "system version"]),
        (.field(.decidedAt), ["decided at", "decision date", "decision time", "date", "time", "timestamp", "datetime", "日期", "时间",
                              "决策时间", "决策日期", "处理时间", "处理日期", "创建时间", "发生时间", "生成时间", "判定时间", "触发时间",
                              "事件时间", "记录时间", "决定时间", "作出时间", "created at", "created", "event date", "action date",
                              "event time", "run date", "screening date", "date of decision", "预警时间", "generated", "generated at",
                              "generated on", "issued", "issued on", "issue date"]),
        (.field(.effectiveAt), ["effective at", "effective date", "effective time", "effective", "生效时间", "生效日期", "执行时间",
                                "执行日期", "实施日期", "生效"]),
        (.field(.notifiedAt), ["notified at", "notification date", "notification time", "date notified", "notice sent", "notified",
                               "通知时间", "告知时间", "送达时间", "推送时间", "通知日期", "发送时间"]),
        (.field(.humanReviewed), ["human reviewed", "human review", "reviewed", "manual review", "是否人工复核", "人工复核", "是否复核",
                                  "人工审核", "是否人工审核", "复核", "人工干预", "human in the loop", "hitl", "reviewed by human",
                                  "human oversight", "是否审核", "manually reviewed"]),
        (.field(.reviewerID), ["reviewer", "reviewer id", "reviewed by", "approver", "approved by", "复核人", "复核人编号", "审核人",
                               "审批人", "复核人工号", "审核员", "审批人工号", "hr审批人", "reviewing manager",
                               "recruiter", "interviewer", "hiring manager", "招聘专员", "面试官",
                               // A platform's operations staff who confirmed or took a decision (a gig log's `ops_agent`).
                               "ops agent", "ops reviewer", "support agent", "review agent", "审核专员", "运营审核员"]),
        (.field(.reviewedAt), ["reviewed at", "review date", "review time", "date reviewed", "复核时间", "审核时间", "审批时间",
                               "复核日期", "审核日期", "approval date"]),
        (.field(.reviewResult), ["review result", "review outcome", "review decision", "复核结果", "审核结果", "审批结果", "复核意见",
                                 "审核意见"]),
        (.field(.explanationGiven), ["explanation given", "explanation provided", "explained", "reason given", "reasons given",
                                     "explanation", "是否说明理由", "是否说明", "说明理由", "是否告知理由", "是否解释", "告知原因",
                                     "是否告知原因", "理由告知"]),
        (.field(.appealOffered), ["appeal offered", "appeal channel offered", "appeal available", "appeal route", "contest offered",
                                  "是否提供申诉", "申诉渠道", "申诉通道", "是否告知申诉", "告知申诉权", "申诉途径", "是否告知申诉渠道"]),
        (.field(.appealFiledAt), ["appeal filed at", "appeal date", "appeal filed", "date appealed", "appealed at", "申诉时间",
                                  "申诉日期", "提出申诉时间", "申诉提交时间", "申诉提出时间"]),
        (.field(.appealRespondedAt), ["appeal responded at", "appeal response date", "appeal answered at", "appeal resolved",
                                      "申诉答复时间", "申诉处理时间", "答复时间", "申诉回复时间", "申诉办结时间"]),
        (.field(.appealReviewer), ["appeal reviewer", "appeal reviewed by", "申诉复核方式", "申诉处理方式", "申诉审核方式"]),
        (.field(.appealResult), ["appeal result", "appeal outcome", "appeal decision", "申诉结果", "申诉处理结果"]),
        (.field(.appealReviewerID), ["appeal reviewer id", "appeal decided by", "appeal handler", "申诉复核人", "申诉处理人",
                                     "申诉审核人"]),
        (.field(.dataCategories), ["data categories", "data used", "inputs", "input data", "features used", "signals",
                                   "数据类别", "使用数据", "依据数据", "采集数据", "采集数据类别", "监控数据", "监测数据", "数据项"]),
        (.field(.unionNotified), ["union notified", "union notice", "是否通知工会", "通知工会", "工会通知", "工会意见"]),
        (.field(.protectedStatus), ["protected status", "特殊保护状态", "保护期状态", "特殊期", "特殊情形", "special status"]),
        (.field(.aiNoticeAt), ["ai notice at", "automation notice at", "算法告知时间", "自动化告知时间"]),
        (.field(.reasonCodes), ["reason codes", "reasons", "reason", "reason code", "cause", "原因", "原因代码", "理由", "触发原因",
                                "违规原因", "处理原因", "处分原因", "事由", "违纪事由", "违规类型", "触发规则", "violation",
                                "violation type", "trigger"]),
        (.field(.jurisdiction), ["jurisdiction", "country", "country code", "国家", "国家地区", "法域", "管辖", "所在国家"]),
        (.attribute("sex"), ["sex", "gender", "性别"]),
        (.attribute("ethnicity"), ["ethnicity", "race", "race ethnicity", "民族", "种族"]),
        (.attribute("disability"), ["disability", "disabled", "残疾", "是否残疾"]),
        (.attribute("hukou"), ["hukou", "household registration", "户籍", "户口"]),
        (.attribute("religion"), ["religion", "religious belief", "宗教信仰", "宗教"]),
        (.attribute("nationality"), ["nationality", "citizenship", "national origin", "国籍"]),
        (.age, ["age", "年龄", "age band", "age group", "年龄段", "年龄组"]),
        (.birthDate, ["birth date", "date of birth", "dob", "birthday", "出生日期", "生日", "出生年月"]),
        (.site, ["site", "location", "city", "office", "work location", "工作地点", "工作地", "城市", "地点", "所在地", "办公地点",
                 "work site", "branch", "plant", "warehouse", "门店", "站点", "仓库", "厂区"]),
    ]

    // MARK: keyword rules

    static let rules: [Rule] = [
        Rule(target: .field(.decisionID), score: 90, groups: [idWords, recordWords],
             unless: personWords + reviewerWords + appealWords + ["job", "position", "requisition", "岗位", "职位", "部门", "department"]),
        // Not the person who keyed the row in (`Entered By Emp No`, `操作人员编号`): a clerk is no subject.
        Rule(target: .field(.subjectID), score: 90, groups: [idWords, personWords],
             unless: reviewerWords + appealWords + ["name", "姓名", "名字", "by", "entered", "created", "modified", "updated",
                                                   "submitted", "operator", "clerk", "owner", "操作", "录入", "经办", "创建", "修改",
                                                   "提交", "填报"]),
        Rule(target: .field(.decisionType), score: 88,
             groups: [["type", "kind", "category", "class", "类型", "类别", "种类"],
                      ["decision", "action", "event", "measure", "sanction", "disciplinary", "决策", "决定", "处理", "事件", "措施", "处分",
                       "操作", "业务", "处罚", "扣罚", "惩处", "奖惩", "预警"]],
             unless: ["data", "reason", "数据", "原因", "contract", "合同", "用工", "employment"]),
        // `最终处理` beside `系统建议`: the decision that took effect, not what the system proposed.
        Rule(target: .field(.decisionType), score: 72, groups: [["final", "最终", "实际"], ["action", "decision", "handling", "measure", "处理",
                                                                                           "决定", "措施", "处分", "处罚"]],
             unless: ["date", "time", "时间", "日期", "reason", "原因"]),
        Rule(target: .field(.decisionType), score: 60, groups: [["action", "措施", "处分", "处罚", "sanction", "事项"]],
             unless: ["date", "time", "时间", "日期", "reason", "原因", "id", "编号"]),
        Rule(target: .field(.outcome), score: 85, groups: [resultWords], unless: reviewWords + appealWords + humanWords + timeWords),
        Rule(target: .field(.outcome), score: 72, groups: [["status", "state", "状态"], ["action", "decision", "sanction", "处理", "决策",
                                                                                      "处分", "执行", "记录"]],
             unless: reviewWords + appealWords + timeWords + ["employee", "employment", "员工", "在职", "合同"]),
        // `Advanced (1/0)`, `是否录用`: yes/no whether the person advanced (content must be yes/no).
        Rule(target: .field(.outcome), score: 80, groups: [selectionFor + selectionAgainst],
             unless: reviewWords + humanWords + appealWords + timeWords + idWords + ["by", "人", "reason", "原因", "score", "评分"]),
        Rule(target: .field(.score), score: 80,
             groups: [["score", "rating", "probability", "propensity", "points", "likelihood", "评分", "分数", "得分", "分值", "概率",
                       "指数", "分"]],
             unless: timeWords + ["id", "编号", "level", "等级", "band", "档"]),
        Rule(target: .field(.automated), score: 85,
             groups: [["automated", "automatic", "automation", "auto", "algorithmic", "system generated", "自动", "系统判定",
                       "系统生成", "算法判定"]],
             // `Auto-Rejected (1/0)`: whether the person was turned down, an outcome (found by a helper: every row rejected).
             unless: timeWords + selectionFor + selectionAgainst + ["notice", "告知", "通知"]),
        // `筛选方式: AI自动筛选 / HR手动筛选`: how the decision was made; the content must say who.
        Rule(target: .field(.automated), score: 62,
             groups: [["方式", "method", "mode", "来源", "source", "made by", "decided by", "generated by", "created by", "initiated by",
                       "screened by", "assessed by", "scored by", "evaluated by",
                       "issued by", "triggered by", "发起", "途径", "类别", "生成方", "发起方"]],
             // `decided_by_human` (yes/no): yes is a person, not the system; taken as `automated`, every answer was reversed.
             unless: timeWords + appealWords + humanWords + ["notice", "告知", "通知", "data", "数据"]),
        Rule(target: .field(.system), score: 75,
             groups: [["system", "model", "algorithm", "tool", "engine", "platform", "系统", "模型", "算法", "引擎", "平台"]],
             unless: timeWords + ["score", "评分", "自动", "automat", "result", "结果", "结论", "recommendation", "generated",
                                  "生成", "判定", "notice", "告知", "通知", "id", "编号", "建议",
                                  // `系统处理`: what the system did, not which system (found by a helper: the run stopped).
                                  "处理", "处分", "措施", "决定"]),
        Rule(target: .field(.decidedAt), score: 82,
             groups: [timeWords, ["decision", "decided", "action", "event", "created", "generated", "triggered", "issued", "screening",
                                  "screened", "screen", "flagged", "assessed", "scored", "evaluated", "决策", "处理", "决定", "创建", "生成", "触发", "发生", "判定",
                                  "事件", "作出", "记录", "处分", "预警", "考核", "筛选", "评估", "评分"]],
             unless: notApplicableToDecisionTime + appealWords),
        // `Case Created`, `Logged`: when the decision was made, said without a time word (content must be timestamps).
        Rule(target: .field(.decidedAt), score: 65, groups: [["created", "opened", "raised", "generated", "issued", "logged", "decided",
                                                             "创建", "生成", "发起"]],
             unless: notApplicableToDecisionTime + appealWords + personWords + ["by", "人", "ai", "aedt"]),
        Rule(target: .field(.decidedAt), score: 55, groups: [timeWords],
             unless: notApplicableToDecisionTime + appealWords + ["ai", "算法", "aedt", "投递", "applied", "application", "apply",
                                                                   "submitted", "提交", "申请"]),
        Rule(target: .field(.effectiveAt), score: 88, groups: [["effective", "生效", "执行", "实施", "takes effect", "in effect"]],
             unless: ["notice", "通知"]),
        Rule(target: .field(.notifiedAt), score: 70, groups: [["notified", "informed", "delivered", "sent to", "given to", "handed",
                                                               "通知", "告知", "送达"]],
             unless: ["ai", "aedt", "算法", "automation", "自动化", "union", "工会", "appeal", "申诉", "rule", "规则", "offered", "是否"]),
        Rule(target: .field(.notifiedAt), score: 78,
             groups: [["notification", "notice", "通知"], ["sent", "delivered", "given", "issued", "发送", "送达", "下发"]],
             unless: ["ai", "算法", "automation", "自动化", "union", "工会", "appeal", "申诉", "rule", "规则"]),
        Rule(target: .field(.notifiedAt), score: 86,
             groups: [["notified", "notification", "notice sent", "told", "informed", "delivered", "sent", "push", "pushed", "通知",
                       "告知", "送达", "发送", "推送", "下发"], timeWords],
             unless: ["ai", "算法", "automation", "自动化", "union", "工会", "appeal", "申诉"]),
        // `Manager Reviewed`: a role that reviews is no reviewer's name; the content gate wants yes/no.
        Rule(target: .field(.humanReviewed), score: 90, groups: [reviewWords, humanWords],
             unless: timeWords + reviewerWords.filter { !humanWords.contains($0) } + appealWords + resultWords + idWords + machineWords),
        // `hr_reviewed`, `HR Review`, `人事复核`: HR is people (found by a helper: left unused, so every
        // decision was unreviewed). Apart from `humanWords`, where `HR` would keep `HR Result` from the outcome.
        Rule(target: .field(.humanReviewed), score: 89, groups: [reviewWords, ["hr", "hrbp", "人事", "人力资源"]],
             unless: timeWords + reviewerWords + appealWords + resultWords + idWords + machineWords),
        Rule(target: .field(.humanReviewed), score: 88, groups: [["是否", "whether", "was", "is", "y n"], reviewWords],
             unless: timeWords + appealWords + resultWords + machineWords),
        // `Reviewed by Manager`, `Checked By`: who reviewed (names) or whether someone did (Y/N); content decides.
        Rule(target: .field(.humanReviewed), score: 76,
             groups: [["reviewed by", "checked by", "approved by", "confirmed by", "signed off by", "assessed by", "vetted by"]],
             unless: timeWords + appealWords + resultWords + idWords + machineWords + ["name", "姓名"]),
        // A question (`是否人工复核`, `Was it reviewed`) is no column of names.
        Rule(target: .field(.reviewerID), score: 90, groups: [reviewerWords],
             unless: timeWords + appealWords + resultWords + ["name", "姓名", "是否", "whether"]),
        Rule(target: .field(.reviewerID), score: 84, groups: [reviewWords, idWords + ["uid", "user", "账号", "人"]],
             unless: timeWords + appealWords + resultWords + personWords + ["是否", "whether"]),
        Rule(target: .field(.reviewedAt), score: 86, groups: [reviewWords, timeWords],
             unless: appealWords + personWords + ["notice", "告知", "通知"]),
        // `Review Completed`: when the review was done (timestamps), or whether it was (yes/no); content decides.
        Rule(target: .field(.reviewedAt), score: 80, groups: [reviewWords, completionWords],
             unless: appealWords + personWords + reviewerWords + resultWords),
        Rule(target: .field(.humanReviewed), score: 78, groups: [reviewWords, completionWords],
             unless: appealWords + timeWords + reviewerWords + resultWords + machineWords),
        Rule(target: .field(.reviewResult), score: 90, groups: [reviewWords, resultWords], unless: appealWords),
        Rule(target: .field(.reviewResult), score: 86, groups: [reviewWords, ["status", "state", "状态"]], unless: appealWords + timeWords),
        // `审核状态: 已审核 / 未审核`, `Review Status: Reviewed / Not reviewed`: whether a review took place,
        // where the content is yes/no rather than results (found unused: only a blank reviewer showed no review).
        Rule(target: .field(.humanReviewed), score: 74, groups: [reviewWords, ["status", "state", "状态"]],
             unless: appealWords + timeWords + reviewerWords + machineWords),
        Rule(target: .field(.reviewResult), score: 84, groups: [reviewerWords + ["team lead", "lead", "hrbp", "组长"],
                                                               resultWords + ["action", "verdict", "response", "处理", "意见"]],
             unless: appealWords + timeWords),
        Rule(target: .field(.explanationGiven), score: 86,
             groups: [["explanation", "explained", "explain", "reason given", "reasons given", "reasons provided", "reason shared",
                       "reasons shared", "reason communicated", "reasons communicated", "reason disclosed", "justification",
                       "说明", "解释", "告知理由", "告知原因", "理由告知"]],
             unless: timeWords + ["text", "content", "detail", "内容", "详情"]),
        // `告知处罚理由`, `是否告知淘汰原因`, `Reason Communicated`, `Rejection Reason Sent`,
        // `告诉本人原因了吗`: whether the reason was told.
        Rule(target: .field(.explanationGiven), score: 84,
             groups: [["告知", "告诉", "说明", "informed", "communicated", "shared", "disclosed", "told", "sent"], ["理由", "原因", "reason", "reasons"]],
             unless: timeWords + appealWords + ["text", "content", "detail", "内容", "详情"]),
        Rule(target: .field(.appealOffered), score: 86,
             groups: [appealWords, ["offered", "available", "channel", "route", "right", "rights", "flag", "told", "how to", "informed",
                                    "option", "eligible", "allowed",
                                    "info", "information", "given", "communicated", "通道",
                                    "can", "may", "entry", "link", "渠道", "途径", "告知", "提供", "权利", "方式告知", "可申请", "可", "能否",
                                    "允许", "入口"]],
             unless: timeWords + resultWords + reviewerWords),
        Rule(target: .field(.appealFiledAt), score: 84,
             groups: [appealWords, ["filed", "submitted", "raised", "lodged", "received", "opened", "requested", "提出", "提交", "发起", "申请",
                                    "受理"], timeWords],
             unless: responseWords),
        Rule(target: .field(.appealFiledAt), score: 80, groups: [appealWords, timeWords], unless: responseWords + ["offered", "告知"]),
        Rule(target: .field(.appealFiledAt), score: 78,
             groups: [appealWords, ["filed", "submitted", "raised", "lodged", "received", "opened", "requested", "提出", "提交", "发起"]],
             unless: responseWords + ["offered", "告知", "route", "channel", "渠道"]),
        Rule(target: .field(.appealRespondedAt), score: 90, groups: [appealWords, responseWords, timeWords]),
        Rule(target: .field(.appealRespondedAt), score: 70, groups: [responseWords, timeWords]),
        Rule(target: .field(.appealRespondedAt), score: 80, groups: [appealWords, responseWords], unless: reviewerWords + resultWords),
        Rule(target: .field(.appealReviewer), score: 82,
             groups: [appealWords, ["reviewed by", "handled by", "decided by", "method", "mode", "channel type", "处理方式", "复核方式",
                                    "审核方式", "处理主体", "处理方", "复核方", "审核方", "处理人", "复核人"]],
             unless: timeWords),
        Rule(target: .field(.appealResult), score: 90, groups: [appealWords, resultWords], unless: timeWords),
        // `申诉状态`: 未申诉, 申诉中, 申诉成功: whether there was a contest, and its result.
        Rule(target: .field(.appealResult), score: 84, groups: [appealWords, ["status", "state", "状态", "进度"]], unless: timeWords),
        // `申诉结果时间`: when the contest's result came, i.e. when it was answered.
        Rule(target: .field(.appealRespondedAt), score: 88, groups: [appealWords, resultWords, timeWords]),
        Rule(target: .field(.appealReviewerID), score: 80,
             groups: [["答复人", "答复方", "回复人", "回复方", "answered by", "responded by", "replied by"]], unless: timeWords),
        // `回复方式`: how a contest was answered (智能客服, 人工客服).
        Rule(target: .field(.appealReviewer), score: 72,
             groups: [["回复方式", "答复方式", "reply method", "response method", "replied via", "answered via", "response channel"]],
             unless: timeWords),
        Rule(target: .field(.appealReviewerID), score: 88,
             groups: [appealWords, ["handler", "reviewer", "decided by", "handled by", "closed by", "resolved by", "answered by",
                                    "officer", "处理人", "复核人", "审核人", "经办人", "负责人", "答复人"]],
             unless: timeWords),
        Rule(target: .field(.dataCategories), score: 88,
             groups: [["data", "inputs", "input", "features", "feature", "signals", "signal", "数据", "输入", "特征", "信号", "监控",
                       "监测"],
                      ["categories", "category", "used", "types", "type", "captured", "collected", "considered", "evaluated", "analysed",
                       "analyzed", "assessment", "scoring", "类别", "类型", "使用", "项", "依据", "采集", "评估"]]),
        // `数据来源: 智能坐垫` names a device more often than the data: below the categories.
        Rule(target: .field(.dataCategories), score: 72,
             groups: [["data", "inputs", "signals", "数据", "信号"], ["sources", "source", "src", "来源"]]),
        Rule(target: .field(.unionNotified), score: 88, groups: [["union", "works council", "工会", "职代会"]],
             unless: timeWords + ["member", "会员", "activity", "活动"]),
        Rule(target: .field(.protectedStatus), score: 84,
             groups: [["protected", "保护", "特殊", "special"], ["status", "状态", "期", "情形", "situation"]],
             unless: timeWords),
        Rule(target: .field(.aiNoticeAt), score: 90,
             groups: [["ai", "aedt", "algo", "algorithm", "algorithmic", "automation", "automated", "software", "monitoring", "surveillance",
                      "device", "transparency", "算法", "自动化",
                      "人工智能", "智能", "监控", "设备", "系统使用", "规则", "rules", "policy", "制度"],
                      ["notice", "notified", "informed", "disclosure", "consent", "告知", "通知", "披露", "知情", "同意书"]]),
        Rule(target: .field(.reasonCodes), score: 80,
             groups: [["reason", "reasons", "cause", "trigger", "violation", "basis", "grounds", "原因", "理由", "事由", "依据", "触发",
                       "违规", "违纪"]],
             unless: timeWords + ["explanation", "说明", "告知", "given", "是否", "provided"]),
        Rule(target: .field(.jurisdiction), score: 88, groups: [["country", "nation", "jurisdiction", "国家", "法域", "管辖"]]),
        Rule(target: .attribute("sex"), score: 90, groups: [["sex", "gender", "性别"]]),
        Rule(target: .attribute("ethnicity"), score: 90, groups: [["ethnicity", "ethnic", "race", "民族", "种族", "eeo"]]),
        Rule(target: .attribute("disability"), score: 85, groups: [["disability", "disabled", "残疾", "残障"]]),
        Rule(target: .attribute("hukou"), score: 85, groups: [["hukou", "户籍", "户口"]]),
        Rule(target: .attribute("religion"), score: 85, groups: [["religion", "religious", "宗教"]]),
        Rule(target: .attribute("nationality"), score: 85, groups: [["nationality", "citizenship", "国籍"]]),
        Rule(target: .age, score: 85, groups: [["age", "年龄", "岁"]], unless: ["page", "stage", "wage", "image", "usage"]),
        Rule(target: .birthDate, score: 90, groups: [["birth", "dob", "出生", "生日"]]),
        Rule(target: .site, score: 80,
             groups: [["site", "location", "city", "office", "branch", "plant", "warehouse", "facility", "store", "工作地点", "工作地",
                       "城市", "地点", "所在地", "门店", "站点", "仓库", "厂区", "分公司", "园区", "基地"]],
             unless: ["data", "数据", "定位", "gps"]),
    ]
}
