import Foundation

extension Statistics {
    // Score statistics per group, for exports with a score column: the Mann–Whitney
    // U test of a group against the rest, quartiles, mean and the NYC LL144 scoring rate.
    // Pure functions; reference values from scipy / numpy in
    // fixtures/reference/rank_and_stratified.py.

    /// The Mann–Whitney U test of two independent samples, two-sided, by the normal
    /// approximation with tie correction and continuity correction.
    ///
    /// Both samples are ranked together (average ranks for ties) and
    ///
    ///     U₁ = R₁ − n₁(n₁ + 1)/2            (R₁ = the rank sum of x; returned as `u`)
    ///     U  = max(U₁, n₁n₂ − U₁)
    ///     σ  = √( n₁n₂/12 · ((n + 1) − Σ(t³ − t) / (n(n − 1))) )   (t = size of each tie group)
    ///     z  = (U − n₁n₂/2 − ½) / σ
    ///     p  = min(1, 2 · (1 − Φ(z))) = min(1, erfc(z/√2))
    ///
    /// This is exactly `scipy.stats.mannwhitneyu(x, y, alternative='two-sided',
    /// method='asymptotic', use_continuity=True)`: `u` is its statistic (U₁ for `x`), `p`
    /// its p-value.
    ///
    /// Ranking sorts each sample once and merges them: O(n log n) time, O(n) memory.
    ///
    /// - Returns: nil when either sample is empty or holds a NaN (scipy would return NaN).
    ///   When every value is tied the variance is 0 and `p` is 1 (as scipy's clipped
    ///   result). Infinite values are ranked like any other value.
    public static func mannWhitneyU(_ x: [Double], _ y: [Double]) -> (u: Double, p: Double)? {
        guard !x.isEmpty, !y.isEmpty, !x.contains(where: \.isNaN), !y.contains(where: \.isNaN) else { return nil }
        let xs = x.sorted(), ys = y.sorted()
        let n1 = Double(xs.count), n2 = Double(ys.count)

        // Walk both sorted samples in step, one tie group (one distinct value) at a time.
        var i = 0, j = 0
        var rankSumX = 0.0  // multiples of ½ and below 2⁵³: exact
        var tieTerm = 0.0   // Σ (t³ − t), as scipy in float64
        while i < xs.count || j < ys.count {
            let value = j == ys.count || (i < xs.count && xs[i] <= ys[j]) ? xs[i] : ys[j]
            let firstRank = i + j + 1
            let startX = i, startY = j
            while i < xs.count && xs[i] == value { i += 1 }
            while j < ys.count && ys[j] == value { j += 1 }
            let inX = i - startX, t = (i - startX) + (j - startY)
            // Ranks firstRank ... firstRank + t − 1, average firstRank + (t − 1)/2.
            rankSumX += Double(inX) * (Double(2 * firstRank + t - 1) / 2)
            let tt = Double(t)
            tieTerm += tt * tt * tt - tt
        }

        return mannWhitneyResult(rankSumX: rankSumX, n1: n1, n2: n2, tieTerm: tieTerm)
    }

    /// U₁ and the p-value from x's rank sum, the sample sizes and Σ(t³ − t).
    static func mannWhitneyResult(rankSumX: Double, n1: Double, n2: Double, tieTerm: Double) -> (u: Double, p: Double) {
        let n = n1 + n2
        let u1 = rankSumX - n1 * (n1 + 1) / 2
        let u2 = n1 * n2 - u1
        let u = max(u1, u2)
        let mu = n1 * n2 / 2
        let sigma = (n1 * n2 / 12 * ((n + 1) - tieTerm / (n * (n - 1)))).squareRoot()
        guard sigma > 0 else { return (u1, 1) }
        let z = (u - mu - 0.5) / sigma
        let p = min(1, max(0, erfc(z / 2.0.squareRoot())))
        return (u1, p)
    }

    /// `mannWhitneyU(samples[i], all the other samples together)` for every i, with the
    /// same results bit for bit, in O(n log n) for all of them together rather than once
    /// per sample: every sample is ranked within the union once. The tie term is the
    /// union's, summed in the same order (ascending values), and rank sums are multiples
    /// of ½ below 2⁵³, so exact whatever the order they are added in.
    ///
    /// - Returns: per sample, nil when it or the rest is empty, or when any value is NaN.
    public static func mannWhitneyUEachAgainstRest(_ samples: [[Double]]) -> [(u: Double, p: Double)?] {
        let total = samples.reduce(0) { $0 + $1.count }
        guard !samples.contains(where: { $0.contains(where: \.isNaN) }) else { return Array(repeating: nil, count: samples.count) }
        let pooled = Self.pooledInOrder(samples, total: total)
        var rankSums = [Double](repeating: 0, count: samples.count)
        var tieTerm = 0.0
        var start = 0
        while start < pooled.count {
            var end = start + 1
            while end < pooled.count && pooled[end].value == pooled[start].value { end += 1 }
            let t = end - start
            let averageRank = Double(2 * (start + 1) + t - 1) / 2
            for entry in pooled[start..<end] { rankSums[Int(entry.sample)] += averageRank }
            let tt = Double(t)
            tieTerm += tt * tt * tt - tt
            start = end
        }
        return samples.indices.map { index in
            let n1 = samples[index].count, n2 = total - n1
            guard n1 > 0, n2 > 0 else { return nil }
            return mannWhitneyResult(rankSumX: rankSums[index], n1: Double(n1), n2: Double(n2), tieTerm: tieTerm)
        }
    }

    /// Every value with the sample it came from, ascending. Samples already sorted (the
    /// score tables sort each group first) are merged pairwise, O(n log k) for k samples,
    /// not sorted again; values equal across samples may come in either order, which a
    /// rank does not see.
    static func pooledInOrder(_ samples: [[Double]], total: Int) -> [(value: Double, sample: Int32)] {
        func tagged(_ index: Int) -> [(value: Double, sample: Int32)] { samples[index].map { ($0, Int32(index)) } }
        guard samples.allSatisfy(isAscending) else {
            var pooled = samples.indices.flatMap(tagged)
            pooled.sort { $0.value < $1.value }
            return pooled
        }
        var runs = samples.indices.filter { !samples[$0].isEmpty }.map(tagged)
        while runs.count > 1 {
            var next: [[(value: Double, sample: Int32)]] = []
            next.reserveCapacity((runs.count + 1) / 2)
            for pair in stride(from: 0, to: runs.count, by: 2) {
                next.append(pair + 1 < runs.count ? merged(runs[pair], runs[pair + 1]) : runs[pair])
            }
            runs = next
        }
        return runs.first ?? []
    }

    private static func isAscending(_ values: [Double]) -> Bool {
        values.indices.dropFirst().allSatisfy { values[$0 - 1] <= values[$0] }
    }

    private static func merged(_ a: [(value: Double, sample: Int32)], _ b: [(value: Double, sample: Int32)]) -> [(value: Double, sample: Int32)] {
        var out: [(value: Double, sample: Int32)] = []
        out.reserveCapacity(a.count + b.count)
        var (i, j) = (0, 0)
        while i < a.count && j < b.count {
            if b[j].value < a[i].value { out.append(b[j]); j += 1 } else { out.append(a[i]); i += 1 }
        }
        out.append(contentsOf: a[i...])
        out.append(contentsOf: b[j...])
        return out
    }

    /// The quartiles of a sample: `numpy.percentile(values, [25, 50, 75])` with numpy's
    /// default `method='linear'` (Hyndman & Fan type 7).
    ///
    /// For the sorted values v₀ ≤ … ≤ vₙ₋₁ and q ∈ {¼, ½, ¾}: h = (n − 1)q, k = ⌊h⌋,
    /// g = h − k, and the quantile is v_k + g(v_{k+1} − v_k), computed as numpy's `_lerp`
    /// does (v_{k+1} − (v_{k+1} − v_k)(1 − g) when g ≥ ½), so results agree bit for bit
    /// on finite input.
    ///
    /// - Returns: nil for an empty sample or one holding a NaN (numpy would return NaN).
    public static func quartiles(_ values: [Double]) -> (q1: Double, median: Double, q3: Double)? {
        guard !values.isEmpty, !values.contains(where: \.isNaN) else { return nil }
        let sorted = isAscending(values) ? values : values.sorted()
        return quartiles(count: sorted.count) { sorted[$0] }
    }

    /// The quartiles of n sorted values, given the value at a position; reads only the
    /// positions `quartilePositions(count:)` names.
    static func quartiles(count n: Int, at value: (Int) -> Double) -> (q1: Double, median: Double, q3: Double) {
        func percentile(_ q: Double) -> Double {
            let h = Double(n - 1) * q
            let k = h.rounded(.down)
            let index = Int(k)
            if index >= n - 1 { return value(n - 1) }
            let g = h - k
            let a = value(index), b = value(index + 1)
            let difference = b - a
            return g >= 0.5 ? b - difference * (1 - g) : a + difference * g
        }
        return (percentile(0.25), percentile(0.5), percentile(0.75))
    }

    /// The positions of n sorted values the quartiles are made of, ascending.
    static func quartilePositions(count n: Int) -> [Int] {
        var positions: Set<Int> = []
        for q in [0.25, 0.5, 0.75] {
            let index = Int((Double(n - 1) * q).rounded(.down))
            positions.insert(min(index, n - 1))
            if index < n - 1 { positions.insert(index + 1) }
        }
        return positions.sorted()
    }

    /// The arithmetic mean Σx / n, like `numpy.mean(values)`.
    ///
    /// Summed with Neumaier's compensated summation, so the result is the correctly
    /// rounded mean for all practical inputs; numpy's pairwise summation differs from it
    /// only by numpy's own rounding (relative 1e-15 or so).
    ///
    /// - Returns: nil for an empty sample. NaN and infinities propagate as in numpy; finite
    ///   values whose sum overflows (scores near 1e308) are summed scaled down, so a mean
    ///   of finite values is finite (where numpy gives inf).
    public static func mean(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let plain = compensatedSum(values)
        if !plain.isFinite, values.allSatisfy(\.isFinite) {
            let scale = values.reduce(0.0) { max($0, abs($1)) }
            return compensatedSum(values.map { $0 / scale }) / Double(values.count) * scale
        }
        return plain / Double(values.count)
    }

    /// Σx with Neumaier's compensation.
    private static func compensatedSum(_ values: [Double]) -> Double {
        var sum = CompensatedSum()
        for value in values { sum.add(value) }
        return sum.total
    }

    /// Σx with Neumaier's compensation, a value at a time (in the order given).
    struct CompensatedSum {
        private var sum = 0.0, compensation = 0.0

        mutating func add(_ value: Double) {
            let t = sum + value
            if abs(sum) >= abs(value) {
                compensation += (sum - t) + value
            } else {
                compensation += (value - t) + sum
            }
            sum = t
        }

        /// `value` added `times` times: one by one, as an array of the values is summed, up to
        /// `repeatLimit` times; past it (a state file's count), as its product, exact to a
        /// double's precision (the product and its rounding error, `fma`), so the work does
        /// not grow with a count a file claims.
        mutating func add(_ value: Double, times: Int) {
            if times <= Self.repeatLimit {
                for _ in 0..<times { add(value) }
                return
            }
            let count = Double(times)
            let product = value * count
            add(product)
            // The product's rounding error, exactly: value × count − product.
            if product.isFinite { add((-product).addingProduct(value, count)) }
        }

        static let repeatLimit = 1 << 12

        // With an infinity or NaN the compensation is meaningless (∞ − ∞); the plain sum
        // already carries the right result.
        var total: Double { sum.isFinite ? sum + compensation : sum }
    }

    /// The LL144 scoring rate: the share of `values` strictly above `median`, where the
    /// caller passes the median of the whole sample (all groups of the stratum), so the
    /// rate says how often a group's members score above the typical candidate.
    ///
    ///     scoring rate = #{v ∈ values : v > median} / #values
    ///
    /// Agrees with `numpy.mean(np.asarray(values) > median)`.
    ///
    /// - Returns: 0 for an empty sample (no value is above the median); callers that
    ///   report rates should not report a group without members.
    public static func scoringRate(_ values: [Double], median: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        var above = 0
        for value in values where value > median { above += 1 }
        return Double(above) / Double(values.count)
    }
}
