import Vapor

/// What Support's request plumbing takes from the configuration; `configure` sets it from `AppConfig`, so
/// Support does not read the application's configuration itself.
struct PlumbingSettings: Sendable {
    /// Where uploads are spooled (its `uploads` folder).
    var dataDirectory: String
    /// Peers whose `X-Forwarded-For` is believed (see `Request.clientAddress`).
    var trustedProxies: Set<String>
}

extension Application {
    private struct PlumbingSettingsKey: StorageKey { typealias Value = PlumbingSettings }

    var plumbing: PlumbingSettings {
        get {
            guard let settings = storage[PlumbingSettingsKey.self] else {
                preconditionFailure("the plumbing settings are read before configure(_:config:) set them")
            }
            return settings
        }
        set { storage[PlumbingSettingsKey.self] = newValue }
    }
}
