import AdmAudit

/// An HTML page of the workbench, in one language. Every text from an export, a file name or
/// a pipeline goes through `input` (escaped and isolated, as in report.html); the workbench's
/// own words through `words` (escaped too: a translation is text, not markup). No inline
/// script or style: the page's stylesheet and its one small script are served from the binary
/// (`WorkbenchAssets`) under a policy that allows nothing else.
struct Page {
    let language: ReportLanguage
    var body = ""

    init(language: ReportLanguage) { self.language = language }

    func words(_ english: String, _ chinese: String) -> String { HTMLText.escape(language.text(english, chinese)) }
    func input(_ text: String) -> String { HTMLText.isolated(text) }
    func attribute(_ text: String) -> String { HTMLText.escape(text) }

    /// A link within the workbench, keeping the page's language unless the page linked to
    /// should follow its report's (`keepingLanguage: false`: an export's mapping, a case).
    func link(_ path: String, _ fields: [(String, String)] = [], keepingLanguage: Bool = true) -> String {
        let all = fields + (keepingLanguage ? [("ui", language.rawValue)] : [])
        guard !all.isEmpty else { return HTMLText.escape(path) }
        return HTMLText.escape(path + "?" + all.map { WorkbenchRequest.escaped($0.0) + "=" + WorkbenchRequest.escaped($0.1) }.joined(separator: "&"))
    }

    mutating func add(_ html: String) { body += html }

    /// The whole document. `refresh`: seconds after which the browser loads the page again
    /// (a run's progress, without script).
    func document(title: String, refresh: Int? = nil, languageSwitch: [(String, String)] = [], path: String = "/") -> String {
        let other: ReportLanguage = language == .zh ? .en : .zh
        let switchLink = Page(language: other).link(path, languageSwitch)
        var out = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        if let refresh { out += "<meta http-equiv=\"refresh\" content=\"\(refresh)\">\n" }
        out += "<title>\(HTMLText.escape(title)) · admaudit</title>\n"
        out += "<link rel=\"stylesheet\" href=\"/assets/workbench.css\">\n<script src=\"/assets/workbench.js\" defer></script>\n</head>\n<body>\n"
        out += "<header><a class=\"home\" href=\"\(link("/"))\">admaudit \(words("workbench", "工作台"))</a>"
        out += " <a class=\"lang\" href=\"\(switchLink)\">\(other == .zh ? "中文" : "English")</a></header>\n<main>\n"
        out += "<h1>\(HTMLText.escape(title))</h1>\n" + body + "</main>\n</body>\n</html>\n"
        return out
    }
}

/// The stylesheet and script, served from the binary: the page works offline, and with no
/// script at all (every change is a form; the script only submits the mapping form when a
/// choice changes, so the counts follow without a click).
enum WorkbenchAssets {
    static let stylesheet = """
    body { font: 15px/1.45 system-ui, "Noto Sans CJK SC", sans-serif; margin: 0; color: #1b1b1b; background: #fafafa; }
    header { background: #243b53; padding: .6em 1.2em; }
    header a { color: #fff; text-decoration: none; margin-right: 1.5em; }
    main { padding: 1em 1.5em; max-width: 78em; }
    table { border-collapse: collapse; margin: .5em 0 1em; }
    th, td { border: 1px solid #ccd; padding: .3em .5em; vertical-align: top; text-align: left; }
    th { background: #eef; }
    .samples { font-size: 90%; color: #444; max-width: 28em; }
    .evidence { font-size: 90%; color: #333; max-width: 26em; }
    .uncertain { background: #fff4d6; }
    .unknown { color: #8a1c1c; }
    .status-failed { color: #8a1c1c; }
    .counts { background: #fff; border: 1px solid #ccd; padding: .5em 1em; }
    .alarm { border-left: 4px solid #b00; padding-left: .8em; }
    iframe.report { width: 100%; height: 70vh; border: 1px solid #ccd; background: #fff; }
    button { font: inherit; padding: .35em 1em; margin-right: .6em; }
    fieldset { border: 1px solid #ccd; margin: 1em 0; }
    progress { width: 24em; }
    """

    static let script = """
    // Submits the mapping form when a choice changes, so the counts follow without a click.
    document.addEventListener("DOMContentLoaded", function () {
      var form = document.getElementById("mapping");
      if (!form) return;
      form.addEventListener("change", function () { form.submit(); });
    });
    """
}
