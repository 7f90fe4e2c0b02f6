import Foundation

extension Statistics {
    // Statistics across strata (the `bias.by` levels: sites, months): the
    // Cochran–Mantel–Haenszel test and the Mantel–Haenszel common odds ratio, so a
    // disparity that holds within every stratum is not mistaken for a mix of strata, and
    // vice versa. Pure functions; reference values in
    // fixtures/reference/rank_and_stratified.py.

    /// The Cochran–Mantel–Haenszel test that the odds ratio is 1 in every stratum, without
    /// continuity correction, and the Mantel–Haenszel common odds ratio.
    ///
    /// Each stratum is the 2×2 table [[a, b], [c, d]]: rows the two groups, columns
    /// favourable / adverse (any consistent orientation works; the odds ratio is that of
    /// the first row against the second). With n = a + b + c + d per stratum:
    ///
    ///     E[a]      = (a + b)(a + c) / n
    ///     Var[a]    = (a + b)(c + d)(a + c)(b + d) / (n²(n − 1))
    ///     statistic = (Σ a − Σ E[a])² / Σ Var[a]
    ///     p         = P(χ²₁ ≥ statistic) = erfc(√(statistic / 2))
    ///     common OR = Σ (a·d / n) / Σ (b·c / n)
    ///
    /// This is statsmodels' `StratifiedTable(tables).test_null_odds(correction=False)`
    /// (statistic; its p-value is `1 − chi2.cdf`, here the more precise `chi2.sf`) and
    /// `StratifiedTable(tables).oddsratio_pooled`.
    ///
    /// Strata with n < 2 contribute nothing: their deviation a − E[a] and variance are 0
    /// (statsmodels would turn the 0/0 of n = 0 or 1 into NaN; R's `mantelhaen.test`
    /// refuses them).
    ///
    /// - Returns: nil when a count is negative, or when the variance sum is 0 (in no
    ///   stratum do both groups and both outcomes occur: there is nothing to test; this
    ///   includes an empty list). `commonOddsRatio` is nil when Σ b·c/n is 0 (the ratio
    ///   would be infinite or 0/0).
    public static func cochranMantelHaenszel(
        _ strata: [(a: Int, b: Int, c: Int, d: Int)]
    ) -> (statistic: Double, p: Double, commonOddsRatio: Double?)? {
        var deviation = 0.0  // Σ (a − E[a])
        var variance = 0.0   // Σ Var[a]
        var adOverN = 0.0, bcOverN = 0.0
        for stratum in strata {
            guard stratum.a >= 0, stratum.b >= 0, stratum.c >= 0, stratum.d >= 0 else { return nil }
            // In Double from the start: Int sums and products can overflow, and statsmodels
            // computes in float64 too.
            let a = Double(stratum.a), b = Double(stratum.b), c = Double(stratum.c), d = Double(stratum.d)
            let n = a + b + c + d
            guard n >= 2 else { continue }
            let apb = a + b, apc = a + c, bpd = b + d, cpd = c + d
            deviation += a - apb * apc / n
            variance += apb * apc * bpd * cpd / (n * n * (n - 1))
            adOverN += a * d / n
            bcOverN += b * c / n
        }
        guard variance > 0 else { return nil }
        let statistic = deviation * deviation / variance
        let p = min(1, max(0, erfc((statistic / 2).squareRoot())))
        return (statistic, p, bcOverN > 0 ? adOverN / bcOverN : nil)
    }
}
