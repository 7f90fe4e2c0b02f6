/// Intersectional groups (`bias.intersections`, e.g. sex × ethnicity): each combination of
/// known attribute values is a group of its own, labelled `female × han`; a decision with
/// any component unknown is unknown for the intersection.
///
/// Codes are interned as combinations appear, keyed by the component codes packed into
/// one integer, so a record costs a dictionary lookup on an Int, not a String.
struct Intersections {
    private struct Definition {
        var name: String
        /// Indexes into the pipeline's attributes.
        var components: [Int]
        var codes: [Int64: Int32] = [:]
        var labels: [String] = []
        /// Per intersection code, its components' codes: what a merge matches by.
        var members: [[Int32]] = []
    }

    private var definitions: [Definition]
    /// Group codes for the current record: the attributes' codes, then one per intersection.
    private var buffer: [Int32]

    var count: Int { definitions.count }

    init(_ intersections: [[String]], attributes: [String]) {
        definitions = intersections.map { names in
            Definition(name: names.joined(separator: " × "), components: names.compactMap { attributes.firstIndex(of: $0) })
        }
        buffer = Array(repeating: AttributeGroups.unknown, count: attributes.count + intersections.count)
    }

    /// The record's attribute codes followed by its intersection codes; valid until the next call.
    mutating func codes(for groups: UnsafeBufferPointer<Int32>, labels: [AttributeGroups]) -> [Int32] {
        for index in groups.indices { buffer[index] = groups[index] }
        for index in definitions.indices {
            var key: Int64 = 0
            var known = true
            for component in definitions[index].components {
                let code = groups[component]
                if code == AttributeGroups.unknown { known = false; break }
                // 21 bits a component: up to three components of two million values each.
                key = key << 21 | Int64(code & 0x1F_FFFF)
            }
            guard known else {
                buffer[groups.count + index] = AttributeGroups.unknown
                continue
            }
            if let code = definitions[index].codes[key] {
                buffer[groups.count + index] = code
            } else {
                let code = Int32(definitions[index].labels.count)
                definitions[index].codes[key] = code
                definitions[index].members.append(definitions[index].components.map { groups[$0] })
                definitions[index].labels.append(definitions[index].components.map { labels[$0].labels[Int(groups[$0])] }.joined(separator: " × "))
                buffer[groups.count + index] = code
            }
        }
        return buffer
    }

    /// Per intersection: its components (indexes into the attributes) and, per code, their codes.
    var definitionsForState: [(components: [Int], members: [[Int32]])] {
        definitions.map { ($0.components, $0.members) }
    }

    /// The intersections as groups for the report.
    var groups: [AttributeGroups] {
        definitions.map { AttributeGroups(name: $0.name, labels: $0.labels) }
    }
}
