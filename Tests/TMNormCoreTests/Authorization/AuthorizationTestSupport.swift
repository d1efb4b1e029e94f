import Foundation
@testable import TMNormCore

/// Oslo wall-clock time on a day ("YYYY-MM-DD"), as an instant.
func azInstant(_ day: String, _ hour: Int = 12, _ minute: Int = 0) throws -> Date {
    OsloTime.instant(for: LocalDateTime(date: try LocalDate(parsing: day), time: try LocalTime(hour: hour, minute: minute)))
}

/// Valid test organisation numbers (modulus 11 checked).
enum AZOrg {
    static let unicall = "912345009"
    static let proffcom = "912345017"
    static let aktiv = "912345025"
    static let smart = "912345033"
    static func number(_ digits: String) throws -> OrganisationNumber { try OrganisationNumber(digits) }
}

/// A five-member board with quorum 3 (policy in the tests) unless told otherwise.
func azBoard(
    _ ids: [String] = ["b1", "b2", "b3", "b4", "b5"], quorum: AuthorizationQuorum = .count(3),
    tieRule: AuthorizationTieRule = .reject
) throws -> AuthorizationBoard {
    try AuthorizationBoard(members: ids.map { AuthorizationBoardMember(id: $0, name: "Medlem \($0)") }, quorum: quorum, tieRule: tieRule)
}

/// Evidence of the right kind for a criterion.
func azEvidence(for criterion: AuthorizationCriterion, day: String = "2024-01-10") throws -> AuthorizationEvidence {
    switch criterion.evidence {
    case .document:
        .document(
            AuthorizationDocumentEvidence(
                fileName: "\(criterion.id).pdf", mediaType: "application/pdf", byteCount: 1000, storageKey: "files/\(criterion.id)"))
    case .statement: .statement("Vi bekrefter at kravet «\(criterion.titleNorwegian)» er oppfylt.")
    case .platformFigure(let name): .platformFigure(name: name, value: "12", asOf: try LocalDate(parsing: day))
    }
}

/// A new draft against the demo catalogue.
func azDraft(
    id: String = "A-1", orgnr: String = AZOrg.unicall, kind: AuthorizationApplicationKind = .firstApproval,
    at day: String = "2024-01-10"
) throws -> AuthorizationApplication {
    try AuthorizationApplication(
        id: id, applicant: AZOrg.number(orgnr), applicantName: "UniCall AS", kind: kind,
        catalogue: AuthorizationCriteriaCatalogue.demo(), createdAt: azInstant(day, 9))
}

/// A draft with evidence for every criterion, not yet submitted.
func azCompleteDraft(
    id: String = "A-1", orgnr: String = AZOrg.unicall, kind: AuthorizationApplicationKind = .firstApproval,
    at day: String = "2024-01-10"
) throws -> AuthorizationApplication {
    var app = try azDraft(id: id, orgnr: orgnr, kind: kind, at: day)
    for criterion in app.catalogue.criteria {
        try app.attach(azEvidence(for: criterion, day: day), to: criterion.id, at: azInstant(day, 10))
    }
    return app
}

/// An application carried through to the board's approval on `decidedDay` (3 of 5 vote to approve).
func azApprovedApplication(
    id: String = "A-1", orgnr: String = AZOrg.unicall, kind: AuthorizationApplicationKind = .firstApproval,
    openedDay: String = "2024-01-10", decidedDay: String = "2024-02-01"
) throws -> AuthorizationApplication {
    var app = try azCompleteDraft(id: id, orgnr: orgnr, kind: kind, at: openedDay)
    try app.submit(at: azInstant(openedDay, 11))
    try app.startReview(board: azBoard(), at: azInstant(openedDay, 12))
    for member in ["b1", "b2", "b3"] { try app.vote(memberID: member, choice: .approve, at: azInstant(decidedDay, 9)) }
    try app.decide(.approve, reasons: "Alle kriterier er dokumentert.", at: azInstant(decidedDay, 10))
    return app
}
