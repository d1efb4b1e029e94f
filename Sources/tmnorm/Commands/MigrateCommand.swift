import ArgumentParser
import TMNormServer

/// `tmnorm migrate`: brings the database schema up to date.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Run pending database migrations.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let config = database.config()
        try await ServerBootstrap.withApplication(config: config) { _ in }
        print("Migrations are up to date (\(config.database.redacted)).")
    }
}
