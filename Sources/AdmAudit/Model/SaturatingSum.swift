extension Sequence where Element == Int {
    /// The sum, or `Int.max` when it would overflow (or a term is negative: damaged anyway).
    package var saturatingSum: Int {
        var sum = 0
        for term in self {
            let (next, overflow) = sum.addingReportingOverflow(term)
            if overflow || term < 0 { return .max }
            sum = next
        }
        return sum
    }
}
