/// The result as the readable reports show it: every group under the name the export spelled
/// it with (`女` where the pipeline says `female`; `GroupNames`), the group of values beyond
/// the limit in the reader's words, in every table, chart, summary, list and warning, from
/// this one place. report.json is written from the result itself, with the labels.
extension AuditResult {
    func inReadersTerms(_ t: ReportText) -> AuditResult {
        var shown = self
        shown.wordOverflowGroups(t)
        return shown.groupsRenamed()
    }

    /// The groups under the pipeline's labels, but the group of values beyond the limit in
    /// the reader's words: the LL144 tables.
    func inLabels(_ t: ReportText) -> AuditResult {
        var shown = self
        shown.groupNames = groupNames.withoutSpellings
        shown.wordOverflowGroups(t)
        return shown.groupsRenamed()
    }

    private mutating func wordOverflowGroups(_ t: ReportText) {
        for diagnostic in diagnostics where diagnostic.code == .distinctValuesOverLimit {
            guard case .text(let attribute)? = diagnostic.values["attribute"], case .text(let label)? = diagnostic.values["group"],
                  case .count(let limit)? = diagnostic.values["limit"] else { continue }
            groupNames.show(label, in: attribute, as: t.overflowGroup(limit: limit))
        }
    }

    private func groupsRenamed() -> AuditResult {
        guard !groupNames.isEmpty else { return self }
        var shown = self
        shown.selection = selection.map(renamed)
        shown.processFairness = processFairness.map { CheckFairness(checkID: $0.checkID, strata: $0.strata.map(renamed)) }
        shown.appealOutcomes = appealOutcomes.map(renamed)
        shown.drift = drift.map { MonthlySelection(month: $0.month, strata: $0.strata.map(renamed)) }
        shown.byLevel = byLevel.map { level in
            var level = level
            level.level = groupNames.shown(level.level, in: level.column)
            level.strata = level.strata.map(renamed)
            return level
        }
        shown.diagnostics = diagnostics.map(renamed)
        shown.scores = scores.map { stratum in
            var stratum = stratum
            stratum.groups = stratum.groups.map { group in
                var group = group
                group.group = groupNames.shown(group.group, in: stratum.attribute)
                return group
            }
            return stratum
        }
        return shown
    }

    /// Spellings disguised as a group name the group as the export spells it (`男[U+0007] → 男`,
    /// not `→ male`); the warning of values beyond the limit names their group as the tables do.
    private func renamed(_ diagnostic: Diagnostic) -> Diagnostic {
        guard case .text(let attribute)? = diagnostic.values["attribute"] else { return diagnostic }
        var renamed = diagnostic
        switch diagnostic.code {
        case .disguisedSpellings:
            guard case .list(let labels)? = diagnostic.values["read_as_values"] else { return diagnostic }
            renamed.values["read_as_values"] = .list(labels.map { groupNames.shown($0, in: attribute) })
        case .distinctValuesOverLimit:
            guard case .text(let label)? = diagnostic.values["group"] else { return diagnostic }
            renamed.values["group"] = .text(groupNames.shown(label, in: attribute))
        case .groupsWrittenAlike:
            guard case .list(let labels)? = diagnostic.values["groups"] else { return diagnostic }
            renamed.values["groups"] = .list(labels.map { groupNames.shown($0, in: attribute) })
        default:
            return diagnostic
        }
        return renamed
    }

    private func renamed(_ stratum: SelectionStratum) -> SelectionStratum {
        var stratum = stratum
        stratum.referenceGroup = stratum.referenceGroup.map { groupNames.shown($0, in: stratum.attribute) }
        stratum.groups = stratum.groups.map { group in
            var group = group
            group.group = groupNames.shown(group.group, in: stratum.attribute)
            return group
        }
        return stratum
    }
}
