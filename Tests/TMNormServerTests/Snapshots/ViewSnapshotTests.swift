import Foundation
import TMNormCore
import Testing

@testable import TMNormServer

/// Fixed sample data: every id, date and token is a constant, so a snapshot changes only when a page does.
enum Sample {
    static let now = Date(timeIntervalSince1970: 1_796_029_200)
    static let earlier = now.addingTimeInterval(-86_400 * 3 - 3_600)
    static let id1 = UUID(uuidString: "11111111-1111-4111-8111-111111111111")!
    static let id2 = UUID(uuidString: "22222222-2222-4222-8222-222222222222")!
    static let id3 = UUID(uuidString: "33333333-3333-4333-8333-333333333333")!

    static let callCentreAdmin = CurrentUser(
        id: id1, name: "Kari Nordmann", email: "kari@ringesenter.no", role: .callCentreAdmin,
        organisationID: id2, organisationName: "Ringesenteret AS", organisationKind: .callCentre, sessionID: id3)

    /// A signed-out page in Norwegian: no navigation.
    static func anonymous(_ path: String, language: Language = .nb) -> PageContext {
        PageContext(language: language, user: nil, csrf: "csrf-token", path: path)
    }

    /// A page for the call centre's administrator: full navigation.
    static func signedIn(_ path: String, language: Language = .nb) -> PageContext {
        PageContext(language: language, user: callCentreAdmin, csrf: "csrf-token", path: path)
    }

    static let client = OrganisationRow(
        id: id1, name: "Strømselskapet AS", orgnr: try? OrganisationNumber("948757494"), rawOrgnr: "948757494", kind: .client)
    static let problem = FieldProblem(field: "name", reason: "must not be empty")
}

@Suite("View snapshots")
struct ViewSnapshotTests {
    @Test("error page, signed out, in English")
    func errorPage() {
        let context = Sample.anonymous("/nowhere", language: .en)
        let error = AppError.notFound()
        assertSnapshot(
            ErrorPageView.render(error: error, title: context.t(ErrorPageView.title(error.status)), context: context), named: "error-404-en")
    }

    @Test("log-in page with a failed attempt")
    func login() {
        let model = LoginView.Model(email: "kari@ringesenter.no", next: "/sales", failed: true)
        assertSnapshot(LoginView.render(model, context: Sample.anonymous("/login")), named: "login-failed")
    }

    @Test("dashboard of a call centre's administrator, with the navigation")
    func dashboard() {
        var model = DashboardView.Model(user: Sample.callCentreAdmin)
        model.cards = [
            .init(label: Phrase(nb: "Oppdragsgivere", en: "Clients"), figure: 3, link: .organisation(Sample.id2)),
            .init(label: Phrase(nb: "Selgere", en: "Agents"), figure: 12, link: .users),
        ]
        model.todos = [
            .init(
                id: "campaigns", title: Phrase(nb: "Kampanjer uten gyldig vasking", en: "Campaigns without a valid wash"),
                empty: Phrase(nb: "Alle aktive kampanjer har en gyldig vasking.", en: "Every active campaign has a valid wash."),
                items: [
                    .init(
                        title: "Strøm vinter", href: SiteRoute.campaign(Sample.id3).path,
                        detail: Phrase(nb: "Ingen gyldig vasking", en: "No valid wash"),
                        badge: (Phrase(nb: "Kan ikke ringe", en: "Cannot call"), .bad))
                ], all: .campaigns),
            .init(
                id: "washes", title: Phrase(nb: "Vaskinger som går ut denne måneden", en: "Washes expiring this month"),
                empty: Phrase(nb: "Ingen vaskinger går ut denne måneden.", en: "No washes expire this month."), items: [], all: .washes),
        ]
        model.checkCampaigns = [
            .init(id: Sample.id3, name: "Strøm vinter", client: "Strømselskapet AS", startsOn: "2026-11-01", endsOn: "2026-12-31")
        ]
        model.mayCallAnswer = .init(
            number: "41234567", campaign: "Strøm vinter", allowed: false, reasons: ["saturday", "reserved_phone"], nextAllowed: Sample.now)
        assertSnapshot(DashboardView.render(model, context: Sample.signedIn("/dashboard")), named: "dashboard-call-centre-admin")
    }

    @Test("API keys with a new key, an active and a revoked one")
    func apiKeys() {
        let model = APIKeysView.Model(
            rows: [
                .init(
                    id: Sample.id1, name: "Dialer produksjon", prefix: "tmk_ab12", createdAt: Sample.earlier, lastUsedAt: Sample.now, revokedAt: nil),
                .init(id: Sample.id2, name: "Gammel <nøkkel>", prefix: "tmk_cd34", createdAt: Sample.earlier, lastUsedAt: nil, revokedAt: Sample.now),
            ],
            newKey: "tmk_ab12secret")
        assertSnapshot(APIKeysView.render(model, context: Sample.signedIn("/api-keys")), named: "api-keys")
    }

    @Test("users with an invitation link")
    func users() {
        let model = UsersView.Model(
            users: [
                .init(name: "Kari Nordmann", email: "kari@ringesenter.no", role: .callCentreAdmin, disabled: false),
                .init(name: "Ola Selger", email: "ola@ringesenter.no", role: .agent, disabled: true),
            ],
            targets: [.init(id: Sample.id2, name: "Ringesenteret AS", roles: [.callCentreAdmin, .agent])],
            invitationLink: "http://tmnorm.test/invite/abc123", problems: [])
        assertSnapshot(UsersView.render(model, context: Sample.signedIn("/users")), named: "users")
    }

    @Test("block list after an import with a rejected row")
    func blockList() {
        let model = BlockListView.Model(
            targets: [Sample.client], counts: [("Strømselskapet AS", 42)], canImport: true,
            outcome: .init(
                added: 2, alreadyBlocked: 1,
                problems: [
                    .init(
                        field: "line 3", Phrase(nb: "har 2 siffer: norske nummer har 8 siffer", en: "has 2 digits: Norwegian numbers have 8 digits"))
                ]))
        assertSnapshot(BlockListView.render(model, context: Sample.signedIn("/block-list")), named: "block-list")
    }

    @Test("offer settings of a client, saved")
    func offerSettings() {
        let model = OfferSettingsView.Model(
            address: "Storgata 1, 0155 Oslo", phone: "+47 22 00 00 00", email: "kundeservice@strom.no",
            webhookURL: "https://strom.no/hooks/tmnorm", hasSecret: true, isClient: true, problems: [], saved: true)
        assertSnapshot(OfferSettingsView.render(model, context: Sample.signedIn("/offer-settings")), named: "offer-settings")
    }

    @Test("the consumer's stop-calls pages: start with a problem, code, done")
    func consumerBlock() {
        let context = Sample.anonymous("/stop-calls")
        assertSnapshot(
            ConsumerBlockView.start(
                business: "Strøm",
                problems: [
                    .init(
                        field: "phone",
                        Phrase(nb: "må være et mobilnummer: koden sendes på SMS", en: "must be a mobile number: the code is sent by SMS"))
                ], context: context),
            named: "stop-calls-start")
        assertSnapshot(ConsumerBlockView.code(requestID: Sample.id1, problem: nil, context: context), named: "stop-calls-code")
        assertSnapshot(ConsumerBlockView.done(business: "Strømselskapet AS", context: context), named: "stop-calls-done")
    }

    @Test("exemptions with customers and consents")
    func exemptions() {
        let model = ExemptionsView.Model(
            clients: [Sample.client], customers: [("Strømselskapet AS", "948757494", 120)], consents: [("Strømselskapet AS", 8)],
            message: Phrase(nb: "Importert 120 kunder.", en: "Imported 120 customers."), problems: [])
        assertSnapshot(ExemptionsView.render(model, context: Sample.signedIn("/exemptions")), named: "exemptions")
    }

    @Test("decision log with an allowed and a refused answer")
    func decisions() {
        let model = DecisionsView.Model(
            number: "+4791234567", campaign: "", problems: [],
            rows: [
                .init(
                    id: Sample.id1, campaign: "Vinterkampanje", allowed: true, reasons: [], decidedAt: Sample.earlier, register: "2026-11-29",
                    ruleSet: "2026.1"),
                .init(
                    id: Sample.id2, campaign: "Vinterkampanje", allowed: false, reasons: ["reserved"], decidedAt: Sample.now, register: nil,
                    ruleSet: "2026.1"),
            ])
        assertSnapshot(DecisionsView.render(model, context: Sample.signedIn("/decisions")), named: "decisions")
    }

    @Test("outbox with a sent SMS and a dead e-mail")
    func outbox() {
        let model = OutboxView.Model(rows: [
            .init(
                id: Sample.id1, kind: .sms, recipient: "+47 9•••• 567", subject: nil, status: .sent, attempts: 1,
                nextAttemptAt: Sample.earlier, lastError: nil, transport: "development", segments: 2, createdAt: Sample.earlier,
                sentAt: Sample.earlier, text: "Tilbud fra Strømselskapet AS: http://tmnorm.test/t/abc",
                bodySHA256: String(repeating: "ab", count: 32),
                deliveryStatus: "delivered", deliveryReportedAt: Sample.now),
            .init(
                id: Sample.id2, kind: .email, recipient: "o•••@example.no", subject: "Kvittering", status: .dead, attempts: 8,
                nextAttemptAt: Sample.now, lastError: "550 mailbox unavailable", transport: "smtp", segments: nil, createdAt: Sample.earlier,
                sentAt: nil, text: nil, bodySHA256: String(repeating: "cd", count: 32)),
        ])
        assertSnapshot(OutboxView.render(model, context: Sample.signedIn("/outbox")), named: "outbox")
    }

    @Test("national register with an active and a failed import")
    func nationalRegister() {
        let model = RegisterView.Model(
            rows: [
                .init(
                    importedAt: Sample.now, obtainedAt: Sample.earlier, fileName: "reservasjon-2026-11-27.csv", status: .active,
                    numbers: 2_500_000, persons: 1_900_000, rejectedRows: 3, sha256: String(repeating: "ef", count: 32), error: nil, problems: []),
                .init(
                    importedAt: Sample.earlier, obtainedAt: Sample.earlier, fileName: "feil.csv", status: .failed,
                    numbers: 0, persons: 0, rejectedRows: 0, sha256: String(repeating: "01", count: 32),
                    error: Phrase(nb: "mangler overskriftsrad", en: "no header row"), problems: []),
            ],
            installationCopy: false, message: Phrase(nb: "Registeret er importert.", en: "The register was imported."), failed: false)
        assertSnapshot(RegisterView.render(model, context: Sample.signedIn("/national-register")), named: "national-register")
    }

    static let offerText = """
        Skriftlig tilbud etter telefonsamtale

        Til: Ola Nordmann
        Fra: Strømselskapet AS (org.nr. 948 757 494), Postboks 1, 5804 Bergen
        Selger: Ringesenteret AS ringte deg på vegne av Strømselskapet AS.

        Du er bare bundet av avtalen hvis du aksepterer dette tilbudet skriftlig.

        Tilbudet
        Produkt: Strøm Fastpris <12>
        Pris: 399,00 kr per måned
        """

    static func offerModel(_ state: OfferState, language: Language, notice: String? = nil) -> ConsumerOfferView.Model {
        let nb = language == .nb
        return ConsumerOfferView.Model(
            state: state, token: "tok123", reference: "TM-2026-0001", sellerName: "Ringesenteret AS", clientName: "Strømselskapet AS",
            consumerName: "Ola Nordmann",
            summary: OfferSummary(
                product: "Strøm Fastpris 12", price: nb ? "399,00 kr per måned" : "NOK 399.00 per month", total: nb ? "4 788,00 kr" : "NOK 4,788.00",
                totalKind: .overBinding, binding: nb ? "12 måneder" : "12 months", withdrawalPeriodDays: 14),
            text: offerText, acceptByDay: try? LocalDate(year: 2026, month: 12, day: 10), acceptedAt: state == .accepted ? Sample.earlier : nil,
            withdrawalLastDay: state == .accepted ? try? LocalDate(year: 2026, month: 12, day: 14) : nil, canWithdraw: state == .accepted,
            copySentTo: [
                Phrase(nb: "SMS til 412 34 567", en: "SMS to 412 34 567"), Phrase(nb: "e-post til ola@example.no", en: "e-mail to ola@example.no"),
            ],
            notice: notice)
    }

    @Test("the consumer's offer page, waiting for an answer, in Norwegian")
    func consumerOffer() {
        assertSnapshot(
            ConsumerOfferView.render(Self.offerModel(.sent, language: .nb), context: Sample.anonymous("/t/tok123")), named: "consumer-offer-sent")
    }

    @Test("the consumer's receipt after acceptance, in English")
    func consumerOfferAccepted() {
        assertSnapshot(
            ConsumerOfferView.render(Self.offerModel(.accepted, language: .en), context: Sample.anonymous("/t/tok123", language: .en)),
            named: "consumer-offer-accepted-en")
    }

    @Test("the step that asks once more before the consumer is bound")
    func consumerOfferConfirm() {
        assertSnapshot(
            ConsumerOfferView.render(Self.offerModel(.sent, language: .nb), context: Sample.anonymous("/t/tok123/accept"), step: .confirmAccept),
            named: "consumer-offer-confirm")
    }

    @Test("the withdrawal form, filled in from the agreement")
    func consumerWithdrawForm() {
        assertSnapshot(
            ConsumerOfferView.render(Self.offerModel(.accepted, language: .nb), context: Sample.anonymous("/t/tok123/withdraw"), step: .withdrawForm),
            named: "consumer-offer-withdraw-form")
    }

    @Test("the agent's sale form, failed, with what was typed and the problems by the fields")
    func saleForm() {
        let model = SaleFormView.Model(
            campaignID: Sample.id1, campaignName: "Strøm høst 2026", clientName: "Strømselskapet AS", newspaper: false,
            values: ["consumer_name": "Ola <Nordmann>", "amount": "12,345", "period": "month", "binding_months": "12"], key: "key-1",
            problems: ["amount": "beløpet kan ha høyst to desimaler", "payment": "må fylles ut"], general: [],
            today: (try? LocalDate(year: 2026, month: 12, day: 6))!)
        assertSnapshot(SaleFormView.render(model, context: Sample.signedIn("/campaigns/x/sales/preview")), named: "sale-form")
    }

    @Test("campaign list with the form for a new campaign")
    func campaigns() {
        let model = CampaignListView.Model(
            rows: [
                .init(
                    id: Sample.id3, name: "Vinterkampanje", client: "Strømselskapet AS", callCentre: "Ringesenteret AS", status: .active,
                    startsOn: "2026-11-01", endsOn: "2026-12-31")
            ],
            clients: [Sample.client], problems: [Sample.problem])
        assertSnapshot(CampaignListView.render(model, context: Sample.signedIn("/campaigns")), named: "campaigns")
    }

    @Test("wash list")
    func washes() {
        let model = WashListView.Model(
            rows: [
                .init(
                    id: Sample.id1, fileName: "ringeliste.csv", washedAt: Sample.earlier, rows: 1000, callable: 870, rejected: 130,
                    validUntil: Sample.now)
            ],
            clients: [Sample.client])
        assertSnapshot(WashListView.render(model, context: Sample.signedIn("/washes")), named: "washes")
    }

    @Test("organisation list")
    func organisations() {
        let model = OrganisationListView.Model(rows: [Sample.client], canCreate: true)
        assertSnapshot(OrganisationListView.render(model, context: Sample.signedIn("/organisations")), named: "organisations")
    }

    @Test("an organisation with a membership and a pending engagement the viewer may decide")
    func organisationDetail() {
        let association = OrganisationRow(id: Sample.id3, name: "Bransjeforeningen", orgnr: nil, rawOrgnr: "123", kind: .association)
        let centre = OrganisationRow(id: Sample.id2, name: "Ringesenteret AS", orgnr: nil, rawOrgnr: "987654321", kind: .callCentre)
        let model = OrganisationDetailView.Model(
            organisation: centre,
            memberships: [.init(counterpart: association, from: "2026-01-01", until: nil)],
            members: [],
            engagements: [
                .init(
                    counterpart: Sample.client, from: "2026-02-01", until: "2026-12-31",
                    engagement: .init(id: Sample.id1, status: .pending, mayRecordExemptions: true, canDecide: true))
            ],
            canAddMembership: true, canAddEngagement: true, associations: [association], clients: [Sample.client])
        assertSnapshot(
            OrganisationDetailView.render(model, context: Sample.signedIn("/organisations/22222222-2222-4222-8222-222222222222")),
            named: "organisation-detail")
    }

    @Test("the form for a new organisation with a problem")
    func organisationForm() {
        let model = OrganisationFormView.Model(
            name: "Ny & bedre AS", orgnr: "12", kind: "client",
            problems: [
                .init(
                    field: "orgnr",
                    Phrase(nb: "har 2 siffer: et organisasjonsnummer har nøyaktig 9", en: "has 2 digits: an organisation number has exactly 9"))
            ])
        assertSnapshot(OrganisationFormView.render(model, context: Sample.signedIn("/organisations/new")), named: "organisation-form")
    }

    @Test("a campaign its call centre may manage and check")
    func campaignDetail() {
        let model = CampaignDetailView.Model(
            id: Sample.id3, name: "Vinterkampanje", client: "Strømselskapet AS", category: "electricity", callerID: "+4722000000",
            voluntary: false, newspaper: false, startsOn: "2026-11-01", endsOn: "2026-12-31", status: .active,
            validity: CampaignValidity(hasValidWash: true, callerIDAllowed: true, withinPeriod: true),
            washes: [("ringeliste.csv", Sample.earlier, Sample.now)], agents: ["Ola Selger"], canManage: true, canCheck: true,
            availableWashes: [(Sample.id1, "ringeliste-2.csv")], availableAgents: [(Sample.id2, "Per Selger")], verdict: nil)
        assertSnapshot(
            CampaignDetailView.render(model, context: Sample.signedIn("/campaigns/33333333-3333-4333-8333-333333333333")), named: "campaign-detail")
    }

    @Test("a wash without a certificate")
    func washDetail() {
        let model = WashDetailView.Model(id: Sample.id1, fileName: "ringeliste.csv", certificate: nil, clientName: "Strømselskapet AS")
        assertSnapshot(WashDetailView.render(model, context: Sample.signedIn("/washes/11111111-1111-4111-8111-111111111111")), named: "wash-detail")
    }

    @Test("a sale's evidence page with the staff forms and an empty chain")
    func saleEvidence() throws {
        let today = try LocalDate(year: 2026, month: 11, day: 30)
        let model = SaleEvidenceView.Model(
            reference: "TM-2026-0001", state: "accepted", consumer: "Ola Nordmann", product: "Strøm fastpris", campaign: "Vinterkampanje",
            callCentre: "Ringesenteret AS", client: "Strømselskapet AS", agent: "Per Selger", registeredBy: "api", createdAt: Sample.earlier,
            acceptBy: Sample.now, withdrawalDeadline: "2026-12-14", exemption: nil, offerText: "Tilbud om strøm.",
            offerSHA256: String(repeating: "ab", count: 32),
            entries: [], verification: .intact(count: 0, headHash: ""),
            staff: SaleStaffForms.Model(saleID: Sample.id1, state: "accepted", isGoods: true, goodsReceivedOn: nil, today: today))
        assertSnapshot(
            SaleEvidenceView.render(model, context: Sample.signedIn("/sales/11111111-1111-4111-8111-111111111111")), named: "sale-evidence")
    }

    @Test("password change, done")
    func password() {
        assertSnapshot(
            PasswordView.render(.init(problems: [], changed: true), context: Sample.signedIn("/account/password")), named: "password-changed")
    }

    @Test("accepting an invitation")
    func invitation() {
        let model = InvitationAcceptView.Model(token: "invite-token", email: "ola@ringesenter.no", organisationName: "Ringesenteret AS", role: .agent)
        assertSnapshot(InvitationAcceptView.render(model, context: Sample.anonymous("/invite/invite-token")), named: "invitation")
    }

    @Test("the public register and one entry, in English")
    func publicRegister() throws {
        let today = try LocalDate(year: 2026, month: 11, day: 30)
        let entry = AuthorizationRegisterEntry(
            orgnr: try OrganisationNumber("948757494"), name: "Ringesenteret AS", status: .approved,
            validUntil: try LocalDate(year: 2028, month: 6, day: 30))
        let list = PublicRegisterView.Model(query: "ringe", today: today, rows: [entry])
        assertSnapshot(PublicRegisterView.render(list, context: Sample.anonymous("/register", language: .en)), named: "public-register-en")
        let page = RegisterEntryView.Model(
            entry: entry, checkedAt: Sample.now, badgeURL: "http://tmnorm.test/register/948757494/badge.svg",
            pageURL: "http://tmnorm.test/register/948757494")
        assertSnapshot(RegisterEntryView.render(page, context: Sample.anonymous("/register/948757494", language: .en)), named: "register-entry-en")
    }

    @Test("calling-time norms with the example norm, editable")
    func norms() throws {
        let model = IndustryNormView.Model(
            norms: [(association: "Bransjeforeningen", norm: IndustryNorm.exampleStricterNorm)], canEdit: true,
            problems: [], added: true, today: try LocalDate(year: 2026, month: 11, day: 30))
        assertSnapshot(IndustryNormView.render(model, context: Sample.signedIn("/norms")), named: "norms")
    }

    @Test("sales list with rates per campaign and agent")
    func salesList() {
        let campaign = Sample.id3.uuidString.lowercased()
        let report = AcceptanceStatistics.aggregate([
            AcceptanceRow(campaignID: campaign, agentID: nil, state: .accepted),
            AcceptanceRow(campaignID: campaign, agentID: nil, state: .declined),
            AcceptanceRow(campaignID: campaign, agentID: nil, state: .sent),
        ])
        var filters = SalesWebRoutes.Filters()
        filters.state = "accepted"
        let model = SalesListView.Model(
            filters: filters,
            rows: [
                .init(
                    id: Sample.id1, createdAt: Sample.earlier, reference: "TM-2026-0001", consumer: "Ola Nordmann", product: "Strøm fastpris",
                    campaign: "Vinterkampanje", callCentre: "Ringesenteret AS", client: "Strømselskapet AS", agent: nil, state: "accepted")
            ],
            overall: report.overall,
            perCampaign: report.perCampaign.map { ("Vinterkampanje", $0) },
            perAgent: report.perAgent.map { (nil, $0) },
            campaignOptions: [(campaign, "Vinterkampanje")], readOnlyOversight: false)
        assertSnapshot(SalesListView.render(model, context: Sample.signedIn("/sales")), named: "sales")
    }

    @Test("guidelines: the list, a version due for acknowledgement, and the comparison of two versions")
    func guidelines() throws {
        let today = try LocalDate(year: 2026, month: 11, day: 30)
        let old = try GuidelineVersion(
            id: "etikk-1", documentKey: "etikk", title: "Etiske retningslinjer", versionLabel: "1.0",
            adoptedOn: try LocalDate(year: 2025, month: 1, day: 1), inForceFrom: try LocalDate(year: 2025, month: 2, day: 1),
            bindsMembersOf: ["Bransjeforeningen"], markdown: "# Formål\n\nVi ringer høflig.\n\nVi ringer ikke etter kl. 21.")
        let new = try GuidelineVersion(
            id: "etikk-2", documentKey: "etikk", title: "Etiske retningslinjer", versionLabel: "2.0",
            adoptedOn: try LocalDate(year: 2026, month: 1, day: 1), inForceFrom: try LocalDate(year: 2026, month: 2, day: 1),
            bindsMembersOf: ["Bransjeforeningen"], markdown: "# Formål\n\nVi ringer høflig og <tydelig>.\n\nVi ringer ikke etter kl. 21.")
        let document = try GuidelineDocument(key: "etikk", publisher: "Bransjeforeningen", versions: [old, new])
        let list = GuidelineListView.Model(
            today: today, rows: [.init(document: document, inForce: new, ids: ["etikk-1": Sample.id1, "etikk-2": Sample.id2])])
        assertSnapshot(GuidelineListView.render(list, context: Sample.signedIn("/guidelines")), named: "guidelines")
        let version = GuidelineVersionView.Model(
            id: Sample.id2, document: document, version: new, today: today, isInForce: true, lastDay: nil, predecessorID: Sample.id1,
            otherVersions: [(id: Sample.id1, version: old)], html: GuidelineMarkdown.render(new.markdown, headingOffset: 1),
            acknowledgement: .due, overview: nil, canAddVersion: false)
        assertSnapshot(
            GuidelineVersionView.render(version, context: Sample.signedIn("/guidelines/22222222-2222-4222-8222-222222222222")),
            named: "guideline-version")
        let compare = GuidelineCompareView.Model(
            fromID: Sample.id1, toID: Sample.id2, from: old, to: new, diff: try GuidelineDiff(from: old, to: new))
        assertSnapshot(GuidelineCompareView.render(compare, context: Sample.signedIn("/guidelines/compare")), named: "guideline-compare")
    }

    @Test("background jobs: schedules, last and next runs, a run waiting to retry and a stopped one")
    func jobs() throws {
        let model = JobOverview(
            jobs: [
                .init(
                    name: "offer-expiry", summary: ConfirmationJobs.expiry.summary, schedule: .every(seconds: 5), lastDone: Sample.now,
                    lastResult: "2 expired", nextRun: Sample.now.addingTimeInterval(5), queued: 0, running: 0, dead: 0),
                .init(
                    name: "jobs-prune", summary: JobModel.pruneJob.summary, schedule: .daily(at: LocalTime(secondsSinceMidnight: 12_600)),
                    lastDone: nil, lastResult: nil, nextRun: Sample.now.addingTimeInterval(3_600), queued: 1, running: 0, dead: 1),
            ],
            troubled: [
                .init(
                    id: Sample.id1, kind: "jobs-prune", status: .dead, attempts: 5, maxAttempts: 5, runAt: Sample.earlier,
                    lastError: "database <unavailable>"),
                .init(
                    id: Sample.id2, kind: "authorization-reminders", status: .queued, attempts: 1, maxAttempts: 5, runAt: Sample.now,
                    lastError: "timeout"),
            ])
        assertSnapshot(
            JobsView.render(
                model, message: Phrase(nb: "Jobben er kjørt: 2 expired.", en: "The job has run: 2 expired."), context: Sample.signedIn("/jobs")),
            named: "jobs")
    }
}

@Suite("Complaint page snapshots")
struct ComplaintSnapshotTests {
    static let facts = ComplaintFacts(
        reservedAtCall: .known(true, source: "register:x", since: Sample.earlier), withinCallingHours: .known(true, source: "norms"),
        decisionLogged: .known(false, source: "decisions"), inValidWash: .known(false, source: "washes"),
        onBlockList: .known(false, source: "block-list"), writtenAcceptance: .unknown("no_sale"), callerIDAllowed: .known(true, source: "campaign"))

    static func handling() throws -> ComplaintCase {
        let board = try AuthorizationBoard(members: [AuthorizationBoardMember(id: "m1", name: "Halvor Kvamme")], quorum: .count(1))
        var c = ComplaintCase(openedAt: Sample.earlier)
        try c.answer(as: .callCentre, text: "Vi beklager.", at: Sample.earlier.addingTimeInterval(3_600))
        try c.sendToBoard(board, at: Sample.now)
        try c.assignRapporteur("m1", board: board, at: Sample.now)
        try c.stopClock(reason: "Venter på lydopptak", at: Sample.now)
        return c
    }

    static func model(viewer: ComplaintCases.Viewer, contact: ComplaintCaseViews.Contact?) throws -> ComplaintCaseViews.CaseModel {
        ComplaintCaseViews.CaseModel(
            id: Sample.id1, reference: "K-2026-7KQ2MX", handling: try handling(), business: "Ringesenteret AS", number: "91234567",
            calledAt: Sample.earlier, reasons: [.reserved, .pressure], text: "De ringte meg selv om jeg er reservert.", facts: facts,
            contact: contact,
            answers: [
                .init(
                    party: .callCentre, text: "Vi beklager.", at: Sample.earlier.addingTimeInterval(3_600),
                    files: [.init(id: Sample.id2, name: "svar.pdf", bytes: 2_048)])
            ],
            viewer: viewer, viewerMemberID: "m1", memberNames: ["m1": "Halvor Kvamme"],
            boardMembers: [AuthorizationBoardMember(id: "m1", name: "Halvor Kvamme")], uploadTypes: ["pdf", "png", "jpg", "jpeg"],
            uploadLimit: 5 * 1_048_576, problems: [:], typed: [:])
    }

    @Test("a case as the call centre sees it: no contact details, its answer and the clock standing still")
    func partyView() throws {
        let model = try Self.model(viewer: .party(.callCentre, organisationID: Sample.id2), contact: nil)
        assertSnapshot(ComplaintCaseViews.page(model, context: Sample.signedIn("/complaints/x")), named: "complaint-case-centre")
    }

    @Test("a case as a board member sees it, in English: contact details, rapporteur, clock, vote and decision forms")
    func boardView() throws {
        let model = try Self.model(
            viewer: .oversight(.boardMember), contact: .init(name: "Kari Nordmann", email: "kari@example.no", phone: "+4741234567", erased: false))
        assertSnapshot(ComplaintCaseViews.page(model, context: Sample.signedIn("/complaints/x", language: .en)), named: "complaint-case-board-en")
    }

    @Test("the public decisions with a search")
    func decisions() {
        let items = [
            ComplaintPublication.Item(
                reference: "K-2026-7KQ2MX", business: "Ringesenteret AS", outcome: .warning, decidedAt: Sample.now,
                reasons: "Nummeret [nummer] var reservert.")
        ]
        assertSnapshot(
            ComplaintPublication.view(items, search: "ringe", context: Sample.anonymous("/klage/avgjorelser")), named: "complaint-decisions")
    }
}

@Suite("Snapshot diff")
struct SnapshotDiffTests {
    @Test("the diff shows the changed lines with their context and nothing else")
    func diff() {
        let expected = "a\nb\nc\nd\ne\nf\ng\nh\n"
        let actual = "a\nb\nc\nd\nE\nf\ng\nh\n"
        #expect(lineDiff(expected: expected, actual: actual) == "@@ line 2 @@\n  b\n  c\n  d\n- e\n+ E\n  f\n  g\n  h")
    }
}
