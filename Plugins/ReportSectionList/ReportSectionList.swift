import Foundation
import PackagePlugin

/// Lists the report's sections at build time: each file `<Name>Section.swift` of the target's
/// `Report/Sections` folder is the section `<Name>Section`, listed as
/// `ReportDocument.declaredSections`. A new section is then its own file and its test, and
/// nothing else in Report/ (docs/architecture.md, "The report"). The list comes from the
/// file names, not from reading the declarations: a section file without its type does not
/// compile, so none can drop out silently (other files of the folder are helpers).
///
/// The list is written by `/bin/sh`, not by a tool of this package: a tool would be built with
/// the build's own flags, and the fuzzing build's `-sanitize=fuzzer` leaves an executable no
/// `main`.
@main
struct ReportSectionList: BuildToolPlugin {
    /// `sh -c SCRIPT sh OUTPUT NAME...`: one `Name.self,` line per section.
    static let script = #"""
        out="$1"; shift
        {
          echo '// Generated at build time by the ReportSectionList plugin (Plugins/ReportSectionList) from'
          echo '// the file names of Report/Sections: each <Name>Section.swift is the section <Name>Section.'
          echo 'extension ReportDocument {'
          echo '    static let declaredSections: [any ReportSectionBuilder.Type] = ['
          for name in "$@"; do echo "        $name.self,"; done
          echo '    ]'
          echo '}'
        } > "$out"
        """#

    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let sections = target.sourceFiles(withSuffix: "swift").map(\.url).filter { url in
            url.deletingLastPathComponent().lastPathComponent == "Sections"
                && url.deletingLastPathComponent().deletingLastPathComponent().lastPathComponent == "Report"
                && url.lastPathComponent.hasSuffix("Section.swift")
        }.sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "ReportSections.generated.swift")
        return [
            .buildCommand(
                displayName: "Listing the report's sections of \(target.name)",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", Self.script, "sh", output.path] + sections.map { $0.deletingPathExtension().lastPathComponent },
                inputFiles: sections,
                outputFiles: [output]
            ),
        ]
    }
}
