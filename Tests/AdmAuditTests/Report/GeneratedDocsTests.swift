import Foundation
import XCTest
@testable import AdmAudit

/// docs/checks.md, docs/checks.zh.md and docs/method.md are generated from the code
/// (`admaudit checks --format md [--lang zh]`, `admaudit method`) and must match it:
/// `ADMAUDIT_UPDATE_DOCS=1 swift test --filter GeneratedDocsTests` rewrites them.
final class GeneratedDocsTests: XCTestCase {
    static let documents: [(path: String, make: @Sendable () -> String)] = [
        ("docs/checks.md", { CheckCatalogue.markdown(language: .en) }),
        ("docs/checks.zh.md", { CheckCatalogue.markdown(language: .zh) }),
        ("docs/method.md", { MethodDocument.markdown() }),
    ]

    func testTheGeneratedDocumentsAreCurrent() throws {
        let updating = ProcessInfo.processInfo.environment["ADMAUDIT_UPDATE_DOCS"] == "1"
        for document in Self.documents {
            let url = TestSupport.packageRoot.appendingPathComponent(document.path)
            let expected = document.make()
            if updating {
                try expected.write(to: url, atomically: true, encoding: .utf8)
                continue
            }
            let actual = try String(contentsOf: url, encoding: .utf8)
            XCTAssertEqual(actual, expected, "\(document.path) is not what the code generates: run ADMAUDIT_UPDATE_DOCS=1 swift test --filter GeneratedDocsTests")
        }
    }

    /// Every check and every statistic is in them.
    func testTheyCoverEveryCheckAndStatistic() {
        let checks = CheckCatalogue.markdown(language: .en)
        for entry in CheckRegistry.all {
            XCTAssertTrue(checks.contains("\n## \(entry.descriptor.id)\n"), entry.descriptor.id)
            for parameter in entry.parameters { XCTAssertTrue(checks.contains("| `\(parameter.name)` |"), parameter.name) }
        }
        let method = MethodDocument.markdown()
        XCTAssertEqual(method.components(separatedBy: "\n### ").count - 1, MethodDocument.statistics.count)
        XCTAssertTrue(method.contains("Fisher exact test") && method.contains("Mann–Whitney U"))
    }
}
