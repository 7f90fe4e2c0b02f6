import CLibCSV
import Foundation
import XCTest

@testable import AdmAudit

/// `OneLineRow` must split a line exactly as libcsv does, and the reader must hand over the
/// same rows, lines and summary whether it splits such rows itself or not.
final class OneLineRowTests: XCTestCase {
    /// A field as libcsv or `PlainLine` gives it: nil is missing (an empty unquoted field).
    typealias Fields = [[UInt8]?]

    // MARK: One line

    func testFieldsAreTrimmedAndEmptyOnesMissing() {
        XCTAssertEqual(split(" a , b\t,,  ,c d ")!, [bytes("a"), bytes("b"), nil, nil, bytes("c d")])
        XCTAssertEqual(split("x")!, [bytes("x")])
        XCTAssertEqual(split(",")!, [nil, nil])
        XCTAssertEqual(split("a,")!, [bytes("a"), nil])
    }

    func testALineOfSpacesIsBlank() {
        XCTAssertEqual(split("")!, [])
        XCTAssertEqual(split("  \t ")!, [])
        // A delimiter makes it a row of missing fields.
        XCTAssertEqual(split(" , ")!, [nil, nil])
    }

    func testATabDelimiterIsNotTrimmed() {
        XCTAssertEqual(split("a\t\tb ", delimiter: 0x09)!, [bytes("a"), nil, bytes("b")])
        XCTAssertEqual(split("a  b", delimiter: 0x20)!, [bytes("a"), nil, bytes("b")])
    }

    func testQuotedFieldsAreUnescaped() {
        XCTAssertEqual(split("a,\"b, c\",d")!, [bytes("a"), bytes("b, c"), bytes("d")])
        XCTAssertEqual(split(" \"TalentRank \"\"Pro\"\"\" ,\"\"")!, [bytes("TalentRank \"Pro\""), bytes("")])
        XCTAssertEqual(split("\"\"\"\"")!, [bytes("\"")])
        // A quote inside an unquoted field is an ordinary byte.
        XCTAssertEqual(split("ab\"c,d ")!, [bytes("ab\"c"), bytes("d")])
        XCTAssertEqual(split("\"x\"")!, [bytes("x")])
    }

    /// A quoted field is read where it stands, between its quotes; the line is copied only
    /// for a doubled quote, and the fields before it, read in the line, are the copy's too.
    func testOnlyADoubledQuoteCopiesTheLine() {
        func copied(_ text: String) -> Bool? {
            let line = Array(text.utf8)
            let starts = UnsafeMutablePointer<Int32>.allocate(capacity: 8)
            let lengths = UnsafeMutablePointer<Int32>.allocate(capacity: 8)
            let copy = UnsafeMutablePointer<UInt8>.allocate(capacity: max(line.count, 1))
            defer { starts.deallocate(); lengths.deallocate(); copy.deallocate() }
            return line.withUnsafeBytes {
                OneLineRow.split($0, delimiter: 0x2C, quote: 0x22, starts: starts, lengths: lengths, maxFields: 8, copy: copy)?.copied
            }
        }
        XCTAssertEqual(copied("a,\"b, c\",d"), false)
        XCTAssertEqual(copied("abcdefghij,klmnop,\"q\" , \"\""), false)
        XCTAssertEqual(copied("abcdefghij,klmnop,\"q\"\"r\",s"), true)
        XCTAssertEqual(split("abcdefghij,klmnop,\"q\"\"r\",\"s,\"\"\"\"t\",u")!,
                       [bytes("abcdefghij"), bytes("klmnop"), bytes("q\"r"), bytes("s,\"\"t"), bytes("u")])
    }

    func testUnclosedOrOddQuotesCarriageReturnsAndTooManyFieldsAreLeftToLibcsv() {
        XCTAssertNil(split("a,\"b"))
        XCTAssertNil(split("\"a\"b,c"))
        XCTAssertNil(split("\"a\" \"b"))
        XCTAssertNil(split("\"\"\""))
        XCTAssertNil(split("a\rb"))
        XCTAssertNil(split("a,b,c,d,e,f,g,h,i,j,k\r"))
        XCTAssertNil(split("\"a\rb\",c"))
        XCTAssertNil(split("a,b,c", maxFields: 2))
        XCTAssertNil(split("\"a\",\"b\",c", maxFields: 2))
        XCTAssertEqual(split("a,b", maxFields: 2)!, [bytes("a"), bytes("b")])
        // Another quote character: the double quote is an ordinary byte.
        XCTAssertEqual(split("a\"b,\"c", quote: 0x27)!, [bytes("a\"b"), bytes("\"c")])
        XCTAssertEqual(split("'a,b',c", quote: 0x27)!, [bytes("a,b"), bytes("c")])
    }

    /// Every line of a seeded random sample, split both ways, at every alignment of the
    /// eight-byte scan.
    func testRandomLinesSplitAsLibcsvSplitsThem() {
        var random = SeededGenerator(seed: 0x5EED_0001)
        let alphabet: [UInt8] = [0x2C, 0x2C, 0x2C, 0x3B, 0x09, 0x20, 0x20, 0x61, 0x62, 0x7A, 0x30, 0x00,
                                 0x80, 0xC3, 0xA9, 0xE5, 0xFF, 0x7C, 0x22, 0x0D]
        var plain = 0
        var quoted = 0
        for _ in 0..<20_000 {
            let length = Int(random.next() % 70)
            // Most lines without a quote or CR, so most reach the plain path.
            let pool = random.next() % 3 == 0 ? alphabet : Array(alphabet.dropLast(random.next() % 2 == 0 ? 1 : 2))
            let line = (0..<length).map { _ in pool[Int(random.next() % UInt64(pool.count))] }
            for delimiter: UInt8 in [0x2C, 0x3B, 0x09] {
                guard let got = split(line, delimiter: delimiter, maxFields: 64) else {
                    XCTAssertTrue(line.contains(0x22) || line.contains(0x0D), "refused a line without quotes: \(line)")
                    continue
                }
                if line.contains(0x22) { quoted += 1 }
                plain += 1
                XCTAssertEqual(got, libcsvFields(line, delimiter: delimiter), "line \(line) delimiter \(delimiter)")
            }
        }
        XCTAssertGreaterThan(plain, 40_000)
        XCTAssertGreaterThan(quoted, 2_000)
    }

    // MARK: The whole reader

    func testTheReaderGivesTheSameRowsEitherWay() throws {
        var inputs = CSVReadHarness.randomInputs()
        inputs += Self.mostlyOneLineInputs()
        var tab = ReaderOptions()
        tab.delimiter = 0x09
        var apostrophe = ReaderOptions()
        apostrophe.quote = 0x27
        var someFields = ReaderOptions()
        someFields.maxFields = 5
        for (index, input) in inputs.enumerated() {
            for options in [ReaderOptions(), CSVReadHarness.smallLimits, tab, apostrophe, someFields] {
                var libcsvOnly = options
                libcsvOnly.splitsOneLineRows = false
                let fast = try CSVReadHarness.read(bytes: input, options: options)
                let reference = try CSVReadHarness.read(bytes: input, options: libcsvOnly)
                let context = "input \(index): \(input.map { String(format: "%02x", $0) }.joined(separator: " "))"
                XCTAssertEqual(fast.rows, reference.rows, context)
                XCTAssertEqual(fast.summary, reference.summary, context)
            }
        }
    }

    /// A file longer than one read (a line cut between two chunks) and with CRLF, read both ways.
    func testALongFileReadsTheSameEitherWay() throws {
        var text = "id,name,score\r\n"
        for index in 0..<30_000 {
            switch index % 97 {
            case 0: text += "\"\(index)\",\"two\r\nlines\",1\r\n"
            case 1: text += "\r\n"
            case 2: text += "  \(index) ,\tx\t, \r\n"
            case 3, 4, 5: text += "\(index), \"Sales, EMEA\" ,\"TalentRank \"\"Pro\"\"\"\r\n"
            default: text += "\(index),name \(index),\(index % 10)\r\n"
            }
        }
        var options = ReaderOptions()
        options.chunkBytes = 64 * 1024
        var libcsvOnly = options
        libcsvOnly.splitsOneLineRows = false
        let fast = try CSVReadHarness.read(bytes: Array(text.utf8), options: options)
        let reference = try CSVReadHarness.read(bytes: Array(text.utf8), options: libcsvOnly)
        XCTAssertEqual(fast.rows.count, 30_001 - 30_000 / 97 - 1)
        XCTAssertEqual(fast.rows, reference.rows)
        XCTAssertEqual(fast.summary, reference.summary)
    }

    /// An unquoted field over the limit only by its trailing spaces is rejected or not by
    /// where libcsv's bytes are dropped (every 64 KiB of a read, as before `OneLineRow`):
    /// wherever its line falls, the two ways of reading agree (a hostile review found a row
    /// accepted by one and rejected by the other).
    func testAFieldLongOnlyByItsSpacesReadsTheSameEitherWayWhereverItFalls() throws {
        var small = ReaderOptions()
        small.maxFieldBytes = 16
        for prefix in stride(from: 65_500, through: 65_540, by: 2) {
            let input = Array("h\n".utf8) + Array(repeating: Array("y\n".utf8), count: (prefix - 2) / 2).flatMap { $0 }
                + Array("abcdefghijklmnop".utf8) + [UInt8](repeating: 0x20, count: 8) + [0x0A] + Array("z\n".utf8)
            try assertSameEitherWay(input, small, "prefix \(prefix)")
        }
        // Default limits: 65,000 bytes, then 60,000 spaces, in a row among plain ones.
        var text = "id,system,x\n1,a,b\n2,"
        text += String(repeating: "Q", count: 65_000) + String(repeating: " ", count: 60_000) + ",c\n3,d,e\n"
        try assertSameEitherWay(Array(text.utf8), ReaderOptions(), "a field of 125,000 bytes")
    }

    /// A quote or delimiter libcsv reads first as something else (a space, a line end, each
    /// other), possible only through the API: libcsv reads the lines.
    func testOddQuoteAndDelimiterCharactersAreLeftToLibcsv() throws {
        let cases: [(String, UInt8, UInt8)] = [
            ("h\na ,b\n", 0x20, 0x2C), ("h\na\t,b\n", 0x09, 0x2C), ("h\na,b\nc\n", 0x0A, 0x2C), ("h\na,b\n", 0x2C, 0x2C),
            ("h\ta\nb\tc\n", 0x09, 0x09), ("h\r\na,b\r\n", 0x0D, 0x2C), ("h\na\nb,c\n", 0x22, 0x0A), ("h\na\rb,c\r\n", 0x22, 0x0D),
        ]
        for (text, quote, delimiter) in cases {
            var options = ReaderOptions()
            options.quote = quote
            options.delimiter = delimiter
            try assertSameEitherWay(Array(text.utf8), options, "quote \(quote) delimiter \(delimiter)")
        }
    }

    private func assertSameEitherWay(_ input: [UInt8], _ options: ReaderOptions, _ context: String,
                                     file: StaticString = #filePath, line: UInt = #line) throws {
        var libcsvOnly = options
        libcsvOnly.splitsOneLineRows = false
        let fast = try CSVReadHarness.read(bytes: input, options: options)
        let reference = try CSVReadHarness.read(bytes: input, options: libcsvOnly)
        XCTAssertEqual(fast.rows, reference.rows, context, file: file, line: line)
        XCTAssertEqual(fast.summary, reference.summary, context, file: file, line: line)
    }

    /// Seeded files of short lines: mostly rows on one line (quotes here and there), some
    /// blank, some spaces only, some quoted across lines, CRLF and lone CRs, no final newline
    /// now and then.
    static func mostlyOneLineInputs(count: Int = 300) -> [[UInt8]] {
        var random = SeededGenerator(seed: 0x5EED_0002)
        let pieces: [String] = ["a", "b1", " c ", "\t", "", "é", "张三", ",", ",", ",", ";", " "]
        return (0..<count).map { _ in
            var text = ""
            for _ in 0..<Int(random.next() % 12) {
                switch random.next() % 10 {
                case 0: text += "\"q,\n\(pieces[Int(random.next() % UInt64(pieces.count))])\""
                case 1: text += "   "
                default:
                    for _ in 0..<Int(random.next() % 8) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
                }
                switch random.next() % 6 {
                case 0: text += "\r\n"
                case 1: text += "\r"
                default: text += "\n"
                }
            }
            if random.next() % 3 == 0 { text += "tail,no,newline" }
            return Array(text.utf8)
        }
    }

    // MARK: Helpers

    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    private func split(_ text: String, delimiter: UInt8 = 0x2C, quote: UInt8 = 0x22, maxFields: Int = 8) -> Fields? {
        split(Array(text.utf8), delimiter: delimiter, quote: quote, maxFields: maxFields)
    }

    private func split(_ line: [UInt8], delimiter: UInt8 = 0x2C, quote: UInt8 = 0x22, maxFields: Int = 8) -> Fields? {
        let starts = UnsafeMutablePointer<Int32>.allocate(capacity: maxFields)
        let lengths = UnsafeMutablePointer<Int32>.allocate(capacity: maxFields)
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(line.count, 1), alignment: 1)
        defer {
            starts.deallocate()
            lengths.deallocate()
            copy.deallocate()
        }
        return line.withUnsafeBytes { raw -> Fields? in
            guard let split = OneLineRow.split(raw, delimiter: delimiter, quote: quote, starts: starts, lengths: lengths,
                                               maxFields: maxFields, copy: copy.baseAddress!.assumingMemoryBound(to: UInt8.self))
            else { return nil }
            let fields = split.copied ? UnsafeRawBufferPointer(copy) : raw
            return (0..<split.count).map { index in
                lengths[index] < 0 ? nil : Array(fields[Int(starts[index])..<Int(starts[index] + lengths[index])])
            }
        }
    }

    /// libcsv's fields for one line ended by LF, with the options the reader uses.
    private func libcsvFields(_ line: [UInt8], delimiter: UInt8) -> Fields {
        final class Collected {
            var fields: Fields = []
            var rows = 0
        }
        let collected = Collected()
        var parser = csv_parser()
        XCTAssertEqual(csv_init(&parser, UInt8(CSV_REPALL_NL | CSV_EMPTY_IS_NULL)), 0)
        defer { csv_free(&parser) }
        csv_set_delim(&parser, delimiter)
        let context = Unmanaged.passUnretained(collected).toOpaque()
        let input = line + [0x0A]
        _ = input.withUnsafeBytes { raw in
            csv_parse(&parser, raw.baseAddress, raw.count, { field, length, context in
                let collected = Unmanaged<Collected>.fromOpaque(context!).takeUnretainedValue()
                collected.fields.append(field.map { Array(UnsafeRawBufferPointer(start: $0, count: length)) })
            }, { _, context in
                Unmanaged<Collected>.fromOpaque(context!).takeUnretainedValue().rows += 1
            }, context)
        }
        XCTAssertEqual(collected.rows, 1)
        return collected.fields
    }
}
