import Foundation

/// Figures the platform already knows for a follow-up period; the server computes them and passes them in.
/// Each is optional: nil means the platform does not know it and the centre must supply it.
public struct AuthorizationPlatformFigures: Sendable, Hashable, Codable {
    /// Wash runs against the national register in the period.
    public var washRuns: Int?
    /// May-call decisions that allowed or refused a call.
    public var callsAllowed: Int?
    public var callsRefused: Int?
    /// Written offers sent after telephone sales, and how many were accepted in writing.
    public var writtenOffersSent: Int?
    public var writtenAcceptances: Int?
    public var complaintsDirect: Int?
    public var complaintsViaConsumerAuthority: Int?
    public var answeredCalls: Int?
    public var connectedCalls: Int?
    public var complaintsByCaller: [AuthorizationCallerComplaints]?

    public init(
        washRuns: Int? = nil, callsAllowed: Int? = nil, callsRefused: Int? = nil, writtenOffersSent: Int? = nil,
        writtenAcceptances: Int? = nil, complaintsDirect: Int? = nil, complaintsViaConsumerAuthority: Int? = nil,
        answeredCalls: Int? = nil, connectedCalls: Int? = nil, complaintsByCaller: [AuthorizationCallerComplaints]? = nil
    ) {
        self.washRuns = washRuns
        self.callsAllowed = callsAllowed
        self.callsRefused = callsRefused
        self.writtenOffersSent = writtenOffersSent
        self.writtenAcceptances = writtenAcceptances
        self.complaintsDirect = complaintsDirect
        self.complaintsViaConsumerAuthority = complaintsViaConsumerAuthority
        self.answeredCalls = answeredCalls
        self.connectedCalls = connectedCalls
        self.complaintsByCaller = complaintsByCaller
    }

    /// Share of written offers accepted (0…1), when offers were sent.
    public var acceptanceRate: Double? {
        guard let offers = writtenOffersSent, offers > 0, let accepted = writtenAcceptances else { return nil }
        return Double(accepted) / Double(offers)
    }
}

/// Where a value in a follow-up draft came from, for the form to show.
public enum AuthorizationFigureSource: Sendable, Hashable, Codable {
    /// Pre-filled by the platform and left as it was.
    case platform
    /// Entered by the centre; the platform did not know it.
    case centre
    /// The centre changed the platform's value (kept so the board can see both).
    case centreChangedPlatformValue
}

/// A follow-up report being filled in: pre-filled from platform figures, completed by the centre.
public struct AuthorizationFollowUpDraft: Sendable, Hashable, Codable {
    public let due: AuthorizationFollowUpDue
    public let platformFigures: AuthorizationPlatformFigures
    public var stillMeetsApplication: Bool?
    public var statement: String
    public var complaintsDirect: Int?
    public var complaintsViaConsumerAuthority: Int?
    public var answeredCalls: Int?
    public var connectedCalls: Int?
    public var complaintsByCaller: [AuthorizationCallerComplaints]?

    /// A draft for a follow-up with everything the platform knows filled in.
    public init(due: AuthorizationFollowUpDue, platformFigures: AuthorizationPlatformFigures) {
        self.due = due
        self.platformFigures = platformFigures
        self.stillMeetsApplication = nil
        self.statement = ""
        self.complaintsDirect = platformFigures.complaintsDirect
        self.complaintsViaConsumerAuthority = platformFigures.complaintsViaConsumerAuthority
        self.answeredCalls = platformFigures.answeredCalls
        self.connectedCalls = platformFigures.connectedCalls
        self.complaintsByCaller = platformFigures.complaintsByCaller
    }

    /// Where the current value of a field came from.
    public func source(of field: AuthorizationFollowUpField) -> AuthorizationFigureSource {
        func compare<T: Equatable>(_ current: T?, _ known: T?) -> AuthorizationFigureSource {
            guard let known else { return .centre }
            return current == known ? .platform : .centreChangedPlatformValue
        }
        switch field {
        case .stillMeetsApplication, .statement: return .centre
        case .complaintsDirect: return compare(complaintsDirect, platformFigures.complaintsDirect)
        case .complaintsViaConsumerAuthority:
            return compare(complaintsViaConsumerAuthority, platformFigures.complaintsViaConsumerAuthority)
        case .answeredCalls: return compare(answeredCalls, platformFigures.answeredCalls)
        case .connectedCalls: return compare(connectedCalls, platformFigures.connectedCalls)
        case .complaintsByCaller: return compare(complaintsByCaller, platformFigures.complaintsByCaller)
        }
    }

    /// Fields the centre still has to fill in.
    public var missingFields: [AuthorizationFollowUpField] {
        var missing: [AuthorizationFollowUpField] = []
        if stillMeetsApplication == nil { missing.append(.stillMeetsApplication) }
        if complaintsDirect == nil { missing.append(.complaintsDirect) }
        if complaintsViaConsumerAuthority == nil { missing.append(.complaintsViaConsumerAuthority) }
        if answeredCalls == nil { missing.append(.answeredCalls) }
        if connectedCalls == nil { missing.append(.connectedCalls) }
        if complaintsByCaller == nil { missing.append(.complaintsByCaller) }
        return missing
    }

    /// The finished report, or every problem (missing and invalid values) at once.
    public func report() throws(AuthorizationError) -> AuthorizationFollowUpReport {
        let missing = missingFields
        guard missing.isEmpty, let still = stillMeetsApplication, let direct = complaintsDirect,
            let via = complaintsViaConsumerAuthority, let answered = answeredCalls, let connected = connectedCalls,
            let byCaller = complaintsByCaller
        else {
            throw .invalidFollowUpReport(missing.map { .missing($0) })
        }
        return try AuthorizationFollowUpReport(
            approvalID: due.approvalID, year: due.year, stillMeetsApplication: still, statement: statement,
            complaintsDirect: direct, complaintsViaConsumerAuthority: via,
            statistics: AuthorizationCallStatistics(answeredCalls: answered, connectedCalls: connected, complaintsByCaller: byCaller),
            platformFigures: platformFigures)
    }
}
