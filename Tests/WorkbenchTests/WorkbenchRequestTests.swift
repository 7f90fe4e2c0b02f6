import AdmAuditWorkbench
import XCTest

final class WorkbenchRequestTests: XCTestCase {
    func testFormFieldsAreDecoded() {
        let fields = WorkbenchRequest.formFields("file=%E5%AF%BC%E5%87%BA+1.csv&col.3=attribute.sex&jur=CN&jur=EU&empty=&bad=%zz%4&flag")
        XCTAssertEqual(fields.map(\.name), ["file", "col.3", "jur", "jur", "empty", "bad", "flag"])
        XCTAssertEqual(fields.map(\.value), ["导出 1.csv", "attribute.sex", "CN", "EU", "", "%zz%4", ""])
        let request = WorkbenchRequest(method: "GET", path: "/map", fields: fields)
        XCTAssertEqual(request.all("jur"), ["CN", "EU"])
        XCTAssertEqual(request.field("file"), "导出 1.csv")
    }

    func testEscapingRoundTrips() {
        for text in ["导出 1.csv", "a&b=c+d%", "<script>", "x/../y"] {
            let field = WorkbenchRequest.formFields(Substring("v=" + WorkbenchRequest.escaped(text)))
            XCTAssertEqual(field.first?.value, text)
        }
        XCTAssertEqual(WorkbenchRequest.escaped("a b&c"), "a%20b%26c")
    }
}
