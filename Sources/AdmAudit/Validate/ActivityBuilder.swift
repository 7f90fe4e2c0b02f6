import Foundation

/// One event of an activity log, as the ledger counts it: whose, when, where and who acted.
public struct ActivityEvent: Sendable, Equatable {
    /// The worker's index in the run's worker list (`ActivityBuilder.workers`).
    public var worker: Int32
    /// Seconds since 1970 (UTC); `end` after `start`. An event with no end or duration
    /// lasts the schedule's `event_minutes`.
    public var start: Int64
    public var end: Int64
    public var channel: ActivityChannel
    public var direction: ActivityDirection
    public var replyRequested: Bool
    /// The worker's place (`WorkPlaceTable`; 0: the run's own): that of the worker's first
    /// row, whatever this row names, so that a row cannot move the worker's hours to another zone.
    public var place: Int32 = 0
    /// This row names another place than the worker's first row did.
    public var otherPlace = false
    /// The hours system the row names; nil: not recorded (the schedule's).
    public var hoursSystem: HoursSystem? = nil
}

/// Which column of an activity log holds which field (`ActivityField`), from its header.
public struct ActivityMapping: Sendable {
    public let headers: [String]
    /// Column index per field; a field no header names is absent.
    public private(set) var columns: [ActivityField: Int] = [:]
    /// Further columns naming a field already found (two `发送时间`, or `消息时间` beside it):
    /// they must agree with the first, or the row is rejected, lest a tidy first copy hide the real one.
    public private(set) var alsoNaming: [(field: ActivityField, column: Int)] = []

    public init(headers: [String], settings: ActivitySettings) {
        self.headers = headers
        var synonymToField: [String: (field: ActivityField, rank: Int)] = [:]
        for field in ActivityField.allCases {
            for (rank, synonym) in (settings.columns[field] ?? []).enumerated() where synonymToField[Self.key(synonym)] == nil {
                synonymToField[Self.key(synonym)] = (field, rank)
            }
        }
        var ranks: [ActivityField: Int] = [:]
        for (column, header) in headers.enumerated() {
            guard let (field, rank) = synonymToField[Self.key(header)] else { continue }
            if Self.ranked.contains(field) {
                // City and country, an operator's id and name: not copies that must agree. The
                // one of the earlier synonym is read (an office before a city before a country, an id before a name).
                if rank < ranks[field, default: .max] { (columns[field], ranks[field]) = (column, rank) }
                continue
            }
            if columns[field] == nil { columns[field] = column } else { alsoNaming.append((field, column)) }
        }
    }

    /// Fields whose columns may differ in grain (a staff id and a VPN account, a month's wage
    /// and a base salary): of several, the best-ranked is read.
    static let ranked: Set<ActivityField> = [.site, .actorID, .channel, .workerID, .hourlyWage, .monthlyWage]

    /// A header as it is matched: its text key, with `_` and `-` read as spaces and runs of
    /// spaces as one (`Employee ID`, `employee_id` and `employee-id` are one name).
    static func key(_ header: String) -> String {
        let spaced = TextKey.make(header).map { $0 == "_" || $0 == "-" ? " " : $0 }
        return String(spaced).split(separator: " ").joined(separator: " ")
    }

    /// The header names a worker and a time: the file may be an activity log.
    public var isActivityLog: Bool { ActivityField.required.allSatisfy { columns[$0] != nil } }

    /// Whether a file with this header is read as an activity log rather than as a decision
    /// export (`decisions`: its header mapped as one): it names a worker and a time, and
    /// either lacks a field a decision needs, or has them all but no decision time, as a
    /// log of numbered, typed events with a result column (`编号,工号,类型,结果,发送时间`) does.
    public func readsAsLog(rather decisions: ColumnMapping, pipeline: Pipeline) -> Bool {
        guard isActivityLog else { return false }
        let missing = decisions.missingRequired(canDeriveOutcome: pipeline.derive != nil,
                                                hasDefaultDecisionType: pipeline.input.defaultDecisionType != nil,
                                                outcomeFromDecisionType: pipeline.outcomeFromDecisionType)
        // No decision id counts as lacking a field here: a decision export without one is
        // read by line (`ColumnMapping.namesDecisionsByLine`), but beside a worker and a time
        // it is a log, as it was before such exports were read.
        return !missing.isEmpty || decisions.namesDecisionsByLine || decisions.fields[.decidedAt] == nil
    }

    /// Header → field, in column order, for the report's chain of custody.
    public var sources: [(field: String, header: String)] {
        columns.sorted { $0.value < $1.value }.map { ($0.key.rawValue, headers[$0.value]) }
    }
}

/// Turns an activity log's rows into events, or rejects with their reasons; gives each
/// worker an index the first time the worker is seen, and the worker's pseudonym.
public final class ActivityBuilder {
    public enum Result {
        case event(ActivityEvent)
        case reject(Reject)
    }

    public let file: String
    public let mapping: ActivityMapping
    private let schedule: WorkSchedule
    private let dateOrder: DateOrder
    private let twoDigitYears: TwoDigitYears?
    /// A parser per time zone, and each place's parser: a time written without an offset is
    /// local to the worker's place (a parser holds a cache: one per zone, not per place).
    private var timestamps: [TimestampParser] = []
    private var parserOfZone: [String: Int] = [:]
    private var parserOfPlace: [Int] = []
    /// Each worker's place: that of the worker's first row; and whether a later row named another.
    private var workerPlaces: [Int32] = []
    private var workerNamedOthers: [Bool] = []
    /// Each worker's wage an hour: the first the worker's rows give that reads as an amount
    /// (NaN: none yet). A month's wage is read as an hour's (`WorkSchedule.hoursPerMonth`).
    private var workerWages: [Double] = []
    /// The places the logs name, shared across the run's logs as the workers are.
    package private(set) var places: WorkPlaceTable
    private var systems: Vocabulary<HoursSystem>
    private var channels: Vocabulary<ActivityChannel>
    private var directions: Vocabulary<ActivityDirection>
    private var answers: Vocabulary<Bool>
    private let pseudonymizer: Pseudonymizer
    /// Workers seen, by their id's fingerprint (as written, trimmed): their index; and their
    /// pseudonyms in index order. The id itself is not kept: no string is made per row.
    private var index: [WorkerKey: Int32]
    /// Each worker's key, by index: to find the worker in a decision export.
    package private(set) var keys: [WorkerKey] = []
    public private(set) var workers: [String]
    /// At most this many distinct workers a run: past it the run stops, naming the limit.
    public let maxWorkers: Int

    /// `workers`: the run's list so far, shared by every activity log of the run (a worker
    /// keeps one index across files).
    public init(file: String, mapping: ActivityMapping, pipeline: Pipeline, settings: ActivitySettings,
                pseudonymizer: Pseudonymizer, workers: [String] = [], maxWorkers: Int = 1_000_000) {
        self.file = file
        self.mapping = mapping
        schedule = settings.schedule
        dateOrder = settings.dateOrder ?? pipeline.input.dateOrder
        twoDigitYears = pipeline.input.twoDigitYears
        places = WorkPlaceTable(input: pipeline.input)
        systems = Vocabulary(settings.hoursSystems, rule: .keywords)
        channels = Vocabulary(settings.channels, rule: .keywords)
        directions = Vocabulary(settings.directions, rule: .keywords)
        directionWords = Self.directionWords(settings)
        answers = Vocabulary(pipeline.values.booleans, rule: .leadingAnswer, answers: (true, false))
        self.pseudonymizer = pseudonymizer
        self.workers = workers
        index = [:]
        self.maxWorkers = maxWorkers
        readsWages = mapping.columns[.hourlyWage] != nil || mapping.columns[.monthlyWage] != nil
        columnOf = ActivityField.allCases.map { mapping.columns[$0] ?? -1 }
    }

    /// The worker of a key, when the logs named the worker.
    package func worker(_ key: WorkerKey) -> Int32? { index[key] }

    /// A worker's place (that of the worker's first row), and whether other rows named others.
    package func place(ofWorker worker: Int32) -> (place: Int32, others: Bool) {
        (workerPlaces[Int(worker)], workerNamedOthers[Int(worker)])
    }

    /// A worker's wage an hour, when the worker's rows gave one.
    package func hourlyWage(ofWorker worker: Int32) -> Double? {
        Int(worker) < workerWages.count && !workerWages[Int(worker)].isNaN ? workerWages[Int(worker)] : nil
    }

    /// Each field's column (-1: none), by `ActivityField.ordinal`.
    private let columnOf: [Int]

    /// The column of `field`, when the log has one.
    @inline(__always)
    private func column(_ field: ActivityField) -> Int? {
        let index = columnOf[field.ordinal]
        return index >= 0 ? index : nil
    }

    /// Some log has a wage column: the estimate is per worker.
    package private(set) var readsWages = false
    /// Workers whose rows give more than one wage (the highest is used).
    package private(set) var workersWithVaryingWage: Set<Int32> = []

    /// Carries on the worker list of the log before (the same worker, the same index).
    public func continueWorkers(from earlier: ActivityBuilder) {
        index = earlier.index
        keys = earlier.keys
        workers = earlier.workers
        places = earlier.places
        workerPlaces = earlier.workerPlaces
        workerNamedOthers = earlier.workerNamedOthers
        workerWages = earlier.workerWages
        workerSpellings = earlier.workerSpellings
        firstSpellingLooksAlike = earlier.firstSpellingLooksAlike
        firstSpellingCharacters = earlier.firstSpellingCharacters
        readsWages = readsWages || earlier.readsWages
        workersWithVaryingWage = earlier.workersWithVaryingWage
    }

    /// A row read: an event, or a reject naming the field and what is wrong with it.
    /// Throws when the row's worker would be one more than `maxWorkers`.
    public func build(_ row: RawRow) throws(AuditError) -> Result {
        if let defect = row.defect { return .reject(RecordBuilder.defectReject(row, defect, file: file, headerCount: mapping.headers.count)) }
        guard row.fieldCount == mapping.headers.count else {
            return .reject(Reject(file: file, line: row.line, detail: .fieldCount(found: row.fieldCount, header: mapping.headers.count),
                                  fields: row.strings))
        }
        let workerColumn = column(.workerID)!
        let workerBytes = row[workerColumn].bytes
        let workerRange = TextKey.trimmedRange(workerBytes)
        if workerRange.isEmpty { return reject(row, .workerID, .empty) }
        if workerRange.count > Self.longestWorkerID { return reject(row, .workerID, .idTooLong(bytes: workerRange.count)) }

        let named = column(.site).map { places.place(of: row[$0]) } ?? 0
        let idBytes = UnsafeRawBufferPointer(rebasing: workerBytes[workerRange])
        // One worker however the id is written: full-width, with invisible characters,
        // other dashes or look-alike letters (`WorkerKey`); plain ASCII is as written.
        guard let (id, spelling, characters) = workerKey(idBytes) else { return reject(row, .workerID, .empty) }
        let known = index[id]
        let place = known.map { workerPlaces[Int($0)] } ?? named
        let parser = self.parser(place)
        let startColumn = column(.startedAt)!
        let start: Int64
        switch timestamp(row, startColumn, parser: parser) {
        case .none:
            // `合计` or `Total` with no time: the export's sums, not an event.
            if RecordBuilder.isTotalsLabel(row[workerColumn]) {
                return .reject(Reject(file: file, line: row.line, detail: .totalsRow(label: String(decoding: idBytes, as: UTF8.self)),
                                      column: workerColumn + 1, fields: row.strings))
            }
            return reject(row, .startedAt, .empty)
        case .invalid(let problem)?:
            // Only a row whose start is no time can be the header again (pages glued together).
            if isHeaderAgain(row) { return .reject(Reject(file: file, line: row.line, detail: .repeatedHeader, fields: row.strings)) }
            return reject(row, .startedAt, .timestamp(problem))
        case .instant(let instant)?: start = instant
        }
        // A value no vocabulary knows names no system: the event stands (its time is the evidence).
        var hoursSystem: HoursSystem? = nil
        if let column = column(.hoursSystem), case .found(let found) = systems.lookup(row[column]) { hoursSystem = found }
        for (field, column) in mapping.alsoNaming {
            let first = self.column(field)!
            let a = Self.trimmed(row[first].bytes), b = Self.trimmed(row[column].bytes)
            // Times agree when they are the same instant, however each is written.
            let sameTime = (field == .startedAt || field == .endedAt) && !a.isEmpty
                && { if case .instant(let x) = timestamps[parser].parse(a), case .instant(let y) = timestamps[parser].parse(b) { x == y } else { false } }()
            if !a.elementsEqual(b) && !sameTime {
                return .reject(Reject(file: file, line: row.line, detail: .columnsDisagree(
                    header: mapping.headers[column], firstColumn: first + 1, first: String(decoding: a, as: UTF8.self),
                    secondColumn: column + 1, second: String(decoding: b, as: UTF8.self)), column: column + 1, fields: row.strings))
            }
        }
        var end = start + Int64(schedule.eventMinutes) * 60
        if let column = column(.endedAt) {
            switch timestamp(row, column, parser: parser) {
            case .none: break
            case .invalid(let problem)?: return reject(row, .endedAt, .timestamp(problem))
            case .instant(let instant)?:
                if instant < start { return reject(row, .endedAt, .endsBeforeStart) }
                end = max(instant, start + Int64(schedule.eventMinutes) * 60)
            }
        }
        if let column = column(.durationMinutes), !TextKey.trimmedRange(row[column].bytes).isEmpty {
            guard let minutes = Self.minutes(row[column].bytes) else { return reject(row, .durationMinutes, .notMinutes) }
            end = max(end, start + max(minutes, Int64(schedule.eventMinutes)) * 60)
        }
        if end - start > ActivityValueProblem.longestEventMinutes * 60 {
            let field: ActivityField = column(.durationMinutes).map { !TextKey.trimmedRange(row[$0].bytes).isEmpty } == true ? .durationMinutes : .endedAt
            return reject(row, field, .tooLong(minutes: (end - start) / 60))
        }

        var channel = ActivityChannel.other
        if let column = column(.channel), case .found(let found) = channels.lookup(row[column]) { channel = found }
        var direction = ActivityDirection.action
        var directionGiven = false
        if let column = column(.direction) {
            switch directions.lookup(row[column]) {
            case .found(let found):
                // Read by its words, a value naming two directions (`回复上级发送的消息`) is neither.
                if case .unrecognized = directions.lookupAsWritten(row[column]), namesTwoDirections(row[column]) {
                    return reject(row, .direction, .unknownDirection)
                }
                direction = found
                directionGiven = true
            case .missing, .notApplicable: break
            case .unrecognized: return reject(row, .direction, .unknownDirection)
            }
        }
        // Who acted, where the log names them rather than a direction: the worker, or someone else contacting the worker.
        if !directionGiven, let column = column(.actorID), let actor = WorkerKey.of(row[column].bytes) {
            direction = actor == id ? .action : .contact
        }
        var replyRequested = false
        if let column = column(.replyRequested) {
            switch answers.lookup(row[column]) {
            case .found(let answer): replyRequested = answer
            case .missing, .notApplicable: break
            case .unrecognized: return reject(row, .replyRequested, .unknownYesNo)
            }
        }

        let worker: Int32
        if let known {
            worker = known
            if named != place { workerNamedOthers[Int(known)] = true }
            noteSpelling(spelling, characters: characters, of: known, line: row.line)
        } else {
            guard workers.count < maxWorkers else {
                throw AuditError(.input, "more than \(maxWorkers) distinct workers in the activity logs", file: file, line: row.line,
                                 hint: "audit the logs in parts (by site or month), each with `run`")
            }
            worker = Int32(workers.count)
            index[id] = worker
            keys.append(id)
            workerPlaces.append(place)
            workerNamedOthers.append(false)
            workerWages.append(.nan)
            workerSpellings.append(spelling)
            firstSpellingLooksAlike.append(!characters.isEmpty)
            if !characters.isEmpty, firstSpellingCharacters.count < 4096 { firstSpellingCharacters[worker] = characters }
            workers.append(pseudonymizer.display(FieldBytes(bytes: idBytes, isMissing: false)))
        }
        if readsWages, let wage = wage(row) {
            let known = workerWages[Int(worker)]
            if !known.isNaN, wage != known { workersWithVaryingWage.insert(worker) }
            // The highest the worker's rows give: a low first row cannot price the overtime down.
            if known.isNaN || wage > known { workerWages[Int(worker)] = wage }
        }
        return .event(ActivityEvent(worker: worker, start: start, end: end, channel: channel, direction: direction,
                                    replyRequested: replyRequested && direction == .contact, place: place, otherPlace: named != place,
                                    hoursSystem: hoursSystem))
    }

    /// The row's wage an hour: its hourly wage column's, else its monthly wage column's over
    /// `WorkSchedule.hoursPerMonth`; nil when neither reads as an amount (the event stands).
    private func wage(_ row: RawRow) -> Double? {
        if let column = column(.hourlyWage), let amount = Self.amount(row[column].bytes) { return Self.hourly(amount, perMonth: false) }
        if let column = column(.monthlyWage), let amount = Self.amount(row[column].bytes) { return Self.hourly(amount, perMonth: true) }
        return nil
    }

    /// An amount as a wage an hour: a period written in the cell (`40元/小时` in a month's
    /// column) says more than the header; at least 1 an hour.
    private static func hourly(_ amount: (value: Double, perMonth: Bool?), perMonth: Bool) -> Double? {
        let hourly = amount.perMonth ?? perMonth ? amount.value / WorkSchedule.hoursPerMonth : amount.value
        return hourly >= 1 ? hourly : nil
    }

    /// Currencies and periods an amount may carry at either end, longest first (`/小时` before
    /// `小时`); those that say the period.
    private static let amountMarks = ["per month", "per hour", "an hour", "a month", "/month", "/hour", "/小时", "每小时", "/hr", "/时", "/月",
                                      "每月", "月薪", "时薪", "小时", "rmb", "cny", "eur", "usd", "元", "¥", "$", "€", "£", "/h"]
    private static let monthMarks: Set<String> = ["per month", "a month", "/month", "/月", "每月", "月薪"]
    private static let hourMarks: Set<String> = ["per hour", "an hour", "/hour", "/小时", "每小时", "/hr", "/时", "时薪", "小时", "/h"]

    /// A wage as exports write it: `35.5`, `¥8,000`, `8000元`, `RMB 8,000.50`, `40元/小时`, `$45/hr`,
    /// `月薪8700`, `1.2万`, `8 700`: a number, with a currency or a period before or after it
    /// (`perMonth`: what the period says, nil when none is written).
    /// `€ 2.450,50`, `8.000` are not read (a decimal comma or a thousands point is ambiguous),
    /// nor `35²`, `8元000`. At least 1 and below a million; nil otherwise (the event stands).
    static func amount(_ bytes: UnsafeRawBufferPointer) -> (value: Double, perMonth: Bool?)? {
        let written = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[TextKey.trimmedRange(bytes)]), as: UTF8.self)
        // Full-width digits and signs are how Chinese text writes them; other compatibility forms (`²`) are no amount.
        guard written.unicodeScalars.allSatisfy({ (0xFF01...0xFF5E).contains($0.value) || (0xFFE0...0xFFEE).contains($0.value) || $0.value == 0x3000
                                                  || String($0).precomposedStringWithCompatibilityMapping == String($0) }) else { return nil }
        var text = written.precomposedStringWithCompatibilityMapping.lowercased()
            .replacingOccurrences(of: " /", with: "/").replacingOccurrences(of: "/ ", with: "/")
        // Marks at either end only, until none is left.
        var perMonth: Bool? = nil
        var stripped = true
        while stripped {
            stripped = false
            text = text.trimmingCharacters(in: .whitespaces)
            for mark in amountMarks where text.hasPrefix(mark) || text.hasSuffix(mark) {
                text = text.hasPrefix(mark) ? String(text.dropFirst(mark.count)) : String(text.dropLast(mark.count))
                if monthMarks.contains(mark) { perMonth = true } else if hourMarks.contains(mark) { perMonth = false }
                stripped = true
                break
            }
        }
        var scale = 1.0
        if text.hasSuffix("万") {
            scale = 10_000
            text = String(text.dropLast()).trimmingCharacters(in: .whitespaces)
        }
        // Thousands written with a space (`8 700`) as with a comma.
        text = text.replacingOccurrences(of: " ", with: ",")
        // Thousands commas: each followed by exactly three digits; a point only after the last group.
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        if parts.count > 1 {
            guard !parts[0].isEmpty, parts.dropLast().allSatisfy({ !$0.contains(".") }),
                  parts.dropFirst().allSatisfy({ $0.prefix(3).count == 3 && $0.prefix(3).allSatisfy({ $0.isASCII && $0.isNumber })
                                                 && ($0.count == 3 || $0.dropFirst(3).first == ".") }) else { return nil }
            text = parts.joined()
        }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), text.filter({ $0 == "." }).count <= 1 else { return nil }
        // `8.000`: a thousands point, or three decimals; neither is read.
        if parts.count == 1, let point = text.firstIndex(of: "."), text[..<point].count <= 3, text[text.index(after: point)...].count == 3 { return nil }
        guard let value = Double(text).map({ $0 * scale }), value >= 1, value < 1_000_000 else { return nil }
        return (value, perMonth)
    }

    /// Rows that write a worker's id otherwise than the worker's first row did, with
    /// characters that look like others (`TextKey.lookAlikeCharacters`): one worker written
    /// two ways, read as one. The first such row's line, and the characters (at most eight).
    /// An id written one way throughout (a Russian name) is no such row, however it is folded.
    private(set) var lookAlikeRows = 0
    private var lookAlikeLine = 0
    private var lookAlikeCharacters: [Unicode.Scalar] = []
    /// Each worker's first spelling (the fingerprint of its bytes), and the look-alike
    /// characters of first spellings that have some (bounded).
    private var workerSpellings: [WorkerKey] = []
    private var firstSpellingLooksAlike: [Bool] = []
    private var firstSpellingCharacters: [Int32: [Unicode.Scalar]] = [:]
    /// Ids beyond plain ASCII already read, by the fingerprint of their bytes: their key, and
    /// their look-alike characters. Bounded; past the bound each is read afresh.
    private var readIDs: [WorkerKey: (key: WorkerKey, characters: [Unicode.Scalar])] = [:]

    /// The worker an id names (nil: blank or invisible), the id's spelling, and the characters
    /// in it that look like others.
    private func workerKey(_ id: UnsafeRawBufferPointer) -> (key: WorkerKey, spelling: WorkerKey, characters: [Unicode.Scalar])? {
        if id.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) { return WorkerKey.of(id).map { ($0, $0, []) } }
        let spelling = WorkerKey.spelling(id)
        if let known = readIDs[spelling] { return (known.key, spelling, known.characters) }
        guard let key = WorkerKey.of(id) else { return nil }
        let characters = TextKey.lookAlikeCharacters(in: String(decoding: id, as: UTF8.self))
        if readIDs.count < 1 << 16 { readIDs[spelling] = (key, characters) }
        return (key, spelling, characters)
    }

    /// A row of `worker` whose id is spelt `spelling`: noted when another spelling of the same
    /// worker came first and either holds characters that look like others.
    private func noteSpelling(_ spelling: WorkerKey, characters: [Unicode.Scalar], of worker: Int32, line: Int) {
        guard spelling != workerSpellings[Int(worker)], !characters.isEmpty || firstSpellingLooksAlike[Int(worker)] else { return }
        let both = characters + (firstSpellingCharacters[worker] ?? [])
        if lookAlikeRows == 0 { lookAlikeLine = line }
        lookAlikeRows += 1
        for character in both where lookAlikeCharacters.count < 8 && !lookAlikeCharacters.contains(character) {
            lookAlikeCharacters.append(character)
        }
    }

    /// The warning that this log wrote some worker's id in two ways that look alike; nil when it did not.
    package var lookAlikeWarning: Diagnostic? {
        guard lookAlikeRows > 0 else { return nil }
        let characters = lookAlikeCharacters.map { "U+\($0.codePoint) \($0.properties.name ?? "")" }
        return Diagnostic(level: .warning, file: file, code: .lookAlikeWorkerIDs, values: [
            "rows": .count(lookAlikeRows), "line": .count(lookAlikeLine), "characters": .text(characters.joined(separator: ", "))])
    }

    private static func trimmed(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: bytes[TextKey.trimmedRange(bytes)])
    }

    /// The header row again (pages of an export glued together): every mapped cell is its column's name.
    private func isHeaderAgain(_ row: RawRow) -> Bool {
        guard let start = column(.startedAt), TextKey.make(row[start].string) == TextKey.make(mapping.headers[start]) else { return false }
        return mapping.columns.values.allSatisfy { TextKey.make(row[$0].string) == TextKey.make(mapping.headers[$0]) }
    }

    /// A row a stray quote merged, rejected whole: its lines cannot be told apart.
    public func unbalancedQuote(_ row: RawRow, column: Int) -> Reject {
        let header = column < mapping.headers.count ? mapping.headers[column] : ""
        return Reject(file: file, line: row.line, detail: .quoteMergedLines(header: header, firstLine: row.line, lastLine: row.endLine),
                      column: column + 1, fields: row.strings)
    }

    /// A line of a row a stray quote had merged that is not a row on its own.
    package func unbalancedQuote(_ line: SwallowedLines.Line, in split: SwallowedLines.Split) -> Reject {
        Reject(file: file, line: line.line,
               detail: .mergedLineNotARow(header: split.header, firstLine: split.firstLine, lastLine: split.lastLine,
                                          fields: line.fields.count, headerFields: mapping.headers.count),
               column: split.column + 1, fields: line.fields.map { String(decoding: $0 ?? [], as: UTF8.self) })
    }

    /// A worker id longer than this is no id (a field of text, or an export cut wrong).
    public static let longestWorkerID = 256

    /// Spellings of each direction, as meaning-normalised text, to find a value naming two.
    private let directionWords: [[String]]
    /// Values read by their words, and whether they name two directions (bounded).
    private var twoDirections: [String: Bool] = [:]

    private func namesTwoDirections(_ field: FieldBytes) -> Bool {
        let text = MeaningText.normalize(field.string)
        if let known = twoDirections[text] { return known }
        let two = Self.namesTwoDirections(normalized: text, words: directionWords)
        if twoDirections.count < 4096 { twoDirections[text] = two }
        return two
    }

    /// Each direction's spellings, meaning-normalised.
    public static func directionWords(_ settings: ActivitySettings) -> [[String]] {
        ActivityDirection.allCases.map { direction in
            settings.directions.filter { $0.0 == direction }.flatMap(\.1).map(MeaningText.normalize)
        }
    }

    /// A value (meaning-normalised) holding spellings of more than one direction.
    /// A spelling inside a longer one of another direction that the value holds is that one's
    /// (`回复` in `上级回复`, `sent` in `sent by manager`): only the longer counts.
    public static func namesTwoDirections(normalized text: String, words: [[String]]) -> Bool {
        let found = words.map { spellings in spellings.filter { !$0.isEmpty && text.contains($0) } }
        let standing = found.enumerated().filter { direction, spellings in
            spellings.contains { spelling in
                !found.enumerated().contains { other, longer in other != direction && longer.contains { $0.count > spelling.count && $0.contains(spelling) } }
            }
        }
        return standing.count > 1
    }

    /// The column's timestamp; nil when the cell is blank.
    private func timestamp(_ row: RawRow, _ column: Int, parser: Int) -> TimestampParseResult? {
        let bytes = row[column].bytes
        let range = TextKey.trimmedRange(bytes)
        if range.isEmpty { return nil }
        return timestamps[parser].parse(UnsafeRawBufferPointer(rebasing: bytes[range]))
    }

    /// The parser of a place's zone, made the first time the zone is met.
    private func parser(_ place: Int32) -> Int {
        while parserOfPlace.count <= Int(place) {
            let zone = places.places[parserOfPlace.count].timeZone
            if let known = parserOfZone[zone] {
                parserOfPlace.append(known)
            } else {
                timestamps.append(TimestampParser(timeZone: TimeZone(identifier: zone) ?? TimeZone(identifier: "UTC")!, dateOrder: dateOrder,
                                                  twoDigitYears: twoDigitYears))
                parserOfZone[zone] = timestamps.count - 1
                parserOfPlace.append(timestamps.count - 1)
            }
        }
        return parserOfPlace[Int(place)]
    }

    /// A whole number of minutes (a fraction is rounded up: a started minute is worked), 0 to a day.
    static func minutes(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        // A plain decimal, as a score is read: no hex (`0x10`), exponent-only or infinite forms.
        guard let value = RecordBuilder.number(bytes), value.isFinite, value >= 0,
              value <= Double(ActivityValueProblem.longestEventMinutes) * 2 else { return nil }
        return Int64(value.rounded(.up))
    }

    private func reject(_ row: RawRow, _ field: ActivityField, _ problem: ActivityValueProblem) -> Result {
        let column = self.column(field)
        var text = column.map { String(decoding: UnsafeRawBufferPointer(rebasing: row[$0].bytes[TextKey.trimmedRange(row[$0].bytes)]), as: UTF8.self) } ?? ""
        if text.count > 80 { text = String(text.prefix(80)) + "…" }
        return .reject(Reject(file: file, line: row.line, detail: .activityValue(field: field.rawValue, text: text, problem: problem),
                              column: column.map { $0 + 1 }, fields: row.strings))
    }
}
