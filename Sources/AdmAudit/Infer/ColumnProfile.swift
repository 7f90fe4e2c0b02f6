import Foundation

/// What a column's values look like, from the sampled rows: how many are filled and
/// distinct, and what share reads as yes/no, as timestamps, as numbers, as decision kinds,
/// outcomes, review results, sexes, countries… Content confirms or overrules what the
/// header suggests (`ColumnAssignment`), and gives the locale (`LocaleInference`).
struct ColumnProfile: Sendable {
    let index: Int
    let header: HeaderName
    /// Non-blank cells.
    let filled: Int
    /// Distinct non-blank values (in `TextKey` form), counted up to `distinctLimit`: every
    /// value of the sample, so that an id column of 5,000 rows reads as 5,000 distinct values
    /// (counted up to 2,000, it read as 40 % distinct, not an id, and `init` left every
    /// export of more than 4,000 rows without a decision id).
    let distinct: Int
    static let distinctLimit = ExportSample.rowLimit
    /// The most frequent values as written, most frequent first (at most 12).
    let common: [(value: String, count: Int)]

    // Shares of the filled cells.
    let booleanShare: Double
    let notApplicableCount: Int
    let timestampShare: Double
    let numberShare: Double
    let decisionTypeShare: Double
    /// Values that are no decision kind but a favourable outcome (`正常`, `No action`): among
    /// sanctions, the decisions that imposed none. Their share, and the distinct ones in the
    /// order met (at most `UnknownValues.listLimit`).
    let noSanctionShare: Double
    let noSanctionValues: [String]
    let outcomeShare: Double
    let reviewResultShare: Double
    /// Values saying how a contest went (`申诉成功`, `申诉中`, `未申诉`): an appeal status.
    let appealStateShare: Double
    let appealReviewerShare: Double
    let automationShare: Double
    let sexShare: Double
    /// Share of values naming a place Places knows (a country, US state or city).
    let placeShare: Double
    /// Values naming a status LC-02 protects (`孕期`, `医疗期`, `pregnancy`), and how many of
    /// the distinct values do: a status column holds mostly `正常` and a few of these.
    let protectedStatusShare: Double
    let protectedStatusKinds: Int
    let cjkShare: Double
    /// Characters per filled value.
    let averageLength: Double

    /// Numbers: smallest and largest, and whether any was written with a decimal comma.
    let numberRange: ClosedRange<Double>?
    let decimalComma: Bool
    let timestamps: TimestampEvidence
    /// Decision types read from the values, with counts (for the evidence and a default type).
    let decisionTypes: [DecisionType: Int]

    /// Rows sampled, blank cells too.
    let rows: Int
    /// Which sampled rows hold a value: a column filled only where the contest's columns are
    /// belongs to the contest (`ColumnAssignment`).
    let filledRows: [Bool]

    var isEmpty: Bool { filled == 0 }
    /// Every sampled row holds a value, and no two the same.
    var namesEachRowOnce: Bool { filled >= 1 && filled == rows && distinct == filled }
    /// Almost every value differs from the others: an id.
    var isUnique: Bool { filled >= 2 && distinct >= filled * 19 / 20 }

    private static let protectedStatuses = TermMatcher(ProtectedStatusDismissal.defaultStatuses)

    /// A short value naming one of LC-02's default statuses (a remark that mentions one is not).
    private static func namesAProtectedStatus(_ value: String) -> Bool {
        guard value.count <= 24 else { return false }
        var text = value
        return text.withUTF8 { protectedStatuses.anyMatch(in: FieldBytes(bytes: UnsafeRawBufferPointer($0), isMissing: false)) }
    }

    /// How many distinct values' readings a column keeps while it is profiled.
    private static let readingsKept = 1024

    init(index: Int, header: String, values: [String]) {
        self.index = index
        self.header = HeaderName(header)
        rows = values.count
        filledRows = values.map { !$0.isEmpty }
        let vocabulary = InferenceVocabulary.shared
        var filled = 0
        var keys = Set<String>()
        var counts: [String: Int] = [:]
        var order: [String] = []
        var booleans = 0, notApplicable = 0, numbers = 0, types = 0, noSanctions = 0, outcomes = 0, results = 0, appealReviewers = 0
        var noSanctionValues: [String] = []
        var automation = 0, sexes = 0, places = 0, cjkScalars = 0, scalars = 0
        var statuses = 0, appealStates = 0
        var statusKinds = Set<String>()
        var low = Double.infinity, high = -Double.infinity
        var decimalComma = false
        var evidence = TimestampEvidence()
        var typeCounts: [DecisionType: Int] = [:]
        var readings: [String: (InferenceVocabulary.Reading, Bool)] = [:]
        for value in values where !value.isEmpty {
            filled += 1
            if keys.count < Self.distinctLimit { keys.insert(TextKey.make(value)) }
            if counts[value] == nil && counts.count < 200 { order.append(value) }
            if counts[value] != nil || counts.count < 200 { counts[value, default: 0] += 1 }
            for scalar in value.unicodeScalars {
                scalars += 1
                if MeaningText.isCJK(scalar) { cjkScalars += 1 }
            }
            // Read once per distinct value (a column of codes repeats a few), up to a bound.
            let reading: InferenceVocabulary.Reading, isPlace: Bool
            if let known = readings[value] {
                (reading, isPlace) = known
            } else {
                (reading, isPlace) = (vocabulary.read(value), Places.place(value) != nil)
                if readings.count < Self.readingsKept { readings[value] = (reading, isPlace) }
            }
            if reading.isNotApplicable { notApplicable += 1 }
            if reading.boolean != nil || reading.isNotApplicable { booleans += 1 }
            if let type = reading.decisionType {
                types += 1
                typeCounts[type, default: 0] += 1
            }
            if reading.outcome != nil { outcomes += 1 }
            if reading.decisionType == nil, reading.outcome == .favorable {
                noSanctions += 1
                if !noSanctionValues.contains(value), noSanctionValues.count < UnknownValues.listLimit { noSanctionValues.append(value) }
            }
            if reading.reviewResult != nil { results += 1 }
            if reading.saysHowAContestWent { appealStates += 1 }
            if reading.appealReviewer != nil { appealReviewers += 1 }
            if reading.automated != nil { automation += 1 }
            if reading.sex != nil { sexes += 1 }
            if isPlace { places += 1 }
            if Self.namesAProtectedStatus(value) {
                statuses += 1
                if statusKinds.count < 16 { statusKinds.insert(TextKey.make(value)) }
            }
            if let number = Self.number(value) {
                numbers += 1
                low = min(low, number.value)
                high = max(high, number.value)
                if number.decimalComma { decimalComma = true }
            }
            evidence.add(value)
        }
        self.filled = filled
        distinct = keys.count
        common = Array(order.map { (value: $0, count: counts[$0]!) }.sorted { $0.count > $1.count }.prefix(12))
        func share(_ count: Int) -> Double { filled == 0 ? 0 : Double(count) / Double(filled) }
        booleanShare = share(booleans)
        notApplicableCount = notApplicable
        timestampShare = share(evidence.parsed)
        numberShare = share(numbers)
        decisionTypeShare = share(types)
        noSanctionShare = share(noSanctions)
        self.noSanctionValues = noSanctionValues
        outcomeShare = share(outcomes)
        reviewResultShare = share(results)
        appealStateShare = share(appealStates)
        appealReviewerShare = share(appealReviewers)
        automationShare = share(automation)
        sexShare = share(sexes)
        placeShare = share(places)
        protectedStatusShare = share(statuses)
        protectedStatusKinds = statusKinds.count
        cjkShare = scalars == 0 ? 0 : Double(cjkScalars) / Double(scalars)
        averageLength = filled == 0 ? 0 : Double(scalars) / Double(filled)
        numberRange = numbers > 0 ? low...high : nil
        self.decimalComma = decimalComma
        timestamps = evidence
        decisionTypes = typeCounts
    }

    /// A plain decimal, with a point or with a decimal comma (`0,73`); nil otherwise.
    static func number(_ text: String) -> (value: Double, decimalComma: Bool)? {
        guard text.count < 40 else { return nil }
        let bytes = Array(text.utf8)
        var commas = 0, points = 0, digits = 0
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): points += 1
            case UInt8(ascii: ","): commas += 1
            case UInt8(ascii: "-"), UInt8(ascii: "+"): if index != 0 { return nil }
            default: return nil
            }
        }
        guard digits > 0, points + commas <= 1 else { return nil }
        let value = Double(commas == 1 ? text.replacingOccurrences(of: ",", with: ".") : text)
        return value.map { ($0, commas == 1) }
    }
}

/// What the timestamps of a column say about the export's locale: which date orders read
/// them, which offsets they carry, whether they are epoch or Excel numbers.
struct TimestampEvidence: Sendable {
    /// Values that read as a timestamp in some date order.
    private(set) var parsed = 0
    /// Year-last dates (`04/03/2025`) whose first part is over 12 (so day first) or whose
    /// second part is (so month first).
    private(set) var dayFirst = 0
    private(set) var monthFirst = 0
    private(set) var yearLast = 0
    /// UTC offsets written in the values, in minutes, with counts.
    private(set) var offsets: [Int: Int] = [:]
    private(set) var epoch = 0
    private(set) var excelSerial = 0
    /// Dates that read only with their two-digit year taken as 20xx (`10/23/25`, `13-JAN-25`),
    /// and the first of them as written.
    private(set) var twoDigitYears = 0
    private(set) var twoDigitYearExample: String? = nil
    /// The latest timestamps read, latest first, at most `latestKept` in each list: `zoned`
    /// when the value named its offset (`Z`, `+08:00`), so its instant is exact; else its wall
    /// clock read as UTC. Year-last dates are kept as each order reads them (`03/12/2025` is
    /// 3 December day first, 12 March month first), as the order is known only once every
    /// column has been read.
    private var latestRead: [(instant: Int64, zoned: Bool)] = []
    private var latestDayFirst: [(instant: Int64, zoned: Bool)] = []
    private var latestMonthFirst: [(instant: Int64, zoned: Bool)] = []
    static let latestKept = 16

    private static func note(_ instant: Int64, zoned: Bool, in latest: inout [(instant: Int64, zoned: Bool)]) {
        guard latest.count < latestKept || instant > latest.last!.instant else { return }
        let index = latest.firstIndex { $0.instant < instant } ?? latest.endIndex
        latest.insert((instant, zoned), at: index)
        if latest.count > latestKept { latest.removeLast() }
    }

    /// The local days of the latest timestamps read, latest first, each once, year-last dates
    /// read in `order` (day first unless it is `mdy`): a zoned value's day in `calendar`'s
    /// zone, a wall clock's own day.
    func latestDays(in calendar: LocalCalendar, order: DateOrder) -> [Int64] {
        let read = latestRead + (order == .mdy ? latestMonthFirst : latestDayFirst)
        let days = read.map { $0.zoned ? calendar.day(of: $0.instant) : ($0.instant >= 0 ? $0.instant / 86_400 : ($0.instant - 86_399) / 86_400) }
        return Array(Set(days)).sorted(by: >)
    }

    private var ymd = TimestampParser(timeZone: TimeZone(identifier: "UTC")!, dateOrder: .ymd)
    private var ymdTwoDigitYears = TimestampParser(timeZone: TimeZone(identifier: "UTC")!, dateOrder: .ymd, twoDigitYears: .twoThousands)
    // Year-last dates: a four-digit year reads the same either way; a two-digit one is counted.
    private var dmy = TimestampParser(timeZone: TimeZone(identifier: "UTC")!, dateOrder: .dmy, twoDigitYears: .twoThousands)
    private var mdy = TimestampParser(timeZone: TimeZone(identifier: "UTC")!, dateOrder: .mdy, twoDigitYears: .twoThousands)

    /// The date order the year-last dates need, when they show one.
    var yearLastOrder: DateOrder? {
        if dayFirst > 0 && monthFirst == 0 { return .dmy }
        if monthFirst > 0 && dayFirst == 0 { return .mdy }
        return nil
    }

    mutating func add(_ value: String) {
        let digitsOnly = value.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") || $0 == UInt8(ascii: ".") }
        let yearFirst = ymd.parse(value)
        if case .instant(let instant) = yearFirst {
            parsed += 1
            let epochDigits = digitsOnly && (value.utf8.count == 10 || value.utf8.count == 13) && !value.contains(".")
            Self.note(instant, zoned: Self.offset(value) != nil || epochDigits, in: &latestRead)
            // Any other number read as a time is an Excel serial or a day written as one number
            // (`20250314`): a column of ids may hold such numbers too.
            if digitsOnly {
                if epochDigits { epoch += 1 } else { excelSerial += 1 }
            }
        } else if let (first, second, yearDigits) = Self.yearLastParts(value) {
            let dayMonth = dmy.parse(value), monthDay = mdy.parse(value)
            if yearDigits == 2, dayMonth.isInstant || monthDay.isInstant { noteTwoDigitYear(value) }
            let zoned = Self.offset(value) != nil
            if case .instant(let instant) = dayMonth { Self.note(instant, zoned: zoned, in: &latestDayFirst) }
            if case .instant(let instant) = monthDay { Self.note(instant, zoned: zoned, in: &latestMonthFirst) }
            if case .instant = dayMonth { parsed += 1 } else if case .instant = monthDay { parsed += 1 }
            yearLast += 1
            // Evidence of an order only from a date that is valid in it: `13/13/2025`, valid in
            // neither, says nothing (one such row must not turn the reading of every date).
            if first > 12, case .instant = dayMonth { dayFirst += 1 }
            if second > 12, case .instant = monthDay { monthFirst += 1 }
        } else if case .invalid(.twoDigitYear) = yearFirst, case .instant(let instant) = ymdTwoDigitYears.parse(value) {
            // `13-JAN-25`, `Jan 13, 25`: the month by name, the year in two digits.
            parsed += 1
            noteTwoDigitYear(value)
            Self.note(instant, zoned: Self.offset(value) != nil, in: &latestRead)
        }
        if let offset = Self.offset(value) { offsets[offset, default: 0] += 1 }
    }

    private mutating func noteTwoDigitYear(_ value: String) {
        twoDigitYears += 1
        if twoDigitYearExample == nil { twoDigitYearExample = String(value.prefix(40)) }
    }

    /// The two leading numbers of a year-last date (`4/3/2025 9:05`, `4/3/25`), and the year's
    /// digits (4, or 2).
    static func yearLastParts(_ value: String) -> (Int, Int, yearDigits: Int)? {
        let parts = value.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." || $0 == " " }).prefix(3)
        guard parts.count == 3, let first = Int(parts[0]), let second = Int(parts[1]), parts[0].count <= 2, parts[1].count <= 2 else { return nil }
        if parts[2].prefix(4).allSatisfy(\.isNumber), parts[2].prefix(4).count == 4 { return (first, second, 4) }
        // A two-digit year only after slashes or dots: `25-10-01` may be written year first.
        let digits = parts[2].prefix { $0.isASCII && $0.isNumber }.count
        guard digits == 2, parts[2].count == 2 || !parts[2].dropFirst(2).first!.isLetter,
              let separator = value.dropFirst(parts[0].count).first, separator == "/" || separator == "." else { return nil }
        return (first, second, 2)
    }

    /// The offset a value ends with (`+08:00`, `+0800`, `Z`, `-05`), in minutes.
    static func offset(_ value: String) -> Int? {
        let scalars = Array(value.unicodeScalars)
        guard scalars.count >= 11 else { return nil }
        if scalars.last == "Z" || scalars.last == "z" { return 0 }
        // Find the last + or - after the time part.
        guard let sign = scalars.lastIndex(where: { $0 == "+" || $0 == "-" }), sign >= 10 else { return nil }
        let digits = scalars[(sign + 1)...].filter { $0 != ":" }
        guard digits.allSatisfy({ $0.properties.numericType == .decimal }), digits.count == 2 || digits.count == 4 else { return nil }
        let number = Int(String(String.UnicodeScalarView(digits)))!
        let minutes = digits.count == 2 ? number * 60 : number / 100 * 60 + number % 100
        return scalars[sign] == "-" ? -minutes : minutes
    }
}

private extension TimestampParseResult {
    var isInstant: Bool { if case .instant = self { true } else { false } }
}
