import Fluent
import Foundation
import TMNormCore
import Vapor

/// `POST /api/v1/sales`, `GET /api/v1/sales`, `GET /api/v1/sales/{id}`, `GET /api/v1/sales/statistics`.
struct SaleAPIRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.POST, "sales", body: .collect(maxSize: "64kb"), use: create)
        routes.get("sales", use: list)
        routes.get("sales", "statistics", use: statistics)
        routes.get("sales", ":id", use: show)
    }

    func create(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let registration = try await SaleService.register(
            rawBody: req.body.data, idempotencyKey: req.headers.first(name: "Idempotency-Key"), principal: principal, req: req)
        let response = Response(status: registration.replayed ? .ok : .created)
        try response.content.encode(try SaleDTO(registration.sale), as: .json)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/sales/\(try registration.sale.requireID().uuidString.lowercased())")
        if registration.replayed { response.headers.replaceOrAdd(name: "Idempotent-Replayed", value: "true") }
        return response
    }

    func show(req: Request) async throws -> SaleDTO {
        let principal = try req.requirePrincipal()
        return try SaleDTO(try await SaleService.find(try req.uuidParameter(), principal, on: req.db))
    }

    func list(req: Request) async throws -> ListDTO<SaleDTO> {
        let principal = try req.requirePrincipal()
        let sales = try await SaleService.search(
            principal, state: req.query[String.self, at: "state"], campaign: req.query[String.self, at: "campaign"], on: req.db)
        return ListDTO(items: try sales.map(SaleDTO.init))
    }

    struct StatisticsDTO: Content {
        let overall: AcceptanceTally
        let per_campaign: [AcceptanceTally]
        let per_agent: [AcceptanceTally]
    }

    func statistics(req: Request) async throws -> StatisticsDTO {
        let principal = try req.requirePrincipal()
        let sales = try await SaleService.search(principal, state: nil, campaign: req.query[String.self, at: "campaign"], on: req.db, limit: 100_000)
        let report = AcceptanceStatistics.aggregate(
            sales.compactMap { sale in
                OfferState(rawValue: sale.state).map {
                    AcceptanceRow(campaignID: sale.campaignID.uuidString.lowercased(), agentID: sale.agentID?.uuidString.lowercased(), state: $0)
                }
            })
        return StatisticsDTO(overall: report.overall, per_campaign: report.perCampaign, per_agent: report.perAgent)
    }
}

/// A sale as the API returns it: never the link token or the reply code.
struct SaleDTO: Content {
    struct Consumer: Content {
        let name: String
        let phone: String?
        let email: String?
    }

    struct Price: Content {
        let amount: String
        let currency: String
        let period: String
    }

    let id: UUID
    let state: String
    let reference: String
    let campaign_id: UUID
    let call_centre_id: UUID
    let client_id: UUID
    let consumer: Consumer
    let product: String
    let price: Price
    let binding_months: Int
    let start_date: String?
    let exemption: String?
    let offer_sha256: String?
    let accept_by: Date?
    let reminder_due_at: Date?
    let reminder_sent_at: Date?
    let accepted_at: Date?
    let accepted_via: String?
    let withdrawal_deadline: String?
    let closed_at: Date?
    let evidence_head: String
    let created_at: Date

    init(_ sale: SaleModel) throws {
        let lifecycle = try sale.lifecycle()
        let draft = try sale.draft()
        id = try sale.requireID()
        state = sale.state
        reference = sale.reference
        campaign_id = sale.campaignID
        call_centre_id = sale.callCentreID
        client_id = sale.clientID
        consumer = Consumer(name: sale.consumerName, phone: sale.consumerPhone, email: sale.consumerEmail)
        product = sale.product
        price = Price(amount: draft.price.amount.decimalString, currency: MoneyAmount.currencyCode, period: draft.price.period.rawValue)
        binding_months = draft.bindingMonths
        start_date = draft.startDate?.iso8601
        exemption = lifecycle.exemption?.rawValue
        offer_sha256 = sale.offerSHA256
        accept_by = lifecycle.deadlines?.acceptBy
        reminder_due_at = lifecycle.deadlines?.reminderDueAt
        reminder_sent_at = lifecycle.reminderSentAt
        accepted_at = lifecycle.acceptedAt
        accepted_via = lifecycle.acceptedVia?.rawValue
        withdrawal_deadline = lifecycle.withdrawalDeadline?.lastDay.iso8601
        closed_at = lifecycle.closedAt
        evidence_head = sale.evidenceHead
        created_at = sale.createdAt
    }
}
