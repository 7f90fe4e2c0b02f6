import Crypto
import Foundation

/// A pipeline inferred from an export, as `admaudit init` prints it and `admaudit run`
/// without `-p` uses it: every mapping and setting with its evidence as a comment, what
/// needs a person's check marked TODO.
///
/// The YAML is the product: a run without a pipeline loads this very text
/// (`PipelineLoader.parse`), so the pipeline written beside the report is the one that
/// ran, and rerunning it gives the same report.
public struct InferredPipeline: Sendable {
    public let inputName: String
    public let language: ReportLanguage
    /// The pipeline file's text.
    public let yaml: String
    /// What needs a person's check, one line each (also in the YAML as TODO comments).
    public let todos: [String]
    public let mappedColumns: Int
    public let columns: Int
    public let rowsSampled: Int
    /// Rows read but not used: damaged, of another width, totals and footers.
    public let rowsSkipped: Int
    /// For an activity log, its `activity:` section.
    public var activity: ActivitySection? = nil
    /// Each column, its target and evidence, samples and unknown values (a decision export's;
    /// empty for an activity log).
    public var proposals: [ColumnProposal] = []
    /// The jurisdictions are the default of every one (no place, language or zone said
    /// which): a combined pipeline takes those of the exports that say (`combining`).
    public var jurisdictionsGuessed = false
    /// Likewise the time zone (UTC, for want of any zone, offset or place).
    public var timeZoneGuessed = false

    /// An activity log's `activity:` section and its TODOs, which a decision export's pipeline
    /// takes when one pipeline reads both (`combining`).
    public struct ActivitySection: Sendable {
        public var yaml: String
        public var todos: [String]
    }

    /// The rows read, and those not used, in `language`: the YAML's first line and `init`'s
    /// summary say the same.
    public func rowsText(_ language: ReportLanguage) -> String {
        Self.rowsText(sampled: rowsSampled, skipped: rowsSkipped, language)
    }

    static func rowsText(sampled: Int, skipped: Int, _ language: ReportLanguage) -> String {
        language.text("\(sampled) rows read" + (skipped > 0 ? "; \(skipped) not used: damaged, of another width, or totals and footers" : ""),
                      "读取 \(sampled) 行" + (skipped > 0 ? "；另有 \(skipped) 行未采用：已损坏、列数不符，或为合计行、表尾" : ""))
    }

    typealias Evidence = ColumnAssignment.Evidence

    /// Writes the pipeline as `pipeline.yaml` in `folder` (owner-only); returns its path.
    public func write(to folder: String) throws(AuditError) -> String {
        let file = try OutputFile(folder: folder, name: "pipeline.yaml")
        try file.write(yaml)
        try file.commit()
        return file.finalPath
    }

    /// The pipeline this text describes, loaded as any pipeline file is (`file` names it in
    /// messages and reports), marked as inferred so the reports say so.
    public func pipeline(file: String) throws(AuditError) -> Pipeline {
        var pipeline = try PipelineLoader.parse(yaml, file: file)
        pipeline.sha256 = SHA256.hash(data: Array(yaml.utf8)).hexString
        pipeline.inference = Pipeline.Inference(input: inputName, todos: todos)
        return pipeline
    }

    /// Reads the start of the export at `path` and infers its pipeline. `inputName` is how
    /// the export is named in the text (the path as given).
    ///
    /// `choices`: what a person decided (the workbench): followed over the evidence, and
    /// everything that follows from a column inferred around it. An activity log's columns
    /// are inferred as before (its choices are not taken yet).
    public static func infer(path: String, inputName: String? = nil, choices: InferenceChoices = InferenceChoices()) throws(AuditError) -> InferredPipeline {
        let sample = try ExportSample.read(path: path)
        let profiles = sample.headers.indices.map { ColumnProfile(index: $0, header: sample.headers[$0], values: sample.columns[$0]) }
        let assignment = ColumnAssignment(profiles: profiles, fixed: choices.columns.mapValues { $0.map(\.target) },
                                          sampleIsWholeFile: sample.isWholeFile)
        // By its header a log (a worker and a time, `User ID`, `Time`), unless its values name
        // the decisions and when they were made (`Event Reason: Final Warning`, `Effective Date`).
        if let mapping = ActivityInference.mapping(sample), !assignment.recordsDecisions {
            return ActivityInference.infer(sample: sample, profiles: profiles, assignment: ColumnAssignment(profiles: profiles), mapping: mapping,
                                           inputName: inputName ?? path)
        }
        var locale = LocaleInference(sample: sample, profiles: profiles, assignment: assignment)
        locale.follow(choices)
        var writer = Writer(sample: sample, profiles: profiles, assignment: assignment, locale: locale, inputName: inputName ?? path,
                            auditDate: choices.auditDate, values: choices.values)
        let yaml = writer.render()
        var inferred = InferredPipeline(inputName: inputName ?? path, language: locale.language.value, yaml: yaml, todos: writer.todos,
                                        mappedColumns: assignment.choices.count, columns: sample.headers.count, rowsSampled: sample.rowsSampled, rowsSkipped: sample.rowsSkipped)
        inferred.jurisdictionsGuessed = locale.jurisdictions.isDefault
        inferred.timeZoneGuessed = locale.timeZone.isDefault
        inferred.proposals = Self.proposals(sample: sample, profiles: profiles, assignment: assignment, language: locale.language.value,
                                            values: choices.values)
        return inferred
    }

    /// Each column as the assignment left it, for the workbench.
    private static func proposals(sample: ExportSample, profiles: [ColumnProfile], assignment: ColumnAssignment, language: ReportLanguage,
                                  values: [CanonicalField: [String: String]]) -> [ColumnProposal] {
        sample.headers.indices.map { index in
            let choice = assignment.choice(forColumn: index)
            var samples: [String] = []
            for value in sample.columns[index] where !value.isEmpty && !samples.contains(value) {
                samples.append(value)
                if samples.count == 10 { break }
            }
            var unknown: [ColumnProposal.UnknownValue] = []
            var valueField: CanonicalField? = nil
            if let choice, !choice.filledMeansYes, case .field(let field) = choice.target {
                valueField = field
                unknown = UnknownValues.find(field: field, values: sample.columns[index]).map {
                    ColumnProposal.UnknownValue(value: $0.value, rows: $0.rows, suggestion: $0.proposal?.canonical ?? $0.outcome?.rawValue,
                                                chosen: values[field]?[$0.value])
                }
            }
            let evidence = choice?.evidence ?? assignment.rejected[index]
            return ColumnProposal(index: index, header: sample.headers[index], choice: choice.map { ColumnChoiceKey(target: $0.target) },
                                  evidence: evidence?.text(language) ?? "", uncertain: choice?.rival != nil, samples: samples,
                                  valueField: valueField, unknownValues: unknown)
        }
    }
}

/// Writes the inferred pipeline's YAML, collecting the TODOs as it goes.
private struct Writer {
    typealias Evidence = ColumnAssignment.Evidence

    let sample: ExportSample
    let profiles: [ColumnProfile]
    let assignment: ColumnAssignment
    let locale: LocaleInference
    let inputName: String
    let language: ReportLanguage
    /// Status words of the outcome column and people of the `automated` column, found once.
    let statusOutcomes: [(value: String, outcome: Outcome?)]
    /// The yes and no spellings of an outcome asked as a question (`Advanced (1/0)`), as outcomes.
    let answerOutcomes: [(value: String, outcome: Outcome)]
    /// Values among the sanctions of the decision-type column saying none was imposed (`正常`).
    let noSanctions: [String]
    /// Actions taken (`Hire`, `Promotion`) among the sanctions of a log with no outcome column.
    let actionsTaken: [String]
    let peopleWhoDecided: [String]
    private(set) var todos: [String] = []
    private var out = ""

    /// A date a person chose, written as it is.
    let chosenAuditDate: AsOfDate?
    /// Meanings a person gave values no vocabulary knows: field → spelling → canonical value.
    let chosenValues: [CanonicalField: [String: String]]

    init(sample: ExportSample, profiles: [ColumnProfile], assignment: ColumnAssignment, locale: LocaleInference, inputName: String,
         auditDate: AsOfDate? = nil, values: [CanonicalField: [String: String]] = [:]) {
        chosenAuditDate = auditDate
        chosenValues = values
        self.sample = sample
        self.profiles = profiles
        self.assignment = assignment
        self.locale = locale
        self.inputName = inputName
        language = locale.language.value
        statusOutcomes = Self.statusOutcomes(sample: sample, assignment: assignment)
        answerOutcomes = Self.answerOutcomes(sample: sample, assignment: assignment)
        noSanctions = Self.noSanctions(profiles: profiles, assignment: assignment)
        actionsTaken = Self.actionsTaken(sample: sample, profiles: profiles, assignment: assignment)
        peopleWhoDecided = Self.peopleWhoDecided(sample: sample, profiles: profiles, assignment: assignment)
    }

    private func text(_ english: String, _ chinese: String) -> String { language.text(english, chinese) }

    private mutating func line(_ text: String = "") { out += text + "\n" }

    /// `key: value   # evidence` (the evidence made safe for a comment), TODO when uncertain.
    private mutating func setting(_ indent: Int, _ key: String, _ value: String, _ evidence: Evidence?, todo: Bool = false) {
        var text = String(repeating: " ", count: indent) + key + ": " + value
        if let evidence {
            text += "   # " + (todo ? "TODO: " : "") + YAMLText.comment(evidence.text(language))
            if todo { todos.append("\(key): \(value) — \(YAMLText.comment(evidence.text(language)))") }
        }
        line(text)
    }

    mutating func render() -> String {
        let rows = InferredPipeline.rowsText(sampled: sample.rowsSampled, skipped: sample.rowsSkipped, language)
        line("# " + YAMLText.comment(text(
            "Pipeline inferred by admaudit from \(inputName) (\(rows)). Each setting says why; check the lines marked TODO.",
            "admaudit 根据 \(inputName) 推断的审计配置（\(rows)）。每项设置均注明依据；请核查标有 TODO 的行。")))
        line("# " + YAMLText.comment(text("Rerun with: admaudit run -p THIS_FILE \(inputName)", "重新运行：admaudit run -p 本文件 \(inputName)")))
        line("admaudit: 1")
        line("name: " + YAMLText.quoted(text("inferred from ", "推断自 ") + inputName))
        renderAuditDate()
        line()
        renderInput()
        renderColumns()
        renderAttributes()
        renderUnused()
        renderStatusOutcomes()
        renderUnknownValues()
        renderDerive()
        renderChecks()
        renderBias()
        renderReport()
        return out
    }

    /// The as-of date: the export's own date (its title line), unless a decision is dated
    /// later, as a title that predates the data would put deadlines not yet reached and hide
    /// what is overdue; else, when every row was read, the day of the latest decision, in the
    /// export's zone. Anything overdue that day was overdue when the export was taken (on that
    /// day or later), so the contests left unanswered (AP-03) and the records kept too long
    /// (DM-02) are judged on the inspector's path, where no `--as-of` is given. A decision a
    /// year or more after every other (a mistyped `2099`, or a row the employer added to move
    /// the date) is passed over, and named. A sample of a larger file cannot say which
    /// decision is the latest: a TODO, and the run warns.
    private mutating func renderAuditDate() {
        if let chosenAuditDate {
            setting(0, "audit_date", chosenAuditDate.description, Evidence(english: "chosen by the inspector", chinese: "由检查人员选定"))
            return
        }
        let exported = ExportDate.find(in: sample.linesAboveHeader.map(\.text))
        let calendar = LocalCalendar(timeZone: TimeZone(identifier: locale.timeZone.value) ?? TimeZone(identifier: "UTC")!)
        let days = assignment.target(.field(.decidedAt)).map { profiles[$0.column].timestamps.latestDays(in: calendar, order: locale.dateOrder.value) } ?? []
        // Past the days that stand a year or more beyond the next one.
        var passedOver: [Int64] = []
        var dataEnd = days.first
        for (day, next) in zip(days, days.dropFirst()) {
            guard day - next > 366 else { break }
            passedOver.append(day)
            dataEnd = next
        }
        let latest = dataEnd.map(LocalCalendar.date(ofDay:))
        if let exported, latest.map({ $0 <= exported.date }) ?? true {
            setting(0, "audit_date", exported.date.description, Evidence(
                english: "the day the export was taken, from its title line '\(exported.text)': what was pending is judged on that day",
                chinese: "导出当日，见标题行“\(exported.text)”：截至该日仍未处理的事项按该日评判"))
            return
        }
        if let exported, let latest {
            line("# " + YAMLText.comment(text(
                "TODO: the title line '\(exported.text)' dates the export \(exported.date), before decisions of \(latest): not used as the audit date; set audit_date: to the day the export was taken",
                "TODO：标题行“\(exported.text)”所示导出日期 \(exported.date) 早于 \(latest) 的决策，故未用作审计基准日；请将 audit_date: 设为实际导出日期")))
            todos.append(text("audit_date: the export's title date is earlier than its decisions", "audit_date：标题所示导出日期早于决策日期"))
        }
        guard let latest else { return }
        guard sample.isWholeFile else {
            guard exported == nil else { return }
            let why = text("audit_date: no export date in the file, and only its first \(sample.rowsSampled) rows were read: set audit_date: to the day the export was taken (or run with --as-of), or contests left unanswered and records kept too long cannot be judged",
                           "audit_date：文件中没有导出日期，且只读取了前 \(sample.rowsSampled) 行：请将 audit_date: 设为实际导出日期（或运行时加 --as-of），否则无法评判未答复的申诉和超期保存的记录")
            line("# TODO: " + YAMLText.comment(why))
            todos.append(why)
            return
        }
        var evidence = Evidence(
            english: "the day of the latest decision in the export, which names no export date: what was still pending then is judged as of that day (the export was taken then or later); set the day it was taken if known",
            chinese: "导出文件未注明导出日期，取其中最晚决策的日期：截至该日仍未处理的事项按该日评判（导出不早于该日）；如知道实际导出日期，请改为该日")
        if !passedOver.isEmpty {
            let dates = passedOver.reversed().map { LocalCalendar.date(ofDay: $0).description }
            evidence = evidence + Evidence(
                english: "decisions dated \(dates.joined(separator: ", ")) come a year or more after the rest and are passed over: mistyped years?",
                chinese: "日期为 \(dates.joined(separator: "、")) 的决策比其余决策晚一年以上，未予采用：年份可能有误？")
        }
        setting(0, "audit_date", latest.description, evidence, todo: !passedOver.isEmpty)
    }

    private mutating func renderInput() {
        line("input:")
        let detected = Evidence(english: "detected", chinese: "自动检测")
        setting(2, "encoding", sample.encoding.rawValue, detected)
        setting(2, "delimiter", YAMLText.quoted(sample.delimiter == 9 ? "tab" : String(UnicodeScalar(sample.delimiter))),
                Evidence(english: "detected from the header line", chinese: "由表头检测"))
        if sample.headerLine > 1 || !sample.linesAboveHeader.isEmpty {
            let titles = sample.linesAboveHeader.map { "'\($0.text)'" }.joined(separator: ", ")
            setting(2, "header_line", String(sample.headerLine), Evidence(
                english: "\(sample.linesAboveHeader.count) title line(s) above the header: \(titles)",
                chinese: "标题行之上有 \(sample.linesAboveHeader.count) 行标题：\(titles)"))
        }
        setting(2, "time_zone", locale.timeZone.value, locale.timeZone.evidence, todo: locale.timeZone.uncertain)
        if !locale.zonesByPlace.isEmpty {
            line("  time_zones_by_place:   # " + YAMLText.comment(text(
                "the places are in several zones: each row's times are local to its place",
                "各地点位于不同时区：每行的时间按其所在地点的当地时间理解")))
            for (place, zone) in locale.zonesByPlace { line("    \(YAMLText.quoted(place)): \(zone)") }
        }
        setting(2, "date_order", locale.dateOrder.value.rawValue, locale.dateOrder.evidence, todo: locale.dateOrder.uncertain)
        if let years = locale.twoDigitYears {
            setting(2, "two_digit_years", years.value.rawValue, years.evidence, todo: years.uncertain)
        }
        setting(2, "decimal_separator", YAMLText.quoted(locale.decimalSeparator.value.rawValue), locale.decimalSeparator.evidence)
        let written = assignment.choices.filter(\.filledMeansYes).map(\.target.name)
        if !written.isEmpty {
            setting(2, "filled_means_yes", "[" + written.joined(separator: ", ") + "]", Evidence(
                english: "these columns write the thing out rather than yes/no: a filled cell is yes",
                chinese: "这些列写明内容而非是/否：有内容即为是"))
        }
        if assignment.target(.field(.decisionType)) == nil {
            if let type = defaultDecisionType {
                setting(2, "default_decision_type", type.value.rawValue, type.evidence, todo: true)
            } else {
                let why = text("no column holds decision kinds and nothing says which kind every row is: add `default_decision_type: TYPE` here or map the column under columns:",
                               "没有列记录决策种类，也无法判断所有行属于何种决策：请在此添加 `default_decision_type: 类型`，或在 columns 下映射该列")
                line("  # TODO: " + YAMLText.comment(why))
                todos.append("decision_type — " + why)
            }
        }
        line()
    }

    private mutating func renderColumns() {
        line("columns:")
        for choice in assignment.choices {
            if case .field(let field) = choice.target { writeMapping(field.rawValue, choice) }
            if case .field(let second)? = choice.also, second == .decidedAt, choice.target == .field(.effectiveAt) {
                setting(2, second.rawValue, "[" + YAMLText.quoted(sample.headers[choice.column]) + "]", Evidence(
                    english: "no column dates the decision, so the day it took effect does: a decision takes effect on or after the day it is made; check that none here was made after it took effect (a retroactive one)",
                    chinese: "没有列记录决策日期，故以生效日期代之：决策通常在作出当日或之后生效；请核实其中没有事后作出、追溯生效的决策"), todo: true)
            } else if case .field(let second)? = choice.also {
                line("  \(second.rawValue): [\(YAMLText.quoted(sample.headers[choice.column]))]   # "
                     + YAMLText.comment(text("the same column as \(choice.target.name)", "与 \(choice.target.name) 同一列")))
            }
        }
        let missing = CanonicalField.allCases.filter { field in
            assignment.target(.field(field)) == nil && !assignment.choices.contains { $0.also == .field(field) }
        }
        // A field left without a column would still take one whose header is among its built-in
        // names (`处理结果` for outcome) when the pipeline is run: say `[]`, so the run reads
        // the export as this file describes it.
        let builtIn = Dictionary(BuiltinVocabulary.columns.map { ($0.0, Set($0.1.map(TextKey.make))) }, uniquingKeysWith: { first, _ in first })
        var saidNone = Set<CanonicalField>()
        for field in missing {
            guard let names = builtIn[field],
                  let column = sample.headers.indices.first(where: { assignment.choice(forColumn: $0) == nil && names.contains(TextKey.make(sample.headers[$0])) })
            else { continue }
            line("  \(field.rawValue): []   # " + YAMLText.comment(text(
                "not the column \(sample.headers[column]), whose name says \(field.rawValue) but whose values do not",
                "不采用列“\(sample.headers[column])”：其列名像 \(field.rawValue)，但取值不像")))
            saidNone.insert(field)
        }
        // No decision id: each row is one decision, named by its line (`line 12`). Said as `[]`,
        // so that the run takes no column whose header is among decision_id's names.
        if missing.contains(.decisionID) {
            line((saidNone.contains(.decisionID) ? "  # " : "  decision_id: []   # ") + YAMLText.comment(text(
                "no column holds a decision id: each row is one decision, named by its line in the file (\"line N\"); write the column here if the export has one",
                "没有列载有决策编号：每一行为一项决策，以其在文件中的行号指称（“第N行”）；如导出数据有编号列，请在此写明")))
        }
        let optional = missing.filter { !$0.isRequired }.map(\.rawValue)
        if !optional.isEmpty {
            line("  # " + YAMLText.comment(text(
                "No column for: \(optional.joined(separator: ", ")). Checks that need them count those fields as not recorded.",
                "以下字段没有对应的列：\(optional.joined(separator: "、"))。需要这些字段的检查将其视为未记录。")))
        }
        line()
    }

    private mutating func writeMapping(_ key: String, _ choice: ColumnAssignment.Choice, value: String? = nil) {
        let header = sample.headers[choice.column]
        var evidence = choice.evidence
        var todo = choice.score < 60 || choice.markedForChecking
        if let rival = choice.rival {
            todo = true
            evidence = evidence + Evidence(english: "column '\(sample.headers[rival])' fits nearly as well",
                                           chinese: "列“\(sample.headers[rival])”几乎同样符合")
        }
        setting(2, key, value ?? "[" + YAMLText.quoted(header) + "]", evidence, todo: todo)
    }

    private var attributeChoices: [ColumnAssignment.Choice] {
        assignment.choices.filter { if case .field = $0.target { return false } else { return true } }
    }

    private mutating func renderAttributes() {
        let choices = attributeChoices
        guard !choices.isEmpty else {
            line("# " + YAMLText.comment(text("No protected attribute (sex, ethnicity, age…) was found: group statistics need one.",
                                              "未发现受保护属性（性别、民族、年龄等）：群体统计需要至少一个。")))
            line()
            return
        }
        line("attributes:")
        for choice in choices {
            let header = YAMLText.quoted(sample.headers[choice.column])
            switch choice.target {
            case .age: writeMapping("age_band", choice, value: "{from_age: [\(header)]}")
            case .birthDate: writeMapping("age_band", choice, value: "{from_birth_date: [\(header)]}")
            default: writeMapping(choice.target.name, choice)
            }
        }
        line()
    }

    private mutating func renderUnused() {
        let unused = sample.headers.indices.filter { assignment.choice(forColumn: $0) == nil }
        guard !unused.isEmpty else { return }
        line("# " + YAMLText.comment(text("Columns not used (no check needs them; the minimum necessary):",
                                          "未使用的列（没有检查需要它们；最少必要原则）：")))
        for index in unused {
            var note = "#   " + YAMLText.comment(YAMLText.quoted(sample.headers[index]))
            if let why = assignment.rejected[index] { note += " — " + YAMLText.comment(why.text(language)) }
            line(note)
        }
        line()
    }

    /// Values of mapped columns that no vocabulary knows: rows holding them would be rejected.
    private mutating func renderUnknownValues() {
        var entries: [String] = []
        for choice in assignment.choices where !choice.filledMeansYes {
            guard case .field(let field) = choice.target else { continue }
            let unknown = UnknownValues.find(field: field, values: sample.columns[choice.column])
            let answered = field == .outcome ? Set(statusOutcomes.map(\.value) + answerOutcomes.map(\.value))
                : field == .automated ? Set(peopleWhoDecided) : field == .decisionType ? Set(noSanctions) : []
            let meant = Set((chosenValues[field] ?? [:]).keys)
            for item in unknown where !answered.contains(item.value) && !meant.contains(item.value) {
                var entry = "\(field.rawValue) ← \(YAMLText.quoted(sample.headers[choice.column])): \(YAMLText.quoted(item.value)) (\(item.rows))"
                if let outcome = item.outcome {
                    let (english, chinese) = outcome == .favorable ? ("favourable", "有利") : ("adverse", "不利")
                    entry += text(" — an outcome (\(english)), not a decision kind: list it under the kind it belongs to and as an outcome",
                                  " — 这是结果（\(chinese)）而非决策种类：请在其所属的决策种类下列出，并列为结果")
                } else if item.workerLeaving {
                    entry += text(" — the worker's own leaving, not a decision about them: its rows are rejected unless you list it (e.g. as other)",
                                  " — 这是劳动者本人离职，而非针对其作出的决策：除非在此列出（例如列为 other），含有该取值的行会被拒收")
                } else if let proposal = item.proposal {
                    entry += text(" → \(proposal.canonical)? (like '\(proposal.spelling)')", " → \(proposal.canonical)？（近似“\(proposal.spelling)”）")
                }
                entries.append(entry)
            }
        }
        guard !entries.isEmpty else { return }
        line("# " + YAMLText.comment(text(
            "TODO: values no vocabulary knows. Rows holding them would be rejected; to keep them, list each under values:, e.g.",
            "TODO：以下取值不在任何词表中。含有这些取值的行会被拒收；如需保留，请在 values: 下列出，例如")))
        line("# values:")
        line("#   decision_type:")
        line("#     performance_rating: [\"…\"]")
        for entry in entries.prefix(60) { line("#   " + YAMLText.comment(entry)) }
        if entries.count > 60 { line("#   " + text("… and \(entries.count - 60) more", "……另有 \(entries.count - 60) 个")) }
        todos.append(text("\(entries.count) value(s) no vocabulary knows (listed in the pipeline)", "\(entries.count) 个取值不在词表中（已列于配置中）"))
        line()
    }

    /// Status words in an outcome column (`Completed`, `已执行`, `Applied`, `Not Applied`): a
    /// decision carried out has the outcome its kind states (a sanction is adverse), one not
    /// carried out is favourable; other statuses (`待定`, `Active`) stay unknown, and listed.
    private static func statusOutcomes(sample: ExportSample, assignment: ColumnAssignment) -> [(value: String, outcome: Outcome?)] {
        guard let outcome = assignment.target(.field(.outcome)), assignment.target(.field(.decisionType)) != nil else { return [] }
        let vocabulary = InferenceVocabulary.shared
        var seen = Set<String>()
        var statuses: [(value: String, outcome: Outcome?)] = []
        for value in sample.columns[outcome.column] where !value.isEmpty && seen.insert(value).inserted {
            guard case .unrecognized = vocabulary.maps.outcomes.reading(value), statuses.count < UnknownValues.listLimit else { continue }
            let words = Array(MeaningText.normalize(value).unicodeScalars)
            guard case .found(let match) = InferredPipeline.carriedOut.best(in: words) else { continue }
            statuses.append((value, Negation.precedes(match.offset, in: words) ? .favorable : nil))
        }
        return statuses
    }


    /// The distinct spellings of yes and of no in an outcome column of answers, each as the
    /// outcome it stands for (`1` favourable under `Advanced (1/0)`, adverse under `Rejected`).
    private static func answerOutcomes(sample: ExportSample, assignment: ColumnAssignment) -> [(value: String, outcome: Outcome)] {
        guard let outcome = assignment.target(.field(.outcome)), let yesMeansFavorable = outcome.yesMeansFavorable else { return [] }
        let vocabulary = InferenceVocabulary.shared
        var seen = Set<String>()
        var answers: [(value: String, outcome: Outcome)] = []
        for value in sample.columns[outcome.column] {
            guard !value.isEmpty, seen.insert(value).inserted, answers.count < UnknownValues.listLimit,
                  let yes = vocabulary.read(value).boolean else { continue }
            answers.append((value, yes == yesMeansFavorable ? .favorable : .adverse))
        }
        return answers
    }

    /// In a column of sanctions (`辞退`, `降级`, `警告`), the values that are no decision kind
    /// but a favourable outcome (`正常`, `No action`, `ColumnProfile.noSanctionValues`):
    /// decisions that imposed none, which a run reads as disciplinary decisions whose outcome is
    /// favourable, as the built-in `no action` and `不予处分` are.
    private static func noSanctions(profiles: [ColumnProfile], assignment: ColumnAssignment) -> [String] {
        guard let type = assignment.target(.field(.decisionType)),
              profiles[type.column].decisionTypes.keys.contains(where: ColumnAssignment.sanctions.contains) else { return [] }
        return profiles[type.column].noSanctionValues
    }

    /// The sampled kinds that name an action taken (`Hire`, `Promotion`), in a column of kinds
    /// that also holds sanctions and with no outcome column: a log of what was done to each
    /// worker (Workday's, PeopleSoft's), where such a row was granted. Where no sanction stands
    /// beside them (a screen whose result is elsewhere), they stay a TODO and their rows are rejected.
    private static func actionsTaken(sample: ExportSample, profiles: [ColumnProfile], assignment: ColumnAssignment) -> [String] {
        guard assignment.target(.field(.outcome)) == nil, let type = assignment.target(.field(.decisionType)),
              profiles[type.column].decisionTypes.keys.contains(where: ColumnAssignment.sanctions.contains) else { return [] }
        var seen: [String] = []
        for value in sample.columns[type.column] where !value.isEmpty && !seen.contains(value) {
            if InferenceVocabulary.shared.namesAnActionTaken(value) { seen.append(value) }
        }
        return seen
    }

    /// Values of an `automated` column headed `Created By`, `Screened By`, `发起人`… that are
    /// not system words: the people who made the decision, so not automated.
    private static func peopleWhoDecided(sample: ExportSample, profiles: [ColumnProfile], assignment: ColumnAssignment) -> [String] {
        guard let automated = assignment.target(.field(.automated)) else { return [] }
        let header = profiles[automated.column].header
        guard header.words.count >= 2 && header.words.last == "by" || header.compact.hasSuffix("人") else { return [] }
        return UnknownValues.find(field: .automated, values: sample.columns[automated.column]).map(\.value)
    }

    /// `values:`: init's own readings (a status that says a decision was not carried out, the
    /// people who decided, a kind that imposed no sanction, an action taken in a log of
    /// sanctions, the answers of an outcome asked as a question) and the meanings a person gave values no vocabulary knows
    /// (`InferenceChoices.values`), a list per meaning, each with its evidence.
    private mutating func renderStatusOutcomes() {
        var lists = ValueLists()
        let statuses = statusOutcomes, people = peopleWhoDecided, answers = answerOutcomes
        if !noSanctions.isEmpty, let type = assignment.target(.field(.decisionType)) {
            lists.add("decision_type", "discipline", noSanctions, Evidence(
                english: "among the sanctions in '\(sample.headers[type.column])', a decision that imposed none: its outcome is favourable",
                chinese: "“\(sample.headers[type.column])”中与各项处分并列，表示未予处分：其结果为有利"))
        }
        if !actionsTaken.isEmpty, let type = assignment.target(.field(.decisionType)) {
            lists.add("outcome", "favorable", actionsTaken, Evidence(
                english: "with no outcome column, among the sanctions in '\(sample.headers[type.column])', an action taken: granted",
                chinese: "没有结果列，“\(sample.headers[type.column])”中与各项处分并列，表示已采取的措施：已给予"))
        }
        if !people.isEmpty, let automated = assignment.target(.field(.automated)) {
            lists.add("automated", "false", people, Evidence(
                english: "'\(sample.headers[automated.column])' names who made the decision: these are people, not the system",
                chinese: "“\(sample.headers[automated.column])”记录决策者：这些是人员而非系统"))
        }
        let notCarriedOut = statuses.filter { $0.outcome == .favorable }.map(\.value)
        let carriedOut = statuses.filter { $0.outcome == nil }.map(\.value)
        // An outcome asked as a question: its yes and no spellings, each under the outcome it means.
        let header = assignment.target(.field(.outcome)).map { sample.headers[$0.column] } ?? ""
        func answered(_ outcome: Outcome, _ english: String, _ chinese: String) -> (spellings: [String], evidence: Evidence?) {
            let spellings = answers.filter { $0.outcome == outcome }.map(\.value)
            return (spellings, spellings.isEmpty ? nil : Evidence(english: "the answers in '\(header)' that mean the \(english) outcome",
                                                                  chinese: "“\(header)”中表示\(chinese)结果的回答"))
        }
        let favorable = answered(.favorable, "favourable", "有利"), adverse = answered(.adverse, "adverse", "不利")
        if !notCarriedOut.isEmpty || !favorable.spellings.isEmpty {
            let notCarried = Evidence(english: "a decision not carried out", chinese: "未执行的决定")
            let evidence = favorable.evidence.map { notCarriedOut.isEmpty ? $0 : notCarried + $0 } ?? notCarried
            lists.add("outcome", "favorable", notCarriedOut + favorable.spellings, evidence)
        }
        if let evidence = adverse.evidence { lists.add("outcome", "adverse", adverse.spellings, evidence) }
        if !carriedOut.isEmpty {
            lists.add("outcome", "as_decided", carriedOut, Evidence(
                english: "a decision carried out: its outcome is its kind's (a dismissal, demotion, discipline or suspension is adverse)",
                chinese: "已执行的决定：其结果取决于决定种类（解除、降级、处分、停职为不利）"))
        }
        let chosen = Evidence(english: "chosen by the inspector", chinese: "由检查人员选定")
        for (field, meanings) in chosenValues.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            guard let key = InferenceChoices.valuesKey(field) else { continue }
            for canonical in Set(meanings.values).sorted() {
                lists.add(key, canonical, meanings.filter { $0.value == canonical }.map(\.key).sorted(), chosen)
            }
        }
        guard !lists.isEmpty else { return }
        line("values:")
        for (key, entries) in lists.fields {
            line("  \(key):")
            for entry in entries {
                setting(4, entry.meaning, "[" + entry.spellings.map(YAMLText.quoted).joined(separator: ", ") + "]", entry.evidence)
            }
        }
        line()
    }

    /// The lists under `values:`, a field at a time in the order first added; a meaning listed
    /// twice is one list, its spellings once each.
    private struct ValueLists {
        struct Entry { var meaning: String; var spellings: [String]; var evidence: Evidence }
        private(set) var fields: [(key: String, entries: [Entry])] = []
        var isEmpty: Bool { fields.isEmpty }

        mutating func add(_ key: String, _ meaning: String, _ spellings: [String], _ evidence: Evidence) {
            guard !spellings.isEmpty else { return }
            if fields.firstIndex(where: { $0.key == key }) == nil { fields.append((key, [])) }
            let field = fields.firstIndex { $0.key == key }!
            if let entry = fields[field].entries.firstIndex(where: { $0.meaning == meaning }) {
                for spelling in spellings where !fields[field].entries[entry].spellings.contains(spelling) {
                    fields[field].entries[entry].spellings.append(spelling)
                }
                fields[field].entries[entry].evidence = fields[field].entries[entry].evidence + evidence
            } else {
                fields[field].entries.append(Entry(meaning: meaning, spellings: spellings, evidence: evidence))
            }
        }
    }

    private mutating func renderDerive() {
        let type = assignment.target(.field(.decisionType))
        let outcome = assignment.target(.field(.outcome))
        guard type != nil || outcome == nil else { return }
        // An approval's result as the outcome (`审批结果`): a blank one is an approval still
        // pending or withdrawn, which took no effect; read from its kind, a pending dismissal
        // was an HR-01 finding. Its row is rejected with no outcome, and counted by the summary.
        if let outcome, outcome.also == .field(.reviewResult) {
            line("# " + YAMLText.comment(text("no outcome derived: a blank approval result is an approval not yet decided, and its row is rejected",
                                              "不推断结果：审批结果为空表示尚未审批完成，该行将被拒收")))
            line()
            return
        }
        guard type != nil || defaultDecisionType != nil else {
            let why = text("no outcome column and no decision kinds to read one from: add `outcome: [\"HEADER\"]` under columns:",
                           "没有结果列，也没有可据以推断结果的决策种类：请在 columns 下添加 `outcome: [\"列名\"]`")
            line("# TODO: " + YAMLText.comment(why))
            todos.append(why)
            line()
            return
        }
        let kinds = type.map { text("each decision kind in '\(sample.headers[$0.column])'", "“\(sample.headers[$0.column])”中的决策种类") }
            ?? text("the decision type", "决策类型")
        line("derive:")
        line("  outcome:")
        setting(4, "from", "decision_type", outcome == nil
            ? Evidence(english: "no outcome column: the outcome is read from \(kinds) (a dismissal, demotion, discipline or suspension is adverse)",
                       chinese: "没有结果列：由\(kinds)推断结果（解除、降级、处分、停职为不利）")
            : Evidence(english: "where the outcome is empty, it is read from the decision kind",
                       chinese: "结果为空时，由决策种类推断"))
        if outcome == nil, let type { renderKindsWithoutOutcome(column: type.column) }
        line()
    }

    /// Kinds that are no sanction and whose words state no outcome (`Pay Adjustment`, `调岗`):
    /// with no outcome column their rows are rejected (`outcome_unstated`). Said before the
    /// run, with how many sampled rows each holds.
    private mutating func renderKindsWithoutOutcome(column: Int) {
        let vocabulary = InferenceVocabulary.shared
        var counts: [String: Int] = [:]
        var order: [String] = []
        for value in sample.columns[column] where !value.isEmpty {
            let reading = vocabulary.read(value)
            guard let kind = reading.decisionType, !ColumnAssignment.sanctions.contains(kind), reading.outcome == nil,
                  !actionsTaken.contains(value) else { continue }
            if counts[value] == nil { order.append(value) }
            counts[value, default: 0] += 1
        }
        guard !order.isEmpty else { return }
        let listed = order.prefix(UnknownValues.listLimit).map { "\(YAMLText.quoted($0)) ×\(counts[$0]!)" }.joined(separator: ", ")
        let rows = counts.values.reduce(0, +)
        let why = text("\(rows) sampled row(s) hold a decision kind that says no outcome (\(listed)): with no outcome column they will be rejected (outcome_unstated); map the outcome's column under columns:, or ask the employer for it",
                       "抽样中有 \(rows) 行的决策种类无法表明结果（\(listed)）：没有结果列时这些行将被拒收（outcome_unstated）；请在 columns 下映射结果列，或要求用人单位提供")
        line("  # TODO: " + YAMLText.comment(why))
        todos.append(why)
    }

    private mutating func renderChecks() {
        line("checks:")
        setting(2, "jurisdictions", "[" + locale.jurisdictions.value.joined(separator: ", ") + "]", locale.jurisdictions.evidence,
                todo: locale.jurisdictions.uncertain)
        // A place where no check's rule applies: its decisions are measured, but judged by no law.
        let citations = CheckRegistry.all.flatMap(\.descriptor.legalBasis).map(\.jurisdiction)
        let uncovered = locale.jurisdictions.value.filter { code in !citations.contains { CheckRunner.covers($0, code) } }
        if !uncovered.isEmpty {
            let codes = uncovered.joined(separator: ", ")
            line("  # " + YAMLText.comment(text(
                "\(codes): no rule the checks apply is in force there; decisions there are checked for data quality and measured by group only",
                "\(codes)：各项检查所依据的规则在该法域均不适用；该地的决策仅作数据质量检查和群体统计")))
        }
        line()
    }

    private mutating func renderBias() {
        let protected = attributeChoices.filter { $0.target != .site }.map(\.target.name)
        let site = assignment.target(.site)
        guard !protected.isEmpty || site != nil else { return }
        line("bias:")
        if !protected.isEmpty { line("  attributes: [\(protected.joined(separator: ", "))]") }
        if protected.contains("sex") && protected.contains("ethnicity") {
            setting(2, "intersections", "[[sex, ethnicity]]", Evidence(
                english: "sex and ethnicity together, as NYC Local Law 144 audits report them",
                chinese: "性别与民族交叉分析（纽约市第144号地方法审计的做法）"))
        }
        if let site, profiles[site.column].distinct >= 2, profiles[site.column].distinct <= 20 {
            setting(2, "by", "[site]", Evidence(english: "outcomes within each of \(profiles[site.column].distinct) sites",
                                                chinese: "在 \(profiles[site.column].distinct) 个地点内分别比较结果"))
        }
        line("  min_group_size: 5")
        line()
    }

    private mutating func renderReport() {
        line("report:")
        setting(2, "language", language.rawValue, locale.language.evidence)
        line("  subject_ids: pseudonymize")
        line("  suppress_below: 5")
        let protected = Set(attributeChoices.map(\.target.name))
        let nyc = locale.jurisdictions.value.contains("US-NYC") && !locale.jurisdictions.uncertain
        if nyc, protected.contains("sex"), protected.contains("ethnicity") {
            setting(2, "layout", "ll144", Evidence(english: "New York City decisions with sex and race/ethnicity: the tables of an LL144 bias audit",
                                                   chinese: "纽约市的决策且含性别与种族：采用第144号地方法偏差审计的表格"))
        }
    }

    /// A decision type for every row when no column holds one, from what the headers,
    /// title lines and file name speak of.
    private var defaultDecisionType: LocaleInference.Decision<DecisionType>? {
        let words = sample.headers + sample.linesAboveHeader.map(\.text) + [inputName]
        let themes: [(DecisionType, [String])] = [
            (.hiring, ["applicant", "candidate", "requisition", "resume", "screening", "interview", "hiring", "recruit", "应聘", "候选人",
                       "简历", "面试", "招聘", "筛选"]),
            (.attritionRisk, ["attrition", "flight risk", "resignation", "turnover", "离职倾向", "离职风险", "离职预测", "流失"]),
            (.dismissal, ["termination", "dismissal", "解除", "辞退"]),
            (.discipline, ["disciplinary", "warning", "处分", "违纪"]),
            (.pay, ["deduction", "docked", "扣款", "扣薪", "扣减"]),
        ]
        for (type, keys) in themes {
            if let word = words.first(where: { text in keys.contains { HeaderName(text).contains($0) || MeaningText.normalize(text).contains($0) } }) {
                return LocaleInference.Decision(value: type, evidence: Evidence(
                    english: "no decision-type column; '\(word)' speaks of \(type.rawValue)",
                    chinese: "没有决策类型列；“\(word)”表明为 \(type.rawValue)"))
            }
        }
        return nil
    }
}

extension InferredPipeline {
    /// Words saying a decision was carried out (`Upheld`, `已生效`, `成立`); with a negation
    /// before them (`Not upheld`, `不成立`) it was not.
    static let carriedOut = KeywordIndex([(0, [
        "completed", "complete", "processed", "applied", "done", "closed", "executed", "implemented", "issued", "effective",
        "in effect", "finalized", "finalised", "posted", "enforced", "upheld", "maintained", "stands", "已完成", "完成", "已处理",
        "处理完毕", "已执行", "执行", "维持", "维持原决定",
        "已生效", "生效", "已下发", "下发", "已发放", "已归档", "归档", "已结案", "结案", "已落实",
        // A sanction "stands" (成立) or the facts are "founded" (属实).
        "成立", "属实",
    ])])

    /// True when nearly every value of a column says whether a decision was carried out.
    static func holdsStatuses(_ profile: ColumnProfile) -> Bool {
        guard profile.filled > 0, profile.distinct <= 8 else { return false }
        let statuses = profile.common.filter { value, _ in
            if case .found = carriedOut.best(in: Array(MeaningText.normalize(value).unicodeScalars)) { return true }
            return false
        }.reduce(0) { $0 + $1.count }
        return Double(statuses) >= 0.8 * Double(profile.filled)
    }
}
