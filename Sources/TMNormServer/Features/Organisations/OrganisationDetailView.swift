import Foundation
import TMNormCore

/// One organisation with its memberships and engagements.
enum OrganisationDetailView {
    struct Relation: Sendable {
        let counterpart: OrganisationRow
        let from: String
        let until: String?
    }

    struct Model: Sendable {
        let organisation: OrganisationRow
        let memberships: [Relation]
        let members: [Relation]
        let engagements: [Relation]
        let canAddMembership: Bool
        let canAddEngagement: Bool
        let associations: [OrganisationRow]
        let clients: [OrganisationRow]
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let organisation = model.organisation
        return Layout.page(title: organisation.name, context: context) {
            el("dl", .class("card")) {
                el("dt") { context.t(Phrase(nb: "Organisasjonsnummer", en: "Organisation number")) }
                el("dd") { organisation.formattedOrgnr }
                el("dt") { context.t(Phrase(nb: "Type", en: "Kind")) }
                el("dd") { context.t(KindLabel.phrase(organisation.kind)) }
            }
            if organisation.kind.canBeMember {
                el("h2") { context.t(Phrase(nb: "Medlemskap", en: "Memberships")) }
                relations(model.memberships, context: context)
            }
            if organisation.kind == .association {
                el("h2") { context.t(Phrase(nb: "Medlemmer", en: "Members")) }
                relations(model.members, context: context)
            }
            if organisation.kind == .callCentre || organisation.kind == .client {
                el("h2") { context.t(organisation.kind == .callCentre ? Phrase(nb: "Oppdragsgivere", en: "Clients") : Phrase(nb: "Callsentre", en: "Call centres")) }
                relations(model.engagements, context: context)
            }
            if model.canAddMembership && !model.associations.isEmpty {
                el("h2") { context.t(Phrase(nb: "Registrer medlemskap", en: "Record membership")) }
                Form.post(SiteRoute.memberships(organisation.id).path, csrf: context.csrf) {
                    Form.select(context.t(Phrase(nb: "Forening", en: "Association")), name: "association_id",
                                options: model.associations.map { ($0.id.uuidString, $0.name) })
                    Form.field(context.t(Phrase(nb: "Fra dato", en: "From")), name: "valid_from", type: "date")
                    Form.field(context.t(Phrase(nb: "Til dato (valgfri)", en: "Until (optional)")), name: "valid_until", type: "date", required: false)
                    Form.submit(context.t(Phrase(nb: "Lagre", en: "Save")))
                }
            }
            if model.canAddEngagement && !model.clients.isEmpty {
                el("h2") { context.t(Phrase(nb: "Registrer oppdrag", en: "Record engagement")) }
                Form.post(SiteRoute.engagements(organisation.id).path, csrf: context.csrf) {
                    Form.select(context.t(Phrase(nb: "Oppdragsgiver", en: "Client")), name: "client_id",
                                options: model.clients.map { ($0.id.uuidString, $0.name) })
                    Form.field(context.t(Phrase(nb: "Fra dato", en: "From")), name: "valid_from", type: "date")
                    Form.field(context.t(Phrase(nb: "Til dato (valgfri)", en: "Until (optional)")), name: "valid_until", type: "date", required: false)
                    Form.submit(context.t(Phrase(nb: "Lagre", en: "Save")))
                }
            }
        }
    }

    private static func relations(_ relations: [Relation], context: PageContext) -> Node {
        guard !relations.isEmpty else {
            return el("p", .class("hint")) { context.t(Phrase(nb: "Ingen registrert.", en: "None recorded.")) }
        }
        return el("ul") {
            for relation in relations {
                el("li") {
                    el("a", .href(SiteRoute.organisation(relation.counterpart.id).path)) { relation.counterpart.name }
                    " — " + context.t(Phrase(nb: "fra", en: "from")) + " " + NorwegianFormat.isoDay(relation.from)
                    if let until = relation.until {
                        " " + context.t(Phrase(nb: "til", en: "until")) + " " + NorwegianFormat.isoDay(until)
                    }
                }
            }
        }
    }
}
