import Fluent
import Foundation
import NIOConcurrencyHelpers
import TMNormCore
import Vapor

/// The consumer's side, no log-in: `/t/{token}` shows the offer exactly as sent; accept, decline and
/// withdraw are CSRF-protected forms. Unknown or malformed tokens are 404 and rate-limited per address.
struct ConsumerOfferRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.offer, use: show)
        routes.post(.offerAccept) { req in try await self.answer(req, .accept) }
        routes.post(.offerDecline) { req in try await self.answer(req, .decline) }
        routes.post(.offerWithdraw) { req in try await self.answer(req, .withdraw) }
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
                throw RateLimiter.tooMany(
                    retryAfter: exhausted, nb: "For mange ukjente lenker fra denne adressen.", en: "Too many unknown links from this address.")
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
        let model = try ConsumerOfferView.Model(
            sale: sale, lifecycle: lifecycle, token: token, english: req.query[String.self, at: "lang"] == "en" || req.language == .en, now: req.now,
            notice: nil)
        let gone = [.expired, .declined, .withdrawn].contains(lifecycle.state)
        if lifecycle.state == .sent {
            try await req.db.writeTransaction { db in
                // First view only: "opened" belongs in the timeline once.
                let opened = try await SaleEvidenceModel.query(on: db).filter(\.$saleID == sale.requireID()).filter(
                    \.$event == EvidenceEventKind.opened.rawValue
                ).count()
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
        let event: OfferEvent =
            switch action {
            case .accept: .accept(auth)
            case .decline: .decline(auth)
            case .withdraw: .withdraw(.consumer(auth))
            }
        var notice: String?
        var status: HTTPResponseStatus = .ok
        do {
            _ = try await SaleService.apply(
                event, to: sale, app: req.application, on: req.db, now: req.now, channel: "link", fingerprint: fingerprint(req), known: context)
        } catch let error as OfferTransitionError {
            notice = req.language == .en ? error.description : error.norwegian
            status = HTTPResponseStatus(statusCode: error.httpStatus)
        }
        // `apply` updated the model it stored, so the page needs no second read.
        let model = try ConsumerOfferView.Model(
            sale: sale, lifecycle: try sale.lifecycle(), token: token, english: req.language == .en, now: req.now, notice: notice)
        return .html(ConsumerOfferView.render(model, context: req.pageContext), status: status)
    }

    /// Keyed hash of address and user agent: evidence of the device without storing either.
    func fingerprint(_ req: Request) -> String {
        EvidenceFingerprint.hash(
            ipAddress: req.remoteAddress?.ipAddress ?? "", userAgent: req.headers.first(name: .userAgent) ?? "",
            key: SaleService.fingerprintKey(req.application))
    }
}
