/// The charts of `report.html`, drawn as inline SVG so the report needs no script, no
/// network and no other file, and prints as sharply as its text.
///
/// Each chart is an `<svg role="img">` with a `<title>` and an `aria-label`, and a class
/// per kind (`chart-selection`, `chart-heatmap`, `chart-findings`, `chart-drift`) that
/// styles and tests can find. Input-derived labels are escaped (`HTMLText`). Suppressed
/// groups are drawn without their numbers; undefined ratios are drawn as hatched cells or
/// gaps, never as NaN. Coordinates are rounded to one decimal with integer arithmetic, so
/// the same result gives the same bytes.
enum SVGCharts {
    /// Fill colours by flag and severity; also in the report's stylesheet legend.
    static let adverseColour = "#b2182b"
    static let possibleColour = "#ef8a62"
    static let neutralColour = "#4575b4"
    static let insufficientColour = "#999999"
    /// Okabe–Ito colours (readable by most colour-blind readers), then dashed repeats.
    static let seriesColours = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000", "#999999"]

    // MARK: Selection rates

    /// Selection rate per group as bars with 95% Wilson intervals as whiskers, and a
    /// dashed line at `threshold` × the reference group's rate: a bar that ends left of
    /// the line is a group below the four-fifths rule.
    static func selectionRates(_ stratum: SelectionStratum, threshold: Double, id: Int, text t: ReportText) -> String {
        let labelWidth = 220.0, plotX = 230.0, plotWidth = 380.0, rowHeight = 26.0, top = 34.0
        let width = 720.0
        let height = top + Double(stratum.groups.count) * rowHeight + 34
        let name = "\(t.compared(stratum)) · \(t.attribute(stratum.attribute))"
        var svg = open(kind: "chart-selection", width: width, height: height, label: t.selectionChartTitle(name))
        svg += hatch(id: id)
        svg += axis(x: plotX, width: plotWidth, y: top + Double(stratum.groups.count) * rowHeight + 4, maximum: 1)
        for (index, group) in stratum.groups.enumerated() {
            let y = top + Double(index) * rowHeight
            let name = group.group + (group.isReference ? " (\(t.reference))" : "")
            svg += "<text class=\"label\" x=\"\(n(labelWidth))\" y=\"\(n(y + 17))\" text-anchor=\"end\"><title>\(HTMLText.escape(name))</title>\(label(name, units: 28))</text>"
            if group.suppressed {
                svg += "<rect class=\"suppressed\" x=\"\(n(plotX))\" y=\"\(n(y + 4))\" width=\"\(n(plotWidth))\" height=\"\(n(rowHeight - 8))\" fill=\"url(#hatch-\(id))\" stroke=\"#bbbbbb\"/>"
                svg += "<text class=\"note\" x=\"\(n(plotX + plotWidth / 2))\" y=\"\(n(y + 17))\" text-anchor=\"middle\">\(HTMLText.escape(t.suppressed))</text>"
                continue
            }
            let barWidth = max(0, min(1, group.selectionRate)) * plotWidth
            svg += "<rect x=\"\(n(plotX))\" y=\"\(n(y + 5))\" width=\"\(n(barWidth))\" height=\"\(n(rowHeight - 10))\" fill=\"\(colour(for: group.flag))\"><title>\(HTMLText.escape(group.group)): \(ReportNumber.rate(group.selectionRate))</title></rect>"
            if let interval = group.selectionInterval {
                let (x1, x2, mid) = (plotX + clamp(interval.lower) * plotWidth, plotX + clamp(interval.upper) * plotWidth, y + rowHeight / 2)
                svg += "<path class=\"whisker\" d=\"M\(n(x1)) \(n(mid))H\(n(x2))M\(n(x1)) \(n(mid - 6))V\(n(mid + 6))M\(n(x2)) \(n(mid - 6))V\(n(mid + 6))\" stroke=\"#222222\" stroke-width=\"1.5\" fill=\"none\"/>"
            }
            svg += "<text class=\"value\" x=\"\(n(plotX + plotWidth + 10))\" y=\"\(n(y + 17))\">\(ReportNumber.rate(group.selectionRate))</text>"
        }
        let bottom = top + Double(stratum.groups.count) * rowHeight
        if let reference = stratum.groups.first(where: \.isReference) {
            if reference.suppressed {
                svg += "<text class=\"note\" x=\"\(n(plotX))\" y=\"16\">\(HTMLText.escape(t.referenceSuppressed))</text>"
            } else {
                let line = threshold * reference.selectionRate
                let x = plotX + clamp(line) * plotWidth
                svg += "<line class=\"threshold\" x1=\"\(n(x))\" y1=\"\(n(top - 8))\" x2=\"\(n(x))\" y2=\"\(n(bottom))\" stroke=\"#000000\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>"
                svg += "<text class=\"note\" x=\"\(n(x))\" y=\"16\" text-anchor=\"middle\">\(HTMLText.escape(t.thresholdOfReference(threshold, ReportNumber.rate(line))))</text>"
            }
        } else {
            svg += "<text class=\"note\" x=\"\(n(plotX))\" y=\"16\">\(HTMLText.escape(t.noReferenceLine))</text>"
        }
        return svg + "</svg>"
    }

    // MARK: Intersections

    /// Impact ratio of each intersectional group as a grid: rows are the first
    /// component's values, columns the rest. Cells below `threshold` are red, the others
    /// blue, deeper the further from it; suppressed and undefined cells are hatched grey
    /// with a word, combinations without decisions are blank with a dash.
    static func impactHeatmap(_ stratum: SelectionStratum, components: Int, threshold: Double, id: Int, text t: ReportText) -> String {
        let (rows, columns, place) = grid(stratum.groups.map(\.group), components: components)
        let exactThreshold = ImpactThreshold(threshold)
        let headerWidth = 190.0, cellWidth = 118.0, cellHeight = 40.0, top = 44.0
        let width = max(headerWidth + Double(max(columns.count, 1)) * cellWidth + 10, headerWidth + 480)
        let height = top + Double(rows.count) * cellHeight + 40
        let name = "\(t.compared(stratum)) · \(t.attribute(stratum.attribute))"
        var svg = open(kind: "chart-heatmap", width: width, height: height, label: t.heatmapTitle(name))
        svg += hatch(id: id)
        for (c, column) in columns.enumerated() {
            let x = headerWidth + Double(c) * cellWidth + cellWidth / 2
            svg += "<text class=\"label\" x=\"\(n(x))\" y=\"\(n(top - 12))\" text-anchor=\"middle\"><title>\(HTMLText.escape(column))</title>\(label(column, units: 16))</text>"
        }
        for (r, row) in rows.enumerated() {
            let y = top + Double(r) * cellHeight
            svg += "<text class=\"label\" x=\"\(n(headerWidth - 10))\" y=\"\(n(y + cellHeight / 2 + 5))\" text-anchor=\"end\"><title>\(HTMLText.escape(row))</title>\(label(row, units: 24))</text>"
            for c in columns.indices {
                let x = headerWidth + Double(c) * cellWidth
                let (cx, cy) = (n(x + cellWidth / 2), n(y + cellHeight / 2 + 5))
                let frame = "x=\"\(n(x + 1))\" y=\"\(n(y + 1))\" width=\"\(n(cellWidth - 2))\" height=\"\(n(cellHeight - 2))\""
                guard let index = place[GridCell(row: r, column: c)] else {
                    svg += "<rect class=\"empty\" \(frame) fill=\"#ffffff\" stroke=\"#dddddd\"><title>\(HTMLText.escape(t.noDecisions))</title></rect>"
                    svg += "<text class=\"note\" x=\"\(cx)\" y=\"\(cy)\" text-anchor=\"middle\">—</text>"
                    continue
                }
                let group = stratum.groups[index]
                let word: String?
                var tip = group.group + ": "
                if group.suppressed {
                    word = t.suppressed
                    tip += t.suppressed
                } else if case .undefined(let reason) = group.impactRatio {
                    word = t.undefined
                    tip += "\(t.undefined) (\(t.reason(reason)))"
                } else {
                    word = nil
                }
                if let word {
                    svg += "<rect class=\"hatched\" \(frame) fill=\"url(#hatch-\(id))\" stroke=\"#bbbbbb\"><title>\(HTMLText.escape(tip))</title></rect>"
                    svg += "<text class=\"note\" x=\"\(cx)\" y=\"\(cy)\" text-anchor=\"middle\">\(HTMLText.escape(word))</text>"
                } else if let ratio = group.impactRatio.value, let below = stratum.isBelow(exactThreshold, group) {
                    let (fill, ink) = heatColour(ratio, below: below, threshold: threshold)
                    tip += "\(t.impactRatio) \(fixed(ratio)) (\(t.flag(group.flag)))"
                    svg += "<rect class=\"cell\" \(frame) fill=\"\(fill)\"><title>\(HTMLText.escape(tip))</title></rect>"
                    svg += "<text class=\"value\" x=\"\(cx)\" y=\"\(cy)\" text-anchor=\"middle\" fill=\"\(ink)\">\(fixed(ratio))</text>"
                }
            }
        }
        return svg + heatmapLegend(y: top + Double(rows.count) * cellHeight + 14, x: headerWidth, threshold: threshold, id: id, t) + "</svg>"
    }

    /// The heat map's key: below the threshold, at or above it, suppressed or undefined.
    static func heatmapLegend(y legendY: Double, x headerWidth: Double, threshold: Double, id: Int, _ t: ReportText) -> String {
        let (below, _) = heatColour(threshold / 2, below: true, threshold: threshold)
        let (above, _) = heatColour(1, below: false, threshold: threshold)
        var svg = "<rect x=\"\(n(headerWidth))\" y=\"\(n(legendY))\" width=\"14\" height=\"14\" fill=\"\(below)\"/>"
        svg += "<text class=\"note\" x=\"\(n(headerWidth + 20))\" y=\"\(n(legendY + 12))\">\(HTMLText.escape(t.belowThreshold(threshold)))</text>"
        svg += "<rect x=\"\(n(headerWidth + 150))\" y=\"\(n(legendY))\" width=\"14\" height=\"14\" fill=\"\(above)\"/>"
        svg += "<text class=\"note\" x=\"\(n(headerWidth + 170))\" y=\"\(n(legendY + 12))\">\(HTMLText.escape(t.atOrAboveThreshold(threshold)))</text>"
        svg += "<rect x=\"\(n(headerWidth + 300))\" y=\"\(n(legendY))\" width=\"14\" height=\"14\" fill=\"url(#hatch-\(id))\" stroke=\"#bbbbbb\"/>"
        svg += "<text class=\"note\" x=\"\(n(headerWidth + 320))\" y=\"\(n(legendY + 12))\">\(HTMLText.escape(t.suppressedOrUndefined))</text>"
        return svg
    }

    struct GridCell: Hashable {
        var row: Int
        var column: Int
    }

    /// Splits intersection labels (`female × han`) into a row (the first component) and a
    /// column (the rest). A label whose parts do not match the components (a value that
    /// itself contains " × ") makes the grid one column of whole labels instead.
    static func grid(_ labels: [String], components: Int) -> (rows: [String], columns: [String], place: [GridCell: Int]) {
        let parts = labels.map { $0.components(separatedBy: " × ") }
        let splits = components >= 2 && parts.allSatisfy { $0.count == components }
        let keys = parts.enumerated().map { index, parts in
            splits ? (parts[0], parts.dropFirst().joined(separator: " × ")) : (labels[index], "")
        }
        let rows = Array(Set(keys.map(\.0))).sorted()
        let columns = Array(Set(keys.map(\.1))).sorted()
        var place: [GridCell: Int] = [:]
        for (index, key) in keys.enumerated() {
            place[GridCell(row: rows.firstIndex(of: key.0)!, column: columns.firstIndex(of: key.1)!)] = index
        }
        return (rows, columns, place)
    }

    // MARK: Findings

    /// Violations per check as horizontal bars, coloured by severity, with
    /// "violations / applicable" beside each bar.
    static func findingsPerCheck(_ checks: [CheckTally], language: ReportLanguage, text t: ReportText) -> String {
        let labelWidth = 330.0, plotX = 340.0, plotWidth = 300.0, rowHeight = 22.0, top = 8.0
        let width = 760.0
        let height = top + Double(checks.count) * rowHeight + 30
        var svg = open(kind: "chart-findings", width: width, height: height, label: t.findingsChartTitle)
        let most = max(1, checks.map(\.violations).max() ?? 1)
        svg += countAxis(x: plotX, width: plotWidth, y: top + Double(checks.count) * rowHeight + 4, maximum: most)
        for (index, tally) in checks.enumerated() {
            let y = top + Double(index) * rowHeight
            let title = tally.descriptor.title(language)
            svg += "<text class=\"label\" x=\"\(n(labelWidth))\" y=\"\(n(y + 15))\" text-anchor=\"end\"><title>\(HTMLText.escape(tally.descriptor.id + " " + title))</title>\(HTMLText.escape(tally.descriptor.id)) \(label(title, units: 40))</text>"
            let barWidth = Double(tally.violations) / Double(most) * plotWidth
            if tally.violations > 0 {
                svg += "<rect class=\"severity-\(tally.descriptor.severity.rawValue)\" x=\"\(n(plotX))\" y=\"\(n(y + 4))\" width=\"\(n(barWidth))\" height=\"\(n(rowHeight - 8))\" fill=\"\(colour(for: tally.descriptor.severity))\"/>"
            }
            svg += "<text class=\"value\" x=\"\(n(plotX + barWidth + 6))\" y=\"\(n(y + 15))\">\(tally.violations) / \(tally.applicable)</text>"
        }
        return svg + "</svg>"
    }

    // MARK: Hours of the week

    /// Off-hours activity by local hour of the week: seven rows (Monday first) of 24 hours,
    /// each cell shaded by its share of the busiest cell, its hours in its title.
    static func hourOfWeek(_ seconds: [Int64], text t: ReportText) -> String {
        let labelWidth = 70.0, cell = 26.0, top = 22.0
        let width = labelWidth + 24 * cell + 10, height = top + 7 * cell + 10
        var svg = open(kind: "chart-hour-of-week", width: width, height: height,
                       label: t.pick("Off-hours activity by hour of the week", "按一周各小时统计的工作时间以外活动"))
        let most = max(seconds.max() ?? 0, 1)
        for hour in stride(from: 0, to: 24, by: 3) {
            svg += "<text class=\"note\" x=\"\(n(labelWidth + Double(hour) * cell + cell / 2))\" y=\"\(n(top - 8))\" text-anchor=\"middle\">\(hour):00</text>"
        }
        let days = t.language == .zh ? ["周一", "周二", "周三", "周四", "周五", "周六", "周日"] : ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        for (row, day) in days.enumerated() {
            let y = top + Double(row) * cell
            svg += "<text class=\"label\" x=\"\(n(labelWidth - 8))\" y=\"\(n(y + cell / 2 + 5))\" text-anchor=\"end\">\(HTMLText.escape(day))</text>"
            for hour in 0..<24 {
                let value = row * 24 + hour < seconds.count ? seconds[row * 24 + hour] : 0
                let share = Double(value) / Double(most)
                let fill = value == 0 ? "#ffffff" : mix((0xfd, 0xdb, 0xc7), (0xb2, 0x18, 0x2b), share)
                let hours = String(format: "%.1f", Double(value) / 3600)
                let tip = t.pick("\(day) \(hour):00–\(hour + 1):00: \(hours) h off-hours", "\(day) \(hour):00–\(hour + 1):00：工作时间以外 \(hours) 小时")
                svg += "<rect x=\"\(n(labelWidth + Double(hour) * cell + 1))\" y=\"\(n(y + 1))\" width=\"\(n(cell - 2))\" height=\"\(n(cell - 2))\" fill=\"\(fill)\" stroke=\"#dddddd\"><title>\(HTMLText.escape(tip))</title></rect>"
            }
        }
        return svg + "</svg>"
    }

    // MARK: Drift

    /// One line per group of the impact ratio by month, with a dashed line at the
    /// threshold. A month where the group is suppressed, undefined or absent is a gap.
    static func drift(name: String, months: [String], series: [(label: String, values: [Double?])], threshold: Double,
                      text t: ReportText) -> String {
        let plotX = 56.0, plotWidth = 520.0, top = 16.0, plotHeight = 220.0, legendX = 600.0
        let width = 800.0
        let height = max(top + plotHeight + 40, top + Double(series.count) * 18 + 10)
        let highest = series.flatMap { $0.values.compactMap { $0 } }.max() ?? 1
        // Quarter steps up to 2; above, steps of a multiple of a quarter that keep the axis to
        // about eight ticks (a ratio in the thousands must not draw thousands of ticks).
        let quarters = max(1, ((highest / 8) * 4).rounded(.up))
        let tickStep = highest <= 2 ? 0.25 : quarters / 4
        let maximum = max(1, (highest / tickStep).rounded(.up) * tickStep)
        func x(_ month: Int) -> Double {
            months.count < 2 ? plotX + plotWidth / 2 : plotX + Double(month) / Double(months.count - 1) * plotWidth
        }
        func y(_ value: Double) -> Double { top + plotHeight - value / maximum * plotHeight }
        var svg = open(kind: "chart-drift", width: width, height: height, label: t.driftChartTitle(name))
        // Value axis.
        var tick = 0.0
        while tick <= maximum + 1e-9 {
            svg += "<line x1=\"\(n(plotX))\" y1=\"\(n(y(tick)))\" x2=\"\(n(plotX + plotWidth))\" y2=\"\(n(y(tick)))\" stroke=\"#e3e3e3\"/>"
            svg += "<text class=\"tick\" x=\"\(n(plotX - 6))\" y=\"\(n(y(tick) + 4))\" text-anchor=\"end\">\(twoDecimals(tick))</text>"
            tick += tickStep
        }
        let step = max(1, (months.count + 11) / 12)
        for (index, month) in months.enumerated() where index % step == 0 || index == months.count - 1 {
            svg += "<text class=\"tick\" x=\"\(n(x(index)))\" y=\"\(n(top + plotHeight + 18))\" text-anchor=\"middle\">\(HTMLText.escape(month))</text>"
        }
        svg += "<line class=\"threshold\" x1=\"\(n(plotX))\" y1=\"\(n(y(threshold)))\" x2=\"\(n(plotX + plotWidth))\" y2=\"\(n(y(threshold)))\" stroke=\"#000000\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>"
        for (index, line) in series.enumerated() {
            let colour = seriesColours[index % seriesColours.count]
            let dash = index >= seriesColours.count ? " stroke-dasharray=\"6 3\"" : ""
            var path = ""
            var drawing = false
            for (month, value) in line.values.enumerated() {
                guard let value else { drawing = false; continue }
                path += "\(drawing ? "L" : "M")\(n(x(month))) \(n(y(value)))"
                drawing = true
            }
            svg += "<g class=\"series\"><title>\(HTMLText.escape(line.label))</title>"
            if !path.isEmpty {
                svg += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash)/>"
            }
            for (month, value) in line.values.enumerated() {
                guard let value else { continue }
                svg += "<circle cx=\"\(n(x(month)))\" cy=\"\(n(y(value)))\" r=\"3\" fill=\"\(colour)\"><title>\(HTMLText.escape(line.label)) \(HTMLText.escape(months[month])): \(fixed(value))</title></circle>"
            }
            let legendY = top + Double(index) * 18
            svg += "<line x1=\"\(n(legendX))\" y1=\"\(n(legendY + 6))\" x2=\"\(n(legendX + 22))\" y2=\"\(n(legendY + 6))\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash)/>"
            svg += "<text class=\"label\" x=\"\(n(legendX + 28))\" y=\"\(n(legendY + 10))\">\(label(line.label, units: 26))</text></g>"
        }
        if series.allSatisfy({ $0.values.allSatisfy { $0 == nil } }) {
            svg += "<text class=\"note\" x=\"\(n(plotX + plotWidth / 2))\" y=\"\(n(top + plotHeight / 2))\" text-anchor=\"middle\">\(HTMLText.escape(t.noMonthShown))</text>"
        }
        return svg + "</svg>"
    }

    // MARK: Pieces

    static func open(kind: String, width: Double, height: Double, label: String) -> String {
        let label = HTMLText.escape(label)
        return "<svg class=\"chart \(kind)\" role=\"img\" aria-label=\"\(label)\" width=\"\(n(width))\" height=\"\(n(height))\" viewBox=\"0 0 \(n(width)) \(n(height))\"><title>\(label)</title>"
    }

    /// Grey diagonal hatching for cells whose numbers are not shown.
    static func hatch(id: Int) -> String {
        "<defs><pattern id=\"hatch-\(id)\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"#eeeeee\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#b0b0b0\" stroke-width=\"3\"/></pattern></defs>"
    }

    /// A 0…maximum rate axis with ticks at quarters.
    static func axis(x: Double, width: Double, y: Double, maximum: Double) -> String {
        var svg = "<line x1=\"\(n(x))\" y1=\"\(n(y))\" x2=\"\(n(x + width))\" y2=\"\(n(y))\" stroke=\"#888888\"/>"
        for quarter in 0...4 {
            let value = Double(quarter) / 4 * maximum
            let tx = x + Double(quarter) / 4 * width
            svg += "<line x1=\"\(n(tx))\" y1=\"\(n(y))\" x2=\"\(n(tx))\" y2=\"\(n(y + 4))\" stroke=\"#888888\"/>"
            svg += "<text class=\"tick\" x=\"\(n(tx))\" y=\"\(n(y + 17))\" text-anchor=\"middle\">\(twoDecimals(value))</text>"
        }
        return svg
    }

    /// A 0…maximum count axis with whole-number ticks.
    static func countAxis(x: Double, width: Double, y: Double, maximum: Int) -> String {
        var svg = "<line x1=\"\(n(x))\" y1=\"\(n(y))\" x2=\"\(n(x + width))\" y2=\"\(n(y))\" stroke=\"#888888\"/>"
        let step = max(1, (maximum + 4) / 5)
        for value in stride(from: 0, through: maximum, by: step) {
            let tx = x + Double(value) / Double(maximum) * width
            svg += "<line x1=\"\(n(tx))\" y1=\"\(n(y))\" x2=\"\(n(tx))\" y2=\"\(n(y + 4))\" stroke=\"#888888\"/>"
            svg += "<text class=\"tick\" x=\"\(n(tx))\" y=\"\(n(y + 17))\" text-anchor=\"middle\">\(value)</text>"
        }
        return svg
    }

    static func colour(for flag: ImpactFlag) -> String {
        switch flag {
        case .adverseImpact: adverseColour
        case .possibleAdverseImpact: possibleColour
        case .insufficientData, .undefined: insufficientColour
        case .significantDisparity, .none: neutralColour
        }
    }

    static func colour(for severity: Severity) -> String {
        switch severity {
        case .error: adverseColour
        case .warning: possibleColour
        case .info: neutralColour
        }
    }

    /// A diverging scale: red below the threshold (deepest at 0), blue at or above it
    /// (deepest from 1.2 up); white text on the deep ends. Which side a ratio is on is
    /// `below`, decided exactly on the counts (`ImpactThreshold`); the ratio only shades.
    static func heatColour(_ ratio: Double, below: Bool, threshold: Double) -> (fill: String, ink: String) {
        if below {
            let share = threshold > 0 ? clamp(ratio / threshold) : 0  // 0 deep … 1 light
            return (mix((0xb2, 0x18, 0x2b), (0xfd, 0xdb, 0xc7), share), share < 0.5 ? "#ffffff" : "#000000")
        }
        let share = threshold < 1.2 ? clamp((ratio - threshold) / (1.2 - threshold)) : 1  // 0 light … 1 deep
        return (mix((0xd1, 0xe5, 0xf0), (0x21, 0x66, 0xac), share), share > 0.6 ? "#ffffff" : "#000000")
    }

    private static func mix(_ a: (Int, Int, Int), _ b: (Int, Int, Int), _ share: Double) -> String {
        func channel(_ x: Int, _ y: Int) -> Int { x + Int((Double(y - x) * share).rounded()) }
        return "#" + [channel(a.0, b.0), channel(a.1, b.1), channel(a.2, b.2)].map { value in
            let hex = String(value, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }

    private static func clamp(_ value: Double) -> Double { max(0, min(1, value)) }

    /// A coordinate with at most one decimal, without locale or floating-point printing.
    static func n(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let whole = abs(tenths) / 10, fraction = abs(tenths) % 10
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }

    private static func twoDecimals(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Four decimals, as in the tables.
    static func fixed(_ value: Double) -> String { ReportNumber.fixed(value) }

    /// An input-derived label cut to `units` columns (as the reader sees it, bidi
    /// controls shown as their code) and escaped.
    static func label(_ text: String, units: Int) -> String {
        HTMLText.escape(clipped(HTMLText.neutralised(text), units: units))
    }

    /// At most `units` columns of text, wide (CJK) characters counting two, with "…"
    /// when cut; the whole text stays in the element's `<title>`.
    static func clipped(_ text: String, units: Int) -> String {
        func width(_ character: Character) -> Int { character.unicodeScalars.contains { isWide($0) } ? 2 : 1 }
        guard text.reduce(0, { $0 + width($1) }) > units else { return text }
        var used = 0
        var out = ""
        for character in text {
            guard used + width(character) <= units - 1 else { break }
            out.append(character)
            used += width(character)
        }
        return out + "…"
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x20000...0x3FFFD: true
        default: false
        }
    }
}
