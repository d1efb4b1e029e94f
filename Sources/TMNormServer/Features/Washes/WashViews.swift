import Foundation
import TMNormCore

/// Reason codes in people's words.
enum WashReasonLabel {
    static func phrase(_ code: String) -> Phrase {
        switch code {
        case "reserved_phone": Phrase(nb: "Nummer reservert i Reservasjonsregisteret", en: "Number reserved in the register")
        case "reserved_person": Phrase(nb: "Person reservert i Reservasjonsregisteret", en: "Person reserved in the register")
        case "internal_block_list": Phrase(nb: "Intern sperreliste", en: "Internal block list")
        case "invalid_number": Phrase(nb: "Ugyldig nummer", en: "Invalid number")
        case "foreign_number": Phrase(nb: "Utenlandsk nummer", en: "Foreign number")
        case "special_number": Phrase(nb: "Spesialnummer", en: "Special number")
        case "duplicate": Phrase(nb: "Duplikat", en: "Duplicate")
        case "missing_phone": Phrase(nb: "Mangler telefonnummer", en: "Missing phone number")
        case "malformed_row": Phrase(nb: "Ødelagt rad", en: "Malformed row")
        default: Phrase(nb: code, en: code)
        }
    }
}

/// The washes page: history and upload form.
enum WashListView {
    struct Row: Sendable {
        let id: UUID
        let fileName: String
        let washedAt: Date
        let rows: Int
        let callable: Int
        let rejected: Int
        let validUntil: Date?
    }

    struct Model: Sendable {
        let rows: [Row]
        let clients: [OrganisationRow]
    }

    static func render(_ model: Model, context: PageContext) -> String {
        Layout.page(title: context.t(Phrase(nb: "Vasking av ringelister", en: "Washing call lists")), context: context) {
            el("p") {
                context.t(
                    Phrase(
                        nb:
                            "Listen vaskes mot Reservasjonsregisteret (nummer og navn/adresse), callsenterets og oppdragsgiverens sperrelister. Ringbare rader kommer uendret tilbake.",
                        en:
                            "The list is washed against the reservation register (number and name/address) and the call centre's and client's block lists. Callable rows come back unchanged."
                    ))
            }
            Form.post(
                SiteRoute.washes.path, csrf: context.csrf, enctype: "multipart/form-data",
                progress: context.t(Phrase(nb: "Filen er lastet opp; listen vaskes …", en: "Uploaded; washing the list …"))
            ) {
                Form.field(context.t(Phrase(nb: "Ringeliste (CSV)", en: "Call list (CSV)")), name: "file", type: "file")
                Form.select(
                    context.t(Phrase(nb: "Oppdragsgiver", en: "Client")), name: "client_id",
                    options: [("", context.t(Phrase(nb: "(ingen)", en: "(none)")))] + model.clients.map { ($0.id.uuidString, $0.name) })
                Form.field(
                    context.t(Phrase(nb: "Produktkategori (for eksisterende kunder)", en: "Product category (for existing customers)")),
                    name: "category", required: false)
                Form.field(
                    context.t(Phrase(nb: "Telefonkolonne (tom: finn automatisk)", en: "Phone column (empty: detect)")), name: "phone_column",
                    required: false)
                el("div", .class("field")) {
                    el("label") {
                        void("input", .type("checkbox"), .name("voluntary"));
                        " " + context.t(Phrase(nb: "Kampanje for frivillig organisasjon", en: "Campaign for a voluntary organisation"))
                    }
                }
                Form.submit(context.t(Phrase(nb: "Vask listen", en: "Wash the list")))
            }
            el("h2") { context.t(Phrase(nb: "Tidligere vaskinger", en: "Earlier washes")) }
            Table.scrolling(headings: [
                context.t(Phrase(nb: "Vasket", en: "Washed")),
                context.t(Phrase(nb: "Fil", en: "File")),
                context.t(Phrase(nb: "Rader", en: "Rows")),
                context.t(Phrase(nb: "Ringbare", en: "Callable")),
                context.t(Phrase(nb: "Avvist", en: "Rejected")),
                context.t(Phrase(nb: "Gyldig til", en: "Valid until")),
            ]) {
                for row in model.rows {
                    el("tr") {
                        el("td") { el("a", .href(SiteRoute.wash(row.id).path)) { NorwegianFormat.dateTime(row.washedAt) } }
                        el("td") { row.fileName }
                        el("td") { String(row.rows) }
                        el("td") { String(row.callable) }
                        el("td") { String(row.rejected) }
                        el("td") { row.validUntil.map(NorwegianFormat.dateTime) ?? context.t(Phrase(nb: "ikke gyldig", en: "not valid")) }
                    }
                }
            }
        }
    }
}

/// One wash: summary, certificate, downloads.
enum WashDetailView {
    struct Model: Sendable {
        let id: UUID
        let fileName: String
        let certificate: WashCertificate?
        let clientName: String?
    }

    static func render(_ model: Model, context: PageContext) -> String {
        Layout.page(title: context.t(Phrase(nb: "Vaskebevis", en: "Wash certificate")) + " — " + model.fileName, context: context) {
            el("p") {
                el("a", .class("button"), .href(SiteRoute.washCallable(model.id).path)) {
                    context.t(Phrase(nb: "Last ned ringbare", en: "Download callable"))
                }
                " "
                el("a", .class("button secondary"), .href(SiteRoute.washRejected(model.id).path)) {
                    context.t(Phrase(nb: "Last ned avviste", en: "Download rejected"))
                }
            }
            if let certificate = model.certificate {
                if let reason = certificate.invalidReason {
                    el("p", .class("alert")) { context.t(Phrase(nb: "Listen kan ikke ringes: ", en: "The list may not be called: ")) + reason }
                }
                el("dl", .class("card")) {
                    el("dt") { context.t(Phrase(nb: "Rader", en: "Rows")) }; el("dd") { String(certificate.rows) }
                    el("dt") { context.t(Phrase(nb: "Ringbare", en: "Callable")) }; el("dd") { String(certificate.callable) }
                    el("dt") { context.t(Phrase(nb: "Avvist", en: "Rejected")) }; el("dd") { String(certificate.rejected) }
                    el("dt") { context.t(Phrase(nb: "Unntatt (eksisterende kunder, samtykke)", en: "Exempted (existing customers, consent)")) };
                    el("dd") { String(certificate.exempted) }
                    el("dt") { context.t(Phrase(nb: "Oppdragsgiver", en: "Client")) }; el("dd") { model.clientName ?? "—" }
                    el("dt") { context.t(Phrase(nb: "Vasket", en: "Washed")) };
                    el("dd") { NorwegianFormat.dateTime(certificate.washedAt) + " · " + certificate.washedBy }
                    el("dt") { context.t(Phrase(nb: "Kan ringes til", en: "May be called until")) };
                    el("dd") { certificate.validUntil.map(NorwegianFormat.dateTime) ?? "—" }
                    el("dt") { context.t(Phrase(nb: "Registerkopi", en: "Register copy")) };
                    el("dd") {
                        context.t(Phrase(nb: "Levert", en: "Delivered")) + " " + NorwegianFormat.date(certificate.register.obtainedAt)
                            + context.t(WashViews.basis(certificate.register.obtainedAtBasis))
                    }
                    el("dt") { "SHA-256" }; el("dd") { el("code") { certificate.listSHA256 } }
                    el("dt") { context.t(Phrase(nb: "Sperrelister", en: "Block lists")) };
                    el("dd") {
                        el("ul", .class("plain")) {
                            for (owner, version) in certificate.blockListVersions.sorted(by: { $0.key < $1.key }) {
                                el("li") { context.t(WashViews.blockList(owner: owner, version: version)) }
                            }
                        }
                    }
                }
                el("h2") { context.t(Phrase(nb: "Avvist per årsak", en: "Rejected by reason")) }
                el("table") {
                    el("tbody") {
                        for (code, count) in certificate.byReason.sorted(by: { $0.key < $1.key }) {
                            el("tr") {
                                el("td") { context.t(WashReasonLabel.phrase(code)) }; el("td") { String(count) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Shared wording of the wash pages.
enum WashViews {
    /// A block list as the certificate recorded it (`WashPolicyLoader`: owner "client 948757494", version
    /// "3@2026-12-06T01:23:05+01:00" or "0@empty"), in words: whose list, how many entries, last change.
    static func blockList(owner: String, version: String) -> Phrase {
        let digits = String(decoding: owner.utf8.filter(ASCII.isDigit), as: UTF8.self)
        let number = (try? OrganisationNumber(digits)).map(\.formatted) ?? digits
        let whose =
            owner.hasPrefix("client")
            ? Phrase(nb: "Oppdragsgiverens sperreliste (\(number))", en: "The client's block list (\(number))")
            : Phrase(nb: "Ringesenterets sperreliste (\(number))", en: "The call centre's block list (\(number))")
        let parts = version.split(separator: "@", maxSplits: 1).map(String.init)
        let count = parts.first.flatMap { Int($0) } ?? 0
        guard count > 0 else { return Phrase(nb: whose.nb + ": tom", en: whose.en + ": empty") }
        let changed = parts.count == 2 ? (try? OsloTime.parseTimestamp(parts[1])).map(NorwegianFormat.dateTime) : nil
        let entries = Phrase(nb: count == 1 ? "1 oppføring" : "\(count) oppføringer", en: count == 1 ? "1 entry" : "\(count) entries")
        guard let changed else { return Phrase(nb: whose.nb + ": " + entries.nb, en: whose.en + ": " + entries.en) }
        return Phrase(nb: "\(whose.nb): \(entries.nb), sist endret \(changed)", en: "\(whose.en): \(entries.en), last changed \(changed)")
    }

    /// Where the register copy's date came from, as the certificate states it.
    static func basis(_ basis: RegisterDateBasis?) -> Phrase {
        switch basis {
        case .given?: Phrase(nb: " (dato oppgitt ved import)", en: " (date given at import)")
        case .delivery?: Phrase(nb: " (leveransens egen dato)", en: " (the delivery's own date)")
        case .imported?: Phrase(nb: " (importdato: ingen dato ble oppgitt)", en: " (import date: none was given)")
        case nil: Phrase(nb: "", en: "")
        }
    }
}
