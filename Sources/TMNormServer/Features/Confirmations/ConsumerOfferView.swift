import Foundation
import TMNormCore

/// The consumer's offer page: the offer text exactly as stored, answers, receipt, withdrawal.
enum ConsumerOfferView {
    struct Model: Sendable {
        let state: OfferState
        let text: String
        let english: Bool
        let token: String
        let reference: String
        let clientName: String
        let acceptBy: Date?
        let acceptedAt: Date?
        let withdrawalLastDay: String?
        let canWithdraw: Bool
        let notice: String?
    }

    static func render(_ model: Model, context: PageContext) -> String {
        Layout.page(title: context.t(Phrase(nb: "Tilbud fra \(model.clientName)", en: "Offer from \(model.clientName)")), context: context) {
            if let notice = model.notice { el("p", .class("notice"), .init("role", "status")) { notice } }
            switch model.state {
            case .sent:
                el("p") {
                    context.t(
                        Phrase(
                            nb: "Les hele tilbudet nedenfor. Du er bare bundet hvis du aksepterer skriftlig.",
                            en: "Read the whole offer below. You are bound only if you accept in writing."))
                }
                el("div", .class("actions")) {
                    Form.post(SiteRoute.offerAccept(token: model.token).path, csrf: context.csrf) { Form.submit("Jeg aksepterer tilbudet") }
                    Form.post(SiteRoute.offerDecline(token: model.token).path, csrf: context.csrf) {
                        Form.submit("Nei takk", class: "button secondary")
                    }
                }
            case .accepted:
                el("h2") { context.t(Phrase(nb: "Kvittering", en: "Receipt")) }
                el("p", .class("receipt")) {
                    context.t(Phrase(nb: "Du aksepterte tilbudet", en: "You accepted the offer"))
                        + (model.acceptedAt.map { " " + NorwegianFormat.dateTime($0) } ?? "") + ". "
                        + context.t(Phrase(nb: "Referanse: ", en: "Reference: ")) + model.reference
                }
                if let last = model.withdrawalLastDay {
                    el("p") { context.t(Phrase(nb: "Angrefrist: til og med \(last).", en: "Withdrawal deadline: until \(last) inclusive.")) }
                }
                if model.canWithdraw {
                    Form.post(SiteRoute.offerWithdraw(token: model.token).path, csrf: context.csrf) {
                        Form.submit(
                            context.t(Phrase(nb: "Gå fra avtalen (angrerett)", en: "Withdraw (right of withdrawal)")), class: "button secondary")
                    }
                }
            case .declined, .expired, .withdrawn:
                el("p", .class("gone")) {
                    switch model.state {
                    case .declined:
                        context.t(
                            Phrase(
                                nb: "Du har takket nei. Du er ikke bundet. Referanse: \(model.reference)",
                                en: "You declined. You are not bound. Reference: \(model.reference)"))
                    case .expired:
                        context.t(
                            Phrase(
                                nb: "Svarfristen har gått ut. Du er ikke bundet, og tilbudet kan ikke lenger aksepteres.",
                                en: "The deadline has passed. You are not bound and the offer can no longer be accepted."))
                    default:
                        context.t(
                            Phrase(
                                nb: "Du har gått fra avtalen. Referanse: \(model.reference)",
                                en: "You withdrew from the agreement. Reference: \(model.reference)"))
                    }
                }
            case .exempt:
                // Exempt from written acceptance (voluntary organisation, newspaper), not from the withdrawal right.
                el("h2") { context.t(Phrase(nb: "Bekreftelse av avtalen", en: "Confirmation of the agreement")) }
                el("p", .class("receipt")) {
                    context.t(Phrase(nb: "Avtalen ble inngått i telefonsamtalen", en: "The agreement was made in the telephone call"))
                        + (model.acceptedAt.map { " " + NorwegianFormat.dateTime($0) } ?? "") + ". "
                        + context.t(Phrase(nb: "Referanse: ", en: "Reference: ")) + model.reference
                }
                if let last = model.withdrawalLastDay {
                    el("p") { context.t(Phrase(nb: "Angrefrist: til og med \(last).", en: "Withdrawal deadline: until \(last) inclusive.")) }
                } else if model.canWithdraw {
                    el("p") {
                        context.t(
                            Phrase(
                                nb: "Angrefristen begynner å løpe når du mottar den første leveransen.",
                                en: "The withdrawal period starts when you receive the first delivery."))
                    }
                }
                if model.canWithdraw {
                    Form.post(SiteRoute.offerWithdraw(token: model.token).path, csrf: context.csrf) {
                        Form.submit(
                            context.t(Phrase(nb: "Gå fra avtalen (angrerett)", en: "Withdraw (right of withdrawal)")), class: "button secondary")
                    }
                }
            case .draft:
                el("p") { context.t(Phrase(nb: "Det finnes ikke noe tilbud å svare på.", en: "There is no offer to answer.")) }
            }
            el("p", .class("lang-offer")) {
                el("a", .href(SiteRoute.offer(token: model.token).path(query: ["lang": model.english ? "nb" : "en"]))) {
                    model.english ? "Vis på norsk" : "Show in English"
                }
            }
            el("pre", .class("offer-text"), .lang(model.english ? "en" : "nb")) { model.text }
        }
    }
}

/// Read from the sale; the memberwise initialiser stays for sample data.
extension ConsumerOfferView.Model {
    init(sale: SaleModel, lifecycle: OfferLifecycle, token: String, english: Bool, now: Date, notice: String?) throws {
        state = lifecycle.state
        self.english = english
        text = (english ? sale.offerTextEN : sale.offerTextNB) ?? ""
        self.token = token
        reference = sale.reference
        let offer = try sale.offer()
        clientName = offer?.client.name ?? ""
        acceptBy = lifecycle.deadlines?.acceptBy
        acceptedAt = lifecycle.acceptedAt
        withdrawalLastDay = lifecycle.withdrawalDeadline.map { NorwegianFormat.isoDay($0.lastDay.iso8601) }
        canWithdraw = lifecycle.canWithdraw(at: now)
        self.notice = notice
    }
}
