import AdmAudit
import Foundation

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
        // The page sends every select and setting, with what it showed (`shown.NAME`) and which
        // were chosen before (`chosen=NAME`): a choice is what the person changed, now or
        // before. A field without `shown.` (a link, a test) is a choice as it stands.
        let chosenBefore = Set(request.all("chosen"))
        func isChoice(_ name: String, _ value: String) -> Bool {
            guard let shown = request.field("shown." + name) else { return true }
            return shown != value || chosenBefore.contains(name)
        }
        for (name, value) in request.fields where name.hasPrefix("col.") && isChoice(name, value) {
            guard let index = Int(name.dropFirst(4)), (0..<InputSettings().maxColumns).contains(index) else { throw .refused("no column \(name)") }
            if value == "-" { choices.columns[index] = .some(nil); continue }
            guard let key = ColumnChoiceKey(value) else { throw .refused("no field or attribute named \(value)") }
            if let other = choices.columns.first(where: { $0.value == key && $0.key != index })?.key {
                throw .refused("\(key.rawValue) is chosen for two columns (\(min(other, index) + 1) and \(max(other, index) + 1)): go back and choose one")
            }
            choices.columns[index] = key
        }
        if let text = request.field("audit_date"), !text.isEmpty, isChoice("audit_date", text) {
            guard let date = AsOfDate(text) else { throw .refused("the audit date \(text) is not YYYY-MM-DD") }
            choices.auditDate = date
        }
        if let text = request.field("lang"), !text.isEmpty, isChoice("lang", text) {
            guard let language = ReportLanguage(rawValue: text) else { throw .refused("no language \(text)") }
            choices.language = language
        }
        if let zone = request.field("tz"), !zone.isEmpty, isChoice("tz", zone) {
            guard TimeZoneNames.isKnown(zone) else { throw .refused("no time zone \(zone)") }
            choices.timeZone = zone
        }
        // `val.FIELD.HEX=MEANING`: a value no vocabulary knows (its UTF-8 bytes in hex, so that
        // no byte of it is lost to HTML's escaping), given a meaning ("-": none).
        for (name, meaning) in request.fields where name.hasPrefix("val.") && meaning != "-" {
            let rest = name.dropFirst(4)
            guard let dot = rest.firstIndex(of: "."), let field = CanonicalField(rawValue: String(rest[..<dot])),
                  InferenceChoices.canonicalValues(for: field).contains(meaning),
                  let spelling = MappingForm.spelling(hex: rest[rest.index(after: dot)...]) else { throw .refused("no meaning \(meaning) for \(name)") }
            guard !spelling.isEmpty, spelling.utf8.count <= MappingForm.spellingLimit,
                  choices.values.values.reduce(0, { $0 + $1.count }) < MappingForm.valuesLimit else {
                throw .refused("too many or too long values")
            }
            choices.values[field, default: [:]][spelling] = meaning
        }
        var codes: [String] = []
        for code in request.all("jur") where !code.isEmpty && !codes.contains(code) {
            guard InferenceChoices.isJurisdictionCode(code), codes.count < 64 else { throw .refused("no jurisdiction \(code)") }
            codes.append(code)
        }
        if !codes.isEmpty, isChoice("jur", codes.joined(separator: ",")) { choices.jurisdictions = codes }
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
            for (spelling, meaning) in meanings.sorted(by: { $0.key < $1.key }) { fields.append((MappingForm.valueName(field, spelling), meaning)) }
        }
        return fields
    }

    /// Values given a meaning in one form, at most (the page lists 20 a column).
    static let valuesLimit = 1000
    /// A longer value is shown without a select (a pipeline can still list it).
    static let spellingLimit = 256

    /// The form field of a value's meaning: `val.FIELD.` and the value's UTF-8 bytes in hex.
    static func valueName(_ field: CanonicalField, _ spelling: String) -> String {
        "val.\(field.rawValue)." + spelling.utf8.hexString
    }

    /// The value a `valueName` names: hex digits only, two a byte (as `hexString` writes
    /// them), of valid UTF-8; nil otherwise.
    static func spelling(hex: Substring) -> String? {
        let digits = hex.utf8.compactMap { Character(UnicodeScalar($0)).hexDigitValue }
        guard digits.count == hex.utf8.count, digits.count % 2 == 0, digits.count <= 2 * spellingLimit else { return nil }
        let bytes = stride(from: 0, to: digits.count, by: 2).map { UInt8(digits[$0] << 4 | digits[$0 + 1]) }
        return String(validating: bytes, as: UTF8.self)
    }

    /// The jurisdictions the page offers beside those the pipeline names.
    static let jurisdictionCodes = ["CN", "EU", "US", "US-NYC", "DE", "FR", "NL", "IE", "ES", "IT", "PL", "GB"]
}

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
