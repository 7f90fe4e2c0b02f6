/// How the reports show each group: as the export spelled it, where that differs from the
/// label the result carries (`女` for the pipeline's `female`, `F` for it in another export);
/// an intersection from its components' (`女 × 汉族`). The result, report.json and merges
/// keep the labels; only the readable reports use these names.
public struct GroupNames: Sendable, Equatable {
    /// Per attribute name, per label that is shown as the export spells it, what is shown.
    private var names: [String: [String: String]] = [:]
    /// Per attribute name, per label the reports word (`show`), the words: before `names`.
    private var worded: [String: [String: String]] = [:]
    /// Per attribute (not intersection), its labels: a group given a name must not read as another.
    private var labels: [String: [String]] = [:]
    /// Per intersection and label, the groups it is made of, so that it reads as they do.
    private var components: [String: [String: [Component]]] = [:]

    private struct Component: Sendable, Equatable {
        var attribute: String
        var label: String
    }

    public init() {}

    /// The group as the reports show it.
    public func shown(_ label: String, in attribute: String) -> String {
        if let parts = components[attribute]?[label] {
            // As `MeasureState.relabelIntersections` composes labels.
            return parts.map { part in
                let shown = shown(part.label, in: part.attribute)
                return shown.contains(" × ") ? "[\(shown)]" : shown
            }.joined(separator: " × ")
        }
        return worded[attribute]?[label] ?? names[attribute]?[label] ?? label
    }

    package var isEmpty: Bool { names.isEmpty && worded.isEmpty }

    /// The same groups with only the words of `show`, no spellings: the labels as the
    /// pipeline names them (the LL144 tables name the EEO categories so).
    package var withoutSpellings: GroupNames {
        var copy = self
        copy.names = [:]
        return copy
    }

    /// Shows a group of an attribute under `name` (a label the reports word, as the overflow
    /// group's), and every intersection holding it accordingly; unless another group of the
    /// attribute reads so already, as two groups must never read alike (compared as keys:
    /// a no-break space or an invisible character does not make two names differ).
    package mutating func show(_ label: String, in attribute: String, as name: String) {
        let key = TextKey.make(name)
        guard let all = labels[attribute], shown(label, in: attribute) != name,
              !all.contains(where: { $0 != label && TextKey.make(shown($0, in: attribute)) == key }) else { return }
        worded[attribute, default: [:]][label] = name
    }

    /// The names of a measure state: its first spellings, and its intersections' names
    /// composed from them.
    package init(_ state: MeasureState) {
        for attribute in 0..<state.plainAttributeCount {
            let labels = state.labels[attribute]
            let spellings = attribute < state.spelled.count ? state.spelled[attribute] : []
            var shown = labels.indices.map { code in (code < spellings.count ? spellings[code] : nil) ?? labels[code] }
            // Two groups must never read alike: where names collide (a group from the data
            // spelled as a named group is), those groups are shown by their labels.
            var uses: [String: Int] = [:]
            for name in shown { uses[name, default: 0] += 1 }
            for code in shown.indices where uses[shown[code]]! > 1 { shown[code] = labels[code] }
            let name = state.attributeNames[attribute]
            self.labels[name] = labels
            for (code, label) in labels.enumerated() where shown[code] != label { names[name, default: [:]][label] = shown[code] }
        }
        for (index, members) in state.intersectionComponents.enumerated() {
            let attribute = state.plainAttributeCount + index
            guard attribute < state.labels.count else { continue }
            var parts: [String: [Component]] = [:]
            for (code, label) in state.labels[attribute].enumerated() where code < state.intersectionMembers[index].count {
                parts[label] = zip(members, state.intersectionMembers[index][code]).map { component, member in
                    Component(attribute: state.attributeNames[component], label: state.labels[component][Int(member)])
                }
            }
            components[state.attributeNames[attribute]] = parts
        }
    }
}
