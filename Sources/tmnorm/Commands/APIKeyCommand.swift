import ArgumentParser
import TMNormServer

/// `tmnorm api-key create --org ORGNR --name NAME`: prints the new key once.
struct APIKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api-key", abstract: "API keys for machine clients.", subcommands: [Create.self, Revoke.self])

    /// Creates a key and prints it; only its hash is stored.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an API key for an organisation and print it once.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "The organisation number.") var org: String
        @Option(help: "A name for the key, e.g. \"Dialer\".") var name: String

        func run() async throws {
            let key = try await ServerBootstrap.withApplication(config: database.config()) { app in
                try await APIKeyDirectory.createAPIKey(orgnr: org, name: name, app: app)
            }
            print(key)
        }
    }

    /// Revokes a key by the prefix shown in the web UI.
    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke an organisation's API key by its prefix (tmn_xxxxxx).")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "The organisation number.") var org: String
        @Option(help: "The key's prefix as shown in the web UI.") var prefix: String

        func run() async throws {
            let count = try await ServerBootstrap.withApplication(config: database.config()) { app in
                try await APIKeyDirectory.revokeAPIKey(orgnr: org, prefix: prefix, app: app)
            }
            print("Revoked \(count) key(s).")
        }
    }
}
