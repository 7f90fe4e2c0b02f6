/// How the reports show each group: as the export spelled it, where that differs from the
/// label the result carries (`女` for the pipeline's `female`, `F` for it in another export);
/// an intersection from its components' (`女 × 汉族`). The result, report.json and merges
/// keep the labels; only the readable reports use these names.
public struct GroupNames: Sendable, Equatable {
    /// Per attribute name, per label that is shown otherwise, what is shown.
    private var names: [String: [String: String]] = [:]

    public init() {}

    /// The group as the reports show it.
    public func shown(_ label: String, in attribute: String) -> String {
        names[attribute]?[label] ?? label
    }

    package var isEmpty: Bool { names.isEmpty }

    /// The names of a measure state: its first spellings, and its intersections' labels
    /// composed from them as `MeasureState.relabelIntersections` composes labels.
    package init(_ state: MeasureState) {
        var shownLabels: [[String]] = []
        for attribute in 0..<state.plainAttributeCount {
            let labels = state.labels[attribute]
            let spellings = attribute < state.spelled.count ? state.spelled[attribute] : []
            var shown = labels.indices.map { code in (code < spellings.count ? spellings[code] : nil) ?? labels[code] }
            // Two groups must never read alike: where names collide (a group from the data
            // spelled as a named group is), those groups are shown by their labels.
            var uses: [String: Int] = [:]
            for name in shown { uses[name, default: 0] += 1 }
            for code in shown.indices where uses[shown[code]]! > 1 { shown[code] = labels[code] }
            shownLabels.append(shown)
        }
        for (index, components) in state.intersectionComponents.enumerated() {
            shownLabels.append(state.intersectionMembers[index].map { codes in
                zip(components, codes).map { component, code in
                    let shown = shownLabels[component][Int(code)]
                    return shown.contains(" × ") ? "[\(shown)]" : shown
                }.joined(separator: " × ")
            })
        }
        for (attribute, labels) in state.labels.enumerated() where attribute < shownLabels.count {
            for (code, label) in labels.enumerated() where code < shownLabels[attribute].count && shownLabels[attribute][code] != label {
                names[state.attributeNames[attribute], default: [:]][label] = shownLabels[attribute][code]
            }
        }
    }
}
