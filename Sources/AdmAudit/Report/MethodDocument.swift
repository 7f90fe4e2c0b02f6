/// docs/method.md: how admaudit computes what it reports, generated from the code
/// (`admaudit method`): the method as every report states it (with the default settings),
/// then each statistic with its definition, the function it agrees with and its reference.
/// A test keeps docs/method.md current.
public enum MethodDocument {
    /// One statistic: what it is used for, its definition, what it agrees with (the
    /// reference values in fixtures/reference were computed with that), and a reference.
    struct Statistic {
        var name: String
        var usedFor: String
        var definition: String
        var agreesWith: String
        var reference: String
    }

    static let statistics: [Statistic] = [
        Statistic(name: "Selection rate and impact ratio", usedFor: "every group of every stratum",
                  definition: "rate = favourable / n; impact ratio = the group's rate / the reference group's rate; the reference is the highest-rate group with at least `min_group_size` decisions and `exclusion_share` of the stratum, or the group `bias.reference` names. \"Below the threshold\" is decided on the counts in integers (favourable·n_ref < threshold·favourable_ref·n), so a ratio of exactly the threshold is not below it.",
                  agreesWith: "fairlearn `selection_rate`, Aequitas disparity; NYC 6 RCNY § 5-301", reference: "29 CFR § 1607.4(D) (the four-fifths rule); 6 RCNY § 5-301"),
        Statistic(name: "Adverse-rate ratio", usedFor: "every group; compliance by group",
                  definition: "(1 − rate) / (1 − the reference's rate): a doubled dismissal rate shows here when the selection rates look alike.",
                  agreesWith: "the impact ratio's formula on the adverse outcomes", reference: "Saleiro et al. (2018), Aequitas, arXiv:1811.05577"),
        Statistic(name: "Wilson interval", usedFor: "selection rates (95%)",
                  definition: "center = (q + z²/2n) / (1 + z²/n), half = z·√(q(1−q)/n + z²/4n²) / (1 + z²/n), z = Φ⁻¹(0.975); bounds exactly 0 at x = 0 and 1 at x = n.",
                  agreesWith: "statsmodels `proportion_confint(method=\"wilson\")`", reference: "Wilson (1927), JASA 22:209"),
        Statistic(name: "Log-method interval of a ratio", usedFor: "impact ratios (95%)",
                  definition: "exp(log(p1/p2) ± z·√(1/x1 − 1/n1 + 1/x2 − 1/n2)); undefined when either count of successes is 0.",
                  agreesWith: "statsmodels `confint_proportions_2indep(method=\"log\", compare=\"ratio\")`", reference: "Katz et al. (1978), Biometrics 34:469"),
        Statistic(name: "Fisher exact test", usedFor: "each group against the reference (two-sided)",
                  definition: "the sum of the hypergeometric probabilities of every table with the same margins at most as probable as the observed one (relative tolerance 1e-7), in log space.",
                  agreesWith: "scipy `fisher_exact(alternative=\"two-sided\")`", reference: "Fisher (1922), JRSS 85:87"),
        Statistic(name: "Two-proportion z", usedFor: "each group against the reference (standard deviations)",
                  definition: "(x1/n1 − x2/n2) / √(p(1−p)(1/n1 + 1/n2)), p pooled; undefined when the pooled rate is 0 or 1.",
                  agreesWith: "statsmodels `proportions_ztest`", reference: "Castaneda v. Partida, 430 U.S. 482, 496 n.17 (1977) (two or three standard deviations)"),
        Statistic(name: "Holm and Benjamini–Hochberg", usedFor: "p-values adjusted over every test of the run (`bias.correction`)",
                  definition: "Holm: min(1, max over j ≤ i of (m − j + 1)·p(j)); BH: min(1, min over j ≥ i of p(j)·m/j), p sorted ascending; groups too small to judge are not among the tests.",
                  agreesWith: "statsmodels `multipletests(method=\"holm\" / \"fdr_bh\")`", reference: "Holm (1979), Scand. J. Stat. 6:65; Benjamini & Hochberg (1995), JRSS B 57:289"),
        Statistic(name: "Mann–Whitney U", usedFor: "scores of each group against the other groups",
                  definition: "average ranks for ties; U = max(U₁, n₁n₂ − U₁); z = (U − n₁n₂/2 − ½)/σ with the tie-corrected σ; p = min(1, erfc(z/√2)).",
                  agreesWith: "scipy `mannwhitneyu(method=\"asymptotic\", use_continuity=True)`", reference: "Mann & Whitney (1947), Ann. Math. Stat. 18:50"),
        Statistic(name: "Quartiles and median", usedFor: "scores by group; the scoring-rate cut (median of all)",
                  definition: "linear interpolation between order statistics (Hyndman & Fan type 7).",
                  agreesWith: "numpy `quantile(method=\"linear\")`", reference: "Hyndman & Fan (1996), Am. Stat. 50:361"),
        Statistic(name: "Scoring rate", usedFor: "LL144 tables for tools that score",
                  definition: "the share of a group's scores above the median of all scores of the decision type; its impact ratio is against the group with the highest scoring rate.",
                  agreesWith: "published LL144 audits", reference: "6 RCNY § 5-300 (definitions), § 5-301"),
        Statistic(name: "Cochran–Mantel–Haenszel", usedFor: "each group against the reference across the levels of a `bias.by` column",
                  definition: "(Σa − ΣE[a])² / ΣVar[a] without continuity correction, p = P(χ²₁ ≥ statistic); common odds ratio Σ(ad/n) / Σ(bc/n); levels with n < 2 add nothing.",
                  agreesWith: "statsmodels `StratifiedTable.test_null_odds(correction=False)`, `oddsratio_pooled`", reference: "Mantel & Haenszel (1959), JNCI 22:719"),
        Statistic(name: "Bounds with unknowns", usedFor: "whether a four-fifths verdict could flip",
                  definition: "the lowest and highest impact ratio had every decision of unknown attribute belonged to one group.",
                  agreesWith: "computed exactly on the counts", reference: "—"),
    ]

    public static func markdown() -> String {
        var out = "# Method\n\nGenerated by `admaudit method` (do not edit by hand): the method every report states, with the\n"
        out += "default settings, then the statistics. Each statistic agrees with the function named to 1e-9 for rates and ratios\n"
        out += "and 1e-6 for p-values; the reference values and the scripts that made them are in `fixtures/reference`.\n\n"
        out += "## As every report states it\n\n" + ReportText(language: .en).methodText(Pipeline()) + "\n\n"
        out += "## 各报告所述方法\n\n" + ReportText(language: .zh).methodText(Pipeline()) + "\n\n"
        out += "## The statistics\n"
        for statistic in statistics {
            out += "\n### \(statistic.name)\n\n- Used for: \(statistic.usedFor)\n- Definition: \(statistic.definition)\n"
            out += "- Agrees with: \(statistic.agreesWith)\n- Reference: \(statistic.reference)\n"
        }
        return out
    }
}
