import Crypto
import Foundation
import Yams

/// Reads a pipeline file (YAML) into a `Pipeline`.
///
/// Strict on purpose: an unknown key or a bad value is an error naming the key and its
/// line, because a misspelt `chekcs:` silently ignored would change an audit's result.
public enum PipelineLoader {
    public static let supportedVersion = 1

    public static func load(path: String) throws(AuditError) -> Pipeline {
        // Read one byte past the limit, so a larger file is refused without reading it whole.
        guard let handle = FileHandle(forReadingAtPath: path),
              let data = try? handle.read(upToCount: PipelineLimits.fileBytes + 1) ?? Data() else {
            throw AuditError(.pipeline, "cannot read the pipeline file", file: path,
                             hint: "check the path; `admaudit init INPUT.csv > my.yaml` writes a starter pipeline")
        }
        try? handle.close()
        guard data.count <= PipelineLimits.fileBytes else {
            throw AuditError(.pipeline, "the pipeline file is larger than \(PipelineLimits.fileBytes / 1024) KiB", file: path,
                             hint: "a pipeline names columns, values and settings; check that this is the pipeline file and not an export")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw AuditError(.pipeline, "the pipeline file is not UTF-8 text", file: path, hint: "save it as UTF-8")
        }
        var pipeline = try parse(text, file: path)
        pipeline.sha256 = SHA256.hash(data: data).hexString
        return pipeline
    }

    public static func parse(_ text: String, file: String) throws(AuditError) -> Pipeline {
        if let found = YAMLAnchorGuard.firstAnchorOrAlias(in: text) {
            let what = found.isAlias ? "an alias (*\(found.name))" : "an anchor (&\(found.name))"
            throw AuditError(.pipeline, "the pipeline uses \(what); anchors and aliases are not allowed in pipeline files", file: file,
                             line: found.line, column: found.column,
                             hint: "write the values out where they are used (a copied alias can grow without bound)")
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw yamlError(error, file: file, text: text)
        } catch {
            throw AuditError(.pipeline, "not valid YAML: \(error)", file: file)
        }
        guard let root = node else {
            throw AuditError(.pipeline, "the pipeline file is empty", file: file, line: 1,
                             hint: "start it with `admaudit: 1`")
        }
        return try PipelineReader(file: file).read(root)
    }

    private static func yamlError(_ error: YamlError, file: String, text: String) -> AuditError {
        switch error {
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? "?"
            // Yams marks the mapping; point at the key's second occurrence instead.
            var seen = 0
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.drop { $0 == " " }
                guard trimmed.hasPrefix(key), trimmed.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":") else { continue }
                seen += 1
                if seen == 2 {
                    return AuditError(.pipeline, "key '\(key)' appears twice", file: file, line: index + 1,
                                      column: line.count - trimmed.count + 1, hint: "keep one of them")
                }
            }
            return AuditError(.pipeline, "key '\(key)' appears twice", file: file, line: context.mark.line,
                              column: context.mark.column, hint: "keep one of them")
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return AuditError(.pipeline, "not valid YAML: \(what)", file: file, line: mark.line, column: mark.column,
                              hint: "check indentation and quoting on that line")
        default:
            return AuditError(.pipeline, "not valid YAML: \(error)", file: file)
        }
    }
}

/// Walks the YAML tree, checking keys and values as it goes.
private struct PipelineReader {
    let file: String

    func read(_ root: Node) throws(AuditError) -> Pipeline {
        var pipeline = Pipeline()
        let top = try mapping(root, "the pipeline", allowed: [
            "admaudit", "name", "description", "audit_date", "input", "columns", "attributes",
            "values", "derive", "checks", "bias", "report", "activity",
        ])
        guard let version = top["admaudit"] else {
            throw error("the pipeline file must start with `admaudit: 1` (the format version)", at: root)
        }
        guard try int(version.value, "admaudit") == PipelineLoader.supportedVersion else {
            throw error("this admaudit reads pipeline format version \(PipelineLoader.supportedVersion)", at: version.value)
        }
        if let name = top["name"] { pipeline.name = try string(name.value, "name") }
        if let date = top["audit_date"] {
            let text = try string(date.value, "audit_date")
            guard AsOfDate(text) != nil else {
                throw error("audit_date must be a date like 2025-06-30", at: date.value)
            }
            pipeline.auditDate = text
        }
        if let input = top["input"] { pipeline.input = try readInput(input.value) }
        if let columns = top["columns"] { try readColumns(columns.value, into: &pipeline) }
        if let attributes = top["attributes"] { (pipeline.attributes, pipeline.ageBands) = try readAttributes(attributes.value) }
        if let values = top["values"] { try readValues(values.value, into: &pipeline) }
        if let derive = top["derive"] { try readDerive(derive.value, into: &pipeline) }
        if let checks = top["checks"] { pipeline.checks = try readChecks(checks.value) }
        if let bias = top["bias"] { pipeline.bias = try readBias(bias.value, attributes: pipeline.attributes.map(\.name)) }
        if let report = top["report"] { pipeline.report = try readReport(report.value) }
        if let activity = top["activity"] { pipeline.activity = try readActivity(activity.value) }
        return pipeline
    }

    /// `activity:`: columns, channel and direction spellings, and the working schedule.
    private func readActivity(_ node: Node) throws(AuditError) -> ActivitySettings {
        var activity = ActivitySettings()
        let keys = try mapping(node, "activity", allowed: ["columns", "values", "schedule", "date_order"])
        if let entry = keys["date_order"] {
            let text = try string(entry.value, "activity.date_order")
            guard let order = DateOrder(rawValue: text) else {
                throw error("activity.date_order '\(text)' is not known; use ymd, dmy or mdy", at: entry.value)
            }
            activity.dateOrder = order
        }
        if let entry = keys["columns"] {
            let fields = try mapping(entry.value, "activity.columns", allowed: ActivityField.allCases.map(\.rawValue))
            for (key, field) in fields.ordered {
                let synonyms = try stringList(field.value, "activity.columns.\(key)")
                let name = ActivityField(rawValue: key)!
                // `[]`: the field is not read, whatever the built-in names would find (a worker id and start are always).
                if synonyms.isEmpty && !ActivityField.required.contains(name) {
                    activity.columns[name] = []
                } else {
                    activity.columns[name] = synonyms + (activity.columns[name] ?? [])
                }
            }
        }
        if let entry = keys["values"] {
            let values = try mapping(entry.value, "activity.values", allowed: ["channel", "direction", "hours_system"])
            if let channel = values["channel"] {
                activity.channels = try extended(activity.channels, channel.value, "activity.values.channel",
                                                 allowed: ActivityChannel.allCases.map(\.rawValue)) { ActivityChannel(rawValue: $0)! }
            }
            if let direction = values["direction"] {
                activity.directions = try extended(activity.directions, direction.value, "activity.values.direction",
                                                   allowed: ActivityDirection.allCases.map(\.rawValue)) { ActivityDirection(rawValue: $0)! }
            }
            if let system = values["hours_system"] {
                activity.hoursSystems = try extended(activity.hoursSystems, system.value, "activity.values.hours_system",
                                                     allowed: HoursSystem.allCases.map(\.rawValue)) { HoursSystem(rawValue: $0)! }
            }
        }
        if let entry = keys["schedule"] { activity.schedule = try readSchedule(entry.value) }
        return activity
    }

    private func readSchedule(_ node: Node) throws(AuditError) -> WorkSchedule {
        var schedule = WorkSchedule()
        let keys = try mapping(node, "activity.schedule", allowed: [
            "work_start", "work_end", "work_days", "calendar", "hours", "session_gap_minutes", "event_minutes", "holidays", "workdays", "statutory_holidays",
            "daily_hours", "weekly_hours", "daily_overtime_hours", "monthly_overtime_hours", "hourly_wage", "trust_hours_column",
        ])
        for (key, keyPath) in [("work_start", \WorkSchedule.workStart), ("work_end", \WorkSchedule.workEnd)] {
            guard let entry = keys[key] else { continue }
            guard let seconds = WorkSchedule.secondOfDay(try string(entry.value, "activity.schedule.\(key)")) else {
                throw error("activity.schedule.\(key) must be a time of day HH:MM, e.g. 09:00 (24:00 for midnight)", at: entry.value)
            }
            schedule[keyPath: keyPath] = seconds
        }
        if schedule.workStart >= schedule.workEnd {
            throw error("activity.schedule.work_start must be before work_end", at: keys["work_start"]?.value ?? keys["work_end"]?.value ?? node)
        }
        if let entry = keys["work_days"] {
            var days = Set<Int>()
            for item in try sequence(entry.value, "activity.schedule.work_days") {
                let text = try string(item, "activity.schedule.work_days")
                guard let day = WorkSchedule.weekday(text) else {
                    throw error("'\(text)' is not a day; use mon, tue, wed, thu, fri, sat or sun", at: item)
                }
                days.insert(day)
            }
            schedule.workDays = days
        }
        if let entry = keys["calendar"] {
            let text = try string(entry.value, "activity.schedule.calendar")
            guard let choice = WorkSchedule.CalendarChoice(rawValue: text) else {
                throw error("activity.schedule.calendar '\(text)' is not known; use auto, china or week", at: entry.value)
            }
            schedule.calendar = choice
        }
        if let entry = keys["hours"] {
            let text = try string(entry.value, "activity.schedule.hours")
            guard let system = HoursSystem(rawValue: text) else {
                throw error("activity.schedule.hours '\(text)' is not known; use standard, comprehensive or flexible", at: entry.value)
            }
            schedule.hoursSystem = system
        }
        if let entry = keys["trust_hours_column"] { schedule.trustHoursColumn = try bool(entry.value, "activity.schedule.trust_hours_column") }
        if let entry = keys["session_gap_minutes"] { schedule.sessionGapMinutes = try int(entry.value, "activity.schedule.session_gap_minutes", in: 0...1440) }
        for (key, keyPath, range) in [("daily_hours", \WorkSchedule.dailyHours, 1...24), ("weekly_hours", \WorkSchedule.weeklyHours, 1...168),
                                      ("daily_overtime_hours", \WorkSchedule.dailyOvertimeHours, 0...24),
                                      ("monthly_overtime_hours", \WorkSchedule.monthlyOvertimeHours, 0...744)] {
            if let entry = keys[key] { schedule[keyPath: keyPath] = try int(entry.value, "activity.schedule.\(key)", in: range) }
        }
        if let entry = keys["hourly_wage"] {
            guard let wage = Double(try string(entry.value, "activity.schedule.hourly_wage")), wage.isFinite, (0...1_000_000).contains(wage) else {
                throw error("activity.schedule.hourly_wage must be a number from 0 to 1000000 (the wage an hour, e.g. 35.5)", at: entry.value)
            }
            schedule.hourlyWage = wage
        }
        if let entry = keys["event_minutes"] { schedule.eventMinutes = try int(entry.value, "activity.schedule.event_minutes", in: 0...1440) }
        for (key, keyPath) in [("holidays", \WorkSchedule.holidays), ("workdays", \WorkSchedule.makeUpWorkdays),
                               ("statutory_holidays", \WorkSchedule.statutoryHolidays)] {
            guard let entry = keys[key] else { continue }
            var days = Set<Int64>()
            for item in try sequence(entry.value, "activity.schedule.\(key)") {
                guard let date = AsOfDate(try string(item, "activity.schedule.\(key)")) else {
                    throw error("activity.schedule.\(key): write each date as YYYY-MM-DD, e.g. 2027-10-01", at: item)
                }
                days.insert(LocalCalendar.day(of: date))
            }
            schedule[keyPath: keyPath] = days
        }
        return schedule
    }

    // MARK: sections

    private func readInput(_ node: Node) throws(AuditError) -> InputSettings {
        var input = InputSettings()
        let keys = try mapping(node, "input", allowed: [
            "encoding", "delimiter", "time_zone", "date_order", "two_digit_years", "max_field_bytes", "max_row_bytes", "assume_automated",
            "default_decision_type", "header_line", "decimal_separator", "max_rejected", "time_zones_by_place", "filled_means_yes",
            "max_columns", "max_distinct_values",
        ])
        if let entry = keys["encoding"] {
            let text = try string(entry.value, "input.encoding")
            guard let encoding = InputEncoding(name: text) else {
                throw error("input.encoding '\(text)' is not known; use auto, utf-8, gb18030, gbk, utf-16le or utf-16be", at: entry.value)
            }
            input.encoding = encoding
        }
        if let entry = keys["delimiter"] {
            let text = try string(entry.value, "input.delimiter")
            switch text {
            case "auto": input.delimiter = nil
            case ",", ";", "|": input.delimiter = text.utf8.first
            case "\t", "\\t", "tab": input.delimiter = UInt8(ascii: "\t")
            default:
                throw error("input.delimiter '\(text)' is not supported; use auto, \",\", \";\", \"|\" or tab", at: entry.value)
            }
        }
        if let entry = keys["time_zone"] {
            let text = try string(entry.value, "input.time_zone")
            guard TimeZone(identifier: text) != nil else {
                throw error("input.time_zone '\(text)' is not a time zone; use an IANA name such as Asia/Shanghai or Europe/Berlin", at: entry.value)
            }
            input.timeZone = text
        }
        if let entry = keys["time_zones_by_place"] {
            for (place, zone) in try mapping(entry.value, "input.time_zones_by_place", allowed: nil).ordered {
                let name = try string(zone.value, "input.time_zones_by_place.\(place)")
                guard TimeZone(identifier: name) != nil else {
                    throw error("input.time_zones_by_place.\(place): '\(name)' is not a time zone; use an IANA name such as Europe/Amsterdam", at: zone.value)
                }
                input.timeZonesByPlace.append((place, name))
            }
            guard input.timeZonesByPlace.count <= PlaceZones.placeLimit else {
                throw error("input.time_zones_by_place lists at most \(PlaceZones.placeLimit) places", at: entry.value)
            }
        }
        if let entry = keys["date_order"] {
            let text = try string(entry.value, "input.date_order")
            guard let order = DateOrder(rawValue: text) else {
                throw error("input.date_order '\(text)' is not known; use ymd, dmy or mdy", at: entry.value)
            }
            input.dateOrder = order
        }
        if let entry = keys["two_digit_years"] {
            let text = try string(entry.value, "input.two_digit_years")
            guard let years = TwoDigitYears(rawValue: text.lowercased()) else {
                throw error("input.two_digit_years '\(text)' is not known; use 20xx (25 is 2025) or 19xx (85 is 1985)", at: entry.value)
            }
            input.twoDigitYears = years
        }
        if let entry = keys["max_field_bytes"] {
            input.maxFieldBytes = try int(entry.value, "input.max_field_bytes", in: PipelineLimits.fieldBytes)
        }
        if let entry = keys["max_row_bytes"] { input.maxRowBytes = try int(entry.value, "input.max_row_bytes", in: PipelineLimits.rowBytes) }
        if let entry = keys["max_columns"] { input.maxColumns = try int(entry.value, "input.max_columns", in: PipelineLimits.columns) }
        if let entry = keys["max_distinct_values"] {
            input.maxDistinctValues = try int(entry.value, "input.max_distinct_values", in: PipelineLimits.distinctValues)
        }
        if let entry = keys["assume_automated"] { input.assumeAutomated = try bool(entry.value, "input.assume_automated") }
        if let entry = keys["default_decision_type"] {
            let text = try string(entry.value, "input.default_decision_type")
            guard let type = DecisionType(rawValue: text) else {
                throw error("input.default_decision_type '\(text)' is not a decision type; use one of \(DecisionType.allCases.map(\.rawValue).joined(separator: ", "))", at: entry.value)
            }
            input.defaultDecisionType = type
        }
        if let entry = keys["header_line"] {
            let text = try string(entry.value, "input.header_line")
            if text != "auto" {
                guard let line = Int(text), (1...HeaderLocator.rowsExamined).contains(line) else {
                    throw error("input.header_line is auto or the header's line number, 1 to \(HeaderLocator.rowsExamined)", at: entry.value)
                }
                input.headerLine = line
            }
        }
        if let entry = keys["decimal_separator"] {
            let text = try string(entry.value, "input.decimal_separator")
            guard let separator = DecimalSeparator(rawValue: text) else {
                throw error("input.decimal_separator '\(text)' is not known; use \".\" (0.73) or \",\" (0,73)", at: entry.value)
            }
            input.decimalSeparator = separator
        }
        if let entry = keys["max_rejected"] { input.maxRejectedShare = try fraction(entry.value, "input.max_rejected") }
        if let entry = keys["filled_means_yes"] {
            for name in try stringList(entry.value, "input.filled_means_yes") {
                guard let field = CanonicalField(rawValue: name), field.kind == .boolean, field != .automated else {
                    throw error("input.filled_means_yes names yes/no fields, e.g. [explanation_given, appeal_offered]; '\(name)' is not one", at: entry.value)
                }
                input.filledMeansYes.insert(field)
            }
        }
        if input.maxRowBytes < input.maxFieldBytes { input.maxRowBytes = input.maxFieldBytes }
        return input
    }

    private func readColumns(_ node: Node, into pipeline: inout Pipeline) throws(AuditError) {
        let allowed = CanonicalField.allCases.map(\.rawValue)
        let keys = try mapping(node, "columns", allowed: allowed)
        for (key, entry) in keys.ordered {
            let field = CanonicalField(rawValue: key)!
            pipeline.columns[field] = try stringList(entry.value, "columns.\(key)")
            pipeline.explicitColumns.insert(field)
        }
    }

    private func readAttributes(_ node: Node) throws(AuditError) -> ([(name: String, headers: [String])], [String: AgeBanding]) {
        let keys = try mapping(node, "attributes", allowed: nil)
        var result: [(name: String, headers: [String])] = []
        var bands: [String: AgeBanding] = [:]
        for (name, entry) in keys.ordered {
            if CanonicalField(rawValue: name) != nil {
                throw error("attribute '\(name)' is a canonical field; name the attribute differently", at: entry.key)
            }
            // `sex: [性别, gender]`, `sex:` (null) for the built-in synonyms, or
            // `age_band: {from_age: [年龄], bands: [30, 40, 50]}` for bands computed from ages or birth dates.
            var headers: [String]
            if case .scalar(let scalar) = entry.value, entry.value.null != nil || scalar.string.isEmpty {
                headers = BuiltinVocabulary.attributes.first { $0.0 == name }?.1 ?? [name]
            } else if case .mapping = entry.value {
                let what = "attributes.\(name)"
                let options = try mapping(entry.value, what, allowed: ["from_age", "from_birth_date", "bands"])
                let sources = [AgeBanding.Source.years, .birthDate].filter { options[$0.rawValue] != nil }
                guard sources.count == 1, let source = sources.first, let column = options[source.rawValue] else {
                    throw error("\(what) takes one of from_age: [HEADER] or from_birth_date: [HEADER]", at: entry.value)
                }
                headers = try stringList(column.value, "\(what).\(source.rawValue)")
                var banding = AgeBanding(source: source)
                if let given = options["bands"] {
                    var bounds: [Int] = []
                    for item in try sequence(given.value, "\(what).bands") { bounds.append(try int(item, "\(what).bands", in: 1...120)) }
                    guard !bounds.isEmpty, bounds.count <= 20, zip(bounds, bounds.dropFirst()).allSatisfy({ $0 < $1 }), bounds.last! <= 120 else {
                        throw error("\(what).bands lists the ages where bands start, ascending, e.g. [30, 40, 50]", at: given.value)
                    }
                    banding.bounds = bounds
                }
                bands[name] = banding
            } else {
                headers = try stringList(entry.value, "attributes.\(name)")
            }
            if !headers.contains(name) { headers.append(name) }
            result.append((name, headers))
        }
        return (result, bands)
    }

    private func readValues(_ node: Node, into pipeline: inout Pipeline) throws(AuditError) {
        let keys = try mapping(node, "values", allowed: [
            "boolean", "automated", "outcome", "decision_type", "review_result", "appeal_result", "appeal_reviewer", "unknown", "attributes",
        ])
        if let entry = keys["boolean"] {
            pipeline.values.booleans = try extended(pipeline.values.booleans, entry.value, "values.boolean", allowed: ["true", "false"]) {
                $0 == "true"
            }
        }
        if let entry = keys["automated"] {
            pipeline.values.automation = try extended(pipeline.values.automation, entry.value, "values.automated", allowed: ["true", "false"]) {
                $0 == "true"
            }
        }
        if let entry = keys["outcome"] {
            let lists = try mapping(entry.value, "values.outcome", allowed: Outcome.allCases.map(\.rawValue) + ["as_decided", "replace"])
            if let asDecided = lists["as_decided"] {
                pipeline.values.outcomesAsDecided = try stringList(asDecided.value, "values.outcome.as_decided")
            }
            pipeline.values.outcomes = try extended(pipeline.values.outcomes, entry.value, "values.outcome",
                                                    allowed: Outcome.allCases.map(\.rawValue) + ["as_decided"], skipping: ["as_decided"]) {
                Outcome(rawValue: $0)!
            }
        }
        if let entry = keys["decision_type"] {
            pipeline.values.decisionTypes = try extended(pipeline.values.decisionTypes, entry.value, "values.decision_type",
                                                         allowed: DecisionType.allCases.map(\.rawValue)) { DecisionType(rawValue: $0)! }
        }
        if let entry = keys["review_result"] {
            pipeline.values.reviewResults = try extended(pipeline.values.reviewResults, entry.value, "values.review_result",
                                                         allowed: ReviewResult.allCases.map(\.rawValue)) { ReviewResult(rawValue: $0)! }
        }
        if let entry = keys["appeal_result"] {
            pipeline.values.appealResults = try extended(pipeline.values.appealResults, entry.value, "values.appeal_result",
                                                         allowed: ReviewResult.allCases.map(\.rawValue)) { ReviewResult(rawValue: $0)! }
        }
        if let entry = keys["appeal_reviewer"] {
            pipeline.values.appealReviewers = try extended(pipeline.values.appealReviewers, entry.value, "values.appeal_reviewer",
                                                           allowed: AppealReviewer.allCases.map(\.rawValue)) { AppealReviewer(rawValue: $0)! }
        }
        if let entry = keys["unknown"] {
            let (replace, list) = try replaceableList(entry.value, "values.unknown")
            pipeline.values.unknown = replace ? list : list + pipeline.values.unknown
        }
        if let entry = keys["attributes"] {
            let attributes = try mapping(entry.value, "values.attributes", allowed: nil)
            for (name, groups) in attributes.ordered {
                let builtin = pipeline.values.attributeValues[name] ?? []
                pipeline.values.attributeValues[name] = try extended(builtin, groups.value, "values.attributes.\(name)", allowed: nil) { $0 }
            }
        }
    }

    private func readDerive(_ node: Node, into pipeline: inout Pipeline) throws(AuditError) {
        let keys = try mapping(node, "derive", allowed: ["outcome"])
        guard let outcome = keys["outcome"] else { throw error("derive needs an `outcome:` entry", at: node) }
        let rule = try mapping(outcome.value, "derive.outcome", allowed: ["adverse_if", "override", "from"])
        if let from = rule["from"] {
            guard try string(from.value, "derive.outcome.from") == "decision_type" else {
                throw error("derive.outcome.from can only be decision_type", at: from.value)
            }
            pipeline.outcomeFromDecisionType = true
        }
        guard let condition = rule["adverse_if"] else {
            if pipeline.outcomeFromDecisionType { return }
            throw error("derive.outcome needs `adverse_if`, e.g. `adverse_if: score >= 0.7`, or `from: decision_type`", at: outcome.value)
        }
        let text = try string(condition.value, "derive.outcome.adverse_if")
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 3, parts[0] == "score",
              let comparison = OutcomeDerivation.Comparison(rawValue: String(parts[1])),
              let threshold = Double(parts[2]), threshold.isFinite else {
            throw error("derive.outcome.adverse_if '\(text)' is not understood; write `score >= 0.7` (or >, <=, <)", at: condition.value)
        }
        var derivation = OutcomeDerivation(adverseWhen: comparison, threshold: threshold)
        if let override = rule["override"] { derivation.overrideRecorded = try bool(override.value, "derive.outcome.override") }
        pipeline.derive = derivation
    }

    private func readChecks(_ node: Node) throws(AuditError) -> CheckSettings {
        var settings = CheckSettings()
        let known = CheckRegistry.all.map(\.descriptor.id)
        let keys = try mapping(node, "checks", allowed: ["jurisdictions", "significant_types"] + known)
        if let entry = keys["jurisdictions"] {
            settings.jurisdictions = try stringList(entry.value, "checks.jurisdictions").map { $0.uppercased() }
        }
        if let entry = keys["significant_types"] {
            var types = Set<DecisionType>()
            for item in try sequence(entry.value, "checks.significant_types") {
                let text = try string(item, "checks.significant_types")
                guard let type = DecisionType(rawValue: text) else {
                    throw error("checks.significant_types: '\(text)' is not a decision type; use one of \(DecisionType.allCases.map(\.rawValue).joined(separator: ", "))", at: item)
                }
                types.insert(type)
            }
            settings.significantTypes = types
        }
        for id in known {
            guard let entry = keys[id] else { continue }
            var override = CheckSettings.Override()
            if case .scalar = entry.value {
                override.enabled = try bool(entry.value, "checks.\(id)")
            } else {
                let declared = CheckRegistry.entry(id)?.parameters ?? []
                let options = try mapping(entry.value, "checks.\(id)", allowed: ["enabled", "severity"] + declared.map(\.name))
                for parameter in declared {
                    guard let given = options[parameter.name] else { continue }
                    override.parameters[parameter.name] = try parameterValue(given.value, parameter, "checks.\(id).\(parameter.name)")
                }
                if let problem = CheckRegistry.validate(id, given: override.parameters) {
                    throw error("checks.\(id): \(problem)", at: entry.value)
                }
                if let enabled = options["enabled"] { override.enabled = try bool(enabled.value, "checks.\(id).enabled") }
                if let severity = options["severity"] {
                    let text = try string(severity.value, "checks.\(id).severity")
                    guard let level = Severity(rawValue: text) else {
                        throw error("checks.\(id).severity '\(text)' is not known; use error, warning or info", at: severity.value)
                    }
                    override.severity = level
                }
            }
            settings.overrides[id] = override
        }
        return settings
    }

    private func readBias(_ node: Node, attributes declared: [String]) throws(AuditError) -> BiasSettings {
        var bias = BiasSettings()
        let keys = try mapping(node, "bias", allowed: [
            "attributes", "intersections", "reference", "min_group_size", "exclusion_share", "impact_threshold",
            "alpha", "correction", "by", "sanction_ladder",
        ])
        if let entry = keys["attributes"] {
            bias.attributes = try stringList(entry.value, "bias.attributes")
            for name in bias.attributes where !declared.contains(name) {
                throw error("bias.attributes names '\(name)', which is not declared under `attributes:`", at: entry.value)
            }
        }
        if let entry = keys["intersections"] {
            for item in try sequence(entry.value, "bias.intersections") {
                let names = try stringList(item, "bias.intersections")
                guard names.count >= 2 else { throw error("an intersection names two or more attributes, e.g. [sex, ethnicity]", at: item) }
                for name in names where !declared.contains(name) {
                    throw error("bias.intersections names '\(name)', which is not declared under `attributes:`", at: item)
                }
                bias.intersections.append(names)
            }
        }
        if let entry = keys["by"] {
            bias.by = try stringList(entry.value, "bias.by")
            for name in bias.by where name != "month" && !declared.contains(name) {
                throw error("bias.by names '\(name)', which is neither `month` nor declared under `attributes:`", at: entry.value)
            }
        }
        if let entry = keys["reference"] {
            if case .scalar = entry.value {
                let text = try string(entry.value, "bias.reference")
                guard text == "highest" else {
                    throw error("bias.reference is `highest` or a mapping of attribute to group, e.g. {sex: male}", at: entry.value)
                }
            } else {
                var groups: [String: String] = [:]
                for (name, group) in try mapping(entry.value, "bias.reference", allowed: nil).ordered {
                    groups[name] = try string(group.value, "bias.reference.\(name)")
                }
                bias.reference = .groups(groups)
            }
        }
        if let entry = keys["min_group_size"] { bias.minGroupSize = try int(entry.value, "bias.min_group_size", in: PipelineLimits.groupSize) }
        if let entry = keys["exclusion_share"] { bias.exclusionShare = try fraction(entry.value, "bias.exclusion_share") }
        if let entry = keys["impact_threshold"] { bias.impactThreshold = try fraction(entry.value, "bias.impact_threshold") }
        if let entry = keys["alpha"] { bias.alpha = try fraction(entry.value, "bias.alpha") }
        if let entry = keys["correction"] {
            let text = try string(entry.value, "bias.correction")
            guard let correction = BiasSettings.Correction(rawValue: text) else {
                throw error("bias.correction '\(text)' is not known; use holm, bh (Benjamini–Hochberg) or none", at: entry.value)
            }
            bias.correction = correction
        }
        if let entry = keys["sanction_ladder"] {
            var ladder: [DecisionType] = []
            for text in try stringList(entry.value, "bias.sanction_ladder") {
                guard let type = DecisionType(rawValue: text) else {
                    throw error("bias.sanction_ladder: '\(text)' is not a decision type; list types lightest first, e.g. [discipline, suspension, demotion, dismissal], or [] for none", at: entry.value)
                }
                guard !ladder.contains(type) else {
                    throw error("bias.sanction_ladder names '\(text)' twice; each rung is one decision type", at: entry.value)
                }
                ladder.append(type)
            }
            bias.sanctionLadder = ladder
        }
        return bias
    }

    private func readReport(_ node: Node) throws(AuditError) -> ReportSettings {
        var report = ReportSettings()
        let keys = try mapping(node, "report", allowed: [
            "formats", "language", "subject_ids", "suppress_below", "pseudonym_key_file", "title", "layout",
        ])
        if let entry = keys["formats"] {
            var formats: [ReportFormat] = []
            for text in try stringList(entry.value, "report.formats") {
                guard let format = ReportFormat(rawValue: text) else {
                    throw error("report.formats: '\(text)' is not a format; use json, md or html (findings.csv and rejects.csv are always written)", at: entry.value)
                }
                formats.append(format)
            }
            report.formats = formats
        }
        if let entry = keys["language"] {
            let text = try string(entry.value, "report.language")
            guard let language = ReportLanguage(rawValue: text) else {
                throw error("report.language '\(text)' is not supported; use en or zh", at: entry.value)
            }
            report.language = language
        }
        if let entry = keys["subject_ids"] {
            let text = try string(entry.value, "report.subject_ids")
            guard let handling = SubjectIDHandling(rawValue: text) else {
                throw error("report.subject_ids '\(text)' is not known; use pseudonymize, keep or drop", at: entry.value)
            }
            report.subjectIDs = handling
        }
        if let entry = keys["suppress_below"] {
            report.suppressBelow = try int(entry.value, "report.suppress_below", in: 0...PipelineLimits.groupSize.upperBound)
        }
        if let entry = keys["pseudonym_key_file"] { report.pseudonymKeyFile = try string(entry.value, "report.pseudonym_key_file") }
        if let entry = keys["title"] { report.title = try string(entry.value, "report.title") }
        if let entry = keys["layout"] {
            let text = try string(entry.value, "report.layout")
            guard let layout = ReportLayout(rawValue: text) else {
                throw error("report.layout '\(text)' is not known; use standard or ll144", at: entry.value)
            }
            report.layout = layout
        }
        return report
    }

    /// A check parameter's value, of the kind it declares.
    private func parameterValue(_ node: Node, _ parameter: CheckParameter, _ what: String) throws(AuditError) -> ParameterValue {
        let value: ParameterValue
        switch parameter.kind {
        case .integer: value = .integer(try int(node, what, in: PipelineLimits.checkInteger))
        case .number:
            let range = PipelineLimits.checkNumber
            guard let number = Double(try string(node, what)), range.contains(number) else {
                throw error("\(what) must be a number from \(range.lowerBound) to \(range.upperBound)", at: node)
            }
            value = .number(number)
        case .text: value = .text(try string(node, what))
        case .list: value = .list(try stringList(node, what))
        case .vocabulary:
            // The pipeline's terms extend the defaults (a term named in both gains the synonyms);
            // `replace: true` drops the defaults.
            guard case .vocabulary(let defaults) = parameter.defaultValue else { preconditionFailure("\(what): a vocabulary's default is a vocabulary") }
            let given = try extended(defaults.map { ($0.name, $0.synonyms) }, node, what, allowed: nil) { $0 }
            var terms: [ParameterValue.Term] = []
            for (name, synonyms) in given {
                if let index = terms.firstIndex(where: { $0.name == name }) {
                    terms[index].synonyms += synonyms.filter { !terms[index].synonyms.contains($0) }
                } else {
                    terms.append(ParameterValue.Term(name, synonyms))
                }
            }
            guard terms.count <= 64 else { throw error("\(what) has \(terms.count) terms; at most 64 are supported", at: node) }
            value = .vocabulary(terms)
        case .boolean: value = .boolean(try bool(node, what))
        }
        if let problem = parameter.validate(value) { throw error("\(what): \(problem)", at: node) }
        return value
    }

    // MARK: typed access

    struct Entry {
        let key: Node
        let value: Node
    }

    struct Keys {
        var ordered: [(String, Entry)] = []
        subscript(key: String) -> Entry? { ordered.first { $0.0 == key }?.1 }
    }

    private func mapping(_ node: Node, _ what: String, allowed: [String]?) throws(AuditError) -> Keys {
        if case .scalar = node, node.null != nil { return Keys() }
        guard case .mapping(let mapping) = node else {
            throw error("\(what) must be a mapping of `key: value` lines", at: node)
        }
        var keys = Keys()
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else { throw error("keys in \(what) must be plain words", at: keyNode) }
            let key = scalar.string
            if let allowed, !allowed.contains(key) {
                var message = "unknown key '\(key)' in \(what)"
                if let close = closest(key, in: allowed) { message += "; did you mean '\(close)'?" }
                throw AuditError(.pipeline, message, file: file, line: keyNode.mark?.line, column: keyNode.mark?.column,
                                 hint: "allowed here: \(allowed.joined(separator: ", "))")
            }
            if keys[key] != nil { throw error("key '\(key)' appears twice in \(what)", at: keyNode) }
            keys.ordered.append((key, Entry(key: keyNode, value: value)))
        }
        return keys
    }

    private func sequence(_ node: Node, _ what: String) throws(AuditError) -> [Node] {
        guard case .sequence(let sequence) = node else { throw error("\(what) must be a list, e.g. [a, b]", at: node) }
        return Array(sequence)
    }

    private func string(_ node: Node, _ what: String) throws(AuditError) -> String {
        guard case .scalar(let scalar) = node else { throw error("\(what) must be a single value", at: node) }
        return scalar.string
    }

    /// A list of strings; a single scalar counts as a list of one.
    private func stringList(_ node: Node, _ what: String) throws(AuditError) -> [String] {
        if case .scalar(let scalar) = node { return [scalar.string] }
        var result: [String] = []
        for item in try sequence(node, what) { result.append(try string(item, what)) }
        return result
    }

    /// A vocabulary the pipeline extends: its lists first (they win where a spelling is in
    /// both), then the built-in ones; `replace: true` drops the built-ins.
    private func extended<Value: Equatable>(_ builtin: [(Value, [String])], _ node: Node, _ what: String, allowed: [String]?,
                                            skipping: Set<String> = [], _ value: (String) -> Value) throws(AuditError) -> [(Value, [String])] {
        let keys = try mapping(node, what, allowed: allowed.map { $0 + ["replace"] })
        let replace = try keys["replace"].map { entry throws(AuditError) in try bool(entry.value, "\(what).replace") } ?? false
        var lists: [(Value, [String])] = []
        for (key, entry) in keys.ordered where key != "replace" && !skipping.contains(key) {
            lists.append((value(key), try stringList(entry.value, "\(what).\(key)")))
        }
        return replace ? lists : lists + builtin
    }

    /// A list, or `{replace: true, values: [...]}` to replace what it would extend.
    private func replaceableList(_ node: Node, _ what: String) throws(AuditError) -> (replace: Bool, list: [String]) {
        guard case .mapping = node else { return (false, try stringList(node, what)) }
        let keys = try mapping(node, what, allowed: ["replace", "values"])
        let replace = try keys["replace"].map { entry throws(AuditError) in try bool(entry.value, "\(what).replace") } ?? false
        return (replace, try keys["values"].map { entry throws(AuditError) in try stringList(entry.value, "\(what).values") } ?? [])
    }

    /// `canonical: [spelling, …]` entries.
    private func canonicalLists(_ node: Node, _ what: String, allowed: [String]?) throws(AuditError) -> [(String, [String])] {
        try mapping(node, what, allowed: allowed).ordered.map { (key, entry) throws(AuditError) in
            (key, try stringList(entry.value, "\(what).\(key)"))
        }
    }

    private func int(_ node: Node, _ what: String) throws(AuditError) -> Int {
        guard let value = Int(try string(node, what)) else { throw error("\(what) must be a whole number", at: node) }
        return value
    }

    /// A whole number within `range`: every number a pipeline sets has bounds, so that no
    /// setting can overflow an allocation or a computation later.
    private func int(_ node: Node, _ what: String, in range: ClosedRange<Int>) throws(AuditError) -> Int {
        let text = try string(node, what)
        guard let value = Int(text), range.contains(value) else {
            throw error("\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound)", at: node)
        }
        return value
    }

    private func fraction(_ node: Node, _ what: String) throws(AuditError) -> Double {
        guard let value = Double(try string(node, what)), value >= 0, value <= 1 else {
            throw error("\(what) must be a number from 0 to 1", at: node)
        }
        return value
    }

    private func bool(_ node: Node, _ what: String) throws(AuditError) -> Bool {
        switch try string(node, what).lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("\(what) must be true or false", at: node)
        }
    }

    private func error(_ message: String, at node: Node) -> AuditError {
        AuditError(.pipeline, message, file: file, line: node.mark?.line, column: node.mark?.column)
    }

    /// A suggestion for a misspelt key: the allowed key at the smallest edit distance, if close.
    private func closest(_ key: String, in allowed: [String]) -> String? {
        let scored = allowed.map { ($0, editDistance(Array(key), Array($0))) }.min { $0.1 < $1.1 }
        guard let (candidate, distance) = scored, distance <= max(2, key.count / 3) else { return nil }
        return candidate
    }

    private func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
