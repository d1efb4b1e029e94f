import Fluent
import Foundation
import TMNormCore
import Vapor

/// Records existing customers (per product category) and explicit consents to one named business.
enum ExemptionService {
    /// The clients a principal may record exemptions for: itself (a client), or the clients that have
    /// allowed this call centre to, on an engagement in force today. Lifting the register for a client's
    /// customers lifts it for every centre washing for that client, so the client decides who may.
    static func clients(_ principal: RequestPrincipal, now: Date, on db: any Database) async throws -> [OrganisationModel] {
        guard let own = try await OrganisationModel.find(principal.organisationID, on: db) else { return [] }
        switch own.kind {
        case .client:
            return [own]
        case .callCentre:
            return try await Engagements.inForce(of: principal.organisationID, on: Engagements.day(now), db: db)
                .filter(\.mayRecordExemptions).map(\.client).sorted { $0.name < $1.name }
        default:
            return []
        }
    }

    static func client(_ raw: String?, _ principal: RequestPrincipal, now: Date, on db: any Database) async throws -> OrganisationModel {
        let allowed = try await clients(principal, now: now, on: db)
        if raw == nil || raw?.isEmpty == true, allowed.count == 1, let only = allowed.first { return only }
        let wanted = (raw ?? "").trimmingCharacters(in: .whitespaces)
        guard let match = allowed.first(where: { $0.id?.uuidString == wanted.uppercased() || $0.orgnr == ASCII.digits(of: wanted) }) else {
            throw AppError.forbidden()
        }
        return match
    }

    /// Adds customers of a category; bad numbers are reported by label, good ones kept.
    static func addCustomers(
        _ numbers: [(label: String, raw: String)], category rawCategory: String?, client: OrganisationModel, now: Date,
        lookup: ExemptionLookup, on db: any Database
    ) async throws -> ListAdditionOutcome {
        let category = (rawCategory ?? "").trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard !category.isEmpty, category.count <= 100 else {
            throw AppError.invalid([
                .init(
                    field: "category",
                    Phrase(
                        nb: "må fylles ut: produktkategorien disse kundene har (1–100 tegn)",
                        en: "is required: the product category these customers have (1–100 characters)"))
            ])
        }
        var outcome = ListAdditionOutcome()
        let clientID = try client.requireID()
        var seen = Set<String>()
        var fresh: [String] = []
        for (label, raw) in numbers {
            guard let number = PhoneNumber.parse(raw).number, number.eightDigitKey != nil else {
                outcome.problems.append(
                    FieldProblem.phone(field: label, raw)
                        ?? .init(field: label, Phrase(nb: "er ikke et nummer som kan ringes", en: "not a callable number")))
                continue
            }
            guard seen.insert(number.national).inserted else { outcome.alreadyBlocked += 1; continue }
            if try await CustomerModel.query(on: db).filter(\.$client.$id == clientID).filter(\.$phone == number.national).filter(
                \.$category == category
            ).first() != nil {
                outcome.alreadyBlocked += 1
                continue
            }
            fresh.append(number.national)
        }
        if !fresh.isEmpty {
            try await db.writeTransaction { [fresh] db in
                for phone in fresh {
                    try await CustomerModel(clientID: clientID, phone: phone, personKey: nil, category: category, createdAt: now).create(on: db)
                }
                try await lookup.changed(clientID, on: db)
            }
        }
        outcome.added = fresh.count
        return outcome
    }

    /// Records one consent. Consent collected for several businesses at once is not valid (since 2018).
    static func addConsent(
        phone: String?, givenAt: Date, source: String?, businesses: [String], principal: RequestPrincipal, now: Date,
        lookup: ExemptionLookup, on db: any Database
    ) async throws -> ConsentModel {
        var problems: [FieldProblem] = []
        if businesses.count > 1 {
            problems.append(
                .init(
                    field: "businesses",
                    Phrase(
                        nb: "et samtykke må gjelde én bedrift; samtykke til flere bedrifter på én gang er ikke gyldig",
                        en: "a consent must name one business; consent collected for several businesses at once is not valid")))
        }
        let number = PhoneNumber.parse(phone ?? "").number
        if number?.eightDigitKey == nil {
            problems.append(
                FieldProblem.phone(field: "phone", phone ?? "")
                    ?? .init(field: "phone", Phrase(nb: "er ikke et nummer som kan ringes", en: "not a callable number")))
        }
        let trimmedSource = (source ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmedSource.isEmpty || trimmedSource.count > 300 {
            problems.append(
                .init(
                    field: "source",
                    Phrase(
                        nb: "må fylles ut: hvor og hvordan samtykket ble gitt (høyst 300 tegn)",
                        en: "is required: where and how the consent was given (max 300 characters)")))
        }
        if givenAt > now { problems.append(.init(field: "given_at", Phrase(nb: "kan ikke være fram i tid", en: "must not be in the future"))) }
        guard problems.isEmpty, let number else { throw AppError.invalid(problems) }
        let business = try await client(businesses.first, principal, now: now, on: db)
        let consent = ConsentModel(
            businessID: try business.requireID(), phone: number.national, givenAt: givenAt, source: trimmedSource, createdAt: now)
        try await db.writeTransaction { db in
            try await consent.create(on: db)
            try await lookup.changed(consent.$business.id, on: db)
        }
        return consent
    }
}
