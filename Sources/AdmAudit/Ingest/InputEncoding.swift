/// The character encoding of an input file.
///
/// Chinese HR systems and Excel export GB18030/GBK; Excel's "Unicode text" is UTF-16LE.
/// Everything is transcoded to UTF-8 before libcsv sees it.
public enum InputEncoding: String, Sendable, CaseIterable {
    case auto
    case utf8 = "utf-8"
    case gb18030
    case gbk
    case utf16le = "utf-16le"
    case utf16be = "utf-16be"

    /// Parses the spellings people write in pipeline files.
    public init?(name: String) {
        switch String(name.lowercased().map { $0 == "_" ? "-" : $0 }) {
        case "auto": self = .auto
        case "utf-8", "utf8": self = .utf8
        case "gb18030", "gb-18030": self = .gb18030
        case "gbk", "gb2312", "cp936": self = .gbk
        case "utf-16le", "utf16le", "utf-16", "utf16": self = .utf16le
        case "utf-16be", "utf16be": self = .utf16be
        default: return nil
        }
    }

    /// The name iconv knows it by; nil when no transcoding is needed.
    var iconvName: String? {
        switch self {
        case .auto, .utf8: nil
        case .gb18030: "GB18030"
        // GB18030 is a superset of GBK: decoding GBK as GB18030 loses nothing.
        case .gbk: "GB18030"
        case .utf16le: "UTF-16LE"
        case .utf16be: "UTF-16BE"
        }
    }

    /// Decides the encoding from the first bytes of a file.
    ///
    /// A byte-order mark decides; else NUL bytes in every other place are UTF-16 without
    /// a mark (`utf16WithoutBOM`); else valid UTF-8 is UTF-8; else bytes that decode
    /// cleanly as GB18030 are GB18030; else UTF-8, whose bad rows are then rejected
    /// one by one with a reason that suggests setting `input.encoding`.
    static func detect(sample: UnsafeRawBufferPointer, isWholeFile: Bool) -> InputEncoding {
        if sample.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8 }
        if sample.starts(with: [0xFF, 0xFE]) { return .utf16le }
        if sample.starts(with: [0xFE, 0xFF]) { return .utf16be }
        if let utf16 = utf16WithoutBOM(sample) { return utf16 }
        if UTF8Validation.isValid(sample, allowTruncatedEnd: !isWholeFile) { return .utf8 }
        if Transcoder.decodesCleanly(sample, from: "GB18030", allowTruncatedEnd: !isWholeFile) { return .gb18030 }
        return .utf8
    }

    /// UTF-16 written without a byte-order mark (some exporters and `iconv -t UTF-16LE` do):
    /// the high byte of every ASCII character (digits, delimiters, line ends, Latin
    /// letters) is NUL, so NULs fill the odd places (little-endian) or the even ones
    /// (big-endian) and hardly any the others. Text meant as UTF-8 has no NUL; read as
    /// UTF-8, such a file gives a header of NULs and no row. At least 30 % of the first
    /// 4096 pairs must have the NUL on one side, and four times as many as the other side
    /// (where a CJK character such as 退, U+9000, puts one).
    static func utf16WithoutBOM(_ sample: UnsafeRawBufferPointer) -> InputEncoding? {
        let pairs = min(sample.count / 2, 4096)
        guard pairs >= 2 else { return nil }
        var evenNULs = 0, oddNULs = 0
        for pair in 0..<pairs {
            if sample[2 * pair] == 0 { evenNULs += 1 }
            if sample[2 * pair + 1] == 0 { oddNULs += 1 }
        }
        let often = max(pairs * 3 / 10, 1)
        if oddNULs >= often && evenNULs * 4 <= oddNULs { return .utf16le }
        if evenNULs >= often && oddNULs * 4 <= evenNULs { return .utf16be }
        return nil
    }
}
