import Foundation

/// The export's language, time zone, date order, decimal separator and jurisdictions,
/// each from the evidence in the data, with that evidence.
///
/// Time zone, in order of strength: a zone named in a time column's header or a title line
/// (`处理时间(UTC+8)`, `北京时间`); the places of a site or country column (where the
/// decisions were made: times written in UTC are instants, not local time); the UTC offsets
/// written in the values (`+08:00`); Chinese headers (Asia/Shanghai, China's only zone); else
/// UTC, marked for checking. Jurisdictions: the places of a country or site column;
/// else China for a Chinese export; else the zone's; else all, marked for checking.
struct LocaleInference: Sendable {
    typealias Evidence = ColumnAssignment.Evidence

    struct Decision<Value: Sendable>: Sendable {
        var value: Value
        var evidence: Evidence
        /// Weak evidence: the pipeline marks it TODO.
        var uncertain: Bool = false
        /// No evidence at all: a default (UTC, every jurisdiction), which another export's
        /// evidence overrides when one pipeline reads several (`InferredPipeline.combining`).
        var isDefault: Bool = false
    }

    private(set) var language: Decision<ReportLanguage>
    private(set) var timeZone: Decision<String>
    let dateOrder: Decision<DateOrder>
    /// When dates are written with two-digit years: their century, always for checking.
    let twoDigitYears: Decision<TwoDigitYears>?
    let decimalSeparator: Decision<DecimalSeparator>
    private(set) var jurisdictions: Decision<[String]>
    /// Places read from the place column (jurisdiction, else site), with their rows, most first.
    let places: [(value: String, place: Places.Place, rows: Int)]
    /// When the places are in several zones: each place's zone (`input.time_zones_by_place`).
    let zonesByPlace: [(place: String, zone: String)]

    /// Takes a person's language, time zone and jurisdictions over the evidence's.
    mutating func follow(_ choices: InferenceChoices) {
        let chosen = Evidence(english: "chosen by the inspector", chinese: "由检查人员选定")
        if let language = choices.language { self.language = Decision(value: language, evidence: chosen) }
        if let zone = choices.timeZone, TimeZone(identifier: zone) != nil { timeZone = Decision(value: zone, evidence: chosen) }
        var seen = Set<String>()
        let codes = (choices.jurisdictions ?? []).filter { InferenceChoices.isJurisdictionCode($0) && seen.insert($0).inserted }
        if !codes.isEmpty { jurisdictions = Decision(value: codes, evidence: chosen) }
    }

    /// `timeColumns`: the columns whose times say the zone and date order, when not the
    /// assignment's timestamps (an activity log's start and end).
    init(sample: ExportSample, profiles: [ColumnProfile], assignment: ColumnAssignment, timeColumns given: [Int]? = nil) {
        let timeColumns = given.map { $0.map { profiles[$0] } } ?? assignment.choices.filter {
            if case .field(let field) = $0.target { return field.kind == .timestamp }
            return $0.target == .birthDate
        }.map { profiles[$0.column] }
        var places: [(value: String, place: Places.Place, rows: Int)] = []
        // Values of the place column naming no place a run can read, most rows first; and
        // the codes of places a run reads with no zone (`DE-BY`, `EU`, `Texas`).
        var unknownPlaces: [(value: String, rows: Int)] = []
        var placeCodes: [String] = []
        if let column = (assignment.target(.field(.jurisdiction)) ?? assignment.target(.site))?.column {
            var counts: [String: Int] = [:]
            var order: [String] = []
            for value in sample.columns[column] where !value.isEmpty {
                if counts[value] == nil { guard order.count < 200 else { continue }; order.append(value) }
                counts[value, default: 0] += 1
            }
            for value in order {
                if let place = Places.place(value) {
                    places.append((value, place, counts[value]!))
                } else if let code = Places.codeBeyondTable(value) {
                    if !placeCodes.contains(code) { placeCodes.append(code) }
                } else {
                    unknownPlaces.append((value, counts[value]!))
                }
            }
            places.sort { $0.rows > $1.rows }
            unknownPlaces.sort { ($0.rows, $1.value) > ($1.rows, $0.value) }
        }
        self.places = places
        let weighted = places.flatMap { Array(repeating: $0.place, count: $0.rows) }

        language = Self.language(sample: sample, profiles: profiles)
        // With no place named: a currency in the headers (`Amount (CNY)`, `金额（元）`) says where the
        // employer pays; a hukou column or China's ethnic groups (Han, Hui…) that the workers are in China.
        let currency = sample.headers.lazy.compactMap { header in Self.currencies.first { HeaderName(header).hints.contains($0.0) || HeaderName(header).contains($0.0) } }.first
        let chineseGroups = Set((BuiltinVocabulary.attributeValues["ethnicity"] ?? []).flatMap { [$0.0] + $0.1 }.map(TextKey.make))
        let ethnicity = assignment.target(.attribute("ethnicity")).map { profiles[$0.column] }
        let chineseEthnicity = ethnicity.map { profile in
            profile.common.filter { chineseGroups.contains(TextKey.make($0.value)) }.map(\.count).reduce(0, +) * 2 > profile.filled
        } ?? false
        let china: Evidence? = currency.map { Evidence(english: "amounts in \($0.0.uppercased()): an employer in China",
                                                       chinese: "金额以\($0.0.uppercased())计：用人单位在中国") }
            ?? (assignment.target(.attribute("hukou")) != nil ? Evidence(english: "a hukou column: workers in China", chinese: "有户籍列：劳动者在中国") : nil)
            ?? (chineseEthnicity ? Evidence(english: "China's ethnic groups (Han, Hui…): workers in China",
                                            chinese: "民族为中国的民族（汉族、回族等）：劳动者在中国") : nil)
        let named = Self.namedZone(sample: sample, timeColumns: timeColumns)
        timeZone = named ?? (weighted.isEmpty && china != nil
            ? Decision(value: "Asia/Shanghai", evidence: china!)
            : Self.timeZone(sample: sample, timeColumns: timeColumns, places: weighted, language: language.value))
        let zoned = places.filter { $0.place.timeZone != nil }
        zonesByPlace = Set(zoned.map { $0.place.timeZone! }).count > 1 ? zoned.map { ($0.value, $0.place.timeZone!) } : []
        dateOrder = Self.dateOrder(timeColumns: timeColumns, places: places.map(\.place))
        twoDigitYears = Self.twoDigitYears(timeColumns: timeColumns, birthDates: assignment.target(.birthDate)?.column)
        decimalSeparator = Self.decimalSeparator(profiles: profiles, assignment: assignment)
        let fromPlaces = places.isEmpty && china != nil
            ? Decision(value: ["CN"], evidence: china!)
            : Self.jurisdictions(places: places.map(\.place), language: language.value, zone: timeZone)
        jurisdictions = Self.widened(fromPlaces, placeCodes: placeCodes, unknownPlaces: unknownPlaces.map(\.value),
                                     chinese: language.value == .zh || china != nil)
    }

    /// The jurisdictions with those of places read by code (a subdivision's its country's),
    /// and, when some places name nothing a run can read (`Warszawa` before it was listed,
    /// `宁德基地`), those their decisions may be under: such a decision is judged under every
    /// jurisdiction the pipeline lists (DQ-04 names it), so one left out of the list would
    /// take its rules away unseen. CN for a Chinese export, else every jurisdiction; TODO.
    static func widened(_ named: Decision<[String]>, placeCodes: [String], unknownPlaces: [String], chinese: Bool) -> Decision<[String]> {
        var result = named
        for code in placeCodes {
            for selected in selection(for: code) where !result.value.contains(selected) { result.value.append(selected) }
        }
        guard !unknownPlaces.isEmpty, !named.isDefault else { return result }
        let possible = chinese ? ["CN"] : ["CN", "EU", "US-NYC"]
        let added = possible.filter { !result.value.contains($0) }
        guard !added.isEmpty else { return result }
        result.value += added
        let listed = unknownPlaces.prefix(5).map { "'\($0)'" }.joined(separator: ", ") + (unknownPlaces.count > 5 ? ", …" : "")
        result.evidence = result.evidence + Evidence(
            english: "and \(added.joined(separator: ", ")): places admaudit does not know (\(listed)) are judged under every jurisdiction listed; keep only those that apply to them",
            chinese: "另加 \(added.joined(separator: "、"))：admaudit 不认识的地点（\(listed)）按所列全部法域审查；请只保留适用于它们的法域")
        result.uncertain = true
        return result
    }

    private static func language(sample: ExportSample, profiles: [ColumnProfile]) -> Decision<ReportLanguage> {
        let chineseHeaders = sample.headers.filter { $0.unicodeScalars.contains(where: MeaningText.isCJK) }.count
        let filled = profiles.filter { !$0.isEmpty }
        let chineseValues = filled.isEmpty ? 0 : filled.map(\.cjkShare).reduce(0, +) / Double(filled.count)
        if chineseHeaders * 10 >= sample.headers.count * 3 {
            return Decision(value: .zh, evidence: Evidence(english: "\(chineseHeaders) of \(sample.headers.count) headers are in Chinese",
                                                           chinese: "\(sample.headers.count) 个列名中有 \(chineseHeaders) 个为中文"))
        }
        if chineseValues >= 0.3 {
            return Decision(value: .zh, evidence: Evidence(english: "the values are mostly Chinese", chinese: "取值多为中文"))
        }
        return Decision(value: .en, evidence: Evidence(english: "headers and values are not in Chinese", chinese: "列名和取值均非中文"))
    }

    /// Currencies as headers write them, with the country they point to.
    private static let currencies: [(String, String)] = [("cny", "China"), ("rmb", "China"), ("人民币", "China"), ("元", "China")]

    /// Zones named in headers or title lines.
    private static let zoneHints: [(String, String)] = [
        ("utc+8", "Asia/Shanghai"), ("utc+08", "Asia/Shanghai"), ("gmt+8", "Asia/Shanghai"), ("gmt+08", "Asia/Shanghai"),
        ("北京时间", "Asia/Shanghai"), ("beijing time", "Asia/Shanghai"), ("china standard time", "Asia/Shanghai"), ("东八区", "Asia/Shanghai"),
        ("+08:00", "Asia/Shanghai"), ("utc+08:00", "Asia/Shanghai"), ("gmt+08:00", "Asia/Shanghai"), ("utc+1", "Europe/Berlin"), ("cet", "Europe/Berlin"), ("cest", "Europe/Berlin"),
        ("eastern time", "America/New_York"), ("est", "America/New_York"), ("edt", "America/New_York"), ("et", "America/New_York"),
        ("utc", "UTC"), ("gmt", "UTC"), ("utc+0", "UTC"), ("z", "UTC"),
    ]

    /// Offsets seen together → the zone that has them.
    private static func zone(forOffsets offsets: Set<Int>) -> String? {
        switch offsets {
        case [480]: "Asia/Shanghai"
        case [540]: "Asia/Tokyo"
        case [330]: "Asia/Kolkata"
        case [60], [60, 120], [120]: "Europe/Berlin"
        case [0, 60]: "Europe/London"
        case [-300], [-300, -240], [-240]: "America/New_York"
        case [-360], [-360, -300]: "America/Chicago"
        case [-480], [-480, -420]: "America/Los_Angeles"
        case [600], [600, 660]: "Australia/Sydney"
        case [0]: "UTC"
        default: nil
        }
    }

    private static func timeZone(sample: ExportSample, timeColumns: [ColumnProfile], places: [Places.Place],
                                 language: ReportLanguage) -> Decision<String> {
        // 1. Named in a header or a title line.
        if let named = namedZone(sample: sample, timeColumns: timeColumns) { return named }
        let placeZones = places.compactMap(\.timeZone)
        // 2. The places of a site or country column: the local time of where decisions were made
        // (times written in UTC, `…Z`, are instants, not the workers' local time).
        let zones = Dictionary(grouping: placeZones, by: { $0 }).mapValues(\.count)
        if let (zone, count) = zones.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) {
            let several = zones.count > 1
            return Decision(value: zone, evidence: Evidence(
                english: several ? "most rows' places are in \(zone) (\(count) of \(placeZones.count)); the others' zones are listed by place"
                    : "the places in the site or country column are in \(zone)",
                chinese: several ? "多数行的地点位于 \(zone)（\(placeZones.count) 行中的 \(count) 行）；其余地点的时区按地点列出"
                    : "地点或国家列中的地点位于 \(zone)"))
        }
        // 3. Offsets written in the values, with no place named.
        var offsets: [Int: Int] = [:]
        for column in timeColumns { offsets.merge(column.timestamps.offsets, uniquingKeysWith: +) }
        if !offsets.isEmpty {
            let seen = Set(offsets.keys)
            let written = seen.sorted().map(Self.offsetText).joined(separator: ", ")
            let total = offsets.values.reduce(0, +)
            // A place whose zone has these offsets names the zone better than the offsets alone.
            if let zone = placeZones.first(where: { zone in Self.zone(forOffsets: seen).map { Self.sameRules($0, zone) } ?? false })
                ?? Self.zone(forOffsets: seen) {
                return Decision(value: zone, evidence: Evidence(english: "\(total) times carry the offset \(written)",
                                                                chinese: "\(total) 个时间带有时差 \(written)"))
            }
        }
        // 4. Chinese: China has one zone.
        if language == .zh {
            return Decision(value: "Asia/Shanghai", evidence: Evidence(english: "a Chinese export with no zone or offset written: China's time",
                                                                       chinese: "中文导出数据且未写明时区或时差：采用北京时间"))
        }
        return Decision(value: "UTC", evidence: Evidence(english: "no zone, offset or place in the export: check the employer's time zone",
                                                         chinese: "导出数据中无时区、时差或地点：请核实用人单位所在时区"), uncertain: true, isDefault: true)
    }

    /// A zone a time column's header or a title line names (`处理时间(UTC+8)`, `北京时间`).
    private static func namedZone(sample: ExportSample, timeColumns: [ColumnProfile]) -> Decision<String>? {
        let headerHints = timeColumns.flatMap { $0.header.hints } + timeColumns.map { MeaningText.normalize($0.header.raw) }
        for hint in headerHints + sample.linesAboveHeader.map({ MeaningText.normalize($0.text) }) {
            for (token, zone) in zoneHints where Self.mentions(hint, token) {
                return Decision(value: zone, evidence: Evidence(english: "'\(token)' in a header or title line",
                                                                chinese: "列名或标题行中写有“\(token)”"))
            }
        }
        return nil
    }

    /// A CJK token anywhere in the text; another as whole words (`est` is not in `request`;
    /// `beijing time` is in `decision time beijing time`).
    private static func mentions(_ text: String, _ token: String) -> Bool {
        if token.unicodeScalars.contains(where: MeaningText.isCJK) { return text.contains(token) }
        let words = text.split { !($0.isLetter || $0.isNumber || $0 == "+" || $0 == ":") }
        let wanted = token.split(separator: " ")
        guard !wanted.isEmpty, wanted.count <= words.count else { return false }
        return (0...(words.count - wanted.count)).contains { start in words[start..<(start + wanted.count)].elementsEqual(wanted) }
    }

    private static func sameRules(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let central: Set<String> = ["Europe/Berlin", "Europe/Paris", "Europe/Amsterdam", "Europe/Madrid", "Europe/Rome", "Europe/Brussels",
                                    "Europe/Vienna", "Europe/Stockholm", "Europe/Copenhagen", "Europe/Warsaw", "Europe/Prague",
                                    "Europe/Budapest", "Europe/Luxembourg", "Europe/Bratislava", "Europe/Ljubljana", "Europe/Zagreb",
                                    "Europe/Malta"]
        let western: Set<String> = ["Europe/London", "Europe/Dublin", "Europe/Lisbon"]
        return central.contains(a) && central.contains(b) || western.contains(a) && western.contains(b)
    }

    private static func offsetText(_ minutes: Int) -> String {
        let sign = minutes < 0 ? "-" : "+"
        let value = abs(minutes)
        let hours = value / 60, rest = value % 60
        return "\(sign)\(hours < 10 ? "0" : "")\(hours):\(rest < 10 ? "0" : "")\(rest)"
    }

    private static func dateOrder(timeColumns: [ColumnProfile], places: [Places.Place]) -> Decision<DateOrder> {
        for column in timeColumns {
            for hint in column.header.hints + [MeaningText.normalize(column.header.raw)] {
                let compact = hint.filter { $0.isLetter }
                if compact.hasPrefix("ddmm") || compact.contains("ddmmyy") {
                    return Decision(value: .dmy, evidence: Evidence(english: "'\(hint)' in the header '\(column.header.raw)'",
                                                                    chinese: "列名“\(column.header.raw)”中写有“\(hint)”"))
                }
                if compact.hasPrefix("mmdd") || compact.contains("mmddyy") {
                    return Decision(value: .mdy, evidence: Evidence(english: "'\(hint)' in the header '\(column.header.raw)'",
                                                                    chinese: "列名“\(column.header.raw)”中写有“\(hint)”"))
                }
            }
        }
        let dayFirst = timeColumns.map(\.timestamps.dayFirst).reduce(0, +)
        let monthFirst = timeColumns.map(\.timestamps.monthFirst).reduce(0, +)
        let yearLast = timeColumns.map(\.timestamps.yearLast).reduce(0, +)
        if yearLast == 0 {
            return Decision(value: .ymd, evidence: Evidence(english: "dates are written year first", chinese: "日期以年份开头"))
        }
        if dayFirst > 0 && monthFirst == 0 {
            return Decision(value: .dmy, evidence: Evidence(english: "\(dayFirst) dates have a first part above 12, so day first",
                                                            chinese: "\(dayFirst) 个日期的第一部分大于12，故为日在前"))
        }
        if monthFirst > 0 && dayFirst == 0 {
            return Decision(value: .mdy, evidence: Evidence(english: "\(monthFirst) dates have a second part above 12, so month first",
                                                            chinese: "\(monthFirst) 个日期的第二部分大于12，故为月在前"))
        }
        // Both seen, one order by far the more common (19 to 1): the few others are bad dates
        // (`13/45/2025`), which the run rejects and counts, not a reason to read every date the other way.
        if dayFirst > 0, monthFirst > 0, monthFirst >= 19 * dayFirst || dayFirst >= 19 * monthFirst {
            let (order, most, few) = monthFirst > dayFirst ? (DateOrder.mdy, monthFirst, dayFirst) : (.dmy, dayFirst, monthFirst)
            let (part, otherPart) = order == .mdy ? ("second", "first") : ("first", "second")
            let (chinesePart, chineseOther) = order == .mdy ? ("第二", "第一") : ("第一", "第二")
            return Decision(value: order, evidence: Evidence(
                english: "\(most) dates have a \(part) part above 12, so \(order == .mdy ? "month" : "day") first; \(few) have a \(otherPart) part above 12 and will be rejected: check them",
                chinese: "\(most) 个日期的\(chinesePart)部分大于12，故为\(order == .mdy ? "月" : "日")在前；另有 \(few) 个日期的\(chineseOther)部分大于12，将被拒收：请核实"),
                uncertain: true)
        }
        let american = places.contains { $0.jurisdiction.hasPrefix("US") }
        return Decision(value: american ? .mdy : .dmy, evidence: Evidence(
            english: dayFirst > 0 ? "dates disagree on day and month order: check them" : "no date shows whether day or month comes first; \(american ? "American places, so month first" : "day first assumed")",
            chinese: dayFirst > 0 ? "日期的日月顺序不一致：请核实" : "没有日期能表明日月顺序；\(american ? "地点在美国，故按月在前" : "假定日在前")"),
            uncertain: true)
    }

    /// Decisions are dated in this century (`10/23/25` is 2025); births, when no decision date is
    /// written so, in the last (`3/5/85` is 1985). A guess about what the employer meant, so a TODO.
    private static func twoDigitYears(timeColumns: [ColumnProfile], birthDates: Int?) -> Decision<TwoDigitYears>? {
        let written = timeColumns.filter { $0.timestamps.twoDigitYears > 0 }
        guard let first = written.first(where: { $0.index != birthDates }) ?? written.first else { return nil }
        let count = written.map(\.timestamps.twoDigitYears).reduce(0, +)
        let example = first.timestamps.twoDigitYearExample ?? ""
        let years: TwoDigitYears = first.index == birthDates ? .nineteenHundreds : .twoThousands
        return Decision(value: years, evidence: Evidence(
            english: "\(count) dates are written with a two-digit year (e.g. '\(example)' in '\(first.header.raw)'), read as \(years.rawValue): check it",
            chinese: "\(count) 个日期以两位数年份书写（如“\(first.header.raw)”中的“\(example)”），按 \(years.rawValue) 年读取：请核实"), uncertain: true)
    }

    private static func decimalSeparator(profiles: [ColumnProfile], assignment: ColumnAssignment) -> Decision<DecimalSeparator> {
        guard let score = assignment.target(.field(.score)).map({ profiles[$0.column] }), score.decimalComma else {
            return Decision(value: .point, evidence: Evidence(english: "decimals written with a point", chinese: "小数以小数点书写"))
        }
        return Decision(value: .comma, evidence: Evidence(english: "scores such as '\(score.common.first?.value ?? "")' use a decimal comma",
                                                          chinese: "“\(score.common.first?.value ?? "")”等分数以逗号作小数点"))
    }

    private static func jurisdictions(places: [Places.Place], language: ReportLanguage, zone: Decision<String>) -> Decision<[String]> {
        if !places.isEmpty {
            var selected: [String] = []
            for place in places {
                for code in Self.selection(for: place.jurisdiction) where !selected.contains(code) { selected.append(code) }
            }
            return Decision(value: selected, evidence: Evidence(english: "the places in the export (\(Set(places.map(\.jurisdiction)).sorted().joined(separator: ", ")))",
                                                                chinese: "导出数据中的地点（\(Set(places.map(\.jurisdiction)).sorted().joined(separator: "、"))）"))
        }
        if language == .zh || zone.value == "Asia/Shanghai" {
            return Decision(value: ["CN"], evidence: Evidence(english: "a Chinese export with no other place named: Chinese law",
                                                              chinese: "中文导出数据且未写明其他地点：适用中国法律"))
        }
        if zone.value.hasPrefix("Europe/"), !zone.uncertain, zone.value != "Europe/London" {
            return Decision(value: ["EU"], evidence: Evidence(english: "times are in \(zone.value)", chinese: "时间位于 \(zone.value)"),
                            uncertain: true)
        }
        return Decision(value: ["CN", "EU", "US-NYC"], evidence: Evidence(
            english: "no country or place named in the export: every jurisdiction; keep only the employer's",
            chinese: "导出数据中未写明国家或地点：列出全部法域；请只保留用人单位所在法域"), uncertain: true, isDefault: true)
    }

    /// The `checks.jurisdictions` entries that cover a record of `code`.
    static func selection(for code: String) -> [String] {
        switch code {
        case "CN": ["CN"]
        case "US-NYC": ["US-NYC", "US"]
        case "US": ["US"]
        case "AU": ["AU"]
        case "FR": ["EU", "FR"]
        case let member where CheckRunner.euMembers.contains(member): ["EU"]
        // A subdivision (`DE-BY`, `US-CA`) is covered as its country is.
        case let part where part.contains("-"): selection(for: String(part.prefix { $0 != "-" }))
        default: [code]
        }
    }
}
