import Fluent
import Foundation
import TMNormCore
import Vapor

/// A failure of a command-line operation, with a message for the terminal.
public struct CommandLineError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Network operations for the command line.
public enum NetworkDirectory {
    /// One organisation as `tmnorm org list` prints it.
    public struct Summary: Codable, Sendable {
        public let name: String
        public let orgnr: String
        public let kind: String
    }

    public static func organisations(on db: any Database) async throws -> [Summary] {
        try await OrganisationModel.query(on: db).sort(\.$name).all()
            .map { Summary(name: $0.name, orgnr: $0.orgnr, kind: $0.kindRaw) }
    }

    static func organisation(orgnr raw: String, on db: any Database) async throws -> OrganisationModel {
        let number: OrganisationNumber
        do { number = try OrganisationNumber(raw) } catch {
            throw CommandLineError("organisation number \(raw) is invalid: \(error.description)")
        }
        guard let organisation = try await OrganisationModel.query(on: db).filter(\.$orgnr == number.digits).first() else {
            throw CommandLineError("no organisation with number \(number.digits) is registered (see `tmnorm org list`)")
        }
        return organisation
    }

    /// Creates a key and returns it in plain text — the only time it exists outside the client.
    public static func createAPIKey(orgnr: String, name: String, app: Application) async throws -> String {
        let organisation = try await organisation(orgnr: orgnr, on: app.db)
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
        let organisation = try await organisation(orgnr: orgnr, on: app.db)
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
