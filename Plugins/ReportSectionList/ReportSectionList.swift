import Foundation
import PackagePlugin

/// Lists the report's sections at build time: every `ReportSectionBuilder` declared in the
/// target's `Report/Sections` folder, written as `ReportDocument.declaredSections`. A new
/// section is then its own file and its test, and nothing else in Report/
/// (docs/architecture.md, "The report").
///
/// The list is written by `/bin/sh` with `sed`, not by a tool of this package: a tool would be
/// built with the build's own flags, and the fuzzing build's `-sanitize=fuzzer` leaves an
/// executable no `main`.
@main
struct ReportSectionList: BuildToolPlugin {
    /// `sh -c SCRIPT sh OUTPUT FILE...`: one `Type.self,` line per section declared in the files.
    static let script = #"""
        out="$1"; shift
        {
          echo '// Generated at build time by the ReportSectionList plugin (Plugins/ReportSectionList) from'
          echo '// the files of Report/Sections: every ReportSectionBuilder declared there.'
          echo 'extension ReportDocument {'
          echo '    static let declaredSections: [any ReportSectionBuilder.Type] = ['
          for file in "$@"; do
            sed -n -E 's/^([a-z]+ )*(enum|struct) +([A-Za-z0-9_]+) *:[^{]*ReportSectionBuilder.*/        \3.self,/p' "$file"
          done
          echo '    ]'
          echo '}'
        } > "$out"
        """#

    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let sections = target.sourceFiles(withSuffix: "swift").map(\.url).filter { url in
            url.deletingLastPathComponent().lastPathComponent == "Sections"
                && url.deletingLastPathComponent().deletingLastPathComponent().lastPathComponent == "Report"
        }.sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "ReportSections.generated.swift")
        return [
            .buildCommand(
                displayName: "Listing the report's sections of \(target.name)",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", Self.script, "sh", output.path] + sections.map(\.path),
                inputFiles: sections,
                outputFiles: [output]
            ),
        ]
    }
}
