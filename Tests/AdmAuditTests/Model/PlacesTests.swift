import Foundation
import XCTest

@testable import AdmAudit

/// Countries and cities as exports name them → jurisdiction code and time zone (`Places`).
final class PlacesTests: XCTestCase {

    private func assertPlace(_ text: String, _ jurisdiction: String, _ zone: String?, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(Places.place(text), Places.Place(jurisdiction: jurisdiction, timeZone: zone), text, file: file, line: line)
    }

    func testCountriesByNameAndCode() {
        assertPlace("China", "CN", "Asia/Shanghai")
        assertPlace("中国", "CN", "Asia/Shanghai")
        assertPlace("CN", "CN", "Asia/Shanghai")
        assertPlace("PRC", "CN", "Asia/Shanghai")
        assertPlace("Germany", "DE", "Europe/Berlin")
        assertPlace("Deutschland", "DE", "Europe/Berlin")
        assertPlace("DEU", "DE", "Europe/Berlin")
        assertPlace("France", "FR", "Europe/Paris")
        assertPlace("The Netherlands", "NL", "Europe/Amsterdam")
        assertPlace("United Kingdom", "GB", "Europe/London")
        assertPlace("UK", "GB", "Europe/London")
    }

    func testCountriesSpanningSeveralZonesHaveNoZone() {
        assertPlace("USA", "US", nil)
        assertPlace("United States", "US", nil)
        assertPlace("美国", "US", nil)
        assertPlace("Australia", "AU", nil)
    }

    func testCities() {
        assertPlace("深圳", "CN", "Asia/Shanghai")
        assertPlace("Shenzhen", "CN", "Asia/Shanghai")
        assertPlace("München", "DE", "Europe/Berlin")
        assertPlace("Paris", "FR", "Europe/Paris")
        assertPlace("Dublin", "IE", "Europe/Dublin")
        assertPlace("London", "GB", "Europe/London")
        assertPlace("Chicago", "US", "America/Chicago")
        assertPlace("San Francisco", "US", "America/Los_Angeles")
        assertPlace("Sydney", "AU", "Australia/Sydney")
        assertPlace("Perth", "AU", "Australia/Perth")
    }

    func testNewYorkCityIsItsOwnJurisdiction() {
        assertPlace("New York", "US-NYC", "America/New_York")
        assertPlace("NYC", "US-NYC", "America/New_York")
        assertPlace("Brooklyn", "US-NYC", "America/New_York")
        assertPlace("纽约", "US-NYC", "America/New_York")
        assertPlace("Boston", "US", "America/New_York")
        assertPlace("Long Island City, NY", "US-NYC", "America/New_York")
        assertPlace("Jamaica, NY", "US-NYC", "America/New_York")
        XCTAssertNotEqual(Places.jurisdiction(of: "Jamaica"), "US-NYC", "the country is not a neighbourhood")
        XCTAssertEqual(Places.jurisdiction(of: "Williamsburg, VA"), "US", "a state after the comma decides")
    }

    func testACityInsideALongerName() {
        assertPlace("深圳总部", "CN", "Asia/Shanghai")
        assertPlace("上海浦东仓", "CN", "Asia/Shanghai")
        assertPlace("Berlin Office", "DE", "Europe/Berlin")
        assertPlace("Warehouse - Rotterdam", "NL", "Europe/Amsterdam")
        assertPlace("Manhattan HQ", "US-NYC", "America/New_York")
    }

    func testAnAmericanCityByItsState() {
        assertPlace("MDW4 Joliet, IL", "US", "America/Chicago")
        assertPlace("Springfield, IL 62701", "US", "America/Chicago")
        assertPlace("Fresno, CA", "US", "America/Los_Angeles")
        assertPlace("Tempe, AZ", "US", "America/Phoenix")
        assertPlace("Anchorage, AK", "US", "America/Anchorage")
        XCTAssertNil(Places.place("Fresno, ZZ"), "not a state")
        XCTAssertNil(Places.place("Fresno CA"), "the state comes after a comma")
    }

    func testTwoLetterCodesOnlyExactly() {
        assertPlace("IT", "IT", "Europe/Rome")
        assertPlace("de", "DE", "Europe/Berlin")
        XCTAssertNil(Places.place("IT department"), "`it` inside a longer value is a word, not Italy")
        XCTAssertNil(Places.place("Sales (DE)"))
    }

    func testLookAlikeSpellings() {
        assertPlace("ＢＥＲＬＩＮ", "DE", "Europe/Berlin")
        assertPlace(" Ber\u{200B}lin ", "DE", "Europe/Berlin")
        assertPlace("\u{3000}上海\u{3000}", "CN", "Asia/Shanghai")
    }

    func testMainlandLawDoesNotCoverHongKongMacaoOrTaiwan() {
        for (text, code) in [("Hong Kong", "HK"), ("香港", "HK"), ("Macao", "MO"), ("澳门", "MO"), ("Taiwan", "TW"), ("台湾", "TW"), ("台北", "TW")] {
            XCTAssertEqual(Places.jurisdiction(of: text), code, text)
            XCTAssertFalse(CheckRunner.covers("CN", code), text)
        }
    }

    func testNotPlaces() {
        for text in ["", " ", "Sales", "Head office", "仓库", "N/A", "Warehouse 7", "dismissal"] {
            XCTAssertNil(Places.place(text), text)
        }
    }

    func testJurisdictionOf() {
        XCTAssertEqual(Places.jurisdiction(of: "Berlin"), "DE")
        XCTAssertEqual(Places.jurisdiction(of: "Queens"), "US-NYC")
        XCTAssertEqual(Places.jurisdiction(of: "杭州"), "CN")
        XCTAssertNil(Places.jurisdiction(of: "Atlantis"))
    }
}
