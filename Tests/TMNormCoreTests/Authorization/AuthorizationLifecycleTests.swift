import Foundation
import Testing
@testable import TMNormCore

@Suite("The whole life cycle of a call centre's approval")
struct AuthorizationLifecycleTests {
    static func d(_ s: String) -> LocalDate { (try? LocalDate(parsing: s)) ?? LocalDate(daysSinceEpoch: 0) }

    /// The register row and badge agree with the expected status on a day.
    static func expectPublic(_ record: AuthorizationCentreRecord, on day: String, _ status: AuthorizationPublicStatus, until: String?) {
        let entry = record.registerEntry(on: d(day))
        #expect(entry.status == status, "on \(day)")
        #expect(entry.validUntil == until.map(d), "on \(day)")
        let svg = AuthorizationBadge.svg(for: entry)
        #expect(svg.contains(">\(status.norwegian)"), "badge on \(day)")
        #expect(svg.contains(AuthorizationBadge.colour(status)))
        let listed = AuthorizationPublicRegister.entries([record], on: d(day)).map(\.status)
        #expect(listed == (AuthorizationPublicRegister.listedStatuses.contains(status) ? [status] : []))
    }

    @Test("apply, return, approve, follow up, warn, suspend, reinstate, renew, revoke — with the right public status at every step")
    func lifecycle() throws {
        let org = try AZOrg.number(AZOrg.unicall)
        let board = try azBoard()
        var record = AuthorizationCentreRecord(centre: org, name: "UniCall AS")
        Self.expectPublic(record, on: "2024-01-05", .notApproved, until: nil)

        // Apply: a draft with one criterion missing is submitted, returned, completed and resubmitted.
        var app = try AuthorizationApplication(
            id: "A-1", applicant: org, applicantName: "UniCall AS", kind: .firstApproval,
            catalogue: AuthorizationCriteriaCatalogue.demo(), createdAt: azInstant("2024-01-08"))
        for criterion in app.catalogue.criteria where criterion.id != "taxes-paid" {
            try app.attach(azEvidence(for: criterion), to: criterion.id, at: azInstant("2024-01-09"))
        }
        try app.submit(at: azInstant("2024-01-10"))
        var fee = AuthorizationFeeRecord(
            id: "F-1", applicationID: app.id, kind: app.kind, membership: .member, schedule: .demo2020, on: Self.d("2024-01-10"))
        record.pendingApplicationSince = Self.d("2024-01-10")
        Self.expectPublic(record, on: "2024-01-10", .underReview, until: nil)
        #expect(throws: AuthorizationError.incompleteApplication(missing: ["taxes-paid"])) {
            try app.startReview(board: board, at: azInstant("2024-01-11"))
        }
        try app.returnForCompletion(comment: "Skatteattest mangler.", at: azInstant("2024-01-11"))
        let upload = try AuthorizationUploadPolicy.standard.evidence(
            fileName: "skatteattest.pdf", byteCount: 48_000, leadingBytes: Array("%PDF-1.4".utf8), storageKey: "files/1")
        try app.attach(upload, to: "taxes-paid", at: azInstant("2024-01-12"))
        try app.submit(at: azInstant("2024-01-12"))
        try app.startReview(board: board, at: azInstant("2024-01-15"))

        // The board: one recusal, votes, a reasoned approval.
        try app.recuse(memberID: "b5", reason: "Tidligere styremedlem i UniCall.", at: azInstant("2024-01-20"))
        #expect(throws: AuthorizationError.memberRecused("b5")) { try app.vote(memberID: "b5", choice: .approve, at: azInstant("2024-01-20")) }
        for (m, c) in [("b1", AuthorizationVoteChoice.approve), ("b2", .approve), ("b3", .reject), ("b4", .approve)] {
            try app.vote(memberID: m, choice: c, at: azInstant("2024-01-25"))
        }
        try app.decide(.approve, reasons: "Alle kriterier er dokumentert.", at: azInstant("2024-02-01"))
        try fee.markInvoiced(on: Self.d("2024-02-01"), reference: "Faktura 2024-017")
        try fee.markPaid(on: Self.d("2024-02-20"))
        #expect(fee.amount == AuthorizationFeeAmount(kroner: 10_000) && fee.status == .paid)
        let first = try AuthorizationApproval.grant(id: "AP-1", for: app)
        try record.add(first)
        record.pendingApplicationSince = nil
        Self.expectPublic(record, on: "2024-02-01", .approved, until: "2027-01-31")

        // Year-1 follow-up: reminded, late into the grace period, then filed from a pre-filled draft.
        let due = try #require(first.followUps().first)
        #expect(
            first.remindersToSend(on: Self.d("2025-02-17"), submittedFollowUpYears: [], renewalAppliedFor: false, alreadySent: []).map(\.key) == [
                "AP-1/follow-up-1/14"
            ])
        #expect(record.followUpStates(on: Self.d("2025-03-10")).first?.state == .inGrace)
        var draft = AuthorizationFollowUpDraft(
            due: due, platformFigures: AuthorizationPlatformFigures(washRuns: 12, complaintsDirect: 2, complaintsViaConsumerAuthority: 1))
        draft.stillMeetsApplication = true
        draft.answeredCalls = 15_200
        draft.connectedCalls = 11_900
        draft.complaintsByCaller = [.init(callerReference: "R-03", complaints: 2)]
        try record.submitFollowUp(try draft.report(), on: Self.d("2025-03-12"))
        #expect(record.overdueFollowUps(on: Self.d("2025-04-01")).isEmpty)
        Self.expectPublic(record, on: "2025-03-12", .approved, until: "2027-01-31")

        // Sanctions: a warning, a suspension until a condition, reinstatement.
        try record.record(
            AuthorizationSanctionDecision(id: "S-1", centre: org, kind: .warning, decidedOn: Self.d("2025-05-01"), reasons: "Ringte etter kl. 21."))
        Self.expectPublic(record, on: "2025-05-01", .approved, until: "2027-01-31")
        try record.record(
            AuthorizationSanctionDecision(
                id: "S-2", centre: org, kind: .suspension(.untilCondition("Ny opplæring dokumentert")), decidedOn: Self.d("2025-08-01"),
                reasons: "Gjentatte brudd."))
        Self.expectPublic(record, on: "2025-08-01", .suspended, until: "2027-01-31")
        #expect(throws: AuthorizationError.self) {
            try record.record(
                AuthorizationSanctionDecision(
                    id: "S-x", centre: org, kind: .suspension(.untilCondition("x")), decidedOn: Self.d("2025-08-02"), reasons: "Igjen."))
        }
        try record.record(
            AuthorizationSanctionDecision(
                id: "S-3", centre: org, kind: .reinstatement, decidedOn: Self.d("2025-09-15"), reasons: "Opplæring dokumentert."))
        Self.expectPublic(record, on: "2025-09-15", .approved, until: "2027-01-31")

        // Renewal: applied for in the window, decided before expiry, starts the day after.
        #expect(first.renewal(on: Self.d("2026-11-15")).applicationKind == .continuation)
        record.pendingApplicationSince = Self.d("2026-11-15")
        let renewalApp = try azApprovedApplication(id: "A-2", kind: .continuation, openedDay: "2026-11-15", decidedDay: "2027-01-10")
        let second = try AuthorizationApproval.grant(id: "AP-2", for: renewalApp, previous: first)
        try record.add(second)
        record.pendingApplicationSince = nil
        #expect(AuthorizationFeeSchedule.demo2020.amount(for: .continuation, membership: .member) == AuthorizationFeeAmount(kroner: 5_000))
        Self.expectPublic(record, on: "2027-01-31", .approved, until: "2027-01-31")
        Self.expectPublic(record, on: "2027-02-01", .approved, until: "2030-01-31")

        // Revocation ends it; nothing more can be done to the centre until a new approval.
        try record.record(
            AuthorizationSanctionDecision(id: "S-4", centre: org, kind: .revocation, decidedOn: Self.d("2027-06-01"), reasons: "Alvorlige brudd."))
        Self.expectPublic(record, on: "2027-06-01", .revoked, until: nil)
        #expect(record.followUpStates(on: Self.d("2028-03-01")).isEmpty)
        #expect(throws: AuthorizationError.sanctionNotAllowed(.reinstatement, standing: .revoked(since: Self.d("2027-06-01")))) {
            try record.record(
                AuthorizationSanctionDecision(id: "S-5", centre: org, kind: .reinstatement, decidedOn: Self.d("2027-07-01"), reasons: "Angrer."))
        }
        // Earlier days still show what was true then.
        Self.expectPublic(record, on: "2025-08-20", .suspended, until: "2027-01-31")
    }
}
