import Foundation

// Writes the list of the report's sections for the ReportSectionList build plugin: every type
// declared `: ReportSectionBuilder` in the files given, as Swift. Usage: ReportSectionListTool
// OUTPUT SECTION_FILE...
//
// A new section is then one file in Report/Sections (and its test): the report finds it here
// and places it by its own `place`.

let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: ReportSectionListTool OUTPUT SECTION_FILE...\n".utf8))
    exit(2)
}
var names: [String] = []
for path in arguments.dropFirst().sorted() {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        FileHandle.standardError.write(Data("ReportSectionListTool: cannot read \(path)\n".utf8))
        exit(1)
    }
    for match in text.matches(of: /(?m)^(?:\w+ )*(?:enum|struct) +(\w+) *:[^{\n]*\bReportSectionBuilder\b/) {
        names.append(String(match.1))
    }
}
let source = """
    // Generated at build time by the ReportSectionList plugin (Plugins/ReportSectionList) from
    // the files of Report/Sections: every ReportSectionBuilder declared there.
    extension ReportDocument {
        static let declaredSections: [any ReportSectionBuilder.Type] = [
    \(names.map { "        \($0).self," }.joined(separator: "\n"))
        ]
    }

    """
// Written only when it changes, so an unchanged list does not rebuild the module.
if (try? String(contentsOfFile: output, encoding: .utf8)) != source {
    do {
        try source.write(toFile: output, atomically: true, encoding: .utf8)
    } catch {
        FileHandle.standardError.write(Data("ReportSectionListTool: cannot write \(output): \(error)\n".utf8))
        exit(1)
    }
}
