import Foundation
import TMNormCore

/// The exemptions page.
enum ExemptionsView {
    struct Model: Sendable {
        let clients: [OrganisationRow]
        let customers: [(String, String, Int)]
        let consents: [(String, Int)]
        let message: Phrase?
        let problems: [FieldProblem]
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let clientOptions = model.clients.map { ($0.id.uuidString, $0.name) }
        return Layout.page(title: context.t(Phrase(nb: "Unntak fra Reservasjonsregisteret", en: "Exemptions from the register")), context: context) {
            el("p") {
                context.t(
                    Phrase(
                        nb:
                            "Eksisterende kunder kan ringes om produkter av samme kategori, og forbrukere som selv har bedt én navngitt bedrift om å ringe. Unntakene gjelder aldri sperrelister.",
                        en:
                            "Existing customers may be called about products of the same category, and consumers who asked one named business to call them. Exemptions never override block lists."
                    ))
            }
            if let message = model.message {
                el("div", .class(model.problems.isEmpty ? "notice" : "alert"), .init("role", "status")) {
                    el("p") { context.t(message) }
                    if !model.problems.isEmpty {
                        el("p") {
                            context.t(
                                Phrase(
                                    nb:
                                        "De andre numrene er lagret. Rett linjene under i fila (ett norsk telefonnummer per linje) og last opp bare dem på nytt.",
                                    en:
                                        "The other numbers are saved. Correct the lines below in the file (one Norwegian phone number per line) and upload just those again."
                                ))
                        }
                        el("ul") {
                            for problem in model.problems.prefix(100) {
                                el("li") { "\(problem.place(context.language)): \(problem.text(context.language))" }
                            }
                        }
                    }
                }
            }
            el("h2") { context.t(Phrase(nb: "Eksisterende kunder", en: "Existing customers")) }
            el("ul") { for (client, category, count) in model.customers { el("li") { "\(client) · \(category): \(count)" } } }
            Form.post(SiteRoute.exemptionCustomers.path, csrf: context.csrf, enctype: "multipart/form-data") {
                Form.field(context.t(Phrase(nb: "Kundeliste (CSV)", en: "Customer list (CSV)")), name: "file", type: "file")
                Form.field(context.t(Phrase(nb: "Produktkategori", en: "Product category")), name: "category")
                Form.select(context.t(Phrase(nb: "Oppdragsgiver", en: "Client")), name: "client_id", options: clientOptions)
                Form.submit(context.t(Phrase(nb: "Importer kunder", en: "Import customers")))
            }
            el("h2") { context.t(Phrase(nb: "Samtykke til å bli ringt", en: "Consent to be called")) }
            el("ul") { for (client, count) in model.consents { el("li") { "\(client): \(count)" } } }
            Form.post(SiteRoute.exemptionConsents.path, csrf: context.csrf) {
                Form.field(context.t(Phrase(nb: "Telefonnummer", en: "Phone number")), name: "phone", type: "tel")
                Form.field(context.t(Phrase(nb: "Dato gitt", en: "Given on")), name: "given_on", type: "date", required: false)
                Form.field(context.t(Phrase(nb: "Kilde (hvor og hvordan)", en: "Source (where and how)")), name: "source")
                Form.select(
                    context.t(Phrase(nb: "Bedriften samtykket gjelder", en: "The business consented to")), name: "client_id", options: clientOptions)
                Form.submit(context.t(Phrase(nb: "Registrer samtykke", en: "Record consent")))
            }
        }
    }
}
