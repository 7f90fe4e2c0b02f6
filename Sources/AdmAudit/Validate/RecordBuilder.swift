import Crypto
import Foundation

/// The validate stage: turns each data row into a `DecisionRecord` or a `Reject`.
///
/// Rules apply in a fixed order so that a row's reason is predictable: damage found by
/// the reader (encoding, size, quotes), then the row's shape, then required fields, then
/// each value, and last the decision id's uniqueness (an id is taken only by a row that
/// is accepted, so a bad first copy does not make a good second copy a duplicate).
/// A reject holds its reason as values (`RejectDetail`); the report words it in the
/// reader's language.
///
/// Its mutable state is marked `@exclusivity(unchecked)`: one thread at a time builds rows,
/// and no access overlaps another (nothing here calls back into the builder), so the run-time
/// check found nothing and cost about a twentieth of a run (perf, 1M rows).
public final class RecordBuilder {
    public let file: String
    public let fileIndex: Int
    let mapping: ColumnMapping
    private let columnOf: [Int]  // CanonicalField ordinal → column, -1 when absent
    private let attributeColumns: [Int]
    @exclusivity(unchecked) private var values: ValueMaps
    /// Spellings disguised as a coded value that this file's rows were read with.
    package var disguisedValues: DisguisedSpellings { values.disguised }
    /// One parser per time zone of `placeZones` (one, unless sites are in several zones).
    @exclusivity(unchecked) private var parsers: [TimestampParser]
    private let placeZones: PlaceZones
    /// Local dates in each zone, for ages on the decision's date.
    private let calendars: [LocalCalendar]
    private let placeColumn: Int
    /// The zone of the row being built.
    @exclusivity(unchecked) private var zone = 0
    private let derive: OutcomeDerivation?
    private let outcomeFromType: Bool
    /// Actions the pipeline lists as favourable outcomes (`values.outcome.favorable: [Hire]`).
    private var listedActions: Vocabulary<Bool>
    private let defaultDecisionType: DecisionType?
    private let decimalComma: Bool
    package let headerCount: Int
    /// The header's cells in `TextKey` form, to know the header when it comes again.
    private let headerKeys: [String]
    @exclusivity(unchecked) public private(set) var groups: [AttributeGroups]
    @exclusivity(unchecked) private var groupBuffer: UnsafeMutableBufferPointer<Int32>
    /// With no decision id column, each row's name, `line 12` (`第12行`): written here per
    /// row, read by the record until the next row is built (`ColumnMapping.namesDecisionsByLine`).
    private let lineName: LineName?
    @exclusivity(unchecked) private var lineNameBuffer: UnsafeMutableRawBufferPointer
    /// Per attribute, its age banding when its groups are bands of ages or birth dates.
    private let ageBands: [AgeBanding?]
    /// Categorical fields whose column also feeds a text field (`申诉处理方`: the system, or
    /// the person who decided): a value they do not know is the text field's, not an error.
    private let sharingWithText: FieldSet
    /// Yes/no fields written out as text: a filled cell is yes (`input.filled_means_yes`).
    private let filledMeansYes: FieldSet
    /// Columns named like the column a field or attribute is read from (a decoy placed before
    /// the real one would otherwise decide alone): each row's two cells must agree.
    private let sameNamedColumns: [(read: Int, other: Int)]
    /// Fields no column of the file is read for (`DecisionRecord.unmapped`).
    private let unmappedFields: FieldSet
    /// The kinds HR, EX and AP judge (`significantTypes`), a bit per `DecisionType.ordinal`: a
    /// rejected row of one whose outcome cannot be read may hide a violation. Asked of every
    /// adverse row, where hashing into a set was some 50 instructions a row (callgrind, W).
    private let significantKinds: UInt64

    private func isSignificant(_ kind: DecisionType) -> Bool { significantKinds >> UInt64(kind.ordinal) & 1 != 0 }

    /// What `LeadingAnswer.noNamingSoftware` said of each `human_reviewed` spelling: an export
    /// of human decisions may write one remark on every row, read by meaning once.
    private var remarksNamingSoftware = LearnedReadings<Bool>()

    private func noNamingSoftware(_ field: FieldBytes) -> Bool {
        let bytes = UnsafeRawBufferPointer(rebasing: field.bytes[TextKey.trimmedRange(field.bytes)])
        guard bytes.count <= LearnedReadings<Bool>.longestMeaningful else { return false }
        if let known = remarksNamingSoftware.lookup(bytes) { return known }
        let answer = LeadingAnswer.noNamingSoftware(MeaningText.normalize(String(decoding: bytes, as: UTF8.self)))
        remarksNamingSoftware.remember(bytes, answer)
        return answer
    }

    package init(file: String, fileIndex: Int, mapping: ColumnMapping, pipeline: Pipeline,
         values: ValueMaps, groups: [AttributeGroups]) {
        self.file = file
        self.fileIndex = fileIndex
        self.mapping = mapping
        columnOf = CanonicalField.allCases.map { mapping.fields[$0]?.column ?? -1 }
        var unmapped = FieldSet()
        for field in CanonicalField.allCases where mapping.fields[field] == nil { unmapped.insert(field) }
        unmappedFields = unmapped
        significantKinds = pipeline.checks.significantTypes.reduce(0) { $0 | 1 << UInt64($1.ordinal) }
        attributeColumns = mapping.attributes.map { $0.match?.column ?? -1 }
        self.values = values
        placeZones = PlaceZones(input: pipeline.input)
        calendars = placeZones.zones.map { LocalCalendar(timeZone: TimeZone(identifier: $0) ?? TimeZone(identifier: "UTC")!) }
        parsers = placeZones.zones.map { name in
            TimestampParser(timeZone: TimeZone(identifier: name) ?? TimeZone(identifier: "UTC")!, dateOrder: pipeline.input.dateOrder,
                            twoDigitYears: pipeline.input.twoDigitYears)
        }
        placeColumn = placeZones.isEmpty ? -1 : PlaceZones.placeColumn(mapping) ?? -1
        derive = pipeline.derive
        outcomeFromType = pipeline.outcomeFromDecisionType
        let actionKeys = Set(BuiltinVocabulary.actionsTaken.map(TextKey.make))
        let listed = pipeline.values.outcomes.filter { $0.0 == .favorable }.flatMap(\.1).filter { actionKeys.contains(TextKey.make($0)) }
        listedActions = Vocabulary([(true, listed)], rule: .exact)
        defaultDecisionType = pipeline.input.defaultDecisionType
        decimalComma = pipeline.input.decimalSeparator == .comma
        headerCount = mapping.headers.count
        headerKeys = mapping.headers.map(TextKey.make)
        self.groups = groups
        ageBands = pipeline.attributes.map { pipeline.ageBands[$0.name] }
        var sharing = FieldSet()
        for (field, match) in mapping.fields where field.kind != .text {
            if mapping.fields.contains(where: { $0.key.kind == .text && $0.value.column == match.column }) { sharing.insert(field) }
        }
        sharingWithText = sharing
        var filled = FieldSet()
        for field in pipeline.input.filledMeansYes { filled.insert(field) }
        filledMeansYes = filled
        let readKeys = Dictionary((mapping.fields.values.map(\.column) + mapping.attributes.compactMap(\.match?.column))
            .map { (Self.alikeKey(mapping.headers[$0]), $0) }, uniquingKeysWith: min)
        sameNamedColumns = mapping.headers.indices.compactMap { column in
            guard let read = readKeys[Self.alikeKey(mapping.headers[column])], read != column else { return nil }
            return (read, column)
        }
        groupBuffer = .allocate(capacity: max(groups.count, 1))
        lineName = mapping.namesDecisionsByLine ? LineName(language: pipeline.report.language) : nil
        lineNameBuffer = .allocate(byteCount: LineName.longest, alignment: 1)
    }

    deinit {
        groupBuffer.deallocate()
        lineNameBuffer.deallocate()
    }

    /// What `build` made of a row. The record itself is written where the caller keeps it:
    /// a record is some 400 bytes, and returned in an enum it was copied about eight times a
    /// row (callgrind, W at 100k rows).
    public enum Result {
        /// The row was a decision, written into the record given.
        case record
        case reject(Reject)
        /// The row names the header's columns in another order: the file has two headers that
        /// disagree on which column is which, so no row's reading can be trusted.
        case headerInAnotherOrder(AuditError)
    }

    /// Reads a row into `record` (every field of it written; untouched unless the result is
    /// `.record`), or says why it is no decision.
    package func build(_ row: RawRow, ids: inout DecisionIDRegistry, into record: inout DecisionRecord) -> Result {
        if let defect = row.defect { return .reject(reject(row, defect)) }
        let result = validate(row, ids: &ids, into: &record)
        // A repeated header or a totals row fails validation (but see `totalsPassingAsADecision`); only then is it worth
        // asking whether the row was a decision at all.
        if case .reject = result {
            if let notADecision = notADecision(row) { return .reject(notADecision) }
            if readsAsASecondHeader(row) {
                return .headerInAnotherOrder(AuditError(
                    .input, "line \(row.line) names the header's columns in another order: the export has two headers that disagree on which column is which",
                    file: file, line: row.line,
                    hint: "ask the employer which header is right; remove the other line (or start the reading at the right one with input.header_line) and run again")
                    .inChinese("第 \(row.line) 行以另一种顺序列出表头的各列：导出文件有两个表头，对哪一列是什么说法不一",
                               hint: "请用人单位确认哪个表头正确；删去另一行（或用 input.header_line 从正确的一行开始读取）后重新运行"))
            }
        }
        return result
    }

    /// A decoy header above the real one (or below it) that swaps two columns' names: at
    /// least three quarters of its cells are the header's names, and one of them stands in
    /// another column than in the header (renaming an unused column, `Note` for `Notes`, does
    /// not hide it). A header repeated as it was is a `repeated_header` reject instead.
    private func readsAsASecondHeader(_ row: RawRow) -> Bool {
        guard row.fieldCount == headerCount, headerCount > 1 else { return false }
        let names = Set(headerKeys)
        guard names.count > 1 else { return false }
        let keys = (0..<headerCount).map { TextKey.make(row[$0].string) }
        let named = keys.filter { !$0.isEmpty && names.contains($0) }.count
        return named * 4 >= headerCount * 3 && zip(keys, headerKeys).contains { $0 != $1 && !$0.isEmpty && names.contains($0) }
    }

    /// A header as a reader takes it in, whatever its case, spaces, underscores, hyphens or dots:
    /// `Human Reviewed`, `human_reviewed`, `HumanReviewed` and `human-reviewed` are one name, so
    /// a decoy of that name before the real column must agree with it on every row.
    static func alikeKey(_ header: String) -> String {
        // Only separators go: `Employee #` (a number) and `Employee` (a name) stay two names.
        let key = String(String.UnicodeScalarView(TextKey.make(header).unicodeScalars.filter {
            !$0.properties.isWhitespace && $0 != "_" && $0 != "-" && $0 != "." && $0 != "\u{00B7}"
        }))
        return key.isEmpty ? TextKey.make(header) : key
    }

    private func validate(_ row: RawRow, ids: inout DecisionIDRegistry, into record: inout DecisionRecord) -> Result {
        zone = placeColumn < 0 ? 0 : placeZones.zone(of: row[placeColumn])
        if row.fieldCount != headerCount {
            return .reject(reject(row, .fieldCount(found: row.fieldCount, header: headerCount)))
        }
        for (read, other) in sameNamedColumns {
            let first = row[read].bytes, second = row[other].bytes
            let a = UnsafeRawBufferPointer(rebasing: first[TextKey.trimmedRange(first)])
            let b = UnsafeRawBufferPointer(rebasing: second[TextKey.trimmedRange(second)])
            guard !a.elementsEqual(b) else { continue }
            return .reject(Reject(file: file, line: row.line, detail: .columnsDisagree(
                header: mapping.headers[read], firstColumn: read + 1, first: String(decoding: a, as: UTF8.self),
                secondColumn: other + 1, second: String(decoding: b, as: UTF8.self)), column: other + 1, fields: row.strings))
        }

        // Required fields.
        let idField = field(row, .decisionID)
        let idRange = TextKey.trimmedRange(idField.bytes)
        // An id of invisible characters only is no id: written so, it would pass for one and
        // make every other such id its duplicate.
        if lineName == nil, idRange.isEmpty || (ValueMaps.mayNormalize(UnsafeRawBufferPointer(rebasing: idField.bytes[idRange]))
                               && TextKey.identity(String(decoding: UnsafeRawBufferPointer(rebasing: idField.bytes[idRange]), as: UTF8.self)).isEmpty) {
            return .reject(reject(row, .empty(.decisionID), column: .decisionID))
        }
        var decisionType: DecisionType
        let typeField = field(row, .decisionType)
        switch values.decisionTypes.lookup(typeField) {
        case .found(let type): decisionType = type
        case .missing, .notApplicable:
            guard let fallback = defaultDecisionType else {
                return .reject(reject(row, .empty(.decisionType), column: .decisionType))
            }
            decisionType = fallback
        case .unrecognized:
            return .reject(unknownValue(row, .decisionType, expected: .decisionType))
        }

        var score: Double? = nil
        let scoreField = field(row, .score)
        if !ValueMaps.isBlank(scoreField) {
            if let parsed = Self.number(scoreField.bytes, decimalComma: decimalComma) {
                score = parsed
            } else if case let text = trimmedText(scoreField), !NotApplicable.matches(trimmed: text, normalized: MeaningText.normalize(text)) {
                let commaHint = !decimalComma && text.contains(",") && !text.contains(".")
                return .reject(reject(row, .notANumber(.score, text: text, decimalCommaHint: commaHint), column: .score))
            }
        }

        var outcome: Outcome
        var derived = false
        switch values.outcomes.lookup(field(row, .outcome)) {
        case .found(let value):
            outcome = value
            // An approval or a refusal of what was proposed goes the way the kind points: `Approved`
            // on a written warning or a `Bonus Reduced` is the sanction approved, so it stands:
            // adverse; `Rejected` on one is the sanction turned down: favourable. On a kind whose
            // own word is favourable (`不予处分`, `No Action`) they point the other way.
            if value == .favorable, case .found(true) = values.approvals.lookup(field(row, .outcome)),
               let implied = impliedOutcome(typeField, decisionType) {
                outcome = implied
            } else if value == .adverse, case .found = values.rejections.lookup(field(row, .outcome)),
                      let implied = impliedOutcome(typeField, decisionType) {
                outcome = implied == .adverse ? .favorable : .adverse
            }
            if let derive, derive.overrideRecorded, let score {
                outcome = derive.outcome(for: score)
                derived = true
            }
        case .missing, .notApplicable:
            if outcomeFromType, let implied = impliedOutcome(typeField, decisionType) {
                outcome = implied
            } else if let derive, let score {
                outcome = derive.outcome(for: score)
            } else {
                // The type's cell, or the pipeline's `default_decision_type` when the cell is empty.
                let typeText = ValueMaps.isBlank(typeField) ? decisionType.rawValue : trimmedText(typeField)
                let detail: RejectDetail = outcomeFromType ? .outcomeUnstated(decisionType: typeText)
                    : derive == nil ? .empty(.outcome) : .outcomeUnderivable
                return .reject(reject(row, detail, column: .outcome))
            }
            derived = true
        case .unrecognized:
            // An approval or a refusal that is no outcome word (an approval workflow's `同意`,
            // `批准`, `不同意`), written as a whole value, is read as `通过` and `拒绝` are: a
            // request approved is granted, a sanction approved stands, a sanction refused does not.
            let cell = field(row, .outcome)
            if case .found = values.rejections.lookup(cell) {
                outcome = impliedOutcome(typeField, decisionType) == .adverse ? .favorable : .adverse
            } else if case .found(true) = values.approvals.lookupAsWritten(cell) {
                outcome = impliedOutcome(typeField, decisionType) ?? .favorable
            } else {
                return .reject(unknownValue(row, .outcome, expected: .outcome))
            }
        }

        // A kind the checks do not single out whose adverse outcome names a sanction they do
        // (`transfer` with `dismissed`, `Performance Review` with `Terminated`): the outcome
        // says what was decided. Read as the kind written, such a dismissal was judged by no
        // check (a second hostile review).
        if outcome == .adverse, !decisionType.isSanction, !isSignificant(decisionType),
           case .found(let named) = values.decisionTypes.lookup(field(row, .outcome)), named.isSanction, isSignificant(named) {
            decisionType = named
        }

        // Optional fields: each either parses, is not recorded (nil), or rejects the row.
        let automated: Bool?, humanReviewed: Bool?, explanationGiven: Bool?, appealOffered: Bool?, unionNotified: Bool?
        let reviewResult: ReviewResult?, appealResult: ReviewResult?, appealReviewer: AppealReviewer?
        let decidedAt: Int64?, effectiveAt: Int64?, notifiedAt: Int64?, reviewedAt: Int64?
        let appealFiledAt: Int64?, appealRespondedAt: Int64?, aiNoticeAt: Int64?
        var notApplicable = FieldSet()
        var dayOnly = FieldSet()
        do throws(Reject) {
            automated = try optional(row, .automated, values.automation.lookup(field(row, .automated)), expected: .yesNo, &notApplicable)
            humanReviewed = try optional(row, .humanReviewed, values.booleans.lookup(field(row, .humanReviewed)), expected: .yesNo, &notApplicable)
            explanationGiven = try optional(row, .explanationGiven, values.booleans.lookup(field(row, .explanationGiven)), expected: .yesNo, &notApplicable)
            appealOffered = try optional(row, .appealOffered, values.booleans.lookup(field(row, .appealOffered)), expected: .yesNo, &notApplicable)
            unionNotified = try optional(row, .unionNotified, values.booleans.lookup(field(row, .unionNotified)), expected: .yesNo, &notApplicable)
            reviewResult = try optional(row, .reviewResult, values.reviewResults.lookup(field(row, .reviewResult)), expected: .reviewResult, &notApplicable, decided: outcome)
            appealResult = try optional(row, .appealResult, values.appealResults.lookup(field(row, .appealResult)), expected: .reviewResult, &notApplicable, decided: outcome)
            appealReviewer = try optional(row, .appealReviewer, values.appealReviewers.lookup(field(row, .appealReviewer)), expected: .appealReviewer, &notApplicable)
            decidedAt = try instant(row, .decidedAt, &notApplicable, &dayOnly)
            effectiveAt = try instant(row, .effectiveAt, &notApplicable, &dayOnly)
            notifiedAt = try instant(row, .notifiedAt, &notApplicable, &dayOnly)
            reviewedAt = try instant(row, .reviewedAt, &notApplicable, &dayOnly)
            appealFiledAt = try instant(row, .appealFiledAt, &notApplicable, &dayOnly)
            appealRespondedAt = try instant(row, .appealRespondedAt, &notApplicable, &dayOnly)
            aiNoticeAt = try instant(row, .aiNoticeAt, &notApplicable, &dayOnly)
        } catch {
            return .reject(error)
        }

        if let totals = totalsPassingAsADecision(row) { return .reject(totals) }

        // Who decided, said two ways by two columns: a person by `automated`, software by the
        // remark after the no of `human_reviewed` (a hostile review's `human` beside `no (auto)`
        // kept 40 of 40 automated dismissals out of HR-01). Refused, as within one cell (`MixedSignals`).
        if automated == false, humanReviewed == false, case .unrecognized = values.booleans.lookupAsWritten(field(row, .humanReviewed)),
           noNamingSoftware(field(row, .humanReviewed)) {
            return .reject(reject(row, .decidedTwoWays(automated: trimmedText(field(row, .automated)),
                                                       humanReviewed: trimmedText(field(row, .humanReviewed))), column: .humanReviewed))
        }

        // Uniqueness last: only accepted rows claim an id. A line's name is unique as it is.
        let id = lineName.map { $0.write(row.line, into: lineNameBuffer) } ?? UnsafeRawBufferPointer(rebasing: idField.bytes[idRange])
        if lineName == nil, let first = ids.claim(id, fileIndex: fileIndex, line: row.line) {
            // What a disguised id hid, shown as its code (`D[U+200B]1`); an id as it reads
            // (a Russian one) is shown as it is.
            let raw = String(decoding: id, as: UTF8.self)
            let text = TextKey.identity(raw) == raw ? raw : TextKey.revealed(raw)
            return .reject(reject(row, .duplicateID(id: text, firstLine: first.line, firstFile: first.fileIndex == fileIndex ? nil : first.file),
                                  column: .decisionID))
        }

        for index in groups.indices {
            let column = attributeColumns[index]
            if column < 0 {
                groupBuffer[index] = AttributeGroups.unknown
            } else if let banding = ageBands[index] {
                groupBuffer[index] = ageBand(row[column], banding, decidedAt: decidedAt)
            } else {
                groupBuffer[index] = groups[index].group(for: row[column])
            }
        }

        record = DecisionRecord(
            fileIndex: fileIndex, line: row.line,
            decisionID: FieldBytes(bytes: id, isMissing: false), decisionIDIsLine: lineName != nil,
            subjectID: field(row, .subjectID), system: field(row, .system), reviewerID: field(row, .reviewerID),
            appealReviewerID: field(row, .appealReviewerID),
            jurisdiction: field(row, .jurisdiction), dataCategories: field(row, .dataCategories),
            protectedStatus: field(row, .protectedStatus), reasonCodes: field(row, .reasonCodes),
            decisionType: decisionType, outcome: outcome, outcomeDerived: derived, score: score,
            automated: automated, humanReviewed: humanReviewed, explanationGiven: explanationGiven,
            appealOffered: appealOffered, unionNotified: unionNotified,
            reviewResult: reviewResult, appealResult: appealResult, appealReviewer: appealReviewer,
            decidedAt: decidedAt, effectiveAt: effectiveAt, notifiedAt: notifiedAt, reviewedAt: reviewedAt,
            appealFiledAt: appealFiledAt, appealRespondedAt: appealRespondedAt, aiNoticeAt: aiNoticeAt,
            groups: UnsafeBufferPointer(start: groupBuffer.baseAddress, count: groups.count),
            notApplicable: notApplicable, dayOnly: dayOnly, unmapped: unmappedFields, zone: zone
        )
        return .record
    }

    /// An optional categorical value: nil when not recorded or not applicable (which
    /// `notApplicable` then holds), a reject when it means nothing the vocabulary knows.
    /// A review or appeal result written as an outcome (`核实后不予处理`, `No violation found`)
    /// states what the reviewer decided: the `decided` outcome again is upheld, the other
    /// overturned. `looked` is the cell looked up in its vocabulary by the caller (a key path
    /// to the vocabulary, made on every call, had both threads of a cut file count
    /// references to one shared object).
    private func optional<Value>(_ row: RawRow, _ canonical: CanonicalField, _ looked: ValueLookup<Value>,
                                 expected: RejectDetail.ExpectedValues, _ notApplicable: inout FieldSet, decided: Outcome? = nil) throws(Reject) -> Value? {
        switch looked {
        case .found(let value): return value
        case .missing: return nil
        case .notApplicable:
            notApplicable.insert(canonical)
            return nil
        case .unrecognized:
            if sharingWithText.contains(canonical) { return nil }
            // Only yes/no fields are allowed in `filled_means_yes` (the loader checks).
            if filledMeansYes.contains(canonical), let yes = true as? Value { return yes }
            if let decided, case .found(let stated) = values.outcomes.lookup(field(row, canonical)),
               let result = (stated == decided ? ReviewResult.upheld : .overturned) as? Value {
                return result
            }
            throw unknownValue(row, canonical, expected: expected)
        }
    }

    /// The age band of an age in years, or of a birth date on the decision's date; unknown
    /// when the cell is empty, unreadable or implausible, or the decision has no date.
    private func ageBand(_ field: FieldBytes, _ banding: AgeBanding, decidedAt: Int64?) -> Int32 {
        let range = TextKey.trimmedRange(field.bytes)
        if range.isEmpty { return AttributeGroups.unknown }
        switch banding.source {
        case .years:
            guard let years = Self.number(field.bytes), (0...150).contains(years),
                  let band = banding.band(ofAge: Int(years.rounded(.down))) else { return AttributeGroups.unknown }
            return band
        case .birthDate:
            // Both as local dates of the row's zone: the birthday and the decision's day there.
            let calendar = calendars[zone]
            guard let decidedAt, case .instant(let born) = parsers[zone].parse(UnsafeRawBufferPointer(rebasing: field.bytes[range])),
                  let band = banding.band(ofAge: AgeBanding.age(born: LocalCalendar.date(ofDay: calendar.day(of: born)),
                                                                on: LocalCalendar.date(ofDay: calendar.day(of: decidedAt))))
            else { return AttributeGroups.unknown }
            return band
        }
    }

    /// The outcome a decision kind states by itself: its own words read as an outcome
    /// (`未录用`, `Screened Out`, `扣发奖金`), else adverse for the kinds that are sanctions.
    private func impliedOutcome(_ typeField: FieldBytes, _ type: DecisionType) -> Outcome? {
        // `Hire`, `Promotion` say the action was taken only where the pipeline lists them (`init` does in a log of
        // sanctions with no outcome column); beside a column of outcomes, or in a screen whose result is elsewhere, nothing.
        if case .found = values.actionsTaken.lookup(typeField) {
            guard columnOf[CanonicalField.outcome.ordinal] < 0, case .found = listedActions.lookup(typeField) else { return nil }
            return .favorable
        }
        if case .found(let stated) = values.outcomes.lookup(typeField) { return stated }
        switch type {
        case .dismissal, .demotion, .discipline, .suspension: return .adverse
        default: return nil
        }
    }

    /// The header written again, cell for cell (`keys`: the header's names, `TextKey.make`);
    /// `init`'s sample leaves such a row out as the run rejects it.
    package static func repeatsHeader(_ row: RawRow, keys: [String]) -> Bool {
        row.fieldCount == keys.count && !keys.isEmpty && keys.indices.allSatisfy { TextKey.make(row[$0].string) == keys[$0] }
    }

    /// A repeated header row or a totals row: rejected with a reason of its own, as neither
    /// is a decision. A row whose decision-type cell reads as a decision is a totals row only
    /// as `totalsPassingAsADecision` says.
    private func notADecision(_ row: RawRow) -> Reject? {
        if Self.repeatsHeader(row, keys: headerKeys) { return reject(row, .repeatedHeader) }
        guard let first = (0..<min(row.fieldCount, headerCount)).lazy.map({ row[$0] }).first(where: { !ValueMaps.isBlank($0) }),
              Self.isTotalsLabel(first) else { return nil }
        let typeField = field(row, .decisionType)
        if columnOf[CanonicalField.decisionType.ordinal] < row.fieldCount, case .found = values.decisionTypes.lookup(typeField) { return nil }
        // Nor one that states an outcome: sums hold counts, not `不利`; an id that merely starts
        // like a label (`Total-0001`) must not take an adverse decision out of the alarm.
        if columnOf[CanonicalField.outcome.ordinal] < row.fieldCount, case .found = values.outcomes.lookup(field(row, .outcome)) { return nil }
        return totalsRow(row, first)
    }

    /// A totals row whose cells read as a decision (`合计,,50人,…,解除6人/待岗13人`): its decision
    /// id is itself the label, and it names nobody (`subject_id` mapped and empty), when every
    /// decision concerns somebody. Both must hold, so that an id of `合计` alone cannot take a
    /// real decision out of the audit.
    ///
    /// With no id column, a label in the person's cell is no such row: a dismissal written
    /// about `Total`, dateless, would leave the audit and the alarm.
    private func totalsPassingAsADecision(_ row: RawRow) -> Reject? {
        let id = field(row, .decisionID), subject = columnOf[CanonicalField.subjectID.ordinal]
        guard subject >= 0, subject < row.fieldCount, ValueMaps.isBlank(row[subject]), Self.isTotalsLabel(id) else { return nil }
        return totalsRow(row, id)
    }

    private func totalsRow(_ row: RawRow, _ label: FieldBytes) -> Reject {
        reject(row, .totalsRow(label: trimmedText(label)))
    }

    private static let totalsLabels = ["合计", "总计", "小计", "共计", "汇总", "总数", "total", "totals", "grand total", "subtotal", "sum", "count"]
    /// Footers: who drew the table up, when it was printed. Followed by a colon, a space or
    /// nothing, never by more Chinese (`编制外` is a kind of employment, not a footer).
    private static let footerLabels = ["制表", "制表人", "编制", "编制人", "填表", "填表人", "审核人", "打印", "打印人", "打印时间", "打印日期", "导出人",
                                       "导出日期", "导出时间", "prepared by", "printed by", "printed on", "exported by", "exported on", "end of report"]

    /// `合计`, `总计：42`, `Total`, `Grand total (42 rows)`: a label of sums at the start of the
    /// row; `制表：人力资源部`, `Prepared by: HR`: a footer saying who drew the table up.
    package static func isTotalsLabel(_ field: FieldBytes) -> Bool {
        let range = TextKey.trimmedRange(field.bytes)
        guard range.count <= 64 else { return false }
        let text = MeaningText.normalize(String(decoding: UnsafeRawBufferPointer(rebasing: field.bytes[range]), as: UTF8.self))
        let sums = totalsLabels.contains { label in
            guard text.hasPrefix(label) else { return false }
            let rest = text.dropFirst(label.count)
            guard let next = rest.unicodeScalars.first else { return true }
            return !next.properties.isAlphabetic || MeaningText.isCJK(next) && !label.unicodeScalars.allSatisfy(\.isASCII) && rest.count <= 8
        }
        return sums || footerLabels.contains { label in
            guard text.hasPrefix(label) else { return false }
            return text.dropFirst(label.count).unicodeScalars.first.map { !$0.properties.isAlphabetic } ?? true
        }
    }

    /// True when a rejected row reads as an adverse decision: its outcome or decision kind
    /// (a sanction by nature) says so. A row of another width is read cell by cell, as its
    /// cells may have shifted, and only as written: ids and dates must not fill the
    /// vocabularies' memory of spellings read by meaning. A quote or delimiter out of place
    /// merges cells (`"Fresno CA,"Termination"` is one cell of a row one field short), so
    /// each piece of a cell between delimiters and quotes is read too: otherwise one closing
    /// quote left out hid an unreviewed dismissal behind a summary that read clean. A row too
    /// wide or too cut up to read whole counts as holding one: the reading is bounded, and
    /// its bound must not be a place to hide. So does a row of a significant kind whose outcome
    /// is written but unreadable (`decreased`, `-10%`): it may be the adverse one, and a few
    /// such rows, under the share of rejects that raises the alarm, hid unreviewed pay cuts.
    /// And so does a row whose kind is blank or unknown, unless its outcome reads favourable:
    /// `RIF` or `end of assignment` with `processed` bought one hidden dismissal for every
    /// hundred honest rows under the alarm.
    package func holdsAdverseDecision(_ row: RawRow) -> Bool {
        func adverse(_ cell: FieldBytes, byMeaning: Bool) -> Bool {
            if ValueMaps.isBlank(cell) { return false }
            let outcome = byMeaning ? values.outcomes.lookup(cell) : values.outcomes.lookupAsWritten(cell)
            if case .found(.adverse) = outcome { return true }
            let type = byMeaning ? values.decisionTypes.lookup(cell) : values.decisionTypes.lookupAsWritten(cell)
            if case .found(let kind) = type, kind.isSanction { return true }
            return false
        }
        if row.fieldCount == headerCount, row.defect == nil {
            let outcome = field(row, .outcome), type = field(row, .decisionType)
            if adverse(outcome, byMeaning: true) || adverse(type, byMeaning: true) { return true }
            let outcomeRead = values.outcomes.lookup(outcome)
            if !ValueMaps.isBlank(outcome), case .unrecognized = outcomeRead,
               case .found(let kind) = values.decisionTypes.lookup(type), isSignificant(kind) {
                return true
            }
            // A kind no vocabulary knows (`RIF`, `offboarding`, a blank one) may be a dismissal
            // by another name: unless its outcome reads favourable, it may be an adverse one.
            if case .found(.favorable) = outcomeRead { return false }
            switch values.decisionTypes.lookup(type) {
            case .found: return false
            case .missing: return !ValueMaps.isBlank(outcome)
            case .unrecognized, .notApplicable: return true
            }
        }
        // Fields the reader did not keep (past `input.max_columns`) cannot be read.
        guard row.fieldCount <= Self.rejectedFieldsRead, row.storedCount >= row.fieldCount else { return true }
        var piecesLeft = Self.rejectedPiecesRead
        for column in 0..<row.fieldCount {
            let cell = row[column]
            if adverse(cell, byMeaning: false) { return true }
            // Split no further than the bound: a last piece holding the rest means it was reached.
            let pieces = cell.bytes.split(maxSplits: piecesLeft, omittingEmptySubsequences: true, whereSeparator: Self.cutsCells)
            guard pieces.count > 1 else { continue }
            if pieces.count > piecesLeft { return true }
            piecesLeft -= pieces.count
            if pieces.contains(where: { adverse(FieldBytes(bytes: UnsafeRawBufferPointer(rebasing: $0), isMissing: false), byMeaning: false) }) {
                return true
            }
        }
        return false
    }

    /// How much of a rejected row of another width is read for an adverse decision; past it
    /// the row counts as holding one.
    static let rejectedFieldsRead = 1024
    static let rejectedPiecesRead = 4096

    /// Bytes that end a cell somewhere: the delimiters an export may use, and the quote.
    private static func cutsCells(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") || byte == 0x09 || byte == UInt8(ascii: "|") || byte == UInt8(ascii: "\"")
    }

    /// Local days systems write where no date was kept (`TimestampProblem.placeholderDate`):
    /// 1970-01-01, 1900-01-01, 1899-12-31 and 1899-12-30.
    private static let placeholderDays: Set<Int64> = [0, -25_567, -25_568, -25_569]

    /// An optional timestamp: nil when empty or marked not applicable (`N/A`, `/`, `—`, which
    /// `notApplicable` then holds), a reject when it does not parse.
    private func instant(_ row: RawRow, _ canonical: CanonicalField, _ notApplicable: inout FieldSet,
                         _ dayOnly: inout FieldSet) throws(Reject) -> Int64? {
        let value = field(row, canonical)
        let range = TextKey.trimmedRange(value.bytes)
        if range.isEmpty { return nil }
        switch parsers[zone].parse(UnsafeRawBufferPointer(rebasing: value.bytes[range])) {
        case .instant(let seconds):
            // Every placeholder day is before 1970-01-03: one comparison for the rest.
            if seconds < 172_800, Self.placeholderDays.contains(calendars[zone].day(of: seconds)) {
                throw reject(row, .badTimestamp(canonical, text: trimmedText(value), problem: .placeholderDate), column: canonical)
            }
            if parsers[zone].lastWasDayOnly { dayOnly.insert(canonical) }
            return seconds
        case .invalid(let why):
            let text = trimmedText(value)
            if NotApplicable.matches(trimmed: text, normalized: MeaningText.normalize(text)) {
                notApplicable.insert(canonical)
                return nil
            }
            throw reject(row, .badTimestamp(canonical, text: text, problem: why), column: canonical)
        }
    }

    @inline(__always)
    private func field(_ row: RawRow, _ canonical: CanonicalField) -> FieldBytes {
        let column = columnOf[canonical.ordinal]
        if column < 0 { return FieldBytes(bytes: UnsafeRawBufferPointer(start: nil, count: 0), isMissing: true) }
        return row[column]
    }

    private func trimmedText(_ field: FieldBytes) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: field.bytes[TextKey.trimmedRange(field.bytes)]), as: UTF8.self)
    }

    private func unknownValue(_ row: RawRow, _ canonical: CanonicalField, expected: RejectDetail.ExpectedValues) -> Reject {
        reject(row, .unknownValue(canonical, text: trimmedText(field(row, canonical)), expected: expected), column: canonical)
    }

    /// A row a stray quote had merged whose lines cannot be told apart (another field spans
    /// lines too, or bytes were not kept): rejected whole.
    package func unbalancedQuote(_ row: RawRow, column: Int) -> Reject {
        let header = column < mapping.headers.count ? mapping.headers[column] : ""
        return Reject(file: file, line: row.line, detail: .quoteMergedLines(header: header, firstLine: row.line, lastLine: row.endLine),
                      column: column + 1, fields: row.strings)
    }

    /// A line of a row a stray quote had merged (`SwallowedLines`) that is not a row on its own.
    package func unbalancedQuote(_ line: SwallowedLines.Line, in split: SwallowedLines.Split) -> Reject {
        let fields = line.fields.map { String(decoding: $0 ?? [], as: UTF8.self) }
        return Reject(file: file, line: line.line,
                      detail: .mergedLineNotARow(header: split.header, firstLine: split.firstLine, lastLine: split.lastLine,
                                                 fields: line.fields.count, headerFields: headerCount),
                      column: split.column + 1, fields: fields)
    }

    private func reject(_ row: RawRow, _ detail: RejectDetail, column canonical: CanonicalField? = nil) -> Reject {
        let column = canonical.flatMap { columnOf[$0.ordinal] >= 0 ? columnOf[$0.ordinal] + 1 : nil }
        return Reject(file: file, line: row.line, detail: detail, column: column, fields: row.strings)
    }

    private func reject(_ row: RawRow, _ defect: RowDefect) -> Reject {
        Self.defectReject(row, defect, file: file, headerCount: headerCount)
    }

    /// The reject of a row the reader found damaged (an activity log's rows too).
    static func defectReject(_ row: RawRow, _ defect: RowDefect, file: String, headerCount: Int) -> Reject {
        switch defect {
        case let .fieldTooLong(index, bytes, limit):
            Reject(file: file, line: row.line, detail: .fieldTooLong(field: index + 1, bytes: bytes, limit: limit), column: index + 1, fields: row.strings)
        case let .rowTooLong(bytes, limit):
            Reject(file: file, line: row.line, detail: .rowTooLong(bytes: bytes, limit: limit), fields: row.strings)
        case let .tooManyFields(count, limit):
            Reject(file: file, line: row.line, detail: .tooManyFields(count: count, kept: limit, header: headerCount), fields: row.strings)
        case .unterminatedQuote:
            Reject(file: file, line: row.line, detail: .unterminatedQuote(firstLine: row.line, lastLine: row.endLine), fields: row.strings)
        case .invalidEncoding(let index):
            Reject(file: file, line: row.line, detail: .invalidEncoding(field: index + 1), column: index + 1, fields: row.strings)
        }
    }

    /// Parses a decimal number from bytes without making a String; nil when not a plain
    /// finite decimal (no hex, inf or nan, which strtod would accept).
    static func number(_ bytes: UnsafeRawBufferPointer, decimalComma: Bool = false) -> Double? {
        let range = TextKey.trimmedRange(bytes)
        let count = range.count
        guard count > 0, count < 64 else { return nil }
        if let value = plainDecimal(UnsafeRawBufferPointer(rebasing: bytes[range]), separator: decimalComma ? 0x2C : 0x2E) {
            return value
        }
        var sawDigit = false
        var commas = 0
        for byte in bytes[range] {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigit = true
            case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "e"), UInt8(ascii: "E"): break
            // With decimal commas a point is no separator (`1.234,5` is not read).
            case UInt8(ascii: "."): if decimalComma { return nil }
            case UInt8(ascii: ","): if decimalComma { commas += 1 } else { return nil }
            default: return nil
            }
        }
        guard sawDigit, commas <= 1 else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { buffer -> Double? in
            var i = 0
            for byte in bytes[range] { buffer[i] = CChar(bitPattern: byte == UInt8(ascii: ",") ? UInt8(ascii: ".") : byte); i += 1 }
            buffer[count] = 0
            var end: UnsafeMutablePointer<CChar>? = nil
            let value = strtod(buffer.baseAddress!, &end)
            guard end == buffer.baseAddress! + count, value.isFinite else { return nil }
            // -0 is 0: the score store keeps scaled decimals, which have no sign of zero.
            return value + 0.0
        }
    }

    /// A score as exports write it (`0.9849`, `-12.5`, `61`): at most 15 digits, an optional
    /// minus and one separator, read without strtod. The digits make an integer below 2⁵³
    /// and the divisor a power of ten below 10²², both exact doubles, so one division gives
    /// the correctly rounded value, the very double strtod gives (the fast path of Clinger's
    /// algorithm); `ScoreParsingTests` compares the two. Anything else: nil, for strtod.
    static func plainDecimal(_ text: UnsafeRawBufferPointer, separator: UInt8) -> Double? {
        var index = 0
        let negative = text.first == UInt8(ascii: "-")
        if negative { index = 1 }
        var mantissa: Int64 = 0
        var digits = 0
        var fractionDigits = -1
        while index < text.count {
            let byte = text[index]
            if byte &- 0x30 < 10 {
                mantissa = mantissa * 10 + Int64(byte &- 0x30)
                digits += 1
                if fractionDigits >= 0 { fractionDigits += 1 }
            } else if byte == separator && fractionDigits < 0 {
                fractionDigits = 0
            } else {
                return nil
            }
            index += 1
        }
        guard digits > 0, digits <= 15 else { return nil }
        let value = Double(mantissa) / powersOfTen[max(fractionDigits, 0)]
        return (negative ? -value : value) + 0.0
    }

    private static let powersOfTen: [Double] = (0...15).map { power in (0..<power).reduce(1.0) { value, _ in value * 10 } }
}

/// A row's name when the export has no decision id: `line 12`, `第12行`.
struct LineName {
    private let before: [UInt8]
    private let after: [UInt8]
    /// The longest name: the longer words and 19 digits.
    static let longest = 32

    init(language: ReportLanguage) {
        (before, after) = language == .zh ? (Array("第".utf8), Array("行".utf8)) : (Array("line ".utf8), [])
    }

    /// Writes the name of `line` into `buffer` (`longest` bytes) and gives it; allocates nothing.
    func write(_ line: Int, into buffer: UnsafeMutableRawBufferPointer) -> UnsafeRawBufferPointer {
        var digitCount = 1
        var power = 10
        while digitCount < 19 && line >= power {
            digitCount += 1
            power &*= 10
        }
        for (offset, byte) in before.enumerated() { buffer[offset] = byte }
        var rest = max(line, 0)
        for position in (0..<digitCount).reversed() {
            buffer[before.count + position] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        for (offset, byte) in after.enumerated() { buffer[before.count + digitCount + offset] = byte }
        return UnsafeRawBufferPointer(rebasing: buffer[0..<(before.count + digitCount + after.count)])
    }
}
