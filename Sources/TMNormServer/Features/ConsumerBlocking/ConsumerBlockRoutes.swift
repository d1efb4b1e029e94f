import Fluent
import Foundation
import TMNormCore
import Vapor

/// `/stop-calls`: public pages where a consumer puts their number on one business's block list.
struct ConsumerBlockRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.stopCalls, use: form)
        routes.get(.stopCallsBusinesses, use: businesses)
        routes.post(.stopCalls, use: start)
        routes.get(.stopCallsRequest, use: codeForm)
        routes.post(.stopCallsRequest, use: confirm)
    }

    /// `?business=` fills the name in (the suggestions a failed search shows link here).
    func form(req: Request) async throws -> Response {
        let business = String((req.query[String.self, at: "business"] ?? "").prefix(200))
        return .html(ConsumerBlockView.start(business: business, problems: [], context: req.pageContext))
    }

    struct Suggestion: Content {
        let name: String
        let orgnr: String
    }

    /// `GET /stop-calls/businesses?q=…`: names for the form's suggestions as the consumer types (JSON).
    func businesses(req: Request) async throws -> Response {
        let found = try await ConsumerBlockService.suggestions(for: req.query[String.self, at: "q"], on: req.db)
        let response = Response(status: .ok)
        try response.content.encode(found.map { Suggestion(name: $0.name, orgnr: $0.orgnr) }, as: .json)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    struct StartInput: Content {
        var phone: String?
        var business: String?
    }

    func start(req: Request) async throws -> Response {
        let input = try req.content.decode(StartInput.self)
        // Each request sends an SMS: limited per number (in the service) and per client address (here).
        let limiter = req.application.rateLimiters.stopCallsPerAddress
        if let wait = limiter.retryAfter(req.clientAddress, now: req.now) {
            throw RateLimiter.tooMany(retryAfter: wait, nb: "For mange forespørsler fra denne adressen.", en: "Too many requests from this address.")
        }
        // Counted before the SMS is queued, so parallel requests cannot all pass the check first.
        limiter.record(req.clientAddress, now: req.now)
        do {
            let request = try await ConsumerBlockService.start(phone: input.phone, business: input.business, app: req.application, on: req.db)
            return req.redirect(to: .stopCallsRequest(try request.requireID()))
        } catch let error as AppError where !error.fields.isEmpty {
            // A name that matched no business exactly: offer the near ones, so the page works without JavaScript.
            let near = try await ConsumerBlockService.suggestions(for: input.business, on: req.db).map(\.name)
            return .html(
                ConsumerBlockView.start(business: input.business ?? "", problems: error.fields, suggestions: near, context: req.pageContext),
                status: error.status)
        }
    }

    func codeForm(req: Request) async throws -> Response {
        let id = try req.uuidParameter()
        guard try await BlockRequestModel.find(id, on: req.db) != nil else { throw AppError.notFound() }
        return .html(ConsumerBlockView.code(requestID: id, problem: nil, context: req.pageContext))
    }

    struct CodeInput: Content { var code: String? }

    func confirm(req: Request) async throws -> Response {
        let id = try req.uuidParameter()
        do {
            let organisation = try await ConsumerBlockService.confirm(
                requestID: id, code: try req.content.decode(CodeInput.self).code, app: req.application, on: req.db)
            return .html(ConsumerBlockView.done(business: organisation.name, context: req.pageContext))
        } catch let error as AppError where !error.fields.isEmpty {
            return .html(
                ConsumerBlockView.code(requestID: id, problem: error.fields.first?.text(req.language), context: req.pageContext), status: error.status
            )
        }
    }
}
