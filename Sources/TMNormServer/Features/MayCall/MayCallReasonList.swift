import TMNormCore

/// Bridges the core's reason codes into the documentation.
enum TMNormCoreReasons {
    static let codes: [String] = MayCallReason.allCases.map(\.rawValue)
}
