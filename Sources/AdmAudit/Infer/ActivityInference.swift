import Foundation

/// `init` for an activity log: a header that names a worker and a time, and not the fields
/// a decision needs, is read as the run reads it (`AuditRun.activityMapping`), and the
/// pipeline written has an `activity:` section: the columns found, the working schedule
/// (China's standard working hours by default, a TODO, as only the employer's rules say
/// them), and the values of the direction and reply columns no vocabulary knows.
enum ActivityInference {
    typealias Evidence = ColumnAssignment.Evidence

    /// The log's mapping by the built-in words, or nil when the export is a decision export.
    /// A "who acted" column is found too (`BuiltinActivityVocabulary`'s words, which a run
    /// reads only where a pipeline names them): `ActivityWriter` writes it if it holds ids.
    static func mapping(_ sample: ExportSample) -> ActivityMapping? {
        var settings = ActivitySettings()
        settings.columns[.actorID] = BuiltinActivityVocabulary.columns.first { $0.0 == .actorID }!.1
        let mapping = ActivityMapping(headers: sample.headers, settings: settings)
        let pipeline = Pipeline()
        return mapping.readsAsLog(rather: ColumnMapping(headers: sample.headers, pipeline: pipeline), pipeline: pipeline) ? mapping : nil
    }

    static func infer(sample: ExportSample, profiles: [ColumnProfile], assignment: ColumnAssignment, mapping: ActivityMapping,
                      inputName: String) -> InferredPipeline {
        let times = [ActivityField.startedAt, .endedAt].compactMap { mapping.columns[$0] }
        let locale = LocaleInference(sample: sample, profiles: profiles, assignment: assignment, timeColumns: times)
        var writer = ActivityWriter(sample: sample, profiles: profiles, assignment: assignment, mapping: mapping, locale: locale, inputName: inputName)
        let yaml = writer.render()
        var inferred = InferredPipeline(inputName: inputName, language: locale.language.value, yaml: yaml, todos: writer.todos,
                                        mappedColumns: mapping.columns.count, columns: sample.headers.count,
                                        rowsSampled: sample.rowsSampled, rowsSkipped: sample.rowsSkipped)
        inferred.activity = writer.activity
        inferred.jurisdictionsGuessed = locale.jurisdictions.isDefault
        inferred.timeZoneGuessed = locale.timeZone.isDefault
        return inferred
    }
}

private struct ActivityWriter {
    typealias Evidence = ColumnAssignment.Evidence

    let sample: ExportSample
    let profiles: [ColumnProfile]
    let assignment: ColumnAssignment
    let mapping: ActivityMapping
    let locale: LocaleInference
    let inputName: String
    let language: ReportLanguage
    private(set) var todos: [String] = []
    /// The `activity:` section as written, with its TODOs: what a decision export's pipeline
    /// takes from the log's when both are inferred together.
    private(set) var activity: InferredPipeline.ActivitySection? = nil
    private var out = ""

    init(sample: ExportSample, profiles: [ColumnProfile], assignment: ColumnAssignment, mapping: ActivityMapping, locale: LocaleInference,
         inputName: String) {
        self.sample = sample
        self.profiles = profiles
        self.assignment = assignment
        self.mapping = mapping
        self.locale = locale
        self.inputName = inputName
        language = locale.language.value
    }

    private func text(_ english: String, _ chinese: String) -> String { language.text(english, chinese) }
    private mutating func line(_ text: String = "") { out += text + "\n" }

    private mutating func setting(_ indent: Int, _ key: String, _ value: String, _ evidence: Evidence, todo: Bool = false) {
        line(String(repeating: " ", count: indent) + key + ": " + value + "   # " + (todo ? "TODO: " : "") + YAMLText.comment(evidence.text(language)))
        if todo { todos.append("\(key): \(value) — \(YAMLText.comment(evidence.text(language)))") }
    }

    mutating func render() -> String {
        let rows = InferredPipeline.rowsText(sampled: sample.rowsSampled, skipped: sample.rowsSkipped, language)
        line("# " + YAMLText.comment(text(
            "Pipeline inferred by admaudit from \(inputName) (\(rows)): an activity log, one row per event. Each setting says why; check the lines marked TODO.",
            "admaudit 根据 \(inputName) 推断的审计配置（\(rows)）：活动日志，每行一个事件。每项设置均注明依据；请核查标有 TODO 的行。")))
        line("# " + YAMLText.comment(text("Rerun with: admaudit run -p THIS_FILE \(inputName)", "重新运行：admaudit run -p 本文件 \(inputName)")))
        line("admaudit: 1")
        line("name: " + YAMLText.quoted(text("inferred from ", "推断自 ") + inputName))
        line()
        renderInput()
        renderAttributes()
        line("checks:")
        setting(2, "jurisdictions", "[" + locale.jurisdictions.value.joined(separator: ", ") + "]", locale.jurisdictions.evidence,
                todo: locale.jurisdictions.uncertain)
        line()
        let (start, todosBefore) = (out.endIndex, todos.count)
        renderActivity()
        activity = InferredPipeline.ActivitySection(yaml: String(out[start...]), todos: Array(todos[todosBefore...]))
        line("report:")
        setting(2, "language", language.rawValue, locale.language.evidence)
        line("  subject_ids: pseudonymize")
        line("  suppress_below: 5")
        return out
    }

    private mutating func renderInput() {
        line("input:")
        setting(2, "encoding", sample.encoding.rawValue, Evidence(english: "detected", chinese: "自动检测"))
        setting(2, "delimiter", YAMLText.quoted(sample.delimiter == 9 ? "tab" : String(UnicodeScalar(sample.delimiter))),
                Evidence(english: "detected from the header line", chinese: "由表头检测"))
        if sample.headerLine > 1 || !sample.linesAboveHeader.isEmpty {
            // Not pinned: a run may read other logs with the same pipeline, whose header is elsewhere.
            line("  # " + YAMLText.comment(text(
                "the header is on line \(sample.headerLine), below \(sample.linesAboveHeader.count) title line(s): found by itself (header_line: auto), so other logs read with this pipeline may have theirs elsewhere",
                "表头在第 \(sample.headerLine) 行，其上有 \(sample.linesAboveHeader.count) 行标题：由程序自动识别（header_line: auto），因此用本配置读取的其他日志的表头可在别处")))
        }
        // Working hours are the workers' local time: an offset in the data says how the times
        // were written (an export in UTC), not where the workers work.
        if locale.jurisdictions.value == ["CN"] || language == .zh {
            let converted = locale.timeZone.value == "Asia/Shanghai" ? locale.timeZone.evidence : Evidence(
                english: "workers in China work by Beijing time, and the schedule is judged in it; times written with an offset are converted (\(locale.timeZone.evidence.english))",
                chinese: "在中国的劳动者按北京时间工作，排定工作时间按北京时间判断；带时差的时间会被换算（\(locale.timeZone.evidence.chinese)）")
            setting(2, "time_zone", "Asia/Shanghai", converted)
        } else {
            setting(2, "time_zone", locale.timeZone.value, locale.timeZone.evidence + Evidence(
                english: "the schedule is judged in this zone: check it is where the workers work, not only how the times were written",
                chinese: "排定工作时间按此时区判断：请确认这是劳动者的工作地时区，而不仅是时间的书写方式"), todo: true)
        }
        if let site = mapping.columns[.site] {
            // Places no table knows are judged in time_zone, under every jurisdiction of the run.
            let unknown = profiles[site].common.map(\.value).filter { value in
                Places.place(value) == nil && !locale.zonesByPlace.contains { TextKey.make($0.place) == TextKey.make(value) }
            }
            if !unknown.isEmpty {
                let listed = unknown.prefix(10).map { "'\($0)'" }.joined(separator: ", ")
                let why = text("places admaudit does not know: \(listed); their workers are judged in time_zone under every jurisdiction below; list each under time_zones_by_place with its zone",
                               "无法识别的地点：\(listed)；这些劳动者按 time_zone 及下列全部法域判断；请在 time_zones_by_place 下逐一写明其时区")
                line("  # TODO: " + YAMLText.comment(why))
                todos.append(why)
            }
        }
        if !locale.zonesByPlace.isEmpty, mapping.columns[.site] != nil {
            line("  time_zones_by_place:   # " + YAMLText.comment(text(
                "the places are in several zones: each worker's times and days are local to the worker's place (the site column)",
                "各地点位于不同时区：每名劳动者的时间与日期按其所在地点（地点列）的当地时间理解")))
            for (place, zone) in locale.zonesByPlace { line("    \(YAMLText.quoted(place)): \(zone)") }
        }
        setting(2, "date_order", locale.dateOrder.value.rawValue, locale.dateOrder.evidence, todo: locale.dateOrder.uncertain)
        line()
    }

    /// Protected attributes the header names (sex, ethnicity, hukou…), for the figures by group.
    /// Not the columns read as the log's own fields, and no age band: it needs a decision's date.
    private mutating func renderAttributes() {
        let used = Set(mapping.columns.values)
        let choices = assignment.choices.filter { choice in
            guard case .attribute = choice.target, !used.contains(choice.column) else { return false }
            return true
        }
        guard !choices.isEmpty else { return }
        line("attributes:")
        for choice in choices {
            setting(2, choice.target.name, "[" + YAMLText.quoted(sample.headers[choice.column]) + "]", choice.evidence, todo: choice.score < 60)
        }
        line()
    }

    private mutating func renderActivity() {
        line("activity:")
        line("  columns:")
        for field in ActivityField.allCases {
            guard let column = mapping.columns[field] else { continue }
            if field == .actorID, let share = Self.ownIDShare(sample, worker: mapping.columns[.workerID]!, actor: column), share < 0.2 {
                let percent = String(Int((share * 100).rounded())) + "%"
                // Rarely or never the worker's own id as the run compares ids (a name?): read, it would make most events contacts.
                line("    # TODO: " + YAMLText.comment(text(
                    "'\(sample.headers[column])' may say who acted, but in \(percent) of the rows read it is the worker's own id: not read; name a column holding the actor's id under actor_id, if there is one",
                    "“\(sample.headers[column])”可能表明由谁发起，但所读各行中只有 \(percent) 为劳动者本人的编号：不予读取；如有记录发起人编号的列，请在 actor_id 下写明该列")))
                continue
            }
            if field == .hourlyWage || field == .monthlyWage {
                // A base salary (基本工资, 加班工资基数) is what an employer prices overtime at to pay less.
                let base = ["基本", "基数", "base", "basic"].contains { sample.headers[column].lowercased().contains($0) }
                setting(4, field.rawValue, "[" + YAMLText.quoted(sample.headers[column]) + "]", Evidence(
                    english: "each worker's wage for the overtime pay estimate" + (field == .monthlyWage ? " (a month's read as 174 hours)" : "")
                        + (base ? "; overtime is owed on the wage the contract sets, which a base salary may understate: check it, or set schedule.hourly_wage as a floor" : ""),
                    chinese: "各劳动者的工资，用于估计加班工资" + (field == .monthlyWage ? "（月工资按 174 小时折算）" : "")
                        + (base ? "；加班工资应以劳动合同约定的工资为基数，基本工资可能偏低：请核实，或设置 schedule.hourly_wage 作为下限" : "")), todo: base)
                continue
            }
            setting(4, field.rawValue, "[" + YAMLText.quoted(sample.headers[column]) + "]", Evidence(
                english: "the header names \(field.rawValue)", chinese: "标题表明为 \(field.rawValue)"))
        }
        if mapping.columns[.direction] == nil && mapping.columns[.actorID] == nil {
            line("    # " + YAMLText.comment(text(
                "no column says who acted: every event is counted as the worker's own work, and no contact from the employer can be told apart",
                "没有列表明由谁发起：每个事件都计为劳动者本人的工作，无法区分用人单位的联系")))
        }
        renderUnknownValues()
        line("  schedule:")
        setting(4, "work_start", "\"09:00\"", Evidence(
            english: "the working hours are the employer's rules, not the log's: 09:00–18:00 assumed; set them from the contract or the rules",
            chinese: "工作时间取决于劳动合同或规章制度，而非日志：暂按 09:00–18:00；请按合同或规章设定"), todo: true)
        line("    work_end: \"18:00\"")
        line("    work_days: [mon, tue, wed, thu, fri]")
        setting(4, "calendar", "auto", Evidence(
            english: "China's official working calendar (holidays, make-up working days) when the jurisdictions are CN alone, else the plain week",
            chinese: "法域仅为 CN 时采用国务院公布的工作日历（节假日、调休上班日），否则按普通工作周"))
        if let column = mapping.columns[.hoursSystem] {
            setting(4, "hours", "standard", Evidence(
                english: "for the workers whose rows name no hours system, and for every worker unless trust_hours_column is set",
                chinese: "用于日志行未写明工时制度的劳动者；未设置 trust_hours_column 时用于全部劳动者"))
            let systems = Vocabulary(ActivitySettings().hoursSystems, rule: .keywords)
            let lax = profiles[column].common.filter { if case .found(let found) = systems.reading($0.value) { found != .standard } else { false } }
            if !lax.isEmpty {
                let listed = lax.map { "'\($0.value)'" }.joined(separator: ", ")
                setting(4, "trust_hours_column", "false", Evidence(
                    english: "rows name comprehensive or flexible hours (\(listed)), which lift the daily limits only where the labour bureau approved them for those workers: set true once the approvals are checked",
                    chinese: "部分行写明综合计算工时制或不定时工作制（\(listed)）：仅当劳动行政部门批准对这些劳动者实行时才免除每日限额；核实批准文件后改为 true"), todo: true)
            }
        } else {
            setting(4, "hours", "standard", Evidence(
                english: "the standard hours system; set comprehensive or flexible only where the labour bureau approved it for these workers",
                chinese: "标准工时制；仅当劳动行政部门批准对这些劳动者实行时，才改为 comprehensive（综合计算工时制）或 flexible（不定时工作制）"), todo: true)
        }
        renderSessionGap()
        line()
    }

    /// The gap that joins events into sessions: 15 minutes, unless a log of single moments (no
    /// end or duration) has its events further apart: then 15 would count each as a minute, and
    /// the time between a worker's events, which courts count as work, would vanish.
    private mutating func renderSessionGap() {
        guard mapping.columns[.endedAt] == nil, mapping.columns[.durationMinutes] == nil,
              let median = Self.medianMinutesBetweenEvents(sample: sample, mapping: mapping, dateOrder: locale.dateOrder.value),
              median > 15, median <= 60 else {
            // Further apart than an hour, events say no more than that the worker was there then.
            line("    session_gap_minutes: 15")
            return
        }
        let gap = min(max((median * 3 / 2 + 4) / 5 * 5, 15), 90)
        setting(4, "session_gap_minutes", String(gap), Evidence(
            english: "the median time between one worker's events on a day is \(median) minutes: events up to \(gap) minutes apart are read as one stretch of work; with a shorter gap each event would count as a minute",
            chinese: "同一劳动者同一天内相邻事件的间隔中位数为 \(median) 分钟：相隔不超过 \(gap) 分钟的事件视为一段连续工作；间隔设得更短，每个事件只计一分钟"), todo: true)
    }

    /// The median minutes between a worker's consecutive own events (not the employer's
    /// contacts, by the direction column) less than six hours apart, in the rows `init` read;
    /// nil with fewer than 20 such gaps.
    static func medianMinutesBetweenEvents(sample: ExportSample, mapping: ActivityMapping, dateOrder: DateOrder) -> Int? {
        guard let worker = mapping.columns[.workerID], let start = mapping.columns[.startedAt] else { return nil }
        var parser = TimestampParser(timeZone: TimeZone(identifier: "UTC")!, dateOrder: dateOrder)
        let directions = Vocabulary(ActivitySettings().directions, rule: .keywords)
        var times: [String: [Int64]] = [:]
        for (row, (id, text)) in zip(sample.columns[worker], sample.columns[start]).enumerated() where !id.isEmpty {
            if let column = mapping.columns[.direction], case .found(.contact) = directions.reading(sample.columns[column][row]) { continue }
            var text = text
            let parsed = text.withUTF8 { parser.parse(UnsafeRawBufferPointer($0)) }
            if case .instant(let instant) = parsed { times[id, default: []].append(instant) }
        }
        var gaps: [Int64] = []
        for var list in times.values {
            list.sort()
            for (a, b) in zip(list, list.dropFirst()) where b > a && b - a < 6 * 3600 { gaps.append(b - a) }
        }
        guard gaps.count >= 20 else { return nil }
        gaps.sort()
        return Int(gaps[gaps.count / 2] / 60)
    }

    /// Of the rows read with both a worker and an actor, the share whose actor is the worker as
    /// a run compares them (`WorkerKey`); nil with none.
    private static func ownIDShare(_ sample: ExportSample, worker: Int, actor: Int) -> Double? {
        var both = 0, same = 0
        for (id, actor) in zip(sample.columns[worker], sample.columns[actor]) {
            var id = id, actor = actor
            guard let a = id.withUTF8({ WorkerKey.of(UnsafeRawBufferPointer($0)) }), let b = actor.withUTF8({ WorkerKey.of(UnsafeRawBufferPointer($0)) }) else { continue }
            both += 1
            if a == b { same += 1 }
        }
        return both > 0 ? Double(same) / Double(both) : nil
    }

    /// Direction and reply values no vocabulary knows: the run would reject their rows.
    private mutating func renderUnknownValues() {
        let settings = ActivitySettings()
        let directions = Vocabulary(settings.directions, rule: .keywords)
        let answers = Vocabulary(BuiltinVocabulary.booleans, rule: .leadingAnswer, answers: (true, false))
        var unknown: [(ActivityField, [String])] = []
        if let column = mapping.columns[.direction] {
            let words = ActivityBuilder.directionWords(settings)
            let values = profiles[column].common.map(\.value).filter { value in
                switch directions.reading(value) {
                case .unrecognized: return true
                case .found:
                    let asWritten = settings.directions.contains { $0.1.contains { TextKey.make($0) == TextKey.make(value) } }
                    return !asWritten && ActivityBuilder.namesTwoDirections(normalized: MeaningText.normalize(value), words: words)
                default: return false
                }
            }
            if !values.isEmpty { unknown.append((.direction, values)) }
        }
        if let column = mapping.columns[.replyRequested] {
            let values = profiles[column].common.map(\.value).filter { if case .unrecognized = answers.reading($0) { true } else { false } }
            if !values.isEmpty { unknown.append((.replyRequested, values)) }
        }
        if let column = mapping.columns[.hoursSystem] {
            let systems = Vocabulary(settings.hoursSystems, rule: .keywords)
            let values = profiles[column].common.map(\.value).filter { if case .unrecognized = systems.reading($0) { true } else { false } }
            if !values.isEmpty { unknown.append((.hoursSystem, values)) }
        }
        guard !unknown.isEmpty else { return }
        for (field, values) in unknown {
            let listed = values.map { "'\($0)'" }.joined(separator: ", ")
            let why = field == .direction
                ? text("\(field.rawValue) values no vocabulary knows: \(listed); their rows are rejected until listed under activity.values.direction (contact, action or reply)",
                       "\(field.rawValue) 中无法识别的值：\(listed)；在 activity.values.direction 下列出（contact、action 或 reply）之前，这些行将被拒收")
                : field == .hoursSystem
                ? text("\(field.rawValue) values no vocabulary knows: \(listed); their rows are rejected until listed under activity.values.hours_system (standard, comprehensive or flexible, as the labour bureau approved)",
                       "\(field.rawValue) 中无法识别的值：\(listed)；在 activity.values.hours_system 下列出（standard、comprehensive 或 flexible，以劳动行政部门批准为准）之前，这些行将被拒收")
                : text("\(field.rawValue) values that are not yes or no: \(listed); their rows are rejected",
                       "\(field.rawValue) 中不是“是/否”的值：\(listed)；这些行将被拒收")
            line("  # TODO: " + YAMLText.comment(why))
            todos.append(why)
        }
    }
}
