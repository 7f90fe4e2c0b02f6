/// `report.json`: the report model for machines. Its JSON Schema is
/// `docs/report.schema.json`, its fields are explained in `docs/report-json.md`, and the
/// tests validate every report the fixtures produce against it.
///
/// - Undefined numbers are `null` with `<name>_undefined_reason` beside them, never NaN
///   or infinity (JSON has neither).
/// - A suppressed group has the keys of a shown one, with every count and statistic
///   `null` and `suppressed: true` (no reasons: the suppression is the reason).
/// - Keys come in a fixed order, so the same run gives the same bytes.
public enum JSONReport {
    public static func render(_ result: AuditResult) -> String {
        let language = result.pipeline.report.language
        // Named apart: one literal more and the type checker gives up on the object below.
        let notRun: [(String, JSONValue)] = [
            ("checks_outside_jurisdictions", .array(result.checksOutsideJurisdictions.map(JSONValue.string))),
            ("checks_switched_off", .array(result.checksSwitchedOff.map(JSONValue.string))),
        ]
        let model: JSONValue = .object([
            ("admaudit_report", .int(1)),
            ("tool", .object([("name", .string("admaudit")), ("version", .string(AdmAuditVersion.current))])),
            ("pipeline", .object([
                ("name", .string(result.pipeline.name)),
                ("file", .string(result.pipelineFile)),
                ("sha256", .string(result.pipeline.sha256)),
                ("inferred_from", result.pipeline.inference.map { .string($0.input) } ?? .null),
                ("settings_to_check", .int(result.pipeline.inference?.todos.count ?? 0)),
            ])),
            ("as_of", result.asOf.map { .string($0.description) } ?? .null),
            ("as_of_source", .string(result.asOfSource)),
            ("language", .string(language.rawValue)),
            ("reconciliation", .object([
                ("rows_read", .int(result.totalRead)),
                ("accepted", .int(result.totalAccepted)),
                ("rejected", .int(result.totalRejected)),
                ("holds", .bool(result.reconciles)),
            ])),
            ("inputs", .array(result.inputs.map(input))),
            ("checks", .array(result.checks.map(check))),
        ] + notRun + [
            ("selection", .array(result.selection.map(stratum))),
            ("scores", .array(result.scores.map(scores))),
            // Contests by group: "favorable" counts contests not overturned (see AuditResult).
            ("appeal_outcomes", .array(result.appealOutcomes.map(rateStratum))),
            ("drift_by_month", .array(result.drift.map { month in
                .object([("month", .string(month.month)), ("strata", .array(month.strata.map(rateStratum)))])
            })),
            ("selection_by_level", .array(result.byLevel.map { level in
                .object([("by", .string(level.column)), ("level", .string(level.level)),
                         ("strata", .array(level.strata.map(rateStratum)))])
            })),
            // Compliance by group: "favorable" counts compliant decisions, so the
            // adverse-rate ratio is the ratio of violation rates.
            ("process_fairness", .array(result.processFairness.map { entry in
                .object([("check_id", .string(entry.checkID)), ("strata", .array(entry.strata.map(stratum)))])
            })),
            ("diagnostics", .array(result.diagnostics.map { diagnostic in
                .object([
                    ("level", .string(diagnostic.level.rawValue)),
                    ("code", .string(diagnostic.code.rawValue)),
                    ("file", diagnostic.file.map(JSONValue.string) ?? .null),
                    ("values", .object(diagnostic.values.sorted { $0.key < $1.key }.map { ($0.key, value($0.value)) })),
                ])
            })),
            ("settings", settings(result.pipeline)),
            ("work_time", result.workTime.map(workTime) ?? .null),
        ])
        return model.serialized() + "\n"
    }

    /// The activity logs' totals and the schedule they were judged by (per week: worktime.csv).
    private static func workTime(_ work: WorkTimeResult) -> JSONValue {
        let totals = work.totals, schedule = work.schedule
        let clock = { (seconds: Int) in JSONValue.string(WorkSchedule.clock(seconds)) }
        let systems = JSONValue.object(zip(HoursSystem.allCases, work.workersByHoursSystem).map { system, workers in (system.rawValue, JSONValue.int(workers)) })
        let named: [JSONValue] = zip(work.places, work.workersByPlace).filter { $0.1 > 0 }.map { place, workers in
            let jurisdiction: JSONValue = place.jurisdiction.map { JSONValue.string($0) } ?? .null
            return JSONValue.object([("name", .string(place.name)), ("jurisdiction", jurisdiction),
                                     ("time_zone", .string(place.timeZone)), ("workers", .int(workers))])
        }
        let places = JSONValue.array(named)
        return .object([
            ("schedule", .object([
                ("work_start", clock(schedule.workStart)),
                ("work_end", clock(schedule.workEnd)),
                ("work_days", .array(schedule.workDays.sorted().map { .string(WorkSchedule.dayNames[$0 - 1]) })),
                ("calendar", .string(work.usesChinaCalendar ? "china" : "week")),
                ("hours", .string(schedule.hoursSystem.rawValue)),
                ("session_gap_minutes", .int(schedule.sessionGapMinutes)),
                ("event_minutes", .int(schedule.eventMinutes)),
                ("daily_hours", .int(schedule.dailyHours)),
                ("weekly_hours", .int(schedule.weeklyHours)),
                ("daily_overtime_hours", .int(schedule.dailyOvertimeHours)),
            ])),
            ("workers", .int(totals.workers)),
            ("events", .int(work.events)),
            ("worker_weeks", .int(totals.workerWeeks)),
            ("active_minutes", .int(Int(totals.activeSeconds / 60))),
            ("off_hours_minutes", .int(Int(totals.offHoursSeconds / 60))),
            ("off_hours_contacts", .int(totals.offHoursContacts)),
            ("off_hours_contacts_expecting_reply", .int(totals.offHoursContactsExpectingReply)),
            ("answered_off_hours", .int(totals.answeredOffHours)),
            ("worker_weeks_without_rest_day", .int(totals.weeksWithoutRestDay)),
            ("worker_weeks_over_daily_overtime_limit", .int(totals.weeksOverDailyOvertimeLimit)),
            ("workers_with_recurring_off_hours", .int(totals.workersWithRecurringOffHours)),
            ("hourly_wage", schedule.hourlyWage.map(JSONValue.number) ?? .null),
            ("overtime_pay_estimate", work.overtimePayEstimate.map(JSONValue.number) ?? .null),
            ("wage_column", .bool(work.wageColumn)),
            ("workers_with_wage", .int(work.workersWithWage)),
            ("workers_with_varying_wage", .int(work.workersWithVaryingWage)),
            ("workers_by_weekly_off_hours", .array(zip(WorkTimeResult.weeklyOffHoursBins, work.workersByWeeklyOffHours).map { from, workers in
                .object([("from_minutes", .int(from)), ("workers", .int(workers))])
            })),
            ("worker_weeks_with_short_daily_rest", .int(totals.weeksWithShortDailyRest)),
            ("workers_by_hours_system", systems),
            ("places", places),
            ("workers_naming_several_places", .int(work.workersNamingSeveralPlaces)),
            ("by_group", .array(work.byGroup.map(workerGroups))),
            ("workers_grouped_from_decisions", .int(work.workersGroupedFromDecisions)),
            ("workers_with_disagreeing_decision_groups", .int(work.workersWithDisagreeingDecisionGroups)),
        ])
    }

    /// One attribute over the logs' workers: recurring off-hours work as a selection stratum
    /// (favourable: it does not recur), and the off-hours minutes by group.
    private static func workerGroups(_ figures: WorkerGroupFigures) -> JSONValue {
        let minutes: [JSONValue] = figures.recurring.groups.indices.map { index in
            let group = figures.recurring.groups[index]
            var members: [(String, JSONValue)] = [("group", .string(group.group)), ("suppressed", .bool(group.suppressed)), ("workers", .int(group.n))]
            members += statistic("mean_weekly_off_hours_minutes", figures.meanWeeklyOffHoursMinutes[index], undefinedBecause: UndefinedReason.notComputed.code)
            let test = figures.mannWhitney[index]
            members += statistic("mann_whitney_u", test?.u, undefinedBecause: StatisticReason.insufficientData.rawValue)
            members += statistic("mann_whitney_p", test?.p, undefinedBecause: StatisticReason.insufficientData.rawValue)
            return .object(group.suppressed ? hidingNumbers(members, keeping: ["group", "suppressed"]) : members)
        }
        return .object([("attribute", .string(figures.recurring.attribute)), ("recurring_off_hours", stratum(figures.recurring)),
                        ("off_hours_minutes", .array(minutes))])
    }

    private static func input(_ summary: InputSummary) -> JSONValue {
        .object([
            ("file", .string(summary.file)),
            ("kind", .string(summary.isActivityLog ? "activity" : "decisions")),
            ("sha256", .string(summary.sha256)),
            ("bytes", .int(summary.bytes)),
            ("lines", .int(summary.lines)),
            ("encoding", .string(summary.encoding.rawValue)),
            ("delimiter", .string(String(UnicodeScalar(summary.delimiter)))),
            ("rows_read", .int(summary.rowsRead)),
            ("accepted", .int(summary.accepted)),
            ("rejected", .int(summary.rejected)),
            ("reconciles", .bool(summary.reconciles)),
            ("line_account", .object([
                ("title_lines", .int(summary.titleLines)),
                ("header_lines", .int(summary.headerLines)),
                ("blank_lines", .int(summary.blankLines)),
                ("row_lines", .int(summary.rowLines)),
                ("lines_inside_quoted_fields", .int(summary.linesInsideFields)),
                ("reconciles", .bool(summary.linesReconcile)),
            ])),
            ("quote_repairs", .int(summary.quoteRepairs)),
            ("rejects_by_reason", .object(summary.rejectsByCode.sorted { $0.key < $1.key }.map { ($0.key.rawValue, .int($0.value)) })),
            ("rejected_adverse", .int(summary.rejectedAdverse)),
            ("rejected_lines", .int(summary.rejectedLines)),
            ("rejected_share", .number(summary.rejectedShare)),
            ("may_hide_violations", .bool(summary.mayHideViolations)),
            ("lines_above_header", .array(summary.linesAboveHeader.map { .int($0.line) })),
            ("mapping", .object(summary.mapping.map { ($0.field, .string($0.header)) })),
            ("unmapped_columns", .array(summary.unmappedHeaders.map(JSONValue.string))),
        ])
    }

    private static func value(_ value: DiagnosticValue) -> JSONValue {
        switch value {
        case .count(let count): .int(count)
        case .text(let text): .string(text)
        case .list(let texts): .array(texts.map(JSONValue.string))
        }
    }

    /// A text of ours in both languages, whatever the run's: `{"en": …, "zh": …}`.
    private static func both(_ text: (ReportLanguage) -> String) -> JSONValue {
        .object([("en", .string(text(.en))), ("zh", .string(text(.zh)))])
    }

    private static func check(_ tally: CheckTally) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(tally.descriptor.id)),
            ("severity", .string(tally.descriptor.severity.rawValue)),
            ("title", both(tally.descriptor.title)),
            ("legal_basis", .array(tally.descriptor.legalBasis.map { citation in
                .object([
                    ("instrument", .string(citation.instrument)),
                    ("article", .string(citation.article)),
                    ("jurisdiction", .string(citation.jurisdiction)),
                    ("applies_from", .string(citation.appliesFrom)),
                    ("policy_not_statute", .bool(citation.isPolicy)),
                    ("text", both(citation.text)),
                ])
            })),
            ("not_recorded_counts_as_violation", .bool(tally.descriptor.notRecordedIsViolation)),
            ("caveat", tally.descriptor.caveat(.en) == nil ? .null : both { tally.descriptor.caveat($0) ?? "" }),
            ("applicable", .int(tally.applicable)),
            ("violations", .int(tally.violations)),
            ("not_recorded", .int(tally.notRecorded)),
            ("unknown", .int(tally.unknown)),
            ("unknown_reasons", .array(tally.unknownReasons.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { reason in
                .object([("code", .string(reason.key)), ("count", .int(reason.value))])
            })),
        ]
        members += ratio("rate", tally.rate)
        return .object(members)
    }

    /// What every stratum says of itself, before its groups.
    private static func stratumHeader(_ stratum: SelectionStratum) -> [(String, JSONValue)] {
        [
            ("decision_type", .string(stratum.decisionType.rawValue)),
            ("attribute", .string(stratum.attribute)),
            ("decisions", .int(stratum.decisions)),
            ("unknown", .int(stratum.unknown)),
            ("reference_group", stratum.referenceGroup.map(JSONValue.string) ?? .null),
        ]
    }

    private static func stratum(_ stratum: SelectionStratum) -> JSONValue {
        // The sanction ladder's pooled stratum says so; a plain stratum has no `ladder` key.
        let ladder: [(String, JSONValue)] = stratum.ladder.map { ladder in
            [("ladder", .object([("harshest", .string(ladder.harshest.rawValue)),
                                 ("lighter", .array(ladder.lighter.map { .string($0.rawValue) })),
                                 ("harsher", .array(ladder.harsher.map { .string($0.rawValue) }))]))]
        } ?? []
        return .object(stratumHeader(stratum) + ladder + [("groups", .array(stratum.groups.map { group($0, in: stratum) }))])
    }

    private static func group(_ group: GroupSelection, in stratum: SelectionStratum) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("group", .string(group.group)), ("suppressed", .bool(group.suppressed)),
            ("n", .int(group.n)), ("favorable", .int(group.favorable)), ("selection_rate", .number(group.selectionRate)),
        ]
        members += interval("selection_rate_ci95", group.selectionInterval, undefinedBecause: StatisticReason.groupHasNoDecisions.rawValue)
        members += ratio("impact_ratio", group.impactRatio)
        members += interval("impact_ratio_ci95", group.impactRatioInterval, undefinedBecause: stratum.referenceGroup == nil
            ? noReference : StatisticReason.zeroSelectionRate.rawValue)
        members += interval("impact_ratio_bounds_with_unknowns", group.impactRatioBounds, undefinedBecause: stratum.unknown == 0
            ? StatisticReason.noUnknownDecisions.rawValue : StatisticReason.undefinedForEveryAssignmentOfUnknowns.rawValue)
        members += [
            ("flag_could_flip_with_unknowns", .bool(group.belowThresholdCouldFlip)),
            ("across_strata", .array(group.acrossStrata.map { test in
                var comparison: [(String, JSONValue)] = [
                    ("by", .string(test.by)), ("levels", .int(test.levels)),
                    ("cmh_statistic", .number(test.statistic)), ("p", .number(test.p)),
                ]
                comparison += statistic("common_odds_ratio", test.commonOddsRatio,
                                        undefinedBecause: StatisticReason.commonOddsRatioInfinite.rawValue)
                return .object(comparison)
            })),
        ]
        members += ratio("adverse_rate_ratio", group.adverseRateRatio)
        let untested = stratum.referenceGroup == nil ? noReference
            : group.isReference ? StatisticReason.isReference.rawValue : UndefinedReason.notComputed.code
        members += statistic("fisher_p", group.fisherP, undefinedBecause: untested)
        members += statistic("z", group.z, undefinedBecause: group.fisherP == nil ? untested
            : StatisticReason.pooledRateZeroOrOne.rawValue)
        members += statistic("adjusted_p", group.adjustedP, undefinedBecause: group.fisherP == nil ? untested
            : StatisticReason.insufficientData.rawValue)
        members += [(StatisticReason.isReference.rawValue, .bool(group.isReference)), ("flag", .string(group.flag.rawValue))]
        return .object(group.suppressed ? hidingNumbers(members, keeping: ["group", "suppressed", StatisticReason.isReference.rawValue, "flag"]) : members)
    }

    /// A stratum of rates and ratios only: a month's selection (tests and flags are the
    /// run's), or contests by group.
    private static func rateStratum(_ stratum: SelectionStratum) -> JSONValue {
        .object(stratumHeader(stratum) + [
            ("groups", .array(stratum.groups.map { group in
                var members: [(String, JSONValue)] = [
                    ("group", .string(group.group)), ("suppressed", .bool(group.suppressed)),
                    ("n", .int(group.n)), ("favorable", .int(group.favorable)), ("selection_rate", .number(group.selectionRate)),
                ]
                members += ratio("impact_ratio", group.impactRatio)
                return .object(group.suppressed ? hidingNumbers(members, keeping: ["group", "suppressed"]) : members)
            })),
        ])
    }

    private static func scores(_ stratum: ScoreStratum) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("decision_type", .string(stratum.decisionType.rawValue)),
            ("attribute", .string(stratum.attribute)),
            ("scored", .int(stratum.scored)),
        ]
        members += statistic("median", stratum.median, undefinedBecause: notFinite)
        members += [
            ("unknown", .int(stratum.unknown)),
            ("groups", .array(stratum.groups.map { group in
                var members: [(String, JSONValue)] = [
                    ("group", .string(group.group)), ("suppressed", .bool(group.suppressed)), ("n", .int(group.n)),
                ]
                members += statistic("mean", group.mean, undefinedBecause: notFinite)
                members += statistic("q1", group.q1, undefinedBecause: notFinite)
                members += statistic("median", group.median, undefinedBecause: notFinite)
                members += statistic("q3", group.q3, undefinedBecause: notFinite)
                members += [("scoring_rate", .number(group.scoringRate))]
                members += ratio("scoring_impact_ratio", group.scoringImpactRatio)
                members += statistic("mann_whitney_p", group.mannWhitneyP, undefinedBecause: StatisticReason.noOtherScores.rawValue)
                return .object(group.suppressed ? hidingNumbers(members, keeping: ["group", "suppressed"]) : members)
            })),
        ]
        return .object(members)
    }

    // MARK: numbers that may be undefined

    /// Why a statistic of report.json is null where the measure stage gives no
    /// `UndefinedReason` (docs/report-json.md explains each): codes, as machine output has no language.
    enum StatisticReason: String, CaseIterable {
        case groupHasNoDecisions = "group_has_no_decisions"
        case zeroSelectionRate = "zero_selection_rate"
        case noUnknownDecisions = "no_unknown_decisions"
        case undefinedForEveryAssignmentOfUnknowns = "undefined_for_every_assignment_of_unknowns"
        case commonOddsRatioInfinite = "common_odds_ratio_infinite"
        case isReference = "is_reference"
        case pooledRateZeroOrOne = "pooled_rate_zero_or_one"
        case insufficientData = "insufficient_data"
        case noOtherScores = "no_other_scores"
        case notFinite = "not_finite"
    }

    private static let noReference = UndefinedReason.noReference.code
    private static let notFinite = StatisticReason.notFinite.rawValue

    /// A statistic: the number, or `null` with `<name>_undefined_reason` beside it when it
    /// is absent or not finite (JSON has no NaN or infinity, and a bare null explains nothing).
    private static func statistic(_ name: String, _ value: Double?, undefinedBecause reason: @autoclosure () -> String) -> [(String, JSONValue)] {
        guard let value else { return [(name, .null), (name + "_undefined_reason", .string(reason()))] }
        guard value.isFinite else { return [(name, .null), (name + "_undefined_reason", .string(notFinite))] }
        return [(name, .number(value))]
    }

    /// An interval as `[lower, upper]`, or `null` with the reason, like `statistic`.
    private static func interval(_ name: String, _ interval: Interval?, undefinedBecause reason: @autoclosure () -> String) -> [(String, JSONValue)] {
        guard let interval else { return [(name, .null), (name + "_undefined_reason", .string(reason()))] }
        guard interval.lower.isFinite, interval.upper.isFinite else { return [(name, .null), (name + "_undefined_reason", .string(notFinite))] }
        return [(name, .array([.number(interval.lower), .number(interval.upper)]))]
    }

    private static func ratio(_ name: String, _ ratio: Ratio) -> [(String, JSONValue)] {
        switch ratio {
        case .value(let value): statistic(name, value, undefinedBecause: notFinite)
        case .undefined(let reason): statistic(name, nil, undefinedBecause: reason.code)
        }
    }

    /// A suppressed group: the same keys as a shown one, every count and statistic `null`
    /// and no `…_undefined_reason` (the suppression is the reason), so that a small group
    /// cannot be recognised from which of its numbers happen to be undefined.
    private static func hidingNumbers(_ members: [(String, JSONValue)], keeping kept: Set<String>) -> [(String, JSONValue)] {
        members.filter { !$0.0.hasSuffix("_undefined_reason") }.map { kept.contains($0.0) ? $0 : ($0.0, .null) }
    }

    /// `highest`, or the group named per attribute (`bias.reference`).
    private static func reference(_ reference: BiasSettings.Reference) -> JSONValue {
        switch reference {
        case .highest: .string("highest")
        case .groups(let groups): .object(groups.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })
        }
    }

    private static func settings(_ pipeline: Pipeline) -> JSONValue {
        // Said only when set, so that reports of exports with four-digit years keep their bytes.
        let twoDigitYears = pipeline.input.twoDigitYears.map { [("two_digit_years", JSONValue.string($0.rawValue))] } ?? []
        return .object([
            ("time_zone", .string(pipeline.input.timeZone)),
            ("date_order", .string(pipeline.input.dateOrder.rawValue)),
        ] + twoDigitYears + [
            ("assume_automated", .bool(pipeline.input.assumeAutomated)),
            ("significant_types", .array(pipeline.checks.significantTypes.sorted().map { .string($0.rawValue) })),
            ("jurisdictions", .array(pipeline.checks.jurisdictions.map(JSONValue.string))),
            ("min_group_size", .int(pipeline.bias.minGroupSize)),
            ("exclusion_share", .number(pipeline.bias.exclusionShare)),
            ("impact_threshold", .number(pipeline.bias.impactThreshold)),
            ("alpha", .number(pipeline.bias.alpha)),
            ("correction", .string(pipeline.bias.correction.rawValue)),
            ("suppress_below", .int(pipeline.report.suppressBelow)),
            ("subject_ids", .string(pipeline.report.subjectIDs.rawValue)),
            ("reference", reference(pipeline.bias.reference)),
        ])
    }
}
