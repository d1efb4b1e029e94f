import Foundation
import Testing
@testable import TMNormCore

@Suite("Error texts in English and Norwegian")
struct AuthorizationErrorTextTests {
    static let day = LocalDate(uncheckedYear: 2025, month: 3, day: 1)
    static let org = (try? OrganisationNumber("912345009")) ?? (try? OrganisationNumber("974760673"))

    static var samples: [AuthorizationError] {
        guard let org else { return [] }
        return [
            .emptyField("comment"), .emptyCatalogue, .duplicateCriterion("a"), .invalidPolicy(field: "appealDays", value: 0),
            .negativeFee(AuthorizationFeeAmount(kroner: -1)), .dateBeforePrevious(day, previous: day.next), .unknownCriterion("x"),
            .evidenceKindMismatch(criterion: "c", expected: .document, found: .statement), .noEvidenceToRemove("c"),
            .emptyUpload(fileName: "f"), .uploadTooLarge(fileName: "f", bytes: 2, limit: 1), .uploadTypeNotAllowed(fileName: "f", allowed: ["pdf"]),
            .uploadExtensionMismatch(fileName: "f", expected: ["pdf"]), .actionNotAllowed(.vote, state: .draft),
            .incompleteApplication(missing: ["a"]),
            .timeBeforePreviousEvent(Date(timeIntervalSince1970: 0), previous: Date(timeIntervalSince1970: 60)),
            .boardWithoutMembers, .duplicateBoardMember("b"), .invalidQuorum(.fraction(numerator: 2, denominator: 3), boardSize: 0),
            .notABoardMember("b"), .memberRecused("b"), .alreadyRecused("b"), .alreadyVoted("b"), .quorumNotMet(votes: 1, required: 3),
            .noMajority(approve: 1, reject: 1), .decisionAgainstVotes(outcome: .approve, approve: 0, reject: 2), .reasonsRequired,
            .feeTransitionNotAllowed(from: .paid, to: .waived), .applicationNotApproved(.rejected),
            .approvalForOtherCentre(expected: org, found: org), .approvalOverlaps(previousUntil: day, newFrom: day), .unknownApproval("x"),
            .unknownFollowUpYear(3), .followUpNotOpen(year: 1, opensOn: day), .followUpAlreadySubmitted(year: 1),
            .invalidFollowUpReport([.explanationRequired]), .sanctionNotAllowed(.warning, standing: .revoked(since: day)),
            .noActiveApproval(on: day), .suspensionEndNotAfterStart(start: day, end: day),
        ]
    }

    @Test("every error has distinct, non-empty English and Norwegian texts and an HTTP status")
    func texts() {
        let samples = Self.samples
        #expect(samples.count == 39)
        for e in samples {
            #expect(!e.description.isEmpty && !e.norwegian.isEmpty)
            #expect(e.description != e.norwegian, "\(e)")
            #expect([403, 404, 409, 413, 415, 422].contains(e.httpStatus))
        }
        #expect(Set(samples.map(\.description)).count == samples.count)
        #expect(Set(samples.map(\.norwegian)).count == samples.count)
    }

    @Test(
        "dates in messages are ISO in English and dd.mm.yyyy in Norwegian",
        arguments: [(AuthorizationError.noActiveApproval(on: day), "2025-03-01", "01.03.2025")])
    func dates(error: AuthorizationError, english: String, norwegian: String) {
        #expect(error.description.contains(english) && error.norwegian.contains(norwegian))
    }

    @Test("guidelines errors have Norwegian texts too")
    func guidelineTexts() {
        let samples: [GuidelineError] = [
            .emptyField("title"), .inForceBeforeAdoption(version: "1", adopted: Self.day.next, inForce: Self.day),
            .sameInForceDate(Self.day, versions: ["a", "b"]), .duplicateVersionLabel("a"), .duplicateVersionID("a"),
            .wrongDocument(version: "a", expected: "x", found: "y"), .noVersionInForce(document: "d", on: Self.day),
            .comparisonTooLarge(cells: 10, limit: 1),
        ]
        for e in samples { #expect(!e.norwegian.isEmpty && e.norwegian != e.description) }
        #expect(GuidelineError.emptyField("title").norwegian == "feltet «tittel» kan ikke være tomt")
    }
}
