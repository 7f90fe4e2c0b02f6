/// The matching rule for headers and values: exact after trimming and case-folding.
///
/// Trimming removes ASCII white space, no-break spaces, the ideographic space U+3000
/// (common in Chinese Excel cells) and a stray byte-order mark. Case-folding lowers
/// ASCII on the byte path and uses Unicode lower-casing on the String path, so
/// `Female`, ` female ` and `FEMALE` match and `女` matches itself.
extension String {
    /// Order by UTF-8 bytes: a total order on labels. String's own `<` holds canonically
    /// equivalent spellings (NFC `é`, NFD `e` + accent) equal, and the run keeps them
    /// apart, so ties among them would leave the output order to chance.
    package func precedesByBytes(_ other: String) -> Bool { utf8.lexicographicallyPrecedes(other.utf8) }

    /// Equal bytes, not merely canonically equivalent.
    package func hasSameBytes(as other: String) -> Bool { utf8.elementsEqual(other.utf8) }
}

public enum TextKey {
    /// The key for a String (pipeline synonyms, headers, labels): trimmed, compatibility
    /// forms folded (full-width `ｆｅｍａｌｅ` is `female`), invisible characters (zero-width
    /// spaces, soft hyphens, direction marks, controls) removed, lower case, Cyrillic and
    /// Greek look-alikes inside a Latin word read as Latin (`Fеmale`). Two spellings that
    /// read the same are one key.
    public static func make(_ text: String) -> String {
        var bytes = Array(text.utf8)
        let trimmed = trim(&bytes)
        let base = String(decoding: trimmed, as: UTF8.self)
        guard trimmed.contains(where: { $0 >= 0x80 || $0 < 0x20 || $0 == 0x7F }) else { return base.lowercased() }
        var visible = String.UnicodeScalarView()
        for scalar in base.precomposedStringWithCompatibilityMapping.unicodeScalars where !MeaningText.isInvisible(scalar) {
            visible.append(scalar)
        }
        // Removing invisible characters may uncover spaces at either end.
        var again = Array(String(visible).utf8)
        return MeaningText.foldingMixedScripts(String(decoding: trim(&again), as: UTF8.self).lowercased())
    }

    /// An id as a reader sees it: compatibility forms folded (NFKC), invisible characters
    /// dropped, surrounding spaces trimmed, and look-alike letters of another script read as
    /// Latin inside a word that mixes them with Latin letters (`DЕ12` with a Cyrillic `Е`);
    /// case kept, as ids may tell `a1` from `A1`. A word wholly in one script is left as it is:
    /// `Сёмин-3` and `Семин-3` are two ids. Two ids are one decision when these agree: an
    /// export cannot count one decision twice by writing its id with a zero-width space or a
    /// Cyrillic letter among Latin ones.
    package static func identity(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.precomposedStringWithCompatibilityMapping.unicodeScalars where !MeaningText.isInvisible(scalar) {
            scalars.append(scalar)
        }
        var bytes = Array(MeaningText.foldingMixedScripts(String(scalars)).utf8)
        return String(decoding: trim(&bytes), as: UTF8.self)
    }

    /// A worker's id as one reads it on a page: its `identity` (compatibility forms folded,
    /// invisible characters and narrow spaces dropped), then every hyphen or dash as `-` (`D‐1`
    /// with U+2010 is `D-1`) and every letter that looks like a Latin letter or a digit as that
    /// (`idLookAlikes`: `А01` with a Cyrillic `А` is `A01`, `Ꭺ01` with a Cherokee one too). Else
    /// an employer could split one worker into two whose weeks each stay under a limit. Letters
    /// that look like no Latin one stay, so ids in another script stay apart where they differ
    /// in such a letter: `Семин-3` and `Сёмин-3` are two (`ё` is not read as `e` here). Case is
    /// kept, as in `identity`.
    package static func skeleton(_ text: String) -> String {
        // Before NFKC: it would make narrow spaces spaces, and the lunate sigma `Ϲ` a `Σ`.
        var unfolded = text
        if text.unicodeScalars.contains(where: { Self.narrowSpaces.contains($0.value) || $0 == "Ϲ" || $0 == "ϲ" }) {
            unfolded = String(String.UnicodeScalarView(text.unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
                if Self.narrowSpaces.contains(scalar.value) { return nil }
                return scalar == "Ϲ" ? "C" : scalar == "ϲ" ? "c" : scalar
            }))
        }
        let identity = identity(unfolded)
        guard identity.unicodeScalars.contains(where: { !$0.isASCII }) else { return identity }
        var scalars = String.UnicodeScalarView()
        for scalar in identity.unicodeScalars {
            if isDash(scalar) {
                scalars.append("-")
            } else if let latin = idLookAlikes[scalar] {
                scalars.append(latin)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Spaces too narrow to see between the characters of an id.
    private static let narrowSpaces: Set<UInt32> = [0x2006, 0x2008, 0x2009, 0x200A, 0x202F, 0x205F]

    /// Letters of other scripts that look like a Latin letter or a digit, as an id is read
    /// (after NFKC, which has folded full-width and mathematical forms): Cyrillic, Greek,
    /// Armenian, Cherokee, Latin small capitals and IPA letters, after Unicode's confusables
    /// (UTS #39). Not `ё`, `ї`, `μ`, nor letters that would read as another letter of their own
    /// script (`ү` as `у`, `һ` as `н`, `ь` as `в`, `з` as `З`): letters of their own in names
    /// (`Сёмин` is not `Семин`, `Сүлейменов` not `Сулейменов`).
    private static let idLookAlikes: [Unicode.Scalar: Unicode.Scalar] = MeaningText.latinLookAlikes
        .filter { !lettersOfTheirOwn.contains($0.key) }
        .merging(idOnlyLookAlikes) { _, id in id }

    /// Letters the values' table reads as Latin that an id keeps: letters of their own in a name
    /// (`ё`, `ї`, `μ`), or ones that would read as another letter of their script (`һ` as `н`, `Ӏ` as `І`).
    private static let lettersOfTheirOwn: Set<Unicode.Scalar> = ["ё", "Ё", "ї", "Ї", "μ", "һ", "Ӏ"]

    /// Look-alikes beyond the values' table: digits, and scripts values never meet.
    private static let idOnlyLookAlikes: [Unicode.Scalar: Unicode.Scalar] = [
        // Cyrillic and Greek
        "З": "3", "б": "6", "Ϳ": "J", "ϳ": "j",
        // Armenian
        "Օ": "O", "օ": "o", "Ս": "U", "ս": "u", "Տ": "S", "ց": "g", "հ": "h", "ո": "n", "զ": "q",
        // Cherokee
        "Ꭺ": "A", "Ᏼ": "B", "Ꮯ": "C", "Ꭰ": "D", "Ꭼ": "E", "Ꮐ": "G", "Ꮋ": "H", "Ꭻ": "J", "Ꮶ": "K", "Ꮮ": "L", "Ꮇ": "M",
        "Ꮻ": "O", "Ꮲ": "P", "Ꮪ": "S", "Ꭲ": "T", "Ꮩ": "V", "Ꮃ": "W", "Ꮓ": "Z",
        // Latin small capitals and IPA letters
        "ᴀ": "A", "ʙ": "B", "ᴄ": "C", "ᴅ": "D", "ᴇ": "E", "ɢ": "G", "ʜ": "H", "ɪ": "I", "ᴊ": "J", "ᴋ": "K", "ʟ": "L", "ᴍ": "M",
        "ɴ": "N", "ᴏ": "O", "ᴘ": "P", "ʀ": "R", "ꜱ": "S", "ᴛ": "T", "ᴜ": "U", "ᴠ": "V", "ᴡ": "W", "ʏ": "Y", "ᴢ": "Z",
        "ɑ": "a", "ɡ": "g", "ı": "i", "ȷ": "j",
    ]

    /// The characters of an id that make it look like another (`hides`, a dash other than
    /// `-`, a narrow space, a letter `skeleton` reads as another), each once in order of first
    /// use, at most `limit`: what a warning names, in place of the id. Empty when the id reads
    /// as itself, or differs only in how Chinese and spreadsheet text is written (full-width digits).
    package static func lookAlikeCharacters(in text: String, limit: Int = 8) -> [Unicode.Scalar] {
        var bytes = Array(text.utf8)
        let plain = String(decoding: trim(&bytes), as: UTF8.self).precomposedStringWithCanonicalMapping
        guard skeleton(text) != plain else { return [] }
        var found: [Unicode.Scalar] = []
        for scalar in plain.unicodeScalars where (hides(scalar) || isDash(scalar) || idLookAlikes[scalar] != nil
                                                  || narrowSpaces.contains(scalar.value) || scalar == "Ϲ" || scalar == "ϲ") && !found.contains(scalar) {
            found.append(scalar)
            if found.count == limit { break }
        }
        return found
    }

    /// Hyphens, dashes and minus signs other than ASCII `-` (their compatibility forms are folded to these first).
    private static func isDash(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "-" { return false }
        if scalar.properties.generalCategory == .dashPunctuation { return true }
        switch scalar.value {
        case 0x2043, 0x2212, 0x02D7, 0x2796: return true
        default: return false
        }
    }

    /// The text is read as another only once invisible characters, look-alike letters of
    /// another script or compatibility forms are set aside: its key differs from the text
    /// as written, with case and surrounding spaces aside, and it holds such a character.
    /// Full-width digits and punctuation and no-break spaces are how Chinese and spreadsheet
    /// text is written, not a disguise: they are folded like the rest, never reported.
    /// `key`: `make(text)`, when known.
    package static func isDisguised(_ text: String, key: String? = nil) -> Bool {
        var bytes = Array(text.utf8)
        let plain = String(decoding: trim(&bytes), as: UTF8.self).precomposedStringWithCanonicalMapping.lowercased()
        return plain != (key ?? make(text)) && text.unicodeScalars.contains(where: hides)
    }

    /// The text with each character that hides what it is shown as its code
    /// (`F[U+0435]male`, `fe[U+200B]male`), so a reader sees what was hidden.
    package static func revealed(_ text: String) -> String {
        text.showingAsCode(where: hides)
    }

    /// A character that makes a spelling look like another: invisible, a Latin look-alike
    /// of another script, or a compatibility form other than the ordinary ones of CJK text
    /// (full-width digits and punctuation, the ideographic space, half-width katakana) and
    /// of spreadsheets (no-break spaces). Full-width Latin letters hide; full-width digits do not.
    private static func hides(_ scalar: Unicode.Scalar) -> Bool {
        if MeaningText.isInvisible(scalar) || MeaningText.isLatinLookAlike(scalar) { return true }
        switch scalar.value {
        case 0xFF21...0xFF3A, 0xFF41...0xFF5A: return true
        case 0x00A0, 0x2007, 0x202F, 0x3000, 0xFF01...0xFFEF: return false
        default:
            let single = String(scalar)
            return single.precomposedStringWithCompatibilityMapping != single.precomposedStringWithCanonicalMapping
        }
    }

    /// Trims a byte slice in place of copying: returns the range of `bytes` to use.
    @inline(__always)
    package static func trimmedRange(_ bytes: UnsafeRawBufferPointer) -> Range<Int> {
        var start = 0
        var end = bytes.count
        while start < end {
            let width = whitespaceWidth(bytes, at: start)
            if width == 0 { break }
            start += width
        }
        while end > start {
            let width = trailingWhitespaceWidth(bytes, endingAt: end)
            if width == 0 { break }
            end -= width
        }
        return start..<end
    }

    private static func trim(_ bytes: inout [UInt8]) -> ArraySlice<UInt8> {
        bytes.withUnsafeBytes { raw in
            let range = trimmedRange(raw)
            return bytes[range]
        }
    }

    @inline(__always)
    private static func whitespaceWidth(_ b: UnsafeRawBufferPointer, at i: Int) -> Int {
        let c = b[i]
        if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { return 1 }
        if c == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 { return 2 }
        if c == 0xE3, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0x80 { return 3 }
        if c == 0xEF, i + 2 < b.count, b[i + 1] == 0xBB, b[i + 2] == 0xBF { return 3 }
        return 0
    }

    @inline(__always)
    private static func trailingWhitespaceWidth(_ b: UnsafeRawBufferPointer, endingAt end: Int) -> Int {
        let c = b[end - 1]
        if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { return 1 }
        if end >= 2, b[end - 2] == 0xC2, c == 0xA0 { return 2 }
        if end >= 3, b[end - 3] == 0xE3, b[end - 2] == 0x80, c == 0x80 { return 3 }
        if end >= 3, b[end - 3] == 0xEF, b[end - 2] == 0xBB, c == 0xBF { return 3 }
        return 0
    }
}

/// A hash table from byte strings to small integers, looked up without making a String.
///
/// Keys are stored once in a byte arena; lookups hash and compare the field bytes in place,
/// eight at a time.
/// Used for value vocabularies (employer spelling → canonical code) and for interning
/// attribute values as group codes, which is what keeps the hot path free of per-field
/// allocation.
public struct ByteKeyTable: Sendable {
    private struct Entry: Sendable {
        var start: Int
        var length: Int
        var value: Int32
        var hash: UInt64
    }

    /// Keys, ASCII-folded, one after another, each padded with zeros to a whole number of
    /// eight-byte words (an empty key to one word).
    private var arena: [UInt8] = []
    private var entries: [Entry] = []
    /// Open-addressing slots holding entry index + 1 (0 = empty).
    private var slots: [Int32] = Array(repeating: 0, count: 16)

    public init() {}

    public var count: Int { entries.count }

    /// The value for `bytes`, after ASCII case-folding (keys are stored folded).
    ///
    /// Eight bytes at a time: the field's words are folded and hashed once, and compared with
    /// the stored key's words, which the arena pads with zeros to whole words. A key of at
    /// most 16 bytes (nearly every value an export repeats) keeps its two words in registers.
    public func lookup(folding bytes: UnsafeRawBufferPointer) -> Int32? {
        let count = bytes.count
        guard count <= 16, let base = bytes.baseAddress else { return lookupLong(bytes) }
        let first = Self.foldWord(Self.word(base, at: 0, count: count))
        let second = count > 8 ? Self.foldWord(Self.word(base, at: 8, count: count)) : 0
        var hash = Self.seed(count)
        if count > 0 { hash = Self.mix(hash, first) }
        if count > 8 { hash = Self.mix(hash, second) }
        return probe(hash: hash, count: count) { key in
            UInt64(littleEndian: key.loadUnaligned(as: UInt64.self)) == first
                && (count <= 8 || UInt64(littleEndian: key.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) == second)
        }
    }

    private func lookupLong(_ bytes: UnsafeRawBufferPointer) -> Int32? {
        probe(hash: Self.foldedHash(bytes), count: bytes.count) { key in Self.equalsFolded(key, bytes) }
    }

    /// The value of the entry with `hash` and `count` bytes whose stored key `matches`.
    @inline(__always)
    private func probe(hash: UInt64, count: Int, matches: (UnsafeRawPointer) -> Bool) -> Int32? {
        slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                arena.withUnsafeBytes { arena -> Int32? in
                    let mask = slots.count - 1
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while true {
                        let index = Int(slots[slot])
                        if index == 0 { return nil }
                        let entry = entries[index - 1]
                        if entry.hash == hash && entry.length == count && matches(arena.baseAddress! + entry.start) {
                            return entry.value
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// Adds `key` (already normalised with `TextKey.make`) unless present; returns its value.
    @discardableResult
    public mutating func insert(_ key: String, value: Int32) -> Int32 {
        var bytes = Array(key.utf8)
        return bytes.withUnsafeMutableBytes { raw in
            insert(folding: UnsafeRawBufferPointer(raw), value: value)
        }
    }

    /// Adds the ASCII-folded `bytes` unless present; returns the value stored for them.
    @discardableResult
    public mutating func insert(folding bytes: UnsafeRawBufferPointer, value: Int32) -> Int32 {
        if let existing = lookup(folding: bytes) { return existing }
        if (entries.count + 1) * 2 > slots.count { grow() }
        let hash = Self.foldedHash(bytes)
        entries.append(Entry(start: arena.count, length: bytes.count, value: value, hash: hash))
        for byte in bytes { arena.append(Self.fold(byte)) }
        // Zeros to a whole word, as `word` reads a key's end; an empty key's one word is read too.
        if bytes.isEmpty { arena.append(contentsOf: repeatElement(0, count: 8)) }
        while arena.count % 8 != 0 { arena.append(0) }
        place(entries.count - 1, hash: hash)
        return value
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        for index in entries.indices { place(index, hash: entries[index].hash) }
    }

    private mutating func place(_ index: Int, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index + 1)
    }

    /// Whether `bytes`, ASCII-folded, are the stored (folded, zero-padded) key at `key`.
    @inline(__always)
    private static func equalsFolded(_ key: UnsafeRawPointer, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return true }
        var offset = 0
        while offset < count {
            let stored = UInt64(littleEndian: key.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            if stored != foldWord(word(base, at: offset, count: count)) { return false }
            offset += 8
        }
        return true
    }

    /// The eight bytes of a `count`-byte key from `offset` (fewer at its end, the rest zero),
    /// read without touching a byte outside the key: a short end in two overlapping loads,
    /// whose shared bytes are the same bytes, so OR-ing them changes nothing.
    @inline(__always)
    private static func word(_ base: UnsafeRawPointer, at offset: Int, count: Int) -> UInt64 {
        let left = count &- offset
        if left >= 8 { return UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        if count >= 8 {
            // The key's last eight bytes, of which the first 8 - left were read already.
            let last = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self))
            return last &>> UInt64(truncatingIfNeeded: (8 &- left) &* 8)
        }
        if left >= 4 {
            let low = UInt64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
            let high = UInt64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset &+ left &- 4, as: UInt32.self)))
            return low | high &<< UInt64(truncatingIfNeeded: (left &- 4) &* 8)
        }
        if left >= 2 {
            let low = UInt64(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt16.self)))
            let high = UInt64(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: offset &+ left &- 2, as: UInt16.self)))
            return low | high &<< UInt64(truncatingIfNeeded: (left &- 2) &* 8)
        }
        return left == 1 ? UInt64(base.load(fromByteOffset: offset, as: UInt8.self)) : 0
    }

    /// `fold` on each of a word's eight bytes: 0x20 added to each byte from 0x41 to 0x5A.
    @inline(__always)
    static func foldWord(_ word: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        // Each byte's low seven bits plus a constant sets its high bit when the byte is at
        // least `A` (or past `Z`); no sum exceeds 0xFF, so no carry reaches the next byte.
        let low = word & ~high
        let fromA = low &+ (0x80 - 0x41) &* ones
        let pastZ = low &+ (0x80 - 0x5B) &* ones
        let upper = fromA & ~pastZ & ~word & high
        return word | (upper >> 2)
    }

    /// ASCII upper case to lower case, every other byte as it is.
    @inline(__always)
    package static func fold(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// The hash of the ASCII-folded bytes, a word at a time; its low bits pick the slot.
    @inline(__always)
    static func foldedHash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let count = bytes.count
        var hash = seed(count)
        guard let base = bytes.baseAddress else { return hash }
        var offset = 0
        while offset < count {
            hash = mix(hash, foldWord(word(base, at: offset, count: count)))
            offset += 8
        }
        return hash
    }

    @inline(__always)
    private static func seed(_ count: Int) -> UInt64 { 0xcbf2_9ce4_8422_2325 ^ UInt64(truncatingIfNeeded: count) }

    @inline(__always)
    private static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
        return mixed ^ (mixed >> 29)
    }
}
