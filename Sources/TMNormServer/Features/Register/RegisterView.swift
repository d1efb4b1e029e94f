import Foundation
import TMNormCore

/// The register page.
enum RegisterView {
    struct Row: Sendable {
        let importedAt: Date
        let obtainedAt: Date
        let fileName: String
        let status: RegisterSnapshotModel.Status
        let numbers: Int
        let persons: Int
        let rejectedRows: Int
        let sha256: String
        let error: Phrase?
        let problems: [RegisterImportProblem]
    }

    struct Model: Sendable {
        let rows: [Row]
        let installationCopy: Bool
        let message: Phrase?
        let failed: Bool
    }

    static func statusLabel(_ status: RegisterSnapshotModel.Status) -> Phrase {
        switch status {
        case .active: Phrase(nb: "Aktiv", en: "Active")
        case .superseded: Phrase(nb: "Erstattet", en: "Superseded")
        case .failed: Phrase(nb: "Feilet", en: "Failed")
        }
    }

    static func render(_ model: Model, context: PageContext) -> String {
        Layout.page(title: context.t(Phrase(nb: "Reservasjonsregisteret", en: "Reservation register")), context: context) {
            el("p") {
                context.t(
                    model.installationCopy
                        ? Phrase(
                            nb: "Installasjonens kopi brukes av callsentre som ikke har importert sin egen lisensierte kopi.",
                            en: "The installation's copy is used by call centres that have not imported their own licensed copy.")
                        : Phrase(
                            nb: "Callsenterets egen lisensierte kopi. Vask i samme måned som registerkopien er hentet.",
                            en: "The call centre's own licensed copy. Wash in the same month as the register copy was obtained."))
            }
            if let message = model.message {
                el("p", .class(model.failed ? "alert" : "notice"), .init("role", model.failed ? "alert" : "status")) { context.t(message) }
            }
            el("h2") { context.t(Phrase(nb: "Importer ny levering", en: "Import a new delivery")) }
            Form.post(
                SiteRoute.nationalRegister.path, csrf: context.csrf, enctype: "multipart/form-data",
                progress: context.t(
                    Phrase(
                        nb: "Filen er lastet opp; registeret leses og kopien bygges …", en: "Uploaded; reading the register and building the copy …"))
            ) {
                Form.field(
                    context.t(Phrase(nb: "Registerfil (CSV eller ett nummer per linje)", en: "Register file (CSV or one number per line)")),
                    name: "file", type: "file")
                Form.field(
                    context.t(Phrase(nb: "Hentet dato", en: "Obtained on")), name: "obtained_at", type: "date", required: false,
                    hint: context.t(Phrase(nb: "Tom: i dag", en: "Empty: today")))
                Form.select(
                    context.t(
                        Phrase(
                            nb: "Nummerfil (ett nummer per linje): gjelder reservasjonene også frivillige organisasjoner?",
                            en: "Number file (one number per line): do the reservations also cover voluntary organisations?")),
                    name: "voluntary",
                    options: [
                        (
                            "yes",
                            context.t(
                                Phrase(
                                    nb: "Ja (standard: filen sier det ikke, og de fleste som reserverer seg, gjør det også mot frivillige)",
                                    en:
                                        "Yes (default: the file does not say, and most people who reserve also reserve against voluntary organisations)"
                                ))
                        ),
                        ("no", context.t(Phrase(nb: "Nei, leveransen sier at de ikke gjør det", en: "No, the delivery says they do not"))),
                    ], selected: "yes")
                Form.checkbox(
                    context.t(
                        Phrase(
                            nb: "Tving importen selv om leveransen er tom eller mye mindre enn den aktive kopien",
                            en: "Force the import even when the delivery is empty or much smaller than the active copy")), name: "force")
                Form.submit(context.t(Phrase(nb: "Importer", en: "Import")))
            }
            el("h2") { context.t(Phrase(nb: "Historikk", en: "History")) }
            Table.scrolling(headings: [
                context.t(Phrase(nb: "Importert", en: "Imported")),
                context.t(Phrase(nb: "Hentet", en: "Obtained")),
                context.t(Phrase(nb: "Fil", en: "File")),
                context.t(Phrase(nb: "Status", en: "Status")),
                context.t(Phrase(nb: "Numre / personer", en: "Numbers / persons")),
                context.t(Phrase(nb: "Avviste rader", en: "Rejected rows")),
            ]) {
                for row in model.rows {
                    el("tr") {
                        el("td") { NorwegianFormat.dateTime(row.importedAt) }
                        el("td") { NorwegianFormat.date(row.obtainedAt) }
                        el("td") {
                            row.fileName;
                            if !row.sha256.isEmpty { el("br"); el("small", .class("hint")) { "SHA-256 " + String(row.sha256.prefix(16)) + "…" } }
                        }
                        el("td") {
                            context.t(statusLabel(row.status));
                            if let error = row.error { el("br"); el("small", .class("error")) { context.t(error) } }
                        }
                        el("td") { "\(row.numbers) / \(row.persons)" }
                        el("td") {
                            String(row.rejectedRows)
                            if !row.problems.isEmpty {
                                el("details") {
                                    el("summary") { context.t(Phrase(nb: "Vis", en: "Show")) }
                                    el("p", .class("hint")) {
                                        context.t(
                                            Phrase(
                                                nb:
                                                    "Disse linjene ble ikke tatt med; resten av registeret er i bruk. Be om en ny leveranse hvis mange linjer mangler.",
                                                en:
                                                    "These lines were left out; the rest of the register is in use. Ask for a new delivery if many lines are missing."
                                            ))
                                    }
                                    el("ul") {
                                        for problem in row.problems.prefix(50) {
                                            el("li") {
                                                context.t(Phrase(nb: "linje", en: "line")) + " \(problem.line): "
                                                    + context.t(Phrase(nb: problem.reasonNorwegian ?? problem.reason, en: problem.reason))
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Read from the database row; the memberwise initialiser stays for sample data.
extension RegisterView.Row {
    init(model: RegisterSnapshotModel, problems: [RegisterImportProblem]) {
        importedAt = model.importedAt
        obtainedAt = model.obtainedAt
        fileName = model.fileName
        status = model.status
        numbers = model.numbers
        persons = model.persons
        rejectedRows = model.rejectedRows
        sha256 = model.sha256
        error = model.errorPhrase
        self.problems = problems
    }
}
