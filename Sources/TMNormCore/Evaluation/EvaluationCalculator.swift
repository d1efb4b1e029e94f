import Foundation

/// One rollup row as the calculator reads it: a day's total of one counter (already summed over the scope).
public struct EvaluationDailyCount: Sendable, Hashable {
    public let day: LocalDate
    public let metric: String
    public let value: Int64

    public init(day: LocalDate, metric: String, value: Int64) {
        self.day = day
        self.metric = metric
        self.value = value
    }
}

/// One point of a series: the period, the value (nil when there is nothing to divide by, or suppressed)
/// and the count the value rests on.
public struct EvaluationPoint: Sendable, Hashable {
    public let period: EvaluationPeriod
    public let value: Double?
    /// The size of the basis (`EvaluationFormula.basisMetric`) in the period; nil for gauges.
    public let basis: Int64?
    public let suppressed: Bool

    public init(period: EvaluationPeriod, value: Double?, basis: Int64?, suppressed: Bool = false) {
        self.period = period
        self.value = value
        self.basis = basis
        self.suppressed = suppressed
    }
}

/// Computes indicator series from daily counts: pure, so the server, the CLI and the tests agree.
public enum EvaluationCalculator {
    /// The indicator's value for each period from `from` to `to` (inclusive), bucketed by `granularity`.
    /// Counts outside the range are ignored. Periods with no data are count 0 / value nil for ratios.
    public static func series(
        _ indicator: EvaluationIndicator, counts: [EvaluationDailyCount], from: LocalDate, to: LocalDate,
        granularity: EvaluationGranularity
    ) -> [EvaluationPoint] {
        let periods = EvaluationPeriod.range(from: from, to: to, granularity: granularity)
        guard !periods.isEmpty else { return [] }
        let wanted = Set(indicator.formula.metrics + [indicator.formula.basisMetric].compactMap { $0 })
        // Sums per period and metric; gauges keep their last day's value per period.
        var sums: [EvaluationPeriod: [String: Int64]] = [:]
        var gaugeDay: [EvaluationPeriod: [String: LocalDate]] = [:]
        var gaugeDaySums: [EvaluationPeriod: [String: Int64]] = [:]
        for count in counts where wanted.contains(count.metric) && count.day >= from && count.day <= to {
            let period = EvaluationPeriod(containing: count.day, granularity: granularity)
            if EvaluationMetric.isGauge(count.metric) {
                if let last = gaugeDay[period]?[count.metric], count.day <= last {
                    // Several rows of the last day (one per centre) add up; earlier days are superseded.
                    if count.day == last { gaugeDaySums[period, default: [:]][count.metric, default: 0] += count.value }
                } else {
                    gaugeDay[period, default: [:]][count.metric] = count.day
                    gaugeDaySums[period, default: [:]][count.metric] = count.value
                }
            } else {
                sums[period, default: [:]][count.metric, default: 0] &+= count.value
            }
        }
        var lastGauge: Int64?
        return periods.map { period in
            let totals = sums[period] ?? [:]
            switch indicator.formula {
            case .count(let metric):
                let total = totals[metric] ?? 0
                return EvaluationPoint(period: period, value: Double(total), basis: total)
            case .ratio(let numerator, let denominator, let scale):
                let d = totals[denominator] ?? 0
                let n = totals[numerator] ?? 0
                return EvaluationPoint(period: period, value: d > 0 ? Double(n) / Double(d) * scale : nil, basis: d)
            case .gauge(let metric):
                // A period without a reading carries the last known one forward (the register did not vanish).
                if let value = gaugeDaySums[period]?[metric] { lastGauge = value }
                return EvaluationPoint(period: period, value: lastGauge.map(Double.init), basis: nil)
            case .medianAcceptHours:
                let buckets = (0..<AcceptTimeHistogram.bucketCount).map { Int(totals[EvaluationMetric.acceptTimeBucket($0)] ?? 0) }
                let basis = Int64(buckets.reduce(0, +))
                return EvaluationPoint(period: period, value: AcceptTimeHistogram.median(counts: buckets), basis: basis)
            }
        }
    }

    /// The value over the whole range as one figure (the scorecard's number): the same formula over one
    /// period spanning `from`–`to`.
    public static func total(_ indicator: EvaluationIndicator, counts: [EvaluationDailyCount], from: LocalDate, to: LocalDate)
        -> EvaluationPoint?
    {
        guard from <= to else { return nil }
        // A custom span: relabel each count into one bucket by pretending every day is `from`.
        let folded = counts.compactMap { count -> EvaluationDailyCount? in
            guard count.day >= from && count.day <= to else { return nil }
            return EvaluationMetric.isGauge(count.metric) ? count : EvaluationDailyCount(day: from, metric: count.metric, value: count.value)
        }
        let years = EvaluationPeriod.range(from: from, to: to, granularity: .year)
        guard let first = years.first else { return nil }
        if case .gauge = indicator.formula {
            return series(indicator, counts: folded, from: from, to: to, granularity: .year).last.map {
                EvaluationPoint(period: first, value: $0.value, basis: nil)
            }
        }
        let point = series(indicator, counts: folded, from: from, to: from, granularity: .year).first
        return point.map { EvaluationPoint(period: first, value: $0.value, basis: $0.basis) }
    }
}

/// The privacy rule: a figure resting on fewer than `minimumCount` records (but more than none) is
/// suppressed wherever someone other than its subject may see it (a centre looking at another centre or at
/// the industry, the public). Policy, default 5 (issue 17).
public struct EvaluationSuppression: Sendable, Hashable {
    public let minimumCount: Int

    public static let defaultMinimumCount = 5

    public init(minimumCount: Int = EvaluationSuppression.defaultMinimumCount) {
        self.minimumCount = max(1, minimumCount)
    }

    /// Whether a figure resting on `basis` records must be hidden from this viewer.
    public func suppresses(basis: Int64?, viewerIsSubject: Bool) -> Bool {
        guard !viewerIsSubject, let basis else { return false }
        return basis > 0 && basis < Int64(minimumCount)
    }

    /// The points with suppressed values removed (value nil, `suppressed` true).
    public func apply(_ points: [EvaluationPoint], viewerIsSubject: Bool) -> [EvaluationPoint] {
        points.map { point in
            suppresses(basis: point.basis, viewerIsSubject: viewerIsSubject)
                ? EvaluationPoint(period: point.period, value: nil, basis: nil, suppressed: true) : point
        }
    }
}
