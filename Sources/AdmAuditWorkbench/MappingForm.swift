import AdmAudit

/// The mapping page's form as fields, both ways: the choices it carries (`col.N`, `audit_date`,
/// `lang`, `tz`, `jur`) and the fields that carry a set of choices. The page keeps no state:
/// what the inspector chose travels in the form, so a page can be reloaded, bookmarked, and
/// the pipeline downloaded from the same fields.
struct MappingForm: Equatable {
    /// The export's name in the folder.
    var file: String
    /// A pipeline in the folder whose choices to start from.
    var pipeline: String?
    var choices: InferenceChoices

    init(file: String, pipeline: String? = nil, choices: InferenceChoices = InferenceChoices()) {
        self.file = file
        self.pipeline = pipeline
        self.choices = choices
    }

    /// Fields that name no known target, date or zone are refused, not guessed at.
    init(_ request: WorkbenchRequest) throws(WorkbenchError) {
        guard let file = request.field("file") else { throw .refused("no export named (file=)") }
        self.file = file
        pipeline = request.field("pipeline").flatMap { $0.isEmpty ? nil : $0 }
        choices = InferenceChoices()
        for (name, value) in request.fields where name.hasPrefix("col.") {
            guard let index = Int(name.dropFirst(4)), (0..<InputSettings().maxColumns).contains(index) else { throw .refused("no column \(name)") }
            if value == "-" { choices.columns[index] = .some(nil); continue }
            guard let key = ColumnChoiceKey(value) else { throw .refused("no field or attribute named \(value)") }
            choices.columns[index] = key
        }
        if let text = request.field("audit_date"), !text.isEmpty {
            guard let date = AsOfDate(text) else { throw .refused("the audit date \(text) is not YYYY-MM-DD") }
            choices.auditDate = date
        }
        if let text = request.field("lang"), !text.isEmpty {
            guard let language = ReportLanguage(rawValue: text) else { throw .refused("no language \(text)") }
            choices.language = language
        }
        if let zone = request.field("tz"), !zone.isEmpty {
            guard TimeZoneNames.isKnown(zone) else { throw .refused("no time zone \(zone)") }
            choices.timeZone = zone
        }
        // `val.FIELD.SPELLING=MEANING`: a value no vocabulary knows, given a meaning ("-": none).
        for (name, meaning) in request.fields where name.hasPrefix("val.") && meaning != "-" {
            let rest = name.dropFirst(4)
            guard let dot = rest.firstIndex(of: "."), let field = CanonicalField(rawValue: String(rest[..<dot])),
                  InferenceChoices.canonicalValues(for: field).contains(meaning) else { throw .refused("no meaning \(meaning) for \(name)") }
            let spelling = String(rest[rest.index(after: dot)...])
            guard !spelling.isEmpty, spelling.utf8.count <= 256, choices.values.values.reduce(0, { $0 + $1.count }) < MappingForm.valuesLimit else {
                throw .refused("too many or too long values")
            }
            choices.values[field, default: [:]][spelling] = meaning
        }
        let codes = request.all("jur").filter { !$0.isEmpty }
        if !codes.isEmpty {
            guard codes.allSatisfy(MappingForm.jurisdictionCodes.contains) else { throw .refused("unknown jurisdiction") }
            choices.jurisdictions = codes
        }
    }

    /// The fields that carry these choices (a link's query, a download's).
    var fields: [(String, String)] {
        var fields = [("file", file)]
        for (index, key) in choices.columns.sorted(by: { $0.key < $1.key }) { fields.append(("col.\(index)", key?.rawValue ?? "-")) }
        if let date = choices.auditDate { fields.append(("audit_date", date.description)) }
        if let language = choices.language { fields.append(("lang", language.rawValue)) }
        if let zone = choices.timeZone { fields.append(("tz", zone)) }
        for code in choices.jurisdictions ?? [] { fields.append(("jur", code)) }
        for (field, meanings) in choices.values.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            for (spelling, meaning) in meanings.sorted(by: { $0.key < $1.key }) { fields.append(("val.\(field.rawValue).\(spelling)", meaning)) }
        }
        return fields
    }

    /// Values given a meaning in one form, at most (the page lists 20 a column).
    static let valuesLimit = 1000

    /// The jurisdictions the page offers (those admaudit's checks name).
    static let jurisdictionCodes = ["CN", "EU", "US", "US-NYC", "DE", "FR", "NL", "IE", "ES", "IT", "PL", "GB"]
}

import Foundation

enum TimeZoneNames {
    static func isKnown(_ zone: String) -> Bool { zone.utf8.count <= 64 && TimeZone(identifier: zone) != nil }

    /// The zones offered in the page's select: the usual ones, and the one chosen.
    static func offered(with chosen: String) -> [String] {
        var zones = ["Asia/Shanghai", "Asia/Hong_Kong", "UTC", "Europe/Dublin", "Europe/London", "Europe/Berlin", "Europe/Paris",
                     "Europe/Amsterdam", "Europe/Madrid", "Europe/Rome", "Europe/Warsaw", "America/New_York", "America/Chicago",
                     "America/Los_Angeles"]
        if !zones.contains(chosen) { zones.insert(chosen, at: 0) }
        return zones
    }
}
