/// Which column becomes which field, from the header and the content together.
///
/// Every column gets candidates: from its header (`HeaderRules`), checked against what its
/// values are (a yes/no field needs yes/no values, a time field timestamps, a score numbers;
/// an empty column takes the header's word), and from its content alone (a column of
/// decision kinds is `decision_type`, a column of `女`/`男` is `sex`, a column of distinct
/// codes at the left is the decision id). The best candidates are taken first; a field is
/// never mapped twice, nor a column. A column of decision kinds under an outcome-like
/// header (`处理结果: 解除劳动合同`) becomes `decision_type` when nothing else is, and the
/// outcome is then read from the kind (`derive.outcome.from`). A choice that another column
/// nearly matched is kept and marked for checking.
struct ColumnAssignment: Sendable {
    struct Choice: Sendable {
        var column: Int
        var target: ColumnTarget
        var score: Int
        var evidence: Evidence
        /// Another column this target nearly went to (a TODO for the reader).
        var rival: Int? = nil
        /// A second field the same column feeds: a contest's reviewer written as `系统自动审批`
        /// or as a person's name feeds both who reviewed (system or human) and which person.
        var also: ColumnTarget? = nil
        /// A yes/no field written out as text (the explanation itself): a filled cell is yes.
        var filledMeansYes = false
        /// An outcome column of yes/no answers (`Advanced (1/0)`): whether its yes is favourable.
        var yesMeansFavorable: Bool? = nil
        /// Mapped by a reading the inspector should confirm (a TODO), however well it scored.
        var markedForChecking = false
    }

    /// Why a column was mapped as it was, in words for the pipeline's comments.
    struct Evidence: Sendable, Equatable {
        var english: String
        var chinese: String

        func text(_ language: ReportLanguage) -> String { language.text(english, chinese) }

        static func + (a: Evidence, b: Evidence) -> Evidence {
            Evidence(english: a.english + "; " + b.english, chinese: a.chinese + "；" + b.chinese)
        }
    }

    private(set) var choices: [Choice] = []
    /// Columns left unmapped, with what was considered and why not (for the comments).
    private(set) var rejected: [Int: Evidence] = [:]

    /// `fixed`: columns a person has decided (`InferenceChoices.columns`): each takes its
    /// target, or none, whatever its header and values say, and the others are assigned
    /// around them.
    ///
    /// `sampleIsWholeFile`: the profiles hold every row of the export, so that a column whose
    /// values are all distinct (a person's, a bare `ID`, one at the left) may name each
    /// decision; when more rows follow, it may not (`notEachRowsOwn`).
    init(profiles: [ColumnProfile], fixed: [Int: ColumnTarget?] = [:], sampleIsWholeFile: Bool = true) {
        var candidates: [Choice] = []
        for profile in profiles where fixed[profile.index] == nil {
            var proposed = Set<ColumnTarget>()
            for match in HeaderRules.matches(profile.header) {
                let header = Self.headerEvidence(match, profile)
                switch Self.contentCheck(match, profile, sampleIsWholeFile: sampleIsWholeFile) {
                case .confirms(let bonus, let why):
                    candidates.append(Choice(column: profile.index, target: match.target, score: match.score + bonus, evidence: header + why))
                    proposed.insert(match.target)
                case .confirmsAsText(let why):
                    var choice = Choice(column: profile.index, target: match.target, score: match.score - 5, evidence: header + why)
                    choice.filledMeansYes = true
                    candidates.append(choice)
                    proposed.insert(match.target)
                case .confirmsAsAnswers(let yesMeansFavorable, let why):
                    // Below any column whose values are outcomes (a content candidate scores 55),
                    // and marked TODO: a column of answers the employer added beside the real
                    // outcome (`Shortlisted: Y` on every row) must not take its place.
                    var choice = Choice(column: profile.index, target: match.target, score: 50, evidence: header + why)
                    choice.yesMeansFavorable = yesMeansFavorable
                    candidates.append(choice)
                    proposed.insert(match.target)
                case .redirects(let target, let why):
                    candidates.append(Choice(column: profile.index, target: target, score: match.score, evidence: header + why))
                    proposed.insert(target)
                case .refutes(let why):
                    if rejected[profile.index] == nil { rejected[profile.index] = header + why }
                }
            }
            for candidate in Self.contentCandidates(profile, sampleIsWholeFile: sampleIsWholeFile) where !proposed.contains(candidate.target) {
                candidates.append(candidate)
            }
        }
        // Best first; ties to the column further left.
        candidates.sort { ($0.score, -$0.column) > ($1.score, -$1.column) }
        var takenColumns = Set(fixed.keys)
        var takenTargets = Set(fixed.values.compactMap { $0?.name })
        for (column, target) in fixed.sorted(by: { $0.key < $1.key }) where profiles.indices.contains(column) {
            guard let target else { continue }
            choices.append(Self.chosen(target, profiles[column]))
        }
        for candidate in candidates where !takenColumns.contains(candidate.column) && !takenTargets.contains(candidate.target.name) {
            var choice = candidate
            choice.rival = candidates.first {
                $0.target.name == candidate.target.name && $0.column != candidate.column && !takenColumns.contains($0.column)
                    && $0.score >= candidate.score - 5
            }?.column
            choices.append(choice)
            takenColumns.insert(candidate.column)
            takenTargets.insert(candidate.target.name)
        }
        // Who decided, filled only on rows that were contested (`处理方: 系统自动` after the 申诉
        // columns): who answered the contest. Read as who decided, a contest answered by a person
        // made the decision a human one, and HR-01, EX-01 and AP-04 passed it by.
        // Only a column found by its values (its header names no decider, `处理方`), holding
        // who-decided words that say human or system (not yes/no: `Automated: Yes` stays).
        // When another column says who decided (`判定方式`), the handler is found among the columns
        // left unmapped.
        if target(.field(.appealReviewer)) == nil, let contest = Self.contestColumns(choices, profiles) {
            let handles = { (profile: ColumnProfile) in
                profile.automationShare >= 0.9 && profile.booleanShare < 0.5 && profile.appealReviewerShare >= 0.6 && profile.distinct <= 6
                    && !HeaderRules.isFreeText(profile.header) && Self.filledOnlyWhere(profile, contest.rows)
            }
            let said = Evidence(english: "it is filled only on rows where '\(contest.header)' is, so it says who answered the contest: appeal_reviewer",
                                chinese: "仅在“\(contest.header)”有值的行有值，故为申诉的处理方：appeal_reviewer")
            // Found by its values as who decided: system or human words, perhaps beside people's names
            // (`handled_by: system / Friederike Adelmann`, then appeal_reviewer_id too), never yes/no.
            if let index = choices.firstIndex(where: { $0.target == .field(.automated) }), fixed[choices[index].column] == nil,
               choices[index].score <= Self.contentAutomatedScore, case let profile = profiles[choices[index].column],
               profile.booleanShare < 0.5, profile.appealReviewerShare >= 0.2, Self.filledOnlyWhere(profile, contest.rows) {
                choices[index].target = .field(.appealReviewer)
                choices[index].rival = nil
                choices[index].evidence = choices[index].evidence + said
            } else if let profile = profiles.first(where: { profile in
                fixed[profile.index] == nil && !takenColumns.contains(profile.index) && handles(profile)
            }) {
                choices.append(Choice(column: profile.index, target: .field(.appealReviewer), score: Self.contentAutomatedScore,
                                      evidence: Self.content(profile, profile.appealReviewerShare, "human or system", "人工或系统") + said))
                takenColumns.insert(profile.index)
            }
        }
        // No column of decision kinds, and the reasons are a few sanctions (SuccessFactors'
        // `Event Reason`: `Final Warning`, `Termination - Performance`, `No Action`): they name
        // what was decided, not why. Not reasons that name a performance (`Poor performance -
        // idle time`), nor many distinct ones, nor under a header naming a kind (`解除原因`).
        if target(.field(.decisionType)) == nil, !fixed.values.contains(where: { $0 == .field(.decisionType) }),
           let index = choices.firstIndex(where: { $0.target == .field(.reasonCodes) }), fixed[choices[index].column] == nil,
           case let profile = profiles[choices[index].column], Self.namesSanctionsTaken(profile) {
            choices[index].target = .field(.decisionType)
            choices[index].score = 65
            choices[index].rival = nil
            choices[index].evidence = choices[index].evidence + Evidence(
                english: "its values are a few kinds of sanction, not reasons: decision_type",
                chinese: "其取值为少数几种处分，而非理由：decision_type")
        }
        // Nothing dates the decision but the day it took effect (SuccessFactors' `Effective Date`):
        // that day dates it too. A decision takes effect on or after the day it is made, so no
        // record is judged older than it is (DM-02); a retroactive one breaks this, which is why
        // `PipelineInference` marks it for checking.
        if target(.field(.decidedAt)) == nil, !fixed.values.contains(where: { $0 == .field(.decidedAt) }),
           let index = choices.firstIndex(where: { $0.target == .field(.effectiveAt) }), choices[index].also == nil,
           profiles[choices[index].column].timestampShare >= 0.8 {
            choices[index].also = .field(.decidedAt)
        }
        // A contest's reviewer column holding both `system` words and people: it also names the person.
        if let index = choices.firstIndex(where: { $0.target == .field(.appealReviewer) }), target(.field(.appealReviewerID)) == nil,
           profiles[choices[index].column].appealReviewerShare < 0.6 {
            choices[index].also = .field(.appealReviewerID)
            choices[index].evidence = choices[index].evidence + Evidence(
                english: "the other values are people, so it is appeal_reviewer_id too",
                chinese: "其余取值为人员，故同时作为 appeal_reviewer_id")
        }
        // No decision id: a column of distinct values at the left (often `序号`, the row number) is
        // how the export refers to its decisions. Written, marked for checking.
        if target(.field(.decisionID)) == nil,
           let id = profiles.prefix(3).first(where: { profile in
               Self.notEachRowsOwn(profile, sampleIsWholeFile: sampleIsWholeFile) == nil && profile.timestampShare < 0.5 && !takenColumns.contains(profile.index)
                   && !HeaderRules.namesAPerson(profile.header)
           }) {
            choices.append(Choice(column: id.index, target: .field(.decisionID), score: 40, evidence: Evidence(
                english: "no column names a decision id; '\(id.header.raw)' holds \(id.distinct) distinct values in \(id.filled) rows, so each row is referred to by it",
                chinese: "没有列名表明决策编号；“\(id.header.raw)”在 \(id.filled) 行中有 \(id.distinct) 个不同取值，故以其指代各行")))
        }
        // Still none, and each person appears once in the whole export (an applicant per row):
        // the person's id refers to the one decision about them. Otherwise (a worker with two
        // actions, or rows beyond the sample) each row is named by its line
        // (`ColumnMapping.namesDecisionsByLine`): the person as id would reject a second action.
        if target(.field(.decisionID)) == nil, sampleIsWholeFile, let index = choices.firstIndex(where: { $0.target == .field(.subjectID) }),
           choices[index].also == nil, profiles[choices[index].column].namesEachRowOnce {
            choices[index].also = .field(.decisionID)
            choices[index].evidence = choices[index].evidence + Evidence(
                english: "no column names a decision id and each person appears once in the whole export, so it is decision_id too",
                chinese: "没有列名表明决策编号，且整个导出文件中每人只出现一次，故同时作为 decision_id")
        }
        // A site column naming places says where each decision was made: jurisdiction too. A
        // third of known places is enough: the rest are judged under every jurisdiction the
        // pipeline lists, and named (DQ-04), where leaving the column out would judge the
        // known ones so too, a factory in Tokyo under Chinese law.
        if target(.field(.jurisdiction)) == nil, let index = choices.firstIndex(where: { $0.target == .site }),
           profiles[choices[index].column].placeShare >= 0.3 {
            choices[index].also = .field(.jurisdiction)
            choices[index].evidence = choices[index].evidence + Evidence(
                english: "its places say where each decision was made, so it is jurisdiction too",
                chinese: "其地点表明各项决策的作出地，故同时作为 jurisdiction")
        }
        // The same column found as the contest's handler, holding `系统` for some contests.
        if let index = choices.firstIndex(where: { $0.target == .field(.appealReviewerID) }), target(.field(.appealReviewer)) == nil,
           profiles[choices[index].column].appealReviewerShare >= 0.2 {
            choices[index].also = .field(.appealReviewer)
            choices[index].evidence = choices[index].evidence + Evidence(
                english: "some values are 'system' or 'human', so it is appeal_reviewer too",
                chinese: "部分取值为“系统”或“人工”，故同时作为 appeal_reviewer")
        }
        // No outcome column, and an approval's result (its header names an approval) approves
        // or turns down what was proposed (an OA export's `审批结果: 通过/驳回`,
        // `approvesOrTurnsDown`): the approval is what the decision came to. An
        // approved request is granted, an approved sanction stands (`RecordBuilder` reads
        // `approvals` and `rejections` so), so the column is the outcome, and still the
        // review's result. Left as a review result only, every row of a kind that does not
        // say its outcome (`奖金资格`, `调班`) was rejected, and a dismissal turned down counted
        // as adverse.
        if target(.field(.outcome)) == nil, !takenTargets.contains(CanonicalField.outcome.rawValue),
           let index = choices.firstIndex(where: { $0.target == .field(.reviewResult) }), fixed[choices[index].column] == nil,
           choices[index].also == nil, Self.approvesOrTurnsDown(profiles[choices[index].column]) {
            choices[index].target = .field(.outcome)
            choices[index].also = .field(.reviewResult)
            choices[index].markedForChecking = true
            choices[index].evidence = choices[index].evidence + Evidence(
                english: "no column names the outcome and its values approve or turn down what was proposed, so it is the outcome (an approved sanction is adverse, an approved request favourable) and review_result too; check that what was approved is the decision, not a reviewer's view of a recommendation kept elsewhere",
                chinese: "没有结果列，且其取值为批准或驳回所提事项，故作为结果（批准处分为不利，批准申请为有利），同时作为 review_result；请核实所批准的即为该决策本身，而非复核人对另有记录的系统建议的意见")
        }
        // A time of completion whose header names no contest (`完成时间`, `Closed At`), where no
        // other column speaks of one: an approval's or a case's own close, not a contest's answer
        // (a DingTalk export's, read so, listed a contest answered on every row). Left unread.
        let contestFields: [CanonicalField] = [.appealFiledAt, .appealResult, .appealReviewer, .appealReviewerID, .appealOffered]
        if let index = choices.firstIndex(where: { $0.target == .field(.appealRespondedAt) }), fixed[choices[index].column] == nil,
           choices[index].also == nil, !HeaderRules.namesAContest(profiles[choices[index].column].header),
           !choices.contains(where: { choice in contestFields.contains { choice.target == .field($0) || choice.also == .field($0) } }),
           !fixed.values.contains(where: { target in contestFields.contains { target == .field($0) } }) {
            let dropped = choices.remove(at: index)
            rejected[dropped.column] = dropped.evidence + Evidence(
                english: "but no column speaks of a contest, so it is no contest's answer: left unread",
                chinese: "但没有列涉及申诉，故并非申诉的答复时间：不予读取")
        }
        // Decision kinds under an outcome-like header, and no other decision_type column; among
        // sanctions, a value saying none was imposed (`正常`) counts with them (`InferredPipeline`
        // lists it as a disciplinary decision that imposed none).
        if target(.field(.decisionType)) == nil, !takenTargets.contains(CanonicalField.decisionType.rawValue),
           let index = choices.firstIndex(where: { $0.target == .field(.outcome) }), fixed[choices[index].column] == nil,
           case let profile = profiles[choices[index].column],
           profile.decisionTypeShare >= 0.8 || profile.decisionTypeShare >= 0.5 && profile.decisionTypeShare + profile.noSanctionShare >= 0.9
               && profile.decisionTypes.keys.contains(where: Self.sanctions.contains) {
            choices[index].target = .field(.decisionType)
            choices[index].evidence = choices[index].evidence + Evidence(
                english: "its values are decision kinds, so it is decision_type and the outcome is read from each kind",
                chinese: "其取值为决策种类，故作为 decision_type，并由种类推断结果")
        }
        choices.sort { $0.column < $1.column }
    }

    private static let approvalHeaderWords = ["审批", "approval", "approve", "approved"]
    private static let approvalWords = Set((BuiltinVocabulary.approvals + BuiltinVocabulary.rejections).map(MeaningText.normalize))

    /// Whether the column is an approval's result (its header says so) and at least four in
    /// five of its values approve or turn down what was proposed (`BuiltinVocabulary.approvals`,
    /// `.rejections`, read from its commonest values), which the run reads as outcomes
    /// (`RecordBuilder`: `同意` as `通过`, `不同意` as `拒绝`).
    static func approvesOrTurnsDown(_ profile: ColumnProfile) -> Bool {
        // A header that names an approval: an approval
        // workflow's result is what was decided; an audit's or a review's (`audit_result`,
        // `复核结果`) is a person's view of what the system decided, whose outcome stands as
        // the decision's kind says (a fixture's writer read a dashboard so).
        guard profile.filled > 0, approvalHeaderWords.contains(where: profile.header.contains) else { return false }
        let approving = profile.common.reduce(0) { sum, entry in approvalWords.contains(MeaningText.normalize(entry.value)) ? sum + entry.count : sum }
        return Double(approving) >= 0.8 * Double(profile.filled)
    }

    /// A column a person gave `target`: taken as chosen, with what its values say beside it
    /// (a yes/no field written out as text still reads a filled cell as yes).
    private static func chosen(_ target: ColumnTarget, _ profile: ColumnProfile) -> Choice {
        let chosen = Evidence(english: "chosen by the inspector", chinese: "由检查人员选定")
        var choice = Choice(column: profile.index, target: target, score: 1000, evidence: chosen)
        switch contentCheck(HeaderRules.Match(target: target, score: 100, terms: []), profile, sampleIsWholeFile: true) {
        case .confirms(_, let why), .refutes(let why): choice.evidence = chosen + why
        case .redirects(_, let why): choice.evidence = chosen + why
        case .confirmsAsText(let why):
            choice.evidence = chosen + why
            choice.filledMeansYes = true
        case .confirmsAsAnswers(let yesMeansFavorable, let why):
            choice.evidence = chosen + why
            choice.yesMeansFavorable = yesMeansFavorable
        }
        return choice
    }

    /// The rows where some column of the contest (filed, answered, result, reviewer) holds a
    /// value, when there are rows where none does, and the header of the one filled most.
    private static func contestColumns(_ choices: [Choice], _ profiles: [ColumnProfile]) -> (rows: [Bool], header: String)? {
        let fields: [CanonicalField] = [.appealFiledAt, .appealRespondedAt, .appealResult, .appealReviewerID]
        let columns = choices.filter { choice in fields.contains { choice.target == .field($0) } }.map { profiles[$0.column] }
        guard let first = columns.first else { return nil }
        var rows = first.filledRows
        for profile in columns.dropFirst() where profile.filledRows.count == rows.count {
            for row in rows.indices where profile.filledRows[row] { rows[row] = true }
        }
        guard rows.contains(false) else { return nil }
        let widest = columns.max { ($0.filled, -$0.index) < ($1.filled, -$1.index) } ?? first
        return (rows, widest.header.raw)
    }

    /// A few distinct values (at most 12), nearly all sanctions or none imposed, and a header
    /// that names no kind of decision itself.
    private static func namesSanctionsTaken(_ profile: ColumnProfile) -> Bool {
        guard profile.filled >= 3, profile.distinct <= 12, InferenceVocabulary.shared.read(profile.header.raw).decisionType == nil else { return false }
        let sanctions = profile.decisionTypes.filter(\.key.isSanction).values.reduce(0, +)
        let share = Double(sanctions) / Double(profile.filled)
        return share >= 0.5 && share + profile.noSanctionShare >= 0.8
    }

    /// At least three values, some row blank, and no value on a row outside `rows`.
    private static func filledOnlyWhere(_ profile: ColumnProfile, _ rows: [Bool]) -> Bool {
        guard profile.filled >= 3, profile.filled < profile.rows, profile.filledRows.count == rows.count else { return false }
        return !zip(profile.filledRows, rows).contains { $0 && !$1 }
    }

    /// Who decided, found by the values alone: below any header that names it.
    private static let contentAutomatedScore = 55

    /// The kinds of decision that impose something on the worker.
    static let sanctions: Set<DecisionType> = [.dismissal, .demotion, .discipline, .suspension]

    func target(_ target: ColumnTarget) -> Choice? { choices.first { $0.target == target } }

    /// A column of decision kinds found by its values, a decision time, and a field of how the
    /// decision was made or contested: a decision export, whatever else its header names. A
    /// log's `Message Type: Warning` beside its times is none (a hostile review: the log's
    /// working-time checks were lost).
    var recordsDecisions: Bool {
        guard let kinds = target(.field(.decisionType)), kinds.score >= 65 else { return false }
        let process: [CanonicalField] = [.outcome, .humanReviewed, .reviewerID, .reviewedAt, .reviewResult, .explanationGiven, .appealOffered,
                                         .appealFiledAt, .appealResult, .automated, .notifiedAt]
        guard process.contains(where: { target(.field($0)) != nil }) else { return false }
        return target(.field(.decidedAt)) != nil || choices.contains { $0.also == .field(.decidedAt) }
    }
    func choice(forColumn column: Int) -> Choice? { choices.first { $0.column == column } }

    // MARK: evidence and content

    private static func headerEvidence(_ match: HeaderRules.Match, _ profile: ColumnProfile) -> Evidence {
        if match.isUsualName {
            return Evidence(english: "header '\(profile.header.raw)' is a usual name for \(match.target.name)",
                            chinese: "列名“\(profile.header.raw)”是 \(match.target.name) 的常见名称")
        }
        let terms = match.terms.map { "'\($0)'" }.joined(separator: " + ")
        return Evidence(english: "header '\(profile.header.raw)' holds \(terms)", chinese: "列名“\(profile.header.raw)”含有 \(terms)")
    }

    private enum ContentVerdict {
        case confirms(Int, Evidence)
        /// The header names a family (age) and the content says which member (bands, not years).
        case redirects(ColumnTarget, Evidence)
        /// A yes/no field whose cells hold the thing itself (reasons written out): filled is yes.
        case confirmsAsText(Evidence)
        /// An outcome asked as a question (`Advanced (1/0)`): yes is favourable or adverse as the header says.
        case confirmsAsAnswers(yesMeansFavorable: Bool, Evidence)
        case refutes(Evidence)
    }

    private static func percent(_ share: Double) -> String {
        let value = (share * 100).rounded()
        return value == 100 && share < 1 ? "99%" : "\(Int(value))%"
    }

    private static func content(_ profile: ColumnProfile, _ share: Double, _ english: String, _ chinese: String) -> Evidence {
        Evidence(english: "\(percent(share)) of \(profile.filled) values are \(english)",
                 chinese: "\(profile.filled) 个取值中 \(percent(share)) 为\(chinese)")
    }

    private static let empty = Evidence(english: "the column is empty in the rows read", chinese: "所读各行中此列为空")

    private static func contentCheck(_ match: HeaderRules.Match, _ profile: ColumnProfile, sampleIsWholeFile: Bool) -> ContentVerdict {
        let target = match.target
        if profile.isEmpty { return .confirms(0, empty) }
        func gate(_ share: Double, _ english: String, _ chinese: String, need: Double = 0.8, ofAnswers: Bool = false) -> ContentVerdict {
            let evidence = content(profile, share, english, chinese)
            if share >= need { return .confirms(10, evidence) }
            // A header that names the field plainly keeps it though some values are junk
            // (`see ticket` among the contest dates): its rows are rejected and counted,
            // where dropping the column would leave its checks blind, and nothing said.
            // Not when the other values are answers (`未复核` in a review time): they say
            // there is no time, and would reject every such row.
            // An exact name keeps its field when a tenth of its values fit (`是否人工复核` holding
            // `是（审核中）` fell to reviewer_id, and its reviews counted as done).
            if match.score >= 80, share >= (match.score == 100 ? 0.1 : 0.2), ofAnswers || profile.booleanShare < (1 - share) / 2 {
                return .confirms(-45, evidence + Evidence(
                    english: "the header names it plainly: rows whose value is not one of these are rejected, and counted",
                    chinese: "列名明确指向该字段：取值不符的行将被拒收并计数"))
            }
            return .refutes(evidence)
        }
        switch target {
        case .field(let field):
            switch field.kind {
            case .timestamp: return gate(profile.timestampShare, "timestamps", "时间")
            case .boolean where field == .automated: return gate(profile.automationShare, "yes/no or who decided", "是/否或决策方")
            case .boolean where (field == .explanationGiven || field == .appealOffered) && profile.booleanShare < 0.5
                    && profile.averageLength >= 4:
                return .confirmsAsText(Evidence(
                    english: "its cells write the \(field == .explanationGiven ? "explanation" : "route to contest") out: a filled cell is yes",
                    chinese: "单元格写明了\(field == .explanationGiven ? "理由" : "申诉途径")：有内容即为是"))
            case .boolean: return gate(profile.booleanShare, "yes/no", "是/否", ofAnswers: true)
            case .number: return gate(profile.numberShare, "numbers", "数字", need: 0.9)
            case .decisionType:
                let evidence = content(profile, profile.decisionTypeShare, "decision kinds", "决策种类")
                return Self.categorical(profile.decisionTypeShare, evidence, namedExactly: match.score == 100)
            case .outcome:
                // Answers that never vary say nothing of who got what.
                if profile.booleanShare >= 0.9, profile.outcomeShare < 0.5, profile.distinct > 1,
                   let yesMeansFavorable = HeaderRules.yesMeansFavorable(profile.header) {
                    let (english, chinese) = yesMeansFavorable ? ("favourable", "有利") : ("adverse", "不利")
                    return .confirmsAsAnswers(yesMeansFavorable: yesMeansFavorable, content(profile, profile.booleanShare, "yes/no", "是/否")
                        + Evidence(english: "it answers whether that happened: yes is the \(english) outcome",
                                   chinese: "该列回答此事是否发生：“是”为\(chinese)结果"))
                }
                let evidence = content(profile, profile.outcomeShare, "outcomes", "结果")
                // A status column (`Completed`, `Rescinded`) says whether a decision stands: a few
                // status words, which `InferredPipeline` reads against the decision kinds.
                if ["status", "state", "状态"].contains(where: profile.header.contains) && profile.distinct <= 8 || InferredPipeline.holdsStatuses(profile) {
                    return .confirms(0, evidence + Evidence(english: "a status of the decision", chinese: "为决定的状态"))
                }
                return Self.categorical(profile.outcomeShare, evidence, namedExactly: match.score == 100)
            case .reviewResult where field == .appealResult && profile.appealStateShare > profile.reviewResultShare:
                // `申诉状态`: 未申诉 / 申诉中 / 申诉成功 / 申诉失败, each what the appeal results read.
                let evidence = content(profile, profile.appealStateShare, "how a contest went (granted, rejected, pending, none made)",
                                       "申诉结果（成功、失败、处理中、未申诉）")
                return Self.categorical(profile.appealStateShare, evidence, namedExactly: match.score == 100)
            case .reviewResult:
                let evidence = content(profile, profile.reviewResultShare, "results (upheld, modified, overturned)", "复核结果（维持、变更、撤销）")
                return Self.categorical(profile.reviewResultShare, evidence, namedExactly: match.score == 100)
            case .appealReviewer:
                let evidence = content(profile, profile.appealReviewerShare, "human or system", "人工或系统")
                return profile.appealReviewerShare >= 0.2 ? .confirms(profile.appealReviewerShare >= 0.6 ? 10 : 0, evidence) : .refutes(evidence)
            case .text:
                // Dates refute a text field; long numbers that also read as epoch seconds do not (ids like 2025030401).
                let numericDates = profile.timestamps.epoch + profile.timestamps.excelSerial
                if profile.timestampShare >= 0.9, numericDates * 2 < profile.filled {
                    return .refutes(content(profile, profile.timestampShare, "timestamps", "时间"))
                }
                if field == .decisionID {
                    let unique = Evidence(english: "\(profile.distinct) distinct values in \(profile.filled) rows",
                                          chinese: "\(profile.filled) 行中有 \(profile.distinct) 个不同取值")
                    // `ID`, `No.`, `编号` may number the rows or the workers: read as the decision id,
                    // a value met twice (a worker's second action, a numbering that starts again
                    // after the sample) rejects a decision the export holds.
                    if HeaderRules.namesOnlyAnID(profile.header), let why = Self.notEachRowsOwn(profile, sampleIsWholeFile: sampleIsWholeFile) {
                        return .refutes(unique + why)
                    }
                    if profile.isUnique { return .confirms(10, unique) }
                    return profile.distinct * 2 >= profile.filled ? .confirms(-10, unique) : .refutes(unique)
                }
                if field == .reviewerID || field == .appealReviewerID, profile.booleanShare >= 0.8 {
                    return .refutes(content(profile, profile.booleanShare, "yes/no", "是/否"))
                }
                if field == .jurisdiction { return gate(profile.placeShare, "countries or places", "国家或地点", need: 0.6) }
                return .confirms(0, Evidence(english: "\(profile.distinct) distinct values", chinese: "\(profile.distinct) 个不同取值"))
            case .list:
                return .confirms(0, Evidence(english: "\(profile.distinct) distinct values", chinese: "\(profile.distinct) 个不同取值"))
            }
        case .attribute("sex"):
            let evidence = content(profile, profile.sexShare, "sexes", "性别")
            return profile.sexShare >= 0.6 ? .confirms(10, evidence) : .confirms(-20, evidence)
        case .attribute:
            return .confirms(0, Evidence(english: "\(profile.distinct) distinct values", chinese: "\(profile.distinct) 个不同取值"))
        case .age:
            if profile.numberShare >= 0.9, let range = profile.numberRange, range.lowerBound >= 14, range.upperBound <= 100 {
                return .confirms(10, content(profile, profile.numberShare, "ages in years", "以岁计的年龄"))
            }
            return .redirects(.attribute("age_band"), Evidence(english: "values are age bands, kept as written",
                                                                chinese: "取值为年龄段，按原样使用"))
        case .birthDate: return gate(profile.timestampShare, "dates", "日期")
        case .site:
            return .confirms(profile.placeShare >= 0.6 ? 10 : 0, content(profile, profile.placeShare, "places", "地点"))
        }
    }

    /// Most values read as the field's: confirmed; some do (the rest are listed for the
    /// reader): kept with less weight; almost none: another column, unless the header is the
    /// field's very name (`Outcome: Applied`), whose words are then the employer's own.
    private static func categorical(_ share: Double, _ evidence: Evidence, namedExactly: Bool) -> ContentVerdict {
        if share >= 0.5 { return .confirms(10, evidence) }
        return share >= 0.2 || namedExactly ? .confirms(-25, evidence) : .refutes(evidence)
    }

    /// Why a column cannot be taken to name each decision unless its header says it does: a
    /// value repeats or is missing, or rows beyond the sample were not read. nil when every
    /// row of the whole export has its own value.
    private static func notEachRowsOwn(_ profile: ColumnProfile, sampleIsWholeFile: Bool) -> Evidence? {
        if !profile.namesEachRowOnce {
            return Evidence(english: "a value repeats or is missing, so each row is named by its line instead",
                            chinese: "有取值重复或缺失，故改以行号指称各行")
        }
        if !sampleIsWholeFile {
            return Evidence(english: "only the first \(profile.rows) rows were read, so each row is named by its line instead",
                            chinese: "只读取了前 \(profile.rows) 行，故改以行号指称各行")
        }
        return nil
    }

    /// What the values alone suggest, for columns whose header says little.
    private static func contentCandidates(_ profile: ColumnProfile, sampleIsWholeFile: Bool) -> [Choice] {
        guard profile.filled >= 3, !HeaderRules.isFreeText(profile.header) else { return [] }
        var candidates: [Choice] = []
        if profile.decisionTypeShare >= 0.8, profile.distinct <= 40 {
            // Ties by name: a dictionary's order changes from run to run, and init's text must not.
            let kinds = profile.decisionTypes.sorted { ($0.value, $1.key.rawValue) > ($1.value, $0.key.rawValue) }
                .prefix(4).map(\.key.rawValue).joined(separator: ", ")
            candidates.append(Choice(column: profile.index, target: .field(.decisionType), score: 65,
                                     evidence: content(profile, profile.decisionTypeShare, "decision kinds (\(kinds))", "决策种类（\(kinds)）")))
        }
        if profile.outcomeShare >= 0.8, profile.distinct <= 12 {
            candidates.append(Choice(column: profile.index, target: .field(.outcome), score: 55,
                                     evidence: content(profile, profile.outcomeShare, "outcomes", "结果")))
        }
        if profile.automationShare >= 0.9, profile.booleanShare < 0.5, profile.distinct <= 6 {
            candidates.append(Choice(column: profile.index, target: .field(.automated), score: contentAutomatedScore,
                                     evidence: content(profile, profile.automationShare, "who decided (system or person)", "决策方（系统或人工）")))
        }
        if profile.sexShare >= 0.9, profile.distinct <= 6 {
            candidates.append(Choice(column: profile.index, target: .attribute("sex"), score: 60,
                                     evidence: content(profile, profile.sexShare, "sexes", "性别")))
        }
        // A status column (`员工状态`: 正常, 孕期, 哺乳期, 医疗期): few distinct values, some of
        // them statuses LC-02 protects, few a decision's kind (its `正常` reads as an outcome
        // word, so outcomes are no test). Without it LC-02 has nothing to read.
        if profile.protectedStatusKinds >= 1, profile.distinct <= 12, profile.decisionTypeShare < 0.3,
           profile.timestampShare < 0.3, profile.sexShare < 0.3 {
            candidates.append(Choice(column: profile.index, target: .field(.protectedStatus), score: 50,
                                     evidence: content(profile, profile.protectedStatusShare, "protected statuses (pregnancy, medical period…)",
                                                       "特殊保护状态（孕期、医疗期等）")))
        }
        if profile.placeShare >= 0.9, profile.distinct <= 30 {
            candidates.append(Choice(column: profile.index, target: .field(.jurisdiction), score: 50,
                                     evidence: content(profile, profile.placeShare, "countries or places", "国家或地点")))
        }
        if notEachRowsOwn(profile, sampleIsWholeFile: sampleIsWholeFile) == nil, profile.index <= 2, profile.numberShare < 0.5, profile.timestampShare < 0.5, !HeaderRules.namesAPerson(profile.header) {
            candidates.append(Choice(column: profile.index, target: .field(.decisionID), score: 45,
                                     evidence: Evidence(english: "\(profile.distinct) distinct values in \(profile.filled) rows, near the left",
                                                        chinese: "\(profile.filled) 行中有 \(profile.distinct) 个不同取值，位于左侧")))
        }
        return candidates
    }
}
