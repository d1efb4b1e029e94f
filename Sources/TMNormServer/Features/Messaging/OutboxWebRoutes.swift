import Fluent
import Foundation
import TMNormCore
import Vapor

/// `/outbox`: administrators see what is queued, sent, failed and dead, and requeue dead letters.
/// The association's administrators see every message; a call centre's administrators their own
/// organisation's — never a text that may hold a consumer's token or code.
struct OutboxWebRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.outbox, use: list)
        routes.post(.requeueMessage, use: requeue)
    }

    /// nil = every organisation; otherwise the one the administrator belongs to.
    static func scope(_ user: CurrentUser) throws -> UUID?? {
        switch user.role {
        case .associationAdmin: return .some(nil)
        case .callCentreAdmin: return .some(user.organisationID)
        default: throw AppError.forbidden()
        }
    }

    func list(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let scope = try Self.scope(user)
        let list = ListQuery(req, filters: OutboxView.filterNames)
        // The newest 2 000 messages are searched and paged here; older ones are the database's business.
        let query = OutboxMessageModel.query(on: req.db).sort(\.$createdAt, .descending).range(..<2000)
        if case .some(.some(let own)) = scope { query.filter(\.$organisationID == own) }
        if let status = list.filter("status"), let wanted = OutboxMessageModel.Status(rawValue: status) {
            query.filter(\.$statusRaw == wanted.rawValue)
        }
        let rows = try await query.all()
        let everything = scope == .some(nil)
        let model = OutboxView.Model(
            rows: rows.map { row in
                // Only kept development texts and webhook payloads are shown, and only to the association.
                let showText = everything && ((row.status == .sent && row.transport == "development") || row.kind == .webhook)
                return OutboxView.Row(
                    id: row.id ?? UUID(), kind: row.kind, recipient: Self.masked(row.recipient, kind: row.kind), subject: row.subject,
                    status: row.status, attempts: row.attempts, nextAttemptAt: row.nextAttemptAt, lastError: row.lastError,
                    transport: row.transport, segments: row.segments, createdAt: row.createdAt, sentAt: row.sentAt,
                    text: showText ? row.body : nil, bodySHA256: row.bodySHA256,
                    deliveryStatus: row.deliveryStatus, deliveryReportedAt: row.deliveryReportedAt)
            }.filter { list.matches([$0.recipient, $0.subject ?? "", $0.kind.rawValue]) },
            query: list)
        if list.wantsCSV {
            let table = OutboxView.csv(model.rows, context: req.pageContext)
            return CSVExport.response(name: "utboks", headings: table.headings, rows: table.rows)
        }
        return .html(OutboxView.render(model, context: req.pageContext))
    }

    func requeue(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let scope = try Self.scope(user)
        let id = try req.uuidParameter()
        guard let row = try await OutboxMessageModel.find(id, on: req.db) else { throw AppError.notFound() }
        if case .some(.some(let own)) = scope, row.organisationID != own { throw AppError.notFound() }
        try await OutboxWorker.requeue(id, on: req.db, now: req.now)
        return req.redirect(to: .outbox)
    }

    /// "+47 9•••• 567", "o•••@example.no": enough to tell messages apart, not a contact list.
    static func masked(_ recipient: String, kind: MessageKind) -> String {
        switch kind {
        case .sms:
            let chars = Array(recipient)
            guard chars.count > 6 else { return "•••" }
            return String(chars.prefix(4)) + String(repeating: "•", count: chars.count - 7) + String(chars.suffix(3))
        case .email:
            guard let at = recipient.firstIndex(of: "@") else { return "•••" }
            return String(recipient.prefix(1)) + "•••" + String(recipient[at...])
        case .webhook:
            return URLComponents(string: recipient)?.host ?? "•••"
        }
    }
}
