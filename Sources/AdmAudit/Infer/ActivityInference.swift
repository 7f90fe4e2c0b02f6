import Foundation

/// `init` for an activity log: a header that names a worker and a time, and not the fields
/// a decision needs, is read as the run reads it (`AuditRun.activityMapping`), and the
/// pipeline written has an `activity:` section: the columns found, the working schedule
/// (China's standard working hours by default, a TODO, as only the employer's rules say
/// them), and the values of the direction and reply columns no vocabulary knows.
enum ActivityInference {
    typealias Evidence = ColumnAssignment.Evidence

    /// The log's mapping by the built-in words, or nil when the export is a decision export.
    static func mapping(_ sample: ExportSample) -> ActivityMapping? {
        let mapping = ActivityMapping(headers: sample.headers, settings: ActivitySettings())
        let pipeline = Pipeline()
        return mapping.readsAsLog(rather: ColumnMapping(headers: sample.headers, pipeline: pipeline), pipeline: pipeline) ? mapping : nil
    }

    static func infer(sample: ExportSample, profiles: [ColumnProfile], assignment: ColumnAssignment, mapping: ActivityMapping,
                      inputName: String) -> InferredPipeline {
        let times = [ActivityField.startedAt, .endedAt].compactMap { mapping.columns[$0] }
        let locale = LocaleInference(sample: sample, profiles: profiles, assignment: assignment, timeColumns: times)
        var writer = ActivityWriter(sample: sample, profiles: profiles, mapping: mapping, locale: locale, inputName: inputName)
        let yaml = writer.render()
        return InferredPipeline(inputName: inputName, language: locale.language.value, yaml: yaml, todos: writer.todos,
                                mappedColumns: mapping.columns.count, columns: sample.headers.count,
                                rowsSampled: sample.rowsSampled, rowsSkipped: sample.rowsSkipped)
    }
}

private struct ActivityWriter {
    typealias Evidence = ColumnAssignment.Evidence

    let sample: ExportSample
    let profiles: [ColumnProfile]
    let mapping: ActivityMapping
    let locale: LocaleInference
    let inputName: String
    let language: ReportLanguage
    private(set) var todos: [String] = []
    private var out = ""

    init(sample: ExportSample, profiles: [ColumnProfile], mapping: ActivityMapping, locale: LocaleInference, inputName: String) {
        self.sample = sample
        self.profiles = profiles
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
        line("checks:")
        setting(2, "jurisdictions", "[" + locale.jurisdictions.value.joined(separator: ", ") + "]", locale.jurisdictions.evidence,
                todo: locale.jurisdictions.uncertain)
        line()
        renderActivity()
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
                Evidence(english: "detected from the header line", chinese: "由标题行检测"))
        if sample.headerLine > 1 || !sample.linesAboveHeader.isEmpty {
            // Not pinned: a run may read other logs with the same pipeline, whose header is elsewhere.
            line("  # " + YAMLText.comment(text(
                "the header is on line \(sample.headerLine), below \(sample.linesAboveHeader.count) title line(s): found by itself (header_line: auto), so other logs read with this pipeline may have theirs elsewhere",
                "标题行在第 \(sample.headerLine) 行，其上有 \(sample.linesAboveHeader.count) 行标题：由程序自动识别（header_line: auto），因此用本配置读取的其他日志的标题行可在别处")))
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
        if !locale.zonesByPlace.isEmpty, mapping.columns[.site] != nil {
            line("  time_zones_by_place:   # " + YAMLText.comment(text(
                "the places are in several zones: each worker's times and days are local to the worker's place (the site column)",
                "各地点位于不同时区：每名劳动者的时间与日期按其所在地点（地点列）的当地时间理解")))
            for (place, zone) in locale.zonesByPlace { line("    \(YAMLText.quoted(place)): \(zone)") }
        }
        setting(2, "date_order", locale.dateOrder.value.rawValue, locale.dateOrder.evidence, todo: locale.dateOrder.uncertain)
        line()
    }

    private mutating func renderActivity() {
        line("activity:")
        line("  columns:")
        for field in ActivityField.allCases {
            guard let column = mapping.columns[field] else { continue }
            setting(4, field.rawValue, "[" + YAMLText.quoted(sample.headers[column]) + "]", Evidence(
                english: "the header names \(field.rawValue)", chinese: "标题表明为 \(field.rawValue)"))
        }
        if mapping.columns[.direction] == nil {
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
        if mapping.columns[.hoursSystem] != nil {
            setting(4, "hours", "standard", Evidence(
                english: "the log's hours_system column names each worker's system (the strictest, where a worker's rows name several); this one is for the workers whose rows name none",
                chinese: "日志的工时制度列写明了每名劳动者的工时制度（同一劳动者写有多种时取最严格者）；此项用于未写明的劳动者"))
        } else {
            setting(4, "hours", "standard", Evidence(
                english: "the standard hours system; set comprehensive or flexible only where the labour bureau approved it for these workers",
                chinese: "标准工时制；仅当劳动行政部门批准对这些劳动者实行时，才改为 comprehensive（综合计算工时制）或 flexible（不定时工作制）"), todo: true)
        }
        line("    session_gap_minutes: 15")
        line()
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
