import Foundation
import PackagePlugin

/// Lists the report's sections at build time: every `ReportSectionBuilder` of the target's
/// `Report/Sections` folder (ReportSectionListTool writes the list). A new section is then its
/// own file and its test, and nothing else in Report/ (docs/architecture.md, "The report").
@main
struct ReportSectionList: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let sections = target.sourceFiles(withSuffix: "swift").map(\.url).filter { url in
            url.deletingLastPathComponent().lastPathComponent == "Sections"
                && url.deletingLastPathComponent().deletingLastPathComponent().lastPathComponent == "Report"
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "ReportSections.generated.swift")
        return [
            .buildCommand(
                displayName: "Listing the report's sections of \(target.name)",
                executable: try context.tool(named: "ReportSectionListTool").url,
                arguments: [output.path] + sections.map(\.path),
                inputFiles: sections,
                outputFiles: [output]
            ),
        ]
    }
}
