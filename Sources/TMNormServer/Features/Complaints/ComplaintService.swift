import Fluent
import Foundation
import TMNormCore
import Vapor

/// Takes complaints in: checks the draft, finds the business and the sale, gathers the facts, stores the case.
enum ComplaintService {
    /// Where a complaint came from.
    enum Source: Sendable {
        /// Forwarded by the consumer authority with its API key: trusted, no SMS confirmation.
        case authority(UUID)
    }

    /// Stores a checked complaint with its facts; a draft with problems is a 422 naming every field.
    static func intake(_ draft: ComplaintDraft, source: Source, app: Application, on db: any Database, now: Date) async throws -> ComplaintModel {
        let intake: ComplaintIntake
        switch ComplaintRules.check(draft, now: now) {
        case .success(let checked): intake = checked
        case .failure(let problems):
            throw AppError.invalid(problems.problems.map { FieldProblem(field: $0.field, reason: ComplaintText.problem($0.kind).en) })
        }
        let business = try await self.business(orgnr: intake.businessOrgnr, name: intake.businessName, on: db)
        let sale = try await ComplaintFactFinder.sale(for: intake, business: business, app: app, on: db)
        let facts = try await ComplaintFactFinder.find(intake, business: business, sale: sale, app: app, on: db)

        let complaint = ComplaintModel()
        complaint.id = UUID()
        complaint.stateRaw = ComplaintState.awaitingAnswer.rawValue
        switch source {
        case .authority(let organisationID):
            complaint.source = "api"
            complaint.forwardedByID = organisationID
            complaint.verifiedAt = now
        }
        complaint.businessID = try business?.requireID()
        complaint.businessOrgnr = intake.businessOrgnr?.digits ?? business?.orgnr
        complaint.businessName = intake.businessName ?? business?.name
        complaint.number = intake.number.national
        complaint.numberHash = MayCallService.numberHash(intake.number.national, keys: app.serverKeys)
        complaint.calledAt = intake.calledAt
        complaint.reasons = intake.reasons.map(\.rawValue).joined(separator: ",")
        complaint.saleID = try sale?.requireID()
        complaint.text = intake.text
        complaint.contactName = intake.contactName
        complaint.contactEmail = intake.contactEmail
        complaint.contactPhone = intake.contactPhone?.e164
        complaint.factsJSON = String(decoding: try JSONEncoder().encode(facts), as: UTF8.self)
        complaint.createdAt = now
        // A reference that clashes with an existing one (one in a billion per case) is drawn again.
        var rng = SystemRandomNumberGenerator()
        for attempt in 1...5 {
            complaint.reference = ComplaintReference.make(year: OsloTime.localDate(of: now).year, using: &rng)
            do {
                try await complaint.create(on: db)
                break
            } catch  where attempt < 5 {
                if try await ComplaintModel.query(on: db).filter(\.$reference == complaint.reference).first() == nil { throw error }
                complaint.$id.exists = false
            }
        }
        return complaint
    }

    /// The registered call centre or client with this number, else one whose name is exactly `name`.
    static func business(orgnr: OrganisationNumber?, name: String?, on db: any Database) async throws -> OrganisationModel? {
        let kinds = [OrganisationKind.callCentre.rawValue, OrganisationKind.client.rawValue]
        if let orgnr {
            return try await OrganisationModel.query(on: db).filter(\.$orgnr == orgnr.digits).filter(\.$kindRaw ~~ kinds).first()
        }
        guard let name else { return nil }
        let folded = name.lowercased()
        // Names are compared in Swift: SQLite's lower() folds only ASCII, and names are Norwegian.
        return try await OrganisationModel.query(on: db).filter(\.$kindRaw ~~ kinds).all().first { $0.name.lowercased() == folded }
    }
}

/// The complaint words people read, in bokmål and English.
enum ComplaintText {
    static func problem(_ kind: ComplaintProblem.Kind) -> Phrase {
        switch kind {
        case .required: Phrase(nb: "må fylles ut", en: "is required")
        case .invalidOrganisationNumber(let why):
            Phrase(nb: "er ikke et gyldig organisasjonsnummer (\(why))", en: "is not a valid organisation number (\(why))")
        case .foreignNumber:
            Phrase(nb: "er et utenlandsk nummer; klagen gjelder norske numre", en: "is a foreign number; complaints are about Norwegian numbers")
        case .invalidNumber(let why):
            Phrase(nb: "er ikke et gyldig norsk telefonnummer (\(why))", en: "is not a valid Norwegian phone number (\(why))")
        case .inTheFuture: Phrase(nb: "ligger fram i tid", en: "is in the future")
        case .tooOld(let days): Phrase(nb: "er mer enn \(days / 365) år siden", en: "is more than \(days / 365) years ago")
        case .unknownReason(let code):
            Phrase(
                nb: "«\(code)» er ikke en av grunnene",
                en: "“\(code)” is not one of the reasons: \(ComplaintReason.allCases.map(\.rawValue).joined(separator: ", "))")
        case .tooLong(let max): Phrase(nb: "er for lang (høyst \(max) tegn)", en: "is too long (at most \(max) characters)")
        case .invalidOfferCode:
            Phrase(nb: "er ikke en kode fra et tilbud (seks bokstaver og tall)", en: "is not a code from an offer (six letters and digits)")
        case .invalidEmail: Phrase(nb: "er ikke en e-postadresse", en: "is not an e-mail address")
        case .noWayToReach:
            Phrase(nb: "oppgi e-post eller telefon, så nemnda kan nå deg", en: "give an e-mail address or a phone number so the board can reach you")
        }
    }
}
