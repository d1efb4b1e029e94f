import Foundation
import TMNormCore

/// Builds the charts of the evaluation from computed points: the SVG endpoint and the pages use the same.
enum EvaluationCharts {
    /// A line chart of an indicator, with any imported external series for the same periods beside it.
    static func line(
        _ indicator: EvaluationIndicator, points: [EvaluationPoint], external: [String: [String: Double]], norwegian: Bool,
        scopeName: String?, idPrefix: String, width: Int = 720, height: Int = 340
    ) -> String {
        let periods = points.map(\.period)
        var series = [ChartSeries(name: scopeName ?? (norwegian ? "Bransjen (TMNorm)" : "The industry (TMNorm)"), values: points.map(\.value))]
        for (name, values) in external.sorted(by: { $0.key < $1.key }) {
            series.append(ChartSeries(name: name, values: periods.map { values[$0.description] }))
        }
        let unit = norwegian ? indicator.unit.symbol.nb : indicator.unit.symbol.en
        return EvaluationChart.line(
            title: indicator.title(norwegian: norwegian) + (scopeName.map { " – " + $0 } ?? ""),
            description: describe(indicator, points: points, norwegian: norwegian), periods: periods, series: series, unit: unit,
            milestones: EvaluationMilestone.all, norwegian: norwegian, width: width, height: height, idPrefix: idPrefix)
    }

    /// The chart's `<desc>`: what it shows, the span, the highest and the latest value.
    static func describe(_ indicator: EvaluationIndicator, points: [EvaluationPoint], norwegian: Bool) -> String {
        guard let first = points.first, let last = points.last else { return norwegian ? "Ingen perioder." : "No periods." }
        let unit = norwegian ? indicator.unit.symbol.nb : indicator.unit.symbol.en
        let valued = points.filter { $0.value != nil }
        let span = "\(first.period.label(norwegian: norwegian)) – \(last.period.label(norwegian: norwegian))"
        guard let maximum = valued.max(by: { ($0.value ?? 0) < ($1.value ?? 0) }), let latest = valued.last, let top = maximum.value,
            let latestValue = latest.value
        else {
            return norwegian ? "Linjediagram \(span): ingen verdier." : "Line chart \(span): no values."
        }
        let n = { (v: Double) in EvaluationChart.number(v, norwegian: norwegian) }
        return norwegian
            ? "Linjediagram, \(span), \(unit). Høyeste verdi \(n(top)) i \(maximum.period.label(norwegian: true)); siste verdi \(n(latestValue)) i \(latest.period.label(norwegian: true)). Loddrette streker markerer milepæler. Tallene står i tabellen under."
            : "Line chart, \(span), \(unit). Highest value \(n(top)) in \(maximum.period.label(norwegian: false)); latest value \(n(latestValue)) in \(latest.period.label(norwegian: false)). Vertical lines mark milestones. The numbers are in the table below."
    }

    /// The refusal-reason bar chart for totals over the range.
    static func refusalBars(_ totals: [(EvaluationIndicator, EvaluationPoint?)], norwegian: Bool, idPrefix: String) -> String {
        let bars = totals.map { indicator, point in
            ChartBar(label: groupLabel(indicator, norwegian: norwegian), value: point?.value)
        }
        let description =
            bars.map { "\($0.label): \($0.value.map { EvaluationChart.number($0, norwegian: norwegian) + " %" } ?? "–")" }
            .joined(separator: "; ")
        return EvaluationChart.bars(
            title: norwegian ? "Avslag per grunn (andel av alle beslutninger)" : "Refusals by reason (share of all decisions)",
            description: description, bars: bars, unit: "%", norwegian: norwegian, idPrefix: idPrefix)
    }

    static func groupLabel(_ indicator: EvaluationIndicator, norwegian: Bool) -> String {
        let raw = indicator.name.replacingOccurrences(of: "decisions_refused_", with: "").replacingOccurrences(of: "_share", with: "")
        guard let group = RefusalGroup(rawValue: raw) else { return indicator.title(norwegian: norwegian) }
        return norwegian ? group.phrase.nb : group.phrase.en
    }
}
