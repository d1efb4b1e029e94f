import Fluent
import Foundation
import NIOConcurrencyHelpers
import TMNormCore
import Vapor

/// The consumer's side, no log-in: `/t/{token}` shows the offer exactly as sent; accept, decline and
/// withdraw are CSRF-protected forms. Unknown or malformed tokens are 404 and rate-limited per address.
struct ConsumerOfferRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let t = routes.grouped("t")
        t.get(":token", use: show)
        t.post(":token", "accept") { req in try await self.answer(req, .accept) }
        t.post(":token", "decline") { req in try await self.answer(req, .decline) }
        t.post(":token", "withdraw") { req in try await self.answer(req, .withdraw) }
    }

    /// The sale behind a token. An unknown token costs a slot of the address's budget; once the budget is
    /// spent, unknown tokens get 429 without a database lookup of their own beyond the one that found
    /// them unknown, while valid tokens still open (a consumer behind a shared address is never locked out).
    func lookup(_ req: Request) async throws -> (SaleModel, ConsumerAuthorization, AnswerContext) {
        let address = req.clientAddress
        let limiter = req.application.rateLimiters.offerTokenGuesses
        let token = req.parameters.get("token") ?? ""
        let exhausted = limiter.retryAfter(address, now: req.now)
        // Shape first: nothing malformed reaches the database.
        guard OfferSecretGenerator.isWellFormedToken(token, bytes: SaleService.policy.tokenBytes),
              let (sale, context) = try await SaleService.sale(tokenHash: OfferSecretGenerator.hashToken(token), on: req.db),
              let stored = sale.tokenHash,
              let auth = ConsumerAuthorizer.viaLink(token: token, storedTokenHash: stored)
        else {
            if let exhausted {
                throw RateLimiter.tooMany(retryAfter: exhausted, nb: "For mange ukjente lenker fra denne adressen.", en: "Too many unknown links from this address.")
            }
            limiter.record(address, now: req.now)
            throw AppError.notFound()
        }
        return (sale, auth, context)
    }

    func show(req: Request) async throws -> Response {
        let (sale, _, _) = try await lookup(req)
        let lifecycle = try sale.lifecycle()
        let token = req.parameters.get("token") ?? ""
        let model = try ConsumerOfferView.Model(sale: sale, lifecycle: lifecycle, token: token, english: req.query[String.self, at: "lang"] == "en" || req.language == .en, now: req.now, notice: nil)
        let gone = [.expired, .declined, .withdrawn].contains(lifecycle.state)
        if lifecycle.state == .sent {
            try await req.db.writeTransaction { db in
                // First view only: "opened" belongs in the timeline once.
                let opened = try await SaleEvidenceModel.query(on: db).filter(\.$saleID == sale.requireID()).filter(\.$event == EvidenceEventKind.opened.rawValue).count()
                if opened == 0 {
                    try await SaleService.appendEvidence(to: sale, kind: .opened, at: req.now, channel: "link", fingerprint: fingerprint(req), on: db)
                    try await SaleService.storeEvidenceHead(of: sale, at: req.now, on: db)
                }
            }
        }
        return .html(ConsumerOfferView.render(model, context: req.pageContext), status: gone ? .gone : .ok)
    }

    enum Action { case accept, decline, withdraw }

    func answer(_ req: Request, _ action: Action) async throws -> Response {
        let (sale, auth, context) = try await lookup(req)
        let token = req.parameters.get("token") ?? ""
        let event: OfferEvent = switch action {
        case .accept: .accept(auth)
        case .decline: .decline(auth)
        case .withdraw: .withdraw(.consumer(auth))
        }
        var notice: String?
        var status: HTTPResponseStatus = .ok
        do {
            _ = try await SaleService.apply(event, to: sale, app: req.application, on: req.db, now: req.now, channel: "link", fingerprint: fingerprint(req), known: context)
        } catch let error as OfferTransitionError {
            notice = req.language == .en ? error.description : error.norwegian
            status = HTTPResponseStatus(statusCode: error.httpStatus)
        }
        // `apply` updated the model it stored, so the page needs no second read.
        let model = try ConsumerOfferView.Model(sale: sale, lifecycle: try sale.lifecycle(), token: token, english: req.language == .en, now: req.now, notice: notice)
        return .html(ConsumerOfferView.render(model, context: req.pageContext), status: status)
    }

    /// Keyed hash of address and user agent: evidence of the device without storing either.
    func fingerprint(_ req: Request) -> String {
        EvidenceFingerprint.hash(
            ipAddress: req.remoteAddress?.ipAddress ?? "", userAgent: req.headers.first(name: .userAgent) ?? "",
            key: SaleService.fingerprintKey(req.application))
    }
}

/// The consumer's offer page: the offer text exactly as stored, answers, receipt, withdrawal.
enum ConsumerOfferView {
    struct Model: Sendable {
        let state: OfferState
        let text: String
        let english: Bool
        let token: String
        let reference: String
        let clientName: String
        let acceptBy: Date?
        let acceptedAt: Date?
        let withdrawalLastDay: String?
        let canWithdraw: Bool
        let notice: String?

        init(sale: SaleModel, lifecycle: OfferLifecycle, token: String, english: Bool, now: Date, notice: String?) throws {
            state = lifecycle.state
            self.english = english
            text = (english ? sale.offerTextEN : sale.offerTextNB) ?? ""
            self.token = token
            reference = sale.reference
            let offer = try sale.offer()
            clientName = offer?.client.name ?? ""
            acceptBy = lifecycle.deadlines?.acceptBy
            acceptedAt = lifecycle.acceptedAt
            withdrawalLastDay = lifecycle.withdrawalDeadline.map { NorwegianFormat.isoDay($0.lastDay.iso8601) }
            canWithdraw = lifecycle.canWithdraw(at: now)
            self.notice = notice
        }
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let base = "/t/\(model.token)"
        return Layout.page(title: context.t(Phrase(nb: "Tilbud fra \(model.clientName)", en: "Offer from \(model.clientName)")), context: context) {
            if let notice = model.notice { el("p", .class("notice"), .init("role", "status")) { notice } }
            switch model.state {
            case .sent:
                el("p") { context.t(Phrase(nb: "Les hele tilbudet nedenfor. Du er bare bundet hvis du aksepterer skriftlig.", en: "Read the whole offer below. You are bound only if you accept in writing.")) }
                el("div", .class("actions")) {
                    Form.post(base + "/accept", csrf: context.csrf) { Form.submit("Jeg aksepterer tilbudet") }
                    Form.post(base + "/decline", csrf: context.csrf) { Form.submit("Nei takk", class: "button secondary") }
                }
            case .accepted:
                el("h2") { context.t(Phrase(nb: "Kvittering", en: "Receipt")) }
                el("p", .class("receipt")) {
                    context.t(Phrase(nb: "Du aksepterte tilbudet", en: "You accepted the offer")) + (model.acceptedAt.map { " " + NorwegianFormat.dateTime($0) } ?? "") + ". "
                        + context.t(Phrase(nb: "Referanse: ", en: "Reference: ")) + model.reference
                }
                if let last = model.withdrawalLastDay {
                    el("p") { context.t(Phrase(nb: "Angrefrist: til og med \(last).", en: "Withdrawal deadline: until \(last) inclusive.")) }
                }
                if model.canWithdraw {
                    Form.post(base + "/withdraw", csrf: context.csrf) { Form.submit(context.t(Phrase(nb: "Gå fra avtalen (angrerett)", en: "Withdraw (right of withdrawal)")), class: "button secondary") }
                }
            case .declined, .expired, .withdrawn:
                el("p", .class("gone")) {
                    switch model.state {
                    case .declined: context.t(Phrase(nb: "Du har takket nei. Du er ikke bundet. Referanse: \(model.reference)", en: "You declined. You are not bound. Reference: \(model.reference)"))
                    case .expired: context.t(Phrase(nb: "Svarfristen har gått ut. Du er ikke bundet, og tilbudet kan ikke lenger aksepteres.", en: "The deadline has passed. You are not bound and the offer can no longer be accepted."))
                    default: context.t(Phrase(nb: "Du har gått fra avtalen. Referanse: \(model.reference)", en: "You withdrew from the agreement. Reference: \(model.reference)"))
                    }
                }
            case .exempt:
                // Exempt from written acceptance (voluntary organisation, newspaper), not from the withdrawal right.
                el("h2") { context.t(Phrase(nb: "Bekreftelse av avtalen", en: "Confirmation of the agreement")) }
                el("p", .class("receipt")) {
                    context.t(Phrase(nb: "Avtalen ble inngått i telefonsamtalen", en: "The agreement was made in the telephone call"))
                        + (model.acceptedAt.map { " " + NorwegianFormat.dateTime($0) } ?? "") + ". "
                        + context.t(Phrase(nb: "Referanse: ", en: "Reference: ")) + model.reference
                }
                if let last = model.withdrawalLastDay {
                    el("p") { context.t(Phrase(nb: "Angrefrist: til og med \(last).", en: "Withdrawal deadline: until \(last) inclusive.")) }
                } else if model.canWithdraw {
                    el("p") { context.t(Phrase(nb: "Angrefristen begynner å løpe når du mottar den første leveransen.", en: "The withdrawal period starts when you receive the first delivery.")) }
                }
                if model.canWithdraw {
                    Form.post(base + "/withdraw", csrf: context.csrf) { Form.submit(context.t(Phrase(nb: "Gå fra avtalen (angrerett)", en: "Withdraw (right of withdrawal)")), class: "button secondary") }
                }
            case .draft:
                el("p") { context.t(Phrase(nb: "Det finnes ikke noe tilbud å svare på.", en: "There is no offer to answer.")) }
            }
            el("p", .class("lang-offer")) {
                el("a", .href(base + (model.english ? "?lang=nb" : "?lang=en"))) { model.english ? "Vis på norsk" : "Show in English" }
            }
            el("pre", .class("offer-text"), .lang(model.english ? "en" : "nb")) { model.text }
        }
    }
}
