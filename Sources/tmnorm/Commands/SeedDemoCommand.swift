import ArgumentParser
import Foundation
import TMNormServer

/// `tmnorm seed-demo`: the demo data in the configured database (SQLite or DATABASE_URL), without serving.
struct SeedDemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed-demo", abstract: "Fill an empty database (SQLite or PostgreSQL) with the demo data and print the log-ins.")

    @OptionGroup var database: DatabaseOptions
    @Flag(help: "Print only the API key (for scripts).") var keyOnly = false

    func run() async throws {
        let config = database.config()
        let credentials = try await ServerBootstrap.withApplication(config: config) { app in
            guard try await NetworkDirectory.organisations(on: app.db).isEmpty else {
                throw CommandLineError("the database already holds organisations; seed-demo only fills an empty database")
            }
            return try await DemoSeeder.seed(app)
        }
        print(keyOnly ? credentials.apiKey : DemoBanner.text(credentials, url: config.publicBaseURL, database: config.database.redacted))
    }
}
