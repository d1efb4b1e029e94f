import Foundation

/// Complaints attributed to one caller (the person who made the calls), by the centre's own reference.
public struct AuthorizationCallerComplaints: Sendable, Hashable, Codable {
    /// The centre's reference for the caller (an employee number, not a name, to keep personal data out).
    public let callerReference: String
    public let complaints: Int

    public init(callerReference: String, complaints: Int) {
        self.callerReference = callerReference
        self.complaints = complaints
    }
}

/// The statistics of industry-norm clause 2.4: answered calls, connected calls, complaints per caller.
public struct AuthorizationCallStatistics: Sendable, Hashable, Codable {
    public let answeredCalls: Int
    public let connectedCalls: Int
    /// One row per caller (callers without complaints may be listed with 0).
    public let complaintsByCaller: [AuthorizationCallerComplaints]

    public init(answeredCalls: Int, connectedCalls: Int, complaintsByCaller: [AuthorizationCallerComplaints]) {
        self.answeredCalls = answeredCalls
        self.connectedCalls = connectedCalls
        self.complaintsByCaller = complaintsByCaller
    }

    /// Complaints attributed to callers in all.
    public var attributedComplaints: Int { complaintsByCaller.reduce(0) { $0 + $1.complaints } }

    /// The average complaints per listed caller, or nil when no caller is listed.
    public var complaintsPerCaller: Double? {
        complaintsByCaller.isEmpty ? nil : Double(attributedComplaints) / Double(complaintsByCaller.count)
    }
}

/// A field of the follow-up report, named in errors and for showing where a value came from.
public enum AuthorizationFollowUpField: String, Sendable, Hashable, Codable, CaseIterable {
    case stillMeetsApplication = "still_meets_application"
    case statement
    case complaintsDirect = "complaints_direct"
    case complaintsViaConsumerAuthority = "complaints_via_consumer_authority"
    case answeredCalls = "answered_calls"
    case connectedCalls = "connected_calls"
    case complaintsByCaller = "complaints_by_caller"
}

/// The yearly report after years 1 and 2 of an approval; only a valid report can be built.
public struct AuthorizationFollowUpReport: Sendable, Hashable, Codable {
    public let approvalID: String
    public let year: Int
    /// Confirmation that the centre still meets what it stated in its application.
    public let stillMeetsApplication: Bool
    /// The centre's comments; required when it no longer meets its application.
    public let statement: String
    /// Complaints received directly from consumers.
    public let complaintsDirect: Int
    /// Complaints received via the consumer authority (Forbrukertilsynet, before 2019 Forbrukerombudet).
    public let complaintsViaConsumerAuthority: Int
    public let statistics: AuthorizationCallStatistics
    /// What the platform knew for the period, kept with the report as context for the board.
    public let platformFigures: AuthorizationPlatformFigures

    /// A checked report; every problem found is reported at once.
    public init(
        approvalID: String, year: Int, stillMeetsApplication: Bool, statement: String, complaintsDirect: Int,
        complaintsViaConsumerAuthority: Int, statistics: AuthorizationCallStatistics,
        platformFigures: AuthorizationPlatformFigures = AuthorizationPlatformFigures()
    ) throws(AuthorizationError) {
        let text = statement.trimmingCharacters(in: .whitespacesAndNewlines)
        var problems: [AuthorizationFollowUpProblem] = []
        if !stillMeetsApplication, text.isEmpty { problems.append(.explanationRequired) }
        for (field, value) in [
            (AuthorizationFollowUpField.complaintsDirect, complaintsDirect),
            (.complaintsViaConsumerAuthority, complaintsViaConsumerAuthority),
            (.answeredCalls, statistics.answeredCalls), (.connectedCalls, statistics.connectedCalls),
        ] where value < 0 {
            problems.append(.negative(field, value))
        }
        var seen = Set<String>()
        for (index, row) in statistics.complaintsByCaller.enumerated() {
            let ref = row.callerReference.trimmingCharacters(in: .whitespaces)
            if ref.isEmpty {
                problems.append(.emptyCallerReference(row: index + 1))
            } else if !seen.insert(ref).inserted {
                problems.append(.duplicateCallerReference(ref))
            }
            if row.complaints < 0 { problems.append(.negativeCallerComplaints(row: index + 1, row.complaints)) }
        }
        let total = max(0, complaintsDirect) + max(0, complaintsViaConsumerAuthority)
        if statistics.attributedComplaints > total {
            problems.append(.callerComplaintsExceedTotal(byCaller: statistics.attributedComplaints, total: total))
        }
        guard problems.isEmpty else { throw .invalidFollowUpReport(problems) }
        self.approvalID = approvalID
        self.year = year
        self.stillMeetsApplication = stillMeetsApplication
        self.statement = text
        self.complaintsDirect = complaintsDirect
        self.complaintsViaConsumerAuthority = complaintsViaConsumerAuthority
        self.statistics = statistics
        self.platformFigures = platformFigures
    }

    /// All complaints received in the year.
    public var totalComplaints: Int { complaintsDirect + complaintsViaConsumerAuthority }
}

/// One thing wrong with a follow-up report.
public enum AuthorizationFollowUpProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    case missing(AuthorizationFollowUpField)
    case negative(AuthorizationFollowUpField, Int)
    /// A centre that no longer meets its application must say what has changed.
    case explanationRequired
    case emptyCallerReference(row: Int)
    case duplicateCallerReference(String)
    case negativeCallerComplaints(row: Int, Int)
    /// More complaints attributed to callers than received in all.
    case callerComplaintsExceedTotal(byCaller: Int, total: Int)

    public var description: String {
        switch self {
        case .missing(let f): "\(f.rawValue): a value is required"
        case .negative(let f, let v): "\(f.rawValue): \(v) is negative"
        case .explanationRequired: "statement: explain what has changed when the centre no longer meets its application"
        case .emptyCallerReference(let row): "complaints by caller, row \(row): the caller reference is empty"
        case .duplicateCallerReference(let ref): "complaints by caller: the caller '\(ref)' is listed twice"
        case .negativeCallerComplaints(let row, let v): "complaints by caller, row \(row): \(v) complaints is negative"
        case .callerComplaintsExceedTotal(let byCaller, let total):
            "complaints by caller add up to \(byCaller), more than the \(total) complaints received"
        }
    }

    /// The problem in Norwegian bokmål.
    public var norwegian: String {
        switch self {
        case .missing(let f): "\(f.norwegian): verdi mangler"
        case .negative(let f, let v): "\(f.norwegian): \(v) er negativt"
        case .explanationRequired: "kommentar: forklar hva som er endret når senteret ikke lenger oppfyller søknaden"
        case .emptyCallerReference(let row): "klager per ringer, rad \(row): ringerens referanse er tom"
        case .duplicateCallerReference(let ref): "klager per ringer: ringeren «\(ref)» er oppført to ganger"
        case .negativeCallerComplaints(let row, let v): "klager per ringer, rad \(row): \(v) klager er negativt"
        case .callerComplaintsExceedTotal(let byCaller, let total):
            "klager per ringer summerer til \(byCaller), flere enn de \(total) klagene som er mottatt"
        }
    }
}

extension AuthorizationFollowUpField {
    /// The field's label in Norwegian bokmål.
    public var norwegian: String {
        switch self {
        case .stillMeetsApplication: "oppfyller fortsatt søknaden"
        case .statement: "kommentar"
        case .complaintsDirect: "klager mottatt direkte"
        case .complaintsViaConsumerAuthority: "klager mottatt via Forbrukertilsynet"
        case .answeredCalls: "besvarte samtaler"
        case .connectedCalls: "oppkoblede samtaler"
        case .complaintsByCaller: "klager per ringer"
        }
    }
}
