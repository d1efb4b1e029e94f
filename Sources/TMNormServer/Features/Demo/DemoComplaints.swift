import Fluent
import Foundation
import TMNormCore
import Vapor

/// Demo complaints, taken in and handled through the real steps so every fact and check is the platform's
/// own: one about a reserved number UniCall called without asking first (facts: reserved, no decision
/// logged), ending in a warning on UniCall's record; one dismissed (the number was in UniCall's valid wash);
/// and one still waiting for UniCall's answer. All are forwarded by Forbrukerombudet, so no SMS code is needed.
enum DemoComplaints {
    static func seed(_ app: Application, organisations ids: [String: UUID]) async throws {
        let db = app.db
        // The calls are "now": the demo register copy and wash were made at this instant, so they are in force.
        let now = app.clock.now()
        guard let authority = ids["forbrukerombudet"], let unicall = ids["unicall"],
            let leader = try await UserModel.query(on: db).filter(\.$email == "leder@unicall.demo").first()
        else { return }
        let board = try await ComplaintCases.board(app, on: db)
        let policy = app.complaintSettings.policy
        func intake(_ number: String, _ reasons: [String], _ text: String, contact: String) async throws -> ComplaintModel {
            try await ComplaintService.intake(
                ComplaintDraft(
                    businessOrgnr: "996030822", number: number, calledAt: now, reasons: reasons, text: text, contactName: contact,
                    contactEmail: contact.lowercased().replacingOccurrences(of: " ", with: ".") + "@example.no"),
                source: .authority(authority), app: app, on: db, now: now)
        }
        /// Answered by UniCall, voted by the quorum for `outcome`, proposed and confirmed.
        func decide(_ complaint: ComplaintModel, answer: String, outcome: ComplaintOutcome, reasons: String) async throws {
            try await ComplaintCases.answer(
                complaint, party: .callCentre, organisationID: unicall, userID: try leader.requireID(), text: answer, upload: nil, app: app,
                on: db, now: now)
            guard let first = board.members.first else { return }
            _ = try ComplaintCases.change(complaint) { c throws(ComplaintCaseError) in
                try c.sendToBoard(board, at: now, policy: policy)
                try c.assignRapporteur(first.id, board: board, at: now)
                for member in board.members.prefix(board.requiredVotes) { try c.vote(memberID: member.id, outcome: outcome, at: now) }
                try c.propose(outcome, reasons: reasons, suspendedUntil: nil, by: first.id, at: now)
            }
            try await complaint.save(on: db)
            try await ComplaintCases.confirm(complaint, memberID: first.id, app: app, on: db, now: now)
        }

        let reserved = try await intake(
            "91200001", ["reserved"], "Jeg er reservert, men UniCall ringte meg om strøm likevel.", contact: "Kari Nordmann")
        try await decide(
            reserved, answer: "Nummeret kom fra en gammel liste som ikke ble sjekket mot registeret. Vi beklager.", outcome: .warning,
            reasons:
                "Nummeret var reservert i registerkopien som gjaldt da det ble ringt, og UniCall hadde ikke spurt plattformen om nummeret kunne ringes. "
                + "Nemnda gir UniCall en advarsel (demo).")
        let washed = try await intake(
            "93000003", ["calling_hours"], "De ringte meg for sent på dagen, mener jeg.", contact: "Siri Berg")
        try await decide(
            washed, answer: "Samtalen var innenfor ringetiden, og nummeret var vasket mot registeret.", outcome: .dismissed,
            reasons: "Nummeret var med i en gyldig vasking, og samtalen lå innenfor ringetidene. Klagen tas ikke til følge (demo).")
        _ = try ComplaintCases.change(washed) { c throws(ComplaintCaseError) in try c.close(at: now) }
        try await washed.save(on: db)
        _ = try await intake("93000004", ["pressure"], "Selgeren ville ikke avslutte samtalen.", contact: "Per Olsen")
    }
}
