import Foundation
import TMNormCore

/// The forms on a sale's page with which the seller's staff record what the consumer did outside the
/// platform: a standard withdrawal form that came by post or e-mail, and the day goods arrived.
enum SaleStaffForms {
    struct Model: Sendable {
        let saleID: UUID
        let state: String
        let isGoods: Bool
        let goodsReceivedOn: LocalDate?
        let today: LocalDate
    }

    static func render(_ model: Model, context: PageContext) -> Node {
        el("section", .id("staff-actions")) {
            if model.state == OfferState.accepted.rawValue {
                el("h2") { context.t(Phrase(nb: "Angreskjema mottatt", en: "Withdrawal form received")) }
                el("p", .class("hint")) {
                    context.t(
                        Phrase(
                            nb:
                                "Kom standard angreskjema eller en annen klar melding per post eller e-post? Registrer datoen forbrukeren sendte den (poststempel eller e-postens dato): sendt innen fristen er i tide.",
                            en:
                                "Did the standard withdrawal form or another clear statement arrive by post or e-mail? Record the day the consumer sent it (postmark or the e-mail's date): sent within the deadline is in time."
                        ))
                }
                Form.post(SiteRoute.saleWithdrawalForm(model.saleID).path, csrf: context.csrf) {
                    Form.field(
                        context.t(Phrase(nb: "Sendt av forbrukeren", en: "Sent by the consumer")), name: "sent_on", type: "date",
                        value: model.today.iso8601)
                    Form.select(
                        context.t(Phrase(nb: "Mottatt som", en: "Received by")), name: "channel",
                        options: [
                            ("post", context.t(Phrase(nb: "Post", en: "Post"))), ("email", context.t(Phrase(nb: "E-post", en: "E-mail"))),
                        ])
                    Form.field(context.t(Phrase(nb: "Merknad (valgfritt)", en: "Note (optional)")), name: "note", required: false)
                    Form.submit(context.t(Phrase(nb: "Registrer angring", en: "Record withdrawal")))
                }
                if model.isGoods && model.goodsReceivedOn == nil {
                    el("h2") { context.t(Phrase(nb: "Varen mottatt", en: "Goods received")) }
                    Form.post(SiteRoute.saleGoodsReceived(model.saleID).path, csrf: context.csrf) {
                        Form.field(
                            context.t(Phrase(nb: "Forbrukeren mottok varen", en: "The consumer received the goods")), name: "received_on",
                            type: "date", value: model.today.iso8601)
                        Form.submit(
                            context.t(
                                Phrase(
                                    nb: "Registrer mottak (angrefristen løper fra denne dagen)",
                                    en: "Record receipt (the withdrawal period runs from this day)")))
                    }
                }
            }
        }
    }
}
