import Fluent
import Foundation
import TMNormCore
import Vapor

/// Adds entries to internal block lists, for every channel (agent, administrator, import, API, consumer).
enum BlockListService {
    /// What happened to a batch of numbers.
    typealias Outcome = ListAdditionOutcome

    /// The lists a principal may add to: its own organisation's, and a call centre's clients'.
    /// A call centre reaches a client's list only through an engagement the client has confirmed, on a day
    /// inside its period.
    static func writableOrganisations(_ principal: RequestPrincipal, now: Date, on db: any Database) async throws -> [OrganisationModel] {
        guard let own = try await OrganisationModel.find(principal.organisationID, on: db),
            own.kind == .callCentre || own.kind == .client
        else { return [] }
        var result = [own]
        if own.kind == .callCentre {
            result += try await Engagements.activeClients(of: principal.organisationID, on: Engagements.day(now), db: db)
        }
        return result
    }

    /// Resolves the target list (by id or orgnr; own list when nil), or 403.
    static func target(_ raw: String?, _ principal: RequestPrincipal, now: Date, on db: any Database) async throws -> OrganisationModel {
        let writable = try await writableOrganisations(principal, now: now, on: db)
        guard let raw = raw?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else {
            guard let own = writable.first(where: { $0.id == principal.organisationID }) else { throw AppError.forbidden() }
            return own
        }
        let match = writable.first { $0.id?.uuidString == raw.uppercased() || $0.orgnr == ASCII.digits(of: raw) }
        guard let match else { throw AppError.forbidden() }
        return match
    }

    /// Adds numbers (each parsed; bad ones reported by position, good ones kept).
    static func add(
        numbers: [(label: String, raw: String)], to organisation: OrganisationModel, source: BlockListEntryModel.Source,
        by userID: UUID?, now: Date, lookup: BlockListLookup, on db: any Database
    ) async throws -> Outcome {
        var outcome = Outcome()
        let organisationID = try organisation.requireID()
        var keys: [String] = []
        for (label, raw) in numbers {
            switch PhoneNumber.parse(raw) {
            case .valid(let number) where number.eightDigitKey != nil:
                keys.append(number.national)
            case .valid(let number):
                let kind = PhoneWords.kind(number.kind)
                outcome.problems.append(
                    .init(
                        field: label,
                        reason: "\(number.national) is a \(number.kind.rawValue) number, not one telemarketing calls",
                        message: Phrase(
                            nb: "\(number.national) er et \(kind.nb), ikke et nummer telefonselgere ringer",
                            en: "\(number.national) is a \(kind.en), not a number telemarketers call")))
            case .foreign, .invalid:
                outcome.problems.append(FieldProblem.phone(field: label, raw) ?? .init(field: label, Phrase(nb: "er ugyldig", en: "invalid")))
            }
        }
        let unique = Array(Set(keys))
        let existing =
            unique.isEmpty
            ? []
            : try await BlockListEntryModel.query(on: db)
                .filter(\.$organisation.$id == organisationID).filter(\.$phone ~~ unique).all().compactMap(\.phone)
        let fresh = Set(unique).subtracting(existing)
        outcome.alreadyBlocked = keys.count - fresh.count
        if !fresh.isEmpty {
            try await db.writeTransaction { db in
                for phone in fresh.sorted() {
                    try await BlockListEntryModel(
                        organisationID: organisationID, phone: phone, personKey: nil, source: source, addedByID: userID, createdAt: now
                    ).create(on: db)
                }
                try await lookup.changed(organisationID, on: db)
            }
        }
        outcome.added = fresh.count
        return outcome
    }

    /// Adds a person (name and address) to a list.
    static func add(
        person: PersonIdentity, to organisation: OrganisationModel, source: BlockListEntryModel.Source, by userID: UUID?, now: Date,
        lookup: BlockListLookup, on db: any Database
    ) async throws -> Bool {
        let organisationID = try organisation.requireID()
        let key = person.storedKey
        if try await BlockListEntryModel.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$personKey == key).first() != nil {
            return false
        }
        try await db.writeTransaction { db in
            try await BlockListEntryModel(
                organisationID: organisationID, phone: nil, personKey: key, source: source, addedByID: userID, createdAt: now
            ).create(on: db)
            try await lookup.changed(organisationID, on: db)
        }
        return true
    }

    /// Reads an uploaded list (see `NumberListUpload`).
    static func numbers(fromCSV text: String) -> [(label: String, raw: String)] {
        NumberListUpload.numbers(fromCSV: text)
    }
}
