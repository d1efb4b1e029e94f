import Foundation

/// A target the association sets for an indicator: the value should be at most (or at least) `threshold`.
public struct EvaluationGoal: Sendable, Hashable, Codable {
    public enum Direction: String, Sendable, Hashable, Codable, CaseIterable {
        /// Lower is better: complaints per 1 000 sales ≤ 2.
        case atMost = "at_most"
        /// Higher is better: acceptance rate ≥ 60 %.
        case atLeast = "at_least"
    }

    public let indicator: String
    public let direction: Direction
    public let threshold: Double
    /// How far past the threshold (as a share of it) still counts as amber rather than red; policy, 20 %.
    public let tolerance: Double

    public init(indicator: String, direction: Direction, threshold: Double, tolerance: Double = 0.2) {
        self.indicator = indicator
        self.direction = direction
        self.threshold = threshold
        self.tolerance = max(0, tolerance)
    }

    /// Where a value stands against the goal.
    public func light(for value: Double?) -> TrafficLight {
        guard let value, value.isFinite else { return .unknown }
        let margin = abs(threshold) * tolerance
        switch direction {
        case .atMost:
            if value <= threshold { return .green }
            return value <= threshold + margin ? .amber : .red
        case .atLeast:
            if value >= threshold { return .green }
            return value >= threshold - margin ? .amber : .red
        }
    }

    /// The goals TMNorm starts with until the association sets its own (the examples).
    public static let defaults: [EvaluationGoal] = [
        EvaluationGoal(indicator: "complaints_per_1000_sales", direction: .atMost, threshold: 2),
        EvaluationGoal(indicator: "acceptance_rate", direction: .atLeast, threshold: 60),
        EvaluationGoal(indicator: "decisions_refused_calling_time_share", direction: .atMost, threshold: 1),
        EvaluationGoal(indicator: "median_hours_to_accept", direction: .atMost, threshold: 24),
    ]
}

/// Where an indicator stands against its goal.
public enum TrafficLight: String, Sendable, Hashable, Codable {
    case green, amber, red
    /// No value (nothing to measure, or suppressed).
    case unknown

    public var phrase: (nb: String, en: String) {
        switch self {
        case .green: ("Innenfor målet", "Meets the target")
        case .amber: ("Nær målet", "Close to the target")
        case .red: ("Utenfor målet", "Misses the target")
        case .unknown: ("Ingen verdi", "No value")
        }
    }
}
