import Crypto
import Fluent
import SQLKit
import Foundation
import TMNormCore
import Vapor

/// Registers sales and applies offer events: the core decides, this persists, queues and records evidence.
enum SaleService {
    static let policy = ConfirmationPolicy.standard

    /// The key under which the SMS answer code is hashed at rest (see `ServerKeys`).
    static func codeKey(_ app: Application) -> [UInt8] { app.serverKeys.bytes("offer-code") }
    /// The key for the fingerprints (keyed hashes of address and browser) in the evidence chain.
    static func fingerprintKey(_ app: Application) -> [UInt8] { app.serverKeys.bytes("evidence-fingerprint") }

    /// The code key before keys were derived with HKDF (SHA-256 of the purpose and the secret): offers sent
    /// before the change still hold code hashes made with it. They are answered for at most the acceptance
    /// period plus the withdrawal period, so this can go once no such offer is open.
    static func legacyCodeKey(_ app: Application) -> [UInt8] {
        Array(SHA256.hash(data: Data("tmnorm-offer-code:\(app.config.secret)".utf8)))
    }

    /// The result of a registration: the sale and whether the same key had already created it.
    struct Registration {
        let sale: SaleModel
        let replayed: Bool
    }

    /// `POST /api/v1/sales`: validate, check the policy, render, queue, record — or the existing sale.
    static func register(rawBody: ByteBuffer?, idempotencyKey: String?, principal: RequestPrincipal, req: Request) async throws -> Registration {
        guard principal.actor.organisationKind == .callCentre, principal.actor.role != .clientUser else { throw AppError.forbidden() }
        let callCentreID = principal.organisationID
        guard let idempotencyKey = idempotencyKey?.trimmingCharacters(in: .whitespaces), !idempotencyKey.isEmpty else {
            throw AppError.invalid([
                .init(
                    field: "Idempotency-Key",
                    Phrase(
                        nb: "må sendes: en unik nøkkel per salg, den samme ved nye forsøk",
                        en: "header is required: a unique key per sale, reused on retries"))
            ])
        }
        guard idempotencyKey.count <= 200 else {
            throw AppError.invalid([.init(field: "Idempotency-Key", Phrase(nb: "høyst 200 tegn", en: "at most 200 characters"))])
        }
        let bytes = rawBody.map { Array($0.readableBytesView) } ?? []
        let requestHash = ConfirmationHashing.sha256Hex(bytes: bytes)
        if let replay = try await replay(callCentreID: callCentreID, idempotencyKey: idempotencyKey, requestHash: requestHash, on: req.db) {
            return replay
        }
        do {
            return try await create(
                bytes: bytes, requestHash: requestHash, idempotencyKey: idempotencyKey, callCentreID: callCentreID, principal: principal, req: req)
        } catch {
            // A retry that raced the first request lost on the unique key: answer as a replay.
            if let replay = try await replay(callCentreID: callCentreID, idempotencyKey: idempotencyKey, requestHash: requestHash, on: req.db) {
                return replay
            }
            throw error
        }
    }

    /// The sale already registered under this key, or nil; the same key with another body is refused.
    static func replay(callCentreID: UUID, idempotencyKey: String, requestHash: String, on db: any Database) async throws -> Registration? {
        guard
            let existing = try await SaleModel.query(on: db).filter(\.$callCentreID == callCentreID).filter(\.$idempotencyKey == idempotencyKey)
                .first()
        else {
            return nil
        }
        guard existing.requestSHA256 == requestHash else {
            throw AppError.invalid([
                .init(field: "Idempotency-Key", Phrase(nb: "er allerede brukt for et annet salg", en: "was already used for a different sale body"))
            ])
        }
        return Registration(sale: existing, replayed: true)
    }

    /// Validates, checks the policy, renders, queues and records a new sale.
    private static func create(
        bytes: [UInt8], requestHash: String, idempotencyKey: String, callCentreID: UUID, principal: RequestPrincipal, req: Request
    ) async throws -> Registration {
        let input: SaleInput
        do { input = try JSONDecoder().decode(SaleInput.self, from: Data(bytes)) } catch {
            throw AppError.badRequest(Phrase(nb: "Innholdet er ikke gyldig JSON.", en: "The body is not valid JSON."))
        }
        let now = req.now
        let prepared: Prepared
        do { prepared = try await prepare(input, callCentreID: callCentreID, now: now, on: req.db) } catch let failure as InputProblems {
            throw AppError.invalid(failure.problems.map { FieldProblem(field: $0.field, reason: $0.api, message: $0.phrase) })
        }
        let draft = prepared.draft
        let campaign = prepared.campaign
        let campaignID = prepared.campaignID
        let productKind = prepared.productKind
        let clientID = campaign.$client.id
        let composition = prepared.composition

        let sale = SaleModel()
        let saleID = UUID()
        sale.id = saleID
        sale.campaignID = campaignID
        sale.callCentreID = callCentreID
        sale.clientID = clientID
        sale.agentID = principal.user?.id
        sale.registeredBy = req.actorLabel
        sale.idempotencyKey = idempotencyKey
        sale.requestSHA256 = requestHash
        sale.draftJSON = String(decoding: try JSONEncoder().encode(draft), as: UTF8.self)
        sale.consumerName = draft.consumer.name
        sale.consumerPhone = draft.consumer.phone?.e164
        sale.consumerEmail = draft.consumer.email?.address
        sale.product = draft.product
        sale.createdAt = now
        sale.updatedAt = now
        var rng = SystemRandomNumberGenerator()
        sale.reference = OfferSecretGenerator.reference(using: &rng)
        let saleKey = saleID.uuidString.lowercased()
        let registered = EvidenceEntry.make(
            after: nil, saleID: saleKey, event: .registered, at: now, channel: principal.user == nil ? "api" : "staff", detail: sale.registeredBy)

        switch ConfirmationChecker.check(composition, policy: policy) {
        case .incomplete(let items):
            throw AppError.invalid(
                items.map { FieldProblem(field: $0.field, reason: $0.description, message: Phrase(nb: $0.norwegian, en: $0.description)) })
        case .exempt(let exemption):
            // Exempt from the written offer and acceptance, not from the withdrawal right: the consumer gets a
            // confirmation of the agreement with its terms and the withdrawal information (docs/domain.md), so
            // the same items are required, and a link and code to withdraw with.
            var strict = policy
            strict.exemptVoluntaryOrganisations = false
            strict.exemptNewspaperSubscriptions = false
            let offer: ConfirmationOffer
            switch ConfirmationChecker.check(composition, policy: strict) {
            case .ready(let complete): offer = complete
            case .incomplete(let items):
                throw AppError.invalid(
                    items.map { FieldProblem(field: $0.field, reason: $0.description, message: Phrase(nb: $0.norwegian, en: $0.description)) })
            case .exempt: throw Abort(.internalServerError)
            }
            let secrets = try await uniqueSecrets(phone: sale.consumerPhone, policy: policy, codeKey: codeKey(req.application), on: req.db)
            let lifecycle = OfferLifecycle.exempt(exemption, at: now, productKind: productKind, policy: policy, informationGiven: true)
            let acceptBy = OsloTime.localDate(of: now)
            let smsReplies = policy.smsRepliesEnabled && offer.consumer.phone != nil
            let nb = OfferDocumentRenderer.render(
                offer, language: .norwegian, acceptByDay: acceptBy, smsReplies: smsReplies, withdrawal: policy.withdrawal, confirmationOf: exemption)
            let en = OfferDocumentRenderer.render(
                offer, language: .english, acceptByDay: acceptBy, smsReplies: smsReplies, withdrawal: policy.withdrawal, confirmationOf: exemption)
            let link = req.application.config.publicBaseURL + SiteRoute.offer(token: secrets.token).path
            let smsText =
                "\(offer.client.name): Bekreftelse av avtalen om \(offer.product) fra telefonsamtalen. Du har \(offer.withdrawalPeriodDays) dagers angrerett"
                + (smsReplies ? ": svar ANGRE \(secrets.code) for å gå fra avtalen. " : ". ") + "Vilkår og angreskjema: \(link)"
            let mail = offer.consumer.email.map { _ in
                (
                    subject: "Bekreftelse av avtale med \(offer.client.name): \(offer.product)",
                    body:
                        ([
                            "Hei \(offer.consumer.name),", "", "her er bekreftelsen av avtalen fra telefonsamtalen, med angreretten din.",
                            "Gå fra avtalen her: \(link)", "Koden din: \(secrets.code)", "", String(repeating: "-", count: 60), nb.text,
                        ]).joined(separator: "\n")
                )
            }
            try store(offer, lifecycle: lifecycle, secrets: secrets, texts: (nb, en), in: sale)
            let channels = [sale.consumerPhone != nil ? "sms" : nil, mail != nil ? "email" : nil].compactMap { $0 }.joined(separator: "+")
            // Without e-mail the confirmation's whole text goes by SMS too: a link is not a durable medium.
            let confirmationParts = mail == nil ? OfferSMSText.parts(of: nb.text) : []
            let exempted = EvidenceEntry.make(
                after: registered, saleID: saleKey, event: .exempted, at: now, offerTextSHA256: nb.sha256, channel: channels,
                detail: "\(exemption.rawValue); full text: " + (mail != nil ? "email" : "sms (\(confirmationParts.count) parts)"))
            sale.evidenceHead = exempted.entryHash
            try await req.db.writeTransaction { db in
                try await sale.create(on: db)
                try await insertEvidence([(saleID, registered), (saleID, exempted)], on: try sqlDatabase(db))
                if let phone = sale.consumerPhone {
                    try await Messaging.queue(
                        on: db, kind: .sms, to: phone, text: smsText, idempotencyKey: "sale:\(saleKey):confirmation:sms",
                        organisationID: callCentreID, saleID: saleID, segments: SMSSegmentCounter.count(smsText).segments, now: now)
                    try await Messaging.queue(
                        on: db,
                        confirmationParts.enumerated().map { index, part in
                            Messaging.Outgoing(
                                kind: .sms, to: phone, text: part, idempotencyKey: "sale:\(saleKey):confirmation:text:\(index + 1)",
                                organisationID: callCentreID, saleID: saleID, segments: SMSSegmentCounter.count(part).segments, queuedAt: now)
                        })
                }
                if let mail, let email = sale.consumerEmail {
                    try await Messaging.queue(
                        on: db, kind: .email, to: email, subject: mail.subject, text: mail.body,
                        idempotencyKey: "sale:\(saleKey):confirmation:email", organisationID: callCentreID, saleID: saleID, now: now)
                }
            }
        case .ready(let offer):
            let secrets = try await uniqueSecrets(phone: sale.consumerPhone, policy: policy, codeKey: codeKey(req.application), on: req.db)
            // Electricity (energiloven chapter 4 A): no acceptance in the first 24 hours, said in the offer itself.
            let earliest = ElectricityCoolingOff.earliestAcceptance(category: campaign.productCategory, sentAt: now)
            let lifecycle = OfferLifecycle.sent(at: now, productKind: productKind, policy: policy, earliestAcceptance: earliest)
            guard let deadlines = lifecycle.deadlines else { throw Abort(.internalServerError) }
            let nb = OfferDocumentRenderer.render(offer, language: .norwegian, deadlines: deadlines, policy: policy, earliestAcceptance: earliest)
            let en = OfferDocumentRenderer.render(offer, language: .english, deadlines: deadlines, policy: policy, earliestAcceptance: earliest)
            guard OfferTextVerifier.missingItems(in: nb, offer: offer).isEmpty else {
                throw Abort(.internalServerError, reason: "offer text incomplete")
            }
            let link = req.application.config.publicBaseURL + SiteRoute.offer(token: secrets.token).path
            var sms: OfferSMS?
            if offer.consumer.phone != nil {
                do {
                    sms = try OfferMessageComposer.sms(
                        offer, language: .norwegian, link: link, code: secrets.code, acceptByDay: deadlines.acceptByDay, policy: policy)
                } catch {
                    throw AppError.invalid([.init(field: "product", reason: error.description)])
                }
            }
            let smsReplies = policy.smsRepliesEnabled && offer.consumer.phone != nil
            let mail = offer.consumer.email.map { _ in
                OfferMessageComposer.email(
                    nb, offer: offer, link: link, code: secrets.code, smsReplyNumber: smsReplies ? req.application.config.messaging.smsFrom : nil)
            }
            let reminder = deadlines.reminderDueAt.map { due in
                (
                    due,
                    ConfirmationNoticeText.reminder(
                        offer, language: .norwegian, link: link, code: secrets.code, acceptByDay: deadlines.acceptByDay, smsReplies: smsReplies)
                )
            }
            try store(offer, lifecycle: lifecycle, secrets: secrets, texts: (nb, en), in: sale)
            let channels = [sms != nil ? "sms" : nil, mail != nil ? "email" : nil].compactMap { $0 }.joined(separator: "+")
            // The durable medium must carry the whole offer, not only a link (CJEU C-49/11): by e-mail when there
            // is an address, otherwise as SMS parts after the notice (docs/domain.md, "Written confirmation").
            let textParts = mail == nil ? OfferSMSText.parts(of: nb.text) : []
            let fullTextMedium = mail != nil ? "email" : "sms (\(textParts.count) parts)"
            let sent = EvidenceEntry.make(
                after: registered, saleID: saleKey, event: .sent, at: now, offerTextSHA256: nb.sha256, channel: channels,
                detail: "full text: \(fullTextMedium)")
            sale.evidenceHead = sent.entryHash
            let offerSMS = sms
            try await req.db.writeTransaction { db in
                try await sale.create(on: db)
                try await insertEvidence([(saleID, registered), (saleID, sent)], on: try sqlDatabase(db))
                // Every message of the offer in one statement, so the transaction holds its connection briefly:
                // the notice, the e-mail, the whole text in SMS parts, and the reminder, which waits in the
                // outbox (the only place its link and code exist) until due; an answer before then cancels it.
                var outgoing: [Messaging.Outgoing] = []
                if let sms = offerSMS, let phone = sale.consumerPhone {
                    outgoing.append(
                        .init(
                            kind: .sms, to: phone, text: sms.text, idempotencyKey: "sale:\(saleKey):offer:sms",
                            organisationID: callCentreID, saleID: saleID, segments: sms.size.segments, queuedAt: now))
                }
                if let mail, let email = sale.consumerEmail {
                    outgoing.append(
                        .init(
                            kind: .email, to: email, subject: mail.subject, text: mail.body,
                            idempotencyKey: "sale:\(saleKey):offer:email", organisationID: callCentreID, saleID: saleID, queuedAt: now))
                }
                if let phone = sale.consumerPhone {
                    for (index, part) in textParts.enumerated() {
                        outgoing.append(
                            .init(
                                kind: .sms, to: phone, text: part, idempotencyKey: "sale:\(saleKey):offer:text:\(index + 1)",
                                organisationID: callCentreID, saleID: saleID, segments: SMSSegmentCounter.count(part).segments, queuedAt: now))
                    }
                }
                if let (due, notice) = reminder {
                    if let phone = sale.consumerPhone {
                        outgoing.append(
                            .init(
                                kind: .sms, to: phone, text: notice.sms, idempotencyKey: "sale:\(saleKey):reminder:sms",
                                organisationID: callCentreID, saleID: saleID, notBefore: due, queuedAt: now))
                    } else if let email = sale.consumerEmail {
                        outgoing.append(
                            .init(
                                kind: .email, to: email, subject: notice.emailSubject, text: notice.emailBody,
                                idempotencyKey: "sale:\(saleKey):reminder:email", organisationID: callCentreID, saleID: saleID, notBefore: due,
                                queuedAt: now))
                    }
                }
                try await Messaging.queue(on: db, outgoing)
            }
        }
        req.application.metricsRegistry.increment("tmnorm_sales_registered_total")
        return Registration(sale: sale, replayed: false)
    }

    /// Link token and SMS code for an offer or confirmation. The code has 30 bits: make sure no other open
    /// offer or exempt sale to the same phone shares it (an SMS answer finds the sale by number and code).
    static func uniqueSecrets(phone: String?, policy: ConfirmationPolicy, codeKey: [UInt8], on db: any Database) async throws -> OfferSecrets {
        var rng = SystemRandomNumberGenerator()
        var secrets = OfferSecretGenerator.make(policy: policy, codeKey: codeKey, using: &rng)
        guard let phone else { return secrets }
        for _ in 0..<5 {
            let clash = try await SaleModel.query(on: db).filter(\.$consumerPhone == phone).filter(\.$codeHash == secrets.codeHash)
                .filter(\.$state ~~ [OfferState.sent.rawValue, OfferState.accepted.rawValue, OfferState.exempt.rawValue]).count()
            if clash == 0 { break }
            secrets = OfferSecretGenerator.make(policy: policy, codeKey: codeKey, using: &rng)
        }
        return secrets
    }

    /// What a sale keeps of its offer (or confirmation): the lifecycle, the offer, the hashed secrets and the
    /// texts exactly as sent with the Norwegian text's SHA-256.
    static func store(
        _ offer: ConfirmationOffer, lifecycle: OfferLifecycle, secrets: OfferSecrets, texts: (nb: OfferDocument, en: OfferDocument),
        in sale: SaleModel
    ) throws {
        try sale.setLifecycle(lifecycle)
        sale.offerJSON = String(decoding: try JSONEncoder().encode(offer), as: UTF8.self)
        sale.tokenHash = secrets.tokenHash
        sale.codeHash = secrets.codeHash
        sale.offerTextNB = texts.nb.text
        sale.offerTextEN = texts.en.text
        sale.offerSHA256 = texts.nb.sha256
    }

    /// True when the whole offer text reached the consumer on a durable medium: by e-mail, or, for a consumer
    /// reached by SMS only, once every SMS part of the text is sent. An SMS acceptance waits for it.
    static func completeTextSent(_ sale: SaleModel, on db: any Database) async throws -> Bool {
        if sale.consumerEmail != nil { return true }
        let key = "sale:\(try sale.requireID().uuidString.lowercased()):offer:text:"
        let parts = try await OutboxMessageModel.query(on: db).filter(\.$saleID == sale.requireID()).all()
            .filter { $0.idempotencyKey.hasPrefix(key) }
        return parts.allSatisfy { $0.statusRaw == OutboxMessageModel.Status.sent.rawValue }
    }

    /// An organisation as an offer party, with what its settings add.
    static func party(_ id: UUID, voluntary: Bool, on db: any Database) async throws -> OfferParty {
        guard let organisation = try await OrganisationModel.find(id, on: db) else { throw AppError.notFound() }
        let settings = try await OfferSettingsModel.query(on: db).filter(\.$organisationID == id).first()
        return OfferParty(
            name: organisation.name, organisationNumber: try? OrganisationNumber(organisation.orgnr), address: settings?.address,
            phone: settings?.phone.flatMap { PhoneNumber.parse($0).number }, email: settings?.email.flatMap { try? EmailAddress($0) },
            isVoluntaryOrganisation: voluntary)
    }

    /// A sale the principal may see (its call centre or its client; the association sees all), else 404.
    static func find(_ id: UUID, _ principal: RequestPrincipal, on db: any Database) async throws -> SaleModel {
        guard let sale = try await SaleModel.find(id, on: db) else { throw AppError.notFound() }
        if AccessPolicy.organisationScope(principal.actor) != .all,
            sale.callCentreID != principal.organisationID && sale.clientID != principal.organisationID
        {
            throw AppError.notFound()
        }
        return sale
    }

    /// Sales the principal may see, filtered.
    static func search(
        _ principal: RequestPrincipal, state: String?, campaign: String?, period: SalesPeriod = SalesPeriod(), on db: any Database, limit: Int = 500
    ) async throws -> [SaleModel] {
        let query = SaleModel.query(on: db).sort(\.$createdAt, .descending).range(..<limit)
        if let from = period.from { query.filter(\.$createdAt >= from) }
        if let until = period.until { query.filter(\.$createdAt < until) }
        if AccessPolicy.organisationScope(principal.actor) != .all {
            let own = principal.organisationID
            query.group(.or) { $0.filter(\.$callCentreID == own).filter(\.$clientID == own) }
        }
        if let state, !state.isEmpty {
            guard OfferState(rawValue: state) != nil else {
                throw AppError.invalid([
                    .init(
                        field: "state", reason: "one of \(OfferState.allCases.map(\.rawValue).joined(separator: ", "))",
                        message: Phrase(nb: "velg en av statusene i lista", en: "choose one of the states in the list"))
                ])
            }
            query.filter(\.$state == state)
        }
        if let campaign, !campaign.isEmpty {
            guard let id = UUID(uuidString: campaign) else {
                throw AppError.invalid([.init(field: "campaign", Phrase(nb: "er ikke en kampanje", en: "is not a campaign id"))])
            }
            query.filter(\.$campaignID == id)
        }
        if principal.actor.role == .agent, let user = principal.user {
            query.filter(\.$agentID == user.id)
        }
        return try await query.all()
    }
}

/// Registration instants from `from` (inclusive) until `until` (exclusive); nil means open.
struct SalesPeriod: Sendable {
    var from: Date?
    var until: Date?
}
