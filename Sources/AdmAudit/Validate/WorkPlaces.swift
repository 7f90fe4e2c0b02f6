import Foundation

/// Where a worker works, as an activity log's `site` column names it: the zone its days and
/// hours are local to, and the law that judges them.
public struct WorkPlace: Sendable, Equatable {
    /// As the log writes it (trimmed, at most `WorkPlaceTable.longestName` characters); empty
    /// for the run's own place.
    public var name: String
    /// The place's jurisdiction (`CN`, `FR`), nil when the place is not one `Places` knows:
    /// then the run's jurisdictions judge it.
    public var jurisdiction: String?
    /// IANA zone: the pipeline's `input.time_zones_by_place` entry, else the place's own,
    /// else the pipeline's zone.
    public var timeZone: String
}

/// The places an activity log's `site` column names, each with an index the ledger keeps per
/// event. Index 0 is the run's own place (the pipeline's zone and jurisdictions): a log with no
/// site column, a blank cell, and every place past `limit` distinct ones (an export of endless
/// places costs no memory; their workers are judged as the run's).
package struct WorkPlaceTable: Sendable {
    package private(set) var places: [WorkPlace]
    private var table = ByteKeyTable()
    private let zonesByPlace: [String: String]
    private let defaultZone: String

    package static let limit = 1024
    static let longestName = 80

    package init(input: InputSettings) {
        defaultZone = input.timeZone
        places = [WorkPlace(name: "", jurisdiction: nil, timeZone: input.timeZone)]
        var zones: [String: String] = [:]
        for (place, zone) in input.timeZonesByPlace where zones[TextKey.make(place)] == nil { zones[TextKey.make(place)] = zone }
        zonesByPlace = zones
    }

    /// The place of a row whose site cell is `field` (0: none, or past the limit).
    package mutating func place(of field: FieldBytes) -> Int32 {
        if ValueMaps.isBlank(field) { return 0 }
        if let known = ValueMaps.code(in: table, for: field) { return known }
        guard places.count <= Self.limit else { return 0 }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: field.bytes[TextKey.trimmedRange(field.bytes)]), as: UTF8.self)
        let key = TextKey.make(text)
        let known = Places.place(text)
        let zone = zonesByPlace[key] ?? known?.timeZone ?? defaultZone
        let name = text.count > Self.longestName ? String(text.prefix(Self.longestName)) + "…" : text
        places.append(WorkPlace(name: name, jurisdiction: known?.jurisdiction, timeZone: zone))
        table.insert(key, value: Int32(places.count - 1))
        return Int32(places.count - 1)
    }
}
