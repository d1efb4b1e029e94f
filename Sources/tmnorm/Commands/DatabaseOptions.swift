import ArgumentParser
import TMNormServer

/// `--database PATH`: the SQLite file to use (PostgreSQL when DATABASE_URL is set and no path is given).
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite database file (default: tmnorm.sqlite, or DATABASE_URL for PostgreSQL).")
    var database: String?

    func config() -> AppConfig {
        AppConfig.fromEnvironment(sqlitePathOverride: database)
    }
}
