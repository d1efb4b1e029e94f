import Foundation
import TMNormCore

/// Labels for organisation kinds in both languages.
enum KindLabel {
    static func phrase(_ kind: OrganisationKind) -> Phrase {
        switch kind {
        case .callCentre: Phrase(nb: "Callsenter", en: "Call centre")
        case .client: Phrase(nb: "Oppdragsgiver", en: "Client")
        case .association: Phrase(nb: "Bransjeforening", en: "Association")
        case .authority: Phrase(nb: "Myndighet", en: "Authority")
        case .board: Phrase(nb: "Nemnd", en: "Board")
        }
    }
}

/// A row of the organisation list.
struct OrganisationRow: Sendable {
    let id: UUID
    let name: String
    let orgnr: OrganisationNumber?
    let rawOrgnr: String
    let kind: OrganisationKind

    var formattedOrgnr: String { orgnr?.formatted ?? rawOrgnr }
}

/// The organisation list page.
enum OrganisationListView {
    struct Model: Sendable {
        /// The rows that match the search and filters (all pages).
        let rows: [OrganisationRow]
        let canCreate: Bool
        var query = ListQuery()
    }

    static let filterNames = ["kind"]

    /// The CSV download of the list: the same rows, every page.
    static func csv(_ rows: [OrganisationRow], context: PageContext) -> (headings: [String], rows: [[String]]) {
        (
            [context.t(Phrase(nb: "Navn", en: "Name")), context.t(Phrase(nb: "Org.nr.", en: "Org. no.")), context.t(Phrase(nb: "Type", en: "Kind"))],
            rows.map { [$0.name, $0.formattedOrgnr, context.t(KindLabel.phrase($0.kind))] }
        )
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let page = model.query.page(model.rows)
        return Layout.page(title: context.t(Phrase(nb: "Organisasjoner", en: "Organisations")), context: context) {
            if model.canCreate {
                el("p") {
                    el("a", .class("button"), .href(SiteRoute.newOrganisation.path)) {
                        context.t(Phrase(nb: "Ny organisasjon", en: "New organisation"))
                    }
                }
            }
            ListControls.toolbar(
                path: SiteRoute.organisations.path, query: model.query,
                searchLabel: context.t(Phrase(nb: "Søk på navn eller org.nr.", en: "Search by name or org. no.")),
                filters: [
                    .init(
                        name: "kind", label: context.t(Phrase(nb: "Type", en: "Kind")),
                        options: OrganisationKind.allCases.map { ($0.rawValue, context.t(KindLabel.phrase($0))) })
                ], context: context)
            if page.rows.isEmpty {
                EmptyState.make(
                    title: context.t(Phrase(nb: "Ingen organisasjoner å vise", en: "No organisations to show")),
                    what: context.t(
                        model.query.search.isEmpty && model.query.filters.isEmpty
                            ? Phrase(nb: "Organisasjoner du har tilgang til, står her.", en: "Organisations you have access to are listed here.")
                            : Phrase(nb: "Ingen treff. Prøv et annet søk eller velg «Alle».", en: "No matches. Try another search or choose “All”.")))
            } else {
                Table.scrolling(
                    headings: [
                        context.t(Phrase(nb: "Navn", en: "Name")),
                        context.t(Phrase(nb: "Org.nr.", en: "Org. no.")),
                        context.t(Phrase(nb: "Type", en: "Kind")),
                    ], scope: .column
                ) {
                    for row in page.rows {
                        el("tr") {
                            el("td") { el("a", .href(SiteRoute.organisation(row.id).path)) { row.name } }
                            el("td", .class("nowrap")) { row.formattedOrgnr }
                            el("td") { context.t(KindLabel.phrase(row.kind)) }
                        }
                    }
                }
            }
            ListControls.pager(path: SiteRoute.organisations.path, query: model.query, page: page, context: context)
        }
    }
}

/// The form for a new organisation.
enum OrganisationFormView {
    struct Model: Sendable {
        var name = ""
        var orgnr = ""
        var kind = OrganisationKind.callCentre.rawValue
        var problems: [FieldProblem] = []
    }

    static func render(_ model: Model, context: PageContext) -> String {
        func error(_ field: String) -> String? { model.problems.first { $0.field == field }?.text(context.language) }
        return Layout.page(title: context.t(Phrase(nb: "Ny organisasjon", en: "New organisation")), context: context) {
            if !model.problems.isEmpty {
                el("p", .class("alert"), .init("role", "alert")) {
                    context.t(Phrase(nb: "Rett feilene under.", en: "Please correct the errors below."))
                }
            }
            Form.post(SiteRoute.organisations.path, csrf: context.csrf) {
                Form.field(
                    context.t(Phrase(nb: "Navn", en: "Name")), name: "name", value: model.name, autocomplete: "organization", error: error("name"))
                Form.field(
                    context.t(Phrase(nb: "Organisasjonsnummer", en: "Organisation number")), name: "orgnr", value: model.orgnr,
                    hint: context.t(Phrase(nb: "9 siffer", en: "9 digits")), error: error("orgnr"))
                Form.select(
                    context.t(Phrase(nb: "Type", en: "Kind")), name: "kind",
                    options: OrganisationKind.allCases.map { ($0.rawValue, context.t(KindLabel.phrase($0))) }, selected: model.kind)
                Form.submit(context.t(Phrase(nb: "Opprett", en: "Create")))
            }
        }
    }
}

/// Read from the database row; the memberwise initialiser stays for sample data.
extension OrganisationRow {
    init(_ model: OrganisationModel) throws {
        id = try model.requireID()
        name = model.name
        rawOrgnr = model.orgnr
        orgnr = try? OrganisationNumber(model.orgnr)
        kind = model.kind
    }
}
