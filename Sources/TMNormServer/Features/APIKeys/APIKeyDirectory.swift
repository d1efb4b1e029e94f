import Fluent
import Foundation
import TMNormCore
import Vapor

/// API keys on the command line (`tmnorm api-key create|revoke`).
public enum APIKeyDirectory {
    /// Creates a key and returns it in plain text — the only time it exists outside the client.
    public static func createAPIKey(orgnr: String, name: String, app: Application) async throws -> String {
        let organisation = try await NetworkDirectory.organisation(orgnr: orgnr, on: app.db)
        do {
            return try await APIKeyService.create(
                organisationID: try organisation.requireID(), name: name, on: app.db, tokens: app.tokens, now: app.clock.now()
            ).key
        } catch let error as AppError {
            throw CommandLineError(error.message.en)
        }
    }

    /// Revokes the organisation's active keys with this prefix; returns how many.
    public static func revokeAPIKey(orgnr: String, prefix: String, app: Application) async throws -> Int {
        let organisation = try await NetworkDirectory.organisation(orgnr: orgnr, on: app.db)
        let keys = try await APIKeyModel.query(on: app.db)
            .filter(\.$organisation.$id == organisation.requireID()).filter(\.$prefix == prefix).filter(\.$revokedAt == nil).all()
        for key in keys {
            key.revokedAt = app.clock.now()
            try await key.save(on: app.db)
        }
        guard !keys.isEmpty else { throw CommandLineError("no active key with prefix \(prefix) for \(organisation.orgnr)") }
        return keys.count
    }
}
