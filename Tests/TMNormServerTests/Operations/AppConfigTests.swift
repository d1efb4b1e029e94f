import Testing

@testable import TMNormServer

@Suite("Configuration from the environment")
struct AppConfigTests {
    @Test("SQLite checkpoint settings: defaults, valid values taken, unusable values leave the default")
    func sqliteCheckpointSettings() {
        let defaults = AppConfig.fromEnvironment([:])
        #expect(defaults.sqliteCheckpointSeconds == 5)
        #expect(defaults.sqliteLogLimitMB == 256)
        let set = AppConfig.fromEnvironment(["TMNORM_SQLITE_CHECKPOINT_SECONDS": "2.5", "TMNORM_SQLITE_WAL_LIMIT_MB": "64"])
        #expect(set.sqliteCheckpointSeconds == 2.5)
        #expect(set.sqliteLogLimitMB == 64)
        let tiny = AppConfig.fromEnvironment(["TMNORM_SQLITE_CHECKPOINT_SECONDS": "0.01"])
        #expect(tiny.sqliteCheckpointSeconds == 0.1)
        for bad in ["abc", "0", "-3", ""] {
            let config = AppConfig.fromEnvironment(["TMNORM_SQLITE_CHECKPOINT_SECONDS": bad, "TMNORM_SQLITE_WAL_LIMIT_MB": bad])
            #expect(config.sqliteCheckpointSeconds == 5, "\(bad)")
            #expect(config.sqliteLogLimitMB == 256, "\(bad)")
        }
    }
}
