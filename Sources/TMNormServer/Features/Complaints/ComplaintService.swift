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
        /// Entered on the public form: waits until the consumer confirms the called number with the SMS code.
        case web
    }

    /// How long the SMS code is valid, and how many tries it gets.
    static let codeLifetime: TimeInterval = 30 * 60
    static let maxCodeAttempts = 5
    /// Complaints from the public form about one number in an hour (each sends an SMS to it).
    static let maxPerNumberPerHour = 3

    /// Stores a checked complaint with its facts; a draft with problems is a 422 naming every field.
    static func intake(_ draft: ComplaintDraft, source: Source, app: Application, on db: any Database, now: Date) async throws -> ComplaintModel {
        let intake: ComplaintIntake
        switch ComplaintRules.check(draft, now: now) {
        case .success(let checked): intake = checked
        case .failure(let problems):
            throw AppError.invalid(problems.problems.map { FieldProblem(field: $0.field, ComplaintText.problem($0.kind)) })
        }
        let business = try await self.business(orgnr: intake.businessOrgnr, name: intake.businessName, on: db)
        let sale = try await ComplaintFactFinder.sale(for: intake, business: business, app: app, on: db)
        let facts = try await ComplaintFactFinder.find(intake, business: business, sale: sale, app: app, on: db)

        let complaint = ComplaintModel()
        complaint.id = UUID()
        complaint.stateRaw = ComplaintState.awaitingAnswer.rawValue
        complaint.codeAttempts = 0
        var code: String?
        switch source {
        case .authority(let organisationID):
            complaint.source = "api"
            complaint.forwardedByID = organisationID
            complaint.verifiedAt = now
        case .web:
            let numberHash = MayCallService.numberHash(intake.number.national, keys: app.serverKeys)
            let recent = try await ComplaintModel.query(on: db).filter(\.$numberHash == numberHash)
                .filter(\.$source == "web").filter(\.$createdAt > now.addingTimeInterval(-3600)).count()
            guard recent < maxPerNumberPerHour else {
                throw RateLimiter.tooMany(
                    retryAfter: 3600, nb: "Det er sendt for mange klager for dette nummeret den siste timen.",
                    en: "Too many complaints were sent for this number in the last hour.")
            }
            complaint.source = "web"
            complaint.stateRaw = ComplaintState.unverified.rawValue
            let digits = Int(app.tokens.randomBytes(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) } % 1_000_000)
            code = String(repeating: "0", count: 6 - String(digits).count) + String(digits)
            complaint.codeExpiresAt = now.addingTimeInterval(codeLifetime)
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
            if let code { complaint.codeHash = codeHash(code, complaint: complaint, keys: app.serverKeys) }
            do {
                try await db.writeTransaction { [complaint, code] db in
                    try await complaint.create(on: db)
                    if let code {
                        // The code goes to the number that was called: only its holder can confirm the complaint.
                        try await Messaging.queue(
                            on: db, kind: .sms, to: intake.number.e164,
                            text: "Kode for klagen \(complaint.reference) til Callcenternemnda: \(code). Gjelder i 30 minutter.",
                            idempotencyKey: "complaint-code:\(try complaint.requireID().uuidString.lowercased())", now: now)
                    }
                }
                break
            } catch  where attempt < 5 {
                if try await ComplaintModel.query(on: db).filter(\.$reference == complaint.reference).first() == nil { throw error }
                complaint.$id.exists = false
            }
        }
        return complaint
    }

    /// The code as stored: HMAC under the "complaint-code" key, bound to the complaint.
    static func codeHash(_ code: String, complaint: ComplaintModel, keys: ServerKeys) -> String {
        keys.mac("\(complaint.id?.uuidString ?? ""):\(code)", purpose: "complaint-code")
    }

    /// Confirms a complaint from the public form with its SMS code; returns the complaint and the consumer's
    /// follow link token (shown once; only its hash is kept).
    static func confirm(_ id: UUID, code raw: String?, app: Application, on db: any Database, now: Date) async throws -> (ComplaintModel, String) {
        guard let complaint = try await ComplaintModel.find(id, on: db), complaint.source == "web" else { throw AppError.notFound() }
        guard complaint.state == .unverified else {
            throw AppError(
                .gone, code: "already-confirmed", Phrase(nb: "Klagen er allerede bekreftet.", en: "The complaint has already been confirmed."))
        }
        guard let expires = complaint.codeExpiresAt, expires > now, complaint.codeAttempts < maxCodeAttempts, let stored = complaint.codeHash else {
            throw AppError(
                .gone, code: "code-expired",
                Phrase(
                    nb: "Koden er utløpt eller brukt opp. Send klagen på nytt.",
                    en: "The code has expired or too many attempts were made. Send the complaint again."))
        }
        complaint.codeAttempts += 1
        let code = ASCII.digits(of: raw ?? "")
        guard CSRF.constantTimeEqual(codeHash(code, complaint: complaint, keys: app.serverKeys), stored) else {
            try await complaint.save(on: db)
            let left = maxCodeAttempts - complaint.codeAttempts
            throw AppError.invalid([FieldProblem(field: "code", Phrase(nb: "er feil (\(left) forsøk igjen)", en: "is wrong (\(left) attempts left)"))]
            )
        }
        let token = app.tokens.urlSafe(bytes: 24)
        complaint.stateRaw = ComplaintState.awaitingAnswer.rawValue
        complaint.verifiedAt = now
        complaint.codeHash = nil
        complaint.followTokenHash = TokenGenerator.hash(token)
        try await complaint.save(on: db)
        return (complaint, token)
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
