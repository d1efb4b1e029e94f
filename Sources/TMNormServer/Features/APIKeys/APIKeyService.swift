import Fluent
import Foundation
import TMNormCore
import Vapor

/// Creates, authenticates and revokes API keys. The key is shown once; only its hash is kept.
enum APIKeyService {
    /// The plain key (shown once) and its stored record.
    struct Created: Sendable {
        let key: String
        let id: UUID
        let prefix: String
    }

    static let keyPrefix = "tmn_"

    /// Makes a new key for an organisation.
    static func create(
        organisationID: UUID, name: String, on db: any Database, tokens: TokenGenerator, now: Date
    ) async throws -> Created {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = DisplayName.problem(trimmed, maxLength: 100) {
            throw AppError.invalid([FieldProblem.displayName(field: "name", problem)])
        }
        let key = keyPrefix + tokens.urlSafe(bytes: 32)
        let prefix = String(key.prefix(keyPrefix.count + 6))
        let model = APIKeyModel(
            organisationID: organisationID, name: trimmed, prefix: prefix,
            keyHash: TokenGenerator.hash(key), createdAt: now)
        try await model.create(on: db)
        return Created(key: key, id: try model.requireID(), prefix: prefix)
    }

    /// The client for a presented key, or nil when unknown or revoked.
    static func authenticate(_ key: String, on req: Request) async throws -> APIClient? {
        guard key.hasPrefix(keyPrefix), key.count <= 100 else { return nil }
        let hash = TokenGenerator.hash(key)
        if let cached = req.application.apiKeyCache.client(hash: hash, now: req.now) { return cached }
        // One query with a join: this runs on every API call, including the may-call hot path.
        guard
            let model = try await APIKeyModel.query(on: req.db)
                .join(OrganisationModel.self, on: \APIKeyModel.$organisation.$id == \OrganisationModel.$id)
                .filter(\.$keyHash == hash)
                .filter(\.$revokedAt == nil)
                .first(),
            let id = model.id,
            let organisation = try? model.joined(OrganisationModel.self), let organisationID = organisation.id
        else { return nil }
        let now = req.now
        // Write last-used at most once a minute so hot API paths do not write on every call, and through
        // the writer: on SQLite a write on a request connection waits for the write lock by spinning while
        // holding that connection, and a burst of first calls with one key then starved the pool (60
        // concurrent sales in the full test suite: pool waits past their limit, 27 × 500).
        if model.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            model.lastUsedAt = now
            try await req.db.writeTransaction { db in try await model.save(on: db) }
        }
        let client = APIClient(keyID: id, organisationID: organisationID, organisationKind: organisation.kind)
        req.application.apiKeyCache.store(client, hash: hash, now: now)
        return client
    }
}
