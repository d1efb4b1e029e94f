import Foundation

/// One line of a line chart: its name in the legend and one value per period (nil draws a gap).
public struct ChartSeries: Sendable, Hashable {
    public let name: String
    public let values: [Double?]

    public init(name: String, values: [Double?]) {
        self.name = name
        self.values = values
    }
}

/// One bar of a bar chart.
public struct ChartBar: Sendable, Hashable {
    public let label: String
    public let value: Double?

    public init(label: String, value: Double?) {
        self.label = label
        self.value = value
    }
}

/// Server-rendered SVG charts: no script, scale to the container (viewBox), readable in print (black text,
/// lines told apart by dash pattern as well as colour) and to screen readers (`role="img"`, `<title>`,
/// `<desc>`; the page puts the numbers in a table under each chart).
public enum EvaluationChart {
    /// Colours with at least 4.5:1 contrast on white; the dash patterns keep lines apart in grey print.
    static let colours = ["#1d4f91", "#b3261e", "#2e7d32", "#6a1b9a"]
    static let dashes = ["", "6 4", "2 3", "10 3 2 3"]

    /// A line chart of `series` over `periods`, with the scheme's milestones that fall in the range marked.
    public static func line(
        title: String, description: String, periods: [EvaluationPeriod], series: [ChartSeries], unit: String,
        milestones: [EvaluationMilestone], norwegian: Bool, width: Int = 720, height: Int = 340, idPrefix: String = "c"
    ) -> String {
        let maxValue = series.flatMap(\.values).compactMap { $0 }.filter(\.isFinite).max() ?? 0
        let scaleMax = niceCeiling(maxValue)
        // Room for the longest y label ("2 500 000"): about 7.5 px a character at 12 px.
        let longest = (0...5).map { number(scaleMax * Double($0) / 5, norwegian: norwegian).count }.max() ?? 1
        let left = max(40, Double(longest) * 7.5 + 14)
        let right = 16.0
        let top = 44.0
        let legendRows = series.count > 1 ? series.count : 0
        let bottom = 40.0 + Double(legendRows) * 18
        let w = Double(width)
        let h = Double(height) + Double(legendRows) * 18
        let plotW = w - left - right
        let plotH = h - top - bottom
        let count = periods.count
        func x(_ index: Double) -> Double { count <= 1 ? left + plotW / 2 : left + plotW * index / Double(count - 1) }
        func y(_ value: Double) -> Double { top + plotH - (scaleMax > 0 ? value / scaleMax * plotH : 0) }

        var out = svgOpen(width: Int(w), height: Int(h), title: title, description: description, idPrefix: idPrefix)
        out += "<text x=\"\(fmt(left))\" y=\"18\" class=\"chart-unit\" font-size=\"13\" fill=\"#222\">\(escape(unit))</text>"
        // Grid and y labels.
        // Five steps: every nice top (1, 2, 2.5, 5 × 10ⁿ) divides into labels of at most one decimal.
        for step in 0...5 {
            let value = scaleMax * Double(step) / 5
            let yy = y(value)
            out += "<line x1=\"\(fmt(left))\" y1=\"\(fmt(yy))\" x2=\"\(fmt(w - right))\" y2=\"\(fmt(yy))\" stroke=\"#ccc\" stroke-width=\"1\"/>"
            out += "<text x=\"\(fmt(left - 6))\" y=\"\(fmt(yy + 4))\" text-anchor=\"end\" font-size=\"12\" fill=\"#222\">"
            out += escape(number(value, norwegian: norwegian)) + "</text>"
        }
        // X labels: at most about eight, on year starts when the series is monthly or quarterly.
        let labelIndexes = xLabelIndexes(periods, maximum: max(2, Int(plotW / 80)))
        for index in labelIndexes {
            let xx = x(Double(index))
            let period = periods[index]
            let label =
                period.granularity == .year || labelIndexes.count < 2 || period.index != 1 ? period.label(norwegian: norwegian) : String(period.year)
            out += "<line x1=\"\(fmt(xx))\" y1=\"\(fmt(top + plotH))\" x2=\"\(fmt(xx))\" y2=\"\(fmt(top + plotH + 4))\" stroke=\"#222\"/>"
            out +=
                "<text x=\"\(fmt(xx))\" y=\"\(fmt(top + plotH + 18))\" text-anchor=\"middle\" font-size=\"12\" fill=\"#222\">\(escape(label))</text>"
        }
        out += "<line x1=\"\(fmt(left))\" y1=\"\(fmt(top + plotH))\" x2=\"\(fmt(w - right))\" y2=\"\(fmt(top + plotH))\" stroke=\"#222\"/>"
        // Milestones: a dashed vertical line at the day's position, labelled at the top (staggered).
        if let first = periods.first, let last = periods.last {
            let visible = milestones.filter { $0.date >= first.firstDay && $0.date <= last.lastDay }
            for (n, milestone) in visible.enumerated() {
                guard let position = position(of: milestone.date, in: periods) else { continue }
                let xx = x(position)
                let labelY = top - 16 + Double(n % 2) * 12
                let anchor = xx > w - 160 ? "end" : "start"
                out += "<g class=\"milestone\"><line x1=\"\(fmt(xx))\" y1=\"\(fmt(labelY + 3))\" x2=\"\(fmt(xx))\" y2=\"\(fmt(top + plotH))\" "
                out += "stroke=\"#555\" stroke-dasharray=\"3 3\"/>"
                out +=
                    "<text x=\"\(fmt(xx + (anchor == "start" ? 3 : -3)))\" y=\"\(fmt(labelY))\" font-size=\"11\" fill=\"#222\" text-anchor=\"\(anchor)\">"
                out += escape((norwegian ? milestone.nb : milestone.en) + " " + milestone.date.norwegianFormatted) + "</text></g>"
            }
        }
        // The lines; a gap where a value is missing.
        for (s, line) in series.enumerated() {
            let colour = colours[s % colours.count]
            let dash = dashes[s % dashes.count]
            var path = ""
            var penDown = false
            var singles: [(Double, Double)] = []
            for (index, value) in line.values.prefix(count).enumerated() {
                guard let value, value.isFinite else {
                    penDown = false
                    continue
                }
                let command = penDown ? "L" : "M"
                path += "\(command)\(fmt(x(Double(index)))) \(fmt(y(value))) "
                let nextMissing = index + 1 >= line.values.count || line.values[index + 1] == nil
                if !penDown && nextMissing { singles.append((x(Double(index)), y(value))) }
                penDown = true
            }
            out += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.5\""
            out += dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\""
            out += "/>"
            for (sx, sy) in singles { out += "<circle cx=\"\(fmt(sx))\" cy=\"\(fmt(sy))\" r=\"3\" fill=\"\(colour)\"/>" }
        }
        // Legend under the plot when there is more than one line.
        if series.count > 1 {
            for (s, line) in series.enumerated() {
                let ly = top + plotH + 34 + Double(s) * 18
                out +=
                    "<line x1=\"\(fmt(left))\" y1=\"\(fmt(ly - 4))\" x2=\"\(fmt(left + 28))\" y2=\"\(fmt(ly - 4))\" stroke=\"\(colours[s % colours.count])\" stroke-width=\"2.5\""
                out += dashes[s % dashes.count].isEmpty ? "" : " stroke-dasharray=\"\(dashes[s % dashes.count])\""
                out += "/><text x=\"\(fmt(left + 34))\" y=\"\(fmt(ly))\" font-size=\"12\" fill=\"#222\">\(escape(line.name))</text>"
            }
        }
        return out + "</svg>"
    }

    /// A horizontal bar chart (labels on the left fit a phone better than rotated ones under vertical bars).
    public static func bars(
        title: String, description: String, bars: [ChartBar], unit: String, norwegian: Bool, width: Int = 720, idPrefix: String = "b"
    ) -> String {
        let rowHeight = 30.0
        let top = 30.0
        let labelWidth = 200.0
        let valueWidth = 70.0
        let w = Double(width)
        let h = top + rowHeight * Double(max(1, bars.count)) + 10
        let maxValue = niceCeiling(bars.compactMap(\.value).filter(\.isFinite).max() ?? 0)
        let barSpace = w - labelWidth - valueWidth - 16
        var out = svgOpen(width: width, height: Int(h), title: title, description: description, idPrefix: idPrefix)
        out += "<text x=\"8\" y=\"18\" font-size=\"13\" fill=\"#222\">\(escape(unit))</text>"
        for (index, bar) in bars.enumerated() {
            let yy = top + rowHeight * Double(index)
            out +=
                "<text x=\"\(fmt(labelWidth - 8))\" y=\"\(fmt(yy + 19))\" text-anchor=\"end\" font-size=\"13\" fill=\"#222\">\(escape(bar.label))</text>"
            let length = maxValue > 0 ? (bar.value ?? 0) / maxValue * barSpace : 0
            out +=
                "<rect x=\"\(fmt(labelWidth))\" y=\"\(fmt(yy + 5))\" width=\"\(fmt(max(0, length)))\" height=\"\(fmt(rowHeight - 10))\" fill=\"\(colours[0])\"/>"
            let text = bar.value.map { number($0, norwegian: norwegian) } ?? "–"
            out += "<text x=\"\(fmt(labelWidth + max(0, length) + 6))\" y=\"\(fmt(yy + 19))\" font-size=\"13\" fill=\"#222\">\(escape(text))</text>"
        }
        return out + "</svg>"
    }

    // MARK: - Helpers

    static func svgOpen(width: Int, height: Int, title: String, description: String, idPrefix: String) -> String {
        let titleID = idPrefix + "-title"
        let descID = idPrefix + "-desc"
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\" "
            + "preserveAspectRatio=\"xMinYMin meet\" role=\"img\" aria-labelledby=\"\(titleID) \(descID)\" "
            + "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\" class=\"chart\">"
            + "<title id=\"\(titleID)\">\(escape(title))</title><desc id=\"\(descID)\">\(escape(description))</desc>"
            + "<rect width=\"\(width)\" height=\"\(height)\" fill=\"#fff\"/>"
    }

    /// Where `date` falls on the x axis, in period indexes (fractional within its period).
    static func position(of date: LocalDate, in periods: [EvaluationPeriod]) -> Double? {
        guard let first = periods.first else { return nil }
        let period = EvaluationPeriod(containing: date, granularity: first.granularity)
        guard let index = periods.firstIndex(of: period) else { return nil }
        let span = Double(period.lastDay.daysSinceEpoch - period.firstDay.daysSinceEpoch + 1)
        let into = Double(date.daysSinceEpoch - period.firstDay.daysSinceEpoch) / span
        return min(Double(periods.count - 1), Double(index) + into)
    }

    /// Which periods get an x label: year starts when there are many periods, thinned to `maximum`.
    static func xLabelIndexes(_ periods: [EvaluationPeriod], maximum: Int) -> [Int] {
        guard !periods.isEmpty else { return [] }
        var candidates = Array(periods.indices)
        if periods.count > maximum, periods[0].granularity != .year {
            let starts = periods.indices.filter { periods[$0].index == 1 }
            if !starts.isEmpty { candidates = starts }
        }
        guard candidates.count > maximum else { return candidates }
        let stride = (candidates.count + maximum - 1) / maximum
        return candidates.enumerated().filter { $0.offset % stride == 0 }.map(\.element)
    }

    /// The smallest 1, 2, 2.5 or 5 × 10ⁿ at or above `value` (1 for zero).
    public static func niceCeiling(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return 1 }
        let magnitude = pow(10, floor(log10(value)))
        for step in [1.0, 2, 2.5, 5, 10] where step * magnitude >= value * (1 - 1e-12) { return step * magnitude }
        return 10 * magnitude
    }

    /// A value as people read it: Norwegian "1 234,5", English "1,234.5"; at most one decimal.
    public static func number(_ value: Double, norwegian: Bool) -> String {
        guard value.isFinite else { return "–" }
        let rounded = (value * 10).rounded() / 10
        let negative = rounded < 0
        let tenths = Int64((abs(rounded) * 10).rounded())
        let whole = tenths / 10
        let fraction = tenths % 10
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = (norwegian ? "\u{00A0}" : ",") + String(digits.suffix(3)) + grouped
            digits = String(digits.dropLast(3))
        }
        grouped = digits + grouped
        if fraction != 0 { grouped += (norwegian ? "," : ".") + String(fraction) }
        return (negative ? "−" : "") + grouped
    }

    static func fmt(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// Escapes text for SVG (XML): the five special characters.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
