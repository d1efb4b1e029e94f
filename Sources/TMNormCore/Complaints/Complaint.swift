import Foundation

/// What a consumer complains about (the intake form's choices; the API's `reasons` codes).
public enum ComplaintReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// Called although the number or the person is reserved in the register.
    case reserved
    /// Called outside the calling hours (law or industry norm).
    case callingHours = "calling_hours"
    /// The call came from a hidden number or a mobile number.
    case callerID = "caller_id"
    /// Sold without written acceptance, or invoiced without having accepted.
    case noWrittenAcceptance = "no_written_acceptance"
    /// The business refused the withdrawal right.
    case withdrawalRefused = "withdrawal_refused"
    /// Pressure or rudeness.
    case pressure
    case other
}

/// Where a complaint is in its handling.
public enum ComplaintState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Entered on the public form; waiting for the consumer to confirm the phone number with the SMS code.
    case unverified
    /// Confirmed (or forwarded by the consumer authority): the businesses are asked to answer.
    case awaitingAnswer = "awaiting_answer"
    /// A business has answered; the case can go to the board.
    case answered
    /// The answer deadline passed without an answer; flagged to the board.
    case overdue
    /// The board handles the case: rapporteur, votes, decision.
    case withBoard = "with_board"
    /// The board's decision is confirmed and sent.
    case decided
    /// Closed after the decision; the retention period for the consumer's contact details runs from here.
    case closed
}

/// A complaint as entered, before any checks (the form's or the API's fields as given).
public struct ComplaintDraft: Sendable, Hashable {
    public var businessOrgnr: String?
    public var businessName: String?
    /// The number that was called (the consumer's).
    public var number: String?
    /// When the call came: an exact instant, or a day and an approximate time.
    public var calledAt: Date?
    public var reasons: [String]
    /// The reference code from an offer SMS, when the complaint is about a sale.
    public var offerCode: String?
    public var text: String?
    public var contactName: String?
    public var contactEmail: String?
    public var contactPhone: String?

    public init(
        businessOrgnr: String? = nil, businessName: String? = nil, number: String? = nil, calledAt: Date? = nil, reasons: [String] = [],
        offerCode: String? = nil, text: String? = nil, contactName: String? = nil, contactEmail: String? = nil, contactPhone: String? = nil
    ) {
        self.businessOrgnr = businessOrgnr
        self.businessName = businessName
        self.number = number
        self.calledAt = calledAt
        self.reasons = reasons
        self.offerCode = offerCode
        self.text = text
        self.contactName = contactName
        self.contactEmail = contactEmail
        self.contactPhone = contactPhone
    }
}

/// A complaint that passed the intake checks.
public struct ComplaintIntake: Sendable, Hashable {
    /// The business by organisation number, when given (it may still be unknown to the platform).
    public let businessOrgnr: OrganisationNumber?
    /// The business's name as the consumer gave it (when no number was given, the only way to name it).
    public let businessName: String?
    public let number: PhoneNumber
    public let calledAt: Date
    public let reasons: [ComplaintReason]
    /// Upper case, as printed in offer messages.
    public let offerCode: String?
    public let text: String
    public let contactName: String?
    public let contactEmail: String?
    public let contactPhone: PhoneNumber?
}

/// One problem with a draft: the field and what is wrong (the server words it in the page's language).
public struct ComplaintProblem: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case required
        case invalidOrganisationNumber(String)
        case foreignNumber
        case invalidNumber(String)
        case inTheFuture
        case tooOld(maxDays: Int)
        case unknownReason(String)
        case tooLong(max: Int)
        case invalidOfferCode
        case invalidEmail
        case noWayToReach
    }

    public let field: String
    public let kind: Kind
}

/// The intake rules (**policy** where noted).
public enum ComplaintRules {
    /// How far back a call may be complained about (**policy**: three years, the general limitation period).
    public static let maxAgeDays = 3 * 365
    /// A call "now" may be entered with a clock a little ahead of the server's.
    public static let futureTolerance: TimeInterval = 5 * 60
    public static let maxTextLength = 5_000
    public static let maxNameLength = 200

    /// Checks a draft at `now`: the intake, or every problem found (never just the first).
    public static func check(_ draft: ComplaintDraft, now: Date) -> Result<ComplaintIntake, ComplaintProblems> {
        var problems: [ComplaintProblem] = []
        func trimmed(_ value: String?) -> String? {
            let text = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : text
        }
        var orgnr: OrganisationNumber?
        if let raw = trimmed(draft.businessOrgnr) {
            do { orgnr = try OrganisationNumber(raw) } catch {
                problems.append(.init(field: "business_orgnr", kind: .invalidOrganisationNumber(error.description)))
            }
        }
        let name = trimmed(draft.businessName)
        if let name, name.count > maxNameLength { problems.append(.init(field: "business_name", kind: .tooLong(max: maxNameLength))) }
        if orgnr == nil && name == nil && trimmed(draft.businessOrgnr) == nil {
            problems.append(.init(field: "business_name", kind: .required))
        }
        var number: PhoneNumber?
        switch PhoneNumber.parse(draft.number ?? "") {
        case .valid(let parsed): number = parsed
        case .foreign: problems.append(.init(field: "number", kind: .foreignNumber))
        case .invalid(let input, let reason):
            problems.append(.init(field: "number", kind: input.trimmingCharacters(in: .whitespaces).isEmpty ? .required : .invalidNumber(reason)))
        }
        if let calledAt = draft.calledAt {
            if calledAt > now.addingTimeInterval(futureTolerance) { problems.append(.init(field: "called_at", kind: .inTheFuture)) }
            if calledAt < now.addingTimeInterval(-Double(maxAgeDays) * 86_400) {
                problems.append(.init(field: "called_at", kind: .tooOld(maxDays: maxAgeDays)))
            }
        } else {
            problems.append(.init(field: "called_at", kind: .required))
        }
        var reasons: [ComplaintReason] = []
        for raw in draft.reasons {
            guard let reason = ComplaintReason(rawValue: raw.trimmingCharacters(in: .whitespaces).lowercased()) else {
                problems.append(.init(field: "reasons", kind: .unknownReason(String(raw.prefix(40)))))
                continue
            }
            if !reasons.contains(reason) { reasons.append(reason) }
        }
        if reasons.isEmpty && draft.reasons.isEmpty { problems.append(.init(field: "reasons", kind: .required)) }
        var code: String?
        if let raw = trimmed(draft.offerCode) {
            let upper = raw.uppercased()
            // Offer codes are six letters and digits without the ones easily misread (see OfferSecretGenerator).
            if upper.utf8.count == 6, upper.utf8.allSatisfy({ (65...90).contains($0) || (50...57).contains($0) }) {
                code = upper
            } else {
                problems.append(.init(field: "offer_code", kind: .invalidOfferCode))
            }
        }
        let text = trimmed(draft.text) ?? ""
        if text.count > maxTextLength { problems.append(.init(field: "text", kind: .tooLong(max: maxTextLength))) }
        let contactName = trimmed(draft.contactName)
        if let contactName, contactName.count > maxNameLength { problems.append(.init(field: "contact.name", kind: .tooLong(max: maxNameLength))) }
        let email = trimmed(draft.contactEmail)
        if let email, !isEmailAddress(email) { problems.append(.init(field: "contact.email", kind: .invalidEmail)) }
        var contactPhone: PhoneNumber?
        if let raw = trimmed(draft.contactPhone) {
            switch PhoneNumber.parse(raw) {
            case .valid(let parsed): contactPhone = parsed
            case .foreign: problems.append(.init(field: "contact.phone", kind: .foreignNumber))
            case .invalid(_, let reason): problems.append(.init(field: "contact.phone", kind: .invalidNumber(reason)))
            }
        }
        if email == nil && trimmed(draft.contactPhone) == nil { problems.append(.init(field: "contact.email", kind: .noWayToReach)) }
        guard problems.isEmpty, let number, let calledAt = draft.calledAt else { return .failure(ComplaintProblems(problems: problems)) }
        return .success(
            ComplaintIntake(
                businessOrgnr: orgnr, businessName: name, number: number, calledAt: calledAt, reasons: reasons, offerCode: code, text: text,
                contactName: contactName, contactEmail: email, contactPhone: contactPhone))
    }

    /// A plausible e-mail address: one @, a dot in the domain, no spaces, at most 254 characters.
    static func isEmailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return text.utf8.count <= 254 && parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".") && !text.contains(where: \.isWhitespace)
    }
}

/// Every problem found with a draft.
public struct ComplaintProblems: Error, Sendable, Hashable {
    public let problems: [ComplaintProblem]
}
