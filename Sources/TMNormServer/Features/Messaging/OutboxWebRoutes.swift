import Fluent
import Foundation
import TMNormCore
import Vapor

/// `/outbox`: administrators see what is queued, sent, failed and dead, and requeue dead letters.
/// The association's administrators see every message; a call centre's administrators their own
/// organisation's — never a text that may hold a consumer's token or code.
struct OutboxWebRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("outbox", use: list)
        routes.post("outbox", ":id", "requeue", use: requeue)
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
        let query = OutboxMessageModel.query(on: req.db).sort(\.$createdAt, .descending).range(..<200)
        if case .some(.some(let own)) = scope { query.filter(\.$organisationID == own) }
        if let status = req.query[String.self, at: "status"], let wanted = OutboxMessageModel.Status(rawValue: status) {
            query.filter(\.$statusRaw == wanted.rawValue)
        }
        let rows = try await query.all()
        let everything = scope == .some(nil)
        let model = OutboxView.Model(rows: rows.map { row in
            // Only kept development texts and webhook payloads are shown, and only to the association.
            let showText = everything && ((row.status == .sent && row.transport == "development") || row.kind == .webhook)
            return OutboxView.Row(
                id: row.id ?? UUID(), kind: row.kind, recipient: Self.masked(row.recipient, kind: row.kind), subject: row.subject,
                status: row.status, attempts: row.attempts, nextAttemptAt: row.nextAttemptAt, lastError: row.lastError,
                transport: row.transport, segments: row.segments, createdAt: row.createdAt, sentAt: row.sentAt,
                text: showText ? row.body : nil, bodySHA256: row.bodySHA256,
                deliveryStatus: row.deliveryStatus, deliveryReportedAt: row.deliveryReportedAt)
        })
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

/// The outbox page.
enum OutboxView {
    struct Row: Sendable {
        let id: UUID
        let kind: MessageKind
        let recipient: String
        let subject: String?
        let status: OutboxMessageModel.Status
        let attempts: Int
        let nextAttemptAt: Date
        let lastError: String?
        let transport: String?
        let segments: Int?
        let createdAt: Date
        let sentAt: Date?
        let text: String?
        let bodySHA256: String
        var deliveryStatus: String? = nil
        var deliveryReportedAt: Date? = nil
    }

    struct Model: Sendable {
        let rows: [Row]
    }

    static func statusLabel(_ status: OutboxMessageModel.Status) -> Phrase {
        switch status {
        case .queued: Phrase(nb: "I kø", en: "Queued")
        case .sending: Phrase(nb: "Sendes", en: "Sending")
        case .sent: Phrase(nb: "Sendt", en: "Sent")
        case .failed: Phrase(nb: "Avvist", en: "Refused")
        case .dead: Phrase(nb: "Død (forsøk brukt opp)", en: "Dead letter (retries exhausted)")
        }
    }

    static func render(_ model: Model, context: PageContext) -> String {
        Layout.page(title: context.t(Phrase(nb: "Utboks", en: "Outbox")), context: context) {
            el("p") { context.t(Phrase(nb: "Alt som sendes (SMS, e-post, webhooks) går gjennom utboksen og prøves på nytt med økende ventetid. Tekster med lenke og kode vises ikke etter sending.", en: "Everything sent (SMS, e-mail, webhooks) goes through the outbox and is retried with growing delays. Texts holding a link and code are not shown after delivery.")) }
            el("form", .method("get"), .action(SiteRoute.outbox.path), .class("form")) {
                Form.select(
                    context.t(Phrase(nb: "Status", en: "Status")), name: "status",
                    options: [("", context.t(Phrase(nb: "Alle", en: "All")))] + OutboxMessageModel.Status.allCases.map { ($0.rawValue, context.t(statusLabel($0))) })
                Form.submit(context.t(Phrase(nb: "Vis", en: "Show")))
            }
            if model.rows.isEmpty {
                el("p") { context.t(Phrase(nb: "Ingen meldinger.", en: "No messages.")) }
            }
            el("div", .class("table-wrap")) {
                el("table") {
                    el("thead") {
                        el("tr") {
                            el("th") { context.t(Phrase(nb: "Opprettet", en: "Created")) }
                            el("th") { context.t(Phrase(nb: "Type", en: "Kind")) }
                            el("th") { context.t(Phrase(nb: "Mottaker", en: "Recipient")) }
                            el("th") { context.t(Phrase(nb: "Status", en: "Status")) }
                            el("th") { context.t(Phrase(nb: "Forsøk", en: "Attempts")) }
                            el("th") { context.t(Phrase(nb: "Detaljer", en: "Details")) }
                        }
                    }
                    el("tbody") {
                        for row in model.rows {
                            el("tr", .data("status", row.status.rawValue)) {
                                el("td") { NorwegianFormat.dateTime(row.createdAt) }
                                el("td") { row.kind.rawValue + (row.segments.map { " (\($0) SMS)" } ?? "") }
                                el("td") { row.recipient }
                                el("td") { context.t(statusLabel(row.status)) }
                                el("td") { String(row.attempts) }
                                el("td") {
                                    if let subject = row.subject { el("p") { subject } }
                                    if row.status == .queued && row.attempts > 0 {
                                        el("p") { context.t(Phrase(nb: "Neste forsøk: ", en: "Next attempt: ")) + NorwegianFormat.dateTime(row.nextAttemptAt) }
                                    }
                                    if let sentAt = row.sentAt { el("p") { context.t(Phrase(nb: "Sendt ", en: "Sent ")) + NorwegianFormat.dateTime(sentAt) + (row.transport.map { " · \($0)" } ?? "") } }
                                    if let delivery = row.deliveryStatus {
                                        el("p", .data("delivery", delivery)) {
                                            context.t(delivery == "delivered"
                                                ? Phrase(nb: "Levert til mottaker ", en: "Delivered to recipient ")
                                                : Phrase(nb: "Ikke levert (\(delivery)) ", en: "Not delivered (\(delivery)) "))
                                                + (row.deliveryReportedAt.map(NorwegianFormat.dateTime) ?? "")
                                        }
                                    }
                                    if let error = row.lastError { el("p", .class("field-error")) { error } }
                                    if let text = row.text { el("pre", .class("message-text")) { text } }
                                    el("small") { "SHA-256 " + String(row.bodySHA256.prefix(16)) + "…" }
                                    if row.status == .dead || row.status == .failed {
                                        Form.post("/outbox/\(row.id.uuidString.lowercased())/requeue", csrf: context.csrf) {
                                            Form.submit(context.t(Phrase(nb: "Send på nytt", en: "Requeue")))
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
