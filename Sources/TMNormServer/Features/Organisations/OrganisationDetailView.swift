import Foundation
import TMNormCore

/// One organisation with its memberships and engagements.
enum OrganisationDetailView {
    struct Relation: Sendable {
        let counterpart: OrganisationRow
        let from: String
        let until: String?
        var engagement: EngagementState? = nil
    }

    /// An engagement's standing and what the viewer may decide on it.
    struct EngagementState: Sendable {
        let id: UUID
        let status: EngagementStatus
        let mayRecordExemptions: Bool
        let canDecide: Bool
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
                el("h2") {
                    context.t(
                        organisation.kind == .callCentre ? Phrase(nb: "Oppdragsgivere", en: "Clients") : Phrase(nb: "Callsentre", en: "Call centres"))
                }
                relations(model.engagements, from: organisation.id, context: context)
            }
            if model.canAddMembership && !model.associations.isEmpty {
                el("h2") { context.t(Phrase(nb: "Registrer medlemskap", en: "Record membership")) }
                Form.post(SiteRoute.memberships(organisation.id).path, csrf: context.csrf) {
                    Form.select(
                        context.t(Phrase(nb: "Forening", en: "Association")), name: "association_id",
                        options: model.associations.map { ($0.id.uuidString, $0.name) })
                    Form.field(context.t(Phrase(nb: "Fra dato", en: "From")), name: "valid_from", type: "date")
                    Form.field(
                        context.t(Phrase(nb: "Til dato (valgfri)", en: "Until (optional)")), name: "valid_until", type: "date", required: false)
                    Form.submit(context.t(Phrase(nb: "Lagre", en: "Save")))
                }
            }
            if model.canAddEngagement && !model.clients.isEmpty {
                el("h2") { context.t(Phrase(nb: "Registrer oppdrag", en: "Record engagement")) }
                Form.post(SiteRoute.engagements(organisation.id).path, csrf: context.csrf) {
                    Form.select(
                        context.t(Phrase(nb: "Oppdragsgiver", en: "Client")), name: "client_id",
                        options: model.clients.map { ($0.id.uuidString, $0.name) })
                    Form.field(context.t(Phrase(nb: "Fra dato", en: "From")), name: "valid_from", type: "date")
                    Form.field(
                        context.t(Phrase(nb: "Til dato (valgfri)", en: "Until (optional)")), name: "valid_until", type: "date", required: false)
                    Form.submit(context.t(Phrase(nb: "Lagre", en: "Save")))
                }
            }
        }
    }

    private static func relations(_ relations: [Relation], from page: UUID? = nil, context: PageContext) -> Node {
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
                    if let engagement = relation.engagement, let page {
                        engagementState(engagement, page: page, context: context)
                    }
                }
            }
        }
    }

    private static func engagementState(_ engagement: EngagementState, page: UUID, context: PageContext) -> Node {
        let label: Phrase =
            switch engagement.status {
            case .pending: Phrase(nb: "venter på oppdragsgivers bekreftelse", en: "awaiting the client's confirmation")
            case .confirmed:
                engagement.mayRecordExemptions
                    ? Phrase(nb: "bekreftet; kan registrere kunder og samtykker", en: "confirmed; may record customers and consents")
                    : Phrase(nb: "bekreftet", en: "confirmed")
            case .declined: Phrase(nb: "avvist av oppdragsgiver", en: "declined by the client")
            }
        return el("span") {
            " (" + context.t(label) + ")"
            if engagement.canDecide {
                switch engagement.status {
                case .pending:
                    Form.post(SiteRoute.engagementDecision(page, engagement: engagement.id, action: "confirm").path, csrf: context.csrf) {
                        Form.checkbox(
                            context.t(
                                Phrase(
                                    nb: "Callsenteret kan registrere våre kunder og samtykker",
                                    en: "The call centre may record our customers and consents")), name: "may_record_exemptions",
                            id: "f-mre-" + engagement.id.uuidString.lowercased())
                        Form.submit(context.t(Phrase(nb: "Bekreft oppdraget", en: "Confirm the engagement")))
                    }
                    Form.post(SiteRoute.engagementDecision(page, engagement: engagement.id, action: "decline").path, csrf: context.csrf) {
                        Form.submit(context.t(Phrase(nb: "Avvis", en: "Decline")))
                    }
                case .confirmed:
                    let action = engagement.mayRecordExemptions ? "withdraw-exemptions" : "allow-exemptions"
                    Form.post(SiteRoute.engagementDecision(page, engagement: engagement.id, action: action).path, csrf: context.csrf) {
                        Form.submit(
                            context.t(
                                engagement.mayRecordExemptions
                                    ? Phrase(nb: "Trekk tilbake retten til å registrere kunder", en: "Withdraw the right to record customers")
                                    : Phrase(nb: "Tillat registrering av kunder og samtykker", en: "Allow recording customers and consents")))
                    }
                    Form.post(SiteRoute.engagementDecision(page, engagement: engagement.id, action: "decline").path, csrf: context.csrf) {
                        Form.submit(context.t(Phrase(nb: "Avslutt oppdraget", en: "End the engagement")))
                    }
                case .declined:
                    Form.post(SiteRoute.engagementDecision(page, engagement: engagement.id, action: "confirm").path, csrf: context.csrf) {
                        Form.submit(context.t(Phrase(nb: "Bekreft likevel", en: "Confirm after all")))
                    }
                }
            }
        }
    }
}
