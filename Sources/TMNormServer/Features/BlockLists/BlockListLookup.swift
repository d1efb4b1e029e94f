import Fluent
import Foundation
import TMNormCore
import Vapor

/// An organisation's block list in memory, as may-call asks it: by number and by person.
struct BlockListSet: Sendable {
    let numbers: Set<UInt32>
    let persons: Set<UInt64>

    static let empty = BlockListSet(numbers: [], persons: [])

    func contains(number key: UInt32?, person: PersonIdentity?) -> Bool {
        (key.map(numbers.contains) ?? false) || (person.map { persons.contains($0.key) } ?? false)
    }
}

/// The block lists other features read (may-call). The rows stay in memory while the list's change counter
/// stands still (`GenerationCache`); every write goes through `changed`, in the writing transaction.
final class BlockListLookup: Sendable {
    private let cache = GenerationCache<BlockListSet>()

    static func scope(_ organisationID: UUID) -> String { "block-list:" + organisationID.uuidString.lowercased() }

    /// The block list of an organisation (a client or a call centre).
    func list(of organisationID: UUID, on db: any Database) async throws -> BlockListSet {
        try await cache.value(Self.scope(organisationID), on: db) { db in
            var numbers = Set<UInt32>(), persons = Set<UInt64>()
            for entry in try await BlockListEntryModel.query(on: db).filter(\.$organisation.$id == organisationID)
                .field(\.$phone).field(\.$personKey).all()
            {
                if let phone = entry.phone, let key = UInt32(phone) { numbers.insert(key) }
                if let person = entry.personKey, let key = UInt64(person, radix: 16) { persons.insert(key) }
            }
            return BlockListSet(numbers: numbers, persons: persons)
        }
    }

    /// Records that the organisation's list changed: call it inside the transaction that wrote it.
    func changed(_ organisationID: UUID, on db: any Database) async throws {
        cache.invalidate(Self.scope(organisationID))
        try await ChangeGenerations.bump([Self.scope(organisationID)], on: db)
    }
}
