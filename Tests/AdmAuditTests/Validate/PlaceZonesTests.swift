import Foundation
import XCTest

@testable import AdmAudit

/// Each row's time zone when an export's sites are in several zones (`input.time_zones_by_place`).
final class PlaceZonesTests: XCTestCase {

    private func zone(_ zones: PlaceZones, _ text: String) -> Int {
        Array(text.utf8).withUnsafeBytes { zones.zone(of: FieldBytes(bytes: $0, isMissing: false)) }
    }

    private func input(_ zone: String, _ places: [(String, String)]) -> InputSettings {
        var input = InputSettings()
        input.timeZone = zone
        input.timeZonesByPlace = places.map { (place: $0.0, zone: $0.1) }
        return input
    }

    func testZoneZeroIsThePipelinesThenEachOtherZoneOnce() {
        let zones = PlaceZones(input: input("UTC", [("Shanghai", "Asia/Shanghai"), ("Berlin", "Europe/Berlin"), ("北京", "Asia/Shanghai")]))
        XCTAssertEqual(zones.zones, ["UTC", "Asia/Shanghai", "Europe/Berlin"])
        XCTAssertFalse(zones.isEmpty)
        XCTAssertEqual(zone(zones, "Shanghai"), 1)
        XCTAssertEqual(zone(zones, "北京"), 1)
        XCTAssertEqual(zone(zones, "Berlin"), 2)
    }

    func testPlacesMatchAsValuesDo() {
        let zones = PlaceZones(input: input("UTC", [("Berlin", "Europe/Berlin")]))
        XCTAssertEqual(zone(zones, "BERLIN"), 1)
        XCTAssertEqual(zone(zones, "  berlin "), 1)
        XCTAssertEqual(zone(zones, "ＢＥＲＬＩＮ"), 1, "full-width")
        XCTAssertEqual(zone(zones, "Ber\u{200B}lin"), 1, "zero-width space")
    }

    func testPlacesNotListedAndBlankCellsUseTheDefault() {
        let zones = PlaceZones(input: input("Asia/Shanghai", [("Berlin", "Europe/Berlin")]))
        XCTAssertEqual(zone(zones, "Paris"), 0)
        XCTAssertEqual(zone(zones, "Berlin Office"), 0, "listed places are matched whole")
        XCTAssertEqual(zone(zones, ""), 0)
    }

    func testAPlaceInTheDefaultZoneIsZoneZero() {
        let zones = PlaceZones(input: input("Asia/Shanghai", [("深圳", "Asia/Shanghai"), ("Berlin", "Europe/Berlin")]))
        XCTAssertEqual(zones.zones, ["Asia/Shanghai", "Europe/Berlin"])
        XCTAssertEqual(zone(zones, "深圳"), 0)
        XCTAssertEqual(zone(zones, "Berlin"), 1)
    }

    func testNoPlacesIsOneZone() {
        let zones = PlaceZones(input: input("Europe/Berlin", []))
        XCTAssertTrue(zones.isEmpty)
        XCTAssertEqual(zones.zones, ["Europe/Berlin"])
        XCTAssertEqual(zone(zones, "Berlin"), 0)
    }

    func testThePlaceColumnIsTheJurisdictionElseTheSite() throws {
        let withSite = try PipelineLoader.parse("admaudit: 1\nattributes:\n  site: [Location]\n", file: "t.yaml")
        let siteOnly = ColumnMapping(headers: ["decision_id", "Location", "outcome"], pipeline: withSite)
        XCTAssertEqual(PlaceZones.placeColumn(siteOnly), 1)

        let both = ColumnMapping(headers: ["decision_id", "Location", "Country"], pipeline: withSite)
        XCTAssertEqual(PlaceZones.placeColumn(both), 2, "the jurisdiction column says where the decision was made")

        let neither = ColumnMapping(headers: ["decision_id", "outcome"], pipeline: try PipelineLoader.parse("admaudit: 1\n", file: "t.yaml"))
        XCTAssertNil(PlaceZones.placeColumn(neither))
    }

    func testRowsAreReadInTheirPlacesZone() throws {
        // 09:00 local in Shanghai (UTC+8) is 01:00Z; in Berlin in January (UTC+1) 08:00Z; elsewhere UTC.
        let csv = """
            decision_id,employee_id,decision_type,outcome,human_reviewed,decided_at,site
            D1,E1,dismissal,adverse,no,2025-01-13 09:00,Shanghai
            D2,E2,dismissal,adverse,no,2025-01-13 09:00,Berlin
            D3,E3,dismissal,adverse,no,2025-01-13 09:00,Lima

            """
        let yaml = TestSupport.exactPipeline(attributes: ["site: [site]"], sections: """
            input:
              time_zone: UTC
              time_zones_by_place:
                Shanghai: Asia/Shanghai
                Berlin: Europe/Berlin
            """)
        let (_, sink) = try TestSupport.audit(csv: csv, pipeline: yaml)
        let decided = Dictionary(sink.findings.filter { $0.checkID == "HR-01" }.map { ($0.decisionID, $0.decidedAt) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(decided["D1"], "2025-01-13T01:00:00Z")
        XCTAssertEqual(decided["D2"], "2025-01-13T08:00:00Z")
        XCTAssertEqual(decided["D3"], "2025-01-13T09:00:00Z")
    }

    /// The checks judge each record in its place's zone and under its own jurisdiction, as
    /// the rows switch back and forth (the runner keeps the last zone's context in place and
    /// sets each record's jurisdiction on it). DC-01 is judged for decisions in China only:
    /// 10:00Z is 18:00 in Shanghai (outside working hours), 02:00Z is 10:00 there (inside);
    /// Sunday 2025-01-26 is a working day in China (a make-up day); the US rows at 22:00Z
    /// are outside the check's scope. A stale zone, or a stale jurisdiction either way,
    /// changes the list.
    func testChecksJudgeEachRecordInItsOwnZoneAndJurisdiction() throws {
        let csv = """
            decision_id,employee_id,decision_type,outcome,notified_at,country
            D1,E1,dismissal,adverse,2025-01-13T10:00:00Z,CN
            D2,E2,dismissal,adverse,2025-01-13T22:00:00Z,US
            D3,E3,dismissal,adverse,2025-01-13T02:00:00Z,CN
            D4,E4,dismissal,adverse,2025-01-13T22:00:00Z,US
            D5,E5,dismissal,adverse,2025-01-26T02:00:00Z,CN
            D6,E6,dismissal,adverse,2025-01-13T10:00:00Z,CN

            """
        let yaml = TestSupport.exactPipeline(attributes: [], sections: """
            columns:
              jurisdiction: [country]
            input:
              time_zone: UTC
              time_zones_by_place:
                CN: Asia/Shanghai
            """)
        let (_, sink) = try TestSupport.audit(csv: csv, pipeline: yaml)
        XCTAssertEqual(sink.findings.filter { $0.checkID == "DC-01" }.map(\.decisionID), ["D1", "D6"])

        // NT-01 asks 10 business days of notice in New York City only: a stale US-NYC on
        // the NL and US rows would flag them.
        let notices = """
            decision_id,employee_id,decision_type,outcome,automated,ai_notice_at,decided_at,country
            N1,E1,hiring,adverse,yes,2026-09-07T10:00:00Z,2026-09-10T10:00:00Z,US-NYC
            N2,E2,hiring,adverse,yes,2026-09-07T10:00:00Z,2026-09-10T10:00:00Z,NL
            N3,E3,hiring,adverse,yes,2026-09-07T10:00:00Z,2026-09-10T10:00:00Z,US
            N4,E4,hiring,adverse,yes,2026-09-07T10:00:00Z,2026-09-10T10:00:00Z,US-NYC

            """
        let (_, noticeSink) = try TestSupport.audit(csv: notices, pipeline: TestSupport.exactPipeline(attributes: [], sections: """
            columns:
              jurisdiction: [country]
            """))
        XCTAssertEqual(noticeSink.findings.filter { $0.checkID == "NT-01" }.map(\.decisionID), ["N1", "N4"])
    }
}
