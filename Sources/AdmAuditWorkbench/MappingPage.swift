import AdmAudit

/// The mapping page: what `init` proposes for every column of an export (the field, the
/// evidence, ten sample values, the values no vocabulary knows with the meaning each most
/// resembles), each column's choice a select; the audit's date, language, time zone and
/// jurisdictions; and the counts `validate` gives for the pipeline these choices make
/// (rows accepted and rejected, with the reasons). One button runs the audit; one link
/// downloads the pipeline, for `admaudit run -p`.
struct MappingPage {
    let workbench: Workbench
    let form: MappingForm
    /// The page's language when asked for (`ui=`); else the pipeline's report language, so the
    /// page follows the report language chosen on it.
    let asked: ReportLanguage?

    /// The pipeline `init` infers from the export with the form's choices.
    static func inferred(workbench: Workbench, form: MappingForm) throws(WorkbenchError) -> InferredPipeline {
        let path = try workbench.folder.file(form.file)
        do {
            return try InferredPipeline.infer(path: path, inputName: form.file, choices: form.choices)
        } catch {
            throw .failed(error.description)
        }
    }

    func render() throws(WorkbenchError) -> String {
        let inferred = try Self.inferred(workbench: workbench, form: form)
        let pipeline: Pipeline
        do { pipeline = try inferred.pipeline(file: "pipeline.yaml") } catch { throw .failed(error.description) }
        let language = asked ?? pipeline.report.language
        var page = Page(language: language)
        page.add("<form id=\"mapping\" method=\"get\" action=\"/map\">\n")
        page.add("<input type=\"hidden\" name=\"file\" value=\"\(page.attribute(form.file))\">\n")
        if let asked { page.add("<input type=\"hidden\" name=\"ui\" value=\"\(asked.rawValue)\">\n") }
        page.add(try counts(pipeline: pipeline, page))
        page.add(settings(pipeline: pipeline, page))
        if inferred.proposals.isEmpty {
            page.add("<p>\(page.words("This is an activity log: its columns are as init proposed them (choosing them here comes later); the pipeline below is init's.", "这是活动日志：其列按 init 的推断映射（在此选择列将在以后提供）；下方配置即 init 的推断。"))</p>\n")
        } else {
            page.add(columns(inferred.proposals, page))
        }
        page.add("<p><button type=\"submit\">\(page.words("Check the counts", "核对计数"))</button>")
        page.add("<button type=\"submit\" formmethod=\"post\" formaction=\"/run\" id=\"run\">\(page.words("Run the audit", "运行审计"))</button>")
        page.add("<a href=\"\(page.link("/pipeline.yaml", form.fields))\" download=\"pipeline.yaml\">\(page.words("Download the pipeline (YAML)", "下载审计配置（YAML）"))</a></p>\n")
        page.add("</form>\n")
        if !inferred.todos.isEmpty {
            page.add("<h2>\(page.words("To check (TODO)", "待核查（TODO）"))</h2>\n<ul>\n" + inferred.todos.map { "<li>\(page.input($0))</li>\n" }.joined() + "</ul>\n")
        }
        return page.document(title: language.text("Mapping of ", "列映射：") + form.file, languageSwitch: form.fields, path: "/map")
    }

    /// Rows accepted and rejected with the reasons, by `validate` on the whole export.
    private func counts(pipeline: Pipeline, _ page: Page) throws(WorkbenchError) -> String {
        var pipeline = pipeline
        pipeline.report.subjectIDs = .drop
        pipeline.report.language = page.language
        let sink = CountingAuditSink()
        do {
            let path = try workbench.folder.file(form.file)
            let sources = try InputSources.open([path])
            defer { sources.remove() }
            var run = AuditRun(pipeline: pipeline, pipelineFile: "pipeline.yaml", inputs: [form.file])
            run.sources = sources.paths
            run.keepsRunCheckObservations = false
            let result = try run.run(into: sink)
            let accepted = result.inputs.reduce(0) { $0 + $1.accepted }, rejected = result.inputs.reduce(0) { $0 + $1.rejected }
            // The whole account folded away unless rows that may be decisions were rejected (not a
            // totals row, say): then why is what to read first.
            let decisionsRejected = result.inputs.reduce(0) { $0 + $1.rejectedDecisions }
            return "<details class=\"counts\" id=\"counts\"\(decisionsRejected > 0 ? " open" : "")><summary><strong>"
                + page.words("\(accepted) rows accepted, \(rejected) rejected", "接受 \(accepted) 行，拒收 \(rejected) 行")
                + "</strong> " + page.words("(the account of every line, and the reasons)", "（各行的核对与拒收原因）") + "</summary>\n"
                + ValidateSummary.html(result, examples: sink.examples) + "</details>\n"
        } catch let error as WorkbenchError {
            throw error
        } catch let error as AuditError {
            return "<div class=\"counts alarm\" id=\"counts\"><p>\(page.input(error.description))</p></div>\n"
        } catch {
            return "<div class=\"counts alarm\" id=\"counts\"><p>\(page.input("\(error)"))</p></div>\n"
        }
    }

    /// What the page shows for a setting or a column, and whether it is a choice already: the
    /// form says so beside each (`MappingForm`), so a value the person left is not taken as chosen.
    private func shown(_ name: String, _ value: String, chosen: Bool) -> String {
        "<input type=\"hidden\" name=\"shown.\(name)\" value=\"\(HTMLText.escape(value))\">"
            + (chosen ? "<input type=\"hidden\" name=\"chosen\" value=\"\(name)\">" : "")
    }

    private func settings(pipeline: Pipeline, _ page: Page) -> String {
        var out = "<fieldset><legend>\(page.words("The audit", "审计设置"))</legend>\n"
        out += shown("audit_date", pipeline.auditDate ?? "", chosen: form.choices.auditDate != nil)
        out += shown("lang", pipeline.report.language.rawValue, chosen: form.choices.language != nil)
        out += shown("tz", pipeline.input.timeZone, chosen: form.choices.timeZone != nil)
        out += shown("jur", pipeline.checks.jurisdictions.joined(separator: ","), chosen: form.choices.jurisdictions != nil) + "\n"
        out += "<label>\(page.words("As-of date", "基准日")) <input type=\"date\" name=\"audit_date\" value=\"\(page.attribute(pipeline.auditDate ?? ""))\"></label>\n"
        out += "<label>\(page.words("Report language", "报告语言")) <select name=\"lang\">"
        for option in ReportLanguage.allCases {
            out += "<option value=\"\(option.rawValue)\"\(option == pipeline.report.language ? " selected" : "")>\(option == .zh ? "中文" : "English")</option>"
        }
        out += "</select></label>\n<label>\(page.words("Time zone", "时区")) <select name=\"tz\">"
        for zone in TimeZoneNames.offered(with: pipeline.input.timeZone) {
            out += "<option value=\"\(page.attribute(zone))\"\(zone == pipeline.input.timeZone ? " selected" : "")>\(page.attribute(zone))</option>"
        }
        out += "</select></label>\n<br>\(page.words("Jurisdictions:", "法域：")) "
        let chosen = Set(pipeline.checks.jurisdictions)
        for code in MappingForm.jurisdictionCodes + pipeline.checks.jurisdictions.filter({ !MappingForm.jurisdictionCodes.contains($0) && InferenceChoices.isJurisdictionCode($0) }) {
            out += "<label><input type=\"checkbox\" name=\"jur\" value=\"\(page.attribute(code))\"\(chosen.contains(code) ? " checked" : "")> \(page.attribute(code))</label> "
        }
        return out + "\n</fieldset>\n"
    }

    private func columns(_ proposals: [ColumnProposal], _ page: Page) -> String {
        var out = "<table id=\"columns\">\n<tr><th>\(page.words("Column", "列"))</th><th>\(page.words("Read as", "映射为"))</th>"
            + "<th>\(page.words("Why", "依据"))</th><th>\(page.words("Sample values", "样例取值"))</th><th>\(page.words("Values no vocabulary knows", "词表外的取值"))</th></tr>\n"
        for proposal in proposals {
            out += "<tr\(proposal.uncertain ? " class=\"uncertain\"" : "")><td>\(page.input(proposal.header))</td><td>"
            out += shown("col.\(proposal.index)", proposal.choice?.rawValue ?? "-", chosen: form.choices.columns[proposal.index] != nil)
            out += "<select name=\"col.\(proposal.index)\" aria-label=\"\(page.attribute(proposal.header))\">"
            out += "<option value=\"-\"\(proposal.choice == nil ? " selected" : "")>\(page.words("not used", "不使用"))</option>"
            for key in ColumnChoiceKey.all {
                out += "<option value=\"\(key.rawValue)\"\(key == proposal.choice ? " selected" : "")>\(page.attribute(key.label(page.language)))</option>"
            }
            out += "</select></td><td class=\"evidence\">\(page.input(proposal.evidence))</td>"
            out += "<td class=\"samples\">" + proposal.samples.map { page.input($0) }.joined(separator: " · ") + "</td><td class=\"unknown\">"
            out += proposal.unknownValues.map { value in valueChoice(value, field: proposal.valueField, page) }.joined(separator: "<br>\n")
            out += "</td></tr>\n"
        }
        return out + "</table>\n"
    }

    /// A value no vocabulary knows: its rows, and a select of the meanings it may be given, the
    /// one it most resembles marked as suggested; left at "not read", its rows are rejected.
    private func valueChoice(_ value: ColumnProposal.UnknownValue, field: CanonicalField?, _ page: Page) -> String {
        let shown = page.input(value.value) + " (\(value.rows)) "
        guard let field, case let meanings = InferenceChoices.canonicalValues(for: field), !meanings.isEmpty,
              value.value.utf8.count <= MappingForm.spellingLimit else { return shown }
        var out = shown + "<select name=\"\(MappingForm.valueName(field, value.value))\" aria-label=\"\(page.attribute(value.value))\">"
        out += "<option value=\"-\"\(value.chosen == nil ? " selected" : "")>\(page.words("not read: rows rejected", "不识别：相应行被拒收"))</option>"
        for meaning in meanings {
            let suggested = meaning == value.suggestion ? page.words(" (suggested)", "（建议）") : ""
            out += "<option value=\"\(meaning)\"\(meaning == value.chosen ? " selected" : "")>\(page.attribute(meaning))\(suggested)</option>"
        }
        return out + "</select>"
    }
}
