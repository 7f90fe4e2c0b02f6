/// The words of each diagnostic, by its code and the values it carries: the one place a
/// diagnostic meets a language. The stages that notice a problem record only what it is
/// (`Diagnostic.Code`) and the values it names; report.md, report.html, the terminal and
/// `validate` word it here, report.json gives the code and values as they are.
extension ReportText {
    /// DC-02 found few of the decisions' workers in the logs.
    private func joinSparse(_ values: DiagnosticValues) -> String {
        let (adverse, matched, workers) = (values.count("adverse_decisions"), values.count("matched"), values.count("log_workers"))
        return pick("of \(adverse) adverse decisions, \(matched) are about one of the \(workers) workers the activity logs name: DC-02 judged those only; check that the decisions' subject_id and the logs' worker_id write the same ids (a prefix, leading zeros or case would keep them apart)",
                    "\(adverse) 项不利决定中，只有 \(matched) 项涉及活动日志所列 \(workers) 名劳动者之一：DC-02 仅判断了这些决定；请核实决定数据的 subject_id 与日志的 worker_id 是否以相同方式书写编号（前缀、前导零或大小写不同都会使两者无法对应）")
    }

    /// A log's worker ids written with characters that look like others, read as those.
    private func lookAlikeIDs(_ values: DiagnosticValues) -> String {
        let (rows, line, characters) = (values.count("rows"), values.count("line"), values.text("characters"))
        return pick("\(rows) row\(rows == 1 ? "" : "s") (the first on line \(line)) write\(rows == 1 ? "s" : "") a worker's id otherwise than the worker's first row did, with characters that look like others (\(characters)): each was read as that worker, so that one worker is not counted as two whose weeks each stay under a limit; an honest export has no reason to write one id two ways, ask the employer why",
                    "\(rows) 行（首行为第 \(line) 行）书写劳动者编号的方式与该劳动者首行不同，含有与其他字符形似的字符（\(characters)）：均按同一劳动者读取，以免同一劳动者被拆成两人、各自的工时都低于限额；正常导出不会把同一编号写成两种样子，请向用人单位问明原因")
    }

    private func beforeRules(_ values: DiagnosticValues) -> String {
        let (rows, line, checks) = (values.count("rows"), values.count("line"), values.list("checks"))
        let (first, last) = (values.text("first_day"), values.text("last_day"))
        let (days, daysZH) = first == last ? (first, first) : ("\(first) to \(last)", "\(first) 至 \(last)")
        let (named, namedZH) = (checks.joined(separator: ", "), checks.joined(separator: "、"))
        return pick("\(rows) decision\(rows == 1 ? " is" : "s are") dated before the rules \(rows == 1 ? "it" : "they") would break were in force where \(rows == 1 ? "it was" : "they were") made (\(days); the first on line \(line)): \(named) did not count \(rows == 1 ? "it" : "them"), while later decisions of the export fall under those rules. If the dates are right, the rules did not yet apply; but a date is the employer's to write, and a decision backdated, or a date written as a number that reads as a day long past, escapes the rules: check those dates",
                    "\(rows) 项决定的日期早于其所违反的规则在作出地生效之时（\(daysZH)；首项在第 \(line) 行）：\(namedZH) 未将其计入，而导出文件中较晚的决定已受这些规则约束。如日期属实，当时规则尚未适用；但日期由用人单位填写，倒填日期或把日期写成被读作多年前某日的数字，都会使决定逃出规则的适用范围：请核对这些日期")
    }

    private func unpairedPunches(_ values: DiagnosticValues) -> String {
        let (ins, outs, workers) = (values.count("clock_ins"), values.count("clock_outs"), values.count("workers"))
        let hours = WorkTimeLedger.longestShift / 3600
        return pick("\(ins) clock-in\(ins == 1 ? "" : "s") and \(outs) clock-out\(outs == 1 ? "" : "s") of \(workers) worker\(workers == 1 ? "" : "s") have no partner within \(hours) hours: each was counted as a moment's work, so the hours between a missed punch and the next are not in worktime.csv; attendance records with many missed punches understate the work, ask the employer for the corrected records (with the punches added afterwards)",
                    "\(workers) 名劳动者的 \(ins) 次上班打卡和 \(outs) 次下班打卡在 \(hours) 小时内没有与之配对的打卡：每次只按片刻计算，漏打卡与下一次打卡之间的工时未计入 worktime.csv；漏打卡多的考勤记录会低估工作时间，请向用人单位索取补卡后的记录")
    }

    private func quoteSwallowedLines(_ values: DiagnosticValues) -> String {
        let (first, last, column) = (values.count("first_line"), values.count("last_line"), values.text("column"))
        let (accepted, rejected) = (values.count("accepted"), values.count("rejected"))
        // first ≤ last, both within a trillion (`Diagnostic.damage`): no overflow.
        let lines = last >= first ? (last &- first) &+ 1 : 0
        // Further stray quotes among the lines, set aside as the first was: their lines are named.
        let strays = values.list("stray_quote_lines"), more = values.count("more_stray_quotes")
        let strayEnglish = strays.isEmpty ? "" : strays.count == 1 && more == 0 ? " (another stray quote, left out in the same way, on line \(strays[0]))"
            : " (other stray quotes, left out in the same way, on lines \(strays.joined(separator: ", "))\(more > 0 ? " and \(more) more" : ""))"
        let strayChinese = strays.isEmpty ? "" : "（第 \(strays.joined(separator: "、")) 行\(more > 0 ? "及另外 \(more) 处" : "")另有未闭合的引号，同样略去）"
        return pick("lines \(first)–\(last): a quote opened in column '\(column)' ran over \(lines) lines, which would have been read as one row; each line was read as a row of its own\(strayEnglish): \(accepted) accepted, \(rejected) rejected",
                    "第 \(first)–\(last) 行：列“\(column)”中的引号未在本行闭合，跨越 \(lines) 行，会被当作一行读取；现逐行读取\(strayChinese)：接受 \(accepted) 行，拒收 \(rejected) 行")
    }

    func message(_ diagnostic: Diagnostic) -> String {
        let values = DiagnosticValues(diagnostic.values)
        switch diagnostic.code {
        case .pipelineInferred:
            let (input, pipeline, todos) = (values.text("input"), values.text("pipeline"), values.count("settings_to_check"))
            return pick("the columns' meaning was inferred by admaudit from \(input), not given in a pipeline file; the pipeline used is \(pipeline), with the evidence for each setting\(todos > 0 ? ", and \(todos) setting(s) to check (TODO)" : "")",
                        "各列含义由 admaudit 根据 \(input) 推断，而非由配置文件给出；所用配置为 \(pipeline)，其中注明了每项设置的依据\(todos > 0 ? "，另有 \(todos) 项待核查（TODO）" : "")")
        case .fieldsWithoutColumn:
            let fields = values.list("fields")
            return pick("no column for \(fields.joined(separator: ", ")): checks that need them count those fields as not recorded",
                        "导出数据中没有以下字段的列：\(fields.joined(separator: "、"))；需要这些字段的检查将其视为未记录")
        case .decisionsNamedByLine:
            return pick("no column holds a decision id: each row is one decision, named by its line in the file (\"line N\"); a decision written on two rows cannot be told from two decisions",
                        "没有列载有决策编号：每一行为一项决策，以其在文件中的行号指称（“第N行”）；同一决策若写成两行，无法与两项决策区分")
        case .columnMatchesTwoFields:
            let (column, field) = (values.text("column"), values.text("field"))
            return pick("column '\(column)' also matches \(field); the earlier column is used", "列“\(column)”也对应 \(field)；采用在前的列")
        case .attributeWithoutColumn:
            let attribute = values.text("attribute")
            return pick("no column for attribute '\(attribute)'; every decision counts as unknown for it",
                        "没有属性“\(attribute)”的列；所有决策的该属性均计为未知")
        case .lineAboveHeaderHoldsValues:
            let (line, count) = (values.count("line"), values.count("values"))
            return pick("line \(line), above the header, holds \(count) values and was not read as data: check it is a title, not a decision",
                        "标题行之上的第 \(line) 行含有 \(count) 个值，未作为数据读取：请核实它是标题而非决策记录")
        case .quoteSwallowedLines: return quoteSwallowedLines(values)
        case .activityOutsideCalendar: return outsideCalendar(values)
        case .activityJoinSparse: return joinSparse(values)
        case .lookAlikeWorkerIDs: return lookAlikeIDs(values)
        case .unpairedPunches: return unpairedPunches(values)
        case .moreQuoteRepairs:
            let more = values.count("rows")
            return pick("\(more) more rows merged by a stray quote were read one line at a time (see rejects.csv, unbalanced_quote)",
                        "另有 \(more) 处被多余引号合并的行已逐行读取（见 rejects.csv 中的 unbalanced_quote）")
        case .emptyFile:
            return pick("the file is empty: no header, no rows", "文件为空：既无标题行，也无数据行")
        case .distinctValuesOverLimit:
            let (name, limit, rows, label) = (values.text("attribute"), values.count("limit"), values.count("rows"), values.text("group"))
            return pick("attribute '\(name)' has more than \(limit) distinct values (input.max_distinct_values): the \(rows) decision(s) with a value after the first \(limit) are counted together in the group '\(label)', so the fairness figures of '\(name)' do not show those values apart; check that the column is the attribute it is mapped as, or merge its spellings under values.attributes.\(name)",
                        "属性“\(name)”的不同取值超过 \(limit) 个（input.max_distinct_values）：取值在前 \(limit) 个之外的 \(rows) 条决策合并计入“\(label)”组，因此“\(name)”的公平性数据无法区分这些取值；请核实该列确为所映射的属性，或在 values.attributes.\(name) 下合并其写法")
        case .disguisedSpellings: return disguised(values)
        case .groupsWrittenAlike: return alike(values)
        case .decisionsBeforeRules: return beforeRules(values)
        case .noAsOfDate:
            return pick("no as-of date was given (--as-of or audit_date): checks of what is still pending on that date cannot judge and count as unknown",
                        "未给出审计基准日（--as-of 或 audit_date）：判断截至该日仍未处理事项的检查无法评判，相关记录计为无法判断")
        case .noPseudonymKey:
            return pick("no pseudonym key was given (ADMAUDIT_PSEUDONYM_KEY or report.pseudonym_key_file): subject pseudonyms are keyed by a hash of the inputs, so the same inputs give the same pseudonyms, and whoever holds the export can recompute them; give a key of your own to keep them from the employer",
                        "未提供假名密钥（ADMAUDIT_PSEUDONYM_KEY 或 report.pseudonym_key_file）：员工假名以输入文件的哈希为密钥，相同输入得到相同假名，持有导出文件者可重新算出；如需对用人单位保密，请自备密钥")
        case .assumeAutomated:
            return pick("decisions with an empty or absent `automated` field are treated as automated (input.assume_automated)",
                        "`automated` 字段为空或缺失的决策视为自动化决策（input.assume_automated）")
        case .mergedShards, .shardFileMissing, .shardFileOtherHeader, .shardFileShared, .shardFileMismatch, .pseudonymsDifferAcrossShards,
             .decisionIDsCompared, .decisionIDsNotCompared, .decisionIDsRepeatedAcrossShards:
            return merge(diagnostic.code, values)
        }
    }

    /// What a merge of shard states says of itself and of the files it gathered.
    private func merge(_ code: Diagnostic.Code, _ values: DiagnosticValues) -> String {
        switch code {
        case .shardFileMissing, .shardFileOtherHeader, .shardFileShared, .shardFileMismatch:
            let name = values.text("name")
            let (english, chinese) = whyNotGathered(code, name)
            return pick("\(name) was not gathered: \(english)", "未汇集 \(name)：\(chinese)")
        case .pseudonymsDifferAcrossShards:
            return pick("no pseudonym key was given: each shard keyed its pseudonyms by its own inputs, so one worker has a different pseudonym in each shard's rows of findings.csv; give every shard the same ADMAUDIT_PSEUDONYM_KEY",
                        "未提供假名密钥：各分片以各自的输入为假名密钥，同一劳动者在 findings.csv 中不同分片的行里假名不同；请为每个分片设置相同的 ADMAUDIT_PSEUDONYM_KEY")
        case .decisionIDsCompared:
            return pick("the decision ids of the \(values.count("shards")) shards were compared (\(values.count("ids")) in all): none is in two shards",
                        "已比对 \(values.count("shards")) 个分片的决策编号（共 \(values.count("ids")) 个）：没有编号同时出现在两个分片中")
        case .decisionIDsNotCompared:
            return pick("decision ids were not compared across shards: this shard has no decision-ids.bin of its own beside its state (none, or its folder holds another shard's state too; write each shard with this admaudit's run --save-state into a folder of its own); an id in two shards would count twice",
                        "未跨分片比对决策编号：此分片的状态文件旁没有其自己的 decision-ids.bin（没有该文件，或其文件夹中还有另一分片的状态文件；请用本版 admaudit 的 run --save-state 将每个分片写入各自的文件夹）；同一编号若出现在两个分片中将被计算两次")
        case .decisionIDsRepeatedAcrossShards:
            let (rows, line, firstFile, firstLine) = (values.count("rows"), values.count("line"), values.text("first_file"), values.count("first_line"))
            return pick("\(rows) row(s) of later shards hold a decision id an earlier shard holds (the first: line \(line) of this file, first seen on line \(firstLine) of \(firstFile)): one run would have rejected them as duplicate_id, the merged counts include them; ask the employer why one id holds two decisions, or audit the inputs in one run",
                        "后续分片中有 \(rows) 行的决策编号已在先前分片中出现（第一处：本文件第 \(line) 行，首次出现于 \(firstFile) 第 \(firstLine) 行）：单次运行会以 duplicate_id 拒收这些行，而合并后的计数包含了它们；请向用人单位核实为何同一编号对应两项决策，或在一次运行中审计全部输入")
        default:
            let shards = values.count("shards")
            return pick("merged from \(shards) shard states; findings.csv and rejects.csv gather the shards' own, in shard order",
                        "由 \(shards) 个分片状态合并而成；findings.csv 和 rejects.csv 按分片顺序汇集各分片的记录")
        }
    }

    /// Why `merge` did not gather a shard's file, in both languages, for `merge(_:_:)`.
    private func whyNotGathered(_ code: Diagnostic.Code, _ name: String) -> (String, String) {
        let ownFolder = ("each shard's is in its own folder", "各分片的该文件仍在其各自文件夹中")
        switch code {
        case .shardFileMissing:
            return ("this shard's folder has none; the merged folder holds no \(name), \(ownFolder.0)",
                    "此分片的文件夹中没有该文件；合并后的文件夹不含 \(name)，\(ownFolder.1)")
        case .shardFileOtherHeader:
            return ("this shard's starts with another header (written by another version of admaudit, or not by admaudit); \(ownFolder.0)",
                    "此分片的该文件表头不同（由其他版本的 admaudit 写出，或并非由 admaudit 写出）；\(ownFolder.1)")
        case .shardFileShared:
            return ("this state shares its folder with another shard's, so the folder's file cannot be told apart; keep each shard's outputs in a folder of its own",
                    "此状态文件与另一分片的状态文件位于同一文件夹，无法分辨该文件属于哪个分片；请将每个分片的输出放在各自的文件夹中")
        default:
            return ("this shard's holds another number of rows than its state counts (a file from another run or shard?); \(ownFolder.0)",
                    "此分片的该文件行数与其状态文件所计不符（是否来自其他运行或分片？）；\(ownFolder.1)")
        }
    }

    /// Groups whose labels read alike (`MeasureState.alikeGroupWarnings`).
    private func alike(_ values: DiagnosticValues) -> String {
        let name = values.text("attribute"), groups = values.list("groups")
        let english = groups.map { "'\($0)'" }.joined(separator: ", "), chinese = groups.map { "“\($0)”" }.joined(separator: "、")
        return pick("attribute '\(name)': the groups \(english) differ only in case, spaces, punctuation or a bracketed remark; if they are one group written several ways, each is counted on its own (and a small one suppressed): merge the spellings under values.attributes.\(name)",
                    "属性“\(name)”：\(chinese) 各组仅在大小写、空格、标点或括号内的附注上不同；如为同一组的不同写法，它们被分别计数（人数少的组被隐去）：请在 values.attributes.\(name) 下合并这些写法")
    }

    /// Spellings disguised as an attribute's group (which could split it) or as a coded value
    /// (which could keep a decision from its checks), each shown as read: a coded value as the
    /// reader names it (`dismissal` → `解除劳动合同`).
    private func disguised(_ values: DiagnosticValues) -> String {
        let coded = values.text("read_as") == "coded_values"
        let spellings = zip(values.list("spellings"), values.list("read_as_values")).map { spelling, value in
            "\(spelling) → \(coded ? ValueMaps.readerName(value, language) : value)"
        }
        let more = values.count("more")
        // Counts are checked when a state is read (`Diagnostic.damage`); made here, they are small.
        let count = spellings.count + min(more, Int.max - spellings.count)
        let subject = coded ? pick("decision types, outcomes and answers", "决策类型、结果及是/否取值") : attribute(values.text("attribute"))
        let purpose = coded
            ? pick("An export spelled this way may be trying to keep a decision from the checks that would judge it", "如此书写的导出文件可能意在使决策避开相应检查")
            : pick("An export spelled this way may be trying to split a group", "如此书写的导出文件可能意在拆分群体")
        return pick("\(subject): \(count) spelling(s) written to look like another value (invisible characters, letters of another script or full-width forms) were read as it: \(spellings.joined(separator: "; "))\(more > 0 ? "; and \(more) more" : ""). \(purpose)",
                    "\(subject)：有 \(count) 种写法以隐形字符、其他文字的形近字母或全角字符伪装成另一个取值，已按该取值读取：\(spellings.joined(separator: "；"))\(more > 0 ? "；另有 \(more) 种" : "")。\(purpose)")
    }

    /// The activity logs run over years the official calendar holds no notice of.
    private func outsideCalendar(_ values: DiagnosticValues) -> String {
        let (first, last) = (values.count("first_year"), values.count("last_year"))
        let (from, to) = (values.count("covered_from"), values.count("covered_to"))
        let years = first == last ? "\(first)" : "\(first)–\(last)"
        return pick("the activity runs over \(years), but China's official calendar here holds the State Council's notices of \(from)–\(to) only: outside them holidays and make-up days are not known, and those days are read as a plain Monday–Friday week (add them under activity.schedule.holidays and workdays, and the days paid 300 % under statutory_holidays)",
                    "活动记录跨越 \(years) 年，而此处的官方工作日历只收录 \(from)–\(to) 年的国务院通知：此外年份的节假日与调休上班日未知，按普通的周一至周五处理（请在 activity.schedule.holidays 和 workdays 下补充，按 300% 计酬的法定节假日写在 statutory_holidays 下）")
    }
}

/// A diagnostic's values by name; a value absent or of another kind reads as zero or empty
/// (a diagnostic is made by admaudit with its values, or read from a checked state file).
private struct DiagnosticValues {
    let values: [String: DiagnosticValue]
    init(_ values: [String: DiagnosticValue]) { self.values = values }

    func count(_ name: String) -> Int {
        if case .count(let count)? = values[name] { return count }
        return 0
    }

    func text(_ name: String) -> String {
        if case .text(let text)? = values[name] { return text }
        return ""
    }

    func list(_ name: String) -> [String] {
        if case .list(let list)? = values[name] { return list }
        return []
    }
}

