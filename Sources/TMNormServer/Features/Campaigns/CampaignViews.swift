import Foundation
import TMNormCore

/// Campaign states and may-call reasons in people's words.
enum CampaignText {
    static func status(_ status: CampaignModel.Status) -> Phrase {
        switch status {
        case .draft: Phrase(nb: "Utkast", en: "Draft")
        case .active: Phrase(nb: "Aktiv", en: "Active")
        case .paused: Phrase(nb: "Pause", en: "Paused")
        case .ended: Phrase(nb: "Avsluttet", en: "Ended")
        }
    }

    static func reason(_ code: String) -> Phrase {
        switch MayCallReason(rawValue: code) {
        case .ok: Phrase(nb: "Alt i orden", en: "All clear")
        case .saturday: Phrase(nb: "Lørdag: telefonsalg er ikke tillatt", en: "Saturday: no telemarketing")
        case .sunday: Phrase(nb: "Søndag: telefonsalg er ikke tillatt", en: "Sunday: no telemarketing")
        case .publicHoliday: Phrase(nb: "Helligdag", en: "Public holiday")
        case .holidayEquivalent: Phrase(nb: "Dag likestilt med helligdag (1. eller 17. mai)", en: "Day treated as a holiday (1 or 17 May)")
        case .beforeOpening: Phrase(nb: "Før kl. 09.00", en: "Before 09:00")
        case .afterClosing: Phrase(nb: "Fra kl. 21.00", en: "From 21:00")
        case .normClosed: Phrase(nb: "Stengt etter bransjenormen", en: "Closed by the industry norm")
        case .invalidNumber: Phrase(nb: "Ugyldig nummer", en: "Invalid number")
        case .foreignNumber: Phrase(nb: "Utenlandsk nummer", en: "Foreign number")
        case .specialNumber: Phrase(nb: "Spesialnummer", en: "Special number")
        case .reservedPhone: Phrase(nb: "Reservert i Reservasjonsregisteret", en: "Reserved in the reservation register")
        case .clientBlockList: Phrase(nb: "På oppdragsgiverens sperreliste", en: "On the client's block list")
        case .callCentreBlockList: Phrase(nb: "På callsenterets sperreliste", en: "On the call centre's block list")
        case .campaignNotActive: Phrase(nb: "Kampanjen er ikke aktiv", en: "The campaign is not active")
        case .campaignOutsidePeriod: Phrase(nb: "Utenfor kampanjeperioden", en: "Outside the campaign period")
        case .noValidWash: Phrase(nb: "Ingen gyldig vasking denne måneden", en: "No valid wash this month")
        case .notInValidWash:
            Phrase(
                nb: "Nummeret kom ikke ut som ringbart av en gyldig vasking for kampanjen (eller oppgi personens navn og adresse)",
                en: "The number did not come out callable from a valid wash of the campaign (or give the person's name and address)")
        case .reservedPerson: Phrase(nb: "Personen er reservert i Reservasjonsregisteret", en: "The person is reserved in the reservation register")
        case .callerIDNotAllowed: Phrase(nb: "Nummervisningen er ikke tillatt", en: "The caller ID is not allowed")
        case .noEngagement:
            Phrase(
                nb: "Oppdragsgiveren har ikke et bekreftet oppdrag med callsenteret som gjelder nå",
                en: "The client has no confirmed engagement with the call centre in force")
        case .registerUnavailable: Phrase(nb: "Registerkopi mangler: kan ikke sjekkes", en: "No register copy: cannot be checked")
        case .checkFailed: Phrase(nb: "En sjekk kunne ikke gjøres", en: "A check could not be made")
        case .exemptExistingCustomer: Phrase(nb: "Unntak: eksisterende kunde i samme kategori", en: "Exempt: existing customer, same category")
        case .exemptConsent: Phrase(nb: "Unntak: samtykke til denne bedriften", en: "Exempt: consent to this business")
        case nil: Phrase(nb: code, en: code)
        }
    }
}

/// The campaign list with the form for a new one.
enum CampaignListView {
    struct Row: Sendable {
        let id: UUID
        let name: String
        let client: String
        let callCentre: String
        let status: CampaignModel.Status
        let startsOn: String
        let endsOn: String
    }

    struct Model: Sendable {
        /// The campaigns that match the search and filter (all pages).
        let rows: [Row]
        let clients: [OrganisationRow]
        let problems: [FieldProblem]
        var query = ListQuery()
    }

    static let filterNames = ["status"]

    static func tone(_ status: CampaignModel.Status) -> Badge.Tone {
        switch status {
        case .active: .ok
        case .draft: .info
        case .paused: .warn
        case .ended: .neutral
        }
    }

    static func csv(_ rows: [Row], context: PageContext) -> (headings: [String], rows: [[String]]) {
        (
            [
                context.t(Phrase(nb: "Kampanje", en: "Campaign")), context.t(Phrase(nb: "Oppdragsgiver", en: "Client")),
                context.t(Phrase(nb: "Callsenter", en: "Call centre")), context.t(Phrase(nb: "Start", en: "Start")),
                context.t(Phrase(nb: "Slutt", en: "End")), context.t(Phrase(nb: "Status", en: "Status")),
            ],
            rows.map {
                [
                    $0.name, $0.client, $0.callCentre, NorwegianFormat.isoDay($0.startsOn), NorwegianFormat.isoDay($0.endsOn),
                    context.t(CampaignText.status($0.status)),
                ]
            }
        )
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let page = model.query.page(model.rows)
        return Layout.page(title: context.t(Phrase(nb: "Kampanjer", en: "Campaigns")), context: context) {
            ListControls.toolbar(
                path: SiteRoute.campaigns.path, query: model.query,
                searchLabel: context.t(Phrase(nb: "Søk på kampanje eller oppdragsgiver", en: "Search campaign or client")),
                filters: [
                    .init(
                        name: "status", label: context.t(Phrase(nb: "Status", en: "Status")),
                        options: CampaignModel.Status.allCases.map { ($0.rawValue, context.t(CampaignText.status($0))) })
                ], context: context)
            if page.rows.isEmpty {
                EmptyState.make(
                    title: context.t(Phrase(nb: "Ingen kampanjer å vise", en: "No campaigns to show")),
                    what: context.t(
                        model.query.search.isEmpty && model.query.filters.isEmpty
                            ? (model.clients.isEmpty
                                ? Phrase(nb: "Kampanjer står her når de er opprettet.", en: "Campaigns are listed here once created.")
                                : Phrase(nb: "Opprett den første kampanjen i skjemaet under.", en: "Create the first campaign in the form below."))
                            : Phrase(nb: "Ingen treff. Prøv et annet søk eller velg «Alle».", en: "No matches. Try another search or choose “All”.")))
            } else {
                Table.scrolling(
                    headings: [
                        context.t(Phrase(nb: "Kampanje", en: "Campaign")),
                        context.t(Phrase(nb: "Oppdragsgiver", en: "Client")),
                        context.t(Phrase(nb: "Callsenter", en: "Call centre")),
                        context.t(Phrase(nb: "Periode", en: "Period")),
                        context.t(Phrase(nb: "Status", en: "Status")),
                    ], scope: .column
                ) {
                    for row in page.rows {
                        el("tr") {
                            el("td") { el("a", .href(SiteRoute.campaign(row.id).path)) { row.name } }
                            el("td") { row.client }
                            el("td") { row.callCentre }
                            el("td") { NorwegianFormat.isoDay(row.startsOn) + "–" + NorwegianFormat.isoDay(row.endsOn) }
                            el("td") { Badge.make(context.t(CampaignText.status(row.status)), tone: tone(row.status)) }
                        }
                    }
                }
            }
            ListControls.pager(path: SiteRoute.campaigns.path, query: model.query, page: page, context: context)
            if !model.clients.isEmpty {
                el("h2") { context.t(Phrase(nb: "Ny kampanje", en: "New campaign")) }
                Form.post(SiteRoute.campaigns.path, csrf: context.csrf) {
                    Form.select(
                        context.t(Phrase(nb: "Oppdragsgiver", en: "Client")), name: "client_id",
                        options: model.clients.map { ($0.id.uuidString, $0.name) })
                    Form.field(context.t(Phrase(nb: "Navn", en: "Name")), name: "name")
                    Form.field(
                        context.t(Phrase(nb: "Produktkategori", en: "Product category")), name: "product_category",
                        hint: context.t(Phrase(nb: "F.eks. strøm, forsikring, abonnement", en: "E.g. electricity, insurance, subscription")))
                    Form.field(
                        context.t(Phrase(nb: "Nummervisning", en: "Caller ID")), name: "caller_id", type: "tel",
                        hint: context.t(
                            Phrase(
                                nb: "Fra 2025: ikke vanlige mobilnumre; 5-sifret, 815- eller fastnummer",
                                en: "From 2025: no ordinary mobile numbers; 5-digit, 815 or landline")))
                    Form.checkbox(
                        context.t(Phrase(nb: "Nummeret står i nummeropplysningen", en: "The number is listed in directory services")),
                        name: "caller_id_listed", checked: true)
                    Form.checkbox(context.t(Phrase(nb: "For frivillig organisasjon", en: "For a voluntary organisation")), name: "voluntary")
                    Form.checkbox(
                        context.t(
                            Phrase(
                                nb: "Avisabonnement (unntatt skriftlighetskravet)", en: "Newspaper subscription (exempt from written confirmation)")),
                        name: "newspaper")
                    Form.field(context.t(Phrase(nb: "Start", en: "Start")), name: "starts_on", type: "date")
                    Form.field(context.t(Phrase(nb: "Slutt", en: "End")), name: "ends_on", type: "date")
                    Form.submit(context.t(Phrase(nb: "Opprett kampanje", en: "Create campaign")))
                }
            }
        }
    }
}
