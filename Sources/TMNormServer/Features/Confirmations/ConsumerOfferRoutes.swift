import Fluent
import Foundation
import NIOConcurrencyHelpers
import TMNormCore
import Vapor

/// The consumer's side, no log-in: `/t/{token}` shows the offer exactly as sent; accept, decline and
/// withdraw are CSRF-protected forms. A GET of each answer's address is the page that asks once more (the
/// withdrawal form); the POST with the form's fields alone answers, as it always did. Unknown or malformed
/// tokens are 404 and rate-limited per address.
struct ConsumerOfferRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.offer, use: show)
        routes.get(.offerAccept) { req in try await self.confirm(req, .confirmAccept) }
        routes.get(.offerDecline) { req in try await self.confirm(req, .confirmDecline) }
        routes.get(.offerWithdraw) { req in try await self.confirm(req, .withdrawForm) }
        routes.post(.offerAccept) { req in try await self.answer(req, .accept) }
        routes.post(.offerDecline) { req in try await self.answer(req, .decline) }
        routes.post(.offerWithdraw) { req in try await self.answer(req, .withdraw) }
        routes.get(.offerProof, use: proof)
    }

    /// The proof bundle of the sale's latest evidence entry (the consumer's answer on a receipt); leaves
    /// still queued are moved into the log first, so the proof is there the moment the answer is given.
    func proof(req: Request) async throws -> Response {
        let (sale, _, _) = try await lookup(req)
        let saleID = try sale.requireID()
        var indexes = try await EvidenceLog.leafIndexes(subject: saleID, on: req.db)
        let queued = try await EvidenceLog.isQueued(subject: saleID, on: req.db)
        if indexes.isEmpty || queued {
            try await req.application.evidenceLog.flush(on: req.db, now: req.now)
            indexes = try await EvidenceLog.leafIndexes(subject: saleID, on: req.db)
        }
        guard let latest = indexes.max(by: { $0.key < $1.key })?.value else { throw AppError.notFound() }
        let text = try await EvidenceLog.bundle(index: latest, app: req.application, on: req.db, now: req.now)
        var headers = HTTPHeaders()
        headers.contentType = .plainText
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(sale.reference)-bevis.proof\"")
        return Response(status: .ok, headers: headers, body: .init(string: text))
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
        let model = try ConsumerOfferView.Model(sale: sale, lifecycle: lifecycle, token: token, language: req.language, now: req.now, notice: nil)
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

    /// The step that asks once more; when the answer is no longer possible (already given, expired), the
    /// offer's own page says why (also where a language link on an answer's result leads).
    func confirm(_ req: Request, _ step: ConsumerOfferView.Step) async throws -> Response {
        let (sale, _, _) = try await lookup(req)
        let lifecycle = try sale.lifecycle()
        let token = req.parameters.get("token") ?? ""
        let open =
            switch step {
            case .confirmAccept, .confirmDecline: lifecycle.state == .sent
            case .withdrawForm: lifecycle.canWithdraw(at: req.now)
            case .offer: true
            }
        guard open else {
            return req.redirect(to: SiteRoute.offer(token: token).path(query: ["lang": req.language.rawValue]), redirectType: .normal)
        }
        let model = try ConsumerOfferView.Model(sale: sale, lifecycle: lifecycle, token: token, language: req.language, now: req.now, notice: nil)
        return .html(ConsumerOfferView.render(model, context: req.pageContext, step: step))
    }

    enum Action { case accept, decline, withdraw }

    struct WithdrawInput: Content {
        var message: String?
    }

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
        // The withdrawal form's optional message goes into the evidence with the withdrawal.
        var detail: String?
        if action == .withdraw {
            let message = ((try? req.content.decode(WithdrawInput.self))?.message ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if message.count > 500 {
                let model = try ConsumerOfferView.Model(
                    sale: sale, lifecycle: try sale.lifecycle(), token: token, language: req.language, now: req.now,
                    notice: req.pageContext.t(Phrase(nb: "Meldingen kan ha høyst 500 tegn.", en: "The message can have at most 500 characters.")))
                return .html(ConsumerOfferView.render(model, context: req.pageContext, step: .withdrawForm), status: .unprocessableEntity)
            }
            if !message.isEmpty { detail = "withdrawal form message: " + message }
        }
        do {
            _ = try await SaleService.apply(
                event, to: sale, app: req.application, on: req.db, now: req.now, channel: "link", fingerprint: fingerprint(req), detail: detail,
                known: context)
        } catch let error as OfferTransitionError {
            notice = req.language == .en ? error.description : error.norwegian
            status = HTTPResponseStatus(statusCode: error.httpStatus)
        }
        // `apply` updated the model it stored, so the page needs no second read.
        let model = try ConsumerOfferView.Model(
            sale: sale, lifecycle: try sale.lifecycle(), token: token, language: req.language, now: req.now, notice: notice)
        return .html(ConsumerOfferView.render(model, context: req.pageContext), status: status)
    }

    /// Keyed hash of address and user agent: evidence of the device without storing either.
    func fingerprint(_ req: Request) -> String {
        EvidenceFingerprint.hash(
            ipAddress: req.remoteAddress?.ipAddress ?? "", userAgent: req.headers.first(name: .userAgent) ?? "",
            key: SaleService.fingerprintKey(req.application))
    }
}
