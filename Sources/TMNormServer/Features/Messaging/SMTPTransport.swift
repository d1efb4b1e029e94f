import Foundation
import NIOCore
import TMNormCore

/// E-mail through the configured SMTP relay.
struct SMTPTransport: MessageTransport {
    let settings: SMTPSettings
    let eventLoopGroup: any EventLoopGroup
    var name: String { "smtp" }

    init(settings: SMTPSettings, eventLoopGroup: any EventLoopGroup) {
        self.settings = settings
        self.eventLoopGroup = eventLoopGroup
    }

    func send(_ message: OutboundMessage) async throws -> DeliveryOutcome {
        let mail = SMTPMail(
            fromAddress: settings.fromAddress, fromName: settings.fromName, to: [message.recipient],
            subject: message.subject ?? "", text: message.text,
            // A header value: ASCII letters, digits, '-' and '.' only (a key with other characters loses them).
            messageID: ASCII.filtered(message.idempotencyKey, keeping: [UInt8(ascii: "-"), UInt8(ascii: ".")]),
            date: Date(), attachment: message.attachment)
        do {
            try await SMTPClient(settings: settings, eventLoopGroup: eventLoopGroup).send(mail)
            return .accepted
        } catch let error as SMTPError {
            return error.isPermanent ? .permanentFailure(error.description) : .temporaryFailure(error.description)
        }
    }
}
