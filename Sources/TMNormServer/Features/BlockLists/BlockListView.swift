import Foundation
import TMNormCore

/// The block list page.
enum BlockListView {
    struct Model: Sendable {
        let targets: [OrganisationRow]
        let counts: [(String, Int)]
        let canImport: Bool
        let outcome: BlockListService.Outcome?
    }

    static func render(_ model: Model, context: PageContext) -> String {
        Layout.page(title: context.t(Phrase(nb: "Intern sperreliste", en: "Internal block list")), context: context) {
            el("p") {
                context.t(
                    Phrase(
                        nb:
                            "Et nummer på oppdragsgiverens liste sperres for alle callsentre som ringer for oppdragsgiveren. Oppføringer utløper aldri.",
                        en: "A number on a client's list is blocked for every call centre calling for that client. Entries never expire."))
            }
            if let outcome = model.outcome {
                el("div", .class(outcome.problems.isEmpty ? "notice" : "alert"), .init("role", "status")) {
                    el("p") {
                        context.t(
                            Phrase(
                                nb: "Lagt til: \(outcome.added). Allerede sperret: \(outcome.alreadyBlocked). Avvist: \(outcome.problems.count).",
                                en: "Added: \(outcome.added). Already blocked: \(outcome.alreadyBlocked). Rejected: \(outcome.problems.count)."))
                    }
                    if !outcome.problems.isEmpty {
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
                            for problem in outcome.problems.prefix(100) {
                                el("li") { "\(problem.place(context.language)): \(problem.text(context.language))" }
                            }
                        }
                    }
                }
            }
            el("ul") { for (name, count) in model.counts { el("li") { "\(name): \(count)" } } }
            el("h2") { context.t(Phrase(nb: "Sperr et nummer", en: "Block a number")) }
            Form.post(SiteRoute.blockList.path, csrf: context.csrf) {
                Form.field(context.t(Phrase(nb: "Telefonnummer", en: "Phone number")), name: "phone", type: "tel", autocomplete: "off")
                Form.select(
                    context.t(Phrase(nb: "Sperreliste", en: "Block list")), name: "organisation_id",
                    options: model.targets.map { ($0.id.uuidString, $0.name) })
                Form.submit(context.t(Phrase(nb: "Sperr", en: "Block")))
            }
            if model.canImport {
                el("h2") { context.t(Phrase(nb: "Importer fra CSV", en: "Import from CSV")) }
                Form.post(
                    SiteRoute.blockListImport.path, csrf: context.csrf, enctype: "multipart/form-data",
                    progress: context.t(Phrase(nb: "Filen er lastet opp; numrene legges inn …", en: "Uploaded; adding the numbers …"))
                ) {
                    Form.field(
                        context.t(
                            Phrase(
                                nb: "Fil med ett nummer per linje (eller en kolonne «telefon»)",
                                en: "File with one number per line (or a “telefon” column)")), name: "file", type: "file")
                    Form.select(
                        context.t(Phrase(nb: "Sperreliste", en: "Block list")), name: "organisation_id",
                        options: model.targets.map { ($0.id.uuidString, $0.name) })
                    Form.submit(context.t(Phrase(nb: "Importer", en: "Import")))
                }
            }
        }
    }
}
