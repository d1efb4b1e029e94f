import Crypto
import Fluent
import Foundation
import TMNormCore
import Vapor

/// The consumer's own way onto a business's block list: enter the number, confirm with a code by SMS.
enum ConsumerBlockService {
    static let codeLifetime: TimeInterval = 15 * 60
    static let maxAttempts = 5
    static let maxRequestsPerPhonePerHour = 3

    /// Finds the business a consumer names: its organisation number, or its exact name (case-insensitive).
    /// The page lists no one, so it cannot be used to enumerate the network's clients.
    static func business(named raw: String?, on db: any Database) async throws -> OrganisationModel? {
        let text = (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= 200 else { return nil }
        let kinds = [OrganisationKind.client.rawValue, OrganisationKind.callCentre.rawValue]
        if let number = try? OrganisationNumber(text) {
            return try await OrganisationModel.query(on: db).filter(\.$orgnr == number.digits).filter(\.$kindRaw ~~ kinds).first()
        }
        let wanted = text.lowercased()
        let matches = try await OrganisationModel.query(on: db).filter(\.$kindRaw ~~ kinds).all().filter { $0.name.lowercased() == wanted }
        return matches.count == 1 ? matches.first : nil
    }

    /// Businesses whose name contains every word typed (at least three letters in all), for the form's
    /// suggestions as the consumer types. A few names at a time: the businesses that make sales calls show
    /// their names in every offer, but the list as a whole is not handed out.
    static func suggestions(for raw: String?, on db: any Database) async throws -> [(name: String, orgnr: String)] {
        let words = (raw ?? "").lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init).filter { !$0.isEmpty }
        guard words.joined().count >= 3, words.joined().count <= 200 else { return [] }
        let kinds = [OrganisationKind.client.rawValue, OrganisationKind.callCentre.rawValue]
        let matches = try await OrganisationModel.query(on: db).filter(\.$kindRaw ~~ kinds).sort(\.$name).all()
            .filter { organisation in
                let name = organisation.name.lowercased()
                return words.allSatisfy { name.contains($0) }
            }
        return matches.prefix(suggestionLimit).map { ($0.name, (try? OrganisationNumber($0.orgnr))?.formatted ?? $0.orgnr) }
    }

    /// How many names a suggestion list holds.
    static let suggestionLimit = 8

    /// Starts a request and queues the SMS with the code. Only Norwegian mobile numbers can receive it.
    static func start(phone raw: String?, business raw2: String?, app: Application, on db: any Database) async throws -> BlockRequestModel {
        var problems: [FieldProblem] = []
        let number = PhoneNumber.parse(raw ?? "").number
        if number == nil {
            problems.append(
                FieldProblem.phone(field: "phone", raw ?? "")
                    ?? .init(field: "phone", Phrase(nb: "er ikke et gyldig nummer", en: "is not a valid number")))
        } else if number?.kind != .mobile {
            problems.append(
                .init(
                    field: "phone", Phrase(nb: "må være et mobilnummer: koden sendes på SMS", en: "must be a mobile number: the code is sent by SMS"))
            )
        }
        let organisation = try await business(named: raw2, on: db)
        if organisation == nil {
            problems.append(
                .init(
                    field: "business",
                    Phrase(
                        nb: "fant ingen bedrift med det organisasjonsnummeret eller nøyaktig det navnet",
                        en: "no business found with that organisation number or exact name")))
        }
        guard problems.isEmpty, let number, let organisation else { throw AppError.invalid(problems) }
        let now = app.clock.now()
        let recent = try await BlockRequestModel.query(on: db).filter(\.$phone == number.national)
            .filter(\.$createdAt > now.addingTimeInterval(-3600)).count()
        guard recent < maxRequestsPerPhonePerHour else {
            throw AppError(
                .tooManyRequests, code: "rate-limited",
                Phrase(
                    nb: "For mange forespørsler for dette nummeret. Prøv igjen om en time.",
                    en: "Too many requests for this number. Try again in an hour."))
        }
        let id = UUID()
        let code = String(format: "%06d", Int(app.tokens.randomBytes(4).reduce(0) { $0 << 8 | UInt32($1) } % 1_000_000))
        let request = BlockRequestModel()
        request.id = id
        request.$organisation.id = try organisation.requireID()
        request.phone = number.national
        request.codeHash = hash(code: code, requestID: id, keys: app.serverKeys)
        request.attempts = 0
        request.createdAt = now
        request.expiresAt = now.addingTimeInterval(codeLifetime)
        try await request.create(on: db)
        let text = "TMNorm: Koden for å sperre \(organisation.name) mot telefonsalg til deg er \(code). Gyldig i 15 minutter."
        try await Messaging.enqueue(
            on: db, kind: .sms, to: number.e164, text: text, idempotencyKey: "block-request-\(id.uuidString.lowercased())",
            organisationID: try organisation.requireID(), now: now)
        return request
    }

    /// Confirms with the code; on success the number goes on the business's block list (source: consumer).
    static func confirm(requestID: UUID, code raw: String?, app: Application, on db: any Database) async throws -> OrganisationModel {
        guard let request = try await BlockRequestModel.query(on: db).filter(\.$id == requestID).with(\.$organisation).first() else {
            throw AppError.notFound()
        }
        let now = app.clock.now()
        if request.confirmedAt != nil { return request.organisation }
        guard request.expiresAt > now, request.attempts < maxAttempts else {
            throw AppError(
                .gone, code: "code-expired",
                Phrase(nb: "Koden er utløpt eller brukt opp. Start på nytt.", en: "The code has expired or too many attempts were made. Start again.")
            )
        }
        request.attempts += 1
        let code = ASCII.digits(of: raw ?? "")
        let expected = hash(code: code, requestID: requestID, keys: app.serverKeys)
        guard CSRF.constantTimeEqual(expected, request.codeHash) else {
            try await request.save(on: db)
            throw AppError.invalid([
                .init(
                    field: "code",
                    Phrase(
                        nb: "er feil (\(maxAttempts - request.attempts) forsøk igjen)",
                        en: "is wrong (\(maxAttempts - request.attempts) attempts left)"))
            ])
        }
        request.confirmedAt = now
        try await request.save(on: db)
        _ = try await BlockListService.add(
            numbers: [("phone", request.phone)], to: request.organisation, source: .consumer, by: nil, now: now, lookup: app.blockListLookup, on: db)
        return request.organisation
    }

    /// The code as stored: HMAC under the "stop-calls-code" key, bound to the request.
    static func hash(code: String, requestID: UUID, keys: ServerKeys) -> String {
        keys.mac("\(requestID.uuidString):\(code)", purpose: "stop-calls-code")
    }
}
