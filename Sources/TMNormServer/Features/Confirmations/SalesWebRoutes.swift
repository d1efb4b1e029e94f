import Fluent
import Foundation
import TMNormCore
import Vapor

/// `/sales` and `/sales/:id`: the sales a call centre made (an agent sees only their own), the sales made
/// for a client, and for the association and the board every centre's sales, read-only. Acceptance rates
/// per campaign and per agent come from the core's `AcceptanceStatistics`; the evidence page verifies the
/// append-only chain with `EvidenceChainVerifier`. Neither page ever shows a link token or a reply code,
/// and nothing here changes a sale: only the consumer can accept.
struct SalesWebRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.sales, use: list)
        routes.get(.sale, use: show)
    }

    /// The filters as given in the query string (kept as text so the form shows them back).
    struct Filters: Sendable {
        var state = ""
        var campaign = ""
        var from = ""
        var to = ""
    }

    func list(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let principal = try req.requirePrincipal()
        var filters = Filters()
        filters.state = (req.query[String.self, at: "state"] ?? "").trimmingCharacters(in: .whitespaces)
        filters.campaign = (req.query[String.self, at: "campaign"] ?? "").trimmingCharacters(in: .whitespaces)
        filters.from = (req.query[String.self, at: "from"] ?? "").trimmingCharacters(in: .whitespaces)
        filters.to = (req.query[String.self, at: "to"] ?? "").trimmingCharacters(in: .whitespaces)

        var problems: [FieldProblem] = []
        if !filters.state.isEmpty, OfferState(rawValue: filters.state) == nil {
            problems.append(
                .init(
                    field: "state", reason: "one of \(OfferState.allCases.map(\.rawValue).joined(separator: ", "))",
                    message: Phrase(nb: "velg en av statusene i lista", en: "choose one of the states in the list")))
        }
        if !filters.campaign.isEmpty, UUID(uuidString: filters.campaign) == nil {
            problems.append(.init(field: "campaign", Phrase(nb: "er ikke en kampanje", en: "is not a campaign id")))
        }
        func day(_ text: String, _ field: String) -> LocalDate? {
            guard !text.isEmpty else { return nil }
            guard let date = try? LocalDate(parsing: text) else {
                problems.append(.init(field: field, Phrase(nb: "en dato som dd.mm.åååå", en: "a date as YYYY-MM-DD")))
                return nil
            }
            return date
        }
        let fromDay = day(filters.from, "from")
        let toDay = day(filters.to, "to")
        if let fromDay, let toDay, toDay < fromDay { problems.append(.init(field: "to", Phrase(nb: "er før fra-datoen", en: "is before from"))) }
        guard problems.isEmpty else { throw AppError.invalid(problems) }

        let period = SalesPeriod(from: fromDay.map(OsloTime.startOfDay), until: toDay.map { OsloTime.startOfDay($0.adding(days: 1)) })
        var model = try await SalesListView.Model.query(filters, period: period, for: user, principal: principal, on: req.db)
        // Search (reference, consumer, product, campaign, agent), paging and CSV with the shared list helper.
        let list = ListQuery(req, filters: ["state", "campaign", "from", "to"])
        model.rows = model.rows.filter { list.matches([$0.reference, $0.consumer, $0.product, $0.campaign, $0.agent ?? "", $0.client]) }
        model.list = list
        if list.wantsCSV {
            let table = SalesListView.csv(model.rows, context: req.pageContext)
            return CSVExport.response(name: "salg", headings: table.headings, rows: table.rows)
        }
        return .html(SalesListView.render(model, context: req.pageContext))
    }

    func show(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let principal = try req.requirePrincipal()
        let sale = try await SaleService.find(try req.uuidParameter(), principal, on: req.db)
        // An agent sees only the sales they registered, as in the list.
        if user.role == .agent, sale.agentID != user.id { throw AppError.notFound() }
        var model = try await SaleEvidenceView.Model.query(sale, for: user, today: req.osloToday, on: req.db)
        model.justSent = req.query[String.self, at: "sent"] == "1"
        return .html(SaleEvidenceView.render(model, context: req.pageContext))
    }
}

extension SalesListView.Model {
    /// The sales matching `filters`, the acceptance rates over every state in the same campaign and period,
    /// and the names behind the ids.
    static func query(
        _ filters: SalesWebRoutes.Filters, period: SalesPeriod, for user: CurrentUser, principal: RequestPrincipal, on db: any Database
    ) async throws -> Self {
        let sales = try await SaleService.search(principal, state: filters.state, campaign: filters.campaign, period: period, on: db)
        // Rates over every state (a state filter would distort them), same campaign and period.
        let all = try await SaleService.search(principal, state: nil, campaign: filters.campaign, period: period, on: db, limit: 100_000)
        let report = AcceptanceStatistics.aggregate(
            all.compactMap { sale in
                OfferState(rawValue: sale.state).map {
                    AcceptanceRow(campaignID: sale.campaignID.uuidString.lowercased(), agentID: sale.agentID?.uuidString.lowercased(), state: $0)
                }
            })

        let campaigns = try await SalesNames.campaigns(principal, on: db)
        let agentIDs = Set(all.compactMap(\.agentID) + sales.compactMap(\.agentID))
        let agents =
            agentIDs.isEmpty
            ? [:]
            : Dictionary(
                try await UserModel.query(on: db).filter(\.$id ~~ agentIDs).all().compactMap { u in u.id.map { ($0, u.name) } },
                uniquingKeysWith: { a, _ in a })
        let organisationIDs = Set(sales.flatMap { [$0.callCentreID, $0.clientID] })
        let organisations =
            organisationIDs.isEmpty
            ? [:]
            : Dictionary(
                try await OrganisationModel.query(on: db).filter(\.$id ~~ organisationIDs).all().compactMap { o in o.id.map { ($0, o.name) } },
                uniquingKeysWith: { a, _ in a })

        return Self(
            filters: filters,
            rows: sales.map { sale in
                SalesListView.Row(
                    id: sale.id ?? UUID(), createdAt: sale.createdAt, reference: sale.reference, consumer: sale.consumerName, product: sale.product,
                    campaign: campaigns[sale.campaignID] ?? "–", callCentre: organisations[sale.callCentreID] ?? "–",
                    client: organisations[sale.clientID] ?? "–",
                    agent: sale.agentID.flatMap { agents[$0] }, state: sale.state)
            },
            overall: report.overall,
            perCampaign: report.perCampaign.map { ($0.key.flatMap(UUID.init(uuidString:)).flatMap { campaigns[$0] } ?? "–", $0) },
            perAgent: report.perAgent.map { tally in
                (tally.key.flatMap(UUID.init(uuidString:)).flatMap { agents[$0] }, tally)
            },
            campaignOptions: campaigns.map { ($0.key.uuidString.lowercased(), $0.value) }.sorted { $0.1 < $1.1 },
            readOnlyOversight: user.role == .associationAdmin || user.role == .boardMember)
    }
}

extension SaleEvidenceView.Model {
    /// A sale's evidence page: the verified chain, the names behind the ids, and the staff forms `user` may use.
    static func query(_ sale: SaleModel, for user: CurrentUser, today: LocalDate, on db: any Database) async throws -> Self {
        let saleID = try sale.requireID()
        let rows = try await SaleEvidenceModel.query(on: db).filter(\.$saleID == saleID).sort(\.$sequence, .ascending).all()
        let entries = rows.compactMap(\.entry)
        let verification: EvidenceVerification
        if let unreadable = rows.firstIndex(where: { $0.entry == nil }) {
            verification = .broken(index: unreadable, problem: .entryHashMismatch)
        } else {
            verification = EvidenceChainVerifier.verify(entries, saleID: saleID.uuidString.lowercased(), expectedHead: sale.evidenceHead)
        }
        let campaign = try await CampaignModel.find(sale.campaignID, on: db)
        let organisations = Dictionary(
            try await OrganisationModel.query(on: db).filter(\.$id ~~ [sale.callCentreID, sale.clientID]).all().compactMap { o in
                o.id.map { ($0, o.name) }
            },
            uniquingKeysWith: { a, _ in a })
        let agent = try await sale.agentID.asyncMap { try await UserModel.find($0, on: db)?.name }
        let lifecycle = try? sale.lifecycle()
        let actors = try await actorNames(in: entries.compactMap(\.detail) + [sale.registeredBy], on: db)
        return Self(
            reference: sale.reference, state: sale.state, consumer: sale.consumerName, product: sale.product,
            campaign: campaign?.name ?? "–", callCentre: organisations[sale.callCentreID] ?? "–", client: organisations[sale.clientID] ?? "–",
            agent: agent ?? nil, registeredBy: sale.registeredBy, createdAt: sale.createdAt,
            acceptBy: lifecycle?.deadlines?.acceptBy, withdrawalDeadline: lifecycle?.withdrawalDeadline?.lastDay.iso8601,
            exemption: lifecycle?.exemption?.rawValue,
            offerText: sale.offerTextNB,
            offerSHA256: sale.offerSHA256, entries: entries, actors: actors, verification: verification,
            staff: (user.role == .callCentreAdmin || user.role == .clientUser)
                ? SaleStaffForms.Model(
                    saleID: saleID, state: sale.state, isGoods: lifecycle?.productKind == .goods,
                    goodsReceivedOn: lifecycle?.goodsReceivedOn, today: today) : nil,
            logIndexes: try await EvidenceLog.leafIndexes(subject: saleID, on: db))
    }
}

extension SaleEvidenceView.Model {
    /// The names behind `user:UUID` and `api-key:UUID` in recorded texts: the user's name, the key's name.
    static func actorNames(in texts: [String], on db: any Database) async throws -> [String: String] {
        var users = Set<UUID>(), keys = Set<UUID>()
        for text in texts {
            for word in text.split(whereSeparator: { $0 == " " || $0 == "," }) {
                let token = word.hasSuffix(":") ? word.dropLast() : word
                if token.hasPrefix("user:"), let id = UUID(uuidString: String(token.dropFirst(5))) { users.insert(id) }
                if token.hasPrefix("api-key:"), let id = UUID(uuidString: String(token.dropFirst(8))) { keys.insert(id) }
            }
        }
        var names: [String: String] = [:]
        if !users.isEmpty {
            for user in try await UserModel.query(on: db).filter(\.$id ~~ users).all() {
                if let id = user.id { names["user:\(id.uuidString.lowercased())"] = user.name }
            }
        }
        if !keys.isEmpty {
            for key in try await APIKeyModel.query(on: db).filter(\.$id ~~ keys).all() {
                if let id = key.id { names["api-key:\(id.uuidString.lowercased())"] = "API (\(key.name))" }
            }
        }
        return names
    }
}

extension Optional {
    fileprivate func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        switch self {
        case .some(let value): try await transform(value)
        case .none: nil
        }
    }
}

/// Names for the list: the campaigns the principal may see sales of.
enum SalesNames {
    static func campaigns(_ principal: RequestPrincipal, on db: any Database) async throws -> [UUID: String] {
        let query = CampaignModel.query(on: db)
        if AccessPolicy.organisationScope(principal.actor) != .all {
            let own = principal.organisationID
            query.group(.or) { $0.filter(\.$callCentre.$id == own).filter(\.$client.$id == own) }
        }
        return Dictionary(try await query.all().compactMap { c in c.id.map { ($0, c.name) } }, uniquingKeysWith: { a, _ in a })
    }
}
