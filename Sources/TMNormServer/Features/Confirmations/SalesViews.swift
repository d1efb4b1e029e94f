import Fluent
import Foundation
import TMNormCore
import Vapor

/// Words for states and evidence events.
enum SaleWords {
    static func state(_ raw: String) -> Phrase {
        switch OfferState(rawValue: raw) {
        case .draft: Phrase(nb: "Utkast", en: "Draft")
        case .sent: Phrase(nb: "Sendt", en: "Sent")
        case .accepted: Phrase(nb: "Akseptert", en: "Accepted")
        case .declined: Phrase(nb: "Avslått", en: "Declined")
        case .expired: Phrase(nb: "Utløpt", en: "Expired")
        case .withdrawn: Phrase(nb: "Angret", en: "Withdrawn")
        case .exempt: Phrase(nb: "Unntatt", en: "Exempt")
        case nil: Phrase(nb: raw, en: raw)
        }
    }

    /// How an answer or record reached TMNorm, as the evidence stores it ("link", "sms", "staff", …).
    static func channel(_ raw: String?) -> Phrase {
        switch raw {
        case nil: Phrase(stringLiteral: "–")
        case "link"?: Phrase(nb: "Lenke i tilbudet", en: "Offer link")
        case "sms"?: Phrase(nb: "SMS", en: "SMS")
        case "email"?: Phrase(nb: "E-post", en: "E-mail")
        case "post"?: Phrase(nb: "Post", en: "Post")
        case "staff"?: Phrase(nb: "Ansatt i TMNorm", en: "Staff in TMNorm")
        case "api"?: Phrase(nb: "API", en: "API")
        case "job"?: Phrase(nb: "Automatisk", en: "Automatic")
        case let other?: Phrase(stringLiteral: other)
        }
    }

    static func exemption(_ raw: String) -> Phrase {
        switch ConfirmationExemption(rawValue: raw) {
        case .voluntaryOrganisation:
            Phrase(nb: "Frivillig organisasjon (krever ikke skriftlig bekreftelse)", en: "Voluntary organisation (no written confirmation needed)")
        case .newspaperSubscription:
            Phrase(nb: "Avisabonnement (krever ikke skriftlig bekreftelse)", en: "Newspaper subscription (no written confirmation needed)")
        case nil: Phrase(stringLiteral: raw)
        }
    }

    /// An evidence entry's detail in words. The stored text (part of the hash chain) stays as recorded; known
    /// forms are translated, dates shown as dd.mm.yyyy and `user:…`/`api-key:…` replaced by the name in `actors`.
    static func detail(_ raw: String?, actors: [String: String]) -> Phrase {
        guard let raw, !raw.isEmpty else { return Phrase(stringLiteral: "–") }
        func actor(_ token: Substring) -> String {
            let key = token.trimmingCharacters(in: .whitespaces)
            if let name = actors[key] { return name }
            return key.hasPrefix("api-key:") ? "API" : "–"
        }
        func day(_ iso: Substring) -> String { NorwegianFormat.isoDay(String(iso)) }
        func fullText(_ medium: Substring) -> Phrase {
            if medium == "email" { return Phrase(nb: "hele teksten sendt på e-post", en: "full text sent by e-mail") }
            let parts = medium.split(separator: "(").dropFirst().first.map { String(decoding: $0.utf8.filter(ASCII.isDigit), as: UTF8.self) } ?? ""
            return parts.isEmpty
                ? Phrase(nb: "hele teksten sendt på SMS", en: "full text sent by SMS")
                : Phrase(nb: "hele teksten sendt på SMS (\(parts) deler)", en: "full text sent by SMS (\(parts) parts)")
        }
        if raw.hasPrefix("user:") || raw.hasPrefix("api-key:") { return Phrase(stringLiteral: actor(raw[...])) }
        if raw == "delivery receipt from the SMS gateway: delivered to the phone" {
            return Phrase(
                nb: "Leveringskvittering fra SMS-gatewayen: levert til telefonen", en: "Delivery receipt from the SMS gateway: delivered to the phone"
            )
        }
        if raw.hasPrefix("full text: ") {
            let words = fullText(raw.dropFirst("full text: ".count))
            return Phrase(nb: words.nb.prefix(1).uppercased() + words.nb.dropFirst(), en: words.en.prefix(1).uppercased() + words.en.dropFirst())
        }
        if let split = raw.range(of: "; full text: ") {
            let exemption = exemption(String(raw[..<split.lowerBound]))
            let words = fullText(raw[split.upperBound...])
            return Phrase(nb: exemption.nb + "; " + words.nb, en: exemption.en + "; " + words.en)
        }
        if raw.hasPrefix("goods received ") {
            let date = day(raw.dropFirst("goods received ".count))
            return Phrase(nb: "Varen mottatt \(date)", en: "Goods received \(date)")
        }
        // "standard withdrawal form sent 2026-12-01 by post, registered by user:…[: note]"
        if raw.hasPrefix("standard withdrawal form sent "), let by = raw.range(of: " by "), let registered = raw.range(of: ", registered by ") {
            let date = day(raw[raw.index(raw.startIndex, offsetBy: "standard withdrawal form sent ".count)..<by.lowerBound])
            let medium = raw[by.upperBound..<registered.lowerBound]
            let rest = raw[registered.upperBound...]
            let noteStart = rest.range(of: ": ")
            let who = actor(noteStart.map { rest[..<$0.lowerBound] } ?? rest)
            let note = noteStart.map { ": " + rest[$0.upperBound...] } ?? ""
            let mediumWords = medium == "post" ? Phrase(nb: "per post", en: "by post") : Phrase(nb: "på e-post", en: "by e-mail")
            return Phrase(
                nb: "Standard angreskjema sendt \(date) \(mediumWords.nb), registrert av \(who)\(note)",
                en: "Standard withdrawal form sent \(date) \(mediumWords.en), registered by \(who)\(note)")
        }
        return Phrase(stringLiteral: raw)
    }

    static func event(_ kind: EvidenceEventKind) -> Phrase {
        switch kind {
        case .registered: Phrase(nb: "Registrert", en: "Registered")
        case .exempted: Phrase(nb: "Unntatt skriftlig bekreftelse", en: "Exempt from written confirmation")
        case .sent: Phrase(nb: "Tilbud sendt", en: "Offer sent")
        case .delivered: Phrase(nb: "Levert", en: "Delivered")
        case .opened: Phrase(nb: "Åpnet", en: "Opened")
        case .reminded: Phrase(nb: "Påminnelse sendt", en: "Reminder sent")
        case .accepted: Phrase(nb: "Akseptert", en: "Accepted")
        case .declined: Phrase(nb: "Avslått", en: "Declined")
        case .expired: Phrase(nb: "Utløpt", en: "Expired")
        case .withdrawn: Phrase(nb: "Angret", en: "Withdrawn")
        case .goodsReceived: Phrase(nb: "Varen mottatt", en: "Goods received")
        case .receiptSent: Phrase(nb: "Kvittering sendt", en: "Receipt sent")
        }
    }

    static func percent(_ rate: Double?, _ context: PageContext) -> String {
        AcceptanceStatistics.percentText(rate, language: context.language == .en ? .english : .norwegian)
    }
}

/// The sales list with filters and acceptance rates.
enum SalesListView {
    struct Row: Sendable {
        let id: UUID
        let createdAt: Date
        let reference: String
        let consumer: String
        let product: String
        let campaign: String
        let callCentre: String
        let client: String
        let agent: String?
        let state: String
    }

    struct Model: Sendable {
        let filters: SalesWebRoutes.Filters
        var rows: [Row]
        /// Search text, page and CSV (the shared list helper).
        var list = ListQuery()
        let overall: AcceptanceTally
        let perCampaign: [(String, AcceptanceTally)]
        let perAgent: [(String?, AcceptanceTally)]
        let campaignOptions: [(String, String)]
        let readOnlyOversight: Bool
    }

    static func tallyTable(_ caption: String, _ heading: String, _ rows: [(String, AcceptanceTally)], id: String, context: PageContext) -> Node {
        Table.scrolling(
            headings: [
                heading,
                context.t(Phrase(nb: "Tilbud", en: "Offers")),
                context.t(Phrase(nb: "Akseptert", en: "Accepted")),
                context.t(Phrase(nb: "Avslått", en: "Declined")),
                context.t(Phrase(nb: "Utløpt", en: "Expired")),
                context.t(Phrase(nb: "Angret", en: "Withdrawn")),
                context.t(Phrase(nb: "Akseptrate", en: "Acceptance rate")),
            ], scope: .column, id: id, caption: caption
        ) {
            rows.map { name, tally in
                el("tr") {
                    el("th", .init("scope", "row")) { name }
                    el("td") { "\(tally.offers)" }
                    el("td") { "\(tally.everAccepted)" }
                    el("td") { "\(tally.declined)" }
                    el("td") { "\(tally.expired)" }
                    el("td") { "\(tally.withdrawn)" }
                    el("td", .class("rate")) { SaleWords.percent(tally.acceptanceRate, context) }
                }
            }
        }
    }

    static func render(_ model: Model, context: PageContext) -> String {
        Layout.page(title: context.t(Phrase(nb: "Salg og skriftlige tilbud", en: "Sales and written offers")), context: context) {
            if model.readOnlyOversight {
                el("p", .class("notice")) {
                    context.t(
                        Phrase(
                            nb: "Du ser salg fra alle callsentre, kun for lesing (oppfølging av klager).",
                            en: "You see the sales of every call centre, read-only (complaint follow-up)."))
                }
            }
            el("form", .method("get"), .action(SiteRoute.sales.path), .class("filters")) {
                Form.select(
                    context.t(Phrase(nb: "Status", en: "State")), name: "state",
                    options: [("", context.t(Phrase(nb: "Alle", en: "All")))]
                        + OfferState.allCases.map { ($0.rawValue, context.t(SaleWords.state($0.rawValue))) },
                    selected: model.filters.state)
                Form.select(
                    context.t(Phrase(nb: "Kampanje", en: "Campaign")), name: "campaign",
                    options: [("", context.t(Phrase(nb: "Alle", en: "All")))] + model.campaignOptions, selected: model.filters.campaign.lowercased())
                Form.field(context.t(Phrase(nb: "Fra og med", en: "From")), name: "from", type: "date", value: model.filters.from, required: false)
                Form.field(context.t(Phrase(nb: "Til og med", en: "To")), name: "to", type: "date", value: model.filters.to, required: false)
                Form.field(
                    context.t(Phrase(nb: "Søk (referanse, forbruker, produkt, selger)", en: "Search (reference, consumer, product, agent)")),
                    name: "q", type: "search", value: model.list.search, required: false)
                Form.submit(context.t(Phrase(nb: "Vis", en: "Show")))
            }
            el("h2") { context.t(Phrase(nb: "Akseptrate", en: "Acceptance rate")) }
            el("p", .id("overall-rate")) {
                context.t(Phrase(nb: "Samlet: ", en: "Overall: ")) + SaleWords.percent(model.overall.acceptanceRate, context)
                    + " (\(model.overall.everAccepted) / \(model.overall.concluded))"
            }
            el("p", .class("hint")) {
                context.t(
                    Phrase(
                        nb: "Akseptert (også senere angret) delt på avgjorte tilbud; åpne tilbud telles ikke.",
                        en: "Accepted (including later withdrawn) divided by concluded offers; open offers are not counted."))
            }
            tallyTable(
                context.t(Phrase(nb: "Per kampanje", en: "Per campaign")), context.t(Phrase(nb: "Kampanje", en: "Campaign")), model.perCampaign,
                id: "per-campaign", context: context)
            tallyTable(
                context.t(Phrase(nb: "Per selger", en: "Per agent")), context.t(Phrase(nb: "Selger", en: "Agent")),
                model.perAgent.map { ($0.0 ?? context.t(Phrase(nb: "Uten selger (API)", en: "No agent (API)")), $0.1) }, id: "per-agent",
                context: context)
            el("h2") { context.t(Phrase(nb: "Salg", en: "Sales")) }
            let page = model.list.page(model.rows)
            if model.rows.isEmpty {
                EmptyState.make(
                    title: context.t(Phrase(nb: "Ingen salg å vise", en: "No sales to show")),
                    what: context.t(
                        Phrase(
                            nb: "Ingen salg med disse filtrene. Velg «Alle» eller et annet tidsrom; nye salg registreres fra kampanjesiden.",
                            en: "No sales match these filters. Choose “All” or another period; new sales are registered from the campaign page.")))
            } else {
                el("p") {
                    el("a", .href(SiteRoute.sales.path + model.list.queryString(csv: true)), .class("button secondary small")) {
                        context.t(Phrase(nb: "Last ned som CSV", en: "Download as CSV"))
                    }
                }
                Table.scrolling(
                    headings: [
                        context.t(Phrase(nb: "Registrert", en: "Registered")),
                        context.t(Phrase(nb: "Referanse", en: "Reference")),
                        context.t(Phrase(nb: "Forbruker", en: "Consumer")),
                        context.t(Phrase(nb: "Produkt", en: "Product")),
                        context.t(Phrase(nb: "Kampanje", en: "Campaign")),
                        context.t(Phrase(nb: "Callsenter", en: "Call centre")),
                        context.t(Phrase(nb: "Oppdragsgiver", en: "Client")),
                        context.t(Phrase(nb: "Selger", en: "Agent")),
                        context.t(Phrase(nb: "Status", en: "State")),
                    ], scope: .column, id: "sales"
                ) {
                    page.rows.map { row in
                        el("tr", .data("state", row.state)) {
                            el("td") { NorwegianFormat.dateTime(row.createdAt) }
                            el("td") { el("a", .href(SiteRoute.sale(row.id).path)) { row.reference } }
                            el("td") { row.consumer }
                            el("td") { row.product }
                            el("td") { row.campaign }
                            el("td") { row.callCentre }
                            el("td") { row.client }
                            el("td") { row.agent ?? "–" }
                            el("td") { context.t(SaleWords.state(row.state)) }
                        }
                    }
                }
            }
            ListControls.pager(path: SiteRoute.sales.path, query: model.list, page: page, context: context)
        }
    }

    /// The list as a CSV file: what the table shows, every page.
    static func csv(_ rows: [Row], context: PageContext) -> (headings: [String], rows: [[String]]) {
        (
            headings: [
                context.t(Phrase(nb: "Registrert", en: "Registered")), context.t(Phrase(nb: "Referanse", en: "Reference")),
                context.t(Phrase(nb: "Forbruker", en: "Consumer")), context.t(Phrase(nb: "Produkt", en: "Product")),
                context.t(Phrase(nb: "Kampanje", en: "Campaign")), context.t(Phrase(nb: "Callsenter", en: "Call centre")),
                context.t(Phrase(nb: "Oppdragsgiver", en: "Client")), context.t(Phrase(nb: "Selger", en: "Agent")),
                context.t(Phrase(nb: "Status", en: "State")),
            ],
            rows: rows.map { row in
                [
                    NorwegianFormat.dateTime(row.createdAt), row.reference, row.consumer, row.product, row.campaign, row.callCentre, row.client,
                    row.agent ?? "", context.t(SaleWords.state(row.state)),
                ]
            }
        )
    }
}

/// One sale's evidence: the offer as sent with its SHA-256, the timeline and the chain's verdict.
enum SaleEvidenceView {
    struct Model: Sendable {
        let reference: String
        let state: String
        let consumer: String
        let product: String
        let campaign: String
        let callCentre: String
        let client: String
        let agent: String?
        let registeredBy: String
        let createdAt: Date
        let acceptBy: Date?
        let withdrawalDeadline: String?
        let exemption: String?
        let offerText: String?
        let offerSHA256: String?
        let entries: [EvidenceEntry]
        /// Names for the `user:…` and `api-key:…` actors the evidence and `registeredBy` mention.
        var actors: [String: String] = [:]
        let verification: EvidenceVerification
        /// What staff may record here (a withdrawal form by post or e-mail, goods received).
        var staff: SaleStaffForms.Model? = nil
        /// Just sent from the agent's sale form (`?sent=1`).
        var justSent = false
        /// Each entry's index in the evidence log, by sequence (absent until the log has taken it in).
        var logIndexes: [Int: UInt64] = [:]
    }

    static func render(_ model: Model, context: PageContext) -> String {
        Layout.page(title: context.t(Phrase(nb: "Salg \(model.reference)", en: "Sale \(model.reference)")), context: context) {
            el("p") { el("a", .href(SiteRoute.sales.path)) { context.t(Phrase(nb: "Alle salg", en: "All sales")) } }
            if model.justSent {
                el("p", .class("notice"), .init("role", "status")) {
                    context.t(
                        Phrase(
                            nb: "Tilbudet er sendt til forbrukeren. Bare forbrukeren kan svare; svaret vises her når det kommer.",
                            en: "The offer has been sent to the consumer. Only the consumer can answer; the answer shows here when it comes."))
                }
            }
            el("dl", .class("facts")) {
                el("dt") { context.t(Phrase(nb: "Status", en: "State")) }
                el("dd", .id("sale-state")) { context.t(SaleWords.state(model.state)) }
                el("dt") { context.t(Phrase(nb: "Forbruker", en: "Consumer")) }
                el("dd") { model.consumer }
                el("dt") { context.t(Phrase(nb: "Produkt", en: "Product")) }
                el("dd") { model.product }
                el("dt") { context.t(Phrase(nb: "Kampanje", en: "Campaign")) }
                el("dd") { model.campaign }
                el("dt") { context.t(Phrase(nb: "Callsenter", en: "Call centre")) }
                el("dd") { model.callCentre }
                el("dt") { context.t(Phrase(nb: "Oppdragsgiver", en: "Client")) }
                el("dd") { model.client }
                el("dt") { context.t(Phrase(nb: "Selger", en: "Agent")) }
                el("dd") { model.agent ?? model.actors[model.registeredBy] ?? "–" }
                el("dt") { context.t(Phrase(nb: "Registrert", en: "Registered")) }
                el("dd") { NorwegianFormat.dateTime(model.createdAt) }
                if let acceptBy = model.acceptBy {
                    el("dt") { context.t(Phrase(nb: "Svarfrist", en: "Answer by")) }
                    el("dd") { NorwegianFormat.dateTime(acceptBy) }
                }
                if let deadline = model.withdrawalDeadline {
                    el("dt") { context.t(Phrase(nb: "Angrefrist (siste dag)", en: "Withdrawal deadline (last day)")) }
                    el("dd") { NorwegianFormat.isoDay(deadline) }
                }
                if let exemption = model.exemption {
                    el("dt") { context.t(Phrase(nb: "Unntak", en: "Exemption")) }
                    el("dd") { context.t(SaleWords.exemption(exemption)) }
                }
            }
            if let staff = model.staff { SaleStaffForms.render(staff, context: context) }
            el("h2") { context.t(Phrase(nb: "Beviskjeden", en: "Evidence chain")) }
            switch model.verification {
            case .intact(let count, let head):
                el("p", .class("notice"), .id("chain-verdict"), .data("verdict", "intact")) {
                    context.t(
                        Phrase(
                            nb: "Kjeden er intakt: \(count) hendelser, siste hash \(head).",
                            en: "The chain is intact: \(count) events, last hash \(head)."))
                }
            case .broken(let index, let problem):
                el("p", .class("error"), .id("chain-verdict"), .data("verdict", "broken"), .data("index", "\(index)")) {
                    context.t(
                        Phrase(
                            nb: "Kjeden er brutt ved indeks \(index): \(problem.description).",
                            en: "The chain is broken at index \(index): \(problem.description)."))
                }
            }
            Table.scrolling(
                headings: [
                    "#",
                    context.t(Phrase(nb: "Tidspunkt", en: "Time")),
                    context.t(Phrase(nb: "Hendelse", en: "Event")),
                    context.t(Phrase(nb: "Kanal", en: "Channel")),
                    context.t(Phrase(nb: "Tilbudstekstens SHA-256", en: "Offer text SHA-256")),
                    context.t(Phrase(nb: "Fingeravtrykk", en: "Fingerprint")),
                    context.t(Phrase(nb: "Detalj", en: "Detail")),
                    "Hash",
                    context.t(Phrase(nb: "Bevisloggen", en: "Evidence log")),
                ], scope: .column, id: "timeline"
            ) {
                model.entries.map { entry in
                    el("tr", .data("event", entry.event.rawValue)) {
                        el("td") { "\(entry.sequence)" }
                        el("td") { NorwegianFormat.dateTime(entry.at) }
                        el("td") { context.t(SaleWords.event(entry.event)) }
                        el("td") { context.t(SaleWords.channel(entry.channel)) }
                        el("td") { el("code") { entry.offerTextSHA256 ?? "–" } }
                        el("td") { el("code") { entry.fingerprint ?? "–" } }
                        el("td") { context.t(SaleWords.detail(entry.detail, actors: model.actors)) }
                        el("td") { el("code") { entry.entryHash } }
                        el("td", .class("log-index")) {
                            if let index = model.logIndexes[entry.sequence] {
                                el("a", .href("/api/v1/evidence/bundle?index=\(index)"), .data("log-index", "\(index)")) {
                                    context.t(Phrase(nb: "nr. \(index) (kvittering)", en: "no. \(index) (receipt)"))
                                }
                            } else {
                                context.t(Phrase(nb: "venter", en: "pending"))
                            }
                        }
                    }
                }
            }
            el("h2") { context.t(Phrase(nb: "Tilbudet slik det ble sendt", en: "The offer as sent")) }
            if let text = model.offerText {
                el("p") {
                    context.t(Phrase(nb: "SHA-256 av den norske teksten: ", en: "SHA-256 of the Norwegian text: "))
                    el("code", .id("offer-sha256")) { model.offerSHA256 ?? "–" }
                }
                el("pre", .class("offer-text"), .id("offer-text")) { text }
            } else {
                el("p") { context.t(Phrase(nb: "Ingen tilbud ble sendt for dette salget.", en: "No offer was sent for this sale.")) }
            }
            el("p", .class("hint")) {
                context.t(
                    Phrase(
                        nb: "Bare forbrukeren kan akseptere eller avslå et tilbud. Lenke og kode vises aldri her.",
                        en: "Only the consumer can accept or decline an offer. The link and code are never shown here."))
            }
        }
    }
}
