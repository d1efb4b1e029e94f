import Foundation
import Vapor

/// Every page and form target of the site. Routes are registered from `Pattern` and views build links from
/// the cases, so a renamed or removed route is a compile error in both places.
enum SiteRoute: Sendable, Equatable {
    case home
    case login
    case logout
    case dashboard
    /// The "Kan jeg ringe?" box on the start page.
    case dashboardMayCall
    case organisations
    case newOrganisation
    case organisation(UUID)
    case memberships(UUID)
    case engagements(UUID)
    /// A client's decision on an engagement shown on organisation `UUID`: confirm, decline or exemptions.
    case engagementDecision(UUID, engagement: UUID, action: String)
    case users
    case invitations
    case invitation(token: String)
    case password
    case apiKeys
    case revokeAPIKey(UUID)
    case stylesheet
    case script
    case campaigns
    case campaign(UUID)
    case campaignWashes(UUID)
    case campaignAgents(UUID)
    case campaignStatus(UUID)
    case campaignCheck(UUID)
    /// The agent's sale form on a campaign (GET) and sending it (POST).
    case campaignSales(UUID)
    /// The sale as the consumer will see it, before it is sent.
    case campaignSalePreview(UUID)
    case blockList
    case blockListImport
    case washes
    /// The column preview the upload form asks for before a list is sent (JSON).
    case washColumns
    case wash(UUID)
    case washCallable(UUID)
    case washRejected(UUID)
    case nationalRegister
    case decisions
    case outbox
    case requeueMessage(UUID)
    case jobs
    /// Run the named job now (administrators).
    case runJob(String)
    case requeueJob(UUID)
    case offerSettings
    case sales
    case sale(UUID)
    case saleWithdrawalForm(UUID)
    case saleGoodsReceived(UUID)
    /// The consumer's offer page, reached by the link in the SMS.
    case offer(token: String)
    case offerAccept(token: String)
    case offerDecline(token: String)
    case offerWithdraw(token: String)
    /// The proof bundle of the consumer's answer (the sale's latest evidence leaf).
    case offerProof(token: String)
    case exemptions
    case exemptionCustomers
    case exemptionConsents
    /// The consumer's "stop calling me" form, and one request awaiting its code.
    case stopCalls
    case stopCallsRequest(UUID)
    /// Businesses by name as the consumer types (JSON for the stop-calls form's suggestions).
    case stopCallsBusinesses
    /// The public complaint form.
    case complaint
    /// Confirming a complaint with the SMS code.
    case complaintConfirm(UUID)
    /// A consumer's page to follow the case (the token is its secret).
    case complaintCase(token: String)
    /// The anonymised decisions, public, with search.
    case complaintDecisions
    /// The evidence log's public page: its latest checkpoint, key, witnesses and how to check a receipt.
    case evidenceLog
    /// The complaint cases of the businesses asked to answer, the secretariat and the board.
    case complaintCases
    case complaintCaseFile(UUID)
    case complaintAnswer(UUID)
    case complaintAttachment(UUID, file: UUID)
    /// A step of the secretariat or the board on a case: rapporteur, board, clock, recuse, vote, decide, confirm, close.
    case complaintAction(UUID, action: String)
    case norms
    case normVersions
    case publicRegister
    case registerEntry(String)
    case registerBadge(String)
    case registerAPI
    case authorization
    case authorizationApplications
    case authorizationApplication(UUID)
    case applicationEvidence(UUID)
    case applicationEvidenceFile(UUID, criterion: String)
    case applicationSubmit(UUID)
    case applicationWithdraw(UUID)
    case applicationReturn(UUID)
    case applicationReview(UUID)
    case applicationRecuse(UUID)
    case applicationVote(UUID)
    case applicationDecide(UUID)
    case applicationFee(UUID)
    case authorizationCentre(UUID)
    case centreSanctions(UUID)
    case centreFollowUp(UUID, year: Int)
    case guidelines
    case guidelineComparison(from: UUID, to: UUID)
    case guideline(UUID)
    case guidelineAcknowledge(UUID)
    case guidelineVersions(UUID)
    /// The evaluation dashboard, one chart as SVG (`NAME.svg`), the per-centre scorecards, the printable
    /// report, setting a target and importing an external series.
    case evaluation
    case evaluationChart(String)
    case evaluationScorecards
    case evaluationReport
    case evaluationTargets
    case evaluationExternal
    /// The public events and one event's page (registration form; `SLUG.ics` is its calendar).
    case events
    case event(slug: String)
    /// A registration's own page from the e-mail (status, cancel), and the feedback form after the day.
    case eventRegistration(slug: String, id: UUID)
    case eventFeedback(slug: String, id: UUID)
    /// The association's (and the working group's) event administration.
    case eventsAdmin
    case eventAdmin(UUID)
    case eventSlots(UUID)
    case eventSlotDelete(UUID, slot: UUID)
    case eventOrganisers(UUID)
    case eventParticipants(UUID)
    case eventParticipantsCSV(UUID)
    case eventDiets(UUID)
    case eventBadges(UUID)
    case eventCheckIn(UUID)
    case eventCheckInCount(UUID)
    case eventRecruitment(UUID)
    case eventFeedbackResults(UUID)
    /// The association's meetings (organisers, invitees and members).
    case meetings
    /// Creating a meeting (GET the form, POST it).
    case newMeeting
    /// Proposing a meeting with an availability poll.
    case newMeetingPoll
    case meeting(UUID)
    /// The meeting as an iCalendar file: `/moter/ID.ics`.
    case meetingCalendar(UUID)
    /// A step on a meeting: agenda, minutes, publish, decision, action item, attended, pick, cancel …
    case meetingAction(UUID, action: String)
    /// The published minutes (a version; the latest without one).
    case meetingMinutes(UUID, version: Int?)
    case meetingMinutesMarkdown(UUID)
    /// The decisions register with search and filters, and its CSV export.
    case meetingDecisions
    case meetingDecisionsCSV
    /// The association's meetings as one iCalendar feed.
    case meetingFeed
    /// An invitee's answer page (the token is the secret; no log-in).
    case meetingAnswer(token: String)
    /// An action item's owner closes it from the reminder's link.
    case actionItem(token: String)
    /// A step on an action item by an organiser (done, drop, reopen).
    case actionItemStep(UUID)
    case healthz
    case metrics
    case openAPI

    /// One registered path, as Vapor writes it: literal segments and `:name` parameters. The raw value is the
    /// only place a URL is spelled out; handlers read parameters by these names.
    enum Pattern: String, CaseIterable, Sendable {
        case home = "/"
        case login = "/login"
        case logout = "/logout"
        case dashboard = "/dashboard"
        case dashboardMayCall = "/dashboard/may-call"
        case organisations = "/organisations"
        case newOrganisation = "/organisations/new"
        case organisation = "/organisations/:id"
        case memberships = "/organisations/:id/memberships"
        case engagements = "/organisations/:id/engagements"
        case engagementDecision = "/organisations/:id/engagements/:engagement/:action"
        case users = "/users"
        case invitations = "/invitations"
        case invitation = "/invite/:token"
        case password = "/account/password"
        case apiKeys = "/api-keys"
        case revokeAPIKey = "/api-keys/:id/revoke"
        case stylesheet = "/static/app.css"
        case script = "/static/app.js"
        case campaigns = "/campaigns"
        case campaign = "/campaigns/:id"
        case campaignWashes = "/campaigns/:id/washes"
        case campaignAgents = "/campaigns/:id/agents"
        case campaignStatus = "/campaigns/:id/status"
        case campaignCheck = "/campaigns/:id/check"
        case campaignSales = "/campaigns/:id/sales"
        case campaignSalePreview = "/campaigns/:id/sales/preview"
        case blockList = "/block-list"
        case blockListImport = "/block-list/import"
        case washes = "/washes"
        case washColumns = "/washes/columns"
        case wash = "/washes/:id"
        case washCallable = "/washes/:id/callable"
        case washRejected = "/washes/:id/rejected"
        case nationalRegister = "/national-register"
        case decisions = "/decisions"
        case outbox = "/outbox"
        case requeueMessage = "/outbox/:id/requeue"
        case jobs = "/jobs"
        case runJob = "/jobs/:name/run"
        case requeueJob = "/jobs/runs/:id/requeue"
        case offerSettings = "/offer-settings"
        case sales = "/sales"
        case sale = "/sales/:id"
        case saleWithdrawalForm = "/sales/:id/withdrawal-form"
        case saleGoodsReceived = "/sales/:id/goods-received"
        case offer = "/t/:token"
        case offerAccept = "/t/:token/accept"
        case offerDecline = "/t/:token/decline"
        case offerWithdraw = "/t/:token/withdraw"
        case offerProof = "/t/:token/proof"
        case exemptions = "/exemptions"
        case exemptionCustomers = "/exemptions/customers"
        case exemptionConsents = "/exemptions/consents"
        case stopCalls = "/stop-calls"
        case stopCallsRequest = "/stop-calls/:id"
        case stopCallsBusinesses = "/stop-calls/businesses"
        case complaint = "/klage"
        case complaintConfirm = "/klage/:id"
        case complaintCase = "/klage/sak/:token"
        case complaintDecisions = "/klage/avgjorelser"
        case evidenceLog = "/bevislogg"
        case complaintCases = "/complaints"
        case complaintCaseFile = "/complaints/:id"
        case complaintAnswer = "/complaints/:id/answer"
        case complaintAttachment = "/complaints/:id/attachments/:file"
        case complaintAction = "/complaints/:id/:action"
        case norms = "/norms"
        case normVersions = "/norms/versions"
        case publicRegister = "/register"
        case registerEntry = "/register/:orgnr"
        case registerBadge = "/register/:orgnr/badge.svg"
        case registerAPI = "/api/v1/register"
        case authorization = "/authorization"
        case authorizationApplications = "/authorization/applications"
        case authorizationApplication = "/authorization/applications/:id"
        case applicationEvidence = "/authorization/applications/:id/evidence"
        case applicationEvidenceFile = "/authorization/applications/:id/evidence/:criterion"
        case applicationSubmit = "/authorization/applications/:id/submit"
        case applicationWithdraw = "/authorization/applications/:id/withdraw"
        case applicationReturn = "/authorization/applications/:id/return"
        case applicationReview = "/authorization/applications/:id/review"
        case applicationRecuse = "/authorization/applications/:id/recuse"
        case applicationVote = "/authorization/applications/:id/vote"
        case applicationDecide = "/authorization/applications/:id/decide"
        case applicationFee = "/authorization/applications/:id/fee"
        case authorizationCentre = "/authorization/centres/:id"
        case centreSanctions = "/authorization/centres/:id/sanctions"
        case centreFollowUp = "/authorization/centres/:id/follow-ups/:year"
        case guidelines = "/guidelines"
        case guidelineComparison = "/guidelines/compare"
        case guideline = "/guidelines/:id"
        case guidelineAcknowledge = "/guidelines/:id/acknowledge"
        case guidelineVersions = "/guidelines/:id/versions"
        case evaluation = "/evaluering"
        case evaluationChart = "/evaluering/charts/:chart"
        case evaluationScorecards = "/evaluering/scorecards"
        case evaluationReport = "/evaluering/rapport"
        case evaluationTargets = "/evaluering/targets"
        case evaluationExternal = "/evaluering/external"
        case events = "/arrangementer"
        case event = "/arrangementer/:slug"
        case eventRegistration = "/arrangementer/:slug/pamelding/:id"
        case eventFeedback = "/arrangementer/:slug/tilbakemelding/:id"
        case eventsAdmin = "/events"
        case eventAdmin = "/events/:id"
        case eventSlots = "/events/:id/slots"
        case eventSlotDelete = "/events/:id/slots/:slot/delete"
        case eventOrganisers = "/events/:id/organisers"
        case eventParticipants = "/events/:id/participants"
        case eventParticipantsCSV = "/events/:id/participants.csv"
        case eventDiets = "/events/:id/diets"
        case eventBadges = "/events/:id/badges"
        case eventCheckIn = "/events/:id/check-in"
        case eventCheckInCount = "/events/:id/check-in/count"
        case eventRecruitment = "/events/:id/recruitment"
        case eventFeedbackResults = "/events/:id/feedback"
        case meetings = "/moter"
        case newMeeting = "/moter/ny"
        case newMeetingPoll = "/moter/ny-avstemning"
        case meeting = "/moter/:id"
        case meetingAction = "/moter/:id/:action"
        case meetingMinutes = "/moter/:id/referat"
        case meetingMinutesMarkdown = "/moter/:id/referat.md"
        case meetingDecisions = "/moter/vedtak"
        case meetingDecisionsCSV = "/moter/vedtak.csv"
        case meetingFeed = "/moter/kalender.ics"
        case meetingAnswer = "/mote-svar/:token"
        case actionItem = "/tiltak/:token"
        case actionItemStep = "/moter/tiltak/:id"
        case healthz = "/healthz"
        case metrics = "/metrics"
        case openAPI = "/api/openapi.json"

        /// The methods the site answers on this path: links and redirects are GETs, forms POST.
        var methods: [HTTPMethod] {
            switch self {
            case .login, .password, .invitation, .organisations, .apiKeys, .campaigns, .blockList, .washes,
                .nationalRegister, .offerSettings, .stopCalls, .stopCallsRequest, .centreFollowUp, .complaint, .complaintConfirm,
                .offerAccept, .offerDecline, .offerWithdraw, .campaignSales, .dashboardMayCall, .event, .eventRegistration, .eventFeedback,
                .eventsAdmin, .eventAdmin, .eventCheckIn, .eventFeedbackResults,
                .newMeeting, .newMeetingPoll,
                .meetingAnswer, .actionItem:
                [.GET, .POST]
            case .logout, .washColumns, .memberships, .engagements, .engagementDecision, .invitations, .revokeAPIKey,
                .campaignWashes, .campaignAgents, .campaignStatus, .campaignCheck, .campaignSalePreview, .blockListImport,
                .requeueMessage, .runJob, .requeueJob, .saleWithdrawalForm, .saleGoodsReceived,
                .exemptionCustomers, .exemptionConsents, .normVersions,
                .authorizationApplications, .applicationEvidence, .applicationSubmit, .applicationWithdraw,
                .applicationReturn, .applicationReview, .applicationRecuse, .applicationVote, .applicationDecide,
                .applicationFee, .centreSanctions, .guidelineAcknowledge, .guidelineVersions, .complaintAnswer, .complaintAction,
                .evaluationTargets, .evaluationExternal,
                .eventSlots, .eventSlotDelete, .eventOrganisers,
                .meetingAction, .actionItemStep:
                [.POST]
            case .home, .dashboard, .newOrganisation, .organisation, .users, .stylesheet, .script, .campaign,
                .wash, .washCallable, .washRejected, .decisions, .outbox, .jobs, .sales, .sale, .offer, .exemptions,
                .norms, .publicRegister, .registerEntry, .registerBadge, .registerAPI, .authorization,
                .authorizationApplication, .applicationEvidenceFile, .authorizationCentre, .guidelines,
                .guidelineComparison, .guideline, .healthz, .metrics, .openAPI, .complaintCase, .complaintDecisions, .complaintCases,
                .complaintCaseFile, .complaintAttachment, .stopCallsBusinesses, .evaluation, .evaluationChart, .evaluationScorecards,
                .evaluationReport, .evidenceLog, .offerProof,
                .events, .eventParticipants, .eventParticipantsCSV,
                .eventDiets, .eventBadges, .eventCheckInCount, .eventRecruitment,
                .meetings, .meeting, .meetingMinutes,
                .meetingMinutesMarkdown, .meetingDecisions, .meetingDecisionsCSV, .meetingFeed:
                [.GET]
            }
        }

        /// The path as Vapor registers it.
        var pathComponents: [PathComponent] {
            rawValue.split(separator: "/").map { PathComponent(stringLiteral: String($0)) }
        }
    }

    /// The registered path this route fills in.
    var pattern: Pattern { parts.pattern }

    /// The path to link to, with the query for pages that take one.
    var path: String {
        let parts = parts
        var values = parts.parameters[...]
        let segments = parts.pattern.rawValue.split(separator: "/").map { segment in
            segment.hasPrefix(":") ? values.popFirst() ?? "" : String(segment)
        }
        let path = "/" + segments.joined(separator: "/")
        return parts.query.isEmpty ? path : Self.append(parts.query, to: path)
    }

    /// The path with `query` added, e.g. `?saved=1` after a form is stored.
    func path(query: KeyValuePairs<String, String>) -> String {
        Self.append(query.map { ($0.key, $0.value) }, to: path)
    }

    /// Query values may hold paths (`?next=/sales`); `&`, `=`, `+` and `#` are encoded so they stay one value.
    private static let queryValueAllowed = CharacterSet.urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+#"))

    private static func append(_ query: [(String, String)], to path: String) -> String {
        let items = query.map { name, value in
            name + "=" + (value.addingPercentEncoding(withAllowedCharacters: queryValueAllowed) ?? "")
        }
        return path + (path.contains("?") ? "&" : "?") + items.joined(separator: "&")
    }

    /// The pattern, the values for its `:name` segments in order, and the query.
    private var parts: (pattern: Pattern, parameters: [String], query: [(String, String)]) {
        switch self {
        case .home: (.home, [], [])
        case .login: (.login, [], [])
        case .logout: (.logout, [], [])
        case .dashboard: (.dashboard, [], [])
        case .dashboardMayCall: (.dashboardMayCall, [], [])
        case .organisations: (.organisations, [], [])
        case .newOrganisation: (.newOrganisation, [], [])
        case .organisation(let id): (.organisation, [id.pathValue], [])
        case .memberships(let id): (.memberships, [id.pathValue], [])
        case .engagements(let id): (.engagements, [id.pathValue], [])
        case .engagementDecision(let id, let engagement, let action):
            (.engagementDecision, [id.pathValue, engagement.pathValue, action], [])
        case .users: (.users, [], [])
        case .invitations: (.invitations, [], [])
        case .invitation(let token): (.invitation, [token], [])
        case .password: (.password, [], [])
        case .apiKeys: (.apiKeys, [], [])
        case .revokeAPIKey(let id): (.revokeAPIKey, [id.pathValue], [])
        case .stylesheet: (.stylesheet, [], [])
        case .script: (.script, [], [])
        case .campaigns: (.campaigns, [], [])
        case .campaign(let id): (.campaign, [id.pathValue], [])
        case .campaignWashes(let id): (.campaignWashes, [id.pathValue], [])
        case .campaignAgents(let id): (.campaignAgents, [id.pathValue], [])
        case .campaignStatus(let id): (.campaignStatus, [id.pathValue], [])
        case .campaignCheck(let id): (.campaignCheck, [id.pathValue], [])
        case .campaignSales(let id): (.campaignSales, [id.pathValue], [])
        case .campaignSalePreview(let id): (.campaignSalePreview, [id.pathValue], [])
        case .blockList: (.blockList, [], [])
        case .blockListImport: (.blockListImport, [], [])
        case .washes: (.washes, [], [])
        case .washColumns: (.washColumns, [], [])
        case .wash(let id): (.wash, [id.pathValue], [])
        case .washCallable(let id): (.washCallable, [id.pathValue], [])
        case .washRejected(let id): (.washRejected, [id.pathValue], [])
        case .nationalRegister: (.nationalRegister, [], [])
        case .decisions: (.decisions, [], [])
        case .outbox: (.outbox, [], [])
        case .requeueMessage(let id): (.requeueMessage, [id.pathValue], [])
        case .jobs: (.jobs, [], [])
        case .runJob(let name): (.runJob, [name], [])
        case .requeueJob(let id): (.requeueJob, [id.pathValue], [])
        case .offerSettings: (.offerSettings, [], [])
        case .sales: (.sales, [], [])
        case .sale(let id): (.sale, [id.pathValue], [])
        case .saleWithdrawalForm(let id): (.saleWithdrawalForm, [id.pathValue], [])
        case .saleGoodsReceived(let id): (.saleGoodsReceived, [id.pathValue], [])
        case .offer(let token): (.offer, [token], [])
        case .offerAccept(let token): (.offerAccept, [token], [])
        case .offerDecline(let token): (.offerDecline, [token], [])
        case .offerWithdraw(let token): (.offerWithdraw, [token], [])
        case .offerProof(let token): (.offerProof, [token], [])
        case .exemptions: (.exemptions, [], [])
        case .exemptionCustomers: (.exemptionCustomers, [], [])
        case .exemptionConsents: (.exemptionConsents, [], [])
        case .stopCalls: (.stopCalls, [], [])
        case .stopCallsRequest(let id): (.stopCallsRequest, [id.pathValue], [])
        case .stopCallsBusinesses: (.stopCallsBusinesses, [], [])
        case .complaint: (.complaint, [], [])
        case .complaintConfirm(let id): (.complaintConfirm, [id.pathValue], [])
        case .complaintCase(let token): (.complaintCase, [token], [])
        case .complaintDecisions: (.complaintDecisions, [], [])
        case .evidenceLog: (.evidenceLog, [], [])
        case .complaintCases: (.complaintCases, [], [])
        case .complaintCaseFile(let id): (.complaintCaseFile, [id.pathValue], [])
        case .complaintAnswer(let id): (.complaintAnswer, [id.pathValue], [])
        case .complaintAttachment(let id, let file): (.complaintAttachment, [id.pathValue, file.pathValue], [])
        case .complaintAction(let id, let action): (.complaintAction, [id.pathValue, action], [])
        case .norms: (.norms, [], [])
        case .normVersions: (.normVersions, [], [])
        case .publicRegister: (.publicRegister, [], [])
        case .registerEntry(let orgnr): (.registerEntry, [orgnr], [])
        case .registerBadge(let orgnr): (.registerBadge, [orgnr], [])
        case .registerAPI: (.registerAPI, [], [])
        case .authorization: (.authorization, [], [])
        case .authorizationApplications: (.authorizationApplications, [], [])
        case .authorizationApplication(let id): (.authorizationApplication, [id.pathValue], [])
        case .applicationEvidence(let id): (.applicationEvidence, [id.pathValue], [])
        case .applicationEvidenceFile(let id, let criterion): (.applicationEvidenceFile, [id.pathValue, criterion], [])
        case .applicationSubmit(let id): (.applicationSubmit, [id.pathValue], [])
        case .applicationWithdraw(let id): (.applicationWithdraw, [id.pathValue], [])
        case .applicationReturn(let id): (.applicationReturn, [id.pathValue], [])
        case .applicationReview(let id): (.applicationReview, [id.pathValue], [])
        case .applicationRecuse(let id): (.applicationRecuse, [id.pathValue], [])
        case .applicationVote(let id): (.applicationVote, [id.pathValue], [])
        case .applicationDecide(let id): (.applicationDecide, [id.pathValue], [])
        case .applicationFee(let id): (.applicationFee, [id.pathValue], [])
        case .authorizationCentre(let id): (.authorizationCentre, [id.pathValue], [])
        case .centreSanctions(let id): (.centreSanctions, [id.pathValue], [])
        case .centreFollowUp(let id, let year): (.centreFollowUp, [id.pathValue, String(year)], [])
        case .guidelines: (.guidelines, [], [])
        case .guidelineComparison(let from, let to): (.guidelineComparison, [], [("from", from.pathValue), ("to", to.pathValue)])
        case .guideline(let id): (.guideline, [id.pathValue], [])
        case .guidelineAcknowledge(let id): (.guidelineAcknowledge, [id.pathValue], [])
        case .guidelineVersions(let id): (.guidelineVersions, [id.pathValue], [])
        case .evaluation: (.evaluation, [], [])
        case .evaluationChart(let name): (.evaluationChart, [name + ".svg"], [])
        case .evaluationScorecards: (.evaluationScorecards, [], [])
        case .evaluationReport: (.evaluationReport, [], [])
        case .evaluationTargets: (.evaluationTargets, [], [])
        case .evaluationExternal: (.evaluationExternal, [], [])
        case .events: (.events, [], [])
        case .event(let slug): (.event, [slug], [])
        case .eventRegistration(let slug, let id): (.eventRegistration, [slug, id.pathValue], [])
        case .eventFeedback(let slug, let id): (.eventFeedback, [slug, id.pathValue], [])
        case .eventsAdmin: (.eventsAdmin, [], [])
        case .eventAdmin(let id): (.eventAdmin, [id.pathValue], [])
        case .eventSlots(let id): (.eventSlots, [id.pathValue], [])
        case .eventSlotDelete(let id, let slot): (.eventSlotDelete, [id.pathValue, slot.pathValue], [])
        case .eventOrganisers(let id): (.eventOrganisers, [id.pathValue], [])
        case .eventParticipants(let id): (.eventParticipants, [id.pathValue], [])
        case .eventParticipantsCSV(let id): (.eventParticipantsCSV, [id.pathValue], [])
        case .eventDiets(let id): (.eventDiets, [id.pathValue], [])
        case .eventBadges(let id): (.eventBadges, [id.pathValue], [])
        case .eventCheckIn(let id): (.eventCheckIn, [id.pathValue], [])
        case .eventCheckInCount(let id): (.eventCheckInCount, [id.pathValue], [])
        case .eventRecruitment(let id): (.eventRecruitment, [id.pathValue], [])
        case .eventFeedbackResults(let id): (.eventFeedbackResults, [id.pathValue], [])
        case .meetings: (.meetings, [], [])
        case .newMeeting: (.newMeeting, [], [])
        case .newMeetingPoll: (.newMeetingPoll, [], [])
        case .meeting(let id): (.meeting, [id.pathValue], [])
        case .meetingCalendar(let id): (.meeting, [id.pathValue + ".ics"], [])
        case .meetingAction(let id, let action): (.meetingAction, [id.pathValue, action], [])
        case .meetingMinutes(let id, let version): (.meetingMinutes, [id.pathValue], version.map { [("version", String($0))] } ?? [])
        case .meetingMinutesMarkdown(let id): (.meetingMinutesMarkdown, [id.pathValue], [])
        case .meetingDecisions: (.meetingDecisions, [], [])
        case .meetingDecisionsCSV: (.meetingDecisionsCSV, [], [])
        case .meetingFeed: (.meetingFeed, [], [])
        case .meetingAnswer(let token): (.meetingAnswer, [token], [])
        case .actionItem(let token): (.actionItem, [token], [])
        case .actionItemStep(let id): (.actionItemStep, [id.pathValue], [])
        case .healthz: (.healthz, [], [])
        case .metrics: (.metrics, [], [])
        case .openAPI: (.openAPI, [], [])
        }
    }
}

extension UUID {
    /// Ids appear in URLs in lower case.
    fileprivate var pathValue: String { uuidString.lowercased() }
}

extension RoutesBuilder {
    /// Registers a page of the site.
    @discardableResult
    func get(
        _ page: SiteRoute.Pattern, use closure: @Sendable @escaping (Request) async throws -> some AsyncResponseEncodable
    ) -> Route {
        on(.GET, page.pathComponents, use: closure)
    }

    /// Registers a form target of the site.
    @discardableResult
    func post(
        _ page: SiteRoute.Pattern, use closure: @Sendable @escaping (Request) async throws -> some AsyncResponseEncodable
    ) -> Route {
        on(.POST, page.pathComponents, use: closure)
    }

    /// Registers a form target whose body may exceed the default limit.
    @discardableResult
    func post(
        _ page: SiteRoute.Pattern, body: HTTPBodyStreamStrategy,
        use closure: @Sendable @escaping (Request) async throws -> some AsyncResponseEncodable
    ) -> Route {
        on(.POST, page.pathComponents, body: body, use: closure)
    }

    /// Registers a file-upload form target (see `upload(_:maxSize:use:)` for the CSRF check's body limit).
    @discardableResult
    func upload(
        _ page: SiteRoute.Pattern, maxSize: ByteCount,
        use closure: @Sendable @escaping (Request) async throws -> some AsyncResponseEncodable
    ) -> Route {
        upload(page.pathComponents, maxSize: maxSize, use: closure)
    }
}

extension Request {
    /// A UUID path parameter; a malformed one is a 404, like an unknown id.
    func uuidParameter(_ name: String = "id") throws -> UUID {
        guard let raw = parameters.get(name), let id = UUID(uuidString: raw) else {
            throw AppError.notFound()
        }
        return id
    }

    /// A redirect that works for forms (303 See Other).
    func redirect(to route: SiteRoute) -> Response {
        redirect(to: route.path, redirectType: .normal)
    }

    /// A redirect to `route` with a query, e.g. a "saved" notice (303 See Other).
    func redirect(to route: SiteRoute, query: KeyValuePairs<String, String>) -> Response {
        redirect(to: route.path(query: query), redirectType: .normal)
    }
}
