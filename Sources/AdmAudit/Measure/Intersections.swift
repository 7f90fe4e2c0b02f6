/// Intersectional groups (`bias.intersections`, e.g. sex × ethnicity): each combination of
/// known attribute values is a group of its own; a decision with any component unknown is
/// unknown for the intersection. Labels (`female × han`) are made at the end from the
/// components' labels (`MeasureState.relabelIntersections`).
///
/// Codes are interned as combinations appear. With at most three components, each code
/// under 2²¹, the components' codes pack into one integer, so a record costs a lookup in a
/// `PackedCodeTable`; otherwise a dictionary lookup on the codes themselves.
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
        var key: Int64 = 0
        var packs = components.count <= 3
        for component in components {
            let code = groups[component]
            if code == AttributeGroups.unknown { return AttributeGroups.unknown }
            if code >= 1 << 21 { packs = false }
            key = key << 21 | Int64(code & 0x1F_FFFF)
        }
        if packs, let code = definitions[index].packed.value(for: UInt64(bitPattern: key)) { return code }
        let members = components.map { groups[$0] }
        if !packs, let code = definitions[index].unpacked[members] { return code }
        let code = Int32(definitions[index].members.count)
        definitions[index].members.append(members)
        if packs { definitions[index].packed.insert(UInt64(bitPattern: key), code) } else { definitions[index].unpacked[members] = code }
        return code
    }

    /// Per intersection: its components (indexes into the attributes) and, per code, their codes.
    var definitionsForState: [(components: [Int], members: [[Int32]])] {
        definitions.map { ($0.components, $0.members) }
    }
}
