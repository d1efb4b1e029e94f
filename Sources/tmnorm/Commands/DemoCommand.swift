import ArgumentParser
import Foundation
import TMNormServer

/// `tmnorm demo`: a fresh SQLite file with the network from the minutes, then the server.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Start the server on a fresh SQLite database filled with demo data.")

    @Option(help: "Port to listen on.") var port: Int = 8080
    @Option(help: "Address to listen on.") var hostname: String = "127.0.0.1"
    @Option(help: "SQLite file to create (replaced if it exists).") var database: String = "tmnorm-demo.sqlite"

    func run() async throws {
        for suffix in ["", "-wal", "-shm"] {
            let path = database + suffix
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        }
        var config = AppConfig.fromEnvironment(sqlitePathOverride: database)
        config.listen(hostname: hostname, port: port)
        let app = try await ServerBootstrap.makeApplication(config: config)
        do {
            let credentials = try await DemoSeeder.seed(app)
            // Unbuffered, so the banner shows at once even when stdout is a file or a pipe.
            FileHandle.standardOutput.write(Data((DemoBanner.text(credentials, url: config.publicBaseURL, database: database) + "\n").utf8))
            try await ServerBootstrap.serve(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}

/// What the demo prints: where to go and how to log in.
enum DemoBanner {
    static func text(_ credentials: DemoSeeder.Credentials, url: String, database: String) -> String {
        var lines = [
            "TMNorm demo — \(url)  (database: \(database))",
            "",
            "Log in as:",
        ]
        for login in credentials.logins {
            lines.append(
                "  \(login.role.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0)) \(login.email.padding(toLength: 22, withPad: " ", startingAt: 0)) \(login.password)   (\(login.organisation))"
            )
        }
        lines += [
            "",
            "API key for \(credentials.apiKeyOrganisation) (shown once):",
            "  \(credentials.apiKey)",
            "  curl -H 'Authorization: Bearer \(credentials.apiKey)' \(url)/api/v1/organisations",
            "",
            "Press Ctrl-C to stop.",
        ]
        return lines.joined(separator: "\n")
    }
}
