import CYaml

/// Refuses YAML anchors (`&name`) and aliases (`*name`) in a pipeline file, before the
/// file is composed into a tree.
///
/// Composing copies an alias's node wherever the alias stands: nine lines of nested
/// aliases ("a billion laughs") become a tree of a billion nodes, and an alias used as a
/// mapping key is hashed whole to find duplicate keys, which hangs the loader. A pipeline
/// has no need of either (it is short, and written by the inspector or `admaudit init`), so
/// rather than bound the expansion, anchors and aliases are not allowed at all. libyaml's
/// event stream reports them without expanding anything, so the scan is linear in the text.
///
/// Does not check anything else: YAML errors are left to the composer, which names them
/// with their position.
enum YAMLAnchorGuard {
    /// Where the first anchor or alias is, and which; nil when there is none, or when the
    /// text is not valid YAML up to one (the composer then reports the error).
    struct Finding: Equatable {
        var isAlias: Bool
        var name: String
        /// 1-based.
        var line: Int
        var column: Int
    }

    static func firstAnchorOrAlias(in text: String) -> Finding? {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> Finding? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                let mark = event.start_mark
                let anchor: UnsafeMutablePointer<yaml_char_t>?
                var isAlias = false
                switch event.type {
                case YAML_ALIAS_EVENT:
                    anchor = event.data.alias.anchor
                    isAlias = true
                case YAML_SCALAR_EVENT: anchor = event.data.scalar.anchor
                case YAML_SEQUENCE_START_EVENT: anchor = event.data.sequence_start.anchor
                case YAML_MAPPING_START_EVENT: anchor = event.data.mapping_start.anchor
                case YAML_STREAM_END_EVENT: return nil
                default: anchor = nil
                }
                if let anchor {
                    return Finding(isAlias: isAlias, name: String(cString: anchor), line: Int(mark.line) + 1, column: Int(mark.column) + 1)
                }
            }
            return nil
        }
    }
}
