import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Recently authenticated API keys, by hash, for a few seconds: machine clients call in tight loops
/// (the dialer asks may-call before every call). Revoking in this process drops the entry at once;
/// other processes see a revocation within `lifetime`.
/// A lock, not an actor: it is read on every API request.
final class APIKeyCache: Sendable {
    static let lifetime: TimeInterval = 5
    private struct Entry: Sendable {
        let client: APIClient
        let loadedAt: Date
    }
    private let entries = NIOLockedValueBox<[String: Entry]>([:])

    func client(hash: String, now: Date) -> APIClient? {
        guard let entry = entries.withLockedValue({ $0[hash] }), now >= entry.loadedAt,
            now.timeIntervalSince(entry.loadedAt) < Self.lifetime
        else { return nil }
        return entry.client
    }

    func store(_ client: APIClient, hash: String, now: Date) {
        entries.withLockedValue { entries in
            if entries.count > 10_000 { entries.removeAll() }
            entries[hash] = Entry(client: client, loadedAt: now)
        }
    }

    func revoke(keyID: UUID) {
        entries.withLockedValue { entries in entries = entries.filter { $0.value.client.keyID != keyID } }
    }
}
