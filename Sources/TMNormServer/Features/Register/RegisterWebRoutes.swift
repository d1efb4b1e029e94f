import Fluent
import Foundation
import TMNormCore
import Vapor

/// `/national-register`: import history and upload of register deliveries.
/// A call centre's administrator manages its own licensed copy; the association the installation's copy.
struct RegisterWebRoutes: RouteCollection {
    static let maxUpload: ByteCount = "100mb"

    func boot(routes: any RoutesBuilder) throws {
        routes.get("national-register", use: page)
        routes.upload("national-register", maxSize: Self.maxUpload, use: upload)
    }

    /// The owner of the copies this user manages: own call centre, or nil (installation) for the association.
    private func owner(_ req: Request) throws -> (user: CurrentUser, ownerID: UUID?) {
        let user = try req.requireUser()
        switch user.role {
        case .callCentreAdmin: return (user, user.organisationID)
        case .associationAdmin: return (user, nil)
        default: throw AppError.forbidden()
        }
    }

    func page(req: Request) async throws -> Response {
        let (_, ownerID) = try owner(req)
        return .html(RegisterView.render(try await model(ownerID, on: req.db), context: req.pageContext))
    }

    private func model(_ ownerID: UUID?, on db: any Database, message: Phrase? = nil, failed: Bool = false) async throws -> RegisterView.Model {
        let rows = try await RegisterSnapshotModel.query(on: db)
            .filter(\.$organisation.$id == ownerID).sort(\.$importedAt, .descending).range(..<50).all()
        return RegisterView.Model(
            rows: rows.map { .init(model: $0, problems: RegisterImportService.problems(of: $0)) },
            installationCopy: ownerID == nil, message: message, failed: failed)
    }

    struct UploadInput: Content {
        var file: File?
        var obtained_at: String?
        var voluntary: String?
        var force: String?
    }

    func upload(req: Request) async throws -> Response {
        let (_, ownerID) = try owner(req)
        let input = try req.content.decode(UploadInput.self)
        guard let file = input.file, file.data.readableBytes > 0 else {
            throw AppError.invalid([.init(field: "file", reason: "choose the register file to upload")])
        }
        var obtainedAt = req.now
        if let raw = input.obtained_at?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
            do { obtainedAt = try OsloTime.parseTimestamp(try LocalDate(parsing: raw).iso8601 + "T00:00:00") } catch {
                throw AppError.invalid([.init(field: "obtained_at", reason: "must be a date YYYY-MM-DD")])
            }
        }
        let upload = try await UploadSpool.save(file, on: req)
        defer { upload.remove() }
        let path = upload.path
        let status: HTTPResponseStatus
        let message: Phrase
        var failed = false
        do {
            let imported = try await RegisterImportService.importFile(
                path: path, fileName: file.filename, ownerID: ownerID, obtainedAt: obtainedAt,
                plainVoluntary: RegisterVoluntaryOption.parse(input.voluntary ?? "") ?? true,
                force: input.force == "on" || input.force == "true",
                obtainedAtBasis: (input.obtained_at ?? "").trimmingCharacters(in: .whitespaces).isEmpty ? .imported : .given,
                app: req.application)
            status = .created
            let plainVoluntary = RegisterVoluntaryOption.parse(input.voluntary ?? "") ?? true
            let assumed: Phrase = imported.persons == 0 && imported.numbers > 0
                ? (plainVoluntary
                    ? Phrase(nb: " Nummerfil: reservasjonene er regnet som også gjeldende frivillige organisasjoner.", en: " Number file: the reservations are taken to cover voluntary organisations too.")
                    : Phrase(nb: " Nummerfil: reservasjonene er regnet som ikke gjeldende frivillige organisasjoner.", en: " Number file: the reservations are taken not to cover voluntary organisations."))
                : Phrase(nb: "", en: "")
            message = Phrase(
                nb: "Importert: \(imported.numbers) numre og \(imported.persons) personer; \(imported.rejectedRows) rader avvist. Den nye kopien er aktiv." + assumed.nb,
                en: "Imported: \(imported.numbers) numbers and \(imported.persons) persons; \(imported.rejectedRows) rows rejected. The new copy is active." + assumed.en)
        } catch let failure as RegisterImportService.Failure {
            status = .unprocessableEntity
            failed = true
            message = Phrase(nb: "Importen feilet, forrige kopi er fortsatt aktiv: \(failure.message.nb)", en: "The import failed; the previous copy stays active: \(failure.message.en)")
        }
        return .html(RegisterView.render(try await model(ownerID, on: req.db, message: message, failed: failed), context: req.pageContext), status: status)
    }
}

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
        let error: String?
        let problems: [RegisterImportProblem]

        init(model: RegisterSnapshotModel, problems: [RegisterImportProblem]) {
            importedAt = model.importedAt
            obtainedAt = model.obtainedAt
            fileName = model.fileName
            status = model.status
            numbers = model.numbers
            persons = model.persons
            rejectedRows = model.rejectedRows
            sha256 = model.sha256
            error = model.error
            self.problems = problems
        }
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
                context.t(model.installationCopy
                    ? Phrase(nb: "Installasjonens kopi brukes av callsentre som ikke har importert sin egen lisensierte kopi.", en: "The installation's copy is used by call centres that have not imported their own licensed copy.")
                    : Phrase(nb: "Callsenterets egen lisensierte kopi. Vask i samme måned som registerkopien er hentet.", en: "The call centre's own licensed copy. Wash in the same month as the register copy was obtained."))
            }
            if let message = model.message {
                el("p", .class(model.failed ? "alert" : "notice"), .init("role", model.failed ? "alert" : "status")) { context.t(message) }
            }
            el("h2") { context.t(Phrase(nb: "Importer ny levering", en: "Import a new delivery")) }
            Form.post("/national-register", csrf: context.csrf, enctype: "multipart/form-data",
                      progress: context.t(Phrase(nb: "Filen er lastet opp; registeret leses og kopien bygges …", en: "Uploaded; reading the register and building the copy …"))) {
                Form.field(context.t(Phrase(nb: "Registerfil (CSV eller ett nummer per linje)", en: "Register file (CSV or one number per line)")), name: "file", type: "file")
                Form.field(context.t(Phrase(nb: "Hentet dato", en: "Obtained on")), name: "obtained_at", type: "date", required: false,
                           hint: context.t(Phrase(nb: "Tom: i dag", en: "Empty: today")))
                Form.select(
                    context.t(Phrase(nb: "Nummerfil (ett nummer per linje): gjelder reservasjonene også frivillige organisasjoner?", en: "Number file (one number per line): do the reservations also cover voluntary organisations?")),
                    name: "voluntary",
                    options: [
                        ("yes", context.t(Phrase(nb: "Ja (standard: filen sier det ikke, og de fleste som reserverer seg, gjør det også mot frivillige)", en: "Yes (default: the file does not say, and most people who reserve also reserve against voluntary organisations)"))),
                        ("no", context.t(Phrase(nb: "Nei, leveransen sier at de ikke gjør det", en: "No, the delivery says they do not"))),
                    ], selected: "yes")
                Form.checkbox(context.t(Phrase(
                    nb: "Tving importen selv om leveransen er tom eller mye mindre enn den aktive kopien",
                    en: "Force the import even when the delivery is empty or much smaller than the active copy")), name: "force")
                Form.submit(context.t(Phrase(nb: "Importer", en: "Import")))
            }
            el("h2") { context.t(Phrase(nb: "Historikk", en: "History")) }
            el("div", .class("table-wrap")) {
                el("table") {
                    el("thead") { el("tr") {
                        el("th") { context.t(Phrase(nb: "Importert", en: "Imported")) }
                        el("th") { context.t(Phrase(nb: "Hentet", en: "Obtained")) }
                        el("th") { context.t(Phrase(nb: "Fil", en: "File")) }
                        el("th") { context.t(Phrase(nb: "Status", en: "Status")) }
                        el("th") { context.t(Phrase(nb: "Numre / personer", en: "Numbers / persons")) }
                        el("th") { context.t(Phrase(nb: "Avviste rader", en: "Rejected rows")) }
                    } }
                    el("tbody") {
                        for row in model.rows {
                            el("tr") {
                                el("td") { NorwegianFormat.dateTime(row.importedAt) }
                                el("td") { NorwegianFormat.date(row.obtainedAt) }
                                el("td") { row.fileName; if !row.sha256.isEmpty { el("br"); el("small", .class("hint")) { "SHA-256 " + String(row.sha256.prefix(16)) + "…" } } }
                                el("td") { context.t(statusLabel(row.status)); if let error = row.error { el("br"); el("small", .class("error")) { error } } }
                                el("td") { "\(row.numbers) / \(row.persons)" }
                                el("td") {
                                    String(row.rejectedRows)
                                    if !row.problems.isEmpty {
                                        el("details") {
                                            el("summary") { context.t(Phrase(nb: "Vis", en: "Show")) }
                                            el("ul") { for problem in row.problems.prefix(50) { el("li") { context.t(Phrase(nb: "linje", en: "line")) + " \(problem.line): \(problem.reason)" } } }
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
