import Foundation
import TMNormCore

/// A call centre the demo scenario should use; the server passes its own organisations.
struct AuthorizationDemoCentre: Sendable, Hashable {
    let orgnr: OrganisationNumber
    let name: String
    let membership: AuthorizationMembership

    init(orgnr: OrganisationNumber, name: String, membership: AuthorizationMembership = .member) {
        self.orgnr = orgnr
        self.name = name
        self.membership = membership
    }
}

/// The demo's authorization data, consistent with each other and with the day it was built for.
struct AuthorizationDemoScenario: Sendable, Hashable {
    let records: [AuthorizationCentreRecord]
    let applications: [AuthorizationApplication]
    let fees: [AuthorizationFeeRecord]
}

/// Builds demo data relative to a day: an approved centre, one in its year-1 follow-up, one suspended,
/// one with an application under review, and any further centres approved. Demo content, so it lives with
/// the demo seeding (`DemoAuthorization`), not in Core.
enum AuthorizationDemo {
    /// The role of each centre, in the order centres are given (further centres are approved).
    enum Role: String, Sendable, CaseIterable {
        case approved
        case inFirstFollowUp = "in_first_follow_up"
        case suspended
        case underReview = "under_review"
    }

    /// The scenario on `today`. Every step goes through the same checks as real use, so a change to the
    /// rules that breaks the demo fails here rather than in the browser.
    static func scenario(
        centres: [AuthorizationDemoCentre], board: AuthorizationBoard, today: LocalDate, policy: AuthorizationPolicy = .standard
    ) throws(AuthorizationError) -> AuthorizationDemoScenario {
        let catalogue = try AuthorizationCriteriaCatalogue.demo()
        var records: [AuthorizationCentreRecord] = []
        var applications: [AuthorizationApplication] = []
        var fees: [AuthorizationFeeRecord] = []
        for (index, centre) in centres.enumerated() {
            let role = index < Role.allCases.count ? Role.allCases[index] : .approved
            var record = AuthorizationCentreRecord(centre: centre.orgnr, name: centre.name)
            let decided: LocalDate =
                switch role {
                case .approved: today.adding(days: -200)
                // The first anniversary fell 5 days ago: the year-1 report is open and not yet due.
                case .inFirstFollowUp: AuthorizationPolicy.anniversary(of: today.adding(days: -5), years: -1)
                case .suspended: today.adding(days: -400)
                case .underReview: today
                }
            let opened = decided.adding(days: role == .underReview ? -20 : -45)
            var app = try AuthorizationApplication(
                id: "demo-app-\(centre.orgnr.digits)", applicant: centre.orgnr, applicantName: centre.name,
                kind: .firstApproval, catalogue: catalogue, createdAt: instant(opened, 9))
            for criterion in catalogue.criteria {
                try app.attach(evidence(for: criterion, on: opened), to: criterion.id, at: instant(opened, 10))
            }
            try app.submit(at: instant(opened.adding(days: 2), 9))
            var fee = AuthorizationFeeRecord(
                id: "demo-fee-\(centre.orgnr.digits)", applicationID: app.id, kind: app.kind, membership: centre.membership,
                schedule: .demo2020, on: opened.adding(days: 2))
            try app.startReview(board: board, at: instant(opened.adding(days: 6), 9))
            if role == .underReview {
                if let first = board.members.first {
                    try app.vote(memberID: first.id, choice: .approve, at: instant(opened.adding(days: 8), 9))
                }
                record.pendingApplicationSince = opened.adding(days: 2)
            } else {
                for member in board.members.prefix(board.requiredVotes) {
                    try app.vote(memberID: member.id, choice: .approve, at: instant(decided.adding(days: -3), 9))
                }
                try app.decide(.approve, reasons: "Alle kriterier er dokumentert (demo).", at: instant(decided, 12), policy: policy)
                try record.add(AuthorizationApproval.grant(id: "demo-approval-\(centre.orgnr.digits)", for: app, policy: policy))
                try fee.markInvoiced(on: decided, reference: "Demo-faktura \(index + 1)")
                try fee.markPaid(on: decided.adding(days: 14))
            }
            if role == .suspended {
                try record.record(
                    AuthorizationSanctionDecision(
                        id: "demo-warning-\(centre.orgnr.digits)", centre: centre.orgnr, kind: .warning,
                        decidedOn: today.adding(days: -120), reasons: "Samtaler etter kl. 21.00 (demo).", policy: policy))
                try record.record(
                    AuthorizationSanctionDecision(
                        id: "demo-suspension-\(centre.orgnr.digits)", centre: centre.orgnr,
                        kind: .suspension(.untilCondition("Dokumentert ny opplæring av alle som ringer")),
                        decidedOn: today.adding(days: -30), reasons: "Gjentatte brudd etter advarsel (demo).", policy: policy))
            }
            records.append(record)
            applications.append(app)
            fees.append(fee)
        }
        return AuthorizationDemoScenario(records: records, applications: applications, fees: fees)
    }

    /// Oslo wall-clock hour on a day.
    static func instant(_ day: LocalDate, _ hour: Int) -> Date {
        OsloTime.instant(for: LocalDateTime(date: day, time: LocalTime(secondsSinceMidnight: hour * 3600)))
    }

    /// Where the demo keeps its documents; `DemoAuthorization.seed` writes a small PDF there for each.
    static let documentStoragePrefix = "authorization/demo/"
    /// The size of each demo document.
    static let documentByteCount = 52_000

    /// Demo evidence of the kind a criterion asks for.
    static func evidence(for criterion: AuthorizationCriterion, on day: LocalDate) -> AuthorizationEvidence {
        switch criterion.evidence {
        case .document:
            .document(
                AuthorizationDocumentEvidence(
                    fileName: "\(criterion.id).pdf", mediaType: "application/pdf", byteCount: documentByteCount,
                    storageKey: "\(documentStoragePrefix)\(criterion.id).pdf"))
        case .statement: .statement("Vi bekrefter: \(criterion.titleNorwegian.lowercased()). (demo)")
        case .platformFigure(let name): .platformFigure(name: name, value: "12", asOf: day)
        }
    }
}
