import Foundation
import Testing
@testable import TMNormCore

@Suite("Follow-up reports: validation and pre-filling")
struct AuthorizationFollowUpReportTests {
    static func report(
        still: Bool = true, statement: String = "", direct: Int = 4, via: Int = 1, answered: Int = 12_000, connected: Int = 9_500,
        byCaller: [AuthorizationCallerComplaints] = [.init(callerReference: "R-01", complaints: 3), .init(callerReference: "R-02", complaints: 1)]
    ) throws -> AuthorizationFollowUpReport {
        try AuthorizationFollowUpReport(
            approvalID: "AP-1", year: 1, stillMeetsApplication: still, statement: statement, complaintsDirect: direct,
            complaintsViaConsumerAuthority: via,
            statistics: AuthorizationCallStatistics(answeredCalls: answered, connectedCalls: connected, complaintsByCaller: byCaller))
    }

    @Test("a complete report keeps the clause 2.4 statistics and computes complaints per caller")
    func valid() throws {
        let r = try Self.report()
        #expect(r.totalComplaints == 5)
        #expect(r.statistics.attributedComplaints == 4)
        #expect(r.statistics.complaintsPerCaller == 2.0)
        #expect(try Self.report(byCaller: []).statistics.complaintsPerCaller == nil)
    }

    static let invalid: [(String, [AuthorizationFollowUpProblem])] = [
        ("no longer meets, no explanation", [.explanationRequired]),
        ("negative counts", [.negative(.complaintsDirect, -1), .negative(.answeredCalls, -5)]),
        ("bad caller rows", [.emptyCallerReference(row: 1), .duplicateCallerReference("R-01"), .negativeCallerComplaints(row: 3, -2)]),
        ("more by caller than received", [.callerComplaintsExceedTotal(byCaller: 6, total: 5)]),
    ]

    @Test("invalid reports are refused with every problem at once", arguments: invalid)
    func invalidReports(name: String, problems: [AuthorizationFollowUpProblem]) throws {
        #expect(throws: AuthorizationError.invalidFollowUpReport(problems)) {
            switch name {
            case "no longer meets, no explanation": _ = try Self.report(still: false, statement: "  ")
            case "negative counts": _ = try Self.report(direct: -1, answered: -5, byCaller: [])
            case "bad caller rows":
                _ = try Self.report(byCaller: [
                    .init(callerReference: " ", complaints: 0), .init(callerReference: "R-01", complaints: 1),
                    .init(callerReference: "R-01", complaints: -2),
                ])
            default: _ = try Self.report(byCaller: [.init(callerReference: "R-01", complaints: 6)])
            }
        }
    }

    @Test("a centre that no longer meets its application can report so with an explanation")
    func noLongerMeets() throws {
        let r = try Self.report(still: false, statement: "Verneombudet har sluttet; nytt velges i mars.")
        #expect(!r.stillMeetsApplication && r.statement.hasPrefix("Verneombudet"))
    }

    @Test("problems are named by field in English and Norwegian")
    func problemTexts() {
        let e = AuthorizationError.invalidFollowUpReport([.missing(.answeredCalls), .callerComplaintsExceedTotal(byCaller: 6, total: 5)])
        #expect(
            e.description
                == "the follow-up report is not valid: answered_calls: a value is required; complaints by caller add up to 6, more than the 5 complaints received"
        )
        #expect(
            e.norwegian
                == "oppfølgingsrapporten er ikke gyldig: besvarte samtaler: verdi mangler; klager per ringer summerer til 6, flere enn de 5 klagene som er mottatt"
        )
    }

    static func due() throws -> AuthorizationFollowUpDue {
        try #require(try AuthorizationApproval.grant(id: "AP-1", for: azApprovedApplication()).followUps().first)
    }

    @Test("the draft is pre-filled with what the platform knows and names what the centre must add")
    func prefill() throws {
        let figures = AuthorizationPlatformFigures(
            washRuns: 12, callsAllowed: 40_000, callsRefused: 9_000, writtenOffersSent: 800, writtenAcceptances: 200,
            complaintsDirect: 3, complaintsViaConsumerAuthority: 1)
        var draft = AuthorizationFollowUpDraft(due: try Self.due(), platformFigures: figures)
        #expect(draft.complaintsDirect == 3 && draft.source(of: .complaintsDirect) == .platform)
        #expect(draft.source(of: .answeredCalls) == .centre)
        #expect(draft.missingFields == [.stillMeetsApplication, .answeredCalls, .connectedCalls, .complaintsByCaller])
        #expect(figures.acceptanceRate == 0.25)
        #expect(
            throws: AuthorizationError.invalidFollowUpReport([
                .missing(.stillMeetsApplication), .missing(.answeredCalls),
                .missing(.connectedCalls), .missing(.complaintsByCaller),
            ])
        ) {
            try draft.report()
        }
        draft.stillMeetsApplication = true
        draft.answeredCalls = 12_000
        draft.connectedCalls = 9_000
        draft.complaintsByCaller = [.init(callerReference: "R-07", complaints: 2)]
        draft.complaintsDirect = 4
        #expect(draft.source(of: .complaintsDirect) == .centreChangedPlatformValue)
        let report = try draft.report()
        #expect(report.year == 1 && report.approvalID == "AP-1" && report.complaintsDirect == 4)
        #expect(report.platformFigures.washRuns == 12)
    }

    @Test("a report is filed once per year, from the anniversary, for an approval on the record")
    func filing() throws {
        var record = AuthorizationCentreRecord(centre: try AZOrg.number(AZOrg.unicall), name: "UniCall AS")
        try record.add(AuthorizationApproval.grant(id: "AP-1", for: azApprovedApplication()))
        let r = try Self.report()
        #expect(throws: AuthorizationError.followUpNotOpen(year: 1, opensOn: try LocalDate(parsing: "2025-02-01"))) {
            try record.submitFollowUp(r, on: LocalDate(parsing: "2025-01-31"))
        }
        try record.submitFollowUp(r, on: LocalDate(parsing: "2025-02-10"))
        #expect(throws: AuthorizationError.followUpAlreadySubmitted(year: 1)) { try record.submitFollowUp(r, on: LocalDate(parsing: "2025-02-11")) }
        let year3 = try AuthorizationFollowUpReport(
            approvalID: "AP-1", year: 3, stillMeetsApplication: true, statement: "", complaintsDirect: 0, complaintsViaConsumerAuthority: 0,
            statistics: .init(answeredCalls: 0, connectedCalls: 0, complaintsByCaller: []))
        #expect(throws: AuthorizationError.unknownFollowUpYear(3)) { try record.submitFollowUp(year3, on: LocalDate(parsing: "2027-02-10")) }
        let stranger = try AuthorizationFollowUpReport(
            approvalID: "AP-X", year: 1, stillMeetsApplication: true, statement: "", complaintsDirect: 0, complaintsViaConsumerAuthority: 0,
            statistics: .init(answeredCalls: 0, connectedCalls: 0, complaintsByCaller: []))
        #expect(throws: AuthorizationError.unknownApproval("AP-X")) { try record.submitFollowUp(stranger, on: LocalDate(parsing: "2025-02-10")) }
        #expect(record.submission(approvalID: "AP-1", year: 1)?.submittedOn == (try LocalDate(parsing: "2025-02-10")))
    }

    @Test("the board sees overdue follow-ups of running approvals")
    func overdue() throws {
        var record = AuthorizationCentreRecord(centre: try AZOrg.number(AZOrg.unicall), name: "UniCall AS")
        try record.add(AuthorizationApproval.grant(id: "AP-1", for: azApprovedApplication()))
        #expect(record.overdueFollowUps(on: try LocalDate(parsing: "2025-03-17")).isEmpty)
        #expect(record.overdueFollowUps(on: try LocalDate(parsing: "2025-03-18")).map(\.year) == [1])
        try record.submitFollowUp(try Self.report(), on: LocalDate(parsing: "2025-03-20"))
        #expect(record.overdueFollowUps(on: try LocalDate(parsing: "2025-03-20")).isEmpty)
        let states = record.followUpStates(on: try LocalDate(parsing: "2025-03-20"))
        #expect(states.map(\.state) == [.submitted(on: try LocalDate(parsing: "2025-03-20")), .upcoming])
        // After expiry nothing is owed.
        #expect(record.followUpStates(on: try LocalDate(parsing: "2027-02-01")).isEmpty)
    }
}
