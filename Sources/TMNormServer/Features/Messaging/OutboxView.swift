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
        let rows: [Row]
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
        Layout.page(title: context.t(Phrase(nb: "Utboks", en: "Outbox")), context: context) {
            el("p") {
                context.t(
                    Phrase(
                        nb:
                            "Alt som sendes (SMS, e-post, webhooks) går gjennom utboksen og prøves på nytt med økende ventetid. Tekster med lenke og kode vises ikke etter sending.",
                        en:
                            "Everything sent (SMS, e-mail, webhooks) goes through the outbox and is retried with growing delays. Texts holding a link and code are not shown after delivery."
                    ))
            }
            el("form", .method("get"), .action(SiteRoute.outbox.path), .class("form")) {
                Form.select(
                    context.t(Phrase(nb: "Status", en: "Status")), name: "status",
                    options: [("", context.t(Phrase(nb: "Alle", en: "All")))]
                        + OutboxMessageModel.Status.allCases.map { ($0.rawValue, context.t(statusLabel($0))) })
                Form.submit(context.t(Phrase(nb: "Vis", en: "Show")))
            }
            if model.rows.isEmpty {
                el("p") { context.t(Phrase(nb: "Ingen meldinger.", en: "No messages.")) }
            }
            Table.scrolling(headings: [
                context.t(Phrase(nb: "Opprettet", en: "Created")),
                context.t(Phrase(nb: "Type", en: "Kind")),
                context.t(Phrase(nb: "Mottaker", en: "Recipient")),
                context.t(Phrase(nb: "Status", en: "Status")),
                context.t(Phrase(nb: "Forsøk", en: "Attempts")),
                context.t(Phrase(nb: "Detaljer", en: "Details")),
            ]) {
                for row in model.rows {
                    el("tr", .data("status", row.status.rawValue)) {
                        el("td") { NorwegianFormat.dateTime(row.createdAt) }
                        el("td") { context.t(kindLabel(row.kind)) + (row.segments.map { " (\($0) SMS)" } ?? "") }
                        el("td") { row.recipient }
                        el("td") { context.t(statusLabel(row.status)) }
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
        }
    }
}
