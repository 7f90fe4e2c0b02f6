import Foundation

/// The time zone of each row when an export's sites are in several zones
/// (`input.time_zones_by_place`): zone 0 is the pipeline's `time_zone`, then each other
/// zone once, in the order the pipeline names them.
///
/// A row's place is read from the `jurisdiction` column when the export has one, else
/// from the `site` attribute's column; a place not listed (or none) is zone 0.
package struct PlaceZones: Sendable {
    /// Places a pipeline may list (inference lists at most 200 of the values it reads).
    package static let placeLimit = 1000
    /// Zone identifiers by index; index 0 is the default.
    package let zones: [String]
    private var table = ByteKeyTable()

    package init(input: InputSettings) {
        var zones = [input.timeZone]
        for (place, zone) in input.timeZonesByPlace {
            let index = zones.firstIndex(of: zone) ?? { zones.append(zone); return zones.count - 1 }()
            table.insert(TextKey.make(place), value: Int32(index))
        }
        self.zones = zones
    }

    var isEmpty: Bool { zones.count == 1 }

    /// The zone index of the row whose place cell is `field`.
    func zone(of field: FieldBytes) -> Int {
        guard !isEmpty, let code = ValueMaps.code(in: table, for: field) else { return 0 }
        return Int(code)
    }

    /// The column that says where a row was decided: jurisdiction, else the site attribute.
    static func placeColumn(_ mapping: ColumnMapping) -> Int? {
        mapping.fields[.jurisdiction]?.column ?? mapping.attributes.first { $0.name == "site" }?.match?.column
    }
}
