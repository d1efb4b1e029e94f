import Foundation
import Testing
@testable import TMNormCore

@Suite("Application: evidence, submission, return for completion, review")
struct AuthorizationApplicationFlowTests {
    /// The application brought to a state by the usual steps.
    static func application(in state: AuthorizationApplicationState) throws -> AuthorizationApplication {
        var app = try azCompleteDraft()
        let t = try azInstant("2024-01-11")
        switch state {
        case .draft: break
        case .submitted: try app.submit(at: t)
        case .returnedForCompletion:
            try app.submit(at: t)
            try app.returnForCompletion(comment: "Skatteattesten er for gammel.", at: t)
        case .underReview:
            try app.submit(at: t)
            try app.startReview(board: azBoard(), at: t)
        case .approved: app = try azApprovedApplication()
        case .rejected:
            try app.submit(at: t)
            try app.startReview(board: azBoard(), at: t)
            for m in ["b1", "b2", "b3"] { try app.vote(memberID: m, choice: .reject, at: t) }
            try app.decide(.reject, reasons: "Mangelfull internkontroll.", at: t)
        case .withdrawn: try app.withdraw(at: t)
        }
        #expect(app.state == state)
        return app
    }

    /// Runs one action on an application at a late time.
    static func perform(_ action: AuthorizationApplicationAction, on app: inout AuthorizationApplication) throws {
        let t = try azInstant("2024-03-01")
        switch action {
        case .attachEvidence: try app.attach(.statement("Oppfylt."), to: "statutory-requirements", at: t)
        case .removeEvidence: try app.removeEvidence(for: "statutory-requirements", at: t)
        case .submit: try app.submit(at: t)
        case .returnForCompletion: try app.returnForCompletion(comment: "Mangler vedlegg.", at: t)
        case .startReview: try app.startReview(board: azBoard(), at: t)
        case .recuse: try app.recuse(memberID: "b5", reason: "Styreverv hos søker.", at: t)
        case .vote: try app.vote(memberID: "b5", choice: .approve, at: t)
        case .decide: try app.decide(.approve, reasons: "Godkjent.", at: t)
        case .withdraw: try app.withdraw(at: t)
        }
    }

    static let outOfOrder: [(AuthorizationApplicationAction, AuthorizationApplicationState)] = [
        (.decide, .draft), (.decide, .submitted), (.decide, .returnedForCompletion), (.decide, .approved),
        (.vote, .draft), (.vote, .submitted), (.vote, .rejected), (.recuse, .submitted),
        (.startReview, .draft), (.startReview, .returnedForCompletion), (.startReview, .underReview),
        (.returnForCompletion, .draft), (.returnForCompletion, .underReview), (.returnForCompletion, .approved),
        (.submit, .submitted), (.submit, .underReview), (.submit, .withdrawn), (.submit, .approved),
        (.attachEvidence, .submitted), (.attachEvidence, .underReview), (.attachEvidence, .approved),
        (.removeEvidence, .underReview), (.withdraw, .approved), (.withdraw, .rejected), (.withdraw, .withdrawn),
    ]

    @Test("actions out of order are refused with a typed error and change nothing", arguments: outOfOrder)
    func outOfOrderActions(action: AuthorizationApplicationAction, state: AuthorizationApplicationState) throws {
        var app = try Self.application(in: state)
        let before = app
        #expect(throws: AuthorizationError.actionNotAllowed(action, state: state)) { try Self.perform(action, on: &app) }
        #expect(app == before)
        #expect(AuthorizationError.actionNotAllowed(action, state: state).httpStatus == 409)
    }

    @Test("approving an application that was never submitted says so in English and Norwegian")
    func neverSubmittedMessage() {
        let error = AuthorizationError.actionNotAllowed(.decide, state: .draft)
        #expect(error.description == "cannot decide an application that is still a draft (it was never submitted)")
        #expect(error.norwegian == "kan ikke fatte vedtak i en søknad som fortsatt er et utkast (den er aldri sendt inn)")
    }

    @Test(
        "evidence must be for a known criterion, of the kind it asks for, and not empty",
        arguments: [
            ("no-such", AuthorizationEvidence.statement("x"), AuthorizationError.unknownCriterion("no-such")),
            ("taxes-paid", .statement("Betalt."), .evidenceKindMismatch(criterion: "taxes-paid", expected: .document, found: .statement)),
            (
                "list-washing", .platformFigure(name: "other", value: "1", asOf: LocalDate(uncheckedYear: 2024, month: 1, day: 1)),
                .evidenceKindMismatch(
                    criterion: "list-washing", expected: .platformFigure(name: "wash_runs_last_12_months"), found: .platformFigure(name: "other"))
            ),
            ("statutory-requirements", .statement("  \n"), .emptyField("statement")),
        ] as [(String, AuthorizationEvidence, AuthorizationError)])
    func badEvidence(criterion: String, evidence: AuthorizationEvidence, expected: AuthorizationError) throws {
        var app = try azDraft()
        #expect(throws: expected) { try app.attach(evidence, to: criterion, at: azInstant("2024-01-10", 10)) }
        #expect(app.evidence.isEmpty)
    }

    @Test("an incomplete application may be submitted but not sent to the board; the secretariat returns it")
    func returnForCompletion() throws {
        var app = try azDraft()
        let catalogue = app.catalogue
        for criterion in catalogue.criteria.dropLast() {
            try app.attach(azEvidence(for: criterion), to: criterion.id, at: azInstant("2024-01-10", 10))
        }
        try app.submit(at: azInstant("2024-01-11"))
        #expect(throws: AuthorizationError.incompleteApplication(missing: ["employee-follow-up"])) {
            try app.startReview(board: azBoard(), at: azInstant("2024-01-12"))
        }
        #expect(throws: AuthorizationError.emptyField("comment")) {
            try app.returnForCompletion(comment: " ", at: azInstant("2024-01-12"))
        }
        try app.returnForCompletion(comment: "Oppfølging av ansatte mangler.", at: azInstant("2024-01-12"))
        #expect(app.state == .returnedForCompletion)
        #expect(app.latestReturnComment == "Oppfølging av ansatte mangler.")
        let last = try #require(catalogue.criteria.last)
        try app.attach(azEvidence(for: last), to: last.id, at: azInstant("2024-01-13"))
        try app.submit(at: azInstant("2024-01-14"))
        try app.startReview(board: azBoard(), at: azInstant("2024-01-15"))
        #expect(app.state == .underReview)
        #expect(app.submittedAt == (try azInstant("2024-01-14")))
        #expect(app.board?.members.count == 5)
    }

    @Test("evidence can be replaced and removed while editing, and removing nothing is an error")
    func replaceAndRemove() throws {
        var app = try azDraft()
        try app.attach(.statement("Første."), to: "statutory-requirements", at: azInstant("2024-01-10", 10))
        try app.attach(.statement("Andre."), to: "statutory-requirements", at: azInstant("2024-01-10", 11))
        #expect(app.evidence["statutory-requirements"] == .statement("Andre."))
        try app.removeEvidence(for: "statutory-requirements", at: azInstant("2024-01-10", 12))
        #expect(throws: AuthorizationError.noEvidenceToRemove("statutory-requirements")) {
            try app.removeEvidence(for: "statutory-requirements", at: azInstant("2024-01-10", 13))
        }
    }

    @Test("an action dated before the application's last event is refused")
    func timeOrder() throws {
        var app = try azCompleteDraft()
        let early = try azInstant("2024-01-10", 9, 30)
        let last = try azInstant("2024-01-10", 10)
        #expect(throws: AuthorizationError.timeBeforePreviousEvent(early, previous: last)) { try app.submit(at: early) }
    }

    @Test("the centre may withdraw before a decision, even during review")
    func withdraw() throws {
        var app = try Self.application(in: .underReview)
        try app.withdraw(at: azInstant("2024-02-01"))
        #expect(app.state == .withdrawn && app.state.isFinal)
        #expect(app.events.last?.kind == .withdrawn)
    }
}
