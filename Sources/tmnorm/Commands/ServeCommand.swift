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
        config.listen(hostname: hostname, port: port)
        // The development secrets are public (they are in .env.example): only `demo` and tests use them.
        let problems = config.productionProblems
        guard problems.isEmpty else {
            throw ValidationError("refusing to start:\n  " + problems.joined(separator: "\n  "))
        }
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
