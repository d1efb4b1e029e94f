/// The channel through which the consumer acted on an offer.
public enum ConsumerChannel: String, Sendable, Codable, CaseIterable, Hashable {
    /// The offer page reached with the link token.
    case link
    /// An SMS reply from the consumer's own number carrying the code.
    case sms
}

/// Proof that the consumer, through their own channel, acted on one offer.
///
/// It cannot be built outside this module except by `ConsumerAuthorizer`, which demands the link token
/// matching the stored hash or a signature-verified SMS from the consumer's number with the right code.
/// Accepting and declining take one, so no staff action can produce an acceptance: the type system
/// keeps the rule "no staff role can mark an offer accepted".
public struct ConsumerAuthorization: Sendable, Hashable {
    public let channel: ConsumerChannel
    /// Hash of the secret that was presented (token hash or code hash), for the evidence record.
    public let secretHash: String

    init(channel: ConsumerChannel, secretHash: String) {
        self.channel = channel
        self.secretHash = secretHash
    }
}

/// Turns what the consumer presented into a `ConsumerAuthorization`, or nothing.
public enum ConsumerAuthorizer {
    /// The link: the presented token hashes to the stored token hash (compared in constant time).
    public static func viaLink(token: String, storedTokenHash: String) -> ConsumerAuthorization? {
        let hash = OfferSecretGenerator.hashToken(token)
        guard ConfirmationHashing.constantTimeEquals(hash, storedTokenHash.lowercased()) else { return nil }
        return ConsumerAuthorization(channel: .link, secretHash: hash)
    }

    /// An SMS reply: signature-verified, sent from the consumer's own number, and carrying the offer's code.
    public static func viaSMS(
        _ message: VerifiedInboundSMS, consumerPhone: PhoneNumber, storedCodeHash: String, codeKey: some Sequence<UInt8>
    ) -> ConsumerAuthorization? {
        guard let sender = message.sender, sender == consumerPhone, let code = message.command.code else { return nil }
        let hash = OfferSecretGenerator.hashCode(code, key: codeKey)
        guard ConfirmationHashing.constantTimeEquals(hash, storedCodeHash.lowercased()) else { return nil }
        return ConsumerAuthorization(channel: .sms, secretHash: hash)
    }
}
