/// A pipeline file, read and checked: how to read an employer's export, what its
/// columns and values mean, which checks to run, how to measure and how to report.
///
/// Defaults fill whatever the file leaves out, so a pipeline states only what differs
/// from the built-in vocabulary (`BuiltinVocabulary`).
public struct Pipeline: Sendable {
    public var name: String = "pipeline"
    /// SHA-256 (hex) of the file's bytes, for the report's chain of custody.
    public var sha256: String = ""
    public var input = InputSettings()
    /// Canonical field → header synonyms (built-ins unless the pipeline replaced them).
    public var columns: [CanonicalField: [String]] = [:]
    /// Fields whose synonyms the pipeline set itself: they claim headers before built-ins.
    public var explicitColumns: Set<CanonicalField> = []
    /// Attribute name → header synonyms, in the order the pipeline declares them.
    public var attributes: [(name: String, headers: [String])] = []
    /// Attributes whose groups are age bands computed from a number of years or a birth
    /// date (`age_band: {from_age: [年龄]}`), by attribute name.
    public var ageBands: [String: AgeBanding] = [:]
    public var values = ValueVocabulary()
    /// `derive.outcome.adverse_if`: the outcome from the score.
    public var derive: OutcomeDerivation? = nil
    /// `derive.outcome.from: decision_type`: with no outcome recorded, the outcome the decision
    /// kind itself states (`未录用`, `Screened Out`, `扣发奖金`), else adverse for the kinds
    /// that are sanctions by nature (dismissal, demotion, discipline, suspension).
    public var outcomeFromDecisionType = false
    public var checks = CheckSettings()
    /// `activity:`: how to read activity logs and the schedule to judge them by; nil when
    /// the pipeline reads decisions only.
    public var activity: ActivitySettings? = nil
    public var bias = BiasSettings()
    public var report = ReportSettings()
    /// `audit_date`: the as-of date when `--as-of` is not given.
    public var auditDate: String? = nil
    /// Set when admaudit inferred this pipeline from the export itself (`run` without `-p`):
    /// the reports say so, and what needs checking.
    public var inference: Inference? = nil

    public struct Inference: Sendable, Equatable {
        /// The export it was inferred from.
        public var input: String
        /// Settings the inference was unsure of (TODO in the pipeline file).
        public var todos: [String]

        public init(input: String, todos: [String]) {
            self.input = input
            self.todos = todos
        }
    }

    public init() {
        for (field, headers) in BuiltinVocabulary.columns { columns[field] = headers }
    }
}

public struct InputSettings: Sendable {
    public var encoding: InputEncoding = .auto
    public var delimiter: UInt8? = nil
    /// IANA name; naive timestamps are local times there.
    public var timeZone: String = "UTC"
    /// Place → IANA zone, for exports whose sites are in several zones: a row's naive times
    /// are local to its place (the `jurisdiction` column's value, else the `site` attribute's);
    /// rows of other places use `timeZone`.
    public var timeZonesByPlace: [(place: String, zone: String)] = []
    public var dateOrder: DateOrder = .ymd
    /// The century of two-digit years (`3/5/25`, `13-JAN-25`); nil: such dates are rejected.
    public var twoDigitYears: TwoDigitYears? = nil
    public var maxFieldBytes: Int = 64 * 1024
    public var maxRowBytes: Int = 1024 * 1024
    /// Columns a row may have (`input.max_columns`): a row with more is rejected, a header
    /// with more stops the run.
    public var maxColumns: Int = 1024
    /// Distinct values of one attribute that become groups of their own
    /// (`input.max_distinct_values`); see `AttributeGroups`.
    public var maxDistinctValues: Int = 1000
    /// An empty or absent `automated` field means the decision was automated: the export
    /// comes from the system under audit. The report states this assumption.
    public var assumeAutomated: Bool = true
    /// The decision type of every record when the export has no such column (for
    /// example a single system's scores in a research dataset).
    public var defaultDecisionType: DecisionType? = nil
    /// Physical line of the header; nil: the first line, or the first that looks like a
    /// header below title lines (`HeaderLocator`).
    public var headerLine: Int? = nil
    /// How numbers write their decimals: `0.73`, or `0,73` as European spreadsheets do.
    public var decimalSeparator: DecimalSeparator = .point
    /// A run whose rejected rows exceed this share of an input exits 3 (`--max-rejected`).
    public var maxRejectedShare: Double? = nil
    /// Yes/no fields written out as text (`处理理由说明: 连续三月绩效末位…`): a filled cell that
    /// reads as no yes/no is yes (an explanation written is an explanation given).
    public var filledMeansYes: Set<CanonicalField> = []

    package init() {}
}

public enum DecimalSeparator: String, Sendable, CaseIterable {
    case point = "."
    case comma = ","
}

/// Canonical value → employer spellings, per kind of field. Values a pipeline lists are
/// added to these (and looked up first); `replace: true` in a list replaces them.
public struct ValueVocabulary: Sendable {
    public var booleans: [(Bool, [String])] = BuiltinVocabulary.booleans
    /// For `automated`: yes/no, or who decided (`系统`, `人工`).
    public var automation: [(Bool, [String])] = BuiltinVocabulary.automation
    public var outcomes: [(Outcome, [String])] = BuiltinVocabulary.outcomes
    /// `values.outcome.as_decided`: status words saying a decision was carried out (`Completed`,
    /// `Applied`, `已执行`): the outcome is the decision kind's own (`derive.outcome.from`).
    public var outcomesAsDecided: [String] = []
    public var decisionTypes: [(DecisionType, [String])] = BuiltinVocabulary.decisionTypes
    public var reviewResults: [(ReviewResult, [String])] = BuiltinVocabulary.reviewResults
    public var appealResults: [(ReviewResult, [String])] = BuiltinVocabulary.appealResults
    public var appealReviewers: [(AppealReviewer, [String])] = BuiltinVocabulary.appealReviewers
    /// Attribute → canonical group → spellings. Values not listed keep their own spelling.
    public var attributeValues: [String: [(String, [String])]] = BuiltinVocabulary.attributeValues
    /// Attribute values that mean "not known": counted, never a group.
    public var unknown: [String] = ["unknown", "not disclosed", "prefer not to say", "declined", "decline to answer",
                                    "declined to answer", "decline to state", "declined to state", "decline to self-identify",
                                    "i don't wish to answer", "not specified", "n/a", "na", "none",
                                    "未知", "不详", "未填写", "不愿透露", "拒绝回答"]

    package init() {}
}

/// `derive.outcome`: the outcome from the score, for exports that carry only scores.
public struct OutcomeDerivation: Sendable, Equatable {
    public enum Comparison: String, Sendable { case atLeast = ">=", above = ">", atMost = "<=", below = "<" }
    /// The score comparison that makes an outcome adverse, e.g. `score >= 0.7`.
    public var adverseWhen: Comparison
    public var threshold: Double
    /// true: the derived outcome replaces a recorded one; false: only fills gaps.
    public var overrideRecorded: Bool = false

    public func outcome(for score: Double) -> Outcome {
        let adverse = switch adverseWhen {
        case .atLeast: score >= threshold
        case .above: score > threshold
        case .atMost: score <= threshold
        case .below: score < threshold
        }
        return adverse ? .adverse : .favorable
    }

    package init(adverseWhen: Comparison, threshold: Double, overrideRecorded: Bool = false) {
        self.adverseWhen = adverseWhen
        self.threshold = threshold
        self.overrideRecorded = overrideRecorded
    }
}

public struct CheckSettings: Sendable {
    public struct Override: Sendable, Equatable {
        public var enabled: Bool? = nil
        public var severity: Severity? = nil
        /// Parameter name → value, checked against the check's declared parameters.
        public var parameters: [String: ParameterValue] = [:]

        package init(enabled: Bool? = nil, severity: Severity? = nil, parameters: [String: ParameterValue] = [:]) {
            self.enabled = enabled
            self.severity = severity
            self.parameters = parameters
        }
    }

    public var jurisdictions: [String] = ["CN", "EU", "US-NYC"]
    public var significantTypes: Set<DecisionType> = DecisionType.defaultSignificant
    /// Check id → settings from the pipeline.
    public var overrides: [String: Override] = [:]

    package init() {}
}

public struct BiasSettings: Sendable {
    public enum Reference: Sendable, Equatable {
        /// The group with the highest selection rate (LL144).
        case highest
        /// A named group per attribute.
        case groups([String: String])
    }

    /// Attributes to measure; empty means every attribute the pipeline declares.
    public var attributes: [String] = []
    public var intersections: [[String]] = []
    /// Columns to stratify by for the Cochran–Mantel–Haenszel tests: declared attributes
    /// (e.g. `site`) or `month`.
    public var by: [String] = []
    public var reference: Reference = .highest
    public var minGroupSize: Int = 5
    /// Groups below this share of a stratum may be excluded from ratios (LL144: 2%).
    public var exclusionShare: Double = 0.02
    /// The four-fifths threshold.
    public var impactThreshold: Double = 0.8
    /// Significance level for the adjusted p-values.
    public var alpha: Double = 0.05
    public var correction: Correction = .holm
    /// The sanctions compared by severity, lightest first (`SanctionLadder`); empty turns
    /// the comparison off.
    public var sanctionLadder: [DecisionType] = [.discipline, .suspension, .demotion, .dismissal]

    /// Adjustment of p-values over all tests of a run.
    public enum Correction: String, Sendable, CaseIterable {
        case holm
        case benjaminiHochberg = "bh"
        case none
    }

    package init() {}
}

public enum SubjectIDHandling: String, Sendable, CaseIterable {
    case keep, pseudonymize, drop
}

/// The report files a pipeline may choose. findings.csv and rejects.csv are not among
/// them: they are the evidence and the record that nothing was lost, so every run writes them.
public enum ReportFormat: String, Sendable, CaseIterable {
    case json, md, html
}

public struct ReportSettings: Sendable {
    public var formats: [ReportFormat] = ReportFormat.allCases
    public var language: ReportLanguage = .en
    public var subjectIDs: SubjectIDHandling = .pseudonymize
    /// Cells counting fewer people than this are shown as suppressed.
    public var suppressBelow: Int = 5
    /// File holding the key for pseudonyms (else `ADMAUDIT_PSEUDONYM_KEY`, else a key
    /// derived from the inputs, stable for the same inputs).
    public var pseudonymKeyFile: String? = nil
    public var title: String? = nil
    /// `ll144`: the readable reports open the groups with the tables of a published NYC
    /// Local Law 144 bias audit.
    public var layout: ReportLayout = .standard

    package init() {}
}

public enum ReportLayout: String, Sendable, CaseIterable {
    case standard, ll144
}

/// Age bands from an age in years or a birth date: `<30`, `30-39`, `40-49`, `50+` by
/// default (40 is where US age protection starts).
public struct AgeBanding: Sendable, Equatable {
    public enum Source: String, Sendable { case years = "from_age", birthDate = "from_birth_date" }

    public var source: Source
    /// Lower bounds of the bands after the first, ascending.
    public var bounds: [Int] = [30, 40, 50]

    public init(source: Source, bounds: [Int] = [30, 40, 50]) {
        self.source = source
        self.bounds = bounds
    }

    /// The bands' labels, in order: their group codes are their positions.
    public var labels: [String] {
        guard let first = bounds.first, let last = bounds.last else { return ["all ages"] }
        var labels = ["<\(first)"]
        for (low, high) in zip(bounds, bounds.dropFirst()) { labels.append("\(low)-\(high - 1)") }
        labels.append("\(last)+")
        return labels
    }

    /// The band of an age in whole years; nil when the age is not plausible (0 to 120).
    public func band(ofAge years: Int) -> Int32? {
        guard (0...120).contains(years) else { return nil }
        return Int32(bounds.firstIndex { years < $0 } ?? bounds.count)
    }

    /// Whole years from `birth` to `day` (calendar dates).
    public static func age(born birth: AsOfDate, on day: AsOfDate) -> Int {
        let years = day.year - birth.year
        return (day.month, day.day) < (birth.month, birth.day) ? years - 1 : years
    }
}
