import Foundation
import Testing
import Vapor

@testable import TMNormServer

/// One sample value per registered path. The switch is exhaustive, so a new pattern needs a sample here.
func sampleRoute(_ pattern: SiteRoute.Pattern) -> SiteRoute {
    let id = UUID(uuidString: "0A000000-0000-4000-8000-000000000001")!
    let other = UUID(uuidString: "0B000000-0000-4000-8000-000000000002")!
    return switch pattern {
    case .home: .home
    case .login: .login
    case .logout: .logout
    case .dashboard: .dashboard
    case .dashboardMayCall: .dashboardMayCall
    case .organisations: .organisations
    case .newOrganisation: .newOrganisation
    case .organisation: .organisation(id)
    case .memberships: .memberships(id)
    case .engagements: .engagements(id)
    case .engagementDecision: .engagementDecision(id, engagement: other, action: "confirm")
    case .users: .users
    case .invitations: .invitations
    case .invitation: .invitation(token: "tok")
    case .password: .password
    case .apiKeys: .apiKeys
    case .revokeAPIKey: .revokeAPIKey(id)
    case .stylesheet: .stylesheet
    case .script: .script
    case .campaigns: .campaigns
    case .campaign: .campaign(id)
    case .campaignWashes: .campaignWashes(id)
    case .campaignAgents: .campaignAgents(id)
    case .campaignStatus: .campaignStatus(id)
    case .campaignCheck: .campaignCheck(id)
    case .campaignSales: .campaignSales(id)
    case .campaignSalePreview: .campaignSalePreview(id)
    case .blockList: .blockList
    case .blockListImport: .blockListImport
    case .washes: .washes
    case .washColumns: .washColumns
    case .wash: .wash(id)
    case .washCallable: .washCallable(id)
    case .washRejected: .washRejected(id)
    case .nationalRegister: .nationalRegister
    case .decisions: .decisions
    case .outbox: .outbox
    case .requeueMessage: .requeueMessage(id)
    case .jobs: .jobs
    case .runJob: .runJob("expire-offers")
    case .requeueJob: .requeueJob(id)
    case .offerSettings: .offerSettings
    case .sales: .sales
    case .sale: .sale(id)
    case .saleWithdrawalForm: .saleWithdrawalForm(id)
    case .saleGoodsReceived: .saleGoodsReceived(id)
    case .offer: .offer(token: "tok")
    case .offerAccept: .offerAccept(token: "tok")
    case .offerDecline: .offerDecline(token: "tok")
    case .offerWithdraw: .offerWithdraw(token: "tok")
    case .offerProof: .offerProof(token: "tok")
    case .exemptions: .exemptions
    case .exemptionCustomers: .exemptionCustomers
    case .exemptionConsents: .exemptionConsents
    case .stopCalls: .stopCalls
    case .stopCallsRequest: .stopCallsRequest(id)
    case .stopCallsBusinesses: .stopCallsBusinesses
    case .complaint: .complaint
    case .complaintConfirm: .complaintConfirm(id)
    case .complaintCase: .complaintCase(token: "case-token")
    case .complaintDecisions: .complaintDecisions
    case .evidenceLog: .evidenceLog
    case .complaintCases: .complaintCases
    case .complaintCaseFile: .complaintCaseFile(id)
    case .complaintAnswer: .complaintAnswer(id)
    case .complaintAttachment: .complaintAttachment(id, file: other)
    case .complaintAction: .complaintAction(id, action: "vote")
    case .norms: .norms
    case .normVersions: .normVersions
    case .publicRegister: .publicRegister
    case .registerEntry: .registerEntry("948757494")
    case .registerBadge: .registerBadge("948757494")
    case .registerAPI: .registerAPI
    case .authorization: .authorization
    case .authorizationApplications: .authorizationApplications
    case .authorizationApplication: .authorizationApplication(id)
    case .applicationEvidence: .applicationEvidence(id)
    case .applicationEvidenceFile: .applicationEvidenceFile(id, criterion: "k1")
    case .applicationSubmit: .applicationSubmit(id)
    case .applicationWithdraw: .applicationWithdraw(id)
    case .applicationReturn: .applicationReturn(id)
    case .applicationReview: .applicationReview(id)
    case .applicationRecuse: .applicationRecuse(id)
    case .applicationVote: .applicationVote(id)
    case .applicationDecide: .applicationDecide(id)
    case .applicationFee: .applicationFee(id)
    case .authorizationCentre: .authorizationCentre(id)
    case .centreSanctions: .centreSanctions(id)
    case .centreFollowUp: .centreFollowUp(id, year: 2026)
    case .guidelines: .guidelines
    case .guidelineComparison: .guidelineComparison(from: id, to: other)
    case .guideline: .guideline(id)
    case .guidelineAcknowledge: .guidelineAcknowledge(id)
    case .guidelineVersions: .guidelineVersions(id)
    case .evaluation: .evaluation
    case .evaluationChart: .evaluationChart("decisions")
    case .evaluationScorecards: .evaluationScorecards
    case .evaluationReport: .evaluationReport
    case .evaluationTargets: .evaluationTargets
    case .evaluationExternal: .evaluationExternal
    case .events: .events
    case .event: .event(slug: "tm-dag-2008")
    case .eventRegistration: .eventRegistration(slug: "tm-dag-2008", id: id)
    case .eventFeedback: .eventFeedback(slug: "tm-dag-2008", id: id)
    case .eventsAdmin: .eventsAdmin
    case .eventAdmin: .eventAdmin(id)
    case .eventSlots: .eventSlots(id)
    case .eventSlotDelete: .eventSlotDelete(id, slot: other)
    case .eventOrganisers: .eventOrganisers(id)
    case .eventParticipants: .eventParticipants(id)
    case .eventParticipantsCSV: .eventParticipantsCSV(id)
    case .eventDiets: .eventDiets(id)
    case .eventBadges: .eventBadges(id)
    case .eventCheckIn: .eventCheckIn(id)
    case .eventCheckInCount: .eventCheckInCount(id)
    case .eventRecruitment: .eventRecruitment(id)
    case .eventFeedbackResults: .eventFeedbackResults(id)
    case .meetings: .meetings
    case .newMeeting: .newMeeting
    case .newMeetingPoll: .newMeetingPoll
    case .meeting: .meeting(id)
    case .meetingAction: .meetingAction(id, action: "publish")
    case .meetingMinutes: .meetingMinutes(id, version: 2)
    case .meetingMinutesMarkdown: .meetingMinutesMarkdown(id)
    case .meetingDecisions: .meetingDecisions
    case .meetingDecisionsCSV: .meetingDecisionsCSV
    case .meetingFeed: .meetingFeed
    case .meetingAnswer: .meetingAnswer(token: "tok")
    case .actionItem: .actionItem(token: "tok")
    case .actionItemStep: .actionItemStep(id)
    case .healthz: .healthz
    case .metrics: .metrics
    case .openAPI: .openAPI
    }
}

@Suite("One route table")
struct SiteRouteTests {
    @Test("every route fills in its own pattern: literal segments as written, one value per parameter")
    func pathsFollowPatterns() {
        for pattern in SiteRoute.Pattern.allCases {
            let route = sampleRoute(pattern)
            #expect(route.pattern == pattern)
            let path = route.path.split(separator: "?", maxSplits: 1)[0]
            let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
            let expected = pattern.rawValue.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
            #expect(segments.count == expected.count, "\(pattern): \(route.path)")
            for (segment, template) in zip(segments, expected) where !template.hasPrefix(":") {
                #expect(segment == template, "\(pattern): \(route.path)")
            }
            #expect(!segments.contains { $0.isEmpty } || pattern == .home, "\(pattern): \(route.path)")
        }
    }

    @Test("links keep the URLs outside checks call")
    func knownURLs() {
        let id = UUID(uuidString: "0A000000-0000-4000-8000-000000000001")!
        let other = UUID(uuidString: "0B000000-0000-4000-8000-000000000002")!
        #expect(SiteRoute.home.path == "/")
        #expect(SiteRoute.organisation(id).path == "/organisations/0a000000-0000-4000-8000-000000000001")
        #expect(
            SiteRoute.engagementDecision(id, engagement: other, action: "decline").path
                == "/organisations/0a000000-0000-4000-8000-000000000001/engagements/0b000000-0000-4000-8000-000000000002/decline")
        #expect(SiteRoute.centreFollowUp(id, year: 2026).path == "/authorization/centres/0a000000-0000-4000-8000-000000000001/follow-ups/2026")
        #expect(
            SiteRoute.guidelineComparison(from: id, to: other).path
                == "/guidelines/compare?from=0a000000-0000-4000-8000-000000000001&to=0b000000-0000-4000-8000-000000000002")
        #expect(SiteRoute.registerBadge("948757494").path == "/register/948757494/badge.svg")
        #expect(SiteRoute.offer(token: "abc").path == "/t/abc")
        #expect(SiteRoute.meetingCalendar(id).path == "/moter/0a000000-0000-4000-8000-000000000001.ics")
        #expect(SiteRoute.password.path(query: ["changed": "1"]) == "/account/password?changed=1")
        #expect(SiteRoute.login.path(query: ["next": "/sales/x"]) == "/login?next=/sales/x")
        #expect(SiteRoute.login.path(query: ["next": "/a&b=c"]) == "/login?next=/a%26b%3Dc")
    }

    @Test("every route of the table is registered with its methods, and every registered web route is in the table")
    func registration() async throws {
        try await withTestApp { app in
            let registered = Set(app.routes.all.map { "\($0.method.rawValue) /" + $0.path.map(\.description).joined(separator: "/") })
            let table = Set(
                SiteRoute.Pattern.allCases.flatMap { pattern in
                    pattern.methods.map { "\($0.rawValue) \(pattern.rawValue)" }
                })
            let unregistered = table.subtracting(registered).sorted()
            #expect(unregistered.isEmpty, "in SiteRoute but not registered: \(unregistered)")
            // The JSON API under /api/v1 keeps its own registration; everything else is a web route.
            let web = registered.filter { !$0.split(separator: " ")[1].hasPrefix("/api/v1/") }
            let missing = web.subtracting(table).sorted()
            #expect(missing.isEmpty, "registered but not in SiteRoute: \(missing)")
        }
    }
}
