import TMNormCore
import TMNormServer

/// `tmnorm wash --client ORGNR [--database PATH]`: the client's block list and consents from the database.
enum DatabaseWashPolicy {
    static func policy(base: WashPolicy, client: OrganisationNumber, databasePath: String?) async throws -> WashPolicy {
        try await ServerBootstrap.withDatabase(config: AppConfig.fromEnvironment(sqlitePathOverride: databasePath)) { app in
            try await WashDirectory.policy(base: base, clientOrgnr: client.digits, app: app)
        }
    }
}
