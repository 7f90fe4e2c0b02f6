import Foundation
import XCTest
@testable import AdmAudit

/// The report document, before any renderer: what is shown, decided once.
final class ReportDocumentTests: XCTestCase {
    /// Twelve decisions of one type: women 2 of 6 kept, men 5 of 5, one person of group
    /// "x" (suppressed below 3), with scores, by site and over two months.
    private func result(suppressBelow: Int = 3) throws -> AuditResult {
        var rows = ["decision_id,employee_id,decision_type,outcome,automated,sex,score,site,decided_at"]
        for index in 0..<6 { rows.append("F\(index),EF\(index),dismissal,\(index < 2 ? "favorable" : "adverse"),yes,female,\(index),A,2025-0\(1 + index % 2)-10") }
        for index in 0..<5 { rows.append("M\(index),EM\(index),dismissal,favorable,yes,male,\(index + 3),B,2025-0\(1 + index % 2)-11") }
        rows.append("X0,EX0,dismissal,adverse,yes,x,9,A,2025-01-12")
        let yaml = TestSupport.exactPipeline(attributes: ["sex: [sex]", "site: [site]"])
            .replacingOccurrences(of: "  suppress_below: 0\n", with: "  suppress_below: \(suppressBelow)\n")
            .replacingOccurrences(of: "bias:\n", with: "bias:\n  by: [site]\n")
        return try TestSupport.audit(csv: rows.joined(separator: "\n"), pipeline: yaml).0
    }

    func testTheSectionsComeInTheReadersOrder() throws {
        let ids = ReportDocument(try result()).sections.map(\.id)
        XCTAssertEqual(ids.first, "summary")
        XCTAssertEqual(Array(ids.suffix(3)), ["data-quality", "method", "limitations"])
        for id in ["checks", "groups", "drift", "by-level-1", "scores"] { XCTAssertTrue(ids.contains(id), "\(id) in \(ids)") }
        XCTAssertLessThan(ids.firstIndex(of: "groups")!, ids.firstIndex(of: "drift")!)
    }

    /// In every table of every section, the row of a suppressed group shows no number:
    /// every cell but its flag is withheld, whichever section made the table.
    func testNoTableShowsANumberOfASuppressedGroup() throws {
        let result = try result()
        let document = ReportDocument(result)
        var suppressedRows = 0
        for section in document.sections {
            for case .table(let table) in section.blocks {
                for row in table.rows where row.first?.plainText.hasPrefix("x") == true {
                    suppressedRows += 1
                    for cell in row.dropFirst() where !cell.isEmpty {
                        let text = cell.plainText
                        XCTAssertFalse(text.contains(where: \.isNumber), "\(section.id)/\(table.kind): \(row.map(\.plainText))")
                    }
                }
            }
        }
        XCTAssertGreaterThanOrEqual(suppressedRows, 3, "selection, scores and the by-level tables hold the group")
        // And the same run with nothing suppressed shows its numbers: the test can fail.
        let shown = ReportDocument(try self.result(suppressBelow: 0))
        let rows = shown.sections.flatMap { section in section.blocks.compactMap { block -> [[ReportInline]]? in
            if case .table(let table) = block { return table.rows } else { return nil }
        }.flatMap { $0 } }.filter { $0.first?.plainText.hasPrefix("x") == true }
        XCTAssertTrue(rows.contains { $0.dropFirst().contains { $0.plainText.contains(where: \.isNumber) } })
    }

    /// Both renderers write every section of the document, under the same heading.
    func testMarkdownAndHTMLWriteTheSameSections() throws {
        let result = try result()
        let document = ReportDocument(result)
        let markdown = MarkdownReport.render(result)
        let html = HTMLReport.render(result)
        for section in document.sections {
            XCTAssertTrue(markdown.contains("\n## \(section.heading.plainText)\n"), section.id)
            XCTAssertTrue(html.contains("<section id=\"\(section.id)\">\n<h2>\(HTMLText.escape(section.heading.plainText))</h2>"), section.id)
        }
        XCTAssertEqual(markdown.components(separatedBy: "\n## ").count - 1, document.sections.count)
        XCTAssertEqual(html.components(separatedBy: "<section id=").count - 1, document.sections.count)
    }
}
