/// Intersectional groups (`bias.intersections`, e.g. sex × ethnicity): each combination of
/// known attribute values is a group of its own; a decision with any component unknown is
/// unknown for the intersection. Labels (`female × han`) are made at the end from the
/// components' labels (`MeasureState.relabelIntersections`).
///
/// Codes are interned as combinations appear. With at most three components, each code
/// under 2²¹ − 1, the components' codes pack into one integer (`PackedCodeTable.pack`), so a
/// record costs a lookup in a `PackedCodeTable`; otherwise a dictionary lookup on the codes.
package struct Intersections {
    private struct Definition {
        /// Indexes into the pipeline's attributes.
        var components: [Int]
        var packed = PackedCodeTable()
        var unpacked: [[Int32]: Int32] = [:]
        /// Per intersection code, its components' codes: what a merge matches by.
        var members: [[Int32]] = []
    }

    private var definitions: [Definition]
    /// Group codes for the current record: the attributes' codes, then one per intersection.
    private var buffer: [Int32]

    var count: Int { definitions.count }

    package init(_ intersections: [[String]], attributes: [String]) {
        definitions = intersections.map { names in Definition(components: names.compactMap { attributes.firstIndex(of: $0) }) }
        buffer = Array(repeating: AttributeGroups.unknown, count: attributes.count + intersections.count)
    }

    /// The record's attribute codes followed by its intersection codes; valid until the next call.
    package mutating func codes(for groups: UnsafeBufferPointer<Int32>) -> [Int32] {
        for index in groups.indices { buffer[index] = groups[index] }
        for index in definitions.indices {
            buffer[groups.count + index] = code(of: index, groups)
        }
        return buffer
    }

    private mutating func code(of index: Int, _ groups: UnsafeBufferPointer<Int32>) -> Int32 {
        let components = definitions[index].components
        if components.contains(where: { groups[$0] == AttributeGroups.unknown }) { return AttributeGroups.unknown }
        let packed = PackedCodeTable.pack(components.lazy.map { groups[$0] })
        if let packed, let code = definitions[index].packed.value(for: packed) { return code }
        let members = components.map { groups[$0] }
        if packed == nil, let code = definitions[index].unpacked[members] { return code }
        let code = Int32(definitions[index].members.count)
        definitions[index].members.append(members)
        if let packed { definitions[index].packed.insert(packed, code) } else { definitions[index].unpacked[members] = code }
        return code
    }

    /// Per intersection: its components (indexes into the attributes) and, per code, their codes.
    var definitionsForState: [(components: [Int], members: [[Int32]])] {
        definitions.map { ($0.components, $0.members) }
    }
}
