/// The bounds of what a pipeline file may be and set: each setting's range, checked when
/// the file is read (an error names the file, line and column of the value), so that no
/// setting can overflow an allocation or a computation later, and the loader itself stays
/// bounded however the file is written.
///
/// Does not bound the export: the settings it checks do (`input.max_field_bytes`,
/// `input.max_row_bytes`, `input.max_columns`, `input.max_distinct_values`).
public enum PipelineLimits {
    /// The pipeline file itself: a pipeline is a page or two of settings.
    public static let fileBytes = 1 << 20
    /// `input.max_field_bytes`: up to 16 MiB a field.
    public static let fieldBytes = 1...(16 << 20)
    /// `input.max_row_bytes`: up to 64 MiB a row (the reader holds a few rows' worth of buffers).
    public static let rowBytes = 1...(64 << 20)
    /// `input.max_columns`.
    public static let columns = 1...16_384
    /// `input.max_distinct_values`: groups from the data per attribute.
    public static let distinctValues = 1...100_000
    /// `bias.min_group_size` and `report.suppress_below` (0 for the latter): counts of decisions.
    public static let groupSize = 1...1_000_000_000
    /// A check's whole-number parameter (days, seconds, reviews, decisions): a million days
    /// is 2,700 years, and days times 86,400 seconds still fits in 64 bits.
    public static let checkInteger = 0...1_000_000
    /// A check's numeric parameter (shares, scores).
    public static let checkNumber = -1e9...1e9
}
