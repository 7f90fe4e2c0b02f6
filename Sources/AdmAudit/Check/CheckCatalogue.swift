/// The check catalogue as text for `admaudit checks`: every check with its severity,
/// title, legal bases (instrument, article, jurisdiction, date from which it applies) and
/// parameters; with a pipeline, the settings that pipeline makes effective.
public enum CheckCatalogue {
    public static func text(language: ReportLanguage, pipeline: Pipeline? = nil) -> String {
        let zh = language == .zh
        var out = ""
        if let pipeline {
            out += zh ? "审计配置 \(pipeline.name) 的有效设置\n" : "Effective settings of pipeline \(pipeline.name)\n"
            out += (zh ? "  法域: " : "  jurisdictions: ") + pipeline.checks.jurisdictions.joined(separator: ", ") + "\n"
            out += (zh ? "  重大决策类型: " : "  significant types: ")
                + pipeline.checks.significantTypes.sorted().map(\.rawValue).joined(separator: ", ") + "\n\n"
        }
        for entry in CheckRegistry.all {
            var descriptor = entry.descriptor
            var values: [String: ParameterValue] = [:]
            var status = ""
            if let pipeline {
                let enabled = CheckRegistry.isEnabled(descriptor, pipeline.checks)
                values = pipeline.checks.overrides[descriptor.id]?.parameters ?? [:]
                descriptor = CheckRegistry.effective(descriptor, pipeline.checks)
                status = enabled ? (zh ? "  [启用]" : "  [on]") : (zh ? "  [停用]" : "  [off]")
            }
            let severity = descriptor.severity.rawValue
            out += "\(descriptor.id)  \(severity)\(String(repeating: " ", count: max(1, 8 - severity.count)))\(descriptor.title(language))\(status)\n"
            if entry.descriptor.legalBasis.isEmpty {
                out += zh ? "    法律依据: 无（数据质量）\n" : "    legal basis: none (data quality)\n"
            } else if descriptor.legalBasis.isEmpty {
                out += zh ? "    所选法域内无法律依据，不运行\n" : "    no legal basis in the selected jurisdictions: not run\n"
            }
            for citation in descriptor.legalBasis {
                let policy = citation.isPolicy ? (zh ? "，政策或解读而非法条" : ", policy or reading, not statute") : ""
                out += zh
                    ? "    依据: \(citation.chinese)（\(citation.jurisdiction)，自 \(citation.appliesFrom) 起\(policy)）\n"
                    : "    basis: \(citation.english) (\(citation.jurisdiction), from \(citation.appliesFrom)\(policy))\n"
            }
            if descriptor.notRecordedIsViolation {
                out += zh ? "    未记录即视为违规（举证责任在用人单位）\n" : "    not recorded counts as a violation (the burden is on the employer)\n"
            }
            if descriptor.usesAsOfDate {
                out += zh ? "    需要审计基准日（--as-of 或 audit_date）\n" : "    needs the as-of date (--as-of or audit_date)\n"
            }
            if let caveat = descriptor.caveat(language) {
                out += (zh ? "    说明: " : "    note: ") + caveat + "\n"
            }
            for parameter in entry.parameters {
                let value = values[parameter.name] ?? parameter.defaultValue
                let source = values[parameter.name] == nil ? (zh ? "默认" : "default") : (zh ? "配置" : "pipeline")
                let help = zh ? parameter.helpChinese : parameter.help
                out += "    \(parameter.name) = \(value) (\(source)): \(help)\n"
            }
        }
        return out
    }
}
