import Foundation
import TMNormCore

/// The agent's sale form on a campaign, and the banner above the preview that sends it.
enum SaleFormView {
    struct Model: Sendable {
        let campaignID: UUID
        let campaignName: String
        let clientName: String
        let newspaper: Bool
        /// What was typed, by field name.
        let values: [String: String]
        let key: String
        /// Problems by form field, in the page's language.
        let problems: [String: String]
        /// Problems not about one field (the client's settings, the engagement).
        let general: [String]
        let today: LocalDate
    }

    /// The form field a problem of the API's body (or of the offer's required items) belongs to.
    static func formField(for field: String) -> String? {
        switch field {
        case "consumer.name": "consumer_name"
        case "consumer.phone", "consumer", "consumer.contact": "consumer_phone"
        case "consumer.email": "consumer_email"
        case "product": "product"
        case "product_kind": "product_kind"
        case "price", "price.amount", "price.currency": "amount"
        case "price.period": "period"
        case "binding_months", "start_date", "terms", "payment", "delivery", "termination", "return_costs": field
        case "other_charges": "charge_amount"
        default:
            if field.hasPrefix("other_charges[") {
                field.hasSuffix(".description") ? "charge_description" : "charge_amount"
            } else {
                nil
            }
        }
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let title = context.t(Phrase(nb: "Registrer salg", en: "Register a sale"))
        return Layout.page(title: title, context: context) {
            el("p") {
                context.t(Phrase(nb: "Kampanje: ", en: "Campaign: "))
                el("a", .href(SiteRoute.campaign(model.campaignID).path)) { model.campaignName }
                context.t(Phrase(nb: " · oppdragsgiver \(model.clientName)", en: " · client \(model.clientName)"))
            }
            el("p", .class("hint")) {
                context.t(
                    Phrase(
                        nb: "Fyll inn det dere ble enige om i samtalen. Du ser tilbudet slik forbrukeren får det før du sender det.",
                        en: "Fill in what you agreed in the call. You see the offer as the consumer will before you send it."))
            }
            if !model.problems.isEmpty || !model.general.isEmpty {
                el("div", .class("alert"), .init("role", "alert"), .id("problems")) {
                    el("p") {
                        context.t(
                            Phrase(
                                nb: "Tilbudet kan ikke sendes ennå. Rett feltene som er merket.",
                                en: "The offer cannot be sent yet. Correct the marked fields."))
                    }
                    if !model.general.isEmpty { el("ul") { for problem in model.general { el("li") { problem } } } }
                }
            }
            Form.post(SiteRoute.campaignSalePreview(model.campaignID).path, csrf: context.csrf, class: "form sale-form") {
                void("input", .type("hidden"), .name("idempotency_key"), .value(model.key))
                el("fieldset") {
                    el("legend") { context.t(Phrase(nb: "Forbrukeren", en: "The consumer")) }
                    field(model, "consumer_name", context.t(Phrase(nb: "Navn", en: "Name")), autocomplete: "off")
                    field(
                        model, "consumer_phone", context.t(Phrase(nb: "Mobilnummer", en: "Mobile number")), type: "tel", required: false,
                        hint: context.t(
                            Phrase(nb: "Tilbudet sendes på SMS. Oppgi mobil eller e-post.", en: "The offer goes by SMS. Give a mobile or an e-mail."))
                    )
                    field(
                        model, "consumer_email", context.t(Phrase(nb: "E-post (valgfritt)", en: "E-mail (optional)")), type: "email", required: false)
                }
                el("fieldset") {
                    el("legend") { context.t(Phrase(nb: "Produktet og prisen", en: "Product and price")) }
                    field(model, "product", context.t(Phrase(nb: "Produkt", en: "Product")))
                    if !model.newspaper {
                        select(
                            model, "product_kind", context.t(Phrase(nb: "Slag", en: "Kind")),
                            options: [
                                (
                                    "service",
                                    context.t(
                                        Phrase(nb: "Tjeneste (angrefristen løper fra aksept)", en: "Service (withdrawal period runs from acceptance)")
                                    )
                                ),
                                (
                                    "goods",
                                    context.t(Phrase(nb: "Vare (angrefristen løper fra mottak)", en: "Goods (withdrawal period runs from receipt)"))
                                ),
                            ])
                    }
                    field(
                        model, "amount", context.t(Phrase(nb: "Pris i kroner", en: "Price in kroner")), inputmode: "decimal",
                        hint: context.t(Phrase(nb: "Med mva., for eksempel 399 eller 1234,50", en: "Including VAT, e.g. 399 or 1234,50")))
                    select(
                        model, "period", context.t(Phrase(nb: "Betales", en: "Paid")),
                        options: [
                            ("month", context.t(Phrase(nb: "per måned", en: "per month"))), ("year", context.t(Phrase(nb: "per år", en: "per year"))),
                            ("once", context.t(Phrase(nb: "én gang", en: "once"))),
                        ])
                    field(
                        model, "binding_months", context.t(Phrase(nb: "Bindingstid i måneder", en: "Binding period in months")), inputmode: "numeric",
                        hint: context.t(Phrase(nb: "0 når det ikke er binding, høyst 36", en: "0 when there is none, at most 36")))
                    field(
                        model, "start_date", context.t(Phrase(nb: "Oppstart (valgfritt)", en: "Start (optional)")), type: "date", required: false)
                    field(
                        model, "charge_description", context.t(Phrase(nb: "Annet gebyr (valgfritt)", en: "Other charge (optional)")), required: false,
                        hint: context.t(Phrase(nb: "For eksempel «Etablering» eller «Frakt»", en: "For example \"Set-up\" or \"Shipping\"")))
                    field(
                        model, "charge_amount", context.t(Phrase(nb: "Gebyret i kroner", en: "The charge in kroner")), required: false,
                        inputmode: "decimal")
                }
                el("fieldset") {
                    el("legend") { context.t(Phrase(nb: "Vilkår", en: "Terms")) }
                    textarea(
                        model, "payment", context.t(Phrase(nb: "Betaling", en: "Payment")),
                        hint: context.t(Phrase(nb: "Hvordan og når forbrukeren betaler", en: "How and when the consumer pays")))
                    textarea(
                        model, "delivery", context.t(Phrase(nb: "Levering", en: "Delivery")),
                        hint: context.t(
                            Phrase(nb: "Hvordan og når varen eller tjenesten leveres", en: "How and when the goods or service are delivered")))
                    textarea(
                        model, "termination", context.t(Phrase(nb: "Oppsigelse", en: "Ending the agreement")),
                        hint: context.t(Phrase(nb: "Kreves når prisen er per måned eller år", en: "Required when the price is per month or year")))
                    select(
                        model, "return_costs", context.t(Phrase(nb: "Retur ved angrerett betales av", en: "Returns after withdrawal are paid by")),
                        options: [
                            ("", context.t(Phrase(nb: "Ikke aktuelt (tjeneste)", en: "Not applicable (service)"))),
                            ("consumer", context.t(Phrase(nb: "Forbrukeren", en: "The consumer"))),
                            ("seller", context.t(Phrase(nb: "Selgeren", en: "The seller"))),
                        ])
                    textarea(model, "terms", context.t(Phrase(nb: "Andre vilkår (valgfritt)", en: "Other terms (optional)")))
                }
                Form.submit(context.t(Phrase(nb: "Forhåndsvis tilbudet", en: "Preview the offer")))
            }
        }
    }

    private static func describedBy(_ name: String, hint: Bool, error: Bool) -> Attribute? {
        let ids = [hint ? "h-" + name : nil, error ? "e-" + name : nil].compactMap { $0 }
        return ids.isEmpty ? nil : .aria("describedby", ids.joined(separator: " "))
    }

    private static func field(
        _ model: Model, _ name: String, _ label: String, type: String = "text", required: Bool = true, autocomplete: String? = nil,
        inputmode: String? = nil, hint: String? = nil
    ) -> Node {
        let error = model.problems[name]
        var attributes: [Attribute] = [.id("f-" + name), .name(name), .type(type), .value(model.values[name] ?? "")]
        if required { attributes.append(.required) }
        if let autocomplete { attributes.append(.autocomplete(autocomplete)) }
        if let inputmode { attributes.append(.init("inputmode", inputmode)) }
        if error != nil { attributes.append(.aria("invalid", "true")) }
        if let described = describedBy(name, hint: hint != nil, error: error != nil) { attributes.append(described) }
        return el("div", .class("field")) {
            el("label", .for("f-" + name)) { label }
            if let hint { el("small", .class("hint"), .id("h-" + name)) { hint } }
            Node.void("input", attributes)
            if let error { el("p", .class("field-error"), .id("e-" + name)) { error } }
        }
    }

    private static func textarea(_ model: Model, _ name: String, _ label: String, hint: String? = nil) -> Node {
        let error = model.problems[name]
        var attributes: [Attribute] = [.id("f-" + name), .name(name), .init("rows", "2")]
        if error != nil { attributes.append(.aria("invalid", "true")) }
        if let described = describedBy(name, hint: hint != nil, error: error != nil) { attributes.append(described) }
        return el("div", .class("field")) {
            el("label", .for("f-" + name)) { label }
            if let hint { el("small", .class("hint"), .id("h-" + name)) { hint } }
            Node.element("textarea", attributes, [.text(model.values[name] ?? "")])
            if let error { el("p", .class("field-error"), .id("e-" + name)) { error } }
        }
    }

    private static func select(_ model: Model, _ name: String, _ label: String, options: [(String, String)]) -> Node {
        let error = model.problems[name]
        let selected = model.values[name] ?? ""
        var attributes: [Attribute] = [.id("f-" + name), .name(name)]
        if error != nil { attributes.append(.aria("invalid", "true")) }
        if let described = describedBy(name, hint: false, error: error != nil) { attributes.append(described) }
        return el("div", .class("field")) {
            el("label", .for("f-" + name)) { label }
            Node.element(
                "select", attributes,
                options.map { value, text in
                    var attributes: [Attribute] = [.value(value)]
                    if value == selected { attributes.append(.selected) }
                    return .element("option", attributes, [.text(text)])
                })
            if let error { el("p", .class("field-error"), .id("e-" + name)) { error } }
        }
    }

    /// Above the consumer's page in the preview: nothing is sent yet; send, or go back and change.
    static func previewBanner(
        campaignID: UUID, values: [String: String], key: String, sendsTo: [Phrase], exempt: Bool, context: PageContext
    ) -> Node {
        func hidden() -> [Node] {
            [Node.void("input", [.type("hidden"), .name("idempotency_key"), .value(key)])]
                + SaleFormRoutes.fieldNames.compactMap { name in
                    values[name].map { Node.void("input", [.type("hidden"), .name(name), .value($0)]) }
                }
        }
        return el("section", .class("preview-banner"), .aria("label", context.t(Phrase(nb: "Forhåndsvisning", en: "Preview")))) {
            el("div", .class("preview-banner-inner")) {
                el("p") {
                    el("strong") { context.t(Phrase(nb: "Forhåndsvisning. ", en: "Preview. ")) }
                    context.t(
                        Phrase(
                            nb: "Slik ser forbrukeren tilbudet. Ingenting er sendt ennå.",
                            en: "This is how the consumer sees the offer. Nothing has been sent yet."))
                }
                if !sendsTo.isEmpty {
                    el("p") {
                        context.t(
                            exempt
                                ? Phrase(nb: "Bekreftelsen sendes på ", en: "The confirmation goes by ")
                                : Phrase(nb: "Tilbudet sendes på ", en: "The offer goes by "))
                            + sendsTo.map { context.t($0) }.joined(separator: context.t(Phrase(nb: " og ", en: " and "))) + "."
                    }
                }
                Form.post(SiteRoute.campaignSales(campaignID).path, csrf: context.csrf, class: "inline") {
                    hidden()
                    Form.submit(context.t(Phrase(nb: "Send tilbudet", en: "Send the offer")), class: "button primary")
                }
                Form.post(SiteRoute.campaignSalePreview(campaignID).path, csrf: context.csrf, class: "inline") {
                    hidden()
                    void("input", .type("hidden"), .name("edit"), .value("1"))
                    Form.submit(context.t(Phrase(nb: "Endre", en: "Change")), class: "button secondary")
                }
            }
        }
    }
}
