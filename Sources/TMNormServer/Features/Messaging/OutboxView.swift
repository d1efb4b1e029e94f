import Foundation
import TMNormCore

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
        /// The rows that match the search and filter (all pages).
        let rows: [Row]
        var query = ListQuery()
    }

    static let filterNames = ["status"]

    static func tone(_ status: OutboxMessageModel.Status) -> Badge.Tone {
        switch status {
        case .sent: .ok
        case .queued: .warn
        case .sending: .info
        case .failed, .dead: .bad
        }
    }

    /// The CSV download: what the table shows, every page (never a message text).
    static func csv(_ rows: [Row], context: PageContext) -> (headings: [String], rows: [[String]]) {
        (
            [
                context.t(Phrase(nb: "Opprettet", en: "Created")), context.t(Phrase(nb: "Type", en: "Kind")),
                context.t(Phrase(nb: "Mottaker", en: "Recipient")), context.t(Phrase(nb: "Emne", en: "Subject")),
                context.t(Phrase(nb: "Status", en: "Status")), context.t(Phrase(nb: "Forsøk", en: "Attempts")),
                context.t(Phrase(nb: "Sendt", en: "Sent")),
            ],
            rows.map {
                [
                    NorwegianFormat.dateTime($0.createdAt), $0.kind.rawValue, $0.recipient, $0.subject ?? "", context.t(statusLabel($0.status)),
                    String($0.attempts), $0.sentAt.map(NorwegianFormat.dateTime) ?? "",
                ]
            }
        )
    }

    static func kindLabel(_ kind: MessageKind) -> Phrase {
        switch kind {
        case .sms: Phrase(nb: "SMS", en: "SMS")
        case .email: Phrase(nb: "E-post", en: "E-mail")
        case .webhook: Phrase(nb: "Webhook til oppdragsgiver", en: "Webhook to the client")
        }
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
        let page = model.query.page(model.rows)
        return Layout.page(title: context.t(Phrase(nb: "Utboks", en: "Outbox")), context: context) {
            el("p") {
                context.t(
                    Phrase(
                        nb:
                            "Alt som sendes (SMS, e-post, webhooks) går gjennom utboksen og prøves på nytt med økende ventetid. Tekster med lenke og kode vises ikke etter sending.",
                        en:
                            "Everything sent (SMS, e-mail, webhooks) goes through the outbox and is retried with growing delays. Texts holding a link and code are not shown after delivery."
                    ))
            }
            ListControls.toolbar(
                path: SiteRoute.outbox.path, query: model.query,
                searchLabel: context.t(Phrase(nb: "Søk i mottaker og emne", en: "Search recipient and subject")),
                filters: [
                    .init(
                        name: "status", label: context.t(Phrase(nb: "Status", en: "Status")),
                        options: OutboxMessageModel.Status.allCases.map { ($0.rawValue, context.t(statusLabel($0))) })
                ], context: context)
            if page.rows.isEmpty {
                EmptyState.make(
                    title: context.t(Phrase(nb: "Ingen meldinger", en: "No messages")),
                    what: context.t(
                        model.query.search.isEmpty && model.query.filters.isEmpty
                            ? Phrase(nb: "Meldinger står her når noe sendes.", en: "Messages appear here when something is sent.")
                            : Phrase(nb: "Ingen treff. Prøv et annet søk eller velg «Alle».", en: "No matches. Try another search or choose “All”.")))
            }
            Table.scrolling(headings: [
                context.t(Phrase(nb: "Opprettet", en: "Created")),
                context.t(Phrase(nb: "Type", en: "Kind")),
                context.t(Phrase(nb: "Mottaker", en: "Recipient")),
                context.t(Phrase(nb: "Status", en: "Status")),
                context.t(Phrase(nb: "Forsøk", en: "Attempts")),
                context.t(Phrase(nb: "Detaljer", en: "Details")),
            ]) {
                for row in page.rows {
                    el("tr", .data("status", row.status.rawValue)) {
                        el("td") { NorwegianFormat.dateTime(row.createdAt) }
                        el("td") { context.t(kindLabel(row.kind)) + (row.segments.map { " (\($0) SMS)" } ?? "") }
                        el("td") { row.recipient }
                        el("td") { Badge.make(context.t(statusLabel(row.status)), tone: tone(row.status)) }
                        el("td") { String(row.attempts) }
                        el("td") {
                            if let subject = row.subject { el("p") { subject } }
                            if row.status == .queued && row.attempts > 0 {
                                el("p") {
                                    context.t(Phrase(nb: "Neste forsøk: ", en: "Next attempt: ")) + NorwegianFormat.dateTime(row.nextAttemptAt)
                                }
                            }
                            if let sentAt = row.sentAt {
                                el("p") {
                                    context.t(Phrase(nb: "Sendt ", en: "Sent ")) + NorwegianFormat.dateTime(sentAt)
                                        + (row.transport.map { " · \($0)" } ?? "")
                                }
                            }
                            if let delivery = row.deliveryStatus {
                                el("p", .data("delivery", delivery)) {
                                    context.t(
                                        delivery == "delivered"
                                            ? Phrase(nb: "Levert til mottaker ", en: "Delivered to recipient ")
                                            : Phrase(nb: "Ikke levert (\(delivery)) ", en: "Not delivered (\(delivery)) "))
                                        + (row.deliveryReportedAt.map(NorwegianFormat.dateTime) ?? "")
                                }
                            }
                            if let error = row.lastError { el("p", .class("field-error")) { error } }
                            if let text = row.text { el("pre", .class("message-text")) { text } }
                            el("small") { "SHA-256 " + String(row.bodySHA256.prefix(16)) + "…" }
                            if row.status == .dead || row.status == .failed {
                                Form.post(SiteRoute.requeueMessage(row.id).path, csrf: context.csrf) {
                                    Form.submit(context.t(Phrase(nb: "Send på nytt", en: "Requeue")))
                                }
                            }
                        }
                    }
                }
            }
            ListControls.pager(path: SiteRoute.outbox.path, query: model.query, page: page, context: context)
        }
    }
}
