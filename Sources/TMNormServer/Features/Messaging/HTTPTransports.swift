import Foundation
import TMNormCore
import Vapor

/// SMS through an HTTP gateway: `POST url` with `{"id","to","from","text"}` and a bearer token;
/// 2xx is accepted, 408/429/5xx are retried, other 4xx are refused for good.
struct HTTPSMSTransport: MessageTransport {
    let client: any Client
    let settings: SMSGatewaySettings
    let from: String
    var name: String { "http-sms" }

    struct Body: Content {
        let id: String
        let to: String
        let from: String
        let text: String
    }

    init(client: any Client, settings: SMSGatewaySettings, from: String) {
        self.client = client
        self.settings = settings
        self.from = from
    }

    func send(_ message: OutboundMessage) async throws -> DeliveryOutcome {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: settings.token)
        let body = Body(id: message.idempotencyKey, to: message.recipient, from: from, text: message.text)
        let response = try await client.post(URI(string: settings.url), headers: headers) { request in
            try request.content.encode(body, as: .json)
        }
        return HTTPOutcome.classify(response.status)
    }
}

/// Maps an HTTP status to a delivery outcome.
enum HTTPOutcome {
    static func classify(_ status: HTTPResponseStatus) -> DeliveryOutcome {
        switch status.code {
        case 200..<300: .accepted
        case 408, 425, 429, 500..<600: .temporaryFailure("HTTP \(status.code)")
        default: .permanentFailure("HTTP \(status.code)")
        }
    }
}

/// A client's webhook: `POST` the stored payload to the URL with `X-TMNorm-Webhook-Signature`,
/// signed at sending time (the signature carries its timestamp) with the organisation's secret.
struct WebhookTransport: MessageTransport {
    let app: Application
    var name: String { "webhook" }
    /// Webhook payloads hold no secrets: keep them for the evidence and the outbox page.
    var keepsBody: Bool { true }

    static let signatureHeader = "X-TMNorm-Webhook-Signature"

    func send(_ message: OutboundMessage) async throws -> DeliveryOutcome {
        guard let organisationID = message.organisationID, let lookup = app.messaging.webhookSecret,
            let secret = try await lookup(organisationID, app.db), !secret.isEmpty
        else { return .permanentFailure("no webhook secret configured") }
        // Checked again at every delivery: the host may resolve elsewhere than when the URL was saved.
        do {
            _ = try await WebhookTarget.check(message.recipient, allowedHosts: app.config.webhookAllowedHosts, pool: app.threadPool)
        } catch {
            return .permanentFailure("webhook URL refused: \(error.reason.en)")
        }
        let timestamp = Int64(app.clock.now().timeIntervalSince1970)
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.add(
            name: Self.signatureHeader,
            value: WebhookSignature.header(payload: Array(message.text.utf8), secret: Array(secret.utf8), timestamp: timestamp))
        headers.add(name: "X-TMNorm-Webhook-Id", value: message.idempotencyKey)
        let response = try await app.client.post(URI(string: message.recipient), headers: headers) { request in
            request.body = ByteBuffer(string: message.text)
        }
        return HTTPOutcome.classify(response.status)
    }
}
