import Foundation
import TMNormCore

/// The settings form.
enum OfferSettingsView {
    struct Model: Sendable {
        let address: String
        let phone: String
        let email: String
        let webhookURL: String
        let hasSecret: Bool
        let isClient: Bool
        let problems: [FieldProblem]
        let saved: Bool
    }

    static func render(_ model: Model, context: PageContext) -> String {
        func error(_ field: String) -> String? { model.problems.first { $0.field == field }?.text(context.language) }
        return Layout.page(title: context.t(Phrase(nb: "Opplysninger i skriftlige tilbud", en: "Details in written offers")), context: context) {
            if model.saved { el("p", .class("notice")) { context.t(Phrase(nb: "Lagret.", en: "Saved.")) } }
            el("p") {
                context.t(
                    Phrase(
                        nb: "Tilbudet må oppgi adresse og telefon eller e-post; angreskjemaet sendes til oppdragsgiverens adresse.",
                        en: "The offer must give an address and a phone or e-mail; the withdrawal form is addressed to the client."))
            }
            Form.post(SiteRoute.offerSettings.path, csrf: context.csrf) {
                Form.field(
                    context.t(Phrase(nb: "Postadresse", en: "Postal address")), name: "address", value: model.address, required: false,
                    error: error("address"))
                Form.field(
                    context.t(Phrase(nb: "Telefon", en: "Phone")), name: "phone", type: "tel", value: model.phone, required: false,
                    error: error("phone"))
                Form.field(
                    context.t(Phrase(nb: "E-post", en: "E-mail")), name: "email", type: "email", value: model.email, required: false,
                    error: error("email"))
                if model.isClient {
                    Form.field(
                        context.t(Phrase(nb: "Webhook-URL", en: "Webhook URL")), name: "webhook_url", type: "url", value: model.webhookURL,
                        required: false,
                        hint: context.t(
                            Phrase(
                                nb: "Vi sender sale.accepted, sale.declined, sale.expired og sale.withdrawn, signert med X-TMNorm-Webhook-Signature.",
                                en: "We send sale.accepted, sale.declined, sale.expired and sale.withdrawn, signed with X-TMNorm-Webhook-Signature.")),
                        error: error("webhook_url"))
                    Form.field(
                        context.t(Phrase(nb: "Webhook-hemmelighet", en: "Webhook secret")), name: "webhook_secret", type: "password", required: false,
                        hint: model.hasSecret
                            ? context.t(Phrase(nb: "Lagret. La feltet stå tomt for å beholde den.", en: "Stored. Leave empty to keep it.")) : nil,
                        error: error("webhook_secret"))
                }
                Form.submit(context.t(Phrase(nb: "Lagre", en: "Save")))
            }
        }
    }
}

/// Read from the stored settings; the memberwise initialiser stays for sample data.
extension OfferSettingsView.Model {
    init(settings: OfferSettingsModel?, isClient: Bool, problems: [FieldProblem], saved: Bool) {
        address = settings?.address ?? ""
        phone = settings?.phone ?? ""
        email = settings?.email ?? ""
        webhookURL = settings?.webhookURL ?? ""
        hasSecret = settings?.webhookSecret != nil
        self.isClient = isClient
        self.problems = problems
        self.saved = saved
    }
}
