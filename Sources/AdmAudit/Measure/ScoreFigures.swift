/// The values at the quartiles' positions among n sorted values, taken as the values go
/// past in order, in runs of equal values.
struct PositionPicker {
    let count: Int
    private let wanted: [Int]
    private var next = 0
    private var position = 0
    private var picked: [Int: Double] = [:]

    init(count: Int) {
        self.count = count
        wanted = count > 0 ? Statistics.quartilePositions(count: count) : []
    }

    /// `count` values equal to `value`, the next in order.
    mutating func take(_ value: Double, count more: Int) {
        let end = position + more
        while next < wanted.count && wanted[next] < end {
            picked[wanted[next]] = value
            next += 1
        }
        position = end
    }

    /// The quartiles (`Statistics.quartiles`), once all `count` values went past.
    var quartiles: (q1: Double, median: Double, q3: Double) {
        Statistics.quartiles(count: count) { picked[$0] ?? .nan }
    }

    /// The median, once the values it is made of went past (the middle one, or two); nil before.
    var median: Double? {
        guard count > 0 else { return nil }
        let middle = Int((Double(count - 1) * 0.5).rounded(.down))
        guard position > min(middle + 1, count - 1) else { return nil }
        return quartiles.median
    }
}

/// One grouping's score figures for one decision type (an attribute or an intersection),
/// read from the type's counts in score order, as the statistics of each group's sorted
/// scores would be made: per group its count, compensated sum in ascending order,
/// quartiles, scores above the type's median, and rank sum among the known groups' scores
/// (ties given their average rank), with the tie term of those ranks.
struct ScoreFigures {
    /// Per group code.
    private(set) var n: [Int]
    /// Scores of decisions whose group is unknown here.
    private(set) var unknown: Int
    private var sums: [Statistics.CompensatedSum]
    /// Sums of the scores divided by their largest magnitude: for groups whose plain sum
    /// overflows (scores near 1e308), read again.
    private var scaledSums: [Statistics.CompensatedSum?]
    private var lowest: [Double?]
    private var highest: [Double?]
    private var pickers: [PositionPicker]
    /// Per group code, its scores above the type's median: set by `take` at the run of equal
    /// scores where the reading passes the median, as its count less those at or below it.
    private(set) var above: [Int]
    /// Per group code, the scores read so far.
    private var read: [Int]
    private var rankSums: [Double]
    private var tieTerm = 0.0
    /// Known scores read so far: the rank before the current run of equal ones.
    private var position = 0
    /// Per profile, its group code here, or -1.
    private let groupOf: [Int32]
    private var inBlock: [Int]
    private var touched: [Int] = []

    init(column: ScoreStore.Column, grouping: ScoreStore.Grouping) {
        groupOf = column.profiles.map { grouping.group($0) ?? -1 }
        let groups = grouping.labels.count
        n = Array(repeating: 0, count: groups)
        unknown = 0
        for (profile, code) in groupOf.enumerated() {
            if code < 0 { unknown += column.scored(profile: profile) } else { n[Int(code)] += column.scored(profile: profile) }
        }
        sums = Array(repeating: Statistics.CompensatedSum(), count: groups)
        scaledSums = Array(repeating: nil, count: groups)
        lowest = Array(repeating: nil, count: groups)
        highest = Array(repeating: nil, count: groups)
        pickers = n.map { PositionPicker(count: $0) }
        above = Array(repeating: 0, count: groups)
        read = Array(repeating: 0, count: groups)
        rankSums = Array(repeating: 0, count: groups)
        inBlock = Array(repeating: 0, count: groups)
    }

    /// Every grouping's figures for the column, and the quartiles of all its scores: one
    /// reading in score order (each group's scores above the type's median are counted once the
    /// reading passes the median, as its scores less those read by then).
    static func read(_ column: ScoreStore.Column,
                     groupings: [ScoreStore.Grouping]) throws(AuditError) -> (overall: (q1: Double, median: Double, q3: Double), figures: [ScoreFigures]) {
        var figures = groupings.map { ScoreFigures(column: column, grouping: $0) }
        var overall = PositionPicker(count: column.count)
        var settled = false
        var block: [(profile: Int, count: Int)] = []
        var blockValue = 0.0
        func takeBlock() {
            overall.take(blockValue, count: block.reduce(0) { $0 + $1.count })
            let median = settled ? nil : overall.median
            for index in figures.indices { figures[index].take(blockValue, block, settlingAboveAt: median) }
            if median != nil { settled = true }
        }
        var sorted = try column.counts.sorted()
        while let entry = sorted.next() {
            if !block.isEmpty && entry.value != blockValue {
                takeBlock()
                block.removeAll(keepingCapacity: true)
            }
            blockValue = entry.value
            block.append((entry.profile, entry.count))
        }
        if !block.isEmpty { takeBlock() }
        try sorted.finish()
        let quartiles = overall.quartiles

        // A sum past the largest double: read again, each score divided by the group's largest magnitude.
        let overflowing = figures.indices.filter { index in figures[index].n.indices.contains { figures[index].overflows($0) } }
        guard !overflowing.isEmpty else { return (quartiles, figures) }
        for index in overflowing {
            for code in figures[index].n.indices where figures[index].overflows(code) { figures[index].scaledSums[code] = Statistics.CompensatedSum() }
        }
        var again = try column.counts.sorted()
        while let entry = again.next() {
            for index in overflowing { figures[index].addScaled(entry.value, profile: entry.profile, count: entry.count) }
        }
        try again.finish()
        return (quartiles, figures)
    }

    /// A run of equal scores, by profile. `median`: the type's median, when this run is where
    /// the reading passed it: every score read before is at or below it, and every score after
    /// above it (the median lies between the middle values, and this run holds the higher).
    private mutating func take(_ value: Double, _ block: [(profile: Int, count: Int)], settlingAboveAt median: Double?) {
        if let median {
            for code in n.indices { above[code] = n[code] - read[code] }
            for (profile, count) in block where groupOf[profile] >= 0 && value <= median { above[Int(groupOf[profile])] -= count }
        }
        var t = 0
        for (profile, count) in block {
            let code = Int(groupOf[profile])
            guard code >= 0 else { continue }
            if inBlock[code] == 0 { touched.append(code) }
            inBlock[code] += count
            t += count
        }
        guard t > 0 else { return }
        let averageRank = Double(2 * (position + 1) + t - 1) / 2
        let tt = Double(t)
        tieTerm += tt * tt * tt - tt
        position += t
        for code in touched {
            let count = inBlock[code]
            inBlock[code] = 0
            // Ranks are halves: their sums are exact, however they are added up, below 2⁵³
            // (some 10⁸ scores of one type).
            rankSums[code] += averageRank * Double(count)
            sums[code].add(value, times: count)
            pickers[code].take(value, count: count)
            read[code] += count
            if lowest[code] == nil { lowest[code] = value }
            highest[code] = value
        }
        touched.removeAll(keepingCapacity: true)
    }

    private func overflows(_ code: Int) -> Bool { n[code] > 0 && !sums[code].total.isFinite }

    /// The group's largest magnitude: its lowest or its highest score.
    private func scale(_ code: Int) -> Double { max(abs(lowest[code] ?? 0), abs(highest[code] ?? 0)) }

    private mutating func addScaled(_ value: Double, profile: Int, count: Int) {
        let code = Int(groupOf[profile])
        guard code >= 0, scaledSums[code] != nil else { return }
        let divided = value / scale(code)
        scaledSums[code]!.add(divided, times: count)
    }

    /// The mean (`Statistics.mean` of the group's scores).
    func mean(_ code: Int) -> Double {
        guard n[code] > 0 else { return .nan }
        if let scaled = scaledSums[code] { return scaled.total / Double(n[code]) * scale(code) }
        return sums[code].total / Double(n[code])
    }

    func quartiles(_ code: Int) -> (q1: Double, median: Double, q3: Double) { pickers[code].quartiles }

    /// Mann–Whitney of the group against the other known groups
    /// (`Statistics.mannWhitneyUEachAgainstRest`).
    func mannWhitney(_ code: Int) -> (u: Double, p: Double)? {
        let total = n.reduce(0, +)
        let (n1, n2) = (n[code], total - n[code])
        guard n1 > 0, n2 > 0 else { return nil }
        return Statistics.mannWhitneyResult(rankSumX: rankSums[code], n1: Double(n1), n2: Double(n2), tieTerm: tieTerm)
    }
}
