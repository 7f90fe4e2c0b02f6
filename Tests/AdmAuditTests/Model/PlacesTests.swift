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

    func testAMarkInsideANameHidesNoPlace() {
        assertPlace("Dub\"lin", "IE", "Europe/Dublin")
        assertPlace("上\"海", "CN", "Asia/Shanghai")
        assertPlace("Ber·lin Office", "DE", "Europe/Berlin")
        assertPlace("“Munich”", "DE", "Europe/Berlin")
        XCTAssertNil(Places.place("Sales (DE)"), "a code inside a longer value stays a word")
        XCTAssertNil(Places.place("I.T."))
    }

    /// Spellings blind exports wrote, and words that must stay no place.
    func testMoreSpellingsAndNoYesNoCountry() {
        assertPlace("Hong Kong SAR China", "HK", "Asia/Hong_Kong")
        assertPlace("中国香港", "HK", "Asia/Hong_Kong")
        assertPlace("New York State", "US", "America/New_York")
        assertPlace("Warszawa", "PL", "Europe/Warsaw")
        assertPlace("Antwerpen DC", "BE", "Europe/Brussels")
        assertPlace("江苏溧阳", "CN", "Asia/Shanghai")
        assertPlace("四川宜宾基地", "CN", "Asia/Shanghai")
        assertPlace("首尔", "KR", "Asia/Seoul")
        assertPlace("Zürich", "CH", "Europe/Zurich")
        for text in ["no", "No", "yes", "Can't say", "we are", "my team", "Nice work"] { XCTAssertNil(Places.place(text), text) }
        // A Chinese road, shop or park named after a city abroad is no place abroad (a hostile
        // review: `香港中路店` took a Shanghai shop out of China's rules); the city itself is.
        for text in ["香港中路店", "新加坡工业园", "维也纳酒店", "东京路店", "澳门街"] { XCTAssertNil(Places.place(text), text) }
        assertPlace("香港中环", "HK", "Asia/Hong_Kong")
        assertPlace("九龙城", "HK", "Asia/Hong_Kong")
        assertPlace("东京", "JP", "Asia/Tokyo")
        assertPlace("上海南京路店", "CN", "Asia/Shanghai")
    }

    /// What the checks read as a decision's jurisdiction: beyond `place`, codes, US states and
    /// every country by name; nothing for a value that names none.
    func testJurisdictionCodes() {
        let cases: [(String, String?)] = [
            ("Dublin", "IE"), ("Brazil", "BR"), ("巴西", "BR"), ("墨西哥", "MX"), ("India", "IN"), ("Schweiz", "CH"), ("Pologne", "PL"),
            ("EU", "EU"), ("US-CA", "US-CA"), ("us-nyc", "US-NYC"), ("DE-BY", "DE-BY"), ("cn-sh", "CN-SH"), ("Texas", "US"),
            ("Georgia", "US"), ("Atlantis", nil), ("XX", nil), ("ZZ", nil), ("D u b l i n", nil), ("US-CALIFORNIA", nil), ("US-", "US"),
            ("Sales", nil), ("SZ", nil), ("SH", nil), ("SH-01", nil), ("NA", nil), ("Chad", nil), ("Jordan", nil), ("蒙古", nil),
            ("Jamaica", nil), (String(repeating: "Berlin ", count: 14), nil),
            ("=HYPERLINK(\"x\")", nil), ("deu", "DE"), ("BRA", "BR"), ("ind", "IN"), ("ARE", nil), ("Tschechien", "CZ"), ("Polska", "PL"), ("Frankreich", "FR"), ("ABC", nil),
        ]
        for (text, code) in cases { XCTAssertEqual(Places.jurisdictionCode(of: text), code, text) }
        XCTAssertTrue(CheckRunner.covers("EU", "DE-BY"), "EU law covers a member state's parts")
        XCTAssertFalse(CheckRunner.covers("EU", "CH"))
    }

    /// A value naming places of two jurisdictions apart is no place: read as the one named
    /// last, `Berlin / New York` took a Berlin decision out of the GDPR. Places of one
    /// jurisdiction, or one inside another, are still one place.
    func testPlacesOfTwoJurisdictionsApartAreNoPlace() {
        for (text, codes) in [("Berlin / New York", ["DE", "US-NYC"]), ("Dublin → NYC", ["IE", "US-NYC"]), ("Dublin -> NYC", ["IE", "US-NYC"]),
                              ("上海、纽约", ["CN", "US-NYC"]), ("Paris; London", ["FR", "GB"]), ("Madrid to Lisbon", ["ES", "PT"]),
                              ("Shenzhen | Hong Kong", ["CN", "HK"]), ("Berlin - New York", ["DE", "US-NYC"]),
                              // No separator a list is written with: every place name inside the value counts.
                              ("New York (Berlin)", ["US-NYC", "DE"]), ("Berlin or New York", ["DE", "US-NYC"]), ("New York: Berlin", ["US-NYC", "DE"]),
                              ("Berlin · New York", ["DE", "US-NYC"]), ("Berlin New York", ["DE", "US-NYC"]), ("Berlin\nNew York", ["DE", "US-NYC"]),
                              ("上海和纽约", ["CN", "US-NYC"]), ("上海纽约", ["CN", "US-NYC"]), ("上海——纽约", ["CN", "US-NYC"]),
                              ("从上海调往纽约", ["CN", "US-NYC"]), ("上海｜纽约", ["CN", "US-NYC"]), ("Paris (NYC office)", ["FR", "US-NYC"])] {
            XCTAssertEqual(Places.jurisdictionsApart(in: text), codes, text)
            XCTAssertNil(Places.jurisdictionCode(of: text), text)
        }
        for (text, code): (String, String?) in [("Hong Kong, China", "HK"), ("Amsterdam & Rotterdam", "NL"), ("Dublin, OH", "US"), ("Dublin, Ohio", "US"),
                             ("Paris, Texas", "US"), ("Berlin, New Hampshire", "US"), ("Bruxelles / Brussel", "BE"), ("Köln / Cologne", "DE"),
                             ("北京/海淀", "CN"), ("香港中路店", nil),
                             ("Shanghai / 上海", "CN"), ("Berlin, Germany", "DE")] {
            XCTAssertEqual(Places.jurisdictionsApart(in: text), [], text)
            XCTAssertEqual(Places.jurisdictionCode(of: text), code, text)
        }
    }
}
