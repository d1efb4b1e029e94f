import Fluent
import Foundation
import TMNormCore
import Vapor

/// A client's exemptions from the national register in memory: existing customers per product category
/// (by number and by person) and consents given to the client (by number).
struct ExemptionSet: Sendable {
    /// Keyed by the category in lower case.
    let customerNumbers: [String: Set<UInt32>]
    let customerPersons: [String: Set<UInt64>]
    let consents: Set<UInt32>

    static let empty = ExemptionSet(customerNumbers: [:], customerPersons: [:], consents: [])

    /// An existing customer of the client in the campaign's category.
    func isCustomer(number key: UInt32?, person: PersonIdentity?, category: String) -> Bool {
        let category = category.lowercased()
        return (key.map { customerNumbers[category]?.contains($0) ?? false } ?? false)
            || (person.map { customerPersons[category]?.contains($0.key) ?? false } ?? false)
    }

    func hasConsent(number key: UInt32?) -> Bool { key.map(consents.contains) ?? false }
}

/// The exemptions other features read (may-call). Kept in memory while the client's change counter stands
/// still (`GenerationCache`); every write goes through `changed`, in the writing transaction.
final class ExemptionLookup: Sendable {
    private let cache = GenerationCache<ExemptionSet>()

    static func scope(_ clientID: UUID) -> String { "exemptions:" + clientID.uuidString.lowercased() }

    func exemptions(of clientID: UUID, on db: any Database) async throws -> ExemptionSet {
        try await cache.value(Self.scope(clientID), on: db) { db in
            var numbers: [String: Set<UInt32>] = [:], persons: [String: Set<UInt64>] = [:], consents = Set<UInt32>()
            // Categories are folded in Swift: SQLite's lower() folds only ASCII, and categories are Norwegian words.
            for customer in try await CustomerModel.query(on: db).filter(\.$client.$id == clientID)
                .field(\.$phone).field(\.$personKey).field(\.$category).all()
            {
                let category = customer.category.lowercased()
                if let phone = customer.phone, let key = UInt32(phone) { numbers[category, default: []].insert(key) }
                if let person = customer.personKey, let key = UInt64(person, radix: 16) { persons[category, default: []].insert(key) }
            }
            for consent in try await ConsentModel.query(on: db).filter(\.$business.$id == clientID).field(\.$phone).all() {
                if let key = UInt32(consent.phone) { consents.insert(key) }
            }
            return ExemptionSet(customerNumbers: numbers, customerPersons: persons, consents: consents)
        }
    }

    /// The client's exemptions for a wash: existing customers of `category` (none without one) and consents.
    static func washExemptions(client: OrganisationModel, category: String?, on db: any Database) async throws -> WashExemptions {
        let clientID = try client.requireID()
        var numbers: [UInt32] = []
        var persons: [UInt64] = []
        if let category = category?.trimmingCharacters(in: .whitespaces).lowercased(), !category.isEmpty {
            let customers = try await CustomerModel.query(on: db).filter(\.$client.$id == clientID).all()
                .filter { $0.category.lowercased() == category }
            numbers += customers.compactMap { $0.phone.flatMap { UInt32($0) } }
            persons += customers.compactMap { $0.personKey.flatMap { UInt64($0, radix: 16) } }
        }
        let consents = try await ConsentModel.query(on: db).filter(\.$business.$id == clientID).all()
        numbers += consents.compactMap { UInt32($0.phone) }
        return WashExemptions(numberKeys: numbers, personKeys: persons)
    }

    /// Records that the client's exemptions changed: call it inside the transaction that wrote them.
    func changed(_ clientID: UUID, on db: any Database) async throws {
        cache.invalidate(Self.scope(clientID))
        try await ChangeGenerations.bump([Self.scope(clientID)], on: db)
    }
}
