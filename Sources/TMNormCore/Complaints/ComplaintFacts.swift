import Foundation

/// One fact about a complaint, taken from the platform's own records: a value with the record it came
/// from, or — when the records cannot say — no value and the reason why. Unknown is never a guess.
public struct ComplaintFact: Sendable, Hashable, Codable {
    /// true, false, or nil when unknown.
    public let value: Bool?
    /// The record the value comes from, e.g. "register:reg-2026-11-01-ab12cd34ef56" or "decision:<id>".
    public let source: String?
    /// Since when, where it matters (a block-list entry's date).
    public let since: Date?
    /// Why the value is unknown (a code, e.g. "no_register_copy"); nil when known.
    public let reason: String?

    public static func known(_ value: Bool, source: String, since: Date? = nil) -> ComplaintFact {
        ComplaintFact(value: value, source: source, since: since, reason: nil)
    }

    public static func unknown(_ reason: String, source: String? = nil) -> ComplaintFact {
        ComplaintFact(value: nil, source: source, since: nil, reason: reason)
    }

    /// Every key is written, null when empty: an unknown value is `"value": null` with its reason.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value, forKey: .value)
        try container.encode(source, forKey: .source)
        try container.encode(since, forKey: .since)
        try container.encode(reason, forKey: .reason)
    }
}

/// What TMNorm's records say about a complained-of call, gathered at intake.
public struct ComplaintFacts: Sendable, Hashable, Codable {
    /// Was the number (or a person washed with it) reserved in the register copy in force for the centre then?
    public var reservedAtCall: ComplaintFact
    /// Was the call inside the calling hours of the rule set in force then (law and norms)?
    public var withinCallingHours: ComplaintFact
    /// Did the centre ask may-call for the number near that time (and what was the answer)?
    public var decisionLogged: ComplaintFact
    /// Had the number come out callable from a wash valid then, for a campaign of the business?
    public var inValidWash: ComplaintFact
    /// Was the number on the client's or the centre's block list then?
    public var onBlockList: ComplaintFact
    /// For a sale: did the consumer accept the offer in writing?
    public var writtenAcceptance: ComplaintFact
    /// Was the campaign's caller ID allowed under the rules then?
    public var callerIDAllowed: ComplaintFact

    public init(
        reservedAtCall: ComplaintFact, withinCallingHours: ComplaintFact, decisionLogged: ComplaintFact, inValidWash: ComplaintFact,
        onBlockList: ComplaintFact, writtenAcceptance: ComplaintFact, callerIDAllowed: ComplaintFact
    ) {
        self.reservedAtCall = reservedAtCall
        self.withinCallingHours = withinCallingHours
        self.decisionLogged = decisionLogged
        self.inValidWash = inValidWash
        self.onBlockList = onBlockList
        self.writtenAcceptance = writtenAcceptance
        self.callerIDAllowed = callerIDAllowed
    }

    enum CodingKeys: String, CodingKey {
        case reservedAtCall = "reserved_at_call"
        case withinCallingHours = "within_calling_hours"
        case decisionLogged = "decision_logged"
        case inValidWash = "in_valid_wash"
        case onBlockList = "on_block_list"
        case writtenAcceptance = "written_acceptance"
        case callerIDAllowed = "caller_id_allowed"
    }
}

/// A case reference a consumer can read out on the phone: "K-2026-7KQ2MX" (year, then six characters
/// from the alphabet without easily confused letters and digits).
public enum ComplaintReference {
    public static func make<R: RandomNumberGenerator>(year: Int, using rng: inout R) -> String {
        let alphabet = OfferSecretGenerator.codeAlphabet
        let code = String((0..<6).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] })
        return "K-\(year)-\(code)"
    }
}
