/// `init` of several exports read together (`init decisions.csv chat.csv login.csv`): one
/// pipeline for them all, from the pipelines inferred for each.
extension InferredPipeline {
    /// The first decision export's pipeline (or the first log's, when none is a decision
    /// export), with the first log's `activity:` section before `report:`. What one `input:`
    /// setting says for every export is reconciled over all of them: where the exports are
    /// written in different encodings or with different delimiters, or their headers are on
    /// different lines, each is detected; the jurisdictions and the zone are those the exports
    /// give evidence of (an export's default of every jurisdiction, or of UTC, widens nothing,
    /// and what the base export took from another is TODO), and so are the zones of their
    /// places; where the logs write dates otherwise than the decisions,
    /// `activity.date_order` says how, and where the logs disagree among themselves, a TODO.
    public static func combining(_ parts: [InferredPipeline]) -> InferredPipeline {
        guard parts.count > 1 else { return parts[0] }
        let logs = parts.filter { $0.activity != nil }
        let decisions = parts.filter { $0.activity == nil }
        let base = decisions.first ?? parts[0]
        let language = base.language
        var lines = base.yaml.components(separatedBy: "\n")
        var todos = base.todos
        let settings = parts.map { InputLines($0.yaml) }
        let said = { (text: (english: String, chinese: String)) in YAMLText.comment(language.text(text.english, text.chinese)) }

        for key in ["encoding", "delimiter", "header_line"] {
            let values = Set(settings.map { $0.value(key) ?? (key == "header_line" ? "auto" : "") })
            guard values.count > 1 else { continue }
            let line = "  \(key): auto   # " + said(("the exports differ in their \(key.replacingOccurrences(of: "_", with: " ")): each is detected",
                                                     "各导出文件的 \(key) 不同：逐个自动检测"))
            if let index = InputLines.index(of: key, in: lines) { lines[index] = line } else { lines.insert(line, at: InputLines.end(of: lines)) }
        }
        // Every export's places, and their law. An export that names no place, in no telling
        // language or zone (an English login log), says nothing of the law: its guess of
        // every jurisdiction does not widen what the other exports say.
        let telling = parts.indices.filter { !parts[$0].jurisdictionsGuessed }
        let jurisdictions = (telling.isEmpty ? Array(parts.indices) : telling).flatMap { settings[$0].list("jurisdictions") }
            .reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        if let index = lines.firstIndex(where: { $0.hasPrefix("  jurisdictions: ") }), jurisdictions != InputLines(base.yaml).list("jurisdictions") {
            let list = "[\(jurisdictions.joined(separator: ", "))]"
            if base.jurisdictionsGuessed, !telling.isEmpty, telling.count == 1 || Set(telling.map { settings[$0].list("jurisdictions") }).count == 1 {
                // The other exports agree: their evidence stands, still to check, since the base
                // export's own law is not known (its workers may be elsewhere).
                let why = ("as \(parts[telling[0]].inputName) says; \(base.inputName) names no place: check", "依据 \(parts[telling[0]].inputName)；\(base.inputName) 未写明地点：请核实")
                lines[index] = "  jurisdictions: \(list)   # TODO: " + said(why)
                todos.removeAll { $0.hasPrefix("jurisdictions: ") }
                todos.append("jurisdictions: \(list) — " + language.text(why.0, why.1))
            } else {
                lines[index] = "  jurisdictions: \(list)   # TODO: "
                    + said(("the jurisdictions of every export's places; keep only the employer's", "各导出文件中地点所属的全部法域；请只保留用人单位所在法域"))
                todos.removeAll { $0.hasPrefix("jurisdictions: ") }
                todos.append("jurisdictions: \(list)")
            }
        }
        // A zone guessed for lack of evidence gives way to the one other exports show, when they agree.
        let shown = Set(parts.indices.filter { !parts[$0].timeZoneGuessed }.compactMap { settings[$0].value("time_zone") })
        if base.timeZoneGuessed, shown.count == 1, let zone = shown.first, let index = InputLines.index(of: "time_zone", in: lines),
           let source = parts.first(where: { !$0.timeZoneGuessed }) {
            let why = ("as \(source.inputName) shows; \(base.inputName) shows none: check", "依据 \(source.inputName)；\(base.inputName) 未显示时区：请核实")
            lines[index] = "  time_zone: \(zone)   # TODO: " + said(why)
            todos.removeAll { $0.hasPrefix("time_zone: ") }
            todos.append("time_zone: \(zone) — " + language.text(why.0, why.1))
        } else if shown.count > 1, let index = InputLines.index(of: "time_zone", in: lines), let zone = settings[parts.firstIndex { $0.inputName == base.inputName } ?? 0].value("time_zone") {
            // Exports in different zones (a Chinese export, a log written in Berlin time): one is
            // the schedule's, and the other's workers would be judged in it.
            let others = parts.indices.filter { !parts[$0].timeZoneGuessed }
                .map { "\(parts[$0].inputName): \(settings[$0].value("time_zone") ?? "")" }.joined(separator: ", ")
            let why = ("the exports show different zones (\(others)): times written without a zone or offset are read in this one, and the schedule is judged in it; where the workers are elsewhere, give each place its zone under time_zones_by_place (a log with a site column), or audit the exports apart",
                       "各导出文件的时区不同（\(others)）：未写明时区或时差的时间按此时区读取，工作时间也按此时区判断；劳动者在别处的，请在 time_zones_by_place 下为各地点写明时区（日志须有地点列），或分别审计")
            lines[index] = "  time_zone: \(zone)   # TODO: " + said(why)
            todos.removeAll { $0.hasPrefix("time_zone: ") }
            todos.append("time_zone: \(zone) — " + language.text(why.0, why.1))
        }
        let zones = settings.flatMap(\.zonesByPlace).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        if !zones.isEmpty {
            if let index = lines.firstIndex(where: { $0.hasPrefix("  time_zones_by_place:") }) {
                var end = index + 1
                while end < lines.count, lines[end].hasPrefix("    ") { end += 1 }
                lines.replaceSubrange(index + 1..<end, with: zones)
            } else {
                let at = (InputLines.index(of: "time_zone", in: lines) ?? InputLines.end(of: lines) - 1) + 1
                lines.insert(contentsOf: ["  time_zones_by_place:   # " + said(("each export's places, in their zones", "各导出文件中的地点及其时区"))] + zones, at: at)
            }
        }
        if let section = logs.first?.activity {
            var block = section.yaml.components(separatedBy: "\n").dropLast().map { $0 }
            let orders = Set(logs.compactMap { InputLines($0.yaml).value("date_order") })
            if let order = orders.first, orders.count == 1, order != InputLines(base.yaml).value("date_order") {
                block.insert("  date_order: \(order)   # " + said(("the logs write dates so, the decisions otherwise", "活动日志的日期按此顺序书写，与决定数据不同")), at: 1)
            } else if orders.count > 1 {
                let todo = language.text("the logs write dates in different orders (\(orders.sorted().joined(separator: ", "))): one is read for all; audit them apart",
                                         "各活动日志的日期顺序不同（\(orders.sorted().joined(separator: "、"))）：全部按同一顺序读取；请分别审计")
                block.insert("  # TODO: " + YAMLText.comment(todo), at: 1)
                todos.append(todo)
            }
            if base.activity == nil {
                todos += section.todos
                // The log's section goes before `report:`, as a log's own pipeline has it.
                lines.insert(contentsOf: block, at: lines.firstIndex(of: "report:") ?? lines.endIndex)
            } else if orders.count > 1, let activity = lines.firstIndex(of: "activity:") {
                // Logs alone: the base is the first log's pipeline, which has the section already.
                lines.insert(block[1], at: activity + 1)
            }
        }
        let names = parts.map { Self.shellWord($0.inputName) }.joined(separator: " ")
        if let index = lines.firstIndex(where: { $0.hasPrefix("# ") && $0.contains("admaudit run -p") }) {
            lines[index] = "# " + said(("Rerun with: admaudit run -p THIS_FILE \(names)", "重新运行：admaudit run -p 本文件 \(names)"))
        }
        var combined = InferredPipeline(inputName: parts.map(\.inputName).joined(separator: " "), language: language,
                                        yaml: lines.joined(separator: "\n"), todos: todos,
                                        mappedColumns: parts.map(\.mappedColumns).reduce(0, +), columns: parts.map(\.columns).reduce(0, +),
                                        rowsSampled: parts.map(\.rowsSampled).reduce(0, +), rowsSkipped: parts.map(\.rowsSkipped).reduce(0, +))
        combined.activity = logs.first?.activity
        return combined
    }

    /// A file name as a shell reads it: quoted when it holds more than letters, digits and `._-/`.
    static func shellWord(_ name: String) -> String {
        let plain = name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-/".unicodeScalars.contains($0) }
        return plain && !name.isEmpty ? name : "'" + name.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// The settings an inferred pipeline's text gives under `input:` and `checks:`, read back from
/// the lines its writers write (`  key: value   # why`).
struct InputLines {
    private let lines: [String]

    init(_ yaml: String) { lines = yaml.components(separatedBy: "\n") }

    /// The value of `  key: value`, without its comment.
    func value(_ key: String) -> String? {
        guard let line = lines.first(where: { $0.hasPrefix("  \(key): ") }) else { return nil }
        let value = line.dropFirst(key.count + 4)
        return String(value.components(separatedBy: "   #").first ?? String(value)).trimmingCharacters(in: .whitespaces)
    }

    /// The items of `  key: [a, b]`.
    func list(_ key: String) -> [String] {
        guard let value = value(key), value.hasPrefix("["), value.hasSuffix("]") else { return [] }
        return value.dropFirst().dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The lines of `time_zones_by_place:`, as written.
    var zonesByPlace: [String] {
        guard let start = lines.firstIndex(where: { $0.hasPrefix("  time_zones_by_place:") }) else { return [] }
        return Array(lines[(start + 1)...].prefix { $0.hasPrefix("    ") })
    }

    static func index(of key: String, in lines: [String]) -> Int? { lines.firstIndex { $0.hasPrefix("  \(key): ") } }

    /// Just past the last line of `input:`.
    static func end(of lines: [String]) -> Int {
        guard let start = lines.firstIndex(of: "input:") else { return lines.endIndex }
        var end = start + 1
        while end < lines.count, lines[end].hasPrefix("  ") { end += 1 }
        return end
    }
}
