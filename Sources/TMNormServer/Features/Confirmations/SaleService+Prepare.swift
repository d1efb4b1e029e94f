import Fluent
import Foundation
import TMNormCore
import Vapor

extension SaleService {
    /// A sale checked and composed but not stored: what registration and the agent's preview share.
    struct Prepared {
        let draft: SaleDraft
        let campaign: CampaignModel
        let campaignID: UUID
        let productKind: OfferProductKind
        let composition: OfferComposition
    }

    /// One problem with a sale's input: the field, the API's reason (unchanged English) and the people's phrase.
    struct InputProblem: Sendable {
        let field: String
        let api: String
        let phrase: Phrase
    }

    /// Every problem found at once.
    struct InputProblems: Error {
        let problems: [InputProblem]
    }

    /// Validates the body, finds the call centre's campaign, checks the client's engagement and composes
    /// the offer from the parties' settings. Stores nothing.
    static func prepare(_ input: SaleInput, callCentreID: UUID, now: Date, on db: any Database) async throws -> Prepared {
        let draft: SaleDraft
        do { draft = try SaleValidator.validate(input, today: OsloTime.localDate(of: now), limits: .standard) } catch {
            throw InputProblems(
                problems: error.problems.map {
                    InputProblem(
                        field: $0.field, api: "\($0.reason.code): \($0.reason.description)",
                        phrase: Phrase(nb: $0.reason.norwegian, en: $0.reason.description))
                })
        }
        guard let campaignID = UUID(uuidString: draft.campaignID),
            let campaign = try await CampaignModel.find(campaignID, on: db), campaign.$callCentre.id == callCentreID
        else {
            throw InputProblems(problems: [
                InputProblem(
                    field: "campaign_id", api: "is not a campaign of this call centre",
                    phrase: Phrase(nb: "er ikke en kampanje fra dette callsenteret", en: "is not a campaign of this call centre"))
            ])
        }
        let productKind: OfferProductKind
        if campaign.newspaper {
            productKind = .newspaperSubscription
        } else if case .string(let raw)? = input.root["product_kind"], raw == "goods" {
            productKind = .goods
        } else {
            productKind = .service
        }
        let clientID = campaign.$client.id
        // An offer goes out in the client's name: only while the client's confirmed engagement is in force.
        guard try await Engagements.active(callCentre: callCentreID, client: clientID, on: Engagements.day(now), db: db) != nil else {
            throw InputProblems(problems: [
                InputProblem(
                    field: "campaign_id", api: "the campaign's client has no engagement with this call centre confirmed and in force today",
                    phrase: Phrase(
                        nb: "kampanjens oppdragsgiver har ikke et bekreftet oppdrag med dette callsenteret som gjelder i dag",
                        en: "the campaign's client has no engagement with this call centre confirmed and in force today"))
            ])
        }
        let seller = try await party(callCentreID, voluntary: false, on: db)
        let client = try await party(clientID, voluntary: campaign.voluntary, on: db)
        return Prepared(
            draft: draft, campaign: campaign, campaignID: campaignID, productKind: productKind,
            composition: OfferComposition(sale: draft, productKind: productKind, seller: seller, client: client, policy: policy))
    }

    /// What the consumer would receive if the sale were sent now: the complete offer, its lifecycle and
    /// its text in both languages (rendered as registration renders them), or the items still missing.
    struct Rendered {
        let offer: ConfirmationOffer
        let lifecycle: OfferLifecycle
        let nb: OfferDocument
        let en: OfferDocument
    }

    static func render(_ prepared: Prepared, now: Date) throws(InputProblems) -> Rendered {
        func missing(_ items: [MissingOfferItem]) -> InputProblems {
            InputProblems(
                problems: items.map { InputProblem(field: $0.field, api: $0.description, phrase: Phrase(nb: $0.norwegian, en: $0.description)) })
        }
        switch ConfirmationChecker.check(prepared.composition, policy: policy) {
        case .incomplete(let items):
            throw missing(items)
        case .exempt(let exemption):
            var strict = policy
            strict.exemptVoluntaryOrganisations = false
            strict.exemptNewspaperSubscriptions = false
            guard case .ready(let offer) = ConfirmationChecker.check(prepared.composition, policy: strict) else {
                if case .incomplete(let items) = ConfirmationChecker.check(prepared.composition, policy: strict) { throw missing(items) }
                throw missing([])
            }
            let lifecycle = OfferLifecycle.exempt(exemption, at: now, productKind: prepared.productKind, policy: policy, informationGiven: true)
            let acceptBy = OsloTime.localDate(of: now)
            let smsReplies = policy.smsRepliesEnabled && offer.consumer.phone != nil
            let nb = OfferDocumentRenderer.render(
                offer, language: .norwegian, acceptByDay: acceptBy, smsReplies: smsReplies, withdrawal: policy.withdrawal, confirmationOf: exemption)
            let en = OfferDocumentRenderer.render(
                offer, language: .english, acceptByDay: acceptBy, smsReplies: smsReplies, withdrawal: policy.withdrawal, confirmationOf: exemption)
            return Rendered(offer: offer, lifecycle: lifecycle, nb: nb, en: en)
        case .ready(let offer):
            let earliest = ElectricityCoolingOff.earliestAcceptance(category: prepared.campaign.productCategory, sentAt: now)
            let lifecycle = OfferLifecycle.sent(at: now, productKind: prepared.productKind, policy: policy, earliestAcceptance: earliest)
            let deadlines = lifecycle.deadlines ?? OfferDeadlines(sentAt: now, policy: policy)
            let nb = OfferDocumentRenderer.render(offer, language: .norwegian, deadlines: deadlines, policy: policy, earliestAcceptance: earliest)
            let en = OfferDocumentRenderer.render(offer, language: .english, deadlines: deadlines, policy: policy, earliestAcceptance: earliest)
            return Rendered(offer: offer, lifecycle: lifecycle, nb: nb, en: en)
        }
    }
}
