import ArgumentParser
import TMNormServer

/// `tmnorm serve`: runs the server (migrating first).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the TMNorm server.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Address to listen on.") var hostname: String?
    @Option(help: "Port to listen on.") var port: Int?

    func run() async throws {
        var config = database.config()
        if let hostname { config.hostname = hostname }
        if let port { config.port = port }
        let app = try await ServerBootstrap.makeApplication(config: config)
        do {
            try await ServerBootstrap.serve(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
